package forumsim

import (
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
)

// get fetches path from srv without following redirects and returns the status and body.
func get(t *testing.T, srv *httptest.Server, path string) (int, string) {
	t.Helper()
	return fetchPath(t, srv, path, func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse })
}

// getPage fetches a page of the truth (its path: the page's canonical URL)
// from srv as a browser would, following the forum's redirects to the form
// it shows the page under (vBulletin's friendly URLs), within srv and at
// most 5 times.
func getPage(t *testing.T, srv *httptest.Server, path string) (int, string) {
	t.Helper()
	return fetchPath(t, srv, path, func(r *http.Request, via []*http.Request) error {
		if len(via) > 5 || r.URL.Host != via[0].URL.Host {
			t.Fatalf("get %s: redirected to %s after %d redirects", path, r.URL, len(via))
		}
		return nil
	})
}

// fetchPath fetches path from srv, redirects decided by redirect, and
// returns the status and body.
func fetchPath(t *testing.T, srv *httptest.Server, path string, redirect func(*http.Request, []*http.Request) error) (int, string) {
	t.Helper()
	resp, err := (&http.Client{CheckRedirect: redirect}).Get(srv.URL + path)
	if err != nil {
		t.Fatalf("get %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return resp.StatusCode, string(b)
}

func TestSameSeedGivesSameTruth(t *testing.T) {
	a, b := New(Config{Seed: 7}), New(Config{Seed: 7})
	if !reflect.DeepEqual(a.Boards(), b.Boards()) {
		t.Error("boards differ")
	}
	if !reflect.DeepEqual(a.Threads(), b.Threads()) {
		t.Error("threads differ")
	}
	if !reflect.DeepEqual(a.Posts(), b.Posts()) {
		t.Error("posts differ")
	}
	if reflect.DeepEqual(a.Posts(), New(Config{Seed: 8}).Posts()) {
		t.Error("another seed gives the same posts")
	}
}

func TestCounts(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
	}{
		{"zero config uses defaults", Config{}},
		{"small pages and many boards", Config{Seed: 3, Boards: 6, SubBoards: 3, Threads: 90, PostsPerPage: 7, ThreadsPerPage: 5, MinPages: 2, MaxPages: 4}},
		{"no sub-boards, root prefix", Config{Seed: 5, SubBoards: -1, Prefix: "/"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := New(tc.cfg)
			cfg := tc.cfg.withDefaults()
			if got := len(f.Threads()); got != cfg.Threads {
				t.Errorf("threads = %d, want %d", got, cfg.Threads)
			}
			if got, want := len(f.Boards()), cfg.Boards+cfg.SubBoards; got != want {
				t.Errorf("boards = %d, want %d", got, want)
			}
			perThread := map[string]int{}
			for _, p := range f.Posts() {
				perThread[p.ThreadID]++
				if want := (p.Position-1)/cfg.PostsPerPage + 1; p.Page != want {
					t.Errorf("post %s at %d: page %d, want %d", p.ID, p.Position, p.Page, want)
				}
			}
			pages, listed := 0, 0
			for _, th := range f.Threads() {
				n := perThread[th.ID]
				if th.Pages < cfg.MinPages || th.Pages > cfg.MaxPages {
					t.Errorf("thread %s: %d pages outside %d..%d", th.ID, th.Pages, cfg.MinPages, cfg.MaxPages)
				}
				if n < (th.Pages-1)*cfg.PostsPerPage+1 || n > th.Pages*cfg.PostsPerPage {
					t.Errorf("thread %s: %d posts for %d pages", th.ID, n, th.Pages)
				}
				if th.Replies != int64(n-1) {
					t.Errorf("thread %s: replies %d, posts %d", th.ID, th.Replies, n)
				}
				pages += th.Pages
			}
			for _, b := range f.Boards() {
				listed += len(b.ThreadIDs)
			}
			if listed != cfg.Threads {
				t.Errorf("boards list %d threads, want %d", listed, cfg.Threads)
			}
			if got := len(f.ThreadPagePaths()); got != pages {
				t.Errorf("ThreadPagePaths = %d, want %d", got, pages)
			}
		})
	}
}

func TestEveryPostIsOnItsPage(t *testing.T) {
	f := New(Config{Seed: 1, Threads: 12})
	srv := httptest.NewServer(f.Handler())
	defer srv.Close()
	pageOf := map[string]string{}
	for _, p := range f.Posts() {
		pageOf[p.ID] = p.Path[:strings.LastIndex(p.Path, "/")+1] + pageSuffix(p.Page)
	}
	bodies := map[string]string{}
	for _, path := range f.ThreadPagePaths() {
		code, body := get(t, srv, path)
		if code != http.StatusOK {
			t.Fatalf("%s: status %d", path, code)
		}
		bodies[path] = body
	}
	for pid, path := range pageOf {
		if !strings.Contains(bodies[path], `data-content="post-`+pid+`"`) {
			t.Errorf("post %s not on %s", pid, path)
		}
	}
	if got := f.Requests()[f.ThreadPagePaths()[0]]; got != 1 {
		t.Errorf("first page requested %d times, want 1", got)
	}
	if got := f.TotalRequests(); got != len(bodies) {
		t.Errorf("TotalRequests = %d, want %d", got, len(bodies))
	}
}

func TestGuestsAndFlagsAppear(t *testing.T) {
	f := New(Config{Seed: 2})
	srv := httptest.NewServer(f.Handler())
	defer srv.Close()
	var guest, flag *PostTruth
	posts := f.Posts()
	for i := range posts {
		p := &posts[i]
		if guest == nil && p.Author.ID == "" {
			guest = p
		}
		if flag == nil && p.Author.Country != "" {
			flag = p
		}
	}
	if guest == nil || flag == nil {
		t.Fatalf("guest %v, flag %v: want both", guest != nil, flag != nil)
	}
	pagePath := func(p *PostTruth) string {
		return p.Path[:strings.LastIndex(p.Path, "/")+1] + pageSuffix(p.Page)
	}
	_, body := get(t, srv, pagePath(guest))
	if !strings.Contains(body, `<span class="username " dir="auto" itemprop="name">`) {
		t.Error("guest's name is not a plain span")
	}
	_, body = get(t, srv, pagePath(flag))
	if !strings.Contains(body, `/styles/flags/`) {
		t.Error("no flag image on the page")
	}
}

func TestUnknownPathsAre404(t *testing.T) {
	f := New(Config{Seed: 4})
	srv := httptest.NewServer(f.Handler())
	defer srv.Close()
	for _, path := range []string{
		"/community/nope", "/elsewhere/", "/community/threads/999999999/", "/community/forums/x.999999/",
		"/community/threads/abc/", "/community/posts/1/", "/community/members/nobody.1/",
	} {
		if code, _ := get(t, srv, path); code != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, code)
		}
	}
}

func TestStartRefusesNonLoopback(t *testing.T) {
	f := New(Config{})
	for _, addr := range []string{"0.0.0.0:0", "10.0.0.1:80", ":0", "example.com:80"} {
		if s, err := Start(f, addr); err == nil {
			s.Close()
			t.Errorf("Start(%q) succeeded, want an error", addr)
		}
	}
	s, err := Start(f, "")
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Get(f.RootURL(s.URL))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("index: status %d", resp.StatusCode)
	}
	if err := s.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
}
