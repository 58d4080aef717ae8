package parser

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// pagedThread is page 2 of a thread with numbered page links, a next link,
// and links a crawl must leave alone.
const pagedThread = `<html><head><title>Tea or coffee? - Page 2 - Kitchen Board</title>
<link rel="next" href="/thread.php?id=77&page=3"></head><body>
<div class="nav"><a href="/login.php">Log in</a> <a href="/search.php?q=tea">Search</a> <a href="/thread.php?id=77&sort=desc">Newest first</a></div>
<div class="pages"><a href="/thread.php?id=77">1</a> <b>2</b> <a href="/thread.php?id=77&page=3">3</a> <a href="/thread.php?id=77&page=3">Next</a></div>
<div class="msg" id="m5"><span class="by"><a href="/member.php?u=1">kim</a></span> <span class="at">12.03.2020 14:05</span>
 <div class="words">Tea, always tea, brewed for three minutes.</div><a href="/reply.php?to=5">Reply</a></div>
<div class="msg" id="m6"><span class="by"><a href="/member.php?u=2">lou</a></span> <span class="at">12.03.2020 15:30</span>
 <div class="words">Coffee in the morning and tea after noon.</div><a href="/reply.php?to=6">Reply</a></div>
</body></html>`

// boardList is a board's list of threads, one row each with its last post.
const boardList = `<html><head><title>Kitchen Board</title></head><body>
<a href="/login.php">Log in</a> <a href="/newthread.php?b=3">New thread</a>
<table class="threads">
<tr class="row"><td class="title"><a href="/thread.php?id=77">Tea or coffee?</a></td><td>12 replies</td>
 <td class="last">by <a href="/member.php?u=2">lou</a><br>12.03.2020 15:30</td></tr>
<tr class="row"><td class="title"><a href="/thread.php?id=78">Best bread flour</a></td><td>3 replies</td>
 <td class="last">by <a href="/member.php?u=1">kim</a><br>11.03.2020 09:10</td></tr>
<tr class="row"><td class="title"><a href="/thread.php?id=79">Knife sharpening</a></td><td>40 replies</td>
 <td class="last">by <a href="/member.php?u=5">max</a><br>10.03.2020 18:45</td></tr>
<tr class="row"><td class="title"><a href="/thread.php?id=80">Sourdough starter</a></td><td>7 replies</td>
 <td class="last">by <a href="/member.php?u=1">kim</a><br>09.03.2020 08:00</td></tr>
</table>
<a rel="next" href="/board.php?b=3&page=2">Next page</a>
</body></html>`

// TestGenericLinks checks the generic crawl links: a thread page's other
// pages, a board's threads and next page, and none of the links a crawl
// must not follow (log in, search, sort orders, reply forms).
func TestGenericLinks(t *testing.T) {
	cases := []struct {
		name, url, page string
		kind            Kind
		want            []Link
	}{
		{"a thread page links its other pages", "https://kitchen.example.net/thread.php?id=77&page=2", pagedThread, KindThread, []Link{
			{URL: "https://kitchen.example.net/thread.php?id=77&page=3", Kind: LinkThread},
			{URL: "https://kitchen.example.net/thread.php?id=77", Kind: LinkThread},
		}},
		{"a board page links its threads and its next page", "https://kitchen.example.net/board.php?b=3", boardList, KindBoard, []Link{
			{URL: "https://kitchen.example.net/thread.php?id=77", Kind: LinkThread},
			{URL: "https://kitchen.example.net/thread.php?id=78", Kind: LinkThread},
			{URL: "https://kitchen.example.net/thread.php?id=79", Kind: LinkThread},
			{URL: "https://kitchen.example.net/thread.php?id=80", Kind: LinkThread},
			{URL: "https://kitchen.example.net/board.php?b=3&page=2", Kind: LinkBoard},
		}},
	}
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			page, err := p.ParseAt(c.url, []byte(c.page), fixtureTime)
			if err != nil {
				t.Fatal(err)
			}
			if page.Kind != c.kind || page.Engine != GenericEngine {
				t.Fatalf("kind %q engine %q (confidence %.2f, %q), want %q generic", page.Kind, page.Engine, page.Confidence, page.Warnings, c.kind)
			}
			got := slices.Clone(page.Links)
			sortLinks(got)
			sortLinks(c.want)
			if !slices.Equal(got, c.want) {
				t.Errorf("links\n got %v\nwant %v", got, c.want)
			}
		})
	}
}

func sortLinks(ls []Link) {
	slices.SortFunc(ls, func(a, b Link) int { return strings.Compare(a.URL, b.URL) })
}

// TestParsedPatternIsURLPattern checks that the shape of a parsed link is
// the shape urlPattern finds from its text, for written links (session
// parameters, repeated keys, ";" between pairs, bad escapes) and every link
// of the shared fixtures resolved against its page.
func TestParsedPatternIsURLPattern(t *testing.T) {
	links := []string{"https://a.example/member.php?u=12&s=0123abcd", "https://a.example/x.php?s=1", "https://a.example/t?a=1&a=2&b=x",
		"https://a.example/t?a=1;b=2;;c", "https://a.example/t?%zz=1&b=%zz&c=3", "https://a.example/p/3-name/", "https://a.example/",
		"https://a.example/t?PHPSESSID=9&sid=3&x=long-value-over-twenty-chars", "https://a.example/t?=5&k", "mailto:x@a.example"}
	eachHTMLFixture(t, func(fx fixture, body []byte, doc *html.Node) {
		base := mustURL(fixtureURL(fx, body))
		for _, a := range aHref.MatchAll(doc) {
			if u := resolve(base, attr(a, "href")); u != "" {
				links = append(links, u)
			}
		}
	})
	for _, u := range links {
		pu, err := url.Parse(u)
		if err != nil {
			continue
		}
		if got, want := parsedPattern(pu), urlPattern(u); got != want {
			t.Errorf("%s: parsedPattern %q, urlPattern %q", u, got, want)
		}
	}
	if len(links) < 1000 {
		t.Errorf("only %d links tried", len(links))
	}
}

// TestHrefPatternAsFromText checks linkText, resolve, hrefPattern and linkShape of the reader, which read
// the parts of a link they resolve, against the same questions asked of
// the link's text (resolve, sameSite, urlPattern, pageless), on every link
// of the shared fixtures.
func TestHrefPatternAsFromText(t *testing.T) {
	n := 0
	eachHTMLFixture(t, func(fx fixture, body []byte, doc *html.Node) {
		pageURL := fixtureURL(fx, body)
		g := newGenericReader(doc, mustURL(pageURL), pageURL)
		for _, a := range aHref.MatchAll(doc) {
			href := attr(a, "href")
			var want string
			wantOK := false
			if u := resolve(g.base, href); u != "" && sameSite(u, g.base.Host) {
				pu, err := url.Parse(u)
				want = urlPattern(u)
				wantOK = err == nil && want != g.pagePat && want != "" && !g.samePage(pu)
			}
			if !wantOK {
				want = ""
			}
			if got, ok := g.hrefPattern(href); got != want || ok != wantOK {
				t.Errorf("%s: %q: hrefPattern %q %v, from its text %q %v", fx.File, href, got, ok, want, wantOK)
			}
			wantShape, wantSite := "", false
			if u := resolve(g.base, href); u != "" && sameSite(u, g.base.Host) {
				wantShape, wantSite = pageless(u), true
			}
			if got, want := g.linkText(a), nodeText(a); got != want {
				t.Errorf("%s: link text %q, nodeText %q", fx.File, got, want)
			}
			if got, want := g.resolve(href), resolve(g.base, href); got != want {
				t.Errorf("%s: %q: resolves to %q, want %q", fx.File, href, got, want)
			}
			if got, ok := g.linkShape(href); got != wantShape || ok != wantSite {
				t.Errorf("%s: %q: linkShape %q %v, from its text %q %v", fx.File, href, got, ok, wantShape, wantSite)
			}
			n++
		}
	})
	if n < 1000 {
		t.Errorf("only %d links tried", n)
	}
}

// sameSite reports whether the link u is on host or a host of the same
// domain (a forum's members may live on the site's main host).
func sameSite(u, host string) bool {
	pu, err := url.Parse(u)
	if err != nil {
		return false
	}
	return siteDomain(pu.Hostname()) == siteDomain(strings.Split(host, ":")[0])
}
