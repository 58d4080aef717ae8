package parser

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestPageIndexPrunes(t *testing.T) {
	ix := indexPage(fragment(t, `<div class="message message--post" id="post-1" data-author="jo"><a href="/threads/a.1/">x</a><script src="/js/app.js"></script></div>`))
	tests := []struct {
		name     string
		css      string
		possible bool
	}{
		{"a class on the page", ".message--post", true},
		{"a class not on the page", ".postbody", false},
		{"all classes of a compound are needed", "div.message.postbody", false},
		{"a descendant chain needs each part", ".message a.topictitle", false},
		{"any group of a selector list will do", ".postbody, .message", true},
		{"classes inside :not() are not needed", "div.message:not(.postbody)", true},
		{"an id on the page", "#post-1", true},
		{"an id not on the page", "body#phpbb", false},
		{"an attribute name", "[data-author]", true},
		{"an attribute name not on the page", "[data-node-id]", false},
		{"an href containing a string", "a[href*='threads/']", true},
		{"no href contains the string", "a[href*='viewtopic.php']", false},
		{"an id prefix", "div[id^=post-]", true},
		{"no id with the prefix", "div[id^=post_message_]", false},
		{"a src suffix", "script[src$='app.js']", true},
		{"case-insensitive values are only tested for the attribute", "a[href*='THREADS' i]", true},
		{"values of attributes not indexed are not tested", "div[data-author=nobody]", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := compileRule(Rule{tt.css})
			if err != nil {
				t.Fatal(err)
			}
			if got := r.alts[0].possible(ix); got != tt.possible {
				t.Errorf("possible(%q) = %v, want %v", tt.css, got, tt.possible)
			}
			if !tt.possible && r.matches(ix2root(t)) {
				t.Errorf("%q was pruned but matches the page", tt.css)
			}
		})
	}
}

// ix2root returns the same fragment as TestPageIndexPrunes indexes.
func ix2root(t *testing.T) *html.Node {
	return fragment(t, `<div class="message message--post" id="post-1" data-author="jo"><a href="/threads/a.1/">x</a><script src="/js/app.js"></script></div>`)
}

func TestValuedElemsListsTheElementsWhoseValueSatisfiesTheNeed(t *testing.T) {
	ix := indexPage(fragment(t, `<a href="/t/1">one</a><a href="">empty</a><a href="/t/12">two</a>`+
		`<a href="x/t/1">three</a><a name="t/1">named</a><link href="/t/1"><div id="post_9"></div><div id="post_10"></div>`))
	tests := []struct {
		name string
		need need
		want []string // the elements' texts or tags
	}{
		{"equal", need{kind: '[', name: "href", op: "=", value: "/t/1"}, []string{"one", "link"}},
		{"prefix", need{kind: '[', name: "href", op: "^=", value: "/t/1"}, []string{"one", "two", "link"}},
		{"suffix", need{kind: '[', name: "href", op: "$=", value: "t/1"}, []string{"one", "three", "link"}},
		{"substring", need{kind: '[', name: "href", op: "*=", value: "t/1"}, []string{"one", "two", "three", "link"}},
		{"another attribute's values are apart", need{kind: '[', name: "name", op: "*=", value: "t/1"}, []string{"named"}},
		{"ids", need{kind: '[', name: "id", op: "^=", value: "post_1"}, []string{"div#post_10"}},
		{"no value satisfies it", need{kind: '[', name: "href", op: "*=", value: "viewtopic"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, ok := ix.valuedElems(tt.need)
			if !ok {
				t.Fatal("need not listed")
			}
			var got []string
			for _, i := range l {
				n := ix.elems[i]
				switch {
				case n.Data == "a":
					got = append(got, nodeText(n))
				case attr(n, "id") != "":
					got = append(got, n.Data+"#"+attr(n, "id"))
				default:
					got = append(got, n.Data)
				}
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestValuedElemsAgreesWithTheAttributes compares valuedElems, on every
// fixture page, with a look at every attribute of every element, for value
// tests of links, sources, ids and rel that the engines' rules make.
func TestValuedElemsAgreesWithTheAttributes(t *testing.T) {
	needs := []need{
		{kind: '[', name: "href", op: "*=", value: "viewtopic.php"},
		{kind: '[', name: "href", op: "*=", value: "t"},
		{kind: '[', name: "href", op: "^=", value: "/"},
		{kind: '[', name: "href", op: "^=", value: "http"},
		{kind: '[', name: "href", op: "$=", value: ".html"},
		{kind: '[', name: "href", op: "=", value: "#"},
		{kind: '[', name: "src", op: "*=", value: "avatar"},
		{kind: '[', name: "rel", op: "=", value: "canonical"},
		{kind: '[', name: "id", op: "^=", value: "post"},
		{kind: '[', name: "id", op: "$=", value: "1"},
	}
	passes := func(n need, v string) bool {
		switch n.op {
		case "=":
			return v == n.value
		case "^=":
			return strings.HasPrefix(v, n.value)
		case "$=":
			return strings.HasSuffix(v, n.value)
		}
		return strings.Contains(v, n.value)
	}
	eachHTMLFixture(t, func(fx fixture, body []byte, doc *html.Node) {
		ix := indexPage(doc)
		for _, n := range needs {
			var want []int32
			for i, e := range ix.elems {
				if slices.ContainsFunc(e.Attr, func(a html.Attribute) bool { return a.Key == n.name && passes(n, a.Val) }) {
					want = append(want, int32(i))
				}
			}
			got, ok := ix.valuedElems(n)
			if !ok || !slices.Equal(got, want) {
				t.Errorf("%s: [%s%s%q]: valuedElems gives %d elements (listed: %v), the attributes %d", fx.File, n.name, n.op, n.value, len(got), ok, len(want))
			}
		}
		ix.release()
	})
}

// TestIndexTextsFollowHiding checks that the texts the index remembers are
// read again once hideChildren has detached or put back a subtree.
func TestIndexTextsFollowHiding(t *testing.T) {
	doc := fragment(t, `<div class="post"><p class="head">Reply #2</p><div class="body">the words</div></div>`)
	ix := indexPage(doc)
	post := mustRule(t, ix, "div.post").outer(doc)[0]
	body, _ := mustRule(t, ix, "div.body").node(post)
	x := &extractor{c: &compiled{ix: ix}}
	whole := ix.text(post)
	if whole != nodeText(post) || !strings.Contains(whole, "the words") {
		t.Fatalf("text of the post %q, nodeText %q", whole, nodeText(post))
	}
	restore := x.hideChildren(body)
	if got := ix.text(post); got != nodeText(post) || strings.Contains(got, "the words") {
		t.Errorf("with the body hidden: %q, want %q", got, nodeText(post))
	}
	restore()
	if got := ix.text(post); got != whole {
		t.Errorf("with the body back: %q, want %q", got, whole)
	}
}
