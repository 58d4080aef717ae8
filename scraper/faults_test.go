package scraper

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/forumcrawl/forumcrawl/fetch"
	"github.com/forumcrawl/forumcrawl/forumsim"
	"github.com/forumcrawl/forumcrawl/storage"
)

// faultForum is the small forum the fault tests crawl: 3 boards, 12
// threads of 1 to 4 pages.
var faultForum = forumsim.Config{Seed: 21, Boards: 3, SubBoards: -1, Threads: 12, MinPages: 1, MaxPages: 4}

// faultFetch is the fetch options of the fault tests: the real stack with
// short backoffs, no pacing and no adaptive slow-down (to keep tests
// quick), and an attempt timeout long enough for a loaded machine under -race.
func faultFetch() fetch.Options {
	return fetch.Options{Backoff: time.Millisecond, MaxBackoff: 10 * time.Millisecond, SlowStart: time.Millisecond,
		Timeout: 10 * time.Second, NoAdapt: true}
}

// crawlFaulty serves faultForum with faults and crawls it through the fetch stack.
func crawlFaulty(t *testing.T, fl forumsim.Faults, o fetch.Options, cfg Config) (*forumsim.Forum, string, *Summary, []storage.Record) {
	t.Helper()
	f, srv := simForum(t, faultForum)
	f.SetFaults(fl)
	cfg.Start = f.RootURL(srv.URL)
	o.Start = cfg.Start
	tr, err := fetch.New(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	defer tr.CloseIdleConnections()
	cfg.Transport = tr
	sum, recs := crawlToFile(t, cfg)
	return f, srv.URL, sum, recs
}

// maxRequests returns the most requests the server saw for one path (query
// included), and that path.
func maxRequests(f *forumsim.Forum) (int, string) {
	most, at := 0, ""
	for p, n := range f.Requests() {
		if n > most {
			most, at = n, p
		}
	}
	return most, at
}

// postsOnPages returns the truth posts not on the given thread pages.
func postsExcept(f *forumsim.Forum, pages ...string) []forumsim.PostTruth {
	skip := map[[2]string]bool{}
	for _, th := range f.Threads() {
		for i, p := range th.PagePaths {
			for _, s := range pages {
				if p == s {
					skip[[2]string{th.ID, string(rune('0' + i + 1))}] = true
				}
			}
		}
	}
	var out []forumsim.PostTruth
	for _, p := range f.Posts() {
		if !skip[[2]string{p.ThreadID, string(rune('0' + p.Page))}] {
			out = append(out, p)
		}
	}
	return out
}

// multiPageThread returns a thread of faultForum with at least 2 pages.
func multiPageThread(t *testing.T, f *forumsim.Forum) forumsim.ThreadTruth {
	t.Helper()
	for _, th := range f.Threads() {
		if th.Pages >= 2 {
			return th
		}
	}
	t.Fatal("forumsim made no thread of 2 pages or more")
	return forumsim.ThreadTruth{}
}

// TestTransientFaults crawls through replies that fail once or twice: every
// post arrives once, no page fails, and no page is asked for more often
// than its faults and the retries explain (counted by the server).
func TestTransientFaults(t *testing.T) {
	cases := []struct {
		name    string
		faults  forumsim.Faults
		most    int // most requests of one page the faults explain
		timeout time.Duration
	}{
		{"500, 502 and 503 twice on a third of pages", forumsim.Faults{ErrorRate: 0.3, ErrorTimes: 2}, 3, 0},
		{"429 with Retry-After on a fifth of pages", forumsim.Faults{TooManyRate: 0.2, RetryAfter: 0}, 2, 0},
		// Go's transport resends once by itself on a reused connection found closed.
		{"connection resets on a third of pages", forumsim.Faults{ResetRate: 0.3}, 4, 0},
		{"slow replies past the timeout on a fifth of pages", forumsim.Faults{SlowRate: 0.2, SlowFor: 30 * time.Second}, 2, time.Second},
		{"bodies cut short on a third of pages", forumsim.Faults{TruncateRate: 0.3}, 4, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o := faultFetch()
			if tc.timeout > 0 {
				o.Timeout = tc.timeout
			}
			f, base, sum, recs := crawlFaulty(t, tc.faults, o, Config{})
			checkPosts(t, base, recs, f.Posts())
			if len(sum.Failed) != 0 {
				t.Errorf("%d pages failed, want none: %+v", len(sum.Failed), sum.Failed[0])
			}
			if n, p := maxRequests(f); n > tc.most {
				t.Errorf("%s requested %d times, want at most %d", p, n, tc.most)
			}
			if n, _ := maxRequests(f); n < 2 {
				t.Errorf("no page was requested twice: the faults did not happen")
			}
		})
	}
}

// TestRetriesRunOut checks that a page failing more often than the retries
// is recorded as failed with its status, after exactly retries+1 requests.
func TestRetriesRunOut(t *testing.T) {
	o := faultFetch()
	o.Retries = 2
	f, base, sum, recs := crawlFaulty(t, forumsim.Faults{ErrorRate: 0.15, ErrorTimes: 50}, o, Config{})
	if len(sum.Failed) == 0 {
		t.Fatal("no page failed")
	}
	var failedPages []string
	for _, fl := range sum.Failed {
		if fl.Status < 500 || fl.Kind != "http" {
			t.Errorf("failure %+v, want a 5xx of kind http", fl)
		}
		u, _ := url.Parse(fl.URL)
		failedPages = append(failedPages, u.Path)
		if n := f.Requests()[u.Path]; n != 3 {
			t.Errorf("%s requested %d times, want 3 (2 retries)", u.Path, n)
		}
	}
	// Posts of pages that were reached are all there, once.
	got := map[string]bool{}
	for _, r := range recs {
		if got[r.Post.ID] {
			t.Errorf("post %s written twice", r.Post.ID)
		}
		got[r.Post.ID] = true
	}
	_ = base
	for _, p := range postsExcept(f, failedPages...) {
		th := threadOf(f, p.ThreadID)
		if reachable(th, failedPages) && !got[p.ID] {
			t.Errorf("post %s of a page that did not fail is missing", p.ID)
		}
	}
}

func threadOf(f *forumsim.Forum, id string) forumsim.ThreadTruth {
	for _, th := range f.Threads() {
		if th.ID == id {
			return th
		}
	}
	return forumsim.ThreadTruth{}
}

// reachable reports whether a thread's pages could all be reached when the
// failed pages are: neither its first page nor its board's pages failed.
func reachable(th forumsim.ThreadTruth, failed []string) bool {
	for _, p := range failed {
		if p == th.Path || !strings.Contains(p, "/threads/") {
			return false
		}
	}
	return true
}

// TestEncodingFaults crawls pages in windows-1251 (declared) and in
// windows-1252 (declared nowhere), and pages served as octet-stream.
func TestEncodingFaults(t *testing.T) {
	for _, fl := range []forumsim.Faults{{Charset: "windows-1251"}, {Charset: "windows-1252-undeclared"}, {OctetStream: true}} {
		t.Run(fl.Charset+map[bool]string{true: "octet-stream"}[fl.OctetStream], func(t *testing.T) {
			f, base, sum, recs := crawlFaulty(t, fl, faultFetch(), Config{})
			checkPosts(t, base, recs, f.Posts())
			if len(sum.Failed) != 0 || sum.NotForum != 0 {
				t.Errorf("%d failed, %d not forum pages; want none", len(sum.Failed), sum.NotForum)
			}
		})
	}
}

// TestSessionIDsInLinks crawls a forum that puts a session id in every
// link: every post once, each page fetched once, no session id in the output.
func TestSessionIDsInLinks(t *testing.T) {
	f, base, _, recs := crawlFaulty(t, forumsim.Faults{SessionIDs: true}, faultFetch(), Config{})
	checkPosts(t, base, recs, f.Posts())
	byPath := map[string]int{}
	for p, n := range f.Requests() {
		path, _, _ := strings.Cut(p, "?")
		byPath[path] += n
	}
	for p, n := range byPath {
		if n > 1 {
			t.Errorf("%s fetched %d times (session id variants)", p, n)
		}
	}
	for _, r := range recs {
		if strings.Contains(r.Post.URL, "s=0f3a") || strings.Contains(r.PageURL, "s=0f3a") || strings.Contains(r.Thread.URL, "s=0f3a") {
			t.Errorf("record of post %s keeps the session id: %s %s", r.Post.ID, r.Post.URL, r.PageURL)
			break
		}
	}
}

// TestPaginationLoop crawls a thread whose last page always links one more
// page showing the same posts: the repeated-content guard ends it.
func TestPaginationLoop(t *testing.T) {
	f, srv := simForum(t, faultForum)
	th := multiPageThread(t, f)
	_ = srv
	fl := forumsim.Faults{LoopThread: th.ID}
	f.SetFaults(fl)
	sum, recs := crawlThrough(t, f, srv.URL, faultFetch(), Config{})
	checkPosts(t, srv.URL, recs, f.Posts())
	if sum.Repeated == 0 {
		t.Errorf("no repeated page counted")
	}
	beyond := 0
	for p, n := range f.Requests() {
		if strings.HasPrefix(p, th.Path) && !contains(th.PagePaths, p) {
			beyond += n
		}
	}
	if beyond == 0 || beyond > 2 {
		t.Errorf("%d requests past the thread's %d pages, want 1 or 2", beyond, th.Pages)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// crawlThrough crawls an already started forum through the fetch stack.
func crawlThrough(t *testing.T, f *forumsim.Forum, base string, o fetch.Options, cfg Config) (*Summary, []storage.Record) {
	t.Helper()
	if cfg.Start == "" {
		cfg.Start = f.RootURL(base)
	}
	o.Start = cfg.Start
	tr, err := fetch.New(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	defer tr.CloseIdleConnections()
	cfg.Transport = tr
	return crawlToFile(t, cfg)
}

// TestPagesThatCannotBeHad crawls a forum with a redirect loop, a page over
// --max-body and a redirect to the metadata address: each is named in the
// summary, the crawl goes on, and every other post arrives once.
func TestPagesThatCannotBeHad(t *testing.T) {
	f, srv := simForum(t, faultForum)
	th := multiPageThread(t, f)
	var loop, big, private string
	for _, x := range f.Threads() {
		if x.Pages >= 2 && x.ID != th.ID && big == "" {
			big = x.PagePaths[1]
		}
	}
	loop, private = th.PagePaths[1], th.PagePaths[len(th.PagePaths)-1]
	if private == loop || big == "" {
		t.Fatal("forumsim made too few multi-page threads")
	}
	f.SetFaults(forumsim.Faults{RedirectLoop: []string{loop}, Oversize: []string{big}, OversizeBytes: 300 << 10, PrivateRedirect: []string{private}})
	o := faultFetch()
	o.MaxBody = 256 << 10
	sum, recs := crawlThrough(t, f, srv.URL, o, Config{MaxBody: 256 << 10})
	checkPosts(t, srv.URL, recs, postsExcept(f, loop, big, private))
	kinds := map[string]string{}
	for _, fl := range sum.Failed {
		u, _ := url.Parse(fl.URL)
		kinds[u.Path] = fl.Kind
	}
	for path, kind := range map[string]string{loop: "redirect", big: "too_large", private: "redirect"} {
		if kinds[path] != kind {
			t.Errorf("%s: failure kind %q, want %q (failures %+v)", path, kinds[path], kind, sum.Failed)
		}
	}
	if n := f.Requests()[big]; n != 1 {
		t.Errorf("the oversize page was requested %d times, want once", n)
	}
	if n := f.Requests()[loop] + f.Requests()[loop+"?loop=1"]; n > 11 {
		t.Errorf("the redirect loop was followed %d times, want at most 11", n)
	}
}

// TestRobotsDisallowsBoard crawls a forum whose robots.txt disallows a
// board: it is not fetched, the summary says so, other boards are crawled.
func TestRobotsDisallowsBoard(t *testing.T) {
	f, srv := simForum(t, faultForum)
	boards := f.Boards()
	banned := boards[len(boards)-1]
	f.SetFaults(forumsim.Faults{Robots: "User-agent: *\nDisallow: " + banned.Path + "\n"})
	sum, recs := crawlThrough(t, f, srv.URL, faultFetch(), Config{})
	want := postsOutside(f, banned)
	checkPosts(t, srv.URL, recs, want)
	for p := range f.Requests() {
		if strings.HasPrefix(p, banned.Path) {
			t.Errorf("%s fetched though robots.txt disallows %s", p, banned.Path)
		}
	}
	if n := f.Requests()["/robots.txt"]; n != 1 {
		t.Errorf("robots.txt fetched %d times, want once", n)
	}
	if len(sum.Skipped) == 0 || sum.Skipped[0].Reason != "robots" || !strings.HasSuffix(sum.Skipped[0].URL, banned.Path) {
		t.Errorf("skipped %+v, want the board skipped for robots", sum.Skipped)
	}
}

// TestChallengeIsNotAnEmptyForum crawls a forum behind an anti-bot
// challenge: the start page is skipped as a challenge, once, not parsed.
func TestChallengeIsNotAnEmptyForum(t *testing.T) {
	f, _, sum, recs := crawlFaulty(t, forumsim.Faults{Challenge: true}, faultFetch(), Config{})
	if len(recs) != 0 || sum.Pages != 0 || sum.NotForum != 0 {
		t.Errorf("%d posts, %d pages, %d not forum; want nothing parsed", len(recs), sum.Pages, sum.NotForum)
	}
	if len(sum.Skipped) != 1 || sum.Skipped[0].Reason != "challenge" {
		t.Errorf("skipped %+v, want the start page skipped as a challenge", sum.Skipped)
	}
	if n, p := maxRequests(f); n != 1 {
		t.Errorf("%s requested %d times, want once (a challenge is not retried)", p, n)
	}
}

// TestExcludeInclude drops links by --exclude and keeps them by --include.
func TestExcludeInclude(t *testing.T) {
	f, srv := simForum(t, faultForum)
	th := multiPageThread(t, f)
	sum, recs := crawlThrough(t, f, srv.URL, faultFetch(), Config{Exclude: []*regexp.Regexp{regexp.MustCompile(`/page-\d+$`)}})
	for p := range f.Requests() {
		if regexp.MustCompile(`/page-\d+$`).MatchString(p) {
			t.Errorf("%s fetched though excluded", p)
		}
	}
	for _, r := range recs {
		if r.Post.Page != 1 {
			t.Errorf("post %s of page %d written", r.Post.ID, r.Post.Page)
			break
		}
	}
	if sum.Posts == 0 {
		t.Error("no posts")
	}
	f2, srv2 := simForum(t, faultForum)
	th = multiPageThread(t, f2)
	_, recs = crawlThrough(t, f2, srv2.URL, faultFetch(), Config{Include: []*regexp.Regexp{regexp.MustCompile(`/forums/|/threads/` + regexp.QuoteMeta(th.Path[strings.LastIndex(th.Path[:len(th.Path)-1], "/")+1:]))}})
	for _, r := range recs {
		if r.Thread.ID != th.ID {
			t.Errorf("post %s of thread %s written; --include keeps thread %s only", r.Post.ID, r.Thread.ID, th.ID)
			break
		}
	}
	if len(recs) == 0 {
		t.Error("the included thread was not crawled")
	}
}

// TestThreadPageCap stops following a thread's pages at the cap.
func TestThreadPageCap(t *testing.T) {
	f, srv := simForum(t, forumsim.Config{Seed: 4, Threads: 3, MinPages: 6, MaxPages: 6})
	th := f.Threads()[0]
	sum, _ := crawlThrough(t, f, srv.URL, faultFetch(), Config{Start: srv.URL + th.Path, MaxThreadPages: 2})
	if sum.Pages >= th.Pages {
		t.Errorf("%d pages fetched of a %d-page thread capped at 2", sum.Pages, th.Pages)
	}
}

// postsOutside returns the forum's posts in threads that board does not list.
func postsOutside(f *forumsim.Forum, board forumsim.BoardTruth) []forumsim.PostTruth {
	in := map[string]bool{}
	for _, id := range board.ThreadIDs {
		in[id] = true
	}
	var out []forumsim.PostTruth
	for _, p := range f.Posts() {
		if !in[p.ThreadID] {
			out = append(out, p)
		}
	}
	return out
}
