package parser

import (
	"net/url"
	"regexp"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// GenericEngine is the engine name of pages read by the generic extractor,
// which finds posts by the page's structure rather than an engine's
// selector table: used for pages no engine claims, and for every page when
// forced (Options{Engine: "generic"}).
const GenericEngine = "generic"

// GenericThreshold is the confidence (see Page.Confidence) from which the
// generic extractor calls a page a thread: below it, a page's records are
// not taken for posts and it stays unknown.
const GenericThreshold = 0.7

// genericRead is what the generic extractor made of a page.
type genericRead struct {
	g       *genericReader
	layouts []*layout // every reading, best first
	best    *layout   // the reading taken, nil when none
	conf    float64
}

// newGenericReader prepares the generic extractor for a parsed page.
func newGenericReader(doc *html.Node, base *url.URL, pageURL string) *genericReader {
	return &genericReader{s: scanPage(doc), doc: doc, base: documentBase(doc, base), pagePat: urlPattern(pageURL), page: mustURL(pageURL)}
}

// read finds the page's readings and takes the best, with its differently
// styled first post where there is one.
func (g *genericReader) read() *genericRead {
	r := &genericRead{g: g, layouts: g.layouts()}
	if len(r.layouts) == 0 {
		return r
	}
	r.best = r.layouts[0]
	g.addLead(r.best)
	r.conf = r.best.confidence()
	return r
}

// parseGeneric fills page with what the generic extractor finds: a thread's
// posts when its confidence reaches GenericThreshold, else the thread links
// of a board-like list, else nothing (the page stays unknown).
func (p *Parser) parseGeneric(page *Page, base *url.URL, doc *html.Node, fetched time.Time) {
	g := newGenericReader(doc, base, page.URL)
	g.dates, g.now, g.lang = p.dates, fetched, pageLang(doc)
	r := g.read()
	if r.best == nil {
		page.Warnings = append(page.Warnings, "generic: no repeated records with a date found")
		return
	}
	page.Confidence = round2(r.conf)
	if r.conf >= GenericThreshold {
		page.Engine, page.Kind = GenericEngine, KindThread
		page.Evidence = append(page.Evidence, "generic: "+itoa(len(r.best.records))+" records marked by dates "+r.best.dateSig)
		g.fillThread(page, r.best)
		return
	}
	for _, l := range r.layouts {
		threads := g.threadList(l)
		if threads == nil {
			continue
		}
		page.Engine, page.Kind = GenericEngine, KindBoard
		page.Evidence = append(page.Evidence, "generic: a list of "+itoa(len(threads))+" threads in rows marked by dates "+l.dateSig)
		links, next, last := g.pageLinks(page.URL, l.records)
		page.Board = &Board{Title: g.title(), URL: page.URL, Breadcrumb: []Crumb{}, Page: 1, LastPage: max(last, 1), Threads: threads, NextURL: next}
		for _, t := range threads {
			page.Links = append(page.Links, Link{URL: t.URL, Kind: LinkThread})
		}
		for _, l := range links {
			page.Links = append(page.Links, Link{URL: l, Kind: LinkBoard})
		}
		return
	}
	page.Warnings = append(page.Warnings, "generic: the best records are no posts (confidence "+
		formatFloat(r.conf)+" below "+formatFloat(GenericThreshold)+")")
}

// fillThread fills a thread page from a layout.
func (g *genericReader) fillThread(page *Page, l *layout) {
	links, _, last := g.pageLinks(page.URL, l.records)
	cur := pageNumber(page.URL)
	t := &Thread{Title: g.title(), URL: page.URL, Breadcrumb: []Crumb{}, Page: cur, LastPage: max(cur, last)}
	t.ID = lastDigits(withoutPage(page.URL))
	page.Thread = t
	ids := g.postIDs(l)
	page.Posts = make([]Post, 0, len(l.records))
	for i := range l.records {
		post, ok := g.post(l, i, ids[i])
		if !ok {
			continue // no words, no picture: an advertisement or a placeholder between posts, no post
		}
		post.Page = cur
		page.Posts = append(page.Posts, post)
	}
	for _, u := range links {
		page.Links = append(page.Links, Link{URL: u, Kind: LinkThread})
	}
}

// hasMedia reports whether n holds an embedded video, sound or frame.
func hasMedia(n *html.Node) bool {
	if n == nil {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Iframe, atom.Video, atom.Audio, atom.Embed, atom.Object, atom.Img:
			return true
		}
		if hasMedia(c) {
			return true
		}
	}
	return false
}

// pageNumber returns the page number a URL names with a page parameter or
// segment, else 1.
func pageNumber(raw string) int {
	u, err := url.Parse(raw)
	if err != nil {
		return 1
	}
	q := u.Query()
	for _, k := range []string{"page", "pg", "seite", "pagina", "pagenumber"} {
		if n := firstInt(q.Get(k)); n > 0 {
			return n
		}
	}
	path := strings.TrimSuffix(u.Path, "/")
	if i := strings.LastIndexByte(path, '/'); i >= 0 && pageSegment.MatchString(path[i+1:]) {
		if n := firstInt(path[i+1:]); n > 0 {
			return n
		}
	}
	return 1
}

// titleSeps split a <title> into its parts ("Thread / Board / Site").
var titleSeps = regexp.MustCompile(` (?:/|\||-|–|::|»|•) `)

// title returns the thread's title: a heading (h1 to h3) that is one of
// the parts of the page's <title>, else the first part of the <title>,
// else the first <h1>.
func (g *genericReader) title() string {
	var title string
	var heads []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && len(heads) < 20; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.H1, atom.H2, atom.H3:
				if t := nodeText(c); t != "" {
					heads = append(heads, t)
				}
				continue
			case atom.Title:
				if title == "" {
					title = nodeText(c)
				}
			}
			walk(c)
		}
	}
	walk(g.doc)
	parts := titleSeps.Split(title, -1)
	for _, h := range heads {
		for _, p := range parts {
			if h == strings.TrimSpace(p) {
				return h
			}
		}
	}
	if len(parts) > 1 && len(strings.TrimSpace(parts[0])) >= 3 {
		return strings.TrimSpace(parts[0])
	}
	if len(heads) > 0 && title == "" {
		return heads[0]
	}
	return title
}

// withoutPage returns a URL without its page parameters and page segment.
func withoutPage(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	path := strings.TrimSuffix(u.Path, "/")
	if i := strings.LastIndexByte(path, '/'); i >= 0 && pageSegment.MatchString(path[i+1:]) {
		u.Path = path[:i]
	}
	q := parseQuery(u.RawQuery)
	for k := range q {
		if pageParams[strings.ToLower(k)] {
			q.Del(k)
		}
	}
	u.RawQuery = encodeSorted(q)
	return u.String()
}

// addLead looks before a layout's first record for a first post styled
// unlike the others (a thread's opening post in its own block): the
// nearest date before the first record, outside every record, whose
// largest element not holding the first record has an author's link of the
// layout's shape and a text of its own.
func (g *genericReader) addLead(l *layout) {
	if len(l.records) == 0 || l.authorPat == "" {
		return
	}
	first := l.records[0]
	start := g.s.info[first].order
	for i := len(g.s.dates) - 1; i >= 0; i-- {
		d := g.s.dates[i]
		if g.s.info[d.n].order >= start || g.s.contains(d.n, first) {
			continue
		}
		r := d.n
		for p := r.Parent; p != nil && p.Type == html.ElementNode && p.DataAtom != atom.Body && !g.s.contains(p, first); p = p.Parent {
			r = p
		}
		var author *html.Node
		g.eachElement(r, func(a *html.Node) {
			if author == nil && g.isAuthor(l, a) {
				author = a
			}
		})
		if author == nil || l.authors[0] == nil || l.dates[0] == nil ||
			elementKey(author) != elementKey(l.authors[0]) || elementKey(d.n) != elementKey(l.dates[0].n) {
			return // the nearest date before the posts is no post's: a post's author and date look as the others'
		}
		ds := g.datesIn([]*html.Node{r})[0]
		lead := &layout{records: []*html.Node{r}, dates: []*dateCand{d}, authors: []*html.Node{author}, bodies: make([]*html.Node, 1), authorPat: l.authorPat}
		if len(ds) > 0 {
			g.chooseDates(lead)
		}
		lead.bodies[0] = g.bodyOf(r, author, lead.dates[0])
		if firstOf(r, atom.H1) != nil {
			return // the thread's heading, with who started it when
		}
		if b := lead.bodies[0]; b == nil || g.s.info[b].text-g.s.info[b].linkText < 20 || 2*g.s.info[b].linkText >= g.s.info[b].text {
			return
		}
		l.records = append([]*html.Node{r}, l.records...)
		l.dates = append([]*dateCand{lead.dates[0]}, l.dates...)
		l.authors = append([]*html.Node{author}, l.authors...)
		l.bodies = append([]*html.Node{lead.bodies[0]}, l.bodies...)
		l.lead = true
		g.score(l)
		return
	}
}

// round2 rounds a confidence to two decimals.
func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

// formatFloat writes a confidence with two decimals.
func formatFloat(f float64) string {
	n := int(f*100 + 0.5)
	frac := itoa(n % 100)
	if len(frac) == 1 {
		frac = "0" + frac
	}
	return itoa(n/100) + "." + frac
}
