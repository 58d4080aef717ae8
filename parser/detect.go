package parser

import (
	"sort"

	"golang.org/x/net/html"
)

// Detection is how strongly the page's markup points to one engine, and why.
type Detection struct {
	Engine   *Engine
	Score    int
	Evidence []string
}

// Claims reports whether the evidence is strong enough for the engine to claim the page.
func (d Detection) Claims() bool { return d.Engine != nil && d.Score >= minScore }

// detect scores every engine against the page, best first.
func detect(doc *html.Node, ix *pageIndex, engines []*Engine) []Detection {
	out := make([]Detection, 0, len(engines))
	for _, e := range engines {
		d := Detection{Engine: e}
		if _, err := e.rules(); err != nil {
			continue
		}
		for i, r := range e.markers {
			if r.forPage(ix).matches(doc) {
				d.Score += e.Markers[i].Weight
				d.Evidence = append(d.Evidence, e.Markers[i].Why)
			}
		}
		out = append(out, d)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}
