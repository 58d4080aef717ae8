package forumsim

import (
	"strconv"
	"strings"
)

// vbSorts maps forumdisplay's sort parameter to a listing order.
var vbSorts = map[string]string{"title": "title", "replycount": "reply_count", "views": "view_count", "lastpost": "last_post_date", "dateline": "post_date"}

// boardPage renders forumdisplay: sub-forums, then page n of the threads,
// in the default order or, with sort and order, sorted (sticky threads mixed in).
func (s vbulletin) boardPage(f *Forum, o string, bd *board, n int, sort, order string) string {
	var b strings.Builder
	b.WriteString("<div id=\"pagetitle\" class=\"pagetitle\">\n\t<h1 class=\"pagetitle\">Forum: <span class=\"forumtitle\">" + esc(bd.title) + "</span></h1>\n\t<p class=\"description\">" + esc(bd.desc) + "</p>\n</div>\n")
	if len(bd.children) > 0 {
		b.WriteString("<div id=\"forumbits\" class=\"forumbits\">\n\t<div class=\"forumhead\"><h2><span class=\"forumtitle\">Sub-Forums</span></h2></div>\n\t<ol>\n")
		s.forumRows(f, &b, bd.children)
		b.WriteString("\t</ol>\n</div>\n")
	}
	sticky, normal := f.boardListing(bd, n)
	last, total := f.boardPages(bd), len(bd.threads)-len(sticky)
	query := ""
	if key, ok := vbSorts[sort]; ok {
		dir := map[bool]string{true: "asc", false: "desc"}[order == "asc"]
		all := listing(bd, key, dir)
		per := f.cfg.ThreadsPerPage
		last, total, sticky = max(1, (len(all)+per-1)/per), len(all), nil
		normal = all[min((n-1)*per, len(all)):min(n*per, len(all))]
		query = "&sort=" + sort + "&order=" + dir
	}
	link := func(k int) string { return s.friendlyBoard(f, bd, k) + query }
	b.WriteString("<div id=\"above_threadlist\" class=\"above_threadlist\">\n\t<a id=\"newthreadlink_top\" class=\"newcontent_textcontrol\" href=\"newthread.php?s=" + s.sess(f) + "&amp;do=newthread&amp;f=" + id(bd.id) + "\" rel=\"nofollow\"><span>+</span> Post New Thread</a>\n\t<div class=\"threadpagenav\">\n" +
		s.pagination(f, "top", n, last, f.cfg.ThreadsPerPage, total, link) + "\t</div>\n</div>\n")
	bp := s.rel(f, s.friendlyBoard(f, bd, 1))
	b.WriteString("<div id=\"threadlist\" class=\"threadlist\">\n\t<div class=\"threadlisthead table\">\n\t\t<div>\n\t\t<span class=\"threadinfo\">\n\t\t\t<span class=\"threadtitle\">\n\t\t\t\t<a href=\"" + bp + "&amp;sort=title&amp;order=asc\" rel=\"nofollow\">Title</a> /\n\t\t\t\t<a href=\"" + bp + "&amp;sort=postusername&amp;order=asc\" rel=\"nofollow\">Thread Starter</a>\n\t\t\t</span>\n\t\t</span>\n" +
		"\t\t<span class=\"threadstats td\"><a href=\"" + bp + "&amp;sort=replycount&amp;order=desc\" rel=\"nofollow\">Replies</a> / <a href=\"" + bp + "&amp;sort=views&amp;order=desc\" rel=\"nofollow\">Views</a></span>\n" +
		"\t\t<span class=\"threadlastpost td\"><a href=\"" + bp + "&amp;sort=lastpost&amp;order=asc\" rel=\"nofollow\">Last Post By</a></span>\n\t\t</div>\n\t</div>\n")
	if len(sticky) > 0 {
		b.WriteString("\t<ol id=\"stickies\" class=\"stickies\">\n")
		for _, t := range sticky {
			s.threadbit(f, &b, t)
		}
		b.WriteString("\t</ol>\n")
	}
	b.WriteString("\t<ol id=\"threads\" class=\"threads\">\n")
	for _, t := range normal {
		s.threadbit(f, &b, t)
	}
	b.WriteString("\t</ol>\n</div>\n<div id=\"below_threadlist\" class=\"noinlinemod below_threadlist\">\n\t<div class=\"threadpagenav\">\n" + s.pagination(f, "bottom", n, last, f.cfg.ThreadsPerPage, total, link) + "\t</div>\n</div>\n")
	title := bd.title
	if n > 1 {
		title += " - Page " + strconv.Itoa(n)
	}
	return s.frame(f, o, title, s.friendlyBoard(f, bd, n), f.boardCrumbs(bd), b.String())
}

// threadbit writes one thread of a listing.
func (s vbulletin) threadbit(f *Forum, b *strings.Builder, t *thread) {
	first, last := t.posts[0], t.last()
	tp := s.rel(f, s.friendlyThread(f, t, 1))
	cls := "threadbit old"
	if t.sticky {
		cls = "threadbit old sticky"
	}
	b.WriteString("\t\t<li class=\"" + cls + "\" id=\"thread_" + id(t.id) + "\">\n\t\t\t<div class=\"rating0 nonsticky\">\n\t\t\t\t<div class=\"threadinfo\" title=\"\">\n\t\t\t\t\t<div class=\"inner\">\n\t\t\t\t\t\t<h3 class=\"threadtitle\">\n")
	if t.sticky {
		b.WriteString("\t\t\t\t\t\t\t<span class=\"prefix understate\"><b>Sticky:</b> </span>\n")
	}
	b.WriteString("\t\t\t\t\t\t\t<a class=\"title\" href=\"" + tp + "\" id=\"thread_title_" + id(t.id) + "\">" + esc(t.title) + "</a>\n\t\t\t\t\t\t</h3>\n\t\t\t\t\t\t<div class=\"threadmeta\">\n\t\t\t\t\t\t\t<div class=\"author\">\n\t\t\t\t\t\t\t\t<span class=\"label\">Started by " +
		s.username(f, first.author, "username understate") + ", " + first.at.UTC().Format("01-02-2006 03:04 PM") + "</span>\n")
	if pages := f.threadPages(t); pages > 1 {
		b.WriteString("\t\t\t\t\t\t\t\t<dl class=\"pagination\" id=\"pagination_threadbit_" + id(t.id) + "\">\n\t\t\t\t\t\t\t\t\t<dt class=\"label\">" + strconv.Itoa(pages) + " Pages <span class=\"separator\">&bull;</span></dt>\n\t\t\t\t\t\t\t\t\t<dd>\n")
		for k := 1; k <= pages; k++ {
			if k <= 3 || k == pages {
				b.WriteString("\t\t\t\t\t\t\t\t\t\t<span><a href=\"" + s.rel(f, s.friendlyThread(f, t, k)) + "\">" + strconv.Itoa(k) + "</a></span>\n")
			}
		}
		b.WriteString("\t\t\t\t\t\t\t\t\t</dd>\n\t\t\t\t\t\t\t\t</dl>\n")
	}
	b.WriteString("\t\t\t\t\t\t\t</div>\n\t\t\t\t\t\t</div>\n\t\t\t\t\t</div>\n\t\t\t\t</div>\n\t\t\t\t<ul class=\"threadstats td alt\" title=\"\">\n\t\t\t\t\t<li>Replies: <a href=\"misc.php?do=whoposted&amp;t=" + id(t.id) + "\" onclick=\"who(" + id(t.id) + "); return false;\" class=\"understate\">" +
		number(int64(len(t.posts)-1)) + "</a></li>\n\t\t\t\t\t<li>Views: " + number(t.views) + "</li>\n\t\t\t\t</ul>\n\t\t\t\t<dl class=\"threadlastpost td\">\n\t\t\t\t\t<dt class=\"lastpostby hidden\">Last Post By:</dt>\n\t\t\t\t\t<dd><div class=\"popupmenu memberaction\">" +
		s.username(f, last.author, "username offline popupctrl") + "</div></dd>\n\t\t\t\t\t<dd>" + last.at.UTC().Format("01-02-2006") + ", <span class=\"time\">" + last.at.UTC().Format("03:04 PM") + "</span>\n\t\t\t\t\t<a href=\"" + tp + "&amp;p=" + id(last.id) + "#post" + id(last.id) +
		"\" class=\"lastpostdate understate\" title=\"Go to last post\"><img src=\"images/buttons/lastpost-right.png\" alt=\"Go to last post\" /></a>\n\t\t\t\t\t</dd>\n\t\t\t\t</dl>\n\t\t\t</div>\n\t\t</li>\n")
}

// threadPage renders showthread: page n of a thread in postbit_legacy.
func (s vbulletin) threadPage(f *Forum, o string, t *thread, n int) string {
	var b strings.Builder
	tp := s.friendlyThread(f, t, 1)
	link := func(k int) string { return s.friendlyThread(f, t, k) }
	b.WriteString("<div id=\"pagetitle\" class=\"pagetitle\">\n\t<h1>\n\t\tThread: <span class=\"threadtitle\"><a href=\"" + s.rel(f, s.friendlyThread(f, t, n)) + "\" title=\"Reload this Page\">" + esc(t.title) + "</a></span>\n\t</h1>\n</div>\n")
	b.WriteString("<div id=\"above_postlist\" class=\"above_postlist\">\n\t<a href=\"newreply.php?s=" + s.sess(f) + "&amp;do=newreply&amp;noquote=1&amp;p=" + id(t.last().id) + "\" class=\"newcontent_textcontrol\" id=\"newreplylink_top\"><span>+</span> Reply to Thread</a>\n" +
		"\t<a href=\"printthread.php?s=" + s.sess(f) + "&amp;t=" + id(t.id) + "&amp;pp=" + strconv.Itoa(f.cfg.PostsPerPage) + "&amp;page=" + strconv.Itoa(n) + "\" accesskey=\"3\" rel=\"nofollow\">Show Printable Version</a>\n" +
		"\t<a href=\"" + s.rel(f, tp) + "&amp;goto=newpost\">Go to first new post</a>\n" +
		s.pagination(f, "top", n, f.threadPages(t), f.cfg.PostsPerPage, len(t.posts), link) + "</div>\n")
	b.WriteString("<div id=\"postlist\" class=\"postlist restrain\">\n\t<ol id=\"posts\" class=\"posts\" start=\"" + strconv.Itoa((n-1)*f.cfg.PostsPerPage+1) + "\">\n")
	for _, p := range f.threadPosts(t, n) {
		s.writePost(f, &b, p)
	}
	b.WriteString("\t</ol>\n</div>\n<div id=\"below_postlist\" class=\"noinlinemod below_postlist\">\n" + s.pagination(f, "bottom", n, f.threadPages(t), f.cfg.PostsPerPage, len(t.posts), link) + "</div>\n")
	title := t.title
	if n > 1 {
		title += " - Page " + strconv.Itoa(n)
	}
	return s.frameIn(f, o, title, s.friendlyThread(f, t, n), f.threadCrumbs(t), t.zone, b.String())
}

// printPage renders printthread: every post of a thread, plain.
func (s vbulletin) printPage(f *Forum, t *thread) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\" /><title>" + siteName + " - " + esc(t.title) + "</title></head>\n<body>\n<h1>" + esc(t.title) + "</h1>\n")
	for _, p := range t.posts {
		b.WriteString("<div class=\"post\"><div class=\"header\"><div class=\"datetime\">" + p.at.Format("01-02-2006, 03:04 PM") + "</div><div class=\"username\">" + esc(p.author.name) + "</div></div><div class=\"content\"><blockquote>" + p.body.html + "</blockquote></div></div>\n")
	}
	return b.String() + "</body>\n</html>\n"
}
