package forumsim

import (
	"strconv"
	"strings"
)

// abs returns a path as SMF links it: absolute, escaped for an attribute,
// with the session id when sess is true.
func (s smf) abs(f *Forum, o, path string, sess bool) string {
	if sess {
		path = s.withSess(f, path)
	}
	return esc(o + path)
}

// frame returns a whole page (index_above and index_below around body);
// action is the body's class ("action_display board_2"), crumbs the
// breadcrumb after the index, last the page's own crumb ("" for none).
func (s smf) frame(f *Forum, o, action, title, canonical string, crumbs []CrumbTruth, last, body string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en-US\">\n<head>\n\t<meta charset=\"UTF-8\">\n\t<link rel=\"stylesheet\" href=\"" + esc(o+f.cfg.Prefix) + "/Themes/default/css/index.css?smf214_1683475207\">\n\t<script>\n\t\tvar smf_theme_url = \"" + o + f.cfg.Prefix + "/Themes/default\";\n\t\tvar smf_scripturl = \"" + o + f.indexPath() + "\";\n\t\tvar smf_charset = \"UTF-8\";\n\t\tvar smf_session_id = \"" + s.sess(f) + "\";\n\t\tvar smf_member_id = 0;\n\t</script>\n")
	b.WriteString("\t<title>" + esc(title) + "</title>\n\t<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	if canonical != "" {
		b.WriteString("\t<link rel=\"canonical\" href=\"" + esc(o+canonical) + "\">\n")
	}
	b.WriteString("\t<link rel=\"help\" href=\"" + esc(o+f.indexPath()) + "?action=help\">\n\t<link rel=\"contents\" href=\"" + esc(o+f.indexPath()) + "\">\n</head>\n")
	b.WriteString("<body id=\"smf\" class=\"" + action + "\">\n<div id=\"footerfix\">\n\t<div id=\"top_section\">\n\t\t<div class=\"inner_wrap\">\n\t\t\t<ul class=\"floatleft\" id=\"top_info\">\n\t\t\t\t<li class=\"welcome\">\n\t\t\t\t\tWelcome to <strong>" + siteName + "</strong>.\n\t\t\t\t</li>\n")
	b.WriteString("\t\t\t\t<li class=\"button_login\">\n\t\t\t\t\t<a href=\"" + s.abs(f, o, f.indexPath()+"?action=login", true) + "\" class=\"open\">\n\t\t\t\t\t\t<span class=\"main_icons login\"></span>\n\t\t\t\t\t\t<span class=\"textmenu\">Log in</span>\n\t\t\t\t\t</a>\n\t\t\t\t</li>\n")
	b.WriteString("\t\t\t\t<li class=\"button_signup\">\n\t\t\t\t\t<a href=\"" + s.abs(f, o, f.indexPath()+"?action=signup", true) + "\" class=\"open\">\n\t\t\t\t\t\t<span class=\"main_icons regcenter\"></span>\n\t\t\t\t\t\t<span class=\"textmenu\">Sign up</span>\n\t\t\t\t\t</a>\n\t\t\t\t</li>\n\t\t\t</ul>\n\t\t</div><!-- .inner_wrap -->\n\t</div><!-- #top_section -->\n")
	b.WriteString("\t<div id=\"header\">\n\t\t<h1 class=\"forumtitle\">\n\t\t\t<a id=\"top\" href=\"" + s.abs(f, o, f.indexPath(), false) + "\">" + siteName + "</a>\n\t\t</h1>\n\t</div>\n\t<div id=\"wrapper\">\n\t\t<div id=\"upper_section\">\n\t\t\t<div id=\"inner_section\">\n")
	b.WriteString("\t\t\t\t<div id=\"main_menu\">\n\t\t\t\t\t<ul class=\"dropmenu menu_nav\">\n\t\t\t\t\t\t<li class=\"button_home\"><a class=\"active\" href=\"" + s.abs(f, o, f.indexPath(), false) + "\"><span class=\"textmenu\">Home</span></a></li>\n\t\t\t\t\t\t<li class=\"button_search\"><a href=\"" + s.abs(f, o, f.indexPath()+"?action=search", true) + "\"><span class=\"textmenu\">Search</span></a></li>\n\t\t\t\t\t</ul><!-- .menu_nav -->\n\t\t\t\t</div>\n")
	nav := s.linktree(f, o, crumbs, last)
	b.WriteString(nav + "\t\t\t</div><!-- #inner_section -->\n\t\t</div><!-- #upper_section -->\n\t\t<div id=\"content_section\">\n\t\t\t<div id=\"main_content_section\">\n")
	b.WriteString(body)
	if crumbs != nil {
		b.WriteString(nav)
	}
	b.WriteString("\t\t\t</div><!-- #main_content_section -->\n\t\t</div><!-- #content_section -->\n\t</div><!-- #wrapper -->\n</div><!-- #footerfix -->\n\t<div id=\"footer\">\n\t\t<div class=\"inner_wrap\">\n\t\t<ul>\n")
	b.WriteString("\t\t\t<li class=\"floatright\"><a href=\"" + s.abs(f, o, f.indexPath()+"?action=help", true) + "\">Help</a> | <a href=\"#top_section\">Go Up &#9650;</a></li>\n\t\t\t<li class=\"copyright\"><a href=\"" + s.abs(f, o, f.indexPath()+"?action=credits", false) +
		"\" title=\"License\" target=\"_blank\" rel=\"noopener\">SMF 2.1.4 &copy; 2023</a>, <a href=\"https://www.simplemachines.org\" title=\"Simple Machines\" target=\"_blank\" rel=\"noopener\">Simple Machines</a></li>\n\t\t</ul>\n\t\t</div>\n\t</div><!-- #footer -->\n</body>\n</html>\n")
	return b.String()
}

// linktree returns the navigate_section breadcrumb: the index, crumbs, then
// the page's own crumb as li.last.
func (s smf) linktree(f *Forum, o string, crumbs []CrumbTruth, last string) string {
	h := "\t\t\t\t<div class=\"navigate_section\">\n\t\t\t\t\t<ul>\n\t\t\t\t\t\t<li>\n\t\t\t\t\t\t\t<a href=\"" + s.abs(f, o, f.indexPath(), true) + "\"><span>" + siteName + "</span></a>\n\t\t\t\t\t\t</li>\n"
	for i, c := range crumbs {
		if i == 0 {
			continue // the index, written above
		}
		cls := ""
		if last == "" && i == len(crumbs)-1 {
			cls = " class=\"last\""
		}
		h += "\t\t\t\t\t\t<li" + cls + ">\n\t\t\t\t\t\t\t<span class=\"dividers\"> &#9658; </span>\n\t\t\t\t\t\t\t<a href=\"" + s.abs(f, o, c.Path, true) + "\"><span>" + esc(c.Name) + "</span></a>\n\t\t\t\t\t\t</li>\n"
	}
	if last != "" {
		h += last
	}
	return h + "\t\t\t\t\t</ul>\n\t\t\t\t</div><!-- .navigate_section -->\n"
}

// lastCrumb returns the li.last of a page's own breadcrumb step.
func (s smf) lastCrumb(f *Forum, o, path, name string) string {
	return "\t\t\t\t\t\t<li class=\"last\">\n\t\t\t\t\t\t\t<span class=\"dividers\"> &#9658; </span>\n\t\t\t\t\t\t\t<a href=\"" + s.abs(f, o, path, true) + "\"><span>" + esc(name) + "</span></a>\n\t\t\t\t\t\t</li>\n"
}

// pagelinks returns SMF's page links: "Pages", the previous arrow, 1, the
// pages around the current one, the last, the next arrow.
func (s smf) pagelinks(f *Forum, o string, cur, last int, link func(int) string, bottom bool) string {
	h := "\t\t\t<div class=\"pagelinks floatleft\">\n\t\t\t\t<a href=\"#bot\" class=\"button\">Go Down</a>\n\t\t\t\t<span class=\"pages\">Pages</span>"
	if bottom {
		h = "\t\t\t<div class=\"pagelinks floatleft\">\n\t\t\t\t<a href=\"#main_content_section\" class=\"button\" id=\"bot\">Go Up</a>\n\t\t\t\t<span class=\"pages\">Pages</span>"
	}
	a := func(n int, text string) string {
		return "<a class=\"nav_page\" href=\"" + s.abs(f, o, link(n), false) + "\">" + text + "</a> "
	}
	if cur > 1 {
		h += a(cur-1, "<span class=\"main_icons previous_page\"></span>")
	}
	prev := 0
	for n := 1; n <= last; n++ {
		if n != 1 && n != last && (n < cur-2 || n > cur+2) {
			continue
		}
		if prev != 0 && n > prev+1 {
			h += "<span class=\"expand_pages\"> ... </span>"
		}
		prev = n
		if n == cur {
			h += "<span class=\"current_page\">" + strconv.Itoa(n) + "</span> "
		} else {
			h += a(n, strconv.Itoa(n))
		}
	}
	if cur < last {
		h += a(cur+1, "<span class=\"main_icons next_page\"></span>")
	}
	return h + "\n\t\t\t</div>\n"
}

// boardRow writes one board of the index or of a board's child boards.
func (s smf) boardRow(f *Forum, o string, b *strings.Builder, bd *board) {
	posts, topics := 0, len(bd.threads)
	for _, t := range bd.threads {
		posts += len(t.posts)
	}
	href := s.abs(f, o, s.boardPath(f, bd, 1), false)
	b.WriteString("\t\t\t\t<div id=\"board_" + id(bd.id) + "\" class=\"up_contain \">\n\t\t\t\t\t<div class=\"board_icon\">\n\t\t<a href=\"" + href + "\" class=\"board_off\" title=\"No New Posts\"></a>\n\t\t\t\t\t</div>\n\t\t\t\t\t<div class=\"info\">\n")
	b.WriteString("\t\t<a class=\"subject mobile_subject\" href=\"" + href + "\" id=\"b" + id(bd.id) + "\">\n\t\t\t" + esc(bd.title) + "\n\t\t</a>\n\t\t<div class=\"board_description\">" + esc(bd.desc) + "</div>\n")
	if len(bd.children) > 0 {
		b.WriteString("\t\t<div id=\"board_" + id(bd.id) + "_children\" class=\"children\">\n\t\t\t<p><strong id=\"child_list_" + id(bd.id) + "\">Child Boards</strong>: ")
		for i, c := range bd.children {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("<a href=\"" + s.abs(f, o, s.boardPath(f, c, 1), false) + "\" title=\"No New Posts (Topics: " + strconv.Itoa(len(c.threads)) + ")\">" + esc(c.title) + "</a>")
		}
		b.WriteString("</p>\n\t\t</div>\n")
	}
	b.WriteString("\t\t\t\t\t</div><!-- .info -->\n\t\t\t\t\t<div class=\"board_stats\">\n\t\t<p>\n\t\t\tPosts: " + number(int64(posts)) + "<br>Topics: " + number(int64(topics)) + "\n\t\t</p>\n\t\t\t\t\t</div>\n\t\t\t\t\t<div class=\"lastpost\">\n")
	var latest *post
	for _, t := range bd.threads {
		if l := t.last(); latest == nil || l.at.After(latest.at) {
			latest = l
		}
	}
	if latest != nil {
		b.WriteString("\t\t\t<p><strong>Last post: </strong>" + latest.at.Format(smfDate) + " <span class=\"postby\"><a href=\"" + s.abs(f, o, f.cfg.Prefix+"/index.php?topic="+id(latest.thread.id)+".msg"+id(latest.id)+"#new", false) +
			"\" title=\"" + esc(latest.thread.title) + "\">" + esc(latest.thread.title) + "</a> by " + s.userLink(f, o, latest.author) + "</span></p>\n")
	}
	b.WriteString("\t\t\t\t\t</div>\n\t\t\t\t</div><!-- #board_[id] -->\n")
}

// userLink returns a member's profile link, or a guest's name.
func (s smf) userLink(f *Forum, o string, u *user) string {
	if u.kind != member {
		return esc(u.name)
	}
	return "<a href=\"" + s.abs(f, o, s.memberPath(f, u), true) + "\">" + esc(u.name) + "</a>"
}

// indexPage renders BoardIndex: one main_container per category.
func (s smf) indexPage(f *Forum, o string) string {
	var b strings.Builder
	b.WriteString("<div id=\"boardindex_table\" class=\"boardindex_table\">\n")
	for _, c := range f.categories {
		b.WriteString("\t\t<div class=\"main_container\">\n\t\t\t<div class=\"cat_bar \" id=\"category_" + id(c.id) + "\">\n\t\t\t\t<h3 class=\"catbg\">\n\t\t\t\t\t<a id=\"c" + id(c.id) + "\"></a>" + esc(c.title) + "\n\t\t\t\t</h3>\n\t\t\t</div>\n\t\t\t<div id=\"category_" + id(c.id) + "_boards\" >\n")
		for _, bd := range c.boards {
			s.boardRow(f, o, &b, bd)
		}
		b.WriteString("\t\t\t</div><!-- #category_[id]_boards -->\n\t\t</div><!-- .main_container -->\n")
	}
	b.WriteString("</div><!-- #boardindex_table -->\n")
	return s.frame(f, o, "action_home", siteName+" - Index", f.indexPath(), nil, "", b.String())
}
