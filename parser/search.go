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

// tagged returns the elements with the tag (whose atom is a, or 0). The
// first question for a tag with an atom lists the elements of every such
// tag, in one pass over the tags' atoms (see listTags); a tag without an
// atom is scanned for each time.
func (ix *pageIndex) tagged(a atom.Atom, tag string) []int32 {
	if a == 0 {
		var l []int32
		for i, t := range ix.atoms {
			if t == 0 && ix.elems[i].Data == tag {
				l = append(l, int32(i))
			}
		}
		return l
	}
	if !ix.tagsListed {
		ix.listTags()
	}
	return ix.tags[a]
}

// listTags lists the elements of each tag with an atom, by a counting
// sort of the elements by tag: a thread page's rules ask for a dozen tags
// or more, and a scan of every element for each cost more. The lists are
// parts of one array (pageIndex.tagList, kept for the next page); nothing
// appends to them.
func (ix *pageIndex) listTags() {
	ix.tagsListed = true
	if ix.tags == nil {
		ix.tags = make(map[atom.Atom][]int32, 64)
	}
	if ix.tagNumbers == nil {
		ix.tagNumbers = make(map[atom.Atom]int32, 64)
	}
	var recent [64]struct { // atoms' numbers, before ix.tagNumbers
		a atom.Atom
		k int32
	}
	keys := ix.tagKeys[:0]
	var order []atom.Atom // the atoms by number
	var counts []int32
	for _, t := range ix.atoms {
		if t == 0 {
			keys = append(keys, -1)
			continue
		}
		slot := &recent[(uint32(t)>>8^uint32(t))&63]
		if slot.a != t {
			n, seen := ix.tagNumbers[t]
			if !seen {
				n = int32(len(order))
				ix.tagNumbers[t] = n
				order = append(order, t)
				counts = append(counts, 0)
			}
			slot.a, slot.k = t, n
		}
		keys = append(keys, slot.k)
		counts[slot.k]++
	}
	starts := make([]int32, len(order)+1)
	for k, c := range counts {
		starts[k+1] = starts[k] + c
	}
	list := grown(ix.tagList, int(starts[len(order)]))
	fill := counts[:0]
	fill = append(fill, starts[:len(order)]...)
	for i, k := range keys {
		if k >= 0 {
			list[fill[k]] = int32(i)
			fill[k]++
		}
	}
	for k, t := range order {
		ix.tags[t] = list[starts[k]:starts[k+1]:starts[k+1]]
	}
	ix.tagKeys, ix.tagList = keys, list
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

// searchMemory holds the candidates of the searches made from one context
// element, by selector (its anchors, shared by every copy of an
// alternative): what they depend on, as the index knows the context's range
// for good once it can place it. A post's rules search for one selector
// several times (a name, then its link; a date, then its element), and
// different rules share selectors.
type searchMemory struct {
	ctx  *html.Node
	n    int
	seen [24]struct {
		anchors *groupAnchors
		cands   []int32
	}
}

// searchesFrom returns the memory of the searches from ctx, taking over
// the oldest of recentSearches when ctx has none: a post's rules search
// from the post, its body and its pairs in turn, a few contexts at a time.
func (ix *pageIndex) searchesFrom(ctx *html.Node) *searchMemory {
	for i := range ix.recentSearches {
		if m := &ix.recentSearches[i]; m.ctx == ctx {
			return m
		}
	}
	m := &ix.recentSearches[ix.nextSearches]
	ix.nextSearches = (ix.nextSearches + 1) % len(ix.recentSearches)
	m.ctx, m.n = ctx, 0
	return m
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

// text returns nodeText(n), remembered for the last few elements read:
// rules read one element's text in turn (an SMF post's header line gives
// its shown number and its date, a listed thread's statistics cell its
// replies and its views). A text read before the tree last changed (see
// hide) is read again. ix may be nil.
func (ix *pageIndex) text(n *html.Node) string {
	if ix == nil {
		return nodeText(n)
	}
	for i := range ix.recentTexts {
		if t := &ix.recentTexts[i]; t.n == n && t.shown == ix.shown {
			return t.text
		}
	}
	s := nodeText(n)
	t := &ix.recentTexts[ix.nextText]
	ix.nextText = (ix.nextText + 1) % len(ix.recentTexts)
	t.n, t.shown, t.text = n, ix.shown, s
	return s
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
