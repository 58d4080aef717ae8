package fetch

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestRobots checks what robots.txt lets through, that it is fetched once
// per host, and what a missing, failing or malformed one means.
func TestRobots(t *testing.T) {
	cases := []struct {
		name    string
		status  int
		robots  string
		ignore  bool
		allowed map[string]bool // path -> allowed
		spacing time.Duration   // least spacing after robots.txt (Crawl-delay)
	}{
		{"a disallowed board is refused", 200, "User-agent: *\nDisallow: /forums/secret.3/\n", false,
			map[string]bool{"/forums/secret.3/": false, "/forums/secret.3/page-2": false, "/forums/open.2/": true}, 0},
		{"our own group wins over *", 200, "User-agent: *\nDisallow: /\n\nUser-agent: forumcrawl\nDisallow: /search\n", false,
			map[string]bool{"/threads/a.1/": true, "/search?q=x": false}, 0},
		{"a query pattern is matched", 200, "User-agent: *\nDisallow: /*?sort=\n", false,
			map[string]bool{"/forums/a.1/?sort=title": false, "/forums/a.1/": true}, 0},
		{"--ignore-robots fetches everything", 200, "User-agent: *\nDisallow: /\n", true,
			map[string]bool{"/threads/a.1/": true}, 0},
		{"a missing robots.txt allows everything", 404, "", false, map[string]bool{"/anything": true}, 0},
		{"a malformed robots.txt allows everything", 200, "User-agent: *\nCrawl-delay: soon\nDisallow: /x\n", false, map[string]bool{"/x": true, "/y": true}, 0},
		{"Crawl-delay is honoured", 200, "User-agent: *\nCrawl-delay: 2\n", false, map[string]bool{"/a": true}, 2 * time.Second},
		{"a server error disallows everything", 500, "", false, map[string]bool{"/a": false}, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var c counter
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				c.add(r.URL.RequestURI())
				if r.URL.Path == "/robots.txt" {
					w.WriteHeader(tc.status)
					fmt.Fprint(w, tc.robots)
					return
				}
				fmt.Fprint(w, "page")
			}))
			defer srv.Close()
			o := fastOptions(srv)
			o.IgnoreRobots = tc.ignore
			o.Retries = -1
			tr := newTransport(t, o)
			var wg sync.WaitGroup
			for p, want := range tc.allowed {
				wg.Add(1)
				go func() {
					defer wg.Done()
					_, _, err := get(t, tr, srv.URL+p)
					var de *DisallowedError
					switch {
					case want && err != nil:
						t.Errorf("%s: %v, want it fetched", p, err)
					case !want && !errors.As(err, &de):
						t.Errorf("%s: error %v, want a DisallowedError", p, err)
					case !want && de.SkipReason() != "robots":
						t.Errorf("%s: skip reason %q", p, de.SkipReason())
					}
				}()
			}
			wg.Wait()
			wantRobots := 1
			if tc.ignore {
				wantRobots = 0
			}
			if n := c.get("/robots.txt"); n != wantRobots {
				t.Errorf("robots.txt fetched %d times, want %d", n, wantRobots)
			}
			for p, want := range tc.allowed {
				if n := c.get(p); want != (n > 0) {
					t.Errorf("%s requested %d times; allowed %v", p, n, want)
				}
			}
			host := strings.TrimPrefix(srv.URL, "http://")
			if s := tr.Limiter().(*HostLimiter).Spacing(host); s != tc.spacing {
				t.Errorf("spacing %s, want %s", s, tc.spacing)
			}
		})
	}
}
