package parser

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// quoteClass matches the class or id of a quotation.
var quoteClass = regexp.MustCompile(`(?i)quote`)

// isQuoteNode reports whether n is a quotation: a <blockquote>, or an
// element whose class or id says quote.
func isQuoteNode(n *html.Node) bool {
	if n.DataAtom == atom.Blockquote {
		return true
	}
	if n.DataAtom == atom.A || n.DataAtom == atom.Span || n.DataAtom == atom.Li {
		return false // quote buttons, not quotations
	}
	cls, id := attr(n, "class"), attr(n, "id")
	if !containsFold(cls, "quote") && !containsFold(id, "quote") {
		return false
	}
	names := cls + " " + id
	for _, c := range strings.Fields(names) {
		if quoteClass.MatchString(c) && !quoteControl.MatchString(c) {
			return true
		}
	}
	return false
}

// quoteControl matches class names that mention quoting without being a
// quotation: script hooks, buttons and links that make one.
var quoteControl = regexp.MustCompile(`(?i)^js-|to-?quote|select|button|btn|link|multi|head|title|cite|author|top|foot|expand`)

// insideQuote reports whether n lies in a quotation below r.
func insideQuote(n, r *html.Node) bool {
	for a := n; a != nil && a != r; a = a.Parent {
		if a.Type == html.ElementNode && isQuoteNode(a) {
			return true
		}
	}
	return false
}

// signatureClass matches the class or id of a signature.
var signatureClass = regexp.MustCompile(`(?i)signature|(?:^|[\s_-])sig(?:[\s_-]|\d|$)`)

// isSignature reports whether n is a post's signature.
func isSignature(n *html.Node) bool {
	return mentionsSig(attr(n, "class")) || mentionsSig(attr(n, "id"))
}

// mentionsSig reports whether a class or id names a signature.
func mentionsSig(s string) bool {
	if s == "" || !containsFold(s, "sig") {
		return false
	}
	return signatureClass.MatchString(s)
}

// chooseBodies finds each record's text: the element with the most text
// that holds neither the author's link nor the date, narrowed to the one
// child that holds nearly all of it; then the path below the record that
// most records agree on is used wherever a record has it.
func (g *genericReader) chooseBodies(l *layout) {
	// The place below the records that holds the most text of all records
	// together (and is in half of them at least) is where the posts' texts
	// are: a short post's text is there too, though its author block may
	// hold more.
	sum, in := map[string]int{}, map[string]int{}
	fronts := make([][]*html.Node, len(l.records))
	frontPaths := make([][]string, len(l.records))
	for i, r := range l.records {
		fronts[i] = g.frontier(r, l.authors[i], l.dates[i], nil)
		for _, c := range fronts[i] {
			p := g.relPath(r, c)
			frontPaths[i] = append(frontPaths[i], p)
			sum[p] += g.s.info[c].text - g.s.info[c].linkText
			in[p]++
		}
	}
	place := ""
	for p, t := range sum {
		if 2*in[p] >= len(l.records) && (place == "" || t > sum[place] || t == sum[place] && p < place) {
			place = p
		}
	}
	paths := make([]string, len(l.records))
	count := map[string]int{}
	for i, r := range l.records {
		var b *html.Node
		if place != "" {
			for j, c := range fronts[i] {
				if frontPaths[i][j] == place {
					b = g.narrow(c)
					break
				}
			}
		}
		if b == nil {
			b = g.bodyOf(r, l.authors[i], l.dates[i])
		}
		l.bodies[i] = b
		if b != nil {
			paths[i] = g.relPath(r, b)
			count[paths[i]]++
		}
	}
	best := ""
	for p, c := range count {
		if c > count[best] || (c == count[best] && p < best) {
			best = p
		}
	}
	l.bodyPath = best
	defer g.unwrapBodies(l)
	if best == "" || 2*count[best] < len(l.records) {
		return
	}
	for i, r := range l.records {
		if paths[i] == best {
			continue
		}
		if b := g.atPath(r, best, l.authors[i], l.dates[i]); b != nil {
			l.bodies[i] = b
		}
	}
}

// unwrapBodies takes, where most bodies are one quotation-like element
// and nothing else (a <blockquote> the program wraps every post in), that
// element for the body: it is the post's text, not a quotation.
func (g *genericReader) unwrapBodies(l *layout) {
	inner := make([]*html.Node, len(l.bodies))
	count := map[string]int{}
	for i, b := range l.bodies {
		if b == nil {
			continue
		}
		for _, q := range topQuotes(b) {
			if 2*g.s.info[q].text >= g.s.info[b].text {
				inner[i] = q
				count[elementKey(q)]++
			}
		}
	}
	for k, c := range count {
		if 5*c < 4*len(l.bodies) {
			continue
		}
		for i, in := range inner {
			if in != nil && elementKey(in) == k {
				l.bodies[i] = in
			}
		}
	}
}

// topQuotes returns the quotations in n that are inside no other.
func topQuotes(n *html.Node) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || silent(c) || isSignature(c) {
				continue
			}
			if isQuoteNode(c) {
				out = append(out, c)
				continue
			}
			walk(c)
		}
	}
	walk(n)
	return out
}

// holdsAny reports whether n holds one of the nodes.
func (g *genericReader) holdsAny(n *html.Node, nodes []*html.Node) bool {
	for _, o := range nodes {
		if g.s.contains(n, o) {
			return true
		}
	}
	return false
}

// holder returns the test of whether an element of record r holds the
// author or the date (or a copy of the date: pages show it twice, for wide
// and narrow screens): the post's frame, not its text.
func (g *genericReader) holder(r, author *html.Node, date *dateCand) func(*html.Node) bool {
	marks := []*html.Node{}
	if author != nil {
		marks = append(marks, author)
	}
	if date != nil {
		for _, d := range g.datesIn([]*html.Node{r})[0] {
			if d.sig == date.sig || d.raw == date.raw && sameTime(d.machine, date.machine) {
				marks = append(marks, d.n)
			}
		}
	}
	return func(n *html.Node) bool {
		for _, m := range marks {
			if g.s.contains(n, m) {
				return true
			}
		}
		return false
	}
}

// bodyOf returns the text block of record r (see chooseBodies).
func (g *genericReader) bodyOf(r, author *html.Node, date *dateCand) *html.Node {
	return g.bodyOutside(r, author, date, nil)
}

// bodyOutside is bodyOf leaving out the elements that hold one of others
// (replies nested in the post).
func (g *genericReader) bodyOutside(r, author *html.Node, date *dateCand, others []*html.Node) *html.Node {
	var best *html.Node
	bestText := 0
	for _, c := range g.frontier(r, author, date, others) {
		if t := g.s.info[c].text - g.s.info[c].linkText; t > bestText {
			best, bestText = c, t
		}
	}
	if best == nil {
		return nil
	}
	return g.narrow(best)
}

// frontier returns the largest elements of record r with text that hold
// neither the author nor the date, nor one of others.
func (g *genericReader) frontier(r, author *html.Node, date *dateCand, others []*html.Node) []*html.Node {
	hold := g.holder(r, author, date)
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || silent(c) || isSignature(c) {
				continue
			}
			inf := g.s.info[c]
			if inf == nil || inf.text == 0 || g.inAny(c, others) || g.holdsAny(c, others) {
				continue
			}
			if hold(c) {
				walk(c)
				continue
			}
			out = append(out, c)
		}
	}
	walk(r)
	return out
}

// narrow descends from n while one child element that is no quotation holds nearly all its text.
func (g *genericReader) narrow(n *html.Node) *html.Node {
	for {
		total := g.s.info[n].text
		var only *html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode && letterCount(c.Data) > 0 {
				return n
			}
			if c.Type != html.ElementNode || g.s.info[c] == nil || g.s.info[c].text == 0 {
				continue
			}
			if heading(c) {
				total -= g.s.info[c].text // a post's title, not its text
				continue
			}
			if only != nil {
				return n
			}
			only = c
		}
		if only == nil || isQuoteNode(only) || !container(only) || 10*g.s.info[only].text < 9*total {
			return n
		}
		n = only
	}
}

// heading reports whether n is a heading element.
func heading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// container reports whether n is an element that wraps a post's text
// rather than being part of it (a paragraph, a list, a bold run): the text
// block is narrowed into containers only, so that it is the same element
// in posts of one paragraph and of many.
func container(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Article, atom.Main, atom.Td, atom.Tr, atom.Tbody, atom.Table, atom.Dd:
		return true
	}
	return false
}

// relPath returns the keys of the elements from r (excluded) down to n.
func (g *genericReader) relPath(r, n *html.Node) string {
	var parts []string
	for a := n; a != nil && a != r; a = a.Parent {
		parts = append(parts, g.elementKey(a))
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return strings.Join(parts, " > ")
}

// atPath returns the element at a relative path below r that holds
// neither the author nor the date, or nil.
func (g *genericReader) atPath(r *html.Node, path string, author *html.Node, date *dateCand) *html.Node {
	keys := strings.Split(path, " > ")
	hold := g.holder(r, author, date)
	var find func(n *html.Node, k int) *html.Node
	find = func(n *html.Node, k int) *html.Node {
		if k == len(keys) {
			if hold(n) {
				return nil
			}
			return n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && g.elementKey(c) == keys[k] {
				if f := find(c, k+1); f != nil {
					return f
				}
			}
		}
		return nil
	}
	return find(r, 0)
}
