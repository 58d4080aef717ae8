package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"syscall"
)

// JSONLOptions says how OpenJSONL treats its output. The zero value replaces
// an existing file and remembers written posts in memory.
type JSONLOptions struct {
	// Append adds records after the lines of an existing file instead of
	// replacing it. Posts written by earlier runs are not known to Seen, so
	// appending the same crawl twice writes its posts twice.
	Append bool
	// Seen remembers the posts already written; nil means a fresh
	// NewMemorySeen, so only the posts written in this run are skipped.
	Seen Seen
}

// JSONLWriter writes Records as JSON Lines, one post per line, each post once.
// It is safe for concurrent use.
type JSONLWriter struct {
	path string
	abs  string // path made absolute, as the crawl state records it
	opts JSONLOptions

	mu      sync.Mutex
	seen    Seen
	f       *os.File // nil until the first record is written
	comp    Compression
	out     pageOut // writes a page to f, as one gzip member or zstd frame when compressing
	buf     bytes.Buffer
	enc     *json.Encoder // writes into buf
	rec     Record        // the record being encoded, reused
	pending map[string]struct{}
	keys    []string
	count   int
	size    int64 // bytes in the file: its size when opened plus what was written
	err     error // a failed write; the file may end in half a line
	closed  bool
}

// OpenJSONL returns a writer of records to the file at path, or to standard
// output when path is "-", compressed as the path's extension says (see
// CompressionFor: each page one gzip member or zstd frame).
//
// It checks at once that the output can be written, and returns an error
// naming the path when it cannot: the directory is missing or is not a
// directory, the directory does not accept a new file, the path is a
// directory, or an existing file cannot be opened for writing. It checks by
// creating and removing a temporary file in the directory, or by opening the
// existing file without truncating it.
//
// The file itself is created (or, without opts.Append, truncated) only when
// the first record is written, so a crawl that writes nothing leaves no empty
// file behind, and an earlier file at path stays as it was.
func OpenJSONL(path string, opts JSONLOptions) (*JSONLWriter, error) {
	if path == "" {
		return nil, errors.New("open output: empty path")
	}
	if path != "-" {
		if err := checkWritable(path); err != nil {
			return nil, fmt.Errorf("open output %s: %w", path, err)
		}
	}
	abs := path
	if path != "-" {
		if a, err := filepath.Abs(path); err == nil {
			abs = a
		}
	}
	w := &JSONLWriter{
		path:    path,
		abs:     abs,
		opts:    opts,
		seen:    opts.Seen,
		pending: make(map[string]struct{}),
	}
	w.comp, _ = CompressionFor(path)
	if w.seen == nil {
		w.seen = NewMemorySeen()
	}
	w.enc = json.NewEncoder(&w.buf)
	w.enc.SetEscapeHTML(false)
	return w, nil
}

// checkWritable returns nil when a file at path could be written, else an
// error saying why not, without creating or changing the file.
func checkWritable(path string) error {
	info, err := os.Stat(path)
	if err == nil {
		switch {
		case info.IsDir():
			return syscall.EISDIR
		case !info.Mode().IsRegular():
			// A device or a named pipe: opening a pipe would wait for a
			// reader, so leave it to the first write.
			return nil
		}
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return unwrapPath(err)
		}
		return f.Close()
	}

	dir := filepath.Dir(path)
	dirInfo, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("directory %s: %w", dir, unwrapPath(err))
	}
	if !dirInfo.IsDir() {
		return fmt.Errorf("directory %s: %w", dir, syscall.ENOTDIR)
	}
	probe, err := os.CreateTemp(dir, ".forumcrawl-probe-*")
	if err != nil {
		return fmt.Errorf("directory %s: cannot create a file: %w", dir, unwrapPath(err))
	}
	name := probe.Name()
	if err := probe.Close(); err != nil {
		os.Remove(name)
		return fmt.Errorf("directory %s: %w", dir, err)
	}
	if err := os.Remove(name); err != nil {
		return fmt.Errorf("directory %s: remove probe file: %w", dir, err)
	}
	return nil
}

// unwrapPath returns the cause of a *fs.PathError without the operation and
// path it repeats, or err itself.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// WritePage writes the records of one page that were not written before,
// each as one line, in a single write, and returns how many it wrote.
//
// A record is skipped when a record with the same Key was written before or
// comes earlier in recs; a record with an empty post id cannot be told apart
// and is always written. Lists left nil are written as [], not null.
//
// The lines reach the operating system before WritePage returns (so tail -f
// shows them) but are not synced to disk; see Sync. If the write fails, the
// writer keeps the error and returns it from every later call, since the file
// may end in half a line.
func (w *JSONLWriter) WritePage(recs []Record) (written int, err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return 0, fmt.Errorf("write %s: %w", w.path, os.ErrClosed)
	}
	if w.err != nil {
		return 0, w.err
	}

	w.buf.Reset()
	w.keys = w.keys[:0]
	clear(w.pending)
	n := 0
	for i := range recs {
		r := &recs[i]
		if r.Post.ID != "" {
			key := r.Key()
			if _, dup := w.pending[key]; dup || w.seen.Seen(key) {
				continue
			}
			w.pending[key] = struct{}{}
			w.keys = append(w.keys, key)
		}
		w.rec = *r
		fillEmptyLists(&w.rec)
		if err := w.enc.Encode(&w.rec); err != nil {
			w.rec = Record{}
			return 0, fmt.Errorf("write %s: encode post %q of %s: %w", w.path, r.Post.ID, r.PageURL, err)
		}
		n++
	}
	w.rec = Record{} // keep no page alive
	if n == 0 {
		return 0, nil
	}

	if w.f == nil {
		if err := w.open(); err != nil {
			return 0, err
		}
	}
	k, err := w.out(w.buf.Bytes())
	w.size += int64(k)
	if err != nil {
		w.err = fmt.Errorf("write %s: %w", w.path, err)
		return 0, w.err
	}
	for _, k := range w.keys {
		w.seen.Add(k)
	}
	w.count += n
	return n, nil
}

// open creates, truncates or opens for appending the output file.
func (w *JSONLWriter) open() error {
	if w.path == "-" {
		w.f = os.Stdout
		return w.setOut()
	}
	flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if w.opts.Append {
		flags = os.O_WRONLY | os.O_CREATE | os.O_APPEND
	}
	f, err := os.OpenFile(w.path, flags, 0o644)
	if err != nil {
		return fmt.Errorf("open output %s: %w", w.path, unwrapPath(err))
	}
	// The new file's name must survive a crash too, not only its lines.
	if err := syncDir(filepath.Dir(w.path)); err != nil {
		f.Close()
		return fmt.Errorf("open output %s: %w", w.path, err)
	}
	if w.opts.Append {
		info, err := f.Stat()
		if err != nil {
			f.Close()
			return fmt.Errorf("open output %s: %w", w.path, err)
		}
		w.size = info.Size()
	}
	w.f = f
	return w.setOut()
}

// Sync returns the error of committing the written lines to stable storage,
// or nil when nothing was written yet or the output is standard output.
func (w *JSONLWriter) Sync() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.f == nil || w.path == "-" || w.closed {
		return nil
	}
	if err := w.f.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", w.path, err)
	}
	return nil
}

// Commit syncs the lines written to stable storage and returns where the
// output ends, for the crawl state. Before the first record (or on standard
// output) it syncs nothing and returns an empty mark.
func (w *JSONLWriter) Commit() (OutputMark, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		return OutputMark{}, w.err
	}
	if w.f == nil || w.path == "-" || w.closed {
		return OutputMark{}, nil
	}
	if err := w.f.Sync(); err != nil {
		w.err = fmt.Errorf("sync %s: %w", w.path, err)
		return OutputMark{}, w.err
	}
	return OutputMark{Path: w.abs, Offset: w.size}, nil
}

// Close syncs and closes the output file and returns the first error met, or
// nil. It creates no file when nothing was written, leaves standard output
// open, and does nothing when called again.
func (w *JSONLWriter) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return nil
	}
	w.closed = true
	if w.f == nil || w.path == "-" {
		return nil
	}
	syncErr := w.f.Sync()
	closeErr := w.f.Close()
	if syncErr != nil {
		return fmt.Errorf("close %s: sync: %w", w.path, syncErr)
	}
	if closeErr != nil {
		return fmt.Errorf("close %s: %w", w.path, closeErr)
	}
	return nil
}

// Path returns the output path as given to OpenJSONL ("-" for standard output).
func (w *JSONLWriter) Path() string { return w.path }

// Count returns the number of records written so far.
func (w *JSONLWriter) Count() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.count
}

// fillEmptyLists makes the nil lists of c empty, so they are written as []
// rather than null.
func fillEmptyLists(c *Record) {
	c.Thread.Breadcrumb = nonNil(c.Thread.Breadcrumb)
	c.Post.Quotes = nonNil(c.Post.Quotes)
	c.Post.Links = nonNil(c.Post.Links)
	c.Post.Images = nonNil(c.Post.Images)
	c.Post.Attachments = nonNil(c.Post.Attachments)
	c.Post.Reactions = nonNil(c.Post.Reactions)
	c.Author.Banners = nonNil(c.Author.Banners)
	c.Author.Fields = nonNil(c.Author.Fields)
}

// nonNil returns s, or an empty slice when s is nil.
func nonNil[S ~[]E, E any](s S) S {
	if s == nil {
		return S{}
	}
	return s
}

// syncDir commits a directory's entries (a file just created in it) to stable storage.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync directory %s: %w", dir, err)
	}
	return nil
}
