package parser

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// The regexps that hasNumericDate, hasMonthName and hasDayOrYear stand for.
var (
	numericDateRE = regexp.MustCompile(`\b(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})\b`)
	monthNameRE   = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(jan|feb|febr|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|januar|februar|märz|mai|juni|juli|okt|dez|janv|févr|fév|mars|avr|juin|juil|août|déc|ene|abr|ago|dic|gen|mag|giu|lug|ott|set|mei|maart|okt)\p{L}*\.?(?:[^\p{L}]|$)`)
	dayOrYearRE   = regexp.MustCompile(`\b\d{1,2}\b|\b(?:19|20)\d{2}\b`)
	digitsRE      = regexp.MustCompile(`\d+`) // what digitsTo9 and withoutDigits replace
)

// dateTestTexts returns short texts to try the date tests on: written
// cases, every short text of the shared fixtures, and random strings of
// the characters the tests turn on.
func dateTestTexts(t *testing.T) []string {
	texts := []string{"", "2019-09-29", "22.02.2019", "10/05/2006", "04-06-2019", "1.2.3", "12345-1-1", "2019-09-299",
		"a2019-09-29", "2019-09-29a", "_1/2/33", "v1.2.3", "1.2.33333", "x 1.2.33 y", "12.12.12.12", "Jan 5", "März 2020",
		"MÄRZ 3", "ſeptember 3", "Settings 12", "market 2020", "Dec.5", "5 déc. 2019", "DÉC 1999", "2100 Jan", "1999", "x_12",
		"août 31", "AOÛT", "/Posting.php?mode=REPLY", "LIKE", "Javascript:void(0)", "İnfo", "li\u212ae", "Today, 10:12", " \n\tyesterday", "«Heute»", "hierarchy", "Hier à 10h", "todays", "_today",
		"Aujourd'hui", "aujourd\x07hui", "/Posting.php?mode=REPLY", "LIKE", "Javascript:void(0)", "İnfo", "li\u212ae",
		"forum.example/memberlist.php?mode=viewprofile&U=5", "x.org/USERS/ſ", "/u/12", "a.b/index.php;U=3", "ußer", "aUTHOR", "yeſterday hier", "ſtoday", "  Gestern\n", "HOY", "ieri_", "oggi!", "AYER 5", "x today", "Posted: Mon Jan 07, 2020 9:14 pm", "Válasz #9 Dátum: 2011-05-18,", "Aujourd'hui, 10h12", "123 mai"}
	eachHTMLFixture(t, func(fx fixture, body []byte, doc *html.Node) {
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.TextNode && len(foldSpace(n.Data)) <= 80 {
				texts = append(texts, foldSpace(n.Data))
			}
			for _, a := range n.Attr {
				if len(a.Val) <= 80 {
					texts = append(texts, a.Val)
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
	})
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("0123456789012345-/._ a:JjMmAaÄäRrSsEePpÉéÛûKſ\u212aDdCcTtOo\n\t\u00a0'uidbnlgqwyhkUIDBNLGQWYHK?&;=/")
	words := []string{"today", "Yesterday", "HEUTE", "gestern", "aujourd'hui", "hier", "hoy", "Ayer", "oggi", "ieri"}
	words = append(append(append(words, actionWords...), crawlTrapWords...), userSet.words...)
	for _, w := range words {
		if rng.IntN(2) == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		for range 500 {
			pre, post := make([]rune, rng.IntN(3)), make([]rune, rng.IntN(3))
			for i := range pre {
				pre[i] = alphabet[rng.IntN(len(alphabet))]
			}
			for i := range post {
				post[i] = alphabet[rng.IntN(len(alphabet))]
			}
			texts = append(texts, string(pre)+w+string(post))
		}
	}
	for range 50000 {
		r := make([]rune, 1+rng.IntN(14))
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		texts = append(texts, string(r))
	}
	return texts
}

// TestDateTestsAgreeWithRegexps checks the hand-written date, digit and
// word tests against the regexps and lower-cased searches they stand for, on every text the tests may meet.
func TestDateTestsAgreeWithRegexps(t *testing.T) {
	for _, s := range dateTestTexts(t) {
		for _, c := range []struct {
			name string
			got  bool
			re   *regexp.Regexp
		}{
			{"hasNumericDate", hasNumericDate(s), numericDateRE},
			{"hasMonthName", hasMonthName(s), monthNameRE},
			{"hasDayOrYear", hasDayOrYear(s), dayOrYearRE},
		} {
			if want := c.re.MatchString(s); c.got != want {
				t.Errorf("%s(%q) = %v, its regexp says %v", c.name, s, c.got, want)
			}
		}
		if got, want := relativeDay(s), containsAnyFold(s, relativeDays) && dayWord.MatchString(s); got != want {
			t.Errorf("relativeDay(%q) = %v, its regexp says %v", s, got, want)
		}
		if !hasNonASCII(s) && !strings.ContainsAny(s, "0123456789") && relativeDay(s) != relativeDay(foldSpace(s)) {
			t.Errorf("relativeDay(%q) changes with folding", s)
		}
		if got, want := relativeSet.foldIn(s), containsAnyFold(s, relativeDays); got != want {
			t.Errorf("relativeSet.foldIn(%q) = %v, want %v", s, got, want)
		}
		if containsAnyFold(s, relativeDays) != containsAnyFold(foldSpace(s), relativeDays) {
			t.Errorf("containsAnyFold(%q) changes with folding", s)
		}
		if got, want := actionSet.inLower(s), containsAny(strings.ToLower(s), actionWords); got != want {
			t.Errorf("actionSet.inLower(%q) = %v, want %v", s, got, want)
		}
		if got, want := trapSet.inLower(s), containsAny(strings.ToLower(s), crawlTrapWords); got != want {
			t.Errorf("trapSet.inLower(%q) = %v, want %v", s, got, want)
		}
		if got, want := userSet.inLower(s), userWords.MatchString(s); got != want {
			t.Errorf("userSet.inLower(%q) = %v, want %v", s, got, want)
		}
		if got, want := digitsTo9(s), digitsRE.ReplaceAllString(s, "9"); got != want {
			t.Errorf("digitsTo9(%q) = %q, want %q", s, got, want)
		}
		if got, want := withoutDigits(s), digitsRE.ReplaceAllString(s, ""); got != want {
			t.Errorf("withoutDigits(%q) = %q, want %q", s, got, want)
		}
	}
}
