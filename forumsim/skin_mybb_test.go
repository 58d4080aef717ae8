package forumsim

import (
	"strings"
	"testing"
	"time"
)

// TestMyBBDates checks mybbDate against what the real install's pages show
// (shared/fixtures/mybb-local, fetched at 11-30-2026, 04:26 AM UTC).
func TestMyBBDates(t *testing.T) {
	now := time.Date(2026, 11, 30, 4, 26, 57, 0, time.UTC)
	cases := []struct {
		name     string
		at       time.Time
		html, tx string
	}{
		{"under a minute is less than one", now.Add(-20 * time.Second), `<span title="11-30-2026, 04:26 AM">Less than 1 minute ago</span>`, "Less than 1 minute ago"},
		{"minutes within the hour", now.Add(-50 * time.Minute), `<span title="11-30-2026, 03:36 AM">50 minutes ago</span>`, "50 minutes ago"},
		{"one minute is singular", now.Add(-90 * time.Second), `<span title="11-30-2026, 04:25 AM">1 minute ago</span>`, "1 minute ago"},
		{"hours within twelve", now.Add(-3 * time.Hour), `<span title="11-30-2026, 01:26 AM">3 hours ago</span>`, "3 hours ago"},
		{"yesterday with its time", now.Add(-26 * time.Hour), `<span title="11-29-2026">Yesterday</span>, 02:26 AM`, "Yesterday, 02:26 AM"},
		{"two days back is absolute", now.Add(-50 * time.Hour), "11-28-2026, 02:26 AM", "11-28-2026, 02:26 AM"},
		{"old posts are absolute", time.Date(2026, 10, 16, 4, 26, 6, 0, time.UTC), "10-16-2026, 04:26 AM", "10-16-2026, 04:26 AM"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h, tx := mybbDate(c.at, now)
			if h != c.html || tx != c.tx {
				t.Errorf("mybbDate = %q, %q; want %q, %q", h, tx, c.html, c.tx)
			}
		})
	}
	if h, _ := mybbDate(time.Date(2026, 11, 30, 0, 5, 0, 0, time.UTC), time.Date(2026, 11, 30, 23, 0, 0, 0, time.UTC)); !strings.Contains(h, ">Today</span>, 12:05 AM") {
		t.Errorf("earlier today beyond twelve hours: %q, want Today", h)
	}
}

// TestMyBBPostMarkup checks a thread page against the real postbit's landmarks.
func TestMyBBPostMarkup(t *testing.T) {
	f, srv := serveEngine(t, "mybb", Config{Seed: 2, Threads: 6})
	th := f.Threads()[0]
	_, body := get(t, srv, th.PagePaths[len(th.PagePaths)-1])
	for _, want := range []string{
		`<div class="navigation">`, `<span class="active">` + esc(th.Title) + `</span>`, `<div class="post_author">`,
		`<div class="author_statistics">`, `<span class="post_date">`, `class="post_body scaleimages" id="pid_`,
		`Powered By <a href="https://mybb.com"`, `/jscripts/general.js`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("thread page lacks %q", want)
		}
	}
	if th.Pages > 1 && !strings.Contains(body, `href="showthread.php?tid=`+th.ID+`&amp;page=`) {
		t.Errorf("thread page does not link its pages as showthread.php?tid=N&amp;page=M")
	}
}
