package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/forumcrawl/forumcrawl/parser"
	"github.com/forumcrawl/forumcrawl/scraper"
	"github.com/forumcrawl/forumcrawl/storage"
)

// warcFlags are parse's flags for re-extracting posts from a WARC archive.
type warcFlags struct {
	warc string
	out  string
}

// addWARCFlags defines --warc and -o on parse's flag set.
func addWARCFlags(fs *flag.FlagSet) *warcFlags {
	w := &warcFlags{}
	fs.StringVar(&w.warc, "warc", "", "re-extract every post from this WARC `file` (written by crawl --warc) instead of saved pages; no network")
	fs.StringVar(&w.out, "o", "-", "with --warc: output JSON Lines `file` (.gz/.zst compress; \"-\" for stdout)")
	return w
}

// runParseWARC parses every response of the archive as the crawl that wrote
// it did, and writes the same JSON Lines. It returns the exit code: 1 when
// the archive is cut short or unreadable (what comes before is written).
func runParseWARC(ctx context.Context, wf *warcFlags, engine, selectors string, extra []string, stderr io.Writer) int {
	if len(extra) > 0 {
		fmt.Fprintf(stderr, "forumcrawl parse: --warc takes no page files (got %q)\n", extra)
		return exitUsage
	}
	overrides, err := loadSelectors(selectors)
	if err != nil {
		fmt.Fprintln(stderr, "forumcrawl parse:", err)
		return exitUsage
	}
	opts := parser.Options{Engine: engine, Overrides: overrides}
	if _, err := parser.New(opts); err != nil {
		fmt.Fprintln(stderr, "forumcrawl parse:", err)
		return exitUsage
	}
	r, err := storage.OpenWARCFile(wf.warc)
	if err != nil {
		fmt.Fprintln(stderr, "forumcrawl parse:", err)
		return exitUsage
	}
	defer r.Close()
	if _, warn := storage.CompressionFor(wf.out); warn != "" {
		fmt.Fprintln(stderr, "forumcrawl parse: warning:", warn)
	}
	w, err := storage.OpenJSONL(wf.out, storage.JSONLOptions{})
	if err != nil {
		fmt.Fprintln(stderr, "forumcrawl parse:", err)
		return exitUsage
	}
	log, _ := newLogger(stderr, "warn")
	responses := 0
	next := func() (*scraper.Response, error) {
		resp, err := r.Next()
		if err != nil {
			return nil, err
		}
		responses++
		return &scraper.Response{
			URL: resp.URL, Status: resp.Status, ContentType: resp.Header.Get("Content-Type"),
			Body: resp.Body, Fetched: resp.Date.UTC(),
		}, nil
	}
	began := time.Now()
	sum, err := scraper.Replay(ctx, scraper.ReplayOptions{Parser: opts, Logger: log}, next, w)
	if cerr := w.Close(); cerr != nil && err == nil {
		err = cerr
	}
	if sum != nil {
		fmt.Fprintf(stderr, "forumcrawl parse: %d responses, %d pages parsed, %d posts written to %s in %s\n",
			responses, sum.Pages, sum.Posts, wf.out, time.Since(began).Round(time.Millisecond))
	}
	var we *storage.WARCError
	switch {
	case errors.As(err, &we):
		fmt.Fprintf(stderr, "forumcrawl parse: %v\nforumcrawl parse: the archive stops there: the posts of the %d responses before it are written\n", err, responses)
		return exitPartial
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "forumcrawl parse: interrupted; the output holds every post written so far, each line complete")
		return 130
	case err != nil:
		fmt.Fprintln(stderr, "forumcrawl parse:", err)
		return exitPartial
	}
	return exitOK
}
