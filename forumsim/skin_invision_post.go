package forumsim

import (
	"strconv"
	"strings"
)

// topicPage renders a topic: its header, then page n of its comment feed.
func (s invision) topicPage(f *Forum, o string, t *thread, n int) string {
	var b strings.Builder
	first := t.posts[0]
	tp := esc(o + s.threadPath(f, t, 1))
	pag := s.pagination(o, n, f.threadPages(t), f.cfg.PostsPerPage, func(k int) string { return s.threadPath(f, t, k) })
	b.WriteString("<div class=\"ipsPageHeader ipsClearfix\">\n\t<div class='ipsPhotoPanel ipsPhotoPanel_small ipsPhotoPanel_notPhone ipsClearfix'>\n\t" + s.photo(f, o, first.author, "small") + "\n\t\t<div>\n\t\t\t<h1 class='ipsType_pageTitle ipsContained_container'>\n")
	if t.sticky {
		b.WriteString("\t\t\t\t<span><span class=\"ipsBadge ipsBadge_icon ipsBadge_positive\" data-ipsTooltip title='Pinned'><i class='fa fa-thumb-tack'></i></span></span>\n")
	}
	b.WriteString("\t\t\t\t<span class='ipsType_break ipsContained'>\n\t\t\t\t\t<span>" + esc(t.title) + "</span>\n\t\t\t\t</span>\n\t\t\t</h1>\n\t\t\t<p class='ipsType_reset ipsType_blendLinks '>\n\t\t\t\t<span class='ipsType_normal'>\n\t\t\t\t\tBy \n" + s.userLink(f, o, first.author) +
		",  <span class='ipsType_light'>" + ipsTime(first.at) + " in <a href=\"" + esc(o+s.boardPath(f, t.board, 1)) + "\">" + esc(t.board.title) + "</a></span>\n\t\t\t\t</span>\n\t\t\t\t<br>\n\t\t\t</p>\n\t\t</div>\n\t</div>\n</div>\n")
	b.WriteString("<div class='ipsClearfix'>\n\t<ul class=\"ipsToolList ipsToolList_horizontal ipsClearfix ipsSpacer_both ipsResponsive_hidePhone\">\n\t\t<li class='ipsResponsive_hidePhone'>\n\t\t\t<a href=\"" + esc(o+s.boardPath(f, t.board, 1)) + "?do=add\" class='ipsButton ipsButton_link ipsButton_medium ipsButton_fullWidth' title='Start a new topic in this forum'>Start new topic</a>\n\t\t</li>\n\t</ul>\n</div>\n")
	b.WriteString("<div data-controller='core.front.core.commentFeed,forums.front.topic.view, core.front.core.ignoredComments' data-autoPoll data-baseURL='" + tp + "' data-lastPage data-feedID='topic-" + id(t.id) + "' class='cTopic ipsClear ipsSpacer_top'>\n")
	if pag != "" {
		b.WriteString("\t<div class=\"ipsButtonBar ipsPad_half ipsClearfix ipsClear\">\n" + pag + "\t</div>\n")
	}
	b.WriteString("\t<div id=\"elPostFeed\" data-role='commentFeed' data-controller='core.front.core.moderation' >\n\t\t<form action=\"" + tp + "?csrfKey=6b1e0f8a&amp;do=multimodComment\" method=\"post\" data-ipsPageAction data-role='moderationTools'>\n")
	for _, p := range f.threadPosts(t, n) {
		s.writePost(f, &b, o, p)
	}
	b.WriteString("\t\t</form>\n\t</div>\n")
	if pag != "" {
		b.WriteString("\t<div class=\"ipsButtonBar ipsPad_half ipsClearfix ipsClear\">\n" + pag + "\t</div>\n")
	}
	b.WriteString("</div>\n<div class='ipsBox ipsPad ipsSpacer_top'>\n\t<a href='" + esc(o+f.cfg.Prefix) + "/login/' class='ipsButton ipsButton_primary ipsButton_small'>Sign In Now</a>\n</div>\n")
	title := t.title
	if n > 1 {
		title += " - Page " + strconv.Itoa(n)
	}
	return s.frame(f, o, "forums", "forums", "topic", title, s.threadPath(f, t, n), f.threadCrumbs(t), b.String())
}

// writePost writes one comment: the author pane, the meta line, the content
// (edit note, body, attachments) and the signature.
func (s invision) writePost(f *Forum, b *strings.Builder, o string, p *post) {
	pid, u := id(p.id), p.author
	at := s.author(f, p)
	rep := "<span title=\"Member's total reputation\" data-ipsTooltip class='ipsRepBadge ipsRepBadge_positive'>\n\t\t\t<i class='fa fa-plus-circle'></i> " + number(u.reactions) + "\n\t\t</span>"
	if u.reactions == 0 {
		rep = strings.NewReplacer("positive", "neutral", "fa-plus-circle", "fa-circle-o").Replace(rep)
	}
	name := s.userLink(f, o, u)
	b.WriteString("<a id='comment-" + pid + "'></a>\n<article  id='elComment_" + pid + "' class='cPost ipsBox  ipsComment  ipsComment_parent ipsClearfix ipsClear ipsColumns ipsColumns_noSpacing ipsColumns_collapsePhone   '>\n" +
		"\t<aside class='ipsComment_author cAuthorPane ipsColumn ipsColumn_medium ipsResponsive_hidePhone'>\n\t\t<h3 class='ipsType_sectionHead cAuthorPane_author ipsType_blendLinks ipsType_break'><strong>\n" + name + "\n\t\t\t</strong>")
	if u.kind == member {
		b.WriteString(" <span class='ipsResponsive_showPhone ipsResponsive_inline'>&nbsp;&nbsp;\n\t\t" + rep + "\n</span>")
	}
	b.WriteString("</h3>\n\t\t<ul class='cAuthorPane_info ipsList_reset'>\n")
	if u.kind == member {
		b.WriteString("\t\t\t\t<li class='ipsType_break'>" + esc(at.Title) + "</li>\n\t\t\t\t<li><span class='ipsPip'></span><span class='ipsPip'></span></li>\n")
	}
	b.WriteString("\t\t\t<li class='cAuthorPane_photo'>\n\t" + s.photo(f, o, u, "large") + "\n\t\t\t</li>\n\t\t\t<li>" + esc(s.group(u)) + "</li>\n")
	if u.kind == member {
		b.WriteString("\t\t\t\t<li>\n\t\t" + rep + "\n</li>\n\t\t\t\t<li class='ipsType_light'>" + number(u.messages) + " " + at.Fields[1].Label + "</li>\n")
		for _, fd := range at.Fields[2:] {
			b.WriteString("\t<li data-role='custom-field' class='ipsResponsive_hidePhone ipsType_break'>\n\t\t\n<span class='ft'>" + esc(fd.Label) + " </span><span class='fc'>" + esc(fd.Value) + "</span>\n\t</li>\n")
		}
	}
	var userid string
	if u.kind == member {
		userid = id(u.id)
	} else {
		userid = "null"
	}
	quoteData := "{&quot;userid&quot;:" + userid + ",&quot;username&quot;:&quot;" + strings.ReplaceAll(esc(u.name), "&#34;", "\\&quot;") + "&quot;,&quot;timestamp&quot;:" + strconv.FormatInt(p.at.Unix(), 10) +
		",&quot;contentapp&quot;:&quot;forums&quot;,&quot;contenttype&quot;:&quot;forums&quot;,&quot;contentid&quot;:" + id(p.thread.id) + ",&quot;contentclass&quot;:&quot;forums_Topic&quot;,&quot;contentcommentid&quot;:" + pid + "}"
	share := esc(o + s.postPath(f, p))
	find := esc(o + s.threadPath(f, p.thread, 1) + "?do=findComment&comment=" + pid)
	b.WriteString("\t\t</ul>\n\t</aside>\n\t<div class='ipsColumn ipsColumn_fluid'>\n<div id='comment-" + pid + "_wrap' data-controller='core.front.core.comment' data-commentApp='forums' data-commentType='forums' data-commentID=\"" + pid + "\" data-quoteData='" + quoteData + "' class='ipsComment_content ipsType_medium  ipsFaded_withHover'>\n" +
		"\t<div class='ipsComment_meta ipsType_light'>\n\t\t<div class='ipsPos_right ipsType_light ipsType_reset ipsFaded ipsFaded_more ipsType_blendLinks'>\n\t\t\t<ul class='ipsList_inline ipsComment_tools'>\n\t\t\t\t\t<li><a href='" + esc(o+s.threadPath(f, p.thread, 1)) + "?do=reportComment&amp;comment=" + pid + "' data-ipsDialog data-ipsDialog-remoteSubmit data-ipsDialog-size='medium' data-ipsDialog-title=\"Report post\" data-action='reportComment' title='Report this content' class='ipsFaded ipsFaded_more'><span class='ipsResponsive_hidePhone ipsResponsive_inline'>Report post</span></a></li>\n" +
		"\t\t\t\t\t<li><a class='ipsType_blendLinks' href='" + share + "' data-ipsTooltip title='Share this post' data-ipsMenu data-ipsMenu-closeOnClick='false' id='elSharePost_" + pid + "' data-role='shareComment'><i class='fa fa-share-alt'></i></a></li>\n\t\t\t</ul>\n\t\t</div>\n" +
		"\t\t<div class='ipsType_reset'>\n\t\t\t<a href='" + find + "' class='ipsType_blendLinks'>Posted " + ipsTime(p.at) + "</a>\n\t\t\t<span class='ipsResponsive_hidePhone'>\n\t\t\t</span>\n\t\t</div>\n\t</div>\n" +
		"\t<div class='cPost_contentWrap ipsPad'>\n\t\t<div data-role='commentContent' class='ipsType_normal ipsType_richText ipsContained' data-controller='core.front.core.lightboxedImages'>\n")
	if p.editedAt != nil {
		b.WriteString("\t\t\t<span class='ipsType_reset ipsType_medium ipsType_light' data-excludequote>\n\t\t\t\t<strong>Edited " + ipsTime(*p.editedAt) + " by " + esc(u.name) + "</strong>\n\t\t\t</span>\n")
	}
	b.WriteString(p.body.html)
	if !endsBlock(p.body.html) {
		b.WriteString("</p>")
	}
	b.WriteString("\n")
	for _, a := range p.attach {
		b.WriteString("<p><a class=\"ipsAttachLink\" data-fileid=\"" + id(a.id) + "\" href=\"" + esc(o+s.attachmentPath(f, a)) + "\" data-fileext=\"" + a.name[strings.LastIndexByte(a.name, '.')+1:] + "\" rel=\"\">" + esc(a.name) + "</a></p>\n")
	}
	b.WriteString("\t\t</div>\n\t\t<div class='ipsItemControls'>\n\t\t\t<ul class='ipsComment_controls ipsClearfix ipsItemControls_left' data-role=\"commentControls\">\n\t\t\t\t<li class='ipsHide' data-role='commentLoading'>\n\t\t\t\t\t<span class='ipsLoading ipsLoading_tiny ipsLoading_noAnim'></span>\n\t\t\t\t</li>\n\t\t\t</ul>\n\t\t</div>\n")
	if u.signature.html != "" {
		sig := u.signature.html
		if !endsBlock(sig) {
			sig += "</p>"
		}
		b.WriteString("\t\t<div data-role=\"memberSignature\" class='ipsResponsive_showDesktop ipsResponsive_block ipsSpacer_top'>\n\t\t\t<hr class='ipsHr ipsHr_small ipsResponsive_showDesktop ipsResponsive_block'>\n\t\t\t<div data-ipsLazyLoad class='ipsType_richText ipsType_break ipsContained'>\n" + sig + "\n\t\t\t</div>\n\t\t</div>\n")
	}
	b.WriteString("\t</div>\n</div>\n\t</div>\n</article>\n")
}

// endsBlock reports whether IPS content so far ends outside a paragraph:
// empty, or after a block element's end tag.
func endsBlock(h string) bool {
	for _, end := range []string{"</p>", "</blockquote>", "</div>", "</ul>"} {
		if strings.HasSuffix(h, end) {
			return true
		}
	}
	return h == ""
}

// writePiece writes one body piece as IPS 4's editor stores it: paragraphs
// (<p>, one line apart by the text rules), <br> within them, and blocks.
func (s invision) writePiece(f *Forum, w *bbWriter, pc *piece) {
	inline := func() {
		if endsBlock(w.h.String()) {
			w.raw("<p>")
		}
	}
	closeP := func() {
		if !endsBlock(w.h.String()) {
			w.block("</p>")
		}
	}
	switch pc.kind {
	case pText:
		inline()
		w.text(pc.text)
	case pBold, pItalic, pColor:
		inline()
		open, end := "<strong>", "</strong>"
		if pc.kind == pItalic {
			open, end = "<em>", "</em>"
		} else if pc.kind == pColor {
			open, end = `<span style="color:#e74c3c;">`, "</span>"
		}
		w.raw(open)
		w.text(pc.text)
		w.raw(end)
	case pBr:
		inline()
		w.brTag("<br>")
	case pParaBreak:
		closeP()
	case pLink:
		inline()
		w.raw(`<a href="` + esc(pc.href) + `" rel="external nofollow">`)
		w.text(pc.text)
		w.raw("</a>")
	case pSprite:
		inline()
		name := strings.TrimSuffix(vbSmilies[pc.n%len(vbSmilies)], ".png")
		src := f.cfg.Prefix + "/uploads/emoticons/default_" + name + ".png"
		w.inline(`<img src="`+src+`" alt="`+esc(smilies[pc.n][0])+`" srcset="`+f.cfg.Prefix+`/uploads/emoticons/`+name+`@2x.png 2x" width="20" height="20">`, "")
	case pEmoji:
		inline()
		w.text(emojis[pc.n][0])
	case pImage:
		inline()
		w.raw(`<img class="ipsImage" alt="` + esc(pc.text) + `" src="` + esc(pc.href) + `">`)
	case pQuote:
		closeP()
		var c bbWriter
		c.raw("<p>")
		for i, l := range pc.lines {
			if i > 0 {
				c.brTag("<br>")
			}
			c.text(l)
		}
		c.raw("</p>")
		h := `<blockquote class="ipsQuote" data-ipsquote=""`
		cite := "Quote"
		if q := pc.quoted; q != nil {
			h += ` data-ipsquote-contentapp="forums" data-ipsquote-contentclass="forums_Topic" data-ipsquote-contentcommentid="` + id(q.id) + `" data-ipsquote-contentid="` + id(q.thread.id) + `" data-ipsquote-contenttype="forums" data-ipsquote-timestamp="` + strconv.FormatInt(q.at.Unix(), 10) + `"`
			if q.author.kind == member {
				h += ` data-ipsquote-userid="` + id(q.author.id) + `"`
			}
			h += ` data-ipsquote-username="` + esc(q.author.name) + `"`
			cite = esc(q.author.name) + " said:"
		}
		// A quote between paragraphs leaves a blank line in the text, as the text rules read it.
		w.inline(h+">\n\t<div class=\"ipsQuote_citation\">\n\t\t"+cite+"\n\t</div>\n\t<div class=\"ipsQuote_contents\">\n\t\t"+c.done().html+"\n\t</div>\n</blockquote>", "\n")
	case pSpoiler:
		closeP()
		w.block(`<div class="ipsSpoiler" data-ipsspoiler="">`)
		w.block(`<div class="ipsSpoiler_header">`)
		w.raw("<span>")
		w.text("Spoiler")
		w.raw("</span>")
		w.block("</div>")
		w.block(`<div class="ipsSpoiler_contents">`)
		w.raw("<p>")
		for i, l := range pc.lines {
			if i > 0 {
				w.brTag("<br>")
			}
			w.text(l)
		}
		w.block("</p>")
		w.block("</div>")
		w.block("</div>")
	case pList:
		closeP()
		w.block("<ul>")
		for _, l := range pc.lines {
			w.block("<li>")
			w.text(l)
			w.block("</li>")
		}
		w.block("</ul>")
	}
}
