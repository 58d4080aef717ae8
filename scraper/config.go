// Package scraper crawls a forum: it fetches pages politely with Colly, asks
// the parser what each page is and which links lead on, keeps the crawl in
// scope, and hands each thread page's posts to a sink as records.
// It knows no engine's markup.
package scraper

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"time"

	"github.com/forumcrawl/forumcrawl/parser"
	"github.com/forumcrawl/forumcrawl/storage"
)

// Config says what to crawl and how. The zero value (with Start set) crawls
// politely: 2 requests in flight, 1 s between requests to the host.
type Config struct {
	// Start is the URL to start from: a forum index, a board, a thread or a page of one.
	Start string
	// Engine forces an engine by name instead of detecting it per page.
	Engine string
	// Overrides change the engines' selector tables (see parser.LoadOverrides); nil changes nothing.
	Overrides *parser.Overrides

	// Parallel is how many requests may be in flight at once (default 2).
	Parallel int
	// Delay is the least time between two requests to the host (default 1 s);
	// NoDelay turns it off, for local runs.
	Delay   time.Duration
	NoDelay bool
	// Timeout bounds each request (default 30 s).
	Timeout time.Duration
	// UserAgent is sent with every request (default names forumcrawl).
	UserAgent string
	// MaxBody caps a response body in bytes (default 8 MiB).
	MaxBody int

	// MaxPages stops the run after this many pages are fetched (0: no
	// limit); the pages still queued stay in the state for the next run.
	MaxPages int
	// MaxThreads stops following new threads after this many (0: no limit).
	MaxThreads int
	// Depth stops following links more than this many hops from the start (0: no limit).
	Depth int
	// MaxThreadPages and MaxBoardPages stop following the pagination of a
	// thread or a board after this many of its pages (defaults 5000 and
	// 10000; negative: no limit).
	MaxThreadPages, MaxBoardPages int
	// Exclude drops links that match any of these; Include, when set, keeps
	// only links that match one of them (matched on the canonical URL).
	Exclude, Include []*regexp.Regexp

	// State holds the crawl's frontier, seen pages, failures, posts written
	// and thread marks; a state that holds this crawl already is resumed.
	// nil: a temporary state, removed when the crawl ends.
	State storage.State
	// Incremental re-reads the start page and the boards it leads to, and
	// fetches only threads whose listing shows new posts (from the last page
	// read), and new threads. It needs the state of an earlier run.
	Incremental bool
	// RetryFailed queues again the pages that failed in earlier runs.
	RetryFailed bool

	// Logger receives progress and warnings (default: discard).
	Logger *slog.Logger
	// Observer, when set, hears of every page handled or failed.
	Observer Observer
	// Archiver, when set, keeps every response fetched (a WARC file).
	Archiver Archiver
	// Transport, when set, makes the HTTP requests instead of Go's default
	// transport (politeness, retries and safe dialing live there).
	Transport http.RoundTripper
}

// DefaultUserAgent names the crawler and where to learn about it.
const DefaultUserAgent = "forumcrawl/0.1 (+https://github.com/forumcrawl/forumcrawl)"

// withDefaults returns c with unset fields at their defaults, or an error for a bad start URL.
func (c Config) withDefaults() (Config, *url.URL, error) {
	u, err := ValidateStart(c.Start)
	if err != nil {
		return c, nil, err
	}
	if c.Parallel <= 0 {
		c.Parallel = 2
	}
	if c.Delay <= 0 {
		c.Delay = time.Second
	}
	if c.NoDelay {
		c.Delay = 0
	}
	if c.Timeout <= 0 {
		c.Timeout = 30 * time.Second
	}
	if c.UserAgent == "" {
		c.UserAgent = DefaultUserAgent
	}
	c.MaxThreadPages = pageCap(c.MaxThreadPages, 5000)
	c.MaxBoardPages = pageCap(c.MaxBoardPages, 10000)
	if c.MaxBody <= 0 {
		c.MaxBody = 8 << 20
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	return c, u, nil
}

// ValidateStart returns the start URL parsed, or an error when it is not an absolute http(s) URL.
func ValidateStart(start string) (*url.URL, error) {
	u, err := url.Parse(start)
	if err != nil {
		return nil, fmt.Errorf("start URL %q: %w", start, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("start URL %q: not an absolute http(s) URL", start)
	}
	return u, nil
}

// pageCap returns a pages cap at its default when unset, 0 (no limit) when negative.
func pageCap(n, def int) int {
	switch {
	case n == 0:
		return def
	case n < 0:
		return 0
	}
	return n
}
