package parser

import (
	"testing"
	"time"
)

// TestZoneCacheGivesParseZonesAnswers checks that zones loaded through a
// Parser's cache are the ones parseZone finds, the same one on a second
// page, and that a name that does not load is not kept.
func TestZoneCacheGivesParseZonesAnswers(t *testing.T) {
	var z zoneCache
	tests := []struct {
		in   string
		kept bool
	}{
		{"All times are Europe/Paris", true},
		{"All times are America/Argentina/Buenos_Aires", true},
		{"All times are Nowhere/Atlantis, UTC+02:00", false},
		{"All times are UTC-07:00", false},
		{"no zone at all", false},
	}
	for _, tt := range tests {
		want := parseZone(tt.in)
		for range 2 {
			got := parseZoneWith(tt.in, &z)
			if (got == nil) != (want == nil) || got != nil && (got.String() != want.String() || offsetAt(got) != offsetAt(want)) {
				t.Fatalf("parseZoneWith(%q) = %v, parseZone gives %v", tt.in, got, want)
			}
		}
		if m := zoneName.FindStringSubmatch(tt.in); m != nil {
			if _, ok := z.loaded.Load(m[1]); ok != tt.kept {
				t.Errorf("%q: zone %q kept = %v, want %v", tt.in, m[1], ok, tt.kept)
			}
		}
	}
	a, b := parseZoneWith("Europe/Paris", &z), parseZoneWith("Time: Europe/Paris", &z)
	if a != b {
		t.Errorf("Europe/Paris loaded twice through one cache")
	}
}

// offsetAt returns loc's offset from UTC at a fixed instant, in seconds.
func offsetAt(loc *time.Location) int {
	_, off := time.Date(2020, 6, 1, 12, 0, 0, 0, time.UTC).In(loc).Zone()
	return off
}
