package storage

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// maxSegment bounds the decoded bytes of one gzip member (or the compressed
// bytes of one zstd frame) held back until the member is known whole. A
// larger member (not one of forumcrawl's, which hold one page each) has its
// lines returned as they are decoded.
const maxSegment = 64 << 20

// TornError says that a JSON Lines file ends in a torn tail: a line, gzip
// member or zstd frame cut short, as a crash in the middle of a write leaves.
// Everything before Offset is whole lines.
type TornError struct {
	Path   string // the file, when known
	Offset int64  // bytes of the file that hold whole lines; the torn tail starts here
	Lines  int    // whole lines before Offset
	Reason error  // what was found at Offset
}

// Error returns where the tail starts and why it is torn.
func (e *TornError) Error() string {
	name := e.Path
	if name == "" {
		name = "input"
	}
	return fmt.Sprintf("%s: torn tail at byte %d (after line %d): %v", name, e.Offset, e.Lines, e.Reason)
}

// Unwrap returns the reason.
func (e *TornError) Unwrap() error { return e.Reason }

// JSONLReader reads the lines of a JSON Lines file that is plain, gzip
// (one or more members) or zstd (one or more frames), told apart by the
// file's first bytes, and finds where a torn tail starts.
//
// A line is returned only when it is whole (ends in a newline), and, in a
// compressed file, only when the member or frame holding it is whole, so
// every line returned from a file forumcrawl wrote lies before the offset
// that Tail reports.
type JSONLReader struct {
	path string
	file *os.File // closed by Close, when the reader opened it
	comp Compression
	in   *countReader
	gz   *gzip.Reader
	zd   *zstd.Decoder

	data     []byte // decoded bytes not yet returned as lines start at data[off:]
	off      int
	eager    bool      // a member too large to hold back: its lines are returned as decoded
	stream   io.Reader // a zstd frame too large to hold back, decoded as a stream
	inMember bool
	segStart int64 // input offset of the member or frame being decoded
	segData  int   // len(data) when it started
	raw      []byte

	complete int64 // input offset up to which the input is whole lines
	lines    int   // lines returned
	whole    int   // lines wholly before complete
	eof      bool
	tail     *TornError
	fatal    error
}

// OpenJSONLFile returns a reader of the JSON Lines file at path. Close it.
func OpenJSONLFile(path string) (*JSONLReader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, unwrapPath(err))
	}
	r, err := NewJSONLReader(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	r.path, r.file = path, f
	return r, nil
}

// NewJSONLReader returns a reader of the JSON Lines in r, plain or compressed.
func NewJSONLReader(r io.Reader) (*JSONLReader, error) {
	in := &countReader{br: bufio.NewReaderSize(r, 64<<10)}
	jr := &JSONLReader{in: in}
	magic, err := in.br.Peek(4)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	switch {
	case len(magic) >= 2 && magic[0] == 0x1f && magic[1] == 0x8b:
		jr.comp = Gzip
		jr.gz = new(gzip.Reader)
	case bytes.Equal(magic, zstdMagic):
		jr.comp = Zstd
		zd, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1))
		if err != nil {
			return nil, fmt.Errorf("zstd decoder: %w", err)
		}
		jr.zd = zd
	}
	return jr, nil
}

// Compression returns how the input is compressed.
func (r *JSONLReader) Compression() Compression { return r.comp }

// Next returns the next whole line without its newline, or io.EOF at the end
// of the input (whole or torn: see Tail). The line is valid until the next call.
func (r *JSONLReader) Next() ([]byte, error) {
	for {
		if i := bytes.IndexByte(r.data[r.off:], '\n'); i >= 0 {
			line := r.data[r.off : r.off+i]
			r.off += i + 1
			r.lines++
			if r.comp == Plain {
				r.complete += int64(i + 1)
				r.whole = r.lines
			}
			return line, nil
		}
		if r.fatal != nil {
			return nil, r.fatal
		}
		if r.eof {
			if r.tail == nil && r.off < len(r.data) {
				r.tail = &TornError{Path: r.path, Offset: r.complete, Lines: r.whole, Reason: errors.New("the last line has no newline")}
			}
			return nil, io.EOF
		}
		r.data = append(r.data[:0], r.data[r.off:]...)
		r.off = 0
		r.fill()
	}
}

// Tail returns nil when the input read so far ends whole, or a *TornError
// saying where its torn tail starts. Call it after Next returned io.EOF.
func (r *JSONLReader) Tail() error {
	if r.tail == nil {
		return nil
	}
	return r.tail
}

// Complete returns the number of input bytes known to hold whole lines.
func (r *JSONLReader) Complete() int64 { return r.complete }

// Line returns the number of lines returned so far.
func (r *JSONLReader) Line() int { return r.lines }

// Close closes the file the reader opened, if any.
func (r *JSONLReader) Close() error {
	if r.zd != nil {
		r.zd.Close()
	}
	if r.file != nil {
		return r.file.Close()
	}
	return nil
}

// fill appends decoded bytes to r.data, or sets r.eof.
func (r *JSONLReader) fill() {
	switch {
	case r.comp == Plain:
		r.fillPlain()
	case r.comp == Gzip:
		r.fillGzip()
	case r.stream != nil:
		r.fillStream()
	default:
		r.fillZstd()
	}
}

// fillPlain appends the next chunk of a plain file.
func (r *JSONLReader) fillPlain() {
	var buf [32 << 10]byte
	n, err := r.in.Read(buf[:])
	r.data = append(r.data, buf[:n]...)
	if errors.Is(err, io.EOF) {
		r.eof = true
	} else if err != nil {
		r.fatal = fmt.Errorf("read: %w", err)
	}
}

// torn ends the input at the start of the segment being decoded.
func (r *JSONLReader) torn(reason error) {
	if !r.eager {
		r.data = r.data[:r.segData]
	}
	r.tail = &TornError{Path: r.path, Offset: r.complete, Lines: r.whole, Reason: reason}
	r.eof = true
}

// segmentDone marks the input up to the reader's position whole, when the
// decoded bytes so far end in a newline.
func (r *JSONLReader) segmentDone() {
	if len(r.data) == r.off || r.data[len(r.data)-1] == '\n' {
		r.complete = r.in.n
		r.whole = r.lines + bytes.Count(r.data[r.off:], []byte{'\n'})
	}
}

// fillGzip appends the decoded bytes of the next gzip member, or of the next
// chunk of a member too large to hold back.
func (r *JSONLReader) fillGzip() {
	if !r.inMember {
		r.segStart, r.segData, r.eager = r.in.n, len(r.data), false
		err := r.gz.Reset(r.in)
		if errors.Is(err, io.EOF) && r.in.n == r.segStart {
			r.eof = true
			return
		}
		if err != nil {
			r.torn(fmt.Errorf("gzip member header: %w", noEOF(err)))
			return
		}
		r.gz.Multistream(false)
		r.inMember = true
	}
	var buf [32 << 10]byte
	for {
		n, err := r.gz.Read(buf[:])
		r.data = append(r.data, buf[:n]...)
		switch {
		case errors.Is(err, io.EOF):
			r.inMember = false
			r.segmentDone()
			return
		case err != nil:
			r.inMember = false
			r.torn(fmt.Errorf("gzip member at byte %d: %w", r.segStart, err))
			return
		case len(r.data)-r.segData > maxSegment || r.eager:
			r.eager = true
			return
		}
	}
}

// noEOF turns io.EOF into io.ErrUnexpectedEOF: the input ended inside something.
func noEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

// FindTornTail reads the JSON Lines file at path (plain, gzip or zstd) to its
// end and returns nil when it ends whole, or a *TornError whose Offset is
// where its torn tail starts: cutting the file there (os.Truncate) leaves
// only whole lines, members and frames.
func FindTornTail(path string) (*TornError, error) {
	r, err := OpenJSONLFile(path)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	for {
		if _, err := r.Next(); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
	}
	return r.tail, nil
}

// ScanFrom reads the JSON Lines file at path (plain, gzip or zstd) from
// offset, which must be where a line, member or frame starts (an offset
// Commit returned), and calls fn with each whole line after it. It returns
// end, the offset where the whole part ends (the file's size when it ends
// whole), and a *TornError when a torn tail follows end: cutting the file at
// end (os.Truncate) leaves it whole, ready to append to.
func ScanFrom(path string, offset int64, fn func(line []byte) error) (end int64, torn *TornError, err error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, nil, fmt.Errorf("open %s: %w", path, unwrapPath(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return 0, nil, fmt.Errorf("%s: %w", path, err)
	}
	if info.Size() < offset {
		return 0, nil, fmt.Errorf("%s is %d bytes, shorter than the offset %d", path, info.Size(), offset)
	}
	r, err := NewJSONLReader(io.NewSectionReader(f, offset, info.Size()-offset))
	if err != nil {
		return 0, nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer r.Close()
	r.path = path
	for {
		line, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return 0, nil, fmt.Errorf("read %s: %w", path, err)
		}
		if err := fn(line); err != nil {
			return 0, nil, err
		}
	}
	end = offset + r.Complete()
	if r.tail != nil {
		t := *r.tail
		t.Offset += offset
		torn = &t
	}
	return end, torn, nil
}
