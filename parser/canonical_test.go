package parser

import (
	"net/url"
	"testing"
)

// TestCanonicalSessionsAndTracking checks, engine by engine, that the
// session ids, tracking parameters, parameter order, default ports and
// fragments that real forums put in links give one URL per page.
func TestCanonicalSessionsAndTracking(t *testing.T) {
	cases := []struct {
		engine    string
		variants  []string
		canonical string
	}{
		{"phpbb", []string{
			"http://f.example/viewtopic.php?t=5&start=20&sid=0123456789abcdef0123456789abcdef",
			"http://F.EXAMPLE:80/viewtopic.php?sid=abc&start=20&t=5#p99",
			"http://f.example/viewtopic.php?start=20&t=5&utm_source=news&utm_medium=mail",
			"http://f.example/viewtopic.php?f=2&t=5&start=20&hilit=word",
		}, "http://f.example/viewtopic.php?start=20&t=5"},
		{"vbulletin", []string{
			"https://f.example/showthread.php?12-Hello/page2&s=0f3a9c2e5b7d4e1a",
			"https://f.example:443/showthread.php?s=abc&12-Hello/page2",
			"https://f.example/showthread.php?12-Hello/page2#post55",
		}, "https://f.example/showthread.php?page=2&t=12"},
		{"smf", []string{
			"http://f.example/index.php?topic=5.20;PHPSESSID=04de800e92cfd8c87b20137dae7f687f",
			"http://f.example/index.php?PHPSESSID=abc;topic=5.20;wap2",
			"http://f.example/index.php?topic=5.20;wap",
			"http://f.example/index.php?topic=5.20;imode",
			"http://f.example/index.php;jsessionid=ABC?topic=5.20",
		}, "http://f.example/index.php?topic=5.20"},
		{"xenforo2", []string{
			"https://f.example/threads/a.1/page-2?utm_campaign=x&fbclid=y",
			"https://f.example/threads/a.1/page-2#post-9",
			"https://f.example/threads/a.1/page-2?",
		}, "https://f.example/threads/a.1/page-2"},
		{"mybb", []string{
			"http://f.example/showthread.php?tid=5&page=2",
			"http://f.example/showthread.php?page=2&tid=5&sid=abc",
			"http://f.example/showthread.php?tid=5&page=2&highlight=word",
		}, "http://f.example/showthread.php?page=2&tid=5"},
	}
	engines := map[string]*Engine{}
	for _, e := range BuiltinEngines() {
		engines[e.Name] = e
	}
	for _, tc := range cases {
		t.Run(tc.engine, func(t *testing.T) {
			for _, v := range tc.variants {
				u, err := url.Parse(v)
				if err != nil {
					t.Fatal(err)
				}
				if got := CanonicalURL(u, engines[tc.engine]).String(); got != tc.canonical {
					t.Errorf("CanonicalURL(%s) = %s, want %s", v, got, tc.canonical)
				}
			}
		})
	}
}

// TestCanonicalVBulletinForms checks that every form of a vBulletin 3/4
// thread or board page gives the one URL "showthread.php?t=ID[&page=N]"
// ("forumdisplay.php?f=ID[&page=N]"), that post permalinks keep naming
// their post, and that the forms with no safe equivalent stay as found.
func TestCanonicalVBulletinForms(t *testing.T) {
	cases := []struct {
		name      string
		variants  []string
		canonical string
	}{
		{"a thread's first page in every form is t=ID", []string{
			"https://f.example/forum/showthread.php?t=12",
			"https://f.example/forum/showthread.php?12",
			"https://f.example/forum/showthread.php?12-Hello-World",
			"https://f.example/forum/showthread.php?12-Hello-World/page1",
			"https://f.example/forum/showthread.php?12-Hello-World&page=1",
			"https://f.example/forum/showthread.php?t=12&page=1",
			"https://f.example/forum/showthread.php/12-Hello-World",
			"https://f.example/forum/showthread.php/12-Hello-World/",
			"https://f.example/forum/showthread.php?12-Other-Slug&s=0f3a9c2e5b7d4e1a",
			"https://f.example/forum/showthread.php?12-Hello-World#post55",
		}, "https://f.example/forum/showthread.php?t=12"},
		{"a thread's later page in every form is t=ID&page=N", []string{
			"https://f.example/forum/showthread.php?t=12&page=3",
			"https://f.example/forum/showthread.php?page=3&t=12",
			"https://f.example/forum/showthread.php?12-Hello-World/page3",
			"https://f.example/forum/showthread.php?12-Hello-World&page=3",
			"https://f.example/forum/showthread.php/12-Hello-World/page3",
			"https://f.example/forum/showthread.php?12-Hello-World/page3&s=abc&highlight=word",
			"https://f.example/forum/showthread.php?s=abc&12-Hello-World/page3",
			"https://F.EXAMPLE:443/forum/showthread.php?12-Hello-World/page3",
		}, "https://f.example/forum/showthread.php?page=3&t=12"},
		{"a title with non-ASCII letters reduces too", []string{
			"http://f.example/showthread.php/9687-Mj%C3%B6lnir-dies/page2",
			"http://f.example/showthread.php?9687-Mj%C3%B6lnir-dies/page2",
		}, "http://f.example/showthread.php?page=2&t=9687"},
		{"a board's pages in every form are f=ID&page=N", []string{
			"https://f.example/forumdisplay.php?f=7&page=2",
			"https://f.example/forumdisplay.php?7-News/page2",
			"https://f.example/forumdisplay.php/7-News/page2",
			"https://f.example/forumdisplay.php?7-News&page=2&order=desc&sort=lastpost",
		}, "https://f.example/forumdisplay.php?f=7&page=2"},
		{"a board's first page is f=ID", []string{
			"https://f.example/forumdisplay.php?7-News",
			"https://f.example/forumdisplay.php?f=7&daysprune=-1",
			"https://f.example/forumdisplay.php/7-News/page1",
		}, "https://f.example/forumdisplay.php?f=7"},
		{"a post permalink keeps its post alone", []string{
			"https://f.example/showthread.php?p=55",
			"https://f.example/showthread.php?12-Hello-World&p=55&viewfull=1#post55",
			"https://f.example/showthread.php?t=12&p=55#post55",
			"https://f.example/showthread.php/12-Hello-World?p=55&viewfull=1",
			"https://f.example/showthread.php?12-Hello-World/page3&p=55",
		}, "https://f.example/showthread.php?p=55"},
		{"showpost.php names a post, not a page, and stays", []string{
			"https://f.example/showpost.php?p=55&postcount=3",
		}, "https://f.example/showpost.php?p=55&postcount=3"},
		{"vBulletin 2's threadid and pagenumber stay (no t= there)", []string{
			"https://f.example/showthread.php?threadid=12&pagenumber=4",
		}, "https://f.example/showthread.php?pagenumber=4&threadid=12"},
		{"vBulletin 5 routes keep their form, page 1 reduced", []string{
			"https://f.example/forum/news/12-hello-world",
			"https://f.example/forum/news/12-hello-world/page1",
		}, "https://f.example/forum/news/12-hello-world"},
		{"vBulletin 5 later pages keep their form", []string{
			"https://f.example/forum/news/12-hello-world/page2",
		}, "https://f.example/forum/news/12-hello-world/page2"},
		{"mod_rewrite routes keep their form", []string{
			"https://f.example/threads/12-hello-world/page2",
		}, "https://f.example/threads/12-hello-world/page2"},
		{"a route that is not a friendly one stays", []string{
			"https://f.example/showthread.php?goto=newpost&t=12",
		}, "https://f.example/showthread.php?goto=newpost&t=12"},
		{"a script of another name is not a thread", []string{
			"https://f.example/myshowthread.php?12-Hello",
		}, "https://f.example/myshowthread.php?12-Hello"},
	}
	vb := VBulletin()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, v := range tc.variants {
				u, err := url.Parse(v)
				if err != nil {
					t.Fatal(err)
				}
				got := CanonicalURL(u, vb)
				if got.String() != tc.canonical {
					t.Errorf("CanonicalURL(%s) = %s, want %s", v, got, tc.canonical)
				}
				if again := CanonicalURL(got, vb).String(); again != got.String() {
					t.Errorf("CanonicalURL is not idempotent on %s: %s", got, again)
				}
			}
		})
	}
}

// TestVBulletinPermalinks checks the post URLs a vBulletin page gives: a
// permalink in a thread URL's form keeps its post parameter alone and its
// anchor; other permalinks stay as linked, without session ids.
func TestVBulletinPermalinks(t *testing.T) {
	cases := []struct{ name, href, want string }{
		{"friendly permalink", "showthread.php?12-Hello&p=55&viewfull=1#post55", "https://f.example/forum/showthread.php?p=55#post55"},
		{"path permalink", "https://f.example/forum/showthread.php/12-Hello?p=55&viewfull=1#post55", "https://f.example/forum/showthread.php?p=55#post55"},
		{"old permalink with a session", "showthread.php?s=abc&t=12&p=55#post55", "https://f.example/forum/showthread.php?p=55#post55"},
		{"showpost stays", "showpost.php?p=55&postcount=3", "https://f.example/forum/showpost.php?p=55&postcount=3"},
		{"vBulletin 5 stays", "/forum/news/12-hello?p=55#post55", "https://f.example/forum/news/12-hello?p=55#post55"},
		{"a thread link without a post stays", "showthread.php?12-Hello#post55", "https://f.example/forum/showthread.php?12-Hello#post55"},
	}
	base, _ := url.Parse("https://f.example/forum/showthread.php?12-Hello")
	x := &extractor{e: VBulletin(), base: base, refs: base}
	for _, tc := range cases {
		if got := x.permalink(tc.href); got != tc.want {
			t.Errorf("%s: permalink(%s) = %s, want %s", tc.name, tc.href, got, tc.want)
		}
	}
}

// BenchmarkCanonicalURLForms measures CanonicalURL on vBulletin links of
// each form, with the engine's URLForms and without them (the cost of the reduction).
func BenchmarkCanonicalURLForms(b *testing.B) {
	var urls []*url.URL
	for _, s := range []string{
		"https://f.example/forum/showthread.php?12-Hello-World/page3&s=abc",
		"https://f.example/forum/showthread.php/12-Hello-World/page3",
		"https://f.example/forum/showthread.php?t=12&page=3",
		"https://f.example/forum/forumdisplay.php?7-News/page2",
		"https://f.example/forum/showthread.php?12-Hello-World&p=55&viewfull=1#post55",
		"https://f.example/forum/member.php?5-bob",
	} {
		u, err := url.Parse(s)
		if err != nil {
			b.Fatal(err)
		}
		urls = append(urls, u)
	}
	plain := VBulletin()
	plain.URLForms = nil
	for _, e := range []struct {
		name string
		e    *Engine
	}{{"forms", VBulletin()}, {"no forms", plain}} {
		b.Run(e.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, u := range urls {
					CanonicalURL(u, e.e)
				}
			}
		})
	}
}
