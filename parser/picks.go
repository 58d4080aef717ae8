package parser

import "strings"

// quickPicks are hand-written equivalents of the regexps that engine tables
// use most, to split a profile pair's text ("Posts: 1,234") into its label
// and value, and to read a listed thread's counts: each gives the regexp's group and whether it matched, so that
// alt.filter returns what it would with the regexp. A regexp match here is
// a backtracking run per post and pair, the largest share of a phpBB or
// vBulletin author's cost after the tree walks.
var quickPicks = map[string]func(string) (string, bool){
	`^([^:]+):`:         pickLabel,
	`^[^:]+:\s*(.+)$`:   pickValueAfterLabel,
	`^[^:]*:\s*(\S.*)$`: pickValueAfterColon,

	`^\D*(\d[\d.,\s]*)`:                pickFirstCount,
	`^\D*\d[\d.,\s]*\D+?(\d[\d.,\s]*)`: pickSecondCount,

	// per post (postpicks.go)
	`«\s*(?:[^:»]*:\s)?\s*(.+?)\s*»`: pickSMFHeaderDate,
	`#\s*\d+`:                        pickHashNumber,
	`:\s*(.+)$`:                      pickAfterAnyColon,
	`»\s*(\S.*)$`:                    pickAfterGuillemet,
	`^(.*?)\s*:?$`:                   pickLabelBeforeColon,
	`^p(\d+)$`:                       func(v string) (string, bool) { return pickTrailingDigits(v, "p", true) },
	`(\d+)$`:                         func(v string) (string, bool) { return pickTrailingDigits(v, "", false) },
	`#post(\d+)$`:                    func(v string) (string, bool) { return pickTrailingDigits(v, "#post", false) },
	`([^#?]+)$`:                      pickAfterHashOrQuery,
	`^(.+?) posted:$`:                pickBeforePosted,
	`:\s+(.*?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)`: pickSMFEditTime,
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

// pickFirstCount is `^\D*(\d[\d.,\s]*)`, a listed thread's first count
// ("12 Replies 1.234 Views" -> "12 "): from the first digit, the run of
// digits, dots, commas and spaces. Digits are ASCII, which never occur
// inside a multi-byte sequence, so bytes can be scanned.
func pickFirstCount(v string) (string, bool) {
	i := firstDigit(v, 0)
	if i < 0 {
		return "", false
	}
	return v[i:countRunEnd(v, i+1)], true
}

// pickSecondCount is `^\D*\d[\d.,\s]*\D+?(\d[\d.,\s]*)`, the second count
// ("12 Replies 1.234 Views" -> "1.234 "), as the regexp's backtracking
// finds it: the first count's run is greedy, so the count after the run
// wins; when no digit follows the run, the run gives back from its end
// and the group is its last part after a dot, comma or space ("12 345" ->
// "345").
func pickSecondCount(v string) (string, bool) {
	i := firstDigit(v, 0)
	if i < 0 {
		return "", false
	}
	e := countRunEnd(v, i+1)
	if q := firstDigit(v, e+1); e < len(v) && q >= 0 {
		return v[q:countRunEnd(v, q+1)], true
	}
	for p := e - 2; p > i; p-- {
		if !isDigit(v[p]) && isDigit(v[p+1]) {
			return v[p+1 : e], true
		}
	}
	return "", false
}

// firstDigit returns the index of the first ASCII digit of v at or after from, or -1.
func firstDigit(v string, from int) int {
	for j := from; j < len(v); j++ {
		if isDigit(v[j]) {
			return j
		}
	}
	return -1
}

// countRunEnd returns where the run of [\d.,\s] that starts at from ends.
func countRunEnd(v string, from int) int {
	j := from
	for j < len(v) && (isDigit(v[j]) || v[j] == '.' || v[j] == ',' || isRegexpSpace(v[j])) {
		j++
	}
	return j
}
