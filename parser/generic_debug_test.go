package parser

import (
	"bytes"
	"golang.org/x/net/html"
	"os"
	"strings"
	"testing"
)

// TestGenericExplainDump prints the generic reading of the annotated pages named by GENERIC_DUMP.
func TestGenericExplainDump(t *testing.T) {
	only := os.Getenv("GENERIC_DUMP")
	if only == "" {
		t.Skip("set GENERIC_DUMP to part of a fixture name")
	}
	p, _ := New(Options{})
	for _, g := range goldFiles(t) {
		if !strings.Contains(g.Fixture, only) {
			continue
		}
		body, _ := Decode(readFixture(t, g.Fixture), "")
		ex, err := p.Explain(g.URL, body, fixtureTime)
		if err != nil {
			t.Fatal(err)
		}
		t.Log(ex.YAML("x"))
		for _, o := range ex.Others {
			t.Logf("other: %+v", o)
		}
		for i, po := range ex.Posts {
			if i < 40 {
				t.Logf("%d %q %q %q id=%s %v\n   %.150q", i+1, po.Author.Name, po.DateRaw, po.URL, po.ID, po.PostedAt, po.BodyText)
			}
		}
	}
}

// TestGenericLayoutsDump prints every reading of the pages named by GENERIC_LAYOUTS.
func TestGenericLayoutsDump(t *testing.T) {
	only := os.Getenv("GENERIC_LAYOUTS")
	if only == "" {
		t.Skip("set GENERIC_LAYOUTS")
	}
	for _, fx := range manifest(t) {
		if !strings.Contains(fx.File, only) {
			continue
		}
		body, _ := Decode(readFixture(t, fx.File), "")
		g := goldFile{URL: fixtureURL(fx, body)}
		doc, _ := htmlParse(body)
		gr := newGenericReader(doc, mustURL(g.URL), g.URL)
		for k, l := range gr.layouts() {
			if k > 2 {
				break
			}
			t.Logf("layout %s: %d records score %.1f author %s", l.dateSig, len(l.records), l.score, l.authorPat)
			for i := range l.records {
				bt := ""
				if l.bodies[i] != nil {
					bt = nodeText(l.bodies[i])
				}
				dr := ""
				if l.dates[i] != nil {
					dr = l.dates[i].raw + " " + l.dates[i].sig
				}
				t.Logf("   %s | %s | %.80q", elementKey(l.records[i]), dr, bt)
			}
		}
	}
}

func htmlParse(b []byte) (*html.Node, error) {
	doc, err := html.Parse(bytes.NewReader(b))
	if err == nil {
		expandNoscript(doc)
	}
	return doc, err
}
