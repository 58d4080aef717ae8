package parser

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds malformed and truncated pages to the parser: it must never
// panic, and every post it returns must have an author value (possibly empty).
func FuzzParse(f *testing.F) {
	f.Add([]byte(`<html id="XF"><article class="message--post" data-content="post-1"><div class="message-body"><div class="bbWrapper">hi`))
	f.Add([]byte(`<html id="XF" data-template="thread_view"><article class="message message--post"><h4 class="message-name"></h4><dl class="pairs"><dt></dt><dd><img title=""></dd></dl></article>`))
	f.Add([]byte(`<html id="XF" data-template="forum_view"><div class="structItem structItem--thread"><div class="structItem-title"><a href="javascript:x">`))
	f.Add([]byte(`<blockquote class="bbCodeBlock--quote"><blockquote class="bbCodeBlock--quote">`))
	if files, _ := filepath.Glob(filepath.Join(fixturesDir, "xenforo2", "*.html")); len(files) > 0 {
		b, err := os.ReadFile(files[0])
		if err == nil {
			f.Add(b[:len(b)/2]) // a page cut in the middle
		}
	}
	p, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	forced, err := New(Options{Engine: "xenforo2"})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, parser := range []*Parser{p, forced} {
			page, err := parser.Parse("https://forum.example/threads/t.1/", body)
			if err != nil {
				t.Fatalf("a valid URL gave an error: %v", err)
			}
			if page.Kind == KindThread && page.Thread == nil {
				t.Fatal("a thread page without a thread")
			}
		}
	})
}
