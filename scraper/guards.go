package scraper

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/gocolly/colly/v2"

	"github.com/forumcrawl/forumcrawl/parser"
	"github.com/forumcrawl/forumcrawl/storage"
)

// maxRedirects is how many redirects one request may follow.
const maxRedirects = 10

// Skip is a page the crawl did not fetch on purpose: robots.txt disallows
// it, the site answered with an anti-bot challenge, or it is at an address
// the crawl may not reach.
type Skip struct {
	URL    string `json:"url"`
	Reason string `json:"reason"` // "robots", "challenge", "private_address"
	Err    string `json:"error"`
}

// skipper is an error that says a page was skipped on purpose (the fetch
// package's DisallowedError, ChallengeError, BlockedAddressError).
type skipper interface{ SkipReason() string }

// guards are the crawl's limits on pagination: pages per thread and per
// board, and the repeated-content guard. Safe for concurrent use.
type guards struct {
	mu         sync.Mutex
	pages      map[string]int             // pages handled per thread or board URL
	signatures map[string]map[string]bool // post-ID signatures seen per thread
	warned     map[string]bool
}

func newGuards() *guards {
	return &guards{pages: map[string]int{}, signatures: map[string]map[string]bool{}, warned: map[string]bool{}}
}

// clientTimeout returns the timeout the HTTP client puts over a whole
// request: none when the transport bounds attempts and retries itself.
func (cr *crawl) clientTimeout() time.Duration {
	if o, ok := cr.cfg.Transport.(interface{ OwnsTimeouts() bool }); ok && o.OwnsTimeouts() {
		return 0
	}
	return cr.cfg.Timeout
}

// redirect lets a request follow a redirect only within the crawl's scope
// and at most maxRedirects times.
func (cr *crawl) redirect(req *http.Request, via []*http.Request) error {
	if len(via) >= maxRedirects {
		return &redirectError{fmt.Sprintf("more than %d redirects (a redirect loop?) from %s", maxRedirects, via[0].URL)}
	}
	if !cr.inScope(req.URL) {
		return &redirectError{fmt.Sprintf("redirect to %s leaves the crawl's scope", req.URL)}
	}
	return nil
}

// skipped records a page refused on purpose (robots.txt, a challenge, a
// private address) and reports whether err was such a refusal. The state
// keeps it among the failures, so --retry-failed tries it again (with
// cookies, or once robots.txt changed); the summary lists it as skipped.
func (cr *crawl) skipped(j *job, status int, err error) bool {
	var s skipper
	if !errors.As(err, &s) {
		return false
	}
	u := j.req.URL
	cr.log.Debug("page skipped", "url", u, "reason", s.SkipReason())
	fl := storage.Failure{Request: j.req, Status: status, Err: s.SkipReason() + ": " + err.Error(), At: time.Now().UTC()}
	if ferr := cr.state.Fail(context.WithoutCancel(cr.ctx), fl); ferr != nil {
		cr.stop(ferr)
		return true
	}
	cr.mu.Lock()
	cr.sum.Skipped = append(cr.sum.Skipped, Skip{URL: u, Reason: s.SkipReason(), Err: err.Error()})
	cr.mu.Unlock()
	cr.observe(Event{URL: u, Status: status, Err: err.Error(), ErrKind: s.SkipReason(), Latency: j.latency})
	return true
}

// failKinder is an error that classes itself ("too_large", "redirect").
type failKinder interface{ FailKind() string }

// failKind classes a failed fetch for the summary, more finely than errKind.
func failKind(status int, err error) string {
	var k failKinder
	if errors.As(err, &k) {
		return k.FailKind()
	}
	if errors.Is(err, colly.ErrForbiddenDomain) { // only a redirect off the forum's host gets here
		return "redirect"
	}
	return errKind(status, err)
}

// redirectError is a redirect the crawl refused to follow.
type redirectError struct{ msg string }

func (e *redirectError) Error() string    { return e.msg }
func (e *redirectError) FailKind() string { return "redirect" }

// wanted reports whether a link passes --include and --exclude.
func (cr *crawl) wanted(u string) bool {
	if slices.ContainsFunc(cr.cfg.Exclude, func(re *regexp.Regexp) bool { return re.MatchString(u) }) {
		return false
	}
	return len(cr.cfg.Include) == 0 || slices.ContainsFunc(cr.cfg.Include, func(re *regexp.Regexp) bool { return re.MatchString(u) })
}

// paginate reports whether the pagination links of page may be followed:
// not when the page repeats posts another page of its thread already had
// (a pagination loop, or pages past the end that show the last page
// again), nor past the pages-per-thread or pages-per-board cap.
func (cr *crawl) paginate(page *parser.Page) bool {
	g := cr.guards
	g.mu.Lock()
	defer g.mu.Unlock()
	switch {
	case page.Kind == parser.KindThread && page.Thread != nil && page.Alternate == "": // an HTML page that defers to its JSON writes nothing
		key := page.Thread.URL
		ids := make([]string, len(page.Posts))
		for i, p := range page.Posts {
			ids[i] = p.ID
		}
		sig := strings.Join(ids, ",")
		seen := g.signatures[key]
		if seen == nil {
			seen = map[string]bool{}
			g.signatures[key] = seen
		}
		if seen[sig] {
			cr.mu.Lock()
			cr.sum.Repeated++
			cr.mu.Unlock()
			g.warnOnce("repeat "+key, func() {
				cr.log.Warn("thread page repeats the posts of another of its pages; its pagination is not followed further", "url", page.URL)
			})
			return false
		}
		seen[sig] = true
		return g.count(cr, key, cr.cfg.MaxThreadPages, "thread")
	case page.Kind == parser.KindBoard && page.Board != nil:
		return g.count(cr, page.Board.URL, cr.cfg.MaxBoardPages, "board")
	}
	return true
}

// count counts a page of the thread or board at key and reports whether
// it is still under the cap (0: none). The caller holds g.mu.
func (g *guards) count(cr *crawl, key string, limit int, what string) bool {
	g.pages[key]++
	if limit <= 0 || g.pages[key] < limit {
		return true
	}
	g.warnOnce("cap "+key, func() {
		cr.log.Warn(fmt.Sprintf("%s reached the cap of %d pages; its further pages are not followed", what, limit), "url", key)
	})
	return false
}

// warnOnce runs warn the first time key is seen. The caller holds g.mu.
func (g *guards) warnOnce(key string, warn func()) {
	if !g.warned[key] {
		g.warned[key] = true
		warn()
	}
}

// isPagination reports whether a link of page leads to another page of the
// same thread or board (not to a thread a board lists, nor to a sub-board).
func isPagination(page *parser.Page, l parser.Link) bool {
	switch page.Kind {
	case parser.KindThread:
		return l.Kind == parser.LinkThread
	case parser.KindBoard:
		return l.Kind == parser.LinkBoard && !slices.ContainsFunc(page.Boards, func(b parser.BoardRef) bool { return b.URL == l.URL })
	}
	return false
}
