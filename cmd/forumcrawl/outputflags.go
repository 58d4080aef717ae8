package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/forumcrawl/forumcrawl/scraper"
	"github.com/forumcrawl/forumcrawl/storage"
)

// outputFlags are the crawl's outputs beside -o: the authors file and the WARC archive.
type outputFlags struct {
	authors string
	warc    string
}

// addOutputFlags defines --authors and --warc on fs.
func addOutputFlags(fs *flag.FlagSet) *outputFlags {
	o := &outputFlags{}
	fs.StringVar(&o.authors, "authors", "", "also write one JSON line per distinct author, with the latest profile seen, to this `file` at the end")
	fs.StringVar(&o.warc, "warc", "", "archive every response and its request as WARC/1.1 records in this `file` (.warc.gz: each record gzipped)")
	return o
}

// outputs are the extra outputs of one crawl, open.
type outputs struct {
	authorsPath string
	authors     *storage.Authors
	earlier     string // the output, when it held posts before this run
	warc        *storage.WARCWriter
	stderr      io.Writer
}

// open checks the outputs, warns of an output extension that is written
// plain, opens the WARC file and sets cfg's archiver. It returns nil when
// there is nothing to open (o nil).
func (o *outputFlags) open(cfg *scraper.Config, out string, stderr io.Writer) (*outputs, error) {
	if _, warn := storage.CompressionFor(out); warn != "" {
		fmt.Fprintln(stderr, "forumcrawl: warning:", warn)
	}
	if o == nil {
		return nil, nil
	}
	op := &outputs{stderr: stderr, authorsPath: o.authors}
	if st, err := os.Stat(out); err == nil && st.Mode().IsRegular() && st.Size() > 0 {
		op.earlier = out // a resumed crawl appends to it: its authors are counted from the whole file
	}
	if o.authors != "" {
		if o.authors == out {
			return nil, fmt.Errorf("--authors %s: the same file as -o", o.authors)
		}
		if err := storage.CheckWritable(o.authors); err != nil {
			return nil, fmt.Errorf("--authors %s: %w", o.authors, err)
		}
		op.authors = storage.NewAuthors()
	}
	if o.warc != "" {
		if !strings.HasSuffix(o.warc, ".warc.gz") && !strings.HasSuffix(o.warc, ".warc") {
			how := "uncompressed"
			if strings.HasSuffix(o.warc, ".gz") {
				how = "gzipped"
			}
			fmt.Fprintf(stderr, "forumcrawl: warning: --warc %s: WARC files are named .warc.gz (or .warc uncompressed); writing records %s\n", o.warc, how)
		}
		w, err := storage.OpenWARC(o.warc, scraper.DefaultUserAgent)
		if err != nil {
			return nil, fmt.Errorf("--warc: %w", err)
		}
		if n, cut := w.Appended(); n > 0 {
			fmt.Fprintf(stderr, "forumcrawl: appending to the WARC archive %s (%d records)", o.warc, n)
			if cut > 0 {
				fmt.Fprintf(stderr, "; cut off its torn last record (%d bytes), left by a run that stopped mid-write", cut)
			}
			fmt.Fprintln(stderr)
		}
		op.warc = w
		cfg.Archiver = scraper.WARCArchiver(w)
	}
	return op, nil
}

// sink returns s, wrapped to gather authors when --authors is given.
func (op *outputs) sink(s scraper.Sink) scraper.Sink {
	if op == nil || op.authors == nil {
		return s
	}
	return storage.AuthorsSink{Next: s, Authors: op.authors}
}

// close closes the WARC file and writes the authors file.
func (op *outputs) close() error {
	if op == nil {
		return nil
	}
	var errs []error
	if op.warc != nil {
		errs = append(errs, op.warc.Close())
		fmt.Fprintf(op.stderr, "forumcrawl: archived %d WARC records to %s\n", op.warc.Records(), op.warc.Path())
	}
	if op.authors != nil {
		if op.earlier != "" {
			// The run may have appended to the posts of earlier runs (or
			// replaced them): the file holds the posts to count either way.
			a, err := storage.AuthorsFromJSONL(op.earlier)
			var te *storage.TornError
			if err != nil && !errors.As(err, &te) {
				return errors.Join(append(errs, fmt.Errorf("--authors: %w", err))...)
			}
			op.authors = a
		}
		if err := op.authors.WriteFile(op.authorsPath); err != nil {
			errs = append(errs, err)
		} else {
			fmt.Fprintf(op.stderr, "forumcrawl: wrote %d authors to %s\n", op.authors.Len(), op.authorsPath)
		}
	}
	return errors.Join(errs...)
}
