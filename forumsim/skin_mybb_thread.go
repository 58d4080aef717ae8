package forumsim

import (
	"strconv"
	"strings"
	"time"
)

// boardPage renders forumdisplay: sub-forums, then page n of the threads
// (sticky ones under "Important Threads" on page 1).
func (s mybb) boardPage(f *Forum, o string, bd *board, n int) string {
	var b strings.Builder
	b.WriteString("<!-- start: forumdisplay_usersbrowsing -->\n<span class=\"smalltext\">Users browsing this forum: 1 Guest(s)</span><br />\n<!-- end: forumdisplay_usersbrowsing -->\n")
	b.WriteString(s.subforums(f, o, bd.title, bd.children))
	link := func(k int) string { return s.rel(f, s.boardPath(f, bd, k)) }
	pages := s.multipage(n, f.boardPages(bd), link)
	sortLink := func(by, order string) string {
		return "forumdisplay.php?fid=" + id(bd.id) + "&amp;datecut=9999&amp;prefix=0&amp;sortby=" + by + "&amp;order=" + order
	}
	b.WriteString("<!-- start: forumdisplay_threadlist -->\n<div class=\"float_left\">\n\t" + pages + "</div>\n<div class=\"float_right\">\n\t<a href=\"newthread.php?fid=" + id(bd.id) + "\" class=\"button new_thread_button\"><span>Post Thread</span></a>\n</div>\n")
	b.WriteString("<table border=\"0\" cellspacing=\"0\" cellpadding=\"5\" class=\"tborder clear\">\n\t<tr>\n\t\t<td class=\"thead\" colspan=\"6\">\n\t\t\t<div class=\"float_right\">\n\t\t\t\t<span class=\"smalltext\"><strong><a href=\"misc.php?action=markread&amp;fid=" + id(bd.id) + "\">Mark this forum read</a></strong></span>\n\t\t\t</div>\n\t\t\t<div>\n\t\t\t\t<strong>" + esc(bd.title) + "</strong>\n\t\t\t</div>\n\t\t</td>\n\t</tr>\n")
	b.WriteString("\t<tr>\n\t\t<td class=\"tcat\" colspan=\"3\" width=\"66%\"><span class=\"smalltext\"><strong><a href=\"" + sortLink("subject", "asc") + "\">Thread</a>  / <a href=\"" + sortLink("starter", "asc") + "\">Author</a> </strong></span></td>\n" +
		"\t\t<td class=\"tcat\" align=\"center\" width=\"7%\"><span class=\"smalltext\"><strong><a href=\"" + sortLink("replies", "desc") + "\">Replies</a> </strong></span></td>\n\t\t<td class=\"tcat\" align=\"center\" width=\"7%\"><span class=\"smalltext\"><strong><a href=\"" + sortLink("views", "desc") + "\">Views</a> </strong></span></td>\n" +
		"\t\t<td class=\"tcat\" align=\"right\" width=\"20%\"><span class=\"smalltext\"><strong><a href=\"" + sortLink("lastpost", "desc") + "\">Last Post</a> </strong></span></td>\n\t</tr>\n")
	sticky, normal := f.boardListing(bd, n)
	row := 0
	if len(sticky) > 0 {
		b.WriteString("<tr>\n<td class=\"trow_sep\" colspan=\"6\">Important Threads</td>\n</tr>\n")
		for _, t := range sticky {
			s.threadRow(f, o, &b, t, "forumdisplay_sticky", row)
			row++
		}
		b.WriteString("<tr>\n<td class=\"trow_sep\" colspan=\"6\">Normal Threads</td>\n</tr>\n")
	}
	for _, t := range normal {
		s.threadRow(f, o, &b, t, "forumdisplay_regular", row)
		row++
	}
	b.WriteString("</table>\n<div class=\"float_left\">\n\t" + pages + "</div>\n<br class=\"clear\" />\n<!-- end: forumdisplay_threadlist -->\n")
	title := bd.title
	if n > 1 {
		title += " - Page " + strconv.Itoa(n)
	}
	return s.frame(f, o, title, f.boardCrumbs(bd), bd.title, b.String())
}

// threadRow writes forumdisplay_thread: one thread of a listing.
func (s mybb) threadRow(f *Forum, o string, b *strings.Builder, t *thread, kind string, row int) {
	cls := "trow" + strconv.Itoa(row%2+1) + " " + kind
	first, last := t.posts[0], t.last()
	b.WriteString("<tr class=\"inline_row\">\n\t<td align=\"center\" class=\"" + cls + "\" width=\"2%\"><span class=\"thread_status folder\" title=\"No new posts.\">&nbsp;</span></td>\n\t<td align=\"center\" class=\"" + cls + "\" width=\"2%\">&nbsp;</td>\n\t<td class=\"" + cls + "\">\n\t\t<div>\n          <span><span class=\" subject_old\" id=\"tid_" +
		id(t.id) + "\"><a href=\"" + s.threadLink(t, 1) + "\">" + esc(t.title) + "</a></span>")
	if pages := f.threadPages(t); pages > 1 {
		b.WriteString("<!-- start: forumdisplay_thread_multipage -->\n <span class=\"smalltext\">(Pages: ")
		for k := 1; k <= pages; k++ {
			if pages > 5 && k == 5 {
				b.WriteString("... ")
				k = pages
			}
			b.WriteString("<a href=\"" + s.threadLink(t, k) + "\">" + strconv.Itoa(k) + "</a> \n")
		}
		b.WriteString(")</span>\n<!-- end: forumdisplay_thread_multipage -->")
	}
	_, started := mybbDate(first.at, time.Now())
	lh, _ := mybbDate(last.at, time.Now())
	b.WriteString("</span>\n\t\t\t<div><span class=\"author smalltext\">" + s.userLink(f, o, first.author) + ", </span><span class=\"thread_start_datetime smalltext\">" + esc(started) + "</span></div>\n\t\t</div>\n\t</td>\n" +
		"\t<td align=\"center\" class=\"" + cls + "\"><a href=\"" + esc(o+f.cfg.Prefix) + "/misc.php?action=whoposted&tid=" + id(t.id) + "\" onclick=\"MyBB.whoPosted(" + id(t.id) + "); return false;\">" + number(int64(len(t.posts)-1)) + "</a></td>\n" +
		"\t<td align=\"center\" class=\"" + cls + "\">" + number(t.views) + "</td>\n\t<td class=\"" + cls + "\" style=\"white-space: nowrap; text-align: right;\">\n\t\t<span class=\"lastpost smalltext\">" + lh + "<br />\n\t\t<a href=\"showthread.php?tid=" + id(t.id) +
		"&amp;action=lastpost\">Last Post</a>: " + s.userLink(f, o, last.author) + "</span>\n\t</td>\n</tr>\n")
}

// threadPage renders showthread: page n of a thread in the default postbit.
func (s mybb) threadPage(f *Forum, o string, t *thread, n int) string {
	var b strings.Builder
	pages := s.multipage(n, f.threadPages(t), func(k int) string { return s.threadLink(t, k) })
	b.WriteString("\t<div class=\"float_left\">\n\t\t" + pages + "\t</div>\n\t<div class=\"float_right\">\n\t\t<a href=\"newreply.php?tid=" + id(t.id) + "\" class=\"button new_reply_button\"><span>New Reply</span></a>\n\t</div>\n")
	b.WriteString("\t<table border=\"0\" cellspacing=\"0\" cellpadding=\"5\" class=\"tborder tfixed clear\">\n\t\t<tr>\n\t\t\t<td class=\"thead\">\n\t\t\t\t<div class=\"float_right\">\n\t\t\t\t\t<span class=\"smalltext\"><strong><a href=\"showthread.php?mode=threaded&amp;tid=" + id(t.id) + "&amp;pid=" + id(t.posts[0].id) + "#pid" + id(t.posts[0].id) +
		"\">Threaded Mode</a></strong></span>\n\t\t\t\t</div>\n\t\t\t\t<div>\n\t\t\t\t\t<strong>" + esc(t.title) + "</strong>\n\t\t\t\t</div>\n\t\t\t</td>\n\t\t</tr>\n<tr><td id=\"posts_container\">\n\t<div id=\"posts\">\n")
	for _, p := range f.threadPosts(t, n) {
		s.writePost(f, o, &b, p)
	}
	b.WriteString("\t</div>\n</td></tr>\n\t</table>\n\t<div class=\"float_left\">\n\t\t" + pages + "\t</div>\n\t<br class=\"clear\" />\n\t<div class=\"float_left\">\n\t\t<ul class=\"thread_tools\">\n\t\t\t<li class=\"printable\"><a href=\"printthread.php?tid=" + id(t.id) + "\">View a Printable Version</a></li>\n\t\t</ul>\n\t</div>\n")
	return s.frame(f, o, t.title, f.threadCrumbs(t), t.title, b.String())
}

// writePost writes one post as the default postbit template.
func (s mybb) writePost(f *Forum, o string, b *strings.Builder, p *post) {
	pid, u, bb := id(p.id), p.author, esc(o+f.cfg.Prefix)
	b.WriteString("<!-- start: postbit -->\n\n<a name=\"pid" + pid + "\" id=\"pid" + pid + "\"></a>\n<div class=\"post \" style=\"\" id=\"post_" + pid + "\">\n<div class=\"post_author\">\n")
	at := s.author(f, p)
	if u.kind == member {
		av := bb + "/images/default_avatar.png"
		if u.avatar {
			av = bb + "/uploads/avatars/avatar_" + id(u.id) + ".png?dateline=" + strconv.FormatInt(u.avatarTS, 10)
		}
		b.WriteString("\t<!-- start: postbit_avatar -->\n<div class=\"author_avatar\"><a href=\"" + s.rel(f, s.memberPath(f, u)) + "\"><img src=\"" + av + "\" alt=\"\" width=\"55\" height=\"55\" /></a></div>\n<!-- end: postbit_avatar -->\n" +
			"\t<div class=\"author_information\">\n\t\t\t<strong><span class=\"largetext\">" + s.userLink(f, o, u) + "</span></strong> <!-- start: postbit_offline -->\n<img src=\"" + bb + "/images/buddy_offline.png\" title=\"Offline\" alt=\"Offline\" class=\"buddy_status\" />\n<!-- end: postbit_offline --><br />\n" +
			"\t\t\t<span class=\"smalltext\">\n\t\t\t\t" + esc(at.Title) + "<br />\n\t\t\t\t<img src=\"images/star.png\" border=\"0\" alt=\"*\" /><img src=\"images/star.png\" border=\"0\" alt=\"*\" /><br />\n\t\t\t\t\n\t\t\t</span>\n\t</div>\n" +
			"\t<div class=\"author_statistics\">\n\t\t<!-- start: postbit_author_user -->\n\n")
		for i, fd := range at.Fields {
			switch {
			case fd.Label == "Reputation":
				b.WriteString("\n\t<!-- start: postbit_reputation -->\n<br />Reputation: <a href=\"reputation.php?uid=" + id(u.id) + "\"><strong class=\"reputation_" + map[bool]string{true: "positive", false: "neutral"}[u.reactions > 0] + "\">" + esc(fd.Value) + "</strong></a>\n<!-- end: postbit_reputation -->")
			case i > 3:
				b.WriteString("<!-- start: postbit_profilefield -->\n<br />" + esc(fd.Label) + ": " + esc(fd.Value) + "\n<!-- end: postbit_profilefield -->")
			default:
				b.WriteString("\t" + esc(fd.Label) + ": " + esc(fd.Value))
				if i < 2 {
					b.WriteString("<br />\n")
				}
			}
		}
		b.WriteString("\n<!-- end: postbit_author_user -->\n\t</div>\n</div>\n")
	} else {
		b.WriteString("\t\n\t<div class=\"author_information\">\n\t\t\t<strong><span class=\"largetext\">" + esc(u.name) + "</span></strong> <br />\n\t\t\t<span class=\"smalltext\">\n\t\t\t\tUnregistered<br />\n\t\t\t\t\n\t\t\t\t\n\t\t\t</span>\n\t</div>\n" +
			"\t<div class=\"author_statistics\">\n\t\t<!-- start: postbit_author_guest -->\n&nbsp;\n<!-- end: postbit_author_guest -->\n\t</div>\n</div>\n")
	}
	dh, _ := mybbDate(p.at, time.Now())
	b.WriteString("<div class=\"post_content\">\n\t<div class=\"post_head\">\n\t\t<!-- start: postbit_posturl -->\n<div class=\"float_right\" style=\"vertical-align: top\">\n<strong><a href=\"" + s.rel(f, s.postPath(f, p)) + "\" title=\"" + esc(s.subject(p)) + "\">#" + strconv.Itoa(p.position) +
		"</a></strong>\n\n</div>\n<!-- end: postbit_posturl -->\n\t\t\n\t\t<span class=\"post_date\">" + dh + " <span class=\"post_edit\" id=\"edited_by_" + pid + "\">")
	if p.editedAt != nil {
		eh, _ := mybbDate(*p.editedAt, time.Now())
		b.WriteString("<!-- start: postbit_editedby -->\n<span class=\"edited_post\">(This post was last modified: " + eh + " by " + s.userLink(f, o, u) + ".)</span>\n<!-- end: postbit_editedby -->")
	}
	b.WriteString("</span></span>\n\t\t\n\t</div>\n\t<div class=\"post_body scaleimages\" id=\"pid_" + pid + "\">\n\t\t" + p.body.html + "\n\t</div>\n\t")
	if len(p.attach) > 0 {
		b.WriteString("<!-- start: postbit_attachments -->\n<br />\n<br />\n<fieldset>\n<legend><strong>Attached Files</strong></legend>\n")
		for _, a := range p.attach {
			b.WriteString("<!-- start: postbit_attachments_attachment -->\n<br /><img src=\"" + bb + "/images/attachtypes/unknown.png\" title=\"\" border=\"0\" alt=\"\" />\n&nbsp;&nbsp;<a href=\"" + s.rel(f, s.attachmentPath(f, a)) + "\" target=\"_blank\" title=\"\">" + esc(a.name) +
				"</a> (Size: " + esc(a.size) + " / Downloads: " + strconv.Itoa(len(a.name)*7) + ")\n<!-- end: postbit_attachments_attachment -->")
		}
		b.WriteString("\n</fieldset>\n<!-- end: postbit_attachments -->\n")
	}
	b.WriteString("\n\t")
	if u.signature.html != "" {
		b.WriteString("<!-- start: postbit_signature -->\n<div class=\"signature scaleimages\">\n" + u.signature.html + "\n</div>\n<!-- end: postbit_signature -->\n")
	}
	b.WriteString("\t<div class=\"post_meta\" id=\"post_meta_" + pid + "\">\n\t\t\n\t\t<div class=\"float_right\">\n\t\t\t\n\t\t</div>\n\t</div>\n\t\n</div>\n<div class=\"post_controls\">\n\t<div class=\"postbit_buttons author_buttons float_left\">\n")
	if u.kind == member {
		b.WriteString("\t\t<!-- start: postbit_find -->\n<a href=\"search.php?action=finduser&amp;uid=" + id(u.id) + "\" title=\"Find all posts by this user\" class=\"postbit_find\"><span>Find</span></a>\n<!-- end: postbit_find -->\n")
	}
	b.WriteString("\t</div>\n\t<div class=\"postbit_buttons post_management_buttons float_right\">\n\t\t<!-- start: postbit_quote -->\n<a href=\"newreply.php?tid=" + id(p.thread.id) + "&amp;replyto=" + pid +
		"\" title=\"Quote this message in a reply\" class=\"postbit_quote postbit_mirage\"><span>Reply</span></a>\n<!-- end: postbit_quote -->\n\t</div>\n</div>\n</div>\n<!-- end: postbit -->")
}

// subject returns a post's subject: the thread's title, "RE: " for replies.
func (mybb) subject(p *post) string {
	if p.position == 1 {
		return p.thread.title
	}
	return "RE: " + p.thread.title
}

// printPage renders printthread: every post of a thread, plain.
func (s mybb) printPage(f *Forum, t *thread) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\"><!-- start: printthread -->\n<html xml:lang=\"en\" lang=\"en\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n<title> " + esc(t.title) + " - Printable Version</title>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\" />\n</head>\n<body>\n<table width=\"98%\" align=\"center\">\n<tr>\n<td>\n<span class=\"largetext\"> <a href=\"" +
		s.threadLink(t, 1) + "\">" + esc(t.title) + "</a> - Printable Version</span><br />\n</td>\n</tr>\n<tr>\n<td><br /><hr size=\"1\" />")
	for _, p := range t.posts {
		b.WriteString("<!-- start: printthread_post -->\n<strong>" + esc(s.subject(p)) + "</strong> - " + esc(p.author.name) + " -  <strong>" + p.at.UTC().Format("01-02-2006") + "</strong>\n<br />\n<br />\n" + p.body.html + "\n<br />\n<br />\n<hr size=\"1\" />\n<!-- end: printthread_post -->")
	}
	return b.String() + "</td>\n</tr>\n</table>\n</body>\n</html>\n"
}
