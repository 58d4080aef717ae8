package parser

import (
	"net/url"
	"regexp"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// postRef is a post's id, the anchor name that carries it on the page, and
// a selector of the attribute it was read from.
type postRef struct{ id, anchor, source string }

// idAttr matches an id or anchor name that names a record by number ("post_123", "p123", "comment-471252").
var idAttr = regexp.MustCompile(`^([A-Za-z][A-Za-z_-]*?)[_-]?(\d+)$`)

// postIDs returns each record's post id: of the id prefixes ("post",
// "msg") that most records carry on themselves or on an element or anchor
// outside their text, the first.
func (g *genericReader) postIDs(l *layout) []postRef {
	found := make([]map[string]postRef, len(l.records))
	var order []string
	count := map[string]int{}
	for i, r := range l.records {
		found[i] = map[string]postRef{}
		body := l.bodies[i]
		var visit func(n *html.Node)
		visit = func(n *html.Node) {
			if n.Type != html.ElementNode || n == body || silent(n) || (n != r && isQuoteNode(n)) {
				return
			}
			for _, k := range []string{"id", "name"} {
				v := attr(n, k)
				if k == "name" && n.DataAtom != atom.A {
					continue
				}
				if m := idAttr.FindStringSubmatch(v); m != nil {
					key := strings.ToLower(m[1]) + "\x00" + k
					if _, ok := found[i][key]; !ok {
						found[i][key] = postRef{id: m[2], anchor: v, source: n.Data + "[" + k + "^=\"" + m[1] + "\"]@" + k}
						if count[key] == 0 {
							order = append(order, key)
						}
						count[key]++
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				visit(c)
			}
		}
		visit(r)
		// An anchor just before the record, with no text, names it too.
		for c := r.PrevSibling; c != nil; c = c.PrevSibling {
			if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" || c.Type == html.ElementNode && (g.s.info[c] == nil || g.s.info[c].text > 0) {
				break
			}
			if c.Type == html.ElementNode {
				visit(c)
			}
		}
	}
	best, most := "", 0
	for _, k := range order {
		if count[k] > most {
			best, most = k, count[k]
		}
	}
	out := make([]postRef, len(l.records))
	if 2*most < len(l.records) {
		return out
	}
	for i := range l.records {
		out[i] = found[i][best]
	}
	return out
}

// post returns record i of a layout as a post, or false for a record with
// no words and no picture: an advertisement or a placeholder between
// posts, whose date and author are not read.
func (g *genericReader) post(l *layout, i int, ref postRef) (Post, bool) {
	r, body, d := l.records[i], l.bodies[i], l.dates[i]
	p := Post{ID: ref.id, Quotes: []Quote{}, Links: []string{}, Images: []string{}, Attachments: []Attachment{}, Reactions: []Reaction{}}
	if body != nil {
		g.body(body, &p)
	}
	if sig := g.signatureOf(r, body); sig != nil {
		p.Signature = textOf(sig, genericText(nil))
	} else if m := sigRuleIndex(p.BodyText); m != nil && m[0] > 0 {
		p.Signature = strings.TrimSpace(p.BodyText[m[1]:])
		p.BodyText = strings.TrimSpace(p.BodyText[:m[0]])
	}
	if p.BodyText == "" && len(p.Quotes) == 0 && len(p.Images) == 0 && len(p.Links) == 0 && !hasMedia(body) {
		return p, false
	}
	if d != nil {
		p.DateRaw = strings.Trim(d.raw, "«»·|-–—,: ")
		p.PostedAt = d.machine
		if p.PostedAt == nil {
			p.PostedAt = g.displayTime(p.DateRaw)
		}
	}
	if a := l.authors[i]; a != nil {
		p.Author = authorOf(g, a)
	}
	_, p.URL, p.Position = g.permalink(r, body, d, ref)
	return p, true
}

// displayTime reads a displayed date, without a label before it ("Posted: ...").
func (g *genericReader) displayTime(raw string) *time.Time {
	if g.dates == nil || raw == "" {
		return nil
	}
	if labelled(raw) {
		raw = strings.TrimSpace(raw[strings.IndexByte(raw, ':')+1:])
	}
	return g.dates.read(g.base.Host, g.lang, raw, g.now)
}

// authorOf returns the author a profile link names.
func authorOf(g *genericReader, a *html.Node) Author {
	au := Author{Name: nodeText(a), Banners: []string{}, Fields: []Field{}}
	if au.Name == "" {
		au.Name = displayValue(a)
	}
	if a.DataAtom != atom.A {
		if a = aHref.MatchFirst(a); a == nil {
			return au // a name shown without a profile link
		}
	}
	au.URL = withoutSession(g.resolve(attr(a, "href")))
	au.ID = profileID(au.URL)
	return au
}

var (
	// idFirst matches a segment or query key that starts with the id ("107175-Crazyguy", "341908-rockett").
	idFirst = regexp.MustCompile(`^(\d+)(?:[-_.]|$)`)
	// idLast matches a segment that ends with the id after a name ("khr1s.279499").
	idLast = regexp.MustCompile(`[.\-_](\d+)$`)
)

// profileID returns the member id a profile link carries where it clearly
// is one: a numeric user parameter, a numeric path segment, or a number
// joined to the name by a dot, dash or underscore; else "".
func profileID(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	q := parseQuery(u.RawQuery)
	for _, k := range []string{"u", "uid", "user", "userid", "user_id", "id", "memberid", "mid", "showuser"} {
		if v := q.Get(k); v != "" && strings.Trim(v, "0123456789") == "" {
			return v
		}
	}
	for k, v := range q {
		if len(v) == 1 && v[0] == "" {
			if m := idFirst.FindStringSubmatch(k); m != nil {
				return m[1]
			}
		}
	}
	path := strings.TrimSuffix(u.Path, "/")
	seg := path[strings.LastIndexByte(path, '/')+1:]
	if m := idFirst.FindStringSubmatch(seg); m != nil {
		return m[1]
	}
	if m := idLast.FindStringSubmatch(seg); m != nil {
		return m[1]
	}
	return ""
}

// permalinkClass matches a permalink's class, title or rel.
var permalinkClass = regexp.MustCompile(`(?i)permalink|bookmark`)

// positionText matches a post number shown as a link ("#12").
var positionText = regexp.MustCompile(`^#\s*(\d+)$`)

// permalink returns the link of a record that points at its post, and the
// post's number where the link shows one: a link marked as permalink or
// showing "#N", else the link around the date, else a link to the post's
// anchor or carrying its id.
func (g *genericReader) permalink(r, body *html.Node, d *dateCand, ref postRef) (link *html.Node, href string, pos int) {
	best, rank := "", 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || c == body || silent(c) || isQuoteNode(c) {
				continue
			}
			if c.DataAtom != atom.A {
				walk(c)
				continue
			}
			href := strings.TrimSpace(attr(c, "href"))
			if href == "" || href == "#" || g.actionLink(href) {
				continue
			}
			text := nodeText(c)
			k := 0
			if m := positionText.FindStringSubmatch(text); m != nil {
				pos = firstInt(m[1])
				k = 4
			} else if permalinkClass.MatchString(attr(c, "class") + " " + attr(c, "title") + " " + attr(c, "rel")) {
				k = 4
			} else if d != nil && g.s.contains(c, d.n) {
				k = 3
			} else if ref.id != "" && (strings.HasSuffix(href, "#"+ref.anchor) || containsNumber(href, ref.id)) {
				k = 1
				if !strings.HasPrefix(href, "#") {
					k = 2 // a link that leads to the post from anywhere, not only on this page
				}
			}
			if k > rank {
				best, rank, link = href, k, c
			}
		}
	}
	walk(r)
	if best == "" {
		return nil, "", pos
	}
	return link, withoutSession(g.resolve(best)), pos
}

// containsNumber reports whether s holds the number n as a whole run of digits.
func containsNumber(s, n string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], n)
		if j < 0 {
			return false
		}
		a, b := i+j, i+j+len(n)
		if (a == 0 || s[a-1] < '0' || s[a-1] > '9') && (b == len(s) || s[b] < '0' || s[b] > '9') {
			return true
		}
		i = a + 1
	}
}

// signatureOf returns the signature of a record outside its body, or inside it at its end.
func (g *genericReader) signatureOf(r, body *html.Node) *html.Node {
	var found *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && found == nil; c = c.NextSibling {
			if c.Type != html.ElementNode || silent(c) || isQuoteNode(c) {
				continue
			}
			if isSignature(c) && nodeText(c) != "" {
				found = c
				return
			}
			walk(c)
		}
	}
	walk(r)
	return found
}

// genericText returns the text rules of the generic extractor: signatures
// and buttons give no text, nor what skip reports.
func genericText(skip func(*html.Node) bool) textOptions {
	return textOptions{
		skip: func(n *html.Node) bool {
			return n.DataAtom == atom.Button || isSignature(n) || isControl(n) || (skip != nil && skip(n))
		},
		inline: func(n *html.Node) bool { return true },
	}
}

// controlClass matches the class of a post's controls: buttons, share and
// reaction bars, a quotation's "Click to expand..." link.
var controlClass = regexp.MustCompile(`(?i)(?:^|[-_])(?:options|buttons?|btn|controls|actions|tools|toolbar|share|social|reactions?|likes?)(?:[-_]|$)|expand[-_]?(?:link|button|toggle)$|quote[-_]?expand$`)

// controlWords are the words controlClass looks for, to pass over other classes quickly.
var controlWords = []string{"option", "button", "btn", "control", "action", "tool", "share", "social", "reaction", "like", "expand"}

// containsAnyFold reports whether s holds one of the lower-case words in any case.
func containsAnyFold(s string, words []string) bool {
	for _, w := range words {
		if containsFold(s, w) {
			return true
		}
	}
	return false
}

// isControl reports whether n is a control rather than words of the post.
func isControl(n *html.Node) bool {
	cls := attr(n, "class")
	if cls == "" || !containsAnyFold(cls, controlWords) {
		return false
	}
	for _, c := range strings.Fields(cls) {
		if controlClass.MatchString(c) {
			return true
		}
	}
	return false
}

// sigRule matches the line that starts a signature written into a post's
// text: a row of underscores, or the "-- " of mail.
var sigRule = regexp.MustCompile(`(?m)^(?:_{5,}|-- ?)$`)

// sigRuleIndex returns where sigRule matches in s, or nil; it tries the
// regexp only where a rule's characters stand.
func sigRuleIndex(s string) []int {
	if !strings.Contains(s, "_____") && !strings.Contains(s, "\n--") {
		return nil
	}
	return sigRule.FindStringIndex(s)
}

// body fills the text, HTML, quotes, links and images of a post.
func (g *genericReader) body(body *html.Node, p *Post) {
	p.BodyHTML = innerHTML(body)
	var quotes []*html.Node
	attribution := map[*html.Node]*html.Node{} // quote -> the line before it that names its author
	var find func(*html.Node)
	find = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || silent(c) {
				continue
			}
			if isQuoteNode(c) {
				if inf := g.s.info[c]; inf == nil || inf.text == 0 {
					continue // an empty quotation box: nothing quoted, no quote
				}
				quotes = append(quotes, c)
				if a := prevElement(c); a != nil && isAttribution(nodeText(a)) {
					attribution[c] = a
				}
				continue
			}
			find(c)
		}
	}
	find(body)
	isAttr := map[*html.Node]bool{}
	for _, a := range attribution {
		isAttr[a] = true
	}
	isQuote := func(n *html.Node) bool {
		for _, q := range quotes {
			if n == q {
				return true
			}
		}
		return false
	}
	for _, q := range quotes {
		p.Quotes = append(p.Quotes, quoteOf(q, attribution[q]))
	}
	opt := genericText(func(n *html.Node) bool { return isAttr[n] })
	opt.mark = isQuote
	var offsets []int
	p.BodyText, offsets = textMarked(body, opt)
	for i := range p.Quotes {
		if i < len(offsets) {
			p.Quotes[i].Offset = offsets[i]
		}
	}
	seen := map[string]bool{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || silent(c) || isQuote(c) || isSignature(c) {
				continue
			}
			switch c.DataAtom {
			case atom.A:
				href := attr(c, "href")
				if l := g.resolve(href); l != "" && !seen[l] && !strings.HasPrefix(href, "#") {
					seen[l] = true
					p.Links = append(p.Links, l)
				}
			case atom.Img:
				if src := imageSource(c); src != "" && !smileyImage(c) {
					if u := g.resolve(src); u != "" {
						p.Images = append(p.Images, u)
					}
				}
			}
			walk(c)
		}
	}
	walk(body)
}

// smileyClass matches the class or source of a smiley or emoji image.
var smileyClass = regexp.MustCompile(`(?i)smil|emoji|emoticon`)

// smileyImage reports whether an image is a smiley rather than a picture of the post.
func smileyImage(n *html.Node) bool {
	return smileyClass.MatchString(attr(n, "class")) || smileyClass.MatchString(attr(n, "src"))
}
