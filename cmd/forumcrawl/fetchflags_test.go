package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/forumcrawl/forumcrawl/forumsim"
)

// TestBadFetchFlagsExitTwoBeforeFetching checks each bad fetch flag: exit
// 2, a message naming it, and not one request sent.
func TestBadFetchFlagsExitTwoBeforeFetching(t *testing.T) {
	dir := t.TempDir()
	f := forumsim.New(forumsim.Config{Seed: 1, Threads: 2})
	srv, err := forumsim.Start(f, "")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	start := f.RootURL(srv.URL)
	out := filepath.Join(dir, "a.jsonl")
	noCookies := filepath.Join(dir, "empty.txt")
	os.WriteFile(noCookies, []byte("# Netscape HTTP Cookie File\nnot a cookie\n"), 0o644)
	tests := []struct {
		name    string
		args    []string
		message string
	}{
		{"proxy with an unknown scheme", []string{"--proxy", "ftp://127.0.0.1:21"}, "--proxy"},
		{"proxy without a scheme", []string{"--proxy", "127.0.0.1:8080"}, "--proxy"},
		{"second proxy bad", []string{"--proxy", "http://127.0.0.1:3128", "--proxy", "gopher://x"}, "gopher"},
		{"bad exclude regexp", []string{"--exclude", "([a-z"}, "--exclude"},
		{"bad include regexp", []string{"--include", "*x"}, "--include"},
		{"header without a colon", []string{"--header", "X-Token"}, "--header"},
		{"header forumcrawl sets", []string{"--header", "Accept-Encoding: br"}, "not settable"},
		{"cookies file missing", []string{"--cookies", filepath.Join(dir, "none.txt")}, "cookies file"},
		{"cookies file without a cookie", []string{"--cookies", noCookies}, "no usable cookie"},
		{"contact not a URL", []string{"--contact", "me"}, "--contact"},
		{"negative rate", []string{"--rate", "-1"}, "must not be negative"},
		{"max body not a size", []string{"--max-body", "big"}, "--max-body"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"crawl", start, "-o", out}, tt.args...)
			code, _, stderr := runCmd(t, args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, exitUsage, stderr)
			}
			if !strings.Contains(stderr, tt.message) {
				t.Errorf("stderr does not say %q:\n%s", tt.message, stderr)
			}
			if n := f.TotalRequests(); n != 0 {
				t.Errorf("%d requests sent before the usage error", n)
			}
		})
	}
}

// TestMembersOnlyCrawl crawls with a cookies file (one bad line) and an
// Authorization header: the server gets both, the bad line is named, and
// no secret appears in the logs or the output.
func TestMembersOnlyCrawl(t *testing.T) {
	dir := t.TempDir()
	f := forumsim.New(forumsim.Config{Seed: 2, Threads: 3, MaxPages: 2})
	var mu sync.Mutex
	var cookies, auths []string
	h := f.Handler()
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		cookies, auths = append(cookies, r.Header.Get("Cookie")), append(auths, r.Header.Get("Authorization"))
		mu.Unlock()
		h.ServeHTTP(w, r)
	}))
	defer hs.Close()
	srv := hs.URL
	jar := filepath.Join(dir, "cookies.txt")
	os.WriteFile(jar, []byte("# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\t0\txf_user\tcookie-s3cret\nbroken line with cookie-s3cret2\n"), 0o600)
	out := filepath.Join(dir, "posts.jsonl")
	code, _, stderr := runCmd(t, "crawl", f.RootURL(srv), "-o", out, "--delay", "0", "--cookies", jar,
		"--header", "Authorization: Bearer header-s3cret", "--log-level", "debug")
	if code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "cookies.txt line 3") {
		t.Errorf("the bad cookies line is not named:\n%s", stderr)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(cookies) == 0 || !strings.Contains(cookies[len(cookies)-1], "xf_user=cookie-s3cret") || auths[len(auths)-1] != "Bearer header-s3cret" {
		t.Errorf("server got Cookie %q, Authorization %q", cookies, auths)
	}
	body, _ := os.ReadFile(out)
	for _, secret := range []string{"s3cret"} {
		if strings.Contains(stderr, secret) || strings.Contains(string(body), secret) {
			t.Errorf("a secret value appears in the logs or the output")
		}
	}
}

func TestWithContact(t *testing.T) {
	cases := map[[2]string]string{
		{"forumcrawl/0.1 (+https://github.com/forumcrawl/forumcrawl)", "mailto:me@example.org"}: "forumcrawl/0.1 (+https://github.com/forumcrawl/forumcrawl; contact: mailto:me@example.org)",
		{"mybot/2", "https://example.org/bot"}:                                                  "mybot/2 (contact: https://example.org/bot)",
	}
	for in, want := range cases {
		if got := withContact(in[0], in[1]); got != want {
			t.Errorf("withContact(%q, %q) = %q, want %q", in[0], in[1], got, want)
		}
	}
}
