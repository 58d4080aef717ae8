package forumsim

import (
	"slices"
	"strconv"
	"strings"
)

// sortOrders are the listing orders a board offers, as XenForo's filter menu.
var sortOrders = [][2]string{
	{"last_post_date", "Last message"}, {"post_date", "First message"}, {"title", "Title"},
	{"reply_count", "Replies"}, {"view_count", "Views"},
}

// listing returns a board's threads in the given order ("" is the default:
// sticky first, then latest post first). Non-default orders mix sticky
// threads in, as a sorted listing does.
func listing(b *board, order, dir string) []*thread {
	if order == "" || (order == "last_post_date" && dir != "asc") {
		return b.threads
	}
	ts := slices.Clone(b.threads)
	key := func(t *thread) int64 {
		switch order {
		case "post_date":
			return t.posts[0].at.Unix()
		case "reply_count":
			return int64(len(t.posts))
		case "view_count":
			return t.views
		}
		return t.last().at.Unix()
	}
	slices.SortStableFunc(ts, func(x, y *thread) int {
		c := 0
		if order == "title" {
			c = strings.Compare(x.title, y.title)
		} else if kx, ky := key(x), key(y); kx != ky {
			c = -1
			if kx > ky {
				c = 1
			}
		}
		if dir != "asc" {
			c = -c
		}
		return c
	})
	return ts
}

// boardPage renders page n of a board's listing in the given order.
func (f *Forum) boardPage(origin string, b *board, n int, order, dir string) string {
	pre := f.cfg.Prefix
	bp := f.boardPath(b, 1)
	var sticky, normal []*thread
	for _, t := range listing(b, order, dir) {
		if t.sticky && order == "" {
			sticky = append(sticky, t)
		} else {
			normal = append(normal, t)
		}
	}
	per := f.cfg.ThreadsPerPage
	last := max(1, (len(normal)+per-1)/per)
	lo, hi := min((n-1)*per, len(normal)), min(n*per, len(normal))
	query := ""
	if order != "" {
		query = "?order=" + order + "&direction=" + dir
	}
	link := func(k int) string { return f.boardPath(b, k) + query }

	var w strings.Builder
	if len(b.children) > 0 {
		w.WriteString("<div class=\"block\" data-widget-section=\"subForums\">\n\t<div class=\"block-container\">\n\t\t<h2 class=\"block-header\">Sub-forums</h2>\n\t\t<div class=\"block-body\">\n")
		for _, c := range b.children {
			f.writeNode(&w, c)
		}
		w.WriteString("\t\t</div>\n\t</div>\n</div>\n")
	}
	nav := pageNav(n, last, link)
	w.WriteString("<div class=\"block\" data-xf-init=\"\" data-type=\"thread\" data-href=\"" + pre + "/inline-mod/\">\n\t<div class=\"block-outer\">" + nav +
		"<div class=\"block-outer-opposite\">\n\t\t<div class=\"buttonGroup\">\n\t\t\t<a href=\"" + bp + "post-thread\" class=\"button--cta button button--icon button--icon--write\" rel=\"nofollow\"><span class=\"button-text\">Post thread</span></a>\n\t\t</div>\n\t</div></div>\n")
	w.WriteString("\t<div class=\"block-container\">\n\t\t<div class=\"block-filterBar\">\n\t\t\t<div class=\"filterBar\">\n\t\t\t\t<ul class=\"filterBar-filters\">\n")
	for _, o := range sortOrders {
		w.WriteString("\t\t\t\t\t<li><a href=\"" + esc(bp+"?order="+o[0]+"&direction=desc") + "\" class=\"filterBar-filterToggle\" rel=\"nofollow\">Sort by: " + o[1] + "</a></li>\n")
	}
	w.WriteString("\t\t\t\t</ul>\n\t\t\t</div>\n\t\t</div>\n\t\t<div class=\"block-body\">\n\t\t\t<div class=\"structItemContainer\">\n")
	if n == 1 && len(sticky) > 0 {
		w.WriteString("\t\t\t\t<div class=\"structItemContainer-group structItemContainer-group--sticky\">\n")
		for _, t := range sticky {
			f.writeThreadItem(&w, t)
		}
		w.WriteString("\t\t\t\t</div>\n")
	}
	w.WriteString("\t\t\t\t<div class=\"structItemContainer-group js-threadList\">\n")
	for _, t := range normal[lo:hi] {
		f.writeThreadItem(&w, t)
	}
	if len(normal) == 0 {
		w.WriteString("\t\t\t\t\t<div class=\"structItem js-emptyThreadList\"><div class=\"structItem-cell\">There are no threads in this forum.</div></div>\n")
	}
	w.WriteString("\t\t\t\t</div>\n\t\t\t</div>\n\t\t</div>\n\t</div>\n\t<div class=\"block-outer block-outer--after\">" + nav + "</div>\n</div>\n")

	pg := page{
		template:  "forum_view",
		title:     b.title,
		h1:        b.title,
		desc:      esc(b.desc),
		canonical: f.boardPath(b, n),
		crumbs:    f.boardCrumbs(b),
		container: "node-" + id(b.id),
		content:   "node-" + id(b.id),
		body:      w.String(),
	}
	if n > 1 {
		pg.title += " | Page " + strconv.Itoa(n)
		pg.prev = link(n - 1)
	}
	if n < last {
		pg.next = link(n + 1)
	}
	return f.render(origin, pg)
}

// writeThreadItem writes one thread of a listing as a structItem.
func (f *Forum) writeThreadItem(w *strings.Builder, t *thread) {
	tp := f.threadPath(t, 1)
	first, last := t.posts[0], t.last()
	replies := int64(len(t.posts) - 1)
	w.WriteString("\t\t\t\t\t<div class=\"structItem structItem--thread js-inlineModContainer js-threadListItem-" + id(t.id) + "\" data-author=\"" + esc(first.author.name) + "\">\n")
	w.WriteString("\t\t\t\t\t\t<div class=\"structItem-cell structItem-cell--icon\">\n\t\t\t\t\t\t\t<div class=\"structItem-iconContainer\">\n\t\t\t\t\t\t\t\t" + f.avatar(first.author) + "\n\t\t\t\t\t\t\t</div>\n\t\t\t\t\t\t</div>\n")
	w.WriteString("\t\t\t\t\t\t<div class=\"structItem-cell structItem-cell--main\" data-xf-init=\"touch-proxy\">\n")
	if t.sticky {
		w.WriteString("\t\t\t\t\t\t\t<ul class=\"structItem-statuses\">\n\t\t\t\t\t\t\t\t<li>\n\t\t\t\t\t\t\t\t\t<i class=\"structItem-status structItem-status--sticky\" aria-hidden=\"true\" title=\"Sticky\"></i>\n\t\t\t\t\t\t\t\t\t<span class=\"u-srOnly\">Sticky</span>\n\t\t\t\t\t\t\t\t</li>\n\t\t\t\t\t\t\t</ul>\n")
	}
	w.WriteString("\t\t\t\t\t\t\t<div class=\"structItem-title\">\n\t\t\t\t\t\t\t\t<a href=\"" + tp + "\" class=\"\" data-tp-primary=\"on\" data-xf-init=\"preview-tooltip\" data-preview-url=\"" + tp + "preview\">" + esc(t.title) + "</a>\n\t\t\t\t\t\t\t</div>\n")
	w.WriteString("\t\t\t\t\t\t\t<div class=\"structItem-minor\">\n\t\t\t\t\t\t\t\t<ul class=\"structItem-parts\">\n\t\t\t\t\t\t\t\t\t<li>" + f.usernameLink(first.author, "username ") +
		"</li>\n\t\t\t\t\t\t\t\t\t<li class=\"structItem-startDate\"><a href=\"" + tp + "\" rel=\"nofollow\">" + timeTag(first.at, "") + "</a></li>\n\t\t\t\t\t\t\t\t</ul>\n")
	if pages := f.threadPages(t); pages > 1 {
		w.WriteString("\t\t\t\t\t\t\t\t<span class=\"structItem-pageJump\">\n")
		if t.page1Link {
			w.WriteString("\t\t\t\t\t\t\t\t<a href=\"" + tp + "page-1\">1</a>\n")
		}
		for k := max(2, pages-2); k <= pages; k++ {
			w.WriteString("\t\t\t\t\t\t\t\t<a href=\"" + f.threadPath(t, k) + "\">" + strconv.Itoa(k) + "</a>\n")
		}
		w.WriteString("\t\t\t\t\t\t\t\t</span>\n")
	}
	w.WriteString("\t\t\t\t\t\t\t</div>\n\t\t\t\t\t\t</div>\n")
	w.WriteString("\t\t\t\t\t\t<div class=\"structItem-cell structItem-cell--meta\" title=\"First message reaction score: " + strconv.Itoa(len(first.reactions)) + "\">\n" +
		"\t\t\t\t\t\t\t<dl class=\"pairs pairs--justified\">\n\t\t\t\t\t\t\t\t<dt>Replies</dt>\n\t\t\t\t\t\t\t\t<dd>" + numberShort(replies) + "</dd>\n\t\t\t\t\t\t\t</dl>\n" +
		"\t\t\t\t\t\t\t<dl class=\"pairs pairs--justified structItem-minor\">\n\t\t\t\t\t\t\t\t<dt>Views</dt>\n\t\t\t\t\t\t\t\t<dd>" + numberShort(t.views) + "</dd>\n\t\t\t\t\t\t\t</dl>\n\t\t\t\t\t\t</div>\n")
	w.WriteString("\t\t\t\t\t\t<div class=\"structItem-cell structItem-cell--latest\">\n\t\t\t\t\t\t\t<a href=\"" + tp + "latest\" rel=\"nofollow\">" + timeTag(last.at, "structItem-latestDate") +
		"</a>\n\t\t\t\t\t\t\t<div class=\"structItem-minor\">\n\t\t\t\t\t\t\t\t" + f.usernameLink(last.author, "username ") + "\n\t\t\t\t\t\t\t</div>\n\t\t\t\t\t\t</div>\n")
	w.WriteString("\t\t\t\t\t</div>\n")
}
