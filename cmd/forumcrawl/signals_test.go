package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/forumcrawl/forumcrawl/forumsim"
)

// wholeLines returns the records of a JSON Lines file, failing the test on
// a line that is not a whole JSON object or a file ending mid-line.
func wholeLines(t *testing.T, path string) int {
	t.Helper()
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return 0
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(b) > 0 && b[len(b)-1] != '\n' {
		t.Error("the output ends in the middle of a line")
	}
	lines := bytes.Split(bytes.TrimSuffix(b, []byte("\n")), []byte("\n"))
	for i, l := range lines {
		if !json.Valid(l) {
			t.Fatalf("line %d is not a whole JSON record: %.80q", i+1, l)
		}
	}
	if len(b) == 0 {
		return 0
	}
	return len(lines)
}

// wait waits for cmd to exit, killing it after limit, and returns its exit code.
func wait(t *testing.T, cmd *exec.Cmd, limit time.Duration) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(limit):
		cmd.Process.Kill()
		<-done
		t.Fatalf("the command did not exit within %s", limit)
	}
	return cmd.ProcessState.ExitCode()
}

func TestFirstSignalFinishesWritesTheSummaryAndExits(t *testing.T) {
	tests := []struct {
		name string
		sig  syscall.Signal
		code int
	}{
		{"SIGINT exits 130", syscall.SIGINT, 130},
		{"SIGTERM exits 143", syscall.SIGTERM, 143},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := startGatedForum(t, forumsim.Config{Seed: 9, Threads: 40, MinPages: 3, MaxPages: 6}, 5, false)
			dir := t.TempDir()
			out, sumPath := filepath.Join(dir, "posts.jsonl"), filepath.Join(dir, "summary.json")
			cmd := command(t, "crawl", g.f.RootURL(g.srv.URL), "-o", out, "--delay", "20ms", "--summary", sumPath, "--no-progress")
			var stderr syncBuffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			g.waitReached(t)
			if err := cmd.Process.Signal(tt.sig); err != nil {
				t.Fatal(err)
			}
			if code := wait(t, cmd, time.Minute); code != tt.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr.String())
			}
			lines := wholeLines(t, out)
			for _, want := range []string{"finishing the pages in flight", "crawl summary (stopped early: " + tt.sig.String() + ")"} {
				if !strings.Contains(stderr.String(), want) {
					t.Errorf("stderr does not say %q:\n%s", want, stderr.String())
				}
			}
			var sum struct {
				Interrupted string `json:"interrupted"`
				ExitCode    int    `json:"exit_code"`
				Posts       int    `json:"posts_written"`
			}
			b, err := os.ReadFile(sumPath)
			if err != nil {
				t.Fatalf("no summary file after the signal: %v", err)
			}
			if err := json.Unmarshal(b, &sum); err != nil {
				t.Fatal(err)
			}
			if sum.Interrupted != tt.sig.String() || sum.ExitCode != tt.code || sum.Posts != lines {
				t.Errorf("summary says interrupted %q, exit %d, %d posts; want %q, %d, %d (the output's lines)",
					sum.Interrupted, sum.ExitCode, sum.Posts, tt.sig.String(), tt.code, lines)
			}
			if n := int(g.served.Load()); n >= len(g.f.ThreadPagePaths()) {
				t.Errorf("the crawl went on after the signal: %d requests", n)
			}
		})
	}
}
