package storage

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"
)

// MergeStats says what Merge read and wrote.
type MergeStats struct {
	Files      int // inputs read
	Lines      int // records read
	Written    int // records written
	Duplicates int // records left out: the same post and revision was written before
	Torn       int // inputs that ended in a torn line (a killed writer), left out
}

// mergeLine is what Merge reads of a record: its post's identity and revision.
type mergeLine struct {
	Site    string `json:"site"`
	PageURL string `json:"page_url"`
	Post    struct {
		ID       string     `json:"id"`
		Position int        `json:"position"`
		EditedAt *time.Time `json:"edited_at"`
		BodyText string     `json:"body_text"`
	} `json:"post"`
	Revision int `json:"revision"`
}

// identity returns the key of a record's post and revision: site, post id,
// revision and edit time; for a post without an id, its page, place and text.
func (l *mergeLine) identity() string {
	edited := ""
	if l.Post.EditedAt != nil {
		edited = l.Post.EditedAt.UTC().Format(time.RFC3339Nano)
	}
	id := l.Post.ID
	if id == "" {
		sum := sha256.Sum256([]byte(l.Post.BodyText))
		id = "@" + l.PageURL + "#" + strconv.Itoa(l.Post.Position) + "#" + hex.EncodeToString(sum[:8])
	}
	return l.Site + "\x00" + id + "\x00" + strconv.Itoa(l.Revision) + "\x00" + edited
}

// Merge writes to w the records of the JSON Lines files inputs (each
// worker's output of one crawl), each post once: a post written by two
// workers, or twice by one, is written the first time it is read. Distinct
// revisions of a post (another revision number or edit time) are each kept
// once. Lines are copied as they are, in the order read.
//
// A line that is not a record is an error naming its file and line. A last
// line cut short (a worker killed mid-write) is left out and counted in
// Torn. Memory grows with the number of distinct posts (one key each), not
// with the size of the inputs.
func Merge(ctx context.Context, w io.Writer, inputs []string) (MergeStats, error) {
	var st MergeStats
	seen := map[string]struct{}{}
	bw := bufio.NewWriterSize(w, 1<<16)
	for _, path := range inputs {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		if err := mergeFile(path, bw, seen, &st); err != nil {
			return st, err
		}
		st.Files++
	}
	if err := bw.Flush(); err != nil {
		return st, fmt.Errorf("merge: write: %w", err)
	}
	return st, nil
}

// mergeFile copies the records of one input not seen before to w.
func mergeFile(path string, w *bufio.Writer, seen map[string]struct{}, st *MergeStats) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<16)
	for n := 1; ; n++ {
		line, err := r.ReadBytes('\n')
		last := errors.Is(err, io.EOF) // line has no newline
		if err != nil && !last {
			return fmt.Errorf("merge: read %s: %w", path, err)
		}
		if len(bytes.TrimSpace(line)) > 0 {
			var l mergeLine
			jerr := json.Unmarshal(line, &l)
			if jerr == nil && l.Site == "" {
				jerr = errors.New("no site")
			}
			switch {
			case jerr != nil && last:
				st.Torn++ // cut short by a killed writer
				return nil
			case jerr != nil:
				return fmt.Errorf("merge: %s line %d: not a record: %v", path, n, jerr)
			case last:
				line = append(line, '\n')
			}
			st.Lines++
			key := l.identity()
			if _, dup := seen[key]; dup {
				st.Duplicates++
			} else {
				seen[key] = struct{}{}
				if _, err := w.Write(line); err != nil {
					return fmt.Errorf("merge: write: %w", err)
				}
				st.Written++
			}
		}
		if last {
			return nil
		}
	}
}
