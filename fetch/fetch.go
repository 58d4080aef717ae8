// Package fetch is HTTP fetching for a polite crawler: per-host pacing,
// retries with backoff, robots.txt, safe dialing, anti-bot challenge
// recognition, cookies, extra headers and proxies, as one
// http.RoundTripper. It knows no forum markup.
package fetch

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"sync"
	"sync/atomic"
	"time"
)

// Options configure a Transport. The zero value fetches politely: no rate
// beyond Delay's, 5 retries, robots.txt obeyed, only public addresses
// (and the start URL's own class) reached.
type Options struct {
	// Rate is the most requests per second to one host (0: no limit beyond Delay).
	Rate float64
	// Delay is the least time between two requests to one host.
	Delay time.Duration
	// Jitter lengthens each spacing at random by up to this fraction of it
	// (0.5: up to half again); 0 means none.
	Jitter float64
	// NoAdapt turns off the slow-down while a host's latency or error rate climbs.
	NoAdapt bool
	// Limiter paces the requests (default a HostLimiter from Rate, Delay and Jitter).
	Limiter Limiter

	// Retries is how many times a request that timed out, was reset or got
	// 429/500/502/503/504 is tried again (default 5; negative: never).
	Retries int
	// Backoff is the first wait before a retry, doubled for each next one
	// (default 1 s), up to MaxBackoff (default 60 s); each wait is jittered.
	Backoff, MaxBackoff time.Duration
	// SlowStart is the spacing a host gets after its first 429 reply,
	// doubled with each next one up to a minute (default 500 ms).
	SlowStart time.Duration
	// MaxRetryTime bounds the time one request may take with all its retries (default 5 min).
	MaxRetryTime time.Duration
	// Timeout bounds each attempt, from sending to the body's end (default 30 s).
	Timeout time.Duration
	// MaxBody caps a response body, counted after decompression (default 8 MiB).
	MaxBody int64

	// IgnoreRobots fetches what robots.txt disallows.
	IgnoreRobots bool
	// Agent is the product token robots.txt groups are matched against (default "forumcrawl").
	Agent string
	// UserAgent is sent with requests the Transport makes itself (robots.txt).
	UserAgent string

	// Start is the crawl's start URL: its host's address class (loopback,
	// private...) may be reached, and Header is sent to its host only.
	Start string
	// AllowPrivate lets the crawl reach any address.
	AllowPrivate bool
	// Dialer makes the connections (default: 30 s timeouts, the system's
	// resolver). Its Resolver also makes the Transport's own lookups (the
	// start URL's address class, proxies, targets behind a proxy). The
	// check of each resolved address runs first, just before the connect;
	// the Dialer's own Control or ControlContext then runs for the
	// addresses it let through.
	Dialer *net.Dialer

	// Cookies are sent to the hosts they match (from a cookies.txt file).
	Cookies []Cookie
	// Header holds extra request headers, sent to the start URL's host only.
	Header http.Header
	// Proxies make the connections, in turn (http, https, socks5, socks5h).
	Proxies []*url.URL

	// Logger receives warnings (robots.txt, challenges, slow-downs).
	Logger *slog.Logger
}

// Transport is the polite, robust http.RoundTripper. Safe for concurrent use.
type Transport struct {
	opts      Options
	limiter   Limiter
	base      *http.Transport
	guard     *guard
	log       *slog.Logger
	startHost string
	next      atomic.Uint64 // round-robin proxy index

	mu     sync.Mutex
	robots map[string]*robotsEntry
	warned map[string]bool
	floors map[string]time.Duration // 429 slow-downs by host

	robotsSeen atomic.Pointer[RobotsFunc] // see OnRobots
}

// New returns a Transport for opts. ctx bounds the start URL's name lookup.
func New(ctx context.Context, opts Options) (*Transport, error) {
	opts = opts.withDefaults()
	t := &Transport{
		opts: opts, log: opts.Logger, limiter: opts.Limiter,
		robots: map[string]*robotsEntry{}, warned: map[string]bool{}, floors: map[string]time.Duration{},
	}
	d := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
	if opts.Dialer != nil {
		c := *opts.Dialer
		d = &c
	}
	g := &guard{allowAll: opts.AllowPrivate, addrs: map[netip.Addr]bool{}, resolver: d.Resolver}
	if g.resolver == nil {
		g.resolver = net.DefaultResolver
	}
	if opts.Start != "" {
		su, err := url.Parse(opts.Start)
		if err != nil {
			return nil, fmt.Errorf("start URL %q: %w", opts.Start, err)
		}
		t.startHost = su.Hostname()
		g.classes = startClasses(ctx, g.resolver, su.Hostname())
	}
	for _, p := range opts.Proxies {
		if ip, err := netip.ParseAddr(p.Hostname()); err == nil {
			g.addrs[ip.Unmap()] = true
			continue
		}
		ips, err := g.resolver.LookupNetIP(ctx, "ip", p.Hostname())
		if err != nil {
			return nil, fmt.Errorf("proxy %s: %w", p.Redacted(), err)
		}
		for _, ip := range ips {
			g.addrs[ip.Unmap()] = true
		}
	}
	t.guard = g
	if t.limiter == nil {
		gap := opts.Delay
		if opts.Rate > 0 {
			gap = max(gap, time.Duration(float64(time.Second)/opts.Rate))
		}
		t.limiter = NewHostLimiter(gap, opts.Jitter, !opts.NoAdapt)
	}
	d.Control, d.ControlContext = nil, g.controlThen(d.Control, d.ControlContext)
	t.base = &http.Transport{
		DialContext:         d.DialContext,
		ForceAttemptHTTP2:   true,
		MaxIdleConnsPerHost: 16,
		IdleConnTimeout:     90 * time.Second,
		TLSHandshakeTimeout: 10 * time.Second,
	}
	if len(opts.Proxies) > 0 {
		t.base.Proxy = func(*http.Request) (*url.URL, error) {
			return opts.Proxies[(t.next.Add(1)-1)%uint64(len(opts.Proxies))], nil
		}
	}
	return t, nil
}

// withDefaults returns o with unset fields at their defaults.
func (o Options) withDefaults() Options {
	if o.Retries == 0 {
		o.Retries = 5
	}
	if o.Retries < 0 {
		o.Retries = 0
	}
	if o.Backoff <= 0 {
		o.Backoff = time.Second
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = time.Minute
	}
	if o.SlowStart <= 0 {
		o.SlowStart = 500 * time.Millisecond
	}
	if o.MaxRetryTime <= 0 {
		o.MaxRetryTime = 5 * time.Minute
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.MaxBody <= 0 {
		o.MaxBody = 8 << 20
	}
	if o.Agent == "" {
		o.Agent = "forumcrawl"
	}
	if o.UserAgent == "" {
		o.UserAgent = "forumcrawl"
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o
}

// OwnsTimeouts reports that the Transport bounds each attempt and each
// request's retries itself, so a client should not add a timeout of its
// own over the whole request (which would cut retries short).
func (t *Transport) OwnsTimeouts() bool { return true }

// Limiter returns the limiter pacing the Transport's requests.
func (t *Transport) Limiter() Limiter { return t.limiter }

// RoundTrip fetches req politely: robots.txt checked, paced, retried,
// its body read whole (up to MaxBody) and checked for an anti-bot challenge.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	if len(t.opts.Proxies) > 0 {
		if err := t.guard.checkHost(ctx, req.URL.Hostname()); err != nil {
			return nil, err
		}
	}
	if !t.opts.IgnoreRobots {
		if err := t.robotsAllow(ctx, req.URL); err != nil {
			return nil, err
		}
	}
	return t.fetch(req, t.opts.MaxBody)
}

// CloseIdleConnections closes the connections kept for reuse.
func (t *Transport) CloseIdleConnections() { t.base.CloseIdleConnections() }

// warnOnce logs msg the first time key is seen.
func (t *Transport) warnOnce(key, msg string, args ...any) {
	t.mu.Lock()
	seen := t.warned[key]
	t.warned[key] = true
	t.mu.Unlock()
	if !seen {
		t.log.Warn(msg, args...)
	}
}
