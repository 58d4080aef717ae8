package scraper

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/gocolly/colly/v2"
	"github.com/gocolly/colly/v2/queue"
	"golang.org/x/time/rate"

	"github.com/forumcrawl/forumcrawl/parser"
	"github.com/forumcrawl/forumcrawl/storage"
)

// Sink receives the records of each thread page, once per page.
type Sink interface {
	// WritePage writes the records not written before and returns how many it wrote.
	WritePage(recs []storage.Record) (int, error)
}

// crawl is the state of one running crawl.
type crawl struct {
	cfg    Config
	ctx    context.Context
	log    *slog.Logger
	parser *parser.Parser
	sink   Sink
	start  *url.URL
	q      *queue.Queue
	pace   *rate.Limiter // nil: no delay

	mu       sync.Mutex
	frontier *frontier
	root     string // path prefix the crawl stays below, once known
	sum      Summary
	authors  map[string]bool
	threads  map[string]bool
	boards   map[string]bool
	fatal    error

	unknownHosts map[string]bool // hosts already warned of pages no engine claims
}

// Crawl fetches the forum from cfg.Start and writes every post it finds to
// sink. It returns the summary of what happened; the error is for a crawl
// that could not run or had to stop (a bad start URL, the sink failing, ctx
// cancelled). Pages that failed are listed in the summary, not returned as errors.
func Crawl(ctx context.Context, cfg Config, sink Sink) (*Summary, error) {
	cfg, start, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	p, err := parser.New(parser.Options{Engine: cfg.Engine, Overrides: cfg.Overrides})
	if err != nil {
		return nil, err
	}
	cr := &crawl{
		cfg: cfg, ctx: ctx, log: cfg.Logger, parser: p, sink: sink, start: start,
		frontier: newFrontier(), authors: map[string]bool{}, threads: map[string]bool{}, boards: map[string]bool{},
		unknownHosts: map[string]bool{},
	}
	if cfg.Delay > 0 {
		cr.pace = rate.NewLimiter(rate.Every(cfg.Delay), 1)
	}
	began := time.Now()
	err = cr.run(ctx)
	cr.sum.Duration = time.Since(began)
	cr.sum.Authors, cr.sum.Threads, cr.sum.Boards = len(cr.authors), len(cr.threads), len(cr.boards)
	if err == nil {
		err = cr.fatal
	}
	if err == nil && ctx.Err() != nil {
		err = ctx.Err()
	}
	return &cr.sum, err
}

// run sets up the collector and the queue and runs them until the frontier is empty.
func (cr *crawl) run(ctx context.Context) error {
	c := colly.NewCollector(
		colly.UserAgent(cr.cfg.UserAgent),
		colly.AllowURLRevisit(),                   // the frontier decides what is fetched once
		colly.AllowedDomains(cr.start.Hostname()), // also refuses redirects off the forum's host
		colly.MaxBodySize(cr.cfg.MaxBody),
		colly.StdlibContext(ctx),
	)
	c.SetRequestTimeout(cr.cfg.Timeout)
	if cr.cfg.Transport != nil {
		c.WithTransport(cr.cfg.Transport)
	}
	q, err := queue.New(cr.cfg.Parallel, &queue.InMemoryQueueStorage{MaxSize: 1 << 30})
	if err != nil {
		return fmt.Errorf("queue: %w", err)
	}
	cr.q = q
	c.OnRequest(func(r *colly.Request) {
		if ctx.Err() != nil || cr.stopped() {
			r.Abort()
			return
		}
		if cr.pace != nil {
			if err := cr.pace.Wait(ctx); err != nil {
				r.Abort()
			}
		}
	})
	c.OnResponse(func(r *colly.Response) {
		if cr.cfg.Archiver != nil {
			if err := cr.cfg.Archiver.Archive(exchange(r)); err != nil {
				cr.stop(fmt.Errorf("archive %s: %w", r.Request.URL, err))
				return
			}
		}
		cr.page(r)
	})
	c.OnError(func(r *colly.Response, err error) { cr.failed(r, err) })

	first := parser.CanonicalURL(cr.start, nil).String()
	cr.frontier.add(first, linkMeta{depth: 0})
	if err := q.AddURL(first); err != nil {
		return fmt.Errorf("queue %s: %w", first, err)
	}
	// Cancelling ctx (or a fatal error) does not call q.Stop, which races in
	// colly's queue (its loop reads the running flag unlocked): every request
	// left is aborted in OnRequest and no link is queued, so the queue drains.
	return q.Run(c)
}

// stopped reports whether a fatal error has stopped the crawl.
func (cr *crawl) stopped() bool {
	cr.mu.Lock()
	defer cr.mu.Unlock()
	return cr.fatal != nil
}

// stop ends the crawl after a fatal error; pages in flight finish.
func (cr *crawl) stop(err error) {
	cr.mu.Lock()
	if cr.fatal == nil {
		cr.fatal = err
	}
	cr.mu.Unlock()
}

// failed records a page that could not be fetched.
func (cr *crawl) failed(r *colly.Response, err error) {
	if errors.Is(err, context.Canceled) || cr.stopped() {
		return
	}
	u := r.Request.URL.String()
	f := Failure{URL: u, Status: r.StatusCode, Err: err.Error()}
	cr.log.Warn("page failed", "url", u, "status", r.StatusCode, "err", err)
	cr.mu.Lock()
	cr.sum.Failed = append(cr.sum.Failed, f)
	cr.mu.Unlock()
	cr.observe(Event{URL: u, Status: r.StatusCode, Err: err.Error(), ErrKind: errKind(r.StatusCode, err)})
}

// page handles one fetched page: parse, write its posts, follow its links.
func (cr *crawl) page(r *colly.Response) {
	fetched := time.Now().UTC()
	u := r.Request.URL.String()
	body, err := parser.Decode(r.Body, r.Headers.Get("Content-Type"))
	if err != nil {
		cr.log.Warn("page not decodable, skipped", "url", u, "err", err)
	}
	page, err := cr.parser.ParseAt(u, body, fetched)
	if err != nil {
		cr.log.Warn("page not parsable, skipped", "url", u, "err", err)
		return
	}
	cr.mu.Lock()
	if page.Kind == parser.KindUnknown {
		// Said once per site: a forum whose engine is unknown would repeat it on every page.
		if !cr.unknownHosts[r.Request.URL.Host] {
			cr.unknownHosts[r.Request.URL.Host] = true
			for _, w := range page.Warnings {
				cr.log.Warn(w+"; pages of this site that no engine claims are skipped (try --engine)", "url", u)
			}
		}
	} else {
		for _, w := range page.Warnings {
			cr.log.Warn(w, "url", u)
		}
	}
	cr.sum.Pages++
	cr.sum.Bytes += int64(len(r.Body))
	meta := cr.frontier.get(parser.CanonicalURL(r.Request.URL, nil).String())
	cr.frontier.markSeen(page.URL) // the engine's canonical form, e.g. a thread's /page-1 is its root
	if cr.root == "" {
		cr.root = scopeRoot(cr.start, page)
	}
	switch page.Kind {
	case parser.KindUnknown, parser.KindOther:
		cr.sum.NotForum++
		if page.Kind == parser.KindOther {
			cr.log.Warn("not a forum content page, skipped", "url", u)
		}
	case parser.KindThread:
		if len(page.Posts) == 0 {
			cr.sum.EmptyThreads++
		}
		if page.Thread != nil {
			cr.threads[page.Thread.URL] = true
		}
	case parser.KindBoard:
		if page.Board != nil {
			cr.boards[page.Board.URL] = true
		}
	}
	cr.mu.Unlock()

	written := 0
	if page.Kind == parser.KindThread && len(page.Posts) > 0 && page.Alternate == "" {
		recs := Records(page, fetched)
		n, err := cr.sink.WritePage(recs)
		written = n
		if err != nil {
			cr.stop(fmt.Errorf("write posts of %s: %w", u, err))
			return
		}
		cr.mu.Lock()
		cr.sum.Posts += n
		cr.sum.Duplicates += len(recs) - n
		for _, rec := range recs {
			cr.authors[rec.Author.Name+"\x00"+rec.Author.ID] = true
		}
		cr.mu.Unlock()
	}
	cr.follow(page, meta)
	ev := Event{URL: u, Kind: page.Kind, Status: r.StatusCode, Bytes: len(r.Body), Posts: written}
	if page.Thread != nil && len(page.Thread.Breadcrumb) > 0 {
		ev.Board = page.Thread.Breadcrumb[len(page.Thread.Breadcrumb)-1].Name
	} else if page.Board != nil {
		ev.Board = page.Board.Title
	}
	if page.Kind == parser.KindUnknown || page.Kind == parser.KindOther {
		ev.Err, ev.ErrKind = "not a forum content page", "not_forum"
	}
	cr.observe(ev)
}

// follow queues the page's links that are in scope, new and within the limits.
func (cr *crawl) follow(page *parser.Page, from linkMeta) {
	if cr.ctx.Err() != nil || cr.stopped() {
		return
	}
	if cr.cfg.Depth > 0 && from.depth >= cr.cfg.Depth {
		return
	}
	for _, l := range page.Links {
		lu, err := url.Parse(l.URL)
		if err != nil || !cr.inScope(lu) {
			continue
		}
		newThread := l.Kind == parser.LinkThread && page.Kind != parser.KindThread
		cr.mu.Lock()
		ok := cr.admit(l.URL, newThread)
		if ok {
			cr.frontier.add(l.URL, linkMeta{depth: from.depth + 1, kind: l.Kind})
		}
		cr.mu.Unlock()
		if !ok {
			continue
		}
		if err := cr.q.AddURL(l.URL); err != nil {
			cr.log.Warn("link not queued", "url", l.URL, "err", err)
		}
	}
}

// admit reports whether a link may be queued: not seen, and within the page
// and thread limits. The caller holds cr.mu.
func (cr *crawl) admit(u string, newThread bool) bool {
	if cr.frontier.seen(u) {
		return false
	}
	if cr.cfg.MaxPages > 0 && cr.frontier.size() >= cr.cfg.MaxPages {
		return false
	}
	if newThread && cr.cfg.MaxThreads > 0 {
		if cr.frontier.threads >= cr.cfg.MaxThreads {
			return false
		}
		cr.frontier.threads++
	}
	return true
}

// inScope reports whether u is on the start's host and below the forum's root.
func (cr *crawl) inScope(u *url.URL) bool {
	if !strings.EqualFold(u.Host, cr.start.Host) || (u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	cr.mu.Lock()
	root := cr.root
	cr.mu.Unlock()
	return strings.HasPrefix(u.Path, root)
}

// scopeRoot returns the path prefix the crawl stays below: the folder of the
// forum's home as the first page links it ("/forum/" for "/forum/index.php"),
// when the start lies below it; else the start's host root.
func scopeRoot(start *url.URL, page *parser.Page) string {
	if page.Root != "" {
		if ru, err := url.Parse(page.Root); err == nil && strings.EqualFold(ru.Host, start.Host) {
			dir := ru.Path[:strings.LastIndexByte(ru.Path, '/')+1]
			if dir != "" && strings.HasPrefix(start.Path, dir) {
				return dir
			}
		}
	}
	return "/"
}
