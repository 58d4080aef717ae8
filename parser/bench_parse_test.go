package parser

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// benchPages are the fixture pages of each ready engine, decoded, with their URLs.
func benchPages(b *testing.B) []struct {
	name, url string
	body      []byte
} {
	b.Helper()
	ready := readyEngines()
	var out []struct {
		name, url string
		body      []byte
	}
	for _, fx := range manifest(b) {
		if e, ok := manifestEngines[fx.Engine]; !ok || !ready[e] {
			continue
		}
		body, err := Decode(readFixture(b, fx.File), "")
		if err != nil {
			b.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.ToSlash(fx.File), filepath.Ext(fx.File))
		out = append(out, struct {
			name, url string
			body      []byte
		}{name, fixtureURL(fx, body), body})
	}
	return out
}

// BenchmarkParse measures full extraction (detection, posts, authors, text,
// links) of each fixture page; compare with BenchmarkHTMLParse of the same page.
func BenchmarkParse(b *testing.B) {
	p, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, pg := range benchPages(b) {
		b.Run(pg.name, func(b *testing.B) {
			b.SetBytes(int64(len(pg.body)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := p.ParseAt(pg.url, pg.body, fixtureTime); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkHTMLParse is the floor: golang.org/x/net/html.Parse of the same pages.
func BenchmarkHTMLParse(b *testing.B) {
	for _, pg := range benchPages(b) {
		b.Run(pg.name, func(b *testing.B) {
			b.SetBytes(int64(len(pg.body)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := html.Parse(bytes.NewReader(pg.body)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
