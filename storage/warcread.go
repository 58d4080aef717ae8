package storage

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"github.com/klauspost/compress/gzip"
	"github.com/nlnwa/gowarc/v3"
)

// WARCResponse is one response record read back from a WARC file.
type WARCResponse struct {
	URL     string      // WARC-Target-URI
	Date    time.Time   // WARC-Date: when the response was fetched
	Status  int         // HTTP status
	Header  http.Header // the response's HTTP headers
	Body    []byte      // the HTTP payload
	Offset  int64       // byte offset of the record in the file
	Record  int         // 1-based number of the record in the file
	Warning []error     // what the library's validation found, when anything
}

// WARCError says where reading a WARC file stopped: a record cut short or
// not readable. Records before Offset were read.
type WARCError struct {
	Path   string
	Offset int64 // byte offset where the bad record starts
	Record int   // its 1-based number
	Err    error
}

// Error names the file, the record and the offset.
func (e *WARCError) Error() string {
	return fmt.Sprintf("WARC %s: record %d at byte %d: %v", e.Path, e.Record, e.Offset, e.Err)
}

// Unwrap returns the cause.
func (e *WARCError) Unwrap() error { return e.Err }

// WARCReader reads the response records of a WARC file (plain, or gzip
// records) with gowarc's reader, skipping the other record types.
type WARCReader struct {
	path   string
	r      *gowarc.WarcFileReader
	record int   // whole records read
	err    error // the *WARCError that stopped reading
	end    int64 // byte offset after the last record read
	size   int64
}

// OpenWARCFile returns a reader of the WARC file at path. Close it.
func OpenWARCFile(path string) (*WARCReader, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("open WARC %s: %w", path, unwrapPath(err))
	}
	r, err := gowarc.NewWarcFileReader(path, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
		gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
		gowarc.WithBlockErrorPolicy(gowarc.ErrWarn))
	if err != nil {
		return nil, fmt.Errorf("open WARC %s: %w", path, err)
	}
	return &WARCReader{path: path, r: r, size: st.Size()}, nil
}

// Next returns the next response record, io.EOF after the last one, or a
// *WARCError when a record is cut short or cannot be read; reading stops there.
func (wr *WARCReader) Next() (*WARCResponse, error) {
	if wr.err != nil {
		return nil, wr.err
	}
	for {
		rec, err := wr.r.Next()
		if errors.Is(err, io.EOF) && rec.WarcRecord == nil {
			if wr.end < wr.size {
				return nil, wr.stop(io.ErrUnexpectedEOF)
			}
			return nil, io.EOF
		}
		if err != nil {
			rec.Close()
			return nil, wr.stop(err)
		}
		last := rec.Offset+rec.Size >= wr.size
		if last && len(rec.Validation) > 0 {
			// Findings in a record that ends the file are what a cut leaves.
			rec.Close()
			return nil, wr.stop(fmt.Errorf("not whole: %w", errors.Join(rec.Validation...)))
		}
		resp, err := wr.response(rec)
		rec.Close()
		if err == nil && last {
			err = wr.checkLastMember(rec.Offset)
		}
		if err != nil {
			return nil, wr.stop(err)
		}
		wr.end = rec.Offset + rec.Size
		wr.record++
		if resp != nil {
			return resp, nil
		}
	}
}

// stop returns the error of a record that could not be read, and keeps it.
func (wr *WARCReader) stop(err error) error {
	wr.err = &WARCError{Path: wr.path, Offset: wr.end, Record: wr.record + 1, Err: noEOF(err)}
	return wr.err
}

// response returns the response held in rec, or nil when rec is another type.
func (wr *WARCReader) response(rec gowarc.Record) (*WARCResponse, error) {
	if rec.WarcRecord.Type() != gowarc.Response {
		// Read the block so a cut-short record of any type is noticed.
		if raw, err := rec.WarcRecord.Block().RawBytes(); err == nil {
			if _, err := io.Copy(io.Discard, raw); err != nil {
				return nil, err
			}
		}
		return nil, checkLength(rec)
	}
	block, ok := rec.WarcRecord.Block().(gowarc.HttpResponseBlock)
	if !ok {
		return nil, nil // not an HTTP response (e.g. a DNS record)
	}
	payload, err := block.PayloadBytes()
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(payload)
	if err != nil {
		return nil, err
	}
	if err := checkLength(rec); err != nil {
		return nil, err
	}
	date, err := rec.WarcRecord.Date()
	if err != nil {
		return nil, err
	}
	resp := &WARCResponse{
		URL:     rec.WarcRecord.WarcHeader().GetId(gowarc.WarcTargetURI),
		Date:    date,
		Status:  block.HttpStatusCode(),
		Body:    body,
		Offset:  rec.Offset,
		Record:  wr.record + 1,
		Warning: rec.Validation,
	}
	if h := block.HttpHeader(); h != nil {
		resp.Header = *h
	}
	return resp, nil
}

// checkLength returns an error when the record's validation found its block
// shorter than its Content-Length: the file was cut inside it.
func checkLength(rec gowarc.Record) error {
	for _, v := range rec.Validation {
		var cl *gowarc.ContentLengthError
		if errors.As(v, &cl) && cl.Actual < cl.Expected {
			return fmt.Errorf("cut short: %d of %d bytes: %w", cl.Actual, cl.Expected, io.ErrUnexpectedEOF)
		}
	}
	return nil
}

// checkLastMember returns an error when the file is gzip and its last
// member, from off to the end, is not whole: the library's reader does not
// check a last member's trailer.
func (wr *WARCReader) checkLastMember(off int64) error {
	f, err := os.Open(wr.path)
	if err != nil {
		return err
	}
	defer f.Close()
	var magic [2]byte
	if _, err := f.ReadAt(magic[:], off); err != nil || magic != [2]byte{0x1f, 0x8b} {
		return nil // not gzip
	}
	zr, err := gzip.NewReader(io.NewSectionReader(f, off, wr.size-off))
	if err != nil {
		return fmt.Errorf("gzip member: %w", noEOF(err))
	}
	zr.Multistream(false)
	if _, err := io.Copy(io.Discard, zr); err != nil {
		return fmt.Errorf("gzip member: %w", err)
	}
	return nil
}

// Close closes the file.
func (wr *WARCReader) Close() error { return wr.r.Close() }
