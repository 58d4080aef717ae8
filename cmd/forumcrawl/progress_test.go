package main

import (
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/forumcrawl/forumcrawl/forumsim"
)

// smallForum starts a small forumsim forum for one test and returns its start URL.
func smallForum(t *testing.T) (*forumsim.Forum, string) {
	t.Helper()
	f := forumsim.New(forumsim.Config{Seed: 3, Threads: 10, MaxPages: 3})
	srv, err := forumsim.Start(f, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return f, f.RootURL(srv.URL)
}

func TestCrawlOnATerminalShowsALiveLine(t *testing.T) {
	f, start := smallForum(t)
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer ptmx.Close()
	pty.Setsize(ptmx, &pty.Winsize{Rows: 24, Cols: 120})
	var screen syncBuffer
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); io.Copy(&screen, ptmx) }() // ends once tty is closed

	cmd := command(t, "crawl", start, "-o", t.TempDir()+"/posts.jsonl", "--delay", "0")
	cmd.Stderr = tty
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	code := wait(t, cmd, time.Minute)
	tty.Close()
	wg.Wait()
	out := screen.String()
	if code != exitOK {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	pages := pageRequests(f)
	for _, want := range []string{
		`(^|[^0-9])` + itoa(pages) + "/" + itoa(pages) + ` pages \[=+\]`,
		itoa(len(f.Posts())) + " posts",
		"crawl summary",
	} {
		if !regexp.MustCompile(want).MatchString(out) {
			t.Errorf("the terminal does not show %s:\n%q", want, out)
		}
	}
	if strings.Contains(out, "crawl progress") {
		t.Errorf("progress log lines on a terminal, where the live line shows it:\n%s", out)
	}
}

func TestCrawlOnAPipeLogsProgressLines(t *testing.T) {
	f, start := smallForum(t)
	cmd := command(t, "crawl", start, "-o", t.TempDir()+"/posts.jsonl", "--delay", "0",
		"--progress-interval", "1h", "--log-format", "json", "--metrics-addr", "127.0.0.1:0")
	var stderr syncBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if code := wait(t, cmd, time.Minute); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr.String())
	}
	out := stderr.String()
	final := `{"time":"[^"]+","level":"INFO","msg":"crawl progress","pages_done":` + itoa(pageRequests(f)) +
		`,"pages_pending":0,"posts":` + itoa(len(f.Posts())) + `,`
	for _, want := range []string{final, `"msg":"serving metrics","url":"http://127\.0\.0\.1:\d+/metrics"`, "crawl summary"} {
		if !regexp.MustCompile(want).MatchString(out) {
			t.Errorf("stderr does not match %s:\n%s", want, out)
		}
	}
	if strings.ContainsAny(out, "\r\x1b") {
		t.Errorf("terminal control characters on a pipe: %q", out)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
