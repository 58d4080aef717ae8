package scraper

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/forumcrawl/forumcrawl/forumsim"
	"github.com/forumcrawl/forumcrawl/storage"
)

// stateRun runs one crawl of cfg that writes to out with the state in dir,
// as the CLI does, and returns its summary and logs.
func stateRun(t *testing.T, cfg Config, out, dir string) (*Summary, string) {
	t.Helper()
	st, err := storage.OpenBoltState(dir, storage.BoltOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w, err := storage.OpenJSONL(out, storage.JSONLOptions{Seen: storage.NopSeen{}})
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	cfg.State = st
	cfg.NoDelay = true
	cfg.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	if cfg.Parallel == 0 {
		cfg.Parallel = 4
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	sum, err := Crawl(ctx, cfg, w)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatalf("crawl: %v\n%s", err, logs.String())
	}
	return sum, logs.String()
}

// readRecords reads a JSON Lines output, failing on any line that is not a record.
func readRecords(t *testing.T, path string) []storage.Record {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var recs []storage.Record
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 4<<20), 4<<20)
	for sc.Scan() {
		var r storage.Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("%s line %d: %v", path, len(recs)+1, err)
		}
		recs = append(recs, r)
	}
	return recs
}

// TestResumeGoesOnWhereTheRunStopped stops a crawl after a few pages, run
// after run, each resumed from the state: the output ends up holding every
// post once, and no page is fetched twice.
func TestResumeGoesOnWhereTheRunStopped(t *testing.T) {
	f, srv := simForum(t, forumsim.Config{Seed: 5, Boards: 2, Threads: 30, MinPages: 1, MaxPages: 4})
	dir, out := t.TempDir(), filepath.Join(t.TempDir(), "posts.jsonl")
	start := f.RootURL(srv.URL)
	runs := 0
	for ; runs < 100; runs++ {
		sum, logs := stateRun(t, Config{Start: start, MaxPages: 7}, out, dir)
		if runs > 0 && !strings.Contains(logs, "resuming:") {
			t.Fatalf("run %d did not say it resumed: %s", runs+1, logs)
		}
		if sum.Pending == 0 {
			break
		}
	}
	if runs < 3 {
		t.Fatalf("the crawl took %d runs of 7 pages: the forum is too small to test resuming", runs+1)
	}
	checkPosts(t, srv.URL, readRecords(t, out), f.Posts())
	checkFetchedOnce(t, f, start)

	// A run after the end says the crawl is complete and fetches nothing.
	before := f.TotalRequests()
	_, logs := stateRun(t, Config{Start: start}, out, dir)
	if f.TotalRequests() != before || !strings.Contains(logs, "the crawl is complete") {
		t.Errorf("a run of a complete crawl made %d requests and said: %s", f.TotalRequests()-before, logs)
	}
	checkPosts(t, srv.URL, readRecords(t, out), f.Posts())
}

// TestResumeCutsATornLineAndKeepsUnmarkedPosts resumes a run that was killed
// after writing posts the state had not marked, and in the middle of a line.
func TestResumeCutsATornLineAndKeepsUnmarkedPosts(t *testing.T) {
	f, srv := simForum(t, forumsim.Config{Seed: 9, Boards: 2, Threads: 20, MinPages: 1, MaxPages: 3})
	dir, out := t.TempDir(), filepath.Join(t.TempDir(), "posts.jsonl")
	start := f.RootURL(srv.URL)
	stateRun(t, Config{Start: start, MaxPages: 6}, out, dir)
	recs := readRecords(t, out)
	if len(recs) == 0 {
		t.Fatal("the first run wrote no posts")
	}

	// As if a killed run had written, after the state's mark, a whole
	// post that a later page repeats (the state never heard of it) and half
	// of another line.
	var extra storage.Record
	for _, p := range f.Posts() {
		if !containsPost(recs, p.ID) {
			extra = recs[0]
			extra.Post.ID = p.ID
			break
		}
	}
	line, _ := json.Marshal(extra)
	fh, err := os.OpenFile(out, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	fh.Write(append(line, '\n'))
	fh.Write(line[:len(line)/2])
	fh.Close()

	_, logs := stateRun(t, Config{Start: start}, out, dir)
	if !strings.Contains(logs, "torn line") || !strings.Contains(logs, "1 posts written after the last page marked done") {
		t.Errorf("the resumed run did not report the torn line and the unmarked post: %s", logs)
	}
	got := readRecords(t, out) // fails on a torn line
	// The unmarked post stays as written (with the first post's text) and
	// is not written again; every other post is there once, as served.
	var rest []storage.Record
	for _, r := range got {
		if r.Post.ID != extra.Post.ID {
			rest = append(rest, r)
		}
	}
	if len(got)-len(rest) != 1 {
		t.Errorf("post %s written %d times, want once", extra.Post.ID, len(got)-len(rest))
	}
	var want []forumsim.PostTruth
	for _, p := range f.Posts() {
		if p.ID != extra.Post.ID {
			want = append(want, p)
		}
	}
	checkPosts(t, srv.URL, rest, want)
}

func containsPost(recs []storage.Record, id string) bool {
	for _, r := range recs {
		if r.Post.ID == id {
			return true
		}
	}
	return false
}

// TestStateOfAnotherCrawlIsRefused: a state holds one crawl.
func TestStateOfAnotherCrawlIsRefused(t *testing.T) {
	f, srv := simForum(t, forumsim.Config{Seed: 2, Threads: 4})
	dir, out := t.TempDir(), filepath.Join(t.TempDir(), "posts.jsonl")
	stateRun(t, Config{Start: f.RootURL(srv.URL), MaxPages: 2}, out, dir)
	st, err := storage.OpenBoltState(dir, storage.BoltOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w, _ := storage.OpenJSONL(out, storage.JSONLOptions{})
	defer w.Close()
	_, err = Crawl(context.Background(), Config{Start: srv.URL + "/elsewhere/", NoDelay: true, State: st}, w)
	if err == nil || !strings.Contains(err.Error(), "another crawl") || !strings.Contains(err.Error(), "--reset-state") {
		t.Errorf("a crawl of another start with the same state gave %v; want a refusal naming --reset-state", err)
	}
}

// TestRetryFailedFetchesTheFailedPagesAgain: pages that failed stay failed
// in the state; a later run with RetryFailed fetches them, and only them.
func TestRetryFailedFetchesTheFailedPagesAgain(t *testing.T) {
	f := forumsim.New(forumsim.Config{Seed: 12, Threads: 10, MinPages: 2, MaxPages: 3})
	broken := f.ThreadPagePaths()[3]
	var failing atomic.Bool
	failing.Store(true)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if failing.Load() && r.URL.Path == broken {
			http.Error(w, "down for maintenance", http.StatusNotFound)
			return
		}
		f.Handler().ServeHTTP(w, r)
	}))
	defer srv.Close()
	dir, out := t.TempDir(), filepath.Join(t.TempDir(), "posts.jsonl")
	start := f.RootURL(srv.URL)

	sum, _ := stateRun(t, Config{Start: start}, out, dir)
	if len(sum.Failed) != 1 || !strings.HasSuffix(sum.Failed[0].URL, broken) {
		t.Fatalf("first run's failures %+v, want %s", sum.Failed, broken)
	}
	failing.Store(false)
	before := f.TotalRequests()
	counts := f.Requests()
	sum, _ = stateRun(t, Config{Start: start}, out, dir)
	if f.TotalRequests() != before || len(sum.Failed) != 0 {
		t.Errorf("a run without RetryFailed made %d requests; want none (the failed page waits for RetryFailed)", f.TotalRequests()-before)
	}
	_, logs := stateRun(t, Config{Start: start, RetryFailed: true}, out, dir)
	if !strings.Contains(logs, "retrying 1 failed pages") {
		t.Errorf("the retry run did not say what it retries:\n%s", logs)
	}
	// It fetches the failed page and the pages only it linked to, nothing fetched before.
	for p, c := range f.Requests() {
		if c > counts[p] && p != broken && counts[p] > 0 {
			t.Errorf("the retry run fetched %s again", p)
		}
	}
	if f.Requests()[broken] != counts[broken]+1 {
		t.Errorf("the retry run fetched %s %d times, want once", broken, f.Requests()[broken]-counts[broken])
	}
	checkPosts(t, srv.URL, readRecords(t, out), f.Posts())
}
