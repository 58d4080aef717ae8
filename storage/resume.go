package storage

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"time"
)

// Resume makes the output agree with the state st before a resumed run
// appends to it, and makes the writer append.
//
// The state knows where the output ended, synced, when the last page was
// marked done. Anything after that was written by a run that stopped before
// marking its page done: each complete line there is a post written, which
// Resume records in the state so it is not written again; a torn last line
// (the run was killed mid-write) is cut off, and said so in log. An output
// shorter than the state says was cut or replaced since: that is an error,
// as writing on would lose or double posts.
func (w *JSONLWriter) Resume(ctx context.Context, st State, log *slog.Logger) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.path == "-" {
		return nil
	}
	w.opts.Append = true
	mark, err := st.Output(ctx)
	if err != nil {
		return err
	}
	path := mark.Path
	if path == "" {
		path = w.abs // killed before its first page was marked done
	}
	posts, end, cut, err := recoverTail(path, mark.Offset)
	if errors.Is(err, fs.ErrNotExist) {
		if mark.Offset > 0 {
			return fmt.Errorf("resume output: %s is missing, but the state records %d bytes written to it; restore it, or start again with --reset-state", path, mark.Offset)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("resume output: %w", err)
	}
	if cut > 0 {
		log.Warn(fmt.Sprintf("output %s ended in a torn line (the last run was stopped mid-write): cut its %d bytes off", path, cut), "offset", end)
	}
	if len(posts) > 0 || end != mark.Offset {
		if len(posts) > 0 {
			log.Info(fmt.Sprintf("output %s holds %d posts written after the last page marked done: kept, and not written again", path, len(posts)))
		}
		if err := st.AddPosts(ctx, posts, OutputMark{Path: path, Offset: end}); err != nil {
			return err
		}
	}
	return nil
}

// tailLine is what recoverTail reads of a line: the post's identity.
type tailLine struct {
	Site string `json:"site"`
	Post struct {
		ID       string     `json:"id"`
		EditedAt *time.Time `json:"edited_at"`
	} `json:"post"`
	Revision int `json:"revision"`
}

// recoverTail reads the JSON Lines file at path (plain, gzip or zstd) from
// offset: it returns the posts of the complete lines there, the end of the
// last complete line (member, frame), and how many bytes of a torn tail it
// cut off the file.
func recoverTail(path string, offset int64) (posts []PostMark, end int64, cut int64, err error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, 0, 0, err
	}
	size := info.Size()
	if size < offset {
		return nil, 0, 0, fmt.Errorf("%s is %d bytes, shorter than the %d bytes the state records as written: it was cut or replaced since; restore it, or start again with --reset-state", path, size, offset)
	}
	n := 0
	end, torn, err := ScanFrom(path, offset, func(line []byte) error {
		n++
		var tl tailLine
		if err := json.Unmarshal(bytes.TrimSpace(line), &tl); err != nil {
			return fmt.Errorf("%s: line %d after byte %d is not a record (%v): the file was changed; restore it, or start again with --reset-state", path, n, offset, err)
		}
		if tl.Post.ID != "" {
			pm := PostMark{Key: tl.Site + "\x00" + tl.Post.ID, Revision: tl.Revision}
			if tl.Post.EditedAt != nil {
				pm.EditedAt = tl.Post.EditedAt.UTC()
			}
			posts = append(posts, pm)
		}
		return nil
	})
	if err != nil {
		return nil, 0, 0, err
	}
	if torn != nil {
		cut = size - end
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if err != nil {
			return nil, 0, 0, err
		}
		defer f.Close()
		if err := f.Truncate(end); err != nil {
			return nil, 0, 0, fmt.Errorf("%s: cut the torn tail: %w", path, err)
		}
		if err := f.Sync(); err != nil {
			return nil, 0, 0, fmt.Errorf("%s: %w", path, err)
		}
	}
	return posts, end, cut, nil
}
