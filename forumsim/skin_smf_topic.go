package forumsim

import (
	"strconv"
	"strings"
)

// boardPage renders MessageIndex: child boards, then page n of the topics.
func (s smf) boardPage(f *Forum, o string, bd *board, n int) string {
	sticky, normal := f.boardListing(bd, n)
	var b strings.Builder
	if len(bd.children) > 0 {
		b.WriteString("\t<div id=\"board_" + id(bd.id) + "_childboards\" class=\"boardindex_table main_container\">\n\t\t<div class=\"cat_bar\">\n\t\t\t<h3 class=\"catbg\">Child Boards</h3>\n\t\t</div>\n")
		for _, c := range bd.children {
			s.boardRow(f, o, &b, c)
		}
		b.WriteString("\t</div>\n")
	}
	b.WriteString("\t<div id=\"display_head\" class=\"information\">\n\t\t\t<h2 class=\"display_title\">" + esc(bd.title) + "</h2>\n\t\t\t<p>" + esc(bd.desc) + "</p>\n\t\t</div>\n")
	link := func(k int) string { return s.boardPath(f, bd, k) }
	b.WriteString("\t<div class=\"pagesection\">\n" + s.pagelinks(f, o, n, f.boardPages(bd), link, false) + "\t</div>\n")
	bp := s.boardPath(f, bd, 1)
	b.WriteString("\t\t<div id=\"messageindex\">\n\t\t\t<div class=\"title_bar\" id=\"topic_header\">\n\t\t\t\t<div class=\"board_icon\"></div>\n\t\t\t\t<div class=\"info\"><a href=\"" + s.abs(f, o, bp+";sort=subject", false) + "\">Subject</a> / <a href=\"" + s.abs(f, o, bp+";sort=starter", false) + "\">Started by</a></div>\n" +
		"\t\t\t\t<div class=\"board_stats centertext\"><a href=\"" + s.abs(f, o, bp+";sort=replies", false) + "\">Replies</a> / <a href=\"" + s.abs(f, o, bp+";sort=views", false) + "\">Views</a></div>\n" +
		"\t\t\t\t<div class=\"lastpost\"><a href=\"" + s.abs(f, o, bp+";sort=last_post", false) + "\">Last post<span class=\"main_icons sort_down\"></span></a></div>\n\t\t\t</div><!-- #topic_header -->\n\t\t\t<div id=\"topic_container\">\n")
	for _, t := range append(sticky, normal...) {
		s.topicRow(f, o, &b, t)
	}
	if len(sticky)+len(normal) == 0 {
		b.WriteString("\t\t\t\t<div class=\"information\">\n\t\t\t\t\t<div class=\"noticebox\">There are no topics in this board yet.</div>\n\t\t\t\t</div>\n")
	}
	b.WriteString("\t\t\t</div><!-- #topic_container -->\n\t\t</div><!-- #messageindex -->\n\t<div class=\"pagesection\">\n" + s.pagelinks(f, o, n, f.boardPages(bd), link, true) + "\t</div>\n")
	title := bd.title
	if n > 1 {
		title += " - Page " + strconv.Itoa(n)
	}
	return s.frame(f, o, "action_messageindex board_"+id(bd.id), title, s.boardPath(f, bd, n), f.boardCrumbs(bd),
		s.lastCrumb(f, o, s.boardPath(f, bd, 1), bd.title), b.String())
}

// topicRow writes one topic of MessageIndex.
func (s smf) topicRow(f *Forum, o string, b *strings.Builder, t *thread) {
	first, last := t.posts[0], t.last()
	cls, bold, icon := "windowbg", "", ""
	if t.sticky {
		cls, bold, icon = "windowbg sticky", " bold_text", "\n\t\t\t\t\t\t\t\t<span class=\"main_icons sticky\"></span>"
	}
	b.WriteString("\t\t\t\t<div class=\"" + cls + "\">\n\t\t\t\t\t<div class=\"board_icon\">\n\t\t\t\t\t\t<img src=\"" + esc(o+f.cfg.Prefix) + "/Themes/default/images/post/xx.png\" alt=\"\">\n\t\t\t\t\t</div>\n\t\t\t\t\t<div class=\"info info_block\">\n\t\t\t\t\t\t<div >\n\t\t\t\t\t\t\t<div class=\"icons floatright\">" + icon + "\n\t\t\t\t\t\t\t</div>\n")
	b.WriteString("\t\t\t\t\t\t\t<div class=\"message_index_title\">\n\t\t\t\t\t\t\t\t<span class=\"preview" + bold + "\" title=\"\">\n\t\t\t\t\t\t\t\t\t<span id=\"msg_" + id(first.id) + "\"><a href=\"" + s.abs(f, o, s.threadPath(f, t, 1), false) + "\">" + esc(t.title) + "</a></span>\n\t\t\t\t\t\t\t\t</span>\n\t\t\t\t\t\t\t</div>\n")
	b.WriteString("\t\t\t\t\t\t\t<p class=\"floatleft\">\n\t\t\t\t\t\t\t\tStarted by " + s.userLink(f, o, first.author) + "\n\t\t\t\t\t\t\t</p>\n")
	if pages := f.threadPages(t); pages > 1 {
		b.WriteString("\t\t\t\t\t\t\t<span id=\"pages" + id(first.id) + "\" class=\"topic_pages\"><span class=\"pages\">Pages</span>")
		for k := 1; k <= pages; k++ {
			if k > 3 && k < pages {
				if k == 4 {
					b.WriteString("<span class=\"expand_pages\"> ... </span>")
				}
				continue
			}
			b.WriteString("<a class=\"nav_page\" href=\"" + s.abs(f, o, s.threadPath(f, t, k), false) + "\">" + strconv.Itoa(k) + "</a> ")
		}
		b.WriteString("</span>\n")
	}
	b.WriteString("\t\t\t\t\t\t</div><!-- #topic_[first_post][id] -->\n\t\t\t\t\t</div><!-- .info -->\n\t\t\t\t\t<div class=\"board_stats centertext\">\n\t\t\t\t\t\t<p>Replies: " + number(int64(len(t.posts)-1)) + "<br>Views: " + number(t.views) + "</p>\n\t\t\t\t\t</div>\n")
	b.WriteString("\t\t\t\t\t<div class=\"lastpost\">\n\t\t\t\t\t\t<p><a href=\"" + s.abs(f, o, s.threadPath(f, t, f.postPage(last))+"#msg"+id(last.id), false) + "\">" + last.at.Format(smfDate) + "</a><br>by " + s.userLink(f, o, last.author) + "</p>\n\t\t\t\t\t</div>\n\t\t\t\t</div><!-- $topic[css_class] -->\n")
}

// threadPage renders Display: page n of a topic.
func (s smf) threadPage(f *Forum, o string, t *thread, n int) string {
	var b strings.Builder
	first := t.posts[0]
	b.WriteString("\t\t<div id=\"display_head\" class=\"information\">\n\t\t\t<h2 class=\"display_title\">\n\t\t\t\t<span id=\"top_subject\">" + esc(t.title) + "</span>\n\t\t\t</h2>\n\t\t\t<p>Started by " + esc(first.author.name) + ", " + first.at.Format(smfDate) + "</p>\n")
	b.WriteString("\t\t\t<span class=\"nextlinks floatright\"><a href=\"" + s.abs(f, o, s.threadPath(f, t, 1)+";prev_next=prev#new", false) + "\">Previous topic</a> - <a href=\"" + s.abs(f, o, s.threadPath(f, t, 1)+";prev_next=next#new", false) + "\">Next topic</a></span>\n\t\t</div><!-- #display_head -->\n")
	link := func(k int) string { return s.threadPath(f, t, k) }
	buttons := "\t\t<div class=\"buttonlist floatright\">\n\t\t\t\t<a class=\"button button_strip_print\" href=\"" + s.abs(f, o, f.cfg.Prefix+"/index.php?action=printpage;topic="+id(t.id)+".0", false) + "\"  rel=\"nofollow\">Print</a>\n\t\t</div>\n"
	b.WriteString("\t\t<div class=\"pagesection top\">\n" + buttons + s.pagelinks(f, o, n, f.threadPages(t), link, false) + "\t\t</div>\n")
	b.WriteString("\t\t<div id=\"forumposts\">\n\t\t\t<form action=\"" + s.abs(f, o, f.cfg.Prefix+"/index.php?action=quickmod2;topic="+id(t.id)+"."+strconv.Itoa((n-1)*f.cfg.PostsPerPage), false) + "\" method=\"post\" accept-charset=\"UTF-8\" name=\"quickModForm\" id=\"quickModForm\">\n")
	for _, p := range f.threadPosts(t, n) {
		s.writePost(f, o, &b, p)
	}
	b.WriteString("\t\t\t</form>\n\t\t</div><!-- #forumposts -->\n\t\t<div class=\"pagesection\">\n" + buttons + s.pagelinks(f, o, n, f.threadPages(t), link, true) + "\t\t</div>\n")
	title := t.title
	if n > 1 {
		title += " - Page " + strconv.Itoa(n)
	}
	return s.frame(f, o, "action_display board_"+id(t.board.id), title, s.threadPath(f, t, n), f.threadCrumbs(t),
		s.lastCrumb(f, o, s.threadPath(f, t, 1), t.title), b.String())
}

// writePost writes one message of Display.
func (s smf) writePost(f *Forum, o string, b *strings.Builder, p *post) {
	pid, u := id(p.id), p.author
	perma := s.abs(f, o, s.postPath(f, p), false)
	b.WriteString("\t\t\t\t<div class=\"windowbg\" id=\"msg" + pid + "\">\n\t\t\t\t\t<div class=\"post_wrapper\">\n\t\t\t\t\t\t<div class=\"poster\">\n\t\t\t\t\t\t\t<h4>\n")
	if u.kind == member {
		mp := s.abs(f, o, s.memberPath(f, u), true)
		b.WriteString("\t\t\t\t\t\t\t\t<a href=\"" + mp + "\" title=\"View the profile of " + esc(u.name) + "\">" + esc(u.name) + "</a>\n\t\t\t\t\t\t\t</h4>\n\t\t\t\t\t\t\t<ul class=\"user_info\">\n")
		if u.title != "" {
			b.WriteString("\t\t\t\t\t\t\t\t<li class=\"title\">" + esc(u.title) + "</li>\n")
		}
		if u.avatar {
			b.WriteString("\t\t\t\t\t\t\t\t<li class=\"avatar\">\n\t\t\t\t\t\t\t\t\t<a href=\"" + mp + "\"><img class=\"avatar\" src=\"" + esc(o+f.cfg.Prefix) + "/avatars/avatar_" + id(u.id) + ".png\" alt=\"\"></a>\n\t\t\t\t\t\t\t\t</li>\n")
		}
		b.WriteString("\t\t\t\t\t\t\t\t<li class=\"icons\"><img src=\"" + esc(o+f.cfg.Prefix) + "/Themes/default/images/membericons/icon.png\" alt=\"*\"></li>\n\t\t\t\t\t\t\t\t<li class=\"postgroup\">" + postGroup(u.messages) + "</li>\n")
		for _, fd := range s.author(f, p).Fields {
			cls := "custom cust_" + strings.ToLower(strings.ReplaceAll(fd.Label, " ", "_"))
			switch fd.Label {
			case "Posts":
				cls = "postcount"
			case "Location":
				cls = "custom cust_loca"
			}
			b.WriteString("\t\t\t\t\t\t\t\t<li class=\"" + cls + "\">" + esc(fd.Label) + ": " + esc(fd.Value) + "</li>\n")
		}
	} else {
		b.WriteString("\t\t\t\t\t\t\t\t" + esc(u.name) + "\n\t\t\t\t\t\t\t</h4>\n\t\t\t\t\t\t\t<ul class=\"user_info\">\n\t\t\t\t\t\t\t\t<li class=\"membergroup\">Guest</li>\n")
	}
	b.WriteString("\t\t\t\t\t\t\t\t<li class=\"poster_ip\">Logged</li>\n\t\t\t\t\t\t\t</ul>\n\t\t\t\t\t\t</div><!-- .poster -->\n\t\t\t\t\t\t<div class=\"postarea\">\n\t\t\t\t\t\t\t<div class=\"keyinfo\">\n")
	subject, num, title := "Re: "+p.thread.title, "", ""
	if p.position == 1 {
		subject = p.thread.title
	} else {
		num = "\t\t\t\t\t\t\t\t<span class=\"page_number floatright\">#" + strconv.Itoa(p.position-1) + "</span>\n"
		title = "Reply #" + strconv.Itoa(p.position-1) + " - "
	}
	b.WriteString("\t\t\t\t\t\t\t\t<div id=\"subject_" + pid + "\" class=\"subject_title subject_hidden\">\n\t\t\t\t\t\t\t\t\t<a href=\"" + perma + "\" rel=\"nofollow\">" + esc(subject) + "</a>\n\t\t\t\t\t\t\t\t</div>\n" + num)
	b.WriteString("\t\t\t\t\t\t\t\t<div class=\"postinfo\">\n\t\t\t\t\t\t\t\t\t<a href=\"" + perma + "\" rel=\"nofollow\" title=\"" + esc(title+subject) + "\" class=\"smalltext\">" + p.at.Format(smfDate) + "</a>\n\t\t\t\t\t\t\t\t\t<span class=\"spacer\"></span>\n")
	if p.editedAt != nil {
		b.WriteString("\t\t\t\t\t\t\t\t\t<span class=\"smalltext modified floatright mvisible\" id=\"modified_" + pid + "\"><span class=\"lastedit\">Last Edit</span>: " + p.editedAt.Format(smfDate) + " by " + esc(u.name) + "\n\t\t\t\t\t\t\t\t\t</span>\n")
	} else {
		b.WriteString("\t\t\t\t\t\t\t\t\t<span class=\"smalltext modified floatright\" id=\"modified_" + pid + "\">\n\t\t\t\t\t\t\t\t\t</span>\n")
	}
	b.WriteString("\t\t\t\t\t\t\t\t</div>\n\t\t\t\t\t\t\t\t<div id=\"msg_" + pid + "_quick_mod\"></div>\n\t\t\t\t\t\t\t</div><!-- .keyinfo -->\n")
	b.WriteString("\t\t\t\t\t\t\t<div class=\"post\">\n\t\t\t\t\t\t\t\t<div class=\"inner\" data-msgid=\"" + pid + "\" id=\"msg_" + pid + "\">" + p.body.html + "</div>\n\t\t\t\t\t\t\t</div><!-- .post -->\n")
	if len(p.attach) > 0 {
		b.WriteString("\t\t\t\t\t\t\t<div id=\"msg_" + pid + "_footer\" class=\"attachments\">\n")
		for _, a := range p.attach {
			b.WriteString("\t\t\t\t\t\t\t\t<div class=\"attached\">\n\t\t\t\t\t\t\t\t\t<div class=\"attachments_bot\">\n\t\t\t\t\t\t\t\t\t\t<a href=\"" + s.abs(f, o, s.attachmentPath(f, a), false) + "\">" + esc(a.name) + "</a>\n\t\t\t\t\t\t\t\t\t\t<br>" + esc(a.size) + ", " + strconv.Itoa(len(a.name)*3) + " views\n\t\t\t\t\t\t\t\t\t</div>\n\t\t\t\t\t\t\t\t</div>\n")
		}
		b.WriteString("\t\t\t\t\t\t\t</div>\n")
	}
	b.WriteString("\t\t\t\t\t\t\t<div class=\"under_message\">\n\t\t\t\t\t\t\t</div><!-- .under_message -->\n\t\t\t\t\t\t</div><!-- .postarea -->\n\t\t\t\t\t\t<div class=\"moderatorbar\">\n")
	if u.signature.html != "" {
		b.WriteString("\t\t\t\t\t\t\t<div class=\"signature\" id=\"msg_" + pid + "_signature\">" + u.signature.html + "</div>\n")
	}
	b.WriteString("\t\t\t\t\t\t</div><!-- .moderatorbar -->\n\t\t\t\t\t</div><!-- .post_wrapper -->\n\t\t\t\t</div><!-- $message[css_class] -->\n\t\t\t\t<hr class=\"post_separator\">\n")
}

// printPage renders the printer-friendly topic, every post plain.
func (s smf) printPage(f *Forum, o string, t *thread) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html>\n<head>\n\t<meta charset=\"UTF-8\">\n\t<meta name=\"robots\" content=\"noindex\">\n\t<link rel=\"canonical\" href=\"" + esc(o+s.threadPath(f, t, 1)) + "\">\n\t<title>Print Page - " + esc(t.title) + "</title>\n</head>\n<body>\n\t<h1 id=\"title\">" + siteName + "</h1>\n\t<div id=\"posts\">\n")
	for _, p := range t.posts {
		b.WriteString("\t\t<div class=\"postheader\">\n\t\t\tTitle: <strong>" + esc(t.title) + "</strong><br>\n\t\t\tPost by: <strong>" + esc(p.author.name) + "</strong> on <strong>" + p.at.Format(smfDate) + "</strong>\n\t\t</div>\n\t\t<div class=\"postbody\">\n\t\t\t" + p.body.html + "\n\t\t</div>\n")
	}
	b.WriteString("\t</div>\n</body>\n</html>\n")
	return b.String()
}
