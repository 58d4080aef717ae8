package storage_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/forumcrawl/forumcrawl/storage"
	"github.com/forumcrawl/forumcrawl/storage/statetest"
)

func TestBoltState(t *testing.T) {
	statetest.Run(t, func(t *testing.T) (storage.State, func(*testing.T) storage.State) {
		dir := t.TempDir()
		open := func(t *testing.T) storage.State {
			st, err := storage.OpenBoltState(dir, storage.BoltOptions{})
			if err != nil {
				t.Fatal(err)
			}
			return st
		}
		return open(t), open
	})
}

func TestBoltStateRefusesACorruptFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, storage.StateFile)
	if err := os.WriteFile(path, []byte(strings.Repeat("not a bbolt file ", 1000)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := storage.OpenBoltState(dir, storage.BoltOptions{})
	if !errors.Is(err, storage.ErrStateCorrupt) || !strings.Contains(err.Error(), path) {
		t.Errorf("OpenBoltState of a corrupt file gave %v; want ErrStateCorrupt naming %s", err, path)
	}
}

func TestBoltStateIsHeldByOneProcess(t *testing.T) {
	dir := t.TempDir()
	st, err := storage.OpenBoltState(dir, storage.BoltOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, _, err := st.Begin(context.Background(), storage.CrawlInfo{Site: "a"}); err != nil {
		t.Fatal(err)
	}
	// bbolt's lock is per open file description, so a second open in this
	// process waits like another process would.
	if _, err := storage.OpenBoltState(dir, storage.BoltOptions{}); err == nil || !strings.Contains(err.Error(), "another forumcrawl") {
		t.Errorf("a second open gave %v; want an error saying another forumcrawl uses it", err)
	}
}
