package forumsim

import (
	"strconv"
	"strings"
)

// ipsSorts are the sortby values of a forum's sort menu and their names.
var ipsSorts = [][2]string{{"last_post", "Recently Updated"}, {"title", "Title"}, {"start_date", "Start Date"}, {"views", "Most Viewed"}, {"posts", "Most Replies"}}

// boardPage renders a forum: its sub-forums, then page n of its topics in
// the default order or, with order, sorted (pinned topics mixed in).
func (s invision) boardPage(f *Forum, o string, bd *board, n int, order, dir string) string {
	var b strings.Builder
	b.WriteString("<div class=\"ipsPageHeader ipsClearfix ipsSpacer_bottom\">\n\t<h1 class=\"ipsType_pageTitle\">" + esc(bd.title) + "</h1>\n\t<div class='ipsType_richText ipsType_normal' data-controller='core.front.core.lightboxedImages'>\n<p>" + esc(bd.desc) + "</p>\n\t</div>\n</div>\n")
	if len(bd.children) > 0 {
		b.WriteString("<div class='ipsBox ipsSpacer_bottom'>\n\t<h2 class='ipsType_sectionTitle ipsType_reset'>Subforums</h2>\n\t<ol class=\"ipsDataList ipsDataList_large ipsDataList_zebra ipsClear\" data-role=\"forums\">\n")
		s.forumRows(f, &b, o, bd.children)
		b.WriteString("\t</ol>\n</div>\n")
	}
	sticky, normal := f.boardListing(bd, n)
	last := f.boardPages(bd)
	query := ""
	if order != "" {
		all := listing(bd, order, dir)
		per := f.cfg.ThreadsPerPage
		last, sticky = max(1, (len(all)+per-1)/per), nil
		normal = all[min((n-1)*per, len(all)):min(n*per, len(all))]
		query = "?sortby=" + map[string]string{"title": "title", "post_date": "start_date", "reply_count": "posts", "view_count": "views"}[order] + "&sortdirection=" + dir
	}
	pag := s.pagination(o, n, last, f.cfg.ThreadsPerPage, func(k int) string { return s.boardPath(f, bd, k) + query })
	bp := esc(o + s.boardPath(f, bd, 1))
	b.WriteString("<div class='ipsClearfix'>\n\t<ul class=\"ipsToolList ipsToolList_horizontal ipsClearfix ipsSpacer_both ipsResponsive_hidePhone\">\n\t\t<li class='ipsToolList_primaryAction'>\n\t\t\t<a class=\"ipsButton ipsButton_medium ipsButton_important ipsButton_fullWidth\" href=\"" + bp + "?do=add\" title='Start a new topic in this forum'>Start new topic</a>\n\t\t</li>\n\t</ul>\n</div>\n")
	b.WriteString("<div class='ipsBox'>\n\t<div data-baseurl='" + bp + "' data-resort='listResort' data-tableID='topics' data-feedID='forum-" + id(bd.id) + "' data-controller='core.global.core.table, forums.front.forum.forumPage'>\n\t\t<h2 class='ipsType_sectionTitle ipsHide ipsType_reset ipsClear'>" + strconv.Itoa(len(bd.threads)) + " topics in this forum</h2>\n")
	b.WriteString("\t\t<div class=\"ipsButtonBar ipsPad_half ipsClearfix ipsClear\">\n\t\t\t<div data-role=\"tablePagination\">\n" + pag + "\t\t\t</div>\n\t\t\t<ul class=\"ipsButtonRow ipsPos_right ipsClearfix\">\n\t\t\t\t<li>\n\t\t\t\t\t<a href=\"#elSortByMenu_menu\" id=\"elSortByMenu\" data-role='sortButton' data-ipsMenu data-ipsMenu-activeClass=\"ipsButtonRow_active\" data-ipsMenu-selectable=\"radio\">Sort By <i class=\"fa fa-caret-down\"></i></a>\n\t\t\t\t\t<ul class=\"ipsMenu ipsMenu_auto ipsMenu_withStem ipsMenu_selectable ipsHide\" id=\"elSortByMenu_menu\">\n")
	for _, so := range ipsSorts {
		b.WriteString("\t\t\t\t\t\t<li class=\"ipsMenu_item\" data-ipsMenuValue=\"" + so[0] + "\" data-sortDirection='desc'><a href=\"" + bp + "?sortby=" + so[0] + "&amp;sortdirection=desc\" rel=\"nofollow\">" + so[1] + "</a></li>\n")
	}
	b.WriteString("\t\t\t\t\t</ul>\n\t\t\t\t</li>\n\t\t\t</ul>\n\t\t</div>\n\t\t<ol class='ipsClear ipsDataList cForumTopicTable  cTopicList ' id='elTable_" + id(bd.id) + "' data-role=\"tableRows\">\n")
	if len(sticky)+len(normal) == 0 {
		b.WriteString("\t\t\t<li class='ipsDataItem'>\n\t\t\t\t<div class='ipsType_light ipsType_center ipsPad_double'>There are no topics in this forum yet</div>\n\t\t\t</li>\n")
	}
	for _, t := range append(sticky, normal...) {
		s.topicRow(f, &b, o, t)
	}
	b.WriteString("\t\t</ol>\n")
	if pag != "" {
		b.WriteString("\t\t<div class=\"ipsButtonBar ipsPad_half ipsClearfix ipsClear\">\n\t\t\t<div data-role=\"tablePagination\">\n" + pag + "\t\t\t</div>\n\t\t</div>\n")
	}
	b.WriteString("\t</div>\n</div>\n")
	title := bd.title
	if n > 1 {
		title += " - Page " + strconv.Itoa(n)
	}
	return s.frame(f, o, "forums", "forums", "forums", title, s.boardPath(f, bd, n), f.boardCrumbs(bd), b.String())
}

// topicRow writes one row of a topic list.
func (s invision) topicRow(f *Forum, b *strings.Builder, o string, t *thread) {
	first, last := t.posts[0], t.last()
	tp := esc(o + s.threadPath(f, t, 1))
	b.WriteString("\t\t\t<li class=\"ipsDataItem ipsDataItem_responsivePhoto   \" data-rowID='" + id(t.id) + "' data-location='' data-controller='forums.front.forum.topicRow'>\n\t\t\t\t<div class='ipsDataItem_icon ipsPos_top'>\n\t\t\t\t\t<span class='ipsItemStatus ipsItemStatus_read'><i class=\"fa fa-circle\"></i></span>\n\t\t\t\t</div>\n\t\t\t\t<div class='ipsDataItem_main'>\n\t\t\t\t\t<h4 class='ipsDataItem_title ipsContained_container'>\n")
	if t.sticky {
		b.WriteString("\t\t\t\t\t\t<span><span class=\"ipsBadge ipsBadge_icon ipsBadge_small ipsBadge_positive\" data-ipsTooltip title='Pinned'><i class='fa fa-thumb-tack'></i></span></span>\n")
	}
	b.WriteString("\t\t\t\t\t\t<span class='ipsType_break ipsContained'>\n\t\t\t\t\t\t\t<a href='" + tp + "' class='' title='" + esc(t.title) + " ' data-ipsHover data-ipsHover-target='" + tp + "?preview=1' data-ipsHover-timeout='1.5'>\n\t\t\t\t\t\t\t\t<span>" + esc(t.title) + "</span>\n\t\t\t\t\t\t\t</a>\n\t\t\t\t\t\t</span>\n")
	if pages := f.threadPages(t); pages > 1 {
		b.WriteString("\t\t\t\t\t\t<ul class='ipsPagination ipsPagination_mini' id='elPagination_" + id(t.id) + "'>\n")
		for k := 1; k <= min(pages, 3); k++ {
			b.WriteString("\t\t\t\t\t\t\t<li class='ipsPagination_page'><a href='" + esc(o+s.threadPath(f, t, k)) + "' data-page='" + strconv.Itoa(k) + "'>" + strconv.Itoa(k) + "</a></li>\n")
		}
		if pages > 3 {
			b.WriteString("\t\t\t\t\t\t\t<li class='ipsPagination_last'><a href='" + esc(o+s.threadPath(f, t, pages)) + "' data-page='" + strconv.Itoa(pages) + "'>" + strconv.Itoa(pages) + " <i class='fa fa-caret-right'></i></a></li>\n")
		}
		b.WriteString("\t\t\t\t\t\t</ul>\n")
	}
	b.WriteString("\t\t\t\t\t</h4>\n\t\t\t\t\t<div class='ipsDataItem_meta ipsType_reset ipsType_light ipsType_blendLinks'>\n\t\t\t\t\t\t<span>By " + s.userLink(f, o, first.author) + ", </span>" + ipsTime(first.at) + "\n\t\t\t\t\t</div>\n\t\t\t\t</div>\n" +
		"\t\t\t\t<ul class='ipsDataItem_stats'>\n\t\t\t\t\t<li >\n\t\t\t\t\t\t<span class='ipsDataItem_stats_number'>" + number(int64(len(t.posts)-1)) + "</span>\n\t\t\t\t\t\t<span class='ipsDataItem_stats_type'> replies</span>\n\t\t\t\t\t</li>\n\t\t\t\t\t<li class='ipsType_light'>\n\t\t\t\t\t\t<span class='ipsDataItem_stats_number'>" + number(t.views) +
		"</span>\n\t\t\t\t\t\t<span class='ipsDataItem_stats_type'> views</span>\n\t\t\t\t\t</li>\n\t\t\t\t</ul>\n\t\t\t\t<ul class='ipsDataItem_lastPoster ipsDataItem_withPhoto ipsType_blendLinks'>\n\t\t\t\t\t<li>" + s.photo(f, o, last.author, "tiny") + "</li>\n\t\t\t\t\t<li>" + s.userLink(f, o, last.author) +
		"</li>\n\t\t\t\t\t<li class=\"ipsType_light\"><a href='" + tp + "?do=getLastComment' title='Go to last post' class='ipsType_blendLinks'>" + ipsTime(last.at) + "</a></li>\n\t\t\t\t</ul>\n\t\t\t</li>\n")
}
