package parser

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// plainWithoutSession is withoutSession as first written, without its
// shortcuts: parse, drop the session and tracking parameters, render.
func plainWithoutSession(u string) string {
	r, err := url.Parse(u)
	if err != nil || r.RawQuery == "" {
		return u
	}
	parts := strings.Split(r.RawQuery, "&")
	kept := parts[:0]
	for _, part := range parts {
		k, _, _ := strings.Cut(part, "=")
		if k, err := url.QueryUnescape(k); err == nil && dropParam(k, nil) {
			continue
		}
		kept = append(kept, part)
	}
	r.RawQuery = strings.Join(kept, "&")
	return r.String()
}

// TestWithoutSessionKeepsItsAnswers compares withoutSession, which skips
// the parse of a link without a query and the rebuilding of a query
// without session parameters, with plainWithoutSession on hand-picked links
// and on every link of the fixture pages.
func TestWithoutSessionKeepsItsAnswers(t *testing.T) {
	links := []string{
		"", "https://f.example/", "https://f.example/index.php", "https://f.example/a b", "https://f.example/#x?y",
		"https://f.example/viewtopic.php?t=5", "https://f.example/viewtopic.php?t=5&sid=abc#p7",
		"https://f.example/viewtopic.php?sid=abc", "https://f.example/index.php?topic=5.0;PHPSESSID=x",
		"https://f.example/x?%73id=1&t=2", "https://f.example/x?utm_source=a&b=c", "https://f.example/x?s=1",
		"https://f.example/x?a=1&&b=2&", "https://f.example/x?", "https://f.example/x?#f", "https://f.example/x?a%zz=1&sid=2",
		"https://f.example/x?a+b=1&s+=2", "https://f.example/x?a=%20b&c=d e", "mailto:x@y.example?subject=hi&sid=1",
		"https://f.example/x?threads/a.1/&s=9", "http://[::1]:80/x?sid=1", "%zz?sid=1", "/relative?sid=1&a=b",
		"https://f.example/x#f?sid=1", "https://f.example/x?sid=1#f?t=2", "https://f.example/x?t=2#f?sid=1",
	}
	href := regexp.MustCompile(`href="([^"]*)"`)
	for _, fx := range manifest(t) {
		for _, m := range href.FindAllSubmatch(readFixture(t, fx.File), -1) {
			links = append(links, string(m[1]))
			if r, err := url.Parse(string(m[1])); err == nil {
				links = append(links, r.String())
			}
		}
	}
	for _, u := range links {
		if got, want := withoutSession(u), plainWithoutSession(u); got != want {
			t.Errorf("withoutSession(%q) = %q, want %q", u, got, want)
		}
	}
}
