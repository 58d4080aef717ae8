package parser

import (
	"strings"
	"time"
)

// A site shows all its absolute dates in one layout ("Tue Dec 31, 2019 2:22
// pm", "06-15-2016, 03:03 PM"). Reading one the general way takes a clock
// regexp, a search for relative words and a look-up of the calendar part;
// once a dateReader knows the site's layout as a Go layout, one time.Parse
// reads the next date. The layout is learned from what the general way read:
// a candidate is taken only when it alone, of all candidates, gives exactly
// the time read, so a sample such as "04-04-2019" that a month-first and a
// day-first layout read alike teaches nothing. Layouts that differ only in
// short or full month names ("May 15" fits both) cannot read one string two
// ways: a sample that fits both teaches both. A string the layout does not
// fit ("Yesterday at 3:14 PM", a date out of range) goes the general way.

// numericLayouts are candidate layouts with numbers only: right for a site in
// any language, as the sample settles the order of day and month. Single-digit
// day, month and hour fields also read two digits ("05").
var numericLayouts = []string{
	"2006-1-2, 15:04", "2006-1-2, 15:04:05", "2006-1-2 15:04", "2006-1-2 15:04:05", "2006-1-2 at 15:04",
	"1-2-2006, 3:04 PM", "2-1-2006, 3:04 PM", "1-2-2006, 15:04", "2-1-2006, 15:04",
	"1/2/2006, 3:04 PM", "2/1/2006, 3:04 PM", "1/2/2006, 15:04", "2/1/2006, 15:04",
	"1/2/2006, 15h04", "2/1/2006, 15h04", "2/1/2006 15:04", "1/2/2006 3:04 PM",
	"2.1.2006, 15:04", "2.1.2006 15:04", "2006.1.2. 15:04",
}

// englishLayouts are candidate layouts with English month and weekday names,
// tried only on pages in English or of no stated language: Go reads only
// English names, and another language's "Mar" need not be March.
var englishLayouts = []string{
	"Mon Jan 2, 2006 3:04 pm", "Mon Jan 2, 2006 3:04 PM", "Mon Jan 2, 2006 15:04",
	"2 Jan 2006 15:04", "2 Jan 2006, 15:04", "2 January 2006 at 3:04PM", "2 January 2006, 15:04",
	"Jan 2, 2006, 3:04 PM", "Jan 2, 2006 3:04 PM", "Jan 2, 2006 15:04", "Jan 2, 2006 at 3:04 PM",
	"January 2, 2006, 3:04:05 PM", "January 2, 2006, 3:04 PM", "January 2, 2006 at 3:04 PM",
}

// maxLayoutTries bounds how many dates of a site (per language) are tried
// against the candidates: a site none fits stops paying for them.
const maxLayoutTries = 8

// siteLayout is what a dateReader learned of the layout of a site's dates in one language.
type siteLayout struct {
	layouts []string // the Go layouts (one, or forms with short and full month names), or none while unknown
	tries   int      // dates tried against the candidates without a single fit
}

// byLayout returns the time s reads as in the site's learned layout for
// lang, if the reader has learned one and s fits it.
func (r *dateReader) byLayout(site, lang, s string) (time.Time, bool) {
	r.mu.Lock()
	var ls []string
	if k := r.sites[site]; k != nil && k.layouts != nil {
		ls = k.layouts[lang].layouts
	}
	r.mu.Unlock()
	for _, l := range ls {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// layoutCandidates returns the candidate layouts for a page in lang.
func layoutCandidates(lang string) [][]string {
	if lang == "" || lang == "en" || strings.HasPrefix(lang, "en-") {
		return [][]string{numericLayouts, englishLayouts}
	}
	return [][]string{numericLayouts}
}

// learnLayout records the layout of s for the site and lang when exactly one
// candidate reads s as t (a wall-clock time as UTC), nothing is learned yet
// and s is no relative date.
func (r *dateReader) learnLayout(site, lang, s string, t time.Time) {
	r.mu.Lock()
	k := r.siteLocked(site)
	l := k.layouts[lang]
	r.mu.Unlock()
	if len(l.layouts) > 0 || l.tries >= maxLayoutTries || isRelative(s) {
		return
	}
	var found []string
	for _, set := range layoutCandidates(lang) {
		for _, c := range set {
			if u, err := time.Parse(c, s); err == nil && u.Equal(t) {
				found = append(found, c)
			}
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if k.layouts == nil {
		k.layouts = map[string]siteLayout{}
	}
	if len(found) > 0 && oneShape(found) {
		l.layouts = found
	} else {
		l.tries++ // none fits, or two read s alike and it cannot tell them apart
	}
	k.layouts[lang] = l
}

// oneShape reports whether the layouts differ at most in short or full month names.
func oneShape(layouts []string) bool {
	for _, l := range layouts[1:] {
		if strings.ReplaceAll(l, "January", "Jan") != strings.ReplaceAll(layouts[0], "January", "Jan") {
			return false
		}
	}
	return true
}
