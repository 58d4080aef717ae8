package scraper

import (
	"context"
	"errors"
	"net"

	"github.com/gocolly/colly/v2"
	"net/http"
	"time"

	"github.com/forumcrawl/forumcrawl/parser"
)

// Event is what happened to one page of the crawl: fetched and handled, or failed.
type Event struct {
	URL      string        // the page as requested, canonical
	Kind     parser.Kind   // what the page was; "" when it failed
	Status   int           // HTTP status, 0 when no response came
	Bytes    int           // body size
	Posts    int           // posts written from the page
	Latency  time.Duration // from request to response
	Err      string        // why the page failed or was skipped; "" when it was handled
	ErrKind  string        // a short class of Err for counting: "http", "timeout", "network", "robots", "not_forum", "challenge", "too_large"...
	Board    string        // the title of the board the page belongs to, when known
	Done     int           // pages handled so far in this run (fetched or failed)
	Pending  int           // pages still queued after this one
	Finished time.Time     // when the page was handled
}

// Observer hears of every page as the crawl handles it, for progress
// displays, logs and metrics. Observe is called from the crawl's goroutines,
// possibly at once from several; it must be quick and must not block.
type Observer interface {
	Observe(Event)
}

// Exchange is one HTTP request and the response it got, as fetched, for
// archiving (a WARC file).
type Exchange struct {
	URL           string
	Method        string
	RequestHeader http.Header
	Status        int
	Proto         string // e.g. "HTTP/1.1"
	Header        http.Header
	Body          []byte // as received after any transfer decoding
	RemoteAddr    string // IP:port the response came from, when known
	Started       time.Time
	Finished      time.Time
}

// Archiver keeps every exchange of the crawl. Archive is called once per
// response received, from the crawl's goroutines, before the page is parsed;
// an error stops the crawl (the archive is the record of what was fetched).
type Archiver interface {
	Archive(*Exchange) error
}

// observe tells the observer of ev, with the crawl's counts filled in.
func (cr *crawl) observe(ev Event) {
	if cr.cfg.Observer == nil {
		return
	}
	ev.Finished = time.Now()
	cr.mu.Lock()
	ev.Done = cr.sum.Pages + len(cr.sum.Failed)
	cr.mu.Unlock()
	if c, err := cr.state.Counts(context.WithoutCancel(cr.ctx)); err == nil {
		ev.Pending = c.Pending
	}
	cr.cfg.Observer.Observe(ev)
}

// errKind classes a fetch error for counting.
func errKind(status int, err error) string {
	var ne net.Error
	switch {
	case status != 0:
		return "http"
	case errors.As(err, &ne) && ne.Timeout():
		return "timeout"
	case errors.Is(err, colly.ErrAbortedAfterHeaders):
		return "too_large"
	default:
		return "network"
	}
}

// exchange returns the request and response of r, received at finished, for an archive.
func exchange(r *colly.Response, finished time.Time) *Exchange {
	ex := &Exchange{
		URL:      r.Request.URL.String(),
		Method:   r.Request.Method,
		Status:   r.StatusCode,
		Proto:    "HTTP/1.1",
		Body:     r.Body,
		Finished: finished,
	}
	if r.Request.Headers != nil {
		ex.RequestHeader = r.Request.Headers.Clone()
	}
	if r.Headers != nil {
		ex.Header = r.Headers.Clone()
	}
	return ex
}

// startKey is where a request's start time is kept in its colly context.
const startKey = "forumcrawl.started"

// markStart notes that r is about to be sent, for latency.
func markStart(r *colly.Request) { r.Ctx.Put(startKey, time.Now()) }

// latency returns the time since r was marked sent, or 0 when it was not.
func latency(r *colly.Request) time.Duration {
	if r == nil || r.Ctx == nil {
		return 0
	}
	if t, ok := r.Ctx.GetAny(startKey).(time.Time); ok {
		return time.Since(t)
	}
	return 0
}
