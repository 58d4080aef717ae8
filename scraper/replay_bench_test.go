package scraper

import (
	"bytes"
	"errors"
	"io"
	"os"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/forumcrawl/forumcrawl/parser"
	"github.com/forumcrawl/forumcrawl/storage"
)

// BenchmarkReplayFloor reads the WARC archive named by $FORUMCRAWL_BENCH_WARC
// (scripts/bench-warc.sh sets it to the archive of its crawl) and times, per
// page, what re-parsing it cannot do without: html.Parse of every response
// body ("html.Parse"), then the whole extraction ("ParseAt"). Both report
// the process's CPU ms/page (user + system, the garbage collector's threads
// included, as the crawl's CPU figure counts them), the figure bench-warc.sh
// sets against the crawl's CPU per page. Without the variable it skips: it
// needs an archive of a crawl.
func BenchmarkReplayFloor(b *testing.B) {
	path := os.Getenv("FORUMCRAWL_BENCH_WARC")
	if path == "" {
		b.Skip("set FORUMCRAWL_BENCH_WARC to a WARC archive (scripts/bench-warc.sh does)")
	}
	var pages []*storage.WARCResponse
	r, err := storage.OpenWARCFile(path)
	if err != nil {
		b.Fatal(err)
	}
	for {
		resp, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			b.Fatal(err)
		}
		if resp.Status < 400 && !isRobots(resp.URL) {
			pages = append(pages, resp)
		}
	}
	r.Close()
	if len(pages) == 0 {
		b.Fatalf("%s holds no pages", path)
	}
	p, err := parser.New(parser.Options{})
	if err != nil {
		b.Fatal(err)
	}
	perPage := func(b *testing.B, began time.Duration) {
		b.ReportMetric(float64((cpuTime()-began).Microseconds())/1000/float64(b.N*len(pages)), "cpu-ms/page")
	}
	b.Run("html.Parse", func(b *testing.B) {
		began := cpuTime()
		for b.Loop() {
			for _, pg := range pages {
				if _, err := html.Parse(bytes.NewReader(pg.Body)); err != nil {
					b.Fatal(err)
				}
			}
		}
		perPage(b, began)
	})
	b.Run("ParseAt", func(b *testing.B) {
		for _, pg := range pages[:1] { // the parser's per-site memories, as in a crawl
			p.ParseAt(pg.URL, pg.Body, pg.Date)
		}
		began := cpuTime()
		for b.Loop() {
			for _, pg := range pages {
				body, _ := parser.Decode(pg.Body, pg.Header.Get("Content-Type"))
				if _, err := p.ParseAt(pg.URL, body, pg.Date); err != nil {
					b.Fatal(err)
				}
			}
		}
		perPage(b, began)
	})
}
