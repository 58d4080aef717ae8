package parser

import (
	"net/url"
	"strconv"
	"strings"
	"time"

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
	if next := x.nextPage(); next != "" {
		b.NextURL = x.canonical(next)
	}
	sticky := c.get("StickyGroup").all(x.doc)
	for _, item := range c.get("Item").outer(x.doc) {
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
	if t.ID == "" {
		if pu, err := url.Parse(u); err == nil {
			t.ID = urlID(pu)
		}
	}
	if n, ok := ParseCount(c.get("ItemReplies").text(item)); ok {
		t.Replies = &n
	}
	if n, ok := ParseCount(c.get("ItemViews").text(item)); ok {
		t.Views = &n
	}
	if tn, _ := c.get("ItemLastPost").node(item); tn != nil {
		t.LastPostAt = x.timeOf(tn)
		if t.LastPostAt == nil {
			t.LastPostAt = x.displayTime(c.get("ItemLastPost").text(item))
		}
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
		id := lastDigits(x.c.get("BoardID").text(a))
		if pu, err := url.Parse(u); err == nil && x.c.get("BoardID").empty() {
			id = urlID(pu)
		}
		p.Boards = append(p.Boards, BoardRef{ID: id, Title: nodeText(a), URL: u, LastPostAt: x.boardLastPost(a)})
		p.Links = append(p.Links, Link{URL: u, Kind: LinkBoard})
	}
}

// boardLastPost returns the latest post time the listing shows for the
// board of link a: its item's, when a is the item's first board link.
func (x *extractor) boardLastPost(a *html.Node) *time.Time {
	item := x.c.get("BoardItem")
	if item.empty() {
		return nil
	}
	for n := a.Parent; n != nil; n = n.Parent {
		if n.Type != html.ElementNode || !item.matches(n) {
			continue
		}
		if first, _ := x.c.get("BoardLink").node(n); first != a {
			return nil
		}
		tn, _ := x.c.get("BoardLastPost").node(n)
		if tn == nil {
			return nil
		}
		return x.timeOf(tn)
	}
	return nil
}

// urlID returns the id a thread's or board's URL names: the last digits of
// its path ("/threads/x.12/"), else of its query ("forumdisplay.php?fid=2").
func urlID(u *url.URL) string {
	if id := lastDigits(strings.TrimSuffix(u.Path, "/")); id != "" {
		return id
	}
	return lastDigits(u.RawQuery)
}
