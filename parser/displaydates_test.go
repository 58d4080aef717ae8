package parser

import (
	"testing"
	"time"
)

func TestDateReader(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name, lang, raw, want string // want "" for no moment
	}{
		{"English relative day with a 12-hour clock", "en", "Yesterday at 3:14 PM", "2026-11-29T15:14:00Z"},
		{"German relative day", "de", "Heute, 10:12", "2026-11-30T10:12:00Z"},
		{"German relative hours", "de", "vor 2 Stunden", "2026-11-30T10:00:00Z"},
		{"English minutes ago", "en", "5 minutes ago", "2026-11-30T11:55:00Z"},
		{"phpBB English date", "en", "Tue Dec 31, 2019 2:22 pm", "2019-12-31T14:22:00Z"},
		{"phpBB French date", "fr", "Lun 8 Jan 2018 15:33", "2018-01-08T15:33:00Z"},
		{"French numeric date is day first", "fr", "10/05/2006, 13h16", "2006-05-10T13:16:00Z"},
		{"US vBulletin numeric date is month first", "en", "04-06-2019, 06:55 AM", "2019-04-06T06:55:00Z"},
		{"SMF with seconds", "en", "April 04, 2020, 09:22:51 AM", "2020-04-04T09:22:51Z"},
		{"English ordinal day", "en", "30th Apr 2011, 17:10", "2011-04-30T17:10:00Z"},
		{"Hungarian ISO-like date", "hu", "2012-12-27, 20:44:14", "2012-12-27T20:44:14Z"},
		{"a calendar date is no moment", "de", "18. Dezember 2019", ""},
		{"a post subject is no date", "en", "Reply #99 - Re: Tips for 2019", ""},
		{"empty", "en", "", ""},
	}
	r := newDateReader()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for range 2 { // the second time from what the reader learned
				got := ""
				if tm := r.read("forum.example", tt.lang, tt.raw, now); tm != nil {
					got = tm.Format(time.RFC3339)
				}
				if got != tt.want {
					t.Fatalf("read(%q) = %q, want %q", tt.raw, got, tt.want)
				}
			}
		})
	}
}

func TestDateReaderCalendarDates(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	tests := []struct{ lang, raw, want string }{
		{"de", "18. Dezember 2019", "2019-12-18"},
		{"fr", "janvier 2003", "2003-01-01"},
		{"en", "Jul 2007", "2007-07-01"},
		{"en", "Thu Feb 05, 2015 3:42 pm", "2015-02-05"},
		{"fr", "Lun 8 Jan 2018 15:31", "2018-01-08"},
	}
	r := newDateReader()
	for _, tt := range tests {
		d, ok := r.readDate("forum.example", tt.lang, tt.raw, now)
		if !ok || d.String() != tt.want {
			t.Errorf("readDate(%q) = %v, %v; want %s", tt.raw, d, ok, tt.want)
		}
	}
}

func TestParseZone(t *testing.T) {
	tests := []struct {
		in     string
		offset int // seconds east of UTC; -1 for no zone
	}{
		{"UTC+09:00", 9 * 3600},
		{"UTC+9", 9 * 3600},
		{"GMT -5", -5 * 3600},
		{"GMT-5", -5 * 3600},
		{"GMT +5.5", 5*3600 + 1800},
		{"GMT", 0},
		{"UTC [ DST ]", 3600},
		{"UTC+0530", 5*3600 + 1800},
		{"the team", -1},
	}
	when := time.Date(2020, 1, 15, 12, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		loc := parseZone(tt.in)
		got := -1
		if loc != nil {
			_, got = when.In(loc).Zone()
		}
		if got != tt.offset {
			t.Errorf("parseZone(%q) offset %d, want %d", tt.in, got, tt.offset)
		}
	}
	if loc := parseZone("Europe/Paris"); loc == nil || loc.String() != "Europe/Paris" {
		t.Errorf("parseZone(Europe/Paris) = %v", loc)
	}
}

func TestCleanDateQuickCheck(t *testing.T) {
	pieces := []string{" ", "  ", "\t", "\u00a0", "«", "»", "-", "|", ".", "a", "1", ":", "st", "2nd", "Apr", "\xff"}
	eachText(pieces, 4, func(s string) {
		if isCleanDate(s) && cleanDate(s) != s {
			t.Fatalf("isCleanDate(%q) but cleanDate gives %q", s, cleanDate(s))
		}
	})
	for _, s := range []string{"Tue Dec 31, 2019 2:22 pm", "2012-12-27, 20:44:14", "Sep 20, 2012 11:16"} {
		if !isCleanDate(s) {
			t.Errorf("isCleanDate(%q) = false, want true", s)
		}
	}
}

// TestDayForms checks the cheap readings of calendar parts: the dates they
// read, and the ones they leave to the library (no year, a day and month
// that could change places, two dates, a relative day).
func TestDayForms(t *testing.T) {
	tests := []struct {
		name, s string
		lang    bool   // the forms for pages that name their language
		want    string // "" for none of the forms
	}{
		{"a year-month-day date after words", "Válasz #9 Dátum: 2011-05-18,", false, "2011-05-18"},
		{"a bare year-month-day date", "2012-12-27", false, "2012-12-27"},
		{"two year-month-day dates", "2011-05-18 to 2011-05-19", false, ""},
		{"an English month name", "Apr 12, 2020,", false, "2020-04-12"},
		{"phpBB's weekday and month", "Tue Jan 07, 2020", false, "2020-01-07"},
		{"Phorum's dashes", "25-February-2012", false, "2012-02-25"},
		{"a day first, past twelve", "25/12/2019,", false, "2019-12-25"},
		{"a month first, past twelve", "12/25/2019", false, "2019-12-25"},
		{"day and month that could change places", "03/04/2020", false, ""},
		{"day and month that could change places, by the language's order", "03/04/2020", true, "2020-04-03"},
		{"day and month alike, by the language's order", "05/05/2020", true, ""},
		{"a date after a label", "Reply #3 on: April 06, 2020,", false, "2020-04-06"},
		{"day and month alike", "05.05.2020", false, "2020-05-05"},
		{"no year", "Jan 7", false, ""},
		{"a French month name", "8 janv. 2018", false, ""},
		{"a relative day", "Yesterday", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			if d, ok := isoInText(tt.s); ok {
				got = d.String()
			}
			for _, f := range dayForms {
				if d, ok := f.read(tt.s); ok && got == "" && f.lang == tt.lang {
					got = d.String()
				}
			}
			if got != tt.want {
				t.Errorf("forms read %q as %q, want %q", tt.s, got, tt.want)
			}
		})
	}
}

// TestDateReaderLearnsForms checks that what a reader reads by a form it
// learned on a site is what the library reads, and that it learns one.
func TestDateReaderLearnsForms(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	sites := []struct {
		site, lang string
		days       []string
	}{
		{"phpbb.example", "en", []string{"Tue Jan 07, 2020", "Wed Jan 08, 2020", "Fri Feb 28, 2020", "Mon Mar 02, 2020"}},
		{"vb.example", "en", []string{"Apr 12, 2020", "Apr 11, 2020", "Dec 31, 2019"}},
		{"fr.example", "fr", []string{"25/12/2019", "13/01/2020", "03/04/2020", "30/04/2020", "10/05/2006", "08/07/2006", "05/05/2020"}},
		{"us.example", "en", []string{"04-06-2019", "04-07-2019", "04-08-2019", "12-25-2019", "05-05-2020"}},
		{"smf.example", "", []string{"April 04, 2020", "Reply #1 on: April 06, 2020", "Reply #2 on: April 07, 2020"}},
		{"phorum.example", "", []string{"25-February-2012", "1-March-2012", "13-November-2017"}},
	}
	for _, s := range sites {
		r := newDateReader()
		for _, day := range s.days {
			got, ok := r.day(s.site, s.lang, day, now)
			lib, err := newDateReader().parse(s.site, s.lang, day, now, true)
			if !ok || err != nil || got != DateOf(lib.Time) {
				t.Errorf("%s: %q read as %v (%v), the library reads %v (%v)", s.site, day, got, ok, DateOf(lib.Time), err)
			}
		}
		if len(r.sites[s.site].forms[s.lang]) == 0 {
			t.Errorf("%s: no form learned from %q", s.site, s.days)
		}
	}
}
