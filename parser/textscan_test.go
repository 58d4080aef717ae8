package parser

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// writeFoldedByBytes is writeFolded as it was before proseEnd: a byte
// loop, the reference the block scan must agree with.
func (w *textWriter) writeFoldedByBytes(s string) {
	for i := 0; i < len(s); {
		if n, space := spaceAt(s, i); space {
			w.space = true
			i += n
			continue
		}
		start := i
		for i < len(s) {
			c := s[i]
			if ' ' < c && c < utf8.RuneSelf {
				i++
				continue
			}
			if c == ' ' && i+1 < len(s) {
				if d := s[i+1]; ' ' < d && d < utf8.RuneSelf {
					i += 2
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
			i += n
		}
		w.flushSpace()
		w.b = append(w.b, s[start:i]...)
	}
}

// foldsAlike reports whether writeFolded and writeFoldedByBytes leave the
// same text and pending space after writing s to a writer that holds prefix.
func foldsAlike(prefix, s string, space bool) (bool, string, string) {
	fast := &textWriter{b: []byte(prefix), space: space}
	slow := &textWriter{b: []byte(prefix), space: space}
	fast.writeFolded(s)
	slow.writeFoldedByBytes(s)
	return string(fast.b) == string(slow.b) && fast.space == slow.space, string(fast.b), string(slow.b)
}

// TestWriteFoldedAgreesWithTheByteLoop compares writeFolded, which skips
// blocks of eight bytes of plain words, with the byte loop it replaced: on
// every text node of the fixture pages, on every text of up to five pieces
// drawn from words, spaces of each kind, non-ASCII letters, control bytes
// and invalid bytes (blocks end and start at every offset among them), and
// on random texts of such pieces.
func TestWriteFoldedAgreesWithTheByteLoop(t *testing.T) {
	check := func(s string) {
		t.Helper()
		for _, prefix := range []string{"", "x"} {
			for _, space := range []bool{false, true} {
				if ok, got, want := foldsAlike(prefix, s, space); !ok {
					t.Fatalf("writeFolded(%q) after %q (space %v) = %q, the byte loop %q", s, prefix, space, got, want)
				}
			}
		}
	}
	for _, fx := range manifest(t) {
		doc, err := html.Parse(bytes.NewReader(readFixture(t, fx.File)))
		if err != nil {
			t.Fatal(err)
		}
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.TextNode {
				check(n.Data)
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
	}
	pieces := []string{"abcdefg", "ab", " ", "  ", "\n", "\t", "é", "\u00a0", "\u200b", "\ufeff", "’", "\x7f", "\x01", "\xff", "\xc2", "\xa0", "~"}
	eachText(pieces, 5, check)
	r := rand.New(rand.NewSource(1))
	for range 20000 {
		var b strings.Builder
		for range r.Intn(40) {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		check(b.String())
	}
}

func TestProseBlock(t *testing.T) {
	tests := []struct {
		block string
		want  bool
	}{
		{"abcdefgh", true},
		{"ab cd ef", true},
		{" abc de ", true},
		{"ab  cdef", false},
		{"abcdef\ng", false},
		{"abc\x7fdefg", true},
		{"abcdefg\xc3", true},
		{"ab\xc3\xa9 \xc5\x91cd", true},
		{"ab\xc2\xa0cdef", false},
		{"ab\xe2\x80\x99cdef", false},
		{"ab\xef\xbb\xbfcdef", false},
		{"abcdef \xa0", true},
		{"\x1fabcdefg", false},
		{"~!@#$%^&", true},
	}
	for _, tt := range tests {
		b := tt.block
		x := uint64(0)
		for k := 7; k >= 0; k-- {
			x = x<<8 | uint64(b[k])
		}
		if got := proseBlock(x); got != tt.want {
			t.Errorf("proseBlock(%q) = %v, want %v", b, got, tt.want)
		}
	}
}
