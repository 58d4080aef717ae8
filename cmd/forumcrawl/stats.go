package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/forumcrawl/forumcrawl/storage"
)

const statsExamples = `  forumcrawl stats posts.jsonl
  forumcrawl stats --top 20 posts.jsonl.gz
  forumcrawl stats --json posts.jsonl.zst > stats.json
`

// runStats is the stats command: counts of a posts file per board, author and month.
func runStats(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("stats", "forumcrawl stats [flags] POSTS.jsonl[.gz|.zst]...", statsExamples, stderr)
	asJSON := fs.Bool("json", false, "print the counts as JSON")
	top := fs.Int("top", 10, "list this many authors, most posts first (0: all)")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "forumcrawl stats: no file given (see forumcrawl stats --help)")
		return exitUsage
	}
	c := storage.NewStatsCounter()
	code := readRecords(ctx, "stats", files, stderr, c.Add)
	if code == exitUsage || code == 130 {
		return code
	}
	st := c.Stats(*top)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(st); err != nil {
			fmt.Fprintln(stderr, "forumcrawl stats:", err)
			return exitPartial
		}
		return code
	}
	printStats(stdout, st, *top)
	return code
}

// readRecords calls add with every record of files, and returns the exit
// code: 2 when a file cannot be read or holds a line that is not a record,
// 1 when a file ends in a torn tail (its whole lines are read).
func readRecords(ctx context.Context, cmd string, files []string, stderr io.Writer, add func(*storage.Record)) int {
	code := exitOK
	for _, f := range files {
		err := storage.EachRecord(f, func(r *storage.Record) error {
			add(r)
			return ctx.Err()
		})
		var te *storage.TornError
		switch {
		case errors.As(err, &te):
			fmt.Fprintf(stderr, "forumcrawl %s: %v; counting the %d whole lines before it\n", cmd, err, te.Lines)
			code = exitPartial
		case errors.Is(err, context.Canceled):
			return 130
		case err != nil:
			fmt.Fprintf(stderr, "forumcrawl %s: %v\n", cmd, err)
			return exitUsage
		}
	}
	return code
}

// printStats writes the counts as text tables.
func printStats(w io.Writer, st storage.Stats, top int) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	day := func(t *time.Time) string {
		if t == nil {
			return "-"
		}
		return t.Format(time.DateOnly)
	}
	fmt.Fprintf(w, "posts %d, threads %d, boards %d, authors %d, sites %s\n",
		st.Posts, st.Threads, st.Boards, st.Authors, strings.Join(st.Sites, " "))
	fmt.Fprintf(w, "posted from %s to %s", day(st.First), day(st.Last))
	if st.Duplicates > 0 {
		fmt.Fprintf(w, "; %d duplicate lines not counted", st.Duplicates)
	}
	fmt.Fprintln(w)

	fmt.Fprintln(w, "\nper board")
	fmt.Fprintln(tw, "posts\tthreads\t\tboard")
	for _, c := range st.ByBoard {
		fmt.Fprintf(tw, "%d\t%d\t\t%s\n", c.Posts, c.Threads, siteName(c, st))
	}
	tw.Flush()

	title := fmt.Sprintf("\ntop %d authors", top)
	if top <= 0 || st.Authors <= top {
		title = "\nper author"
	}
	fmt.Fprintln(w, title)
	fmt.Fprintln(tw, "posts\t\tauthor")
	for _, c := range st.ByAuthor {
		fmt.Fprintf(tw, "%d\t\t%s\n", c.Posts, siteName(c, st))
	}
	tw.Flush()

	fmt.Fprintln(w, "\nper month")
	fmt.Fprintln(tw, "posts\t\tmonth")
	for _, c := range st.ByMonth {
		fmt.Fprintf(tw, "%d\t\t%s\n", c.Posts, c.Name)
	}
	tw.Flush()
}

// siteName returns the count's name, after its site when there are several sites.
func siteName(c storage.Count, st storage.Stats) string {
	if len(st.Sites) > 1 {
		return c.Site + ": " + c.Name
	}
	return c.Name
}

const authorsExamples = `  forumcrawl authors posts.jsonl -o authors.jsonl
  forumcrawl authors posts-2025.jsonl.gz posts-2026.jsonl.zst -o authors.jsonl.gz
`

// runAuthors is the authors command: the authors file built from posts files.
func runAuthors(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("authors", "forumcrawl authors POSTS.jsonl[.gz|.zst]... -o FILE", authorsExamples, stderr)
	out := fs.String("o", "", "authors JSON Lines `file` to write (.gz/.zst compress); required")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(files) == 0 || *out == "" {
		fmt.Fprintln(stderr, "forumcrawl authors: want posts files and -o FILE (see forumcrawl authors --help)")
		return exitUsage
	}
	if _, warn := storage.CompressionFor(*out); warn != "" {
		fmt.Fprintln(stderr, "forumcrawl authors: warning:", warn)
	}
	a := storage.NewAuthors()
	code := readRecords(ctx, "authors", files, stderr, func(r *storage.Record) { a.Add([]storage.Record{*r}) })
	if code == exitUsage || code == 130 {
		return code
	}
	if err := a.WriteFile(*out); err != nil {
		fmt.Fprintln(stderr, "forumcrawl authors:", err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "%d authors written to %s\n", a.Len(), *out)
	return code
}
