package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/forumcrawl/forumcrawl/storage"
)

const statusExamples = `  forumcrawl status --state posts.state
  forumcrawl status --state posts.state --json
  forumcrawl status --redis redis://redis.lan:6379/0 --crawl-id example
`

// runStatus prints how far the crawl in a state is.
func runStatus(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("status", "forumcrawl status (--state DIR | --redis URL --crawl-id NAME) [flags]", statusExamples, stderr)
	dir := fs.String("state", "", "crawl state `directory` (as given to crawl --state, or beside its output)")
	asJSON := fs.Bool("json", false, "print the status as JSON")
	failed := fs.Int("failed", 20, "list at most this many failed pages")
	rf := addRedisFlags(fs)
	if _, err := parseInterspersed(fs, args); err != nil {
		return flagExit(err)
	}
	if rf.enabled() || rf.crawlID != "" {
		if err := rf.check(nil); err != nil {
			fmt.Fprintln(stderr, "forumcrawl status:", err)
			return exitUsage
		}
		st, err := openRedisState(ctx, rf.url, rf.crawlID, "", 0)
		if err != nil {
			fmt.Fprintln(stderr, "forumcrawl status:", err)
			return exitUsage
		}
		defer st.Close()
		return writeStatus(ctx, st, *failed, *asJSON, stdout, stderr, func() { printRedisWorkers(ctx, stdout, st) })
	}
	if *dir == "" {
		fmt.Fprintln(stderr, "forumcrawl status: --state DIR (or --redis URL --crawl-id NAME) is required")
		return exitUsage
	}
	if _, err := os.Stat(filepath.Join(*dir, storage.StateFile)); err != nil {
		fmt.Fprintf(stderr, "forumcrawl status: no crawl state in %s: %v\n", *dir, err)
		return exitUsage
	}
	st, err := storage.OpenBoltState(*dir, storage.BoltOptions{})
	if err != nil {
		fmt.Fprintln(stderr, "forumcrawl status:", err)
		return exitUsage
	}
	defer st.Close()
	return writeStatus(ctx, st, *failed, *asJSON, stdout, stderr, nil)
}

// writeStatus prints the status of st as text (then more, when set) or as
// JSON, and returns the exit code.
func writeStatus(ctx context.Context, st storage.State, maxFailed int, asJSON bool, stdout, stderr io.Writer, more func()) int {
	rep, err := stateReport(ctx, st, maxFailed)
	if err != nil {
		fmt.Fprintln(stderr, "forumcrawl status:", err)
		return exitUsage
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			fmt.Fprintln(stderr, "forumcrawl status:", err)
			return exitPartial
		}
		return exitOK
	}
	printStatus(stdout, rep)
	if more != nil {
		more()
	}
	return exitOK
}

// statusReport is what status prints.
type statusReport struct {
	Crawl  storage.CrawlInfo  `json:"crawl"`
	Counts storage.Counts     `json:"counts"`
	Output storage.OutputMark `json:"output"`
	Boards []boardProgress    `json:"boards"`
	Failed []storage.Failure  `json:"failed"`
}

// boardProgress is how far the threads of one board were read.
type boardProgress struct {
	Board     string `json:"board"`
	Threads   int    `json:"threads"`    // threads the crawl knows of
	Read      int    `json:"read"`       // threads with at least one page read
	Complete  int    `json:"complete"`   // threads read to their last page as last shown
	PagesRead int    `json:"pages_read"` // the sum of the highest page read of each thread
}

// stateReport gathers the status of a state, listing at most maxFailed failures.
func stateReport(ctx context.Context, st storage.State, maxFailed int) (*statusReport, error) {
	rep := &statusReport{Boards: []boardProgress{}, Failed: []storage.Failure{}}
	info, err := st.Info(ctx)
	if err != nil {
		return nil, err
	}
	rep.Crawl = info
	if rep.Counts, err = st.Counts(ctx); err != nil {
		return nil, err
	}
	if rep.Output, err = st.Output(ctx); err != nil {
		return nil, err
	}
	boards := map[string]*boardProgress{}
	err = st.Threads(ctx, func(m storage.ThreadMark) error {
		if m.Kind != "" {
			return nil
		}
		b := boards[m.Board]
		if b == nil {
			b = &boardProgress{Board: m.Board}
			boards[m.Board] = b
		}
		b.Threads++
		if m.LastPage > 0 {
			b.Read++
			b.PagesRead += m.LastPage
			if m.LastPage >= m.PageCount {
				b.Complete++
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, b := range boards {
		rep.Boards = append(rep.Boards, *b)
	}
	sort.Slice(rep.Boards, func(i, j int) bool { return rep.Boards[i].Board < rep.Boards[j].Board })
	err = st.Failures(ctx, func(f storage.Failure) error {
		if len(rep.Failed) < maxFailed {
			rep.Failed = append(rep.Failed, f)
		}
		return nil
	})
	return rep, err
}

// printStatus writes a status report as text.
func printStatus(w io.Writer, r *statusReport) {
	c := r.Counts
	fmt.Fprintf(w, "crawl of %s (from %s, begun %s)\n", r.Crawl.Site, r.Crawl.Start, r.Crawl.Created.Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(w, "  pages done      %d\n  pages pending   %d\n  pages failed    %d\n  posts written   %d\n  threads known   %d\n", c.Done, c.Pending, c.Failed, c.Posts, c.Threads)
	if r.Output.Path != "" {
		fmt.Fprintf(w, "  output          %s (%d bytes synced)\n", r.Output.Path, r.Output.Offset)
	}
	switch {
	case c.Pending == 0 && c.Done > 0:
		fmt.Fprintln(w, "  state           complete (crawl --incremental fetches what changed since)")
	case c.Done > 0:
		fmt.Fprintln(w, "  state           unfinished (run the same crawl command again to go on)")
	}
	if len(r.Boards) > 0 {
		fmt.Fprintf(w, "\n  %-60s %8s %8s %9s %10s\n", "board", "threads", "read", "complete", "pages read")
		for _, b := range r.Boards {
			name := b.Board
			if name == "" {
				name = "(thread reached without its board)"
			}
			fmt.Fprintf(w, "  %-60s %8d %8d %9d %10d\n", name, b.Threads, b.Read, b.Complete, b.PagesRead)
		}
	}
	if len(r.Failed) > 0 {
		fmt.Fprintf(w, "\n  failed pages (crawl --retry-failed fetches them again):\n")
		for _, f := range r.Failed {
			fmt.Fprintf(w, "  %s (status %d, %d earlier attempts): %s\n", f.Request.URL, f.Status, f.Request.Attempts, f.Err)
		}
	}
}
