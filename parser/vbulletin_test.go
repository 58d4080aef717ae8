package parser

import (
	"net/url"
	"strings"
	"testing"
)

// parseVB parses a page with every built-in engine detecting, at a fixed time.
func parseVB(t *testing.T, pageURL, body string) *Page {
	t.Helper()
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	page, err := p.ParseAt(pageURL, []byte(body), fixtureTime)
	if err != nil {
		t.Fatal(err)
	}
	return page
}

func TestVBulletinDetection(t *testing.T) {
	cases := []struct {
		name, html string
		kind       Kind
	}{
		{"generator meta alone claims a page", `<html><head><meta name="generator" content="vBulletin 3.8.7"></head><body></body></html>`, KindOther},
		{"vBulletin 3 postbit table", `<div id="posts"><table id="post5"><tr><td><div id="postmenu_5"><a class="bigusername" href="member.php?u=2">a</a></div></td><td><div id="post_message_5">hi</div></td></tr></table></div>`, KindThread},
		{"vBulletin 4 postcontainer", `<html id="vbulletin_html"><body><ol id="posts"><li class="postbitlegacy postcontainer" id="post_7"><span class="nodecontrols"></span><div id="post_message_7"><blockquote class="postcontent">hi</blockquote></div></li></ol></body></html>`, KindThread},
		{"vBulletin 5 b-post", `<ul><li class="b-post js-post" data-node-id="9"><div class="b-userinfo"></div><div class="js-post__content-text">hi</div></li></ul>`, KindThread},
		{"customised vBulletin 2 table.post", `<table class="post" id="post11"><tr><td class="userinfo userid-3"><dl class="userinfo"><dt class="author">a</dt></dl></td><td class="postbody">hi</td></tr><tr><td class="postdate">Mar 31, 2019 14:22</td></tr></table>`, KindThread},
		{"customised vBulletin 2 thread list", `<table class="threadlist"><tr class="thread" id="thread4"><td><a class="thread_title" href="showthread.php?threadid=4">t</a></td></tr></table>`, KindBoard},
		{"vBulletin 3 threadbits", `<table><tbody id="threadbits_forum_2"><tr><td><a id="thread_title_8" href="showthread.php?t=8">t</a></td></tr></tbody></table>`, KindBoard},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			page := parseVB(t, "https://forum.example/x.php", c.html)
			if page.Engine != "vbulletin" || page.Kind != c.kind {
				t.Errorf("engine %q kind %s (evidence %v, warnings %v), want vbulletin %s", page.Engine, page.Kind, page.Evidence, page.Warnings, c.kind)
			}
		})
	}
}

func TestVBulletinURLs(t *testing.T) {
	e := VBulletin()
	cases := []struct{ name, in, want string }{
		{"session id is dropped", "https://f.example/showthread.php?s=abc123&t=5", "https://f.example/showthread.php?t=5"},
		{"page 1 parameter is dropped", "https://f.example/showthread.php?t=5&page=1", "https://f.example/showthread.php?t=5"},
		{"page 2 parameter stays", "https://f.example/showthread.php?page=2&t=5", "https://f.example/showthread.php?page=2&t=5"},
		{"skin page parameter on page 1 is dropped", "https://f.example/showthread.php?threadid=5&pagenumber=1", "https://f.example/showthread.php?threadid=5"},
		{"friendly path page 1 is the thread", "https://f.example/threads/123-title/page1", "https://f.example/threads/123-title"},
		{"friendly path page 2 stays", "https://f.example/threads/123-title/page2", "https://f.example/threads/123-title/page2"},
		{"query route page 1 is the thread", "https://f.example/showthread.php?123-title/page1", "https://f.example/showthread.php?t=123"},
		{"sort variants are dropped", "https://f.example/forumdisplay.php?f=3&order=desc&sort=lastpost&daysprune=30", "https://f.example/forumdisplay.php?f=3"},
		{"post permalink keeps its post", "https://f.example/showthread.php?p=123#post123", "https://f.example/showthread.php?p=123"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			u, _ := url.Parse(c.in)
			if got := CanonicalURL(u, e).String(); got != c.want {
				t.Errorf("CanonicalURL(%s) = %s, want %s", c.in, got, c.want)
			}
		})
	}
}

func TestVBulletinPageNumbers(t *testing.T) {
	e := VBulletin()
	cases := []struct {
		in    string
		page  int
		first string
	}{
		{"https://f.example/showthread.php?t=5&page=3", 3, "https://f.example/showthread.php?t=5"},
		{"https://f.example/showthread.php?123-title/page4", 4, "https://f.example/showthread.php?123-title"},
		{"https://f.example/threads/123-title/page2", 2, "https://f.example/threads/123-title"},
		{"https://f.example/showthread.php/9687-title/page2", 2, "https://f.example/showthread.php/9687-title"},
		{"https://f.example/showthread.php?threadid=5&pagenumber=7", 7, "https://f.example/showthread.php?threadid=5"},
		{"https://f.example/showthread.php?t=5", 1, "https://f.example/showthread.php?t=5"},
	}
	for _, c := range cases {
		u, _ := url.Parse(c.in)
		page, first := e.pageOfURL(u)
		if page != c.page || first.String() != c.first {
			t.Errorf("pageOfURL(%s) = %d %s, want %d %s", c.in, page, first, c.page, c.first)
		}
	}
}

func TestVBulletinMarkup(t *testing.T) {
	t.Run("vBulletin 3 profile lines split into label and value", func(t *testing.T) {
		page := parseVB(t, "https://f.example/showthread.php?t=1", `<meta name="generator" content="vBulletin 3.8">
<div id="posts"><table id="post5"><tr><td class="thead">Apr 11, 2020, 1:02 PM</td><td class="thead">#<a id="postcount5" name="4" href="showpost.php?s=ff&p=5&postcount=4">4</a></td></tr>
<tr><td class="alt2"><div id="postmenu_5"><a class="bigusername" href="member.php?s=ff&u=63">Razor</a></div><div class="smallfont">Member</div>
<div class="smallfont"><img src="images/ranks/gold.gif" title="Gold member"><div>Join Date: Jul 2011</div><div>Location: Ottawa: ON</div><div>Posts: 2,339</div><div><span id="repdisplay_5_63"><img src="reputation_pos.gif" alt="Razor is on a distinguished road"></span></div><div>   </div></div></td>
<td class="alt1" id="td_post_5"><div id="post_message_5">hi</div></td></tr></table></div>`)
		if len(page.Posts) != 1 {
			t.Fatalf("%d posts", len(page.Posts))
		}
		p := page.Posts[0]
		a := p.Author
		want := []Field{{"Join Date", "Jul 2011"}, {"Location", "Ottawa: ON"}, {"Posts", "2,339"}, {"", "Razor is on a distinguished road"}}
		if len(a.Fields) != len(want) {
			t.Fatalf("fields %v, want %v", a.Fields, want)
		}
		for i := range want {
			if a.Fields[i] != want[i] {
				t.Errorf("field %d = %v, want %v", i, a.Fields[i], want[i])
			}
		}
		if a.ID != "63" || a.Title != "Member" || a.Location != "Ottawa: ON" || a.Messages == nil || *a.Messages != 2339 {
			t.Errorf("author %+v", a)
		}
		if p.Position != 4 || p.URL != "https://f.example/showpost.php?p=5&postcount=4" {
			t.Errorf("position %d permalink %s", p.Position, p.URL)
		}
		if p.Extra["rank"] != "Gold member" {
			t.Errorf("extra %v, want rank", p.Extra)
		}
	})
	t.Run("vBulletin 4 ad slot in the post list is not a post", func(t *testing.T) {
		page := parseVB(t, "https://f.example/showthread.php?t=1", `<html id="vbulletin_html"><body><ol id="posts">
<li class="postbitlegacy postcontainer" id="post_7"><div class="posthead"><span class="postdate"><span class="date">06-15-2016,&nbsp;<span class="time">03:03 PM</span></span></span><span class="nodecontrols"><a name="post7" href="showthread.php?t=1&amp;p=7#post7" class="postcounter">#1</a></span></div>
<div class="userinfo"><a class="username" href="member.php?13985-Rain">Rain</a><span class="usertitle">Senior</span><span class="rank">Moderator</span><dl class="userinfo_extra"><dt>Join Date</dt> <dd>Oct 2010</dd><dt>Posts</dt> <dd>3,882</dd></dl></div>
<div id="post_message_7"><blockquote class="postcontent">before<div class="bbcode_container"><div class="bbcode_quote"><div class="quote_container"><div class="bbcode_postedby"><img alt="Quote">Originally Posted by <strong>Bob</strong> <a href="showthread.php?p=6#post6"><img alt="View Post"></a></div><div class="message">quoted</div></div></div></div>after</blockquote></div></li>
<li class="postbitlegacy postcontainer" id="post_7"><span class="username">Publicité</span><div id="post_message_7"><blockquote class="postcontent"></blockquote></div></li>
</ol></body></html>`)
		if len(page.Posts) != 1 {
			t.Fatalf("%d posts, want 1", len(page.Posts))
		}
		p := page.Posts[0]
		if p.DateRaw != "06-15-2016, 03:03 PM" || p.Position != 1 || p.URL != "https://f.example/showthread.php?p=7#post7" {
			t.Errorf("date %q position %d url %s", p.DateRaw, p.Position, p.URL)
		}
		if p.BodyText != "before\n\nafter" || len(p.Quotes) != 1 || p.Quotes[0] != (Quote{Author: "Bob", PostID: "6", Text: "quoted", Offset: 6}) {
			t.Errorf("body %q quotes %+v", p.BodyText, p.Quotes)
		}
		if p.Author.ID != "13985" || p.Extra["rank"] != "Moderator" || len(p.Author.Fields) != 2 || p.Author.Fields[1] != (Field{"Posts", "3,882"}) {
			t.Errorf("author %+v extra %v", p.Author, p.Extra)
		}
	})
}

func TestVBulletin4Forumhome(t *testing.T) {
	// A category (forumbit_nopost L1) links its own forumdisplay page, which
	// lists only the boards the index lists already: not a link to follow.
	page := parseVB(t, "https://f.example/forum/forum.php", `<html id="vbulletin_html"><body><ol id="forums">
<li id="cat1" class="forumbit_nopost new L1"><div class="forumhead foruminfo L1 collapse"><h2><span class="forumtitle"><a href="forumdisplay.php?1-Main">Main</a></span></h2></div>
<ol class="childforum"><li id="forum2" class="forumbit_post old L2"><div class="forumrow"><h2 class="forumtitle"><a href="forumdisplay.php?2-General">General</a></h2>
<ol class="subforumlist"><li class="subforum"><a href="forumdisplay.php?3-Sub">Sub</a></li></ol></div></li></ol></li>
<li id="forum4" class="forumbit_post old L1"><div class="forumhead foruminfo L1"><h2><span class="forumtitle"><a href="forumdisplay.php?4-Postable">Postable</a></span></h2></div></li>
</ol></body></html>`)
	var got []string
	for _, l := range page.Links {
		got = append(got, l.URL)
	}
	want := []string{"https://f.example/forum/forumdisplay.php?f=2", "https://f.example/forum/forumdisplay.php?f=4"}
	if page.Kind != KindIndex || strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("kind %s links %v, want index %v", page.Kind, got, want)
	}
}

func TestVBulletinWindows1252WithoutDeclaration(t *testing.T) {
	// The Something Awful skin serves windows-1252 without saying so in its markup.
	raw := readFixture(t, "vbulletin/somethingawful_custom-vb2_canadian-politics.html")
	body, err := Decode(raw, "")
	if err != nil {
		t.Fatal(err)
	}
	page := parseVB(t, "https://forums.somethingawful.com/showthread.php?threadid=3507451&pagenumber=5", string(body))
	var all strings.Builder
	for _, p := range page.Posts {
		all.WriteString(p.BodyText)
		for _, q := range p.Quotes {
			all.WriteString(q.Text)
		}
	}
	for _, want := range []string{"Québec", "“We", "unacceptable,”"} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("decoded text lacks %q", want)
		}
	}
	if page.Thread == nil || page.Thread.Page != 5 || page.Thread.URL != "https://forums.somethingawful.com/showthread.php?threadid=3507451" {
		t.Errorf("thread %+v", page.Thread)
	}
}
