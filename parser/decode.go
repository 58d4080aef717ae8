package parser

import (
	"bytes"
	"fmt"
	"mime"
	"regexp"
	"unicode/utf8"

	"github.com/saintfish/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
)

// Decode returns body converted to UTF-8. A body that is valid UTF-8 is
// taken as UTF-8 whatever it declares (archived pages often keep an old
// ISO-8859-1 declaration over re-encoded bytes, and a real Latin-1 page with
// any non-ASCII letter is almost never valid UTF-8); it is returned as it is,
// less any byte-order mark. Otherwise the encoding comes from the
// Content-Type's charset or a <meta> declaration (see
// golang.org/x/net/html/charset), or, for a page that declares none, a
// statistical guess from the bytes (Cyrillic, CJK and Latin encodings).
func Decode(body []byte, contentType string) ([]byte, error) {
	if utf8.Valid(body) {
		return bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), nil
	}
	enc, name, certain := charset.DetermineEncoding(body, contentType)
	if !certain && !declaresCharset(body, contentType) {
		if e, n := guessEncoding(body); e != nil {
			enc, name = e, n
		}
	}
	if name == "utf-8" || enc == nil {
		return bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), nil
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return body, fmt.Errorf("decode %s: %w", name, err)
	}
	return out, nil
}

// metaCharset finds a charset declared in a page's head.
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=`)

// declaresCharset reports whether the Content-Type or the page's first
// 1024 bytes (where the HTML standard looks) declare a charset.
func declaresCharset(body []byte, contentType string) bool {
	if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
		return true
	}
	return metaCharset.Match(body[:min(len(body), 1024)])
}

// guessConfidence is the least confidence (0-100) at which a guess is
// taken over the HTML standard's default, windows-1252.
const guessConfidence = 30

// guessEncoding returns the encoding the bytes most likely are in, or nil
// when the guess is weak or not an encoding the web knows.
func guessEncoding(body []byte) (encoding.Encoding, string) {
	r, err := chardet.NewHtmlDetector().DetectBest(body)
	if err != nil || r.Confidence < guessConfidence {
		return nil, ""
	}
	label := r.Charset
	if label == "GB-18030" { // chardet's name; the web's label is gb18030
		label = "gb18030"
	}
	e, err := htmlindex.Get(label)
	if err != nil {
		return nil, ""
	}
	name, _ := htmlindex.Name(e)
	return e, name
}
