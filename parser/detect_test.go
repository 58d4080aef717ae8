package parser

import (
	"slices"
	"strings"
	"testing"
)

func TestDetectScoresEveryEngineBestFirst(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, fx := range manifest(t) {
		engine, ok := manifestEngines[fx.Engine]
		if !ok || !strings.HasSuffix(fx.File, ".html") || seen[fx.Engine] {
			continue
		}
		seen[fx.Engine] = true // one page of each kind of engine the manifest names
		t.Run(fx.File, func(t *testing.T) {
			body, err := Decode(readFixture(t, fx.File), "")
			if err != nil {
				t.Fatal(err)
			}
			ds := p.Detect(body)
			if len(ds) != len(p.Engines()) {
				t.Fatalf("%d detections, want one for each of the %d engines", len(ds), len(p.Engines()))
			}
			if !ds[0].Claims() || ds[0].Engine.Name != engine {
				t.Errorf("best is %s (score %d), want %s claiming the page", ds[0].Engine.Name, ds[0].Score, engine)
			}
			if len(ds[0].Evidence) == 0 {
				t.Error("the best detection gives no evidence")
			}
			if !slices.IsSortedFunc(ds, func(a, b Detection) int { return b.Score - a.Score }) {
				t.Error("detections are not best first")
			}
			page, err := p.Parse(fixtureURL(fx, body), body)
			if err != nil {
				t.Fatal(err)
			}
			if page.Engine != ds[0].Engine.Name || !slices.Equal(page.Evidence, ds[0].Evidence) {
				t.Errorf("Parse chose %s %q, Detect %s %q", page.Engine, page.Evidence, ds[0].Engine.Name, ds[0].Evidence)
			}
		})
	}
	t.Run("a page of no forum", func(t *testing.T) {
		ds := p.Detect([]byte("\xef\xbb\xbf<html><body><h1>Recipes</h1><div class=post>soup</div></body></html>"))
		if len(ds) == 0 || ds[0].Claims() {
			t.Errorf("detections %+v, want none claiming", ds)
		}
	})
}

// testEngine is a small engine for pages written in the tests.
func testEngine() *Engine {
	return &Engine{
		Name:    "testforum",
		Markers: []Marker{{Rule{"body.testforum"}, 4, "testforum body"}},
		Selectors: Selectors{
			IsThread:   Rule{"div.thread", "div.topic"},
			Post:       Rule{"div.post", "li.post"},
			AuthorName: Rule{".name"},
			Body:       Rule{".text"},
		},
	}
}

func TestWarningsNameTheRuleThatFoundNothing(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		warns []string
	}{
		{"no post names the post rule and the thread rule that matched",
			`<div class=topic><div class=entry><b class=name>ann</b><p class=text>hi</p></div></div>`,
			[]string{`thread page yielded no posts: selector post found nothing (tried "div.post" | "li.post"); the page counts as a thread because is_thread "div.topic" matched`}},
		{"no author in any post names the author rule",
			`<div class=thread><div class=post><b class=who>ann</b><p class=text>hi</p></div><div class=post><p class=text>yo</p></div></div>`,
			[]string{`selector author_name found nothing in any of the 2 posts (tried ".name")`}},
		{"no body in any post names the body rule",
			`<div class=thread><div class=post><b class=name>ann</b><p class=message>hi</p></div></div>`,
			[]string{`selector post_body found nothing in any of the 1 posts (tried ".text")`}},
		{"neither names both",
			`<div class=thread><div class=post>hi</div></div>`,
			[]string{`selector author_name found nothing`, `selector post_body found nothing`}},
		{"one post with an author is enough",
			`<div class=thread><div class=post><p class=text>hi</p></div><div class=post><b class=name>bo</b><p class=text>yo</p></div></div>`,
			nil},
	}
	p, err := New(Options{Engines: []*Engine{testEngine()}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := p.Parse("https://forum.example.com/t/1", []byte(`<html><body class=testforum>`+tt.body+`</body></html>`))
			if err != nil {
				t.Fatal(err)
			}
			if page.Kind != KindThread {
				t.Fatalf("kind %s, want thread", page.Kind)
			}
			if len(page.Warnings) != len(tt.warns) {
				t.Errorf("warnings %q, want %d", page.Warnings, len(tt.warns))
			}
			for i, w := range tt.warns {
				if i < len(page.Warnings) && !strings.Contains(page.Warnings[i], w) {
					t.Errorf("warning %q does not say %q", page.Warnings[i], w)
				}
			}
		})
	}
}
