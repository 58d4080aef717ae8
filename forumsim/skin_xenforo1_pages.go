package forumsim

import (
	"strconv"
	"strings"
)

// rel returns a path under the prefix relative to the page's <base href>, escaped.
func (xenforo1) rel(f *Forum, path string) string {
	return esc(strings.TrimPrefix(path, f.cfg.Prefix+"/"))
}

// frame returns a whole XenForo 1 page: the content (#content.template with
// its breadcrumb, title bar and body), then the header and footer, which
// XenForo 1 puts after the content in the source.
func (s xenforo1) frame(f *Forum, o, template, title, canonical string, crumbs []CrumbTruth, titleBar, body string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html id=\"XenForo\" lang=\"en-US\" dir=\"LTR\" class=\"Public NoJs LoggedOut NoSidebar  Responsive\" xmlns:fb=\"http://www.facebook.com/2008/fbml\">\n<head>\n\n\t<meta charset=\"utf-8\" />\n\t<meta http-equiv=\"X-UA-Compatible\" content=\"IE=Edge,chrome=1\" />\n\t\t<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
	b.WriteString("\t\t<base href=\"" + esc(o+f.cfg.Prefix) + "/\" />\n\t\t<script>\n\t\t\tvar _b = document.getElementsByTagName('base')[0], _bH = \"" + esc(o+f.cfg.Prefix) + "/\";\n\t\t\tif (_b && _b.href != _bH) _b.href = _bH;\n\t\t</script>\n\n")
	full := esc(title)
	if title != siteName {
		full += " | " + siteName
	}
	b.WriteString("\t<title>" + full + "</title>\n\t<noscript><style>.JsOnly, .jsOnly { display: none !important; }</style></noscript>\n\t<link rel=\"stylesheet\" href=\"css.php?css=xenforo,form,public&amp;style=1&amp;dir=LTR&amp;d=1466174853\" />\n")
	b.WriteString("\t<script src=\"js/xenforo/xenforo.js?_v=f6c8c9e2\"></script>\n")
	if canonical != "" {
		b.WriteString("\t<link rel=\"canonical\" href=\"" + esc(o+canonical) + "\" />\n\t<meta property=\"og:url\" content=\"" + esc(o+canonical) + "\" />\n")
	}
	b.WriteString("\t<meta property=\"og:site_name\" content=\"" + siteName + "\" />\n\t<meta property=\"og:title\" content=\"" + esc(title) + "\" />\n</head>\n\n<body>\n\n<div id=\"loginBar\">\n\t<div class=\"pageWidth\">\n\t\t<div class=\"pageContent\">\n\t\t\t<h3 id=\"loginBarHandle\">\n\t\t\t\t<label for=\"LoginControl\"><a href=\"login/\" class=\"concealed noOutline\">Log in or Sign up</a></label>\n\t\t\t</h3>\n\t\t\t<span class=\"helper\"></span>\n\t\t</div>\n\t</div>\n</div>\n\n")
	b.WriteString("<div id=\"headerMover\">\n\t<div id=\"headerProxy\"></div>\n\n<div id=\"content\" class=\"" + template + "\">\n\t<div class=\"pageWidth\">\n\t\t<div class=\"pageContent\">\n\t\t\t<!-- main content area -->\n\t\t\t\t<div class=\"mainContainer\">\n\t\t\t\t\t<div class=\"mainContent\">\n")
	s.breadBox(f, &b, o, "breadBoxTop", crumbs)
	b.WriteString("\n\t\t\t\t\t\t<!-- h1 title, description -->\n\t\t\t\t\t\t<div class=\"titleBar\">\n\t\t\t\t\t\t\t<h1>" + esc(title) + "</h1>\n" + titleBar + "\t\t\t\t\t\t</div>\n\n\t\t\t\t\t\t<!-- main template -->\n")
	b.WriteString(body)
	b.WriteString("\n")
	s.breadBox(f, &b, o, "breadBoxBottom", crumbs)
	b.WriteString("\t\t\t\t\t</div>\n\t\t\t\t</div>\n\t\t</div>\n\t</div>\n</div>\n\n<header>\n<div id=\"header\">\n\t<div id=\"logoBlock\">\n\t\t<div class=\"pageWidth\">\n\t\t\t<div class=\"pageContent\">\n\t\t\t\t<div id=\"logo\"><a href=\"" + esc(o+s.indexPath(f)) + "\">\n\t\t\t\t\t<span></span>\n\t\t\t\t\t<img src=\"styles/default/xenforo/logo.png\" alt=\"" + siteName + "\" />\n\t\t\t\t</a></div>\n\t\t\t</div>\n\t\t</div>\n\t</div>\n")
	b.WriteString("\t<div id=\"navigation\" class=\"pageWidth withSearch\">\n\t\t<div class=\"pageContent\">\n\t\t\t<nav>\n\t\t\t\t<div class=\"navTabs\">\n\t\t\t\t\t<ul class=\"publicTabs\">\n\t\t\t\t\t\t<li class=\"navTab home PopupClosed\"><a href=\"" + esc(o+s.indexPath(f)) + "\" class=\"navLink\">Home</a></li>\n" +
		"\t\t\t\t\t\t<li class=\"navTab forums selected\"><a href=\"" + esc(o+s.indexPath(f)) + "\" class=\"navLink\">Forums</a>\n\t\t\t\t\t\t\t<div class=\"tabLinks forumsTabLinks\">\n\t\t\t\t\t\t\t\t<ul class=\"secondaryContent blockLinksList\">\n\t\t\t\t\t\t\t\t\t<li><a href=\"search/?type=post\">Search Forums</a></li>\n\t\t\t\t\t\t\t\t\t<li><a href=\"find-new/posts\" rel=\"nofollow\">Recent Posts</a></li>\n\t\t\t\t\t\t\t\t</ul>\n\t\t\t\t\t\t\t</div>\n\t\t\t\t\t\t</li>\n" +
		"\t\t\t\t\t\t<li class=\"navTab members Popup PopupControl PopupClosed\"><a href=\"members/\" class=\"navLink\">Members</a></li>\n\t\t\t\t\t</ul>\n\t\t\t\t\t<ul class=\"visitorTabs\">\n\t\t\t\t\t\t<li class=\"navTab login PopupClosed\"><label for=\"LoginControl\"><a href=\"login/\" class=\"navLink\">Log in or Sign up</a></label></li>\n\t\t\t\t\t</ul>\n\t\t\t\t</div>\n" +
		"\t\t\t\t<div id=\"searchBar\" class=\"pageWidth\">\n\t\t\t\t\t<form action=\"search/search\" method=\"post\" class=\"formPopup\" id=\"QuickSearch\"><input type=\"search\" name=\"keywords\" value=\"\" class=\"textCtrl\" placeholder=\"Search...\" /></form>\n\t\t\t\t</div>\n\t\t\t</nav>\n\t\t</div>\n\t</div>\n</div>\n</header>\n\n</div>\n\n")
	b.WriteString("<footer>\n\t<div class=\"footer\">\n\t\t<div class=\"pageWidth\">\n\t\t\t<div class=\"pageContent\">\n\t\t\t\t<ul class=\"footerLinks\">\n\t\t\t\t\t<li><a href=\"misc/contact\" class=\"OverlayTrigger\" data-overlayOptions=\"{&quot;fixed&quot;:false}\">Contact Us</a></li>\n\t\t\t\t\t<li><a href=\"help/\">Help</a></li>\n\t\t\t\t\t<li><a href=\"" +
		esc(o+s.indexPath(f)) + "\" class=\"homeLink\">Home</a></li>\n\t\t\t\t\t<li><a href=\"forums/-/index.rss\" rel=\"alternate\" class=\"globalFeed\" target=\"_blank\" title=\"RSS feed for " + siteName + "\">RSS</a></li>\n\t\t\t\t</ul>\n\t\t\t</div>\n\t\t</div>\n\t</div>\n\t<div class=\"footerLegal\">\n\t\t<div class=\"pageWidth\">\n\t\t\t<div class=\"pageContent\">\n\t\t\t\t<div id=\"copyright\"><a href=\"https://xenforo.com\" class=\"concealed\">Forum software by XenForo&trade; <span>&copy;2010-2016 XenForo Ltd.</span></a></div>\n\t\t\t</div>\n\t\t</div>\n\t</div>\n</footer>\n\n</body>\n</html>\n")
	return b.String()
}

// breadBox writes the breadcrumb: the index ("Forums"), then crumbs after it.
func (s xenforo1) breadBox(f *Forum, b *strings.Builder, o, class string, crumbs []CrumbTruth) {
	b.WriteString("\t\t\t\t\t\t<div class=\"" + class + " \">\n\t\t\t\t\t\t\t<nav>\n\t<fieldset class=\"breadcrumb\">\n\t\t<a href=\"misc/quick-navigation-menu\" class=\"OverlayTrigger jumpMenuTrigger\" data-cacheOverlay=\"true\" title=\"Open quick navigation\"><!--Jump to...--></a>\n\t\t<div class=\"boardTitle\"><strong>" + siteName + "</strong></div>\n\t\t<span class=\"crumbs\">\n")
	for i, c := range crumbs {
		cls := "crust"
		if i == 0 {
			cls = "crust selectedTabCrumb"
		}
		b.WriteString("\t\t\t<span class=\"" + cls + "\" itemscope=\"itemscope\" itemtype=\"http://data-vocabulary.org/Breadcrumb\">\n\t\t\t\t<a href=\"" + esc(o+c.Path) + "\" class=\"crumb\" rel=\"up\" itemprop=\"url\"><span itemprop=\"title\">" + esc(c.Name) + "</span></a>\n\t\t\t\t<span class=\"arrow\"><span>&gt;</span></span>\n\t\t\t</span>\n")
	}
	b.WriteString("\t\t</span>\n\t</fieldset>\n</nav>\n\t\t\t\t\t\t</div>\n")
}

// message returns a page of a template other than the forum's content.
func (s xenforo1) message(f *Forum, o, template, title, text string) string {
	body := "<div class=\"errorOverlay\">\n\t<div class=\"baseHtml\">" + esc(text) + "</div>\n</div>\n"
	if strings.HasPrefix(template, "error_with_login") || template == "login" {
		body += "<form action=\"login/login\" method=\"post\" class=\"xenForm\" id=\"pageLogin\">\n\t<dl class=\"ctrlUnit\"><dt><label for=\"ctrl_pageLogin_login\">Your name or email address:</label></dt><dd><input type=\"text\" name=\"login\" id=\"ctrl_pageLogin_login\" class=\"textCtrl\" /></dd></dl>\n\t<dl class=\"ctrlUnit\"><dt><label for=\"ctrl_pageLogin_password\">Password:</label></dt><dd><input type=\"password\" name=\"password\" class=\"textCtrl\" id=\"ctrl_pageLogin_password\" /></dd></dl>\n</form>\n"
	}
	return s.frame(f, o, template, title, "", []CrumbTruth{{Name: "Forums", Path: s.indexPath(f)}}, "", body)
}

// pageNav returns XenForo 1's PageNav for pages 1..last at cur, or "" for one page.
func (s xenforo1) pageNav(f *Forum, cur, last int, link func(int) string) string {
	if last <= 1 {
		return ""
	}
	start := max(2, cur-2)
	end := min(last-1, start+4)
	start = max(2, end-4)
	a := func(n int, extra string) string {
		cls := ""
		if n == cur {
			cls = "currentPage "
		}
		return "\t\t<a href=\"" + s.rel(f, link(n)) + "\" class=\"" + cls + "\"" + extra + ">" + strconv.Itoa(n) + "</a>\n"
	}
	base := strings.TrimSuffix(s.rel(f, link(2)), "2")
	h := "<div class=\"PageNav\"\n\tdata-page=\"" + strconv.Itoa(cur) + "\"\n\tdata-range=\"2\"\n\tdata-start=\"" + strconv.Itoa(start) + "\"\n\tdata-end=\"" + strconv.Itoa(end) + "\"\n\tdata-last=\"" + strconv.Itoa(last) +
		"\"\n\tdata-sentinel=\"{{sentinel}}\"\n\tdata-baseurl=\"" + base + "{{sentinel}}\">\n\t<span class=\"pageNavHeader\">Page " + strconv.Itoa(cur) + " of " + strconv.Itoa(last) + "</span>\n\t<nav>\n"
	if cur > 1 {
		h += "\t\t<a href=\"" + s.rel(f, link(cur-1)) + "\" class=\"text\">&lt; Prev</a>\n"
	}
	h += a(1, ` rel="start"`)
	h += "\t\t<a class=\"PageNavPrev hidden\">&larr;</a> <span class=\"scrollable\"><span class=\"items\">\n"
	for n := start; n <= end; n++ {
		h += a(n, "")
	}
	h += "\t\t</span></span> <a class=\"PageNavNext \">&rarr;</a>\n"
	if last > end {
		h += a(last, "")
	}
	if cur < last {
		h += "\t\t<a href=\"" + s.rel(f, link(cur+1)) + "\" class=\"text\">Next &gt;</a>\n"
	}
	return h + "\t</nav>\n</div>\n"
}

// username returns a user name link (a span for guests).
func (s xenforo1) username(f *Forum, u *user, class, extra string) string {
	if u.kind != member {
		return "<span class=\"" + class + "\">" + esc(u.name) + "</span>"
	}
	return "<a href=\"" + s.rel(f, s.memberPath(f, u)) + "\" class=\"" + class + "\" dir=\"auto\"" + extra + ">" + esc(u.name) + "</a>"
}

// avatar returns a user's avatar link of a size ("s", "m").
func (s xenforo1) avatar(f *Forum, u *user, size string) string {
	px := map[string]string{"s": "48", "m": "96"}[size]
	if u.kind != member {
		return "<a class=\"avatar Av0" + size + "\" data-avatarhtml=\"true\"><img src=\"styles/default/xenforo/avatars/avatar_" + size + ".png\" width=\"" + px + "\" height=\"" + px + "\" alt=\"" + esc(u.name) + "\" /></a>"
	}
	src := "styles/default/xenforo/avatars/avatar_" + size + ".png"
	if u.avatar {
		src = "data/avatars/" + size + "/" + id(u.id/1000) + "/" + id(u.id) + ".jpg?" + strconv.FormatInt(u.avatarTS, 10)
	}
	return "<a href=\"" + s.rel(f, s.memberPath(f, u)) + "\" class=\"avatar Av" + id(u.id) + size + "\" data-avatarhtml=\"true\"><img src=\"" + src + "\" width=\"" + px + "\" height=\"" + px + "\" alt=\"" + esc(u.name) + "\" /></a>"
}

// writeNodes writes node_forum_level_2 rows for boards, their sub-boards in
// a sub-forums menu.
func (s xenforo1) writeNodes(f *Forum, b *strings.Builder, boards []*board, level string) {
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
		b.WriteString("\n<li class=\"node forum " + level + "  node_" + id(bd.id) + "\">\n\n\t<div class=\"nodeInfo forumNodeInfo primaryContent \">\n\n\t\t<span class=\"nodeIcon\" title=\"\"></span>\n\n\t\t<div class=\"nodeText\">\n\t\t\t<h3 class=\"nodeTitle\"><a href=\"" + s.rel(f, s.boardPath(f, bd, 1)) + "\" data-description=\"#nodeDescription-" + id(bd.id) + "\">" + esc(bd.title) + "</a></h3>\n\n" +
			"\t\t\t\t<blockquote class=\"nodeDescription nodeDescriptionTooltip baseHtml\" id=\"nodeDescription-" + id(bd.id) + "\">" + esc(bd.desc) + "</blockquote>\n\n\t\t\t<div class=\"nodeStats pairsInline\">\n\t\t\t\t<dl><dt>Discussions:</dt> <dd>" + number(int64(threads)) + "</dd></dl>\n\t\t\t\t<dl><dt>Messages:</dt> <dd>" + number(int64(posts)) + "</dd></dl>\n")
		if len(bd.children) > 0 {
			b.WriteString("\t\t\t\t<div class=\"Popup subForumsPopup\">\n\t\t\t\t\t<a href=\"" + s.rel(f, s.boardPath(f, bd, 1)) + "\" class=\"concealed\" rel=\"Menu\">Sub-Forums: <span class=\"count\">" + strconv.Itoa(len(bd.children)) + "</span></a>\n\t\t\t\t\t<div class=\"Menu JsOnly subForumsMenu\">\n\t\t\t\t\t\t<ol class=\"secondaryContent blockLinksList\">\n")
			for _, c := range bd.children {
				b.WriteString("\t\t\t\t\t\t\t<li class=\"node forum level-n node_" + id(c.id) + "\">\n\t\t\t\t\t\t\t\t<div class=\"\">\n\t\t\t\t\t\t\t\t\t<h4 class=\"nodeTitle\"><a href=\"" + s.rel(f, s.boardPath(f, c, 1)) + "\" class=\"menuRow\">" + esc(c.title) + "</a></h4>\n\t\t\t\t\t\t\t\t</div>\n\t\t\t\t\t\t\t</li>\n")
			}
			b.WriteString("\t\t\t\t\t\t</ol>\n\t\t\t\t\t</div>\n\t\t\t\t</div>\n")
		}
		b.WriteString("\t\t\t</div>\n\t\t</div>\n\n\t\t<div class=\"nodeLastPost secondaryContent\">\n")
		if latest != nil {
			b.WriteString("\t\t\t\t<span class=\"lastThreadTitle\"><span>Latest:</span> <a href=\"" + s.rel(f, s.postPath(f, latest)) + "\" title=\"" + esc(latest.thread.title) + "\">" + esc(latest.thread.title) + "</a></span>\n\t\t\t\t<span class=\"lastThreadMeta\">\n\t\t\t\t\t<span class=\"lastThreadUser\">" +
				s.username(f, latest.author, "username", "") + ",</span>\n\t\t\t\t\t" + strings.Replace(xf1DateTime(latest.at), `class="DateTime"`, `class="DateTime muted lastThreadDate" data-latest="Latest: "`, 1) + "\n\t\t\t\t</span>\n")
		} else {
			b.WriteString("\t\t\t\t<span class=\"noMessages muted\">(Contains no messages)</span>\n")
		}
		b.WriteString("\t\t</div>\n\n\t\t<div class=\"nodeControls\">\n\t\t\t<a href=\"" + s.rel(f, s.boardPath(f, bd, 1)) + "index.rss\" class=\"tinyIcon feedIcon\" title=\"RSS\">RSS</a>\n\t\t</div>\n\t</div>\n</li>\n")
	}
}

// indexPage renders forum_list: one node_category_level_1 per category.
func (s xenforo1) indexPage(f *Forum, o string) string {
	var b strings.Builder
	b.WriteString("\n\t<ol class=\"nodeList sectionMain\" id=\"forums\">\n")
	for _, c := range f.categories {
		anchor := key(c.slug, c.id)
		b.WriteString("\n<li class=\"node category level_1 node_" + id(c.id) + "\" id=\"" + anchor + "\">\n\n\t<div class=\"nodeInfo categoryNodeInfo categoryStrip\">\n\t\t<div class=\"categoryText\">\n\t\t\t<h3 class=\"nodeTitle\"><a href=\"#" + anchor + "\">" + esc(c.title) + "</a></h3>\n\t\t</div>\n\t</div>\n\n\t\t<ol class=\"nodeList\">\n")
		s.writeNodes(f, &b, c.boards, "level_2")
		b.WriteString("\t\t</ol>\n\t<span class=\"tlc\"></span>\n\t<span class=\"trc\"></span>\n\t<div class=\"categoryNodeInfo categoryStrip\"></div>\n\t<span class=\"blc\"></span>\n\t<span class=\"brc\"></span>\n</li>\n")
	}
	b.WriteString("\t</ol>\n")
	return s.frame(f, o, "forum_list", siteName, s.indexPath(f), []CrumbTruth{{Name: "Forums", Path: s.indexPath(f)}}, "", b.String())
}
