package storage

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/forumcrawl/forumcrawl/parser"
)

// AuthorLine is one line of an authors file: one distinct author of a site
// with the latest profile seen (the author object of the post fetched last).
type AuthorLine struct {
	Site   string        `json:"site"`
	Author parser.Author `json:"author"`
	// Posts is the number of distinct posts by the author in the input.
	Posts int `json:"posts"`
	// FirstSeen and LastSeen are the earliest and latest posted_at of those
	// posts; null when no post had a time.
	FirstSeen *time.Time `json:"first_seen"`
	LastSeen  *time.Time `json:"last_seen"`

	fetched time.Time // when the profile in Author was fetched
}

// Authors gathers the distinct authors of records: a site's member by
// author id, a guest (no id) by name. It is safe for concurrent use.
type Authors struct {
	mu    sync.Mutex
	by    map[string]*AuthorLine
	posts map[uint64]struct{} // hashes of the post keys counted
}

// NewAuthors returns an empty Authors.
func NewAuthors() *Authors {
	return &Authors{by: map[string]*AuthorLine{}, posts: map[uint64]struct{}{}}
}

// Add counts the records' posts (each post once, by its key) for their
// authors and keeps each author's latest profile.
func (a *Authors) Add(recs []Record) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for i := range recs {
		a.add(&recs[i])
	}
}

// add counts one record. The caller holds a.mu.
func (a *Authors) add(r *Record) {
	if r.Post.ID != "" {
		h := fnv.New64a()
		h.Write([]byte(r.Key()))
		k := h.Sum64()
		if _, dup := a.posts[k]; dup {
			return
		}
		a.posts[k] = struct{}{}
	}
	key := r.Site + "\x00id\x00" + r.Author.ID
	if r.Author.ID == "" {
		key = r.Site + "\x00name\x00" + r.Author.Name
	}
	l := a.by[key]
	if l == nil {
		l = &AuthorLine{Site: r.Site}
		a.by[key] = l
	}
	l.Posts++
	if !r.FetchedAt.Before(l.fetched) {
		l.Author, l.fetched = r.Author, r.FetchedAt
	}
	if t := r.Post.PostedAt; t != nil {
		if l.FirstSeen == nil || t.Before(*l.FirstSeen) {
			l.FirstSeen = t
		}
		if l.LastSeen == nil || t.After(*l.LastSeen) {
			l.LastSeen = t
		}
	}
}

// Len returns the number of distinct authors.
func (a *Authors) Len() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.by)
}

// Lines returns the authors ordered by site, then most posts, then name.
func (a *Authors) Lines() []AuthorLine {
	a.mu.Lock()
	defer a.mu.Unlock()
	out := make([]AuthorLine, 0, len(a.by))
	for _, l := range a.by {
		out = append(out, *l)
	}
	slices.SortFunc(out, func(x, y AuthorLine) int {
		return cmp.Or(cmp.Compare(x.Site, y.Site), cmp.Compare(y.Posts, x.Posts),
			cmp.Compare(x.Author.Name, y.Author.Name), cmp.Compare(x.Author.ID, y.Author.ID))
	})
	return out
}

// WriteFile writes the authors to path as JSON Lines, compressed as its
// extension says, atomically: into a temporary file beside it, synced, then
// renamed over path, so path holds either the old file or the whole new one.
func (a *Authors) WriteFile(path string) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, l := range a.Lines() {
		fillAuthorLists(&l.Author)
		if err := enc.Encode(&l); err != nil {
			return fmt.Errorf("write authors %s: %w", path, err)
		}
	}
	comp, _ := CompressionFor(path)
	tmp, err := os.CreateTemp(filepath.Dir(path), ".authors-*.tmp")
	if err != nil {
		return fmt.Errorf("write authors %s: %w", path, unwrapPath(err))
	}
	defer os.Remove(tmp.Name()) // after the rename, nothing is there
	out, err := newPageOut(tmp, comp)
	if err == nil && buf.Len() > 0 {
		_, err = out(buf.Bytes())
	}
	err = errors.Join(err, tmp.Sync(), tmp.Close(), os.Chmod(tmp.Name(), 0o644))
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("write authors %s: %w", path, err)
	}
	return nil
}

// CheckWritable returns nil when a file could be written at path, else an
// error saying why not (no such directory, a directory in the way...),
// without creating or changing anything there.
func CheckWritable(path string) error { return checkWritable(path) }

// fillAuthorLists makes the author's nil lists empty, as in the posts file.
func fillAuthorLists(a *parser.Author) {
	a.Banners = nonNil(a.Banners)
	a.Fields = nonNil(a.Fields)
}

// AuthorsFromJSONL gathers the authors of the posts in the JSON Lines file at
// path (plain, gzip or zstd). When the file ends in a torn tail it returns
// the authors of the whole lines with a *TornError.
func AuthorsFromJSONL(path string) (*Authors, error) {
	a := NewAuthors()
	err := EachRecord(path, func(r *Record) error {
		a.add(r)
		return nil
	})
	return a, err
}

// EachRecord calls fn with each record of the JSON Lines file at path
// (plain, gzip or zstd), stopping at fn's first error. A line that is not a
// record is an error naming the file and line. When the file ends in a torn
// tail, EachRecord reads the whole lines and returns a *TornError.
func EachRecord(path string, fn func(*Record) error) error {
	r, err := OpenJSONLFile(path)
	if err != nil {
		return err
	}
	defer r.Close()
	for {
		line, err := r.Next()
		if errors.Is(err, io.EOF) {
			return r.Tail()
		}
		if err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var rec Record
		if err := json.Unmarshal(line, &rec); err != nil {
			return fmt.Errorf("%s: line %d: not a post record: %w", path, r.Line(), err)
		}
		if err := fn(&rec); err != nil {
			return err
		}
	}
}

// AuthorsSink is a sink of pages that passes each page on to the sink it
// wraps and gathers the authors of the records that sink accepts. It passes
// Commit and Resume on to the wrapped sink, so that the crawl's state sees
// the output through it.
type AuthorsSink struct {
	Next interface {
		WritePage(recs []Record) (int, error)
	}
	Authors *Authors
}

// WritePage writes recs to the wrapped sink, then gathers their authors.
func (s AuthorsSink) WritePage(recs []Record) (int, error) {
	n, err := s.Next.WritePage(recs)
	if err == nil {
		s.Authors.Add(recs)
	}
	return n, err
}

// Commit commits the wrapped sink's output, when it is a committer.
func (s AuthorsSink) Commit() (OutputMark, error) {
	if c, ok := s.Next.(interface{ Commit() (OutputMark, error) }); ok {
		return c.Commit()
	}
	return OutputMark{}, nil
}

// Resume resumes the wrapped sink's output, when it can be resumed.
func (s AuthorsSink) Resume(ctx context.Context, st State, log *slog.Logger) error {
	if r, ok := s.Next.(interface {
		Resume(context.Context, State, *slog.Logger) error
	}); ok {
		return r.Resume(ctx, st, log)
	}
	return nil
}
