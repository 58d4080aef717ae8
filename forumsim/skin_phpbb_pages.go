package forumsim

import (
	"strconv"
	"strings"
	"time"
)

// frame returns a whole prosilver page (overall_header and overall_footer
// around body); section is the body's "section-*" class, canonical a path
// or "", crumbs the breadcrumb after "Board index", zone the page's zone.
func (s phpbb) frame(f *Forum, o, section, title, canonical string, crumbs []CrumbTruth, zone *time.Location, body string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html dir=\"ltr\" lang=\"en-gb\">\n<head>\n<meta charset=\"utf-8\" />\n<meta http-equiv=\"X-UA-Compatible\" content=\"IE=edge\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\n")
	b.WriteString("<title>" + esc(title) + " - " + siteName + "</title>\n\n")
	if canonical != "" {
		b.WriteString("\t<link rel=\"canonical\" href=\"" + esc(o+canonical) + "\">\n")
	}
	b.WriteString("<link href=\"./styles/prosilver/theme/stylesheet.css?assets_version=3\" rel=\"stylesheet\">\n</head>\n")
	b.WriteString("<body id=\"phpbb\" class=\"nojs notouch section-" + section + " ltr \">\n\n<div id=\"wrap\" class=\"wrap\">\n\t<a id=\"top\" class=\"top-anchor\" accesskey=\"t\"></a>\n\t<div id=\"page-header\">\n\t\t<div class=\"headerbar\" role=\"banner\">\n\t\t\t<div class=\"inner\">\n")
	b.WriteString("\t\t\t<div id=\"site-description\" class=\"site-description\">\n\t\t\t\t<a id=\"logo\" class=\"logo\" href=\"" + s.href(f, f.indexPath(), true) + "\" title=\"Board index\"><span class=\"site_logo\"></span></a>\n\t\t\t\t<h1>" + siteName + "</h1>\n\t\t\t</div>\n")
	b.WriteString("\t\t\t<div id=\"search-box\" class=\"search-box search-header\" role=\"search\">\n\t\t\t\t<form action=\"" + s.href(f, f.cfg.Prefix+"/search.php", true) + "\" method=\"get\" id=\"search\">\n\t\t\t\t<fieldset>\n\t\t\t\t\t<input name=\"keywords\" id=\"keywords\" type=\"search\" maxlength=\"128\" title=\"Search for keywords\" class=\"inputbox search tiny\" size=\"20\" value=\"\" placeholder=\"Search…\" />\n\t\t\t\t</fieldset>\n\t\t\t\t</form>\n\t\t\t</div>\n\t\t\t</div>\n\t\t</div>\n")
	b.WriteString("\t\t<div class=\"navbar\" role=\"navigation\">\n\t<div class=\"inner\">\n\t<ul id=\"nav-main\" class=\"nav-main linklist\" role=\"menubar\">\n")
	b.WriteString("\t\t<li data-skip-responsive=\"true\">\n\t\t\t<a href=\"" + s.href(f, f.cfg.Prefix+"/app.php/help/faq", true) + "\" rel=\"help\" title=\"Frequently Asked Questions\" role=\"menuitem\">\n\t\t\t\t<i class=\"icon fa-question-circle fa-fw\" aria-hidden=\"true\"></i><span>FAQ</span>\n\t\t\t</a>\n\t\t</li>\n")
	b.WriteString("\t\t<li data-last-responsive=\"true\">\n\t\t\t<a href=\"" + s.href(f, f.cfg.Prefix+"/memberlist.php", true) + "\" title=\"View complete list of members\" role=\"menuitem\">\n\t\t\t\t<i class=\"icon fa-group fa-fw\" aria-hidden=\"true\"></i><span>Members</span>\n\t\t\t</a>\n\t\t</li>\n")
	b.WriteString("\t\t<li class=\"rightside\" data-skip-responsive=\"true\">\n\t\t\t<a href=\"" + s.href(f, f.cfg.Prefix+"/ucp.php?mode=login", true) + "\" title=\"Login\" accesskey=\"x\" role=\"menuitem\">\n\t\t\t\t<i class=\"icon fa-power-off fa-fw\" aria-hidden=\"true\"></i><span>Login</span>\n\t\t\t</a>\n\t\t</li>\n")
	b.WriteString("\t\t<li class=\"rightside\" data-skip-responsive=\"true\">\n\t\t\t<a href=\"" + s.href(f, f.cfg.Prefix+"/ucp.php?mode=register", true) + "\" role=\"menuitem\">\n\t\t\t\t<i class=\"icon fa-pencil-square-o  fa-fw\" aria-hidden=\"true\"></i><span>Register</span>\n\t\t\t</a>\n\t\t</li>\n\t</ul>\n\n")
	b.WriteString("\t<ul id=\"nav-breadcrumbs\" class=\"nav-breadcrumbs linklist navlinks\" role=\"menubar\">\n\t\t<li class=\"breadcrumbs\" itemscope itemtype=\"https://schema.org/BreadcrumbList\">\n")
	b.WriteString("\t\t\t<span class=\"crumb\" itemtype=\"https://schema.org/ListItem\" itemprop=\"itemListElement\" itemscope><a itemprop=\"item\" href=\"" + s.href(f, f.indexPath(), true) +
		"\" accesskey=\"h\" data-navbar-reference=\"index\"><i class=\"icon fa-home fa-fw\"></i><span itemprop=\"name\">Board index</span></a><meta itemprop=\"position\" content=\"1\" /></span>\n")
	for i, c := range crumbs {
		fid := c.Path[strings.LastIndex(c.Path, "=")+1:]
		b.WriteString("\t\t\t<span class=\"crumb\" itemtype=\"https://schema.org/ListItem\" itemprop=\"itemListElement\" itemscope data-forum-id=\"" + fid + "\"><a itemprop=\"item\" href=\"" +
			s.href(f, c.Path, true) + "\"><span itemprop=\"name\">" + esc(c.Name) + "</span></a><meta itemprop=\"position\" content=\"" + strconv.Itoa(i+2) + "\" /></span>\n")
	}
	b.WriteString("\t\t</li>\n\t</ul>\n\t</div>\n</div>\n\t</div>\n\n\t<a id=\"start_here\" class=\"anchor\"></a>\n\t<div id=\"page-body\" class=\"page-body\" role=\"main\">\n\n")
	b.WriteString(body)
	_, off := time.Now().In(zone).Zone()
	tz := "UTC"
	if off != 0 {
		tz = "UTC" + time.Unix(0, 0).In(zone).Format("-07:00")
	}
	b.WriteString("\n\t</div>\n\n<div id=\"page-footer\" class=\"page-footer\" role=\"contentinfo\">\n\t<div class=\"navbar\" role=\"navigation\">\n\t<div class=\"inner\">\n\t<ul id=\"nav-footer\" class=\"nav-footer linklist\" role=\"menubar\">\n")
	b.WriteString("\t\t<li class=\"rightside\">All times are <span title=\"" + tz + "\">" + tz + "</span></li>\n\t\t<li class=\"rightside\"><a href=\"" + s.href(f, f.cfg.Prefix+"/ucp.php?mode=delete_cookies", true) +
		"\" data-ajax=\"true\" data-refresh=\"true\" role=\"menuitem\"><i class=\"icon fa-trash fa-fw\" aria-hidden=\"true\"></i><span>Delete cookies</span></a></li>\n\t</ul>\n\t</div>\n\t</div>\n")
	b.WriteString("\t<div class=\"copyright\">\n\t\t<p class=\"footer-row\"><span class=\"footer-copyright\">Powered by <a href=\"https://www.phpbb.com/\">phpBB</a>&reg; Forum Software &copy; phpBB Limited</span></p>\n\t</div>\n</div>\n</div>\n</body>\n</html>\n")
	return b.String()
}

// pagination returns prosilver's pagination block: "N topics/posts • Page x of y" and page links.
func (s phpbb) pagination(f *Forum, count string, cur, last int, link func(int) string) string {
	h := "\t<div class=\"pagination\">\n\t\t" + count
	if last <= 1 {
		return h + "\n\t\t&bull; Page <strong>1</strong> of <strong>1</strong>\n\t</div>\n"
	}
	h += "\n\t\t<ul>\n\t\t<li class=\"dropdown-container dropdown-button-control dropdown-page-jump page-jump\">\n\t\t\t<a class=\"button button-icon-only dropdown-trigger\" href=\"#\" title=\"Click to jump to page…\" role=\"button\"><i class=\"icon fa-level-down fa-rotate-270\" aria-hidden=\"true\"></i><span class=\"sr-only\">Page <strong>" +
		strconv.Itoa(cur) + "</strong> of <strong>" + strconv.Itoa(last) + "</strong></span></a>\n\t\t</li>\n"
	a := func(n int, rel string) string { return s.href(f, link(n), true) + rel }
	if cur > 1 {
		h += "\t\t\t<li class=\"arrow previous\"><a class=\"button button-icon-only\" href=\"" + a(cur-1, "\" rel=\"prev") + "\" role=\"button\"><i class=\"icon fa-chevron-left fa-fw\" aria-hidden=\"true\"></i><span class=\"sr-only\">Previous</span></a></li>\n"
	}
	prev := 0
	for n := 1; n <= last; n++ {
		if n != 1 && n != last && (n < cur-2 || n > cur+2) {
			continue
		}
		if prev != 0 && n > prev+1 {
			h += "\t\t\t<li class=\"ellipsis\" role=\"separator\"><span>…</span></li>\n"
		}
		prev = n
		if n == cur {
			h += "\t\t\t<li class=\"active\"><span>" + strconv.Itoa(n) + "</span></li>\n"
		} else {
			h += "\t\t\t<li><a class=\"button\" href=\"" + a(n, "") + "\" role=\"button\">" + strconv.Itoa(n) + "</a></li>\n"
		}
	}
	if cur < last {
		h += "\t\t\t<li class=\"arrow next\"><a class=\"button button-icon-only\" href=\"" + a(cur+1, "\" rel=\"next") + "\" role=\"button\"><i class=\"icon fa-chevron-right fa-fw\" aria-hidden=\"true\"></i><span class=\"sr-only\">Next</span></a></li>\n"
	}
	return h + "\t</ul>\n\t</div>\n"
}

// username returns phpBB's linked user name (a plain span for guests).
func (s phpbb) username(f *Forum, u *user) string {
	if u.kind != member {
		return `<span class="username">` + esc(u.name) + `</span>`
	}
	return `<a href="` + s.href(f, s.memberPath(f, u), true) + `" class="username">` + esc(u.name) + `</a>`
}

// forumRows writes the rows of forumlist_body for boards.
func (s phpbb) forumRows(f *Forum, b *strings.Builder, boards []*board) {
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
		b.WriteString("\t\t<li class=\"row\">\n\t\t\t<dl class=\"row-item forum_read\">\n\t\t\t\t<dt title=\"No unread posts\">\n\t\t\t\t\t<div class=\"list-inner\">\n\t\t\t\t\t\t<a href=\"" + s.href(f, s.boardPath(f, bd, 1), false) +
			"\" class=\"forumtitle\">" + esc(bd.title) + "</a>\n\t\t\t\t\t\t<br />" + esc(bd.desc) + "\n")
		if len(bd.children) > 0 {
			b.WriteString("\t\t\t\t\t\t<br /><strong>Subforum:</strong>\n")
			for _, c := range bd.children {
				b.WriteString("\t\t\t\t\t\t\t<a href=\"" + s.href(f, s.boardPath(f, c, 1), false) + "\" class=\"subforum read\" title=\"No unread posts\"><i class=\"icon fa-file-o fa-fw  icon-blue icon-md\" aria-hidden=\"true\"></i>" + esc(c.title) + "</a>\n")
			}
		}
		b.WriteString("\t\t\t\t\t</div>\n\t\t\t\t</dt>\n\t\t\t\t<dd class=\"topics\">" + strconv.Itoa(threads) + " <dfn>Topics</dfn></dd>\n\t\t\t\t<dd class=\"posts\">" + strconv.Itoa(posts) + " <dfn>Posts</dfn></dd>\n\t\t\t\t<dd class=\"lastpost\">\n\t\t\t\t\t<span>\n")
		if latest != nil {
			b.WriteString("\t\t\t\t\t\t<dfn>Last post</dfn>\n\t\t\t\t\t\t<a href=\"" + s.href(f, s.postPath(f, latest), false) + "\" title=\"" + esc(latest.thread.title) + "\" class=\"lastsubject\">" + esc(latest.thread.title) +
				"</a> <br />\n\t\t\t\t\t\tby " + s.username(f, latest.author) + "\n\t\t\t\t\t\t<a href=\"" + s.href(f, s.postPath(f, latest), false) +
				"\" title=\"View the latest post\"><i class=\"icon fa-external-link-square fa-fw icon-lightgray icon-md\" aria-hidden=\"true\"></i><span class=\"sr-only\">View the latest post</span></a>\n\t\t\t\t\t\t<br />" + s.timeTag(latest.at.UTC()) + "\n")
		} else {
			b.WriteString("\t\t\t\t\t\tNo posts<br />&nbsp;\n")
		}
		b.WriteString("\t\t\t\t\t</span>\n\t\t\t\t</dd>\n\t\t\t</dl>\n\t\t</li>\n")
	}
}

// forumList writes one forabg block: a header row linking title, and the boards.
func (s phpbb) forumList(f *Forum, b *strings.Builder, title, titleHref string, boards []*board) {
	b.WriteString("\t\t<div class=\"forabg\">\n\t\t\t<div class=\"inner\">\n\t\t\t<ul class=\"topiclist\">\n\t\t\t\t<li class=\"header\">\n\t\t\t\t\t<dl class=\"row-item\">\n\t\t\t\t\t\t<dt><div class=\"list-inner\">")
	if titleHref != "" {
		b.WriteString("<a href=\"" + titleHref + "\">" + esc(title) + "</a>")
	} else {
		b.WriteString(esc(title))
	}
	b.WriteString("</div></dt>\n\t\t\t\t\t\t<dd class=\"topics\">Topics</dd>\n\t\t\t\t\t\t<dd class=\"posts\">Posts</dd>\n\t\t\t\t\t\t<dd class=\"lastpost\"><span>Last post</span></dd>\n\t\t\t\t\t</dl>\n\t\t\t\t</li>\n\t\t\t</ul>\n\t\t\t<ul class=\"topiclist forums\">\n")
	s.forumRows(f, b, boards)
	b.WriteString("\t\t\t</ul>\n\t\t\t</div>\n\t\t</div>\n")
}

// indexPage renders index_body: one forabg block per category.
func (s phpbb) indexPage(f *Forum, o string) string {
	var b strings.Builder
	b.WriteString("<p class=\"right responsive-center time\">It is currently " + time.Unix(1700000000, 0).UTC().Format(phpbbDate) + "</p>\n\n<div class=\"action-bar compact\">\n\t<a href=\"" +
		s.href(f, f.cfg.Prefix+"/search.php?search_id=unanswered", true) + "\" class=\"row-item-link\">Unanswered topics</a> &bull; <a href=\"" +
		s.href(f, f.cfg.Prefix+"/search.php?search_id=active_topics", true) + "\" class=\"row-item-link\">Active topics</a>\n</div>\n\n")
	for _, c := range f.categories {
		s.forumList(f, &b, c.title, s.href(f, s.categoryPath(f, c), false), c.boards)
	}
	return s.frame(f, o, "index", "Index page", f.indexPath(), nil, time.UTC, b.String())
}
