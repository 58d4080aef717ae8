package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/temoto/robotstxt"
)

// Bounds of a robots.txt fetch.
const (
	robotsMaxBody   = 512 << 10
	robotsMaxTime   = time.Minute
	maxCrawlDelay   = time.Minute
	robotsRedirects = 5
)

// robotsEntry is one host's robots.txt rules, loaded once.
type robotsEntry struct {
	done  chan struct{}
	group *robotstxt.Group // nil: everything allowed
}

// robotsAllow returns nil when robots.txt lets the crawl fetch u, else a
// *DisallowedError. The host's robots.txt is fetched on first use, once.
func (t *Transport) robotsAllow(ctx context.Context, u *url.URL) error {
	if u.Path == "/robots.txt" {
		return nil
	}
	key := u.Scheme + "://" + u.Host
	t.mu.Lock()
	e := t.robots[key]
	if e == nil {
		e = &robotsEntry{done: make(chan struct{})}
		t.robots[key] = e
		t.mu.Unlock()
		e.group = t.loadRobots(ctx, key, u.Host)
		close(e.done)
	} else {
		t.mu.Unlock()
		select {
		case <-e.done:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	if e.group != nil && !e.group.Test(u.RequestURI()) {
		return &DisallowedError{URL: u.String()}
	}
	return nil
}

// loadRobots fetches and parses origin's robots.txt and returns the group
// for the crawler's agent (nil: all allowed), applying its Crawl-delay.
// Whatever goes wrong short of a server error, everything is allowed, with a warning.
func (t *Transport) loadRobots(ctx context.Context, origin, host string) *robotstxt.Group {
	ctx, cancel := context.WithTimeout(ctx, robotsMaxTime)
	defer cancel()
	status, body, err := t.getRobots(ctx, origin+"/robots.txt")
	if err != nil {
		t.log.Warn("robots.txt could not be fetched; crawling as if it allowed everything", "url", origin+"/robots.txt", "err", err)
		return nil
	}
	data, err := robotstxt.FromStatusAndBytes(status, body)
	if err != nil {
		t.log.Warn("robots.txt is malformed; crawling as if it allowed everything", "url", origin+"/robots.txt", "err", err)
		return nil
	}
	if status >= 500 {
		t.log.Warn("robots.txt answers with a server error; by the robots.txt rules nothing may be crawled (--ignore-robots overrides)",
			"url", origin+"/robots.txt", "status", status)
		data, _ = robotstxt.FromString("User-agent: *\nDisallow: /\n")
	}
	g := data.FindGroup(t.opts.Agent)
	if d := g.CrawlDelay; d > 0 {
		if d > maxCrawlDelay {
			t.log.Warn("robots.txt asks for a Crawl-delay over a minute; waiting a minute between requests", "host", host, "crawl_delay", d)
			d = maxCrawlDelay
		}
		t.limiter.Slow(host, d)
		t.log.Info("robots.txt Crawl-delay honoured", "host", host, "delay", d)
	}
	return g
}

// getRobots fetches a robots.txt, following up to 5 redirects, through the
// pacing and retries but not the robots check.
func (t *Transport) getRobots(ctx context.Context, u string) (int, []byte, error) {
	c := &http.Client{
		Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) { return t.fetch(r, robotsMaxBody) }),
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= robotsRedirects {
				return fmt.Errorf("more than %d redirects", robotsRedirects)
			}
			return nil
		},
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("User-Agent", t.opts.UserAgent)
	resp, err := c.Do(req)
	if err != nil {
		var tl *TooLargeError
		if errors.As(err, &tl) {
			return 0, nil, fmt.Errorf("over %d bytes", robotsMaxBody)
		}
		return 0, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if fn := t.robotsSeen.Load(); fn != nil && err == nil {
		(*fn)(resp, body)
	}
	return resp.StatusCode, body, err
}

// RobotsFunc hears of a robots.txt response: resp (its Request is the
// request that got it, after any redirect) and its whole body.
type RobotsFunc func(resp *http.Response, body []byte)

// OnRobots makes fn hear of every robots.txt response the transport reads
// from now on, for archiving; nil stops it. fn is called from the goroutine
// whose request needed the rules, before that request goes on.
func (t *Transport) OnRobots(fn RobotsFunc) {
	if fn == nil {
		t.robotsSeen.Store(nil)
		return
	}
	t.robotsSeen.Store(&fn)
}

// roundTripFunc is a function as an http.RoundTripper.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
