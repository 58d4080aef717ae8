package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/forumcrawl/forumcrawl/forumsim"
)

// TestDiskFullStopsCleanlyAndResumes crawls onto a small tmpfs that fills
// up: the crawl stops with exit 1 naming the cause, and once there is room
// again the same command finishes the crawl with every post once. It needs
// root to mount the tmpfs, and skips without.
func TestDiskFullStopsCleanlyAndResumes(t *testing.T) {
	mnt := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small tmpfs to fill (needs root): %v: %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", mnt).Run() })

	f := forumsim.New(forumsim.Config{Seed: 17, Threads: 40, MinPages: 1, MaxPages: 3})
	srv, err := forumsim.Start(f, "")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	out := filepath.Join(mnt, "posts.jsonl")
	args := []string{"crawl", f.RootURL(srv.URL), "-o", out, "--delay", "0", "--parallel", "4"}

	code, _, stderr := runCmd(t, args...)
	if code != exitPartial || !strings.Contains(stderr, "no space left on device") {
		t.Fatalf("crawl onto a full disk: exit %d, want 1 naming the cause; stderr:\n%s", code, stderr)
	}
	if info, err := os.Stat(out); err != nil || info.Size() == 0 {
		t.Fatalf("nothing was written before the disk filled (%v): make the forum bigger", err)
	}

	if out, err := exec.Command("mount", "-o", "remount,size=64m", mnt).CombinedOutput(); err != nil {
		t.Fatalf("grow the tmpfs: %v: %s", err, out)
	}
	code, _, stderr = runCmd(t, args...)
	if code != exitOK || !strings.Contains(stderr, "resuming") {
		t.Fatalf("the crawl once there is room: exit %d, want 0 and a resume; stderr:\n%s", code, stderr)
	}
	checkOutputHoldsEveryPostOnce(t, out, f)
}
