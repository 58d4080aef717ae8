package parser

import (
	"regexp"
	"testing"
)

// TestQuickPicksMatchTheirRegexps compares each quick pick with its regexp,
// through alt.filter, on every text of up to five pieces drawn from colons,
// the regexp's spaces, a non-breaking space, letters, a multi-byte letter and
// an invalid byte, and on some real profile texts.
func TestQuickPicksMatchTheirRegexps(t *testing.T) {
	pieces := []string{":", " ", "\n", "\t", "\r", "\f", "\v", "\u00a0", "a", "é", "\xff", "Posts"}
	texts := []string{"", "Posts: 1,234", "Joined: Tue Dec 31, 2019 2:22 pm", "Location:\n  Paris", "Location: Paris\n",
		"Posts:\u00a0 12", "no colon", ":leading colon", "Join Date: Jun 2012\nPosts: 4"}
	eachText(pieces, 5, func(s string) { texts = append(texts, s) })
	for src, pick := range quickPicks {
		re := regexp.MustCompile(src)
		slow, quick := alt{re: re}, alt{re: re, pick: pick}
		for _, v := range texts {
			if got, want := quick.filter(v), slow.filter(v); got != want {
				t.Fatalf("%s on %q: quick pick gives %q, the regexp %q", src, v, got, want)
			}
		}
	}
}

// TestCountPicksMatchTheirRegexps compares the listed-thread count picks
// with their regexps, through alt.filter, on every text of up to five pieces
// drawn from digits, dots, commas, the regexp's spaces, a non-breaking
// space, letters, a multi-byte letter and an invalid byte.
func TestCountPicksMatchTheirRegexps(t *testing.T) {
	pieces := []string{"1", "23", ".", ",", " ", "\n", "\t", "a", "é", "\xff", "\u00a0"}
	texts := []string{"12 Replies 1.234 Views", "Replies: 12\nViews: 1,234", "12 345", "1,2.3 4", "no count"}
	eachText(pieces, 5, func(s string) { texts = append(texts, s) })
	for _, src := range []string{`^\D*(\d[\d.,\s]*)`, `^\D*\d[\d.,\s]*\D+?(\d[\d.,\s]*)`} {
		pick := quickPicks[src]
		if pick == nil {
			t.Fatalf("%s: no quick pick", src)
		}
		re := regexp.MustCompile(src)
		slow, quick := alt{re: re}, alt{re: re, pick: pick}
		for _, v := range texts {
			if got, want := quick.filter(v), slow.filter(v); got != want {
				t.Fatalf("%s on %q: quick pick gives %q, the regexp %q", src, v, got, want)
			}
		}
	}
}
