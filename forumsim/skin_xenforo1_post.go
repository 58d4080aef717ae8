package forumsim

import (
	"strconv"
	"strings"
)

// threadPage renders thread_view: page n of a thread's messageList.
func (s xenforo1) threadPage(f *Forum, o string, t *thread, n int) string {
	var b strings.Builder
	first := t.posts[0]
	tp := s.rel(f, s.threadPath(f, t, 1))
	nav := s.pageNav(f, n, f.threadPages(t), func(k int) string { return s.threadPath(f, t, k) })
	b.WriteString("<div class=\"pageNavLinkGroup\">\n\t<div class=\"linkGroup SelectionCountContainer\">\n\t</div>\n\t<div class=\"linkGroup\" style=\"display: none\"><a href=\"javascript:\" class=\"muted JsOnly DisplayIgnoredContent Tooltip\" title=\"Show hidden content\">Show Ignored Content</a></div>\n" + nav + "</div>\n\n")
	b.WriteString("<form action=\"inline-mod/post/switch\" method=\"post\" class=\"InlineModForm section\" data-cookieName=\"posts\" data-controls=\"#InlineModControls\" data-imodOptions=\"#ModerationSelect option\">\n\n\t<ol class=\"messageList\" id=\"messageList\">\n")
	for _, p := range f.threadPosts(t, n) {
		s.writePost(f, &b, p)
	}
	b.WriteString("\t</ol>\n\n\t<input type=\"hidden\" name=\"_xfToken\" value=\"\" />\n</form>\n\n<div class=\"pageNavLinkGroup\">\n\t<div class=\"linkGroup\">\n\t\t<label for=\"LoginControl\"><a href=\"login/\" class=\"concealed element\">(You must log in or sign up to reply here.)</a></label>\n\t</div>\n\t<div class=\"linkGroup\" style=\"display: none\"><a href=\"javascript:\" class=\"muted JsOnly DisplayIgnoredContent Tooltip\" title=\"Show hidden content\">Show Ignored Content</a></div>\n" + nav + "</div>\n")
	desc := "\t\t\t\t\t\t\t<p id=\"pageDescription\" class=\"muted \">\nDiscussion in '<a href=\"" + s.rel(f, s.boardPath(f, t.board, 1)) + "\">" + esc(t.board.title) + "</a>' started by " + s.username(f, first.author, "username", "") +
		", <a href=\"" + tp + "\">" + xf1DateTime(first.at) + "</a>.\n</p>\n"
	return s.frame(f, o, "thread_view", t.title, s.threadPath(f, t, n), f.threadCrumbs(t), desc, b.String())
}

// writePost writes one message: message_user_info, the message text,
// attachments, signature, edit date and messageMeta.
func (s xenforo1) writePost(f *Forum, b *strings.Builder, p *post) {
	pid, u := id(p.id), p.author
	at := s.author(f, p)
	b.WriteString("\n<li id=\"post-" + pid + "\" class=\"message   \" data-author=\"" + esc(u.name) + "\">\n\n<div class=\"messageUserInfo\" itemscope=\"itemscope\" itemtype=\"http://data-vocabulary.org/Person\">\n<div class=\"messageUserBlock \">\n\t\t<div class=\"avatarHolder\">\n\t\t\t<span class=\"helper\"></span>\n\t\t\t" +
		s.avatar(f, u, "m") + "\n\t\t</div>\n\t\t<h3 class=\"userText\">\n\t\t\t" + s.username(f, u, "username", ` itemprop="name"`) + "\n\t\t\t<em class=\"userTitle\" itemprop=\"title\">" + esc(at.Title) + "</em>\n")
	for _, bn := range at.Banners {
		b.WriteString("\t\t\t<em class=\"userBanner bannerStaff wrapped\" itemprop=\"title\"><span class=\"before\"></span><strong>" + esc(bn) + "</strong><span class=\"after\"></span></em>\n")
	}
	b.WriteString("\t\t</h3>\n")
	if u.kind == member {
		b.WriteString("\t\t<div class=\"extraUserInfo\">\n")
		for _, fd := range at.Fields {
			v := esc(fd.Value)
			switch fd.Label {
			case "Messages:":
				v = "<a href=\"search/member?user_id=" + id(u.id) + "\" class=\"concealed\" rel=\"nofollow\">" + v + "</a>"
			case "Trophy Points:":
				v = "<a href=\"" + s.rel(f, s.memberPath(f, u)) + "trophies\" class=\"OverlayTrigger concealed\">" + v + "</a>"
			case "Location:":
				if l := u.location; l.flag != "" {
					title := ""
					if l.title != "" {
						title = " title=\"" + esc(l.title) + "\""
					}
					v = "<img src=\"/assets/flags/16/" + l.flag + ".png\" height=\"16\" width=\"16\"" + title + " alt=\"" + esc(l.alt) + "\" class=\"Tooltip\" />"
				} else {
					v = "<a href=\"misc/location-info?location=" + queryEscape(l.text) + "\" target=\"_blank\" rel=\"nofollow noreferrer\" itemprop=\"address\" class=\"concealed\">" + v + "</a>"
				}
			}
			b.WriteString("\t\t\t\t\t<dl class=\"pairsJustified\">\n\t\t\t\t\t\t<dt>" + esc(fd.Label) + "</dt>\n\t\t\t\t\t\t<dd>" + v + "</dd>\n\t\t\t\t\t</dl>\n")
		}
		b.WriteString("\t\t</div>\n")
	}
	b.WriteString("\t<span class=\"arrow\"><span></span></span>\n</div>\n</div>\n\n\t<div class=\"messageInfo primaryContent\">\n\t\t<div class=\"messageContent\">\n\t\t\t<article>\n\t\t\t\t<blockquote class=\"messageText SelectQuoteContainer ugc baseHtml\">\n\t\t\t\t\t" +
		p.body.html + "\n\t\t\t\t\t<div class=\"messageTextEndMarker\">&nbsp;</div>\n\t\t\t\t</blockquote>\n\t\t\t</article>\n\t\t</div>\n")
	if len(p.attach) > 0 {
		b.WriteString("\t\t<div class=\"attachedFiles\">\n\t\t\t<h4 class=\"attachedFilesHeader\">Attached Files:</h4>\n\t\t\t<ul class=\"attachmentList SquareThumbs\" data-thumb-height=\"50\" data-thumb-selector=\"div.thumbnail > a\">\n")
		for _, a := range p.attach {
			ap := s.rel(f, s.attachmentPath(f, a))
			b.WriteString("\t\t\t\t<li class=\"attachment\" title=\"" + esc(a.name) + "\">\n\t\t\t\t\t<div class=\"boxModelFixer primaryContent\">\n\t\t\t\t\t\t<div class=\"thumbnail\">\n\t\t\t\t\t\t\t<a href=\"" + ap + "\" target=\"_blank\" class=\"genericAttachment\"></a>\n\t\t\t\t\t\t</div>\n" +
				"\t\t\t\t\t\t<div class=\"attachmentInfo pairsJustified\">\n\t\t\t\t\t\t\t<h6 class=\"filename\"><a href=\"" + ap + "\" target=\"_blank\">" + esc(a.name) + "</a></h6>\n\t\t\t\t\t\t\t<dl><dt>File size:</dt> <dd>" + a.size + "</dd></dl>\n\t\t\t\t\t\t\t<dl><dt>Views:</dt> <dd>" + strconv.Itoa(len(a.name)*7) + "</dd></dl>\n\t\t\t\t\t\t</div>\n\t\t\t\t\t</div>\n\t\t\t\t</li>\n")
		}
		b.WriteString("\t\t\t</ul>\n\t\t</div>\n")
	}
	if u.signature.html != "" {
		b.WriteString("\t\t<div class=\"baseHtml signature messageText ugc\"><aside>" + u.signature.html + "</aside></div>\n")
	}
	if p.editedAt != nil {
		b.WriteString("\t\t\t<div class=\"editDate\">\n\t\t\t\tLast edited: " + xf1DateTime(*p.editedAt) + "\n\t\t\t</div>\n")
	}
	pp := s.rel(f, s.postPath(f, p))
	b.WriteString("\t\t<div class=\"messageMeta ToggleTriggerAnchor\">\n\t\t\t<div class=\"privateControls\">\n\t\t\t\t<span class=\"item muted\">\n\t\t\t\t\t<span class=\"authorEnd\">" + s.username(f, u, "username author", "") + ",</span>\n\t\t\t\t\t<a href=\"" + pp + "\" title=\"Permalink\" class=\"datePermalink\">" + xf1DateTime(p.at) +
		"</a>\n\t\t\t\t</span>\n\t\t\t\t<a href=\"" + pp + "report\" class=\"OverlayTrigger item control report\" data-cacheOverlay=\"false\"><span></span>Report</a>\n\t\t\t</div>\n\t\t\t<div class=\"publicControls\">\n\t\t\t\t<a href=\"" + pp + "\" title=\"Permalink\" class=\"item muted postNumber hashPermalink OverlayTrigger\" data-href=\"" + pp + "permalink\">#" +
		strconv.Itoa(p.position) + "</a>\n\t\t\t</div>\n\t\t</div>\n\t\t<div id=\"likes-post-" + pid + "\">")
	if len(p.likers) > 0 {
		b.WriteString("\n\t\t\t<div class=\"likesSummary secondaryContent\">\n\t\t\t\t<span class=\"LikeText\">\n\t\t\t\t\t")
		for i, name := range p.likers {
			if i > 0 {
				b.WriteString(map[bool]string{true: " and ", false: ", "}[i == len(p.likers)-1])
			}
			b.WriteString("<span class=\"username\">" + esc(name) + "</span>")
		}
		b.WriteString(" like this.\n\t\t\t\t</span>\n\t\t\t</div>\n\t\t")
	}
	b.WriteString("</div>\n\t</div>\n</li>\n")
}

// writePiece writes one body piece as XenForo 1's bbCode renders it.
func (xenforo1) writePiece(f *Forum, w *bbWriter, pc *piece) {
	switch pc.kind {
	case pText:
		w.text(pc.text)
	case pBold, pItalic, pColor:
		writeStyled(w, pc, htmlStyles)
	case pBr:
		w.br()
	case pParaBreak:
		w.paraBreak()
	case pLink:
		w.raw(`<a href="` + esc(pc.href) + `" target="_blank" class="externalLink" rel="nofollow">`)
		w.text(pc.text)
		w.raw("</a>")
	case pSprite:
		s := smilies[pc.n]
		w.inline(`<img src="styles/default/xenforo/clear.png" class="mceSmilieSprite mceSmilie`+strconv.Itoa(pc.n+1)+`" alt="`+esc(s[0])+`" title="`+esc(s[1])+`    `+esc(s[0])+`" />`, "")
	case pEmoji:
		w.text(emojis[pc.n][0])
	case pImage:
		w.raw(`<img src="` + esc(pc.href) + `" class="bbCodeImage LbImage" alt="[&#x200B;IMG]" data-url="` + esc(pc.href) + `" />`)
	case pQuote:
		var c bbWriter
		writeLines(&c, pc.lines)
		h := `<div class="bbCodeBlock bbCodeQuote"`
		if q := pc.quoted; q != nil {
			h += ` data-author="` + esc(q.author.name) + "\">\n\t<aside>\n\t\t\t<div class=\"attribution type\">" + esc(q.author.name) + " said:\n\t\t\t\t\t<a href=\"goto/post?id=" + id(q.id) + "#post-" + id(q.id) + "\" class=\"AttributionLink\">&uarr;</a>\n\t\t\t</div>\n"
		} else {
			h += ">\n\t<aside>\n"
		}
		w.raw(h + "\t\t<blockquote class=\"quoteContainer\"><div class=\"quote\">" + c.done().html + "</div><div class=\"quoteExpand\">Click to expand...</div></blockquote>\n\t</aside>\n</div>")
	case pSpoiler:
		w.block(`<div class="bbCodeSpoilerContainer">`)
		w.raw(`<button type="button" class="button bbCodeSpoilerButton ToggleTrigger Tooltip JsOnly" data-target="> .SpoilerTarget" title="Click to reveal or hide spoiler"><span>`)
		if pc.text != "" {
			w.text("Spoiler: ")
			w.raw(`<span class="SpoilerTitle">`)
			w.text(pc.text)
			w.raw("</span>")
		} else {
			w.text("Spoiler")
		}
		w.raw("</span></button>")
		w.block(`<div class="SpoilerTarget bbCodeSpoilerText">`)
		writeLines(w, pc.lines)
		w.block("</div>")
		w.block("</div>")
	case pList:
		w.block("<ul>")
		for _, l := range pc.lines {
			w.block("<li>")
			w.text(l)
			w.block("</li>")
		}
		w.block("</ul>")
	}
}
