package parser

import (
	"net/url"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// userWords are words of profile links ("/members/", "profile.php", "?u=").
var userWords = regexp.MustCompile(`(?i)user|member|profil|author|people|membre|mitglied|benutzer|usuario|utente|[?&;]u=|/u/|uid=`)

// actionWords are words of the links of a post's buttons and forms, which
// lead to no content: quoting, replying, reporting, editing, reacting, sharing.
var actionWords = []string{"quote", "reply", "report", "edit", "delete", "posting", "/react", "like", "warn", "vote",
	"print", "share", "mailto:", "javascript:", "login", "logout", "register", "search", "sort=", "order="}

// actionLink reports whether href is one of actionWords' links.
func actionLink(href string) bool { return actionSet.inLower(href) }

// containsAny reports whether s holds one of the words.
func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// authorLink reports whether a link could name a post's author, and its shape.
func (g *genericReader) authorLink(a *html.Node) (string, bool) {
	if f, ok := g.links[a]; ok {
		return f.pat, f.ok
	}
	pat, ok := g.authorLinkOf(a)
	if g.links == nil {
		g.links = make(map[*html.Node]linkFact, g.s.links)
	}
	g.links[a] = linkFact{pat, ok}
	return pat, ok
}

// linkFact is what authorLink found of a link, kept for the page's other readings.
type linkFact struct {
	pat string
	ok  bool
}

// authorLinkOf is authorLink, uncached.
func (g *genericReader) authorLinkOf(a *html.Node) (string, bool) {
	href := strings.TrimSpace(attr(a, "href"))
	if href == "" || strings.HasPrefix(href, "#") || g.actionLink(href) {
		return "", false
	}
	if inf := g.s.info[a]; inf != nil && inf.text > 60 {
		return "", false
	}
	text := g.linkText(a)
	if len(text) > 60 || dateLike(text) || (text != "" && strings.Trim(text, "#0123456789 ") == "") {
		return "", false
	}
	return g.hrefPattern(href)
}

// samePage reports whether the link u leads to the page's own path with
// another query (a view of the thread: a post of it, a share dialog),
// unless the two queries have no key in common (index.php?topic=1 and
// index.php?action=profile are different pages).
func (g *genericReader) samePage(pu *url.URL) bool {
	if pu.Path != g.page.Path || !strings.EqualFold(pu.Host, g.page.Host) {
		return false
	}
	if g.page.RawQuery == "" {
		return true
	}
	if !g.pageKeysRead {
		g.pageKeys, _ = queryFirsts(g.page.RawQuery) // the keys parseQuery finds
		g.pageKeysRead = true
	}
	keys, _ := queryFirsts(pu.RawQuery)
	for _, k := range keys {
		if slices.Contains(g.pageKeys, k) {
			return true
		}
	}
	return false
}

// chooseAuthors finds the shape of profile link that most records hold
// (preferring one that reads as a profile link), and each record's first
// link of that shape that has a name.
func (g *genericReader) chooseAuthors(l *layout) {
	count := map[string]int{}
	var pats []string
	for _, r := range l.records {
		for _, pat := range g.authorsIn(r).pats {
			if count[pat] == 0 {
				pats = append(pats, pat)
			}
			count[pat]++
		}
	}
	best, most := "", 0
	for _, p := range pats {
		most = max(most, count[p])
	}
	for _, p := range pats {
		if 5*count[p] < 4*most {
			continue
		}
		if best == "" || (g.userShape(p) && !g.userShape(best)) || (g.userShape(p) == g.userShape(best) && count[p] > count[best]) {
			best = p
		}
	}
	l.authorPat = best
	if best == "" || 2*count[best] < len(l.records) {
		g.chooseAuthorNames(l)
		return
	}
	for i, r := range l.records {
		ra := g.authorsIn(r)
		if k := slices.Index(ra.pats, best); k >= 0 {
			l.authors[i] = ra.links[k]
		}
	}
}

// recordAuthors are the author links of a record: each shape of link
// that could name an author (see authorLink), in page order, with its
// first link that shows a name, else its first link.
type recordAuthors struct {
	pats  []string
	links []*html.Node
}

// authorsIn returns a record's author links, found once for all readings.
func (g *genericReader) authorsIn(r *html.Node) *recordAuthors {
	if ra, ok := g.recordAuthors[r]; ok {
		return ra
	}
	ra := &recordAuthors{}
	var named []bool
	g.eachLink(r, func(a *html.Node) {
		pat, ok := g.authorLink(a)
		if !ok {
			return
		}
		k := slices.Index(ra.pats, pat)
		if k < 0 {
			ra.pats, ra.links, named = append(ra.pats, pat), append(ra.links, a), append(named, g.linkText(a) != "")
			return
		}
		if !named[k] && g.linkText(a) != "" {
			ra.links[k], named[k] = a, true
		}
	})
	if g.recordAuthors == nil {
		g.recordAuthors = map[*html.Node]*recordAuthors{}
	}
	g.recordAuthors[r] = ra
	return ra
}

// nameClass matches the class or itemprop of an element that shows a member's name.
var nameClass = regexp.MustCompile(`(?i)user|author|poster|member|name|nick`)

// notNameClass matches classes of the other lines of an author block (a
// title, a rank, a group), which also say "user" or "member".
var notNameClass = regexp.MustCompile(`(?i)title|rank|group|status|stat|info|avatar|extra|detail|online|offline|badge`)

// nameCand is an element that could show an author's name.
type nameCand struct {
	n    *html.Node
	text string
}

// chooseAuthorNames finds authors shown without a profile link (a guest's
// view, or a program that links no profiles): of the short texts in the
// records (no label, date or number), the kind (its path below the record)
// most records hold, preferring a class or itemprop that says name or user,
// then names that differ between records (a title, "Member", repeats).
func (g *genericReader) chooseAuthorNames(l *layout) {
	count := map[string]int{}
	hinted := map[string]bool{}
	texts := map[string]map[string]bool{}
	var keys []string
	found := make([][]nameItem, len(l.records)) // one of each path per record
	for i, r := range l.records {
		found[i] = g.namesIn(r)
		for _, c := range found[i] {
			k, n, t := c.path, c.n, c.text
			if count[k] == 0 {
				keys = append(keys, k)
				texts[k] = map[string]bool{}
				cls := attr(n, "class") + " " + attr(n, "itemprop")
				hinted[k] = nameClass.MatchString(cls) && !notNameClass.MatchString(cls)
			}
			count[k]++
			texts[k][t] = true
		}
	}
	rank := func(k string) int {
		r := 0
		if hinted[k] {
			r += 2
		}
		if len(texts[k]) > 1 {
			r++
		}
		return r
	}
	best := ""
	for _, k := range keys {
		if 5*count[k] < 4*len(l.records) {
			continue
		}
		if best == "" || rank(k) > rank(best) {
			best = k
		}
	}
	if best == "" || rank(best) == 0 && len(l.records) == 1 {
		return
	}
	l.authorPat = "name:" + best
	for i := range l.records {
		for _, c := range found[i] {
			if c.path == best {
				l.authors[i] = nameNode(c.n)
				break
			}
		}
	}
}

// nameItem is a short text in a record that could be its author's name,
// with its path below the record.
type nameItem struct {
	nameCand
	path string
}

// namesIn returns the short texts of a record that could be names (no
// label, date or number, no link), the first of each path, in page
// order; found once per record for all readings.
func (g *genericReader) namesIn(r *html.Node) []nameItem {
	if items, ok := g.recordNames[r]; ok {
		return items
	}
	var items []nameItem
	g.eachElement(r, func(n *html.Node) {
		inf := g.s.info[n]
		if inf == nil || inf.text == 0 || inf.text > 40 || inf.linkText > 0 || n.DataAtom == atom.A || n.DataAtom == atom.Button || holdsBlock(n) {
			return
		}
		t := nodeText(n)
		if t == "" || len(t) > 40 || dateLike(t) || labelled(t) || strings.HasSuffix(t, ":") || strings.Trim(t, "#0123456789.,+ ") == "" {
			return
		}
		k := g.relPath(r, n)
		for _, it := range items {
			if it.path == k {
				return
			}
		}
		items = append(items, nameItem{nameCand{n, t}, k})
	})
	if g.recordNames == nil {
		g.recordNames = map[*html.Node][]nameItem{}
	}
	g.recordNames[r] = items
	return items
}

// nameNode returns the element inside n that holds the name itself: past
// a wrapper whose first text is in a child (skipping buttons such as a
// topic starter's "OP" badge), down to the child.
func nameNode(n *html.Node) *html.Node {
	for {
		var first *html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode && letterCount(c.Data) > 0 {
				return n
			}
			if c.Type == html.ElementNode && c.DataAtom != atom.Button && letterCount(nodeText(c)) > 0 {
				first = c
				break
			}
		}
		if first == nil {
			return n
		}
		n = first
	}
}

// holdsBlock reports whether n has a block element inside it (a name is a line of its own).
func holdsBlock(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (isBlock(c.DataAtom) || holdsBlock(c)) {
			return true
		}
	}
	return false
}

// eachElement calls f for each element in r outside quotes and signatures, in page order.
func (g *genericReader) eachElement(r *html.Node, f func(*html.Node)) {
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || silent(c) || isQuoteNode(c) || isSignature(c) {
				continue
			}
			f(c)
			walk(c)
		}
	}
	walk(r)
}

// isAuthor reports whether n is an author of the layout's kind.
func (g *genericReader) isAuthor(l *layout, n *html.Node) bool {
	if strings.HasPrefix(l.authorPat, "name:") {
		return false // a first post apart is found by its profile link
	}
	pat, ok := g.authorLink(n)
	return ok && pat == l.authorPat && g.linkText(n) != ""
}

// eachLink calls f for each link in r outside quotes and signatures, in page order.
func (g *genericReader) eachLink(r *html.Node, f func(*html.Node)) {
	links, ok := g.recordLinks[r]
	if !ok {
		links = g.linksIn(r)
		if g.recordLinks == nil {
			g.recordLinks = map[*html.Node][]*html.Node{}
		}
		g.recordLinks[r] = links
	}
	for _, a := range links {
		f(a)
	}
}

// linksIn returns the links in r outside quotes and signatures, in page order.
func (g *genericReader) linksIn(r *html.Node) []*html.Node {
	var out []*html.Node
	f := func(a *html.Node) { out = append(out, a) }
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || silent(c) || isQuoteNode(c) || isSignature(c) {
				continue
			}
			if c.DataAtom == atom.A {
				f(c)
			}
			walk(c)
		}
	}
	walk(r)
	return out
}
