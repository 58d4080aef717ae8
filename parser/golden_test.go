package parser

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// fixtureTime stands for the fetch time of the fixture pages, so that
// relative dates in golden files do not change from day to day.
var fixtureTime = time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)

var update = flag.Bool("update", false, "rewrite the golden files from the parser's output (review them by hand against the page)")

// manifestEngines maps the engine names of MANIFEST.tsv to forumcrawl's engines.
var manifestEngines = map[string]string{
	"xenforo2": "xenforo2", "xenforo1": "xenforo1", "phpbb3": "phpbb",
	"vbulletin3": "vbulletin", "vbulletin4": "vbulletin", "vbulletin5": "vbulletin", "vbulletin-sa-custom": "vbulletin",
	"smf": "smf", "smf2": "smf", "invision": "invision", "vanilla": "vanilla",
	"discourse": "discourse", "discourse-json": "discourse",
}

// readyEngines returns the names of the built-in engines that can claim pages.
func readyEngines() map[string]bool {
	out := map[string]bool{}
	for _, e := range BuiltinEngines() {
		if e.Ready() {
			out[e.Name] = true
		}
	}
	return out
}

// manifestURL matches the page URL that a manifest note gives.
var manifestURL = regexp.MustCompile(`url=(https?://[^\s)]+?)[,;]?(?:[\s)]|$)`)

// fixtureURL returns the URL a fixture page was served from: the manifest's
// note, else the page's own canonical link, else the site's root.
func fixtureURL(fx fixture, body []byte) string {
	if m := manifestURL.FindStringSubmatch(fx.Notes); m != nil {
		return m[1]
	}
	if u := GuessURL(body); u != "" {
		return u
	}
	site := strings.Fields(fx.Site + " x")[0]
	return "https://" + strings.TrimSuffix(site, "/") + "/"
}

// listed matches a board page's thread count in the manifest ("thread list: 27 threads").
var listed = regexp.MustCompile(`(\d+) (?:topics|threads|thread rows)`)

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
	ready := readyEngines()
	annotated := annotatedPostCounts(t)
	for _, fx := range manifest(t) {
		engine, ok := manifestEngines[fx.Engine]
		if !ok || !ready[engine] {
			continue
		}
		t.Run(fx.File, func(t *testing.T) {
			raw := readFixture(t, fx.File)
			body, err := Decode(raw, "")
			if err != nil {
				t.Fatal(err)
			}
			page, err := p.ParseAt(fixtureURL(fx, body), body, fixtureTime)
			if err != nil {
				t.Fatal(err)
			}
			if page.Engine != engine {
				t.Errorf("engine %q (evidence %v), want %s", page.Engine, page.Evidence, engine)
			}
			if n, ok := annotated[fx.File]; ok && n != fx.Posts {
				if len(page.Posts) != n {
					t.Errorf("%d posts, hand annotation says %d (manifest %d)", len(page.Posts), n, fx.Posts)
				}
			} else if len(page.Posts) != fx.Posts {
				t.Errorf("%d posts, manifest says %d", len(page.Posts), fx.Posts)
			}
			if m := listed.FindStringSubmatch(fx.PostsRaw); m != nil {
				if page.Board == nil || strconv.Itoa(len(page.Board.Threads)) != m[1] {
					t.Errorf("not a board page of %s threads: kind %s", m[1], page.Kind)
				}
			}
			checkGoldenFile(t, filepath.Join("testdata", strings.TrimSuffix(strings.TrimSuffix(fx.File, ".html"), ".json")+".golden.json"), page)
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

// annotatedPostCounts returns the number of posts each hand-annotated page
// holds, by fixture file. Where it differs from the manifest's count, the
// annotation, which lists every post, is the truth (the manifest may count
// post-like elements that are not posts, such as ad slots in a post list).
func annotatedPostCounts(t *testing.T) map[string]int {
	files, _ := filepath.Glob(filepath.Join(fixturesDir, "gold", "*", "*.gold.json"))
	out := map[string]int{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g goldFile
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out[g.Fixture] = len(g.Posts)
	}
	return out
}

// checkGoldenFile compares a page with its reviewed golden file, rewriting
// it under -update (then review the change against the page).
func checkGoldenFile(t *testing.T, path string, page *Page) {
	t.Helper()
	got := marshalGolden(t, page)
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
		t.Fatalf("golden file: %v (run the test with -update, then review the file against the page)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("parse differs from %s:\n%s", path, lineDiff(string(want), string(got)))
	}
}
