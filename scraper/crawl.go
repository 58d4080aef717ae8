package scraper

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/gocolly/colly/v2"
	"golang.org/x/time/rate"

	"github.com/forumcrawl/forumcrawl/parser"
	"github.com/forumcrawl/forumcrawl/storage"
)

// Sink receives the records of each thread page, once per page.
type Sink interface {
	// WritePage writes the records and returns how many it wrote.
	WritePage(recs []storage.Record) (int, error)
}

// Committer is a Sink whose writes can be made durable: Commit syncs what
// was written and says where the output stands. The crawl commits a page's
// posts before it marks the page done in the state, so a crash never loses
// a post and a resumed run never writes one twice.
type Committer interface {
	Commit() (storage.OutputMark, error)
}

// Resumer is a Sink that continues the output of an earlier run of the same
// crawl: Resume makes the output agree with the state (cutting a torn last
// line, recording posts written after the last page marked done) and makes
// the sink append.
type Resumer interface {
	Resume(ctx context.Context, st storage.State, log *slog.Logger) error
}

// crawl is the state of one running crawl.
type crawl struct {
	cfg    Config
	ctx    context.Context
	log    *slog.Logger
	parser *parser.Parser
	sink   Sink
	state  storage.State
	start  *url.URL
	c      *colly.Collector
	pace   *rate.Limiter // nil: no delay

	commitQ chan *commitReq // parsed pages to the committer

	mu         sync.Mutex
	wake       *sync.Cond // signalled when a page is finished
	active     int        // requests being fetched by this process's workers
	fetched    int        // pages leased this run, for MaxPages
	newThreads int        // threads admitted from board pages this run, for MaxThreads
	root       string     // path prefix the crawl stays below, once known
	sum        Summary
	authors    map[string]bool
	fatal      error

	unknownHosts map[string]bool // hosts already warned of pages no engine claims
	guards       *guards         // pagination caps and the repeated-content guard
}

// Crawl fetches the forum from cfg.Start and writes every post it finds to
// sink. It returns the summary of what happened; the error is for a crawl
// that could not run or had to stop (a bad start URL, the sink or state
// failing, ctx cancelled). Pages that failed are listed in the summary (and
// the state), not returned as errors.
//
// The crawl's frontier, seen set and marks live in cfg.State; when that is
// nil, a temporary state is used and removed at the end. A state that
// already holds this crawl is resumed: pages done are not fetched again and
// posts written are not written again.
func Crawl(ctx context.Context, cfg Config, sink Sink) (*Summary, error) {
	cfg, start, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	p, err := parser.New(parser.Options{Engine: cfg.Engine, Overrides: cfg.Overrides})
	if err != nil {
		return nil, err
	}
	st := cfg.State
	if st == nil {
		dir, err := os.MkdirTemp("", "forumcrawl-state-*")
		if err != nil {
			return nil, fmt.Errorf("temporary state: %w", err)
		}
		defer os.RemoveAll(dir)
		bs, err := storage.OpenBoltState(dir, storage.BoltOptions{NoSync: true})
		if err != nil {
			return nil, err
		}
		defer bs.Close()
		st = bs
	}
	cr := &crawl{
		cfg: cfg, ctx: ctx, log: cfg.Logger, parser: p, sink: sink, state: st, start: start,
		authors: map[string]bool{}, unknownHosts: map[string]bool{}, guards: newGuards(),
	}
	cr.wake = sync.NewCond(&cr.mu)
	if cfg.Delay > 0 {
		cr.pace = rate.NewLimiter(rate.Every(cfg.Delay), 1)
	}
	began := time.Now()
	err = cr.begin(ctx)
	if err == nil {
		err = cr.run(ctx)
	}
	cr.sum.Duration = time.Since(began)
	cr.sum.Authors = len(cr.authors)
	if c, cerr := st.Counts(context.WithoutCancel(ctx)); cerr == nil {
		cr.sum.Pending = c.Pending
	}
	if err == nil {
		err = cr.fatal
	}
	if err == nil && ctx.Err() != nil {
		err = ctx.Err()
	}
	return &cr.sum, err
}

// Info returns the identity of the crawl cfg describes, as its state records it.
func Info(cfg Config) (storage.CrawlInfo, error) {
	cfg, start, err := cfg.withDefaults()
	if err != nil {
		return storage.CrawlInfo{}, err
	}
	return crawlInfo(cfg, start), nil
}

func crawlInfo(cfg Config, start *url.URL) storage.CrawlInfo {
	return storage.CrawlInfo{
		Site:    start.Hostname(),
		Start:   parser.CanonicalURL(start, nil).String(),
		Options: "engine=" + cfg.Engine,
	}
}

// begin opens the state for this run: checks it holds this crawl, resumes
// the output when it does, and queues the start page (again, for an
// incremental run) and, when asked, the pages that failed before.
func (cr *crawl) begin(ctx context.Context) error {
	info := crawlInfo(cr.cfg, cr.start)
	info.RunID = newRunID()
	have, counts, err := cr.state.Begin(ctx, info)
	if err != nil {
		return err
	}
	resumed := have.RunID != info.RunID
	cr.sum.Resumed = resumed
	if resumed {
		cr.log.Info(fmt.Sprintf("resuming: %s pages done, %s pending, %s failed, %s posts written",
			thousands(counts.Done), thousands(counts.Pending), thousands(counts.Failed), thousands(counts.Posts)), "state_created", have.Created)
		if r, ok := cr.sink.(Resumer); ok {
			if err := r.Resume(ctx, cr.state, cr.log); err != nil {
				return err
			}
		}
	}
	if resumed && counts.Pending == 0 && counts.InFlight == 0 && !cr.cfg.Incremental && !cr.cfg.RetryFailed {
		msg := fmt.Sprintf("the crawl is complete: %d pages done, nothing pending; --incremental fetches what changed since, --reset-state crawls again", counts.Done)
		if counts.Failed > 0 {
			msg += fmt.Sprintf(", --retry-failed fetches the %d pages that failed", counts.Failed)
		}
		cr.log.Info(msg)
	}
	if cr.cfg.RetryFailed {
		n, err := cr.state.RetryFailed(ctx)
		if err != nil {
			return err
		}
		cr.log.Info(fmt.Sprintf("retrying %d failed pages", n))
	}
	first := storage.Request{URL: info.Start, Priority: priorityStart}
	if _, err := cr.state.Add(ctx, first); err != nil {
		return err
	}
	if cr.cfg.Incremental && resumed {
		if _, err := cr.state.Requeue(ctx, first); err != nil {
			return err
		}
	}
	return nil
}

// thousands formats n with commas between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	start := 0
	if n < 0 {
		start = 1
	}
	for i := len(s) - 3; i > start; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// newRunID returns a random id for this run.
func newRunID() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// run sets up the collector and runs cfg.Parallel workers until no page is
// pending or in flight, or the crawl stops.
func (cr *crawl) run(ctx context.Context) error {
	c := colly.NewCollector(
		colly.UserAgent(cr.cfg.UserAgent),
		colly.AllowURLRevisit(),                   // the state decides what is fetched once
		colly.AllowedDomains(cr.start.Hostname()), // also refuses redirects off the forum's host
		colly.MaxBodySize(cr.cfg.MaxBody),
		colly.StdlibContext(ctx),
	)
	c.SetRequestTimeout(cr.clientTimeout())
	c.SetRedirectHandler(cr.redirect)
	if cr.cfg.Transport != nil {
		c.WithTransport(cr.cfg.Transport)
	}
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
		markStart(r)
	})
	c.OnResponse(func(r *colly.Response) {
		job := jobOf(r.Ctx)
		job.handled = true
		fetched := time.Now().UTC() // the records' fetched_at and the archive's WARC-Date
		if !cr.archive(r, fetched) {
			return
		}
		cr.page(r, job, fetched)
	})
	c.OnError(func(r *colly.Response, err error) {
		job := jobOf(r.Ctx)
		job.handled = true
		job.latency = latency(r.Request)
		if r.StatusCode >= 400 && !cr.archive(r, time.Now().UTC()) {
			return
		}
		cr.failed(job, r.StatusCode, err)
	})
	cr.c = c
	defer cr.archiveRobots()()

	cr.commitQ = make(chan *commitReq, cr.cfg.Parallel)
	committed := make(chan struct{})
	go func() {
		cr.committer()
		close(committed)
	}()
	defer func() {
		close(cr.commitQ)
		<-committed
	}()
	var wg sync.WaitGroup
	for range cr.cfg.Parallel {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cr.worker(ctx)
		}()
	}
	wg.Wait()
	return nil
}

// job is one leased request on its way through the collector.
type job struct {
	req     storage.Request
	handled bool          // OnResponse or OnError ran
	async   bool          // handed to the committer, which finishes it
	latency time.Duration // from request to the error, for a page that failed
}

const jobKey = "forumcrawl.job"

func jobOf(c *colly.Context) *job {
	j, _ := c.GetAny(jobKey).(*job)
	if j == nil {
		j = &job{}
	}
	return j
}

// worker leases requests from the state and fetches them, until nothing is
// left to do or the crawl stops.
func (cr *crawl) worker(ctx context.Context) {
	for {
		if ctx.Err() != nil || cr.stopped() {
			return
		}
		cr.mu.Lock()
		if cr.cfg.MaxPages > 0 && cr.fetched >= cr.cfg.MaxPages {
			cr.mu.Unlock()
			return
		}
		cr.mu.Unlock()
		req, ok, err := cr.state.Lease(ctx)
		if err != nil {
			if ctx.Err() == nil {
				cr.stop(fmt.Errorf("take the next page: %w", err))
			}
			return
		}
		if !ok {
			if !cr.waitForWork(ctx) {
				return
			}
			continue
		}
		cr.mu.Lock()
		if cr.cfg.MaxPages > 0 && cr.fetched >= cr.cfg.MaxPages {
			cr.mu.Unlock()
			cr.state.Release(context.WithoutCancel(ctx), req)
			return
		}
		cr.fetched++
		cr.active++
		cr.mu.Unlock()
		if j := cr.fetch(ctx, req); !j.async {
			cr.finishOne()
		}
	}
}

// waitForWork waits while pages of this process in flight (being fetched or
// committed) may still queue pages, and reports whether there may be work to lease. With pages in flight
// elsewhere (another process sharing the state), it polls.
func (cr *crawl) waitForWork(ctx context.Context) bool {
	cr.mu.Lock()
	if cr.active > 0 {
		cr.wake.Wait()
		cr.mu.Unlock()
		return true
	}
	cr.mu.Unlock()
	c, err := cr.state.Counts(ctx)
	if err != nil || (c.Pending == 0 && c.InFlight == 0) {
		return false
	}
	select {
	case <-ctx.Done():
		return false
	case <-time.After(100 * time.Millisecond):
		return true
	}
}

// fetch fetches one leased request; the collector's callbacks handle the
// response. A request the collector refused before fetching is failed here.
func (cr *crawl) fetch(ctx context.Context, req storage.Request) *job {
	j := &job{req: req}
	cctx := colly.NewContext()
	cctx.Put(jobKey, j)
	err := cr.c.Request("GET", req.FetchURL(), nil, cctx, nil)
	if j.handled {
		return j
	}
	if err == nil {
		err = errors.New("request not made")
	}
	cr.failed(j, 0, err)
	return j
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
	cr.wake.Broadcast()
	cr.mu.Unlock()
}

// failed records a page that could not be fetched. A page cut short by the
// crawl stopping is returned to the queue instead, for the next run.
func (cr *crawl) failed(j *job, status int, err error) {
	bg := context.WithoutCancel(cr.ctx)
	if cr.ctx.Err() != nil || cr.stopped() || errors.Is(err, context.Canceled) || errors.Is(err, colly.ErrAbortedBeforeRequest) {
		if rerr := cr.state.Release(bg, j.req); rerr != nil {
			cr.stop(rerr)
		}
		return
	}
	if cr.skipped(j, status, err) {
		return
	}
	u := j.req.URL
	f := Failure{URL: u, Status: status, Kind: failKind(status, err), Err: err.Error()}
	cr.log.Warn("page failed", "url", u, "status", status, "err", err, "what_to_do", f.Advice())
	if ferr := cr.state.Fail(bg, storage.Failure{Request: j.req, Status: status, Err: err.Error(), At: time.Now().UTC()}); ferr != nil {
		cr.stop(ferr)
		return
	}
	cr.mu.Lock()
	cr.sum.Failed = append(cr.sum.Failed, f)
	cr.mu.Unlock()
	cr.observe(Event{URL: u, Status: status, Err: err.Error(), ErrKind: f.Kind, Latency: j.latency})
}

// page handles one fetched page: parse, write its posts, follow its links,
// and mark it done.
func (cr *crawl) page(r *colly.Response, j *job, fetched time.Time) {
	lat := latency(r.Request)
	u := r.Request.URL.String()
	body, err := parser.Decode(r.Body, r.Headers.Get("Content-Type"))
	if err != nil {
		cr.log.Warn("page not decodable, skipped", "url", u, "err", err)
	}
	page, err := cr.parser.ParseAt(u, body, fetched)
	if err != nil {
		cr.log.Warn("page not parsable, skipped", "url", u, "err", err)
		page = &parser.Page{URL: u, Kind: parser.KindUnknown}
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
	}
	cr.mu.Unlock()

	done := storage.PageDone{Request: j.req, Status: r.StatusCode, FetchedAt: fetched}
	if page.URL != "" && page.URL != j.req.URL {
		done.Aliases = append(done.Aliases, page.URL) // the engine's canonical form, e.g. a thread's /page-1 is its root
	}
	j.async = true
	cr.commit(page, fetched, &done, func(written int, err error) {
		defer cr.finishOne()
		if err != nil {
			cr.stop(err)
			return
		}
		ev := Event{URL: j.req.URL, Kind: page.Kind, Status: r.StatusCode, Bytes: len(r.Body), Posts: written, Latency: lat}
		if page.Thread != nil && len(page.Thread.Breadcrumb) > 0 {
			ev.Board = page.Thread.Breadcrumb[len(page.Thread.Breadcrumb)-1].Name
		} else if page.Board != nil {
			ev.Board = page.Board.Title
		}
		if page.Kind == parser.KindUnknown || page.Kind == parser.KindOther {
			ev.Err, ev.ErrKind = "not a forum content page", "not_forum"
		}
		cr.observe(ev)
	})
}

// finishOne counts a page as no longer in flight: committed, failed or
// returned to the queue.
func (cr *crawl) finishOne() {
	cr.mu.Lock()
	cr.active--
	cr.wake.Broadcast()
	cr.mu.Unlock()
}
