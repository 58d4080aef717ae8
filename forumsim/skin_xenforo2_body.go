package forumsim

import "strconv"

// writePiece writes one body piece as XenForo 2's bbCode renders it.
func (xenforo2) writePiece(f *Forum, w *bbWriter, pc *piece) {
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
		w.raw(`<a href="` + esc(pc.href) + `" target="_blank" class="link link--external" rel="nofollow ugc noopener">`)
		w.text(pc.text)
		w.raw("</a>")
	case pSprite:
		// A sprite is a picture of a code (":)") and gives no text.
		s := smilies[pc.n]
		w.inline(`<img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" class="smilie smilie--sprite smilie--sprite`+
			strconv.Itoa(pc.n+1)+`" alt="`+esc(s[0])+`" title="`+esc(s[1])+`    `+esc(s[0])+`" loading="lazy" data-shortname="`+esc(s[0])+`" />`, "")
	case pEmoji:
		// An emoji's text is its alt, the emoji itself.
		e := emojis[pc.n]
		w.inline(`<img class="smilie smilie--emoji" loading="lazy" alt="`+e[0]+`" title="`+e[1]+`" src="https://cdn.example.net/emoji/64/`+e[2]+
			`.png" data-shortname="`+e[1]+`" />`, e[0])
	case pImage:
		img := `<img src="` + pc.href + `" data-url="` + pc.href + `" class="bbImage " data-zoom-target="1" style="" alt="` + pc.text +
			`" title="` + pc.text + `" width="" height="" loading="lazy" />`
		if pc.n == 1 {
			w.block(`<div class="bbImageWrapper  js-lbImage" title="` + pc.text + `" data-src="` + pc.href + `" data-lb-sidebar-href="" data-lb-caption-extra-html="" data-single-image="1">`)
			w.raw(img)
			w.block("</div>")
		} else {
			w.raw(img)
		}
	case pQuote:
		xf2Quote(f, w, pc)
	case pSpoiler:
		w.block(`<div class="bbCodeSpoiler">`)
		w.raw(`<button type="button" class="button bbCodeSpoiler-button" data-xf-click="toggle" data-xf-init="tooltip" title="Click to reveal or hide spoiler"><span class="button-text"><span>`)
		if pc.text != "" {
			w.text("Spoiler: ")
			w.raw(`<span class="bbCodeSpoiler-button-title">`)
			w.text(pc.text)
			w.raw("</span>")
		} else {
			w.text("Spoiler")
		}
		w.raw("</span></span></button>")
		w.block(`<div class="bbCodeSpoiler-content">`)
		w.block(`<div class="bbCodeBlock bbCodeBlock--spoiler">`)
		w.block(`<div class="bbCodeBlock-content">`)
		writeLines(w, pc.lines)
		for i := 0; i < 4; i++ {
			w.block("</div>")
		}
	case pList:
		w.block("<ul>")
		for _, l := range pc.lines {
			w.block(`<li data-xf-list-type="ul">`)
			w.text(l)
			w.block("</li>")
		}
		w.block("</ul>")
	}
}

// xf2Quote writes a quote; its text is not part of the body text.
func xf2Quote(f *Forum, w *bbWriter, pc *piece) {
	var c bbWriter
	writeLines(&c, pc.lines)
	content := c.done()
	h := "<blockquote"
	if q := pc.quoted; q == nil {
		h += ` class="bbCodeBlock bbCodeBlock--expandable bbCodeBlock--quote js-expandWatch">` + "\n"
	} else {
		pid := id(q.id)
		if q.author.kind == member {
			h += ` data-attributes="member: ` + id(q.author.id) + `"`
		}
		h += ` data-quote="` + esc(q.author.name) + `" data-source="post: ` + pid + `" class="bbCodeBlock bbCodeBlock--expandable bbCodeBlock--quote js-expandWatch">` + "\n" +
			`<div class="bbCodeBlock-title">` + "\n" + `<a href="` + f.cfg.Prefix + `/goto/post?id=` + pid +
			`" class="bbCodeBlock-sourceJump" rel="nofollow" data-xf-click="attribution" data-content-selector="#post-` + pid + `">` +
			esc(q.author.name) + " said:</a>\n</div>\n"
	}
	h += `<div class="bbCodeBlock-content">` + "\n" + `<div class="bbCodeBlock-expandContent js-expandContent ">` + "\n" +
		content.html + "\n</div>\n" + `<div class="bbCodeBlock-expandLink js-expandLink"><a role="button" tabindex="0">Click to expand...</a></div>` +
		"\n</div>\n</blockquote>"
	w.raw(h)
}
