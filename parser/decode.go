package parser

import (
	"bytes"
	"fmt"

	"golang.org/x/net/html/charset"
)

// Decode returns body converted to UTF-8. The encoding comes from the
// Content-Type's charset, a byte-order mark, a <meta> declaration, or, failing
// those, a guess from the bytes (see golang.org/x/net/html/charset). A body
// already UTF-8 is returned as it is, less any byte-order mark.
func Decode(body []byte, contentType string) ([]byte, error) {
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
