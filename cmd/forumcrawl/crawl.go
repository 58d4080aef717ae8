package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/forumcrawl/forumcrawl/parser"
	rpt "github.com/forumcrawl/forumcrawl/report"
	"github.com/forumcrawl/forumcrawl/scraper"
	"github.com/forumcrawl/forumcrawl/storage"
)

const crawlExamples = `  forumcrawl crawl https://forum.example.com/ -o posts.jsonl
  forumcrawl crawl https://forum.example.com/ -o posts.jsonl.zst --authors authors.jsonl --warc forum.warc.gz
  forumcrawl crawl https://forum.example.com/forums/news.12/ -o news.jsonl --max-threads 50
  forumcrawl crawl https://forum.example.com/threads/hello.345/page-3 -o thread.jsonl
  forumcrawl crawl http://127.0.0.1:8090/community/ -o local.jsonl --delay 0 --parallel 8
  forumcrawl crawl https://forum.example.com/ -o posts.jsonl --summary summary.json --metrics-addr 127.0.0.1:9090 --log-format json
  forumcrawl crawl https://forum.example.com/ -o 'posts-{date}.jsonl' --delay 2s --print-config > nightly.yaml   # then: forumcrawl run nightly.yaml
  forumcrawl crawl https://forum.example.com/forums/members.9/ -o m.jsonl --cookies cookies.txt --rate 1 --contact mailto:me@example.org
`

// runCrawl is the crawl command.
func runCrawl(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("crawl", "forumcrawl crawl URL -o FILE [flags]", crawlExamples, stderr)
	var cfg scraper.Config
	out := fs.String("o", "", "output JSON Lines `file` (\"-\" for stdout); required")
	appendOut := fs.Bool("append", false, "append to the output file instead of replacing it")
	fs.StringVar(&cfg.Engine, "engine", "", "force the forum `engine` (e.g. xenforo2) instead of detecting it")
	selectors := fs.String("selectors", "", "selector overrides for custom skins, a YAML `file` (see forumcrawl selectors)")
	fs.IntVar(&cfg.Parallel, "parallel", 2, "requests in flight at once")
	delay := fs.Duration("delay", time.Second, "least time between requests to the host (0 for local runs)")
	fs.DurationVar(&cfg.Timeout, "timeout", 30*time.Second, "timeout of each request")
	fs.IntVar(&cfg.MaxPages, "max-pages", 0, "stop after this many pages (0: no limit)")
	fs.IntVar(&cfg.MaxThreads, "max-threads", 0, "follow at most this many threads (0: no limit)")
	fs.IntVar(&cfg.Depth, "depth", 0, "follow links at most this many hops from the start (0: no limit)")
	fs.StringVar(&cfg.UserAgent, "user-agent", scraper.DefaultUserAgent, "User-Agent header")
	level := fs.String("log-level", "info", "log level: debug, info, warn, error")
	memLimit := fs.String("memory-limit", defaultMemoryLimit, memoryLimitUsage)
	sf := addStateFlags(fs)
	sf.redis = addRedisFlags(fs)
	fetchOpts := addFetchFlags(fs)
	sf.fetch = fetchOpts
	ux := addReportFlags(fs)
	outFlags := addOutputFlags(fs)
	pos, err := parseCrawlArgs(ctx, fs, args, stdout)
	if err != nil {
		return flagExit(err)
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "forumcrawl crawl: want exactly one start URL (see forumcrawl crawl --help)")
		return exitUsage
	}
	if *out == "" {
		fmt.Fprintln(stderr, "forumcrawl crawl: -o FILE is required (use -o - for stdout)")
		return exitUsage
	}
	if err := applyMemoryLimit(*memLimit); err != nil {
		fmt.Fprintln(stderr, "forumcrawl crawl:", err)
		return exitUsage
	}
	if err := sf.redis.check(sf); err != nil {
		fmt.Fprintln(stderr, "forumcrawl crawl:", err)
		return exitUsage
	}
	cfg.Start = pos[0]
	cfg.Delay, cfg.NoDelay = *delay, *delay == 0
	log, err := ux.logger(stderr, *level)
	if err != nil {
		fmt.Fprintln(stderr, "forumcrawl crawl:", err)
		return exitUsage
	}
	cfg.Logger = log
	if _, err := scraper.ValidateStart(cfg.Start); err != nil {
		fmt.Fprintln(stderr, "forumcrawl crawl:", err)
		return exitUsage
	}
	if cfg.Overrides, err = loadSelectors(*selectors); err != nil {
		fmt.Fprintln(stderr, "forumcrawl crawl:", err)
		return exitUsage
	}
	if _, err := parser.New(parser.Options{Engine: cfg.Engine, Overrides: cfg.Overrides}); err != nil {
		fmt.Fprintln(stderr, "forumcrawl crawl:", err)
		return exitUsage
	}
	sf.apply(&cfg)
	if err := fetchOpts.apply(ctx, &cfg, log); err != nil {
		fmt.Fprintln(stderr, "forumcrawl crawl:", err)
		return exitUsage
	}
	// With --output-per-run the run writes a file of its own, but the state
	// stays beside -o, where the next run finds it.
	runOut := *out
	if sf.perRun && runOut != "-" {
		runOut = perRunOutput(runOut, time.Now())
	}
	return ux.run(ctx, &cfg, runOut, stderr, func(w io.Writer) (*scraper.Summary, int) {
		return crawlTo(ctx, cfg, crawlOutput{path: runOut, stateBase: *out, append: *appendOut}, sf, w, outFlags)
	})
}

// crawlOutput says where a crawl writes its posts.
type crawlOutput struct {
	path      string // the JSON Lines file of this run ("-": standard output)
	stateBase string // the -o the default state directory is named after ("" = path)
	append    bool   // append to path instead of replacing it
}

// crawlTo crawls cfg into the JSON Lines file o.path and returns the
// summary and the exit code. sf says where the crawl's state is; nil keeps a
// temporary one (the demo). outFlags are the other outputs (nil: none).
func crawlTo(ctx context.Context, cfg scraper.Config, o crawlOutput, sf *stateFlags, stderr io.Writer, outFlags *outputFlags) (*scraper.Summary, int) {
	out, stateBase := o.path, o.stateBase
	if stateBase == "" {
		stateBase = out
	}
	w, err := storage.OpenJSONL(out, storage.JSONLOptions{Append: o.append, Seen: storage.NopSeen{}})
	if err != nil {
		fmt.Fprintln(stderr, "forumcrawl:", err)
		return nil, exitUsage
	}
	if sf != nil && sf.redis != nil && sf.redis.enabled() {
		st, err := sf.redis.open(ctx, out, sf.reset)
		if err != nil {
			fmt.Fprintln(stderr, "forumcrawl:", err)
			return nil, exitUsage
		}
		defer st.Close()
		cfg.State = st
		// Politeness holds across the workers: one pace per host for all.
		if err := sf.fetch.shareLimits(ctx, &cfg, st); err != nil {
			fmt.Fprintln(stderr, "forumcrawl:", err)
			return nil, exitUsage
		}
	} else if sf != nil {
		st, err := sf.open(stateBase)
		if err != nil {
			fmt.Fprintln(stderr, "forumcrawl:", err)
			return nil, exitUsage
		}
		if st != nil {
			defer st.Close()
			cfg.State = st
		}
	}
	defer onSecondSignal(ctx, w.Halt)()
	outs, err := outFlags.open(&cfg, out, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "forumcrawl:", err)
		return nil, exitUsage
	}
	sum, err := scraper.Crawl(ctx, cfg, outs.sink(w))
	if cerr := w.Close(); cerr != nil && err == nil {
		err = fmt.Errorf("close output %s: %w", out, cerr)
	}
	if cerr := outs.close(); cerr != nil && err == nil {
		err = cerr
	}
	switch {
	case errors.Is(err, storage.ErrOtherCrawl), errors.Is(err, storage.ErrStateVersion), errors.Is(err, storage.ErrStateCorrupt):
		fmt.Fprintln(stderr, "forumcrawl:", err)
		return nil, exitUsage
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "forumcrawl: interrupted; the output holds every post written so far, each line complete")
		return sum, interruptedExit(ctx)
	case err != nil:
		fmt.Fprintln(stderr, "forumcrawl:", err)
		return sum, exitPartial
	case sum.Pages == 0 && len(sum.Failed) > 0:
		fmt.Fprintf(stderr, "forumcrawl: could not fetch the start page %s: %s\n", sum.Failed[0].URL, sum.Failed[0].Err)
		return sum, exitPartial
	case sum.Pages == 0 && len(sum.Skipped) > 0:
		fmt.Fprintf(stderr, "forumcrawl: the start page %s was skipped: %s\n", sum.Skipped[0].URL, sum.Skipped[0].Err)
		return sum, exitPartial
	case len(sum.Failed) > 0:
		return sum, exitPartial
	}
	return sum, exitOK
}

// printSummary writes a short account of the crawl.
func printSummary(w io.Writer, s *scraper.Summary, out string) {
	rpt.NewSummary(s, "", out, time.Now().Add(-s.Duration)).WriteTable(w)
}

// flagExit returns the exit code for a flag parsing error (0 for --help).
func flagExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitUsage
}
