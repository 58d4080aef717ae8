package storage

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// Compression is how a JSON Lines file is compressed.
type Compression int

// The compressions forumcrawl writes and reads.
const (
	Plain Compression = iota // no compression
	Gzip                     // gzip (RFC 1952), one member per page
	Zstd                     // Zstandard (RFC 8878), one frame per page
)

// String returns the compression's name: "plain", "gzip" or "zstd".
func (c Compression) String() string {
	switch c {
	case Gzip:
		return "gzip"
	case Zstd:
		return "zstd"
	default:
		return "plain"
	}
}

// otherCompressions are extensions of compressions forumcrawl does not write.
var otherCompressions = map[string]bool{
	".bz2": true, ".xz": true, ".lz4": true, ".lzma": true, ".br": true, ".z": true,
	".zip": true, ".7z": true, ".lz": true, ".sz": true, ".tgz": true, ".bz": true,
}

// CompressionFor returns the compression that the extension of path asks for
// (".gz" gzip, ".zst" zstd, anything else plain), and a warning to show the
// user when the extension is one forumcrawl does not know, in which case the
// file is written plain. Standard output ("-") is plain, without warning.
func CompressionFor(path string) (Compression, string) {
	if path == "-" {
		return Plain, ""
	}
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case ext == ".gz" || ext == ".gzip":
		return Gzip, ""
	case ext == ".zst" || ext == ".zstd":
		return Zstd, ""
	case ext == "" || ext == ".jsonl" || ext == ".ndjson" || ext == ".json" || ext == ".txt":
		return Plain, ""
	case otherCompressions[ext]:
		return Plain, fmt.Sprintf("%s: forumcrawl does not write %s compression; writing plain JSON Lines (name the file .gz or .zst to compress it)", path, ext)
	default:
		return Plain, fmt.Sprintf("%s: unknown extension %s; writing plain JSON Lines (name the file .gz or .zst to compress it)", path, ext)
	}
}

// pageOut writes one page's bytes to the output file and returns how many
// bytes reached the file.
type pageOut func(page []byte) (int, error)

// pageCompressor compresses each page as one whole gzip member or zstd
// frame and writes it to dst in a single write, so that a file cut at any
// point holds whole members or frames followed by at most one torn one.
type pageCompressor struct {
	dst  io.Writer
	comp Compression
	gz   *gzip.Writer
	zenc *zstd.Encoder
	buf  bytes.Buffer
	out  []byte
}

// newPageOut returns the writer of pages to dst: dst's own Write for Plain,
// else a compressor of each page.
func newPageOut(dst io.Writer, c Compression) (pageOut, error) {
	pc := &pageCompressor{dst: dst, comp: c}
	switch c {
	case Plain:
		return dst.Write, nil
	case Gzip:
		pc.gz = gzip.NewWriter(nil)
	case Zstd:
		enc, err := zstd.NewWriter(nil, zstd.WithEncoderConcurrency(1))
		if err != nil {
			return nil, fmt.Errorf("zstd encoder: %w", err)
		}
		pc.zenc = enc
	}
	return pc.write, nil
}

// write compresses p as one member or frame, writes it to the destination
// at once, and returns the compressed bytes written.
func (pc *pageCompressor) write(p []byte) (int, error) {
	var frame []byte
	switch pc.comp {
	case Gzip:
		pc.buf.Reset()
		pc.gz.Reset(&pc.buf)
		if _, err := pc.gz.Write(p); err != nil {
			return 0, fmt.Errorf("gzip: %w", err)
		}
		if err := pc.gz.Close(); err != nil {
			return 0, fmt.Errorf("gzip: %w", err)
		}
		frame = pc.buf.Bytes()
	case Zstd:
		pc.out = pc.zenc.EncodeAll(p, pc.out[:0])
		frame = pc.out
	}
	return pc.dst.Write(frame)
}

// setOut sets the writer of pages to the opened file, compressing each page
// as the output's extension asks (see CompressionFor).
func (w *JSONLWriter) setOut() error {
	out, err := newPageOut(w.f, w.comp)
	if err != nil {
		return fmt.Errorf("open output %s: %w", w.path, err)
	}
	w.out = out
	return nil
}

// Compression returns how the writer compresses its output.
func (w *JSONLWriter) Compression() Compression { return w.comp }
