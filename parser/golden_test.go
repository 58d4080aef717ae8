package parser

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files from the parser's output (review them by hand against the page)")

// goldenURLs are the URLs the fixture pages were served from, per the manifest.
var goldenURLs = map[string]string{
	"xenforo2/android-hilfe-de_faq-galaxy-s10_german.html":    "https://www.android-hilfe.de/forum/samsung-allgemein.423/faq-diskussion-zum-kauf-samsung-galaxy-s10-s10e-s10-snapdragon-variante.904645.html",
	"xenforo2/macrumors_se-or-11.html":                        "https://forums.macrumors.com/threads/se-or-11.2231616/",
	"xenforo2/statcounter_custom-tags-examples.html":          "https://forum.statcounter.com/threads/custom-tags-examples.44340/",
	"xenforo2/wordreference_adding-accent-marks.html":         "https://forum.wordreference.com/threads/adding-accent-marks-accent-marks-are-mandatory-in-french.557434/",
	"xenforo2/xenforo-com-community_a-dark-theme-option.html": "https://xenforo.com/community/threads/a-dark-theme-option.8276/",
}

// goldenPage is what a golden file holds: the parsed page with each post's
// author beside it and body_html cut to its length and first characters
// (the full HTML is the page's own, not ours to review).
type goldenPage struct {
	Page    *Page        `json:"page"`
	Authors []Author     `json:"authors"`
	HTML    []goldenHTML `json:"body_html"`
}

type goldenHTML struct {
	Len   int    `json:"len"`
	Start string `json:"start"`
}

// TestGolden compares the parse of every fixture page of each engine with its
// reviewed golden file, and checks the manifest's post count.
func TestGolden(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, fx := range manifest(t, "xenforo2") {
		t.Run(fx.File, func(t *testing.T) {
			u, ok := goldenURLs[fx.File]
			if !ok {
				t.Fatalf("no URL known for %s: add it to goldenURLs", fx.File)
			}
			page, err := p.Parse(u, readFixture(t, fx.File))
			if err != nil {
				t.Fatal(err)
			}
			if len(page.Posts) != fx.Posts {
				t.Errorf("%d posts, manifest says %d", len(page.Posts), fx.Posts)
			}
			got := marshalGolden(t, page)
			path := filepath.Join("testdata", strings.TrimSuffix(fx.File, ".html")+".golden.json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("golden file: %v (run go test -run TestGolden -update, then review it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("parse differs from %s:\n%s", path, lineDiff(string(want), string(got)))
			}
		})
	}
}

func marshalGolden(t *testing.T, page *Page) []byte {
	g := goldenPage{Page: page}
	for i := range page.Posts {
		g.Authors = append(g.Authors, page.Posts[i].Author)
		h := page.Posts[i].BodyHTML
		g.HTML = append(g.HTML, goldenHTML{Len: len(h), Start: string([]rune(h)[:min(60, len([]rune(h)))])})
	}
	cp := *page
	cp.Posts = append([]Post(nil), page.Posts...)
	for i := range cp.Posts {
		cp.Posts[i].BodyHTML = ""
	}
	g.Page = &cp
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(g); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// lineDiff returns the first lines where want and got differ, with a little context.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d\n  want: %s\n   got: %s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}
