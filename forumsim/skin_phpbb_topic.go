package forumsim

import (
	"strconv"
	"strings"
	"time"
)

// crumbsAfterIndex returns a breadcrumb without its first step, the index,
// which frame writes itself.
func crumbsAfterIndex(c []CrumbTruth) []CrumbTruth { return c[1:] }

// categoryPage renders viewforum for a category: its boards, no topics.
func (s phpbb) categoryPage(f *Forum, o string, c *category) string {
	var b strings.Builder
	b.WriteString("<h2 class=\"forum-title\"><a href=\"" + s.href(f, s.categoryPath(f, c), true) + "\">" + esc(c.title) + "</a></h2>\n")
	s.forumList(f, &b, "Forum", "", c.boards)
	return s.frame(f, o, "viewforum", c.title, s.categoryPath(f, c), nil, time.UTC, b.String())
}

// boardPage renders viewforum_body: sub-forums, then page n of the topics.
func (s phpbb) boardPage(f *Forum, o string, bd *board, n int) string {
	sticky, normal := f.boardListing(bd, n)
	nonSticky := len(bd.threads)
	for _, t := range bd.threads {
		if t.sticky {
			nonSticky--
		}
	}
	var b strings.Builder
	b.WriteString("<h2 class=\"forum-title\"><a href=\"" + s.href(f, s.boardPath(f, bd, 1), true) + "\">" + esc(bd.title) + "</a></h2>\n<div>\n\t<!-- NOTE: remove the style=\"display: none\" when you want to have the forum description on the forum body -->\n\t<div style=\"display: none !important;\">" + esc(bd.desc) + "<br /></div>\n</div>\n\n")
	if len(bd.children) > 0 {
		s.forumList(f, &b, "Forum", "", bd.children)
	}
	nav := s.pagination(f, strconv.Itoa(len(bd.threads))+" topics", n, f.boardPages(bd), func(k int) string { return s.boardPath(f, bd, k) })
	b.WriteString("<div class=\"action-bar bar-top\">\n\t<a href=\"" + s.href(f, f.cfg.Prefix+"/posting.php?mode=post&f="+id(bd.id), true) + "\" class=\"button\" title=\"Post a new topic\">\n\t\t<span>New Topic</span> <i class=\"icon fa-pencil fa-fw\" aria-hidden=\"true\"></i>\n\t</a>\n" + nav + "</div>\n\n")
	b.WriteString("\t<div class=\"forumbg\">\n\t\t<div class=\"inner\">\n\t\t<ul class=\"topiclist\">\n\t\t\t<li class=\"header\">\n\t\t\t\t<dl class=\"row-item\">\n\t\t\t\t\t<dt><div class=\"list-inner\">Topics</div></dt>\n\t\t\t\t\t<dd class=\"posts\">Replies</dd>\n\t\t\t\t\t<dd class=\"views\">Views</dd>\n\t\t\t\t\t<dd class=\"lastpost\"><span>Last post</span></dd>\n\t\t\t\t</dl>\n\t\t\t</li>\n\t\t</ul>\n\t\t<ul class=\"topiclist topics\">\n")
	for i, t := range append(sticky, normal...) {
		s.topicRow(f, &b, t, i)
	}
	if len(sticky)+len(normal) == 0 {
		b.WriteString("\t\t\t<li class=\"row bg1\"><strong>There are no topics or posts in this forum.</strong></li>\n")
	}
	b.WriteString("\t\t</ul>\n\t\t</div>\n\t</div>\n\n<form method=\"post\" action=\"" + s.href(f, s.boardPath(f, bd, n), true) + "\">\n\t<fieldset class=\"display-options\">\n\t\t<label>Display: <select name=\"st\" id=\"st\"><option value=\"0\" selected=\"selected\">All Topics</option><option value=\"7\">1 week</option></select></label>\n" +
		"\t\t<label>Sort by <select name=\"sk\" id=\"sk\"><option value=\"a\">Author</option><option value=\"t\" selected=\"selected\">Post time</option><option value=\"r\">Replies</option><option value=\"s\">Subject</option><option value=\"v\">Views</option></select></label>\n" +
		"\t\t<label><select name=\"sd\" id=\"sd\"><option value=\"a\">Ascending</option><option value=\"d\" selected=\"selected\">Descending</option></select></label>\n\t\t<input type=\"submit\" name=\"sort\" value=\"Go\" class=\"button2\" />\n\t</fieldset>\n</form>\n")
	b.WriteString("<div class=\"action-bar bar-bottom\">\n" + nav + "</div>\n")
	title := bd.title
	if n > 1 {
		title += " - Page " + strconv.Itoa(n)
	}
	return s.frame(f, o, "viewforum", title, s.boardPath(f, bd, n), crumbsAfterIndex(f.boardCrumbs(bd)), time.UTC, b.String())
}

// topicRow writes one topic of a listing.
func (s phpbb) topicRow(f *Forum, b *strings.Builder, t *thread, i int) {
	first, last := t.posts[0], t.last()
	bg, state := "bg"+strconv.Itoa(2-i%2), "topic_read"
	if t.sticky {
		state = "sticky_read"
	}
	b.WriteString("\t\t<li class=\"row " + bg + map[bool]string{true: " sticky", false: ""}[t.sticky] + "\">\n\t\t\t<dl class=\"row-item " + state + "\">\n\t\t\t\t<dt title=\"No unread posts\">\n\t\t\t\t\t<div class=\"list-inner\">\n" +
		"\t\t\t\t\t\t<a href=\"" + s.href(f, s.topicLink(f, t, 1), false) + "\" class=\"topictitle\">" + esc(t.title) + "</a>\n\t\t\t\t\t\t<br />\n")
	if pages := f.threadPages(t); pages > 1 {
		b.WriteString("\t\t\t\t\t\t<div class=\"pagination\">\n\t\t\t\t\t\t\t<span><i class=\"icon fa-clone fa-fw\" aria-hidden=\"true\"></i></span>\n\t\t\t\t\t\t\t<ul>\n")
		for k := 1; k <= pages; k++ {
			if k > 1 && k < pages-2 {
				continue
			}
			b.WriteString("\t\t\t\t\t\t\t<li><a class=\"button\" href=\"" + s.href(f, s.topicLink(f, t, k), false) + "\">" + strconv.Itoa(k) + "</a></li>\n")
		}
		b.WriteString("\t\t\t\t\t\t\t</ul>\n\t\t\t\t\t\t</div>\n")
	}
	b.WriteString("\t\t\t\t\t\t<div class=\"responsive-hide left-box\">\n\t\t\t\t\t\t\tby " + s.username(f, first.author) + " &raquo; " + s.timeTag(first.at.UTC()) + "\n\t\t\t\t\t\t</div>\n\t\t\t\t\t</div>\n\t\t\t\t</dt>\n" +
		"\t\t\t\t<dd class=\"posts\">" + strconv.Itoa(len(t.posts)-1) + " <dfn>Replies</dfn></dd>\n\t\t\t\t<dd class=\"views\">" + strconv.FormatInt(t.views, 10) + " <dfn>Views</dfn></dd>\n" +
		"\t\t\t\t<dd class=\"lastpost\">\n\t\t\t\t\t<span><dfn>Last post </dfn>by " + s.username(f, last.author) + "\n\t\t\t\t\t\t<a href=\"" + s.href(f, s.postPath(f, last), false) +
		"\" title=\"Go to last post\"><i class=\"icon fa-external-link-square fa-fw icon-lightgray icon-md\" aria-hidden=\"true\"></i><span class=\"sr-only\"></span></a>\n\t\t\t\t\t\t<br />" + s.timeTag(last.at.UTC()) + "\n\t\t\t\t\t</span>\n\t\t\t\t</dd>\n\t\t\t</dl>\n\t\t</li>\n")
}

// threadPage renders viewtopic_body: page n of a topic.
func (s phpbb) threadPage(f *Forum, o string, t *thread, n int) string {
	var b strings.Builder
	tp := s.topicLink(f, t, 1)
	nav := s.pagination(f, strconv.Itoa(len(t.posts))+" posts", n, f.threadPages(t), func(k int) string { return s.topicLink(f, t, k) })
	b.WriteString("<h2 class=\"topic-title\"><a href=\"" + s.href(f, tp, true) + "\">" + esc(t.title) + "</a></h2>\n\n<div class=\"action-bar bar-top\">\n")
	b.WriteString("\t<a href=\"" + s.href(f, f.cfg.Prefix+"/posting.php?mode=reply&f="+id(t.board.id)+"&t="+id(t.id), true) + "\" class=\"button\" title=\"Post a reply\">\n\t\t<span>Post Reply</span> <i class=\"icon fa-reply fa-fw\" aria-hidden=\"true\"></i>\n\t</a>\n")
	b.WriteString("\t<div class=\"dropdown-container dropdown-button-control topic-tools\">\n\t\t<span title=\"Topic tools\" class=\"button button-secondary dropdown-trigger dropdown-select\"><i class=\"icon fa-wrench fa-fw\" aria-hidden=\"true\"></i></span>\n\t\t<div class=\"dropdown\">\n\t\t\t<ul class=\"dropdown-contents\">\n" +
		"\t\t\t\t<li><a href=\"" + s.href(f, tp+"&view=print", true) + "\" title=\"Print view\" accesskey=\"p\"><i class=\"icon fa-print fa-fw\" aria-hidden=\"true\"></i><span>Print view</span></a></li>\n\t\t\t</ul>\n\t\t</div>\n\t</div>\n")
	b.WriteString(strings.Replace(nav, "\t<div class=\"pagination\">\n\t\t", "\t<div class=\"pagination\">\n\t\t<a href=\""+s.href(f, tp+"&view=unread", true)+"#unread\" class=\"mark\">First unread post</a> &bull; ", 1) + "</div>\n\n")
	for i, p := range f.threadPosts(t, n) {
		s.writePost(f, &b, p, i)
	}
	b.WriteString("<div class=\"action-bar bar-bottom\">\n" + nav + "</div>\n")
	title := t.title
	if n > 1 {
		title += " - Page " + strconv.Itoa(n)
	}
	return s.frame(f, o, "viewtopic", title, s.topicCanonical(f, t, n), crumbsAfterIndex(f.threadCrumbs(t)), t.zone, b.String())
}

// writePost writes one post of viewtopic_body.
func (s phpbb) writePost(f *Forum, b *strings.Builder, p *post, i int) {
	pid, u := id(p.id), p.author
	perma := s.href(f, s.postPath(f, p), false)
	dt := "no-profile-rank no-avatar"
	if u.kind == member {
		dt = "has-profile-rank " + map[bool]string{true: "has-avatar", false: "no-avatar"}[u.avatar]
	}
	b.WriteString("\t\t<div id=\"p" + pid + "\" class=\"post has-profile bg" + strconv.Itoa(2-i%2) + "\">\n\t\t<div class=\"inner\">\n\n\t\t<dl class=\"postprofile\" id=\"profile" + pid + "\">\n\t\t\t<dt class=\"" + dt + "\">\n\t\t\t\t<div class=\"avatar-container\">\n")
	if u.kind == member && u.avatar {
		b.WriteString("\t\t\t\t\t<a href=\"" + s.href(f, s.memberPath(f, u), true) + "\" class=\"avatar\"><img class=\"avatar\" src=\"./download/file.php?avatar=" + id(u.id) + "_" + strconv.FormatInt(u.avatarTS, 10) + ".jpg\" width=\"90\" height=\"90\" alt=\"User avatar\" /></a>\n")
	}
	b.WriteString("\t\t\t\t</div>\n\t\t\t\t")
	if u.kind == member {
		b.WriteString(s.username(f, u))
	} else {
		b.WriteString("<strong>" + s.username(f, u) + "</strong>")
	}
	b.WriteString("\n\t\t\t</dt>\n\n")
	if u.kind == member {
		at := s.author(f, p)
		b.WriteString("\t\t\t<dd class=\"profile-rank\">" + esc(u.title) + "</dd>\n")
		for _, fd := range at.Fields {
			cls := "profile-custom-field profile-" + strings.ReplaceAll(strings.ToLower(fd.Label), " ", "_")
			switch fd.Label {
			case "Posts":
				b.WriteString("\t\t<dd class=\"profile-posts\"><strong>Posts:</strong> <a href=\"" + s.href(f, f.cfg.Prefix+"/search.php?author_id="+id(u.id)+"&sr=posts", true) + "\">" + fd.Value + "</a></dd>\n")
				continue
			case "Joined":
				cls = "profile-joined"
			case "Location":
				cls = "profile-custom-field profile-phpbb_location"
			}
			b.WriteString("\t\t<dd class=\"" + cls + "\"><strong>" + esc(fd.Label) + ":</strong> " + esc(fd.Value) + "</dd>\n")
		}
	}
	b.WriteString("\n\t\t</dl>\n\n\t\t<div class=\"postbody\">\n\t\t\t<div id=\"post_content" + pid + "\">\n\n")
	subject := "Re: " + p.thread.title
	if p.position == 1 {
		subject = p.thread.title
	}
	b.WriteString("\t\t\t<h3 " + map[bool]string{true: "class=\"first\"", false: ""}[i == 0] + "><a href=\"#p" + pid + "\">" + esc(subject) + "</a></h3>\n\n")
	b.WriteString("\t\t\t<ul class=\"post-buttons\">\n\t\t\t\t<li>\n\t\t\t\t\t<a href=\"" + s.href(f, f.cfg.Prefix+"/posting.php?mode=quote&p="+pid, true) +
		"\" title=\"Reply with quote\" class=\"button button-icon-only\">\n\t\t\t\t\t\t<i class=\"icon fa-quote-left fa-fw\" aria-hidden=\"true\"></i><span class=\"sr-only\">Quote</span>\n\t\t\t\t\t</a>\n\t\t\t\t</li>\n\t\t\t</ul>\n\n")
	b.WriteString("\t\t\t<p class=\"author\">\n\t\t\t\t<a class=\"unread\" href=\"" + perma + "\" title=\"Post\">\n\t\t\t\t\t<i class=\"icon fa-file fa-fw icon-lightgray icon-md\" aria-hidden=\"true\"></i><span class=\"sr-only\">Post</span>\n\t\t\t\t</a>\n" +
		"\t\t\t\t<span class=\"responsive-hide\">by <strong>" + s.username(f, u) + "</strong> &raquo; </span>" + s.timeTag(p.at) + "\n\t\t\t</p>\n\n")
	b.WriteString("\t\t\t<div class=\"content\">" + p.body.html + "</div>\n\n")
	b.WriteString(s.attachbox(f, p))
	if p.editedAt != nil {
		b.WriteString("\t\t\t<div class=\"notice\">\n\t\t\t\tLast edited by " + s.username(f, u) + " on " + p.editedAt.Format(phpbbDate) + ", edited 1 time in total.\n\t\t\t</div>\n")
	}
	if u.signature.html != "" {
		b.WriteString("\t\t\t<div id=\"sig" + pid + "\" class=\"signature\">" + u.signature.html + "</div>\n")
	}
	b.WriteString("\n\t\t\t</div>\n\n\t\t</div>\n\n\t\t<div class=\"back2top\">\n\t\t\t<a href=\"#top\" class=\"top\" title=\"Top\">\n\t\t\t\t<i class=\"icon fa-chevron-circle-up fa-fw icon-gray\" aria-hidden=\"true\"></i>\n\t\t\t\t<span class=\"sr-only\">Top</span>\n\t\t\t</a>\n\t\t</div>\n\n\t\t</div>\n\t\t</div>\n\n\t<hr class=\"divider\" />\n")
}

// printPage renders viewtopic_print: every post of the topic, plain.
func (s phpbb) printPage(f *Forum, t *thread) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html dir=\"ltr\" lang=\"en-gb\">\n<head>\n<meta charset=\"utf-8\" />\n<meta name=\"robots\" content=\"noindex\" />\n<title>" + siteName + " - " + esc(t.title) + "</title>\n</head>\n<body id=\"phpbb\">\n<div id=\"wrap\" class=\"wrap\">\n\t<div id=\"page-header\">\n\t\t<h1>" + siteName + "</h1>\n\t\t<h2>" + esc(t.title) + "</h2>\n\t</div>\n\t<div id=\"page-body\" class=\"page-body\">\n")
	for _, p := range t.posts {
		b.WriteString("\t\t<div class=\"post\">\n\t\t\t<h3>" + esc(t.title) + "</h3>\n\t\t\t<div class=\"date\"><strong>" + p.at.Format(phpbbDate) + "</strong></div>\n\t\t\t<div class=\"author\">by <strong>" + esc(p.author.name) + "</strong></div>\n\t\t\t<div class=\"content\">" + p.body.html + "</div>\n\t\t</div>\n\t\t<hr />\n")
	}
	b.WriteString("\t</div>\n</div>\n</body>\n</html>\n")
	return b.String()
}
