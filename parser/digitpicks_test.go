package parser

import (
	"regexp"
	"testing"
)

// TestDigitPicksMatchTheirRegexps compares digitPick with its regexp,
// through alt.filter, for every regexp of every built-in table that gets
// one, on every text of up to five pieces drawn from the regexp's own bytes,
// digits, a letter, a multi-byte letter, an invalid byte and a space.
func TestDigitPicksMatchTheirRegexps(t *testing.T) {
	seen := map[string]bool{}
	picked := 0
	check := func(r rule) {
		for _, a := range r.alts {
			if a.re == nil || seen[a.re.String()] || quickPicks[a.re.String()] != nil {
				continue
			}
			src := a.re.String()
			seen[src] = true
			if a.pick == nil {
				continue
			}
			picked++
			pieces := []string{"1", "23", "a", "é", "\xff", " ", "\n"}
			sets, _ := digitPickSets(src)
			for _, s := range sets {
				for c := range 128 {
					if s[c] && c != '1' {
						pieces = append(pieces, string(rune(c)))
					}
				}
			}
			var lit []byte
			for _, s := range sets {
				for c := range 128 {
					if s[c] {
						lit = append(lit, byte(c))
						break
					}
				}
			}
			pieces = append(pieces, string(lit))
			slow, quick := alt{re: a.re}, alt{re: a.re, pick: a.pick}
			eachText(pieces, 4, func(v string) {
				if got, want := quick.filter(v), slow.filter(v); got != want {
					t.Fatalf("%s on %q: digit pick gives %q, the regexp %q", src, v, got, want)
				}
			})
			for _, v := range []string{"index.php?PHPSESSID=5d3a;action=profile;u=12345", "viewtopic.php?f=2&t=77&p=123#p123",
				"index.php/topic,5.20.html", "index.php?board=12.0", "x?u=;u=9", "msg1234"} {
				if got, want := quick.filter(v), slow.filter(v); got != want {
					t.Fatalf("%s on %q: digit pick gives %q, the regexp %q", src, v, got, want)
				}
			}
		}
	}
	for _, e := range BuiltinEngines() {
		c, err := e.rules()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range c.r {
			check(r)
		}
		for _, r := range c.extra {
			check(r)
		}
	}
	t.Logf("%d of the tables' %d regexps have a digit pick", picked, len(seen))
	for _, src := range []string{`[;&?]u=(\d+)`, `topic[=,](\d+)`, `[?&]p=(\d+)`, `board[=,](\d+)`} {
		if !seen[src] {
			t.Errorf("%s: no built-in table uses it any more; update this test", src)
		} else if digitPick(regexp.MustCompile(src)) == nil {
			t.Errorf("%s: no digit pick", src)
		}
	}
	for _, src := range []string{`msg=?(\d+)`, `(\d+)$`, `^p(\d+)$`, `(?i)u=(\d+)`, `u=(\d)`, `u=(\d+)x`, `é=(\d+)`, `(u)=(\d+)`} {
		if digitPick(regexp.MustCompile(src)) != nil {
			t.Errorf("%s: has a digit pick, which it is not the shape for", src)
		}
	}
}

// TestLastDigitsIsTheLastMatchOfDigitRun compares lastDigits with the last
// match of `\d+` on every text of up to six pieces of digits, letters, a
// multi-byte letter, an invalid byte and link punctuation.
func TestLastDigitsIsTheLastMatchOfDigitRun(t *testing.T) {
	pieces := []string{"0", "97", "a", "-", "/", ".", "é", "\xff", "\u0663"}
	eachText(pieces, 6, func(v string) {
		want := ""
		if all := digitRun.FindAllString(v, -1); len(all) > 0 {
			want = all[len(all)-1]
		}
		if got := lastDigits(v); got != want {
			t.Fatalf("lastDigits(%q) = %q, the regexp's last match %q", v, got, want)
		}
	})
}
