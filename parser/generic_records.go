package parser

import (
	"net/url"
	"regexp"
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
	base    *url.URL                // what links resolve against
	pagePat string                  // the shape of the page's own URL
	page    *url.URL                // the page's own URL
	links   map[*html.Node]linkFact // authorLink's answers
	hrefs   map[string]linkFact     // hrefPattern answers
	// recordLinks are the links of each record, found once for all readings.
	recordLinks map[*html.Node][]*html.Node

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
		k := strings.Join(strings.Fields(classDigits.ReplaceAllString(nodeText(b), "")), " ")
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
	has := make([]map[string]bool, len(l.bodies))
	for i, b := range l.bodies {
		if b == nil {
			continue
		}
		has[i] = map[string]bool{}
		g.eachLink(b, func(a *html.Node) {
			href := attr(a, "href")
			if href == "" || strings.HasPrefix(href, "#") || actionLink(href) || isControl(a) {
				return
			}
			u := resolve(g.base, href)
			if u == "" || !sameSite(u, g.base.Host) {
				return
			}
			if pat, ok := g.authorLink(a); ok && pat == l.authorPat {
				return
			}
			k := pageless(u)
			if !has[i][k] {
				has[i][k] = true
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

// userWords are words of profile links ("/members/", "profile.php", "?u=").
var userWords = regexp.MustCompile(`(?i)user|member|profil|author|people|membre|mitglied|benutzer|usuario|utente|[?&;]u=|/u/|uid=`)

// actionWords are words of the links of a post's buttons and forms, which
// lead to no content: quoting, replying, reporting, editing, reacting, sharing.
var actionWords = []string{"quote", "reply", "report", "edit", "delete", "posting", "/react", "like", "warn", "vote",
	"print", "share", "mailto:", "javascript:", "login", "logout", "register", "search", "sort=", "order="}

// actionLink reports whether href is one of actionWords' links.
func actionLink(href string) bool { return containsAny(strings.ToLower(href), actionWords) }

// containsAny reports whether s holds one of the words.
func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// authorLink reports whether a link could name a post's author, and its shape.
func (g *genericReader) authorLink(a *html.Node) (string, bool) {
	if f, ok := g.links[a]; ok {
		return f.pat, f.ok
	}
	pat, ok := g.authorLinkOf(a)
	if g.links == nil {
		g.links = map[*html.Node]linkFact{}
	}
	g.links[a] = linkFact{pat, ok}
	return pat, ok
}

// linkFact is what authorLink found of a link, kept for the page's other readings.
type linkFact struct {
	pat string
	ok  bool
}

// authorLinkOf is authorLink, uncached.
func (g *genericReader) authorLinkOf(a *html.Node) (string, bool) {
	href := strings.TrimSpace(attr(a, "href"))
	if href == "" || strings.HasPrefix(href, "#") || actionLink(href) {
		return "", false
	}
	if inf := g.s.info[a]; inf != nil && inf.text > 60 {
		return "", false
	}
	text := nodeText(a)
	if len(text) > 60 || dateLike(text) || (text != "" && strings.Trim(text, "#0123456789 ") == "") {
		return "", false
	}
	if f, ok := g.hrefs[href]; ok {
		return f.pat, f.ok
	}
	pat, ok := g.hrefPattern(href)
	if g.hrefs == nil {
		g.hrefs = map[string]linkFact{}
	}
	g.hrefs[href] = linkFact{pat, ok}
	return pat, ok
}

// hrefPattern returns the shape of a link to this site that is not the page itself.
func (g *genericReader) hrefPattern(href string) (string, bool) {
	u := resolve(g.base, href)
	if u == "" || !sameSite(u, g.base.Host) {
		return "", false
	}
	pat := urlPattern(u)
	if pat == g.pagePat || pat == "" || g.samePage(u) {
		return "", false
	}
	return pat, true
}

// samePage reports whether the link u leads to the page's own path with
// another query (a view of the thread: a post of it, a share dialog),
// unless the two queries have no key in common (index.php?topic=1 and
// index.php?action=profile are different pages).
func (g *genericReader) samePage(u string) bool {
	pu, err := url.Parse(u)
	if err != nil || pu.Path != g.page.Path || !strings.EqualFold(pu.Host, g.page.Host) {
		return false
	}
	if g.page.RawQuery == "" {
		return true
	}
	pq, lq := parseQuery(g.page.RawQuery), parseQuery(pu.RawQuery)
	for k := range lq {
		if pq.Has(k) {
			return true
		}
	}
	return false
}

// chooseAuthors finds the shape of profile link that most records hold
// (preferring one that reads as a profile link), and each record's first
// link of that shape that has a name.
func (g *genericReader) chooseAuthors(l *layout) {
	count := map[string]int{}
	first := map[string]int{}
	var pats []string
	for i, r := range l.records {
		seen := map[string]bool{}
		g.eachLink(r, func(a *html.Node) {
			pat, ok := g.authorLink(a)
			if !ok || seen[pat] {
				return
			}
			seen[pat] = true
			if count[pat] == 0 {
				pats = append(pats, pat)
				first[pat] = i
			}
			count[pat]++
		})
	}
	best, most := "", 0
	for _, p := range pats {
		most = max(most, count[p])
	}
	for _, p := range pats {
		if 5*count[p] < 4*most {
			continue
		}
		if best == "" || (userWords.MatchString(p) && !userWords.MatchString(best)) ||
			(userWords.MatchString(p) == userWords.MatchString(best) && count[p] > count[best]) {
			best = p
		}
	}
	l.authorPat = best
	if best == "" || 2*count[best] < len(l.records) {
		g.chooseAuthorNames(l)
		return
	}
	for i, r := range l.records {
		var found, bare *html.Node
		g.eachLink(r, func(a *html.Node) {
			if found != nil {
				return
			}
			if pat, ok := g.authorLink(a); ok && pat == best {
				if nodeText(a) != "" {
					found = a
				} else if bare == nil {
					bare = a
				}
			}
		})
		if found == nil {
			found = bare
		}
		l.authors[i] = found
	}
}

// nameClass matches the class or itemprop of an element that shows a member's name.
var nameClass = regexp.MustCompile(`(?i)user|author|poster|member|name|nick`)

// notNameClass matches classes of the other lines of an author block (a
// title, a rank, a group), which also say "user" or "member".
var notNameClass = regexp.MustCompile(`(?i)title|rank|group|status|stat|info|avatar|extra|detail|online|offline|badge`)

// nameCand is an element that could show an author's name.
type nameCand struct {
	n    *html.Node
	text string
}

// chooseAuthorNames finds authors shown without a profile link (a guest's
// view, or a program that links no profiles): of the short texts in the
// records (no label, date or number), the kind (its path below the record)
// most records hold, preferring a class or itemprop that says name or user,
// then names that differ between records (a title, "Member", repeats).
func (g *genericReader) chooseAuthorNames(l *layout) {
	count := map[string]int{}
	hinted := map[string]bool{}
	texts := map[string]map[string]bool{}
	var keys []string
	found := make([]map[string]nameCand, len(l.records))
	for i, r := range l.records {
		found[i] = map[string]nameCand{}
		g.eachElement(r, func(n *html.Node) {
			inf := g.s.info[n]
			if inf == nil || inf.text == 0 || inf.text > 40 || inf.linkText > 0 || n.DataAtom == atom.A || n.DataAtom == atom.Button || holdsBlock(n) {
				return
			}
			t := nodeText(n)
			if t == "" || len(t) > 40 || dateLike(t) || labelled(t) || strings.HasSuffix(t, ":") || strings.Trim(t, "#0123456789.,+ ") == "" {
				return
			}
			k := relPath(r, n)
			if _, ok := found[i][k]; ok {
				return
			}
			found[i][k] = nameCand{n, t}
			if count[k] == 0 {
				keys = append(keys, k)
				texts[k] = map[string]bool{}
				cls := attr(n, "class") + " " + attr(n, "itemprop")
				hinted[k] = nameClass.MatchString(cls) && !notNameClass.MatchString(cls)
			}
			count[k]++
			texts[k][t] = true
		})
	}
	rank := func(k string) int {
		r := 0
		if hinted[k] {
			r += 2
		}
		if len(texts[k]) > 1 {
			r++
		}
		return r
	}
	best := ""
	for _, k := range keys {
		if 5*count[k] < 4*len(l.records) {
			continue
		}
		if best == "" || rank(k) > rank(best) {
			best = k
		}
	}
	if best == "" || rank(best) == 0 && len(l.records) == 1 {
		return
	}
	l.authorPat = "name:" + best
	for i := range l.records {
		if c, ok := found[i][best]; ok {
			l.authors[i] = nameNode(c.n)
		}
	}
}

// nameNode returns the element inside n that holds the name itself: past
// a wrapper whose first text is in a child (skipping buttons such as a
// topic starter's "OP" badge), down to the child.
func nameNode(n *html.Node) *html.Node {
	for {
		var first *html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode && letterCount(c.Data) > 0 {
				return n
			}
			if c.Type == html.ElementNode && c.DataAtom != atom.Button && letterCount(nodeText(c)) > 0 {
				first = c
				break
			}
		}
		if first == nil {
			return n
		}
		n = first
	}
}

// holdsBlock reports whether n has a block element inside it (a name is a line of its own).
func holdsBlock(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (blockAtoms[c.DataAtom] || holdsBlock(c)) {
			return true
		}
	}
	return false
}

// sameSite reports whether the link u is on host or a host of the same
// domain (a forum's members may live on the site's main host).
func sameSite(u, host string) bool {
	pu, err := url.Parse(u)
	if err != nil {
		return false
	}
	return siteDomain(pu.Hostname()) == siteDomain(strings.Split(host, ":")[0])
}

// siteDomain returns the last two labels of a host name, lower-cased.
func siteDomain(h string) string {
	h = strings.ToLower(h)
	parts := strings.Split(h, ".")
	if len(parts) <= 2 {
		return h
	}
	return strings.Join(parts[len(parts)-2:], ".")
}

// eachElement calls f for each element in r outside quotes and signatures, in page order.
func (g *genericReader) eachElement(r *html.Node, f func(*html.Node)) {
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || silent(c) || isQuoteNode(c) || isSignature(c) {
				continue
			}
			f(c)
			walk(c)
		}
	}
	walk(r)
}

// isAuthor reports whether n is an author of the layout's kind.
func (g *genericReader) isAuthor(l *layout, n *html.Node) bool {
	if strings.HasPrefix(l.authorPat, "name:") {
		return false // a first post apart is found by its profile link
	}
	pat, ok := g.authorLink(n)
	return ok && pat == l.authorPat && nodeText(n) != ""
}

// eachLink calls f for each link in r outside quotes and signatures, in page order.
func (g *genericReader) eachLink(r *html.Node, f func(*html.Node)) {
	links, ok := g.recordLinks[r]
	if !ok {
		links = g.linksIn(r)
		if g.recordLinks == nil {
			g.recordLinks = map[*html.Node][]*html.Node{}
		}
		g.recordLinks[r] = links
	}
	for _, a := range links {
		f(a)
	}
}

// linksIn returns the links in r outside quotes and signatures, in page order.
func (g *genericReader) linksIn(r *html.Node) []*html.Node {
	var out []*html.Node
	f := func(a *html.Node) { out = append(out, a) }
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || silent(c) || isQuoteNode(c) || isSignature(c) {
				continue
			}
			if c.DataAtom == atom.A {
				f(c)
			}
			walk(c)
		}
	}
	walk(r)
	return out
}

// quoteClass matches the class or id of a quotation.
var quoteClass = regexp.MustCompile(`(?i)quote`)

// isQuoteNode reports whether n is a quotation: a <blockquote>, or an
// element whose class or id says quote.
func isQuoteNode(n *html.Node) bool {
	if n.DataAtom == atom.Blockquote {
		return true
	}
	if n.DataAtom == atom.A || n.DataAtom == atom.Span || n.DataAtom == atom.Li {
		return false // quote buttons, not quotations
	}
	cls, id := attr(n, "class"), attr(n, "id")
	if !containsFold(cls, "quote") && !containsFold(id, "quote") {
		return false
	}
	names := cls + " " + id
	for _, c := range strings.Fields(names) {
		if quoteClass.MatchString(c) && !quoteControl.MatchString(c) {
			return true
		}
	}
	return false
}

// quoteControl matches class names that mention quoting without being a
// quotation: script hooks, buttons and links that make one.
var quoteControl = regexp.MustCompile(`(?i)^js-|to-?quote|select|button|btn|link|multi|head|title|cite|author|top|foot|expand`)

// insideQuote reports whether n lies in a quotation below r.
func insideQuote(n, r *html.Node) bool {
	for a := n; a != nil && a != r; a = a.Parent {
		if a.Type == html.ElementNode && isQuoteNode(a) {
			return true
		}
	}
	return false
}

// signatureClass matches the class or id of a signature.
var signatureClass = regexp.MustCompile(`(?i)signature|(?:^|[\s_-])sig(?:[\s_-]|\d|$)`)

// isSignature reports whether n is a post's signature.
func isSignature(n *html.Node) bool {
	return mentionsSig(attr(n, "class")) || mentionsSig(attr(n, "id"))
}

// mentionsSig reports whether a class or id names a signature.
func mentionsSig(s string) bool {
	if s == "" || !containsFold(s, "sig") {
		return false
	}
	return signatureClass.MatchString(s)
}

// chooseBodies finds each record's text: the element with the most text
// that holds neither the author's link nor the date, narrowed to the one
// child that holds nearly all of it; then the path below the record that
// most records agree on is used wherever a record has it.
func (g *genericReader) chooseBodies(l *layout) {
	// The place below the records that holds the most text of all records
	// together (and is in half of them at least) is where the posts' texts
	// are: a short post's text is there too, though its author block may
	// hold more.
	sum, in := map[string]int{}, map[string]int{}
	fronts := make([][]*html.Node, len(l.records))
	frontPaths := make([][]string, len(l.records))
	for i, r := range l.records {
		fronts[i] = g.frontier(r, l.authors[i], l.dates[i], nil)
		for _, c := range fronts[i] {
			p := relPath(r, c)
			frontPaths[i] = append(frontPaths[i], p)
			sum[p] += g.s.info[c].text - g.s.info[c].linkText
			in[p]++
		}
	}
	place := ""
	for p, t := range sum {
		if 2*in[p] >= len(l.records) && (place == "" || t > sum[place] || t == sum[place] && p < place) {
			place = p
		}
	}
	paths := make([]string, len(l.records))
	count := map[string]int{}
	for i, r := range l.records {
		var b *html.Node
		if place != "" {
			for j, c := range fronts[i] {
				if frontPaths[i][j] == place {
					b = g.narrow(c)
					break
				}
			}
		}
		if b == nil {
			b = g.bodyOf(r, l.authors[i], l.dates[i])
		}
		l.bodies[i] = b
		if b != nil {
			paths[i] = relPath(r, b)
			count[paths[i]]++
		}
	}
	best := ""
	for p, c := range count {
		if c > count[best] || (c == count[best] && p < best) {
			best = p
		}
	}
	l.bodyPath = best
	defer g.unwrapBodies(l)
	if best == "" || 2*count[best] < len(l.records) {
		return
	}
	for i, r := range l.records {
		if paths[i] == best {
			continue
		}
		if b := g.atPath(r, best, l.authors[i], l.dates[i]); b != nil {
			l.bodies[i] = b
		}
	}
}

// unwrapBodies takes, where most bodies are one quotation-like element
// and nothing else (a <blockquote> the program wraps every post in), that
// element for the body: it is the post's text, not a quotation.
func (g *genericReader) unwrapBodies(l *layout) {
	inner := make([]*html.Node, len(l.bodies))
	count := map[string]int{}
	for i, b := range l.bodies {
		if b == nil {
			continue
		}
		for _, q := range topQuotes(b) {
			if 2*g.s.info[q].text >= g.s.info[b].text {
				inner[i] = q
				count[elementKey(q)]++
			}
		}
	}
	for k, c := range count {
		if 5*c < 4*len(l.bodies) {
			continue
		}
		for i, in := range inner {
			if in != nil && elementKey(in) == k {
				l.bodies[i] = in
			}
		}
	}
}

// topQuotes returns the quotations in n that are inside no other.
func topQuotes(n *html.Node) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || silent(c) || isSignature(c) {
				continue
			}
			if isQuoteNode(c) {
				out = append(out, c)
				continue
			}
			walk(c)
		}
	}
	walk(n)
	return out
}

// holdsAny reports whether n holds one of the nodes.
func (g *genericReader) holdsAny(n *html.Node, nodes []*html.Node) bool {
	for _, o := range nodes {
		if g.s.contains(n, o) {
			return true
		}
	}
	return false
}

// holder returns the test of whether an element of record r holds the
// author or the date (or a copy of the date: pages show it twice, for wide
// and narrow screens): the post's frame, not its text.
func (g *genericReader) holder(r, author *html.Node, date *dateCand) func(*html.Node) bool {
	marks := []*html.Node{}
	if author != nil {
		marks = append(marks, author)
	}
	if date != nil {
		for _, d := range g.datesIn([]*html.Node{r})[0] {
			if d.sig == date.sig || d.raw == date.raw && sameTime(d.machine, date.machine) {
				marks = append(marks, d.n)
			}
		}
	}
	return func(n *html.Node) bool {
		for _, m := range marks {
			if g.s.contains(n, m) {
				return true
			}
		}
		return false
	}
}

// bodyOf returns the text block of record r (see chooseBodies).
func (g *genericReader) bodyOf(r, author *html.Node, date *dateCand) *html.Node {
	return g.bodyOutside(r, author, date, nil)
}

// bodyOutside is bodyOf leaving out the elements that hold one of others
// (replies nested in the post).
func (g *genericReader) bodyOutside(r, author *html.Node, date *dateCand, others []*html.Node) *html.Node {
	var best *html.Node
	bestText := 0
	for _, c := range g.frontier(r, author, date, others) {
		if t := g.s.info[c].text - g.s.info[c].linkText; t > bestText {
			best, bestText = c, t
		}
	}
	if best == nil {
		return nil
	}
	return g.narrow(best)
}

// frontier returns the largest elements of record r with text that hold
// neither the author nor the date, nor one of others.
func (g *genericReader) frontier(r, author *html.Node, date *dateCand, others []*html.Node) []*html.Node {
	hold := g.holder(r, author, date)
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || silent(c) || isSignature(c) {
				continue
			}
			inf := g.s.info[c]
			if inf == nil || inf.text == 0 || g.inAny(c, others) || g.holdsAny(c, others) {
				continue
			}
			if hold(c) {
				walk(c)
				continue
			}
			out = append(out, c)
		}
	}
	walk(r)
	return out
}

// narrow descends from n while one child element that is no quotation holds nearly all its text.
func (g *genericReader) narrow(n *html.Node) *html.Node {
	for {
		total := g.s.info[n].text
		var only *html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode && letterCount(c.Data) > 0 {
				return n
			}
			if c.Type != html.ElementNode || g.s.info[c] == nil || g.s.info[c].text == 0 {
				continue
			}
			if heading(c) {
				total -= g.s.info[c].text // a post's title, not its text
				continue
			}
			if only != nil {
				return n
			}
			only = c
		}
		if only == nil || isQuoteNode(only) || !container(only) || 10*g.s.info[only].text < 9*total {
			return n
		}
		n = only
	}
}

// heading reports whether n is a heading element.
func heading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// container reports whether n is an element that wraps a post's text
// rather than being part of it (a paragraph, a list, a bold run): the text
// block is narrowed into containers only, so that it is the same element
// in posts of one paragraph and of many.
func container(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Article, atom.Main, atom.Td, atom.Tr, atom.Tbody, atom.Table, atom.Dd:
		return true
	}
	return false
}

// relPath returns the keys of the elements from r (excluded) down to n.
func relPath(r, n *html.Node) string {
	var parts []string
	for a := n; a != nil && a != r; a = a.Parent {
		parts = append(parts, elementKey(a))
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return strings.Join(parts, " > ")
}

// atPath returns the element at a relative path below r that holds
// neither the author nor the date, or nil.
func (g *genericReader) atPath(r *html.Node, path string, author *html.Node, date *dateCand) *html.Node {
	keys := strings.Split(path, " > ")
	hold := g.holder(r, author, date)
	var find func(n *html.Node, k int) *html.Node
	find = func(n *html.Node, k int) *html.Node {
		if k == len(keys) {
			if hold(n) {
				return nil
			}
			return n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && elementKey(c) == keys[k] {
				if f := find(c, k+1); f != nil {
					return f
				}
			}
		}
		return nil
	}
	return find(r, 0)
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
