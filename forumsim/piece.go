package forumsim

import "strings"

// pieceKind is a kind of engine-neutral element of a post body or signature.
type pieceKind int

const (
	pText      pieceKind = iota // plain text
	pBold                       // bold text
	pItalic                     // italic text
	pColor                      // red text
	pBr                         // a line break
	pParaBreak                  // the blank line between paragraphs
	pLink                       // an external link: href, text
	pSprite                     // a smilie drawn from a sprite: smilies[n]
	pEmoji                      // an emoji smilie: emojis[n]
	pImage                      // an inline image: href (src), text (file name), n == 1 when XF2 wraps it for its lightbox
	pQuote                      // a quote of quoted (nil: without source), its lines
	pSpoiler                    // a spoiler titled text ("" for none), its lines
	pList                       // a bulleted list of lines
)

// piece is one engine-neutral element of a post body or signature. The
// generator makes pieces; each skin renders them as its engine's markup
// (skin.writePiece), so that every engine shows the same post.
type piece struct {
	kind   pieceKind
	text   string   // the text of text runs and links; the title of a spoiler; an image's name
	href   string   // a link's href; an image's src
	n      int      // smilie index; 1 for a wrapped image
	quoted *post    // the quoted post, nil for a quote without source
	lines  []string // the lines of quotes, spoilers and lists
}

// renderPieces renders pieces with a forum's skin into HTML and text.
func (f *Forum) renderPieces(pcs []piece) rendered {
	var w bbWriter
	for i := range pcs {
		f.skin.writePiece(f, &w, &pcs[i])
	}
	return w.done()
}

// quoteTruth returns the truth of a quote piece, which every engine shows alike.
func quoteTruth(pc *piece) QuoteTruth {
	q := QuoteTruth{Text: normText(strings.Join(pc.lines, "\n"))}
	if pc.quoted != nil {
		q.Author, q.PostID = pc.quoted.author.name, id(pc.quoted.id)
	}
	return q
}

// writeLines writes lines of text separated by line breaks.
func writeLines(w *bbWriter, lines []string) {
	for i, l := range lines {
		if i > 0 {
			w.br()
		}
		w.text(l)
	}
}

// writeLinesTag writes lines of text separated by an engine's line break tag.
func writeLinesTag(w *bbWriter, lines []string, br string) {
	for i, l := range lines {
		if i > 0 {
			w.brTag(br)
		}
		w.text(l)
	}
}

// styleTags are an engine's opening and closing tags for bold, italic and coloured text.
type styleTags struct{ bold, italic, color [2]string }

// htmlStyles are the tags most engines' bbCode gives: <b>, <i>, a coloured <span>.
var htmlStyles = styleTags{
	bold:   [2]string{"<b>", "</b>"},
	italic: [2]string{"<i>", "</i>"},
	color:  [2]string{`<span style="color: #ff0000">`, "</span>"},
}

// writeStyled writes a bold, italic or coloured piece with the engine's tags.
func writeStyled(w *bbWriter, pc *piece, tags styleTags) {
	t := tags.bold
	switch pc.kind {
	case pItalic:
		t = tags.italic
	case pColor:
		t = tags.color
	}
	w.raw(t[0])
	w.text(pc.text)
	w.raw(t[1])
}
