package parser

import (
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
