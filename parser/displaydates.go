package parser

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	dps "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/date"
)

// dateReader reads dates as pages display them ("Yesterday at 3:14 PM",
// "Heute, 10:12", "18. Dezember 2019", "vor 2 Stunden") with go-dateparser,
// a multilingual parser that costs 0.1-1 ms a call: as much as parsing a whole
// page for twenty dates. So it reads the time of day itself, asks the library
// only for the calendar part, and remembers per site the locale the library
// found and every calendar part it read: a site's posts share few days, and a
// crawl pays the library once per day shown, not once per post. Relative
// days ("Yesterday at") are remembered per fetch day. Safe for concurrent use.
type dateReader struct {
	mu    sync.Mutex
	sites map[string]*siteDates
}

// siteDates is what a dateReader learned of one site's dates.
type siteDates struct {
	locale  string
	days    map[string]dayMemo    // calendar part (and fetch day, for relative ones) -> its date
	layouts map[string]siteLayout // page language -> the Go layout of the site's dates (datelayouts.go)
	forms   map[string][]int      // page language -> the dayForms that gave the library's answers (dates.go)
}

// dayMemo is a remembered calendar part: its date, or that the library found none.
type dayMemo struct {
	d  Date
	ok bool
}

func newDateReader() *dateReader { return &dateReader{sites: map[string]*siteDates{}} }

// Bounds on what a dateReader remembers; past them it starts afresh.
const (
	maxSites    = 1000
	maxSiteDays = 20000
)

// clock matches a time of day in a displayed date: "2:22 pm", "14:05:33",
// "13h16", "12:11AM", "3 h 05".
var clock = regexp.MustCompile(`(?i)\b(\d{1,2})\s*[:h]\s*(\d{2})(?:\s*:\s*(\d{2}))?(?:\s*([ap])\.?\s?m\b\.?)?`)

// ordinal matches an English ordinal suffix ("30th"), which the library reads
// less surely than the bare number.
var ordinal = regexp.MustCompile(`(\d)(?:st|nd|rd|th)\b`)

// relativeWords are the words of relative dates in common forum languages,
// lower-case, so that a date with no digits ("Yesterday") is still read and
// a relative day is remembered per fetch day.
var relativeWords = []string{"ago", "today", "yesterday", "now", "vor", "heute", "gestern", "hier", "aujourd",
	"il y a", "hace", "hoy", "ayer", "oggi", "ieri", "tegnap", "perce", "órája", "назад", "сегодня", "вчера"}

// isRelative reports whether s holds one of relativeWords as a whole word.
func isRelative(s string) bool {
	l := strings.ToLower(s)
	for _, w := range relativeWords {
		for i := 0; ; {
			j := strings.Index(l[i:], w)
			if j < 0 {
				break
			}
			start, end := i+j, i+j+len(w)
			if wordEdge(l, start-1) && wordEdge(l, end) {
				return true
			}
			i = start + 1
		}
	}
	return false
}

// wordEdge reports whether s has no letter at byte i (or i is outside s).
func wordEdge(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return true
	}
	c := s[i]
	return !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80)
}

// read returns the time a displayed date stands for: its wall clock taken as
// UTC when the page shows no zone, relative dates resolved against now. It
// returns nil when raw is no date, or a calendar date without a time of day
// (a day is not a moment). lang is the page's language, or "".
func (r *dateReader) read(site, lang, raw string, now time.Time) *time.Time {
	s := cleanDate(raw)
	if s == "" {
		return nil
	}
	if t, ok := r.byLayout(site, lang, s); ok {
		return &t
	}
	digits := strings.ContainsAny(s, "0123456789")
	if !digits && !isRelative(s) {
		return nil
	}
	if m := clock.FindStringSubmatchIndex(s); m != nil && !clock.MatchString(s[m[1]:]) {
		day := strings.TrimSpace(s[:m[0]] + " " + s[m[1]:])
		if strings.ContainsAny(day, "0123456789") || isRelative(day) {
			d, ok := r.day(site, lang, day, now)
			if !ok {
				return nil
			}
			h, min, sec, ok := clockOf(s, m)
			if !ok {
				return nil
			}
			t := time.Date(d.Year, d.Month, d.Day, h, min, sec, 0, time.UTC)
			r.learnLayout(site, lang, s, t)
			return &t
		}
	}
	// No separable time of day ("vor 2 Stunden", "5 minutes ago", "14:05"
	// alone): the library reads it whole, if it is a moment at all; text
	// with neither a clock nor a relative word ("Reply #3") is not asked.
	if !isRelative(s) && !clock.MatchString(s) {
		return nil
	}
	d, err := r.parse(site, lang, s, now, false)
	if err != nil || d.IsZero() {
		return nil
	}
	t := d.Time.UTC()
	return &t
}

// clockOf returns the hour, minute and second of the clock match m in s.
func clockOf(s string, m []int) (h, min, sec int, ok bool) {
	group := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return s[m[2*i]:m[2*i+1]]
	}
	h, _ = strconv.Atoi(group(1))
	min, _ = strconv.Atoi(group(2))
	if g := group(3); g != "" {
		sec, _ = strconv.Atoi(g)
	}
	switch strings.ToLower(group(4)) {
	case "a":
		if h == 12 {
			h = 0
		}
	case "p":
		if h < 12 {
			h += 12
		}
	}
	return h, min, sec, h < 24 && min < 60 && sec < 60
}

// readDate returns the calendar date a displayed date stands for ("Lun 8 Jan
// 2018 15:31" -> 2018-01-08, "janvier 2003" -> 2003-01-01).
func (r *dateReader) readDate(site, lang, raw string, now time.Time) (Date, bool) {
	key := "date\x00" + lang + "\x00" + raw // a member's join date shows beside each of their posts
	if m, ok := r.remembered(site, key); ok {
		return m.d, m.ok
	}
	d, ok := ParseDisplayDate(raw)
	if !ok {
		if s := cleanDate(raw); s != "" && strings.ContainsAny(s, "0123456789") {
			if m := clock.FindStringIndex(s); m != nil {
				s = strings.TrimSpace(s[:m[0]] + " " + s[m[1]:])
			}
			d, ok = r.day(site, lang, s, now)
		}
	}
	if !isRelative(raw) {
		r.remember(site, key, dayMemo{d: d, ok: ok})
	}
	return d, ok
}

// remembered returns what the reader remembers of a key on a site.
func (r *dateReader) remembered(site, key string) (dayMemo, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if k := r.sites[site]; k != nil {
		m, ok := k.days[key]
		return m, ok
	}
	return dayMemo{}, false
}

// remember records what a key of a site stands for.
func (r *dateReader) remember(site, key string, m dayMemo) {
	r.mu.Lock()
	defer r.mu.Unlock()
	k := r.siteLocked(site)
	if len(k.days) >= maxSiteDays {
		k.days = map[string]dayMemo{}
	}
	k.days[key] = m
}

// day returns the date of a calendar part, from the site's memory or the library.
func (r *dateReader) day(site, lang, s string, now time.Time) (Date, bool) {
	key := lang + "\x00" + s // one site may show dates in several languages
	if isRelative(s) {
		key += "\x00" + now.UTC().Format(time.DateOnly)
	}
	if m, ok := r.remembered(site, key); ok {
		return m.d, m.ok
	}
	relative := isRelative(s)
	if !relative {
		d, ok := isoInText(s)
		if !ok {
			d, ok = r.byForm(site, lang, s)
		}
		if ok {
			r.remember(site, key, dayMemo{d: d, ok: true})
			return d, true
		}
	}
	d, err := r.parse(site, lang, s, now, true)
	m := dayMemo{ok: err == nil && !d.IsZero()}
	if m.ok {
		m.d = DateOf(d.Time)
		if !relative {
			r.learnForm(site, lang, s, m.d)
		}
	}
	r.remember(site, key, m)
	return m.d, m.ok
}

// byForm reads a calendar part by the forms learned on the site for the language.
func (r *dateReader) byForm(site, lang, s string) (Date, bool) {
	r.mu.Lock()
	var forms []int
	if k := r.sites[site]; k != nil {
		forms = k.forms[lang]
	}
	r.mu.Unlock()
	for _, f := range forms {
		if d, ok := dayForms[f].read(s); ok {
			return d, true
		}
	}
	return Date{}, false
}

// learnForm notes for the site and language the first of dayForms that
// reads s as the library did, if one does.
func (r *dateReader) learnForm(site, lang, s string, d Date) {
	for i, f := range dayForms {
		if f.lang && lang == "" {
			continue
		}
		if fd, ok := f.read(s); ok && fd == d {
			r.mu.Lock()
			k := r.siteLocked(site)
			if k.forms == nil {
				k.forms = map[string][]int{}
			}
			if !slices.Contains(k.forms[lang], i) {
				k.forms[lang] = append(k.forms[lang], i)
			}
			r.mu.Unlock()
			return
		}
	}
}

// parse asks the library in the page's language (which also settles the
// order of numeric dates: "10/05/2006" is 10 May on a French page), else in
// the locale it found before on the site, and failing those with its own
// detection; it records the locale found.
func (r *dateReader) parse(site, lang, s string, now time.Time, firstOfMonth bool) (date.Date, error) {
	cfg := &dps.Configuration{CurrentTime: now.UTC(), DefaultTimezone: time.UTC}
	if firstOfMonth {
		cfg.PreferredDayOfMonth = dps.First
	}
	r.mu.Lock()
	locale := r.siteLocked(site).locale
	r.mu.Unlock()
	var d date.Date
	var err error
	switch { // the page's own language first: one site may serve several
	case lang != "":
		cfg.Languages = []string{lang}
	case locale != "":
		cfg.Locales = []string{locale}
	}
	if d, err = dps.Parse(cfg, s); (err != nil || d.IsZero()) && (cfg.Locales != nil || cfg.Languages != nil) {
		cfg.Locales, cfg.Languages = nil, nil // the site's other pages may be in another language
		d, err = dps.Parse(cfg, s)
	}
	if err == nil && !d.IsZero() && d.Locale != "" {
		r.mu.Lock()
		if k := r.siteLocked(site); k.locale == "" {
			k.locale = d.Locale
		}
		r.mu.Unlock()
	}
	return d, err
}

// siteLocked returns the site's record, making it; the caller holds r.mu.
func (r *dateReader) siteLocked(site string) *siteDates {
	k := r.sites[site]
	if k == nil {
		if len(r.sites) >= maxSites {
			r.sites = map[string]*siteDates{}
		}
		k = &siteDates{days: map[string]dayMemo{}}
		r.sites[site] = k
	}
	return k
}

// cleanDate folds a displayed date's whitespace and strips what forums put
// around it ("« ... »", a trailing dot) and English ordinal suffixes.
func cleanDate(raw string) string {
	if isCleanDate(raw) {
		return raw
	}
	s := strings.Join(strings.Fields(raw), " ")
	s = strings.Trim(s, "«»·|-–— ")
	s = strings.TrimSuffix(s, ".")
	if strings.Contains(s, "st") || strings.Contains(s, "nd") || strings.Contains(s, "rd") || strings.Contains(s, "th") {
		s = ordinal.ReplaceAllString(s, "$1")
	}
	return s
}

// isCleanDate reports whether cleanDate would return raw as it is: printable
// ASCII with single spaces between words, nothing to trim at either end and
// no ordinal suffix. Most displayed dates are, and need no copy.
func isCleanDate(raw string) bool {
	if raw == "" || raw[0] == ' ' || raw[0] == '|' || raw[0] == '-' {
		return false
	}
	switch raw[len(raw)-1] {
	case ' ', '|', '-', '.':
		return false
	}
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c < ' ' || c >= 0x7f || c == ' ' && raw[i-1] == ' ' {
			return false
		}
	}
	return !strings.Contains(raw, "st") && !strings.Contains(raw, "nd") && !strings.Contains(raw, "rd") && !strings.Contains(raw, "th")
}
