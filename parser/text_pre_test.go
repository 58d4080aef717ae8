package parser

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestPreformattedText checks the text of preformatted markup: indentation
// kept, trailing spaces and other whitespace at line edges trimmed as for
// any text, inline elements and text around the block read as usual. The
// expected texts are those of the writer that rewrote every space of a
// block, which preEdges replaced.
func TestPreformattedText(t *testing.T) {
	cases := []struct{ markup, want string }{
		{"<pre>  a\n\tb  \n\u00a0  c</pre>", "  a\n\tb\n  c"},
		{"<pre>x\n   \n\n  y  </pre>", "x\n\n  y"},
		{"<div>intro <pre>\u00a0  x\u00a0 \n\u200b\ty</pre> outro</div>", "intro\n  x\u00a0\n\ty\noutro"},
		{"<pre><b>k</b>   v  <i> w </i>  \n  z</pre>", "k   v   w\n  z"},
		{"<pre>   </pre><p>after</p>", "after"},
		{"<pre>a\f  \n \fb</pre>", "a\f\n \fb"},
		{"<p>a<br>  <pre> \t lead\n  next\t</pre>tail</p>", "a\n \t lead\n  next\ntail"},
		{"<pre><code>[    1.29] pci  0000:00   bridge\n[    1.30] pci\n    indented\n\ttabbed\n</code></pre>", "[    1.29] pci  0000:00   bridge\n[    1.30] pci\n    indented\n\ttabbed"},
		{"<pre>  one</pre><pre>  two  </pre>", "  one\n  two"},
		{"<pre>\n\n  a\n\n\n  b\n</pre>", "  a\n\n  b"},
	}
	for _, c := range cases {
		doc, err := html.Parse(strings.NewReader("<html><body>" + c.markup + "</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		body := doc.FirstChild.LastChild
		if got := textOf(body, textOptions{}); got != c.want {
			t.Errorf("%q: text %q, want %q", c.markup, got, c.want)
		}
	}
}
