package parser

import (
	"regexp"
	"strings"
	"sync"
	"time"

	dps "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/date"
)

// dateReader reads dates as pages display them ("Yesterday at 3:14 PM",
// "Heute, 10:12", "18. Dezember 2019", "vor 2 Stunden") with go-dateparser,
// a multilingual parser that costs about 0.1-1 ms a call. It learns, per site,
// the locale the library found (later calls skip language detection) and,
// where the site's dates are absolute, a Go layout that reproduces them
// (later dates take one time.Parse, about a microsecond). Safe for concurrent use.
type dateReader struct {
	mu    sync.Mutex
	sites map[string]*siteDates
}

// siteDates is what a dateReader learned of one site's dates.
type siteDates struct {
	locale string
	layout string // a Go layout that formats the site's absolute dates as displayed
}

func newDateReader() *dateReader { return &dateReader{sites: map[string]*siteDates{}} }

// maxSites bounds what a dateReader remembers; past it, it starts afresh.
const maxSites = 10000

// clockTime matches a time of day in a displayed date ("2:22 pm", "14:05", "13h16").
var clockTime = regexp.MustCompile(`\d{1,2}\s*[:h.]\s*\d{2}`)

// learnLayouts are the Go layouts a site's absolute dates are tried against
// once the library has read one, to find the site's layout.
var learnLayouts = []string{
	"Jan 2, 2006 at 3:04 PM", "Jan 2, 2006 3:04 PM", "Jan 2, 2006, 3:04 PM", "January 2, 2006, 3:04 PM",
	"January 2, 2006 3:04 PM", "January 02, 2006, 03:04:05 PM", "Mon Jan 02, 2006 3:04 pm", "Mon Jan 2, 2006 3:04 pm",
	"Mon Jan 02, 2006 15:04", "Monday, January 2, 2006, 3:04 PM", "Monday, January 2, 2006 3:04 PM",
	"02 Jan 2006, 15:04", "2 Jan 2006, 15:04", "2 Jan 2006 15:04", "02 January 2006 - 03:04 PM", "Jan 2, 2006 15:04",
	"01-02-2006, 03:04 PM", "02-01-2006, 03:04 PM", "01-02-2006 03:04 PM", "02-01-2006, 15:04",
	"02.01.2006, 15:04", "02.01.2006 15:04", "2.1.2006, 15:04", "2006-01-02 15:04", "2006-01-02, 15:04:05",
	"2006-01-02, 15:04", "2006.01.02 15:04", "2006. 01. 02. 15:04", "02/01/2006 15:04", "01/02/2006 3:04 PM",
	"1/2/2006 3:04 PM", "1/2/06 3:04 PM", "2006-01-02T15:04", "Jan 02, 2006, 03:04 PM", "Jan 02, 2006 03:04 PM",
}

// read returns the time a displayed date stands for on the site: its wall
// clock taken as UTC when the page shows no zone, relative dates resolved
// against now. It returns nil when raw is no date, or a date without a time
// of day (a calendar date is not a moment).
func (r *dateReader) read(site, lang, raw string, now time.Time) *time.Time {
	s := cleanDate(raw)
	if s == "" || !strings.ContainsAny(s, "0123456789") && !relativeWord.MatchString(s) {
		return nil
	}
	known := r.site(site)
	if known.layout != "" {
		if t, err := time.Parse(known.layout, s); err == nil {
			return &t
		}
	}
	cfg := &dps.Configuration{CurrentTime: now.UTC(), DefaultTimezone: time.UTC}
	d, err := parseIn(cfg, known.locale, lang, s)
	if err != nil || d.IsZero() {
		return nil
	}
	t := d.Time.UTC()
	if !clockTime.MatchString(s) && !relativeWord.MatchString(s) {
		return nil // a calendar date only
	}
	r.learn(site, d.Locale, s, t)
	return &t
}

// parseIn parses s with the site's known locale, else the page's language
// (its <html lang>, which also settles the order of numeric dates:
// "10/05/2006" is 10 May on a French page), and failing those, with the
// library's own detection.
func parseIn(cfg *dps.Configuration, locale, lang, s string) (date.Date, error) {
	switch {
	case locale != "":
		cfg.Locales = []string{locale}
	case lang != "":
		cfg.Languages = []string{lang}
	default:
		return dps.Parse(cfg, s)
	}
	d, err := dps.Parse(cfg, s)
	if err == nil && !d.IsZero() {
		return d, nil
	}
	cfg.Locales, cfg.Languages = nil, nil // the site's other pages may be in another language
	return dps.Parse(cfg, s)
}

// readDate returns the calendar date a displayed date stands for ("Lun 8 Jan 2018 15:31" -> 2018-01-08).
func (r *dateReader) readDate(site, lang, raw string, now time.Time) (Date, bool) {
	if d, ok := ParseDisplayDate(raw); ok {
		return d, true
	}
	s := cleanDate(raw)
	if s == "" || !strings.ContainsAny(s, "0123456789") {
		return Date{}, false
	}
	cfg := &dps.Configuration{CurrentTime: now.UTC(), DefaultTimezone: time.UTC, PreferredDayOfMonth: dps.First}
	d, err := parseIn(cfg, r.site(site).locale, lang, s)
	if err != nil || d.IsZero() {
		return Date{}, false
	}
	return DateOf(d.Time), true
}

// relativeWord matches the words of relative dates in the languages of the
// forums seen most ("ago", "vor", "il y a", "назад", "Today", "Heute", "Yesterday"...):
// dates that hold no digits yet are dates.
var relativeWord = regexp.MustCompile(`(?i)\b(ago|today|yesterday|now|vor|heute|gestern|hier|aujourd|il y a|hace|hoy|ayer|oggi|ieri|fa|tegnap|ma|perce|órája|назад|сегодня|вчера)\b`)

// cleanDate folds a displayed date's whitespace and strips the punctuation
// forums put around it ("« ... »", a trailing dot).
func cleanDate(raw string) string {
	s := strings.Join(strings.Fields(raw), " ")
	s = strings.Trim(s, "«»·|-–— ")
	return strings.TrimSuffix(s, ".")
}

// site returns a copy of what is known of a site's dates.
func (r *dateReader) site(site string) siteDates {
	r.mu.Lock()
	defer r.mu.Unlock()
	if k := r.sites[site]; k != nil {
		return *k
	}
	return siteDates{}
}

// learn records the locale the library found for a site and, when one of
// learnLayouts formats t exactly as s is displayed, that layout.
func (r *dateReader) learn(site, locale, s string, t time.Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	k := r.sites[site]
	if k == nil {
		if len(r.sites) >= maxSites {
			r.sites = map[string]*siteDates{}
		}
		k = &siteDates{}
		r.sites[site] = k
	}
	if k.locale == "" {
		k.locale = locale
	}
	if k.layout != "" {
		return
	}
	for _, l := range learnLayouts {
		if t.Format(l) == s {
			k.layout = l
			return
		}
	}
}
