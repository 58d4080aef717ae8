package parser

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // zone names such as "Europe/Paris" resolve on machines without a zone database
)

var (
	zoneName   = regexp.MustCompile(`\b([A-Z][A-Za-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?)\b`)
	zoneOffset = regexp.MustCompile(`(?i)\b(?:UTC|GMT)\s*(?:([+-−])\s*(\d{1,2})(?:([:.]?)(\d{1,2}))?)?`)
	zoneDST    = regexp.MustCompile(`\bDST\b`)
)

// zoneCache remembers the zones loaded by name for a Parser's pages:
// time.LoadLocation looks for the zone's file in the system's directories
// before the embedded database on every call (some 25µs a page on a site
// that names its zone). Only names that load are kept, so it holds at most
// the zone database's few hundred names.
type zoneCache struct{ loaded sync.Map } // name -> *time.Location

// load is time.LoadLocation, remembered; z may be nil.
func (z *zoneCache) load(name string) (*time.Location, error) {
	if z != nil {
		if loc, ok := z.loaded.Load(name); ok {
			return loc.(*time.Location), nil
		}
	}
	loc, err := time.LoadLocation(name)
	if err == nil && z != nil {
		z.loaded.Store(name, loc)
	}
	return loc, err
}

// parseZone returns the zone a page states ("Europe/Paris", "UTC+09:00",
// "GMT -5", "UTC [ DST ]" for one hour ahead of UTC), or nil when s names none.
func parseZone(s string) *time.Location { return parseZoneWith(s, nil) }

// parseZoneWith is parseZone loading named zones through zones (or none).
func parseZoneWith(s string, zones *zoneCache) *time.Location {
	if m := zoneName.FindStringSubmatch(s); m != nil {
		if loc, err := zones.load(m[1]); err == nil {
			return loc
		}
	}
	m := zoneOffset.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	offset := 0
	if m[2] != "" {
		h, _ := strconv.Atoi(m[2])
		min := 0
		switch {
		case m[3] == "." && m[4] != "": // vBulletin's "GMT +5.5": a fraction of an hour
			f, _ := strconv.ParseFloat("0."+m[4], 64)
			min = int(f*60 + 0.5)
		case m[4] != "" && len(m[4]) == 2: // "+09:00", "+0530"
			min, _ = strconv.Atoi(m[4])
		}
		offset = h*3600 + min*60
		if m[1] == "-" || m[1] == "−" {
			offset = -offset
		}
	}
	if zoneDST.MatchString(s) {
		offset += 3600
	}
	if offset < -14*3600 || offset > 14*3600 {
		return nil
	}
	return time.FixedZone(strings.TrimSpace(m[0]), offset)
}

// inZone returns the wall-clock time t (read from a display, in UTC) as the
// same clock reading in loc, or t when loc is nil.
func inZone(t *time.Time, loc *time.Location) *time.Time {
	if t == nil || loc == nil {
		return t
	}
	z := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc)
	return &z
}
