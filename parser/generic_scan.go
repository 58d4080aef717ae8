package parser

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// scan is what one walk of a page found for the generic extractor: every
// element's amount of text, its place in document order, and the elements
// that show a date.
type scan struct {
	info  map[*html.Node]*nodeInfo
	dates []*dateCand // in document order
	links int         // the page's links (<a>), to size the maps of what is found of them
}

// nodeInfo is what the scan knows of one element.
type nodeInfo struct {
	order    int // position in document order
	end      int // order of the last element inside it
	text     int // letters and digits of its text
	linkText int // of which inside links
}

// dateCand is an element that shows a date: a <time>, an element with a
// machine-readable time, or the element around a date-like text.
type dateCand struct {
	n       *html.Node
	raw     string     // the date as displayed
	machine *time.Time // from an attribute, when one parses
	clock   bool       // the displayed date has a time of day
	label   bool       // the date follows a label ("Joined: ..."), as profile fields do
	data    bool       // a time carried as data by a large element (a whole post), not shown
	sig     string     // the element's and its parents' tags and classes
}

// scanPage walks the document once.
func scanPage(doc *html.Node) *scan {
	s := &scan{info: make(map[*html.Node]*nodeInfo, 4096)}
	order := 0
	var chunk []nodeInfo // the infos, allocated a block at a time
	newInfo := func() *nodeInfo {
		if len(chunk) == cap(chunk) {
			chunk = make([]nodeInfo, 0, 512)
		}
		chunk = chunk[:len(chunk)+1]
		return &chunk[len(chunk)-1]
	}
	var walk func(n *html.Node, inLink, inDate bool) (text, link int)
	walk = func(n *html.Node, inLink, inDate bool) (int, int) {
		switch n.Type {
		case html.TextNode:
			t := letterCount(n.Data)
			if t > 0 && !inDate && n.Parent != nil && len(n.Data) < 200 {
				s.textDate(n)
			}
			if inLink {
				return t, t
			}
			return t, 0
		case html.ElementNode, html.DocumentNode:
		default:
			return 0, 0
		}
		if n.Type == html.ElementNode && silent(n) {
			return 0, 0
		}
		inf := newInfo()
		inf.order = order
		order++
		if n.Type == html.ElementNode {
			s.info[n] = inf
			if !inDate {
				if c := elementDate(n); c != nil {
					s.dates = append(s.dates, c)
					inDate = !c.data
				}
			}
			if n.DataAtom == atom.A {
				s.links++
				inLink = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			t, l := walk(c, inLink, inDate)
			inf.text += t
			inf.linkText += l
		}
		inf.end = order - 1
		return inf.text, inf.linkText
	}
	walk(doc, false, false)
	// Text dates were noted at their text node, before their element's
	// order was known; put them all in document order.
	sort.SliceStable(s.dates, func(i, j int) bool { return s.info[s.dates[i].n].order < s.info[s.dates[j].n].order })
	out := s.dates[:0]
	for i, d := range s.dates {
		if i > 0 && d.n == out[len(out)-1].n {
			continue
		}
		d.sig = signature(d.n, 3)
		out = append(out, d)
	}
	s.dates = out
	return s
}

// silent reports an element that shows no text (see isSilent), but for
// an expanded <noscript>.
func silent(n *html.Node) bool { return isSilent(n.DataAtom) && !expanded(n) }

// expanded reports a <noscript> whose markup Parse has expanded (see
// expandNoscript): what a crawler sees, so read like any element.
func expanded(n *html.Node) bool {
	if n.DataAtom != atom.Noscript {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return true
		}
	}
	return false
}

// letterCount returns the number of letters and digits in s.
func letterCount(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			n += int(asciiAlnum[c])
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
		i += w
	}
	return n
}

// asciiAlnum holds 1 for the ASCII letters and digits, 0 for other bytes.
var asciiAlnum = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			t[c] = 1
		}
	}
	return t
}()

// elementDate returns the date an element shows for machines: a <time>,
// or an element with a datetime, data-time or data-timestamp attribute, or
// with a date-like title over a date-like text; nil for others.
func elementDate(n *html.Node) *dateCand {
	if n.DataAtom != atom.Time && !hasDateAttr(n) {
		return nil // the most elements: no attribute to read
	}
	var mt *time.Time
	for _, k := range []string{"datetime", "data-time", "data-timestamp"} {
		if t, ok := ParseMachineTime(attr(n, k)); ok {
			mt = &t
			break
		}
	}
	if title := attr(n, "title"); mt == nil && len(title) >= 10 && title[0] >= '0' && title[0] <= '9' {
		if t, ok := ParseMachineTime(title); ok {
			mt = &t // a machine time as tooltip, over a "2 hours ago" a script writes
		}
	}
	if mt == nil && n.DataAtom != atom.Time {
		title := attr(n, "title")
		if title == "" || len(title) > 80 || !dateLike(title) {
			return nil
		}
		if textOver(n, 80) {
			return nil // no date: dateLike takes at most 80 bytes
		}
		text := nodeText(n)
		if !dateLike(text) {
			return nil
		}
		return &dateCand{n: n, raw: text, clock: clock.MatchString(title), label: afterLabel(n)}
	}
	long, text := textOver(n, 80), "" // a whole post's text is not read
	if !long {
		text = nodeText(n)
		long = len(text) > 80
	}
	if long {
		if mt == nil {
			return nil
		}
		// A record that carries its time as data: its shown date, if
		// any, is inside it.
		return &dateCand{n: n, machine: mt, data: true}
	}
	for _, k := range []string{"title", "datetime"} {
		if text == "" || len(text) > 80 {
			text = strings.TrimSpace(attr(n, k))
		}
	}
	return &dateCand{n: n, raw: text, machine: mt, clock: true, label: afterLabel(n)}
}

// hasDateAttr reports whether n has one of the attributes elementDate reads.
func hasDateAttr(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "datetime", "data-time", "data-timestamp", "title":
			return true
		}
	}
	return false
}

// textDate notes a date-like text node: the date is the text of its
// element where that is short and holds no link (a date split over a few
// elements: "Today, <span>10:12</span>"), else the text node's own.
func (s *scan) textDate(t *html.Node) {
	// No digit: a date only if a relative day, which folding the text
	// changes neither for an ASCII text nor in the words a text past ASCII
	// must hold (whitespace is no part of them): most texts of a page are
	// not copied.
	if !strings.ContainsAny(t.Data, "0123456789") && (hasNonASCII(t.Data) && !relativeSet.foldIn(t.Data) || !hasNonASCII(t.Data) && !relativeDay(t.Data)) {
		return
	}
	raw := foldSpace(t.Data)
	if len(raw) > 80 || !dateLike(raw) {
		return
	}
	if i := strings.Index(raw, " ("); i > 0 && dateLike(raw[:i]) {
		raw = raw[:i] // "20. April 2020 11:17 (zuletzt bearbeitet: ...)": the date, not its note
	}
	el := t.Parent
	label := labelled(raw) || afterLabel(t) || afterLabel(el)
	if limit := min(64, 2*len(raw)+8); !textOver(el, limit) {
		if whole := nodeText(el); len(whole) <= limit && !hasLink(el) {
			raw = whole
			label = label || labelled(whole)
		}
	}
	s.dates = append(s.dates, &dateCand{n: el, raw: raw, clock: clock.MatchString(raw), label: label})
}

// afterLabel reports whether the node before n (past blank text) is a label: a text ending with a colon.
func afterLabel(n *html.Node) bool {
	for p := n.PrevSibling; p != nil; p = p.PrevSibling {
		var t string
		switch p.Type {
		case html.TextNode:
			t = strings.TrimSpace(p.Data)
		case html.ElementNode:
			if textOver(p, 40) {
				return false // a text, but too long for a label
			}
			t = nodeText(p)
		default:
			continue
		}
		if t != "" {
			return strings.HasSuffix(t, ":") && len(t) <= 40
		}
	}
	return false
}

// labelled reports whether a short text is "Label: value" with a label of words.
func labelled(s string) bool {
	i := strings.IndexByte(s, ':')
	if i <= 0 || i > 30 {
		return false
	}
	return !strings.ContainsAny(s[:i], "0123456789")
}

// textOver reports whether n's text (as nodeText gives it) is surely longer
// than limit bytes: its text nodes outside silent elements hold more than
// limit bytes of characters other than whitespace, which folding keeps. It
// stops counting there, so a date's large parent (a whole post, the page)
// costs no more than a short one.
func textOver(n *html.Node, limit int) bool {
	count := 0
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				for i := 0; i < len(c.Data); {
					w, space := charAt(c.Data, i)
					if !space {
						count += w
					}
					i += w
				}
				if count > limit {
					return true
				}
			case html.ElementNode:
				if !isSilent(c.DataAtom) && walk(c) {
					return true
				}
			}
		}
		return false
	}
	return walk(n)
}

// hasLink reports whether n holds a link.
func hasLink(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.A || hasLink(c)) {
			return true
		}
	}
	return false
}

// elementKey returns an element's tag and its class names without digits, sorted.
func elementKey(n *html.Node) string {
	c := attr(n, "class")
	if c == "" {
		return n.Data
	}
	cls := strings.Fields(withoutDigits(c))
	if len(cls) == 0 {
		return n.Data
	}
	sort.Strings(cls)
	return n.Data + "." + strings.Join(cls, ".")
}

// withoutDigits returns s without its ASCII digits.
func withoutDigits(s string) string {
	if !strings.ContainsAny(s, "0123456789") {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			b = append(b, s[i])
		}
	}
	return string(b)
}

// digitsTo9 returns s with each run of ASCII digits written "9": ids and
// numbers, which differ between links of one shape.
func digitsTo9(s string) string {
	if !strings.ContainsAny(s, "0123456789") {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			b = append(b, s[i])
		} else if i == 0 || s[i-1] < '0' || s[i-1] > '9' {
			b = append(b, '9')
		}
	}
	return string(b)
}

// containsFold reports whether s holds the lower-case ASCII word w in any case.
func containsFold(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		j := 0
		for j < len(w) && s[i+j]|0x20 == w[j] {
			j++
		}
		if j == len(w) {
			return true
		}
	}
	return false
}

// signature returns the keys of n and up to depth-1 of its parents, innermost last.
func signature(n *html.Node, depth int) string {
	var parts []string
	for a := n; a != nil && a.Type == html.ElementNode && len(parts) < depth; a = a.Parent {
		parts = append(parts, elementKey(a))
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return strings.Join(parts, " > ")
}

// contains reports whether a is n or one of its ancestors, by document order.
func (s *scan) contains(a, n *html.Node) bool {
	ia, in := s.info[a], s.info[n]
	if ia == nil || in == nil {
		return false
	}
	return in.order >= ia.order && in.order <= ia.end
}
