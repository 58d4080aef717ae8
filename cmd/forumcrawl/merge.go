package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/forumcrawl/forumcrawl/storage"
)

const mergeExamples = `  forumcrawl merge -o all.jsonl posts-host1.jsonl posts-host2.jsonl posts-host3.jsonl
  forumcrawl merge -o - posts-*.jsonl | gzip > all.jsonl.gz
`

// runMerge is the merge command: the outputs of a crawl's workers joined,
// each post once.
func runMerge(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("merge", "forumcrawl merge -o FILE INPUT.jsonl...", mergeExamples, stderr)
	out := fs.String("o", "", "merged JSON Lines `file` (\"-\" for stdout); required")
	inputs, err := parseInterspersed(fs, args)
	if err != nil {
		return flagExit(err)
	}
	switch {
	case *out == "":
		fmt.Fprintln(stderr, "forumcrawl merge: -o FILE is required (use -o - for stdout)")
		return exitUsage
	case len(inputs) == 0:
		fmt.Fprintln(stderr, "forumcrawl merge: no input files given (see forumcrawl merge --help)")
		return exitUsage
	}
	for _, in := range inputs {
		if *out != "-" && sameFile(in, *out) {
			fmt.Fprintf(stderr, "forumcrawl merge: the output %s is also an input; write the merge to another file\n", *out)
			return exitUsage
		}
	}
	st, err := mergeTo(ctx, *out, inputs, stdout)
	if err != nil {
		fmt.Fprintln(stderr, "forumcrawl:", err)
		return exitUsage
	}
	fmt.Fprintf(stderr, "merged %d files: %d records read, %d written, %d duplicates left out\n", st.Files, st.Lines, st.Written, st.Duplicates)
	if st.Torn > 0 {
		fmt.Fprintf(stderr, "forumcrawl merge: %d inputs ended in a torn line (a worker killed mid-write): left out\n", st.Torn)
	}
	return exitOK
}

// mergeTo merges inputs into out: a temporary file beside it, renamed over
// it once whole, so a failed merge leaves no half-written output.
func mergeTo(ctx context.Context, out string, inputs []string, stdout io.Writer) (storage.MergeStats, error) {
	if out == "-" {
		return storage.Merge(ctx, stdout, inputs)
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".merge-*")
	if err != nil {
		return storage.MergeStats{}, fmt.Errorf("merge output %s: %w", out, err)
	}
	defer os.Remove(tmp.Name())
	st, err := storage.Merge(ctx, tmp, inputs)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), out)
	}
	if err != nil {
		return st, fmt.Errorf("merge output %s: %w", out, err)
	}
	return st, nil
}

// sameFile reports whether paths a and b name one existing file.
func sameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}
