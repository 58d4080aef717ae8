package parser

import (
	"strings"

	"golang.org/x/net/html"
)

// author returns the author of the post element n with every profile pair shown.
func (x *extractor) author(n *html.Node) Author {
	c := x.c
	a := Author{
		Name:    c.get("AuthorName").text(n),
		Banners: []string{},
		Fields:  []Field{},
	}
	if id := lastDigits(c.get("AuthorID").text(n)); id != "" && strings.Trim(id, "0") != "" {
		a.ID = id
	}
	if u := c.get("AuthorURL").text(n); u != "" {
		a.URL = x.link(u)
		if a.ID == "" && c.get("AuthorID").empty() { // an engine that says where ids are is not second-guessed
			a.ID = lastDigits(strings.TrimSuffix(u, "/"))
		}
	}
	if img, _ := c.get("AuthorAvatar").node(n); img != nil {
		if src := imageSource(img); src != "" {
			a.AvatarURL = x.abs(src)
		}
	}
	a.Title = c.get("AuthorTitle").text(n)
	for _, b := range c.get("AuthorBanner").all(n) {
		if t := nodeText(b); t != "" {
			a.Banners = append(a.Banners, t)
		}
	}
	label, value := c.get("PairLabel"), c.get("PairValue")
	for _, pair := range c.get("AuthorPair").all(n) {
		if label.empty() { // pairs written as "Label: value" lines of one element
			for _, f := range linePairs(pair) {
				a.Fields = append(a.Fields, f)
				a.setTyped(f.Label, f.Value, x.readDate)
			}
			continue
		}
		f := Field{Label: ruleDisplay(label, pair), Value: ruleDisplay(value, valueOf(pair))}
		if f.Label == "" && f.Value == "" {
			continue
		}
		a.Fields = append(a.Fields, f)
		a.setTyped(f.Label, f.Value, x.readDate)
	}
	for _, block := range c.get("AuthorLines").all(n) {
		for _, line := range strings.Split(textOf(block, textOptions{}), "\n") {
			l, v, ok := strings.Cut(line, ":")
			l, v = strings.TrimSpace(l), strings.TrimSpace(v)
			if !ok || l == "" || v == "" {
				continue
			}
			a.Fields = append(a.Fields, Field{Label: l, Value: v})
			a.setTyped(l, v, x.readDate)
		}
	}
	return a
}

// linePairs returns the profile pairs that n writes as lines of text
// ("Posts: 14<br>Joined: Feb 2026"), one per line holding a colon.
func linePairs(n *html.Node) []Field {
	var out []Field
	for _, line := range strings.Split(textOf(n, textOptions{}), "\n") {
		l, v, ok := strings.Cut(line, ":")
		l, v = strings.TrimSpace(l), strings.TrimSpace(v)
		if ok && l != "" && v != "" {
			out = append(out, Field{Label: l, Value: v})
		}
	}
	return out
}

// valueOf returns the element that holds a pair's value: the <dd> that
// follows a <dt> of a definition list that shares one list among all pairs,
// else the pair itself.
func valueOf(pair *html.Node) *html.Node {
	if pair.Data != "dt" {
		return pair
	}
	for s := pair.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode {
			if s.Data == "dd" {
				return s
			}
			break
		}
	}
	return pair
}

// ruleDisplay returns what the element found by r below ctx shows (see
// displayValue), or the attribute the rule names. An alternative with a
// regexp gives the part it picks, and finds nothing when it does not match.
func ruleDisplay(r rule, ctx *html.Node) string {
	if ctx == nil {
		return ""
	}
	for i := range r.alts {
		a := &r.alts[i]
		n := a.start(ctx)
		if a.sel != nil && n != nil {
			n = r.ix.first(a, n, false)
		}
		if n == nil || (a.attr != "" && !hasAttr(n, a.attr)) {
			continue
		}
		v := displayValue(n)
		if a.attr != "" {
			v = strings.TrimSpace(attr(n, a.attr))
		}
		if a.re == nil {
			return v
		}
		if v = r.ix.filter(a, v); v != "" {
			return v
		}
	}
	return ""
}
