package parser

import (
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
	taken, left, plain, relative := 0, 0, 0, 0
	eachHTMLFixture(t, func(fx fixture, body []byte, doc *html.Node) {
		base, err := url.Parse(fixtureURL(fx, body))
		if err != nil {
			t.Fatalf("%s: %v", fx.File, err)
		}
		for n := range doc.Descendants() {
			for _, a := range n.Attr {
				v := strings.TrimSpace(a.Val)
				if plainAbsolute(v) {
					plain++
					if s, _ := resolveParsing(base, v); s != v {
						t.Errorf("%s: %q is plainly absolute, but resolves to %q", fx.File, v, s)
					}
					if p, err := url.Parse(v); err != nil || p.String() != v {
						t.Errorf("%s: %q is plainly absolute, but url.Parse and String give %v (%v)", fx.File, v, p, err)
					}
					fast, _ := plainPathQuery(v)
					if slow, _ := parsedPathQuery(v); fast != slow {
						t.Errorf("%s: path and query of %q read as %q, parsed %q", fx.File, v, fast, slow)
					}
				} else if j, ok := plainRelative(base, v); ok {
					relative++
					if s, _ := resolveParsing(base, v); s != j {
						t.Errorf("%s: %q plainly relative to %s: joined %q, resolves to %q", fx.File, v, base, j, s)
					}
				}
				s, u := resolveParsed(base, a.Val)
				if s != resolve(base, a.Val) {
					t.Errorf("%s: resolveParsed(%q) = %q, resolve gives %q", fx.File, a.Val, s, resolve(base, a.Val))
				}
				if u == nil {
					if _, rel := plainRelative(base, v); s != "" && !plainAbsolute(v) && !rel {
						left++
					}
					continue
				}
				taken++
				sameAsParsed(t, a.Val, s, u)
			}
		}
	})
	t.Logf("%d resolved values handed back parsed, %d left to url.Parse; %d plainly absolute, %d plainly relative", taken, left, plain, relative)
	if relative < 2000 {
		t.Errorf("only %d values plainly relative: the fixtures' links are not all read", relative)
	}
	if plain < 2000 {
		t.Errorf("only %d values plainly absolute: the fixtures' links are not all read", plain)
	}
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
		parsed bool // the URL is handed back, or ref is plainly absolute or relative
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
		{"http://example.org/a/./b", true}, // parsed: its dot segment removed
		{"http://example.org//a", true},    // parsed: ResolveReference drops the empty segment
		{"http://example.org/a/..", true},  // parsed
		{"http://example.org/x#", true},    // parsed: the empty fragment is dropped
		{"http://example.org/x?", true},    // plain: ForceQuery written back
		{"http://example.org/x?a?b#c?d", true},
		{"http://example.org/a%20b", true}, // parsed
		{"http://example.org/a!b", false},  // RawPath kept
		{"http://ex_ample.org:/x", true},
		{"http://example.org:8o/x", false}, // url.Parse rejects the port
		{"http://example.org/x?a b", true}, // parsed: space in the query
	} {
		s, u := resolveParsed(base, tc.ref)
		if s != resolve(base, tc.ref) {
			t.Errorf("resolveParsed(%q) = %q, resolve gives %q", tc.ref, s, resolve(base, tc.ref))
		}
		plain := plainAbsolute(tc.ref)
		if plain && s != tc.ref {
			t.Errorf("%q is plainly absolute, but resolves to %q", tc.ref, s)
		}
		if j, ok := plainRelative(base, tc.ref); ok {
			plain = true
			if r, _ := resolveParsing(base, tc.ref); r != j {
				t.Errorf("%q plainly relative: joined %q, resolves to %q", tc.ref, j, r)
			}
		}
		if (u != nil || plain) != tc.parsed {
			t.Errorf("resolveParsed(%q) handed back a URL: %v, plain: %v; want one of them: %v", tc.ref, u != nil, plain, tc.parsed)
		}
		if u != nil {
			sameAsParsed(t, tc.ref, s, u)
		}
	}
}

// TestPlainAbsoluteMadeUp checks plainAbsolute on made-up URLs: every
// string of up to 6 pieces after "http://" (host bytes, a port, each byte
// that matters to a path, query or fragment, dot segments, an escape, a
// space, a non-ASCII letter) that it calls plain must resolve to itself.
func TestPlainAbsoluteMadeUp(t *testing.T) {
	base, err := url.Parse("https://forum.example.org/a/b?c=d")
	if err != nil {
		t.Fatal(err)
	}
	pieces := []string{"h", "H", "-", "_", ":", "8", "/", "//", ".", "..", "?", "#", "%41", "%2F", " ", "ü", "!", "(", "'", "=", ";", "&", "@", "+", "~", "$", ",", "*", "\"", "<", "[", "\t"}
	plain, n := 0, 0
	check := func(s string) {
		for _, scheme := range []string{"http://", "https://"} {
			ref := scheme + s
			n++
			if plainAbsolute(ref) {
				plain++
				if got, _ := resolveParsing(base, ref); got != ref {
					t.Errorf("%q is plainly absolute, but resolves to %q", ref, got)
				}
				if p, err := url.Parse(ref); err != nil || p.String() != ref {
					t.Errorf("%q is plainly absolute, but url.Parse and String give %v (%v)", ref, p, err)
				}
				fast, _ := plainPathQuery(ref)
				if slow, _ := parsedPathQuery(ref); fast != slow {
					t.Errorf("path and query of %q read as %q, parsed %q", ref, fast, slow)
				}
			}
		}
	}
	eachText(pieces, 4, check)
	eachText(pieces, 3, func(s string) { check("ex.org" + s) })
	t.Logf("%d of %d made-up URLs plainly absolute", plain, n)
	if plain < 1000 {
		t.Errorf("only %d made-up URLs plainly absolute", plain)
	}
}

// TestPlainRelativeMadeUp checks plainRelative on made-up references of up
// to 5 pieces against bases of several shapes: wherever it joins, the join
// must be what resolving gives.
func TestPlainRelativeMadeUp(t *testing.T) {
	pieces := []string{"a", "/", "//", ".", "..", "./", "../", "?", "#", ":", "%41", " ", "ü", "!", "=", ";", "&", "@", "~"}
	joined, n := 0, 0
	for _, b := range []string{"http://forum.example.org/a/b.php?c=d#e", "https://ex.org:8080/", "http://ex.org/a/./b", "http://ex.org", "http://ex.org/x%20y/z", "http://u@ex.org/a/b"} {
		base, err := url.Parse(b)
		if err != nil {
			t.Fatal(err)
		}
		eachText(pieces, 5, func(ref string) {
			n++
			if j, ok := plainRelative(base, ref); ok {
				joined++
				if r, _ := resolveParsing(base, strings.TrimSpace(ref)); r != j {
					t.Errorf("%q against %s: joined %q, resolves to %q", ref, b, j, r)
				}
			}
		})
	}
	t.Logf("%d of %d made-up references joined", joined, n)
	if joined < 1000 {
		t.Errorf("only %d made-up references joined", joined)
	}
}
