package forumsim

import "strconv"

// phpbbSmilies are the image files of prosilver's smilies, by smilies index.
var phpbbSmilies = []string{"icon_e_smile.gif", "icon_e_biggrin.gif", "icon_e_wink.gif", "icon_e_sad.gif", "icon_razz.gif", "icon_eek.gif", "icon_rolleyes.gif"}

// writePiece writes one body piece as phpBB 3.3's text formatter renders it.
// A smilie is a picture of its code and gives no text; an emoji (shown as a
// twemoji image) gives its alt, the emoji.
func (s phpbb) writePiece(f *Forum, w *bbWriter, pc *piece) {
	switch pc.kind {
	case pText:
		w.text(pc.text)
	case pBold, pItalic, pColor:
		writeStyled(w, pc, styleTags{
			bold:   [2]string{`<strong class="text-strong">`, "</strong>"},
			italic: [2]string{`<em class="text-italics">`, "</em>"},
			color:  [2]string{`<span style="color:#FF0000">`, "</span>"},
		})
	case pBr:
		w.brTag("<br>")
	case pParaBreak:
		w.brTag("<br>")
		w.brTag("<br>")
	case pLink:
		w.raw(`<a href="` + esc(pc.href) + `" class="postlink">`)
		w.text(pc.text)
		w.raw("</a>")
	case pSprite:
		sm := smilies[pc.n]
		w.inline(`<img class="smilies" src="./images/smilies/`+phpbbSmilies[pc.n%len(phpbbSmilies)]+`" width="15" height="17" alt="`+esc(sm[0])+`" title="`+esc(sm[1])+`">`, "")
	case pEmoji:
		e := emojis[pc.n]
		w.inline(`<img alt="`+e[0]+`" class="emoji smilies" draggable="false" src="//cdn.jsdelivr.net/gh/twitter/twemoji@latest/assets/svg/`+e[2]+`.svg">`, e[0])
	case pImage:
		w.raw(`<img src="` + esc(pc.href) + `" class="postimage" alt="Image">`)
	case pQuote:
		var c bbWriter
		for i, l := range pc.lines {
			if i > 0 {
				c.brTag("<br>")
			}
			c.text(l)
		}
		h := `<blockquote class="uncited"><div>`
		if q := pc.quoted; q != nil {
			perma := s.rel(f, s.postPath(f, q))
			name := esc(q.author.name)
			if q.author.kind == member {
				name = `<a href="` + s.href(f, s.memberPath(f, q.author), false) + `">` + name + `</a>`
			}
			h = `<blockquote cite="` + esc(perma) + `"><div><cite>` + name + ` wrote: <a href="` + esc(perma) + `" data-post-id="` + id(q.id) +
				`" onclick="if(document.getElementById(hash.substr(1)))href=hash">↑</a><span class="responsive-hide">` + q.at.Format(phpbbDate) + `</span></cite>`
		}
		w.raw(h + c.done().html + "</div></blockquote>")
	case pSpoiler:
		w.block(`<div class="spoiler">`)
		w.block(`<div class="spoiler-title">`)
		if pc.text != "" {
			w.raw("<strong>")
			w.text("Spoiler:")
			w.raw("</strong>")
			w.text(" " + pc.text)
		} else {
			w.raw("<strong>")
			w.text("Spoiler")
			w.raw("</strong>")
		}
		w.block("</div>")
		w.block(`<div class="spoiler-content">`)
		for i, l := range pc.lines {
			if i > 0 {
				w.brTag("<br>")
			}
			w.text(l)
		}
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

// attachbox returns prosilver's attachment box of a post.
func (s phpbb) attachbox(f *Forum, p *post) string {
	if len(p.attach) == 0 {
		return ""
	}
	h := "\t\t\t<dl class=\"attachbox\">\n\t\t\t\t<dt>\n\t\t\t\t\tAttachments\n\t\t\t\t</dt>\n"
	for _, a := range p.attach {
		h += "\t\t\t\t\t<dd>\n\t\t<dl class=\"file\">\n\t\t\t<dt><i class=\"icon fa-file fa-fw\" aria-hidden=\"true\"></i> <a class=\"postlink\" href=\"" + s.href(f, s.attachmentPath(f, a), false) + "\">" +
			esc(a.name) + "</a></dt>\n\t\t\t<dd>(" + a.size + ") Downloaded " + strconv.Itoa(len(a.name)*7) + " times</dd>\n\t\t</dl>\n\t\t</dd>\n"
	}
	return h + "\t\t\t</dl>\n"
}
