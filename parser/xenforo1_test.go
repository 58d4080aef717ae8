package parser

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestEngineURLs checks the canonical URLs and page numbers of the XenForo 1
// and MyBB URL forms.
func TestEngineURLs(t *testing.T) {
	cases := []struct {
		name, engine, in, want string
		page                   int
	}{
		{"XF1 page 1 of a thread is the thread", "xenforo1", "https://f.example/threads/x.10402/page-1", "https://f.example/threads/x.10402/", 1},
		{"XF1 later page keeps its number", "xenforo1", "https://f.example/threads/x.10402/page-54", "https://f.example/threads/x.10402/page-54", 54},
		{"XF1 board page", "xenforo1", "https://f.example/forums/quests.29/page-3", "https://f.example/forums/quests.29/page-3", 3},
		{"XF1 sort order and token dropped", "xenforo1", "https://f.example/forums/q.29/?order=reply_count&_xfToken=abc", "https://f.example/forums/q.29/", 1},
		{"XF1 session id dropped, fragment dropped", "xenforo1", "https://f.example/threads/x.1/?s=deadbeef#post-5", "https://f.example/threads/x.1/", 1},
		{"MyBB page=1 dropped", "mybb", "http://m.example/showthread.php?tid=2&page=1", "http://m.example/showthread.php?tid=2", 1},
		{"MyBB page=3 kept, query sorted", "mybb", "http://m.example/showthread.php?tid=2&page=3", "http://m.example/showthread.php?page=3&tid=2", 3},
		{"MyBB board sort variant is the board", "mybb", "http://m.example/forumdisplay.php?fid=2&datecut=9999&prefix=0&sortby=views&order=desc", "http://m.example/forumdisplay.php?fid=2", 1},
		{"MyBB SEO thread page 1", "mybb", "http://m.example/thread-2-page-1.html", "http://m.example/thread-2.html", 1},
		{"MyBB SEO thread page 2", "mybb", "http://m.example/thread-2-page-2.html", "http://m.example/thread-2-page-2.html", 2},
		{"MyBB SEO board page 1", "mybb", "http://m.example/forum-7-page-1.html", "http://m.example/forum-7.html", 1},
	}
	engines := map[string]*Engine{"xenforo1": XenForo1(), "mybb": MyBB()}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := engines[c.engine]
			u, err := url.Parse(c.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := CanonicalURL(u, e).String(); got != c.want {
				t.Errorf("canonical %s, want %s", got, c.want)
			}
			if page, _ := e.pageOfURL(u); page != c.page {
				t.Errorf("page %d, want %d", page, c.page)
			}
		})
	}
}

// xf1Page wraps body in the frame of an XF1 page whose links resolve against <base href>.
func xf1Page(content, body string) string {
	return `<html id="XenForo"><head><base href="https://f.example/community/"></head><body>` +
		`<div id="content" class="` + content + `">` + body + `</div></body></html>`
}

// TestXenForo1Markup checks what the fixture pages do not show: abbr times
// with data-time, board listings and node lists.
func TestXenForo1Markup(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	fetched := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	parse := func(t *testing.T, pageURL, html string) *Page {
		t.Helper()
		page, err := p.ParseAt(pageURL, []byte(html), fetched)
		if err != nil {
			t.Fatal(err)
		}
		if page.Engine != "xenforo1" {
			t.Fatalf("engine %q, evidence %v", page.Engine, page.Evidence)
		}
		return page
	}

	t.Run("abbr DateTime gives posted_at from data-time and date_raw as shown", func(t *testing.T) {
		page := parse(t, "https://f.example/community/threads/x.7/", xf1Page("thread_view", `<ol id="messageList" class="messageList">
<li id="post-70" class="message" data-author="Jo Guest">
 <div class="messageUserInfo"><h3 class="userText"><span class="username">Jo Guest</span></h3></div>
 <div class="messageInfo"><div class="messageContent"><article><blockquote class="messageText baseHtml">Hello <img class="mceSmilie" alt="😀" src="x.png"></blockquote></article></div>
 <div class="messageMeta"><div class="privateControls"><a href="posts/70/" class="datePermalink"><abbr class="DateTime" data-time="1414707540" data-datestring="Oct 30, 2014" data-timestring="10:19 PM">Yesterday at 10:19 PM</abbr></a></div>
 <div class="publicControls"><a href="posts/70/" class="postNumber">#3</a></div></div></div>
</li></ol>`))
		if len(page.Posts) != 1 {
			t.Fatalf("%d posts", len(page.Posts))
		}
		got := page.Posts[0]
		if got.PostedAt == nil || got.PostedAt.Unix() != 1414707540 || got.DateRaw != "Yesterday at 10:19 PM" {
			t.Errorf("posted_at %v, date_raw %q", got.PostedAt, got.DateRaw)
		}
		if got.URL != "https://f.example/community/posts/70/" || got.Position != 3 {
			t.Errorf("permalink %s (against <base href>), position %d", got.URL, got.Position)
		}
		if got.Author.Name != "Jo Guest" || got.Author.ID != "" || got.BodyText != "Hello 😀" {
			t.Errorf("guest author %+v, text %q", got.Author, got.BodyText)
		}
	})

	t.Run("thread list gives ids, sticky, counts, pages and last post time", func(t *testing.T) {
		page := parse(t, "https://f.example/community/forums/quests.29/", xf1Page("forum_view", `<ol class="discussionListItems">
<li id="thread-10402" class="discussionListItem visible sticky" data-author="Higure">
 <div class="listBlock main"><div class="titleText"><div class="iconKey"><span class="sticky" title="Sticky">Sticky</span></div>
 <h3 class="title"><a href="forums/quests.29/?prefix_id=3" class="prefixLink"><span class="prefix">Quest</span></a> <a href="threads/renascence.10402/" class="PreviewTooltip">Renascence</a></h3>
 <div class="secondRow"><div class="posterDate muted"><a href="members/higure.4178/" class="username">Higure</a>
 <span class="itemPageNav"><a href="threads/renascence.10402/page-2">2</a> <a href="threads/renascence.10402/page-347">347</a></span></div></div></div></div>
 <div class="listBlock stats pairsJustified"><dl class="major"><dt>Replies:</dt> <dd>8,671</dd></dl><dl class="minor"><dt>Views:</dt> <dd>1M</dd></dl></div>
 <div class="listBlock lastPost"><dl class="lastPostInfo"><dd class="muted"><a href="posts/1/" class="dateTime"><abbr class="DateTime" data-time="1414707540">Oct 30, 2014 at 10:19 PM</abbr></a></dd></dl></div>
</li></ol>`))
		if page.Kind != KindBoard || page.Board == nil || len(page.Board.Threads) != 1 {
			t.Fatalf("kind %s, board %+v", page.Kind, page.Board)
		}
		th := page.Board.Threads[0]
		if th.ID != "10402" || th.Title != "Renascence" || th.URL != "https://f.example/community/threads/renascence.10402/" ||
			!th.Sticky || th.Author != "Higure" || th.LastPage != 347 || th.Replies == nil || *th.Replies != 8671 ||
			th.LastPostAt == nil || th.LastPostAt.Unix() != 1414707540 {
			t.Errorf("thread %+v", th)
		}
	})

	t.Run("node list gives forums and categories, not link forums", func(t *testing.T) {
		page := parse(t, "https://f.example/community/", xf1Page("forum_list", `<ol id="forums" class="nodeList">
<li class="node category level_1"><div class="nodeInfo categoryNodeInfo"><div class="categoryText"><h3 class="nodeTitle"><a href="categories/creative.1/">Creative</a></h3></div></div>
 <ol class="nodeList"><li class="node forum level_2"><div class="nodeInfo forumNodeInfo"><div class="nodeText"><h3 class="nodeTitle"><a href="forums/quests.29/">Quests</a></h3></div></div></li>
 <li class="node link level_2"><div class="nodeInfo linkNodeInfo"><div class="nodeText"><h3 class="nodeTitle"><a href="https://elsewhere.example/">Elsewhere</a></h3></div></div></li></ol></li></ol>`))
		var titles []string
		for _, b := range page.Boards {
			titles = append(titles, b.ID+" "+b.Title)
		}
		if page.Kind != KindIndex || strings.Join(titles, ", ") != "1 Creative, 29 Quests" {
			t.Errorf("kind %s, boards %v", page.Kind, titles)
		}
	})
}
