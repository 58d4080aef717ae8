package parser

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

// Rule says where a value is found, as alternatives tried in order: the first
// that finds something wins, so a table can list a selector for each skin.
//
// Each alternative is a CSS selector, optionally followed by "@attr" to read
// an attribute instead of the text. An alternative that starts with "@" reads
// the context element's own attribute, and "." is the context element itself.
// An alternative that starts with "prev:" looks from the context element's
// previous element sibling instead (the sibling itself may match): a quote
// whose header stands just before it.
// An alternative may end with " ~ REGEXP": its value is then the regexp's
// first group (or whole match) in the text or attribute, and the alternative
// finds nothing when the regexp does not match. This says what a selector
// cannot: a date inside a line of text, an id inside a link.
// Examples: "h4.message-name a", ".avatar@data-user-id", "@data-content",
// "p.author ~ »\\s*(.+)$", "a.permalink@href ~ [?&]p=(\\d+)", "prev:.quoteheader a@href".
type Rule []string

// rule is a compiled Rule.
type rule struct {
	src  Rule
	alts []alt
	ix   *pageIndex // the page the rule is cut to (see forPage), whose index its searches use; or nil
}

type alt struct {
	sel   cascadia.Selector           // nil: the context element itself
	group matcher                     // the same selector, for walks of our own
	chain chain                       // the same selector as a scoped chain, when it is one
	attr  string                      // "" reads the text
	re    *regexp.Regexp              // nil: the value as it is
	pick  func(string) (string, bool) // re's quick equivalent (see quickPicks and digitPick), or nil
	prev  bool                        // look from the context's previous element sibling
	needs [][]need                    // what a page must have for each group of the selector to match (see needsOf)

	anchors []groupAnchors // per group, the names it needs, for searches through the page index

	groups   []string  // the selector's comma-separated groups, when it has several
	variants *sync.Map // selectors made of some of the groups, compiled once, by their text
}

// compileCSS compiles the alternative's selector in its forms: cascadia's,
// the walk matcher, the scoped chain, and what a page needs for each group.
func (c *alt) compileCSS(css string) error {
	sel, err := cascadia.Compile(css)
	if err != nil {
		return err
	}
	c.sel = sel
	if g, ok := parseSimple(css); ok {
		c.group = g
	} else {
		group, err := cascadia.ParseGroup(css)
		if err != nil {
			return err
		}
		c.group = group
	}
	c.chain = compileChain(css)
	c.groups = splitGroups(css)
	c.anchors = anchorsOf(c.groups)
	c.needs = c.needs[:0]
	for _, g := range c.groups {
		c.needs = append(c.needs, needsOf(g)...)
	}
	if len(c.needs) != len(c.groups) {
		c.needs = nil // could not tell: assume the page may have anything
	}
	if len(c.groups) < 2 {
		c.groups = nil
	} else if c.variants == nil {
		c.variants = &sync.Map{}
	}
	return nil
}

// splitGroups splits a selector at its top-level commas.
func splitGroups(css string) []string { return splitOutside(css, ',') }

// start returns the element the alternative looks from: ctx, or its previous
// element sibling (nil when it has none).
func (a alt) start(ctx *html.Node) *html.Node {
	if !a.prev {
		return ctx
	}
	for s := ctx.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type == html.ElementNode {
			return s
		}
	}
	return nil
}

// filter returns the part of v the alternative's regexp picks, or v.
func (a alt) filter(v string) string {
	if a.re == nil || v == "" {
		return v
	}
	if a.pick != nil {
		if g, ok := a.pick(v); ok && g != "" {
			return strings.TrimSpace(g)
		}
		return ""
	}
	m := a.re.FindStringSubmatch(v)
	switch {
	case m == nil:
		return ""
	case len(m) > 1:
		for _, g := range m[1:] {
			if g != "" {
				return strings.TrimSpace(g)
			}
		}
		return ""
	}
	return strings.TrimSpace(m[0])
}

// compileRule compiles every alternative of r; it fails on the first bad selector.
func compileRule(r Rule) (rule, error) {
	out := rule{src: r}
	for _, a := range r {
		a = strings.TrimSpace(a)
		if a == "" {
			continue
		}
		var c alt
		if rest, ok := strings.CutPrefix(a, "prev:"); ok {
			c.prev, a = true, strings.TrimSpace(rest)
		}
		if i := strings.Index(a, " ~ "); i >= 0 {
			re, err := regexp.Compile(strings.TrimSpace(a[i+3:]))
			if err != nil {
				return rule{}, fmt.Errorf("regexp in %q: %w", a, err)
			}
			c.re, c.pick = re, quickPicks[re.String()]
			if c.pick == nil {
				c.pick = digitPick(re)
			}
			a = strings.TrimSpace(a[:i])
		}
		css := a
		if i := strings.LastIndex(a, "@"); i >= 0 && !strings.ContainsAny(a[i:], "]) ") {
			css, c.attr = strings.TrimSpace(a[:i]), a[i+1:]
		}
		if css != "" && css != "." {
			if err := c.compileCSS(css); err != nil {
				return rule{}, fmt.Errorf("selector %q: %w", a, err)
			}
		}
		out.alts = append(out.alts, c)
	}
	return out, nil
}

// empty reports whether the rule has no alternative.
func (r rule) empty() bool { return len(r.alts) == 0 }

// node returns the first element the rule finds below ctx (or ctx itself),
// with the alternative that found it.
func (r rule) node(ctx *html.Node) (*html.Node, alt) {
	if ctx == nil {
		return nil, alt{}
	}
	for i := range r.alts {
		a := &r.alts[i]
		n := a.start(ctx)
		if a.sel != nil && n != nil {
			n = r.ix.first(a, n, true)
		}
		if n == nil {
			continue
		}
		if a.attr != "" && !hasAttr(n, a.attr) {
			continue
		}
		return n, *a
	}
	return nil, alt{}
}

// all returns the elements matched by the first alternative that matches any.
func (r rule) all(ctx *html.Node) []*html.Node {
	if ctx == nil {
		return nil
	}
	for i := range r.alts {
		a := &r.alts[i]
		n := a.start(ctx)
		if n == nil {
			continue
		}
		if a.sel == nil {
			if n == nil {
				continue
			}
			return []*html.Node{n}
		}
		if n == nil {
			continue
		}
		if ns := r.ix.all(a, n, true); len(ns) > 0 {
			return ns
		}
	}
	return nil
}

// text returns the first non-empty value the rule finds: an attribute's value,
// or the element's text folded onto one line.
func (r rule) text(ctx *html.Node) string {
	if ctx == nil {
		return ""
	}
	for i := range r.alts {
		a := &r.alts[i]
		n := a.start(ctx)
		if n == nil {
			continue
		}
		if a.sel != nil && a.re != nil {
			// A regexp picks a part of a text: the first matching element
			// whose text has it, as several may match the selector.
			var found string
			r.ix.each(a, n, func(m *html.Node) bool {
				found = r.ix.filter(a, r.ix.value(a, m))
				return found == ""
			})
			if found != "" {
				return found
			}
			continue
		}
		if a.sel != nil {
			n = r.ix.first(a, n, false)
		}
		if n == nil {
			continue
		}
		if v := r.ix.filter(a, r.ix.value(a, n)); v != "" {
			return v
		}
	}
	return ""
}

// value is a.value(n), with the text of an element read through ix.text.
func (ix *pageIndex) value(a *alt, n *html.Node) string {
	if a.attr != "" {
		return a.value(n)
	}
	return ix.text(n)
}

// matches reports whether any alternative finds an element below ctx.
func (r rule) matches(ctx *html.Node) bool {
	n, _ := r.node(ctx)
	return n != nil
}

// is reports whether n itself matches any alternative of the rule.
func (r rule) is(n *html.Node) bool {
	for i := range r.alts {
		a := &r.alts[i]
		if a.sel == nil {
			continue
		}
		if a.chain == nil && a.group.Match(n) || a.chain != nil && a.sel.Match(n) {
			return true
		}
	}
	return false
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// first returns the first element at or below ctx that the alternative's selector matches.
func (a alt) first(ctx *html.Node) *html.Node {
	if a.chain != nil {
		return a.chain.first(ctx)
	}
	return firstMatch(a.group, ctx)
}

// matchAll returns every element at or below ctx that the alternative's selector matches.
func (a alt) matchAll(ctx *html.Node) []*html.Node {
	if a.chain != nil {
		return a.chain.all(ctx, nil)
	}
	return appendMatches(a.group, ctx, nil)
}

// outer returns the elements the first matching alternative finds that are
// not inside another of its matches, without searching inside the matches:
// posts, quotes and listed threads, whose nested look-alikes are not wanted.
func (r rule) outer(ctx *html.Node) []*html.Node {
	if ctx == nil {
		return nil
	}
	for i := range r.alts {
		a := &r.alts[i]
		if a.sel == nil {
			return []*html.Node{ctx}
		}
		if out := r.ix.outer(a, ctx); len(out) > 0 {
			return out
		}
	}
	return nil
}

// dropNested returns the nodes of ns (in document order) that are not inside another of them.
func dropNested(ns []*html.Node) []*html.Node {
	out := ns[:0]
	var last *html.Node
	for _, n := range ns {
		if last != nil && isAncestor(last, n) {
			continue
		}
		out = append(out, n)
		last = n
	}
	return out
}

// isAncestor reports whether a is a proper ancestor of n.
func isAncestor(a, n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p == a {
			return true
		}
	}
	return false
}

// costly reports whether an alternative of the rule searches text or nested
// trees (":contains", ":has"), which the page index cannot rule out.
func (r rule) costly() bool {
	for _, a := range r.src {
		if strings.Contains(a, ":contains(") || strings.Contains(a, ":has(") || strings.Contains(a, ":matches(") {
			return true
		}
	}
	return false
}

// value returns the attribute the alternative names, or the element's text.
func (a alt) value(n *html.Node) string {
	if a.attr != "" {
		return strings.TrimSpace(attr(n, a.attr))
	}
	return nodeText(n)
}
