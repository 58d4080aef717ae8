package forumsim

import (
	"strconv"
	"strings"
	"time"
)

// rel returns a path under the prefix as MyBB links it: relative to the
// forum's folder, escaped for an attribute.
func (mybb) rel(f *Forum, path string) string {
	return esc(strings.TrimPrefix(path, f.cfg.Prefix+"/"))
}

// abs returns a path under the prefix as an absolute bburl link, escaped.
func (mybb) abs(f *Forum, o, path string) string { return esc(o + path) }

// frame returns a whole MyBB page: header, navigation (crumbs, then active
// as the active nav bit unless it is ""), the body and the footer.
func (s mybb) frame(f *Forum, o, title string, crumbs []CrumbTruth, active, body string) string {
	bb := esc(o + f.cfg.Prefix)
	var b strings.Builder
	b.WriteString("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n<html xml:lang=\"en\" lang=\"en\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n<title>" + esc(title) + "</title>\n")
	b.WriteString("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\" />\n<script type=\"text/javascript\" src=\"" + bb + "/jscripts/jquery.js?ver=1823\"></script>\n<script type=\"text/javascript\" src=\"" + bb + "/jscripts/general.js?ver=1827\"></script>\n")
	b.WriteString("<link type=\"text/css\" rel=\"stylesheet\" href=\"" + bb + "/cache/themes/theme1/global.css?t=1796012632\" />\n<script type=\"text/javascript\">\n<!--\n\tvar my_post_key = \"9756be92425bf1246067cd82aa1e0576\";\n\tvar rootpath = \"" + bb + "\";\n// -->\n</script>\n</head>\n<body>\n")
	b.WriteString("<div id=\"container\">\n\t\t<a name=\"top\" id=\"top\"></a>\n\t\t<div id=\"header\">\n\t\t\t<div id=\"logo\">\n\t\t\t\t<div class=\"wrapper\">\n\t\t\t\t\t<a href=\"" + bb + "/index.php\"><img src=\"" + bb + "/images/logo.png\" alt=\"" + siteName + "\" title=\"" + siteName + "\" /></a>\n" +
		"\t\t\t\t\t<ul class=\"menu top_links\">\n<li><a href=\"" + bb + "/portal.php\" class=\"portal\">Portal</a></li>\n<li><a href=\"" + bb + "/search.php\" class=\"search\">Search</a></li>\n<li><a href=\"" + bb + "/memberlist.php\" class=\"memberlist\">Member List</a></li>\n<li><a href=\"" + bb + "/calendar.php\" class=\"calendar\">Calendar</a></li>\n" +
		"\t\t\t\t\t\t<li><a href=\"" + bb + "/misc.php?action=help\" class=\"help\">Help</a></li>\n\t\t\t\t\t</ul>\n\t\t\t\t</div>\n\t\t\t</div>\n")
	b.WriteString("\t\t\t<div id=\"panel\">\n\t\t\t\t<div class=\"upper\">\n\t\t\t\t\t<div class=\"wrapper\">\n\t\t\t\t\t\t<span class=\"welcome\">Hello There, Guest! <a href=\"" + bb + "/member.php?action=login\" class=\"login\">Login</a> <a href=\"" + bb + "/member.php?action=register\" class=\"register\">Register</a></span>\n\t\t\t\t\t</div>\n\t\t\t\t</div>\n\t\t\t</div>\n\t\t</div>\n")
	b.WriteString("\t\t<div id=\"content\">\n\t\t\t<div class=\"wrapper\">\n<!-- start: nav -->\n\n<div class=\"navigation\">\n")
	for i, c := range crumbs {
		href := s.rel(f, c.Path)
		if i == 0 {
			href = s.abs(f, o, c.Path)
		}
		b.WriteString("<!-- start: nav_bit -->\n<a href=\"" + href + "\">" + esc(c.Name) + "</a>")
		if i < len(crumbs)-1 || active == "" {
			b.WriteString("<!-- start: nav_sep -->\n&rsaquo;\n<!-- end: nav_sep -->\n")
		}
		b.WriteString("<!-- end: nav_bit -->")
	}
	if active != "" {
		b.WriteString("<!-- start: nav_sep_active -->\n<br /><img src=\"" + bb + "/images/nav_bit.png\" alt=\"\" />\n<!-- end: nav_sep_active --><!-- start: nav_bit_active -->\n<span class=\"active\">" + esc(active) + "</span>\n<!-- end: nav_bit_active -->\n")
	}
	b.WriteString("</div>\n<!-- end: nav -->\n\t\t\t\t<br />\n<!-- end: header -->\n")
	b.WriteString(body)
	b.WriteString("\t<!-- start: footer -->\n\n\t</div>\n</div>\n<div id=\"footer\">\n\t<div class=\"upper\">\n\t\t<div class=\"wrapper\">\n\t\t\t<ul class=\"menu bottom_links\">\n<li><a href=\"showteam.php\">Forum Team</a></li>\n<li><a href=\"" + bb + "/contact.php\">Contact Us</a></li>\n" +
		"\t\t\t\t<li><a href=\"#top\">Return to Top</a></li>\n\t\t\t\t<li><a href=\"" + bb + "/misc.php?action=syndication\">RSS Syndication</a></li>\n\t\t\t</ul>\n\t\t</div>\n\t</div>\n")
	b.WriteString("\t<div class=\"lower\">\n\t\t<div class=\"wrapper\">\n\t\t\t<span id=\"current_time\"><strong>Current time:</strong> " + time.Now().UTC().Format(mybbLayout) + "</span>\n\t\t\t<span id=\"copyright\">\n\t\t\t\tPowered By <a href=\"https://mybb.com\" target=\"_blank\" rel=\"noopener\">MyBB</a>, &copy; 2002-2026 <a href=\"https://mybb.com\" target=\"_blank\" rel=\"noopener\">MyBB Group</a>.\n\t\t\t</span>\n\t\t</div>\n\t</div>\n</div>\n</div>\n<!-- end: footer -->\n</body>\n</html>\n")
	return b.String()
}

// multipage returns MyBB's multipage block for page cur of last, whose
// page k is linked as link(k) (relative, escaped); "" for a single page.
func (mybb) multipage(cur, last int, link func(int) string) string {
	if last <= 1 {
		return ""
	}
	h := "<!-- start: multipage -->\n<div class=\"pagination\">\n<span class=\"pages\">Pages (" + strconv.Itoa(last) + "):</span>\n"
	if cur > 1 {
		h += "<a href=\"" + link(cur-1) + "\" class=\"pagination_previous\">&laquo; Previous</a>\n"
	}
	lo, hi := max(1, cur-2), min(last, cur+2)
	if lo > 1 {
		h += "<a href=\"" + link(1) + "\" class=\"pagination_first\">1</a>  ...\n"
	}
	for k := lo; k <= hi; k++ {
		if k == cur {
			h += " <span class=\"pagination_current\">" + strconv.Itoa(k) + "</span>\n"
		} else {
			h += "<a href=\"" + link(k) + "\" class=\"pagination_page\">" + strconv.Itoa(k) + "</a>\n"
		}
	}
	if hi < last {
		h += "...  <a href=\"" + link(last) + "\" class=\"pagination_last\">" + strconv.Itoa(last) + "</a>\n"
	}
	if cur < last {
		h += "<a href=\"" + link(cur+1) + "\" class=\"pagination_next\">Next &raquo;</a>\n"
	}
	return h + "</div>\n<!-- end: multipage -->\n"
}

// userLink returns a user's name as MyBB links it (plain for guests).
func (s mybb) userLink(f *Forum, o string, u *user) string {
	if u.kind != member {
		return esc(u.name)
	}
	return "<a href=\"" + s.abs(f, o, s.memberPath(f, u)) + "\">" + esc(u.name) + "</a>"
}

// forumRows writes forumbit_depth2_forum rows for boards.
func (s mybb) forumRows(f *Forum, o string, b *strings.Builder, boards []*board) {
	for i, bd := range boards {
		row := "trow" + strconv.Itoa(i%2+1)
		threads, posts := 0, 0
		var latest *post
		for _, t := range f.allThreads(bd) {
			threads++
			posts += len(t.posts)
			if latest == nil || t.last().at.After(latest.at) {
				latest = t.last()
			}
		}
		b.WriteString("<!-- start: forumbit_depth2_forum -->\n<tr>\n<td class=\"" + row + "\" align=\"center\" width=\"1\"><span class=\"forum_status forum_off ajax_mark_read\" title=\"Forum Contains No New Posts\" id=\"mark_read_" + id(bd.id) + "\"></span></td>\n<td class=\"" + row + "\">\n<strong><a href=\"" +
			s.rel(f, s.boardPath(f, bd, 1)) + "\">" + esc(bd.title) + "</a></strong><div class=\"smalltext\">" + esc(bd.desc))
		if len(bd.children) > 0 {
			b.WriteString("<!-- start: forumbit_subforums -->\n<br /><strong>Sub Forums:</strong> ")
			for k, c := range bd.children {
				if k > 0 {
					b.WriteString(", ")
				}
				b.WriteString("<div title=\"Forum Contains No New Posts\" class=\"subforumicon subforum_minioff\"></div><a href=\"" + s.rel(f, s.boardPath(f, c, 1)) + "\" title=\"\">" + esc(c.title) + "</a>")
			}
			b.WriteString("\n<!-- end: forumbit_subforums -->")
		}
		b.WriteString("</div>\n</td>\n<td class=\"" + row + "\" align=\"center\" style=\"white-space: nowrap\">" + number(int64(threads)) + "</td>\n<td class=\"" + row + "\" align=\"center\" style=\"white-space: nowrap\">" + number(int64(posts)) +
			"</td>\n<td class=\"" + row + "\" align=\"right\" style=\"white-space: nowrap\">")
		if latest != nil {
			title := latest.thread.title
			if r := []rune(title); len(r) > 25 {
				title = string(r[:25]) + "..."
			}
			dh, _ := mybbDate(latest.at, time.Now())
			b.WriteString("<!-- start: forumbit_depth2_forum_lastpost -->\n<span class=\"smalltext\">\n<a href=\"showthread.php?tid=" + id(latest.thread.id) + "&amp;action=lastpost\" title=\"" + esc(latest.thread.title) + "\"><strong>" + esc(title) +
				"</strong></a>\n<br />" + dh + "<br />by " + s.userLink(f, o, latest.author) + "</span>\n<!-- end: forumbit_depth2_forum_lastpost -->")
		} else {
			b.WriteString("<div style=\"text-align: center;\">Never</div>")
		}
		b.WriteString("</td>\n</tr>\n<!-- end: forumbit_depth2_forum -->")
	}
}

// forumHead is the tcat row over forum rows.
const mybbForumHead = "<tr>\n<td class=\"tcat\" colspan=\"2\"><span class=\"smalltext\"><strong>Forum</strong></span></td>\n<td class=\"tcat\" width=\"85\" align=\"center\" style=\"white-space: nowrap\"><span class=\"smalltext\"><strong>Threads</strong></span></td>\n<td class=\"tcat\" width=\"85\" align=\"center\" style=\"white-space: nowrap\"><span class=\"smalltext\"><strong>Posts</strong></span></td>\n<td class=\"tcat\" width=\"200\" align=\"center\"><span class=\"smalltext\"><strong>Last Post</strong></span></td>\n</tr>\n"

// indexPage renders index.php: one forumbit_depth1_cat table per category.
func (s mybb) indexPage(f *Forum, o string) string {
	var b strings.Builder
	for _, c := range f.categories {
		b.WriteString("<!-- start: forumbit_depth1_cat -->\n<table border=\"0\" cellspacing=\"0\" cellpadding=\"5\" class=\"tborder\">\n<thead>\n<tr>\n<td class=\"thead\" colspan=\"5\">\n<div class=\"expcolimage\"><img src=\"" + esc(o+f.cfg.Prefix) + "/images/collapse.png\" id=\"cat_" + id(c.id) +
			"_img\" class=\"expander\" alt=\"[-]\" title=\"[-]\" /></div>\n<div><strong><a href=\"" + s.rel(f, s.categoryPath(f, c)) + "\">" + esc(c.title) + "</a></strong><br /><div class=\"smalltext\"></div></div>\n</td>\n</tr>\n</thead>\n<tbody style=\"\" id=\"cat_" + id(c.id) + "_e\">\n" + mybbForumHead)
		s.forumRows(f, o, &b, c.boards)
		b.WriteString("\n</tbody>\n</table>\n<br />\n<!-- end: forumbit_depth1_cat -->")
	}
	return s.frame(f, o, siteName, nil, siteName, b.String()+"\n")
}

// subforums returns forumdisplay_subforums: the forums in a node.
func (s mybb) subforums(f *Forum, o, title string, boards []*board) string {
	if len(boards) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("<!-- start: forumdisplay_subforums -->\n<table border=\"0\" cellspacing=\"0\" cellpadding=\"5\" class=\"tborder\">\n<tr>\n<td class=\"thead\" colspan=\"5\" align=\"center\"><strong>Forums in '" + esc(title) + "'</strong></td>\n</tr>\n" + mybbForumHead)
	s.forumRows(f, o, &b, boards)
	b.WriteString("\n</table>\n<br />\n<!-- end: forumdisplay_subforums -->\n")
	return b.String()
}

// categoryPage renders forumdisplay for a category: its forums.
func (s mybb) categoryPage(f *Forum, o string, c *category) string {
	crumbs := []CrumbTruth{{Name: siteName, Path: s.indexPath(f)}}
	return s.frame(f, o, c.title, crumbs, c.title, s.subforums(f, o, c.title, c.boards))
}
