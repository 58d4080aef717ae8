package storage_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/forumcrawl/forumcrawl/storage"
)

// line returns a record as one JSON line.
func line(t *testing.T, site, id string, rev int, edited *time.Time, body string) string {
	t.Helper()
	r := storage.Record{SchemaVersion: 1, Site: site, Revision: rev}
	r.Post.ID, r.Post.EditedAt, r.Post.BodyText = id, edited, body
	raw, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw) + "\n"
}

func writeFiles(t *testing.T, contents ...string) []string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for i, c := range contents {
		p := filepath.Join(dir, string(rune('a'+i))+".jsonl")
		if err := os.WriteFile(p, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

func TestMerge(t *testing.T) {
	edit := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	p1 := line(t, "s", "1", 0, nil, "one")
	p2 := line(t, "s", "2", 0, nil, "two")
	p2edited := line(t, "s", "2", 1, &edit, "two, edited")
	other := line(t, "t", "1", 0, nil, "another site's post 1")
	noID := line(t, "s", "", 0, nil, "a post without id")
	tests := []struct {
		name  string
		files []string
		want  string
		stats storage.MergeStats
	}{
		{"disjoint outputs are joined in order", []string{p1, p2}, p1 + p2, storage.MergeStats{Files: 2, Lines: 2, Written: 2}},
		{"a post in two outputs is written once", []string{p1 + p2, p2 + p1}, p1 + p2, storage.MergeStats{Files: 2, Lines: 4, Written: 2, Duplicates: 2}},
		{"each distinct revision is kept once", []string{p2 + p2edited, p2edited + p2}, p2 + p2edited, storage.MergeStats{Files: 2, Lines: 4, Written: 2, Duplicates: 2}},
		{"the same id on another site is another post", []string{p1, other}, p1 + other, storage.MergeStats{Files: 2, Lines: 2, Written: 2}},
		{"posts without id are told apart by their text", []string{noID + p1, noID}, noID + p1, storage.MergeStats{Files: 2, Lines: 3, Written: 2, Duplicates: 1}},
		{"a torn last line is left out", []string{p1 + p2[:len(p2)/2], p2}, p1 + p2, storage.MergeStats{Files: 2, Lines: 2, Written: 2, Torn: 1}},
		{"a last record without newline is kept", []string{strings.TrimSuffix(p1, "\n"), p2}, p1 + p2, storage.MergeStats{Files: 2, Lines: 2, Written: 2}},
		{"empty files and blank lines are fine", []string{"", "\n" + p1 + "\n"}, p1, storage.MergeStats{Files: 2, Lines: 1, Written: 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			st, err := storage.Merge(context.Background(), &out, writeFiles(t, tc.files...))
			if err != nil {
				t.Fatal(err)
			}
			if out.String() != tc.want {
				t.Errorf("merged:\n%s\nwant:\n%s", out.String(), tc.want)
			}
			if st != tc.stats {
				t.Errorf("stats %+v, want %+v", st, tc.stats)
			}
		})
	}
}

func TestMergeBadInput(t *testing.T) {
	good := line(t, "s", "1", 0, nil, "one")
	tests := []struct {
		name  string
		files []string
		want  string // in the error
	}{
		{"a line that is not JSON names its file and line", []string{good + "not json\n" + good}, "a.jsonl line 2"},
		{"a JSON line that is not a record", []string{`{"x":1}` + "\n"}, "a.jsonl line 1: not a record"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := storage.Merge(context.Background(), &bytes.Buffer{}, writeFiles(t, tc.files...))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Merge gave %v; want an error with %q", err, tc.want)
			}
		})
	}
	_, err := storage.Merge(context.Background(), &bytes.Buffer{}, []string{filepath.Join(t.TempDir(), "missing.jsonl")})
	if err == nil || !strings.Contains(err.Error(), "missing.jsonl") {
		t.Errorf("a missing input gave %v; want an error naming it", err)
	}
}
