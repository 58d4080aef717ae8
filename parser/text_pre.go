package parser

import (
	"strings"
	"unicode/utf8"
)

// Preformatted text (<pre>) keeps its spaces where other text folds and
// trims them: textWriter writes the spaces at its lines' edges as
// private-use runes that finish does not trim, and restores them.

// preEdges returns preformatted text with the spaces and tabs that may
// stand at the edge of a line (in a run of whitespace at the start or end
// of one of its lines) written as preSpace and preTab, which finish keeps
// when it trims lines, and restores. Inside a line nothing is trimmed: a
// code block's other spaces stay as they are, and only its line breaks and
// edges are looked at.
func preEdges(s string) string {
	var out []byte
	last := 0
	protect := func(i, j int) {
		if run := preSpaces.Replace(s[i:j]); len(run) != j-i {
			out = append(append(out, s[last:i]...), run...)
			last = j
		}
	}
	for a := 0; a <= len(s); {
		b := strings.IndexByte(s[a:], '\n')
		if b < 0 {
			b = len(s)
		} else {
			b += a
		}
		lead := a
		for lead < b {
			r, n := utf8.DecodeRuneInString(s[lead:b])
			if !isSpace(r) {
				break
			}
			lead += n
		}
		trail := b
		for trail > lead {
			r, n := utf8.DecodeLastRuneInString(s[lead:trail])
			if !isSpace(r) {
				break
			}
			trail -= n
		}
		if lead > a {
			protect(a, lead)
		}
		if trail < b {
			protect(trail, b)
		}
		a = b + 1
	}
	if out == nil {
		return s
	}
	return string(append(out, s[last:]...))
}

// pairReplacer replaces [0] by [1] and [2] by [3], whole runes by whole
// runes, with strings.ReplaceAll: for runes of several bytes a
// strings.Replacer looks each byte up, at twice the cost.
type pairReplacer [4]string

// Replace returns s with both replacements made.
func (r pairReplacer) Replace(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, r[0], r[1]), r[2], r[3])
}
