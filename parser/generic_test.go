package parser

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// goldFiles returns the hand-annotated pages of the shared fixtures.
func goldFiles(t *testing.T) []goldFile {
	t.Helper()
	needFixtures(t)
	files, _ := filepath.Glob(filepath.Join(fixturesDir, "gold", "*", "*.gold.json"))
	var out []goldFile
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g goldFile
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out = append(out, g)
	}
	return out
}

// TestGenericGold scores the generic extractor, forced on every annotated
// page (also those of engines with their own rules), against the hand
// annotations: every post found, and user, date, text and permalink right
// for at least 95% of the posts of all pages together.
func TestGenericGold(t *testing.T) {
	p, err := New(Options{Engine: GenericEngine})
	if err != nil {
		t.Fatal(err)
	}
	verbose := os.Getenv("GENERIC_VERBOSE") != ""
	var scores []goldScore
	var misses []string
	only := os.Getenv("GENERIC_ONLY") // a part of a fixture name, to look at one page
	for _, g := range goldFiles(t) {
		if only != "" && !strings.Contains(g.Fixture, only) {
			continue
		}
		body, err := Decode(readFixture(t, g.Fixture), "")
		if err != nil {
			t.Fatalf("%s: %v", g.Fixture, err)
		}
		page, err := p.ParseAt(g.URL, body, fixtureTime)
		if err != nil {
			t.Fatalf("%s: %v", g.Fixture, err)
		}
		if page.Engine != GenericEngine || page.Kind != KindThread {
			t.Errorf("%s: engine %q kind %q (confidence %.2f, warnings %q), want a generic thread", g.Fixture, page.Engine, page.Kind, page.Confidence, page.Warnings)
		}
		s := scoreGold(func(format string, args ...any) {
			misses = append(misses, fmt.Sprintf(format, args...))
		}, g, page, body)
		scores = append(scores, s)
	}
	t.Log("\n" + goldTable(scores) + goldRates(scores))
	if verbose {
		t.Log("\n" + strings.Join(misses, "\n"))
	}
	var tot goldScore
	for _, s := range scores {
		if s.found != s.want {
			t.Errorf("%s: %d of %d posts found", s.page, s.found, s.want)
		}
		tot.want += s.want
		tot.user += s.user
		tot.date += s.date
		tot.text += s.text
		tot.link += s.link
	}
	for _, f := range []struct {
		name string
		n    int
	}{{"user", tot.user}, {"date", tot.date}, {"text", tot.text}, {"permalink", tot.link}} {
		if 100*f.n < 95*tot.want {
			t.Errorf("%s right for %d of %d posts, below 95%%", f.name, f.n, tot.want)
		}
	}
}

// goldRates returns each field's share of right posts over all pages.
func goldRates(scores []goldScore) string {
	var tot goldScore
	for _, s := range scores {
		tot.want += s.want
		tot.found += s.found
		tot.user += s.user
		tot.date += s.date
		tot.text += s.text
		tot.link += s.link
	}
	if tot.want == 0 {
		return ""
	}
	pc := func(n int) float64 { return 100 * float64(n) / float64(tot.want) }
	return fmt.Sprintf("%-58s %4.0f%% %4.0f%% %4.0f%% %4.0f%% %4.0f%% %4.0f%%\n", "share of annotated posts", 100.0,
		pc(tot.found), pc(tot.user), pc(tot.date), pc(tot.text), pc(tot.link))
}

// TestGenericManifestCounts checks the generic extractor on the pages of
// forum programs without their own rules: the manifest's post count exactly.
func TestGenericManifestCounts(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	fxs := manifest(t, "fluxbb", "phorum", "inyoka", "nodebb")
	if len(fxs) == 0 {
		t.Fatal("no fixtures of fluxbb, phorum, inyoka or nodebb in the manifest")
	}
	for _, fx := range fxs {
		t.Run(fx.File, func(t *testing.T) {
			body, err := Decode(readFixture(t, fx.File), "")
			if err != nil {
				t.Fatal(err)
			}
			page, err := p.ParseAt(fixtureURL(fx, body), body, fixtureTime)
			if err != nil {
				t.Fatal(err)
			}
			if page.Engine != GenericEngine || page.Kind != KindThread {
				t.Fatalf("engine %q kind %q (confidence %.2f, warnings %q), want a generic thread", page.Engine, page.Kind, page.Confidence, page.Warnings)
			}
			if len(page.Posts) != fx.Posts {
				t.Errorf("%d posts, manifest says %d", len(page.Posts), fx.Posts)
			}
			for i, post := range page.Posts {
				if post.Author.Name == "" || post.DateRaw == "" && post.PostedAt == nil || post.BodyText == "" {
					t.Errorf("post %d: author %q date %q text %.40q: a field is empty", i+1, post.Author.Name, post.DateRaw, post.BodyText)
				}
			}
			t.Logf("%d posts, confidence %.2f, first: %s / %s / %v / %s", len(page.Posts), page.Confidence,
				page.Posts[0].Author.Name, page.Posts[0].DateRaw, page.Posts[0].PostedAt, page.Posts[0].URL)
		})
	}
}

// TestGenericNegatives checks that pages holding no posts (forum indexes
// and thread lists of several programs) give no posts with the generic
// extractor forced.
func TestGenericNegatives(t *testing.T) {
	p, err := New(Options{Engine: GenericEngine})
	if err != nil {
		t.Fatal(err)
	}
	var n int
	for _, fx := range manifest(t) {
		if fx.Posts != 0 || !strings.HasPrefix(fx.PostsRaw, "0") {
			continue
		}
		n++
		t.Run(fx.File, func(t *testing.T) {
			body, err := Decode(readFixture(t, fx.File), "")
			if err != nil {
				t.Fatal(err)
			}
			page, err := p.ParseAt(fixtureURL(fx, body), body, fixtureTime)
			if err != nil {
				t.Fatal(err)
			}
			if len(page.Posts) != 0 || page.Kind == KindThread {
				t.Errorf("%s: kind %q with %d posts (confidence %.2f), want no posts", fx.PostsRaw, page.Kind, len(page.Posts), page.Confidence)
			}
			t.Logf("kind %q, confidence %.2f, %d links", page.Kind, page.Confidence, len(page.Links))
		})
	}
	if n == 0 {
		t.Fatal("no index or board pages in the manifest")
	}
}
