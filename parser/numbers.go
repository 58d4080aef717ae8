package parser

import (
	"math"
	"strconv"
	"strings"
	"unicode"
)

// ParseCount returns the integer a page shows as a count: "10,291" and
// "10.291" and "10 291" give 10291, "10.2K" gives 10200, "1,2 тыс." gives 1200,
// "3M" gives 3000000. It reports false when s holds no number.
//
// A single separator followed by exactly three digits is a thousands
// separator ("1,234", "1.234"); otherwise it is a decimal mark ("10.2K", "1,5").
func ParseCount(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	start := strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' })
	if start < 0 {
		return 0, false
	}
	neg := start > 0 && (s[start-1] == '-' || strings.HasSuffix(s[:start], "−"))
	var digits []byte // the integer part, separators removed
	var frac []byte   // digits after a decimal mark
	var seps []byte   // separators seen, in order
	var groups []int  // digit count of each group between separators
	i := start
	n := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits = append(digits, c)
			n++
			i++
			continue
		case c == ',' || c == '.' || c == '\'' || c == ' ':
		case strings.HasPrefix(s[i:], "\u00a0"), strings.HasPrefix(s[i:], "\u202f"), strings.HasPrefix(s[i:], "\u2009"):
			c = ' '
		default:
			goto done
		}
		// a separator: only if a digit follows
		w := sepWidth(s[i:])
		if i+w >= len(s) || s[i+w] < '0' || s[i+w] > '9' {
			goto done
		}
		seps = append(seps, c)
		groups = append(groups, n)
		n = 0
		i += w
	}
done:
	groups = append(groups, n)
	rest := strings.TrimSpace(s[i:])
	// Decide whether the last separator is a decimal mark.
	if k := len(seps); k > 0 {
		last := seps[k-1]
		decimal := false
		switch {
		case last == ' ' || last == '\'':
			decimal = false
		case groups[k] != 3:
			decimal = true
		case k >= 2 && seps[k-2] == last:
			decimal = false // "1,234,567"
		case k >= 2:
			decimal = true // "1.234,567"
		default:
			// "1,234" or "1.234": thousands, unless a multiplier follows ("1.234K" is rare; treat as decimal)
			decimal = multiplier(rest) != 1
		}
		if decimal {
			frac = digits[len(digits)-groups[k]:]
			digits = digits[:len(digits)-groups[k]]
		}
	}
	v, err := strconv.ParseFloat(string(digits)+"."+string(frac)+"0", 64)
	if err != nil {
		return 0, false
	}
	v *= multiplier(rest)
	if neg {
		v = -v
	}
	return int64(math.Round(v)), true
}

func sepWidth(s string) int {
	for _, p := range []string{"\u00a0", "\u202f", "\u2009"} {
		if strings.HasPrefix(s, p) {
			return len(p)
		}
	}
	return 1
}

// multiplier returns the factor a suffix such as "K", "M", "тыс." or "Mio." stands for.
func multiplier(rest string) float64 {
	word := strings.ToLower(strings.TrimLeftFunc(rest, unicode.IsSpace))
	word = strings.TrimRightFunc(word, func(r rune) bool { return r == '.' || unicode.IsSpace(r) })
	if i := strings.IndexFunc(word, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		word = word[:i]
	}
	switch word {
	case "k", "к", "тыс", "t", "tsd", "tys", "mil", "mille":
		return 1e3
	case "m", "mio", "mln", "млн", "mn":
		return 1e6
	case "b", "bn", "mrd", "млрд":
		return 1e9
	}
	return 1
}
