package parser

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// Detection is how strongly the page's markup points to one engine, and why.
type Detection struct {
	Engine   *Engine
	Score    int
	Evidence []string
}

// Claims reports whether the evidence is strong enough for the engine to claim the page.
func (d Detection) Claims() bool { return d.Engine != nil && d.Score >= minScore }

// detect scores every engine against the page, best first.
func detect(doc *html.Node, engines []*Engine) []Detection {
	out := make([]Detection, 0, len(engines))
	for _, e := range engines {
		d := Detection{Engine: e}
		if _, err := e.rules(); err != nil {
			continue
		}
		for i, r := range e.markers {
			if r.matches(doc) {
				d.Score += e.Markers[i].Weight
				d.Evidence = append(d.Evidence, e.Markers[i].Why)
			}
		}
		out = append(out, d)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}

// Detect scores every engine the parser knows against the page's markup and
// returns one detection per engine, best first, each with its evidence: the
// first claims the page when its Claims reports true. It ignores a forced
// engine. body must be UTF-8 (see Decode); a leading byte-order mark is dropped.
func (p *Parser) Detect(body []byte) []Detection {
	doc, err := html.Parse(bytes.NewReader(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))))
	if err != nil { // html.Parse fails only on reader errors
		return nil
	}
	expandNoscript(doc)
	return detect(doc, p.engines)
}

// emptyRules returns warnings naming the rules that found nothing on a
// thread page: the post rule when there is no post (and the is_thread
// alternative that made it a thread page), else the author name and body
// rules when they found nothing in any of the posts.
func (x *extractor) emptyRules(p *Page) []string {
	if len(p.Posts) == 0 {
		return []string{fmt.Sprintf("thread page yielded no posts: selector post found nothing (tried %s); "+
			"the page counts as a thread because is_thread %q matched",
			alternatives(x.c.get("Post").src), foundBy(x.c.get("IsThread").src, x.doc))}
	}
	var out []string
	for _, f := range []struct {
		field, name string
		empty       func(*Post) bool
	}{
		{"AuthorName", "author_name", func(p *Post) bool { return p.Author.Name == "" }},
		{"Body", "post_body", func(p *Post) bool { return p.BodyHTML == "" && p.BodyText == "" }},
	} {
		if !slices.ContainsFunc(p.Posts, func(p Post) bool { return !f.empty(&p) }) {
			out = append(out, fmt.Sprintf("selector %s found nothing in any of the %d posts (tried %s)",
				f.name, len(p.Posts), alternatives(x.c.get(f.field).src)))
		}
	}
	return out
}

// alternatives returns a rule's alternatives quoted and joined for a message.
func alternatives(r Rule) string {
	if len(r) == 0 {
		return "no alternative: the rule is empty"
	}
	q := make([]string, len(r))
	for i, a := range r {
		q[i] = strconv.Quote(a)
	}
	return strings.Join(q, " | ")
}

// foundBy returns the first alternative of r that finds an element in ctx, or "".
func foundBy(r Rule, ctx *html.Node) string {
	for _, a := range r {
		if c, err := compileRule(Rule{a}); err == nil && !c.empty() && c.matches(ctx) {
			return a
		}
	}
	return ""
}
