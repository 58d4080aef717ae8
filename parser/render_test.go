package parser

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// renderedByHTML is innerHTML as it was before renderMarkup: html.Render of
// each child, the reference renderMarkup must agree with.
func renderedByHTML(n *html.Node) string {
	var b bytes.Buffer
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		_ = html.Render(&b, c)
	}
	return string(bytes.TrimSpace(b.Bytes()))
}

// TestInnerHTMLAgreesWithHTMLRender compares innerHTML, which writes most
// markup itself (renderMarkup), with html.Render's, below every element of
// every fixture page and of markup made to reach each case renderMarkup
// leaves to html.Render: foreign elements and attributes, raw text,
// <plaintext>, comments, void elements with children, other node types.
func TestInnerHTMLAgreesWithHTMLRender(t *testing.T) {
	check := func(where string, root *html.Node) {
		t.Helper()
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode || n.Type == html.DocumentNode {
				if got, want := innerHTML(n), renderedByHTML(n); got != want {
					t.Fatalf("%s: <%s>: innerHTML gives\n%q\nhtml.Render\n%q", where, n.Data, got, want)
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(root)
	}
	for _, fx := range manifest(t) {
		doc, err := html.Parse(bytes.NewReader(readFixture(t, fx.File)))
		if err != nil {
			t.Fatal(err)
		}
		check(fx.File, doc)
	}
	snippets := []string{
		`<div>a &amp; b &lt;c&gt; "d" 'e' &#13; f</div><p title="x &amp; &quot;y&quot; 'z' <w>">t</p>`,
		"<pre>\nkept</pre><pre>\n\nboth</pre><textarea>\nt</textarea><listing>\nl</listing><pre>no</pre><pre><b>\nx</b></pre>",
		`<div><svg viewBox="0 0 1 1"><a xlink:href="#x"><text>s &amp; t</text></a><foreignObject><p>in</p></foreignObject></svg></div>`,
		`<div><math><mi>x</mi><mtext><b>y</b></mtext></math></div>`,
		`<div><script>if (a < b && c > d) {}</script><style>p > a { x: "y" }</style><iframe src="/v?a=1&b=2"></iframe><noscript><img src="x"></noscript></div>`,
		`<div><xmp><b>raw</b></xmp><noembed>n<b></noembed><noframes>f&amp;</noframes></div>`,
		`<div>before<plaintext>all <b>of</b> this</div>`,
		`<div><p>before<plaintext>`,
		`<div><!-- c --><!----><!-- a -- b --><!-- <x> & y --><!--->--><b><!--!>--></b></div>`,
		`<div><br><hr><img src="a.png" alt='x"y'><input value="v"><wbr><area><col><embed><keygen><param><source><track><link rel="x"><meta name="m"></div>`,
		`<table><tr><td>c<td>d</table><ul><li>a<li>b</ul><select><option>o</select>`,
		"<div>\r\n crlf \u00a0 nbsp \u200b é ’ \xff</div>",
		`<div id="a" class="b c" data-x="1" hidden>empty attr</div>`,
	}
	for _, s := range snippets {
		doc, err := html.Parse(strings.NewReader(s))
		if err != nil {
			t.Fatal(err)
		}
		check(s, doc)
	}
	// Trees a parser does not build: a void element with children, a
	// namespaced attribute on an HTML element, nodes of other types inside.
	div := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	br := &html.Node{Type: html.ElementNode, Data: "br", DataAtom: atom.Br}
	br.AppendChild(&html.Node{Type: html.TextNode, Data: "inside"})
	div.AppendChild(&html.Node{Type: html.TextNode, Data: "a"})
	div.AppendChild(br)
	check("void element with a child", div)
	span := &html.Node{Type: html.ElementNode, Data: "span", Attr: []html.Attribute{{Namespace: "xml", Key: "lang", Val: "en"}}}
	p := &html.Node{Type: html.ElementNode, Data: "p"}
	p.AppendChild(span)
	check("namespaced attribute", p)
	for _, typ := range []html.NodeType{html.DoctypeNode, html.RawNode, html.ErrorNode} {
		q := &html.Node{Type: html.ElementNode, Data: "p"}
		q.AppendChild(&html.Node{Type: html.TextNode, Data: "t"})
		q.AppendChild(&html.Node{Type: typ, Data: "<x>"})
		check("other node type", q)
	}
}
