package parser

import (
	"slices"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Searches through the page index. A walk of the tree tests every element
// below the context against the selector; the index knows which elements
// have each class, id, attribute name and tag, so a search tests only the
// elements that have the rarest name the selector's last compound needs,
// and among them only those inside the context (elements are numbered in
// document order, and the elements inside one form a range). Results are
// the walk's, in the same order: every candidate is tested with the same
// matcher, and a scoped chain is matched from the candidate up to the context.
//
// The index can place only the document and the elements its own searches
// found (posts, bodies, quotes, pairs...): a search from any other element
// walks the tree, as does every search while a subtree that the index cannot
// place is detached (see hideChildren).

// span is a range [lo, hi) of element indexes.
type span struct{ lo, hi int32 }

func (s span) has(i int32) bool { return s.lo <= i && i < s.hi }

// list returns the elements that have the anchor's name. A post's rules
// ask for the same few names again and again: the answers sit in a small
// cache before the maps.
func (ix *pageIndex) list(a anchor) []int32 {
	slot := &ix.recentLists[(cacheSlot(a.name)+int(a.kind))&(len(ix.recentLists)-1)]
	if slot.set && slot.kind == a.kind && slot.name == a.name {
		return slot.list
	}
	l := ix.lookupList(a)
	slot.set, slot.kind, slot.name, slot.list = true, a.kind, a.name, l
	return l
}

// lookupList is list without the cache.
func (ix *pageIndex) lookupList(a anchor) []int32 {
	switch a.kind {
	case '.':
		return ix.classes.get(a.name)
	case '#':
		return ix.ids.get(a.name)
	case '[':
		return ix.attrs.get(a.name)
	}
	return ix.tagged(a.atom, a.name)
}

// scope returns the range of the elements at or below n, and false when
// the index cannot place n or searches must walk.
func (ix *pageIndex) scope(n *html.Node) (span, bool) {
	if ix == nil || ix.off > 0 || n == nil {
		return span{}, false
	}
	if n == ix.root {
		return span{0, int32(len(ix.elems))}, true
	}
	if n == ix.lastScoped { // a post's rules search from the post, one after another
		return ix.lastScope, true
	}
	i, ok := ix.placed[n]
	if !ok {
		return span{}, false
	}
	ix.lastScoped, ix.lastScope = n, span{i, ix.ends[i]}
	return ix.lastScope, true
}

// place remembers where element i is, so that searches from it use the index.
func (ix *pageIndex) place(i int32) *html.Node {
	n := ix.elems[i]
	if ix.placed == nil {
		ix.placed = make(map[*html.Node]int32, 256)
	}
	ix.placed[n] = i
	return n
}

// candidates returns the elements in s that can match the alternative
// searched from ctx, in document order: per group, those with the rarest
// name of its last compound, and of those only the ones inside an element
// with the rarest name of a compound that must contain the match. It
// returns false when the alternative has no anchors.
func (ix *pageIndex) candidates(a *alt, ctx *html.Node, s span) ([]int32, bool) {
	if a.anchors == nil {
		return nil, false
	}
	if len(a.anchors) == 0 {
		return nil, true
	}
	key := &a.anchors[0]
	m := ix.searchesFrom(ctx)
	for _, e := range m.seen[:m.n] {
		if e.anchors == key {
			return e.cands, true
		}
	}
	out := ix.candidatesIn(a, ctx, s)
	if m.n < len(m.seen) {
		m.seen[m.n].anchors, m.seen[m.n].cands = key, out
		m.n++
	}
	return out, true
}

// candidatesIn is candidates without the memory.
func (ix *pageIndex) candidatesIn(a *alt, ctx *html.Node, s span) []int32 {
	var out []int32
	for g, ga := range a.anchors {
		var best []int32
		named := len(ga.last) > 0 // else a value test the index keeps lists the candidates (see anchorsOf)
		if named {
			best, _ = ix.rarest(ga.last)
			best = within(best, s)
		}
		if !named || len(best) > manyCandidates {
			for _, n := range ga.lastValues {
				if l, ok := ix.valuedElems(n); ok && (!named || len(l) < len(best)) {
					best, named = within(l, s), true
				}
			}
		}
		if len(best) > 4 && len(ga.outer) > 0 {
			best = ix.inside(best, a, ga, ctx, s)
		}
		if g == 0 {
			out = best
		} else {
			out = mergeSorted(out, best)
		}
	}
	return out
}

// manyCandidates is how many candidates a search takes before it asks
// for the elements whose attribute value passes its test (a search of the
// page's values, once per page and test): a post's searches have a few.
const manyCandidates = 32

// rarest returns the elements with the rarest of the anchors, and that anchor.
func (ix *pageIndex) rarest(as []anchor) ([]int32, anchor) {
	best, which := ix.list(as[0]), as[0]
	for _, an := range as[1:] {
		if len(best) == 0 {
			break
		}
		if l := ix.list(an); len(l) < len(best) {
			best, which = l, an
		}
	}
	return best, which
}

// inside returns the candidates that lie inside an element with the
// rarest name of the group's outer compounds, when that name is rarer
// than the candidates. Outside a scoped chain, an ancestor of ctx counts
// too: when one has the name, every candidate may be inside it.
func (ix *pageIndex) inside(cands []int32, a *alt, ga groupAnchors, ctx *html.Node, s span) []int32 {
	var outer []int32
	var name anchor
	for i, as := range ga.outer {
		if l, an := ix.rarest(as); i == 0 || len(l) < len(outer) {
			outer, name = l, an
		}
	}
	outer = within(outer, s)
	if len(outer) >= len(cands) {
		return cands
	}
	if a.chain == nil && ctx != ix.root {
		for p := ctx.Parent; p != nil; p = p.Parent {
			if p.Type == html.ElementNode && name.on(p) {
				return cands
			}
		}
	}
	out := make([]int32, 0, len(cands))
	end, j := int32(-1), 0
	for _, c := range cands {
		for ; j < len(outer) && outer[j] < c; j++ {
			end = max(end, ix.ends[outer[j]])
		}
		if c < end {
			out = append(out, c)
		}
	}
	return out
}

// within returns the part of the sorted list l inside s.
func within(l []int32, s span) []int32 {
	lo, _ := slices.BinarySearch(l, s.lo)
	hi, _ := slices.BinarySearch(l[lo:], s.hi)
	return l[lo : lo+hi]
}

// mergeSorted returns the union of two sorted lists, sorted, as a new slice.
func mergeSorted(a, b []int32) []int32 {
	out := make([]int32, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] < b[0]:
			out, a = append(out, a[0]), a[1:]
		case b[0] < a[0]:
			out, b = append(out, b[0]), b[1:]
		default:
			out, a, b = append(out, a[0]), a[1:], b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// visible reports whether element i is in no detached range.
func (ix *pageIndex) visible(i int32) bool {
	for _, h := range ix.hidden {
		if h.has(i) {
			return false
		}
	}
	return true
}

// matchAt reports whether element n, at or below ctx, matches the
// alternative as a walk from ctx would find it.
func (a *alt) matchAt(n, ctx *html.Node) bool {
	if a.chain != nil {
		return a.chain.matchUp(n, ctx)
	}
	return a.group.Match(n)
}

// first returns the first element at or below ctx that the alternative's
// selector matches; place makes searches from it use the index.
func (ix *pageIndex) first(a *alt, ctx *html.Node, place bool) *html.Node {
	s, ok := ix.scope(ctx)
	var cs []int32
	if ok {
		cs, ok = ix.candidates(a, ctx, s)
	}
	if !ok {
		return a.first(ctx)
	}
	for _, i := range cs {
		if n := ix.elems[i]; ix.visible(i) && a.matchAt(n, ctx) {
			if place {
				ix.place(i)
			}
			return n
		}
	}
	return nil
}

// all returns every element at or below ctx that the alternative's selector
// matches, in document order; place makes searches from them use the index.
func (ix *pageIndex) all(a *alt, ctx *html.Node, place bool) []*html.Node {
	s, ok := ix.scope(ctx)
	var cs []int32
	if ok {
		cs, ok = ix.candidates(a, ctx, s)
	}
	if !ok {
		return a.matchAll(ctx)
	}
	var out []*html.Node
	for _, i := range cs {
		if n := ix.elems[i]; ix.visible(i) && a.matchAt(n, ctx) {
			if place {
				ix.place(i)
			}
			out = append(out, n)
		}
	}
	return out
}

// each calls f for every element at or below ctx that the alternative's
// selector matches, in document order, until f returns false: all without
// the list, for a caller that wants the first match that passes a test.
func (ix *pageIndex) each(a *alt, ctx *html.Node, f func(*html.Node) bool) {
	s, ok := ix.scope(ctx)
	var cs []int32
	if ok {
		cs, ok = ix.candidates(a, ctx, s)
	}
	if !ok {
		for _, m := range a.matchAll(ctx) {
			if !f(m) {
				return
			}
		}
		return
	}
	for _, i := range cs {
		if n := ix.elems[i]; ix.visible(i) && a.matchAt(n, ctx) && !f(n) {
			return
		}
	}
}

// outer returns the elements at or below ctx that the alternative's
// selector matches and that are not inside another of them, in document order.
func (ix *pageIndex) outer(a *alt, ctx *html.Node) []*html.Node {
	s, ok := ix.scope(ctx)
	var cs []int32
	if ok {
		cs, ok = ix.candidates(a, ctx, s)
	}
	if !ok {
		if a.chain != nil {
			return dropNested(a.chain.all(ctx, nil))
		}
		var out []*html.Node
		walkMatches(a.group, ctx, func(m *html.Node) bool { out = append(out, m); return true })
		return out
	}
	var out []*html.Node
	inside := span{-1, -1} // the last match kept
	for _, i := range cs {
		if inside.has(i) || !ix.visible(i) {
			continue
		}
		if n := ix.elems[i]; a.matchAt(n, ctx) {
			out = append(out, ix.place(i))
			inside = span{i, ix.ends[i]}
		}
	}
	return out
}

// hide records that n's children are detached, until the returned function
// is called; searches skip them meanwhile.
func (ix *pageIndex) hide(n *html.Node) (restore func()) {
	if ix == nil {
		return func() {}
	}
	ix.shown++ // the texts read before are not the tree's any more (see text)
	if s, ok := ix.scope(n); ok && n != ix.root {
		ix.hidden = append(ix.hidden, span{s.lo + 1, s.hi})
		return func() { ix.shown++; ix.hidden = ix.hidden[:len(ix.hidden)-1] }
	}
	ix.off++
	return func() { ix.shown++; ix.off-- }
}

// baseElement returns the page's first <base> with an href, as documentBase
// finds it, or nil.
func (ix *pageIndex) baseElement() *html.Node {
	for _, i := range ix.tagged(atom.Base, "base") {
		if hasAttr(ix.elems[i], "href") {
			return ix.elems[i]
		}
	}
	return nil
}
