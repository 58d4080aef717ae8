package storage

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
)

// zstdMagic opens every zstd frame (RFC 8878, 3.1.1).
var zstdMagic = []byte{0x28, 0xb5, 0x2f, 0xfd}

// countReader is a buffered reader that counts the bytes consumed from it.
// It is an io.ByteReader, so a gzip reader reads no further than its member.
type countReader struct {
	br *bufio.Reader
	n  int64
}

// Read reads into p and counts.
func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.br.Read(p)
	c.n += int64(n)
	return n, err
}

// ReadByte reads one byte and counts it.
func (c *countReader) ReadByte() (byte, error) {
	b, err := c.br.ReadByte()
	if err == nil {
		c.n++
	}
	return b, err
}

// readN appends the next n bytes of c to dst, or returns io.ErrUnexpectedEOF
// with what there was.
func (c *countReader) readN(dst []byte, n int) ([]byte, error) {
	start := len(dst)
	dst = slices.Grow(dst, n)[:start+n]
	got, err := io.ReadFull(c, dst[start:])
	return dst[:start+got], noEOF(err)
}

// fillZstd appends the decoded bytes of the next zstd frame. It reads the
// frame's bytes by its block headers, so it knows the frame is whole before
// decoding it; a frame larger than maxSegment is decoded as a stream instead.
func (r *JSONLReader) fillZstd() {
	r.segStart, r.segData, r.eager = r.in.n, len(r.data), false
	if _, err := r.in.br.Peek(1); errors.Is(err, io.EOF) {
		r.eof = true
		return
	}
	raw, skippable, err := r.readFrame(r.raw[:0])
	r.raw = raw[:0]
	switch {
	case errors.Is(err, errFrameTooLarge):
		r.eager = true
		r.stream = io.MultiReader(bytes.NewReader(raw), r.in)
		if err := r.zd.Reset(r.stream); err != nil {
			r.torn(fmt.Errorf("zstd frame at byte %d: %w", r.segStart, err))
			return
		}
		r.stream = r.zd
		r.fillStream()
		return
	case err != nil:
		r.torn(fmt.Errorf("zstd frame at byte %d: %w", r.segStart, err))
		return
	case skippable:
		r.segmentDone()
		return
	}
	out, err := r.zd.DecodeAll(raw, r.data)
	if err != nil {
		r.torn(fmt.Errorf("zstd frame at byte %d: %w", r.segStart, err))
		return
	}
	r.data = out
	r.segmentDone()
}

// fillStream appends the next chunk of a zstd stream decoded as a whole.
func (r *JSONLReader) fillStream() {
	var buf [32 << 10]byte
	n, err := r.stream.Read(buf[:])
	r.data = append(r.data, buf[:n]...)
	switch {
	case errors.Is(err, io.EOF):
		r.eof = true
		r.segmentDone()
	case err != nil:
		r.torn(fmt.Errorf("zstd stream from byte %d: %w", r.segStart, err))
	}
}

// errFrameTooLarge stops reading a frame too large to hold back.
var errFrameTooLarge = errors.New("zstd frame too large to hold")

// readFrame appends the bytes of the next zstd frame (or skippable frame) to
// raw, reading them by the frame's header and block headers.
func (r *JSONLReader) readFrame(raw []byte) (_ []byte, skippable bool, err error) {
	if raw, err = r.in.readN(raw, 4); err != nil {
		return raw, false, fmt.Errorf("frame magic: %w", err)
	}
	magic := binary.LittleEndian.Uint32(raw)
	if magic&0xFFFFFFF0 == 0x184D2A50 { // a skippable frame: 4-byte size, then data
		if raw, err = r.in.readN(raw, 4); err != nil {
			return raw, true, fmt.Errorf("skippable frame size: %w", err)
		}
		size := int(binary.LittleEndian.Uint32(raw[4:]))
		if _, err := io.CopyN(io.Discard, r.in, int64(size)); err != nil {
			return raw, true, fmt.Errorf("skippable frame: %w", noEOF(err))
		}
		return raw, true, nil
	}
	if magic != 0xFD2FB528 {
		return raw, false, fmt.Errorf("not a zstd frame (magic %08x)", magic)
	}
	if raw, err = r.in.readN(raw, 1); err != nil {
		return raw, false, fmt.Errorf("frame header: %w", err)
	}
	fhd := raw[4]
	single := fhd&0x20 != 0
	n := [4]int{0, 1, 2, 4}[fhd&3] // dictionary id
	if !single {
		n++ // window descriptor
	}
	switch fcs := fhd >> 6; {
	case fcs == 0 && single:
		n++
	case fcs > 0:
		n += 1 << fcs
	}
	if raw, err = r.in.readN(raw, n); err != nil {
		return raw, false, fmt.Errorf("frame header: %w", err)
	}
	for last := false; !last; {
		start := len(raw)
		if raw, err = r.in.readN(raw, 3); err != nil {
			return raw, false, fmt.Errorf("block header: %w", err)
		}
		bh := uint32(raw[start]) | uint32(raw[start+1])<<8 | uint32(raw[start+2])<<16
		last = bh&1 != 0
		size := int(bh >> 3)
		switch (bh >> 1) & 3 {
		case 1: // RLE: one byte repeated
			size = 1
		case 3:
			return raw, false, errors.New("reserved block type")
		}
		if len(raw)+size > maxSegment {
			return raw, false, errFrameTooLarge
		}
		if raw, err = r.in.readN(raw, size); err != nil {
			return raw, false, fmt.Errorf("block: %w", err)
		}
	}
	if fhd&0x04 != 0 { // content checksum
		if raw, err = r.in.readN(raw, 4); err != nil {
			return raw, false, fmt.Errorf("checksum: %w", err)
		}
	}
	return raw, false, nil
}
