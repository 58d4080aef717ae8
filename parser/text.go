package parser

import (
	"bytes"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// textOptions says how to turn a subtree into readable text.
type textOptions struct {
	// skip reports nodes whose whole subtree gives no text (quotes, buttons...).
	skip func(*html.Node) bool
	// inline reports images that stand for a character (smilies): an emoji
	// alt text ("😂") is part of the text, a code (":)") or name is not, as a
	// reader who copies the text gets no text for a picture.
	inline func(*html.Node) bool
	// mark reports nodes that give no text but whose place in it is kept
	// (quotes): textMarked returns the offset of each.
	mark func(*html.Node) bool
}

// markRune stands in the text being built for a marked node; it is a
// private-use character that no page's text is expected to hold.
const markRune = '\uE000'

// markBytes is markRune in UTF-8.
var markBytes = []byte(string(markRune))

// preSpace and preTab stand for the spaces and tabs of preformatted text
// while lines are trimmed, so code keeps its indentation.
const (
	preSpace = '\uE001'
	preTab   = '\uE002'
)

var (
	preSpaces  = pairReplacer{" ", string(preSpace), "\t", string(preTab)}
	preRestore = pairReplacer{string(preSpace), " ", string(preTab), "\t"}
)

// isBlock reports the elements that begin and end a line of text.
func isBlock(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote,
		atom.Details, atom.Dd, atom.Div, atom.Dl, atom.Dt,
		atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer,
		atom.Form, atom.H1, atom.H2, atom.H3, atom.H4,
		atom.H5, atom.H6, atom.Header, atom.Hr, atom.Li,
		atom.Main, atom.Nav, atom.Ol, atom.P, atom.Pre,
		atom.Section, atom.Summary, atom.Table, atom.Tr, atom.Ul,
		atom.Caption, atom.Tbody, atom.Thead, atom.Tfoot:
		return true
	}
	return false
}

// isSilent reports the elements that never show text.
func isSilent(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template,
		atom.Head, atom.Select, atom.Object, atom.Iframe, atom.Svg:
		return true
	}
	return false
}

// textOf returns the readable text of n's children: <br> and block elements
// give line breaks, whitespace inside a line is folded, lines are trimmed,
// at most one blank line stands in a row, and the whole is trimmed.
func textOf(n *html.Node, opt textOptions) string {
	s, _ := textMarked(n, opt)
	return s
}

// textMarked returns textOf(n, opt) and, for each node that opt.mark
// reports, in document order, the offset in runes into the text where it stood.
func textMarked(n *html.Node, opt textOptions) (string, []int) {
	w := newTextWriter()
	defer w.free()
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, opt, false)
	}
	return w.finish()
}

// nodeText returns the text of one node, folded onto one line.
func nodeText(n *html.Node) string {
	if n == nil {
		return ""
	}
	if n.Type == html.TextNode {
		return foldSpace(n.Data)
	}
	if k := n.FirstChild; k != nil && k == n.LastChild && k.Type == html.TextNode {
		return foldSpace(k.Data) // what textOf gives one text node, without a copy when it is folded
	}
	return foldSpace(textOf(n, textOptions{}))
}

// textWriter accumulates text with the line rules of textOf.
type textWriter struct {
	b       []byte
	space   bool // a space is due before the next word
	special bool // a mark or preformatted text was written: finish looks for them
}

// textWriters keeps writers with their buffers between texts: a page asks
// for hundreds of texts (names, dates, profile values, bodies), and a
// buffer grown anew for each cost more than the text itself.
var textWriters = sync.Pool{New: func() any { return &textWriter{b: make([]byte, 0, 512)} }}

// newTextWriter returns an empty writer from textWriters; free returns it.
func newTextWriter() *textWriter {
	w := textWriters.Get().(*textWriter)
	w.b, w.space, w.special = w.b[:0], false, false
	return w
}

// free returns w to textWriters, unless its buffer grew too large to keep.
func (w *textWriter) free() {
	if cap(w.b) <= 1<<16 {
		textWriters.Put(w)
	}
}

func (w *textWriter) walk(n *html.Node, opt textOptions, pre bool) {
	switch n.Type {
	case html.TextNode:
		if pre {
			w.flushSpace()
			w.special = true
			w.b = append(w.b, preEdges(n.Data)...)
			return
		}
		w.writeFolded(n.Data)
		return
	case html.ElementNode:
	default:
		return
	}
	if isSilent(n.DataAtom) || (opt.skip != nil && opt.skip(n)) {
		return
	}
	if opt.mark != nil && opt.mark(n) {
		w.endLine()
		w.special = true
		w.b = utf8.AppendRune(w.b, markRune)
		w.endLine()
		return
	}
	switch n.DataAtom {
	case atom.Br:
		w.lineBreak()
		return
	case atom.Img:
		if opt.inline != nil && opt.inline(n) && isEmoji(attr(n, "alt")) {
			w.writeFolded(attr(n, "alt"))
		}
		return
	case atom.Td, atom.Th:
		w.space = true
	}
	block := isBlock(n.DataAtom)
	if block {
		w.endLine()
	}
	inPre := pre || n.DataAtom == atom.Pre
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, opt, inPre)
	}
	if block {
		w.endLine()
	}
}

// writeFolded writes s with its whitespace runs folded to single spaces.
// A run of words already joined by single ASCII spaces, the most of a
// page's text, is written at once.
func (w *textWriter) writeFolded(s string) {
	for i := 0; i < len(s); {
		if n, space := spaceAt(s, i); space {
			w.space = true
			i += n
			continue
		}
		start := i
		i = proseEnd(s, i)
		for i < len(s) {
			c := s[i]
			if ' ' < c && c < utf8.RuneSelf {
				i++
				continue
			}
			if c == ' ' && i+1 < len(s) {
				if d := s[i+1]; ' ' < d && d < utf8.RuneSelf {
					i += 2 // a single space between words stays in the run
					continue
				}
				if _, next := spaceAt(s, i+1); !next {
					i++
					continue
				}
				break
			}
			n, space := spaceAt(s, i)
			if space {
				break
			}
			i = proseEnd(s, i+n)
		}
		end := i // the run ends at a space or at the end of s
		w.flushSpace()
		w.b = append(w.b, s[start:end]...)
	}
}

// spaceAt reports whether a whitespace character (see isSpace) starts at
// s[i], and how far to go on: its length, or 1 for any other byte. Only
// three lead bytes start a non-ASCII space (U+00A0, U+200B, U+FEFF), so
// other characters are passed over byte by byte without decoding.
func spaceAt(s string, i int) (n int, space bool) {
	switch c := s[i]; c {
	case ' ', '\t', '\n', '\r', '\f':
		return 1, true
	case 0xC2, 0xE2, 0xEF:
		return charAt(s, i)
	}
	return 1, false
}

// charAt returns the byte length of the character at s[i] and whether it is
// whitespace (see isSpace); ASCII is decided without decoding.
func charAt(s string, i int) (n int, space bool) {
	c := s[i]
	if c < utf8.RuneSelf {
		return 1, c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return n, isSpace(r)
}

func (w *textWriter) flushSpace() {
	if w.space {
		if len(w.b) > 0 {
			w.b = append(w.b, ' ')
		}
		w.space = false
	}
}

// lineBreak ends the current line, as <br> does: two in a row leave a blank line.
func (w *textWriter) lineBreak() {
	w.space = false
	w.b = append(w.b, '\n')
}

// endLine ends the current line unless it is empty, as a block element's edge does.
func (w *textWriter) endLine() {
	w.space = false
	if s := len(w.b); s > 0 && w.b[s-1] != '\n' {
		w.b = append(w.b, '\n')
	}
}

// finish trims every line, keeps at most one blank line in a row and trims
// the whole; it returns the rune offsets where marks stood, and drops them.
// The lines are compacted in place: what is kept of a line never ends after
// the line, so the result is copied out of the buffer once.
func (w *textWriter) finish() (string, []int) {
	all := w.b
	out := w.b[:0]
	var marks []int
	runes, blank := 0, 0
	// Look for marks and preformatted runs line by line only when the text has some.
	hasMark := w.special && bytes.ContainsRune(all, markRune)
	marksLeft := 0 // offsets are counted only until the last mark is placed
	if hasMark {
		marksLeft = bytes.Count(all, markBytes)
	}
	hasPre := w.special && (bytes.ContainsRune(all, preSpace) || bytes.ContainsRune(all, preTab))
	for len(all) > 0 {
		l := all
		if i := bytes.IndexByte(all, '\n'); i >= 0 {
			l, all = all[:i], all[i+1:]
		} else {
			all = nil
		}
		l = bytes.TrimFunc(l, isSpace)
		if w.special {
			if hasMark && bytes.ContainsRune(l, markRune) {
				for range bytes.Count(l, markBytes) {
					marks = append(marks, runes)
					marksLeft--
				}
				l = bytes.TrimFunc(bytes.ReplaceAll(l, markBytes, nil), isSpace)
			}
			if hasPre && (bytes.ContainsRune(l, preSpace) || bytes.ContainsRune(l, preTab)) {
				l = []byte(strings.TrimRight(preRestore.Replace(string(l)), " \t"))
			}
		}
		if len(l) == 0 {
			blank++
			continue
		}
		if len(out) > 0 {
			sep := "\n"
			if blank > 0 {
				sep = "\n\n"
			}
			out = append(out, sep...)
			runes += len(sep)
		}
		blank = 0
		if marksLeft > 0 {
			runes += utf8.RuneCount(l)
		}
		out = append(out, l...) // may overwrite l: it moves it down
	}
	return string(out), marks
}

// isSpace reports HTML whitespace and the no-break space, which pages use as padding.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\u00a0', '\u200b', '\ufeff':
		return true
	}
	return false
}

// foldSpace returns s with whitespace runs folded to one space and trimmed.
func foldSpace(s string) string {
	if isFolded(s) {
		return s // most texts are: no copy
	}
	w := newTextWriter()
	defer w.free()
	w.writeFolded(s)
	return string(w.b)
}

// isFolded reports whether s is already folded: no whitespace at its ends,
// and none inside it but single ASCII spaces.
func isFolded(s string) bool {
	prevSpace := true // a space at the start is not folded
	for i := 0; i < len(s); {
		if c := s[i]; ' ' < c && c < utf8.RuneSelf {
			prevSpace = false
			i++
			continue
		}
		n, space := spaceAt(s, i)
		if space && (prevSpace || s[i] != ' ') {
			return false
		}
		prevSpace = space
		i += n
	}
	return !prevSpace || s == ""
}

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// innerHTML returns the HTML of n's children as the page has them.
func innerHTML(n *html.Node) string {
	b := htmlBuffers.Get().(*bytes.Buffer)
	b.Reset()
	if !renderMarkup(b, n) {
		b.Reset()
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			_ = html.Render(b, c)
		}
	}
	s := string(bytes.TrimSpace(b.Bytes()))
	if b.Cap() <= 1<<18 {
		htmlBuffers.Put(b)
	}
	return s
}

// htmlBuffers keeps innerHTML's buffers between posts, so that a post's
// HTML is copied once, at its size, instead of grown from nothing.
var htmlBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// isEmoji reports whether s is made of emoji and other symbols only, with no letter or digit.
func isEmoji(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < 0x80 || unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
