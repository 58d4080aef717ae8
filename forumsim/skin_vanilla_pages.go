package forumsim

import (
	"strconv"
	"strings"
)

// frame returns a whole Vanilla page: head, header, breadcrumb (Home, then
// crumbs) and footer around body; section is the body's id after "vanilla_"
// or "dashboard_".
func (s vanilla) frame(f *Forum, o, section, title, canonical string, crumbs []CrumbTruth, body string) string {
	var b strings.Builder
	app := "vanilla"
	if strings.HasPrefix(section, "entry") || strings.HasPrefix(section, "profile") || strings.HasPrefix(section, "home") {
		app = "dashboard"
	}
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + esc(title) + " &mdash; " + siteName + "</title>\n")
	b.WriteString("<link rel=\"stylesheet\" href=\"" + f.cfg.Prefix + "/applications/dashboard/design/style.css?v=2.8\" media=\"all\" />\n")
	if canonical != "" {
		b.WriteString("<link rel=\"canonical\" href=\"" + esc(o+canonical) + "\" />\n")
	}
	b.WriteString("</head>\n<body id=\"" + app + "_" + section + "\" class=\"Vanilla " + app + " isDesktop\">\n<div id=\"Frame\">\n<div class=\"Head\" id=\"Head\"><div class=\"Row\">\n")
	b.WriteString("<strong class=\"SiteTitle\"><a href=\"" + f.cfg.Prefix + "/\">" + siteName + "</a></strong>\n<ul class=\"SiteMenu\"><li><a href=\"" + f.cfg.Prefix + "/discussions\">Discussions</a></li><li><a href=\"" + f.cfg.Prefix + "/activity\">Activity</a></li></ul>\n")
	b.WriteString("<div class=\"MeBox MeBox-SignIn\"><div class=\"SignInLinks\"><a href=\"" + f.cfg.Prefix + "/entry/signin?Target=discussions\" class=\"SignInPopup\" rel=\"nofollow\">Sign In</a> <span class=\"Bullet\">&middot;</span> <a href=\"" + f.cfg.Prefix + "/entry/register?Target=discussions\" class=\"ApplyButton\" rel=\"nofollow\">Register</a></div></div>\n</div></div>\n")
	b.WriteString("<div id=\"Body\"><div class=\"Row\">\n<div class=\"BreadcrumbsWrapper\"><span class=\"Breadcrumbs\" itemscope itemtype=\"http://schema.org/BreadcrumbList\"><span class=\"CrumbLabel HomeCrumb\"><a href=\"" + esc(o+f.cfg.Prefix) + "/\"><span>Home</span></a></span>")
	for i, c := range crumbs {
		last := ""
		if i == len(crumbs)-1 {
			last = " Last"
		}
		b.WriteString("<span itemprop=\"itemListElement\" itemscope itemtype=\"http://schema.org/ListItem\"><meta itemprop=\"position\" content=\"" + strconv.Itoa(i+1) + "\" /><span class=\"Crumb\">›</span> <span class=\"CrumbLabel" + last +
			"\"><a itemprop=\"item\" href=\"" + esc(o+c.Path) + "\"><span itemprop=\"name\">" + esc(c.Name) + "</span></a></span></span>")
	}
	b.WriteString("</span></div>\n<div class=\"Column Content\" id=\"Content\"><div class=\"ContentColumn\">\n")
	b.WriteString(body)
	b.WriteString("</div></div>\n</div></div>\n<div id=\"Foot\"><div class=\"Row\"><a href=\"https://open.vanillaforums.com\" class=\"PoweredByVanilla\" title=\"Community Software by Vanilla Forums\">Forum Software Powered by Vanilla</a></div></div>\n</div>\n</body>\n</html>\n")
	return b.String()
}

// pager returns Vanilla's numbered pager for pages 1..last at cur: the first
// and last pages, the pages around cur, and Previous/Next links.
func (s vanilla) pager(o, idAttr string, cur, last int, link func(int) string) string {
	if last <= 1 {
		return ""
	}
	var b strings.Builder
	b.WriteString("<span role=\"navigation\" aria-label=\"pagination\" id=\"" + idAttr + "\" class=\"Pager NumberedPager\">")
	if cur > 1 {
		b.WriteString("<a href=\"" + esc(o+link(cur-1)) + "\" class=\"Previous Pager-nav\" rel=\"prev\">«</a>")
	} else {
		b.WriteString("<span class=\"Previous Pager-nav\" aria-disabled=\"true\">«</span>")
	}
	gap := false
	for n := 1; n <= last; n++ {
		if n != 1 && n != last && (n < cur-2 || n > cur+2) {
			if !gap {
				b.WriteString("<span class=\"Ellipsis\">…</span>")
			}
			gap = true
			continue
		}
		gap = false
		cls := " Pager-p p-" + strconv.Itoa(n)
		if n == cur {
			cls = "Highlight" + cls
		}
		if n == 1 {
			cls += " FirstPage"
		} else if n == last {
			cls += " LastPage"
		}
		b.WriteString("<a href=\"" + esc(o+link(n)) + "\" class=\"" + cls + "\" aria-label=\"Page " + strconv.Itoa(n) + "\">" + strconv.Itoa(n) + "</a>")
	}
	if cur < last {
		b.WriteString("<a href=\"" + esc(o+link(cur+1)) + "\" class=\"Next Pager-nav\" rel=\"next\">»</a>")
	} else {
		b.WriteString("<span class=\"Next Pager-nav\" aria-disabled=\"true\">»</span>")
	}
	b.WriteString("</span>\n")
	return b.String()
}

// categoryItem writes one li.ItemCategory of a category list.
func (s vanilla) categoryItem(f *Forum, b *strings.Builder, o string, bd *board, depth int) {
	comments := 0
	for _, t := range bd.threads {
		comments += len(t.posts) - 1
	}
	b.WriteString("<li id=\"Category_" + id(bd.id) + "\" class=\"Item Depth" + strconv.Itoa(depth) + " Category-" + esc(s.code(bd.slug, bd.id)) + " ItemCategory\">\n<div class=\"ItemContent Category\">\n")
	b.WriteString("<h" + strconv.Itoa(depth+1) + " class=\"CategoryName TitleWrap\"><a href=\"" + esc(o+s.boardPath(f, bd, 1)) + "\" class=\"Title\">" + esc(bd.title) + "</a></h" + strconv.Itoa(depth+1) + ">\n")
	b.WriteString("<div class=\"CategoryDescription\">" + esc(bd.desc) + "</div>\n<div class=\"Meta\"><span class=\"MItem MItem-Count DiscussionCount\">" + number(int64(len(bd.threads))) +
		" discussions</span> <span class=\"MItem MItem-Count CommentCount\">" + number(int64(comments)) + " comments</span></div>\n</div>\n</li>\n")
}

// indexPage renders the categories page: each category a heading, its
// boards and their sub-boards as items below it.
func (s vanilla) indexPage(f *Forum, o string) string {
	var b strings.Builder
	b.WriteString("<h1 class=\"H HomepageTitle\">Categories</h1>\n<div class=\"DataListWrap\"><ul class=\"DataList CategoryList CategoryListWithHeadings\">\n")
	for _, c := range f.categories {
		b.WriteString("<li id=\"Category_" + id(c.id) + "\" class=\"Item Depth1 Category-" + esc(s.code(c.slug, c.id)) + " CategoryHeading\"><div class=\"ItemContent Category\">" + esc(c.title) + "</div></li>\n")
		for _, bd := range c.boards {
			s.categoryItem(f, &b, o, bd, 2)
			for _, sub := range bd.children {
				s.categoryItem(f, &b, o, sub, 3)
			}
		}
	}
	b.WriteString("</ul></div>\n")
	return s.frame(f, o, "categories_index", "Categories", f.indexPath(), nil, b.String())
}

// categoryPage renders a heading category's page: its boards.
func (s vanilla) categoryPage(f *Forum, o string, c *category) string {
	var b strings.Builder
	b.WriteString("<h1 class=\"H HomepageTitle\">" + esc(c.title) + "</h1>\n<div class=\"DataListWrap\"><ul class=\"DataList CategoryList\">\n")
	for _, bd := range c.boards {
		s.categoryItem(f, &b, o, bd, 1)
	}
	b.WriteString("</ul></div>\n")
	return s.frame(f, o, "categories_index", c.title, s.categoryPath(f, c), nil, b.String())
}

// boardPage renders page n of a board's discussions, its sub-boards first.
func (s vanilla) boardPage(f *Forum, o string, bd *board, n int) string {
	var b strings.Builder
	b.WriteString("<h1 class=\"H HomepageTitle\">" + esc(bd.title) + "</h1>\n<div class=\"P PageDescription\">" + esc(bd.desc) + "</div>\n")
	if len(bd.children) > 0 && n == 1 {
		b.WriteString("<h2 class=\"H\">Child Categories</h2>\n<div class=\"DataListWrap\"><ul class=\"DataList CategoryList\">\n")
		for _, sub := range bd.children {
			s.categoryItem(f, &b, o, sub, 1)
		}
		b.WriteString("</ul></div>\n")
	}
	link := func(k int) string { return s.boardPath(f, bd, k) }
	last := f.boardPages(bd)
	b.WriteString("<div class=\"PageControls Top\">" + s.pager(o, "PagerBefore", n, last, link) + "</div>\n<div class=\"DataListWrap\"><h2 class=\"Hidden\">" + esc(bd.title) + "</h2>\n<ul class=\"DataList Discussions\">\n")
	sticky, normal := f.boardListing(bd, n)
	for _, t := range append(sticky, normal...) {
		s.discussionItem(f, &b, o, t)
	}
	b.WriteString("</ul></div>\n<div class=\"PageControls Bottom\">" + s.pager(o, "PagerAfter", n, last, link) + "</div>\n")
	title := bd.title
	if n > 1 {
		title += " - Page " + strconv.Itoa(n)
	}
	return s.frame(f, o, "categories_index", title, s.boardPath(f, bd, n), f.boardCrumbs(bd)[1:], b.String())
}

// discussionItem writes one li.ItemDiscussion of a discussion list.
func (s vanilla) discussionItem(f *Forum, b *strings.Builder, o string, t *thread) {
	cls := "Item ItemDiscussion"
	if t.sticky {
		cls = "Item Announcement ItemDiscussion"
	}
	replies := int64(len(t.posts) - 1)
	last := t.last()
	b.WriteString("<li id=\"Discussion_" + id(t.id) + "\" class=\"" + cls + "\">\n<div class=\"ItemContent Discussion\">\n<div class=\"Title\" role=\"heading\" aria-level=\"3\"><a href=\"" + esc(o+s.threadPath(f, t, 1)) + "\">" + esc(t.title) + "</a></div>\n<div class=\"Meta Meta-Discussion\">")
	if t.sticky {
		b.WriteString("<span class=\"Tag Tag-Announcement\">Announcement</span> ")
	}
	b.WriteString("<span class=\"MItem MCount ViewCount\"><span title=\"" + number(t.views) + " views\" class=\"Number\">" + numberShort(t.views) + "</span> views</span> ")
	b.WriteString("<span class=\"MItem MCount CommentCount\"><span title=\"" + number(replies) + " comments\" class=\"Number\">" + numberShort(replies) + "</span> comments</span> ")
	b.WriteString("<span class=\"MItem LastCommentBy\">Most recent by " + s.userAnchor(f, o, last.author, "UserLink") + "</span> ")
	b.WriteString("<span class=\"MItem LastCommentDate\">" + s.timeTag(last) + "</span>")
	b.WriteString("</div>\n</div>\n</li>\n")
}

// userAnchor returns a link to a member's profile, or a guest's name.
func (s vanilla) userAnchor(f *Forum, o string, u *user, class string) string {
	if u.kind != member {
		return "<span class=\"" + class + "\">" + esc(u.name) + "</span>"
	}
	return "<a href=\"" + esc(o+s.memberPath(f, u)) + "\" class=\"" + class + "\">" + esc(u.name) + "</a>"
}

// timeTag returns Vanilla's <time> of a post.
func (s vanilla) timeTag(p *post) string {
	t := p.at.UTC()
	return "<time title=\"" + t.Format(vanillaFull) + "\" datetime=\"" + t.Format("2006-01-02T15:04:05+00:00") + "\">" + t.Format(vanillaDay) + "</time>"
}

// threadPage renders page n of a discussion: the discussion on page 1, then
// its comments.
func (s vanilla) threadPage(f *Forum, o string, t *thread, n int) string {
	var b strings.Builder
	link := func(k int) string { return s.threadPath(f, t, k) }
	last := f.threadPages(t)
	posts := f.threadPosts(t, n)
	b.WriteString("<div class=\"MessageList Discussion\">\n<div id=\"Item_0\" class=\"PageTitle\"><div class=\"Options\"></div><h1>" + esc(t.title) + "</h1></div>\n")
	if n == 1 {
		s.writePost(f, &b, o, posts[0])
		posts = posts[1:]
	}
	b.WriteString("</div><div class=\"CommentsWrap\"><span class=\"BeforeCommentHeading\">" + s.pager(o, "PagerBefore", n, last, link) + "</span>")
	b.WriteString("<div class=\"DataBox DataBox-Comments\"><h2 class=\"CommentHeading\">Comments</h2>\n<ul class=\"MessageList DataList Comments\">\n")
	for _, p := range posts {
		s.writePost(f, &b, o, p)
	}
	b.WriteString("</ul>\n</div>\n<div class=\"P PagerWrap\">" + s.pager(o, "PagerAfter", n, last, link) + "</div>\n</div>\n")
	b.WriteString("<div class=\"Foot Closed\"><div class=\"Note Closed SignInOrRegister\"><a href=\"" + f.cfg.Prefix + "/entry/signin?Target=" + esc(rawurlencode(strings.TrimPrefix(s.threadPath(f, t, n), f.cfg.Prefix+"/"))) + "\" class=\"Popup\" rel=\"nofollow\">Sign In</a> to comment.</div></div>\n")
	title := t.title
	if n > 1 {
		title += " - Page " + strconv.Itoa(n)
	}
	return s.frame(f, o, "discussion_index", title, s.threadPath(f, t, n), f.threadCrumbs(t)[1:], b.String())
}
