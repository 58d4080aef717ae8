package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/forumcrawl/forumcrawl/forumsim"
	"github.com/forumcrawl/forumcrawl/scraper"
)

const demoExamples = `  forumcrawl demo
  forumcrawl demo -o /tmp/demo.jsonl --threads 100
`

// runDemo starts the built-in demo forum on a free loopback port, crawls it
// and says where the posts went.
func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("demo", "forumcrawl demo [flags]", demoExamples, stderr)
	out := fs.String("o", "demo-posts.jsonl", "output JSON Lines `file`")
	threads := fs.Int("threads", 40, "threads in the demo forum")
	seed := fs.Int64("seed", 1, "seed of the demo forum's content")
	level := fs.String("log-level", "warn", "log level: debug, info, warn, error")
	if _, err := parseInterspersed(fs, args); err != nil {
		return flagExit(err)
	}
	log, err := newLogger(stderr, *level)
	if err != nil {
		fmt.Fprintln(stderr, "forumcrawl demo:", err)
		return exitUsage
	}
	forum := forumsim.New(forumsim.Config{Seed: *seed, Threads: *threads})
	srv, err := forumsim.Start(forum, "")
	if err != nil {
		fmt.Fprintln(stderr, "forumcrawl demo: start the demo forum:", err)
		return exitUsage
	}
	defer srv.Close()
	start := forum.RootURL(srv.URL)
	fmt.Fprintf(stdout, "demo forum (XenForo 2 markup) serving at %s\ncrawling it into %s ...\n", start, *out)
	cfg := scraper.Config{Start: start, Parallel: 4, NoDelay: true, Timeout: 10 * time.Second, Logger: log}
	sum, code := crawlTo(ctx, cfg, crawlOutput{path: *out}, nil, stderr, nil)
	if sum == nil {
		return code
	}
	printSummary(stdout, sum, *out)
	fmt.Fprintf(stdout, "\nThe demo forum holds %d posts; %d were written to %s, one JSON object a line.\n", len(forum.Posts()), sum.Posts, *out)
	fmt.Fprintf(stdout, "Look at one:  head -n 1 %s\nThe fields:   docs/schema.md\n", *out)
	return code
}
