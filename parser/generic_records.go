package parser

import (
	"net/url"
	"slices"
	"sort"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// layout is one way of reading a page's posts: the records that a kind of
// date (its element signature) marks, one record per date, and where each
// field lies in them.
type layout struct {
	dateSig   string       // the signature of the dates that mark the records
	records   []*html.Node // the records, in page order
	dates     []*dateCand  // per record, the post's date
	authorPat string       // the shape of the authors' profile links
	authors   []*html.Node // per record, the author's link, or nil
	bodies    []*html.Node // per record, the post's text, or nil
	bodyPath  string       // the bodies' path below their record, where most records agree
	lead      bool         // the first record was found apart, styled unlike the others

	withAuthor, withBody, linkBodies int
	listBodies                       int // bodies holding a link of a shape most bodies hold: rows of a list
	sameBodies                       int // bodies whose words, without numbers, are those of the most bodies
	text                             int // letters of the bodies outside links
	score                            float64
}

// genericReader reads one page with the generic extractor.
type genericReader struct {
	s       *scan
	doc     *html.Node
	base    *url.URL // what links resolve against
	pagePat string   // the shape of the page's own URL
	page    *url.URL // the page's own URL
	readerMemo

	dates *dateReader // reads displayed dates; nil leaves posted_at unset where no machine time is shown
	now   time.Time   // when the page was fetched, for relative dates
	lang  string      // the page's language ("de"), or ""
}

// layouts returns the ways of reading the page, best first.
func (g *genericReader) layouts() []*layout {
	bySig := map[string][]*dateCand{}
	var sigs []string
	for _, d := range g.s.dates {
		if bySig[d.sig] == nil {
			sigs = append(sigs, d.sig)
		}
		bySig[d.sig] = append(bySig[d.sig], d)
	}
	seen := map[string]bool{}
	var out []*layout
	// Kinds of date shown once are read only when no repeated kind reads
	// as posts: a page of one post. Elsewhere they are sidebars and footers.
	for _, single := range []bool{false, true} {
		if single && len(out) > 0 && out[0].confidence() >= GenericThreshold {
			break
		}
		out = g.readKinds(sigs, bySig, single, seen, out)
		sortLayouts(out)
	}
	return out
}

// readKinds adds to out the readings of the kinds of date shown once
// (single) or more often.
func (g *genericReader) readKinds(sigs []string, bySig map[string][]*dateCand, single bool, seen map[string]bool, out []*layout) []*layout {
	for _, sig := range sigs {
		ds := bySig[sig]
		if (len(ds) == 1) != single {
			continue
		}
		for _, variant := range [][]*dateCand{ds, dedupeDates(ds)} {
			recs := g.climb(variant)
			key := recordsKey(g.s, recs)
			if seen[key] {
				continue
			}
			seen[key] = true
			l := &layout{dateSig: sig, records: recs}
			g.fill(l)
			l.score *= 1 - float64(g.merged(l, bySig))/float64(len(recs))
			if l.score > 0 {
				out = append(out, l)
			}
		}
	}
	return out
}

// sortLayouts puts the best reading first: the highest score, and of two
// as good, the one with more records (it merges no posts).
func sortLayouts(out []*layout) {
	sort.SliceStable(out, func(i, j int) bool {
		if a, b := out[i].score, out[j].score; a > 1.01*b || b > 1.01*a {
			return a > b
		}
		return len(out[i].records) > len(out[j].records)
	})
}

// dedupeDates returns the dates without those that repeat the date before
// them (a post that shows its date twice, for wide and narrow screens).
func dedupeDates(ds []*dateCand) []*dateCand {
	out := make([]*dateCand, 0, len(ds))
	for i, d := range ds {
		if i > 0 && d.raw == ds[i-1].raw && sameTime(d.machine, ds[i-1].machine) {
			continue
		}
		out = append(out, d)
	}
	return out
}

// sameTime reports whether two optional times are both absent or equal.
func sameTime(a, b *time.Time) bool {
	return a == nil && b == nil || a != nil && b != nil && a.Equal(*b)
}

// merged returns how many of a layout's records merge several posts: they
// hold two different dates of the layout's own kind, or three of another
// kind that the page repeats.
func (g *genericReader) merged(l *layout, bySig map[string][]*dateCand) int {
	n := 0
	for _, ds := range g.datesIn(l.records) {
		values := map[string]map[string]bool{}
		for _, d := range ds {
			if values[d.sig] == nil {
				values[d.sig] = map[string]bool{}
			}
			values[d.sig][d.raw] = true
		}
		for sig, v := range values {
			if len(v) >= 2 && (sig == l.dateSig || len(bySig[sig]) >= 3) {
				n++
				break
			}
		}
	}
	return n
}

// recordsKey names a set of records, so that dates that mark the same
// records (a post's date and its author's join date) are read once.
func recordsKey(s *scan, recs []*html.Node) string {
	var b strings.Builder
	for _, r := range recs {
		b.WriteString(itoa(s.info[r].order))
		b.WriteByte(',')
	}
	return b.String()
}

// climb returns, for each date, the largest element around it that holds
// no other of the dates: the record it marks.
func (g *genericReader) climb(ds []*dateCand) []*html.Node {
	recs := make([]*html.Node, 0, len(ds))
	for i, d := range ds {
		r := d.n
		for p := r.Parent; p != nil && p.Type == html.ElementNode && p.DataAtom != atom.Body && p.DataAtom != atom.Html; p = p.Parent {
			if i > 0 && g.s.contains(p, ds[i-1].n) || i+1 < len(ds) && g.s.contains(p, ds[i+1].n) {
				break
			}
			r = p
		}
		if len(recs) > 0 && recs[len(recs)-1] == r {
			continue
		}
		recs = append(recs, r)
	}
	return recs
}

// fill finds the fields of a layout's records and scores it.
func (g *genericReader) fill(l *layout) {
	n := len(l.records)
	l.dates = make([]*dateCand, n)
	l.authors = make([]*html.Node, n)
	l.bodies = make([]*html.Node, n)
	g.chooseDates(l)
	g.chooseAuthors(l)
	g.chooseBodies(l)
	g.nestReplies(l)
	g.score(l)
}

// nestReplies finds the text of records that hold none because replies
// nest inside their post (a threaded view: the climb from the post's date
// stops at its header, as the post's element holds its replies' dates):
// the nearest element around such a record that looks like most records
// is its post, read without the records inside it.
func (g *genericReader) nestReplies(l *layout) {
	count := map[string]int{}
	top := ""
	for _, r := range l.records {
		k := elementKey(r)
		count[k]++
		if count[k] > count[top] {
			top = k
		}
	}
	if 2*count[top] < len(l.records) {
		return
	}
	for i, r := range l.records {
		if b := l.bodies[i]; b != nil && g.s.info[b].text > 0 {
			continue
		}
		for a := r.Parent; a != nil && a.Type == html.ElementNode && a.DataAtom != atom.Body; a = a.Parent {
			if elementKey(a) != top {
				continue
			}
			others := make([]*html.Node, 0, len(l.records))
			for j, o := range l.records {
				if j != i && g.s.contains(a, o) {
					others = append(others, o)
				}
			}
			if b := g.bodyOutside(a, l.authors[i], l.dates[i], others); b != nil {
				l.records[i], l.bodies[i] = a, b
			}
			break
		}
	}
}

// score rates a layout: the text of its bodies, less where records lack an
// author or their text is mostly links (lists of threads, not posts).
func (g *genericReader) score(l *layout) {
	n := len(l.records)
	l.withAuthor, l.withBody, l.linkBodies, l.text = 0, 0, 0, 0
	for i := range l.records {
		if l.authors[i] != nil {
			l.withAuthor++
		}
		b := l.bodies[i]
		if b == nil {
			continue
		}
		inf := g.s.info[b]
		if inf.text == 0 {
			continue
		}
		l.withBody++
		if 2*inf.linkText >= inf.text {
			l.linkBodies++
		}
		l.text += inf.text - inf.linkText
	}
	if n == 0 || l.withBody == 0 {
		l.score = 0
		return
	}
	l.listBodies = g.listBodies(l)
	l.sameBodies = g.sameBodies(l)
	s := float64(l.text) * (0.5 + 0.5*float64(l.withAuthor)/float64(n)) * (1 - float64(l.linkBodies)/float64(n))
	if n == 1 {
		s *= 0.5
	}
	l.score = s
}

// sameBodies returns how many bodies have the most common text once
// numbers are taken out: labels of a list's counts, not posts.
func (g *genericReader) sameBodies(l *layout) int {
	count := map[string]int{}
	top := 0
	for _, b := range l.bodies {
		if b == nil || g.s.info[b].text > 200 {
			continue
		}
		k := strings.Join(strings.Fields(withoutDigits(nodeText(b))), " ")
		count[k]++
		top = max(top, count[k])
	}
	return top
}

// listBodies returns how many bodies hold a link to this site whose shape
// (see pageless) at least 60% of the bodies hold: the title links of a
// list of threads or boards, which posts do not have.
func (g *genericReader) listBodies(l *layout) int {
	count := map[string]int{}
	var has []string // the shapes of one body, few
	for _, b := range l.bodies {
		if b == nil {
			continue
		}
		has = has[:0]
		g.eachLink(b, func(a *html.Node) {
			href := attr(a, "href")
			if href == "" || strings.HasPrefix(href, "#") || g.actionLink(href) || isControl(a) {
				return
			}
			k, onSite := g.linkShape(href)
			if !onSite {
				return
			}
			if pat, ok := g.authorLink(a); ok && pat == l.authorPat {
				return
			}
			if !slices.Contains(has, k) {
				has = append(has, k)
				count[k]++
			}
		})
	}
	top := 0
	for _, c := range count {
		top = max(top, c)
	}
	if 5*top < 3*len(l.bodies) {
		return 0
	}
	return top
}

// confidence returns how surely a layout's records are the posts of a
// thread, from 0 to 1: every record with an author, a date and a text that
// is not mostly links gives 1.
func (l *layout) confidence() float64 {
	n := float64(len(l.records))
	if n == 0 {
		return 0
	}
	c := 0.2 + 0.4*float64(l.withAuthor)/n + 0.4*float64(l.withBody-l.linkBodies)/n
	if 2*l.listBodies >= len(l.records) {
		c *= 0.3 // each record's text leads to a page of one shape: a list of threads or boards, no posts
	}
	if 2*l.sameBodies >= len(l.records) && len(l.records) > 2 {
		c *= 0.3 // the same words in most records ("12 Replies 340 Views"): the rows of a list
	}
	if l.withBody > 0 && l.text/l.withBody < 12 {
		c *= 0.5 // bodies of a few letters: labels, not posts
	}
	if n == 1 {
		c *= 0.85
	}
	return c
}

// chooseDates picks, for each record, the post's date among the dates it
// holds: of the kinds of date most records hold, the one machines can read,
// else the one with a time of day, else one without a label ("Joined:"),
// else the first.
func (g *genericReader) chooseDates(l *layout) {
	inRec := g.datesIn(l.records)
	count := map[string]int{}
	for _, ds := range inRec {
		seen := map[string]bool{}
		for _, d := range ds {
			if !seen[d.sig] {
				seen[d.sig] = true
				count[d.sig]++
			}
		}
	}
	most := 0
	for _, c := range count {
		most = max(most, c)
	}
	rank := func(d *dateCand) int {
		r := 0
		if d.machine != nil {
			r += 8
		}
		if d.clock {
			r += 4
		}
		if !d.label {
			r += 2
		}
		if !d.data {
			r++ // a date the page shows
		}
		if 5*count[d.sig] >= 4*most {
			r += 16
		}
		return r
	}
	for i, ds := range inRec {
		var best *dateCand
		for _, d := range ds {
			if best == nil || rank(d) > rank(best) {
				best = d
			}
		}
		l.dates[i] = best
	}
}

// datesIn returns the dates inside each record (records are disjoint and in page order).
func (g *genericReader) datesIn(recs []*html.Node) [][]*dateCand {
	out := make([][]*dateCand, len(recs))
	j := 0
	for i, r := range recs {
		inf := g.s.info[r]
		for j < len(g.s.dates) && g.s.info[g.s.dates[j].n].order < inf.order {
			j++
		}
		for k := j; k < len(g.s.dates) && g.s.info[g.s.dates[k].n].order <= inf.end; k++ {
			if !insideQuote(g.s.dates[k].n, r) {
				out[i] = append(out[i], g.s.dates[k])
			}
		}
	}
	return out
}

// itoa formats a small non-negative int.
func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b [20]byte
	p := len(b)
	for i > 0 {
		p--
		b[p] = byte('0' + i%10)
		i /= 10
	}
	return string(b[p:])
}
