package forumsim

import (
	"strconv"
	"strings"
)

// vbSmilies are the image files of vBulletin 4's smilies, by smilies index.
var vbSmilies = []string{"smile.png", "biggrin.png", "wink.png", "frown.png", "tongue.png", "eek.png", "rolleyes.png"}

// writePost writes one post as postbit_legacy.
func (s vbulletin) writePost(f *Forum, b *strings.Builder, p *post) {
	pid, u := id(p.id), p.author
	_, raw, _ := s.postTime(p.at)
	date, tm, _ := strings.Cut(raw, ", ")
	b.WriteString("<li class=\"postbitlegacy postbitim postcontainer old\" id=\"post_" + pid + "\">\n<!-- see bottom of postbit.css for .userinfo .popupmenu styles -->\n\n\t<div class=\"posthead\">\n\t\t\t<span class=\"postdate old\">\n\t\t\t\t\t<span class=\"date\">" + date +
		",&nbsp;<span class=\"time\">" + tm + "</span></span>\n\t\t\t</span>\n\t\t\t<span class=\"nodecontrols\">\n\t\t\t\t\t<a name=\"post" + pid + "\" href=\"" + s.rel(f, s.friendlyPost(f, p)) + "\" class=\"postcounter\">#" + strconv.Itoa(p.position) +
		"</a><a id=\"postcount" + pid + "\" name=\"" + strconv.Itoa(p.position) + "\"></a>\n\t\t\t</span>\n\t</div>\n\t<div class=\"postdetails\">\n\t\t<div class=\"userinfo\">\n\t\t\t<div class=\"username_container\">\n")
	if u.kind == member {
		mp := s.rel(f, s.memberPath(f, u))
		b.WriteString("\t\t\t\t<div class=\"popupmenu memberaction\">\n\t<a class=\"username offline popupctrl\" href=\"" + mp + "\" title=\"" + esc(u.name) + " is offline\"><strong>" + esc(u.name) + "</strong></a>\n\t<ul class=\"popupbody popuphover memberaction_body\">\n" +
			"\t\t<li class=\"left\"><a href=\"" + mp + "\" class=\"siteicon_profile\">View Profile</a></li>\n\t\t<li class=\"right\"><a href=\"search.php?do=finduser&amp;userid=" + id(u.id) + "&amp;contenttype=vBForum_Post&amp;showposts=1\" class=\"siteicon_forum\" rel=\"nofollow\">View Forum Posts</a></li>\n\t</ul>\n</div>\n" +
			"\t\t\t\t<img class=\"inlineimg onlinestatus\" src=\"images/statusicon/user-offline.png\" alt=\"" + esc(u.name) + " is offline\" border=\"0\" />\n")
	} else {
		b.WriteString("\t\t\t\t<span class=\"username guest\">" + esc(u.name) + "</span>\n")
	}
	at := s.author(f, p)
	b.WriteString("\t\t\t</div>\n\t\t\t<span class=\"usertitle\">\n\t\t\t\t" + esc(at.Title) + "\n\t\t\t</span>\n")
	if u.kind == member {
		if u.avatar {
			b.WriteString("\t\t\t<a class=\"postuseravatar\" href=\"" + s.rel(f, s.memberPath(f, u)) + "\" title=\"" + esc(u.name) + " is offline\">\n\t\t\t\t<img src=\"customavatars/avatar" + id(u.id) + "_1.gif\" alt=\"" + esc(u.name) + "'s Avatar\" title=\"" + esc(u.name) + "'s Avatar\" />\n\t\t\t</a>\n")
		}
		b.WriteString("\t\t\t\t<hr />\n\t\t\t\t<dl class=\"userinfo_extra\">\n")
		for _, fd := range at.Fields {
			b.WriteString("\t\t\t\t\t<dt>" + esc(fd.Label) + "</dt> <dd>" + esc(fd.Value) + "</dd>\n")
		}
		b.WriteString("\t\t\t\t</dl>\n")
	}
	b.WriteString("\t\t</div>\n\t\t<div class=\"postbody\">\n\t\t\t<div class=\"postrow\">\n\t\t\t\t<div class=\"content\">\n\t\t\t\t\t<div id=\"post_message_" + pid + "\">\n\t\t\t\t\t\t<blockquote class=\"postcontent restore \">" + p.body.html + "</blockquote>\n\t\t\t\t\t</div>\n\t\t\t\t</div>\n\t\t\t</div>\n")
	if len(p.attach) > 0 {
		b.WriteString("\t\t\t<div class=\"attachments\">\n\t\t\t\t<fieldset class=\"postcontent\">\n\t\t\t\t\t<legend><img class=\"inlineimg\" src=\"images/misc/paperclip.png\" alt=\"Attached Files\" /> Attached Files</legend>\n\t\t\t\t\t<ul>\n")
		for _, a := range p.attach {
			b.WriteString("\t\t\t\t\t\t<li><img class=\"inlineimg\" src=\"images/attach/attach.gif\" alt=\"\" /> <a href=\"" + s.rel(f, s.attachmentPath(f, a)) + "\">" + esc(a.name) + "</a> (" + a.size + ", " + strconv.Itoa(len(a.name)*7) + " views)</li>\n")
		}
		b.WriteString("\t\t\t\t\t</ul>\n\t\t\t\t</fieldset>\n\t\t\t</div>\n")
	}
	if u.signature.html != "" || p.editedAt != nil {
		b.WriteString("\t\t\t<div class=\"after_content\">\n")
		if p.editedAt != nil {
			_, eraw, _ := s.postTime(*p.editedAt)
			ed, et, _ := strings.Cut(eraw, ", ")
			b.WriteString("\t\t\t\t<blockquote class=\"postcontent lastedited\">\n\t\t\t\t\tLast edited by " + esc(u.name) + "; " + ed + " at <span class=\"time\">" + et + "</span>.\n\t\t\t\t</blockquote>\n")
		}
		if u.signature.html != "" {
			b.WriteString("\t\t\t\t<blockquote class=\"signature restore\"><div class=\"signaturecontainer\">" + u.signature.html + "</div></blockquote>\n")
		}
		b.WriteString("\t\t\t</div>\n")
	}
	b.WriteString("\t\t\t<div class=\"cleardiv\"></div>\n\t\t</div>\n\t</div>\n\t\t<div class=\"postfoot\">\n\t\t\t<div class=\"textcontrols floatcontainer\">\n\t\t\t\t<span class=\"postcontrols\">\n\t\t\t\t\t\t<a id=\"qrwq_" + pid + "\" class=\"newreply\" href=\"newreply.php?do=newreply&amp;p=" + pid +
		"\" rel=\"nofollow\" title=\"Reply With Quote\"><img id=\"quoteimg_" + pid + "\" src=\"clear.gif\" alt=\"Reply With Quote\" />  Reply With Quote</a>\n\t\t\t\t</span>\n\t\t\t</div>\n\t\t</div>\n\t<hr />\n</li>\n")
}

// writePiece writes one body piece as vBulletin 4's bbCode parser renders
// it. Smilies are images with an empty alt and give no text; emoji are
// plain text.
func (s vbulletin) writePiece(f *Forum, w *bbWriter, pc *piece) {
	switch pc.kind {
	case pText:
		w.text(pc.text)
	case pBold, pItalic, pColor:
		writeStyled(w, pc, styleTags{
			bold:   [2]string{"<b>", "</b>"},
			italic: [2]string{"<i>", "</i>"},
			color:  [2]string{`<font color="#FF0000">`, "</font>"},
		})
	case pBr:
		w.br()
	case pParaBreak:
		w.paraBreak()
	case pLink:
		w.raw(`<a href="` + esc(pc.href) + `" target="_blank" rel="nofollow">`)
		w.text(pc.text)
		w.raw("</a>")
	case pSprite:
		w.inline(`<img src="images/smilies/`+vbSmilies[pc.n%len(vbSmilies)]+`" border="0" alt="" title="`+esc(smilies[pc.n][1])+`" class="inlineimg" />`, "")
	case pEmoji:
		w.text(emojis[pc.n][0])
	case pImage:
		w.raw(`<img src="` + esc(pc.href) + `" border="0" alt="" />`)
	case pQuote:
		var c bbWriter
		writeLines(&c, pc.lines)
		h := "<div class=\"bbcode_container\">\n\t<div class=\"bbcode_quote\">\n\t\t<div class=\"quote_container\">\n\t\t\t<div class=\"bbcode_quote_container\"></div>\n\t\t\t\n"
		if q := pc.quoted; q != nil {
			h += "\t\t\t\t<div class=\"bbcode_postedby\">\n\t\t\t\t\t<img src=\"images/misc/quote_icon.png\" alt=\"Quote\" /> Originally Posted by <strong>" + esc(q.author.name) + "</strong>\n\t\t\t\t\t<a href=\"showthread.php?s=" + s.sess(f) + "&amp;p=" + id(q.id) + "#post" + id(q.id) +
				"\" rel=\"nofollow\"><img class=\"inlineimg\" src=\"images/buttons/viewpost-right.png\" alt=\"View Post\" /></a>\n\t\t\t\t</div>\n\t\t\t\t<div class=\"message\">" + c.done().html + "</div>\n"
		} else {
			h += "\t\t\t\t" + c.done().html + "\n"
		}
		w.raw(h + "\t\t\t\n\t\t</div>\n\t</div>\n</div>")
	case pSpoiler:
		w.block(`<div style="margin:20px; margin-top:5px">`)
		w.block(`<div class="smallfont" style="margin-bottom:2px">`)
		w.raw("<b>")
		w.text("Spoiler")
		w.raw("</b>")
		if pc.text != "" {
			w.text(": " + pc.text)
		}
		w.raw(` <input type="button" value="Show" style="width:45px;font-size:10px;margin:0px;padding:0px;" onclick="if (this.parentNode.parentNode.getElementsByTagName('div')[1].getElementsByTagName('div')[0].style.display != '') { this.parentNode.parentNode.getElementsByTagName('div')[1].getElementsByTagName('div')[0].style.display = ''; this.innerText = ''; this.value = 'Hide'; } else { this.parentNode.parentNode.getElementsByTagName('div')[1].getElementsByTagName('div')[0].style.display = 'none'; this.innerText = ''; this.value = 'Show'; }" />`)
		w.block("</div>")
		w.block(`<div class="alt2" style="margin: 0px; padding: 6px; border: 1px inset;">`)
		w.block(`<div style="display: none;">`)
		writeLines(w, pc.lines)
		w.block("</div>")
		w.block("</div>")
		w.block("</div>")
	case pList:
		w.block("<ul>")
		for _, l := range pc.lines {
			w.block(`<li style="">`)
			w.text(l)
			w.block("</li>")
		}
		w.block("</ul>")
	}
}
