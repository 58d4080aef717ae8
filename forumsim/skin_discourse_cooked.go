package forumsim

import "strings"

// discourseEmoji are the names of Discourse's emoji images, by smilies index.
var discourseEmoji = []string{"slight_smile", "grin", "wink", "frowning", "stuck_out_tongue", "open_mouth", "roll_eyes"}

// emojiImg returns Discourse's image of an emoji; its alt is its :code:.
func (discourse) emojiImg(f *Forum, name string) string {
	return `<img src="` + f.cfg.Prefix + `/images/emoji/twitter/` + name + `.png?v=12" title=":` + name + `:" class="emoji" alt=":` + name + `:" loading="lazy" width="20" height="20">`
}

// writePiece writes one body piece as Discourse cooks its Markdown and
// BBCode: the post is wrapped in <p>, which block pieces close and reopen
// (the empty paragraphs left are dropped by cooked). Smilies and emoji are
// images that give no text.
func (s discourse) writePiece(f *Forum, w *bbWriter, pc *piece) {
	switch pc.kind {
	case pText:
		w.text(pc.text)
	case pBold, pItalic, pColor:
		writeStyled(w, pc, styleTags{
			bold:   [2]string{"<strong>", "</strong>"},
			italic: [2]string{"<em>", "</em>"},
			color:  [2]string{`<span style="color:red">`, "</span>"},
		})
	case pBr:
		w.brTag("<br>")
	case pParaBreak:
		w.block("</p>\n<p>")
	case pLink:
		w.raw(`<a href="` + esc(pc.href) + `" rel="noopener nofollow ugc">`)
		w.text(pc.text)
		w.raw("</a>")
	case pSprite:
		w.inline(s.emojiImg(f, discourseEmoji[pc.n%len(discourseEmoji)]), "")
	case pEmoji:
		w.inline(s.emojiImg(f, strings.Trim(emojis[pc.n][1], ":")), "")
	case pImage:
		w.raw(`<img src="` + esc(pc.href) + `" alt="` + esc(pc.text) + `" width="690" height="388">`)
	case pQuote:
		var c bbWriter
		writeLinesTag(&c, pc.lines, "<br>")
		h := "</p>\n<aside class=\"quote no-group\">\n"
		if q := pc.quoted; q != nil {
			name := discourseUsername(q.author.name)
			h = "</p>\n<aside class=\"quote no-group\" data-username=\"" + esc(name) + "\" data-post=\"" + id(int64(q.position)) + "\" data-topic=\"" + id(q.thread.id) + "\">\n<div class=\"title\">\n<div class=\"quote-controls\"></div>\n<img alt=\"\" width=\"24\" height=\"24\" src=\"" +
				esc(strings.ReplaceAll(s.avatar(f, q.author), "{size}", "48")) + "\" class=\"avatar\"> " + esc(name) + ":</div>\n"
		}
		// The text rules leave a quote's place in the body as a blank line.
		w.block(h + "<blockquote>\n<p>" + c.done().html + "</p>\n</blockquote>\n</aside>\n<p>")
		w.t.WriteString("\n\n")
	case pSpoiler:
		w.block("</p>\n<details>\n<summary>")
		if pc.text != "" {
			w.text(pc.text)
		} else {
			w.text("Spoiler")
		}
		w.block("</summary>\n<p>")
		writeLinesTag(w, pc.lines, "<br>")
		w.block("</p>\n</details>\n<p>")
	case pList:
		w.block("</p>\n<ul>")
		for _, l := range pc.lines {
			w.block("\n<li>")
			w.text(l)
			w.block("</li>")
		}
		w.block("\n</ul>\n<p>")
	}
}

// frame returns a page of Discourse's crawler layout around body; its
// setup meta gives the forum's base URL (o, the origin, and the prefix).
func (s discourse) frame(f *Forum, o, title, body string) string {
	return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + esc(title) + " - " + siteName + "</title>\n" +
		"<meta name=\"generator\" content=\"Discourse 3.2.1 - https://github.com/discourse/discourse version 0a4b2c1\">\n" +
		"<meta id=\"data-discourse-setup\" data-base-url=\"" + esc(o+f.cfg.Prefix) + "\" data-base-uri=\"" + f.cfg.Prefix + "\">\n</head>\n<body class=\"crawler\">\n" +
		"<header><a href=\"" + f.cfg.Prefix + "/\">" + siteName + "</a></header>\n<div id=\"main-outlet\" class=\"wrap\" role=\"main\">\n" + body + "</div>\n" +
		"<footer class=\"container wrap\"><nav class=\"crawler-nav\"><ul><li itemscope itemtype=\"http://schema.org/SiteNavigationElement\"><span itemprop=\"name\"><a href=\"" + f.cfg.Prefix + "/\" itemprop=\"url\">Home</a></span></li>" +
		"<li itemscope itemtype=\"http://schema.org/SiteNavigationElement\"><span itemprop=\"name\"><a href=\"" + f.cfg.Prefix + "/categories\" itemprop=\"url\">Categories</a></span></li></ul></nav></footer>\n</body>\n</html>\n"
}

// homePage renders the home page's crawler view: the category list, each
// category linking its HTML page, which a crawl turns into its JSON.
func (s discourse) homePage(f *Forum, o string) string {
	var b strings.Builder
	b.WriteString("<div class=\"category-list\">\n")
	for _, c := range f.categories {
		for _, bd := range c.boards {
			b.WriteString("<div class=\"category\">\n<h3><a href=\"" + esc(o+s.catRoute(f, bd)) + "\">" + esc(bd.title) + "</a></h3>\n<div class=\"description\">" + esc(bd.desc) + "</div>\n</div>\n")
		}
	}
	b.WriteString("</div>\n")
	return s.frame(f, o, "Categories", b.String())
}
