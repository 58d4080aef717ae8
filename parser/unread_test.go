package parser

import (
	"io"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestWithoutUnreadLeavesOutOnlyLongQuotedValues(t *testing.T) {
	long := strings.Repeat("{&quot;a&quot;:1}", minUnread/16+1) // over minUnread, no '<' or '>'
	attrs := [][]byte{[]byte("data-preloaded="), []byte("data-other=")}
	tests := []struct {
		name, in, want string
	}{
		{"long double-quoted value", `<div data-preloaded="` + long + `">x</div>`, `<div data-preloaded="">x</div>`},
		{"long single-quoted value", `<div data-preloaded='` + long + `'>x</div>`, `<div data-preloaded=''>x</div>`},
		{"two attributes, in either order",
			`<p data-other="` + long + `"></p><div data-preloaded="` + long + `"></div><i data-other="` + long + `"></i>`,
			`<p data-other=""></p><div data-preloaded=""></div><i data-other=""></i>`},
		{"short value kept", `<div data-preloaded="{}">x</div>`, `<div data-preloaded="{}">x</div>`},
		{"a value holding markup kept", `<div data-preloaded="` + long + `<b>">x</div>`, `<div data-preloaded="` + long + `<b>">x</div>`},
		{"a longer name kept", `<div xdata-preloaded="` + long + `">x</div>`, `<div xdata-preloaded="` + long + `">x</div>`},
		{"an unquoted value kept", `<div data-preloaded=` + long + `>x</div>`, `<div data-preloaded=` + long + `>x</div>`},
		{"an unterminated value kept", `<div data-preloaded="` + long, `<div data-preloaded="` + long},
		{"no attribute", `<p>plain</p>`, `<p>plain</p>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := io.ReadAll(withoutUnread([]byte(tt.in), attrs))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("withoutUnread gives %.120q..., want %.120q...", got, tt.want)
			}
		})
	}
}

// TestWithoutUnreadChangesNoElement parses every fixture page with and
// without Discourse's unread attributes left out, and checks that the two
// trees differ in those attributes' values only.
func TestWithoutUnreadChangesNoElement(t *testing.T) {
	attrs := unreadAttrs(BuiltinEngines())
	if len(attrs) == 0 {
		t.Fatal("no built-in engine has an unread attribute")
	}
	cut := 0
	eachHTMLFixture(t, func(fx fixture, body []byte, whole *html.Node) {
		part, err := html.Parse(withoutUnread(body, attrs))
		if err != nil {
			t.Fatal(err)
		}
		if diff := treeDiff(whole, part, attrs, &cut); diff != "" {
			t.Errorf("%s: %s", fx.File, diff)
		}
	})
	if cut == 0 {
		t.Error("no fixture page lost an unread value: the Discourse topic pages have data-preloaded")
	}
}

// treeDiff returns where trees a and b first differ, other than in an
// attribute of attrs that b has empty; it counts those in cut.
func treeDiff(a, b *html.Node, attrs [][]byte, cut *int) string {
	if a.Type != b.Type || a.Data != b.Data || len(a.Attr) != len(b.Attr) {
		return "node " + a.Data + " differs from " + b.Data
	}
	for i, x := range a.Attr {
		y := b.Attr[i]
		if x == y {
			continue
		}
		unread := false
		for _, name := range attrs {
			unread = unread || string(name) == x.Key+"="
		}
		if !unread || x.Key != y.Key || y.Val != "" || len(x.Val) < minUnread {
			return "attribute " + x.Key + " of " + a.Data + " differs"
		}
		*cut++
	}
	ac, bc := a.FirstChild, b.FirstChild
	for ; ac != nil && bc != nil; ac, bc = ac.NextSibling, bc.NextSibling {
		if d := treeDiff(ac, bc, attrs, cut); d != "" {
			return d
		}
	}
	if ac != nil || bc != nil {
		return "children of " + a.Data + " differ in number"
	}
	return ""
}

func TestUnreadAttrsSparesAnAttributeARuleReads(t *testing.T) {
	if got := unreadAttrs(BuiltinEngines()); len(got) != 1 || string(got[0]) != "data-preloaded=" {
		t.Fatalf("built-in unread attributes = %q, want data-preloaded=", got)
	}
	engines := BuiltinEngines()
	for i, e := range engines {
		if e.Name == "xenforo2" {
			sel := e.Selectors
			sel.Title = Rule{"#main-outlet@data-preloaded"}
			engines[i] = e.WithSelectors(sel)
		}
	}
	if got := unreadAttrs(engines); len(got) != 0 {
		t.Errorf("with an override reading data-preloaded, unread attributes = %q, want none", got)
	}
}
