package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/forumcrawl/forumcrawl/parser"
)

const selectorsExamples = `  forumcrawl selectors xenforo2 > my-skin.yaml     # then keep and edit the fields you change
  forumcrawl detect --selectors my-skin.yaml saved-page.html
  forumcrawl crawl https://forum.example.com/ -o posts.jsonl --selectors my-skin.yaml
`

// runSelectors is the selectors command: an engine's built-in selector
// table on stdout, in the YAML that --selectors loads.
func runSelectors(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("selectors", "forumcrawl selectors ENGINE", selectorsExamples, stderr)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(pos) != 1 {
		p, _ := parser.New(parser.Options{})
		fmt.Fprintf(stderr, "forumcrawl selectors: want one engine name, one of: %s\n", strings.Join(p.Engines(), ", "))
		return exitUsage
	}
	y, err := parser.SelectorsYAML(pos[0])
	if err != nil {
		fmt.Fprintln(stderr, "forumcrawl selectors:", err)
		return exitUsage
	}
	if _, err := stdout.Write(y); err != nil {
		fmt.Fprintln(stderr, "forumcrawl selectors: write:", err)
		return exitPartial
	}
	return exitOK
}

// loadSelectors returns the selector overrides in the YAML file at path,
// nil for no path, or an error naming the file and the line.
func loadSelectors(path string) (*parser.Overrides, error) {
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("--selectors: %w", err)
	}
	o, err := parser.LoadOverrides(data)
	if err != nil {
		return nil, fmt.Errorf("--selectors %s: %w", path, err)
	}
	return o, nil
}
