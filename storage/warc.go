package storage

import (
	"bytes"
	"cmp"
	"crypto/sha1"
	"encoding/base32"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
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
	opts   []gowarc.WarcRecordOption // for the warcinfo record, built by the library
	infoID string
	pool   sync.Pool // *warcEncoder

	appended int   // records found in the archive when it was opened
	cut      int64 // bytes of a torn record cut off its end then

	mu     sync.Mutex
	f      *os.File
	count  int
	err    error
	closed bool
}

// warcEncoder marshals records into buf, each as a gzip member when gz is set.
type warcEncoder struct {
	buf  bytes.Buffer
	head bytes.Buffer // an exchange record's HTTP head
	gz   *gzip.Writer
	m    gowarc.Marshaler
}

// OpenWARC opens the WARC file at path for a run of the crawl, records
// compressed when path ends in ".gz", and writes a warcinfo record naming
// software. An existing archive is appended to, so that the archive of a
// resumed or incremental crawl holds every run; when it ends in a torn
// record (a crash mid-write) that record is cut off first (see Appended).
func OpenWARC(path, software string) (*WARCWriter, error) {
	if err := checkWritable(path); err != nil {
		return nil, fmt.Errorf("open WARC %s: %w", path, err)
	}
	appended, cut, err := wholeWARC(path)
	if err != nil {
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
	w.appended, w.cut = appended, cut
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
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
	u, err := url.Parse(ex.URL)
	if err != nil {
		return fmt.Errorf("WARC record of %s: %w", ex.URL, err)
	}
	e := w.pool.Get().(*warcEncoder)
	defer w.pool.Put(e)
	e.buf.Reset()

	respID := "urn:uuid:" + uuid.NewString()
	resp := w.fields(gowarc.Response, respID, ex, "application/http;msgtype=response")
	if host, _, err := net.SplitHostPort(ex.RemoteAddr); err == nil && net.ParseIP(host) != nil {
		resp.Add(gowarc.WarcIPAddress, host)
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
	e.head.Reset()
	fmt.Fprintf(&e.head, "%s %d %s\r\n", proto(ex.Proto), ex.Status, http.StatusText(ex.Status))
	h.Write(&e.head)
	e.head.WriteString("\r\n")
	err = e.record(resp, e.head.Bytes(), ex.Body)

	req := w.fields(gowarc.Request, "urn:uuid:"+uuid.NewString(), ex, "application/http;msgtype=request")
	req.AddId(gowarc.WarcConcurrentTo, respID)
	method := cmp.Or(ex.Method, http.MethodGet)
	e.head.Reset()
	fmt.Fprintf(&e.head, "%s %s %s\r\nHost: %s\r\n", method, u.RequestURI(), proto(ex.Proto), u.Host)
	ex.RequestHeader.Write(&e.head)
	e.head.WriteString("\r\n")
	if err == nil {
		err = e.record(req, e.head.Bytes(), nil)
	}
	if err == nil {
		err = w.writeOut(e.buf.Bytes(), 2)
	}
	if err != nil {
		return fmt.Errorf("WARC %s: %s: %w", w.path, ex.URL, err)
	}
	return nil
}

// fields returns the WARC header fields every exchange record has.
func (w *WARCWriter) fields(typ gowarc.RecordType, id string, ex *Exchange, contentType string) *gowarc.WarcFields {
	f := &gowarc.WarcFields{}
	f.Add(gowarc.WarcType, typ.String())
	f.AddId(gowarc.WarcRecordID, id)
	f.AddTimeNano(gowarc.WarcDate, ex.Fetched)
	f.Add(gowarc.WarcTargetURI, ex.URL)
	f.Add(gowarc.ContentType, contentType)
	if w.infoID != "" {
		f.AddId(gowarc.WarcWarcinfoID, w.infoID)
	}
	return f
}

// record appends one WARC/1.1 record of the header fields f and the block
// (head, then payload) to e.buf, as its own gzip member when compressing,
// with its Content-Length and block and payload digests.
func (e *warcEncoder) record(f *gowarc.WarcFields, head, payload []byte) error {
	bh := sha1.New()
	bh.Write(head)
	bh.Write(payload)
	f.Add(gowarc.WarcBlockDigest, "sha1:"+base32.StdEncoding.EncodeToString(bh.Sum(nil)))
	if payload != nil {
		ph := sha1.Sum(payload)
		f.Add(gowarc.WarcPayloadDigest, "sha1:"+base32.StdEncoding.EncodeToString(ph[:]))
	}
	f.AddInt(gowarc.ContentLength, len(head)+len(payload))
	var out io.Writer = &e.buf
	if e.gz != nil {
		e.gz.Reset(&e.buf)
		out = e.gz
	}
	io.WriteString(out, "WARC/1.1\r\n")
	if _, err := f.Write(out); err != nil {
		return err
	}
	io.WriteString(out, "\r\n")
	out.Write(head)
	out.Write(payload)
	if _, err := io.WriteString(out, "\r\n\r\n"); err != nil {
		return err
	}
	if e.gz != nil {
		return e.gz.Close()
	}
	return nil
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
	return w.writeOut(e.buf.Bytes(), len(recs))
}

// writeOut writes the marshalled records in p to the file in one write.
func (w *WARCWriter) writeOut(p []byte, records int) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	switch {
	case w.closed:
		return os.ErrClosed
	case w.err != nil:
		return w.err
	}
	if _, err := w.f.Write(p); err != nil {
		w.err = err // the file may end in a torn record: write no more
		return err
	}
	w.count += records
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

// Appended returns the number of records the archive held when it was
// opened, and the bytes of a torn last record then cut off it.
func (w *WARCWriter) Appended() (records int, cut int64) { return w.appended, w.cut }

// wholeWARC reads the archive at path, if there is one, and cuts off a torn
// record at its end. It returns the whole records it holds and the bytes cut.
func wholeWARC(path string) (records int, cut int64, err error) {
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && (st.Size() == 0 || !st.Mode().IsRegular())) {
		return 0, 0, nil
	}
	if err != nil {
		return 0, 0, unwrapPath(err)
	}
	r, err := OpenWARCFile(path)
	if err != nil {
		return 0, 0, err
	}
	defer r.Close()
	for {
		_, err := r.Next()
		if err == nil {
			continue
		}
		if errors.Is(err, io.EOF) {
			return r.record, 0, nil
		}
		var we *WARCError
		if !errors.As(err, &we) {
			return 0, 0, err
		}
		if we.Offset == 0 && r.record == 0 {
			return 0, 0, fmt.Errorf("not a WARC archive (%v); give --warc another file", we.Err)
		}
		if err := os.Truncate(path, we.Offset); err != nil {
			return 0, 0, fmt.Errorf("cut a torn last record: %w", err)
		}
		return r.record, st.Size() - we.Offset, nil
	}
}
