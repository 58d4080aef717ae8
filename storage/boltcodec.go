package storage

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"time"
)

// The bbolt state keeps its many small values (one per URL, per queued
// request and per post) in a compact binary form rather than JSON: a state
// of a million URLs stays a few hundred megabytes, and each change writes
// fewer pages.

var errShortValue = errors.New("value too short")

// encodeEntry encodes a URL's entry: its state, then its queue key while
// pending, or its fetch time and status once done or failed.
func encodeEntry(e urlEntry) []byte {
	b := []byte(e.State)
	switch e.State {
	case urlPending:
		b = append(b, e.QueueKey...)
	case urlDone, urlFailed:
		var at int64
		if !e.FetchedAt.IsZero() {
			at = e.FetchedAt.Unix()
		}
		b = binary.AppendVarint(b, at)
		b = binary.AppendUvarint(b, uint64(e.Status))
	}
	return b
}

func decodeEntry(b []byte) (urlEntry, error) {
	if len(b) == 0 {
		return urlEntry{}, errShortValue
	}
	e := urlEntry{State: string(b[:1])}
	rest := b[1:]
	switch e.State {
	case urlPending:
		if len(rest) != 12 {
			return e, fmt.Errorf("pending entry: %w", errShortValue)
		}
		e.QueueKey = append([]byte(nil), rest...)
	case urlDone, urlFailed:
		at, n := binary.Varint(rest)
		if n <= 0 {
			return e, fmt.Errorf("entry time: %w", errShortValue)
		}
		status, m := binary.Uvarint(rest[n:])
		if m <= 0 {
			return e, fmt.Errorf("entry status: %w", errShortValue)
		}
		if at != 0 {
			e.FetchedAt = time.Unix(at, 0).UTC()
		}
		e.Status = int(status)
	case urlAlias:
	default:
		return e, fmt.Errorf("unknown entry state %q", e.State)
	}
	return e, nil
}

// kinds maps a request's kind to one byte and back.
var kinds = []string{"", "board", "thread", "index"}

// encodeRequest encodes a queued request (its priority is in its queue key).
func encodeRequest(r Request) []byte {
	k := byte(0)
	for i, name := range kinds {
		if name == r.Kind {
			k = byte(i)
		}
	}
	b := make([]byte, 0, len(r.URL)+len(r.Fetch)+9)
	b = append(b, k)
	b = binary.AppendUvarint(b, uint64(max(r.Depth, 0)))
	b = binary.AppendUvarint(b, uint64(max(r.Attempts, 0)))
	b = append(b, r.URL...)
	if r.Fetch != "" { // after a NUL, which no URL holds; states written before Fetch have none
		b = append(b, 0)
		b = append(b, r.Fetch...)
	}
	return b
}

func decodeRequest(b []byte, priority int) (Request, error) {
	if len(b) < 3 || int(b[0]) >= len(kinds) {
		return Request{}, fmt.Errorf("queued request: %w", errShortValue)
	}
	r := Request{Kind: kinds[b[0]], Priority: priority}
	depth, n := binary.Uvarint(b[1:])
	if n <= 0 {
		return r, fmt.Errorf("queued request depth: %w", errShortValue)
	}
	attempts, m := binary.Uvarint(b[1+n:])
	if m <= 0 {
		return r, fmt.Errorf("queued request attempts: %w", errShortValue)
	}
	r.Depth, r.Attempts = int(depth), int(attempts)
	rest := b[1+n+m:]
	if i := bytes.IndexByte(rest, 0); i >= 0 {
		r.Fetch = string(rest[i+1:])
		rest = rest[:i]
	}
	r.URL = string(rest)
	return r, nil
}

// queueKey returns the queue key of a request: its priority, so that lower
// comes first, then its sequence number, so that equal ones keep their order.
func queueKey(priority int, seq uint64) []byte {
	k := make([]byte, 12)
	binary.BigEndian.PutUint32(k, uint32(int32(priority))^0x80000000)
	binary.BigEndian.PutUint64(k[4:], seq)
	return k
}

// priorityOf returns the priority a queue key holds.
func priorityOf(k []byte) int { return int(int32(binary.BigEndian.Uint32(k) ^ 0x80000000)) }

// encodePost encodes a post's mark (its key is the bucket key): revision,
// then edit time in seconds (0: none).
func encodePost(p PostMark) []byte {
	b := binary.AppendUvarint(nil, uint64(max(p.Revision, 0)))
	var at int64
	if !p.EditedAt.IsZero() {
		at = p.EditedAt.Unix()
	}
	return binary.AppendVarint(b, at)
}

func decodePost(key string, b []byte) (PostMark, error) {
	rev, n := binary.Uvarint(b)
	if n <= 0 {
		return PostMark{}, fmt.Errorf("post mark: %w", errShortValue)
	}
	at, m := binary.Varint(b[n:])
	if m <= 0 {
		return PostMark{}, fmt.Errorf("post mark time: %w", errShortValue)
	}
	p := PostMark{Key: key, Revision: int(rev)}
	if at != 0 {
		p.EditedAt = time.Unix(at, 0).UTC()
	}
	return p, nil
}
