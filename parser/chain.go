package parser

import (
	"strings"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

// A chain is a selector made only of compound selectors joined by the
// descendant combinator ("ul.pageNav-main li a"), matched from the outside in:
// find the first compound, then look only inside each match for the rest.
// Cascadia matches the same selector from the inside out, testing every
// candidate of the last compound (every link on a page) against its
// ancestors; scoping makes the usual "container item" rules cheap.
// Matches are the same, in document order, except that ancestors above the
// context element do not count.
type chain []matcher

// matcher is what walks need of a selector.
type matcher interface{ Match(*html.Node) bool }

// compileChain returns the chain of css, or nil when css is not a plain
// descendant chain of two or more compounds (groups, ">" "+" "~" combinators).
func compileChain(css string) chain {
	parts := splitTopLevel(css)
	if len(parts) < 2 {
		return nil
	}
	var c chain
	for _, p := range parts {
		if strings.ContainsAny(p, ">+~,") && !insideBrackets(p) {
			return nil
		}
		if g, ok := parseSimple(p); ok {
			c = append(c, g)
			continue
		}
		sel, err := cascadia.Parse(p)
		if err != nil {
			return nil
		}
		c = append(c, sel)
	}
	return c
}

// splitTopLevel splits a selector at the spaces that are not inside
// brackets, parentheses or quotes.
func splitTopLevel(css string) []string {
	var parts []string
	for _, p := range splitOutside(css, ' ') {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return parts
}

// splitOutside splits s at each sep that is not inside brackets,
// parentheses or quotes, and trims the parts.
func splitOutside(s string, sep byte) []string {
	var parts []string
	depth, quote, start := 0, byte(0), 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[' || c == '(':
			depth++
		case c == ']' || c == ')':
			depth--
		case c == sep && depth == 0:
			parts = append(parts, strings.TrimSpace(s[start:i]))
			start = i + 1
		}
	}
	return append(parts, strings.TrimSpace(s[start:]))
}

// insideBrackets reports whether every combinator-like character of p is
// inside an attribute selector or a pseudo-class's parentheses.
func insideBrackets(p string) bool {
	depth := 0
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c == '[' || c == '(':
			depth++
		case c == ']' || c == ')':
			depth--
		case strings.IndexByte(">+~,", c) >= 0 && depth == 0:
			return false
		}
	}
	return true
}

// first returns the first element below or at n that the chain matches, in document order.
func (c chain) first(n *html.Node) *html.Node {
	if len(c) == 1 {
		return firstMatch(c[0], n)
	}
	var found *html.Node
	walkMatches(c[0], n, func(m *html.Node) bool {
		for k := m.FirstChild; k != nil && found == nil; k = k.NextSibling {
			found = c[1:].first(k)
		}
		return found == nil
	})
	return found
}

// all returns every element below or at n that the chain matches, in document order.
func (c chain) all(n *html.Node, out []*html.Node) []*html.Node {
	if len(c) == 1 {
		return appendMatches(c[0], n, out)
	}
	walkMatches(c[0], n, func(m *html.Node) bool {
		for k := m.FirstChild; k != nil; k = k.NextSibling {
			out = c[1:].all(k, out)
		}
		return true
	})
	return out
}

// matchUp reports whether the chain, searched from ctx, finds n (at or
// below ctx): n matches the last compound, and ancestors of n up to ctx
// (ctx included) match the others, in order. Matching each compound to the
// nearest ancestor that matches it finds every match of descendant combinators.
func (c chain) matchUp(n, ctx *html.Node) bool {
	k := len(c) - 1
	if !c[k].Match(n) {
		return false
	}
	k--
	for a := n; a != ctx && k >= 0; {
		a = a.Parent
		if a == nil {
			return false
		}
		if a.Type == html.ElementNode && c[k].Match(a) {
			k--
		}
	}
	return k < 0
}

// walkMatches calls f for each element at or below n that sel matches, in
// document order, without descending into a match (the chain's rest searches
// it); it stops when f returns false.
func walkMatches(sel matcher, n *html.Node, f func(*html.Node) bool) bool {
	if n.Type == html.ElementNode && sel.Match(n) {
		return f(n)
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if !walkMatches(sel, k, f) {
			return false
		}
	}
	return true
}

// firstMatch returns the first element at or below n that sel matches.
func firstMatch(sel matcher, n *html.Node) *html.Node {
	if n.Type == html.ElementNode && sel.Match(n) {
		return n
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if m := firstMatch(sel, k); m != nil {
			return m
		}
	}
	return nil
}

// appendMatches appends every element at or below n that sel matches, nested ones too, in document order.
func appendMatches(sel matcher, n *html.Node, out []*html.Node) []*html.Node {
	if n.Type == html.ElementNode && sel.Match(n) {
		out = append(out, n)
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		out = appendMatches(sel, k, out)
	}
	return out
}
