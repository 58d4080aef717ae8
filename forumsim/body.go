package forumsim

import (
	"strconv"
	"strings"
)

// blockKind is a kind of top-level piece of a post body.
type blockKind int

const (
	kPara blockKind = iota
	kImage
	kQuote
	kSpoiler
	kList
)

// sentence returns a sentence of vocabulary words, capitalized and punctuated.
func (g *gen) sentence() string {
	n := 3 + g.r.IntN(9)
	ws := make([]string, n)
	for i := range ws {
		ws[i] = pick(g.r, words)
	}
	s := strings.Join(ws, " ")
	if s[0] >= 'a' && s[0] <= 'z' {
		s = string(s[0]-32) + s[1:]
	}
	return s + pick(g.r, sentenceEnds)
}

// sentences returns n sentences joined by spaces.
func (g *gen) sentences(n int) string {
	ss := make([]string, n)
	for i := range ss {
		ss[i] = g.sentence()
	}
	return strings.Join(ss, " ")
}

// body renders a post's body into p and returns its lead: the plain first
// line, which later posts may quote.
func (g *gen) body(p *post, earlier []*post, leads []string) string {
	seq := g.plan(len(earlier) > 0)
	lead := g.sentences(1 + g.r.IntN(2))
	var w bbWriter
	for i, k := range seq {
		if i > 0 {
			switch seq[i-1] {
			case kQuote, kSpoiler, kList:
				if k != kPara {
					w.paraBreak()
				}
			default:
				w.paraBreak()
			}
		}
		switch k {
		case kPara:
			g.para(&w, p, lead)
			lead = ""
		case kImage:
			g.image(&w, p)
		case kQuote:
			g.quote(&w, p, earlier, leads)
		case kSpoiler:
			g.spoiler(&w)
		case kList:
			g.list(&w)
		}
	}
	p.body = w.done()
	first, _, _ := strings.Cut(p.body.text, "\n")
	return first
}

// plan returns the sequence of body pieces; quotes, spoilers and lists are
// always followed by a paragraph, as XenForo output runs text right after them.
func (g *gen) plan(canQuote bool) []blockKind {
	var seq []blockKind
	quote := canQuote && g.chance(0.25)
	if quote && g.chance(0.6) {
		seq = append(seq, kQuote)
		quote = false
	}
	n := 1 + g.r.IntN(4)
	for i := 0; i < n; i++ {
		seq = append(seq, kPara)
		switch x := g.r.Float64(); {
		case quote:
			seq = append(seq, kQuote, kPara)
			quote = false
		case x < 0.06:
			seq = append(seq, kImage)
		case x < 0.10:
			seq = append(seq, kSpoiler, kPara)
		case x < 0.13:
			seq = append(seq, kList, kPara)
		}
	}
	return seq
}

// para writes one paragraph: lines of sentences with some inline markup.
func (g *gen) para(w *bbWriter, p *post, lead string) {
	lines := 1 + g.r.IntN(3)
	for l := 0; l < lines; l++ {
		if l > 0 {
			w.br()
		}
		if lead != "" {
			w.text(lead)
			lead = ""
			continue
		}
		g.line(w, p)
	}
}

// line writes one line: sentences, some bold or italic, links and smilies.
func (g *gen) line(w *bbWriter, p *post) {
	r := g.r
	n := 1 + r.IntN(3)
	for i := 0; i < n; i++ {
		if i > 0 {
			w.text(" ")
		}
		s := g.sentence()
		switch x := r.Float64(); {
		case x < 0.08:
			w.raw("<b>")
			w.text(s)
			w.raw("</b>")
		case x < 0.14:
			w.raw("<i>")
			w.text(s)
			w.raw("</i>")
		case x < 0.17:
			w.raw(`<span style="color: #ff0000">`)
			w.text(s)
			w.raw("</span>")
		default:
			w.text(s)
		}
	}
	if g.chance(0.12) {
		href := "https://example.org/" + pick(r, []string{"x", "wiki/Caf%C3%A9", "a?b=1&c=2", "docs/page"}) + "#" + strconv.Itoa(r.IntN(100))
		text := pick(r, []string{"this link", "here", "Quelle", "ссылка", href})
		w.text(" ")
		w.raw(`<a href="` + esc(href) + `" target="_blank" class="link link--external" rel="nofollow ugc noopener">`)
		w.text(text)
		w.raw("</a>")
		p.links = append(p.links, href)
	}
	if g.chance(0.12) {
		w.text(" ")
		g.smilie(w)
	}
}

// smilie writes a sprite or emoji smilie. An emoji's text is its alt (the
// emoji); a sprite is a picture of a code (":)") and gives no text.
func (g *gen) smilie(w *bbWriter) {
	if g.chance(0.7) {
		i := g.r.IntN(len(smilies))
		s := smilies[i]
		w.inline(`<img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" class="smilie smilie--sprite smilie--sprite`+
			strconv.Itoa(i+1)+`" alt="`+esc(s[0])+`" title="`+esc(s[1])+`    `+esc(s[0])+`" loading="lazy" data-shortname="`+esc(s[0])+`" />`, "")
		return
	}
	e := pick(g.r, emojis)
	w.inline(`<img class="smilie smilie--emoji" loading="lazy" alt="`+e[0]+`" title="`+e[1]+`" src="https://cdn.example.net/emoji/64/`+e[2]+
		`.png" data-shortname="`+e[1]+`" />`, e[0])
}

// image writes an inline bbCode image as a paragraph of its own.
func (g *gen) image(w *bbWriter, p *post) {
	name := "img" + strconv.Itoa(g.r.IntN(100000)) + ".jpg"
	src := "https://example.net/pics/" + name
	img := `<img src="` + src + `" data-url="` + src + `" class="bbImage " data-zoom-target="1" style="" alt="` + name +
		`" title="` + name + `" width="" height="" loading="lazy" />`
	if g.chance(0.5) {
		w.block(`<div class="bbImageWrapper  js-lbImage" title="` + name + `" data-src="` + src + `" data-lb-sidebar-href="" data-lb-caption-extra-html="" data-single-image="1">`)
		w.raw(img)
		w.block("</div>")
	} else {
		w.raw(img)
	}
	p.images = append(p.images, src)
}

// quote writes a quote of an earlier post (or, rarely, a quote without source).
func (g *gen) quote(w *bbWriter, p *post, earlier []*post, leads []string) {
	i := g.r.IntN(len(earlier))
	q, text := earlier[i], leads[i]
	var c bbWriter
	c.text(text)
	if g.chance(0.3) {
		c.br()
		c.text(g.sentence())
	}
	content := c.done()
	h := "<blockquote"
	if g.chance(0.1) {
		h += ` class="bbCodeBlock bbCodeBlock--expandable bbCodeBlock--quote js-expandWatch">` + "\n"
		p.quotes = append(p.quotes, QuoteTruth{Text: content.text})
	} else {
		pid := id(q.id)
		if q.author.kind == member {
			h += ` data-attributes="member: ` + id(q.author.id) + `"`
		}
		h += ` data-quote="` + esc(q.author.name) + `" data-source="post: ` + pid + `" class="bbCodeBlock bbCodeBlock--expandable bbCodeBlock--quote js-expandWatch">` + "\n" +
			`<div class="bbCodeBlock-title">` + "\n" + `<a href="` + g.f.cfg.Prefix + `/goto/post?id=` + pid +
			`" class="bbCodeBlock-sourceJump" rel="nofollow" data-xf-click="attribution" data-content-selector="#post-` + pid + `">` +
			esc(q.author.name) + " said:</a>\n</div>\n"
		p.quotes = append(p.quotes, QuoteTruth{Author: q.author.name, PostID: pid, Text: content.text})
	}
	h += `<div class="bbCodeBlock-content">` + "\n" + `<div class="bbCodeBlock-expandContent js-expandContent ">` + "\n" +
		content.html + "\n</div>\n" + `<div class="bbCodeBlock-expandLink js-expandLink"><a role="button" tabindex="0">Click to expand...</a></div>` +
		"\n</div>\n</blockquote>"
	w.raw(h)
}

// spoiler writes a spoiler: its button text and content are text lines.
func (g *gen) spoiler(w *bbWriter) {
	w.block(`<div class="bbCodeSpoiler">`)
	w.raw(`<button type="button" class="button bbCodeSpoiler-button" data-xf-click="toggle" data-xf-init="tooltip" title="Click to reveal or hide spoiler"><span class="button-text"><span>`)
	if g.chance(0.7) {
		w.text("Spoiler: ")
		w.raw(`<span class="bbCodeSpoiler-button-title">`)
		w.text(pick(g.r, []string{"Ending", "Solution", "Lösung", "Don't read & cry", "Ответ"}))
		w.raw("</span>")
	} else {
		w.text("Spoiler")
	}
	w.raw("</span></span></button>")
	w.block(`<div class="bbCodeSpoiler-content">`)
	w.block(`<div class="bbCodeBlock bbCodeBlock--spoiler">`)
	w.block(`<div class="bbCodeBlock-content">`)
	for i := 1 + g.r.IntN(2); i > 0; i-- {
		w.text(g.sentence())
		if i > 1 {
			w.br()
		}
	}
	for i := 0; i < 4; i++ {
		w.block("</div>")
	}
}

// list writes a bulleted list.
func (g *gen) list(w *bbWriter) {
	w.block("<ul>")
	for i := 2 + g.r.IntN(3); i > 0; i-- {
		w.block(`<li data-xf-list-type="ul">`)
		w.text(g.sentence())
		w.block("</li>")
	}
	w.block("</ul>")
}

// signature renders a user's signature.
func (g *gen) signature() rendered {
	var w bbWriter
	w.text(pick(g.r, signatures))
	if g.chance(0.4) {
		w.br()
		w.raw(`<a href="https://example.com/sig" target="_blank" class="link link--external" rel="nofollow ugc noopener">`)
		w.text("example.com/sig")
		w.raw("</a>")
	}
	return w.done()
}
