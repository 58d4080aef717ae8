package parser

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

// parsePhpBB parses page as the built-in parser would, at the fixture time.
func parsePhpBB(t *testing.T, pageURL, page string) *Page {
	t.Helper()
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	out, err := p.ParseAt(pageURL, []byte(page), fixtureTime)
	if err != nil {
		t.Fatal(err)
	}
	if out.Engine != "phpbb" {
		t.Fatalf("engine %q (evidence %v, warnings %v), want phpbb", out.Engine, out.Evidence, out.Warnings)
	}
	return out
}

func TestPhpBBCanonicalURL(t *testing.T) {
	e := PhpBB()
	for _, c := range []struct{ name, in, want string }{
		{"topic keeps t and drops the forum id and session id",
			"https://f.example/viewtopic.php?f=3&t=9&sid=0123abcd", "https://f.example/viewtopic.php?t=9"},
		{"first page offset is the topic itself",
			"https://f.example/viewtopic.php?f=3&t=9&start=0", "https://f.example/viewtopic.php?t=9"},
		{"later page keeps its offset",
			"https://f.example/viewtopic.php?f=3&t=9&start=50&sid=x", "https://f.example/viewtopic.php?start=50&t=9"},
		{"search highlight and sort options are dropped",
			"https://f.example/viewtopic.php?t=9&hilit=boeing&sk=t&sd=d&st=0", "https://f.example/viewtopic.php?t=9"},
		{"forum keeps f",
			"https://f.example/viewforum.php?f=3&sid=abc&start=25", "https://f.example/viewforum.php?f=3&start=25"},
		{"post jump keeps p",
			"https://f.example/viewtopic.php?p=11&sid=abc#p11", "https://f.example/viewtopic.php?p=11"},
		{"SEO topic page 1",
			"https://f.example/recherche-contacts-t2129.html", "https://f.example/recherche-contacts-t2129.html"},
		{"SEO topic later page keeps its offset",
			"https://f.example/recherche-contacts-t2129-20.html", "https://f.example/recherche-contacts-t2129-20.html"},
	} {
		t.Run(c.name, func(t *testing.T) {
			u, _ := url.Parse(c.in)
			if got := CanonicalURL(u, e).String(); got != c.want {
				t.Errorf("CanonicalURL(%s) = %s, want %s", c.in, got, c.want)
			}
		})
	}
}

func TestPhpBBPagePath(t *testing.T) {
	e := PhpBB()
	for _, c := range []struct {
		path, first string
		page        int
	}{
		{"/recherche-contacts-t2129-20.html", "/recherche-contacts-t2129.html", 20},
		{"/recherche-contacts-t2129.html", "/recherche-contacts-t2129.html", 1},
		{"/anomalies-dans-gene-ddx3x-f308.html", "/anomalies-dans-gene-ddx3x-f308.html", 1},
		{"/post11011.html", "/post11011.html", 1},
		{"/forum/viewtopic.php", "/forum/viewtopic.php", 1},
	} {
		page, first := e.pageOf(c.path)
		if page != c.page || first != c.first {
			t.Errorf("pageOf(%s) = %d, %s; want %d, %s", c.path, page, first, c.page, c.first)
		}
	}
}

func TestPhpBBFixtures(t *testing.T) {
	needFixtures(t)
	for _, c := range []struct {
		name, file, url string
		post            int
		rank, user      string
		threadURL       string
		page, last      int
	}{
		{"3.1+ rank text beside its image", "phpbb/videolan_viewtopic-t92075.html",
			"https://forum.videolan.org/viewtopic.php?f=14&t=92075", 0, "New Cone", "alboy",
			"https://forum.videolan.org/viewtopic.php?t=92075", 1, 1},
		{"custom theme rank label", "phpbb/airliners-net_viewtopic-t1437935.html",
			"https://www.airliners.net/forum/viewtopic.php?f=3&t=1437935", 0, "Moderator", "qf789",
			"https://www.airliners.net/forum/viewtopic.php?t=1437935", 1, 24},
		{"3.0 rank in the first dd, page 2 by start offset", "phpbb/ilovephilosophy_biological-will.html",
			"https://ilovephilosophy.com/viewtopic.php?f=1&t=194998&start=25&sid=abc", 0, "ILP Legend", "Jakob",
			"https://ilovephilosophy.com/viewtopic.php?t=194998", 2, 10},
		{"SEO-URL page 3 by path offset", "phpbb/maladiesraresinfo_post11011_french.html",
			"https://forums.maladiesraresinfo.org/recherche-contacts-t2129-20.html", 0, "", "Nanette63",
			"https://forums.maladiesraresinfo.org/recherche-contacts-t2129.html", 3, 3},
	} {
		t.Run(c.name, func(t *testing.T) {
			page := parsePhpBB(t, c.url, string(readFixture(t, c.file)))
			p := page.Posts[c.post]
			if got := p.Author.Title; got != c.rank {
				t.Errorf("rank %q, want %q", got, c.rank)
			}
			if p.Author.Name != c.user {
				t.Errorf("author %q, want %q", p.Author.Name, c.user)
			}
			th := page.Thread
			if th.URL != c.threadURL || th.Page != c.page || th.LastPage != c.last {
				t.Errorf("thread %s page %d of %d, want %s page %d of %d", th.URL, th.Page, th.LastPage, c.threadURL, c.page, c.last)
			}
		})
	}
}

// phpBB33Thread is a phpBB 3.3 prosilver topic page cut down to what the rules read.
const phpBB33Thread = `<!DOCTYPE html><html dir="ltr" lang="en-gb"><head><meta charset="utf-8" /><title>Welcome - Board</title>
<link href="./styles/prosilver/theme/stylesheet.css?assets_version=3" rel="stylesheet"></head>
<body id="phpbb" class="nojs notouch section-viewtopic ltr"><div id="page-body">
<h2 class="topic-title"><a href="./viewtopic.php?t=77&amp;sid=abc">Welcome to phpBB3</a></h2>
<div class="action-bar bar-top"><div class="pagination">12 posts &bull; <ul><li class="active"><span>1</span></li>
<li><a class="button" href="./viewtopic.php?t=77&amp;sid=abc&amp;start=10">2</a></li>
<li class="arrow next"><a class="button" href="./viewtopic.php?t=77&amp;sid=abc&amp;start=10" rel="next"><span class="sr-only">Next</span></a></li></ul></div></div>
<div id="p5" class="post has-profile bg2"><div class="inner">
<dl class="postprofile" id="profile5"><dt class="has-profile-rank has-avatar">
<div class="avatar-container"><a href="./memberlist.php?mode=viewprofile&amp;u=2&amp;sid=abc" class="avatar"><img class="avatar" src="./download/file.php?avatar=2_1.png" alt="User avatar" /></a></div>
<a href="./memberlist.php?mode=viewprofile&amp;u=2&amp;sid=abc" style="color: #AA0000;" class="username-coloured">admin</a></dt>
<dd class="profile-rank"><img src="./images/ranks/admin.png" alt="Site Admin" title="Site Admin" /></dd>
<dd class="profile-posts"><strong>Posts:</strong> <a href="./search.php?author_id=2&amp;sr=posts">1,234</a></dd>
<dd class="profile-joined"><strong>Joined:</strong> Mon Jan 01, 2018 10:00 am</dd>
<dd class="profile-custom-field profile-phpbb_location"><strong>Location:</strong> Berlin</dd>
<dd class="profile-contact"><strong>Contact:</strong> <div class="dropdown-container"><a href="#" class="dropdown-trigger">Contact admin</a></div></dd>
</dl>
<div class="postbody"><div id="post_content5">
<h3 class="first"><a href="./viewtopic.php?p=5&amp;sid=abc#p5">Welcome to phpBB3</a></h3>
<p class="author"><a class="unread" href="./viewtopic.php?p=5&amp;sid=abc#p5" title="Post"><span class="sr-only">Post</span></a><span class="responsive-hide">by <strong><a href="./memberlist.php?mode=viewprofile&amp;u=2&amp;sid=abc" class="username-coloured">admin</a></strong> &raquo; </span><time datetime="2019-12-31T14:22:05+00:00">Tue Dec 31, 2019 2:22 pm</time></p>
<div class="content"><blockquote><div><cite><a href="./memberlist.php?mode=viewprofile&amp;u=3">bob</a> wrote: <a href="./viewtopic.php?p=3#p3" data-post-id="3" data-user-id="3">↑</a><span class="responsive-hide">Mon Dec 30, 2019 1:00 pm</span></cite>Is it out?</div></blockquote>Yes it is. <img class="smilies" src="./images/smilies/icon_e_smile.gif" alt=":)" title="Smile"><br>
<div class="codebox"><p>Code: <a href="#" onclick="selectCode(this); return false;">Select all</a></p><pre><code>make all</code></pre></div></div>
<dl class="attachbox"><dt>Attachments</dt><dd><dl class="file"><dt><a class="postlink" href="./download/file.php?id=10">notes.zip</a></dt><dd>(1.2 KiB) Downloaded 3 times</dd></dl></dd></dl>
<div id="sig5" class="signature">-- the admin</div>
</div></div></div></div>
<div id="p6" class="post has-profile bg1"><div class="inner">
<dl class="postprofile" id="profile6"><dt class="no-profile-rank no-avatar"><span class="username">Visitor</span></dt></dl>
<div class="postbody"><div id="post_content6">
<p class="author"><span class="responsive-hide">by <strong><span class="username">Visitor</span></strong> &raquo; </span><time datetime="2020-01-02T08:00:00+00:00">Thu Jan 02, 2020 8:00 am</time></p>
<div class="content">Guest words.</div></div></div></div></div>
</div></body></html>`

func TestPhpBB33Thread(t *testing.T) {
	page := parsePhpBB(t, "https://f.example/forum/viewtopic.php?t=77&sid=abc", phpBB33Thread)
	if page.Kind != KindThread || len(page.Posts) != 2 {
		t.Fatalf("kind %s with %d posts, want a thread of 2", page.Kind, len(page.Posts))
	}
	th := page.Thread
	if th.ID != "77" || th.Title != "Welcome to phpBB3" || th.LastPage != 2 {
		t.Errorf("thread %+v", th)
	}
	p := page.Posts[0]
	check := func(what, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s %q, want %q", what, got, want)
		}
	}
	check("post id", p.ID, "5")
	check("permalink", p.URL, "https://f.example/forum/viewtopic.php?p=5#p5")
	check("date_raw", p.DateRaw, "Tue Dec 31, 2019 2:22 pm")
	if want := time.Date(2019, 12, 31, 14, 22, 5, 0, time.UTC); p.PostedAt == nil || !p.PostedAt.Equal(want) {
		t.Errorf("posted_at %v, want the <time datetime> %v", p.PostedAt, want)
	}
	check("body", p.BodyText, "Yes it is.\nmake all")
	check("signature", p.Signature, "-- the admin")
	check("rank from the rank image's title", p.Author.Title, "Site Admin")
	if len(p.Quotes) != 1 || p.Quotes[0].Author != "bob" || p.Quotes[0].PostID != "3" || p.Quotes[0].Text != "Is it out?" {
		t.Errorf("quotes %+v, want bob's post 3 without its attribution", p.Quotes)
	}
	if len(p.Attachments) != 1 || p.Attachments[0].Name != "notes.zip" || !strings.HasSuffix(p.Attachments[0].URL, "file.php?id=10") {
		t.Errorf("attachments %+v", p.Attachments)
	}
	a := p.Author
	check("author", a.Name, "admin")
	check("author id", a.ID, "2")
	check("avatar", a.AvatarURL, "https://f.example/forum/download/file.php?avatar=2_1.png")
	if a.Messages == nil || *a.Messages != 1234 || a.Location != "Berlin" || len(a.Fields) != 3 {
		t.Errorf("profile %+v (the contact menu is no pair)", a.Fields)
	}
	g := page.Posts[1].Author
	if g.Name != "Visitor" || g.ID != "" || g.URL != "" {
		t.Errorf("guest author %+v", g)
	}
	var links []string
	for _, l := range page.Links {
		links = append(links, l.URL)
	}
	if strings.Join(links, " ") != "https://f.example/forum/viewtopic.php?start=10&t=77" {
		t.Errorf("links %v, want page 2 once without sid", links)
	}
}

// subsilver2Thread is one post of a subsilver2 topic page.
const subsilver2Thread = `<html><head><title>Board - Old times</title>
<link href="./styles/subsilver2/theme/stylesheet.css" rel="stylesheet" type="text/css" /></head><body class="ltr">
<div id="wrapcentre"><div id="pageheader"><h2><a class="titles" href="./viewtopic.php?f=2&amp;t=8">Old times</a></h2></div>
<table class="tablebg" width="100%" cellspacing="1"><tr><td class="row1"><p class="breadcrumbs"><a href="./index.php">Board index</a> &#187; <a href="./viewforum.php?f=2">General</a></p></td></tr></table>
<table class="tablebg" width="100%" cellspacing="1"><tr><th>Author</th><th>Message</th></tr>
<tr class="row1"><td align="center" valign="middle"><a name="p12"></a><b class="postauthor">carol</b></td>
<td width="100%" height="25"><table width="100%" cellspacing="0"><tr><td class="gensmall" width="100%">
<div style="float: left;">&nbsp;<b>Post subject:</b> <a href="#p12">Old times</a></div>
<div style="float: right;"><a href="./viewtopic.php?p=12#p12"><img src="./styles/subsilver2/imageset/icon_post_target.gif" alt="Post" title="Post" /></a><b>Posted:</b> Sun May 26, 2019 4:34 pm&nbsp;</div></td></tr></table></td></tr>
<tr class="row1"><td valign="top" class="profile"><table cellspacing="4" align="center" width="150"><tr><td class="postdetails">Veteran</td></tr></table>
<span class="postdetails"><br /><b>Joined:</b> Sun Sep 03, 2006 9:23 pm<br /><b>Posts:</b> 62</span></td>
<td valign="top"><table width="100%" cellspacing="5"><tr><td><div class="postbody">Hello from the old style.</div></td></tr></table></td></tr>
<tr class="row1"><td class="profile"><a href="#wrapheader">Top</a></td><td><div class="gensmall" style="float: left;"><a href="./memberlist.php?mode=viewprofile&amp;u=7"><img src="./styles/subsilver2/imageset/en/icon_user_profile.gif" alt="Profile" /></a></div></td></tr>
</table></div></body></html>`

func TestPhpBBSubsilver2Thread(t *testing.T) {
	page := parsePhpBB(t, "https://f.example/viewtopic.php?f=2&t=8", subsilver2Thread)
	if page.Kind != KindThread || len(page.Posts) != 1 {
		t.Fatalf("kind %s with %d posts, want a thread of 1", page.Kind, len(page.Posts))
	}
	p := page.Posts[0]
	got := []string{p.ID, p.URL, p.DateRaw, p.BodyText, p.Author.Name, p.Author.ID, p.Author.Title, page.Thread.ID, page.Thread.Title}
	want := []string{"12", "https://f.example/viewtopic.php?p=12#p12", "Sun May 26, 2019 4:34 pm", "Hello from the old style.",
		"carol", "7", "Veteran", "8", "Old times"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("field %d: %q, want %q", i, got[i], want[i])
		}
	}
	if len(page.Thread.Breadcrumb) != 2 {
		t.Errorf("breadcrumb %+v", page.Thread.Breadcrumb)
	}
}

// phpBB33Forum is a phpBB 3.3 forum page: a sub-forum, a global announcement, a sticky and a long topic.
const phpBB33Forum = `<!DOCTYPE html><html><head><title>Your first forum</title>
<link href="./styles/prosilver/theme/stylesheet.css" rel="stylesheet"></head>
<body id="phpbb" class="section-viewforum ltr"><div id="page-body">
<h2 class="forum-title"><a href="./viewforum.php?f=2&amp;sid=abc">Your first forum</a></h2>
<div class="forabg"><ul class="topiclist forums"><li class="row"><dl class="row-item forum_read"><dt><div class="list-inner">
<a href="./viewforum.php?f=5&amp;sid=abc" class="forumtitle">Subforum</a></div></dt></dl></li></ul></div>
<div class="action-bar bar-top"><div class="pagination">60 topics &bull; <ul><li class="active"><span>1</span></li>
<li><a class="button" href="./viewforum.php?f=2&amp;sid=abc&amp;start=25">2</a></li><li><a class="button" href="./viewforum.php?f=2&amp;sid=abc&amp;start=50">3</a></li>
<li class="arrow next"><a class="button" href="./viewforum.php?f=2&amp;sid=abc&amp;start=25" rel="next">Next</a></li></ul></div></div>
<div class="forumbg announcement"><ul class="topiclist topics">
<li class="row bg1 global-announce"><dl class="row-item global_read"><dt><div class="list-inner"><a href="./viewtopic.php?t=3&amp;sid=abc" class="topictitle">Rules</a>
<div class="topic-poster responsive-hide">by <a href="./memberlist.php?mode=viewprofile&amp;u=2" class="username-coloured">admin</a> &raquo; <time datetime="2018-01-01T10:00:00+00:00">Mon Jan 01, 2018 10:00 am</time></div></div></dt>
<dd class="posts">0 <dfn>Replies</dfn></dd><dd class="views">1,024 <dfn>Views</dfn></dd>
<dd class="lastpost"><span><dfn>Last post </dfn>by <a href="./memberlist.php?mode=viewprofile&amp;u=2" class="username-coloured">admin</a><br /><time datetime="2018-01-01T10:00:00+00:00">Mon Jan 01, 2018 10:00 am</time></span></dd></dl></li></ul></div>
<div class="forumbg"><ul class="topiclist topics">
<li class="row bg2 sticky"><dl class="row-item sticky_read"><dt><div class="list-inner"><a href="./viewtopic.php?f=2&amp;t=9&amp;sid=abc" class="topictitle">Pinned</a>
<div class="topic-poster responsive-hide">by <a href="./memberlist.php?mode=viewprofile&amp;u=3" class="username">bob</a></div></div></dt>
<dd class="posts">5 <dfn>Replies</dfn></dd><dd class="views">80 <dfn>Views</dfn></dd></dl></li>
<li class="row bg1"><dl class="row-item topic_read"><dt><div class="list-inner"><a href="./viewtopic.php?f=2&amp;t=12&amp;sid=abc" class="topictitle">Long one</a>
<div class="pagination"><ul><li><a class="button" href="./viewtopic.php?f=2&amp;t=12&amp;start=10">2</a></li><li><a class="button" href="./viewtopic.php?f=2&amp;t=12&amp;start=20">3</a></li></ul></div>
<div class="topic-poster responsive-hide">by <a href="./memberlist.php?mode=viewprofile&amp;u=4" class="username">carol</a></div></div></dt>
<dd class="posts">25 <dfn>Replies</dfn></dd><dd class="views">3,000 <dfn>Views</dfn></dd></dl></li></ul></div>
</div></body></html>`

func TestPhpBBForumPage(t *testing.T) {
	page := parsePhpBB(t, "https://f.example/viewforum.php?f=2&sid=abc", phpBB33Forum)
	if page.Kind != KindBoard {
		t.Fatalf("kind %s, want board", page.Kind)
	}
	b := page.Board
	if b.ID != "2" || b.URL != "https://f.example/viewforum.php?f=2" || b.LastPage != 3 || b.NextURL != "https://f.example/viewforum.php?f=2&start=25" {
		t.Errorf("board %s id %s last page %d next %s", b.URL, b.ID, b.LastPage, b.NextURL)
	}
	type row struct {
		id, url, author  string
		replies, views   int64
		sticky           bool
		lastPage         int
		lastPostRecorded bool
	}
	want := []row{
		{"3", "https://f.example/viewtopic.php?t=3", "admin", 0, 1024, true, 0, true},
		{"9", "https://f.example/viewtopic.php?t=9", "bob", 5, 80, true, 0, false},
		{"12", "https://f.example/viewtopic.php?t=12", "carol", 25, 3000, false, 3, false},
	}
	if len(b.Threads) != len(want) {
		t.Fatalf("%d threads, want %d", len(b.Threads), len(want))
	}
	for i, w := range want {
		th := b.Threads[i]
		got := row{th.ID, th.URL, th.Author, *th.Replies, *th.Views, th.Sticky, th.LastPage, th.LastPostAt != nil}
		if got != w {
			t.Errorf("thread %d: %+v, want %+v", i, got, w)
		}
	}
	if len(page.Boards) != 1 || page.Boards[0].URL != "https://f.example/viewforum.php?f=5" {
		t.Errorf("sub-forums %+v", page.Boards)
	}
}

func TestPhpBBDetection(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	page, err := p.Parse("https://f.example/", []byte(`<html><body><a href="viewtopic.php?t=1">a topic</a></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	if page.Engine != "" {
		t.Errorf("a lone viewtopic.php link claimed by %s (%v)", page.Engine, page.Evidence)
	}
}

func TestPhpBBEditNotice(t *testing.T) {
	cases := []struct {
		name, notice string
		want         time.Time
	}{
		{"English note with a reason below", `Last edited by <a href="./memberlist.php?mode=viewprofile&amp;u=2">admin</a> on Sun May 26, 2019 5:35 pm, edited 2 times in total.<br><strong>Reason:</strong> typo, sorry`,
			time.Date(2019, 5, 26, 17, 35, 0, 0, time.UTC)},
		{"German note in a numeric format", `Zuletzt geändert von admin am 26.05.2019, 17:35, insgesamt 1-mal geändert.`,
			time.Date(2019, 5, 26, 17, 35, 0, 0, time.UTC)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			body := strings.Replace(phpBB33Thread, `<div id="sig5"`, `<div class="notice">`+c.notice+`</div><div id="sig5"`, 1)
			p := parsePhpBB(t, "https://f.example/forum/viewtopic.php?t=77", body).Posts[0]
			if p.EditedAt == nil || !p.EditedAt.Equal(c.want) {
				t.Errorf("edited_at %v, want %v", p.EditedAt, c.want)
			}
		})
	}
}
