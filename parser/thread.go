package parser

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// extractor runs one engine's compiled rules over one parsed page.
type extractor struct {
	e     *Engine
	c     *compiled
	base  *url.URL // the page's URL
	refs  *url.URL // what its relative links resolve against: its <base href>, else base
	doc   *html.Node
	now   time.Time   // when the page was fetched, for relative dates
	dates *dateReader // the parser's, shared by its pages
	zones *zoneCache  // the parser's, shared by its pages
	lang  string      // the page's language as <html lang> gives it ("fr"), or ""

	// found once per page
	zoneDone                bool
	zone                    *time.Location
	pageLinksDone, nextDone bool
	pageLinksFound          []*html.Node
	next                    string
	linked                  map[string]string // see Page.FetchURLs
	resolved                map[string]string // abs's answers, by reference
	cleaned                 map[string]string // link's answers, by reference
	canonicals              map[string]string // canonical's answers, by reference
}

// thread fills p with the thread and posts of a thread page.
func (x *extractor) thread(p *Page) {
	t := &Thread{
		Title:      x.title(),
		Breadcrumb: x.breadcrumb(),
	}
	t.ID = lastDigits(x.c.get("ContentID").text(x.doc))
	t.Page, t.LastPage = x.pages()
	t.URL = x.ownURL(p.URL)
	if t.ID == "" {
		t.ID = lastDigits(strings.TrimSuffix(t.URL, "/"))
	}
	p.Thread = t
	posts := x.c.get("Post").outer(x.doc) // not a post-like card quoted inside a post
	p.Posts = make([]Post, 0, len(posts))
	for i, n := range posts {
		post := x.post(n)
		post.Page = t.Page
		if x.e.ReplyNumbers {
			if post.Position > 0 {
				post.Position++
			} else if i == 0 && t.Page == 1 {
				post.Position = 1
			}
		}
		p.Posts = append(p.Posts, post)
	}
	for _, l := range x.pageLinks() {
		p.Links = append(p.Links, Link{URL: l, Kind: LinkThread})
	}
}

// insideOther reports whether n lies inside another element of the set.
func (x *extractor) insideOther(n *html.Node, set []*html.Node) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		for _, m := range set {
			if a == m {
				return true
			}
		}
		if a.Parent == nil {
			break
		}
	}
	return false
}

// post returns one post, with its author.
func (x *extractor) post(n *html.Node) Post {
	c := x.c
	p := Post{
		Quotes:      []Quote{},
		Links:       []string{},
		Images:      []string{},
		Attachments: []Attachment{},
		Reactions:   []Reaction{},
	}
	body, _ := c.get("Body").node(n)
	if body != nil {
		p.BodyHTML = innerHTML(body)
		x.body(body, &p)
	}
	// Attachments, edit notes and signatures may sit inside the body.
	x.attachments(n, &p)
	if en, _ := c.get("EditTime").node(n); en != nil {
		p.EditedAt = x.timeOf(en)
		if p.EditedAt == nil {
			p.EditedAt = x.displayTime(c.get("EditTime").text(n))
		}
	}
	if sig, _ := c.get("Signature").node(n); sig != nil {
		p.Signature = textOf(sig, x.textOptions(nil))
	}
	// The other rules look at the post's frame (author, header, footer): hide
	// the body, most of a post's elements, so that they need not search it.
	defer x.hideChildren(body)()
	p.ID = lastDigits(c.get("PostID").text(n))
	p.URL = x.permalink(c.get("Permalink").text(n))
	if pos := c.get("Position").text(n); pos != "" {
		if i := strings.IndexByte(pos, '#'); i >= 0 {
			p.Position = firstInt(pos[i:])
		} else if n, err := strconv.Atoi(pos); err == nil && n > 0 {
			p.Position = n // a bare number: an attribute that holds the position
		}
	}
	p.DateRaw = c.get("PostTime").text(n)
	if tn, _ := c.get("PostTime").node(n); tn != nil {
		p.PostedAt = x.timeOf(tn)
	}
	if p.PostedAt == nil && p.DateRaw != "" {
		p.PostedAt = x.displayTime(p.DateRaw)
	}
	for _, r := range c.get("Reaction").all(n) {
		name := displayValue(r)
		if name != "" && !slices.ContainsFunc(p.Reactions, func(r Reaction) bool { return r.Name == name }) {
			p.Reactions = append(p.Reactions, Reaction{Name: name})
		}
	}
	p.Author = x.author(n)
	for name, r := range c.extra {
		r.ix = c.ix
		if v := r.text(n); v != "" {
			if p.Extra == nil {
				p.Extra = map[string]string{}
			}
			p.Extra[name] = v
		}
	}
	return p
}

// attachments adds the files attached to the post element n.
func (x *extractor) attachments(n *html.Node, p *Post) {
	c := x.c
	for _, a := range c.get("Attachment").all(n) {
		link := aHref.MatchFirst(a)
		if link == nil && a.Data == "a" {
			link = a
		}
		att := Attachment{Name: c.get("AttachName").text(a)}
		if link != nil {
			att.URL = x.link(attr(link, "href")) // phpBB and vBulletin put the session id in download links
			if att.Name == "" {
				att.Name = nodeText(link)
			}
		}
		if att.URL != "" || att.Name != "" {
			p.Attachments = append(p.Attachments, att)
		}
	}
}

// hideChildren detaches n's children, so that searches of the tree and of
// the page index skip them, and returns the function that puts them back.
// n may be nil.
func (x *extractor) hideChildren(n *html.Node) (restore func()) {
	if n == nil {
		return func() {}
	}
	first, last := n.FirstChild, n.LastChild
	n.FirstChild, n.LastChild = nil, nil
	unhide := x.c.ix.hide(n)
	return func() {
		unhide()
		n.FirstChild, n.LastChild = first, last
	}
}

// body fills the text, quotes, links and images of a post from its body
// element (not its HTML: the API of a JSON engine gives that as it is).
func (x *extractor) body(body *html.Node, p *Post) {
	c := x.c
	quoteRule := c.get("Quote")
	var top []*html.Node
	for _, q := range quoteRule.outer(body) {
		if q != body {
			top = append(top, q)
		}
	}
	isQuote := func(n *html.Node) bool {
		for _, q := range top {
			if n == q {
				return true
			}
		}
		return false
	}
	for _, q := range top {
		p.Quotes = append(p.Quotes, x.quote(q))
	}
	opt := x.textOptions(nil)
	opt.mark = isQuote
	var offsets []int
	p.BodyText, offsets = textMarked(body, opt)
	for i := range p.Quotes {
		if i < len(offsets) {
			p.Quotes[i].Offset = offsets[i]
		}
	}
	skip := c.get("TextSkip")
	smilie := c.get("Smilie")
	bodyImage := c.get("BodyImage")
	seenLink := map[string]bool{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		if isQuote(n) || skip.is(n) || n.DataAtom == atom.Noscript {
			return // a <noscript> fallback repeats a lazy image's source
		}
		switch n.Data {
		case "a":
			if l := x.abs(attr(n, "href")); l != "" && !seenLink[l] && !strings.HasPrefix(attr(n, "href"), "#") {
				seenLink[l] = true
				p.Links = append(p.Links, l)
			}
		case "img":
			if !smilie.is(n) && bodyImage.is(n) {
				if src := imageSource(n); src != "" {
					if u := x.abs(src); u != "" {
						p.Images = append(p.Images, u)
					}
				}
			}
		}
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	for k := body.FirstChild; k != nil; k = k.NextSibling {
		walk(k)
	}
}

// imageSource returns an image's real source, preferring lazy-loading attributes over a placeholder src.
func imageSource(n *html.Node) string {
	for _, k := range []string{"data-url", "data-src", "src"} {
		if v := strings.TrimSpace(attr(n, k)); v != "" && !strings.HasPrefix(v, "data:") {
			return v
		}
	}
	return ""
}

// quote returns one quotation: who is quoted, which post, and the quoted text.
func (x *extractor) quote(q *html.Node) Quote {
	c := x.c
	author := c.get("QuoteAuthor").text(q)
	for _, suffix := range []string{" said:", " wrote:", " schrieb:", " a dit:", " написал(а):", " írta:", ":"} {
		author = strings.TrimSuffix(author, suffix)
	}
	out := Quote{Author: strings.TrimSpace(author), PostID: lastDigits(c.get("QuotePostID").text(q))}
	// The attribution element ("X wrote:"), when the text holds it, is not
	// part of the quoted words; nested quotes keep theirs.
	an, aa := c.get("QuoteAuthor").node(q)
	isAttribution := func(n *html.Node) bool { return aa.attr == "" && n == an && n != q }
	if tn, _ := c.get("QuoteText").node(q); tn != nil {
		out.Text = textOf(tn, x.textOptions(isAttribution))
	}
	return out
}

// textOptions returns the text rules of the engine, skipping also what skip reports.
func (x *extractor) textOptions(skip func(*html.Node) bool) textOptions {
	skipRule, smilie := x.c.get("TextSkip"), x.c.get("Smilie")
	return textOptions{
		skip: func(n *html.Node) bool {
			return (skip != nil && skip(n)) || skipRule.is(n)
		},
		inline: smilie.is,
	}
}

// elementTime returns the machine-readable time of an element: its datetime,
// data-time, data-timestamp, data-datestring or content attribute, in that
// order; nil when none parses.
func elementTime(n *html.Node) *time.Time {
	for _, k := range []string{"datetime", "data-time", "data-timestamp", "data-datestring", "content"} {
		if t, ok := ParseMachineTime(attr(n, k)); ok {
			return &t
		}
	}
	return nil
}

// timeOf returns the time an element holds for machines (see elementTime),
// else the displayed date-time of its title attribute (a tooltip that gives
// the full date of a shortened display); nil when neither parses.
func (x *extractor) timeOf(n *html.Node) *time.Time {
	if t := elementTime(n); t != nil {
		return t
	}
	return x.displayTime(attr(n, "title"))
}

// readDate returns the calendar date a displayed date stands for.
func (x *extractor) readDate(raw string) (Date, bool) {
	if x.dates == nil {
		return ParseDisplayDate(raw)
	}
	return x.dates.readDate(x.base.Host, x.lang, raw, x.now)
}

// displayTime returns the time a displayed date stands for, or nil.
func (x *extractor) displayTime(raw string) *time.Time {
	if x.dates == nil {
		return nil
	}
	return inZone(x.dates.read(x.base.Host, x.lang, raw, x.now), x.pageZone())
}

// pageZone returns the zone the page says its times are in, found once; nil
// when it says none (its displayed times are then taken as UTC).
func (x *extractor) pageZone() *time.Location {
	if !x.zoneDone {
		x.zoneDone = true
		if s := x.c.get("TimeZone").text(x.doc); s != "" {
			x.zone = parseZoneWith(s, x.zones)
		}
	}
	return x.zone
}

// abs returns ref resolved against the page URL, or "". Answers are
// remembered for the page: its links repeat (each post's author, avatar,
// profile and report links), and resolving parses the URL.
func (x *extractor) abs(ref string) string {
	if u, ok := x.resolved[ref]; ok {
		return u
	}
	base := x.base
	if x.refs != nil {
		base = x.refs
	}
	u := resolve(base, ref)
	if x.resolved == nil {
		x.resolved = make(map[string]string, 64)
	}
	x.resolved[ref] = u
	return u
}

// link returns ref resolved against the page URL without session and
// tracking parameters (see withoutSession), or "", remembered for the page
// as abs's answers are.
func (x *extractor) link(ref string) string {
	if u, ok := x.cleaned[ref]; ok {
		return u
	}
	u := withoutSession(x.abs(ref))
	if x.cleaned == nil {
		x.cleaned = make(map[string]string, 64)
	}
	x.cleaned[ref] = u
	return u
}

// withoutSession returns the link u without session and tracking parameters
// (see sessionParams), keeping the rest of it, its fragment included, as it is.
func withoutSession(u string) string {
	if strings.IndexByte(u, '?') < 0 {
		return u // no query: url.Parse would find none
	}
	if plainAbsolute(u) { // url.Parse and String would give u back
		beforeFragment, _, _ := strings.Cut(u, "#")
		if _, q, _ := strings.Cut(beforeFragment, "?"); !hasSessionKey(q) {
			return u
		}
	}
	r, err := url.Parse(u)
	if err != nil || r.RawQuery == "" {
		return u
	}
	r.RawQuery = querySansSession(r.RawQuery)
	return r.String()
}

// querySansSession returns a query without the parameters withoutSession drops.
func querySansSession(raw string) string {
	if raw == "" || !hasSessionKey(raw) {
		return raw
	}
	parts := strings.Split(raw, "&")
	kept := parts[:0]
	for _, part := range parts {
		k, _, _ := strings.Cut(part, "=")
		if k, err := url.QueryUnescape(k); err == nil && dropParam(k, nil) {
			continue
		}
		kept = append(kept, part)
	}
	return strings.Join(kept, "&")
}

// hasSessionKey reports whether a query holds a key withoutSession drops.
func hasSessionKey(raw string) bool {
	for raw != "" {
		part := raw
		if i := strings.IndexByte(raw, '&'); i >= 0 {
			part, raw = raw[:i], raw[i+1:]
		} else {
			raw = ""
		}
		k, _, _ := strings.Cut(part, "=")
		if strings.ContainsAny(k, "%+") {
			var err error
			if k, err = url.QueryUnescape(k); err != nil {
				continue
			}
		}
		if dropParam(k, nil) {
			return true
		}
	}
	return false
}
