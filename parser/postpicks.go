package parser

import "strings"

// The picks below are hand-written equivalents of the regexps that SMF,
// phpBB and vBulletin tables run on every post (its date line, position,
// id and profile pairs; see quickPicks). Each gives the regexp's group, or
// its whole match when it has none, and whether it matched, as the regexp
// would: leftmost match, greedy and lazy parts as Go's engine takes them,
// "." never a newline, "$" the end of the text and \s the bytes of
// isRegexpSpace. The delimiters they look for are ASCII or, for « and »,
// two-byte sequences whose lead byte never continues another sequence, so
// scanning bytes finds what the engine's scan of runes finds.

const (
	laquo = "«"
	raquo = "»"
)

// skipRegexpSpace returns the index of the first byte at or after i that is not in \s.
func skipRegexpSpace(v string, i int) int {
	for i < len(v) && isRegexpSpace(v[i]) {
		i++
	}
	return i
}

// pickSMFHeaderDate is `«\s*(?:[^:»]*:\s)?\s*(.+?)\s*»`, SMF's header line
// ("« Reply #3 on: December 18, 2019, 10:12:00 am »" -> "December 18, 2019,
// 10:12:00 am"): after the first «, and after a label up to a colon and a
// space when one comes before any », the shortest text to the next »
// (spaces before the » left out). Where that fails, the regexp backtracks
// as lazyToGuillemet and the loop below spell out; at the next « otherwise.
func pickSMFHeaderDate(v string) (string, bool) {
	for p := strings.Index(v, laquo); p >= 0; {
		r := v[p+len(laquo):]
		a := skipRegexpSpace(r, 0)
		if q := strings.IndexAny(r[a:], ":"+raquo); q >= 0 && r[a+q] == ':' && a+q+1 < len(r) && isRegexpSpace(r[a+q+1]) {
			if g, ok := lazyToGuillemet(r, a+q+2); ok {
				return g, true
			}
		}
		if g, ok := lazyToGuillemet(r, a); ok {
			return g, true
		}
		// The leading \s* gives back spaces: the group may then be one of
		// them, when a » follows them at once.
		if strings.HasPrefix(r[a:], raquo) {
			for i := a - 1; i >= 0; i-- {
				if r[i] != '\n' {
					return r[i : i+1], true
				}
			}
		}
		next := strings.Index(r, laquo)
		if next < 0 {
			break
		}
		p += len(laquo) + next
	}
	return "", false
}

// lazyToGuillemet is `\s*(.+?)\s*»` matched at r[c:]: the group starts
// after the spaces and ends where only spaces stand before the first » past
// its first byte; it holds no newline. When that fails and a » follows the
// spaces at once, the spaces give one back and the group is that space.
func lazyToGuillemet(r string, c int) (string, bool) {
	s := skipRegexpSpace(r, c)
	if s < len(r) {
		if m := strings.Index(r[s+1:], raquo); m >= 0 {
			m += s + 1
			e := m
			for e > s+1 && isRegexpSpace(r[e-1]) {
				e--
			}
			if strings.IndexByte(r[s:e], '\n') < 0 {
				return r[s:e], true
			}
		}
	}
	if strings.HasPrefix(r[s:], raquo) {
		for i := s - 1; i >= c; i-- {
			if r[i] != '\n' {
				return r[i : i+1], true
			}
		}
	}
	return "", false
}

// pickHashNumber is `#\s*\d+` (no group: the whole match), a post's shown
// number ("Reply #12" -> "#12"): the first # followed by spaces and a digit,
// with its run of digits.
func pickHashNumber(v string) (string, bool) {
	for p := strings.IndexByte(v, '#'); p >= 0; {
		d := skipRegexpSpace(v, p+1)
		if d < len(v) && isDigit(v[d]) {
			e := d + 1
			for e < len(v) && isDigit(v[e]) {
				e++
			}
			return v[p:e], true
		}
		next := strings.IndexByte(v[p+1:], '#')
		if next < 0 {
			break
		}
		p += 1 + next
	}
	return "", false
}

// pickAfterAnyColon is `:\s*(.+)$`: the rest of the text after the first
// colon from which it holds no newline past the spaces that follow the
// colon. Where only spaces follow, the spaces give back and the group is
// blank (a match, but alt.filter then returns "").
func pickAfterAnyColon(v string) (string, bool) {
	return restAfter(v, ":", false)
}

// pickAfterGuillemet is `»\s*(\S.*)$`, phpBB's post line ("by X » Tue Dec
// 31, 2019 2:22 pm" -> "Tue Dec 31, 2019 2:22 pm"): the rest after the
// first » from which a non-space follows and no newline comes after it.
func pickAfterGuillemet(v string) (string, bool) {
	return restAfter(v, raquo, true)
}

// restAfter is `SEP\s*(.+)$` (or `SEP\s*(\S.*)$` when nonSpace is set),
// tried from each SEP in turn.
func restAfter(v, sep string, nonSpace bool) (string, bool) {
	for p := strings.Index(v, sep); p >= 0; {
		r := v[p+len(sep):]
		s := skipRegexpSpace(r, 0)
		switch {
		case s < len(r):
			if strings.IndexByte(r[s:], '\n') < 0 {
				return r[s:], true
			}
		case !nonSpace && s > 0 && r[s-1] != '\n':
			return r[s-1:], true // the spaces give back their last one
		}
		next := strings.Index(r, sep)
		if next < 0 {
			break
		}
		p += len(sep) + next
	}
	return "", false
}

// pickLabelBeforeColon is `^(.*?)\s*:?$`, phpBB's pair label ("Posts:" ->
// "Posts"): the whole text without one final colon and the spaces before
// it, or without its final spaces; no match when that part holds a newline.
func pickLabelBeforeColon(v string) (string, bool) {
	e := len(v)
	if e > 0 && v[e-1] == ':' {
		e--
	}
	for e > 0 && isRegexpSpace(v[e-1]) {
		e--
	}
	if strings.IndexByte(v[:e], '\n') >= 0 {
		return "", false
	}
	return v[:e], true
}

// pickTrailingDigits is `PREFIX(\d+)$` (with a leading ^ when anchored):
// the digits that end the text, when the prefix stands just before them
// (and, anchored, is all that does). The prefix ends in a non-digit, or is
// empty, so the digits' run is the group.
func pickTrailingDigits(v, prefix string, anchored bool) (string, bool) {
	s := len(v)
	for s > 0 && isDigit(v[s-1]) {
		s--
	}
	if s == len(v) || !strings.HasSuffix(v[:s], prefix) || anchored && s != len(prefix) {
		return "", false
	}
	return v[s:], true
}

// pickAfterHashOrQuery is `([^#?]+)$`: what follows the last # or ?, when
// anything does.
func pickAfterHashOrQuery(v string) (string, bool) {
	i := strings.LastIndexAny(v, "#?") + 1
	if i == len(v) {
		return "", false
	}
	return v[i:], true
}

// pickBeforePosted is `^(.+?) posted:$`, a vBulletin 2 quote's header ("X
// posted:" -> "X"): the text before " posted:" at its end, when it is not
// empty and holds no newline.
func pickBeforePosted(v string) (string, bool) {
	g, ok := strings.CutSuffix(v, " posted:")
	if !ok || g == "" || strings.IndexByte(g, '\n') >= 0 {
		return "", false
	}
	return g, true
}

// pickSMFEditTime is `:\s+(.*?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)`,
// SMF's edit note ("Last Edit: Today at 04:31 AM by carol.m" -> "Today at
// 04:31 AM"): after the first colon that spaces follow, the text up to the
// first time of day on its line, with its seconds and its am or pm.
func pickSMFEditTime(v string) (string, bool) {
	for p := strings.IndexByte(v, ':'); p >= 0; {
		if s := skipRegexpSpace(v, p+1); s > p+1 {
			for k := s; k < len(v) && v[k] != '\n'; k++ {
				if end := clockEnd(v, k); end > 0 {
					return v[s:end], true
				}
			}
		}
		next := strings.IndexByte(v[p+1:], ':')
		if next < 0 {
			break
		}
		p += 1 + next
	}
	return "", false
}

// clockEnd returns where `\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?`
// matched at k ends, or 0 when it does not match there.
func clockEnd(v string, k int) int {
	digitsAt := func(i, n int) bool {
		for j := i; j < i+n; j++ {
			if j >= len(v) || !isDigit(v[j]) {
				return false
			}
		}
		return true
	}
	var end int
	switch {
	case digitsAt(k, 2) && k+2 < len(v) && v[k+2] == ':' && digitsAt(k+3, 2):
		end = k + 5
	case digitsAt(k, 1) && k+1 < len(v) && v[k+1] == ':' && digitsAt(k+2, 2):
		end = k + 4
	default:
		return 0
	}
	if end < len(v) && v[end] == ':' && digitsAt(end+1, 2) {
		end += 3
	}
	j := skipRegexpSpace(v, end)
	if j < len(v) && strings.IndexByte("AaPp", v[j]) >= 0 {
		j++
		if j < len(v) && v[j] == '.' {
			j++
		}
		if j < len(v) && (v[j] == 'M' || v[j] == 'm') {
			j++
			if j < len(v) && v[j] == '.' {
				j++
			}
			end = j
		}
	}
	return end
}
