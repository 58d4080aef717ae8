package parser

import "golang.org/x/net/html/atom"

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
