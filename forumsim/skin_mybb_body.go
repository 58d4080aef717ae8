package forumsim

import "time"

// mybbSmilies are MyBB 1.8's default smilies standing for the forum's
// smilies, by smilies index: image file, name (alt and title) and sid.
var mybbSmilies = [][3]string{
	{"smile.png", "Smile", "1"}, {"biggrin.png", "Big Grin", "4"}, {"wink.png", "Wink", "2"}, {"sad.png", "Sad", "8"},
	{"tongue.png", "Tongue", "5"}, {"huh.png", "Huh", "17"}, {"rolleyes.png", "Rolleyes", "6"},
}

// writePiece writes one body piece as MyBB 1.8's MyCode parser renders it
// (nl2br line breaks, mycode_* classes). Smilies are images and give no
// text; emoji are plain text; [spoiler] is not a default MyCode, so a
// spoiler shows its tags as text.
func (s mybb) writePiece(f *Forum, w *bbWriter, pc *piece) {
	switch pc.kind {
	case pText:
		w.text(pc.text)
	case pBold, pItalic, pColor:
		open := `<span style="font-weight: bold;" class="mycode_b">`
		if pc.kind == pItalic {
			open = `<span style="font-style: italic;" class="mycode_i">`
		} else if pc.kind == pColor {
			open = `<span style="color: #FF0000;" class="mycode_color">`
		}
		w.raw(open)
		w.text(pc.text)
		w.raw("</span>")
	case pBr:
		w.br()
	case pParaBreak:
		w.paraBreak()
	case pLink:
		w.raw(`<a href="` + esc(pc.href) + `" target="_blank" rel="noopener" class="mycode_url">`)
		w.text(pc.text)
		w.raw("</a>")
	case pSprite:
		sm := mybbSmilies[pc.n%len(mybbSmilies)]
		w.inline(`<img src="`+esc(f.cfg.Prefix)+`/images/smilies/`+sm[0]+`" alt="`+sm[1]+`" title="`+sm[1]+`" class="smilie smilie_`+sm[2]+`" />`, "")
	case pEmoji:
		w.text(emojis[pc.n][0])
	case pImage:
		w.raw(`<img src="` + esc(pc.href) + `" loading="lazy"  alt="[Image: ` + esc(pc.text) + `]" class="mycode_img" />`)
	case pQuote:
		var c bbWriter
		writeLines(&c, pc.lines)
		cite := "<cite>Quote:</cite>"
		if q := pc.quoted; q != nil {
			dh, _ := mybbDate(q.at, time.Now())
			cite = "<cite><span> (" + dh + ")</span>" + esc(q.author.name) + " Wrote:  <a href=\"" + esc(f.cfg.Prefix) + "/showthread.php?pid=" + id(q.id) + "#pid" + id(q.id) + "\" class=\"quick_jump\"></a></cite>"
		}
		w.raw(`<blockquote class="mycode_quote">` + cite + c.done().html + "</blockquote>")
	case pSpoiler:
		open := "[spoiler]"
		if pc.text != "" {
			open = "[spoiler=" + pc.text + "]"
		}
		w.text(open)
		writeLines(w, pc.lines)
		w.text("[/spoiler]")
		w.br()
	case pList:
		w.block(`<ul class="mycode_list">`)
		for _, l := range pc.lines {
			w.block("<li>")
			w.text(l)
			w.raw("<br />") // MyBB writes "<br />\n": the newline is left out, as the text rules read no blank line from it
			w.block("</li>")
		}
		w.block("</ul>")
	}
}
