package parser

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// renderMarkup writes the markup of n's children to b as html.Render writes
// each child, for the markup of a post's body (body_html), and reports
// whether it could: it writes text, comments and HTML elements, and
// reports false, having written part of them, at anything else (an element
// of SVG or MathML, a namespaced attribute, a void element with children, a
// <plaintext>, text inside <script>, <style>, <iframe>, <noscript> and
// the like, whose rendering depends on namespaces up the tree, or a node
// of another type); the caller then renders with html.Render. html.Render
// writes through an interface, a call for each piece, and looks for the
// characters it escapes with strings.IndexAny, which builds its set of
// bytes on each call: a sixth of a post's cost on long-post pages.
func renderMarkup(b *bytes.Buffer, n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !renderNode(b, c) {
			return false
		}
	}
	return true
}

// renderNode writes n as html.Render does, or reports false (see renderMarkup).
func renderNode(b *bytes.Buffer, n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		escapeMarkup(b, n.Data)
		return true
	case html.CommentNode:
		return html.Render(b, n) == nil // a comment alone, written as in the tree
	case html.ElementNode:
	default:
		return false
	}
	if n.Namespace != "" || n.Data == "plaintext" || rawTextElement(n.Data) && n.FirstChild != nil {
		return false
	}
	b.WriteByte('<')
	b.WriteString(n.Data)
	for _, a := range n.Attr {
		if a.Namespace != "" {
			return false
		}
		b.WriteByte(' ')
		b.WriteString(a.Key)
		b.WriteString(`="`)
		escapeMarkup(b, a.Val)
		b.WriteByte('"')
	}
	if voidElement(n.Data) {
		if n.FirstChild != nil {
			return false // html.Render fails there
		}
		b.WriteString("/>")
		return true
	}
	b.WriteByte('>')
	if c := n.FirstChild; c != nil && c.Type == html.TextNode && strings.HasPrefix(c.Data, "\n") {
		switch n.Data {
		case "pre", "listing", "textarea":
			b.WriteByte('\n') // a newline that a parser would drop
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !renderNode(b, c) {
			return false
		}
	}
	b.WriteString("</")
	b.WriteString(n.Data)
	b.WriteByte('>')
	return true
}

// rawTextElement reports whether html.Render may write the text inside such
// an element as it is, unescaped (a <plaintext> also ends its rendering).
func rawTextElement(tag string) bool {
	switch tag {
	case "iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "xmp":
		return true
	}
	return false
}

// voidElement reports whether html.Render writes the element as void ("<br/>").
func voidElement(tag string) bool {
	switch tag {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr":
		return true
	}
	return false
}

// escaped holds, for each byte that html.Render escapes, its escape.
var escaped = [256]string{'&': "&amp;", '\'': "&#39;", '<': "&lt;", '>': "&gt;", '"': "&#34;", '\r': "&#13;"}

// escapeMarkup writes s to b with the characters html.Render escapes escaped.
func escapeMarkup(b *bytes.Buffer, s string) {
	for {
		i := 0
		for i < len(s) && escaped[s[i]] == "" {
			i++
		}
		if i == len(s) {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i])
		b.WriteString(escaped[s[i]])
		s = s[i+1:]
	}
}
