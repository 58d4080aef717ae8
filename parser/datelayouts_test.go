package parser

import (
	"slices"
	"testing"
	"time"
)

func TestDateReaderLearnsLayouts(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name, lang string
		raws       []string // read in order by one reader
		want       []string // the layouts learned after the last
	}{
		{"phpBB English dates", "en", []string{"Tue Dec 31, 2019 2:22 pm", "Thu Jan 02, 2020 8:48 pm", "Yesterday at 3:14 PM"},
			[]string{"Mon Jan 2, 2006 3:04 pm"}},
		{"a month-first sample that reads alike day-first teaches nothing", "en", []string{"04-04-2019, 06:55 AM"}, nil},
		{"the next sample settles the order", "en", []string{"04-04-2019, 06:55 AM", "04-06-2019, 09:29 PM", "04-07-2019, 12:52 AM"},
			[]string{"1-2-2006, 3:04 PM"}},
		{"a French numeric date is day first", "fr", []string{"10/05/2006, 13h16", "08/07/2006, 07h48", "13/07/2006, 07h48"},
			[]string{"2/1/2006, 15h04"}},
		{"French month names fit no layout", "fr", []string{"Lun 8 Jan 2018 15:33", "Mer 21 Mar 2018 15:15"}, nil},
		{"May fits short and full month names", "en", []string{"May 15, 2018 at 2:04 PM", "June 1, 2018 at 4:02 PM", "Jun 2, 2018 at 4:02 PM"},
			[]string{"Jan 2, 2006 at 3:04 PM", "January 2, 2006 at 3:04 PM"}},
		{"SMF with seconds", "", []string{"2012-12-27, 20:44:14", "2012-12-28, 01:02:03"}, []string{"2006-1-2, 15:04:05"}},
		{"relative dates teach nothing", "en", []string{"Today at 3:14 PM", "Yesterday at 10:01 AM"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newDateReader()
			for _, raw := range tt.raws {
				got := r.read("forum.example", tt.lang, raw, now)
				want := newDateReader().read("forum.example", tt.lang, raw, now) // the general way, nothing learned
				if (got == nil) != (want == nil) || got != nil && !got.Equal(*want) {
					t.Errorf("read(%q) = %v, the general way %v", raw, got, want)
				}
			}
			var learned []string
			if k := r.sites["forum.example"]; k != nil {
				learned = k.layouts[tt.lang].layouts
			}
			if !slices.Equal(learned, tt.want) {
				t.Errorf("learned %q, want %q", learned, tt.want)
			}
		})
	}
}
