package forumsim

import "strings"

// indexPage renders the forum list.
func (f *Forum) indexPage(origin string) string {
	var w strings.Builder
	w.WriteString("<div class=\"block-outer\"><div class=\"block-outer-opposite\"><a href=\"" + f.cfg.Prefix + "/whats-new/posts/\" class=\"button--link button\" rel=\"nofollow\"><span class=\"button-text\">New posts</span></a></div></div>\n")
	w.WriteString("<div class=\"block\" data-widget-id=\"node-list\">\n")
	for _, c := range f.categories {
		w.WriteString("<div class=\"block block--category block--category" + id(c.id) + "\">\n\t<span class=\"u-anchorTarget\" id=\"" + key(c.slug, c.id) + "\"></span>\n\t<div class=\"block-container\">\n")
		w.WriteString("\t\t<h2 class=\"block-header\">\n\t\t\t<a href=\"" + f.skin.categoryPath(f, c) + "\">" + esc(c.title) + "</a>\n\t\t</h2>\n\t\t<div class=\"block-body\">\n")
		for _, b := range c.boards {
			f.writeNode(&w, b)
		}
		w.WriteString("\t\t</div>\n\t</div>\n</div>\n")
	}
	w.WriteString("</div>\n")
	return f.render(origin, page{
		template:  "forum_list",
		h1:        siteName,
		canonical: f.indexPath(),
		body:      w.String(),
	})
}

// writeNode writes one board as a node of a node list, with its sub-forums
// listed flat and its latest thread.
func (f *Forum) writeNode(w *strings.Builder, b *board) {
	threads, posts := 0, 0
	var latest *thread
	for _, t := range f.allThreads(b) {
		threads++
		posts += len(t.posts)
		if latest == nil || t.last().at.After(latest.last().at) {
			latest = t
		}
	}
	depth := "2"
	if b.parent != nil {
		depth = "3"
	}
	w.WriteString("\t\t\t<div class=\"node node--id" + id(b.id) + " node--depth" + depth + " node--forum node--read\">\n\t\t\t\t<div class=\"node-body\">\n\t\t\t\t\t<span class=\"node-icon\" aria-hidden=\"true\"><i class=\"fa--xf far fa-comments\" aria-hidden=\"true\"></i></span>\n")
	w.WriteString("\t\t\t\t\t<div class=\"node-main js-nodeMain\">\n\t\t\t\t\t\t<h3 class=\"node-title\">\n\t\t\t\t\t\t\t<a href=\"" + f.boardPath(b, 1) + "\" data-xf-init=\"element-tooltip\" data-shortcut=\"node-description\">" + esc(b.title) + "</a>\n\t\t\t\t\t\t</h3>\n")
	w.WriteString("\t\t\t\t\t\t<div class=\"node-description node-description--tooltip js-nodeDescTooltip\">" + esc(b.desc) + "</div>\n")
	w.WriteString("\t\t\t\t\t\t<div class=\"node-meta\">\n\t\t\t\t\t\t\t<div class=\"node-statsMeta\">\n\t\t\t\t\t\t\t\t<dl class=\"pairs pairs--inline\">\n\t\t\t\t\t\t\t\t\t<dt>Threads</dt>\n\t\t\t\t\t\t\t\t\t<dd>" + numberShort(int64(threads)) +
		"</dd>\n\t\t\t\t\t\t\t\t</dl>\n\t\t\t\t\t\t\t\t<dl class=\"pairs pairs--inline\">\n\t\t\t\t\t\t\t\t\t<dt>Messages</dt>\n\t\t\t\t\t\t\t\t\t<dd>" + numberShort(int64(posts)) + "</dd>\n\t\t\t\t\t\t\t\t</dl>\n\t\t\t\t\t\t\t</div>\n\t\t\t\t\t\t</div>\n")
	if len(b.children) > 0 {
		w.WriteString("\t\t\t\t\t\t<div class=\"node-subNodesFlat\">\n\t\t\t\t\t\t\t<span class=\"node-subNodesLabel\">Sub-forums:</span>\n\t\t\t\t\t\t\t<ol class=\"node-subNodeFlatList\">\n")
		for _, c := range b.children {
			w.WriteString("\t\t\t\t\t\t\t\t<li>\n\t\t\t\t\t\t\t\t\t<a href=\"" + f.boardPath(c, 1) + "\" class=\"subNodeLink subNodeLink--forum \">\n\t\t\t\t\t\t\t\t\t\t<i class=\"subNodeLink-icon\" aria-hidden=\"true\"></i>" +
				esc(c.title) + "\n\t\t\t\t\t\t\t\t\t</a>\n\t\t\t\t\t\t\t\t</li>\n")
		}
		w.WriteString("\t\t\t\t\t\t\t</ol>\n\t\t\t\t\t\t</div>\n")
	}
	w.WriteString("\t\t\t\t\t</div>\n\t\t\t\t\t<div class=\"node-stats\">\n\t\t\t\t\t\t<dl class=\"pairs pairs--rows\">\n\t\t\t\t\t\t\t<dt>Threads</dt>\n\t\t\t\t\t\t\t<dd>" + numberShort(int64(threads)) +
		"</dd>\n\t\t\t\t\t\t</dl>\n\t\t\t\t\t\t<dl class=\"pairs pairs--rows\">\n\t\t\t\t\t\t\t<dt>Messages</dt>\n\t\t\t\t\t\t\t<dd>" + numberShort(int64(posts)) + "</dd>\n\t\t\t\t\t\t</dl>\n\t\t\t\t\t</div>\n")
	w.WriteString("\t\t\t\t\t<div class=\"node-extra\">\n")
	if latest != nil {
		lp := latest.last()
		w.WriteString("\t\t\t\t\t\t<div class=\"node-extra-icon\">" + f.avatar(lp.author) + "</div>\n\t\t\t\t\t\t<div class=\"node-extra-row\"><a href=\"" + f.postPath(lp) +
			"\" class=\"node-extra-title\" title=\"" + esc(latest.title) + "\">" + esc(latest.title) + "</a></div>\n")
		w.WriteString("\t\t\t\t\t\t<div class=\"node-extra-row\">\n\t\t\t\t\t\t\t<ul class=\"listInline listInline--bullet\">\n\t\t\t\t\t\t\t\t<li>" + timeTag(lp.at, "node-extra-date") +
			"</li>\n\t\t\t\t\t\t\t\t<li class=\"node-extra-user\">" + f.usernameLink(lp.author, "username ") + "</li>\n\t\t\t\t\t\t\t</ul>\n\t\t\t\t\t\t</div>\n")
	} else {
		w.WriteString("\t\t\t\t\t\t<span class=\"node-extra-placeholder\">None</span>\n")
	}
	w.WriteString("\t\t\t\t\t</div>\n\t\t\t\t</div>\n\t\t\t</div>\n")
}

// allThreads returns a board's threads and its sub-boards' threads.
func (f *Forum) allThreads(b *board) []*thread {
	out := append([]*thread(nil), b.threads...)
	for _, c := range b.children {
		out = append(out, f.allThreads(c)...)
	}
	return out
}

// simplePage renders a plain page of a template other than the forum's
// content (log in, register, search, members, help...).
func (f *Forum) simplePage(origin, template, title, text string) string {
	body := "<div class=\"blockMessage\">" + esc(text) + "</div>\n"
	if template == "login" {
		body = "<form action=\"" + f.cfg.Prefix + "/login/login\" method=\"post\" class=\"block\">\n\t<div class=\"block-container\"><div class=\"block-body\">" + esc(text) +
			"\n\t\t<input type=\"text\" class=\"input\" name=\"login\" autocomplete=\"username\" />\n\t\t<input type=\"password\" class=\"input\" name=\"password\" />\n\t</div></div>\n</form>\n"
	}
	return f.render(origin, page{
		template: template,
		title:    title,
		h1:       title,
		crumbs:   []CrumbTruth{{Name: "Forums", Path: f.indexPath()}},
		body:     body,
	})
}

// memberPage renders a member's profile.
func (f *Forum) memberPage(origin string, u *user) string {
	body := "<div class=\"block\"><div class=\"block-container\"><div class=\"block-body\"><div class=\"memberHeader\">\n\t<h1 class=\"memberHeader-name\">" +
		"<span class=\"username \" dir=\"auto\" data-user-id=\"" + id(u.id) + "\">" + esc(u.name) + "</span></h1>\n" +
		"\t<dl class=\"pairs pairs--inline\"><dt>Messages</dt><dd>" + number(u.messages) + "</dd></dl>\n" +
		"\t<dl class=\"pairs pairs--inline\"><dt>Joined</dt><dd>" + xfDate(u.joined) + "</dd></dl>\n" +
		"</div></div></div></div>\n"
	return f.render(origin, page{
		template:  "member_view",
		title:     u.name,
		canonical: f.memberPath(u),
		crumbs:    []CrumbTruth{{Name: "Forums", Path: f.indexPath()}, {Name: "Members", Path: f.cfg.Prefix + "/members/"}},
		body:      body,
	})
}
