package fetch

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"strings"
	"testing"
)

// gzipped returns s gzip-compressed when the request accepts it (and says
// so in the reply's header), else s.
func gzipped(t *testing.T, w http.ResponseWriter, r *http.Request, s string) []byte {
	t.Helper()
	if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		return []byte(s)
	}
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	if err := zw.Close(); err != nil {
		t.Error(err)
	}
	w.Header().Set("Content-Encoding", "gzip")
	return b.Bytes()
}
