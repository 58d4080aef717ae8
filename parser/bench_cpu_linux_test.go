//go:build linux

package parser

import (
	"bytes"
	"io"
	"net/url"
	"runtime"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/sys/unix"
)

// threadCPU returns the CPU time the calling OS thread has used.
func threadCPU(b *testing.B) int64 {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		b.Fatal(err)
	}
	return ts.Nano()
}

// BenchmarkParseRatioCPU is BenchmarkParseRatio timed in the CPU time of
// the benchmark's own thread instead of the wall clock (the metric
// "cpu-x-html.Parse"): on a machine that other jobs load, time spent
// waiting for a core counts on neither side, so the ratio spreads far
// less. Work the collector does on other threads counts on neither side
// either; its assists count where they happen. Each page is parsed once
// before it is timed.
func BenchmarkParseRatioCPU(b *testing.B) {
	p, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, pg := range benchPages(b) {
		b.Run(pg.name, func(b *testing.B) {
			ratioCPU(b, pg.url, pg.body, p)
		})
	}
}

// BenchmarkGenericRatioCPU is BenchmarkGenericRatio timed in the CPU time
// of the benchmark's own thread (the metric "cpu-x-html.Parse"): per page
// of every program the generic tests read (the annotated pages, other/,
// nodebb/, the indexes and thread lists), Parse with the generic extractor
// forced over html.Parse of the same page. Each page is parsed once before
// it is timed, as a crawl parses many pages of a site.
func BenchmarkGenericRatioCPU(b *testing.B) {
	p, err := New(Options{Engine: GenericEngine})
	if err != nil {
		b.Fatal(err)
	}
	genericPages(b, func(b *testing.B, u string, body []byte) {
		ratioCPU(b, u, body, p)
	})
}

// BenchmarkGenericFirstPageCPU is BenchmarkGenericRatioCPU for the first
// page a crawl reads of a site: each iteration parses with a new Parser,
// which remembers nothing of the site (the locale and forms of its dates,
// the days it read), so the multilingual date library is asked for every
// date the page shows (metric "cpu-x-html.Parse").
func BenchmarkGenericFirstPageCPU(b *testing.B) {
	genericPages(b, func(b *testing.B, u string, body []byte) {
		ratioCPU(b, u, body, nil)
	})
}

// ratioCPU times, in each iteration, html.Parse of body and then p's ParseAt
// of it, and reports the ratio of their thread CPU times as
// "cpu-x-html.Parse". The page is parsed once by p first: a crawl parses
// many pages of a site, and the pages after the first find its per-site
// memories (engine, dates) made. A nil p times the first page of a site
// instead: a new Parser with the generic extractor forced each iteration,
// made outside the timing.
//
// Where the tree Parse reads is not html.Parse's, because p leaves
// attribute values out before parsing (see withoutUnread) or the page has
// <noscript> markup, which html.Parse keeps as text and Parse parses too
// (Discourse's crawler view is all there), that tree is timed as well and
// Parse's ratio to it reported as "cpu-x-tree": what the rest of the parse
// costs beside the tree it must build.
func ratioCPU(b *testing.B, u string, body []byte, p *Parser) {
	// Each sub-benchmark runs on its own goroutine: lock that one to its
	// thread, or the two clock readings may come from different threads.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	fresh := p == nil
	if !fresh {
		if _, err := p.ParseAt(u, body, fixtureTime); err != nil {
			b.Fatal(err)
		}
	}
	read := treeRead(b, u, body, p)
	var parse, plain, tree int64
	for b.Loop() {
		if fresh {
			var err error
			if p, err = New(Options{Engine: GenericEngine}); err != nil {
				b.Fatal(err)
			}
		}
		t0 := threadCPU(b)
		if _, err := html.Parse(bytes.NewReader(body)); err != nil {
			b.Fatal(err)
		}
		t1 := threadCPU(b)
		if _, err := p.ParseAt(u, body, fixtureTime); err != nil {
			b.Fatal(err)
		}
		t2 := threadCPU(b)
		plain += t1 - t0
		parse += t2 - t1
		if read != nil {
			doc, err := html.Parse(bytes.NewReader(read))
			if err != nil {
				b.Fatal(err)
			}
			expandAll(doc)
			tree += threadCPU(b) - t2
		}
	}
	if read != nil {
		b.ReportMetric(float64(parse)/float64(tree), "cpu-x-tree")
	}
	b.ReportMetric(float64(parse)/float64(plain), "cpu-x-html.Parse")
	// Each side's own time and the page's size, so that an engine's pages
	// can be summed up by their weight (scripts/bench-parse.sh).
	b.ReportMetric(float64(plain)/float64(b.N)/1e6, "html.Parse-cpu-ms")
	b.ReportMetric(float64(parse)/float64(b.N)/1e6, "parse-cpu-ms")
	b.ReportMetric(float64(len(body))/(float64(parse)/float64(b.N)/1e9)/1e6, "parse-cpu-MB/s")
}

// treeRead returns the bytes p parses of body (its unread values left out)
// when its tree is not html.Parse's of body, else nil (see ratioCPU).
func treeRead(b *testing.B, pageURL string, body []byte, p *Parser) []byte {
	if p == nil {
		return nil
	}
	u, err := url.Parse(pageURL)
	if err != nil {
		b.Fatal(err)
	}
	read, err := io.ReadAll(withoutUnread(body, p.unreadFor(u.Host)))
	if err != nil {
		b.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(read))
	if err != nil {
		b.Fatal(err)
	}
	if len(read) == len(body) && !expandAll(doc) {
		return nil
	}
	return read
}

// expandAll expands the markup of each <noscript> below n that is not
// inside another, as Parse does, and reports whether it expanded any.
func expandAll(n *html.Node) bool {
	expanded := false
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.Noscript {
			before := c.FirstChild
			expandNoscript(c)
			expanded = expanded || c.FirstChild != before
			continue
		}
		expanded = expandAll(c) || expanded
	}
	return expanded
}
