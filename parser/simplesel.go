package parser

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// simpleSel is a compound selector of a tag, an id and classes only
// ("div.message-body", ".pairs", "#posts"): the form of most rules, matched
// here without the allocations and scans of a general selector engine.
type simpleSel struct {
	tag     string
	id      string
	classes []string
}

// simpleGroup is a comma-separated group of simple selectors.
type simpleGroup []simpleSel

var simpleForm = regexp.MustCompile(`^([a-zA-Z][a-zA-Z0-9-]*)?((?:[.#][a-zA-Z0-9_-]+)*)$`)

// parseSimple returns css as a simple group, or false when any part of it is
// more than a tag, an id and classes.
func parseSimple(css string) (simpleGroup, bool) {
	var g simpleGroup
	for _, part := range strings.Split(css, ",") {
		part = strings.TrimSpace(part)
		m := simpleForm.FindStringSubmatch(part)
		if m == nil || part == "" {
			return nil, false
		}
		s := simpleSel{tag: strings.ToLower(m[1])}
		rest := m[2]
		for rest != "" {
			kind := rest[0]
			rest = rest[1:]
			end := strings.IndexAny(rest, ".#")
			if end < 0 {
				end = len(rest)
			}
			if kind == '#' {
				s.id = rest[:end]
			} else {
				s.classes = append(s.classes, rest[:end])
			}
			rest = rest[end:]
		}
		g = append(g, s)
	}
	return g, len(g) > 0
}

// Match reports whether n matches any selector of the group.
func (g simpleGroup) Match(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	for i := range g {
		if g[i].match(n) {
			return true
		}
	}
	return false
}

func (s *simpleSel) match(n *html.Node) bool {
	if s.tag != "" && n.Data != s.tag {
		return false
	}
	if s.id != "" && attr(n, "id") != s.id {
		return false
	}
	if len(s.classes) == 0 {
		return true
	}
	class := attr(n, "class")
	for _, c := range s.classes {
		if !hasClass(class, c) {
			return false
		}
	}
	return true
}

// hasClass reports whether the whitespace-separated list holds the class c.
func hasClass(list, c string) bool {
	for i := 0; ; {
		j := strings.Index(list[i:], c)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(c)
		if (start == 0 || isClassSpace(list[start-1])) && (end == len(list) || isClassSpace(list[end])) {
			return true
		}
		i = start + 1
	}
}

func isClassSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' }
