package parser

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

// aHref matches links.
var aHref = cascadia.MustCompile("a[href]")

// breadcrumb returns the page's breadcrumb trail, canonical URLs.
func (x *extractor) breadcrumb() []Crumb {
	out := []Crumb{}
	name := x.c.get("CrumbName")
	seen := map[Crumb]bool{}
	for _, a := range x.c.get("Breadcrumb").all(x.doc) {
		u := x.canonical(attr(a, "href"))
		if u == "" {
			continue
		}
		c := Crumb{Name: ruleDisplay(name, a), URL: u}
		if seen[c] {
			continue // a trail shown twice (above and below the content) is one trail
		}
		seen[c] = true
		out = append(out, c)
	}
	if h := len(out) / 2; h > 0 && len(out)%2 == 0 && slices.Equal(out[:h], out[h:]) {
		out = out[:h] // the same trail shown above and below the page
	}
	return out
}

// pages returns the page's number and the last page number the page shows.
func (x *extractor) pages() (cur, last int) {
	if s := x.c.get("PageNow").text(x.doc); s != "" {
		cur = firstInt(s)
	}
	if cur == 0 {
		cur, _ = x.e.pageOfURL(x.base)
	}
	if cur == 0 {
		cur = 1
	}
	last = cur
	for _, a := range x.pageLinkNodes() {
		if n, err := strconv.Atoi(nodeText(a)); err == nil && n > last {
			last = n
		}
	}
	if last == cur && x.nextPage() != "" {
		last = cur + 1
	}
	return cur, last
}

// ownURL returns the canonical URL of the thread or board the page belongs
// to: its page-1 URL.
func (x *extractor) ownURL(pageURL string) string {
	u, err := url.Parse(pageURL)
	if err != nil {
		return pageURL
	}
	_, u = x.e.pageOfURL(u)
	c := CanonicalURL(u, x.e)
	c.Path, c.RawQuery = x.e.firstPageStart(c.Path), x.e.firstPageStart(c.RawQuery)
	return c.String()
}

// pageLinks returns the canonical URLs of the other pages of this thread or
// board that the page links to.
func (x *extractor) pageLinks() []string {
	var out []string
	seen := map[string]bool{}
	add := func(href string) {
		if u := x.canonical(href); u != "" && !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	for _, a := range x.pageLinkNodes() {
		add(attr(a, "href"))
	}
	add(x.nextPage())
	return out
}

// canonical returns href resolved against the page and canonicalised, or ""
// when it is not an http(s) link. Answers are remembered for the page: a
// page-jump list's options (some 300 on a long thread) have no href and each
// reads as the page itself, and the page links and breadcrumbs repeat.
func (x *extractor) canonical(href string) string {
	if c, ok := x.canonicals[href]; ok {
		return c
	}
	c := x.canonicalOnce(href)
	if x.canonicals == nil {
		x.canonicals = make(map[string]string, 32)
	}
	x.canonicals[href] = c
	return c
}

// canonicalOnce is canonical without the page's memory.
func (x *extractor) canonicalOnce(href string) string {
	abs, u := x.absURL(href)
	if abs == "" {
		return ""
	}
	if u == nil {
		var err error
		if u, err = url.Parse(abs); err != nil {
			return ""
		}
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	c := CanonicalURL(u, x.e).String()
	if len(x.e.URLForms) > 0 {
		if l := LinkedURL(u, x.e).String(); l != c {
			if x.linked == nil {
				x.linked = map[string]string{}
			}
			if _, ok := x.linked[c]; !ok {
				x.linked[c] = l
			}
		}
	}
	return c
}

// absURL is abs, with the URL url.Parse would make of its answer when
// resolving made it (see resolveParsed), else nil. A link resolved first for
// canonical (a board page's threads, breadcrumbs, page links) is parsed
// once instead of twice.
func (x *extractor) absURL(ref string) (string, *url.URL) {
	if u, ok := x.resolved[ref]; ok {
		return u, nil
	}
	base := x.base
	if x.refs != nil {
		base = x.refs
	}
	s, u := resolveParsed(base, ref)
	if x.resolved == nil {
		x.resolved = make(map[string]string, 64)
	}
	x.resolved[ref] = s
	return s, u
}

// title returns the page's title without the parts TitleSkip matches (prefix labels).
func (x *extractor) title() string {
	n, a := x.c.get("Title").node(x.doc)
	if n == nil {
		return ""
	}
	if a.attr != "" {
		return strings.TrimSpace(attr(n, a.attr))
	}
	skip := x.c.get("TitleSkip")
	return foldSpace(textOf(n, textOptions{skip: skip.is}))
}

// pageLinkNodes returns the page's links to other pages of its thread or board, found once.
func (x *extractor) pageLinkNodes() []*html.Node {
	if !x.pageLinksDone {
		x.pageLinksDone = true
		x.pageLinksFound = x.c.get("PageLinks").all(x.doc)
	}
	return x.pageLinksFound
}

// nextPage returns the href of the page's next-page link, found once.
func (x *extractor) nextPage() string {
	if !x.nextDone {
		x.nextDone = true
		x.next = x.c.get("NextPage").text(x.doc)
	}
	return x.next
}
