package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/forumcrawl/forumcrawl/parser"
)

// explainPage is a thread of a program no engine knows.
const explainPage = `<html><head><title>Tea or coffee? - Kitchen Board</title></head><body>
<div class="msg" id="m5"><span class="by"><a href="/member.php?u=1">kim</a></span> <span class="at">12.03.2020 14:05</span>
 <div class="words">Tea, always tea, brewed for three minutes.</div></div>
<div class="msg" id="m6"><span class="by"><a href="/member.php?u=2">lou</a></span> <span class="at">12.03.2020 15:30</span>
 <div class="words">Coffee in the morning and tea after noon.</div></div>
</body></html>`

// TestParseExplain checks that parse --explain says which records it chose
// and prints their selectors as a selector file that loads.
func TestParseExplain(t *testing.T) {
	f := filepath.Join(t.TempDir(), "thread.html")
	if err := os.WriteFile(f, []byte(explainPage), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCmd(t, "parse", "--explain", "--engine", "phpbb", "--url", "https://kitchen.example.net/thread.php?id=77", f)
	if code != exitOK {
		t.Fatalf("exit %d; stderr: %s", code, stderr)
	}
	for _, want := range []string{"read as: thread", "chosen: 2 records", `post: ["div.msg"]`, `post_body: ["div.words"]`,
		`author_name: ["span.by > a"]`, `post_time: ["span.at"]`, `post_id: ["div[id^=\"m\"]@id"]`, `"kim"`} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	if _, err := parser.LoadOverrides([]byte(stdout)); err != nil {
		t.Errorf("the printed selectors do not load as a selector file: %v\n%s", err, stdout)
	}

	code, stdout, _ = runCmd(t, "parse", "--engine", "generic", "--url", "https://kitchen.example.net/thread.php?id=77", f)
	if code != exitOK || strings.Count(stdout, `"engine":"generic"`) != 2 {
		t.Errorf("parse --engine generic: exit %d, want 2 generic records:\n%s", code, stdout)
	}
}
