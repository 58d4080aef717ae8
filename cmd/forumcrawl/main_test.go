package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/forumcrawl/forumcrawl/forumsim"
)

// runCmd runs the command line and returns its exit code, stdout and stderr.
func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestBadUsageExitsTwoBeforeFetching(t *testing.T) {
	dir := t.TempDir()
	notDir := filepath.Join(dir, "file")
	if err := os.WriteFile(notDir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	f := forumsim.New(forumsim.Config{Seed: 1, Threads: 2})
	srv, err := forumsim.Start(f, "")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	start := f.RootURL(srv.URL)
	tests := []struct {
		name    string
		args    []string
		message string
	}{
		{"no command", nil, "Usage"},
		{"unknown command", []string{"fetch"}, `unknown command "fetch"`},
		{"no start URL", []string{"crawl", "-o", filepath.Join(dir, "a.jsonl")}, "one start URL"},
		{"no output", []string{"crawl", start}, "-o FILE is required"},
		{"not http", []string{"crawl", "ftp://example.com/", "-o", filepath.Join(dir, "a.jsonl")}, "not an absolute http(s) URL"},
		{"relative URL", []string{"crawl", "forum/threads/1", "-o", filepath.Join(dir, "a.jsonl")}, "not an absolute http(s) URL"},
		{"output directory missing", []string{"crawl", start, "-o", filepath.Join(dir, "missing", "a.jsonl")}, "no such file or directory"},
		{"output under a file", []string{"crawl", start, "-o", filepath.Join(notDir, "a.jsonl")}, "not a directory"},
		{"output is a directory", []string{"crawl", start, "-o", dir}, "is a directory"},
		{"unknown engine", []string{"crawl", start, "-o", filepath.Join(dir, "a.jsonl"), "--engine", "nope"}, `unknown engine "nope"`},
		{"bad flag", []string{"crawl", start, "--parallel", "many"}, "invalid value"},
		{"bad memory limit", []string{"crawl", start, "-o", filepath.Join(dir, "a.jsonl"), "--memory-limit", "lots"}, "--memory-limit"},
		{"metrics address in use", []string{"crawl", start, "-o", filepath.Join(dir, "a.jsonl"), "--metrics-addr", strings.TrimPrefix(srv.URL, "http://")}, "address already in use"},
		{"bad log format", []string{"crawl", start, "-o", filepath.Join(dir, "a.jsonl"), "--log-format", "xml"}, `--log-format "xml"`},
		{"summary directory missing", []string{"crawl", start, "-o", filepath.Join(dir, "a.jsonl"), "--summary", filepath.Join(dir, "missing", "s.json")}, "--summary"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, tt.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d; stderr: %s", code, exitUsage, stderr)
			}
			if !strings.Contains(stderr, tt.message) {
				t.Errorf("stderr %q does not say %q", stderr, tt.message)
			}
		})
	}
	if n := f.TotalRequests(); n != 0 {
		t.Errorf("%d requests reached the forum; bad usage must fail before any fetch", n)
	}
}

func TestUnreachableHostExitsOneAndLeavesNoFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "posts.jsonl")
	code, _, stderr := runCmd(t, "crawl", "http://127.0.0.1:1/forum/", "-o", out, "--timeout", "5s")
	if code != exitPartial {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(stderr, "127.0.0.1:1") {
		t.Errorf("stderr does not name the host: %s", stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("output file left behind: %v", err)
	}
}

func TestCrawlCommandWritesEveryPost(t *testing.T) {
	f := forumsim.New(forumsim.Config{Seed: 2, Threads: 6, MaxPages: 3})
	srv, err := forumsim.Start(f, "")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	out := filepath.Join(t.TempDir(), "posts.jsonl")
	code, _, stderr := runCmd(t, "crawl", f.RootURL(srv.URL), "-o", out, "--delay", "0", "--parallel", "4")
	if code != exitOK {
		t.Fatalf("exit %d; stderr: %s", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if lines := bytes.Count(b, []byte("\n")); lines != len(f.Posts()) {
		t.Errorf("%d lines, forum has %d posts", lines, len(f.Posts()))
	}
	if !strings.Contains(stderr, "posts written") {
		t.Errorf("no summary on stderr: %s", stderr)
	}
}

func TestParseCommand(t *testing.T) {
	const page = "../../../shared/fixtures/xenforo2/xenforo-com-community_a-dark-theme-option.html"
	if _, err := os.Stat(page); err != nil {
		t.Skipf("shared fixtures not found (../shared/fixtures beside the project): %v", err)
	}
	code, stdout, stderr := runCmd(t, "parse", page)
	if code != exitOK {
		t.Fatalf("exit %d; stderr: %s", code, stderr)
	}
	if lines := strings.Count(stdout, "\n"); lines != 8 {
		t.Errorf("%d records, the page has 8 posts", lines)
	}
	if !strings.Contains(stdout, `"page_url":"https://xenforo.com/community/threads/a-dark-theme-option.8276/"`) {
		t.Errorf("the page URL was not taken from the page's canonical link")
	}

	notForum := filepath.Join(t.TempDir(), "x.html")
	os.WriteFile(notForum, []byte("<html><body><p>hello</p></body></html>"), 0o644)
	code, _, stderr = runCmd(t, "parse", "--url", "https://example.com/x", notForum)
	if code != exitPartial || !strings.Contains(stderr, "no known forum engine") {
		t.Errorf("a page of no engine: exit %d, stderr %q; want 1 and a message", code, stderr)
	}
}

func TestHelpHasExamples(t *testing.T) {
	for _, cmd := range []string{"crawl", "parse", "demo"} {
		code, _, stderr := runCmd(t, cmd, "--help")
		if code != exitOK || !strings.Contains(stderr, "Examples:") || !strings.Contains(stderr, "forumcrawl "+cmd) {
			t.Errorf("%s --help: exit %d, output %q", cmd, code, stderr)
		}
	}
}

func TestDemo(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "demo.jsonl")
	code, stdout, stderr := runCmd(t, "demo", "-o", out, "--threads", "5")
	if code != exitOK {
		t.Fatalf("exit %d; stderr %s", code, stderr)
	}
	if !strings.Contains(stdout, out) || !strings.Contains(stdout, "posts written") {
		t.Errorf("demo does not say where the output went: %s", stdout)
	}
	if st, err := os.Stat(out); err != nil || st.Size() == 0 {
		t.Errorf("demo output: %v", err)
	}
}

func TestInterruptedCrawlExits130WithWholeLines(t *testing.T) {
	f := forumsim.New(forumsim.Config{Seed: 9, Threads: 40, MinPages: 3, MaxPages: 6})
	started := make(chan struct{})
	var once sync.Once
	var served atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if served.Add(1) == 5 { // the index, boards and a first thread page have been served
			once.Do(func() { close(started) })
		}
		f.Handler().ServeHTTP(w, r)
	}))
	defer srv.Close()
	out := filepath.Join(t.TempDir(), "posts.jsonl")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	var stderr bytes.Buffer
	go func() {
		done <- run(ctx, []string{"crawl", f.RootURL(srv.URL), "-o", out, "--delay", "20ms", "--parallel", "2"}, io.Discard, &stderr)
	}()
	<-started
	cancel() // what SIGINT does through signal.NotifyContext
	if code := <-done; code != 130 {
		t.Fatalf("exit %d, want 130; stderr: %s", code, stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	lines := bytes.Split(bytes.TrimSuffix(b, []byte("\n")), []byte("\n"))
	for i, l := range lines {
		if len(l) > 0 && !json.Valid(l) {
			t.Fatalf("line %d is not a whole JSON record: %.80q", i+1, l)
		}
	}
	if len(b) > 0 && b[len(b)-1] != '\n' {
		t.Error("the output ends in the middle of a line")
	}
	if int(served.Load()) >= len(f.ThreadPagePaths()) {
		t.Errorf("the crawl went on after the interrupt: %d requests", served.Load())
	}
}
