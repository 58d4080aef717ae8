package parser

import "strings"

// quickPicks are hand-written equivalents of the regexps that engine tables
// use most, to split a profile pair's text ("Posts: 1,234") into its label
// and value: each gives the regexp's group and whether it matched, so that
// alt.filter returns what it would with the regexp. A regexp match here is
// a backtracking run per post and pair, the largest share of a phpBB or
// vBulletin author's cost after the tree walks.
var quickPicks = map[string]func(string) (string, bool){
	`^([^:]+):`:         pickLabel,
	`^[^:]+:\s*(.+)$`:   pickValueAfterLabel,
	`^[^:]*:\s*(\S.*)$`: pickValueAfterColon,
}

// pickLabel is `^([^:]+):`: what stands before the first colon, if anything does.
func pickLabel(v string) (string, bool) {
	i := strings.IndexByte(v, ':')
	if i <= 0 {
		return "", false
	}
	return v[:i], true
}

// pickValueAfterLabel is `^[^:]+:\s*(.+)$` as alt.filter reads it: the rest
// of the line after the first colon and the whitespace after it. A text
// whose first colon is followed by whitespace only matches with a blank
// group, which alt.filter turns into "": that case reports no match.
func pickValueAfterLabel(v string) (string, bool) {
	if i := strings.IndexByte(v, ':'); i <= 0 {
		return "", false
	}
	return pickValueAfterColon(v)
}

// pickValueAfterColon is `^[^:]*:\s*(\S.*)$`: from the first non-space after
// the first colon to the end of the text, which must hold no newline ("."
// does not match one, and "$" is the end of the text).
func pickValueAfterColon(v string) (string, bool) {
	i := strings.IndexByte(v, ':')
	if i < 0 {
		return "", false
	}
	rest := v[i+1:]
	j := 0
	for j < len(rest) && isRegexpSpace(rest[j]) {
		j++
	}
	if j == len(rest) || strings.IndexByte(rest[j:], '\n') >= 0 {
		return "", false
	}
	return rest[j:], true
}

// isRegexpSpace reports whether c is in the regexp class \s, [\t\n\f\r ].
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}
