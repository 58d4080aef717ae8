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
		}, "https://f.example/showthread.php?12-Hello/page2"},
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
