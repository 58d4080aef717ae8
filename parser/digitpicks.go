package parser

import (
	"regexp"
	"regexp/syntax"
)

// digitPick returns a hand-written equivalent of re when re is a run of
// single ASCII bytes or byte sets followed by a group of digits, such as
// `[;&?]u=(\d+)`, `topic[=,](\d+)` or `board=(\d+)` (ids in links, read on
// every post and listed thread); nil for any other regexp. Such a regexp has
// no literal prefix when it starts with a set, and Go's engine then tries it
// from every byte of a long session-laden link: some 3µs a link, where the
// equivalent is a scan.
//
// Why it is exact: the match is the leftmost start at which every byte
// stands in its set and a digit follows, and the group is then the longest
// run of digits (\d+ is greedy and nothing follows it). The sets hold ASCII
// bytes only, which never occur inside a multi-byte UTF-8 sequence, and an
// invalid byte matches no set, so scanning bytes finds what scanning runes
// would.
func digitPick(re *regexp.Regexp) func(string) (string, bool) {
	sets, ok := digitPickSets(re.String())
	if !ok {
		return nil
	}
	return func(v string) (string, bool) {
		for i := 0; i+len(sets) < len(v); i++ {
			if !startsWithSets(v[i:], sets) {
				continue
			}
			j := i + len(sets)
			k := j
			for k < len(v) && isDigit(v[k]) {
				k++
			}
			if k > j {
				return v[j:k], true
			}
		}
		return "", false
	}
}

// startsWithSets reports whether each of v's first bytes is in its set.
func startsWithSets(v string, sets []*[256]bool) bool {
	for n, s := range sets {
		if !s[v[n]] {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// digitPickSets returns, for a regexp of the form digitPick takes, the set
// of bytes each position before the group allows.
func digitPickSets(src string) ([]*[256]bool, bool) {
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil || re.Op != syntax.OpConcat || len(re.Sub) < 2 {
		return nil, false
	}
	last := re.Sub[len(re.Sub)-1]
	if last.Op != syntax.OpCapture || last.Cap != 1 || len(last.Sub) != 1 {
		return nil, false
	}
	plus := last.Sub[0]
	if plus.Op != syntax.OpPlus || len(plus.Sub) != 1 || !isDigitClass(plus.Sub[0]) {
		return nil, false
	}
	var sets []*[256]bool
	for _, s := range re.Sub[:len(re.Sub)-1] {
		switch {
		case s.Op == syntax.OpLiteral && s.Flags&syntax.FoldCase == 0:
			for _, r := range s.Rune {
				if r >= 0x80 {
					return nil, false
				}
				var set [256]bool
				set[r] = true
				sets = append(sets, &set)
			}
		case s.Op == syntax.OpCharClass:
			var set [256]bool
			for i := 0; i+1 < len(s.Rune); i += 2 {
				if s.Rune[i+1] >= 0x80 {
					return nil, false
				}
				for r := s.Rune[i]; r <= s.Rune[i+1]; r++ {
					set[r] = true
				}
			}
			sets = append(sets, &set)
		default:
			return nil, false
		}
	}
	return sets, true
}

// isDigitClass reports whether re is the class [0-9] (\d).
func isDigitClass(re *syntax.Regexp) bool {
	return re.Op == syntax.OpCharClass && len(re.Rune) == 2 && re.Rune[0] == '0' && re.Rune[1] == '9'
}
