package storage

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestHaltKeepsWholeLinesAndHoldsOffLaterWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "posts.jsonl")
	w, err := OpenJSONL(path, JSONLOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.WritePage(page("a", "1", "2")); err != nil {
		t.Fatal(err)
	}
	if err := w.Halt(time.Second); err != nil {
		t.Fatalf("halt: %v", err)
	}
	if w.mu.TryLock() {
		t.Error("the writer's lock is free after Halt; a later page could be written before the exit")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(b, []byte("\n")); n != 2 || b[len(b)-1] != '\n' {
		t.Errorf("file holds %d lines (ends %q); want the 2 written before Halt, whole", n, b[len(b)-1:])
	}
}

func TestHaltGivesUpWhileAPageIsBeingWritten(t *testing.T) {
	w, err := OpenJSONL(filepath.Join(t.TempDir(), "posts.jsonl"), JSONLOptions{})
	if err != nil {
		t.Fatal(err)
	}
	w.mu.Lock() // a page being written, never finishing
	defer w.mu.Unlock()
	err = w.Halt(10 * time.Millisecond)
	if err == nil || !strings.Contains(err.Error(), "still being written") {
		t.Errorf("Halt during a write: %v; want an error saying a page was being written", err)
	}
}
