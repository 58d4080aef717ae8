package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/forumcrawl/forumcrawl/scraper"
	"github.com/forumcrawl/forumcrawl/storage"
)

// stateFlags are the crawl's flags about its state and runs.
type stateFlags struct {
	dir         string
	reset       bool
	incremental bool
	retryFailed bool
	perRun      bool
	redis       *redisFlags // a crawl shared through Redis; nil or disabled: bbolt
	fetch       *fetchFlags // the transport's options, to share its limits through Redis
}

// addStateFlags registers the state flags on fs.
func addStateFlags(fs *flag.FlagSet) *stateFlags {
	sf := &stateFlags{}
	fs.StringVar(&sf.dir, "state", "", "crawl state `directory`, to resume and for incremental runs (default: beside the output, e.g. posts.state for posts.jsonl)")
	fs.BoolVar(&sf.reset, "reset-state", false, "forget the state's crawl and start again from scratch")
	fs.BoolVar(&sf.incremental, "incremental", false, "fetch only what changed since the last run: new threads and new posts (a nightly job)")
	fs.BoolVar(&sf.retryFailed, "retry-failed", false, "fetch again the pages that failed in earlier runs")
	fs.BoolVar(&sf.perRun, "output-per-run", false, "write each run's posts to a new file named after -o and the run's start time (posts-20261130T0200Z.jsonl)")
	return sf
}

// defaultStateDir returns the state directory beside an output file:
// posts.jsonl (or .jsonl.gz, .jsonl.zst) gives posts.state.
func defaultStateDir(out string) string {
	base := out
	for _, ext := range []string{".gz", ".zst", ".jsonl", ".json", ".ndjson"} {
		base = strings.TrimSuffix(base, ext)
	}
	return base + ".state"
}

// perRunOutput returns the output path of a run that began at t: the
// run's time goes before the extension.
func perRunOutput(out string, t time.Time) string {
	dir, name := filepath.Split(out)
	stem, ext := name, ""
	if i := strings.Index(name, "."); i > 0 {
		stem, ext = name[:i], name[i:]
	}
	return filepath.Join(dir, stem+"-"+t.UTC().Format("20060102T150405Z")+ext)
}

// open opens the state for a crawl writing to out: the --state directory,
// else the one beside out; none for standard output without --state (the
// crawl then keeps a temporary one). With --reset-state the state's file is
// removed first.
func (sf *stateFlags) open(out string) (*storage.BoltState, error) {
	dir := sf.dir
	if dir == "" {
		if out == "-" {
			return nil, nil
		}
		dir = defaultStateDir(out)
	}
	if sf.reset {
		if err := os.Remove(filepath.Join(dir, storage.StateFile)); err != nil && !os.IsNotExist(err) {
			return nil, fmt.Errorf("reset state %s: %w", dir, err)
		}
	}
	return storage.OpenBoltState(dir, storage.BoltOptions{})
}

// apply sets the run flags on the crawl's config.
func (sf *stateFlags) apply(cfg *scraper.Config) {
	cfg.Incremental = sf.incremental
	cfg.RetryFailed = sf.retryFailed
}
