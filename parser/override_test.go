package parser

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// builtin returns the named built-in engine.
func builtin(t *testing.T, name string) *Engine {
	t.Helper()
	for _, e := range BuiltinEngines() {
		if e.Name == name {
			return e
		}
	}
	t.Fatalf("no built-in engine %q", name)
	return nil
}

// sameTable reports whether two tables hold the same rules (an empty Extra equals none).
func sameTable(a, b Selectors) bool {
	if len(a.Extra) == 0 && len(b.Extra) == 0 {
		a.Extra, b.Extra = nil, nil
	}
	return reflect.DeepEqual(a, b)
}

func TestSelectorsYAMLLoadsBackToTheSameTable(t *testing.T) {
	for _, e := range BuiltinEngines() {
		t.Run(e.Name, func(t *testing.T) {
			y, err := SelectorsYAML(e.Name)
			if err != nil {
				t.Fatal(err)
			}
			o, err := LoadOverrides(y)
			if err != nil {
				t.Fatalf("the printed table does not load: %v\n%s", err, y)
			}
			// Over an empty table the file must say everything; over the
			// built-in one it must change nothing.
			for _, base := range []*Engine{{Name: e.Name}, e} {
				got := o.Apply(base, "").Selectors
				if !sameTable(got, e.Selectors) {
					t.Errorf("loaded back over %d fields, the table differs:\n got %+v\nwant %+v", countRules(base.Selectors), got, e.Selectors)
				}
			}
		})
	}
	if _, err := SelectorsYAML("xenforo3"); err == nil || !strings.Contains(err.Error(), "xenforo2") {
		t.Errorf("an unknown engine gives %v, want an error listing the known ones", err)
	}
}

// countRules returns how many fields of s have alternatives.
func countRules(s Selectors) int {
	n := 0
	v := reflect.ValueOf(s)
	for _, i := range selectorFields {
		if v.Field(i).Len() > 0 {
			n++
		}
	}
	return n
}

func TestLoadOverridesRefusesMistakesNamingTheLine(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown engine", "xenforo2:\n  post: [a]\nxenforo:\n  post: [b]\n", `line 3: unknown engine "xenforo" (known: xenforo2,`},
		{"unknown field suggests the nearest", "phpbb:\n  posts: [div.post]\n", `line 2: phpbb: unknown field "posts" (did you mean "post"?)`},
		{"unknown field far from any", "phpbb:\n  colour: [red]\n", `line 2: phpbb: unknown field "colour"`},
		{"bad CSS selector", "smf:\n  post:\n    - div.post\n    - 'div[class'\n", `line 4: smf.post: selector "div[class"`},
		{"bad regexp", "mybb:\n  post_id: ['@id ~ post_(\\d+']\n", `line 2: mybb.post_id: regexp in "@id ~ post_(\\d+"`},
		{"empty alternative", "mybb:\n  post: ['']\n", `line 2: mybb.post: empty alternative`},
		{"a number is no selector", "mybb:\n  post: {prepend: 3}\n", `line 2: mybb.post.prepend: want a selector string`},
		{"null value", "mybb:\n  post:\n", `line 2: mybb.post: want a selector string`},
		{"list of lists", "mybb:\n  post: [[a]]\n", `line 2: mybb.post: want a selector string`},
		{"neither prepend nor append", "vanilla:\n  post:\n    before: [a]\n", `line 3: vanilla.post: "before" is neither prepend nor append`},
		{"field given twice", "vanilla:\n  post: [a]\n  post: [b]\n", `line 3: vanilla: "post" given twice (first on line 2)`},
		{"engine table not a map", "vanilla: [a]\n", `line 1: vanilla: want a map`},
		{"top level not a map", "- xenforo2\n", `line 1: the file: want a map`},
		{"bad extra", "vbulletin:\n  extra:\n    rank: {append: ['a[']}\n", `line 3: vbulletin.extra.rank.append: selector "a["`},
		{"site of unknown engine", "sites:\n  forum.example.com:\n    xf2: {post: [a]}\n", `line 3: sites.forum.example.com.unknown engine "xf2"`},
		{"site key not a host", "sites:\n  https://forum.example.com/:\n    xenforo2: {post: [a]}\n", `line 2: sites: "https://forum.example.com/" is not a host name`},
		{"site field unknown", "sites:\n  forum.example.com:\n    xenforo2:\n      body: [a]\n", `line 4: sites.forum.example.com.xenforo2: unknown field "body"`},
		{"YAML syntax", "xenforo2:\n  post: [a\n", "line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, err := LoadOverrides([]byte(tt.yaml))
			if err == nil {
				t.Fatalf("loaded %+v, want an error", o)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
		})
	}
}

func TestOverridesChangeOnlyWhatTheySay(t *testing.T) {
	base := &Engine{Name: "vbulletin", Selectors: Selectors{
		Post:       Rule{"div.post"},
		AuthorName: Rule{"a.username"},
		Body:       Rule{"div.content"},
		Extra:      map[string]Rule{"rank": {"span.rank"}, "group": {"span.group"}},
	}}
	tests := []struct {
		name, yaml, host string
		want             Selectors
	}{
		{"a list replaces the rule", "vbulletin:\n  post: [li.entry, div.entry]\n", "",
			Selectors{Post: Rule{"li.entry", "div.entry"}}},
		{"one string is a list of one", "vbulletin:\n  post: li.entry\n", "",
			Selectors{Post: Rule{"li.entry"}}},
		{"prepend and append keep the built-in alternatives between", "vbulletin:\n  post: {prepend: [a, b], append: [c]}\n", "",
			Selectors{Post: Rule{"a", "b", "div.post", "c"}}},
		{"an empty list empties the rule", "vbulletin:\n  post_body: []\n", "",
			Selectors{Body: nil}},
		{"extra values are added, extended and removed", "vbulletin:\n  extra:\n    posts: [dd.posts]\n    rank: {append: [img.rank@alt]}\n    group: []\n", "",
			Selectors{Extra: map[string]Rule{"posts": {"dd.posts"}, "rank": {"span.rank", "img.rank@alt"}}}},
		{"another engine's overrides change nothing", "phpbb:\n  post: [div.x]\n", "",
			Selectors{}},
		{"a site's overrides apply to its host", "sites:\n  Forum.Example.com:\n    vbulletin: {post: [li.site]}\n", "forum.example.com",
			Selectors{Post: Rule{"li.site"}}},
		{"and to its host on any port", "sites:\n  forum.example.com:\n    vbulletin: {post: [li.site]}\n", "forum.example.com:8080",
			Selectors{Post: Rule{"li.site"}}},
		{"a site keyed with its port is that port only", "sites:\n  127.0.0.1:8080:\n    vbulletin: {post: [li.site]}\n", "127.0.0.1:9090",
			Selectors{}},
		{"not to another host", "sites:\n  forum.example.com:\n    vbulletin: {post: [li.site]}\n", "other.example.com",
			Selectors{}},
		{"a site's overrides come after the ones for every site", "vbulletin:\n  post: [li.all]\nsites:\n  forum.example.com:\n    vbulletin: {post: {prepend: [li.site]}}\n", "forum.example.com",
			Selectors{Post: Rule{"li.site", "li.all"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, err := LoadOverrides([]byte(tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			want := base.Selectors
			want.Extra = map[string]Rule{"rank": {"span.rank"}, "group": {"span.group"}}
			if tt.want.Post != nil {
				want.Post = tt.want.Post
			}
			if strings.Contains(tt.yaml, "post_body") {
				want.Body = tt.want.Body
			}
			if tt.want.Extra != nil {
				want.Extra = tt.want.Extra
			}
			got := o.Apply(base, tt.host)
			if !sameTable(got.Selectors, want) {
				t.Errorf("got %+v\nwant %+v", got.Selectors, want)
			}
			if !reflect.DeepEqual(base.Selectors.Post, Rule{"div.post"}) || len(base.Selectors.Extra) != 2 {
				t.Errorf("the engine's own table changed: %+v", base.Selectors)
			}
		})
	}
	var none *Overrides
	if got := none.Apply(base, "forum.example.com"); got != base {
		t.Error("nil overrides returned a new engine")
	}
}

// renamedFixture is a real XenForo 2 thread page whose posts' class is
// renamed, as a custom skin might, in a copy in a temporary directory.
func renamedFixture(t *testing.T) (dir, pageURL string, page []byte, posts int) {
	t.Helper()
	const file = "xenforo2/macrumors_se-or-11.html"
	var fx fixture
	for _, f := range manifest(t, "xenforo2") {
		if f.File == file {
			fx = f
		}
	}
	if fx.File == "" {
		t.Skipf("%s is not in the manifest", file)
	}
	raw := readFixture(t, file)
	dir = t.TempDir()
	copyPath := filepath.Join(dir, "renamed.html")
	if err := os.WriteFile(copyPath, bytes.ReplaceAll(raw, []byte("message--post"), []byte("message--entry")), 0o644); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	return dir, fixtureURL(fx, page), page, fx.Posts
}

func TestOverrideFileFixesARenamedPostSelector(t *testing.T) {
	dir, pageURL, page, posts := renamedFixture(t)
	plain, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := plain.Parse(pageURL, page)
	if err != nil {
		t.Fatal(err)
	}
	if got.Engine != "xenforo2" || got.Kind != KindThread || len(got.Posts) != 0 {
		t.Fatalf("renamed page: engine %q kind %s, %d posts; want a xenforo2 thread page with no post", got.Engine, got.Kind, len(got.Posts))
	}
	want := `selector post found nothing (tried "article.message--post" | ".message--post"); the page counts as a thread because is_thread "html[data-template=thread_view]" matched`
	if !slices.ContainsFunc(got.Warnings, func(w string) bool { return strings.Contains(w, want) }) {
		t.Errorf("warnings %q do not name the post rule: want %q", got.Warnings, want)
	}

	host := strings.SplitN(strings.TrimPrefix(strings.TrimPrefix(pageURL, "https://"), "http://"), "/", 2)[0]
	tests := []struct {
		name, yaml, url string
		posts           int
	}{
		{"prepended for every site", "xenforo2:\n  post:\n    prepend: [article.message--entry]\n", pageURL, posts},
		{"replaced for every site", "xenforo2:\n  post: [article.message--entry]\n", pageURL, posts},
		{"for the page's own site", "sites:\n  " + host + ":\n    xenforo2:\n      post: {append: [article.message--entry]}\n", pageURL, posts},
		{"not for another site", "sites:\n  forum.example.org:\n    xenforo2:\n      post: {append: [article.message--entry]}\n", pageURL, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(dir, "skin.yaml")
			if err := os.WriteFile(file, []byte(tt.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			o, err := LoadOverrides(data)
			if err != nil {
				t.Fatal(err)
			}
			p, err := New(Options{Overrides: o})
			if err != nil {
				t.Fatal(err)
			}
			got, err := p.Parse(tt.url, page)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Posts) != tt.posts {
				t.Errorf("%d posts, want %d (warnings %q)", len(got.Posts), tt.posts, got.Warnings)
			}
			if tt.posts > 0 && (got.Posts[0].Author.Name == "" || got.Posts[0].BodyText == "") {
				t.Errorf("first post lacks author or text: %+v", got.Posts[0])
			}
			if tt.posts > 0 && len(got.Warnings) > 0 {
				t.Errorf("warnings on the fixed page: %q", got.Warnings)
			}
		})
	}
}

func TestForcedEngineTakesItsSiteOverrides(t *testing.T) {
	_, pageURL, page, posts := renamedFixture(t)
	o, err := LoadOverrides([]byte("sites:\n  " + strings.Split(strings.SplitN(pageURL, "//", 2)[1], "/")[0] +
		":\n    xenforo2: {post: [article.message--entry]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := New(Options{Engine: "xenforo2", Overrides: o})
	if err != nil {
		t.Fatal(err)
	}
	got, err := p.Parse(pageURL, page)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Posts) != posts || got.Evidence[0] != "engine forced" {
		t.Errorf("%d posts (want %d), evidence %q", len(got.Posts), posts, got.Evidence)
	}
}
