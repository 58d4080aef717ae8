package forumsim

import (
	"html"
	"strconv"
	"strings"
	"time"
)

// esc escapes text for HTML content and attribute values.
func esc(s string) string { return html.EscapeString(s) }

// xfDate returns the date as XenForo shows it, e.g. "Nov 21, 2010".
func xfDate(t time.Time) string { return t.Format("Jan 2, 2006") }

// xfTime returns the time of day as XenForo shows it, e.g. "10:51 AM".
func xfTime(t time.Time) string { return t.Format("3:04 PM") }

// timeTag returns a XenForo <time> element showing the date of t.
func timeTag(t time.Time, class string) string {
	c := "u-dt"
	if class != "" {
		c = class + " u-dt"
	}
	d := xfDate(t)
	return `<time class="` + c + `" dir="auto" datetime="` + t.Format("2006-01-02T15:04:05-0700") +
		`" data-time="` + strconv.FormatInt(t.Unix(), 10) + `" data-date-string="` + d +
		`" data-time-string="` + xfTime(t) + `" title="` + d + ` at ` + xfTime(t) + `">` + d + `</time>`
}

// number formats n with thousands separators, e.g. "10,291".
func number(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// numberShort formats n as XenForo's number_short filter does: "999", "1.2K", "3M".
func numberShort(n int64) string {
	switch {
	case n < 1000:
		return strconv.FormatInt(n, 10)
	case n < 1000000:
		return trimZero(strconv.FormatFloat(float64(n)/1000, 'f', 1, 64)) + "K"
	default:
		return trimZero(strconv.FormatFloat(float64(n)/1000000, 'f', 1, 64)) + "M"
	}
}

func trimZero(s string) string { return strings.TrimSuffix(s, ".0") }

// formatFloat1 formats x with one decimal.
func formatFloat1(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }
