package parser

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// fixturesDir is where the shared real pages live, relative to this package.
const fixturesDir = "../../shared/fixtures"

// fixture is one row of the shared fixtures' MANIFEST.tsv.
type fixture struct {
	File     string // path below fixturesDir
	Engine   string // engine as the manifest names it
	Site     string
	Charset  string
	Posts    int    // posts on the page; 0 for boards and indexes
	PostsRaw string // the manifest's posts column as written ("0 (thread list: 14 topics)")
	Notes    string
}

// needFixtures skips the test when the shared fixtures are absent.
func needFixtures(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(fixturesDir, "MANIFEST.tsv")); err != nil {
		t.Skipf("shared fixtures not found at %s (they live beside the project as ../shared/fixtures): %v", fixturesDir, err)
	}
}

// manifest returns the fixtures of the named engines ("xenforo2"), or all of them when none is named.
func manifest(t testing.TB, engines ...string) []fixture {
	t.Helper()
	needFixtures(t)
	f, err := os.Open(filepath.Join(fixturesDir, "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []fixture
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	header := true
	for sc.Scan() {
		if header {
			header = false
			continue
		}
		col := strings.Split(sc.Text(), "\t")
		if len(col) < 11 {
			continue
		}
		fx := fixture{File: col[0], Engine: col[1], Site: col[3], Charset: col[8], PostsRaw: col[9], Notes: col[10]}
		fx.Posts, _ = strconv.Atoi(strings.Fields(col[9] + " 0")[0])
		if len(engines) == 0 || slices.Contains(engines, fx.Engine) {
			out = append(out, fx)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// readFixture returns a fixture's bytes.
func readFixture(t testing.TB, file string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixturesDir, file))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// eachHTMLFixture calls f with every HTML page of the fixtures (not the
// Discourse API's JSON), decoded, and html.Parse's tree of it.
func eachHTMLFixture(t testing.TB, f func(fx fixture, body []byte, doc *html.Node)) {
	t.Helper()
	for _, fx := range manifest(t) {
		body, err := Decode(readFixture(t, fx.File), "")
		if err != nil {
			t.Fatalf("%s: %v", fx.File, err)
		}
		if trimmed := bytes.TrimSpace(body); len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
			continue
		}
		doc, err := html.Parse(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("%s: %v", fx.File, err)
		}
		f(fx, body, doc)
	}
}
