package parser

import (
	"bytes"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"time"

	"golang.org/x/net/html"
)

// Explanation says how the generic extractor read a page: the readings it
// weighed (each a kind of date marking one record per post), the one it
// took, and where each field of its records came from, as selectors a
// selector file (see LoadOverrides) can take.
type Explanation struct {
	URL        string    `json:"url"`
	Kind       Kind      `json:"kind"`
	Confidence float64   `json:"confidence"`
	Chosen     *Reading  `json:"chosen,omitempty"`
	Others     []Reading `json:"others,omitempty"` // the runners-up, best first
	Posts      []Post    `json:"-"`                // the posts of the chosen reading, as Parse gives them
}

// Reading is one way the generic extractor read a page.
type Reading struct {
	DateSignature string        `json:"date_signature"` // the tags and classes of the dates that mark the records
	Records       int           `json:"records"`
	WithAuthor    int           `json:"with_author"`
	WithBody      int           `json:"with_body"`
	LinkBodies    int           `json:"link_bodies"` // bodies that are mostly links (thread lists)
	Score         float64       `json:"score"`
	LeadPost      bool          `json:"lead_post"` // a first post styled unlike the others was added
	Fields        []FieldSource `json:"fields,omitempty"`
}

// FieldSource says where a field of the records was found: a selector
// for the selector table's field (Name, as in `forumcrawl selectors`),
// how many records it was found in, and how it was chosen.
type FieldSource struct {
	Name     string `json:"name"`
	Selector string `json:"selector"`
	Found    int    `json:"found"`
	Why      string `json:"why"`
}

// Explain returns how the generic extractor reads the page at pageURL.
func (p *Parser) Explain(pageURL string, body []byte, fetched time.Time) (*Explanation, error) {
	base, err := url.Parse(pageURL)
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return nil, fmt.Errorf("explain %q: %w", pageURL, ErrNotHTTP)
	}
	doc, err := html.Parse(bytes.NewReader(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))))
	if err != nil {
		return nil, fmt.Errorf("explain %s: %w", pageURL, err)
	}
	expandNoscript(doc)
	g := newGenericReader(doc, base, CanonicalURL(base, nil).String())
	g.dates, g.now, g.lang = p.dates, fetched, pageLang(doc)
	r := g.read()
	ex := &Explanation{URL: CanonicalURL(base, nil).String(), Kind: KindUnknown, Confidence: round2(r.conf)}
	for i, l := range r.layouts {
		rd := Reading{DateSignature: l.dateSig, Records: len(l.records), WithAuthor: l.withAuthor,
			WithBody: l.withBody, LinkBodies: l.linkBodies, Score: round2(l.score), LeadPost: l.lead}
		if i == 0 {
			rd.Fields = g.fieldSources(l)
			ex.Chosen = &rd
			continue
		}
		if len(ex.Others) < 4 {
			ex.Others = append(ex.Others, rd)
		}
	}
	if r.best != nil && r.conf >= GenericThreshold {
		ex.Kind = KindThread
		page := &Page{URL: ex.URL}
		g.fillThread(page, r.best)
		ex.Posts = page.Posts
	} else if r.best != nil && g.threadList(r.best) != nil {
		ex.Kind = KindBoard
	}
	return ex, nil
}

// fieldSources returns where a layout's fields were found.
func (g *genericReader) fieldSources(l *layout) []FieldSource {
	var out []FieldSource
	add := func(name string, nodes []*html.Node, suffix, why string) {
		var found []*html.Node
		for _, n := range nodes {
			if n != nil {
				found = append(found, n)
			}
		}
		if len(found) == 0 {
			return
		}
		out = append(out, FieldSource{Name: name, Selector: selectorFor(found) + suffix, Found: len(found), Why: why})
	}
	recs, lead := l.records, ""
	if l.lead && len(recs) > 1 {
		recs, lead = recs[1:], "; the first post, styled apart, is not matched by it"
	}
	add("post", recs, "", "the largest element around each date of "+l.dateSig+" that holds no other"+lead)
	var dates []*html.Node
	machine := 0
	for _, d := range l.dates {
		if d != nil {
			dates = append(dates, d.n)
			if d.machine != nil {
				machine++
			}
		}
	}
	why := "the date with a time of day, without a label, of the kind most records hold"
	suffix := ""
	if machine > len(dates)/2 {
		why, suffix = "a machine-readable time (datetime, data-time or data-timestamp)", "@datetime"
	}
	add("post_time", dates, suffix, why)
	switch {
	case strings.HasPrefix(l.authorPat, "name:"):
		add("author_name", l.authors, "", "a short text without a link at the place below the post most records have one ("+
			strings.TrimPrefix(l.authorPat, "name:")+"): the page links no profiles")
	case l.authorPat != "":
		add("author_name", l.authors, "", "the first link of each record shaped "+l.authorPat+", the profile-link shape most records hold")
		add("author_url", l.authors, "@href", "as author_name")
	}
	add("post_body", l.bodies, "", "the element with the most text that holds neither the author's link nor the date (path below the post: "+l.bodyPath+")")
	ids := g.postIDs(l)
	var links []*html.Node
	for i, r := range l.records {
		a, _, _ := g.permalink(r, l.bodies[i], l.dates[i], ids[i])
		links = append(links, a)
	}
	add("post_permalink", links, "@href", "a link marked permalink or showing #N, else the link around the date, else one to the post's anchor or id")
	var idSource string
	idCount := 0
	for _, id := range ids {
		if id.id != "" {
			idCount++
			idSource = id.source
		}
	}
	if idCount > 0 {
		out = append(out, FieldSource{Name: "post_id", Selector: idSource, Found: idCount, Why: "the id or anchor name most records carry, its digits"})
	}
	return out
}

// selectorFor returns a CSS selector for a set of elements: their tag and
// the classes they all have (without digits), else their parents' selector and their tag.
func selectorFor(nodes []*html.Node) string {
	common := map[string]int{}
	for _, n := range nodes {
		seen := map[string]bool{}
		for _, c := range strings.Fields(attr(n, "class")) {
			if !seen[c] && !strings.ContainsAny(c, "0123456789") {
				seen[c] = true
				common[c]++
			}
		}
	}
	var cls []string
	for c, k := range common {
		if k == len(nodes) {
			cls = append(cls, c)
		}
	}
	sort.Strings(cls)
	tag := nodes[0].Data
	for _, n := range nodes[1:] {
		if n.Data != tag {
			tag = ""
		}
	}
	if len(cls) > 0 {
		return tag + "." + strings.Join(cls, ".")
	}
	if tag == "" {
		tag = "*"
	}
	var parents []*html.Node
	for _, n := range nodes {
		if n.Parent == nil || n.Parent.Type != html.ElementNode {
			return tag
		}
		parents = append(parents, n.Parent)
	}
	return selectorFor(parents) + " > " + tag
}

// YAML returns the explanation's chosen fields as a selector file for the
// named engine, with the reasons as comments: a start for a --selectors
// override of a skin the engine's rules miss.
func (ex *Explanation) YAML(engine string) string {
	var b strings.Builder
	if ex.Chosen == nil {
		b.WriteString("# no records with a date found: nothing to write\n")
		return b.String()
	}
	fmt.Fprintf(&b, "%s:\n", engine)
	for _, f := range ex.Chosen.Fields {
		fmt.Fprintf(&b, "  # %s (%d of %d records)\n", f.Why, f.Found, ex.Chosen.Records)
		fmt.Fprintf(&b, "  %s: [%q]\n", f.Name, f.Selector)
	}
	return b.String()
}
