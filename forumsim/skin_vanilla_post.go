package forumsim

import "strings"

// writePost writes a discussion's opening post (div.ItemDiscussion) or a
// comment (li.ItemComment) as Vanilla's discussion view does.
func (s vanilla) writePost(f *Forum, b *strings.Builder, o string, p *post) {
	u := p.author
	perma := "<a href=\"" + esc(o+s.postPath(f, p)) + "\" class=\"Permalink\" rel=\"nofollow\">"
	kind := "Comment"
	if p.position == 1 {
		b.WriteString("<div id=\"Discussion_" + id(p.thread.id) + "\" class=\"Item ItemDiscussion Role_Member Offline\">\n<div class=\"Discussion\">\n")
		kind = "Discussion"
	} else {
		b.WriteString("<li class=\"Item ItemComment Offline Role_Member\" id=\"Comment_" + id(p.id) + "\">\n<div class=\"Comment\">\n<div class=\"Options\"></div>\n")
		perma = "<a href=\"" + esc(s.postPath(f, p)) + "\" class=\"Permalink\" name=\"Item_" + id(int64(p.position-1)) + "\" rel=\"nofollow\">"
	}
	b.WriteString("<div class=\"Item-Header " + kind + "Header\">\n<div class=\"AuthorWrap\">\n<span class=\"Author\">\n")
	if u.kind == member {
		href := esc(o + s.memberPath(f, u))
		b.WriteString("<a title=\"" + esc(u.name) + "\" href=\"" + href + "\" class=\"PhotoWrap\"><img src=\"" + f.cfg.Prefix + "/uploads/defaultavatar/nOIMRW9TVZYDM.jpg\" alt=\"" + esc(u.name) + "\" class=\"ProfilePhoto ProfilePhotoMedium\" /></a>")
		b.WriteString("<a href=\"" + href + "\" class=\"Username\">" + esc(u.name) + "</a> </span>\n<span class=\"AuthorInfo\">\n")
		b.WriteString("<span class=\"MItem PostCount\">Posts: <b>" + number(u.messages) + "</b></span><span class=\"MItem RoleTitle\">Member</span> <span class=\"Rank MItem\" title=\"Level " +
			id(1+u.messages%5) + "\">" + esc(u.title) + "</span> </span>\n")
	} else {
		b.WriteString(esc(u.name) + " </span>\n<span class=\"AuthorInfo\"> </span>\n")
	}
	b.WriteString("</div>\n<div class=\"Meta " + kind + "Meta " + kind + "Info\">\n<span class=\"MItem DateCreated\">\n" + perma + s.timeTag(p) + "</a> </span>\n")
	if p.editedAt != nil {
		e := p.editedAt.UTC().Format(vanillaFull)
		b.WriteString("<span class=\"MItem DateUpdated\"> <span title=\"Edited " + e + ".\" class=\"DateUpdated\">edited " + e + "</span> </span>\n")
	}
	if p.position == 1 {
		b.WriteString("<span class=\"MItem Category\"> in <a href=\"" + esc(o+s.boardPath(f, p.thread.board, 1)) + "\">" + esc(p.thread.board.title) + "</a></span>\n")
	}
	b.WriteString("</div>\n</div>\n<div class=\"Item-BodyWrap\">\n<div class=\"Item-Body\">\n<div class=\"Message userContent\">\n" + p.body.html + " </div>\n")
	if len(p.attach) > 0 {
		b.WriteString("<div class=\"Attachments\">\n")
		for _, a := range p.attach {
			href := esc(o + s.attachmentPath(f, a))
			b.WriteString("<div class=\"Attachment\"><div class=\"FilePreview\"><a href=\"" + href + "\"><span class=\"FileIcon\"></span></a></div><div class=\"FileHover\"><a class=\"FileName\" href=\"" +
				href + "\">" + esc(a.name) + "</a><div class=\"FileMeta\"><div class=\"FileSize\">" + a.size + "</div></div></div></div>\n")
		}
		b.WriteString("</div>\n")
	}
	b.WriteString("<div class=\"Reactions\"><span class=\"Column-Score Hidden\">0</span><span class=\"ReactMenu\"><span class=\"ReactButtons\"> </span></span></div>")
	if u.signature.html != "" {
		b.WriteString("\n<div class=\"Signature UserSignature userContent \">" + u.signature.html + "</div>")
	}
	b.WriteString(" </div>\n</div>\n</div>\n")
	if p.position == 1 {
		b.WriteString("</div>\n")
	} else {
		b.WriteString("</li>\n")
	}
}

// vanillaEmoji are the files of Vanilla's emoji set, by smilies index.
var vanillaEmoji = []string{"smile", "grin", "wink", "frown", "tongue", "open_mouth", "rolleyes"}

// writePiece writes one body piece as Vanilla's BBCode formatter renders it.
// A smilie is an emoji picture of its code and gives no text; an emoji is the
// character itself.
func (s vanilla) writePiece(f *Forum, w *bbWriter, pc *piece) {
	switch pc.kind {
	case pText:
		w.text(pc.text)
	case pBold, pItalic, pColor:
		writeStyled(w, pc, styleTags{
			bold:   [2]string{"<b>", "</b>"},
			italic: [2]string{"<i>", "</i>"},
			color:  [2]string{`<span style="color:red">`, "</span>"},
		})
	case pBr:
		w.brTag("<br>")
	case pParaBreak:
		w.brTag("<br>")
		w.brTag("<br>")
	case pLink:
		w.raw(`<a href="` + esc(pc.href) + `" rel="nofollow">`)
		w.text(pc.text)
		w.raw("</a>")
	case pSprite:
		sm := smilies[pc.n]
		w.inline(`<img src="`+f.cfg.Prefix+`/resources/emoji/`+vanillaEmoji[pc.n%len(vanillaEmoji)]+`.png" title="`+esc(sm[0])+`" alt="`+esc(sm[0])+`" height="20" class="emoji" />`, "")
	case pEmoji:
		w.text(emojis[pc.n][0])
	case pImage:
		w.raw(`<img src="` + esc(pc.href) + `" alt="image" />`)
	case pQuote:
		var c bbWriter
		for i, l := range pc.lines {
			if i > 0 {
				c.brTag("<br>")
			}
			c.text(l)
		}
		h := "<blockquote class=\"Quote UserQuote blockquote\">\n"
		if q := pc.quoted; q != nil {
			who := esc(q.author.name)
			if q.author.kind == member {
				who = `<a rel="nofollow" href="` + esc(s.memberPath(f, q.author)) + `">` + who + `</a>`
			}
			link := f.cfg.Prefix + "/discussion/" + id(q.thread.id)
			if q.position > 1 {
				link = f.cfg.Prefix + "/discussion/comment/" + id(q.id) + "#Comment_" + id(q.id)
			}
			h += `<div class="blockquote-content">` + who + ` wrote: <a rel="nofollow" href="` + esc(link) + `" class="QuoteLink">»</a></div>` + "\n"
		}
		w.raw(h + `<div class="blockquote-content">` + c.done().html + "</div>\n</blockquote>\n")
	case pSpoiler:
		w.block(`<div class="Spoiler">`)
		title := "Spoiler"
		if pc.text != "" {
			title = "Spoiler: " + pc.text
		}
		w.raw(`<div class="SpoilerTitle">` + esc(title) + `</div>`)
		w.block(`<div class="SpoilerText">`)
		writeLinesTag(w, pc.lines, "<br>")
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
