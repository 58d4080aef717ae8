package parser

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// readerMemo is what a genericReader remembers of the page's links and
// elements while it reads: each reading of the page (one per kind of
// date) asks the same questions of them, and the posts ask them again.
// Each map is made when first written.
type readerMemo struct {
	hrefMemo      map[string]*hrefFacts         // what each href leads to
	links         map[*html.Node]linkFact       // authorLink's answers
	texts         map[*html.Node]string         // linkText's answers
	recordLinks   map[*html.Node][]*html.Node   // the links of each record
	recordAuthors map[*html.Node]*recordAuthors // authorsIn's answers
	recordNames   map[*html.Node][]nameItem     // namesIn's answers
	keys          map[*html.Node]string         // elementKey's answers
	shapes        map[string]string             // pageless's answers
	userShapes    map[string]bool               // userShape's answers
	baseDomain    string                        // siteDomain of the base's host, once asked
	pageKeys      []string                      // the keys of the page's query, once asked
	pageKeysRead  bool
}

// hrefFacts is what the reader found of one href, each answer found when
// first asked for: one look-up in one map for all of them.
type hrefFacts struct {
	url            *url.URL // resolveURL's answer (nil where resolve gives ""), shared: not to be changed
	str            string   // resolve's answer
	pattern, shape linkFact // hrefPattern's and linkShape's answers
	action, trap   bool     // actionLink's and crawlTrap's answers
	found          uint8    // which answers are found: the fact* bits
}

// The answers of a hrefFacts.
const (
	factURL uint8 = 1 << iota
	factStr
	factPattern
	factShape
	factAction
	factTrap
)

// href returns the facts of an href, empty the first time.
func (g *genericReader) href(href string) *hrefFacts {
	f := g.hrefMemo[href]
	if f == nil {
		if g.hrefMemo == nil {
			g.hrefMemo = make(map[string]*hrefFacts, g.s.links)
		}
		f = &hrefFacts{}
		g.hrefMemo[href] = f
	}
	return f
}

// resolveURL returns resolveURL(g.base, href), remembered.
func (g *genericReader) resolveURL(href string) *url.URL { return g.urlOf(href, g.href(href)) }

// urlOf is resolveURL of an href whose facts are f.
func (g *genericReader) urlOf(href string, f *hrefFacts) *url.URL {
	if f.found&factURL == 0 {
		f.url, f.found = resolveURL(g.base, href), f.found|factURL
	}
	return f.url
}

// resolve returns resolve(g.base, href), remembered.
func (g *genericReader) resolve(href string) string {
	f := g.href(href)
	if f.found&factStr == 0 {
		if pu := g.urlOf(href, f); pu != nil {
			f.str = pu.String() // what resolve prints of the same URL
		}
		f.found |= factStr
	}
	return f.str
}

// actionLink returns actionLink(href), remembered.
func (g *genericReader) actionLink(href string) bool {
	f := g.href(href)
	if f.found&factAction == 0 {
		f.action, f.found = actionLink(href), f.found|factAction
	}
	return f.action
}

// crawlTrap returns crawlTrap(href), remembered.
func (g *genericReader) crawlTrap(href string) bool {
	f := g.href(href)
	if f.found&factTrap == 0 {
		f.trap, f.found = crawlTrap(href), f.found|factTrap
	}
	return f.trap
}

// hrefPattern returns the shape of a link to this site that is not the
// page itself, remembered.
func (g *genericReader) hrefPattern(href string) (string, bool) {
	f := g.href(href)
	if f.found&factPattern == 0 {
		f.found |= factPattern
		if pu := g.urlOf(href, f); pu != nil && g.onSite(pu) {
			pat := parsedPattern(pu)
			if pat != g.pagePat && pat != "" && !g.samePage(pu) {
				f.pattern = linkFact{pat, true}
			}
		}
	}
	return f.pattern.pat, f.pattern.ok
}

// linkShape returns the shape (see pageless) of the URL href leads to, and
// whether that is on this site, remembered.
func (g *genericReader) linkShape(href string) (string, bool) {
	f := g.href(href)
	if f.found&factShape == 0 {
		f.found |= factShape
		if pu := g.urlOf(href, f); pu != nil && g.onSite(pu) {
			f.shape = linkFact{parsedPageless(pu), true}
		}
	}
	return f.shape.pat, f.shape.ok
}

// resolveURL is resolve without printing the URL it finds: nil where
// resolve gives "".
func resolveURL(base *url.URL, ref string) *url.URL {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.HasPrefix(ref, "javascript:") || strings.HasPrefix(ref, "data:") {
		return nil
	}
	r, err := url.Parse(ref)
	if err != nil {
		return nil
	}
	if base != nil {
		r = base.ResolveReference(r)
	}
	switch r.Scheme {
	case "http", "https", "mailto", "ftp":
		return r
	}
	return nil
}

// userShape reports whether a link shape says user or member (userWords), remembered.
func (g *genericReader) userShape(pat string) bool {
	u, ok := g.userShapes[pat]
	if !ok {
		u = userSet.inLower(pat)
		if g.userShapes == nil {
			g.userShapes = map[string]bool{}
		}
		g.userShapes[pat] = u
	}
	return u
}

// onSite is sameSite(u, g.base.Host) of a parsed u.
func (g *genericReader) onSite(pu *url.URL) bool {
	if g.baseDomain == "" {
		g.baseDomain = siteDomain(strings.Split(g.base.Host, ":")[0])
	}
	return siteDomain(pu.Hostname()) == g.baseDomain
}

// pageless returns pageless(u), remembered.
func (g *genericReader) pageless(u string) string {
	p, ok := g.shapes[u]
	if !ok {
		p = pageless(u)
		if g.shapes == nil {
			g.shapes = map[string]string{}
		}
		g.shapes[u] = p
	}
	return p
}

// siteDomain returns the last two labels of a host name, lower-cased.
func siteDomain(h string) string {
	h = strings.ToLower(h)
	if i := strings.LastIndexByte(h, '.'); i >= 0 {
		if j := strings.LastIndexByte(h[:i], '.'); j >= 0 {
			return h[j+1:]
		}
	}
	return h
}

// elementKey returns elementKey(n), remembered: the paths below the
// records of every reading name the same elements.
func (g *genericReader) elementKey(n *html.Node) string {
	k, ok := g.keys[n]
	if !ok {
		k = elementKey(n)
		if g.keys == nil {
			g.keys = make(map[*html.Node]string, 256)
		}
		g.keys[n] = k
	}
	return k
}

// linkText returns nodeText of a link (or any element), remembered: the
// readings ask it of the same links. An element whose only child is a
// text, as most links are, has that text folded.
func (g *genericReader) linkText(n *html.Node) string {
	t, ok := g.texts[n]
	if !ok {
		if c := n.FirstChild; c != nil && c.NextSibling == nil && c.Type == html.TextNode {
			t = foldSpace(c.Data) // what textOf writes of it, folded
		} else {
			t = nodeText(n)
		}
		if g.texts == nil {
			g.texts = make(map[*html.Node]string, g.s.links)
		}
		g.texts[n] = t
	}
	return t
}
