package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/forumcrawl/forumcrawl/forumsim"
)

// TestStatusAndResumeThroughTheCLI stops a crawl after a few pages, checks
// what status says of it, and resumes it to the end.
func TestStatusAndResumeThroughTheCLI(t *testing.T) {
	f := forumsim.New(forumsim.Config{Seed: 4, Threads: 12, MinPages: 1, MaxPages: 3})
	srv, err := forumsim.Start(f, "")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	dir := t.TempDir()
	out := filepath.Join(dir, "posts.jsonl")
	args := []string{"crawl", f.RootURL(srv.URL), "-o", out, "--delay", "0"}

	if code, _, stderr := runCmd(t, append(args, "--max-pages", "4")...); code != exitOK || !strings.Contains(stderr, "pages pending") {
		t.Fatalf("first run: exit %d, want 0 and pages pending in the summary:\n%s", code, stderr)
	}
	state := filepath.Join(dir, "posts.state")
	code, stdout, stderr := runCmd(t, "status", "--state", state)
	if code != exitOK || !strings.Contains(stdout, "pages done      4") || !strings.Contains(stdout, "unfinished") {
		t.Errorf("status after 4 pages: exit %d:\n%s%s", code, stdout, stderr)
	}

	if code, _, stderr := runCmd(t, args...); code != exitOK || !strings.Contains(stderr, "resuming: 4 pages done") {
		t.Fatalf("second run: exit %d, want 0 and a resume:\n%s", code, stderr)
	}
	checkOutputHoldsEveryPostOnce(t, out, f)
	code, stdout, _ = runCmd(t, "status", "--state", state, "--json")
	var rep statusReport
	if err := json.Unmarshal([]byte(stdout), &rep); code != exitOK || err != nil {
		t.Fatalf("status --json: exit %d, %v:\n%s", code, err, stdout)
	}
	if rep.Counts.Pending != 0 || rep.Counts.Posts != len(f.Posts()) || rep.Crawl.Site != "127.0.0.1" || len(rep.Boards) == 0 {
		t.Errorf("status of the finished crawl: %+v; want nothing pending, %d posts, per-board lines", rep, len(f.Posts()))
	}

	// Another start URL with the same state is refused before any fetch.
	before := f.TotalRequests()
	code, _, stderr = runCmd(t, "crawl", srv.URL+"/elsewhere/", "-o", out, "--delay", "0")
	if code != exitUsage || !strings.Contains(stderr, "--reset-state") || f.TotalRequests() != before {
		t.Errorf("a crawl of another start with the same state: exit %d, %d requests:\n%s", code, f.TotalRequests()-before, stderr)
	}
	if code, _, stderr := runCmd(t, "status", "--state", filepath.Join(dir, "none")); code != exitUsage {
		t.Errorf("status of a missing state: exit %d, want 2:\n%s", code, stderr)
	}
}

// TestOutputPerRunKeepsTheState runs a crawl in two runs with
// --output-per-run: each run writes a file of its own, named in its summary,
// while the state stays beside -o, so the second run resumes the first
// instead of starting afresh.
func TestOutputPerRunKeepsTheState(t *testing.T) {
	f, start := startSim(t, forumsim.Config{Seed: 5, Threads: 10, MinPages: 1, MaxPages: 3})
	dir := t.TempDir()
	out := filepath.Join(dir, "posts.jsonl")
	args := []string{"crawl", start, "-o", out, "--delay", "0", "--output-per-run"}

	code, _, stderr := runCmd(t, append(args, "--max-pages", "8")...)
	if code != exitOK {
		t.Fatalf("first run: exit %d:\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "posts.state")); err != nil {
		t.Fatalf("the state is not beside -o: %v", err)
	}
	runs, _ := filepath.Glob(filepath.Join(dir, "posts-*.jsonl"))
	if len(runs) != 1 || !strings.Contains(stderr, runs[0]) {
		t.Fatalf("first run: per-run files %q; want one, named in the summary:\n%s", runs, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("%s was written; with --output-per-run only the run's own file should be", out)
	}

	time.Sleep(1100 * time.Millisecond) // the next run's file is named after a later second
	code, _, stderr = runCmd(t, args...)
	if code != exitOK || !strings.Contains(stderr, "resuming: 8 pages done") {
		t.Fatalf("second run: exit %d, want 0 and a resume of the first:\n%s", code, stderr)
	}
	runs, _ = filepath.Glob(filepath.Join(dir, "posts-*.jsonl"))
	if len(runs) != 2 {
		t.Fatalf("per-run files after two runs: %q; want two", runs)
	}
	all := filepath.Join(dir, "all.jsonl")
	var joined []byte
	for _, r := range runs {
		b, err := os.ReadFile(r)
		if err != nil {
			t.Fatal(err)
		}
		joined = append(joined, b...)
	}
	if err := os.WriteFile(all, joined, 0o644); err != nil {
		t.Fatal(err)
	}
	if n := checkOutputHoldsEveryPostOnce(t, all, f); n == 0 {
		t.Error("no posts in the two runs' files")
	}
}
