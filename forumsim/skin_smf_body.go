package forumsim

// smfSmileys are the image files of SMF 2.1's fugue smileys, by smilies index.
var smfSmileys = [][2]string{{"smiley.png", "Smiley"}, {"grin.png", "Grin"}, {"wink.png", "Wink"}, {"sad.png", "Sad"},
	{"tongue.png", "Tongue"}, {"shocked.png", "Shocked"}, {"rolleyes.png", "Roll Eyes"}}

// writePiece writes one body piece as SMF 2.1's BBC parser renders it. A
// smiley is a picture and gives no text; an emoji is stored and shown as
// text. SMF has no spoiler tag by default, so a spoiler shows its raw tags.
func (s smf) writePiece(f *Forum, w *bbWriter, pc *piece) {
	switch pc.kind {
	case pText:
		w.text(pc.text)
	case pBold, pItalic, pColor:
		writeStyled(w, pc, styleTags{
			bold:   [2]string{"<b>", "</b>"},
			italic: [2]string{"<i>", "</i>"},
			color:  [2]string{`<span style="color: red;" class="bbc_color">`, "</span>"},
		})
	case pBr:
		w.brTag("<br>")
	case pParaBreak:
		w.brTag("<br>")
		w.brTag("<br>")
	case pLink:
		w.raw(`<a href="` + esc(pc.href) + `" class="bbc_link" target="_blank" rel="noopener">`)
		w.text(pc.text)
		w.raw("</a>")
	case pSprite:
		sm, file := smilies[pc.n], smfSmileys[pc.n%len(smfSmileys)]
		w.inline(`<img src="`+esc(f.cfg.Prefix)+`/Smileys/fugue/`+file[0]+`" alt="`+esc(sm[0])+`" title="`+file[1]+`" class="smiley">`, "")
	case pEmoji:
		w.text(emojis[pc.n][0])
	case pImage:
		w.raw(`<img src="` + esc(pc.href) + `" alt="" class="bbc_img" loading="lazy">`)
	case pQuote:
		var c bbWriter
		writeLinesTag(&c, pc.lines, "<br>")
		cite := "<cite>Quote</cite>"
		if q := pc.quoted; q != nil {
			cite = `<cite><a href="` + esc(s.postPath(f, q)) + `">Quote from: ` + esc(q.author.name) + " on " + q.at.Format(smfDate) + "</a></cite>"
		}
		w.raw(`<blockquote class="bbc_standard_quote">` + cite + c.done().html + "</blockquote>")
	case pSpoiler:
		open := "[spoiler]"
		if pc.text != "" {
			open = "[spoiler=" + pc.text + "]"
		}
		w.text(open)
		w.brTag("<br>")
		writeLinesTag(w, pc.lines, "<br>")
		w.brTag("<br>")
		w.text("[/spoiler]")
	case pList:
		w.block(`<ul class="bbc_list">`)
		for _, l := range pc.lines {
			w.block("<li>")
			w.text(l)
			w.block("</li>")
		}
		w.block("</ul>")
	}
}
