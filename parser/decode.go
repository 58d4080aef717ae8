package parser

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// Decode returns body converted to UTF-8. A body that is valid UTF-8 is
// taken as UTF-8 whatever it declares (archived pages often keep an old
// ISO-8859-1 declaration over re-encoded bytes, and a real Latin-1 page with
// any non-ASCII letter is almost never valid UTF-8); it is returned as it is,
// less any byte-order mark. Otherwise the encoding comes from the
// Content-Type's charset, a <meta> declaration, or, failing those, a guess
// from the bytes (see golang.org/x/net/html/charset).
func Decode(body []byte, contentType string) ([]byte, error) {
	if utf8.Valid(body) {
		return bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), nil
	}
	enc, name, _ := charset.DetermineEncoding(body, contentType)
	if name == "utf-8" || enc == nil {
		return bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), nil
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return body, fmt.Errorf("decode %s: %w", name, err)
	}
	return out, nil
}
