package parser

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"sync"
	"time"
)

// Engine is one forum software's rules: how to recognise its pages and where
// things are on them. Everything an engine knows is data; the shared extractor
// does the work.
type Engine struct {
	Name      string    // e.g. "xenforo2"; the value of a record's engine field
	Markers   []Marker  // evidence that a page was made by this engine
	Selectors Selectors // where things are on its pages

	// DropParams are query parameters that never change a page's content
	// (session ids, sort orders that mirror the default...). Canonical URLs lack them.
	DropParams []string
	// NeverContent matches the path and query of the engine's links that
	// never lead to content (posting, login, search, member lists, print
	// views, jumps, sort variants); such links are dropped from a page's Links.
	NeverContent *regexp.Regexp
	// RedundantParams are query parameters that add nothing beside another:
	// the key is dropped from a canonical URL whose query has the value's
	// parameter (phpBB's forum id f beside a topic id t).
	RedundantParams map[string]string
	// ParseJSON, for engines with a JSON API (Discourse), parses an API
	// response; it returns nil when the body is not one of its responses.
	ParseJSON func(u *url.URL, body []byte, fetched time.Time) (*Page, error)
	// Finish, when set, completes a page the shared extractor parsed from
	// HTML with what a selector cannot say: ids built from several values,
	// links to the same content in the engine's JSON API.
	Finish func(p *Page)

	// PagePath matches the part of a URL path that names a page of a thread
	// or board, with three groups: the separator before it ("/" or "-"), the
	// page number, and an extension to keep (".html"). Removing the match
	// (keeping a "/" separator and the extension) gives the page-1 URL.
	PagePath *regexp.Regexp
	// PageStart matches, in a URL's path or query, the number that says where
	// a page of a thread or board starts when that is an offset rather than a
	// page number (SMF: "topic=5.20", "topic,5.20.html"), as its first group.
	// The first page has 0 there, and keeps it in its canonical URL.
	PageStart *regexp.Regexp
	// PageParams are query parameters that name a page of a thread or board,
	// by number ("page", "pagenumber") or by the offset of its first item
	// (phpBB's "start"). A canonical URL drops them on the first page ("",
	// "0" or "1"), and the thread's or board's own URL lacks them.
	PageParams []string
	// URLForms reduce the equivalent forms of a thread's or board's URL
	// ("showthread.php?12-title/page2", "showthread.php?t=12&page=2") to
	// the one a canonical URL keeps (see URLForm).
	URLForms []URLForm
	// ReplyNumbers says that the post numbers the engine shows count
	// replies: the first post shows none and "Reply #1" is the second post
	// (SMF). A shown #N is then position N+1, and the unnumbered first post
	// of a thread's first page position 1.
	ReplyNumbers bool
	// UnreadAttrs are attributes of the engine's pages that carry data no
	// rule reads, often most of a page's bytes (Discourse's data-preloaded
	// JSON). Their long values are left out before a page is parsed,
	// unless some rule or marker names the attribute (see withoutUnread).
	UnreadAttrs []string

	once     sync.Once
	compiled *compiled
	markers  []rule
	err      error
}

// Marker is one piece of evidence for an engine: an element that only its pages have.
type Marker struct {
	Rule   Rule
	Weight int
	Why    string // said in the evidence when the marker is found
}

// minScore is the score at which an engine claims a page.
const minScore = 4

// rules returns the engine's compiled selectors, compiling them once.
func (e *Engine) rules() (*compiled, error) {
	e.once.Do(func() {
		e.compiled, e.err = e.Selectors.compile()
		if e.err != nil {
			e.err = fmt.Errorf("engine %s: %w", e.Name, e.err)
			return
		}
		for _, m := range e.Markers {
			r, err := compileRule(m.Rule)
			if err != nil {
				e.err = fmt.Errorf("engine %s: marker %q: %w", e.Name, m.Why, err)
				return
			}
			e.markers = append(e.markers, r)
		}
	})
	return e.compiled, e.err
}

// WithSelectors returns a copy of e whose selector table is sel (for a site's overrides).
func (e *Engine) WithSelectors(sel Selectors) *Engine {
	return &Engine{
		Name: e.Name, Markers: e.Markers, Selectors: sel,
		DropParams: e.DropParams, NeverContent: e.NeverContent, PagePath: e.PagePath, PageParams: e.PageParams, PageStart: e.PageStart,
		RedundantParams: e.RedundantParams, ParseJSON: e.ParseJSON, Finish: e.Finish,
		URLForms: e.URLForms, ReplyNumbers: e.ReplyNumbers, UnreadAttrs: e.UnreadAttrs,
	}
}

// BuiltinEngines returns the engines forumcrawl knows, each a fresh value.
// An engine without markers or JSON support is not finished: it never claims a page.
func BuiltinEngines() []*Engine {
	return []*Engine{XenForo2(), XenForo1(), PhpBB(), VBulletin(), SMF(), Invision(), MyBB(), Vanilla(), Discourse()}
}

// Ready reports whether the engine can claim pages: it has markers or a JSON parser.
func (e *Engine) Ready() bool { return len(e.Markers) > 0 || e.ParseJSON != nil }

// sessionParams are query parameters that carry a session or tracking id on any engine.
var sessionParams = []string{"sid", "s", "PHPSESSID", "phpsessid", "utm_source", "utm_medium",
	"utm_campaign", "utm_term", "utm_content", "fbclid", "gclid"}

// pageOf returns the page number a URL path names (1 when none) and the path
// of the thread's or board's first page.
func (e *Engine) pageOf(path string) (page int, first string) {
	if e == nil || e.PagePath == nil {
		return 1, path
	}
	m := e.PagePath.FindStringSubmatchIndex(path)
	if m == nil {
		return 1, path
	}
	page, _ = strconv.Atoi(path[m[4]:m[5]])
	keep := ""
	if path[m[2]:m[3]] == "/" {
		keep = "/"
	}
	if m[6] >= 0 {
		keep += path[m[6]:m[7]]
	}
	return page, path[:m[0]] + keep
}

// pageOfURL returns the page number u names (1 when none) and the URL of
// the thread's or board's first page. The page is named by PagePath in the
// path or in a route kept in a bare query key ("showthread.php?12-title/page2"),
// or by one of PageParams.
func (e *Engine) pageOfURL(u *url.URL) (page int, first *url.URL) {
	f := *u
	page = 1
	if e == nil {
		return page, &f
	}
	if n, p := e.pageOf(f.Path); p != f.Path {
		page, f.Path = n, p
	}
	if f.RawQuery == "" || (e.PagePath == nil && len(e.PageParams) == 0) {
		return page, &f
	}
	q := f.Query()
	changed := false
	for k, vs := range q {
		if slices.Contains(e.PageParams, k) {
			if n, err := strconv.Atoi(q.Get(k)); err == nil && n > 0 {
				page = n
			}
			q.Del(k)
			changed = true
			continue
		}
		if len(vs) == 1 && vs[0] == "" {
			if n, route := e.pageOf(k); route != k {
				page = n
				q.Del(k)
				q.Set(route, "")
				changed = true
			}
		}
	}
	if changed {
		f.RawQuery = encodeSorted(q)
	}
	return page, &f
}

// firstPageStart returns s with the page offsets PageStart finds set to 0.
func (e *Engine) firstPageStart(s string) string {
	if e == nil || e.PageStart == nil {
		return s
	}
	ms := e.PageStart.FindAllStringSubmatchIndex(s, -1)
	for i := len(ms) - 1; i >= 0; i-- {
		if m := ms[i]; len(m) >= 4 && m[2] >= 0 {
			s = s[:m[2]] + "0" + s[m[3]:]
		}
	}
	return s
}
