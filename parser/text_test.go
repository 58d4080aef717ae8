package parser

import (
	"strings"
	"testing"
)

func TestFoldSpaceFoldsEveryKindOfWhitespace(t *testing.T) {
	tests := []struct{ name, in string }{
		{"plain words", "one two three"},
		{"runs and ends", "  one \t\n two\r\f three  "},
		{"no-break, zero-width and byte-order-mark spaces", "one\u00a0two\u200bthree\ufeff four \u00a0 five"},
		{"characters whose lead bytes start spaces too", "© ’quoted’ ｏ ‘x’\u00a0©"},
		{"other non-ASCII", "Québec — naïve 日本語  emoji 😂"},
		{"a space before non-ASCII", "a ’b’ c \u00a0d"},
		{"invalid UTF-8", "a\xc2 b\xe2\x80 c\xef\xbb d\xff e"},
		{"control characters that are not spaces", "a\x01b \x0bc"},
		{"only spaces", " \u00a0\u200b "},
		{"empty", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := strings.Join(strings.FieldsFunc(tt.in, isSpace), " ")
			if got := foldSpace(tt.in); got != want {
				t.Errorf("foldSpace(%q) = %q, want %q", tt.in, got, want)
			}
			if isFolded(tt.in) != (tt.in == want) {
				t.Errorf("isFolded(%q) = %v, want %v", tt.in, isFolded(tt.in), tt.in == want)
			}
		})
	}
}
