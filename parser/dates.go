package parser

import (
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
	if s == "" {
		return time.Time{}, false
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

// dateTimeLayouts are displayed date-and-time forms common to forum engines in English and numeric styles.
var dateTimeLayouts = []string{
	"Jan 2, 2006 at 3:04 PM", "Jan 2, 2006 3:04 PM", "Jan 2, 2006, 3:04 PM", "January 2, 2006, 3:04 PM",
	"January 2, 2006 3:04 PM", "Mon Jan 02, 2006 3:04 pm", "Mon Jan 2, 2006 3:04 pm", "Mon Jan 02, 2006 15:04",
	"Monday, January 2, 2006, 3:04 PM", "Monday, January 2, 2006 3:04 PM", "02 Jan 2006, 15:04", "2 Jan 2006, 15:04",
	"02 January 2006 - 03:04 PM", "01-02-2006, 03:04 PM", "01-02-2006 at 03:04 PM", "02-01-2006, 03:04 PM", "01-02-2006 03:04 PM",
	"02.01.2006, 15:04", "02.01.2006 15:04", "2006-01-02 15:04", "2006-01-02, 15:04", "2006.01.02 15:04",
	"02/01/2006 15:04", "01/02/2006 3:04 PM", "1/2/2006 3:04 PM", "1/2/06 3:04 PM", "2006-01-02T15:04",
}

// parseDisplayTime returns the time a displayed date-and-time stands for, in
// UTC (a page that shows no zone gives its wall clock, taken as UTC), or nil
// when raw is not one it knows or holds no time of day. now is when the page
// was fetched, for relative dates.
func parseDisplayTime(raw string, now time.Time) *time.Time {
	s := strings.Join(strings.Fields(strings.TrimSpace(raw)), " ")
	s = strings.TrimSuffix(strings.TrimPrefix(s, "» "), ".")
	for _, layout := range dateTimeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return &t
		}
	}
	return nil
}
