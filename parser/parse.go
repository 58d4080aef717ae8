package parser

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ErrNotHTTP is returned for a page URL that is not an absolute http(s) URL.
var ErrNotHTTP = errors.New("not an absolute http(s) URL")

// Options configures a Parser. The zero value detects among the built-in engines.
type Options struct {
	// Engine forces an engine by name instead of detecting it.
	Engine string
	// Engines are the engines to detect among; nil means BuiltinEngines().
	Engines []*Engine
	// Overrides change the engines' selector tables, for every site or for
	// pages of one host (see LoadOverrides); nil changes nothing.
	Overrides *Overrides
}

// Parser extracts typed pages. It is safe for concurrent use.
type Parser struct {
	engines []*Engine
	forced  *Engine
	generic bool // the generic extractor forced: no engine is detected
	dates   *dateReader
	sites   map[string]*Parser // by host: the parser for pages of a host with its own overrides

	// siteEngines remembers, by host, the engine that claimed the host's
	// last page no other engine was remembered for: a site runs one engine,
	// so its later pages are scored against that engine alone, and are
	// detected among all only when it does not claim them.
	siteEngines sync.Map

	zones zoneCache // the named zones its pages state, loaded once

	// unread are the attributes whose long values are left out before a
	// page is parsed (see withoutUnread): of every engine, and by engine
	// for the pages of a site whose engine is known.
	unread   [][]byte
	unreadOf map[*Engine][][]byte
}

// New returns a Parser, or an error naming an unknown forced engine or a bad selector.
func New(opt Options) (*Parser, error) {
	engines := opt.Engines
	if engines == nil {
		engines = BuiltinEngines()
	}
	dates := newDateReader() // one for all, as it learns per site anyway
	p, err := newParser(opt, engines, "", dates)
	if err != nil {
		return nil, err
	}
	for _, host := range opt.Overrides.hosts() {
		sp, err := newParser(opt, engines, host, dates)
		if err != nil {
			return nil, fmt.Errorf("selectors for %s: %w", host, err)
		}
		if p.sites == nil {
			p.sites = map[string]*Parser{}
		}
		p.sites[host] = sp
	}
	return p, nil
}

// newParser returns a Parser for the engines with the overrides for pages of host applied.
func newParser(opt Options, engines []*Engine, host string, dates *dateReader) (*Parser, error) {
	p := &Parser{dates: dates}
	for _, e := range engines {
		p.engines = append(p.engines, opt.Overrides.Apply(e, host))
	}
	var names []string
	for _, e := range p.engines {
		if _, err := e.rules(); err != nil {
			return nil, err
		}
		names = append(names, e.Name)
		if e.Name == opt.Engine {
			p.forced = e
		}
	}
	p.generic = opt.Engine == GenericEngine
	p.unread = unreadAttrs(p.engines)
	p.unreadOf = make(map[*Engine][][]byte, len(p.engines))
	for _, e := range p.engines {
		p.unreadOf[e] = unreadAttrsOf(e, p.engines)
	}
	if opt.Engine != "" && p.forced == nil && !p.generic {
		return nil, fmt.Errorf("unknown engine %q (known: %s)", opt.Engine, strings.Join(append(names, GenericEngine), ", "))
	}
	return p, nil
}

// Engines returns the names of the engines the parser knows (the generic
// extractor, GenericEngine, is not among them: it is no table of rules).
func (p *Parser) Engines() []string {
	names := make([]string, len(p.engines))
	for i, e := range p.engines {
		names[i] = e.Name
	}
	return names
}

// Parse returns what the page at pageURL holds. body must be UTF-8 (see
// Decode); a leading byte-order mark is dropped. A page no engine claims
// comes back with Kind unknown and a warning naming the closest engine, not
// an error; errors are for a pageURL that is not absolute http(s).
func (p *Parser) Parse(pageURL string, body []byte) (*Page, error) {
	return p.ParseAt(pageURL, body, time.Now())
}

// ParseAt is Parse for a page fetched at the given time, against which
// relative dates ("Yesterday at 3:14 PM", "vor 2 Stunden") are resolved.
func (p *Parser) ParseAt(pageURL string, body []byte, fetched time.Time) (*Page, error) {
	base, err := url.Parse(pageURL)
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return nil, fmt.Errorf("parse %q: %w", pageURL, ErrNotHTTP)
	}
	p = p.forHost(base.Host)
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	if trimmed := bytes.TrimSpace(body); !p.generic && len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		if page, err := p.parseJSON(base, trimmed, fetched); page != nil || err != nil {
			return page, err
		}
	}
	doc, err := html.Parse(withoutUnread(body, p.unreadFor(base.Host)))
	if err != nil { // html.Parse fails only on reader errors
		return nil, fmt.Errorf("parse %s: %w", pageURL, err)
	}
	ix := indexMarkup(doc, body) // what the page has (its <noscript> markup expanded): rules that need more are dropped for it
	defer ix.release()
	page := &Page{URL: CanonicalURL(base, nil).String(), Kind: KindUnknown}
	if p.generic {
		page.Evidence = []string{"engine forced"}
		p.parseGeneric(page, base, doc, fetched)
		return page, nil
	}
	e := p.forced
	if e != nil {
		page.Evidence = []string{"engine forced"}
	} else if d, ok := p.siteEngine(base.Host, doc, ix); ok {
		e, page.Evidence = d.Engine, d.Evidence
	} else {
		ds := detect(doc, ix, p.engines)
		if len(ds) == 0 || !ds[0].Claims() {
			msg := "no known forum engine recognised this page"
			if len(ds) > 0 && ds[0].Score > 0 {
				msg += fmt.Sprintf(" (closest: %s, score %d of %d needed: %s)",
					ds[0].Engine.Name, ds[0].Score, minScore, strings.Join(ds[0].Evidence, "; "))
			}
			page.Warnings = append(page.Warnings, msg)
			p.parseGeneric(page, base, doc, fetched)
			return page, nil
		}
		e, page.Evidence = ds[0].Engine, ds[0].Evidence
		p.siteEngines.Store(base.Host, e)
	}
	c, _ := e.rules()
	c = c.forPage(ix)
	page.Engine = e.Name
	page.URL = CanonicalURL(base, e).String()
	x := &extractor{e: e, c: c, base: base, refs: baseURL(ix.baseElement(), base), doc: doc, now: fetched, dates: p.dates, zones: &p.zones, lang: pageLang(doc)}
	if root := c.get("Root").text(doc); root != "" {
		page.Root = x.canonical(root)
	}
	switch {
	case c.get("IsThread").matches(doc):
		page.Kind = KindThread
		x.thread(page)
		page.Warnings = append(page.Warnings, x.emptyRules(page)...)
	case c.get("IsBoard").matches(doc):
		page.Kind = KindBoard
		x.board(page)
	case c.get("IsIndex").matches(doc):
		page.Kind = KindIndex
		x.index(page)
	default:
		page.Kind = KindOther
	}
	if e.Finish != nil {
		e.Finish(page)
	}
	page.Links = e.dropNeverContent(page.Links)
	page.FetchURLs = x.linked
	return page, nil
}

// unreadFor returns the attributes whose long values are left out of a
// page of host: those of the forced engine or of the engine that claimed
// the host's earlier pages, else those of every engine.
func (p *Parser) unreadFor(host string) [][]byte {
	if p.forced != nil {
		return p.unreadOf[p.forced]
	}
	if v, ok := p.siteEngines.Load(host); ok {
		return p.unreadOf[v.(*Engine)]
	}
	return p.unread
}

// parseJSON offers a JSON body to the engines with a JSON API (the forced
// one only, when forced); it returns nil when none takes it.
func (p *Parser) parseJSON(base *url.URL, body []byte, fetched time.Time) (*Page, error) {
	for _, e := range p.engines {
		if e.ParseJSON == nil || (p.forced != nil && p.forced != e) {
			continue
		}
		page, err := e.ParseJSON(base, body, fetched)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %s: %w", base, e.Name, err)
		}
		if page != nil {
			page.Links = e.dropNeverContent(page.Links)
			return page, nil
		}
	}
	return nil, nil
}

// expandNoscript turns the raw text of the <noscript> element c into the
// markup it holds. A crawler runs no scripts, so that markup is what it sees
// (Discourse serves its whole crawler view there). Each one is parsed on its
// own, so broken markup inside one (an <iframe/> written as if self-closing,
// which would swallow the page) stays inside it. indexPage expands every
// <noscript> that is not inside another.
func expandNoscript(c *html.Node) {
	raw := c.FirstChild
	if c.Parent == nil || raw == nil || raw != c.LastChild || raw.Type != html.TextNode || !strings.Contains(raw.Data, "<") {
		return
	}
	nodes, err := html.ParseFragment(strings.NewReader(raw.Data), c.Parent)
	if err != nil {
		return
	}
	c.RemoveChild(raw)
	for _, k := range nodes {
		c.AppendChild(k)
	}
}

// pageLang returns the primary language subtag of the page's <html lang>
// ("de-DE" -> "de"), or "" when it has none.
func pageLang(doc *html.Node) string {
	for n := doc.FirstChild; n != nil; n = n.NextSibling {
		if n.Type == html.ElementNode && n.DataAtom == atom.Html {
			lang, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(attr(n, "lang"))), "-")
			return lang
		}
	}
	return ""
}

// siteEngine scores the page against the engine that claimed the host's
// earlier pages, and reports whether that engine claims it too.
func (p *Parser) siteEngine(host string, doc *html.Node, ix *pageIndex) (Detection, bool) {
	v, ok := p.siteEngines.Load(host)
	if !ok {
		return Detection{}, false
	}
	ds := detect(doc, ix, []*Engine{v.(*Engine)})
	return ds[0], len(ds) == 1 && ds[0].Claims()
}
