//go:build linux

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/forumcrawl/forumcrawl/forumsim"
)

// TestSecondSignalExitsAtOnce stalls the crawl's output, a pipe nobody
// reads (as in "forumcrawl crawl -o - | a stuck consumer"), so the first
// signal's orderly stop cannot finish: the second exits anyway, after
// waiting a bounded time for the page being written, and says so.
func TestSecondSignalExitsAtOnce(t *testing.T) {
	g := startGatedForum(t, forumsim.Config{Seed: 9, Threads: 40, MinPages: 3, MaxPages: 6}, 1, false)
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := unix.FcntlInt(w.Fd(), unix.F_SETPIPE_SZ, 4096); err != nil {
		t.Skipf("cannot size a pipe here: %v", err)
	}
	sumPath := filepath.Join(t.TempDir(), "summary.json")
	cmd := command(t, "crawl", g.f.RootURL(g.srv.URL), "-o", "-", "--delay", "0", "--summary", sumPath, "--no-progress")
	var stderr syncBuffer
	cmd.Stdout, cmd.Stderr = w, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	// Wait for the pipe to fill: the crawl is then blocked writing a page.
	full := false
	for end := time.Now().Add(time.Minute); !full && time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		n, err := unix.IoctlGetInt(int(r.Fd()), unix.TIOCINQ) // FIONREAD: bytes waiting in the pipe
		full = err == nil && n >= 4096
	}
	if !full {
		cmd.Process.Kill()
		t.Fatalf("the output pipe never filled; stderr:\n%s", stderr.String())
	}
	cmd.Process.Signal(syscall.SIGINT)
	if !stderr.waitFor("finishing the pages in flight", time.Minute) {
		t.Fatalf("no word of the first signal:\n%s", stderr.String())
	}
	cmd.Process.Signal(syscall.SIGTERM)
	if code := wait(t, cmd, time.Minute); code != 143 {
		t.Fatalf("exit %d, want 143 (the second signal's); stderr:\n%s", code, stderr.String())
	}
	for _, want := range []string{"second signal (terminated): stopping now", "a page was still being written after 2s"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr does not say %q:\n%s", want, stderr.String())
		}
	}
	if _, err := os.Stat(sumPath); !os.IsNotExist(err) {
		t.Errorf("a summary file after a hard exit: %v", err)
	}
}
