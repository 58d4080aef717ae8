package parser

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// dateLike runs on every short text of a page, so its tests of a numeric
// date, a month's name and a day or year number are written out by hand
// (generic_datelike_test.go holds the regexps they stand for and checks
// that they agree); the rarer relative forms keep their regexps.

var (
	// agoNumber matches a relative date with a number ("5 minutes ago", "vor 2 Stunden", "il y a 3 jours").
	agoNumber = regexp.MustCompile(`(?i)\d+\s*\p{L}+\s+ago\b|\bvor\s+\d+\s*\p{L}+|\bil y a\s+\d+|\bhace\s+\d+`)
	// dayWord matches a relative day ("Today", "Gestern", "Hier").
	dayWord = regexp.MustCompile(`(?i)^(?:\W*)(today|yesterday|heute|gestern|aujourd'hui|hier|hoy|ayer|oggi|ieri)\b`)
)

// dateLike reports whether a short text reads as a date: a numeric date, a
// month's name beside a number, a relative date, or a relative day.
func dateLike(s string) bool {
	if s == "" || len(s) > 80 {
		return false
	}
	if !strings.ContainsAny(s, "0123456789") {
		return relativeDay(s)
	}
	if strings.ContainsAny(s, "-/.") && hasNumericDate(s) {
		return true
	}
	letters := false
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c >= 'a' && c <= 'z' || s[i] >= 0x80 {
			letters = true
			break
		}
	}
	if !letters {
		return false
	}
	if containsAnyFold(s, agoWords) && agoNumber.MatchString(s) {
		return true
	}
	if hasDayOrYear(s) && hasMonthName(s) {
		return true
	}
	return relativeDay(s)
}

// agoWords are the words agoNumber looks for, to try it only where one stands.
var agoWords = []string{"ago", "vor ", "il y a", "hace"}

// relativeDays are the words of dayWord, to try it only where one stands.
var relativeDays = []string{"today", "yesterday", "heute", "gestern", "aujourd'hui", "hier", "hoy", "ayer", "oggi", "ieri"}

// relativeDay reports whether s starts with a relative day ("Today, 10:12").
// An ASCII text is read by hand: after what dayWord's \W* skips, one of
// the words in any case, then no letter, digit or underscore.
func relativeDay(s string) bool {
	if hasNonASCII(s) {
		return relativeSet.foldIn(s) && dayWord.MatchString(s)
	}
	i := 0
	for i < len(s) && !isWordByte(s[i]) {
		i++
	}
	rest := s[i:]
	for _, w := range relativeDays {
		if len(rest) >= len(w) && asciiFoldPrefix(rest, w) && (len(rest) == len(w) || !isWordByte(rest[len(w)])) {
			return true
		}
	}
	return false
}

// asciiFoldPrefix reports whether s begins with the lower-case ASCII word
// w, in any case of its letters.
func asciiFoldPrefix(s, w string) bool {
	if len(s) < len(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}

// hasNonASCII reports whether s holds a byte past ASCII.
func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// isWordByte reports an ASCII letter, digit or underscore: what \b of a
// regexp sees as a word's character.
func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// digitsAt returns the number of ASCII digits at s[i:].
func digitsAt(s string, i int) int {
	n := 0
	for i+n < len(s) && s[i+n] >= '0' && s[i+n] <= '9' {
		n++
	}
	return n
}

// hasNumericDate reports whether s holds a numeric date as a word of its
// own: "2019-09-29" (year, month, day) or "22.02.2019", "10/05/2006",
// "04-06-19" (two numbers, then a year of two to four digits), each
// number separated by one of "-/.".
func hasNumericDate(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || i > 0 && isWordByte(s[i-1]) {
			continue
		}
		var runs [3]int
		j, ok := i, true
		for k := range runs {
			runs[k] = digitsAt(s, j)
			j += runs[k]
			if runs[k] == 0 || k < 2 && (j >= len(s) || !strings.ContainsRune("-/.", rune(s[j]))) {
				ok = false
				break
			}
			if k < 2 {
				j++
			}
		}
		if !ok || j < len(s) && isWordByte(s[j]) {
			continue
		}
		a, b, c := runs[0], runs[1], runs[2]
		if a == 4 && b <= 2 && c <= 2 || a <= 2 && b <= 2 && c >= 2 && c <= 4 {
			return true
		}
	}
	return false
}

// hasDayOrYear reports whether s holds a word (a run of ASCII letters,
// digits and underscores) that is a number of one or two digits, or a year
// from 1900 to 2099.
func hasDayOrYear(s string) bool {
	for i := 0; i < len(s); {
		if !isWordByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		if n := digitsAt(s, i); n == j-i && (n <= 2 || n == 4 && (s[i:i+2] == "19" || s[i:i+2] == "20")) {
			return true
		}
		i = j
	}
	return false
}

// monthStems are the names and abbreviations of months in common forum
// languages (English, German, French, Spanish, Italian, Dutch, Portuguese)
// with which a word of a date begins.
var monthStems = []string{"jan", "feb", "febr", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
	"dec", "januar", "februar", "märz", "mai", "juni", "juli", "okt", "dez", "janv", "févr", "fév", "mars", "avr", "juin",
	"juil", "août", "déc", "ene", "abr", "ago", "dic", "gen", "mag", "giu", "lug", "ott", "set", "mei", "maart"}

// hasMonthName reports whether a word of s (a run of letters) begins, in
// any case, with one of monthStems.
func hasMonthName(s string) bool {
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			i += w
			continue
		}
		j := i
		for j < len(s) {
			r, w := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j += w
		}
		if startsWithStem(s[i:j]) {
			return true
		}
		i = j
	}
	return false
}

// startsWithStem reports whether word begins with one of monthStems, in any case.
func startsWithStem(word string) bool {
	if c := word[0] | 0x20; word[0] < utf8.RuneSelf && !strings.ContainsRune("jfmasondegl", rune(c)) {
		return false // no month begins so
	}
	if !hasNonASCII(word) { // only the ASCII stems can begin it, in ASCII case
		for _, stem := range monthStems {
			if asciiFoldPrefix(word, stem) {
				return true
			}
		}
		return false
	}
	for _, stem := range monthStems {
		n := utf8.RuneCountInString(stem)
		k := 0
		for p := 0; p < n && k < len(word); p++ {
			_, w := utf8.DecodeRuneInString(word[k:])
			k += w
		}
		if utf8.RuneCountInString(word[:k]) == n && strings.EqualFold(word[:k], stem) {
			return true
		}
	}
	return false
}
