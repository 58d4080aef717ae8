package parser

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

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

// Detect scores every engine the parser knows against the page's markup and
// returns one detection per engine, best first, each with its evidence: the
// first claims the page when its Claims reports true. It ignores a forced
// engine. body must be UTF-8 (see Decode); a leading byte-order mark is dropped.
func (p *Parser) Detect(body []byte) []Detection {
	doc, err := html.Parse(bytes.NewReader(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))))
	if err != nil { // html.Parse fails only on reader errors
		return nil
	}
	return detect(doc, indexPage(doc), p.engines)
}

// emptyRules returns warnings naming the rules that found nothing on a
// thread page: the post rule when there is no post (and the is_thread
// alternative that made it a thread page), else the author name and body
// rules when they found nothing in any of the posts.
func (x *extractor) emptyRules(p *Page) []string {
	if len(p.Posts) == 0 {
		return []string{fmt.Sprintf("thread page yielded no posts: selector post found nothing (tried %s); "+
			"the page counts as a thread because is_thread %q matched",
			alternatives(x.c.get("Post").src), foundBy(x.c.get("IsThread").src, x.doc))}
	}
	var out []string
	for _, f := range []struct {
		field, name string
		empty       func(*Post) bool
	}{
		{"AuthorName", "author_name", func(p *Post) bool { return p.Author.Name == "" }},
		{"Body", "post_body", func(p *Post) bool { return p.BodyHTML == "" && p.BodyText == "" }},
	} {
		if !slices.ContainsFunc(p.Posts, func(p Post) bool { return !f.empty(&p) }) {
			out = append(out, fmt.Sprintf("selector %s found nothing in any of the %d posts (tried %s)",
				f.name, len(p.Posts), alternatives(x.c.get(f.field).src)))
		}
	}
	return out
}

// alternatives returns a rule's alternatives quoted and joined for a message.
func alternatives(r Rule) string {
	if len(r) == 0 {
		return "no alternative: the rule is empty"
	}
	q := make([]string, len(r))
	for i, a := range r {
		q[i] = strconv.Quote(a)
	}
	return strings.Join(q, " | ")
}

// foundBy returns the first alternative of r that finds an element in ctx, or "".
func foundBy(r Rule, ctx *html.Node) string {
	for _, a := range r {
		if c, err := compileRule(Rule{a}); err == nil && !c.empty() && c.matches(ctx) {
			return a
		}
	}
	return ""
}
