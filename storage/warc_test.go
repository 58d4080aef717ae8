package storage

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nlnwa/gowarc/v3"
)

// exchanges returns n exchanges of distinct pages.
func exchanges(n int) []*Exchange {
	var out []*Exchange
	base := time.Date(2026, 11, 30, 6, 0, 0, 123456789, time.UTC)
	for i := range n {
		status := http.StatusOK
		if i%4 == 3 {
			status = http.StatusNotFound
		}
		out = append(out, &Exchange{
			URL:           fmt.Sprintf("http://127.0.0.1:8090/forum/threads/t.%d/page-%d?x=é", i, i%3+1),
			Method:        http.MethodGet,
			RequestHeader: http.Header{"User-Agent": {"forumcrawl-test"}, "Accept": {"text/html"}},
			Status:        status,
			Header:        http.Header{"Content-Type": {"text/html; charset=utf-8"}, "Content-Encoding": {"gzip"}},
			Body:          []byte(fmt.Sprintf("<html><body>page %d %s</body></html>\r\n\r\n", i, strings.Repeat("é ", i*40))),
			RemoteAddr:    "127.0.0.1:8090",
			Fetched:       base.Add(time.Duration(i) * time.Millisecond),
		})
	}
	return out
}

// writeWARC writes exs to path and returns the file size after each exchange.
func writeWARC(t *testing.T, path string, exs []*Exchange) []int64 {
	t.Helper()
	w, err := OpenWARC(path, "forumcrawl-test")
	if err != nil {
		t.Fatal(err)
	}
	var ends []int64
	st, _ := os.Stat(path)
	ends = append(ends, st.Size()) // after the warcinfo
	for _, ex := range exs {
		if err := w.Archive(ex); err != nil {
			t.Fatal(err)
		}
		st, _ := os.Stat(path)
		ends = append(ends, st.Size())
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return ends
}

// readWARC returns the responses of path and the error that ended reading.
func readWARC(t *testing.T, path string) ([]*WARCResponse, error) {
	t.Helper()
	r, err := OpenWARCFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var out []*WARCResponse
	for {
		resp, err := r.Next()
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = nil
			}
			return out, err
		}
		out = append(out, resp)
	}
}

func TestWARCRoundTrip(t *testing.T) {
	for _, name := range []string{"crawl.warc.gz", "crawl.warc"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), name)
			exs := exchanges(6)
			writeWARC(t, path, exs)
			got, err := readWARC(t, path)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(exs) {
				t.Fatalf("%d responses read, %d written", len(got), len(exs))
			}
			for i, r := range got {
				ex := exs[i]
				if r.URL != ex.URL || !r.Date.Equal(ex.Fetched) || r.Status != ex.Status || string(r.Body) != string(ex.Body) {
					t.Errorf("response %d: got %s %s %d %q, want %s %s %d %q", i, r.URL, r.Date, r.Status, r.Body, ex.URL, ex.Fetched, ex.Status, ex.Body)
				}
				if r.Header.Get("Content-Type") != "text/html; charset=utf-8" || r.Header.Get("Content-Encoding") != "" {
					t.Errorf("response %d headers: %v", i, r.Header)
				}
				if len(r.Warning) > 0 {
					t.Errorf("response %d: validation: %v", i, r.Warning)
				}
			}
		})
	}
}

// TestWARCLibraryReadsEveryRecord reads the file with gowarc's own reader under
// strict validation, record by record: the warcinfo, then response and request
// of each exchange, digests checked, requests linked to their responses.
func TestWARCLibraryReadsEveryRecord(t *testing.T) {
	path := filepath.Join(t.TempDir(), "crawl.warc.gz")
	exs := exchanges(5)
	writeWARC(t, path, exs)
	r, err := gowarc.NewWarcFileReader(path, 0, gowarc.WithStrictValidation())
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var types []string
	var infoID, respID string
	for rec, err := range r.Records() {
		if err != nil {
			t.Fatalf("record %d: %v", len(types)+1, err)
		}
		wr := rec.WarcRecord
		types = append(types, wr.Type().String())
		if v, _ := wr.ValidateDigest(); len(v) > 0 {
			t.Errorf("record %d: digest: %v", len(types), v)
		}
		h := wr.WarcHeader()
		switch wr.Type() {
		case gowarc.Warcinfo:
			infoID = h.GetId(gowarc.WarcRecordID)
		case gowarc.Response:
			respID = h.GetId(gowarc.WarcRecordID)
			if h.GetId(gowarc.WarcWarcinfoID) != infoID || h.Get(gowarc.WarcIPAddress) != "127.0.0.1" || h.Get(gowarc.WarcBlockDigest) == "" {
				t.Errorf("response record %d headers: %v", len(types), h)
			}
		case gowarc.Request:
			if h.GetId(gowarc.WarcConcurrentTo) != respID {
				t.Errorf("request record %d not linked to its response %s: %v", len(types), respID, h)
			}
			blk := wr.Block().(gowarc.HttpRequestBlock)
			if ua := blk.HttpHeader().Get("User-Agent"); ua != "forumcrawl-test" {
				t.Errorf("request record %d: User-Agent %q", len(types), ua)
			}
		}
		rec.Close()
	}
	want := "warcinfo" + strings.Repeat(" response request", len(exs))
	if got := strings.Join(types, " "); got != want {
		t.Errorf("record types %q, want %q", got, want)
	}
}

// recordEnds returns the offsets where the records of path end, and whether
// each is a response, as gowarc's reader sees the whole file.
func recordEnds(t *testing.T, path string) ([]int64, []bool) {
	t.Helper()
	r, err := gowarc.NewWarcFileReader(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var ends []int64
	var isResp []bool
	for rec, err := range r.Records() {
		if err != nil {
			t.Fatal(err)
		}
		ends = append(ends, rec.Offset+rec.Size)
		isResp = append(isResp, rec.WarcRecord.Type() == gowarc.Response)
		rec.Close()
	}
	return ends, isResp
}

// cutPoints returns the offsets to cut a file of size n at: every offset
// within 16 bytes of a record boundary, and every 5th in between.
func cutPoints(n int, ends []int64) []int {
	var out []int
	for cut := 0; cut <= n; cut++ {
		near := cut < 16
		for _, e := range ends {
			near = near || (int64(cut) > e-16 && int64(cut) < e+16)
		}
		if near || cut%5 == 0 {
			out = append(out, cut)
		}
	}
	return out
}

// TestWARCCutShort cuts a WARC file at many offsets (see cutPoints): the reader returns the
// responses wholly before the cut, and unless the cut falls between records,
// a *WARCError naming the file and the offset where the whole records end.
func TestWARCCutShort(t *testing.T) {
	for _, name := range []string{"crawl.warc.gz", "crawl.warc"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, name)
			writeWARC(t, path, exchanges(2))
			ends, isResp := recordEnds(t, path)
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			cutPath := filepath.Join(dir, "cut-"+name)
			for _, cut := range cutPoints(len(b), ends) {
				if err := os.WriteFile(cutPath, b[:cut], 0o644); err != nil {
					t.Fatal(err)
				}
				whole, wholeEnd, records, boundary := 0, int64(0), 0, cut == 0
				for i, e := range ends {
					if e <= int64(cut) {
						wholeEnd = e
						records++
						if isResp[i] {
							whole++
						}
					}
					boundary = boundary || e == int64(cut)
				}
				got, err := readWARC(t, cutPath)
				if len(got) != whole {
					t.Fatalf("cut at %d: %d responses, want %d", cut, len(got), whole)
				}
				if boundary {
					if err != nil {
						t.Fatalf("cut at %d, between records: %v", cut, err)
					}
					continue
				}
				var we *WARCError
				if !errors.As(err, &we) {
					t.Fatalf("cut at %d: err %v, want a *WARCError", cut, err)
				}
				if !strings.Contains(we.Error(), cutPath) || we.Offset != wholeEnd || we.Record != records+1 {
					t.Fatalf("cut at %d: error %q, want one naming the file, record %d and offset %d", cut, we, records+1, wholeEnd)
				}
			}
		})
	}
}

func TestWARCConcurrentArchive(t *testing.T) {
	path := filepath.Join(t.TempDir(), "crawl.warc.gz")
	w, err := OpenWARC(path, "forumcrawl-test")
	if err != nil {
		t.Fatal(err)
	}
	exs := exchanges(40)
	var wg sync.WaitGroup
	for _, ex := range exs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := w.Archive(ex); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if n := w.Records(); n != 1+2*len(exs) {
		t.Errorf("%d records written, want %d", n, 1+2*len(exs))
	}
	got, err := readWARC(t, path)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range got {
		seen[r.URL] = true
	}
	for _, ex := range exs {
		if !seen[ex.URL] {
			t.Errorf("%s not in the archive", ex.URL)
		}
	}
}

func TestWARCAppendsAndCutsATornRecord(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "crawl.warc.gz")
	exs := exchanges(5)
	ends := writeWARC(t, path, exs[:2])
	// A crash in the middle of the second exchange's write.
	torn := ends[1] + (ends[2]-ends[1])/2
	if err := os.Truncate(path, torn); err != nil {
		t.Fatal(err)
	}
	w, err := OpenWARC(path, "forumcrawl-test")
	if err != nil {
		t.Fatal(err)
	}
	if n, cut := w.Appended(); n != 3 || cut != torn-ends[1] {
		t.Errorf("appended to %d records, cut %d bytes; want 3 (warcinfo and one exchange), %d", n, cut, torn-ends[1])
	}
	for _, ex := range exs[2:] {
		if err := w.Archive(ex); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()
	got, err := readWARC(t, path)
	if err != nil {
		t.Fatalf("appended archive: %v", err)
	}
	var urls []string
	for _, r := range got {
		urls = append(urls, r.URL)
	}
	want := []string{exs[0].URL, exs[2].URL, exs[3].URL, exs[4].URL}
	if strings.Join(urls, " ") != strings.Join(want, " ") {
		t.Errorf("responses %v, want %v", urls, want)
	}

	notWARC := filepath.Join(dir, "posts.warc.gz")
	os.WriteFile(notWARC, []byte(`{"schema_version":1}`+"\n"), 0o644)
	if _, err := OpenWARC(notWARC, "x"); err == nil || !strings.Contains(err.Error(), "not a WARC") {
		t.Errorf("opening a file that is not a WARC: %v", err)
	}
	if b, _ := os.ReadFile(notWARC); len(b) == 0 {
		t.Error("the file that is not a WARC was cut")
	}
}
