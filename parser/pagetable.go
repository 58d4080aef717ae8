package parser

import (
	"sync"
	"sync/atomic"
)

// maxPageCuts bounds the cut tables a compiled table remembers; past it,
// pages are cut anew each time.
const maxPageCuts = 512

// pageCuts remembers a compiled table cut to pages (see forPage). Cutting
// depends only on which of the table's needs a page has, and a site's pages
// share their markup: most pages find their cut table made.
type pageCuts struct {
	needs []need   // every need of the table's alternatives, once
	cut   sync.Map // the answers to needs, one bit each, as a string -> *compiled
	n     atomic.Int32
}

// newPageCuts returns the cache of cut tables for c, listing its needs.
func newPageCuts(c *compiled) *pageCuts {
	pc := &pageCuts{}
	seen := map[need]bool{}
	add := func(r rule) {
		for _, a := range r.alts {
			for _, group := range a.needs {
				for _, n := range group {
					if !seen[n] {
						seen[n] = true
						pc.needs = append(pc.needs, n)
					}
				}
			}
		}
	}
	for _, r := range c.r {
		add(r)
	}
	for _, r := range c.extra {
		add(r)
	}
	return pc
}

// forPage returns the compiled table with each rule cut to what can match
// on the indexed page, searching through its index.
func (c *compiled) forPage(ix *pageIndex) *compiled {
	if c.cuts == nil {
		return c.cut(ix)
	}
	key := make([]byte, (len(c.cuts.needs)+7)/8)
	for i, n := range c.cuts.needs {
		if ix.has(n) {
			key[i/8] |= 1 << (i % 8)
		}
	}
	var t *compiled
	if v, ok := c.cuts.cut.Load(string(key)); ok {
		t = v.(*compiled)
	} else {
		t = c.cut(ix)
		t.ix = nil // the cut table is shared: it holds no page
		if c.cuts.n.Add(1) <= maxPageCuts {
			c.cuts.cut.Store(string(key), t)
		}
	}
	out := &compiled{src: t.src, r: t.r, extra: t.extra, ix: ix}
	out.recent = new(recentRules)
	return out
}

// cut returns the compiled table with each rule cut to what can match on the indexed page.
func (c *compiled) cut(ix *pageIndex) *compiled {
	out := &compiled{src: c.src, r: make(map[string]rule, len(c.r)), extra: c.extra, ix: ix}
	for k, r := range c.r {
		r = r.forPage(ix)
		r.ix = nil // set by get
		out.r[k] = r
	}
	if len(c.extra) > 0 {
		out.extra = make(map[string]rule, len(c.extra))
		for k, r := range c.extra {
			r = r.forPage(ix)
			r.ix = nil
			out.extra[k] = r
		}
	}
	return out
}
