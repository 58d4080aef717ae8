package parser

import (
	"regexp"
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
			inLink = inLink || n.DataAtom == atom.A
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
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
				n++
			}
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

// elementDate returns the date an element shows for machines: a <time>,
// or an element with a datetime, data-time or data-timestamp attribute, or
// with a date-like title over a date-like text; nil for others.
func elementDate(n *html.Node) *dateCand {
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
		text := nodeText(n)
		if !dateLike(text) {
			return nil
		}
		return &dateCand{n: n, raw: text, clock: clock.MatchString(title), label: afterLabel(n)}
	}
	text := nodeText(n)
	if len(text) > 80 {
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

// textDate notes a date-like text node: the date is the text of its
// element where that is short and holds no link (a date split over a few
// elements: "Today, <span>10:12</span>"), else the text node's own.
func (s *scan) textDate(t *html.Node) {
	raw := foldSpace(t.Data)
	if len(raw) > 80 || !dateLike(raw) {
		return
	}
	if i := strings.Index(raw, " ("); i > 0 && dateLike(raw[:i]) {
		raw = raw[:i] // "20. April 2020 11:17 (zuletzt bearbeitet: ...)": the date, not its note
	}
	el := t.Parent
	label := labelled(raw) || afterLabel(t) || afterLabel(el)
	if whole := nodeText(el); len(whole) <= 64 && len(whole) <= 2*len(raw)+8 && !hasLink(el) {
		raw = whole
		label = label || labelled(whole)
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

// hasLink reports whether n holds a link.
func hasLink(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.A || hasLink(c)) {
			return true
		}
	}
	return false
}

var (
	// numericDate matches "2019-09-29", "22.02.2019", "10/05/2006", "04-06-2019".
	numericDate = regexp.MustCompile(`\b(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})\b`)
	// monthName matches a month's name or abbreviation in common forum
	// languages (English, German, French, Spanish, Italian, Dutch,
	// Portuguese), beside a day or year number.
	monthName = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(jan|feb|febr|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|januar|februar|märz|mai|juni|juli|okt|dez|janv|févr|fév|mars|avr|juin|juil|août|déc|ene|abr|ago|dic|gen|mag|giu|lug|ott|set|mei|maart|okt)\p{L}*\.?(?:[^\p{L}]|$)`)
	dayOrYear = regexp.MustCompile(`\b\d{1,2}\b|\b(?:19|20)\d{2}\b`)
	// agoNumber matches a relative date with a number ("5 minutes ago", "vor 2 Stunden", "il y a 3 jours").
	agoNumber = regexp.MustCompile(`(?i)\d+\s*\p{L}+\s+ago\b|\bvor\s+\d+\s*\p{L}+|\bil y a\s+\d+|\bhace\s+\d+`)
	// dayWord matches a relative day ("Today", "Gestern", "Hier").
	dayWord = regexp.MustCompile(`(?i)^(?:\W*)(today|yesterday|heute|gestern|aujourd'hui|hier|hoy|ayer|oggi|ieri)\b`)
)

// dateLike reports whether a short text reads as a date: a numeric date, a
// month's name beside a number, a relative date, or a relative day.
func dateLike(s string) bool {
	if s == "" || len(s) > 80 {
		return false
	}
	// Cheap tests first: this runs on every short text of a page.
	if !strings.ContainsAny(s, "0123456789") {
		return relativeDay(s)
	}
	if strings.ContainsAny(s, "-/.") && numericDate.MatchString(s) {
		return true
	}
	letters := false
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c >= 'a' && c <= 'z' || s[i] >= 0x80 {
			letters = true
			break
		}
	}
	if !letters {
		return false
	}
	if containsAnyFold(s, agoWords) && agoNumber.MatchString(s) {
		return true
	}
	if (s[0] >= 0x80 || containsAnyFold(s, monthStems) || hasNonASCII(s)) && monthName.MatchString(s) && dayOrYear.MatchString(s) {
		return true
	}
	return relativeDay(s)
}

// agoWords and monthStems are the words agoNumber and monthName look for,
// to try those regexps only where one stands.
var (
	agoWords   = []string{"ago", "vor ", "il y a", "hace"}
	monthStems = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "mai", "okt",
		"dez", "avr", "juin", "juil", "ene", "abr", "ago", "dic", "gen", "mag", "giu", "lug", "ott", "set", "mei", "maa"}
)

// hasNonASCII reports whether s holds a byte past ASCII (a month written with accents: "févr", "août").
func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}

// relativeDays are the words of dayWord, to try it only where one stands.
var relativeDays = []string{"today", "yesterday", "heute", "gestern", "aujourd'hui", "hier", "hoy", "ayer", "oggi", "ieri"}

// relativeDay reports whether s starts with a relative day ("Today, 10:12").
func relativeDay(s string) bool {
	return containsAnyFold(s, relativeDays) && dayWord.MatchString(s)
}

// classDigits matches digits in class names and ids, which differ between
// records of one kind ("post_123", "windowbg2").
var classDigits = regexp.MustCompile(`\d+`)

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
