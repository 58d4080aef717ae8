package parser

import "golang.org/x/net/html"

// The page index's memories of a post's searches and texts: a post's rules
// look for the same elements and read the same texts more than once.

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

// recentText is the text of an element, read while the tree was as
// pageIndex.shown counted.
type recentText struct {
	n     *html.Node
	shown int
	text  string
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
