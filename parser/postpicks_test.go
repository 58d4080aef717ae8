package parser

import (
	"regexp"
	"testing"
)

// TestPostPicksMatchTheirRegexps compares each per-post pick with its
// regexp, through alt.filter, on every text of up to six pieces drawn from
// what the regexp looks for (its delimiters, spaces, a newline, digits)
// and what it must pass over (letters, a multi-byte letter, a non-breaking
// space, an invalid byte), and on header lines and links from the fixtures.
func TestPostPicksMatchTheirRegexps(t *testing.T) {
	base := []string{" ", "\n", "a", "\xff"}
	cases := []struct {
		src    string
		pieces []string
		depth  int
		real   []string
	}{
		{`«\s*(?:[^:»]*:\s)?\s*(.+?)\s*»`, []string{"«", "»", ":", "\t", "1"}, 6, []string{
			"« Reply #3 on: December 18, 2019, 10:12:00 am »", "« Válasz #75 Dátum: 2012-12-27, 20:44:14 »",
			"« on: Today at 04:31:22 AM »", "«: »", "« »", "«»", "«a»»", "«\n»", "« \n»", "\n« a »", "«a\n» « b »",
			"« Reply #1 on:\u00a0May 2, 2018 »", "« x: y: z »", "« : »", "«:  »", "«: \n»",
		}},
		{`#\s*\d+`, []string{"#", "1", "23", "\t"}, 6, []string{"Reply #12 on: May 2", "« Válasz # 75 »", "#a #3", "##1"}},
		{`:\s*(.+)$`, []string{":", "\t", "\r", "é"}, 6, []string{"Posts: 1,234", "Karma: +3/-0", "a:\nb: c", "a: \n", "a:  ", "a:\n "}},
		{`»\s*(\S.*)$`, []string{"»", "\t", "\u00a0", "b"}, 6, []string{
			"by alice » Tue Dec 31, 2019 2:22 pm", "Post by bob » Mon Jan 1, 2018", "» x\n» y", "»  ", "a »\n b",
		}},
		{`^(.*?)\s*:?$`, []string{":", "\t", "\u00a0", "b"}, 6, []string{"Posts:", "Joined :", "Location", "a:\n", "a : :", "a\n:"}},
		{`^p(\d+)$`, []string{"p", "1", "23", "pp"}, 6, []string{"p12345", "post12", "p", "p12a", "pp1"}},
		{`(\d+)$`, []string{"1", "23", "/", "-"}, 6, []string{"profile12", "post_content12", "12", "a1b2"}},
		{`#post(\d+)$`, []string{"#post", "#", "post", "1", "23", "?"}, 5, []string{
			"showthread.php?p=1#post123", "#post#post1", "#post12a", "a#post1#post2",
		}},
		{`([^#?]+)$`, []string{"#", "?", "b", "\t"}, 6, []string{"May 3, 2019 12:00#123", "x?y#z", "#", "?"}},
		{`:\s+(.*?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)`, []string{":", ": ", "1", "12", "P", ".", "m", "M"}, 5, []string{
			"Last Edit: Today at 04:31 AM by carol.m", "Utoljára szerkesztve: 2011-08-22, 18:23:13 írta X",
			"Last Edit: December 18, 2019, 10:12:00 am by X", "a: 123:45", "a: 1:2: 3:45 p.m.", "a: 1:23:4", "a: 12:34 \n pm",
			"a: 12:34 P.x", "a:\n12:34", "a: x\n12:34", "a:b 12:30", "a: 1:23a.M.",
		}},
		{`^(.+?) posted:$`, []string{" posted:", " posted", ":", "posted:", "b"}, 5, []string{
			"alice posted:", " posted:", "a posted: posted:", "a\nb posted:", "a posted:\n",
		}},
	}
	for _, c := range cases {
		pick := quickPicks[c.src]
		if pick == nil {
			t.Fatalf("%s: no quick pick", c.src)
		}
		re := regexp.MustCompile(c.src)
		slow, quick := alt{re: re}, alt{re: re, pick: pick}
		pieces := append(append([]string{}, base...), c.pieces...)
		texts := append([]string{""}, c.real...)
		eachText(pieces, c.depth, func(s string) { texts = append(texts, s) })
		for _, v := range texts {
			if got, want := quick.filter(v), slow.filter(v); got != want {
				t.Fatalf("%s on %q: quick pick gives %q, the regexp %q", c.src, v, got, want)
			}
		}
	}
}
