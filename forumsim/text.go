package forumsim

import "strings"

// bbWriter writes bbCode output as HTML and, in step, its text by the text
// rules (see PostTruth.BodyText), so that the truth always matches the page.
// Callers keep the markup unambiguous: no whitespace-only text between
// block elements, and text never begins or ends with a space.
type bbWriter struct {
	h strings.Builder
	t strings.Builder
}

// raw writes HTML that gives no text.
func (w *bbWriter) raw(s string) { w.h.WriteString(s) }

// text writes s, escaped, as text.
func (w *bbWriter) text(s string) {
	w.h.WriteString(esc(s))
	w.t.WriteString(s)
}

// inline writes an element (a smilie) whose text is alt.
func (w *bbWriter) inline(html, alt string) {
	w.h.WriteString(html)
	w.t.WriteString(alt)
}

// br writes a line break.
func (w *bbWriter) br() {
	w.h.WriteString("<br />\n")
	w.t.WriteByte('\n')
}

// brTag writes an engine's line break tag (e.g. "<br>") and a newline.
func (w *bbWriter) brTag(tag string) {
	w.h.WriteString(tag + "\n")
	w.t.WriteByte('\n')
}

// paraBreak writes the blank line XenForo renders between paragraphs.
func (w *bbWriter) paraBreak() { w.br(); w.br() }

// block writes the opening or closing tag of a block element, which ends
// the current line unless it is empty.
func (w *bbWriter) block(tag string) {
	w.h.WriteString(tag)
	s := w.t.String()
	if len(s) > 0 && s[len(s)-1] != '\n' {
		w.t.WriteByte('\n')
	}
}

// done returns the HTML and its normalized text.
func (w *bbWriter) done() rendered {
	return rendered{html: w.h.String(), text: normText(w.t.String())}
}

// normText applies the text rules to raw text: whitespace runs fold to one
// space, lines are trimmed, at most one blank line stands in a row, and the
// whole is trimmed.
func normText(s string) string {
	var out []string
	blank := false
	for _, l := range strings.Split(s, "\n") {
		l = strings.Join(strings.Fields(l), " ")
		if l == "" {
			blank = true
			continue
		}
		if blank && len(out) > 0 {
			out = append(out, "")
		}
		blank = false
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}
