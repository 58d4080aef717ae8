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
	links         map[*html.Node]linkFact       // authorLink's answers
	hrefs         map[string]linkFact           // hrefPattern's answers
	hrefShapes    map[string]linkFact           // linkShape's answers
	recordLinks   map[*html.Node][]*html.Node   // the links of each record
	recordAuthors map[*html.Node]*recordAuthors // authorsIn's answers
	recordNames   map[*html.Node][]nameItem     // namesIn's answers
	keys          map[*html.Node]string         // elementKey's answers
	texts         map[*html.Node]string         // linkText's answers
	resolved      map[string]string             // resolve's answers, by href
	resolvedURLs  map[string]*url.URL           // resolveURL's answers, by href
	actions       map[string]bool               // actionLink's answers
	traps         map[string]bool               // crawlTrap's answers
	sites         map[string]bool               // sameSite's answers
	shapes        map[string]string             // pageless's answers
	userShapes    map[string]bool               // userShape's answers
	baseDomain    string                        // siteDomain of the base's host, once asked
	pageKeys      []string                      // the keys of the page's query, once asked
	pageKeysRead  bool
}

// actionLink is actionLink(href), remembered: the readings and the posts
// ask it of one link several times.
func (g *genericReader) actionLink(href string) bool {
	act, ok := g.actions[href]
	if !ok {
		act = actionLink(href)
		if g.actions == nil {
			g.actions = map[string]bool{}
		}
		g.actions[href] = act
	}
	return act
}

// linkShape returns the shape (see pageless) of the URL href leads to, and
// whether that is on this site, remembered per href.
func (g *genericReader) linkShape(href string) (string, bool) {
	f, ok := g.hrefShapes[href]
	if !ok {
		if pu := g.resolveURL(href); pu != nil && g.onSite(pu) {
			f = linkFact{parsedPageless(pu), true}
		}
		if g.hrefShapes == nil {
			g.hrefShapes = map[string]linkFact{}
		}
		g.hrefShapes[href] = f
	}
	return f.pat, f.ok
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

// sameSite reports whether the link u is on host or a host of the same
// domain (a forum's members may live on the site's main host).
func sameSite(u, host string) bool {
	pu, err := url.Parse(u)
	if err != nil {
		return false
	}
	return siteDomain(pu.Hostname()) == siteDomain(strings.Split(host, ":")[0])
}

// resolve returns resolve(g.base, href), remembered.
func (g *genericReader) resolve(href string) string {
	u, ok := g.resolved[href]
	if !ok {
		if pu := g.resolveURL(href); pu != nil {
			u = pu.String() // what resolve prints of the same URL
		}
		if g.resolved == nil {
			g.resolved = map[string]string{}
		}
		g.resolved[href] = u
	}
	return u
}

// resolveURL returns resolveURL(g.base, href), remembered; the URL is shared: not to be changed.
func (g *genericReader) resolveURL(href string) *url.URL {
	u, ok := g.resolvedURLs[href]
	if !ok {
		u = resolveURL(g.base, href)
		if g.resolvedURLs == nil {
			g.resolvedURLs = map[string]*url.URL{}
		}
		g.resolvedURLs[href] = u
	}
	return u
}

// sameSite returns sameSite(u, g.base.Host), remembered.
func (g *genericReader) sameSite(u string) bool {
	same, ok := g.sites[u]
	if !ok {
		pu, err := url.Parse(u)
		same = err == nil && g.onSite(pu)
		if g.sites == nil {
			g.sites = map[string]bool{}
		}
		g.sites[u] = same
	}
	return same
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

// crawlTrap is crawlTrap(href), remembered: each reading of a list asks it of the same links.
func (g *genericReader) crawlTrap(href string) bool {
	trap, ok := g.traps[href]
	if !ok {
		trap = crawlTrap(href)
		if g.traps == nil {
			g.traps = map[string]bool{}
		}
		g.traps[href] = trap
	}
	return trap
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
			g.texts = map[*html.Node]string{}
		}
		g.texts[n] = t
	}
	return t
}
