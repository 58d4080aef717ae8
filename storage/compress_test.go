package storage

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"

	"github.com/forumcrawl/forumcrawl/parser"
)

func TestCompressionFor(t *testing.T) {
	tests := []struct {
		path string
		want Compression
		warn string
	}{
		{"posts.jsonl", Plain, ""},
		{"posts", Plain, ""},
		{"-", Plain, ""},
		{"posts.jsonl.gz", Gzip, ""},
		{"dir.v2/posts.jsonl.GZ", Gzip, ""},
		{"posts.jsonl.zst", Zstd, ""},
		{"posts.jsonl.bz2", Plain, "does not write .bz2 compression"},
		{"posts.xz", Plain, "does not write .xz compression"},
		{"posts.out", Plain, "unknown extension .out"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			got, warn := CompressionFor(tt.path)
			if got != tt.want {
				t.Errorf("compression %s, want %s", got, tt.want)
			}
			if (tt.warn == "") != (warn == "") || !strings.Contains(warn, tt.warn) {
				t.Errorf("warning %q, want one saying %q", warn, tt.warn)
			}
			if warn != "" && (!strings.Contains(warn, "plain") || !strings.Contains(warn, tt.path)) {
				t.Errorf("warning %q does not name the file and say it is written plain", warn)
			}
		})
	}
}

// pageRecords returns n pages of records, page i holding i%3+1 posts.
func pageRecords(n int) [][]Record {
	var pages [][]Record
	id := 0
	for i := range n {
		var recs []Record
		for range i%3 + 1 {
			id++
			recs = append(recs, Record{
				SchemaVersion: SchemaVersion, Site: "forum.test", Engine: "phpbb",
				PageURL: fmt.Sprintf("http://forum.test/t/%d?page=%d", i/4, i%4+1),
				Thread:  parser.Thread{ID: fmt.Sprint(i / 4), Title: "Thread é"},
				Post:    parser.Post{ID: fmt.Sprint(id), BodyText: strings.Repeat("word ", id%7)},
				Author:  parser.Author{Name: fmt.Sprintf("user%d", id%5)},
			})
		}
		pages = append(pages, recs)
	}
	return pages
}

// writePages writes pages to path and returns the file's size after each page.
func writePages(t *testing.T, path string, pages [][]Record) []int64 {
	t.Helper()
	w, err := OpenJSONL(path, JSONLOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var ends []int64
	for _, p := range pages {
		if _, err := w.WritePage(p); err != nil {
			t.Fatal(err)
		}
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		ends = append(ends, st.Size())
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return ends
}

// readAll returns the lines of b and the reader's tail.
func readAll(t *testing.T, b []byte) ([]string, *JSONLReader) {
	t.Helper()
	r, err := NewJSONLReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for {
		l, err := r.Next()
		if errors.Is(err, io.EOF) {
			return lines, r
		}
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, string(l))
	}
}

var formats = []struct {
	ext  string
	comp Compression
}{{".jsonl", Plain}, {".jsonl.gz", Gzip}, {".jsonl.zst", Zstd}}

func TestCompressedOutputRoundTrip(t *testing.T) {
	pages := pageRecords(12)
	plain := filepath.Join(t.TempDir(), "plain.jsonl")
	writePages(t, plain, pages)
	want, err := os.ReadFile(plain)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range formats {
		t.Run(f.comp.String(), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "posts"+f.ext)
			writePages(t, path, pages)
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			// A standard reader of the format sees the same bytes as the plain file.
			var dec io.Reader = bytes.NewReader(b)
			switch f.comp {
			case Gzip:
				if dec, err = gzip.NewReader(dec); err != nil {
					t.Fatal(err)
				}
			case Zstd:
				zr, err := zstd.NewReader(dec)
				if err != nil {
					t.Fatal(err)
				}
				defer zr.Close()
				dec = zr
			}
			got, err := io.ReadAll(dec)
			if err != nil {
				t.Fatalf("standard %s reader: %v", f.comp, err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("decoded file differs from the plain one")
			}
			lines, r := readAll(t, b)
			if r.Compression() != f.comp {
				t.Errorf("reader saw %s", r.Compression())
			}
			if strings.Join(lines, "\n")+"\n" != string(want) {
				t.Errorf("JSONLReader lines differ from the plain file")
			}
			if r.Tail() != nil || r.Complete() != int64(len(b)) {
				t.Errorf("whole file reported torn: %v, complete %d of %d", r.Tail(), r.Complete(), len(b))
			}
		})
	}
}

// TestTornTailAtEveryByte cuts a small file at every offset and checks the
// reader returns exactly the lines of the whole pages (or, plain, lines)
// before the cut and reports the tail where the last of them ends.
func TestTornTailAtEveryByte(t *testing.T) {
	pages := pageRecords(5)
	for _, f := range formats {
		t.Run(f.comp.String(), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "posts"+f.ext)
			ends := writePages(t, path, pages)
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			all, _ := readAll(t, b)
			// bounds are the offsets where whole units end, with the lines before each.
			type bound struct {
				off   int64
				lines int
			}
			bounds := []bound{{0, 0}}
			if f.comp == Plain {
				for i, c := range b {
					if c == '\n' {
						bounds = append(bounds, bound{int64(i + 1), len(bounds)})
					}
				}
			} else {
				n := 0
				for i, e := range ends {
					n += len(pages[i])
					bounds = append(bounds, bound{e, n})
				}
			}
			for cut := 0; cut <= len(b); cut++ {
				want := bounds[0]
				for _, bd := range bounds {
					if bd.off <= int64(cut) {
						want = bd
					}
				}
				lines, r := readAll(t, b[:cut])
				if len(lines) != want.lines || strings.Join(lines, "\n") != strings.Join(all[:want.lines], "\n") {
					t.Fatalf("cut at %d: %d lines, want the first %d", cut, len(lines), want.lines)
				}
				tail := r.Tail()
				if want.off == int64(cut) {
					if tail != nil {
						t.Fatalf("cut at %d, a unit boundary: reported torn: %v", cut, tail)
					}
					continue
				}
				var te *TornError
				if !errors.As(tail, &te) {
					t.Fatalf("cut at %d: not reported torn", cut)
				}
				if te.Offset != want.off || te.Lines != want.lines {
					t.Fatalf("cut at %d: tail at %d after %d lines, want %d after %d", cut, te.Offset, te.Lines, want.off, want.lines)
				}
			}
		})
	}
}

func TestFindTornTailAndCut(t *testing.T) {
	for _, f := range formats {
		t.Run(f.comp.String(), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "posts"+f.ext)
			ends := writePages(t, path, pageRecords(4))
			if te, err := FindTornTail(path); err != nil || te != nil {
				t.Fatalf("whole file: %v, %v", te, err)
			}
			// A crash in the middle of the last page's write.
			cut := ends[2] + (ends[3]-ends[2])/2
			if err := os.Truncate(path, cut); err != nil {
				t.Fatal(err)
			}
			te, err := FindTornTail(path)
			if err != nil || te == nil {
				t.Fatalf("torn file: %v, %v", te, err)
			}
			if !strings.Contains(te.Error(), path) {
				t.Errorf("error %q does not name the file", te)
			}
			if f.comp != Plain && te.Offset != ends[2] {
				t.Errorf("tail at %d, want the end of the third page %d", te.Offset, ends[2])
			}
			if err := os.Truncate(path, te.Offset); err != nil {
				t.Fatal(err)
			}
			// After the cut the file is whole, and appending goes on from there.
			w, err := OpenJSONL(path, JSONLOptions{Append: true})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := w.WritePage(pageRecords(6)[5]); err != nil {
				t.Fatal(err)
			}
			w.Close()
			if te, err := FindTornTail(path); err != nil || te != nil {
				t.Fatalf("after cut and append: %v, %v", te, err)
			}
		})
	}
}

// TestCommitAndScanFromCompressed checks the offsets a compressed output
// gives the crawl state: Commit's offset is the file's size, and ScanFrom
// from a committed offset reads the lines after it and finds a torn tail.
func TestCommitAndScanFromCompressed(t *testing.T) {
	pages := pageRecords(6)
	for _, f := range formats {
		t.Run(f.comp.String(), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "posts"+f.ext)
			w, err := OpenJSONL(path, JSONLOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var marks []int64
			for _, p := range pages {
				if _, err := w.WritePage(p); err != nil {
					t.Fatal(err)
				}
				m, err := w.Commit()
				if err != nil {
					t.Fatal(err)
				}
				st, _ := os.Stat(path)
				if m.Offset != st.Size() {
					t.Fatalf("commit offset %d, file %d bytes", m.Offset, st.Size())
				}
				marks = append(marks, m.Offset)
			}
			w.Close()
			// A crash in the middle of a seventh page's write.
			b, _ := os.ReadFile(path)
			extra := filepath.Join(t.TempDir(), "x"+f.ext)
			writePages(t, extra, [][]Record{pageRecords(8)[7]})
			xb, _ := os.ReadFile(extra)
			os.WriteFile(path, append(b, xb[:len(xb)/2]...), 0o644)

			var got int
			end, torn, err := ScanFrom(path, marks[3], func([]byte) error { got++; return nil })
			if err != nil {
				t.Fatal(err)
			}
			want, wantEnd := len(pages[4])+len(pages[5]), marks[5]
			if f.comp == Plain { // the whole lines of the torn page count too
				half := xb[:len(xb)/2]
				want += bytes.Count(half, []byte("\n"))
				wantEnd += int64(bytes.LastIndexByte(half, '\n') + 1)
			}
			if got != want || end != wantEnd || torn == nil || torn.Offset != wantEnd {
				t.Errorf("from page 4's end: %d lines, end %d, torn %v; want %d lines, end %d, torn there", got, end, torn, want, wantEnd)
			}
		})
	}
}

// TestRecoverTailOfCompressedOutput: the lines written after the last commit
// are found in a gzip or zstd output, and a torn member or frame is cut off.
func TestRecoverTailOfCompressedOutput(t *testing.T) {
	pages := pageRecords(3)
	for _, f := range formats {
		t.Run(f.comp.String(), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "posts"+f.ext)
			w, err := OpenJSONL(path, JSONLOptions{})
			if err != nil {
				t.Fatal(err)
			}
			w.WritePage(pages[0])
			w.WritePage(pages[1])
			mark, err := w.Commit()
			if err != nil {
				t.Fatal(err)
			}
			w.WritePage(pages[2]) // written, not committed
			end3, _ := w.Commit()
			w.Close()
			b, _ := os.ReadFile(path)
			extra := filepath.Join(t.TempDir(), "x"+f.ext)
			writePages(t, extra, [][]Record{pageRecords(5)[4]}) // two posts
			xb, _ := os.ReadFile(extra)
			torn := xb[:len(xb)/2]
			if f.comp == Plain {
				torn = torn[:bytes.IndexByte(torn, '\n')+1+5] // a whole line and a torn one
			}
			os.WriteFile(path, append(b, torn...), 0o644)

			posts, end, cut, err := recoverTail(path, mark.Offset)
			if err != nil {
				t.Fatal(err)
			}
			want := len(pages[2])
			wantEnd := end3.Offset
			if f.comp == Plain {
				want++
				wantEnd += int64(bytes.IndexByte(torn, '\n') + 1)
			}
			if len(posts) != want || end != wantEnd || cut != int64(len(b)+len(torn))-wantEnd {
				t.Errorf("%d posts, end %d, cut %d; want %d, %d, %d", len(posts), end, cut, want, wantEnd, int64(len(b)+len(torn))-wantEnd)
			}
			if st, _ := os.Stat(path); st.Size() != end {
				t.Errorf("file is %d bytes after the cut, want %d", st.Size(), end)
			}
			if te, err := FindTornTail(path); te != nil || err != nil {
				t.Errorf("after recoverTail: %v %v", te, err)
			}
		})
	}
}
