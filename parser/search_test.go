package parser

import (
	"bytes"
	"slices"
	"sort"
	"testing"

	"golang.org/x/net/html"
)

// TestIndexSearchesFindWhatWalksFind runs every rule of every engine on
// every fixture page twice, through the page index and by walking the tree,
// from the document, from each post (with its body detached, as the post's
// frame rules run) and from each post's body, and wants the same elements
// and values in the same order.
func TestIndexSearchesFindWhatWalksFind(t *testing.T) {
	engines := BuiltinEngines()
	for _, fx := range manifest(t) {
		body, err := Decode(readFixture(t, fx.File), "")
		if err != nil {
			t.Fatal(err)
		}
		if trimmed := bytes.TrimSpace(body); len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
			continue // JSON: no page index
		}
		t.Run(fx.File, func(t *testing.T) {
			doc, err := html.Parse(bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			ix := indexPage(doc)
			for _, e := range engines {
				c, err := e.rules()
				if err != nil {
					t.Fatal(err)
				}
				c = c.forPage(ix)
				x := &extractor{c: c}
				compareRules(t, e.Name+" doc", c, doc)
				for i, post := range c.get("Post").outer(doc) {
					b, _ := c.get("Body").node(post)
					compareRules(t, e.Name+" body", c, b)
					restore := x.hideChildren(b)
					compareRules(t, e.Name+" post", c, post)
					restore()
					if i == 2 {
						break // the first posts are enough, and keep the test short
					}
				}
			}
		})
	}
}

// compareRules compares each rule's searches from ctx through the index and without it.
func compareRules(t *testing.T, where string, c *compiled, ctx *html.Node) {
	t.Helper()
	if ctx == nil {
		return
	}
	names := make([]string, 0, len(c.r))
	for name := range c.r {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		r := c.r[name]
		walk := r
		walk.ix = nil
		if got, want := r.text(ctx), walk.text(ctx); got != want {
			t.Errorf("%s: %s: text through the index %q, by walking %q", where, name, got, want)
		}
		if got, want := r.all(ctx), walk.all(ctx); !slices.Equal(got, want) {
			t.Errorf("%s: %s: all through the index found %d elements, by walking %d", where, name, len(got), len(want))
		}
		if got, want := r.outer(ctx), walk.outer(ctx); !slices.Equal(got, want) {
			t.Errorf("%s: %s: outer through the index found %d elements, by walking %d", where, name, len(got), len(want))
		}
		got, _ := r.node(ctx)
		want, _ := walk.node(ctx)
		if got != want {
			t.Errorf("%s: %s: node through the index differs from the walk's", where, name)
		}
	}
}
