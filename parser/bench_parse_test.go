package parser

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

// BenchmarkParseRatio reports, per fixture page, the time of a full Parse
// over the time of html.Parse of the same page, the two run alternately in
// one loop so that the machine's drift touches both alike (the metric
// "x-html.Parse"; ns/op is the sum of both).
func BenchmarkParseRatio(b *testing.B) {
	p, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, pg := range benchPages(b) {
		b.Run(pg.name, func(b *testing.B) {
			var parse, plain time.Duration
			for b.Loop() {
				t0 := time.Now()
				if _, err := html.Parse(bytes.NewReader(pg.body)); err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				if _, err := p.ParseAt(pg.url, pg.body, fixtureTime); err != nil {
					b.Fatal(err)
				}
				plain += t1.Sub(t0)
				parse += time.Since(t1)
			}
			b.ReportMetric(float64(parse)/float64(plain), "x-html.Parse")
		})
	}
}

// BenchmarkGenericRatio reports, per fixture page of every program (engines
// with rules and those without), the time of Parse with the generic
// extractor forced over the time of html.Parse of the same page, the two
// run alternately in one loop (the metric "x-html.Parse").
func BenchmarkGenericRatio(b *testing.B) {
	p, err := New(Options{Engine: GenericEngine})
	if err != nil {
		b.Fatal(err)
	}
	genericPages(b, func(b *testing.B, u string, body []byte) {
		var parse, plain time.Duration
		for b.Loop() {
			t0 := time.Now()
			if _, err := html.Parse(bytes.NewReader(body)); err != nil {
				b.Fatal(err)
			}
			t1 := time.Now()
			if _, err := p.ParseAt(u, body, fixtureTime); err != nil {
				b.Fatal(err)
			}
			plain += t1.Sub(t0)
			parse += time.Since(t1)
		}
		b.ReportMetric(float64(parse)/float64(plain), "x-html.Parse")
	})
}

// genericPages runs bench as a sub-benchmark for every HTML fixture page.
func genericPages(b *testing.B, bench func(b *testing.B, u string, body []byte)) {
	for _, fx := range manifest(b) {
		if strings.HasSuffix(fx.File, ".json") {
			continue
		}
		body, err := Decode(readFixture(b, fx.File), "")
		if err != nil {
			b.Fatal(err)
		}
		u := fixtureURL(fx, body)
		b.Run(strings.TrimSuffix(filepath.ToSlash(fx.File), filepath.Ext(fx.File)), func(b *testing.B) {
			bench(b, u, body)
		})
	}
}
