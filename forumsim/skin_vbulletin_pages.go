package forumsim

import (
	"strconv"
	"strings"
	"time"
)

// rel returns a path under the prefix relative to the page's <base href>.
func (vbulletin) rel(f *Forum, path string) string {
	return esc(strings.TrimPrefix(path, f.cfg.Prefix+"/"))
}

// frame returns a whole vBulletin 4 page whose times are in GMT (see frameIn).
func (s vbulletin) frame(f *Forum, o, title, canonical string, crumbs []CrumbTruth, body string) string {
	return s.frameIn(f, o, title, canonical, crumbs, time.UTC, body)
}

// gmt returns how vBulletin's footer names a zone: "GMT", "GMT -7", "GMT +5.5".
func gmt(zone *time.Location) string {
	_, off := time.Unix(0, 0).In(zone).Zone()
	if off == 0 {
		return "GMT"
	}
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	return "GMT " + sign + strconv.FormatFloat(float64(off)/3600, 'f', -1, 64)
}

// frameIn returns a whole vBulletin 4 page: header, navbar, breadcrumb
// (crumbs after "Forum", then title as the last navbit) and footer around
// body; the footer names zone, the zone the page's times are shown in.
func (s vbulletin) frameIn(f *Forum, o, title, canonical string, crumbs []CrumbTruth, zone *time.Location, body string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\" dir=\"ltr\" lang=\"en\" id=\"vbulletin_html\">\n<head>\n")
	b.WriteString("\t<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\" />\n<base href=\"" + esc(o+f.cfg.Prefix) + "/\" /><!--[if IE]></base><![endif]-->\n\t<meta name=\"generator\" content=\"vBulletin 4.2.3\" />\n")
	if canonical != "" {
		b.WriteString("\t<link rel=\"canonical\" href=\"" + s.rel(f, canonical) + "\" />\n")
	}
	b.WriteString("\t<link rel=\"stylesheet\" type=\"text/css\" href=\"css.php?styleid=1&amp;langid=1&amp;d=1467640442&amp;td=ltr&amp;sheet=bbcode.css,editor.css,popupmenu.css,reset-fonts.css,vbulletin.css\" />\n\t<title> " + esc(title) + "</title>\n</head>\n<body>\n\n")
	b.WriteString("<div class=\"above_body\">\n<div id=\"header\" class=\"floatcontainer doc_header\">\n\t<div><a name=\"top\" href=\"forum.php\" class=\"logo-image\"><img src=\"images/misc/vbulletin4_logo.png\" alt=\"" + siteName + " - Powered by vBulletin\" /></a></div>\n")
	b.WriteString("\t<div id=\"toplinks\" class=\"toplinks\">\n\t\t<ul class=\"nouser\">\n\t\t\t<li><a href=\"register.php?s=" + s.sess(f) + "\" rel=\"nofollow\">Register</a></li>\n\t\t\t<li><a rel=\"help\" href=\"faq.php?s=" + s.sess(f) + "\">Help</a></li>\n\t\t\t<li><form id=\"navbar_loginform\" action=\"login.php?s=" + s.sess(f) + "&amp;do=login\" method=\"post\"><input type=\"text\" class=\"textbox default-value\" name=\"vb_login_username\" /></form></li>\n\t\t</ul>\n\t</div>\n</div>\n")
	b.WriteString("<div id=\"navbar\" class=\"navbar\">\n\t<ul id=\"navtabs\" class=\"navtabs floatcontainer\">\n\t\t<li class=\"selected\" id=\"vbtab_forum\"><a class=\"navtab\" href=\"forum.php\">Forum</a>\n\t\t\t<ul class=\"floatcontainer\">\n" +
		"\t\t\t\t<li><a href=\"search.php?s=" + s.sess(f) + "&amp;do=getdaily&amp;contenttype=vBForum_Post\">Today's Posts</a></li>\n\t\t\t\t<li><a href=\"memberlist.php?s=" + s.sess(f) + "\">Member List</a></li>\n\t\t\t\t<li><a href=\"calendar.php?s=" + s.sess(f) + "\">Calendar</a></li>\n\t\t\t</ul>\n\t\t</li>\n\t</ul>\n</div>\n</div><!-- closing div for above_body -->\n\n")
	b.WriteString("<div class=\"body_wrapper\">\n<div id=\"breadcrumb\" class=\"breadcrumb\">\n\t<ul class=\"floatcontainer\">\n\t\t<li class=\"navbithome\"><a href=\"forum.php\" accesskey=\"1\"><img src=\"images/misc/navbit-home.png\" alt=\"Home\" /></a></li>\n")
	for _, c := range crumbs {
		b.WriteString("\t\t<li class=\"navbit\"><a href=\"" + s.rel(f, c.Path) + "\">" + esc(c.Name) + "</a></li>\n")
	}
	b.WriteString("\t\t<li class=\"navbit lastnavbit\"><span>" + esc(title) + "</span></li>\n\t</ul>\n\t<hr />\n</div>\n\n")
	b.WriteString(body)
	b.WriteString("\n<div id=\"footer\" class=\"floatcontainer footer\">\n\t<ul id=\"footer_links\" class=\"footer_links\">\n\t\t<li><a href=\"sendmessage.php\" rel=\"nofollow\" accesskey=\"9\">Contact Us</a></li>\n\t\t<li><a href=\"https://example.com/\">Home</a></li>\n\t\t<li><a href=\"#top\" onclick=\"document.location.hash='top'; return false;\">Top</a></li>\n\t</ul>\n</div>\n</div> <!-- closing div for body_wrapper -->\n")
	b.WriteString("<div class=\"below_body\">\n<div id=\"footer_time\" class=\"shade footer_time\">All times are " + gmt(zone) + ". The time now is <span class=\"time\">12:00 PM</span>.</div>\n<div id=\"footer_copyright\" class=\"shade footer_copyright\">Powered by <a href=\"https://www.vbulletin.com\" id=\"vbulletinlink\">vBulletin&reg;</a> Version 4.2.3 <br />Copyright &copy; 2024 vBulletin Solutions, Inc. All rights reserved.</div>\n</div>\n</body>\n</html>\n")
	return b.String()
}

// pagination returns vBulletin 4's pagination form for pages 1..last at cur.
func (s vbulletin) pagination(f *Forum, where string, cur, last, per, total int, link func(int) string) string {
	if last <= 1 {
		return ""
	}
	res := func(n int) string {
		return "Results " + strconv.Itoa((n-1)*per+1) + " to " + strconv.Itoa(min(n*per, total)) + " of " + strconv.Itoa(total)
	}
	h := "<div id=\"pagination_" + where + "\" class=\"pagination_" + where + "\">\n<form action=\"" + s.rel(f, link(last)) + "\" method=\"get\" class=\"pagination popupmenu nohovermenu\">\n\t<span><a href=\"javascript://\" class=\"popupctrl\">Page " + strconv.Itoa(cur) + " of " + strconv.Itoa(last) + "</a></span>\n"
	if cur > 1 {
		h += "\t<span class=\"first_last\"><a rel=\"start\" href=\"" + s.rel(f, link(1)) + "\" title=\"First Page - " + res(1) + "\"><img src=\"images/pagination/first-right.png\" alt=\"First\" />First</a></span>\n" +
			"\t<span class=\"prev_next\"><a rel=\"prev\" href=\"" + s.rel(f, link(cur-1)) + "\" title=\"Prev Page - " + res(cur-1) + "\"><img src=\"images/pagination/previous-right.png\" alt=\"Previous\" /></a></span>\n"
	}
	for n := max(1, cur-2); n <= min(last, cur+2); n++ {
		if n == cur {
			h += "\t<span class=\"selected\"><a href=\"javascript://\" title=\"" + res(n) + "\">" + strconv.Itoa(n) + "</a></span>\n"
		} else {
			h += "\t<span><a href=\"" + s.rel(f, link(n)) + "\" title=\"Show " + strings.ToLower(res(n)[:1]) + res(n)[1:] + "\">" + strconv.Itoa(n) + "</a></span>\n"
		}
	}
	if cur < last {
		h += "\t<span class=\"prev_next\"><a rel=\"next\" href=\"" + s.rel(f, link(cur+1)) + "\" title=\"Next Page - " + res(cur+1) + "\"><img src=\"images/pagination/next-right.png\" alt=\"Next\" /></a></span>\n" +
			"\t<span class=\"first_last\"><a href=\"" + s.rel(f, link(last)) + "\" title=\"Last Page - " + res(last) + "\">Last<img src=\"images/pagination/last-right.png\" alt=\"Last\" /></a></span>\n"
	}
	return h + "</form>\n</div>\n"
}

// username returns vBulletin's user name link (a guest span for guests).
func (s vbulletin) username(f *Forum, u *user, class string) string {
	if u.kind != member {
		return "<span class=\"username guest\">" + esc(u.name) + "</span>"
	}
	return "<a href=\"" + s.rel(f, s.memberPath(f, u)) + "\" class=\"" + class + "\">" + esc(u.name) + "</a>"
}

// forumRows writes forumhome's forumbit rows for boards.
func (s vbulletin) forumRows(f *Forum, b *strings.Builder, boards []*board) {
	for _, bd := range boards {
		threads, posts := 0, 0
		var latest *post
		for _, t := range f.allThreads(bd) {
			threads++
			posts += len(t.posts)
			if latest == nil || t.last().at.After(latest.at) {
				latest = t.last()
			}
		}
		b.WriteString("\t<li id=\"forum" + id(bd.id) + "\" class=\"forumbit_post old L2\">\n\t\t<div class=\"forumrow table\">\n\t\t\t<div class=\"foruminfo td\">\n\t\t\t\t<img src=\"images/statusicon/forum_old-48.png\" class=\"forumicon\" id=\"forum_statusicon_" + id(bd.id) + "\" alt=\"\" />\n" +
			"\t\t\t\t<div class=\"forumdata\">\n\t\t\t\t\t<div class=\"datacontainer\">\n\t\t\t\t\t\t<div class=\"titleline\">\n\t\t\t\t\t\t\t<h2 class=\"forumtitle\"><a href=\"" + s.rel(f, s.friendlyBoard(f, bd, 1)) + "\">" + esc(bd.title) + "</a></h2>\n\t\t\t\t\t\t</div>\n" +
			"\t\t\t\t\t\t<p class=\"forumdescription\">" + esc(bd.desc) + "</p>\n")
		if len(bd.children) > 0 {
			b.WriteString("\t\t\t\t\t\t<div class=\"subforums\">\n\t\t\t\t\t\t\t<h4 class=\"subforumsheader\">Sub-Forums:</h4>\n\t\t\t\t\t\t\t<ol class=\"subforumlist commalist\">\n")
			for _, c := range bd.children {
				b.WriteString("\t\t\t\t\t\t\t\t<li class=\"subforum\"><a href=\"" + s.rel(f, s.friendlyBoard(f, c, 1)) + "\" class=\"old\">" + esc(c.title) + "</a></li>\n")
			}
			b.WriteString("\t\t\t\t\t\t\t</ol>\n\t\t\t\t\t\t</div>\n")
		}
		b.WriteString("\t\t\t\t\t</div>\n\t\t\t\t</div>\n\t\t\t</div>\n\t\t\t<h4 class=\"nocss_label\">Forum Actions:</h4>\n\t\t\t<h4 class=\"nocss_label\">Forum Statistics:</h4>\n\t\t\t<ul class=\"forumstats_2 td\">\n\t\t\t\t<li>Threads: " +
			number(int64(threads)) + "</li>\n\t\t\t\t<li>Posts: " + number(int64(posts)) + "</li>\n\t\t\t</ul>\n\t\t\t<div class=\"forumlastpost td\">\n\t\t\t\t<h4 class=\"lastpostlabel\">Last Post:</h4>\n\t\t\t\t<div>\n")
		if latest != nil {
			b.WriteString("\t\t\t\t\t<p class=\"lastposttitle\"><a href=\"" + s.rel(f, s.friendlyThread(f, latest.thread, 1)) + "&amp;goto=newpost\" class=\"threadtitle\" title=\"Go to first unread post in thread '" + esc(latest.thread.title) + "'\">" + esc(latest.thread.title) +
				"</a> <a href=\"" + s.rel(f, s.friendlyThread(f, latest.thread, 1)) + "&amp;p=" + id(latest.id) + "#post" + id(latest.id) + "\"><img src=\"images/buttons/lastpost-right.png\" alt=\"Go to last post\" /></a></p>\n" +
				"\t\t\t\t\t<div class=\"lastpostby\">by <div class=\"popupmenu memberaction\">" + s.username(f, latest.author, "username offline popupctrl") + "</div></div>\n\t\t\t\t\t<p class=\"lastpostdate\">" +
				latest.at.UTC().Format("01-02-2006") + ", <span class=\"time\">" + latest.at.UTC().Format("03:04 PM") + "</span></p>\n")
		} else {
			b.WriteString("\t\t\t\t\tNever\n")
		}
		b.WriteString("\t\t\t\t</div>\n\t\t\t</div>\n\t\t</div>\n\t</li>\n")
	}
}

// indexPage renders forumhome: one category block per category.
func (s vbulletin) indexPage(f *Forum, o string) string {
	var b strings.Builder
	b.WriteString("<div id=\"pagetitle\" class=\"pagetitle\">\n\t<h1 class=\"pagetitle\">" + siteName + "</h1>\n</div>\n<ol id=\"forums\" class=\"floatcontainer\">\n")
	for _, c := range f.categories {
		b.WriteString("<li id=\"cat" + id(c.id) + "\" class=\"forumbit_nopost new L1\">\n\t<div class=\"forumhead foruminfo L1 collapse\">\n\t\t<h2>\n\t\t\t<span class=\"forumtitle\"><a href=\"" + s.rel(f, s.friendlyCategory(f, c)) + "\">" + esc(c.title) +
			"</a></span>\n\t\t\t<span class=\"forumthreads\">Threads / Posts</span>\n\t\t\t<span class=\"forumlastpost\">Last Post</span>\n\t\t</h2>\n\t</div>\n\t<ol id=\"c_cat" + id(c.id) + "\" class=\"childforum\">\n")
		s.forumRows(f, &b, c.boards)
		b.WriteString("\t</ol>\n</li>\n")
	}
	b.WriteString("</ol>\n")
	return s.frame(f, o, siteName, s.indexPath(f), nil, b.String())
}

// categoryPage renders forumdisplay for a category: its boards.
func (s vbulletin) categoryPage(f *Forum, o string, c *category) string {
	var b strings.Builder
	b.WriteString("<div id=\"pagetitle\" class=\"pagetitle\">\n\t<h1 class=\"pagetitle\">Forum: <span class=\"forumtitle\">" + esc(c.title) + "</span></h1>\n</div>\n<ol id=\"forums\" class=\"floatcontainer\">\n")
	s.forumRows(f, &b, c.boards)
	b.WriteString("</ol>\n")
	return s.frame(f, o, c.title, s.friendlyCategory(f, c), f.boardCrumbs(c.boards[0])[:1], b.String())
}
