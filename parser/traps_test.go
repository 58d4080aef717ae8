package parser

import (
	"net/url"
	"testing"
)

// TestNeverContentLinks checks each engine's list of links that never lead
// to content: the traps are dropped, its boards, threads and their pages kept.
func TestNeverContentLinks(t *testing.T) {
	cases := []struct {
		engine  string
		traps   []string
		content []string
	}{
		{"xenforo2",
			[]string{"/community/login/", "/community/register/", "/community/search/?q=x", "/community/members/bob.12/", "/community/members/",
				"/community/threads/hello.5/reply", "/community/threads/hello.5/unread", "/community/threads/hello.5/latest",
				"/community/posts/123/quote", "/community/posts/123/report", "/community/forums/news.2/post-thread", "/community/whats-new/posts/",
				"/community/goto/post?id=5", "/community/forums/news.2/mark-read"},
			[]string{"/community/", "/community/forums/news.2/", "/community/forums/news.2/page-3", "/community/threads/hello.5/",
				"/community/threads/hello.5/page-2", "/community/threads/search-tips.9/", "/community/forums/members-lounge.7/"}},
		{"xenforo1",
			[]string{"/index.php?login/", "/index.php?members/bob.12/", "/index.php?search/5/", "/index.php?threads/x.1/reply",
				"/index.php?find-new/posts", "/index.php?threads/x.1/unread", "/index.php?posts/5/quote"},
			[]string{"/index.php?forums/news.2/", "/index.php?threads/x.1/page-2", "/index.php?threads/help-me.3/", "/forums/help.5/"}},
		{"phpbb",
			[]string{"/posting.php?mode=reply&t=5", "/ucp.php?mode=login", "/memberlist.php", "/memberlist.php?mode=viewprofile&u=2",
				"/search.php?search_id=newposts", "/viewtopic.php?t=5&view=next", "/viewtopic.php?t=5&view=print", "/viewtopic.php?p=12",
				"/viewtopic.php?e=1&t=5", "/report.php?p=5", "/viewonline.php", "/faq.php"},
			[]string{"/index.php", "/viewforum.php?f=2", "/viewforum.php?f=2&start=25", "/viewtopic.php?t=5", "/viewtopic.php?start=20&t=5"}},
		{"vbulletin",
			[]string{"/newreply.php?do=newreply&p=5", "/member.php?u=3", "/memberlist.php", "/search.php?do=getnew", "/printthread.php?t=5",
				"/showpost.php?p=5", "/showthread.php?t=5&goto=newpost", "/showthread.php?t=5&goto=nextnewest", "/showthread.php?p=5",
				"/archive/index.php/t-5.html", "/calendar.php", "/showthread.php?t=5&mode=threaded", "/login.php?do=lostpw"},
			[]string{"/forum.php", "/forumdisplay.php?2-News", "/forumdisplay.php?2-News/page2", "/showthread.php?5-Hello", "/showthread.php?5-Hello/page3",
				"/showthread.php?t=5&page=2"}},
		{"smf",
			[]string{"/index.php?action=post&topic=5.0", "/index.php?action=profile&u=3", "/index.php?action=search", "/index.php?action=printpage&topic=5.0",
				"/index.php?action=mlist", "/index.php?prev_next=next&topic=5.0", "/index.php?topic=5.0&topicseen", "/index.php?msg=12",
				"/index.php?all&topic=5.0", "/index.php?action=unread", "/index.php?action=login"},
			[]string{"/index.php", "/index.php?board=2.0", "/index.php?board=2.20", "/index.php?topic=5.0", "/index.php?topic=5.40"}},
		{"mybb",
			[]string{"/newreply.php?tid=5", "/member.php?action=profile&uid=3", "/memberlist.php", "/search.php", "/printthread.php?tid=5",
				"/showthread.php?action=newpost&tid=5", "/showthread.php?action=lastpost&tid=5", "/showthread.php?action=nextnewest&tid=5",
				"/showthread.php?pid=12", "/archive/index.php?thread-5.html", "/private.php", "/showthread.php?mode=threaded&tid=5"},
			[]string{"/index.php", "/forumdisplay.php?fid=2", "/forumdisplay.php?fid=2&page=2", "/showthread.php?tid=5", "/showthread.php?page=2&tid=5"}},
		{"invision",
			[]string{"/login/", "/register/", "/search/?q=x", "/profile/3-bob/", "/topic/5-hello/?do=getNewComment", "/topic/5-hello/?do=findComment&comment=9",
				"/topic/5-hello/?do=reply", "/forum/2-news/?filter=solved", "/discover/", "/online/"},
			[]string{"/", "/forum/2-news/", "/forum/2-news/page/2/", "/topic/5-hello/", "/topic/5-hello/page/3/"}},
		{"vanilla",
			[]string{"/entry/signin", "/entry/register", "/profile/bob", "/search?Search=x", "/messages/inbox", "/discussion/comment/55",
				"/post/discussion/news", "/discussions/bookmarked", "/categories/news?sort=hot"},
			[]string{"/", "/categories/news", "/categories/news/p2", "/discussion/5/hello", "/discussion/5/hello/p2"}},
		{"discourse",
			[]string{"/u/bob", "/u/bob.json", "/users/bob/summary", "/badges", "/my/messages", "/search?q=x", "/session/csrf", "/raw/5/1",
				"/t/hello/5/print", "/login", "/groups/staff"},
			[]string{"/categories.json", "/c/news/2.json", "/c/news/2/l/latest.json?page=1", "/t/hello/5.json", "/t/5/posts.json?post_ids[]=9",
				"/latest.json", "/t/user-groups/6.json"}},
	}
	engines := map[string]*Engine{}
	for _, e := range BuiltinEngines() {
		engines[e.Name] = e
	}
	for _, tc := range cases {
		t.Run(tc.engine, func(t *testing.T) {
			e := engines[tc.engine]
			if e == nil {
				t.Fatalf("no engine %s", tc.engine)
			}
			check := func(path string, want bool) {
				u, _ := url.Parse("https://forum.example" + path)
				c := CanonicalURL(u, e).String()
				if got := e.NeverContentURL(c); got != want {
					t.Errorf("%s (canonical %s): never content %v, want %v", path, c, got, want)
				}
			}
			for _, p := range tc.traps {
				check(p, true)
			}
			for _, p := range tc.content {
				check(p, false)
			}
		})
	}
}
