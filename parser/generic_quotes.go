package parser

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// prevElement returns n's previous element sibling, or nil.
func prevElement(n *html.Node) *html.Node {
	for c := n.PrevSibling; c != nil; c = c.PrevSibling {
		if c.Type == html.ElementNode {
			return c
		}
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return nil
		}
	}
	return nil
}

// attributionLead matches the words that come before a quoted author's name.
var attributionLead = regexp.MustCompile(`(?i)^(?:quote from:|zitat von:|citation de:|quote:|zitat:|citation\s?:|originally posted by|quote)\s*`)

// attributionTail matches the words that come after a quoted author's name,
// and a date the attribution gives ("X on May 05, 2020, 05:14 AM").
var attributionTail = regexp.MustCompile(`(?i)(?:\s+(?:said|wrote|schrieb|a écrit|a dit|escribió|ha scritto|написал\(а\)|írta|zei|skrev))?\s*:?\s*[↑^]?\s*$`)

// attributionDate matches a date after the quoted author's name.
var attributionDate = regexp.MustCompile(`(?i)\s+(?:on|am|le|el)\s+.*\d.*$`)

// isAttribution reports whether a line reads as a quote's attribution ("X wrote:", "Quote from: X on ...").
func isAttribution(s string) bool {
	if s == "" || len(s) > 160 || strings.ContainsRune(s, '\n') {
		return false
	}
	t := strings.TrimRight(s, " ↑^")
	return strings.HasSuffix(t, ":") || attributionLead.MatchString(s)
}

// quoteOf returns a quotation: its author from its attribution (the line
// before it, its <cite>, or its first line), and its text without that line.
func quoteOf(q, before *html.Node) Quote {
	var line string
	var skip *html.Node
	if before != nil {
		line = nodeText(before)
	} else if c := firstOf(q, atom.Cite); c != nil {
		line, skip = nodeText(c), c
	}
	text := textOf(q, genericText(func(n *html.Node) bool { return n == skip }))
	if line == "" {
		first, rest, _ := strings.Cut(text, "\n")
		if isAttribution(first) {
			line, text = first, strings.TrimSpace(rest)
		}
	}
	return Quote{Author: quoteAuthor(line), Text: text}
}

// quoteAuthor returns the quoted author's name from an attribution line.
func quoteAuthor(line string) string {
	s := attributionLead.ReplaceAllString(strings.TrimSpace(line), "")
	s = attributionTail.ReplaceAllString(s, "")
	s = attributionDate.ReplaceAllString(s, "")
	return strings.TrimSpace(s)
}

// firstOf returns the first element of the given kind below n, or nil.
func firstOf(n *html.Node, a atom.Atom) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == a {
			return c
		}
		if f := firstOf(c, a); f != nil {
			return f
		}
	}
	return nil
}
