package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/forumcrawl/forumcrawl/fetch"
	"github.com/forumcrawl/forumcrawl/scraper"
	"github.com/forumcrawl/forumcrawl/storage"
)

// fetchFlags are the crawl's politeness, retry, access and scope flags.
type fetchFlags struct {
	opts         fetch.Options // as apply built the transport from them
	built        bool
	rate         float64
	jitter       float64
	retries      int
	ignoreRobots bool
	contact      string
	cookies      string
	headers      listFlag
	proxies      listFlag
	allowPrivate bool
	exclude      listFlag
	include      listFlag
	maxBody      string
	threadPages  int
	boardPages   int
}

// listFlag is a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ", ") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

// addFetchFlags registers the fetch flags on fs.
func addFetchFlags(fs *flag.FlagSet) *fetchFlags {
	ff := &fetchFlags{}
	fs.Float64Var(&ff.rate, "rate", 0, "most requests per second to the forum (0: no limit beyond --delay)")
	fs.Float64Var(&ff.jitter, "jitter", 0.5, "lengthen each wait between requests at random by up to this fraction of it")
	fs.IntVar(&ff.retries, "retries", 5, "retries of a page that timed out, was reset or got 429/500/502/503/504 (0: none)")
	fs.BoolVar(&ff.ignoreRobots, "ignore-robots", false, "fetch what robots.txt disallows (only with the site's permission)")
	fs.StringVar(&ff.contact, "contact", "", "a `URL` (or mailto:) where the forum's admins can reach you, added to the User-Agent")
	fs.StringVar(&ff.cookies, "cookies", "", "send the cookies of a Netscape cookies.txt `file` (members-only boards)")
	fs.Var(&ff.headers, "header", "add a request header 'Name: value' to requests to the forum (repeatable)")
	fs.Var(&ff.proxies, "proxy", "fetch through a proxy `URL` (http, https, socks5; repeat for round-robin)")
	fs.BoolVar(&ff.allowPrivate, "allow-private", false, "let the crawl reach loopback, private and link-local addresses")
	fs.Var(&ff.exclude, "exclude", "do not follow links whose URL matches this `regexp` (repeatable)")
	fs.Var(&ff.include, "include", "follow only links whose URL matches this `regexp` (repeatable)")
	fs.StringVar(&ff.maxBody, "max-body", "8MiB", "largest page body, after decompression, e.g. 8MiB")
	fs.IntVar(&ff.threadPages, "max-thread-pages", 5000, "follow at most this many pages of one thread (0: no limit)")
	fs.IntVar(&ff.boardPages, "max-board-pages", 10000, "follow at most this many pages of one board (0: no limit)")
	return ff
}

// apply checks the flags and sets cfg up to fetch through the polite
// transport; cfg's Start, Delay, Timeout, UserAgent and Logger must be set.
// Every error is a usage error, found before anything is fetched.
func (ff *fetchFlags) apply(ctx context.Context, cfg *scraper.Config, log *slog.Logger) error {
	o := fetch.Options{
		Rate: ff.rate, Jitter: ff.jitter, Retries: ff.retries, IgnoreRobots: ff.ignoreRobots,
		Start: cfg.Start, AllowPrivate: ff.allowPrivate, Timeout: cfg.Timeout, Logger: log,
	}
	if ff.rate < 0 || ff.jitter < 0 || ff.retries < 0 {
		return fmt.Errorf("--rate, --jitter and --retries must not be negative")
	}
	if ff.retries == 0 {
		o.Retries = -1
	}
	if !cfg.NoDelay {
		o.Delay = cfg.Delay
	}
	n, err := parseBytes(ff.maxBody)
	if err != nil || n == 0 {
		return fmt.Errorf("--max-body %q: want a size such as 8MiB", ff.maxBody)
	}
	o.MaxBody, cfg.MaxBody = n, int(n)
	if ff.contact != "" {
		cu, err := url.Parse(ff.contact)
		if err != nil || (cu.Scheme != "http" && cu.Scheme != "https" && cu.Scheme != "mailto") {
			return fmt.Errorf("--contact %q: want an http(s) or mailto: URL", ff.contact)
		}
		cfg.UserAgent = withContact(cfg.UserAgent, ff.contact)
	}
	o.UserAgent = cfg.UserAgent
	if ff.cookies != "" {
		cs, warns, err := fetch.LoadCookies(ff.cookies)
		if err != nil {
			return err
		}
		for _, w := range warns {
			log.Warn(w)
		}
		if len(cs) == 0 {
			return fmt.Errorf("--cookies %s: no usable cookie in the file", ff.cookies)
		}
		o.Cookies = cs
	}
	if len(ff.headers) > 0 {
		o.Header = http.Header{}
		for _, h := range ff.headers {
			name, value, err := fetch.ParseHeader(h)
			if err != nil {
				return fmt.Errorf("--header: %w", err)
			}
			o.Header.Add(name, value)
		}
	}
	for _, p := range ff.proxies {
		pu, err := fetch.ParseProxy(p)
		if err != nil {
			return fmt.Errorf("--proxy: %w", err)
		}
		o.Proxies = append(o.Proxies, pu)
	}
	if cfg.Exclude, err = compileAll("--exclude", ff.exclude); err != nil {
		return err
	}
	if cfg.Include, err = compileAll("--include", ff.include); err != nil {
		return err
	}
	cfg.MaxThreadPages, cfg.MaxBoardPages = noLimit(ff.threadPages), noLimit(ff.boardPages)
	if ff.ignoreRobots {
		log.Warn("--ignore-robots: fetching what the forum's robots.txt asks crawlers not to; do so only with the site's permission")
	}
	tr, err := fetch.New(ctx, o)
	if err != nil {
		return err
	}
	ff.opts, ff.built = o, true
	cfg.Transport = tr
	cfg.NoDelay = true // the transport paces the requests, per host
	return nil
}

// shareLimits rebuilds the crawl's transport with a limiter that paces the
// requests of every worker of a crawl shared through st's Redis together.
func (ff *fetchFlags) shareLimits(ctx context.Context, cfg *scraper.Config, st *storage.RedisState) error {
	if ff == nil || !ff.built {
		return nil
	}
	o := ff.opts
	gap := o.Delay
	if o.Rate > 0 {
		gap = max(gap, time.Duration(float64(time.Second)/o.Rate))
	}
	if gap <= 0 {
		return nil // no pacing asked: nothing to share
	}
	o.Limiter = redisLimiter(st, gap, o.Jitter)
	tr, err := fetch.New(ctx, o)
	if err != nil {
		return err
	}
	cfg.Transport = tr
	return nil
}

// withContact returns a User-Agent with a contact URL added inside its comment.
func withContact(ua, contact string) string {
	if strings.HasSuffix(ua, ")") {
		return strings.TrimSuffix(ua, ")") + "; contact: " + contact + ")"
	}
	return ua + " (contact: " + contact + ")"
}

// noLimit turns a flag's 0 ("no limit") into the config's negative.
func noLimit(n int) int {
	if n <= 0 {
		return -1
	}
	return n
}

// compileAll compiles a repeatable regexp flag's values.
func compileAll(flagName string, exprs []string) ([]*regexp.Regexp, error) {
	var out []*regexp.Regexp
	for _, e := range exprs {
		re, err := regexp.Compile(e)
		if err != nil {
			return nil, fmt.Errorf("%s %q: %w", flagName, e, err)
		}
		out = append(out, re)
	}
	return out, nil
}

// printSkipped writes the pages skipped on purpose, counted by reason, with a few examples.
func printSkipped(w io.Writer, s *scraper.Summary) {
	if len(s.Skipped) == 0 && s.Repeated == 0 {
		return
	}
	by := map[string][]string{}
	var reasons []string
	for _, k := range s.Skipped {
		if by[k.Reason] == nil {
			reasons = append(reasons, k.Reason)
		}
		by[k.Reason] = append(by[k.Reason], k.URL)
	}
	advice := map[string]string{
		"robots":          "robots.txt disallows them (--ignore-robots overrides)",
		"challenge":       "anti-bot challenge; try --cookies from a browser session and a slower --rate",
		"private_address": "private address (--allow-private overrides)",
	}
	for _, r := range reasons {
		fmt.Fprintf(w, "  skipped (%s) %d: %s\n", r, len(by[r]), advice[r])
		for i, u := range by[r] {
			if i == 3 {
				fmt.Fprintf(w, "    ... and %d more\n", len(by[r])-3)
				break
			}
			fmt.Fprintf(w, "    %s\n", u)
		}
	}
	if s.Repeated > 0 {
		fmt.Fprintf(w, "  repeated pages  %d (pagination loops cut short)\n", s.Repeated)
	}
}
