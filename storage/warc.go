package storage

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/klauspost/compress/gzip"
	"github.com/nlnwa/gowarc/v3"
)

// Exchange is one HTTP request and the response it got, to archive. It
// mirrors scraper.Exchange, which storage cannot import.
type Exchange struct {
	URL           string
	Method        string
	RequestHeader http.Header
	Status        int
	Proto         string // e.g. "HTTP/1.1"; "" is HTTP/1.1
	Header        http.Header
	Body          []byte // as received after any transfer or content decoding
	RemoteAddr    string // IP:port the response came from, when known
	Fetched       time.Time
}

// WARCWriter writes exchanges to a WARC/1.1 file: a warcinfo record, then
// for each exchange a response record and the request record that asked for
// it, linked by WARC-Concurrent-To. It is safe for concurrent use.
//
// A file named *.gz has every record as its own gzip member, as the WARC
// standard recommends; each exchange's two records reach the file in one
// write, so a crash leaves whole exchanges followed by at most one torn one.
type WARCWriter struct {
	path   string
	gzip   bool
	opts   []gowarc.WarcRecordOption
	infoID string
	pool   sync.Pool // *warcEncoder

	mu     sync.Mutex
	f      *os.File
	count  int
	err    error
	closed bool
}

// warcEncoder marshals records into buf, each as a gzip member when gz is set.
type warcEncoder struct {
	buf bytes.Buffer
	gz  *gzip.Writer
	m   gowarc.Marshaler
}

// OpenWARC creates (or replaces) the WARC file at path, records compressed
// when path ends in ".gz", and writes its warcinfo record naming software.
func OpenWARC(path, software string) (*WARCWriter, error) {
	if err := checkWritable(path); err != nil {
		return nil, fmt.Errorf("open WARC %s: %w", path, err)
	}
	w := &WARCWriter{
		path: path,
		gzip: strings.HasSuffix(strings.ToLower(path), ".gz"),
		opts: []gowarc.WarcRecordOption{
			gowarc.WithAddMissingDigest(true),
			gowarc.WithDefaultDigestAlgorithm("sha1"),
			gowarc.WithBufferMaxMemBytes(64 << 20),
		},
	}
	w.pool.New = func() any {
		e := &warcEncoder{m: gowarc.NewMarshaler()}
		if w.gzip {
			e.gz, _ = gzip.NewWriterLevel(nil, gzip.BestSpeed)
		}
		return e
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, fmt.Errorf("open WARC %s: %w", path, unwrapPath(err))
	}
	w.f = f
	b := gowarc.NewRecordBuilder(gowarc.Warcinfo, w.opts...)
	b.AddWarcHeaderTime(gowarc.WarcDate, time.Now().UTC())
	b.AddWarcHeader(gowarc.WarcFilename, filepath.Base(path))
	b.AddWarcHeader(gowarc.ContentType, gowarc.ApplicationWarcFields)
	fmt.Fprintf(b, "software: %s\r\nformat: WARC File Format 1.1\r\n"+
		"conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n", software)
	info, _, err := b.Build()
	if err == nil {
		w.infoID = info.WarcHeader().Get(gowarc.WarcRecordID)
		err = w.write(info)
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("open WARC %s: warcinfo: %w", path, err)
	}
	return w, nil
}

// Archive writes the response and request records of ex.
func (w *WARCWriter) Archive(ex *Exchange) error {
	resp, err := w.responseRecord(ex)
	if err != nil {
		return fmt.Errorf("WARC record of %s: %w", ex.URL, err)
	}
	req, err := w.requestRecord(ex, resp.WarcHeader().Get(gowarc.WarcRecordID))
	if err != nil {
		resp.Close()
		return fmt.Errorf("WARC record of %s: %w", ex.URL, err)
	}
	if err := w.write(resp, req); err != nil {
		return fmt.Errorf("WARC %s: %s: %w", w.path, ex.URL, err)
	}
	return nil
}

// responseRecord builds the response record of ex.
func (w *WARCWriter) responseRecord(ex *Exchange) (gowarc.WarcRecord, error) {
	b := gowarc.NewRecordBuilder(gowarc.Response, w.opts...)
	b.AddWarcHeader(gowarc.WarcTargetURI, ex.URL)
	b.AddWarcHeaderTime(gowarc.WarcDate, ex.Fetched)
	b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
	if w.infoID != "" {
		b.AddWarcHeader(gowarc.WarcWarcinfoID, w.infoID)
	}
	if host, _, err := net.SplitHostPort(ex.RemoteAddr); err == nil && net.ParseIP(host) != nil {
		b.AddWarcHeader(gowarc.WarcIPAddress, host)
	}
	// The body is stored as decoded, so the headers that describe an encoding
	// are dropped and Content-Length is the stored body's.
	h := ex.Header.Clone()
	if h == nil {
		h = http.Header{}
	}
	h.Del("Content-Encoding")
	h.Del("Transfer-Encoding")
	h.Set("Content-Length", strconv.Itoa(len(ex.Body)))
	fmt.Fprintf(b, "%s %d %s\r\n", proto(ex.Proto), ex.Status, http.StatusText(ex.Status))
	if err := h.Write(b); err != nil {
		return nil, err
	}
	b.WriteString("\r\n")
	b.Write(ex.Body)
	rec, _, err := b.Build()
	return rec, err
}

// requestRecord builds the request record of ex, linked to its response.
func (w *WARCWriter) requestRecord(ex *Exchange, respID string) (gowarc.WarcRecord, error) {
	u, err := url.Parse(ex.URL)
	if err != nil {
		return nil, err
	}
	b := gowarc.NewRecordBuilder(gowarc.Request, w.opts...)
	b.AddWarcHeader(gowarc.WarcTargetURI, ex.URL)
	b.AddWarcHeaderTime(gowarc.WarcDate, ex.Fetched)
	b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=request")
	b.AddWarcHeader(gowarc.WarcConcurrentTo, respID)
	if w.infoID != "" {
		b.AddWarcHeader(gowarc.WarcWarcinfoID, w.infoID)
	}
	method := ex.Method
	if method == "" {
		method = http.MethodGet
	}
	fmt.Fprintf(b, "%s %s %s\r\nHost: %s\r\n", method, u.RequestURI(), proto(ex.Proto), u.Host)
	if err := ex.RequestHeader.Write(b); err != nil {
		return nil, err
	}
	b.WriteString("\r\n")
	rec, _, err := b.Build()
	return rec, err
}

// proto returns p, or HTTP/1.1 when it is empty.
func proto(p string) string {
	if p == "" {
		return "HTTP/1.1"
	}
	return p
}

// write marshals recs (each its own gzip member when compressing) and
// writes them to the file in one write; it closes the records.
func (w *WARCWriter) write(recs ...gowarc.WarcRecord) error {
	e := w.pool.Get().(*warcEncoder)
	defer w.pool.Put(e)
	e.buf.Reset()
	var err error
	for _, r := range recs {
		if err == nil {
			err = e.marshal(r)
		}
		r.Close()
	}
	if err != nil {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	switch {
	case w.closed:
		return os.ErrClosed
	case w.err != nil:
		return w.err
	}
	if _, err := w.f.Write(e.buf.Bytes()); err != nil {
		w.err = err // the file may end in a torn record: write no more
		return err
	}
	w.count += len(recs)
	return nil
}

// marshal appends r to e.buf.
func (e *warcEncoder) marshal(r gowarc.WarcRecord) error {
	var out io.Writer = &e.buf
	if e.gz != nil {
		e.gz.Reset(&e.buf)
		out = e.gz
	}
	if _, _, err := e.m.Marshal(out, r, 0); err != nil {
		return err
	}
	if e.gz != nil {
		return e.gz.Close()
	}
	return nil
}

// Records returns the number of records written, the warcinfo included.
func (w *WARCWriter) Records() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.count
}

// Path returns the file's path.
func (w *WARCWriter) Path() string { return w.path }

// Close syncs and closes the file. It does nothing when called again.
func (w *WARCWriter) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return nil
	}
	w.closed = true
	err := errors.Join(w.f.Sync(), w.f.Close())
	if err != nil {
		return fmt.Errorf("close WARC %s: %w", w.path, err)
	}
	return nil
}
