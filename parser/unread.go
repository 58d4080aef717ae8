package parser

import (
	"bytes"
	"io"
	"reflect"
	"slices"
	"strings"
)

// minUnread is the shortest attribute value an unread attribute loses
// before its page is parsed: shorter ones cost html.Parse next to nothing.
const minUnread = 4 << 10

// unreadAttrs returns the attributes named by the engines' UnreadAttrs
// that no engine's rules or markers mention (a site's override may read
// one), each as the bytes that open its value: `name=`.
func unreadAttrs(engines []*Engine) [][]byte {
	var out [][]byte
	for _, e := range engines {
		out = append(out, unreadAttrsOf(e, engines)...)
	}
	return out
}

// unreadAttrsOf returns the attributes of e's UnreadAttrs that no engine of
// engines mentions, as unreadAttrs does.
func unreadAttrsOf(e *Engine, engines []*Engine) [][]byte {
	var out [][]byte
names:
	for _, name := range e.UnreadAttrs {
		for _, other := range engines {
			if other.mentions(name) {
				continue names
			}
		}
		out = append(out, []byte(name+"="))
	}
	return out
}

// mentions reports whether any selector or marker of e names attr.
func (e *Engine) mentions(attr string) bool {
	for _, m := range e.Markers {
		if ruleMentions(m.Rule, attr) {
			return true
		}
	}
	for _, r := range e.Selectors.Extra {
		if ruleMentions(r, attr) {
			return true
		}
	}
	v := reflect.ValueOf(e.Selectors)
	for _, i := range selectorFields {
		if ruleMentions(v.Field(i).Interface().(Rule), attr) {
			return true
		}
	}
	return false
}

// ruleMentions reports whether an alternative of r names attr.
func ruleMentions(r Rule, attr string) bool {
	for _, a := range r {
		if strings.Contains(a, attr) {
			return true
		}
	}
	return false
}

// withoutUnread returns a reader of body with the values of the unread
// attributes left out where they are at least minUnread bytes long:
// Discourse's data-preloaded JSON is four fifths of a topic page's bytes,
// and unescaping it was half of html.Parse's work on one. A value is left
// out only where its name follows white space, it is quoted, and it holds
// no '<' or '>', so that leaving it out cannot change where any element
// starts or ends, whatever the surrounding markup (even where the name only
// looks like an attribute, inside a script or text). The attribute stays,
// with an empty value. body itself is not changed.
func withoutUnread(body []byte, attrs [][]byte) io.Reader {
	var cuts [][2]int // the values left out, as [start, end) of body
	for _, name := range attrs {
		for at := 0; ; {
			i := bytes.Index(body[at:], name)
			if i < 0 {
				break
			}
			i += at
			at = i + len(name)
			if i == 0 || !isHTMLSpace(body[i-1]) || at >= len(body) || (body[at] != '"' && body[at] != '\'') {
				continue
			}
			n := bytes.IndexByte(body[at+1:], body[at])
			if n < 0 {
				break
			}
			value := body[at+1 : at+1+n]
			at += 1 + n
			if n >= minUnread && bytes.IndexByte(value, '<') < 0 && bytes.IndexByte(value, '>') < 0 {
				cuts = append(cuts, [2]int{at - n, at})
			}
		}
	}
	if cuts == nil {
		return bytes.NewReader(body)
	}
	slices.SortFunc(cuts, func(a, b [2]int) int { return a[0] - b[0] })
	parts := make([]io.Reader, 0, len(cuts)+1)
	from := 0
	for _, c := range cuts {
		if c[0] < from { // inside a value already left out
			continue
		}
		parts = append(parts, bytes.NewReader(body[from:c[0]]))
		from = c[1]
	}
	return io.MultiReader(append(parts, bytes.NewReader(body[from:]))...)
}

// isHTMLSpace reports whether c is white space between attributes.
func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}
