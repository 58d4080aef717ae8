package parser

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"
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
		r := c.get(name)
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

func TestCompounds(t *testing.T) {
	tests := []struct {
		css         string
		parts       []string
		combinators string
	}{
		{"div.post", []string{"div.post"}, "\x00"},
		{"ul.nav li a", []string{"ul.nav", "li", "a"}, "\x00  "},
		{"div > p+span ~ a", []string{"div", "p", "span", "a"}, "\x00>+~"},
		{"a[title='x > y'] b", []string{"a[title='x > y']", "b"}, "\x00 "},
	}
	for _, tt := range tests {
		parts, combinators := compounds(tt.css)
		if !slices.Equal(parts, tt.parts) || string(combinators) != tt.combinators {
			t.Errorf("compounds(%q) = %q %q, want %q %q", tt.css, parts, combinators, tt.parts, tt.combinators)
		}
	}
}

// TestIndexSearchNarrowing checks the cases where the index may look only
// inside the elements of an outer compound: the answers must be the walk's.
func TestIndexSearchNarrowing(t *testing.T) {
	var b bytes.Buffer
	b.WriteString(`<div class="wrap"><div class="list">`)
	for i := range 6 {
		fmt.Fprintf(&b, `<div class="post" id="post_%d"><p class="head" id="head_%d"><a href="/u">name</a></p>`, i, i)
		b.WriteString(strings.Repeat(`<p><a href="/x">link</a></p>`, 5) + `</div>`)
	}
	b.WriteString(`</div><p class="head"><a href="/y">outside</a></p></div><span><a href="/z">z</a></span>`)
	doc, err := html.Parse(&b)
	if err != nil {
		t.Fatal(err)
	}
	ix := indexPage(doc)
	posts := mustRule(t, ix, ".post").outer(doc)
	if len(posts) != 6 {
		t.Fatalf("found %d posts, want 6", len(posts))
	}
	tests := []struct {
		name string
		css  string
		ctx  *html.Node
		none bool // the walk finds nothing either
	}{
		{"a chain from the document", ".post a", doc, false},
		{"a chain from a post sees no ancestor above it", ".list a", posts[1], true},
		{"child combinators from the document", "div.post > p.head > a", doc, false},
		{"child combinators from a post see its ancestors", "div.wrap div.list > div > p > a", posts[2], false},
		{"an outer compound that is a sibling is not a container", "p.head + p > a", doc, false},
		{"a selector list", "div.post p.head > a, span > a", doc, false},
		{"an id test alone", "[id^=head_]", doc, false},
		{"an id test alone from a post", "[id^=head_]", posts[3], false},
		{"an id test that nothing passes", "[id^=nothing]", doc, true},
		{"an id test under an outer compound", "div.list [id$='_4']", doc, false},
		{"an id test in a selector list", "[id=post_2], span > a", doc, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRule(t, ix, tt.css)
			if len(r.alts) == 1 && r.alts[0].anchors == nil {
				t.Fatal("no anchors: the index cannot search for it")
			}
			walk := r
			walk.ix = nil
			if _, ok := ix.scope(tt.ctx); !ok {
				t.Fatal("the index cannot place the context")
			}
			got, want := r.all(tt.ctx), walk.all(tt.ctx)
			if !slices.Equal(got, want) || (len(want) == 0) != tt.none {
				t.Errorf("through the index %d elements, by walking %d (want the same, none: %v)", len(got), len(want), tt.none)
			}
		})
	}
}

// mustRule returns the rule of one selector, cut to the indexed page.
func mustRule(t *testing.T, ix *pageIndex, css string) rule {
	t.Helper()
	r, err := compileRule(Rule{css})
	if err != nil {
		t.Fatal(err)
	}
	return r.forPage(ix)
}
