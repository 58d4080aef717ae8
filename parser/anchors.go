package parser

import (
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// anchor is a name an element must have to match a compound selector.
type anchor struct {
	kind byte // '.' class, '#' id, '[' attribute name, 't' tag
	name string
	atom atom.Atom // a tag's atom, or 0
}

// groupAnchors is what the page index needs of one group of a selector
// list to find its candidates.
type groupAnchors struct {
	last  []anchor   // the names of its last compound: the matched element has them all
	outer [][]anchor // per compound joined to the last by descendant and child combinators only, its names: the match lies inside an element with them
	// lastValues are the attribute values its last compound tests
	// ("a[href*='u=']"): the matched element's values satisfy them all.
	// A compound that needs no name but tests a value the index keeps
	// ("[id^=modified_]") has no last names: its candidates are the
	// elements whose value passes the test.
	lastValues []need
}

var leadingTag = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9-]*`)

// anchorsOf returns the anchors of each group of a selector list; nil when
// a group's last compound needs no name the index keeps (it may be any element).
func anchorsOf(groups []string) []groupAnchors {
	out := make([]groupAnchors, 0, len(groups))
	for _, g := range groups {
		for strings.Contains(g, "(") {
			t := parenthesised.ReplaceAllString(g, "")
			if t == g {
				return nil // unbalanced: assume nothing
			}
			g = t
		}
		parts, combinators := compounds(g)
		if len(parts) == 0 {
			return nil
		}
		ga := groupAnchors{last: compoundAnchors(parts[len(parts)-1]), lastValues: valueNeeds(parts[len(parts)-1])}
		if len(ga.last) == 0 && !slices.ContainsFunc(ga.lastValues, keptValue) {
			return nil
		}
		for i := len(parts) - 2; i >= 0; i-- {
			if c := combinators[i+1]; c == '+' || c == '~' {
				break // a sibling, not an ancestor, from here on
			}
			if as := compoundAnchors(parts[i]); len(as) > 0 {
				ga.outer = append(ga.outer, as)
			}
		}
		out = append(out, ga)
	}
	return out
}

// keptValue reports whether the page index keeps the values of the need's
// attribute, so that it can list the elements whose value passes its test.
func keptValue(n need) bool { return n.name == "id" || valueSlot(n.name) >= 0 }

// compoundAnchors returns the names a compound selector (without
// pseudo-class arguments) needs: its tag, classes, id and attribute names.
func compoundAnchors(c string) []anchor {
	var as []anchor
	if tag := leadingTag.FindString(c); tag != "" {
		tag = strings.ToLower(tag)
		as = append(as, anchor{'t', tag, atom.Lookup([]byte(tag))})
	}
	for _, m := range needPart.FindAllStringSubmatch(c, -1) {
		switch name := strings.ToLower(m[3]); {
		case m[1] != "":
			as = append(as, anchor{kind: m[1][0], name: m[2]})
		case name != "" && name != "id" && name != "class": // not kept as attribute names
			as = append(as, anchor{kind: '[', name: name})
		}
	}
	return as
}

// valueNeeds returns the attribute-value tests of a compound selector
// (without pseudo-class arguments) that the page index can list the
// elements of: an operator of =, ^=, $= or *= with a value, case-sensitive.
func valueNeeds(c string) []need {
	var ns []need
	for _, m := range needPart.FindAllStringSubmatch(c, -1) {
		n := need{kind: '[', name: strings.ToLower(m[3]), op: m[4], value: m[5] + m[6] + m[7]}
		if m[3] == "" || m[8] != "" || n.value == "" || n.needle() == nil {
			continue
		}
		ns = append(ns, n)
	}
	return ns
}

// compounds splits a complex selector (without pseudo-class arguments) into
// its compound selectors, with the combinator before each (' ', '>', '+',
// '~'; 0 before the first).
func compounds(s string) (parts []string, combinators []byte) {
	s = strings.TrimSpace(s)
	start, depth, quote, comb := 0, 0, byte(0), byte(0)
	flush := func(end int) {
		if p := strings.TrimSpace(s[start:end]); p != "" {
			parts = append(parts, p)
			combinators = append(combinators, comb)
			comb = 0
		}
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[':
			depth++
		case c == ']':
			depth--
		case depth == 0 && (c == ' ' || c == '\t' || c == '\n'):
			flush(i)
			start = i + 1
			if comb == 0 && len(parts) > 0 {
				comb = ' '
			}
		case depth == 0 && (c == '>' || c == '+' || c == '~'):
			flush(i)
			start = i + 1
			comb = c
		}
	}
	flush(len(s))
	return parts, combinators
}

// on reports whether element n has the anchor's name.
func (a anchor) on(n *html.Node) bool {
	switch a.kind {
	case '.':
		return hasClass(attr(n, "class"), a.name)
	case '#':
		return attr(n, "id") == a.name
	case '[':
		return hasAttr(n, a.name)
	}
	return n.Data == a.name
}
