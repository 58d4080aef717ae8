package forumsim

import (
	"strconv"
	"strings"
)

// frame returns a whole IPS 4 page: head, header and navigation bar,
// breadcrumb (crumbs, then title as text), main area and footer. Links are
// absolute, as IPS writes them.
func (s invision) frame(f *Forum, o, app, module, controller, title, canonical string, crumbs []CrumbTruth, body string) string {
	var b strings.Builder
	home := esc(o + s.indexPath(f))
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en-US\" dir=\"ltr\">\n\t<head>\n\t\t<title>" + esc(title))
	if title != siteName {
		b.WriteString(" - " + siteName)
	}
	b.WriteString("</title>\n\t\t<!--[if lt IE 9]>\n\t\t\t<script src=\"" + home + "applications/core/interface/html5shiv/html5shiv.js\"></script>\n\t\t<![endif]-->\n\t\t<meta charset=\"utf-8\">\n\t\t<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\t\t<meta property=\"og:site_name\" content=\"" + siteName + "\">\n\t\t<meta property=\"og:title\" content=\"" + esc(title) + "\">\n")
	if canonical != "" {
		b.WriteString("\t\t<meta property=\"og:url\" content=\"" + esc(o+canonical) + "\">\n\t\t<link rel=\"canonical\" href=\"" + esc(o+canonical) + "\" />\n")
	}
	b.WriteString("\t\t<link rel='stylesheet' href='" + home + "uploads/css_built_1/framework.css?v=1e9b4e1c5b' media='all'>\n\t</head>\n")
	b.WriteString("\t<body class='ipsApp ipsApp_front ipsJS_none ipsClearfix' data-controller='core.front.core.app' data-message=\"\" data-pageApp='" + app + "' data-pageLocation='front' data-pageModule='" + module + "' data-pageController='" + controller + "' itemscope itemtype=\"http://schema.org/WebSite\">\n\t\t<meta itemprop=\"url\" content=\"" + home + "\">\n\t\t<a href='#elContent' class='ipsHide' title='Go to main content on this page' accesskey='m'>Jump to content</a>\n")
	b.WriteString("\t\t<div id='ipsLayout_header' class='ipsClearfix'>\n\t\t\t<header>\n\t\t\t\t<div class='ipsLayout_container'>\n\t\t\t\t\t<a href='" + home + "' id='elLogo' accesskey='1'><img src=\"" + home + "uploads/logo.png\" alt='" + siteName + "'></a>\n" +
		"\t\t\t\t\t<ul id='elUserNav' class='ipsList_inline cSignedOut ipsClearfix ipsResponsive_hidePhone ipsResponsive_block'>\n\t\t\t\t\t\t<li id='elSignInLink'><a href='" + home + "login/' data-ipsMenu-closeOnClick=\"false\" data-ipsMenu id='elUserSignIn'>Existing user? Sign In &nbsp;<i class='fa fa-caret-down'></i></a></li>\n" +
		"\t\t\t\t\t\t<li><a href='" + home + "register/' data-ipsDialog data-ipsDialog-size='narrow' data-ipsDialog-title='Sign Up' id='elRegisterButton' class='ipsButton ipsButton_normal ipsButton_primary'>Sign Up</a></li>\n\t\t\t\t\t</ul>\n\t\t\t\t</div>\n\t\t\t</header>\n" +
		"\t\t\t<nav data-controller='core.front.core.navBar' class=''>\n\t\t\t\t<div class='ipsNavBar_primary ipsLayout_container '>\n\t\t\t\t\t<ul data-role=\"primaryNavBar\" class='ipsResponsive_showDesktop ipsResponsive_block'>\n\t\t\t\t\t\t<li id='elNavSecondary_1' data-role=\"navBarItem\" data-navApp=\"core\" data-navExt=\"CustomItem\"><a href=\"" + home + "\" data-navItem-id=\"1\">Browse</a>\n" +
		"\t\t\t\t\t\t\t<ul class='ipsNavBar_secondary' data-role='secondaryNavBar'>\n\t\t\t\t\t\t\t\t<li id='elNavSecondary_8' data-role=\"navBarItem\" data-navApp=\"forums\" data-navExt=\"Forums\"><a href=\"" + home + "\" data-navItem-id=\"8\">Forums</a></li>\n\t\t\t\t\t\t\t\t<li id='elNavSecondary_11' data-role=\"navBarItem\" data-navApp=\"core\" data-navExt=\"StaffDirectory\"><a href=\"" + home + "staff/\" data-navItem-id=\"11\">Staff</a></li>\n\t\t\t\t\t\t\t\t<li id='elNavSecondary_12' data-role=\"navBarItem\" data-navApp=\"core\" data-navExt=\"OnlineUsers\"><a href=\"" + home + "online/\" data-navItem-id=\"12\">Online Users</a></li>\n\t\t\t\t\t\t\t</ul>\n\t\t\t\t\t\t</li>\n" +
		"\t\t\t\t\t\t<li id='elNavSecondary_2' data-role=\"navBarItem\" data-navApp=\"core\" data-navExt=\"CustomItem\"><a href=\"" + home + "discover/\" data-navItem-id=\"2\">Activity</a></li>\n\t\t\t\t\t</ul>\n\t\t\t\t</div>\n\t\t\t</nav>\n\t\t</div>\n")
	b.WriteString("\t\t<main id='ipsLayout_body' class='ipsLayout_container'>\n\t\t\t<div id='ipsLayout_contentArea'>\n\t\t\t\t<div id='ipsLayout_contentWrapper'>\n")
	s.breadcrumb(&b, home, "top", title, crumbs, o)
	b.WriteString("\t\t\t\t\t<div id='ipsLayout_mainArea'>\n\t\t\t\t\t\t<a id='elContent'></a>\n" + body + "\t\t\t\t\t</div>\n")
	s.breadcrumb(&b, home, "bottom", title, crumbs, o)
	b.WriteString("\t\t\t\t</div>\n\t\t\t</div>\n\t\t</main>\n\t\t<footer id='ipsLayout_footer' class='ipsClearfix'>\n\t\t\t<div class='ipsLayout_container'>\n\t\t\t\t<ul class='ipsList_inline ipsType_center ipsSpacer_top' id=\"elFooterLinks\">\n\t\t\t\t\t<li><a href='" + home + "privacy/'>Privacy Policy</a></li>\n\t\t\t\t\t<li><a rel=\"nofollow\" href='" + home + "contact/' data-ipsdialog data-ipsDialog-remoteSubmit data-ipsDialog-flashMessage='Thanks, your message has been sent to the administrators.' data-ipsdialog-title=\"Contact Us\">Contact Us</a></li>\n\t\t\t\t</ul>\n" +
		"\t\t\t\t<p id='elCopyright'>\n\t\t\t\t\t<span id='elCopyright_userLine'>" + siteName + "</span>\n\t\t\t\t\t<a rel='nofollow' title='Invision Community' href='https://www.invisioncommunity.com/'>Powered by Invision Community</a>\n\t\t\t\t</p>\n\t\t\t</div>\n\t\t</footer>\n\t</body>\n</html>\n")
	return b.String()
}

// breadcrumb writes IPS's breadcrumb: "Home", crumbs, then title as text.
func (s invision) breadcrumb(b *strings.Builder, home, where, title string, crumbs []CrumbTruth, o string) {
	b.WriteString("<nav class='ipsBreadcrumb ipsBreadcrumb_" + where + " ipsFaded_withHover'>\n\t<ul class='ipsList_inline ipsPos_right'>\n\t\t<li >\n\t\t\t<a data-action=\"defaultStream\" class='ipsType_light '  href='" + home + "discover/'><i class='icon-newspaper'></i> <span>All Activity</span></a>\n\t\t</li>\n\t</ul>\n\t<ul data-role=\"breadcrumbList\">\n")
	for i, c := range crumbs {
		if i == 0 {
			b.WriteString("\t\t<li>\n\t\t\t<a title=\"Home\" href='" + esc(o+c.Path) + "'>\n\t\t\t\t<span><i class='fa fa-home'></i> " + esc(c.Name) + " <i class='fa fa-angle-right'></i></span>\n\t\t\t</a>\n\t\t</li>\n")
			continue
		}
		b.WriteString("\t\t\t<li>\n\t\t\t\t\t<a href='" + esc(o+c.Path) + "'>\n\t\t\t\t\t\t<span>" + esc(c.Name) + " <i class='fa fa-angle-right'></i></span>\n\t\t\t\t\t</a>\n\t\t\t</li>\n")
	}
	if len(crumbs) > 0 {
		b.WriteString("\t\t\t<li>\n\t\t\t\t\t" + esc(title) + "\n\t\t\t</li>\n")
	}
	b.WriteString("\t</ul>\n</nav>\n")
}

// pagination returns IPS 4's pagination list for pages 1..last at cur, or "".
func (s invision) pagination(o string, cur, last, per int, link func(int) string) string {
	if last <= 1 {
		return ""
	}
	a := func(n int) string { return esc(o + link(n)) }
	h := "<ul class='ipsPagination' id='elPagination_" + strconv.Itoa(last*7919+per) + "' data-ipsPagination-seoPagination='true' data-pages='" + strconv.Itoa(last) + "' data-ipsPagination data-ipsPagination-pages=\"" + strconv.Itoa(last) + "\" data-ipsPagination-perPage='" + strconv.Itoa(per) + "'>\n"
	inactive := map[bool]string{true: " ipsPagination_inactive", false: ""}
	h += "\t<li class='ipsPagination_first" + inactive[cur == 1] + "'><a href='" + a(1) + "' rel=\"first\" data-page='1' data-ipsTooltip title='First page'><i class='fa fa-angle-double-left'></i></a></li>\n"
	h += "\t<li class='ipsPagination_prev" + inactive[cur == 1] + "'><a href='" + a(max(1, cur-1)) + "' rel=\"prev\" data-page='" + strconv.Itoa(cur-1) + "' data-ipsTooltip title='Previous page'>Prev</a></li>\n"
	for n := max(1, cur-5); n <= min(last, cur+5); n++ {
		cls := "ipsPagination_page"
		if n == cur {
			cls += " ipsPagination_active"
		}
		h += "\t<li class='" + cls + "'><a href='" + a(n) + "' data-page='" + strconv.Itoa(n) + "'>" + strconv.Itoa(n) + "</a></li>\n"
	}
	h += "\t<li class='ipsPagination_next" + inactive[cur == last] + "'><a href='" + a(min(last, cur+1)) + "' rel=\"next\" data-page='" + strconv.Itoa(min(last, cur+1)) + "' data-ipsTooltip title='Next page'>Next</a></li>\n"
	h += "\t<li class='ipsPagination_last" + inactive[cur == last] + "'><a href='" + a(last) + "' rel=\"last\" data-page='" + strconv.Itoa(last) + "' data-ipsTooltip title='Last page'><i class='fa fa-angle-double-right'></i></a></li>\n"
	h += "\t<li class='ipsPagination_pageJump'>\n\t\t<a href='#' data-ipsMenu data-ipsMenu-closeOnClick='false' id='elPagination_jump'>Page " + strconv.Itoa(cur) + " of " + strconv.Itoa(last) + " &nbsp;<i class='fa fa-caret-down'></i></a>\n" +
		"\t\t<div class='ipsMenu ipsMenu_narrow ipsPad ipsHide' id='elPagination_jump_menu'>\n\t\t\t<form accept-charset='utf-8' method='post' action='" + a(1) + "' data-role=\"pageJump\">\n\t\t\t\t<ul class='ipsForm ipsForm_horizontal'>\n\t\t\t\t\t<li class='ipsFieldRow'><input type='number' min='1' max='" + strconv.Itoa(last) +
		"' placeholder='Page number' class='ipsField_fullWidth' name='page'></li>\n\t\t\t\t\t<li class='ipsFieldRow ipsFieldRow_fullWidth'><input type='submit' class='ipsButton_fullWidth ipsButton ipsButton_verySmall ipsButton_primary' value='Page'></li>\n\t\t\t\t</ul>\n\t\t\t</form>\n\t\t</div>\n\t</li>\n</ul>\n"
	return h
}

// userLink returns a member's profile link, or a guest's name.
func (s invision) userLink(f *Forum, o string, u *user) string {
	if u.kind != member {
		return esc(u.name)
	}
	mp := esc(o + s.memberPath(f, u))
	return "<a href='" + mp + "' data-ipsHover data-ipsHover-target='" + mp + "?do=hovercard' title=\"Go to " + esc(u.name) + "'s profile\" class=\"ipsType_break\">" + esc(u.name) + "</a>"
}

// photo returns a user's photo, linked to the profile for members.
func (s invision) photo(f *Forum, o string, u *user, size string) string {
	src := o + f.cfg.Prefix + "/uploads/set_resources_1/default_photo.png"
	if u.kind == member && u.avatar {
		src = o + f.cfg.Prefix + "/uploads/monthly_2016_06/photo-" + id(u.id) + ".png"
	}
	img := "<img src='" + esc(src) + "' alt='" + esc(u.name) + "'>"
	if u.kind != member {
		return "<span class='ipsUserPhoto ipsUserPhoto_" + size + " '>\n\t\t" + img + "\n\t</span>"
	}
	mp := esc(o + s.memberPath(f, u))
	return "<a href=\"" + mp + "\" data-ipsHover data-ipsHover-target=\"" + mp + "?do=hovercard\" class=\"ipsUserPhoto ipsUserPhoto_" + size + "\" title=\"Go to " + esc(u.name) + "'s profile\">\n\t\t" + img + "\n\t</a>"
}

// forumRows writes forumRow items for boards, sub-boards in their subList.
func (s invision) forumRows(f *Forum, b *strings.Builder, o string, boards []*board) {
	for _, bd := range boards {
		posts := 0
		var latest *post
		for _, t := range f.allThreads(bd) {
			posts += len(t.posts)
			if latest == nil || t.last().at.After(latest.at) {
				latest = t.last()
			}
		}
		b.WriteString("\n\t<li class=\"cForumRow ipsDataItem ipsDataItem_responsivePhoto  ipsClearfix\" data-forumID=\"" + id(bd.id) + "\">\n\t\t<div class=\"ipsDataItem_icon ipsDataItem_category\">\n\t\t\t<span class='ipsItemStatus ipsItemStatus_large cForumIcon_normal ipsItemStatus_read'>\n\t\t\t\t<i class=\"fa fa-comments\"></i>\n\t\t\t</span>\n\t\t</div>\n" +
			"\t\t<div class=\"ipsDataItem_main\">\n\t\t\t<h4 class=\"ipsDataItem_title ipsType_large ipsType_break\">\n\t\t\t\t<a href=\"" + esc(o+s.boardPath(f, bd, 1)) + "\">" + esc(bd.title) + "</a>\n\t\t\t</h4>\n")
		if len(bd.children) > 0 {
			b.WriteString("\t\t\t<ul class=\"ipsDataItem_subList ipsList_inline\">\n")
			for _, c := range bd.children {
				b.WriteString("\t\t\t\t<li class=\"\">\n\t\t\t\t\t<a href=\"" + esc(o+s.boardPath(f, c, 1)) + "\">" + esc(c.title) + "</a>\n\t\t\t\t</li>\n")
			}
			b.WriteString("\t\t\t</ul>\n")
		}
		b.WriteString("\t\t\t<div class=\"ipsDataItem_meta ipsType_richText ipsContained\"><p>" + esc(bd.desc) + "</p></div>\n\t\t</div>\n\t\t<div class=\"ipsDataItem_stats ipsDataItem_statsLarge\">\n\t\t\t<dl>\n\t\t\t\t<dt class=\"ipsDataItem_stats_number\">" + number(int64(posts)) +
			"</dt>\n\t\t\t\t<dd class=\"ipsDataItem_stats_type ipsType_light\"> posts</dd>\n\t\t\t</dl>\n\t\t</div>\n\t\t<ul class=\"ipsDataItem_lastPoster ipsDataItem_withPhoto\">\n")
		if latest != nil {
			tp := esc(o + s.threadPath(f, latest.thread, 1))
			b.WriteString("\t\t\t<li>" + s.photo(f, o, latest.author, "tiny") + "</li>\n\t\t\t<li><a href=\"" + tp + "?do=getNewComment\" title='" + esc(latest.thread.title) + "'>" + esc(latest.thread.title) + "</a></li>\n\t\t\t<li class='ipsType_blendLinks'>By \n" + s.userLink(f, o, latest.author) +
				"</li>\n\t\t\t<li class=\"ipsType_light\"><a href='" + tp + "?do=getLastComment' title='Go to last post' class='ipsType_blendLinks'>" + ipsTime(latest.at) + "</a></li>\n")
		} else {
			b.WriteString("\t\t\t<li class='ipsType_light ipsResponsive_showDesktop'>No posts here yet</li>\n")
		}
		b.WriteString("\t\t</ul>\n\t</li>\n")
	}
}

// indexPage renders the forums index: one block per category.
func (s invision) indexPage(f *Forum, o string) string {
	var b strings.Builder
	b.WriteString("<div class='ipsPageHeader ipsClearfix ipsSpacer_bottom cForumHeader'>\n\t<h1 class='ipsType_pageTitle'>\n\t\tForums\n\t</h1>\n</div>\n\n<section>\n\t<ol class='ipsList_reset cForumList' data-controller='core.global.core.table, forums.front.forum.forumList' data-baseURL=''>\n")
	for _, c := range f.categories {
		b.WriteString("\t\t<li data-categoryID='" + id(c.id) + "' class='cForumRow ipsBox ipsSpacer_bottom'>\n\t\t\t<h2 class=\"ipsType_sectionTitle ipsType_reset cForumTitle\">\n\t\t\t\t<a href='#' class='ipsPos_right ipsJS_show ipsType_noUnderline cForumToggle' data-action='toggleCategory' data-ipsTooltip title='Toggle this category'></a>\n\t\t\t\t<a href='" +
			esc(o+s.categoryPath(f, c)) + "'>" + esc(c.title) + "</a>\n\t\t\t</h2>\n\t\t\t<ol class=\"ipsDataList ipsDataList_large ipsDataList_zebra ipsAreaBackground_reset\" data-role=\"forums\">\n")
		s.forumRows(f, &b, o, c.boards)
		b.WriteString("\t\t\t</ol>\n\t\t</li>\n")
	}
	b.WriteString("\t</ol>\n</section>\n")
	return s.frame(f, o, "forums", "forums", "index", siteName, s.indexPath(f), nil, b.String())
}

// categoryPage renders a category's page: its forums.
func (s invision) categoryPage(f *Forum, o string, c *category) string {
	var b strings.Builder
	b.WriteString("<div class=\"ipsPageHeader ipsClearfix ipsSpacer_bottom\">\n\t<h1 class=\"ipsType_pageTitle\">" + esc(c.title) + "</h1>\n</div>\n<section class='ipsBox'>\n\t<ol class=\"ipsDataList ipsDataList_large ipsDataList_zebra ipsAreaBackground_reset\" data-role=\"forums\">\n")
	s.forumRows(f, &b, o, c.boards)
	b.WriteString("\t</ol>\n</section>\n")
	return s.frame(f, o, "forums", "forums", "forums", c.title, s.categoryPath(f, c), f.boardCrumbs(c.boards[0])[:1], b.String())
}
