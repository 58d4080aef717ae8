package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/forumcrawl/forumcrawl/forumsim"
	"github.com/forumcrawl/forumcrawl/storage"
)

// TestKilledCrawlResumesWithEveryPostOnce kills the crawl of a forum of
// about 2,000 pages with SIGKILL at 20 random moments, resuming it each time
// with the same command: the final output holds every post the forum served
// exactly once, and nothing else.
func TestKilledCrawlResumesWithEveryPostOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a crawl of 2,000 pages 20 times: skipped with -short (CI's race run; its plain run covers it)")
	}
	f := forumsim.New(forumsim.Config{Seed: 21, Boards: 4, SubBoards: 1, Threads: 420, MinPages: 1, MaxPages: 8})
	srv, err := forumsim.Start(f, "")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	pages := len(f.ThreadPagePaths())
	if pages < 1500 {
		t.Fatalf("the forum has %d thread pages; the test wants about 2,000", pages)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "posts.jsonl")
	args := []string{"crawl", f.RootURL(srv.URL), "-o", out, "--delay", "0", "--parallel", "4", "--log-level", "warn"}
	rng := rand.New(rand.NewPCG(21, 1))
	kills := 0
	for run := 0; run < 60 && kills < 20; run++ {
		cmd := command(t, args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		select {
		case err := <-exited:
			if err != nil {
				t.Fatalf("run %d ended on its own with %v: %s", run+1, err, stderr.String())
			}
			t.Logf("run %d finished the crawl after %d kills", run+1, kills)
			run = 60
			continue
		case <-time.After(time.Duration(200+rng.IntN(900)) * time.Millisecond):
			cmd.Process.Kill()
			<-exited
			kills++
		}
	}
	if kills < 20 {
		t.Fatalf("only %d kills before the crawl finished: the forum is too small to test", kills)
	}
	// The last run, to the end.
	cmd := command(t, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("the last run: %v: %s", err, stderr.String())
	}

	got := checkOutputHoldsEveryPostOnce(t, out, f)
	t.Logf("%d posts of %d thread pages, each once, after %d kills", got, pages, kills)
}

// checkOutputHoldsEveryPostOnce asserts that the JSON Lines file at out
// holds every post f served exactly once and nothing else, and returns how
// many posts it holds.
func checkOutputHoldsEveryPostOnce(t *testing.T, out string, f *forumsim.Forum) int {
	t.Helper()
	want := map[string]bool{}
	for _, p := range f.Posts() {
		want[p.ID] = true
	}
	got := map[string]int{}
	fh, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 4<<20), 4<<20)
	line := 0
	for sc.Scan() {
		line++
		var r storage.Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("line %d is not a record: %v", line, err)
		}
		got[r.Post.ID]++
	}
	for id, n := range got {
		if n > 1 {
			t.Errorf("post %s written %d times", id, n)
		}
		if !want[id] {
			t.Errorf("post %s is not one the forum served", id)
		}
	}
	missing := 0
	for id := range want {
		if got[id] == 0 {
			missing++
			if missing <= 5 {
				t.Errorf("post %s missing", id)
			}
		}
	}
	if missing > 0 || len(got) != len(want) {
		t.Errorf("%d posts written of %d (%d missing)", len(got), len(want), missing)
	}
	return len(got)
}
