package report

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/forumcrawl/forumcrawl/scraper"
)

// Summary is the account of one crawl, for people (WriteTable) and
// programs (WriteJSONFile). Its JSON layout is documented in docs/jobs.md.
type Summary struct {
	Start       string            `json:"start"`       // the start URL
	Output      string            `json:"output"`      // the output file ("-" for stdout)
	StartedAt   time.Time         `json:"started_at"`  // when the crawl began
	Interrupted string            `json:"interrupted"` // the signal that stopped the crawl early ("interrupt", "terminated"), "" when it ran to its end
	ExitCode    int               `json:"exit_code"`   // the process's exit code for this crawl
	Pages       int               `json:"pages_fetched"`
	Failed      int               `json:"pages_failed"`
	FailedBy    map[string]int    `json:"pages_failed_by_kind"`    // e.g. {"http": 2, "timeout": 1}
	Skipped     int               `json:"pages_skipped"`           // fetched but not used
	SkippedBy   map[string]int    `json:"pages_skipped_by_reason"` // e.g. {"not_forum": 1, "empty_thread": 2}
	Pending     int               `json:"pages_pending"`           // pages left queued in the crawl's state, for the next run
	Resumed     bool              `json:"resumed"`                 // the run went on with a crawl an earlier run began
	Posts       int               `json:"posts_written"`
	Duplicates  int               `json:"posts_duplicate"` // posts seen again, not written again
	Threads     int               `json:"threads"`
	Boards      int               `json:"boards"`
	Authors     int               `json:"authors"` // distinct authors of the posts
	Bytes       int64             `json:"bytes"`
	Seconds     float64           `json:"duration_s"`
	PagesPerSec float64           `json:"pages_per_s"`
	Failures    []scraper.Failure `json:"failures"` // every failed page, with its error
}

// NewSummary returns the account of a crawl from start into output that
// began at began and ended with sum.
func NewSummary(sum *scraper.Summary, start, output string, began time.Time) *Summary {
	s := &Summary{
		Start: start, Output: output, StartedAt: began.UTC().Truncate(time.Second),
		Pages: sum.Pages, Failed: len(sum.Failed), FailedBy: sum.FailedByKind(),
		SkippedBy: sum.SkippedByReason(), Pending: sum.Pending, Resumed: sum.Resumed, Posts: sum.Posts, Duplicates: sum.Duplicates,
		Threads: sum.Threads, Boards: sum.Boards, Authors: sum.Authors, Bytes: sum.Bytes,
		Seconds: sum.Duration.Seconds(), Failures: slices.Clone(sum.Failed),
	}
	for _, n := range s.SkippedBy {
		s.Skipped += n
	}
	if s.Failures == nil {
		s.Failures = []scraper.Failure{}
	}
	if s.Seconds > 0 {
		s.PagesPerSec = float64(s.Pages+s.Failed) / s.Seconds
	}
	return s
}

// maxFailuresShown is how many failed pages WriteTable lists.
const maxFailuresShown = 10

// WriteTable writes the summary as a short table for people, with each
// failed page (the first few), its error and what to do about it.
func (s *Summary) WriteTable(w io.Writer) error {
	ew := &errWriter{w: w}
	dur := time.Duration(s.Seconds * float64(time.Second)).Round(time.Millisecond)
	ew.printf("\ncrawl summary")
	if s.Resumed {
		ew.printf(" (resumed)")
	}
	if s.Interrupted != "" {
		ew.printf(" (stopped early: %s)", s.Interrupted)
	}
	ew.printf("\n")
	ew.printf("  pages fetched   %d (%.1f MB)\n", s.Pages, float64(s.Bytes)/1e6)
	ew.printf("  pages failed    %d%s\n", s.Failed, byKey(s.FailedBy))
	ew.printf("  pages skipped   %d%s\n", s.Skipped, byKey(s.SkippedBy))
	if s.Pending > 0 {
		ew.printf("  pages pending   %d (run the same command again to go on)\n", s.Pending)
	}
	if s.Posts == 0 && s.Output != "-" {
		ew.printf("  posts written   0 (nothing new for %s)\n", s.Output)
	} else {
		ew.printf("  posts written   %d (to %s)\n", s.Posts, s.Output)
	}
	ew.printf("  threads         %d\n", s.Threads)
	ew.printf("  boards          %d\n", s.Boards)
	ew.printf("  authors         %d\n", s.Authors)
	ew.printf("  duration        %s (%.1f pages/s)\n", dur, s.PagesPerSec)
	for i, f := range s.Failures {
		if i == maxFailuresShown {
			ew.printf("  ... and %d more failed pages (all of them: --summary FILE)\n", len(s.Failures)-maxFailuresShown)
			break
		}
		ew.printf("  failed: %s (status %d): %s\n          %s\n", f.URL, f.Status, f.Err, f.Advice())
	}
	return ew.err
}

// byKey formats counts by key as " (a 1, b 2)", or "" when there are none.
func byKey(m map[string]int) string {
	if len(m) == 0 {
		return ""
	}
	out := " ("
	for i, k := range slices.Sorted(maps.Keys(m)) {
		if i > 0 {
			out += ", "
		}
		out += fmt.Sprintf("%s %d", k, m[k])
	}
	return out + ")"
}

// WriteJSONFile writes the summary as indented JSON to path, atomically: a
// reader sees the old file or the whole new one, never a part.
func (s *Summary) WriteJSONFile(path string) error {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return fmt.Errorf("summary %s: %w", path, err)
	}
	b = append(b, '\n')
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("summary %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return fmt.Errorf("summary %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("summary %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("summary %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("summary %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("summary %s: %w", path, err)
	}
	return nil
}

// errWriter keeps the first write error of a run of prints.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
