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

	matched map[int]bool // markers found, by index
}

// Claims reports whether the evidence is strong enough for the engine to claim the page.
func (d Detection) Claims() bool { return d.Engine != nil && d.Score >= minScore }

// detect scores every engine against the page, best first. Markers that
// need the page's text (":contains") or nested searches (":has") are
// costly: they are tried only for an engine that could still overtake the
// best score of the cheap markers, so a losing engine's score is a lower bound.
func detect(doc *html.Node, ix *pageIndex, engines []*Engine) []Detection {
	out := make([]Detection, 0, len(engines))
	pending := make([][]int, 0, len(engines)) // costly markers per engine, by index
	best := 0
	for _, e := range engines {
		d := Detection{Engine: e}
		if _, err := e.rules(); err != nil {
			continue
		}
		var costly []int
		for i, r := range e.markers {
			if r.costly() {
				costly = append(costly, i)
				continue
			}
			d.score(e, i, r, doc, ix)
		}
		best = max(best, d.Score)
		out = append(out, d)
		pending = append(pending, costly)
	}
	for k := range out {
		d := &out[k]
		rest := 0
		for _, i := range pending[k] {
			rest += d.Engine.Markers[i].Weight
		}
		if rest == 0 || !(d.Score+rest > best || d.Score == best && d.Score < minScore) {
			continue
		}
		for _, i := range pending[k] {
			d.score(d.Engine, i, d.Engine.markers[i], doc, ix)
		}
		d.Evidence = d.Evidence[:0]
		for i, m := range d.Engine.Markers { // in the engine's order
			if d.matched[i] {
				d.Evidence = append(d.Evidence, m.Why)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}

// score adds marker i of e to the detection when it matches the page.
func (d *Detection) score(e *Engine, i int, r rule, doc *html.Node, ix *pageIndex) {
	if r.forPage(ix).matches(doc) {
		d.Score += e.Markers[i].Weight
		d.Evidence = append(d.Evidence, e.Markers[i].Why)
		if d.matched == nil {
			d.matched = map[int]bool{}
		}
		d.matched[i] = true
	}
}
