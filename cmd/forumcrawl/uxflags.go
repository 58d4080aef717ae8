package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/term"

	rpt "github.com/forumcrawl/forumcrawl/report"
	"github.com/forumcrawl/forumcrawl/scraper"
)

// reportFlags are the crawl's flags for progress, logs, the summary and
// metrics, and what they set up.
type reportFlags struct {
	logFormat   string
	noProgress  bool
	interval    time.Duration
	summary     string
	metricsAddr string

	tally    *rpt.Tally
	progress *rpt.Progress
	log      *slog.Logger
}

// addReportFlags defines the report flags on fs.
func addReportFlags(fs *flag.FlagSet) *reportFlags {
	u := &reportFlags{}
	fs.StringVar(&u.logFormat, "log-format", "text", "log format: text or json (one JSON object a line)")
	fs.BoolVar(&u.noProgress, "no-progress", false, "no live progress display on a terminal; log a progress line every --progress-interval instead")
	fs.DurationVar(&u.interval, "progress-interval", 10*time.Second, "time between progress log lines when not on a terminal (0: none)")
	fs.StringVar(&u.summary, "summary", "", "also write the crawl summary as JSON to this `file` (replaced atomically)")
	fs.StringVar(&u.metricsAddr, "metrics-addr", "", "serve Prometheus metrics at http://`host:port`/metrics during the crawl (e.g. 127.0.0.1:9090)")
	return u
}

// logger returns the crawl's logger at level, in the chosen format; its
// lines show above the live progress display when there is one.
func (u *reportFlags) logger(stderr io.Writer, level string) (*slog.Logger, error) {
	u.tally = rpt.NewTally()
	u.progress = rpt.NewProgress(u.tally, rpt.ProgressOptions{
		Out: stderr, Live: !u.noProgress && isTerminal(stderr), Interval: u.interval,
	})
	log, err := newLoggerFormat(u.progress.LogWriter(), level, u.logFormat)
	u.log = log
	return log, err
}

// run sets up metrics and progress around crawl, then prints the summary
// (and writes it with --summary) and returns crawl's exit code. crawl gets
// the writer for its messages: above the live display while there is one. A metrics
// address that cannot be listened on, or a summary file that cannot be
// written, exits 2 before anything is fetched.
func (u *reportFlags) run(ctx context.Context, cfg *scraper.Config, out string, stderr io.Writer, crawl func(stderr io.Writer) (*scraper.Summary, int)) int {
	if u.tally == nil { // logger was not called
		if _, err := u.logger(stderr, "info"); err != nil {
			fmt.Fprintln(stderr, "forumcrawl crawl:", err)
			return exitUsage
		}
	}
	if u.summary != "" {
		if err := checkDirWritable(u.summary); err != nil {
			fmt.Fprintf(stderr, "forumcrawl crawl: --summary %s: %v\n", u.summary, err)
			return exitUsage
		}
	}
	var metrics *rpt.Metrics
	if u.metricsAddr != "" {
		metrics = rpt.NewMetrics()
		srv, err := rpt.ServeMetrics(metrics, u.metricsAddr)
		if err != nil {
			fmt.Fprintln(stderr, "forumcrawl crawl:", err)
			return exitUsage
		}
		defer srv.Close()
		u.log.Info("serving metrics", "url", "http://"+srv.Addr()+"/metrics")
	}
	obs := []scraper.Observer{cfg.Observer, u.tally}
	if metrics != nil {
		obs = append(obs, metrics)
	}
	cfg.Observer = rpt.Observers(obs...)

	defer noticesTo(ctx, u.progress.LogWriter())()
	began := time.Now()
	if u.interval > 0 || isTerminal(stderr) && !u.noProgress {
		// Not stopped by a signal: the display goes on while the pages in flight finish.
		u.progress.Start(context.WithoutCancel(ctx), u.log)
	}
	sum, code := crawl(u.progress.LogWriter())
	u.progress.Stop()
	if sum == nil {
		return code
	}
	s := rpt.NewSummary(sum, cfg.Start, out, began)
	s.Interrupted, s.ExitCode = interruptedBy(ctx), code
	if err := s.WriteTable(stderr); err != nil {
		u.log.Error("could not print the summary", "err", err)
	}
	if u.summary != "" {
		if err := s.WriteJSONFile(u.summary); err != nil {
			u.log.Error("could not write the summary file; the posts are written", "err", err, "what_to_do", "check the disk and the path given to --summary")
			if code == exitOK {
				code = exitPartial
			}
		}
	}
	return code
}

// checkDirWritable returns nil when a file could be created beside path.
func checkDirWritable(path string) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".forumcrawl-probe-*")
	if err != nil {
		return fmt.Errorf("cannot create a file there: %w", err)
	}
	f.Close()
	return os.Remove(f.Name())
}

// isTerminal reports whether w is a terminal a live display can be drawn
// on: one that says how wide it is (a pseudo-terminal of 0 columns, as some
// CI runners give, gets log lines instead).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return false
	}
	cols, _, err := term.GetSize(int(f.Fd()))
	return err == nil && cols > 0
}

// newLoggerFormat returns a logger to w at the named level, as text or JSON.
func newLoggerFormat(w io.Writer, level, format string) (*slog.Logger, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(strings.ToUpper(level))); err != nil {
		return nil, fmt.Errorf("--log-level %q: want debug, info, warn or error", level)
	}
	opts := &slog.HandlerOptions{Level: l}
	switch format {
	case "text", "":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("--log-format %q: want text or json", format)
}
