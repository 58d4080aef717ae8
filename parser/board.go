package parser

import (
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// board fills p with the threads, sub-boards and pages of a board page.
func (x *extractor) board(p *Page) {
	c := x.c
	b := &Board{
		Title:      x.title(),
		Breadcrumb: x.breadcrumb(),
		Threads:    []ThreadRef{},
	}
	b.ID = lastDigits(c.get("ContainerID").text(x.doc))
	b.Page, b.LastPage = x.pages()
	b.URL = x.ownURL(p.URL)
	if b.ID == "" {
		b.ID = lastDigits(strings.TrimSuffix(b.URL, "/"))
	}
	if next := c.get("NextPage").text(x.doc); next != "" {
		b.NextURL = x.canonical(next)
	}
	sticky := c.get("StickyGroup").all(x.doc)
	for _, item := range c.get("Item").all(x.doc) {
		t, ok := x.threadRef(item, sticky)
		if !ok {
			continue
		}
		b.Threads = append(b.Threads, t)
		p.Links = append(p.Links, Link{URL: t.URL, Kind: LinkThread})
	}
	p.Board = b
	for _, l := range x.pageLinks() {
		p.Links = append(p.Links, Link{URL: l, Kind: LinkBoard})
	}
	x.boardLinks(p)
}

// threadRef returns one thread as listed on a board page.
func (x *extractor) threadRef(item *html.Node, stickyGroups []*html.Node) (ThreadRef, bool) {
	c := x.c
	link := c.get("ItemLink").text(item)
	u := x.canonical(link)
	if u == "" {
		return ThreadRef{}, false
	}
	t := ThreadRef{URL: u, Author: c.get("ItemAuthor").text(item)}
	if n, _ := c.get("ItemLink").node(item); n != nil {
		t.Title = nodeText(n)
	}
	t.ID = lastDigits(c.get("ItemID").text(item))
	if pu, err := url.Parse(u); err == nil && t.ID == "" {
		t.ID = lastDigits(strings.TrimSuffix(pu.Path, "/"))
	}
	if n, ok := ParseCount(c.get("ItemReplies").text(item)); ok {
		t.Replies = &n
	}
	if n, ok := ParseCount(c.get("ItemViews").text(item)); ok {
		t.Views = &n
	}
	if tn, _ := c.get("ItemLastPost").node(item); tn != nil {
		t.LastPostAt = elementTime(tn)
	}
	t.Sticky = c.get("ItemSticky").matches(item) || x.insideOther(item, stickyGroups)
	for _, a := range c.get("ItemPages").all(item) {
		if n, err := strconv.Atoi(nodeText(a)); err == nil && n > t.LastPage {
			t.LastPage = n
		}
	}
	return t, true
}

// index fills p with the boards an index page lists.
func (x *extractor) index(p *Page) {
	x.boardLinks(p)
}

// boardLinks adds the boards (or sub-boards) the page lists to p.
func (x *extractor) boardLinks(p *Page) {
	seen := map[string]bool{}
	for _, a := range x.c.get("BoardLink").all(x.doc) {
		u := x.canonical(attr(a, "href"))
		if u == "" || seen[u] || u == p.URL {
			continue
		}
		seen[u] = true
		id := ""
		if pu, err := url.Parse(u); err == nil {
			id = lastDigits(strings.TrimSuffix(pu.Path, "/"))
			if id == "" {
				id = lastDigits(pu.RawQuery) // forumdisplay.php?f=12
			}
		}
		p.Boards = append(p.Boards, BoardRef{ID: id, Title: nodeText(a), URL: u})
		p.Links = append(p.Links, Link{URL: u, Kind: LinkBoard})
	}
}
