package parser

import (
	"strings"
	"testing"
)

// parseForEngine parses a page with only the given engine among the candidates
// (detection still has to claim it).
func parseForEngine(t *testing.T, e *Engine, pageURL, body string) *Page {
	t.Helper()
	p, err := New(Options{Engines: []*Engine{e}})
	if err != nil {
		t.Fatal(err)
	}
	page, err := p.ParseAt(pageURL, []byte(body), fixtureTime)
	if err != nil {
		t.Fatal(err)
	}
	return page
}

// ipsPage wraps post articles in the frame of an Invision Community 4 topic page.
func ipsPage(articles string) string {
	return `<html><body class="ipsApp ipsApp_front" data-pageApp="forums" data-pageController="topic">
<nav class="ipsBreadcrumb ipsBreadcrumb_top"><ul><li><a href="https://f.example/">Home</a></li></ul></nav>
<h1 class="ipsType_pageTitle"><span>A topic</span></h1>` + articles + `</body></html>`
}

func TestInvisionDetectsItsPages(t *testing.T) {
	cases := []struct {
		name, file, kind string
	}{
		{"IPS4 topic page is a thread", "invision/utorrent_ips4_topic86747.html", "thread"},
		{"IPS4 topic page with an advertising article is a thread", "invision/neowin_ips4_hello-everyone.html", "thread"},
		{"IP.Board 2 index in a Wayback copy is an index", "invision/undeadlords_ipb2_forum-index_wayback.html", "index"},
		{"IP.Board 2 showforum page in a Wayback copy is a board", "invision/undeadlords_ipb2_showforum-general-chat_wayback.html", "board"},
	}
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			needFixtures(t)
			page, err := p.ParseAt("https://f.example/", readFixture(t, c.file), fixtureTime)
			if err != nil {
				t.Fatal(err)
			}
			if page.Engine != "invision" || string(page.Kind) != c.kind {
				t.Errorf("engine %q kind %s (evidence %v), want invision %s", page.Engine, page.Kind, page.Evidence, c.kind)
			}
		})
	}
}

func TestInvisionURLs(t *testing.T) {
	e := Invision()
	cases := []urlCase{
		{"a topic's page 2 keeps its page", "https://f.example/topic/86747-slug/page/2/", "https://f.example/topic/86747-slug/page/2/", 2},
		{"page 1 is the topic itself", "https://f.example/topic/86747-slug/page/1/", "https://f.example/topic/86747-slug/", 1},
		{"a forum's page without trailing slash", "https://f.example/forum/12-news/page/3", "https://f.example/forum/12-news/page/3", 3},
		{"csrf key and sort order are dropped", "https://f.example/forum/12-news/?csrfKey=abc&sortby=title&sortdirection=asc", "https://f.example/forum/12-news/", 1},
		{"a comment permalink keeps its query", "https://f.example/topic/1-x/?do=findComment&comment=5", "https://f.example/topic/1-x/?comment=5&do=findComment", 1},
		{"an IP.Board 2 session id is dropped", "http://f.example/index.php?showtopic=13&s=0123abcd&st=25", "http://f.example/index.php?showtopic=13&st=25", 1},
	}
	checkURLCases(t, e, cases)
}

func TestInvisionPostMarkup(t *testing.T) {
	post := `<a id="comment-7"></a><article id="elComment_7" class="cPost ipsBox ipsComment">
<aside class="ipsComment_author cAuthorPane">
 <h3 class="cAuthorPane_author"><strong><button class="ipsButton">OP</button> <span style="color:#">Jo Smith</span></strong>
  <span class="ipsResponsive_showPhone"><span title="Member's total reputation" class="ipsRepBadge"><i></i> 1,024</span></span></h3>
 <ul class="cAuthorPane_info ipsList_reset">
  <li class="ipsType_break">Veteran</li>
  <li><span class="ipsPip"></span></li>
  <li class="cAuthorPane_photo"><a href="/profile/5-jo/"><img src="/photo.png"></a></li>
  <li><span style="color:green">Moderators</span></li>
  <li><span title="Member's total reputation" class="ipsRepBadge"><i></i> 1,024</span></li>
  <li class="ipsType_light">1 post</li>
  <li class="ipsResponsive_hidePhone ipsType_break"><span class="ft">Location</span><span class="fc">Oslo</span></li>
  <li class="ipsResponsive_hidePhone ipsType_break">Age: 42</li>
 </ul>
</aside>
<div data-commentID="7" data-quoteData='{"userid":5,"username":"Jo Smith","contentid":99}' class="ipsComment_content">
 <div class="ipsComment_meta"><a href="/topic/99-a/?do=findComment&amp;comment=7">Posted <time datetime="2020-04-01T19:10:50Z">April 1</time></a></div>
 <div class="cPost_contentWrap"><div data-role="commentContent">
  <blockquote class="ipsQuote" data-ipsquote-username="Ann" data-ipsquote-contentcommentid="6"><div class="ipsQuote_citation">1 hour ago, Ann said:</div><div class="ipsQuote_contents"><p>Hi all</p></div></blockquote>
  <p>Hello <img src="/emoticons/smile.png" alt=":)"> there</p>
  <span data-excludequote><strong>Edited <time datetime="2020-04-02T10:00:00Z">April 2</time> by Jo Smith</strong></span>
 </div></div>
 <ul class="ipsReact_reactions"><li class="ipsReact_reactCount"><span title="Like"><img src="/like.png" alt="Like"><span>1</span></span></li></ul>
</div></article>`
	ad := `<article class="cPost ipsBox ipsComment"><aside class="cAuthorPane"><h3 class="cAuthorPane_author"><strong>Advertising</strong></h3></aside><div data-ns="billboard"></div></article>`
	page := parseForEngine(t, Invision(), "https://f.example/topic/99-a/", ipsPage(post+ad))
	if page.Kind != KindThread || len(page.Posts) != 1 {
		t.Fatalf("kind %s, %d posts: want a thread of 1 post (an article without comment id is no post)", page.Kind, len(page.Posts))
	}
	p := page.Posts[0]
	a := p.Author
	checks := []struct{ name, got, want string }{
		{"post id from elComment_N", p.ID, "7"},
		{"thread id from the quote data", page.Thread.ID, "99"},
		{"a button in the name pane is not part of the name", a.Name, "Jo Smith"},
		{"author id from the quote data", a.ID, "5"},
		{"author URL from the photo is not taken", a.URL, ""},
		{"title is the first line of the pane", a.Title, "Veteran"},
		{"group is the line after the photo", p.Extra["group"], "Moderators"},
		{"rank is the title line", p.Extra["rank"], "Veteran"},
		{"displayed date", p.DateRaw, "April 1"},
		{"posted at from datetime", p.PostedAt.Format("2006-01-02T15:04:05Z"), "2020-04-01T19:10:50Z"},
		{"body leaves out quote, picture smilie and edit note", p.BodyText, "Hello there"},
		{"quote author from the quote data, not the citation", p.Quotes[0].Author, "Ann"},
		{"quoted post id", p.Quotes[0].PostID, "6"},
		{"quote text without its citation", p.Quotes[0].Text, "Hi all"},
		{"reaction name from the image", p.Reactions[0].Name, "Like"},
		{"location from ft/fc custom field", a.Location, "Oslo"},
	}
	if p.EditedAt == nil || p.EditedAt.Format("2006-01-02") != "2020-04-02" {
		t.Errorf("edited at %v, want 2020-04-02", p.EditedAt)
	}
	if a.Messages == nil || *a.Messages != 1 || a.ReactionScore == nil || *a.ReactionScore != 1024 {
		t.Errorf("messages %v, reaction score %v: want 1 and 1024", a.Messages, a.ReactionScore)
	}
	var fields []string
	for _, f := range a.Fields {
		fields = append(fields, f.Label+"="+f.Value)
	}
	checks = append(checks, struct{ name, got, want string }{"profile pairs in page order",
		strings.Join(fields, "; "), "Member's total reputation=1,024; post=1; Location=Oslo; Age=42"})
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, c.got, c.want)
		}
	}
}

func TestInvisionFixtureExtras(t *testing.T) {
	needFixtures(t)
	cases := []struct {
		name, file, url string
		post            int
		group, rank     string
	}{
		{"plain group name", "invision/utorrent_ips4_topic86747.html", "https://forum.utorrent.com/topic/86747-help-us-build-the-next-great-bittorrent-product/", 0, "Established Members", "Advanced Member"},
		{"styled group name", "invision/neowin_ips4_hello-everyone.html", "https://www.neowin.net/forum/topic/1393830-hello-everyone/", 1, "+Subscriber²", "Mentally Compromised"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			page := parseForEngine(t, Invision(), c.url, string(readFixture(t, c.file)))
			x := page.Posts[c.post].Extra
			if x["group"] != c.group || x["rank"] != c.rank {
				t.Errorf("extra %v, want group %q rank %q", x, c.group, c.rank)
			}
		})
	}
}

func TestInvisionIPB2Listing(t *testing.T) {
	needFixtures(t)
	page := parseForEngine(t, Invision(), "https://f.example/forums/", string(readFixture(t, "invision/undeadlords_ipb2_showforum-general-chat_wayback.html")))
	if page.Board == nil || page.Board.ID != "2" || page.Board.Title != "General Chat" {
		t.Fatalf("board %+v, want General Chat with id 2 (from showforum=2, not the archive's timestamp)", page.Board)
	}
	first := page.Board.Threads[0]
	if first.ID != "13" || !first.Sticky || first.Author != "zophar" || *first.Replies != 186 || *first.Views != 2456 {
		t.Errorf("first thread %+v: want id 13, pinned, by zophar, 186 replies, 2456 views", first)
	}
	index := parseForEngine(t, Invision(), "https://f.example/forums/", string(readFixture(t, "invision/undeadlords_ipb2_forum-index_wayback.html")))
	for _, b := range index.Boards {
		if !strings.HasSuffix(b.URL, "showforum="+b.ID) {
			t.Errorf("board %q: id %s does not come from its URL %s", b.Title, b.ID, b.URL)
		}
	}
}

func TestInvisionForumListing(t *testing.T) {
	body := `<html><body class="ipsApp" data-pageApp="forums" data-pageController="forums">
<h1 class="ipsType_pageTitle">News</h1>
<div data-feedID="forum-12">
<ol class="ipsDataList">
 <li class="cForumRow ipsDataItem" data-forumID="30"><h4 class="ipsDataItem_title"><a href="https://f.example/forum/30-windows-10/">Windows 10</a></h4></li>
 <li class="ipsDataItem" data-rowID="501">
  <h4 class="ipsDataItem_title"><span><span class="ipsBadge" title="Pinned"><i class="fa fa-thumb-tack"></i></span></span>
   <span class="ipsType_break"><a href="https://f.example/topic/501-rules-for-2020/" title="Rules">Rules for 2020</a></span></h4>
  <div class="ipsDataItem_meta">By <a href="https://f.example/profile/3-admin/">admin</a></div>
  <ul class="ipsPagination ipsPagination_mini"><li class="ipsPagination_page"><a href="https://f.example/topic/501-rules-for-2020/page/4/">4</a></li></ul>
  <ul class="ipsDataItem_stats"><li><span class="ipsDataItem_stats_number">1,204</span> replies</li><li><span class="ipsDataItem_stats_number">88k</span> views</li></ul>
  <ul class="ipsDataItem_lastPoster"><li><time datetime="2020-05-01T10:00:00Z">May 1</time></li></ul>
 </li>
</ol></div>
<ul class="ipsPagination" data-pages="3"><li class="ipsPagination_page ipsPagination_active"><a href="https://f.example/forum/12-news/">1</a></li>
<li class="ipsPagination_page"><a href="https://f.example/forum/12-news/page/2/">2</a></li>
<li class="ipsPagination_next"><a href="https://f.example/forum/12-news/page/2/">Next</a></li></ul>
</body></html>`
	page := parseForEngine(t, Invision(), "https://f.example/forum/12-news/", body)
	if page.Kind != KindBoard || page.Board.ID != "12" || len(page.Board.Threads) != 1 {
		t.Fatalf("kind %s board %+v: want board 12 with 1 thread", page.Kind, page.Board)
	}
	th := page.Board.Threads[0]
	if th.ID != "501" || th.Title != "Rules for 2020" || th.Author != "admin" || !th.Sticky ||
		*th.Replies != 1204 || *th.Views != 88000 || th.LastPage != 4 || th.LastPostAt == nil {
		t.Errorf("thread %+v", th)
	}
	if page.Board.LastPage != 2 || page.Board.NextURL != "https://f.example/forum/12-news/page/2/" {
		t.Errorf("pages %d..%d next %q", page.Board.Page, page.Board.LastPage, page.Board.NextURL)
	}
	if len(page.Boards) != 1 || page.Boards[0].ID != "30" {
		t.Errorf("sub-boards %+v: want forum 30 (its id from /forum/30-, not the slug's 10)", page.Boards)
	}
}

func TestInvisionAttachmentLinksAreNotBodyText(t *testing.T) {
	post := `<article id="elComment_8" class="cPost ipsBox ipsComment">
<aside class="ipsComment_author cAuthorPane"><h3 class="cAuthorPane_author"><strong>Jo</strong></h3></aside>
<div data-commentID="8" class="ipsComment_content"><div class="cPost_contentWrap"><div data-role="commentContent">
<p>See the log <a href="https://x.example/a" rel="external nofollow">here</a>.</p>
<p><a class="ipsAttachLink" data-fileid="41" href="https://f.example/applications/core/interface/file/attachment.php?id=41" data-fileext="zip" rel="">log.zip</a></p>
</div></div></div></article>`
	page := parseForEngine(t, Invision(), "https://f.example/topic/99-a/", ipsPage(post))
	p := page.Posts[0]
	if p.BodyText != "See the log here." || strings.Join(p.Links, " ") != "https://x.example/a" {
		t.Errorf("body %q links %v: want the text and link without the attached file", p.BodyText, p.Links)
	}
	if len(p.Attachments) != 1 || p.Attachments[0].Name != "log.zip" ||
		p.Attachments[0].URL != "https://f.example/applications/core/interface/file/attachment.php?id=41" {
		t.Errorf("attachments %+v: want log.zip", p.Attachments)
	}
}

func TestInvisionIndexLinksForumsNotCategoryPages(t *testing.T) {
	body := `<html><body class="ipsApp" data-pageApp="forums" data-pageController="index">
<ol class="ipsList_reset cForumList"><li data-categoryID="1" class="cForumRow ipsBox">
 <h2 class="ipsType_sectionTitle cForumTitle"><a href="#" class="cForumToggle"></a><a href="https://f.example/forum/1-main/">Main</a></h2>
 <ol class="ipsDataList" data-role="forums">
  <li class="cForumRow ipsDataItem" data-forumID="2"><div class="ipsDataItem_main"><h4 class="ipsDataItem_title"><a href="https://f.example/forum/2-news/">News</a></h4>
   <ul class="ipsDataItem_subList"><li><a href="https://f.example/forum/5-archive/">Archive</a></li></ul></div></li>
 </ol></li></ol></body></html>`
	page := parseForEngine(t, Invision(), "https://f.example/", body)
	var got []string
	for _, b := range page.Boards {
		got = append(got, b.ID)
	}
	if page.Kind != KindIndex || strings.Join(got, ",") != "2,5" {
		t.Errorf("kind %s boards %v: want the index's forums 2 and 5, not category 1 (its page repeats them)", page.Kind, got)
	}
}
