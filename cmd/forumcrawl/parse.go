package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/forumcrawl/forumcrawl/parser"
	"github.com/forumcrawl/forumcrawl/scraper"
)

const parseExamples = `  forumcrawl parse saved-thread.html > posts.jsonl
  forumcrawl parse --url https://forum.example.com/threads/hello.345/ page.html
  forumcrawl parse --engine xenforo2 pages/*.html
  forumcrawl parse --warc forum.warc.gz -o posts.jsonl
  forumcrawl parse --engine generic saved-thread.html   # posts found by the page's structure
  forumcrawl parse --explain saved-thread.html          # which records the generic extractor chose, and why
`

// runParse is the parse command: saved pages to JSON Lines on stdout.
func runParse(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("parse", "forumcrawl parse [flags] FILE.html...", parseExamples, stderr)
	engine := fs.String("engine", "", "force the forum `engine` instead of detecting it (generic: find posts by the page's structure)")
	explain := fs.Bool("explain", false, "print how the generic extractor reads each page, with its selectors as a --selectors file, instead of records")
	pageURL := fs.String("url", "", "the `URL` the page was served from (default: its canonical link)")
	selectors := fs.String("selectors", "", "selector overrides for custom skins, a YAML `file` (see forumcrawl selectors)")
	wf := addWARCFlags(fs)
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if wf.warc != "" {
		return runParseWARC(ctx, wf, *engine, *selectors, files, stderr)
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "forumcrawl parse: no files given (see forumcrawl parse --help)")
		return exitUsage
	}
	overrides, err := loadSelectors(*selectors)
	if err != nil {
		fmt.Fprintln(stderr, "forumcrawl parse:", err)
		return exitUsage
	}
	p, err := parser.New(parser.Options{Engine: *engine, Overrides: overrides})
	if err != nil {
		fmt.Fprintln(stderr, "forumcrawl parse:", err)
		return exitUsage
	}
	if *explain {
		code := exitOK
		for _, f := range files {
			if ctx.Err() != nil {
				return 130
			}
			code = max(code, explainFile(p, f, *pageURL, *engine, stdout, stderr))
		}
		return code
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	code := exitOK
	for _, f := range files {
		if ctx.Err() != nil {
			return 130
		}
		raw, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(stderr, "forumcrawl parse:", err)
			code = exitPartial
			continue
		}
		st, _ := os.Stat(f)
		body, err := parser.Decode(raw, "")
		if err != nil {
			fmt.Fprintf(stderr, "forumcrawl parse: %s: %v\n", f, err)
		}
		u := *pageURL
		if u == "" {
			u = parser.GuessURL(body)
		}
		if u == "" {
			fmt.Fprintf(stderr, "forumcrawl parse: %s: the page names no URL of its own; give it with --url\n", f)
			code = exitUsage
			continue
		}
		page, err := p.Parse(u, body)
		if err != nil {
			fmt.Fprintf(stderr, "forumcrawl parse: %s: %v\n", f, err)
			code = exitPartial
			continue
		}
		for _, w := range page.Warnings {
			fmt.Fprintf(stderr, "forumcrawl parse: %s: %s\n", f, w)
		}
		if page.Kind == parser.KindUnknown {
			code = exitPartial
			continue
		}
		for _, rec := range scraper.Records(page, st.ModTime().UTC().Truncate(time.Second)) {
			if err := enc.Encode(rec); err != nil {
				fmt.Fprintln(stderr, "forumcrawl parse: write:", err)
				return exitPartial
			}
		}
	}
	return code
}
