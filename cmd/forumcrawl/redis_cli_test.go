package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/forumcrawl/forumcrawl/forumsim"
	"github.com/forumcrawl/forumcrawl/storage/redistest"
)

// TestRedisWorkersThroughTheCLI: two workers with the same --redis and
// --crawl-id share a crawl (the second, joining a finished crawl, fetches
// nothing and exits 0), status --redis reports it, and merge joins the
// outputs with every post once. An unreachable Redis exits 2 naming it.
func TestRedisWorkersThroughTheCLI(t *testing.T) {
	rs := redistest.Start(t)
	f := forumsim.New(forumsim.Config{Seed: 8, Threads: 10, MinPages: 1, MaxPages: 3})
	srv, err := forumsim.Start(f, "")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	dir := t.TempDir()
	shared := []string{"--redis", rs.URL, "--crawl-id", "cli-test", "--delay", "0", "--no-progress"}
	a, b := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	if code, _, stderr := runCmd(t, append([]string{"crawl", f.RootURL(srv.URL), "-o", a}, shared...)...); code != exitOK {
		t.Fatalf("first worker: exit %d:\n%s", code, stderr)
	}
	before := f.TotalRequests()
	if code, _, stderr := runCmd(t, append([]string{"crawl", f.RootURL(srv.URL), "-o", b}, shared...)...); code != exitOK || f.TotalRequests() != before {
		t.Errorf("a worker joining the finished crawl: exit %d, %d requests; want 0 and none:\n%s", code, f.TotalRequests()-before, stderr)
	}
	code, stdout, stderr := runCmd(t, "status", "--redis", rs.URL, "--crawl-id", "cli-test")
	if code != exitOK || !strings.Contains(stdout, "complete") {
		t.Errorf("status --redis: exit %d:\n%s%s", code, stdout, stderr)
	}
	// The second worker wrote nothing, so left no file; merge takes what there is.
	all := filepath.Join(dir, "all.jsonl")
	if code, _, stderr := runCmd(t, "merge", "-o", all, a); code != exitOK {
		t.Fatalf("merge: exit %d:\n%s", code, stderr)
	}
	checkOutputHoldsEveryPostOnce(t, all, f)

	if code, _, stderr := runCmd(t, "crawl", f.RootURL(srv.URL), "-o", a, "--redis", "redis://127.0.0.1:1/0", "--crawl-id", "x"); code != exitUsage || !strings.Contains(stderr, "127.0.0.1:1") {
		t.Errorf("an unreachable Redis: exit %d, want 2 naming the address:\n%s", code, stderr)
	}
}
