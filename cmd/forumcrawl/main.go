// Command forumcrawl crawls web forums into JSON Lines, one post a line with
// its thread and its author's profile.
//
//	forumcrawl crawl URL -o posts.jsonl   crawl a forum, board or thread
//	forumcrawl status --state DIR         how far a crawl is
//	forumcrawl merge -o FILE INPUT...      join workers' outputs, each post once
//	forumcrawl run job.yaml               run the crawls of a job file
//	forumcrawl parse FILE.html...         extract posts from saved pages
//	forumcrawl parse --warc FILE.warc.gz  re-extract posts from a crawl's WARC archive
//	forumcrawl stats POSTS.jsonl          count posts per board, author and month
//	forumcrawl authors POSTS.jsonl -o F   one line per distinct author
//	forumcrawl demo                       crawl a built-in demo forum
//	forumcrawl detect URL|FILE...         say which engine made a page, and why
//	forumcrawl selectors ENGINE           print an engine's selectors as YAML
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
)

// Exit codes.
const (
	exitOK      = 0 // all done
	exitPartial = 1 // finished, but some pages failed
	exitUsage   = 2 // bad usage or set-up error
)

const usage = `forumcrawl crawls web forums into JSON Lines: every post with its thread and author.

Usage:
  forumcrawl crawl URL -o FILE [flags]   crawl from a forum index, board or thread URL
  forumcrawl status --state DIR          how far a crawl is: pages done, pending, failed, per board
  forumcrawl merge -o FILE INPUT...      join the outputs of a crawl's workers, each post once
  forumcrawl run [flags] JOB.yaml        run the crawls of a job file (keys are crawl flags)
  forumcrawl parse [flags] FILE.html...  extract posts from saved pages to stdout
  forumcrawl parse --warc FILE.warc.gz   re-extract every post from a crawl's WARC archive, no network
  forumcrawl stats [flags] POSTS.jsonl   count posts per board, author and month (--json)
  forumcrawl authors POSTS.jsonl -o FILE one line per distinct author with the latest profile
  forumcrawl demo [flags]                crawl a built-in demo forum on 127.0.0.1
  forumcrawl detect [flags] URL|FILE...  say which engine made each page, and why
  forumcrawl selectors ENGINE            print an engine's selectors as YAML (edit; load with --selectors)
  forumcrawl help COMMAND                show a command's flags and examples

Output files named .gz or .zst are compressed (gzip, zstd); -o - writes to stdout.
Exit codes: 0 all done, 1 finished but some pages failed, 2 bad usage or set-up error,
130/143 stopped by SIGINT/SIGTERM (the first finishes in order, a second stops at once).
The output schema: docs/schema.md.
`

func main() {
	ctx, stop := notifyInterrupts(context.Background(), os.Stderr, os.Exit)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run runs one command and returns the process's exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "crawl":
		return runCrawl(ctx, rest, stdout, stderr)
	case "merge":
		return runMerge(ctx, rest, stdout, stderr)
	case "status":
		return runStatus(ctx, rest, stdout, stderr)
	case "run":
		return runJob(ctx, rest, stdout, stderr)
	case "parse":
		return runParse(ctx, rest, stdout, stderr)
	case "stats":
		return runStats(ctx, rest, stdout, stderr)
	case "authors":
		return runAuthors(ctx, rest, stdout, stderr)
	case "demo":
		return runDemo(ctx, rest, stdout, stderr)
	case "detect":
		return runDetect(ctx, rest, stdout, stderr)
	case "selectors":
		return runSelectors(ctx, rest, stdout, stderr)
	case "help", "-h", "--help", "-help":
		if len(rest) > 0 {
			return run(ctx, []string{rest[0], "--help"}, stdout, stderr)
		}
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(stderr, "forumcrawl: unknown command %q\n\n%s", cmd, usage)
		return exitUsage
	}
}

// errUsage marks errors in how the command was called.
var errUsage = errors.New("usage")
