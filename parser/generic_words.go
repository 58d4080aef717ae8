package parser

import (
	"regexp"
	"strings"
)

// wordSet finds any of a list of lower-case words in a text in one pass,
// looking at each byte only for the words that begin with it: the generic
// reader asks it of every link of a page, where a strings.Contains per
// word reads each link twenty times.
type wordSet struct {
	words []string
	first [256][]string  // the words by their first byte
	re    *regexp.Regexp // what it stands for on texts past ASCII, nil for words as they are
}

// newWordSet returns the set of words, which must be lower-case ASCII.
func newWordSet(words ...string) *wordSet {
	ws := &wordSet{words: words}
	for _, w := range words {
		ws.first[w[0]] = append(ws.first[w[0]], w)
	}
	return ws
}

// inLower reports whether strings.ToLower(s) holds one of the words.
func (ws *wordSet) inLower(s string) bool {
	if found, ascii := ws.scan(s); found || ascii {
		return found
	}
	if ws.re != nil {
		return ws.re.MatchString(s)
	}
	return containsAny(strings.ToLower(s), ws.words)
}

// scan looks for the words in s in any ASCII case, up to its first byte
// past ASCII; it reports whether it found one, and whether s was ASCII
// throughout (when it found none).
func (ws *wordSet) scan(s string) (found, ascii bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return false, false // ToLower may change what follows: left to the caller
		}
		for _, w := range ws.first[lowerASCII(c)] {
			if asciiFoldPrefix(s[i:], w) {
				return true, true
			}
		}
	}
	return false, true
}

// foldIn is containsAnyFold(s, ws.words): a word's bytes matched by
// s's bytes with 0x20 set, anywhere in s.
func (ws *wordSet) foldIn(s string) bool {
	for i := 0; i < len(s); i++ {
		for _, w := range ws.first[s[i]|0x20] {
			if i+len(w) <= len(s) && containsFold(s[i:i+len(w)], w) {
				return true
			}
		}
	}
	return false
}

// lowerASCII returns c in lower case if it is an ASCII capital.
func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

var (
	actionSet   = newWordSet(actionWords...)
	relativeSet = newWordSet(relativeDays...)
	trapSet     = newWordSet(crawlTrapWords...)
	// userSet is userWords as words; the regexp reads texts past ASCII,
	// where (?i) also folds "ſ" and "K" (the Kelvin sign).
	userSet = func() *wordSet {
		ws := newWordSet("user", "member", "profil", "author", "people", "membre", "mitglied", "benutzer", "usuario",
			"utente", "?u=", "&u=", ";u=", "/u/", "uid=")
		ws.re = userWords
		return ws
	}()
)
