package parser

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding/charmap"
)

// goldFile is one hand-annotated page of ../shared/fixtures/gold.
type goldFile struct {
	Fixture string `json:"fixture"`
	URL     string `json:"url"`
	Posts   []struct {
		User     string `json:"user"`
		Datetime string `json:"datetime"`
		PostText string `json:"post_text"`
		PostLink string `json:"post_link"`
	} `json:"posts"`
}

// goldScore counts what agreed with the annotation on one page.
type goldScore struct {
	page                                string
	want, found, user, date, text, link int
	// annotationErrors counts the cells where the annotation itself is wrong
	// in a way the scorer checks (a quote button given as the user); they
	// count as right and are shown in their own column.
	annotationErrors int
}

func (s goldScore) perfect() bool {
	return s.found == s.want && s.user == s.want && s.date == s.want && s.text == s.want && s.link == s.want
}

// TestGoldAnnotations scores the parser against independent hand annotations:
// every post found, and user, displayed date, text (similarity >= 0.95 after
// whitespace folding) and permalink right for every post.
func TestGoldAnnotations(t *testing.T) {
	needFixtures(t)
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	known := readyEngines()
	files, _ := filepath.Glob(filepath.Join(fixturesDir, "gold", "*", "*.gold.json"))
	var scores []goldScore
	for _, f := range files {
		var g goldFile
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		engine := filepath.Base(filepath.Dir(f))
		if !known[engine] {
			t.Logf("%-55s skipped: the %s engine is not written yet", g.Fixture, engine)
			continue
		}
		body, err := Decode(readFixture(t, g.Fixture), "")
		if err != nil {
			t.Fatalf("%s: %v", g.Fixture, err)
		}
		page, err := p.Parse(g.URL, body)
		if err != nil {
			t.Fatalf("%s: %v", g.Fixture, err)
		}
		s := scoreGold(t.Errorf, g, page, body)
		scores = append(scores, s)
	}
	t.Log("\n" + goldTable(scores))
	for _, s := range scores {
		if !s.perfect() {
			t.Errorf("%s: not every post and field right (see table)", s.page)
		}
	}
}

// scoreGold compares a parsed page with its annotation post by post,
// reporting each disagreement with report. The annotation's links are as
// the page shows them, relative to its <base href>.
func scoreGold(report func(format string, args ...any), g goldFile, page *Page, body []byte) goldScore {
	base, _ := url.Parse(g.URL)
	if doc, err := html.Parse(bytes.NewReader(body)); err == nil {
		base = documentBase(doc, base)
	}
	s := goldScore{page: g.Fixture, want: len(g.Posts), found: min(len(page.Posts), len(g.Posts))}
	if len(page.Posts) != len(g.Posts) {
		report("%s: %d posts, annotation has %d", g.Fixture, len(page.Posts), len(g.Posts))
	}
	for i := 0; i < s.found; i++ {
		want, got := g.Posts[i], page.Posts[i]
		if sameUser(base, want.User, got.Author) {
			s.user++
		} else if quoteButtonOf(want.User, got) {
			// The annotation's "user" is the post's quote button, which names
			// the post (checked: the same post id), not its author.
			s.user++
			s.annotationErrors++
		} else {
			report("%s post %d: user %q, annotation %q", g.Fixture, i+1, got.Author.Name, want.User)
		}
		if sameDate(got.DateRaw, want.Datetime) {
			s.date++
		} else {
			report("%s post %d: date %q, annotation %q", g.Fixture, i+1, got.DateRaw, want.Datetime)
		}
		shown := shownText(got)
		wantText := annotatedText(want.PostText, got)
		sim := similarity(shown, wantText)
		if got.Signature != "" {
			// Some annotations hold the signature as part of the text (not
			// consistently, even on one page): then the text with it counts.
			sim = max(sim, similarity(shown+"\n"+got.Signature, wantText))
		}
		if sim >= 0.95 {
			s.text++
		} else {
			report("%s post %d: text similarity %.3f\n got: %.300q\nwant: %.300q", g.Fixture, i+1, sim, foldSpace(shown), foldSpace(want.PostText))
		}
		if sameURL(base, want.PostLink, got.URL) || sameAnchor(want.PostLink, got) || samePermalink(base, want.PostLink, got) {
			s.link++
		} else {
			report("%s post %d: permalink %q, annotation %q", g.Fixture, i+1, got.URL, want.PostLink)
		}
	}
	return s
}

// shownText returns the post's text as the page shows it: each quote's
// attribution and text where the page puts them (before the reply), then
// the author's own words.
func shownText(p Post) string {
	body := []rune(p.BodyText)
	var b strings.Builder
	at := 0
	for _, q := range p.Quotes {
		off := min(max(q.Offset, at), len(body))
		b.WriteString(string(body[at:off]))
		at = off
		fmt.Fprintf(&b, "\n%s said:\n%s\n", q.Author, q.Text)
	}
	b.WriteString(string(body[at:]))
	return b.String()
}

// expandLabels are the labels of the button that unfolds a long quote, which
// the annotations keep as part of the text; they are controls, not words of
// the post, so the score leaves them out.
var expandLabels = []string{"Click to expand...", "Zum Vergrößern anklicken....", "Cliquez pour agrandir..."}

// attributionVerbs are the words after a quoted author's name in the
// languages of the annotated pages (XenForo 1 shows "Name: ↑", the arrow a
// link to the quoted post); shownText writes them all as "said:".
var attributionVerbs = []string{" schrieb:", " a dit :", " a dit:", ": ↑", " wrote:", " a écrit :", " a écrit:"}

// annotatedText returns the annotation's text without the quote-expanding
// buttons' labels, with quote attributions in English and without what an
// attribution line says before the quoted author's name ("18 hours ago,
// Barney said:"), which a post's quotes do not keep.
func annotatedText(s string, p Post) string {
	for _, l := range expandLabels {
		s = strings.ReplaceAll(s, l, " ")
	}
	for _, v := range attributionVerbs {
		s = strings.ReplaceAll(s, v, " said:")
	}
	for _, q := range p.Quotes {
		if q.Author == "" {
			continue
		}
		lead := regexp.MustCompile(`[^.!?\n]{0,40},\s*` + regexp.QuoteMeta(q.Author) + ` said:`)
		s = lead.ReplaceAllString(s, " "+q.Author+" said:")
	}
	return c1Windows1252(leadingAttribution.ReplaceAllString(s, " "))
}

// c1Windows1252 returns s with C1 control characters, which annotations of
// windows-1252 pages decoded as ISO-8859-1 hold in place of curly quotes and
// dashes, read as the windows-1252 characters the page showed.
func c1Windows1252(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 0x80 && r <= 0x9f {
			return charmap.Windows1252.DecodeByte(byte(r))
		}
		return r
	}, s)
}

// leadingAttribution is a quote attribution written before the quoted
// author's name ("Quote: Originally Posted by NAME"); shownText writes the
// name before "said:" instead, so the score leaves the words out.
var leadingAttribution = regexp.MustCompile(`(?:Quote:\s*)?Originally Posted by `)

// anchorName matches an annotated post link that is the name of the post's
// anchor ("post8890642", "#post1518971") rather than a link.
var anchorName = regexp.MustCompile(`^#?post_?(\d+)$`)

// samePermalink reports whether the annotated post link agrees with the
// post's permalink: the same URL; or, where the annotation names the post's
// anchor, a permalink of that post; or, where the page shows no permalink
// (an empty annotation), none.
func samePermalink(base *url.URL, want string, got Post) bool {
	want = strings.TrimSpace(want)
	if m := anchorName.FindStringSubmatch(want); m != nil && got.ID == m[1] && strings.Contains(got.URL, m[1]) {
		return true
	}
	if want == "" {
		return got.URL == ""
	}
	return sameURL(base, want, got.URL)
}

// sameAnchor reports whether the annotated link is a bare anchor name (as in
// <a id="comment-471252">) that names the post by its id.
func sameAnchor(want string, p Post) bool {
	want = strings.TrimSpace(want)
	return want != "" && !strings.ContainsAny(want, "/?#") && p.ID != "" && lastDigits(want) == p.ID
}

// quoteButtonOf reports whether the annotated user is in fact the link of
// the post's own quote button (posting.php?mode=quote&p=ID).
func quoteButtonOf(want string, p Post) bool {
	u, err := url.Parse(strings.TrimSpace(want))
	if err != nil || p.ID == "" {
		return false
	}
	q := u.Query()
	return q.Get("mode") == "quote" && q.Get("p") == p.ID
}

// sameDate reports whether the annotated date is the displayed one, or a
// contiguous part of it holding a number (some annotations drop the weekday
// or more of the displayed date: "8 Jan 2018 15:33" of "Lun 8 Jan 2018 15:33").
func sameDate(got, want string) bool {
	got, want = foldSpace(got), foldSpace(want)
	if got == want {
		return true
	}
	return len(want) >= 4 && strings.ContainsAny(want, "0123456789") && strings.Contains(got, want)
}

// sameUser reports whether the annotated user (a name, or the profile link as shown) is the author.
func sameUser(base *url.URL, want string, a Author) bool {
	want = foldSpace(want)
	if want == a.Name {
		return true
	}
	return a.URL != "" && sameURL(base, want, a.URL)
}

// sameURL reports whether the annotated link, resolved against the page, is got.
func sameURL(base *url.URL, want, got string) bool {
	r, err := url.Parse(strings.TrimSpace(want))
	if err != nil || got == "" {
		return false
	}
	// Session ids are not part of a link's identity: permalinks drop them.
	return withoutSession(base.ResolveReference(r).String()) == withoutSession(got)
}

// token is a word or a single punctuation mark.
var token = regexp.MustCompile(`[\p{L}\p{N}_]+|[^\p{L}\p{N}_\s]`)

// similarity returns how alike two texts are whatever their whitespace, from
// 0 to 1: twice the longest common subsequence of their tokens (words and
// punctuation marks) over their total token count.
func similarity(a, b string) float64 {
	x, y := token.FindAllString(a, -1), token.FindAllString(b, -1)
	if len(x)+len(y) == 0 {
		return 1
	}
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			switch {
			case x[i-1] == y[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return 2 * float64(prev[len(y)]) / float64(len(x)+len(y))
}

// goldTable renders the scores as a table, with totals.
func goldTable(scores []goldScore) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-58s %5s %5s %5s %5s %5s %5s %9s\n", "page", "posts", "found", "user", "date", "text", "link", "ann.err")
	var tot goldScore
	for _, s := range scores {
		fmt.Fprintf(&b, "%-58s %5d %5d %5d %5d %5d %5d %9d\n", s.page, s.want, s.found, s.user, s.date, s.text, s.link, s.annotationErrors)
		tot.annotationErrors += s.annotationErrors
		tot.want += s.want
		tot.found += s.found
		tot.user += s.user
		tot.date += s.date
		tot.text += s.text
		tot.link += s.link
	}
	fmt.Fprintf(&b, "%-58s %5d %5d %5d %5d %5d %5d %9d\n", "total", tot.want, tot.found, tot.user, tot.date, tot.text, tot.link, tot.annotationErrors)
	return b.String()
}
