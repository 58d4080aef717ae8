package forumsim

import (
	"strconv"
	"strings"
)

// threadLink returns the path page navigation uses for page n of a thread:
// canonical, except that some threads link page 1 as ".../page-1".
func (f *Forum) threadLink(t *thread, n int) string {
	if n == 1 && t.page1Link {
		return f.threadPath(t, 1) + "page-1"
	}
	return f.threadPath(t, n)
}

// threadPage renders page n of a thread.
func (f *Forum) threadPage(origin string, t *thread, n int) string {
	last := f.threadPages(t)
	pp := f.cfg.PostsPerPage
	posts := t.posts[(n-1)*pp : min(n*pp, len(t.posts))]
	pre := f.cfg.Prefix
	tp := f.threadPath(t, 1)
	first := t.posts[0]

	var b strings.Builder
	nav := pageNav(n, last, func(k int) string { return f.threadLink(t, k) })
	b.WriteString("<div class=\"block block--messages\" data-xf-init=\"\" data-type=\"post\" data-href=\"" + pre + "/inline-mod/\" data-search-target=\"*\">\n")
	b.WriteString("\t<div class=\"block-outer\">" + nav + "<div class=\"block-outer-opposite\">\n\t\t<div class=\"buttonGroup\">\n")
	b.WriteString("\t\t\t<a href=\"" + tp + "watch\" class=\"button--link button\" data-xf-click=\"switch-overlay\" data-sk-watch=\"Watch\" rel=\"nofollow\"><span class=\"button-text\">Watch</span></a>\n")
	b.WriteString("\t\t\t<a href=\"" + tp + "unread\" class=\"button--link button\" rel=\"nofollow\"><span class=\"button-text\">Jump to new</span></a>\n")
	b.WriteString("\t\t\t<a href=\"" + tp + "latest\" class=\"button--link button\" rel=\"nofollow\"><span class=\"button-text\">Jump to latest</span></a>\n")
	b.WriteString("\t\t</div>\n\t</div></div>\n")
	b.WriteString("\t<div class=\"block-container lbContainer\"\n\t\tdata-xf-init=\"lightbox select-to-quote\"\n\t\tdata-message-selector=\".js-post\"\n\t\tdata-lb-id=\"thread-" +
		id(t.id) + "\"\n\t\tdata-lb-universal=\"0\">\n\t\t<div class=\"block-body js-replyNewMessageContainer\">\n")
	for _, p := range posts {
		f.writePost(&b, p)
	}
	b.WriteString("\t\t</div>\n\t</div>\n")
	b.WriteString("\t<div class=\"block-outer block-outer--after\">" + nav + "<div class=\"block-outer-opposite\">\n")
	b.WriteString("\t\t<a href=\"" + pre + "/login/\" class=\"button--link button--wrap button\" data-xf-click=\"overlay\"><span class=\"button-text\">You must log in or register to reply here.</span></a>\n")
	b.WriteString("\t\t<a href=\"" + tp + "reply\" class=\"button--cta button button--icon button--icon--write\" rel=\"nofollow\"><span class=\"button-text\">Reply</span></a>\n")
	b.WriteString("\t</div></div>\n</div>\n")

	desc := "\n\t<ul class=\"listInline listInline--bullet\">\n\t\t<li>\n\t\t\t<i class=\"fa--xf far fa-user\" aria-hidden=\"true\" title=\"Thread starter\"></i>\n\t\t\t<span class=\"u-srOnly\">Thread starter</span>\n\t\t\t" +
		f.usernameLink(first.author, "username  u-concealed") + "\n\t\t</li>\n\t\t<li>\n\t\t\t<i class=\"fa--xf far fa-clock\" aria-hidden=\"true\" title=\"Start date\"></i>\n\t\t\t<span class=\"u-srOnly\">Start date</span>\n\t\t\t<a href=\"" +
		tp + "\" class=\"u-concealed\">" + timeTag(first.at, "") + "</a>\n\t\t</li>\n\t</ul>\n"
	pg := page{
		template:  "thread_view",
		title:     t.title,
		h1:        t.title,
		desc:      desc,
		canonical: f.threadPath(t, n),
		crumbs:    f.threadCrumbs(t),
		container: "node-" + id(t.board.id),
		content:   "thread-" + id(t.id),
		body:      b.String(),
	}
	if n > 1 {
		pg.title += " | Page " + strconv.Itoa(n)
		pg.prev = f.threadPath(t, n-1)
	}
	if n < last {
		pg.next = f.threadPath(t, n+1)
	}
	return f.render(origin, pg)
}

// usernameLink returns a linked user name, or a plain one for guests.
func (f *Forum) usernameLink(u *user, class string) string {
	if u.kind != member {
		return `<span class="` + class + `" dir="auto">` + esc(u.name) + `</span>`
	}
	return `<a href="` + f.memberPath(u) + `" class="` + class + `" dir="auto" data-user-id="` + id(u.id) + `" data-xf-init="member-tooltip">` + esc(u.name) + `</a>`
}

// writePost writes one post's article.
func (f *Forum) writePost(b *strings.Builder, p *post) {
	pid := id(p.id)
	perma := f.postPath(p)
	pre := f.cfg.Prefix
	cls := "message message--post js-post js-inlineModContainer  "
	if p.thread.tooltipSkin && p.author == p.thread.posts[0].author {
		cls = "message    message-threadStarterPost message--post  js-post js-inlineModContainer   "
	}
	b.WriteString("\t<article class=\"" + cls + "\"\n\t\tdata-author=\"" + esc(p.author.name) + "\"\n\t\tdata-content=\"post-" + pid +
		"\"\n\t\tid=\"js-post-" + pid + "\">\n\n\t\t<span class=\"u-anchorTarget\" id=\"post-" + pid + "\"></span>\n\n")
	b.WriteString("\t\t<div class=\"message-inner\">\n\t\t\t<div class=\"message-cell message-cell--user\">\n")
	f.writeUser(b, p)
	b.WriteString("\t\t\t</div>\n\t\t\t<div class=\"message-cell message-cell--main\">\n\t\t\t\t<div class=\"message-main js-quickEditTarget\">\n")
	b.WriteString("\t\t\t\t\t<header class=\"message-attribution message-attribution--split\">\n\t\t\t\t\t\t<div class=\"message-attribution-main\">\n\t\t\t\t\t\t\t<a href=\"" +
		perma + "\" class=\"u-concealed\"\n\t\t\t\t\t\t\t\trel=\"nofollow\">\n\t\t\t\t\t\t\t\t" + timeTag(p.at, "") + "\n\t\t\t\t\t\t\t</a>\n\t\t\t\t\t\t</div>\n")
	b.WriteString("\t\t\t\t\t\t<ul class=\"message-attribution-opposite message-attribution-opposite--list\">\n\t\t\t\t\t\t\t<li>\n\t\t\t\t\t\t\t\t<a href=\"" + perma +
		"\"\n\t\t\t\t\t\t\t\t\tdata-xf-init=\"share-tooltip\" data-href=\"" + pre + "/posts/" + pid + "/share\"\n\t\t\t\t\t\t\t\t\trel=\"nofollow\">\n\t\t\t\t\t\t\t\t\t<i class=\"fa--xf far fa-share-alt\" aria-hidden=\"true\"></i>\n\t\t\t\t\t\t\t\t</a>\n\t\t\t\t\t\t\t</li>\n")
	b.WriteString("\t\t\t\t\t\t\t<li>\n\t\t\t\t\t\t\t\t<a href=\"" + perma + "\" rel=\"nofollow\">\n\t\t\t\t\t\t\t\t\t#" + strconv.Itoa(p.position) +
		"\n\t\t\t\t\t\t\t\t</a>\n\t\t\t\t\t\t\t</li>\n\t\t\t\t\t\t</ul>\n\t\t\t\t\t</header>\n")
	b.WriteString("\t\t\t\t\t<div class=\"message-content js-messageContent\">\n\t\t\t\t\t\t<div class=\"message-userContent lbContainer js-lbContainer \"\n\t\t\t\t\t\t\tdata-lb-id=\"post-" +
		pid + "\"\n\t\t\t\t\t\t\tdata-lb-caption-desc=\"" + esc(p.author.name) + " &middot; " + xfDate(p.at) + " at " + xfTime(p.at) + "\">\n")
	b.WriteString("\t\t\t\t\t\t\t<article class=\"message-body js-selectToQuote\">\n\t\t\t\t\t\t\t\t<div class=\"bbWrapper\">" + p.body.html +
		"</div>\n\t\t\t\t\t\t\t\t<div class=\"js-selectToQuoteEnd\">&nbsp;</div>\n\t\t\t\t\t\t\t</article>\n")
	f.writeAttachments(b, p)
	b.WriteString("\t\t\t\t\t\t</div>\n")
	if p.editedAt != nil {
		b.WriteString("\t\t\t\t\t\t<div class=\"message-lastEdit\">\n\t\t\t\t\t\t\tLast edited: " + timeTag(*p.editedAt, "") + "\n\t\t\t\t\t\t</div>\n")
	}
	if sig := p.author.signature; sig.html != "" {
		b.WriteString("\t\t\t\t\t\t<aside class=\"message-signature\">\n\t\t\t\t\t\t\t<div class=\"bbWrapper\">" + sig.html + "</div>\n\t\t\t\t\t\t</aside>\n")
	}
	b.WriteString("\t\t\t\t\t</div>\n\t\t\t\t\t<footer class=\"message-footer\">\n\t\t\t\t\t\t<div class=\"message-actionBar actionBar\">\n\t\t\t\t\t\t\t<div class=\"actionBar-set actionBar-set--external\">\n")
	b.WriteString("\t\t\t\t\t\t\t\t<a href=\"" + f.threadPath(p.thread, 1) + "reply?quote=" + pid + "\" class=\"actionBar-action actionBar-action--reply\" title=\"Reply, quoting this message\" rel=\"nofollow\" data-xf-click=\"quote\" data-quote-href=\"" +
		pre + "/posts/" + pid + "/quote\">Reply</a>\n\t\t\t\t\t\t\t</div>\n\t\t\t\t\t\t</div>\n")
	f.writeReactions(b, p)
	b.WriteString("\t\t\t\t\t\t<div class=\"js-historyTarget message-historyTarget toggleTarget\" data-href=\"trigger-href\"></div>\n\t\t\t\t\t</footer>\n\t\t\t\t</div>\n\t\t\t</div>\n\t\t</div>\n\t</article>\n\n")
}

// writeAttachments writes a post's attachment list.
func (f *Forum) writeAttachments(b *strings.Builder, p *post) {
	if len(p.attach) == 0 {
		return
	}
	b.WriteString("\t\t\t\t\t\t\t<section class=\"message-attachments\">\n\t\t\t\t\t\t\t\t<h4 class=\"block-textHeader\">Attachments</h4>\n\t\t\t\t\t\t\t\t<ul class=\"attachmentList\">\n")
	for _, a := range p.attach {
		aid := id(a.id)
		href := f.attachmentPath(a)
		preview := "<span class=\"file-typeIcon\"><i class=\"fa--xf far fa-file-alt\" aria-hidden=\"true\"></i></span>"
		if strings.HasSuffix(a.name, ".jpg") || strings.HasSuffix(a.name, ".png") {
			preview = "<img src=\"" + f.cfg.Prefix + "/data/attachments/" + id(a.id/1000) + "/" + aid + "-0f3c.jpg\" alt=\"" + esc(a.name) + "\" width=\"250\" height=\"180\" loading=\"lazy\" />"
		}
		b.WriteString("\t\t\t\t\t\t\t\t\t<li class=\"file file--linked\">\n\t\t\t\t\t\t\t\t\t\t<a class=\"u-anchorTarget\" id=\"attachment-" + aid + "\"></a>\n" +
			"\t\t\t\t\t\t\t\t\t\t<a class=\"file-preview js-lbImage\" href=\"" + href + "\" target=\"_blank\">" + preview + "</a>\n" +
			"\t\t\t\t\t\t\t\t\t\t<div class=\"file-content\">\n\t\t\t\t\t\t\t\t\t\t\t<div class=\"file-info\">\n\t\t\t\t\t\t\t\t\t\t\t\t<span class=\"file-name\" title=\"" + esc(a.name) + "\">" + esc(a.name) +
			"</span>\n\t\t\t\t\t\t\t\t\t\t\t\t<div class=\"file-meta\">\n\t\t\t\t\t\t\t\t\t\t\t\t\t" + a.size + " &middot; Views: " + strconv.Itoa(len(a.name)*7) +
			"\n\t\t\t\t\t\t\t\t\t\t\t\t</div>\n\t\t\t\t\t\t\t\t\t\t\t</div>\n\t\t\t\t\t\t\t\t\t\t</div>\n\t\t\t\t\t\t\t\t\t</li>\n")
	}
	b.WriteString("\t\t\t\t\t\t\t\t</ul>\n\t\t\t\t\t\t\t</section>\n")
}

// writeReactions writes a post's reactions bar.
func (f *Forum) writeReactions(b *strings.Builder, p *post) {
	if len(p.reactions) == 0 {
		b.WriteString("\t\t\t\t\t\t<div class=\"reactionsBar js-reactionsList \">\n\t\t\t\t\t\t</div>\n")
		return
	}
	b.WriteString("\t\t\t\t\t\t<div class=\"reactionsBar js-reactionsList is-active\">\n\t\t<ul class=\"reactionSummary\">\n\t\t\t")
	for i, r := range p.reactions {
		n := strconv.Itoa(i + 1)
		b.WriteString("<li><span class=\"reaction reaction--small reaction--" + n + "\" data-reaction-id=\"" + n +
			"\"><i aria-hidden=\"true\"></i><img src=\"data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7\" class=\"reaction-sprite js-reaction\" alt=\"" +
			r + "\" title=\"" + r + "\" /></span></li>")
	}
	b.WriteString("\n\t\t</ul>\n<span class=\"u-srOnly\">Reactions:</span>\n<a class=\"reactionsBar-link\" href=\"" + f.cfg.Prefix + "/posts/" + id(p.id) +
		"/reactions\" data-xf-click=\"overlay\" data-cache=\"false\">")
	for i, n := range p.likers {
		if i > 0 {
			if i == len(p.likers)-1 && p.others == 0 {
				b.WriteString(" and ")
			} else {
				b.WriteString(", ")
			}
		}
		b.WriteString("<bdi>" + esc(n) + "</bdi>")
	}
	if p.others > 0 {
		b.WriteString(" and " + strconv.Itoa(p.others) + " others")
	}
	b.WriteString("</a>\n\t\t\t\t\t\t</div>\n")
}
