package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// readLines returns the lines of the file at path, failing the test when it
// cannot be read or does not end in a newline.
func readLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) == 0 {
		return nil
	}
	if b[len(b)-1] != '\n' {
		t.Fatalf("%s does not end in a newline", path)
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

// decodeLines returns the records of lines, failing the test on a line that
// is not exactly one JSON object.
func decodeLines(t *testing.T, lines []string) []Record {
	t.Helper()
	recs := make([]Record, len(lines))
	for i, line := range lines {
		dec := json.NewDecoder(strings.NewReader(line))
		if err := dec.Decode(&recs[i]); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if dec.More() {
			t.Fatalf("line %d holds more than one JSON value", i+1)
		}
	}
	return recs
}

// openTemp returns a writer of a new file in a temporary directory.
func openTemp(t *testing.T, opts JSONLOptions) *JSONLWriter {
	t.Helper()
	w, err := OpenJSONL(filepath.Join(t.TempDir(), "posts.jsonl"), opts)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func TestWritePageWritesEachPostOnce(t *testing.T) {
	tests := []struct {
		name        string
		pages       [][]Record
		wantWritten []int
		wantKeys    []string
	}{
		{
			name:        "posts met again on a later page are skipped",
			pages:       [][]Record{page("a", "1", "2", "3"), page("a", "3", "4")},
			wantWritten: []int{3, 1},
			wantKeys:    []string{"a/1", "a/2", "a/3", "a/4"},
		},
		{
			name:        "a post twice on one page is written once",
			pages:       [][]Record{page("a", "1", "1", "2")},
			wantWritten: []int{2},
			wantKeys:    []string{"a/1", "a/2"},
		},
		{
			name:        "the same post id on two sites is two posts",
			pages:       [][]Record{page("a", "1"), page("b", "1")},
			wantWritten: []int{1, 1},
			wantKeys:    []string{"a/1", "b/1"},
		},
		{
			name:        "a page of known posts writes nothing",
			pages:       [][]Record{page("a", "1", "2"), page("a", "2", "1"), nil},
			wantWritten: []int{2, 0, 0},
			wantKeys:    []string{"a/1", "a/2"},
		},
		{
			name:        "posts without an id are always written",
			pages:       [][]Record{page("a", "", ""), page("a", "")},
			wantWritten: []int{2, 1},
			wantKeys:    []string{"a/", "a/", "a/"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := openTemp(t, JSONLOptions{})
			for i, p := range tt.pages {
				n, err := w.WritePage(p)
				if err != nil {
					t.Fatalf("page %d: %v", i, err)
				}
				if n != tt.wantWritten[i] {
					t.Errorf("page %d: wrote %d records, want %d", i, n, tt.wantWritten[i])
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			var keys []string
			for _, r := range decodeLines(t, readLines(t, w.Path())) {
				keys = append(keys, r.Site+"/"+r.Post.ID)
			}
			if !reflect.DeepEqual(keys, tt.wantKeys) {
				t.Errorf("file holds %q, want %q", keys, tt.wantKeys)
			}
			if w.Count() != len(tt.wantKeys) {
				t.Errorf("Count() = %d, want %d", w.Count(), len(tt.wantKeys))
			}
		})
	}
}

func TestWritePageWritesOneJSONObjectPerLine(t *testing.T) {
	w := openTemp(t, JSONLOptions{})
	want := page("forums.example.com", "1", "2", "3")
	if _, err := w.WritePage(want); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	lines := readLines(t, w.Path())
	got := decodeLines(t, lines)
	for i := range want {
		// Compare as JSON: times decode with a different *Location.
		wb, _ := json.Marshal(want[i])
		gb, _ := json.Marshal(got[i])
		if !bytes.Equal(wb, gb) {
			t.Errorf("line %d decodes to\n%s\nwant\n%s", i+1, gb, wb)
		}
	}
	if !strings.Contains(lines[0], `<br />`) {
		t.Errorf("body_html is escaped, want it readable: %.300s", lines[0])
	}
}

func TestOpenJSONLCreatesNoFileUntilARecordIsWritten(t *testing.T) {
	tests := []struct {
		name    string
		earlier string // content of a file already at the path; "" for none
		opts    JSONLOptions
	}{
		{name: "a new path stays absent"},
		{name: "an existing file is not truncated", earlier: "{\"old\":1}\n"},
		{name: "an existing file is not touched in append mode", earlier: "{\"old\":1}\n", opts: JSONLOptions{Append: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "posts.jsonl")
			if tt.earlier != "" {
				if err := os.WriteFile(path, []byte(tt.earlier), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			w, err := OpenJSONL(path, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if n, err := w.WritePage(nil); n != 0 || err != nil {
				t.Fatalf("WritePage(nil) = %d, %v; want 0, nil", n, err)
			}
			if err := w.Sync(); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(path)
			switch {
			case tt.earlier == "" && !errors.Is(err, fs.ErrNotExist):
				t.Errorf("file exists after writing nothing (err %v)", err)
			case tt.earlier != "" && string(b) != tt.earlier:
				t.Errorf("file holds %q, want %q", b, tt.earlier)
			}
			entries, _ := os.ReadDir(filepath.Dir(path))
			if want := min(len(tt.earlier), 1); len(entries) != want {
				t.Errorf("directory holds %d entries, want %d (probe file left behind?)", len(entries), want)
			}
		})
	}
}

func TestOpenJSONLRejectsPathsThatCannotBeWritten(t *testing.T) {
	root := os.Geteuid() == 0
	tests := []struct {
		name   string
		skip   bool
		path   func(t *testing.T, dir string) string
		target error
	}{
		{
			name:   "a path in a missing directory",
			path:   func(t *testing.T, dir string) string { return filepath.Join(dir, "missing", "posts.jsonl") },
			target: fs.ErrNotExist,
		},
		{
			name:   "a path that is a directory",
			path:   func(t *testing.T, dir string) string { return dir },
			target: syscall.EISDIR,
		},
		{
			name: "a path whose parent is a regular file",
			path: func(t *testing.T, dir string) string {
				parent := filepath.Join(dir, "file")
				if err := os.WriteFile(parent, nil, 0o644); err != nil {
					t.Fatal(err)
				}
				return filepath.Join(parent, "posts.jsonl")
			},
			target: syscall.ENOTDIR,
		},
		{
			name: "a path in a read-only directory",
			skip: root, // root can write anywhere
			path: func(t *testing.T, dir string) string {
				ro := filepath.Join(dir, "ro")
				if err := os.Mkdir(ro, 0o555); err != nil {
					t.Fatal(err)
				}
				return filepath.Join(ro, "posts.jsonl")
			},
			target: fs.ErrPermission,
		},
		{
			name: "an existing read-only file",
			skip: root,
			path: func(t *testing.T, dir string) string {
				path := filepath.Join(dir, "posts.jsonl")
				if err := os.WriteFile(path, nil, 0o444); err != nil {
					t.Fatal(err)
				}
				return path
			},
			target: fs.ErrPermission,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.skip {
				t.Skip("running as root, which can write anywhere")
			}
			path := tt.path(t, t.TempDir())
			w, err := OpenJSONL(path, JSONLOptions{})
			if err == nil {
				w.Close()
				t.Fatalf("OpenJSONL(%q) succeeded, want an error", path)
			}
			if !errors.Is(err, tt.target) {
				t.Errorf("error %q is not %v", err, tt.target)
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name the path %s", err, path)
			}
		})
	}
}

func TestOpenJSONLReplacesOrAppends(t *testing.T) {
	tests := []struct {
		name     string
		append   bool
		wantKeys []string
	}{
		{name: "append keeps the earlier lines", append: true, wantKeys: []string{"a/1", "a/2", "a/3"}},
		{name: "without append the file is replaced", append: false, wantKeys: []string{"a/3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "posts.jsonl")
			first, err := OpenJSONL(path, JSONLOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := first.WritePage(page("a", "1", "2")); err != nil {
				t.Fatal(err)
			}
			if err := first.Close(); err != nil {
				t.Fatal(err)
			}

			second, err := OpenJSONL(path, JSONLOptions{Append: tt.append})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := second.WritePage(page("a", "3")); err != nil {
				t.Fatal(err)
			}
			if err := second.Close(); err != nil {
				t.Fatal(err)
			}
			var keys []string
			for _, r := range decodeLines(t, readLines(t, path)) {
				keys = append(keys, r.Site+"/"+r.Post.ID)
			}
			if !reflect.DeepEqual(keys, tt.wantKeys) {
				t.Errorf("file holds %q, want %q", keys, tt.wantKeys)
			}
		})
	}
}

func TestWritePageFromManyGoroutinesWritesWholeLines(t *testing.T) {
	const goroutines, pages, perPage = 8, 25, 20
	w := openTemp(t, JSONLOptions{})
	shared := page("a", "shared-1", "shared-2")
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			for p := range pages {
				recs := make([]Record, perPage)
				for i := range recs {
					recs[i] = recordWithID("a", fmt.Sprintf("%d-%d-%d", g, p, i))
				}
				recs = append(recs, shared...) // every goroutine meets the same posts
				if _, err := w.WritePage(recs); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}

	want := goroutines*pages*perPage + len(shared)
	recs := decodeLines(t, readLines(t, w.Path()))
	if len(recs) != want || w.Count() != want {
		t.Errorf("file holds %d records and Count() = %d, want %d", len(recs), w.Count(), want)
	}
	seen := make(map[string]bool)
	for i, r := range recs {
		if seen[r.Post.ID] {
			t.Errorf("line %d: post %s written twice", i+1, r.Post.ID)
		}
		seen[r.Post.ID] = true
	}
}

func TestWritePageAfterCloseFails(t *testing.T) {
	w := openTemp(t, JSONLOptions{})
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := w.WritePage(page("a", "1")); !errors.Is(err, os.ErrClosed) {
		t.Errorf("WritePage after Close returned %v, want %v", err, os.ErrClosed)
	}
	if err := w.Close(); err != nil {
		t.Errorf("second Close returned %v, want nil", err)
	}
}

func BenchmarkWritePage(b *testing.B) {
	w, err := OpenJSONL(filepath.Join(b.TempDir(), "posts.jsonl"), JSONLOptions{})
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	recs := page("forums.example.com", make([]string, 20)...)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for i := range recs {
			recs[i].Post.ID = strconv.Itoa(n)
			n++
		}
		if _, err := w.WritePage(recs); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "records/s")
}
