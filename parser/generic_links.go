package parser

import (
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// urlPattern returns the shape of a link: its host and path with the last
// segment (a name or slug) reduced to "*" where a segment comes before it,
// and digits to "9"; its query keys sorted, with values that hold digits
// or are long reduced to "*". Links to the profiles of different members
// share one shape.
func urlPattern(raw string) string {
	u, err := url.Parse(withoutSession(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	return patternOf(u)
}

// parsedPattern returns urlPattern(u.String()) of a parsed u, without
// printing and parsing it again.
func parsedPattern(u *url.URL) string {
	if u.Host == "" {
		return ""
	}
	v := *u
	v.RawQuery = querySansSession(u.RawQuery)
	return patternOf(&v)
}

// patternOf is urlPattern of a parsed URL without session parameters.
func patternOf(u *url.URL) string {
	path := strings.TrimSuffix(u.Path, "/")
	segs := strings.Split(strings.TrimPrefix(path, "/"), "/")
	for i, s := range segs {
		switch {
		case i == len(segs)-1 && i > 0 && u.RawQuery == "":
			segs[i] = "*"
		default:
			segs[i] = digitsTo9(s)
		}
	}
	var b strings.Builder
	b.WriteString(strings.ToLower(u.Host))
	b.WriteByte('/')
	b.WriteString(strings.Join(segs, "/"))
	if u.RawQuery != "" {
		names, values := queryFirsts(u.RawQuery)
		keys := make([]string, 0, len(names))
		for i, k := range names {
			if len(k) > 12 || strings.ContainsAny(k, "0123456789") {
				k = "*" // a route or an id in a key ("?107175-Crazyguy")
			}
			v := values[i]
			if strings.ContainsAny(v, "0123456789") || len(v) > 20 {
				v = "*"
			}
			keys = append(keys, k+"="+v)
		}
		sort.Strings(keys)
		b.WriteByte('?')
		b.WriteString(strings.Join(keys, "&"))
	}
	return b.String()
}

// queryFirsts returns the keys of a query ("&" or ";" between pairs) and
// the first value of each, as parseQuery reads them, without its map.
func queryFirsts(raw string) (keys, values []string) {
	for raw != "" {
		var pair string
		if i := strings.IndexAny(raw, "&;"); i >= 0 {
			pair, raw = raw[:i], raw[i+1:]
		} else {
			pair, raw = raw, ""
		}
		if pair == "" {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		k, err := url.QueryUnescape(k)
		if err != nil {
			continue
		}
		if v, err = url.QueryUnescape(v); err != nil || slices.Contains(keys, k) {
			continue
		}
		keys, values = append(keys, k), append(values, v)
	}
	return keys, values
}

// pageParams are query parameters that name a page of a list in many
// forum programs, by number or by the offset of its first item.
var pageParams = map[string]bool{"page": true, "start": true, "pg": true, "offset": true,
	"pagenumber": true, "st": true, "from": true, "seite": true, "pagina": true}

// pageSegment matches a path segment that names a page ("page-2", "page2", "p3", "seite-4").
var pageSegment = regexp.MustCompile(`(?i)^(?:page|p|pg|seite|pagina)[-_]?\d+$`)

// pageless returns the shape of a URL without what names its page: page
// parameters and a trailing page segment removed, digits reduced to "9".
func pageless(raw string) string {
	u, err := url.Parse(withoutSession(raw))
	if err != nil {
		return ""
	}
	return pagelessOf(u)
}

// parsedPageless returns pageless(u.String()) of a parsed u, without
// printing and parsing it again.
func parsedPageless(u *url.URL) string {
	v := *u
	v.RawQuery = querySansSession(u.RawQuery)
	return pagelessOf(&v)
}

// pagelessOf is pageless of a parsed URL without session parameters.
func pagelessOf(u *url.URL) string {
	path := strings.TrimSuffix(u.Path, "/")
	if i := strings.LastIndexByte(path, '/'); i >= 0 && pageSegment.MatchString(path[i+1:]) {
		path = path[:i]
	}
	q := parseQuery(u.RawQuery)
	for k := range q {
		if pageParams[strings.ToLower(k)] {
			q.Del(k)
		}
	}
	s := strings.ToLower(u.Host) + path + "?" + encodeSorted(q)
	return digitsTo9(s)
}

// nextWords are the labels of next-page links in common forum languages.
var nextWords = map[string]bool{"next": true, "next page": true, "next ›": true, "next »": true, "›": true, "»": true,
	">": true, ">>": true, "weiter": true, "nächste": true, "nächste seite": true, "suivant": true, "suivante": true,
	"page suivante": true, "siguiente": true, "successivo": true, "successiva": true, "avanti": true,
	"volgende": true, "próxima": true, "következő": true, "следующая": true, "→": true}

// crawlTrapWords are words of links a crawl must not follow from a forum
// page: forms, account pages, searches, sort orders and printable copies.
var crawlTrapWords = []string{"login", "logout", "log_in", "signin", "sign_in", "register", "signup", "reply", "posting",
	"newthread", "new_topic", "search", "sort", "order=", "print", "report", "subscribe", "watch", "mailto:", "javascript:",
	"mode=", "do=add", "action=post"}

// crawlTrap reports whether a link holds one of crawlTrapWords.
func crawlTrap(href string) bool { return trapSet.inLower(href) }

// pageLinks returns the links to the other pages of the list the page is
// a page of (a thread's posts, a board's threads), outside the given
// records: rel=next, next-page labels, and numbered links whose URL has the
// page's shape but for its page number.
func (g *genericReader) pageLinks(pageURL string, outside []*html.Node) (links []string, next string, last int) {
	own := pageless(pageURL)
	seen := map[string]bool{CanonicalURL(mustURL(pageURL), nil).String(): true}
	add := func(href string) string {
		u := g.resolve(href)
		if u == "" || crawlTrap(strings.TrimPrefix(u, g.base.Scheme+"://"+g.base.Host)) {
			return ""
		}
		pu, err := url.Parse(u)
		if err != nil || !strings.EqualFold(pu.Host, g.base.Host) {
			return ""
		}
		c := CanonicalURL(pu, nil).String()
		if !seen[c] {
			seen[c] = true
			links = append(links, c)
		}
		return c
	}
	// The walk goes down from the root, so it meets a record before
	// anything inside it: skipping the records' subtrees leaves out all
	// that lies in one.
	skip := make(map[*html.Node]bool, len(outside))
	for _, r := range outside {
		skip[r] = true
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || silent(c) && c.DataAtom != atom.Head || skip[c] {
				continue
			}
			switch c.DataAtom {
			case atom.Link, atom.A:
				href := attr(c, "href")
				if href == "" || strings.HasPrefix(href, "#") {
					break
				}
				rel := strings.ToLower(attr(c, "rel"))
				text := ""
				if inf := g.s.info[c]; inf != nil && inf.text <= 20 {
					text = strings.ToLower(g.linkText(c)) // next-page labels and page numbers are short
				} else if inf != nil {
					text = "\x00" // a long text: neither
				}
				label := ""
				if aria, title := attr(c, "aria-label"), attr(c, "title"); aria != "" || title != "" {
					label = aria + " " + title // " " alone holds no word: not made
				}
				isNext := rel != "" && strings.Contains(" "+rel+" ", " next ") || (c.DataAtom == atom.A && (nextWords[text] ||
					containsFold(label, "next page") || (text == "" && containsFold(label, "next"))))
				if isNext {
					if u := add(href); u != "" && next == "" {
						next = u
					}
					break
				}
				if c.DataAtom != atom.A {
					break
				}
				num, err := strconv.Atoi(text)
				if err != nil || num < 1 || num > 100000 {
					break
				}
				if u := g.resolve(href); u != "" && g.pageless(u) == own {
					if add(href) != "" {
						last = max(last, num)
					}
				}
			}
			walk(c)
		}
	}
	walk(g.doc)
	return links, next, last
}

// inAny reports whether n lies in one of the nodes (or is one).
func (g *genericReader) inAny(n *html.Node, nodes []*html.Node) bool {
	for _, r := range nodes {
		if g.s.contains(r, n) {
			return true
		}
	}
	return false
}

// mustURL parses a URL known to parse (the page's own).
func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		return &url.URL{}
	}
	return u
}

// threadList returns the threads a board-like page lists: in the rows a
// kind of date marks (each thread's last post), the link with the longest
// text whose shape most rows share, when at least three rows have one.
func (g *genericReader) threadList(l *layout) []ThreadRef {
	if len(l.records) < 3 {
		return nil
	}
	count := map[string]int{}
	titles := make([]*html.Node, len(l.records))
	pats := make([]string, len(l.records))
	for i, r := range l.records {
		best, bestLen := (*html.Node)(nil), 0
		g.eachLink(r, func(a *html.Node) {
			href := attr(a, "href")
			if href == "" || strings.HasPrefix(href, "#") || g.crawlTrap(href) {
				return
			}
			if pat, ok := g.authorLink(a); ok && pat == l.authorPat {
				return
			}
			t := g.linkText(a)
			if len(t) > bestLen && !dateLike(t) {
				best, bestLen = a, len(t)
			}
		})
		if best == nil || bestLen < 3 {
			continue
		}
		titles[i] = best
		if u := g.resolve(attr(best, "href")); u != "" {
			pats[i] = g.pageless(u)
			count[pats[i]]++
		}
	}
	top := ""
	for p, c := range count {
		if p != "" && (c > count[top] || c == count[top] && p < top) {
			top = p
		}
	}
	if 5*count[top] < 3*len(l.records) || count[top] < 3 {
		return nil
	}
	var out []ThreadRef
	seen := map[string]bool{}
	for i, a := range titles {
		if a == nil || pats[i] != top {
			continue
		}
		pu, err := url.Parse(g.resolve(attr(a, "href")))
		if err != nil || !strings.EqualFold(pu.Host, g.base.Host) {
			continue
		}
		u := CanonicalURL(pu, nil).String()
		if seen[u] {
			continue
		}
		seen[u] = true
		ref := ThreadRef{ID: lastDigits(pu.Path + "?" + pu.RawQuery), Title: nodeText(a), URL: u}
		if au := l.authors[i]; au != nil {
			ref.Author = nodeText(au)
		}
		out = append(out, ref)
	}
	return out
}
