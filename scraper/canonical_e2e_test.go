package scraper

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/forumcrawl/forumcrawl/forumsim"
)

// vbForum is the vBulletin forum the canonical-URL tests crawl. Its pages
// link the friendly forms (showthread.php?13-Title/page2); its truth's paths
// are the canonical ones (showthread.php?page=2&t=13).
var vbForum = forumsim.Config{Engine: "vbulletin", Seed: 17, Boards: 3, SubBoards: 1, Threads: 30, MinPages: 1, MaxPages: 5}

// TestVBulletinCrawlFetchesEachPageOnce crawls a vBulletin forum whose
// pages link friendly URLs and redirect every other form of a page to them
// (a vBulletin 4 enforcing its canonical URLs): every page is fetched once,
// by the friendly form its links give, with no redirect on the way (counted
// on the server), and the output's URLs are the canonical t=/f= forms.
func TestVBulletinCrawlFetchesEachPageOnce(t *testing.T) {
	f, srv := simForum(t, vbForum)
	sum, recs := crawlToFile(t, Config{Start: f.RootURL(srv.URL)})
	checkPosts(t, srv.URL, recs, f.Posts())

	pages := 1 // the index
	for _, th := range f.Threads() {
		pages += len(th.PagePaths)
	}
	for _, b := range f.Boards() {
		pages += len(b.PagePaths)
	}
	idForm := regexp.MustCompile(`[?&](t|f)=\d`)
	for p, n := range f.Requests() {
		if n != 1 {
			t.Errorf("%s requested %d times, want once", p, n)
		}
		if idForm.MatchString(p) {
			t.Errorf("%s requested: the forum answers that form with a redirect to the friendly one", p)
		}
	}
	if f.TotalRequests() != pages || sum.Pages != pages {
		t.Errorf("%d requests served, %d pages parsed; the forum has %d pages", f.TotalRequests(), sum.Pages, pages)
	}
	t.Logf("%d pages, %d requests served, %d pages parsed", pages, f.TotalRequests(), sum.Pages)

	threads := map[string]forumsim.ThreadTruth{}
	for _, th := range f.Threads() {
		threads[th.ID] = th
	}
	for _, r := range recs {
		th := threads[r.Thread.ID]
		if r.Thread.URL != srv.URL+th.Path {
			t.Errorf("post %s: thread.url %s, want %s", r.Post.ID, r.Thread.URL, srv.URL+th.Path)
		}
		if want := srv.URL + th.PagePaths[r.Post.Page-1]; r.PageURL != want {
			t.Errorf("post %s: page_url %s, want %s", r.Post.ID, r.PageURL, want)
		}
	}
}

// TestVBulletinFriendlyStartIsFetchedOnce starts a crawl at a thread's
// third page by its friendly URL: the crawl knows it under its canonical
// URL too, so it does not fetch it again when the other pages link it.
func TestVBulletinFriendlyStartIsFetchedOnce(t *testing.T) {
	cfg := vbForum
	cfg.MinPages, cfg.MaxPages = 4, 4
	f, srv := simForum(t, cfg)
	th := f.Threads()[0]
	start := friendlyLink(t, cfg, th.PagePaths[0], th.ID, 3)
	_, recs := crawlToFile(t, Config{Start: srv.URL + start})

	var want []forumsim.PostTruth
	for _, p := range f.Posts() {
		if p.ThreadID == th.ID {
			want = append(want, p)
		}
	}
	checkPosts(t, srv.URL, recs, want)
	got := f.Requests()
	if got[start] != 1 || got[th.PagePaths[2]] != 0 {
		t.Errorf("page 3 requested %d times as %s and %d times as %s; want once, by the start URL",
			got[start], start, got[th.PagePaths[2]], th.PagePaths[2])
	}
	for _, p := range th.PagePaths {
		if got[p] != 0 {
			t.Errorf("%s requested %d times: the forum redirects that form; its pages link another", p, got[p])
		}
	}
	if f.TotalRequests() != th.Pages {
		t.Errorf("%d requests for a %d-page thread: %v", f.TotalRequests(), th.Pages, got)
	}
}

// friendlyLink returns the friendly path that page 1 of a thread (at
// canonical path page1) links its page n with, read from a twin of the
// forum (the same config), so the crawled forum's counts stay untouched.
func friendlyLink(t *testing.T, cfg forumsim.Config, page1, threadID string, n int) string {
	t.Helper()
	twin := forumsim.New(cfg)
	rec := httptest.NewRecorder()
	twin.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, page1, nil))
	if loc := rec.Header().Get("Location"); rec.Code == http.StatusMovedPermanently && loc != "" {
		rec = httptest.NewRecorder() // the t= form redirects to the friendly one
		twin.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, loc, nil))
	}
	if rec.Code != http.StatusOK {
		t.Fatalf("%s: status %d", page1, rec.Code)
	}
	re := regexp.MustCompile(`href="(showthread\.php\?` + threadID + `-[^"/&]*/page` + strconv.Itoa(n) + `)"`)
	m := re.FindStringSubmatch(rec.Body.String())
	if m == nil {
		t.Fatalf("%s links no friendly page %d", page1, n)
	}
	return page1[:strings.LastIndex(page1, "/")+1] + m[1]
}
