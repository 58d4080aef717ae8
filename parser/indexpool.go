package parser

import "sync"

// freeIndexes holds the indexes of pages whose parse is over, emptied, for
// the next pages: an index's lists are as long as its page has elements,
// and allocating them anew for each page cost a tenth of html.Parse's time
// in allocation and collection.
var freeIndexes sync.Pool

// release empties the index and offers it to the next page. The index must
// not be used after: ParseAt releases the index of its page when it returns,
// as nothing of what it returns refers to the index.
func (ix *pageIndex) release() {
	if ix == nil || cap(ix.elems) > 1<<17 { // a huge page's lists are not kept
		return
	}
	ix.classes.reset()
	ix.ids.reset()
	ix.attrs.reset()
	clear(ix.classSets)
	ix.recentClasses = [len(ix.recentClasses)]struct {
		value string
		keys  []int32
	}{}
	ix.recentAttrs = [len(ix.recentAttrs)]struct {
		name string
		key  int32
	}{}
	clear(ix.recentLists[:])
	for i := range ix.values {
		ix.values[i], ix.valueEnds[i], ix.valueElems[i] = ix.values[i][:0], ix.valueEnds[i][:0], ix.valueElems[i][:0]
	}
	clear(ix.valued)
	clear(ix.known)
	clear(ix.firstHits)
	clear(ix.picked)
	ix.recentSearches, ix.nextSearches = [len(ix.recentSearches)]searchMemory{}, 0 // no pointer into the finished page
	ix.root = nil
	clear(ix.elems) // no pointer into the finished page's tree is kept
	ix.elems, ix.atoms, ix.ends = ix.elems[:0], ix.atoms[:0], ix.ends[:0]
	clear(ix.tags)
	clear(ix.tagNumbers)
	ix.tagsListed = false
	clear(ix.placed)
	ix.lastScoped = nil
	ix.hidden, ix.off = ix.hidden[:0], 0
	ix.recentTexts, ix.nextText = [len(ix.recentTexts)]recentText{}, 0
	freeIndexes.Put(ix)
}

// reset empties the postings, keeping their storage.
func (p *postings[K]) reset() {
	clear(p.at)
	p.pairs, p.last, p.start, p.list = p.pairs[:0], p.last[:0], p.start[:0], p.list[:0]
}
