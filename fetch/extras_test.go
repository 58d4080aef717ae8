package fetch

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestChallenge recognises anti-bot pages, does not retry them, and leaves
// an ordinary 403 or 503 alone.
func TestChallenge(t *testing.T) {
	cases := []struct {
		name   string
		status int
		header string
		body   string
		vendor string
	}{
		{"Cloudflare's Just a moment page", 503, "", "<html><head><title>Just a moment...</title></head><body><script src=\"/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1\"></script></body></html>", "Cloudflare"},
		{"Cloudflare's cf-mitigated header", 403, "challenge", "<html></html>", "Cloudflare"},
		{"a captcha page", 403, "", "<html><body><div class=\"g-recaptcha\" data-sitekey=\"x\"></div></body></html>", "captcha"},
		{"DDoS-Guard", 403, "", "<html><title>DDoS-Guard</title></html>", "DDoS-Guard"},
		{"a forum's own no-permission page", 403, "", "<html><body><div class=\"blockMessage\">You do not have permission to view this page.</div></body></html>", ""},
		{"a plain 503", 503, "", "<html><body>Down for maintenance</body></html>", ""},
		{"a 200 that mentions a captcha is a page", 200, "", "<p>how do I add g-recaptcha to my forum?</p>", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var c counter
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				c.add(r.URL.Path)
				if tc.header != "" {
					w.Header().Set("Cf-Mitigated", tc.header)
				}
				w.WriteHeader(tc.status)
				fmt.Fprint(w, tc.body)
			}))
			defer srv.Close()
			o := fastOptions(srv)
			o.IgnoreRobots = true
			o.Retries = 2
			resp, _, err := get(t, newTransport(t, o), srv.URL+"/forum/")
			var ce *ChallengeError
			if tc.vendor != "" {
				if !errors.As(err, &ce) || ce.Vendor != tc.vendor || ce.Status != tc.status {
					t.Fatalf("error %v, want a %s challenge", err, tc.vendor)
				}
				if n := c.get("/forum/"); n != 1 {
					t.Errorf("challenge requested %d times, want once", n)
				}
				return
			}
			if err != nil || resp.StatusCode != tc.status {
				t.Errorf("got %v, %v; want status %d", resp, err, tc.status)
			}
		})
	}
}

// TestSniffHTML gives HTML served as octet-stream (or untyped) its type.
func TestSniffHTML(t *testing.T) {
	cases := []struct{ ct, body, want string }{
		{"application/octet-stream", "<!DOCTYPE html><html><body>x</body></html>", "text/html"},
		{"", "<html><head><title>x</title></head></html>", "text/html"},
		{"application/octet-stream", "\x89PNG\r\n\x1a\n\x00\x00", "application/octet-stream"},
		{"text/html; charset=windows-1251", "<html></html>", "text/html; charset=windows-1251"},
	}
	for _, tc := range cases {
		h := http.Header{}
		if tc.ct != "" {
			h.Set("Content-Type", tc.ct)
		}
		sniffHTML(h, []byte(tc.body))
		if got := h.Get("Content-Type"); got != tc.want && !(tc.ct == "" && got == tc.want) {
			t.Errorf("Content-Type %q with %.20q: got %q, want %q", tc.ct, tc.body, got, tc.want)
		}
	}
}

func TestParseCookies(t *testing.T) {
	file := "# Netscape HTTP Cookie File\n" +
		".forum.example\tTRUE\t/\tFALSE\t0\txf_session\tsecret1\n" +
		"#HttpOnly_forum.example\tFALSE\t/forum\tTRUE\t4102444800\txf_user\tsecret2\n" +
		"forum.example\tTRUE\t/\n" +
		"forum.example\tMAYBE\t/\tFALSE\t0\ta\tb\n" +
		"forum.example\tFALSE\t/\tFALSE\tnever\ta\tb\n" +
		"forum.example\tFALSE\t/\tFALSE\t1000\told\tsecret3\n" +
		"\n"
	now := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	cs, warns, err := ParseCookies(strings.NewReader(file), "cookies.txt", now)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 || cs[0].Name != "xf_session" || !cs[0].Subdomains || cs[1].Name != "xf_user" || !cs[1].Secure || cs[1].Path != "/forum" {
		t.Errorf("cookies %+v", cs)
	}
	wantWarn := []string{"cookies.txt line 4:", "cookies.txt line 5:", "cookies.txt line 6:", "cookies.txt line 7:"}
	if len(warns) != len(wantWarn) {
		t.Fatalf("warnings %q, want %d", warns, len(wantWarn))
	}
	for i, w := range warns {
		if !strings.HasPrefix(w, wantWarn[i]) {
			t.Errorf("warning %q, want it to start %q", w, wantWarn[i])
		}
		if strings.Contains(w, "secret") {
			t.Errorf("warning %q shows a cookie value", w)
		}
	}
	match := []struct {
		scheme, host, path string
		want               []string
	}{
		{"https", "forum.example", "/forum/threads/1", []string{"xf_session", "xf_user"}},
		{"http", "forum.example", "/forum/threads/1", []string{"xf_session"}},
		{"https", "www.forum.example", "/forum/", []string{"xf_session"}},
		{"https", "forum.example", "/forumx", []string{"xf_session"}},
		{"https", "other.example", "/", nil},
	}
	for _, m := range match {
		var got []string
		for i := range cs {
			if cs[i].matches(m.scheme, m.host, m.path) {
				got = append(got, cs[i].Name)
			}
		}
		if strings.Join(got, ",") != strings.Join(m.want, ",") {
			t.Errorf("%s://%s%s gets %v, want %v", m.scheme, m.host, m.path, got, m.want)
		}
	}
}

// TestHeadersAndCookiesSent checks that --header and cookies reach the
// start's host, with the crawl's own cookies kept.
func TestHeadersAndCookiesSent(t *testing.T) {
	var gotCookie, gotAuth string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotCookie, gotAuth = r.Header.Get("Cookie"), r.Header.Get("Authorization")
	}))
	defer srv.Close()
	u, _ := url.Parse(srv.URL)
	o := fastOptions(srv)
	o.IgnoreRobots = true
	o.Cookies = []Cookie{{Domain: u.Hostname(), Path: "/", Name: "session", Value: "s3cret"}}
	o.Header = http.Header{"Authorization": {"Bearer t0ken"}}
	tr := newTransport(t, o)
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/", nil)
	req.Header.Set("Cookie", "jar=1")
	resp, err := tr.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if gotCookie != "jar=1; session=s3cret" || gotAuth != "Bearer t0ken" {
		t.Errorf("server got Cookie %q, Authorization %q", gotCookie, gotAuth)
	}
	if req.Header.Get("Authorization") != "" || req.Header.Get("Cookie") != "jar=1" {
		t.Errorf("the caller's request was changed: %v", req.Header)
	}
}

func TestParseHeader(t *testing.T) {
	cases := []struct{ in, name, value, err string }{
		{"Authorization: Bearer abc", "Authorization", "Bearer abc", ""},
		{"x-forum-key:  v ", "X-Forum-Key", "v", ""},
		{"Accept-Language: ru", "Accept-Language", "ru", ""},
		{"no colon", "", "", "want 'Name: value'"},
		{": value", "", "", "want 'Name: value'"},
		{"Bad Name: v", "", "", "bad character"},
		{"Accept-Encoding: br", "", "", "not settable"},
	}
	for _, tc := range cases {
		n, v, err := ParseHeader(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("ParseHeader(%q) error %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || n != tc.name || v != tc.value {
			t.Errorf("ParseHeader(%q) = %q, %q, %v", tc.in, n, v, err)
		}
	}
	if _, _, err := ParseHeader("Authorization Bearer s3cret"); err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("error %v shows the value", err)
	}
}

func TestParseProxy(t *testing.T) {
	cases := []struct{ in, err string }{
		{"http://127.0.0.1:8080", ""},
		{"https://proxy.example:443", ""},
		{"socks5://user:pw@127.0.0.1:1080", ""},
		{"socks5h://127.0.0.1:1080", ""},
		{"ftp://proxy.example", "not supported"},
		{"127.0.0.1:8080", "proxy URL"},
		{"http://", "no host"},
		{"http://user:hunter2@proxy.example/path", "no path"},
		{"http://proxy example", "invalid"},
	}
	for _, tc := range cases {
		_, err := ParseProxy(tc.in)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("ParseProxy(%q): %v", tc.in, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("ParseProxy(%q) error %v, want %q", tc.in, err, tc.err)
		case err != nil && strings.Contains(err.Error(), "hunter2"):
			t.Errorf("error %v shows the password", err)
		}
	}
}

// TestProxyRoundRobin sends requests through two HTTP proxies in turn.
func TestProxyRoundRobin(t *testing.T) {
	var seen [2]counter
	var proxies []*url.URL
	for i := range seen {
		p := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			seen[i].add(r.URL.String()) // a proxy gets the absolute URL
			fmt.Fprintf(w, "via proxy %d", i)
		}))
		defer p.Close()
		u, _ := ParseProxy(p.URL)
		proxies = append(proxies, u)
	}
	// A public address that is never connected to: the proxies answer.
	o := Options{Start: "http://93.184.216.34/", Proxies: proxies, IgnoreRobots: true, NoAdapt: true, Backoff: time.Millisecond}
	tr := newTransport(t, o)
	for i := range 4 {
		_, body, err := get(t, tr, fmt.Sprintf("http://93.184.216.34/page/%d", i))
		if err != nil || body != fmt.Sprintf("via proxy %d", i%2) {
			t.Errorf("request %d: %q, %v", i, body, err)
		}
	}
	for i := range seen {
		if n := seen[i].get("http://93.184.216.34/page/" + fmt.Sprint(i)); n != 1 {
			t.Errorf("proxy %d saw page %d %d times, want 1", i, i, n)
		}
	}
}

// TestProxyTargetChecked refuses a private target even though the proxy makes the connection.
func TestProxyTargetChecked(t *testing.T) {
	var c counter
	p := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { c.add(r.URL.String()) }))
	defer p.Close()
	pu, _ := ParseProxy(p.URL)
	tr := newTransport(t, Options{Start: "http://93.184.216.34/", Proxies: []*url.URL{pu}, IgnoreRobots: true})
	_, _, err := get(t, tr, "http://169.254.169.254/latest/meta-data/")
	var be *BlockedAddressError
	if !errors.As(err, &be) || be.Class != "link-local" {
		t.Errorf("error %v, want the metadata address refused", err)
	}
	if n := c.get("http://169.254.169.254/latest/meta-data/"); n != 0 {
		t.Errorf("the proxy was asked for the metadata address %d times", n)
	}
}
