package forumsim

import (
	"strconv"
	"strings"
)

// xf1Sorts names the sort links of a thread list's section headers.
var xf1Sorts = [][3]string{
	{"title", "title", "Title"}, {"post_date", "postDate", "Start Date"},
	{"reply_count", "major", "Replies"}, {"view_count", "minor", "Views"},
}

// boardPage renders forum_view: sub-forums, then page n of the thread list
// in the default order or, with order, sorted (sticky threads mixed in).
func (s xenforo1) boardPage(f *Forum, o string, bd *board, n int, order, dir string) string {
	var b strings.Builder
	if len(bd.children) > 0 {
		b.WriteString("\t<ol class=\"nodeList section sectionMain\" id=\"forums\">\n")
		s.writeNodes(f, &b, bd.children, "level_1")
		b.WriteString("\t</ol>\n")
	}
	sticky, normal := f.boardListing(bd, n)
	last := f.boardPages(bd)
	query := ""
	if order != "" {
		all := listing(bd, order, dir)
		per := f.cfg.ThreadsPerPage
		last, sticky = max(1, (len(all)+per-1)/per), nil
		normal = all[min((n-1)*per, len(all)):min(n*per, len(all))]
		query = "?direction=" + dir + "&order=" + order
	}
	link := func(k int) string { return s.boardPath(f, bd, k) + query }
	nav := s.pageNav(f, n, last, link)
	bp := s.rel(f, s.boardPath(f, bd, 1))
	b.WriteString("<div class=\"pageNavLinkGroup\">\n\t<div class=\"linkGroup SelectionCountContainer\">\n\t\t<a href=\"" + bp + "create-thread\" class=\"callToAction\"><span>Post New Thread</span></a>\n\t</div>\n" + nav + "</div>\n\n")
	b.WriteString("<div class=\"discussionList section sectionMain\">\n<form action=\"inline-mod/thread/switch\" method=\"post\" class=\"DiscussionList InlineModForm\" data-cookieName=\"threads\" data-controls=\"#InlineModControls\" data-imodOptions=\"#ModerationSelect option\">\n\t<dl class=\"sectionHeaders\">\n\t\t<dt class=\"posterAvatar\"><a><span>Sort by:</span></a></dt>\n")
	hdr := func(k [3]string) string {
		return "<a href=\"" + bp + "?order=" + k[0] + "\" class=\"" + k[1] + "\"><span>" + k[2] + "</span></a>"
	}
	b.WriteString("\t\t<dd class=\"main\">\n\t\t\t" + hdr(xf1Sorts[0]) + "\n\t\t\t" + hdr(xf1Sorts[1]) + "\n\t\t</dd>\n\t\t<dd class=\"stats\">\n\t\t\t" + hdr(xf1Sorts[2]) + "\n\t\t\t" + hdr(xf1Sorts[3]) +
		"\n\t\t</dd>\n\t\t<dd class=\"lastPost\"><a href=\"" + bp + "?direction=asc\" class=\"selected\"><span>Last Message &darr;</span></a></dd>\n\t</dl>\n\n\t<ol class=\"discussionListItems\">\n")
	if len(sticky)+len(normal) == 0 {
		b.WriteString("\t\t<li class=\"primaryContent\">There are no threads to display.</li>\n")
	}
	for _, t := range sticky {
		s.threadItem(f, &b, t)
	}
	for _, t := range normal {
		s.threadItem(f, &b, t)
	}
	b.WriteString("\t</ol>\n\n\t<div class=\"sectionFooter InlineMod SelectionCountContainer\">\n\t\t<span class=\"contentSummary\">Showing threads " + strconv.Itoa((n-1)*f.cfg.ThreadsPerPage+1) + " to " + strconv.Itoa((n-1)*f.cfg.ThreadsPerPage+len(normal)) +
		"</span>\n\t</div>\n</form>\n</div>\n\n<div class=\"pageNavLinkGroup afterDiscussionListHandle\">\n" + nav + "</div>\n")
	title := "<p id=\"pageDescription\" class=\"muted baseHtml\">" + esc(bd.desc) + "</p>\n"
	return s.frame(f, o, "forum_view", bd.title, s.boardPath(f, bd, n), f.boardCrumbs(bd), title, b.String())
}

// threadItem writes one thread_list_item.
func (s xenforo1) threadItem(f *Forum, b *strings.Builder, t *thread) {
	first, last := t.posts[0], t.last()
	tp := s.rel(f, s.threadPath(f, t, 1))
	cls := "discussionListItem visible "
	if t.sticky {
		cls += "sticky "
	}
	b.WriteString("\n<li id=\"thread-" + id(t.id) + "\" class=\"" + cls + "\" data-author=\"" + esc(first.author.name) + "\">\n\n\t<div class=\"listBlock posterAvatar\">\n\t\t<span class=\"avatarContainer\">\n\t\t\t" + s.avatar(f, first.author, "s") +
		"\n\t\t</span>\n\t</div>\n\n\t<div class=\"listBlock main\">\n\t\t<div class=\"titleText\">\n")
	if t.sticky {
		b.WriteString("\t\t\t\t<div class=\"iconKey\">\n\t\t\t\t\t<span class=\"sticky\" title=\"Sticky\">Sticky</span>\n\t\t\t\t</div>\n")
	}
	b.WriteString("\t\t\t<h3 class=\"title\">\n\t\t\t\t<a href=\"" + tp + "\"\n\t\t\t\t\ttitle=\"\"\n\t\t\t\t\tclass=\"PreviewTooltip\"\n\t\t\t\t\tdata-previewUrl=\"" + tp + "preview\">" + esc(t.title) + "</a>\n\t\t\t</h3>\n\t\t\t<div class=\"secondRow\">\n\t\t\t\t<div class=\"posterDate muted\">\n\t\t\t\t\t" +
		s.username(f, first.author, "username", ` title="Thread starter"`) + "<span class=\"startDate\">,\n\t\t\t\t\t<a href=\"" + tp + "\" class=\"faint\">" + xf1DateTime(first.at) + "</a></span>\n")
	if pages := f.threadPages(t); pages > 1 {
		b.WriteString("\t\t\t\t\t<span class=\"itemPageNav\">\n\t\t\t\t\t\t<span>...</span>\n")
		for k := max(2, pages-2); k <= pages; k++ {
			b.WriteString("\t\t\t\t\t\t<a href=\"" + s.rel(f, s.threadPath(f, t, k)) + "\">" + strconv.Itoa(k) + "</a>\n")
		}
		b.WriteString("\t\t\t\t\t</span>\n")
	}
	b.WriteString("\t\t\t\t</div>\n\t\t\t\t<div class=\"controls faint\">\n\t\t\t\t</div>\n\t\t\t</div>\n\t\t</div>\n\t</div>\n\n\t<div class=\"listBlock stats pairsJustified\" title=\"Members who liked the first message: " + strconv.Itoa(len(first.likers)) + "\">\n\t\t<dl class=\"major\"><dt>Replies:</dt> <dd>" +
		number(int64(len(t.posts)-1)) + "</dd></dl>\n\t\t<dl class=\"minor\"><dt>Views:</dt> <dd>" + number(t.views) + "</dd></dl>\n\t</div>\n\n\t<div class=\"listBlock lastPost\">\n\t\t<dl class=\"lastPostInfo\">\n\t\t\t<dt>" + s.username(f, last.author, "username", "") +
		"</dt>\n\t\t\t<dd class=\"muted\"><a href=\"" + s.rel(f, s.postPath(f, last)) + "\" title=\"Go to last message\" class=\"dateTime\">" + xf1DateTime(last.at) + "</a></dd>\n\t\t</dl>\n\t</div>\n</li>\n")
}
