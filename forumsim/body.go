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

// body makes a post's body pieces and returns its lead: the plain first
// line, which later posts may quote.
func (g *gen) body(p *post, earlier []*post, leads []string) string {
	seq := g.plan(len(earlier) > 0)
	lead := g.sentences(1 + g.r.IntN(2))
	first := lead
	for i, k := range seq {
		if i > 0 {
			switch seq[i-1] {
			case kQuote, kSpoiler, kList:
				if k != kPara {
					g.add(p, piece{kind: pParaBreak})
				}
			default:
				g.add(p, piece{kind: pParaBreak})
			}
		}
		switch k {
		case kPara:
			g.para(p, lead)
			lead = ""
		case kImage:
			g.image(p)
		case kQuote:
			g.quote(p, earlier, leads)
		case kSpoiler:
			g.spoiler(p)
		case kList:
			g.list(p)
		}
	}
	return normText(first)
}

// add appends a piece to a post's body.
func (g *gen) add(p *post, pc piece) { p.pieces = append(p.pieces, pc) }

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

// para adds one paragraph: lines of sentences with some inline markup.
func (g *gen) para(p *post, lead string) {
	lines := 1 + g.r.IntN(3)
	for l := 0; l < lines; l++ {
		if l > 0 {
			g.add(p, piece{kind: pBr})
		}
		if lead != "" {
			g.add(p, piece{kind: pText, text: lead})
			lead = ""
			continue
		}
		g.line(p)
	}
}

// line adds one line: sentences, some bold or italic, links and smilies.
func (g *gen) line(p *post) {
	r := g.r
	n := 1 + r.IntN(3)
	for i := 0; i < n; i++ {
		if i > 0 {
			g.add(p, piece{kind: pText, text: " "})
		}
		s := g.sentence()
		switch x := r.Float64(); {
		case x < 0.08:
			g.add(p, piece{kind: pBold, text: s})
		case x < 0.14:
			g.add(p, piece{kind: pItalic, text: s})
		case x < 0.17:
			g.add(p, piece{kind: pColor, text: s})
		default:
			g.add(p, piece{kind: pText, text: s})
		}
	}
	if g.chance(0.12) {
		href := "https://example.org/" + pick(r, []string{"x", "wiki/Caf%C3%A9", "a?b=1&c=2", "docs/page"}) + "#" + strconv.Itoa(r.IntN(100))
		text := pick(r, []string{"this link", "here", "Quelle", "ссылка", href})
		g.add(p, piece{kind: pText, text: " "})
		g.add(p, piece{kind: pLink, href: href, text: text})
		p.links = append(p.links, href)
	}
	if g.chance(0.12) {
		g.add(p, piece{kind: pText, text: " "})
		g.smilie(p)
	}
}

// smilie adds a sprite or emoji smilie.
func (g *gen) smilie(p *post) {
	if g.chance(0.7) {
		g.add(p, piece{kind: pSprite, n: g.r.IntN(len(smilies))})
		return
	}
	g.add(p, piece{kind: pEmoji, n: g.r.IntN(len(emojis))})
}

// image adds an inline image as a paragraph of its own.
func (g *gen) image(p *post) {
	name := "img" + strconv.Itoa(g.r.IntN(100000)) + ".jpg"
	pc := piece{kind: pImage, text: name, href: "https://example.net/pics/" + name}
	if g.chance(0.5) {
		pc.n = 1
	}
	g.add(p, pc)
	p.images = append(p.images, pc.href)
}

// quote adds a quote of an earlier post (or, rarely, a quote without source).
func (g *gen) quote(p *post, earlier []*post, leads []string) {
	i := g.r.IntN(len(earlier))
	pc := piece{kind: pQuote, quoted: earlier[i], lines: []string{leads[i]}}
	if g.chance(0.3) {
		pc.lines = append(pc.lines, g.sentence())
	}
	if g.chance(0.1) {
		pc.quoted = nil
	}
	g.add(p, pc)
	p.quotes = append(p.quotes, quoteTruth(&pc))
}

// spoiler adds a spoiler, titled or not, of one or two lines.
func (g *gen) spoiler(p *post) {
	pc := piece{kind: pSpoiler}
	if g.chance(0.7) {
		pc.text = pick(g.r, []string{"Ending", "Solution", "Lösung", "Don't read & cry", "Ответ"})
	}
	for i := 1 + g.r.IntN(2); i > 0; i-- {
		pc.lines = append(pc.lines, g.sentence())
	}
	g.add(p, pc)
}

// list adds a bulleted list.
func (g *gen) list(p *post) {
	pc := piece{kind: pList}
	for i := 2 + g.r.IntN(3); i > 0; i-- {
		pc.lines = append(pc.lines, g.sentence())
	}
	g.add(p, pc)
}

// signature returns a user's signature pieces.
func (g *gen) signature() []piece {
	pcs := []piece{{kind: pText, text: pick(g.r, signatures)}}
	if g.chance(0.4) {
		pcs = append(pcs, piece{kind: pBr}, piece{kind: pLink, href: "https://example.com/sig", text: "example.com/sig"})
	}
	return pcs
}
