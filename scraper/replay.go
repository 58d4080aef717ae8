package scraper

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"runtime"
	"sync"
	"time"

	"github.com/forumcrawl/forumcrawl/parser"
)

// Response is one archived response to replay.
type Response struct {
	URL         string
	Status      int
	ContentType string
	Body        []byte
	Fetched     time.Time // when it was fetched: the records' fetched_at
}

// ReplayOptions says how Replay parses.
type ReplayOptions struct {
	Parser parser.Options // the engine and selector overrides, as the crawl had them
	Logger *slog.Logger   // warnings of pages not parsable (default: discard)
	// Parallel is how many pages are parsed at once (default: the number of
	// CPUs). Records are written in the order of the responses all the same.
	Parallel int
}

// Replay parses archived responses as a crawl parses the pages it fetches,
// and writes the posts of each thread page to sink: given the responses of a
// crawl in the order they were fetched, it writes the records that crawl
// wrote. next returns the responses one by one and io.EOF after the last;
// any other error from next ends the replay and is returned after the
// records of the responses before it are written.
//
// Responses with an HTTP error status are counted as failed pages, as the
// crawl counted them. No network is used.
func Replay(ctx context.Context, opts ReplayOptions, next func() (*Response, error), sink Sink) (*Summary, error) {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Parallel <= 0 {
		opts.Parallel = runtime.GOMAXPROCS(0)
	}
	p, err := parser.New(opts.Parser)
	if err != nil {
		return nil, err
	}
	rp := &replay{log: opts.Logger, sink: sink, sum: &Summary{},
		authors: map[string]bool{}, threads: map[string]bool{}, boards: map[string]bool{}, warned: map[string]bool{}}
	began := time.Now()
	err = rp.run(ctx, p, opts.Parallel, next)
	rp.sum.Duration = time.Since(began)
	rp.sum.Authors, rp.sum.Threads, rp.sum.Boards = len(rp.authors), len(rp.threads), len(rp.boards)
	return rp.sum, err
}

// replay is the state of one Replay: what is counted, in response order.
type replay struct {
	log     *slog.Logger
	sink    Sink
	sum     *Summary
	authors map[string]bool
	threads map[string]bool
	boards  map[string]bool
	warned  map[string]bool
}

// parsed is one response and what parsing it gave.
type parsed struct {
	seq  int
	resp *Response
	page *parser.Page // nil when the page failed or was not parsable
}

// run reads responses in order, parses them on workers, and handles the
// results in the order of the responses.
func (rp *replay) run(ctx context.Context, p *parser.Parser, workers int, next func() (*Response, error)) error {
	inner, cancel := context.WithCancel(ctx) // also stops the reader when the sink fails
	defer cancel()
	jobs := make(chan parsed, workers)
	results := make(chan parsed, workers)
	tokens := make(chan struct{}, 4*workers) // bounds the responses held at once
	var readErr error
	go func() { // the reader
		defer close(jobs)
		for seq := 0; ; seq++ {
			select {
			case tokens <- struct{}{}:
			case <-inner.Done():
				return
			}
			r, err := next()
			if err != nil {
				if !errors.Is(err, io.EOF) {
					readErr = err
				}
				return
			}
			jobs <- parsed{seq: seq, resp: r}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.page = rp.parse(p, j.resp)
				results <- j
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	pending := map[int]parsed{}
	want := 0
	var err error
	for r := range results {
		pending[r.seq] = r
		for {
			r, ok := pending[want]
			if !ok {
				break
			}
			delete(pending, want)
			want++
			if err == nil {
				err = rp.handle(r)
				if err != nil {
					cancel()
				}
			}
			<-tokens
		}
	}
	if err == nil {
		err = readErr
	}
	if err == nil {
		err = ctx.Err()
	}
	return err
}

// parse returns the page of one response, or nil when it is not parsed.
func (rp *replay) parse(p *parser.Parser, r *Response) *parser.Page {
	if r.Status >= 400 || isRobots(r.URL) {
		return nil
	}
	body, err := parser.Decode(r.Body, r.ContentType)
	if err != nil {
		rp.log.Warn("page not decodable, skipped", "url", r.URL, "err", err)
	}
	page, err := p.ParseAt(r.URL, body, r.Fetched)
	if err != nil {
		rp.log.Warn("page not parsable, skipped", "url", r.URL, "err", err)
		return nil
	}
	return page
}

// handle counts one parsed response and writes its records, as the crawl does.
func (rp *replay) handle(r parsed) error {
	page, sum := r.page, rp.sum
	if isRobots(r.resp.URL) {
		return nil // archived beside the pages; the crawl counted it as none
	}
	if r.resp.Status >= 400 {
		sum.Failed = append(sum.Failed, Failure{URL: r.resp.URL, Status: r.resp.Status, Err: fmt.Sprintf("HTTP %d", r.resp.Status)})
		return nil
	}
	if page == nil {
		return nil
	}
	sum.Pages++
	sum.Bytes += int64(len(r.resp.Body))
	switch page.Kind {
	case parser.KindUnknown, parser.KindOther:
		sum.NotForum++
		if host := hostOf(r.resp.URL); page.Kind == parser.KindUnknown && !rp.warned[host] {
			rp.warned[host] = true
			for _, w := range page.Warnings {
				rp.log.Warn(w, "url", r.resp.URL)
			}
		}
		return nil
	case parser.KindThread:
		if len(page.Posts) == 0 {
			sum.EmptyThreads++
		}
		if page.Thread != nil {
			rp.threads[page.Thread.URL] = true
		}
	case parser.KindBoard:
		if page.Board != nil {
			rp.boards[page.Board.URL] = true
		}
	}
	// As the crawl does: a thread page's posts, unless the page is an
	// alternate view (HTML beside its JSON) whose posts come from the other.
	if page.Kind != parser.KindThread || len(page.Posts) == 0 || page.Alternate != "" {
		return nil
	}
	recs := Records(page, r.resp.Fetched)
	n, err := rp.sink.WritePage(recs)
	if err != nil {
		return fmt.Errorf("write posts of %s: %w", r.resp.URL, err)
	}
	sum.Posts += n
	sum.Duplicates += len(recs) - n
	for _, rec := range recs {
		rp.authors[rec.Author.Name+"\x00"+rec.Author.ID] = true
	}
	return nil
}

// isRobots reports whether u is a site's robots.txt.
func isRobots(u string) bool {
	pu, err := url.Parse(u)
	return err == nil && pu.Path == "/robots.txt"
}

// hostOf returns the host of u, or u when it does not parse.
func hostOf(u string) string {
	if pu, err := url.Parse(u); err == nil {
		return pu.Host
	}
	return u
}
