package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/forumcrawl/forumcrawl/forumsim"
	"github.com/forumcrawl/forumcrawl/scraper"
)

// fixtures is where the shared real pages live, relative to this package.
const fixtures = "../../../shared/fixtures"

// needFixture returns the path of a shared fixture page, or skips the test when it is absent.
func needFixture(t *testing.T, file string) string {
	t.Helper()
	p := filepath.Join(fixtures, file)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared fixtures not found (../shared/fixtures beside the project): %v", err)
	}
	return p
}

// detectCmd runs the detect command and returns its exit code, stdout and stderr.
func detectCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := runDetect(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// agentRecorder serves h and remembers the User-Agent of every request.
type agentRecorder struct {
	h      http.Handler
	mu     sync.Mutex
	agents []string
}

func (a *agentRecorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a.mu.Lock()
	a.agents = append(a.agents, r.UserAgent())
	a.mu.Unlock()
	a.h.ServeHTTP(w, r)
}

func TestDetectFetchesTheOnePageOfAURL(t *testing.T) {
	for _, engine := range []string{"xenforo2", "phpbb", "vbulletin"} {
		for _, ua := range []string{"", "research-bot/1.0"} {
			t.Run(engine+" "+ua, func(t *testing.T) {
				f := forumsim.New(forumsim.Config{Seed: 3, Threads: 4, Engine: engine})
				rec := &agentRecorder{h: f.Handler()}
				srv := httptest.NewServer(rec)
				defer srv.Close()
				args := []string{f.RootURL(srv.URL), "--timeout", "10s"}
				want := scraper.DefaultUserAgent
				if ua != "" {
					args, want = append(args, "--user-agent", ua), ua
				}
				code, stdout, stderr := detectCmd(t, args...)
				if code != exitOK {
					t.Fatalf("exit %d; stderr %s", code, stderr)
				}
				for _, line := range []string{"engine      " + engine + " (score ", "evidence    ", "kind        index (", "runners-up  "} {
					if !strings.Contains(stdout, line) {
						t.Errorf("output does not say %q:\n%s", line, stdout)
					}
				}
				if len(rec.agents) != 1 || rec.agents[0] != want {
					t.Errorf("requests with User-Agents %q, want one with %q", rec.agents, want)
				}
			})
		}
	}
}

func TestDetectSavedPages(t *testing.T) {
	xf := needFixture(t, "xenforo2/macrumors_se-or-11.html")
	vb := needFixture(t, "vbulletin/animesuki_vb3.8.11_hibike-euphonium_page152.html")
	dir := t.TempDir()
	notForum := filepath.Join(dir, "recipes.html")
	weak := filepath.Join(dir, "weak.html")
	os.WriteFile(notForum, []byte("<html><body><h1>Soup</h1></body></html>"), 0o644)
	os.WriteFile(weak, []byte(`<html><body><a href="viewtopic.php?t=1">a topic</a></body></html>`), 0o644)
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string
		stderr string
	}{
		{"a XenForo 2 thread", []string{xf}, exitOK,
			[]string{"url         https://forums.macrumors.com/threads/se-or-11.2231616/", "engine      xenforo2 (score 8)",
				`evidence    <html id="XF"`, "kind        thread (25 posts)", "runners-up  none"}, ""},
		{"two pages, each reported", []string{xf, vb}, exitOK,
			[]string{"engine      xenforo2", "engine      vbulletin (score "}, ""},
		{"a page of no forum names no candidate", []string{notForum}, exitPartial,
			[]string{"engine      none", "kind        unknown", "candidates  none"}, "closest: none"},
		{"a page with weak evidence names the closest engine", []string{weak, xf}, exitPartial,
			[]string{"candidates  phpbb (score 1: viewtopic.php or viewforum.php links)", "engine      xenforo2"},
			"weak.html: no known forum engine recognised this page (closest: phpbb, score 1"},
		{"a missing file", []string{filepath.Join(dir, "missing.html")}, exitPartial, nil, "no such file"},
		{"no argument", nil, exitUsage, nil, "no URL or file given"},
		{"a bad overrides file", []string{"--selectors", filepath.Join(dir, "missing.yaml"), xf}, exitUsage, nil, "--selectors"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := detectCmd(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr %s", code, tt.code, stderr)
			}
			for _, s := range tt.stdout {
				if !strings.Contains(stdout, s) {
					t.Errorf("output does not say %q:\n%s", s, stdout)
				}
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q does not say %q", stderr, tt.stderr)
			}
		})
	}
}

func TestDetectURLThatFails(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	code, _, stderr := detectCmd(t, srv.URL+"/forum/")
	if code != exitPartial || !strings.Contains(stderr, "404") {
		t.Errorf("exit %d, stderr %q; want 1 naming the status", code, stderr)
	}
}

func TestNewCommandsHaveHelp(t *testing.T) {
	for _, cmd := range []string{"detect", "selectors"} {
		code, _, stderr := runCmd(t, "help", cmd)
		if code != exitOK || !strings.Contains(stderr, "Examples:") || !strings.Contains(stderr, "forumcrawl "+cmd) {
			t.Errorf("help %s: exit %d, output %q", cmd, code, stderr)
		}
	}
	if _, stdout, _ := runCmd(t, "help"); !strings.Contains(stdout, "forumcrawl detect") || !strings.Contains(stdout, "forumcrawl selectors") {
		t.Errorf("the usage does not list detect and selectors:\n%s", stdout)
	}
}
