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
		a.URL = x.abs(u)
		if a.ID == "" {
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
		f := Field{Label: ruleDisplay(label, pair), Value: ruleDisplay(value, valueOf(pair))}
		if f.Label == "" && f.Value == "" {
			continue
		}
		a.Fields = append(a.Fields, f)
		a.setTyped(f.Label, f.Value)
	}
	return a
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
// displayValue), or the attribute the rule names, through the alternative's
// regexp; the first alternative that gives a value wins.
func ruleDisplay(r rule, ctx *html.Node) string {
	if ctx == nil {
		return ""
	}
	for _, a := range r.alts {
		n := ctx
		if a.sel != nil {
			n = a.sel.MatchFirst(ctx)
		}
		if n == nil {
			continue
		}
		var v string
		if a.attr != "" {
			v = strings.TrimSpace(attr(n, a.attr))
		} else {
			v = displayValue(n)
		}
		if v = a.filter(v); v != "" {
			return v
		}
	}
	return ""
}
