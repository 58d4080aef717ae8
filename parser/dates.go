package parser

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// machineLayouts are the forms of machine-readable times that forum pages put
// in attributes (<time datetime>, itemprop content): RFC 3339, ISO 8601 with
// an offset without a colon (XenForo: "2010-11-21T10:51:58+0000"), and without a zone.
var machineLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05-0700",
	"2006-01-02T15:04:05.999999999-0700",
	"2006-01-02T15:04-07:00",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05-07:00",
	"2006-01-02 15:04:05",
}

// ParseMachineTime returns the time written in a machine-readable attribute:
// an ISO 8601 / RFC 3339 string, or a Unix time in seconds or milliseconds.
// A time without a zone is taken as UTC. It reports false for anything else.
func ParseMachineTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || !isDigit(s[0]) && s[0] != '+' && s[0] != '-' {
		return time.Time{}, false // neither a number nor a year (each layout starts with one)
	}
	if unix, err := strconv.ParseInt(s, 10, 64); err == nil {
		return unixTime(unix)
	}
	for _, layout := range machineLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// unixTime returns the time of a Unix stamp in seconds or, when too large for
// seconds, milliseconds; it rejects stamps before 1990 or far in the future.
func unixTime(n int64) (time.Time, bool) {
	if n > 1e11 {
		n /= 1000
	}
	if n < 631152000 || n > 4102444800 { // 1990-01-01 .. 2100-01-01
		return time.Time{}, false
	}
	return time.Unix(n, 0).UTC(), true
}

// dateLayouts are the calendar-date forms that profile fields such as "Joined" use.
var dateLayouts = []string{
	"Jan 2, 2006", "January 2, 2006", "2 Jan 2006", "2 January 2006", "Jan 2 2006",
	"2006-01-02", "02.01.2006", "2.1.2006", "01/02/2006", "2006/01/02",
	"Jan 2006", "January 2006", "01-02-2006", "Mon Jan 2, 2006", "Monday, January 2, 2006",
}

// ParseDisplayDate returns the calendar date of a displayed date such as
// "Jun 23, 2013" or "23.06.2013". It reports false when s is not one it knows.
func ParseDisplayDate(s string) (Date, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "."))
	s = strings.Join(strings.Fields(s), " ")
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return DateOf(t), true
		}
	}
	return Date{}, false
}

// dayForm is a cheap reading of the calendar part of a displayed date: a
// full date (year, month and day) it reads without doubt, else false.
type dayForm func(s string) (Date, bool)

// dayForms are the forms a dateReader tries before the multilingual
// library, each on a site only once it gave the library's own answer
// there: the library costs a thousand times more, and a site writes its
// dates in one form. None reads a relative date or a date without a year.
// (A year-month-day date, which nothing else can mean, is read first
// everywhere: see isoInText.)
var dayForms = []dayFormSpec{
	{read: layoutForm("Jan 2, 2006")}, {read: layoutForm("January 2, 2006")}, {read: layoutForm("Mon Jan 2, 2006")},
	{read: layoutForm("Monday, January 2, 2006")}, {read: layoutForm("Mon, Jan 2, 2006")}, {read: layoutForm("2 Jan 2006")},
	{read: layoutForm("2 January 2006")}, {read: layoutForm("Mon, 2 Jan 2006")}, {read: layoutForm("Jan 2 2006")},
	{read: layoutForm("2-January-2006")}, {read: layoutForm("2-Jan-2006")}, {read: layoutForm("2. January 2006")},
	{read: layoutForm("2006-01-02")}, {read: layoutForm("2006/01/02")},
	{read: numericForm("2.1.2006", true)}, {read: numericForm("2/1/2006", true)}, {read: numericForm("2-1-2006", true)},
	{read: numericForm("1/2/2006", false)}, {read: numericForm("1-2-2006", false)}, {read: numericForm("1.2.2006", false)},
	// After a label ("Reply #3 on: April 06, 2020"), where the library reads the whole.
	{read: afterColon(layoutForm("January 2, 2006"))}, {read: afterColon(layoutForm("Jan 2, 2006"))},
	{read: afterColon(layoutForm("2 January 2006"))}, {read: afterColon(layoutForm("Mon Jan 2, 2006"))},
	// Day and month that could change places, in the order the page's
	// language gave the library: only on pages that name their language.
	{read: orderForm("2/1/2006"), lang: true}, {read: orderForm("2.1.2006"), lang: true}, {read: orderForm("2-1-2006"), lang: true},
	{read: orderForm("1/2/2006"), lang: true}, {read: orderForm("1-2-2006"), lang: true}, {read: orderForm("1.2.2006"), lang: true},
}

// dayFormSpec is one of dayForms: how it reads, and whether it is only for
// pages that name their language.
type dayFormSpec struct {
	read dayForm
	lang bool
}

// isoDate matches a date written year-month-day in a longer text ("Reply
// #9 Date: 2011-05-18,").
var isoDate = regexp.MustCompile(`(?:^|[^0-9])(\d{4}-\d{2}-\d{2})(?:[^0-9]|$)`)

// isoInText reads the one year-month-day date a text holds ("Reply #9
// Date: 2011-05-18", where the library reads none for the words before it).
func isoInText(s string) (Date, bool) {
	if !strings.Contains(s, "-") {
		return Date{}, false
	}
	m := isoDate.FindAllStringSubmatch(s, 2)
	if len(m) != 1 {
		return Date{}, false
	}
	t, err := time.Parse("2006-01-02", m[0][1])
	if err != nil {
		return Date{}, false
	}
	return DateOf(t), true
}

// layoutForm reads a text, less the commas and dots around it, by a Go
// time layout with the month's English name or the year first.
func layoutForm(layout string) dayForm {
	return func(s string) (Date, bool) {
		t, err := time.Parse(layout, strings.Trim(s, " ,."))
		if err != nil {
			return Date{}, false
		}
		return DateOf(t), true
	}
}

// numericForm reads a numeric date by a Go layout, day first or month
// first, only where the other order does not read it too: "25/12/2019",
// or "05/05/2020", but not "03/04/2020", which a site's language decides.
func numericForm(layout string, dayFirst bool) dayForm {
	return func(s string) (Date, bool) {
		t, err := time.Parse(layout, strings.Trim(s, " ,."))
		if err != nil {
			return Date{}, false
		}
		if d, m := t.Day(), int(t.Month()); d <= 12 && d != m {
			return Date{}, false // month and day could change places
		}
		return DateOf(t), true
	}
}

// afterColon reads by form the text after the last colon of a text, if it has one.
func afterColon(form dayForm) dayForm {
	return func(s string) (Date, bool) {
		i := strings.LastIndexByte(s, ':')
		if i < 0 {
			return Date{}, false
		}
		return form(s[i+1:])
	}
}

// orderForm reads a numeric date by a Go layout only where its day and
// month could change places ("03/04/2020"), and differ: a site's first such
// date shows the library's order, which the page's language decides.
func orderForm(layout string) dayForm {
	return func(s string) (Date, bool) {
		t, err := time.Parse(layout, strings.Trim(s, " ,."))
		if err != nil {
			return Date{}, false
		}
		if d, m := t.Day(), int(t.Month()); d > 12 || d == m {
			return Date{}, false // no doubt: numericForm's
		}
		return DateOf(t), true
	}
}
