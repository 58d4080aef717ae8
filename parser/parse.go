package parser

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// ErrNotHTTP is returned for a page URL that is not an absolute http(s) URL.
var ErrNotHTTP = errors.New("not an absolute http(s) URL")

// Options configures a Parser. The zero value detects among the built-in engines.
type Options struct {
	// Engine forces an engine by name instead of detecting it.
	Engine string
	// Engines are the engines to detect among; nil means BuiltinEngines().
	Engines []*Engine
}

// Parser extracts typed pages. It is safe for concurrent use.
type Parser struct {
	engines []*Engine
	forced  *Engine
}

// New returns a Parser, or an error naming an unknown forced engine or a bad selector.
func New(opt Options) (*Parser, error) {
	p := &Parser{engines: opt.Engines}
	if p.engines == nil {
		p.engines = BuiltinEngines()
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
	if opt.Engine != "" && p.forced == nil {
		return nil, fmt.Errorf("unknown engine %q (known: %s)", opt.Engine, strings.Join(names, ", "))
	}
	return p, nil
}

// Engines returns the names of the engines the parser knows.
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
	base, err := url.Parse(pageURL)
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return nil, fmt.Errorf("parse %q: %w", pageURL, ErrNotHTTP)
	}
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil { // html.Parse fails only on reader errors
		return nil, fmt.Errorf("parse %s: %w", pageURL, err)
	}
	page := &Page{URL: CanonicalURL(base, nil).String(), Kind: KindUnknown}
	e := p.forced
	if e != nil {
		page.Evidence = []string{"engine forced"}
	} else {
		ds := detect(doc, p.engines)
		if len(ds) == 0 || !ds[0].Claims() {
			msg := "no known forum engine recognised this page"
			if len(ds) > 0 && ds[0].Score > 0 {
				msg += fmt.Sprintf(" (closest: %s, score %d of %d needed: %s)",
					ds[0].Engine.Name, ds[0].Score, minScore, strings.Join(ds[0].Evidence, "; "))
			}
			page.Warnings = append(page.Warnings, msg)
			return page, nil
		}
		e, page.Evidence = ds[0].Engine, ds[0].Evidence
	}
	c, _ := e.rules()
	page.Engine = e.Name
	page.URL = CanonicalURL(base, e).String()
	x := &extractor{e: e, c: c, base: base, doc: doc}
	if root := c.get("Root").text(doc); root != "" {
		page.Root = x.canonical(root)
	}
	switch {
	case c.get("IsThread").matches(doc):
		page.Kind = KindThread
		x.thread(page)
		if len(page.Posts) == 0 {
			page.Warnings = append(page.Warnings, fmt.Sprintf(
				"thread page yielded no posts: selector post (%s) found nothing", strings.Join(c.get("Post").src, " | ")))
		}
	case c.get("IsBoard").matches(doc):
		page.Kind = KindBoard
		x.board(page)
	case c.get("IsIndex").matches(doc):
		page.Kind = KindIndex
		x.index(page)
	default:
		page.Kind = KindOther
	}
	return page, nil
}
