package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/forumcrawl/forumcrawl/forumsim"
	"github.com/forumcrawl/forumcrawl/parser"
)

func TestSelectorsCommandPrintsATableThatLoads(t *testing.T) {
	p, err := parser.New(parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, engine := range p.Engines() {
		var out, errOut bytes.Buffer
		if code := runSelectors(context.Background(), []string{engine}, &out, &errOut); code != exitOK {
			t.Fatalf("%s: exit %d; stderr %s", engine, code, errOut.String())
		}
		if !strings.Contains(out.String(), "\n"+engine+":\n  is_thread:") {
			t.Errorf("%s: the output is not the engine's table:\n%s", engine, out.String())
		}
		if _, err := parser.LoadOverrides(out.Bytes()); err != nil {
			t.Errorf("%s: the output does not load: %v", engine, err)
		}
	}
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"no engine lists them", nil, "want one engine name, one of: xenforo2, "},
		{"two engines", []string{"phpbb", "smf"}, "want one engine name"},
		{"unknown engine", []string{"phpbb4"}, `unknown engine "phpbb4"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := runSelectors(context.Background(), tt.args, &out, &errOut)
			if code != exitUsage || !strings.Contains(errOut.String(), tt.stderr) || out.Len() > 0 {
				t.Errorf("exit %d, stdout %q, stderr %q; want 2 saying %q", code, out.String(), errOut.String(), tt.stderr)
			}
		})
	}
}

// renamedPage writes a copy of a real XenForo 2 thread page whose posts'
// class a custom skin renamed, and an overrides file that fixes it, in a
// temporary directory; it returns their paths.
func renamedPage(t *testing.T) (page, fix string) {
	t.Helper()
	raw, err := os.ReadFile(needFixture(t, "xenforo2/macrumors_se-or-11.html"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	page, fix = filepath.Join(dir, "renamed.html"), filepath.Join(dir, "skin.yaml")
	if err := os.WriteFile(page, bytes.ReplaceAll(raw, []byte("message--post"), []byte("message--entry")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(fix, []byte("xenforo2:\n  post:\n    prepend: [article.message--entry]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return page, fix
}

func TestDetectWithSelectorsFixesARenamedSkin(t *testing.T) {
	page, fix := renamedPage(t)
	code, stdout, _ := detectCmd(t, page)
	if code != exitOK || !strings.Contains(stdout, "kind        thread (0 posts)") ||
		!strings.Contains(stdout, `selector post found nothing (tried "article.message--post" | ".message--post")`) {
		t.Errorf("without overrides: exit %d, output:\n%s\nwant a thread of 0 posts and a warning naming the post rule", code, stdout)
	}
	code, stdout, stderr := detectCmd(t, "--selectors", fix, page)
	if code != exitOK || !strings.Contains(stdout, "kind        thread (25 posts)") || strings.Contains(stdout, "warning") {
		t.Errorf("with overrides: exit %d, stderr %s, output:\n%s\nwant the 25 posts and no warning", code, stderr, stdout)
	}
}

func TestSelectorsFlagLoadsOverridesBeforeAnyFetch(t *testing.T) {
	f := forumsim.New(forumsim.Config{Seed: 4, Threads: 3})
	srv, err := forumsim.Start(f, "")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("xenforo2:\n  post: ['article[']\n"), 0o644)
	out := filepath.Join(dir, "posts.jsonl")
	page, _ := renamedPage(t)
	tests := []struct {
		name    string
		args    []string
		message string
	}{
		{"crawl with a bad selector", []string{"crawl", f.RootURL(srv.URL), "-o", out, "--selectors", bad}, `--selectors ` + bad + `: line 2: xenforo2.post: selector "article["`},
		{"crawl with a missing file", []string{"crawl", f.RootURL(srv.URL), "-o", out, "--selectors", filepath.Join(dir, "none.yaml")}, "no such file"},
		{"parse with a bad selector", []string{"parse", "--selectors", bad, page}, "line 2: xenforo2.post"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, tt.args...)
			if code != exitUsage || !strings.Contains(stderr, tt.message) {
				t.Errorf("exit %d, stderr %q; want 2 saying %q", code, stderr, tt.message)
			}
		})
	}
	if n := f.TotalRequests(); n != 0 {
		t.Errorf("%d requests reached the forum; a bad overrides file must fail before any fetch", n)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("output file written: %v", err)
	}
}

func TestParseWithSelectorsFixesARenamedSkin(t *testing.T) {
	page, fix := renamedPage(t)
	code, stdout, stderr := runCmd(t, "parse", page)
	if code != exitOK || stdout != "" || !strings.Contains(stderr, "selector post found nothing") {
		t.Errorf("without overrides: exit %d, %d records, stderr %q; want no record and the post rule named", code, strings.Count(stdout, "\n"), stderr)
	}
	code, stdout, stderr = runCmd(t, "parse", "--selectors", fix, page)
	if code != exitOK || strings.Count(stdout, "\n") != 25 || stderr != "" {
		t.Errorf("with overrides: exit %d, %d records, stderr %q; want the 25 posts", code, strings.Count(stdout, "\n"), stderr)
	}
}

func TestCrawlTakesSiteOverrides(t *testing.T) {
	f := forumsim.New(forumsim.Config{Seed: 5, Threads: 3})
	srv, err := forumsim.Start(f, "")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	dir := t.TempDir()
	fix := filepath.Join(dir, "site.yaml")
	// A value every post has, under a name no engine uses, for this site only.
	os.WriteFile(fix, []byte("sites:\n  127.0.0.1:\n    xenforo2:\n      extra:\n        content_key: ['@data-content']\n"), 0o644)
	out := filepath.Join(dir, "posts.jsonl")
	code, _, stderr := runCmd(t, "crawl", f.RootURL(srv.URL), "-o", out, "--delay", "0", "--selectors", fix)
	if code != exitOK {
		t.Fatalf("exit %d; stderr %s", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	with := strings.Count(string(b), `"extra":{"content_key":"post-`)
	if len(lines) != len(f.Posts()) || with != len(lines) {
		t.Errorf("%d of %d records carry the site's extra value; the forum has %d posts", with, len(lines), len(f.Posts()))
	}
}
