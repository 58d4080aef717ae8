package parser

import (
	"bytes"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// sameAsParsed fails t unless u is what url.Parse makes of s.
func sameAsParsed(t *testing.T, ref, s string, u *url.URL) {
	t.Helper()
	p, err := url.Parse(s)
	if err != nil {
		t.Errorf("%q resolves to %q, which url.Parse rejects: %v", ref, s, err)
		return
	}
	if !reflect.DeepEqual(p, u) {
		t.Errorf("%q resolves to %q: url.Parse gives %#v, resolving made %#v", ref, s, *p, *u)
	}
}

// TestResolveParsedEveryFixtureLink resolves every attribute value of every
// fixture page (each href, src, action, and every other value, as a link
// might be anywhere) against the page's URL: wherever resolveParsed hands
// back the URL it made, url.Parse of its text must give that URL field for
// field, so that canonical's output does not depend on which one it reads.
func TestResolveParsedEveryFixtureLink(t *testing.T) {
	taken, left := 0, 0
	for _, fx := range manifest(t) {
		if !strings.HasSuffix(fx.File, ".html") {
			continue
		}
		body, err := Decode(readFixture(t, fx.File), "")
		if err != nil {
			t.Fatal(err)
		}
		base, err := url.Parse(fixtureURL(fx, body))
		if err != nil {
			t.Fatalf("%s: %v", fx.File, err)
		}
		doc, err := html.Parse(bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		for n := range doc.Descendants() {
			for _, a := range n.Attr {
				s, u := resolveParsed(base, a.Val)
				if s != resolve(base, a.Val) {
					t.Errorf("%s: resolveParsed(%q) = %q, resolve gives %q", fx.File, a.Val, s, resolve(base, a.Val))
				}
				if u == nil {
					if s != "" {
						left++
					}
					continue
				}
				taken++
				sameAsParsed(t, a.Val, s, u)
			}
		}
	}
	t.Logf("%d resolved values handed back parsed, %d left to url.Parse", taken, left)
	if taken < 10000 {
		t.Errorf("only %d resolved values handed back parsed: the fixtures' links are not all read", taken)
	}
}

// TestResolveParsedShapes checks the shapes resolveParsed leaves to url.Parse
// and those it hands back, against url.Parse of its text.
func TestResolveParsedShapes(t *testing.T) {
	base, err := url.Parse("http://forum.example.org/board/index.php?topic=5.0")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		ref    string
		parsed bool // the URL is handed back
	}{
		{"viewtopic.php?t=1&amp;p=2#p2", true},
		{"/a b/ü?q=a b", true},
		{"/a%2Fb", false}, // RawPath kept
		{"/a%zz", false},  // url.Parse rejects it
		{"?", true},
		{"#", true},
		{"/p#fr%20ag", true},
		{"/p#fr%2fag", false}, // RawFragment kept
		{"http://EXAMPLE.org:8080/x", true},
		{"HTTP://example.org/x", true},
		{"http://user:pw@example.org/", false},
		{"http://[::1]:80/x", false},
		{"http://ex%41mple.org/", false},
		{"//other.example/x;jsessionid=1", true},
		{"https://example.org", true},
		{"https:example.org/x", false}, // opaque
		{"http:///x", false},           // no host
		{"mailto:a@example.org", false},
		{"ftp://example.org/f", false},
		{"javascript:void(0)", false},
		{"index.php?action=profile;u=3", true},
		{"../../x/./y/", true},
		{"/x?a=1?b=2", true},
		{"/x?%zz", true},
	} {
		s, u := resolveParsed(base, tc.ref)
		if s != resolve(base, tc.ref) {
			t.Errorf("resolveParsed(%q) = %q, resolve gives %q", tc.ref, s, resolve(base, tc.ref))
		}
		if (u != nil) != tc.parsed {
			t.Errorf("resolveParsed(%q) handed back a URL: %v, want %v", tc.ref, u != nil, tc.parsed)
		}
		if u != nil {
			sameAsParsed(t, tc.ref, s, u)
		}
	}
}
