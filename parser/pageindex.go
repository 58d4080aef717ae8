package parser

import (
	"bytes"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageIndex is the set of class names, ids, attribute names and tags a page
// uses, gathered in one walk, each with the elements that have it. A
// selector alternative that needs a class the page does not have can match
// nothing on it, so it is dropped for that page without searching the tree:
// most of an engine's fallbacks for other skins, and most of the other
// engines' detection markers, cost a map look-up. A search for a selector
// that can match looks only at the elements that have the rarest name its
// last compound needs (see search.go), instead of walking the tree.
type pageIndex struct {
	classes, ids, attrs postings[string]
	classSets           map[string][]int32 // class attribute value -> the numbers of its classes in classes
	recentClasses       [256]struct {      // a cache before classSets, by cacheSlot of the value
		value string
		keys  []int32
	}
	recentAttrs [64]struct { // a cache before attrs.at, by cacheSlot of the name
		name string
		key  int32
	}
	recentLists [128]struct { // a cache before list's look-ups, by cacheSlot of the name and kind
		set  bool
		kind byte
		name string
		list []int32
	}
	// values holds, per attribute of valueAttrs and then for id, every
	// value on the page between NULs (which no value holds: the tokenizer
	// replaces them): "[href*=x]" is one search of this text, "[href^=x]"
	// a search for NUL x, "[href$=x]" for x NUL, "[href=x]" for NUL x NUL.
	values [len(valueAttrs) + 1][]byte
	// valueEnds and valueElems give, per value in values, where it ends
	// there and the element that has it (see valued).
	valueEnds, valueElems [len(valueAttrs) + 1][]int32
	valued                map[need][]int32   // the elements whose value satisfies a need, listed when first asked for
	known                 map[need]bool      // needs already answered on this page
	firstHits             map[need]int32     // where anyValue found a need's needle in its values, or -1
	picked                map[picking]string // what regexps picked out of texts on this page (see filter)
	// recentSearches remember the candidates of the latest searches, by
	// context (see candidates); nextSearches is the one to take over next.
	recentSearches [4]searchMemory
	nextSearches   int

	root  *html.Node            // the indexed tree
	elems []*html.Node          // its elements in document order
	atoms []atom.Atom           // their tags' atoms (0 for a tag without one)
	tags  map[atom.Atom][]int32 // elements by tag, listed when first asked for (see listTags)
	// tagsListed tells whether tags holds every tag's list; tagNumbers,
	// tagKeys and tagList are listTags' numbers of the atoms, each
	// element's number and the lists' array.
	tagsListed bool
	tagNumbers map[atom.Atom]int32
	tagKeys    []int32
	tagList    []int32
	ends       []int32              // ends[i]: the index after the last element inside elems[i]
	placed     map[*html.Node]int32 // elements searches found, by index: the contexts of later searches
	// lastScoped is the element scope placed last, and lastScope its range.
	lastScoped *html.Node
	lastScope  span
	hidden     []span // ranges of elements that hideChildren detached
	// shown counts the changes of the visible tree (see hide);
	// recentTexts are the texts last read, nextText the one to replace.
	shown       int
	recentTexts [8]recentText
	nextText    int
	off         int // while > 0, searches walk the tree: a detached subtree the index cannot place
}

// postings maps names to the elements (indexes into pageIndex.elems) that
// have them, in document order. add collects; build turns what it collected
// into one list per name.
type postings[K comparable] struct {
	at    map[K]int32 // name -> its number
	pairs []int32     // while collecting: name number, element, name number, element...
	last  []int32     // while collecting: the last element added per name number
	start []int32     // after build: the elements of name k are list[start[k]:start[k+1]]
	list  []int32
}

func newPostings[K comparable](size int) postings[K] {
	return postings[K]{at: make(map[K]int32, size)}
}

// add records that element i has the name; repeats for one element are dropped.
func (p *postings[K]) add(name K, i int32) {
	p.addKey(p.key(name), i)
}

// key returns the number of the name, numbering it when new.
func (p *postings[K]) key(name K) int32 {
	k, ok := p.at[name]
	if !ok {
		k = int32(len(p.last))
		p.at[name] = k
		p.last = append(p.last, -1)
	}
	return k
}

// addKey records that element i has the name numbered k.
func (p *postings[K]) addKey(k, i int32) {
	if p.last[k] == i {
		return
	}
	p.last[k] = i
	p.pairs = append(p.pairs, k, i)
}

// build sorts what add collected into lists, by a counting sort.
func (p *postings[K]) build() {
	p.start = grown(p.start, len(p.last)+1)
	for j := 0; j < len(p.pairs); j += 2 {
		p.start[p.pairs[j]+1]++
	}
	for k := 1; k < len(p.start); k++ {
		p.start[k] += p.start[k-1]
	}
	p.list = grown(p.list, len(p.pairs)/2)
	fill := p.last // no longer needed: reused as the fill position of each name
	copy(fill, p.start)
	for j := 0; j < len(p.pairs); j += 2 {
		k := p.pairs[j]
		p.list[fill[k]] = p.pairs[j+1]
		fill[k]++
	}
	p.pairs, p.last = p.pairs[:0], p.last[:0] // kept for the next page (see pageIndex.release)
}

// grown returns s resized to n zeroed elements, reusing its array when it is large enough.
func grown(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// has reports whether some element has the name.
func (p *postings[K]) has(name K) bool {
	_, ok := p.at[name]
	return ok
}

// get returns the elements that have the name, in document order.
func (p *postings[K]) get(name K) []int32 {
	k, ok := p.at[name]
	if !ok {
		return nil
	}
	return p.list[p.start[k]:p.start[k+1]]
}

// valueAttrs are the attributes whose values the index keeps: those that
// engines' markers test by value (links, scripts, meta tags, ids).
var valueAttrs = [...]string{"href", "src", "content", "name", "rel"}

// valueSlot returns the place of the attribute in valueAttrs, or -1.
func valueSlot(key string) int {
	switch key {
	case "href":
		return 0
	case "src":
		return 1
	case "content":
		return 2
	case "name":
		return 3
	case "rel":
		return 4
	}
	return -1
}

// indexPage returns the index of the tree below doc, after expanding the
// markup of each <noscript> that is not inside another (see expandNoscript).
func indexPage(doc *html.Node) *pageIndex { return indexSized(doc, 1024) }

// indexMarkup is indexPage for the tree html.Parse made of body: its
// lists are sized at once for about as many elements as body has start
// tags (half its tags: a count of "</" would cost as much as the index).
func indexMarkup(doc *html.Node, body []byte) *pageIndex {
	tags := bytes.Count(body, []byte("<"))
	return indexSized(doc, max(tags/2+16, 64))
}

// indexSized is indexPage with room for about elems elements; its lists
// come from a released index where one is free (see release).
func indexSized(doc *html.Node, elems int) *pageIndex {
	ix, _ := freeIndexes.Get().(*pageIndex)
	if ix == nil {
		ix = &pageIndex{
			classes:   newPostings[string](256),
			classSets: make(map[string][]int32, 128),
			ids:       newPostings[string](64),
			attrs:     newPostings[string](32),
		}
	}
	ix.root = doc
	ix.elems = slices.Grow(ix.elems, elems)
	ix.atoms = slices.Grow(ix.atoms, elems)
	ix.ends = slices.Grow(ix.ends, elems)
	ix.classes.pairs = slices.Grow(ix.classes.pairs, 2*elems)
	ix.attrs.pairs = slices.Grow(ix.attrs.pairs, 2*elems)
	ix.walk(doc, true)
	for _, p := range []*postings[string]{&ix.classes, &ix.ids, &ix.attrs} {
		p.build()
	}
	return ix
}

// walk indexes the elements below n (n itself is indexed by the caller, or
// is the document), expanding the <noscript> elements it meets when expand
// is set. Only elements are visited: text and comments need no call.
func (ix *pageIndex) walk(n *html.Node, expand bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		inner := expand
		if c.DataAtom == atom.Noscript {
			if expand {
				expandNoscript(c)
			}
			inner = false
		}
		i := int32(len(ix.elems))
		ix.elems = append(ix.elems, c)
		ix.ends = append(ix.ends, 0)
		ix.atoms = append(ix.atoms, c.DataAtom)
		for j := range c.Attr {
			a := &c.Attr[j]
			switch a.Key {
			case "class":
				ix.addClasses(a.Val, i)
				continue
			case "id":
				ix.ids.add(a.Val, i)
				ix.addValue(idSlot, a.Val, i)
				continue
			}
			if v := valueSlot(a.Key); v >= 0 {
				ix.addValue(v, a.Val, i)
			}
			ix.attrs.addKey(ix.attrKey(a.Key), i)
		}
		if c.FirstChild != nil {
			ix.walk(c, inner)
		}
		ix.ends[i] = int32(len(ix.elems))
	}
}

// addClasses adds each class of a class attribute's value, for element i.
// Many elements share one value (every post's "message message--post"):
// its classes are split and looked up once.
func (ix *pageIndex) addClasses(v string, i int32) {
	slot := &ix.recentClasses[cacheSlot(v)]
	ks := slot.keys
	if slot.value != v || ks == nil {
		var ok bool
		if ks, ok = ix.classSets[v]; !ok {
			ks = ix.classKeys(v)
			ix.classSets[v] = ks
		}
		slot.value, slot.keys = v, ks
	}
	for _, k := range ks {
		ix.classes.addKey(k, i)
	}
}

// classKeys returns the numbers of the classes of a class attribute's value.
func (ix *pageIndex) classKeys(v string) []int32 {
	var ks []int32
	for v != "" {
		k := 0
		for k < len(v) && isClassSpace(v[k]) {
			k++
		}
		v = v[k:]
		j := 0
		for j < len(v) && !isClassSpace(v[j]) {
			j++
		}
		if j > 0 {
			ks = append(ks, ix.classes.key(v[:j]))
		}
		v = v[j:]
	}
	return ks
}

// need is what a selector requires a page to have somewhere.
type need struct {
	kind  byte   // '.' class, '#' id, '[' attribute
	name  string // class, id or attribute name
	op    string // for an attribute: "", "=", "^=", "$=", "*=", "~=", "|="
	value string // for an attribute with an operator
}

// has reports whether the page has what n names, remembering the answers
// that scan attribute values: the same needs recur across rules and engines.
func (ix *pageIndex) has(n need) bool {
	if n.op == "" {
		return ix.lookup(n) // one map look-up: cheaper than remembering
	}
	if ok, seen := ix.known[n]; seen {
		return ok
	}
	ok := ix.lookup(n)
	if ix.known == nil {
		ix.known = make(map[need]bool, 64)
	}
	ix.known[n] = ok
	return ok
}

// lookup answers has without the memory.
func (ix *pageIndex) lookup(n need) bool {
	var ok bool
	switch n.kind {
	case '.':
		ok = ix.classes.has(n.name)
	case '#':
		ok = ix.ids.has(n.name)
	case '[':
		switch n.name {
		case "class":
			return true // not indexed as a name
		case "id":
			ok = len(ix.ids.at) > 0
		default:
			ok = ix.attrs.has(n.name)
		}
		if ok && n.op != "" && (valueSlot(n.name) >= 0 || n.name == "id") {
			return ix.anyValue(n)
		}
	}
	return ok
}

// idSlot is the place of the id attribute's values in pageIndex.values.
const idSlot = len(valueAttrs)

// addValue records a value of the attribute in slot v of values.
func (ix *pageIndex) addValue(v int, val string, elem int32) {
	if len(ix.values[v]) == 0 {
		ix.values[v] = append(ix.values[v], 0)
	}
	ix.values[v] = append(append(ix.values[v], val...), 0)
	ix.valueEnds[v] = append(ix.valueEnds[v], int32(len(ix.values[v])))
	ix.valueElems[v] = append(ix.valueElems[v], elem)
}

// valuedElems returns the elements, in document order, whose value of the
// need's attribute satisfies its operator: every match of a compound with
// "[href*=x]" is among the elements whose href holds x, which one search
// of the joined values finds. It returns false for a need it cannot list.
func (ix *pageIndex) valuedElems(n need) ([]int32, bool) {
	slot := idSlot
	if n.name != "id" {
		slot = valueSlot(n.name)
	}
	if slot < 0 || !n.listable() {
		return nil, false
	}
	if l, ok := ix.valued[n]; ok {
		return l, true
	}
	find := n.needle()
	var out []int32
	all, ends := ix.values[slot], ix.valueEnds[slot]
	start := 0
	if at, ok := ix.firstHits[n]; ok { // no match before it (see anyValue)
		start = int(at)
		if at < 0 {
			start = len(all)
		}
	}
	for from, lo := start, 0; from < len(all); {
		j := bytes.Index(all[from:], find)
		if j < 0 {
			break
		}
		at := from + j
		if find[0] == 0 {
			at++ // the NUL before the value belongs to the value before it
		}
		// The value whose end is past at: after the last one found, as
		// each search starts past it; often the next, when most values
		// pass (every topic link of a page).
		k := lo + firstAtLeast(ends[lo:], int32(at+1))
		lo = k + 1
		if k < len(ends) {
			if e := ix.valueElems[slot][k]; len(out) == 0 || out[len(out)-1] != e {
				out = append(out, e)
			}
			from = int(ends[k]) - 1 // on to the next value (from its leading NUL)
		} else {
			break
		}
	}
	if ix.valued == nil {
		ix.valued = make(map[need][]int32, 16)
	}
	ix.valued[n] = out
	return out, true
}

// firstAtLeast returns the first index of the sorted list s whose element
// is at least t, or len(s): a galloping search, which takes a few steps
// when that index is near the start.
func firstAtLeast(s []int32, t int32) int {
	end := 1
	for end < len(s) && s[end-1] < t {
		end *= 2
	}
	start := end / 2 // every element before start is below t
	i, _ := slices.BinarySearch(s[start:min(end, len(s))], t)
	return start + i
}

// listable reports whether needle answers the need's operator.
func (n need) listable() bool {
	switch n.op {
	case "=", "^=", "$=", "*=":
		return true
	}
	return false
}

// needle returns what anyValue and valuedElems search the joined values
// for, or nil for an operator they do not answer.
func (n need) needle() []byte {
	switch n.op {
	case "=":
		return append(append([]byte{0}, n.value...), 0)
	case "^=":
		return append([]byte{0}, n.value...)
	case "$=":
		return append([]byte(n.value), 0)
	case "*=":
		return []byte(n.value)
	}
	return nil
}

// anyValue reports whether some value of the attribute satisfies the need's operator.
func (ix *pageIndex) anyValue(n need) bool {
	slot := idSlot
	if n.name != "id" {
		slot = valueSlot(n.name)
	}
	all := ix.values[slot]
	if len(all) == 0 {
		return false
	}
	find := n.needle()
	if find == nil {
		return true // "~=", "|=": left to the selector
	}
	// Where the needle first is, so that valuedElems, asked next for the
	// same need when the search goes on, starts there: the values of a
	// page's links are tens of kilobytes, and a marker's needle is often
	// near their end or nowhere.
	at := bytes.Index(all, find)
	if ix.firstHits == nil {
		ix.firstHits = make(map[need]int32, 16)
	}
	ix.firstHits[n] = int32(at)
	return at >= 0
}

var (
	parenthesised = regexp.MustCompile(`\([^()]*\)`)
	needPart      = regexp.MustCompile(`([.#])(-?[_a-zA-Z][\w-]*)|\[\s*([\w-]+)\s*(?:([~|^$*]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]*)))?\s*(i)?\s*\]`)
)

// needsOf returns, for each comma-separated group of css, what the page must
// have for the group to match anything. Pseudo-class arguments (":not(.x)")
// and attribute values are left out: they need nothing for sure.
func needsOf(css string) [][]need {
	s := css
	for strings.Contains(s, "(") {
		t := parenthesised.ReplaceAllString(s, "")
		if t == s {
			return nil // unbalanced: assume nothing
		}
		s = t
	}
	var out [][]need
	for _, g := range strings.Split(s, ",") {
		var ns []need
		for _, m := range needPart.FindAllStringSubmatch(g, -1) {
			switch {
			case m[1] != "":
				ns = append(ns, need{kind: m[1][0], name: m[2]})
			case m[3] != "":
				n := need{kind: '[', name: strings.ToLower(m[3]), op: m[4], value: m[5] + m[6] + m[7]}
				if m[8] != "" || n.op != "" && n.value == "" {
					n.op, n.value = "", "" // case-insensitive or empty: test presence only
				}
				ns = append(ns, n)
			}
		}
		out = append(out, ns)
	}
	return out
}

// possible reports whether the alternative could match on the indexed page.
func (a alt) possible(ix *pageIndex) bool {
	_, ok := a.narrowed(ix)
	return ok
}

// forPage returns the rule without the alternatives that cannot match on the
// indexed page, and with each selector list cut to the groups that can: a
// rule that lists a selector per skin then walks the page with the one
// selector of this page's skin, as a scoped chain.
func (r rule) forPage(ix *pageIndex) rule {
	r.ix = ix
	for i, a := range r.alts {
		if b, ok := a.narrowed(ix); !ok || len(b.groups) != len(a.groups) {
			return r.rebuilt(ix, i) // allocate only for the rules that change
		}
	}
	return r
}

// rebuilt returns the rule narrowed to the page, from its alternative i on.
func (r rule) rebuilt(ix *pageIndex, from int) rule {
	out := rule{src: r.src, alts: append(make([]alt, 0, len(r.alts)), r.alts[:from]...), ix: ix}
	for _, a := range r.alts[from:] {
		if b, ok := a.narrowed(ix); ok {
			out.alts = append(out.alts, b)
		}
	}
	return out
}

// narrowed returns the alternative cut to the groups of its selector that
// can match on the page, and false when none can.
func (a alt) narrowed(ix *pageIndex) (alt, bool) {
	if a.needs == nil || ix == nil {
		return a, true
	}
	var keep []string
	for i, group := range a.needs {
		if ix.hasAll(group) {
			if a.groups == nil {
				return a, true
			}
			keep = append(keep, a.groups[i])
		}
	}
	switch {
	case len(keep) == 0:
		return alt{}, false
	case a.groups == nil || len(keep) == len(a.groups):
		return a, true
	}
	css := strings.Join(keep, ", ")
	if v, ok := a.variants.Load(css); ok {
		return v.(alt), true
	}
	b := alt{attr: a.attr, re: a.re, prev: a.prev}
	if err := b.compileCSS(css); err != nil {
		return a, true
	}
	a.variants.Store(css, b)
	return b, true
}

// hasAll reports whether the page has everything a group needs.
func (ix *pageIndex) hasAll(group []need) bool {
	for _, n := range group {
		if !ix.has(n) {
			return false
		}
	}
	return true
}

// cacheSlot returns where a name goes in a direct-mapped cache: one
// comparison of strings there is cheaper than hashing them for a map.
func cacheSlot(s string) int {
	if s == "" {
		return 0
	}
	return (len(s)*7 + int(s[0])*31 + int(s[len(s)/2])*17 + int(s[len(s)-1])) & 255
}

// attrKey returns the number of an attribute name in attrs.
func (ix *pageIndex) attrKey(name string) int32 {
	slot := &ix.recentAttrs[cacheSlot(name)&63]
	if slot.name != name || name == "" {
		slot.name, slot.key = name, ix.attrs.key(name)
	}
	return slot.key
}

// picking is a regexp applied to a text.
type picking struct {
	re   *regexp.Regexp
	text string
}

// filter returns a.filter(v), remembering it for the page: the same texts
// recur on a page (each post's profile labels, its authors' links), and a
// map look-up costs a tenth of a regexp's match. ix may be nil.
func (ix *pageIndex) filter(a *alt, v string) string {
	if a.re == nil || a.pick != nil || v == "" || ix == nil { // a quick pick costs less than the look-up
		return a.filter(v)
	}
	k := picking{a.re, v}
	if out, ok := ix.picked[k]; ok {
		return out
	}
	out := a.filter(v)
	if ix.picked == nil {
		ix.picked = make(map[picking]string, 64)
	}
	ix.picked[k] = out
	return out
}
