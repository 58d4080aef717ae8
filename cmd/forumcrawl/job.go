package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/forumcrawl/forumcrawl/parser"
)

const runExamples = `  forumcrawl run nightly.yaml
  forumcrawl run --check nightly.yaml   # check the file and list its crawls; fetch nothing
  forumcrawl crawl https://forum.example.com/ -o 'posts-{date}.jsonl' --delay 2s --print-config > nightly.yaml

A job file's keys are the crawl command's flag names, plus url (or urls) and output:
  url: https://forum.example.com/
  output: posts-{host}-{date}.jsonl   # {date} 2026-01-31, {time} 153000, {host}, {n}
  delay: 2s
  max-threads: 500
Several crawls: top-level keys are shared, each entry of crawls: adds or overrides keys.
See docs/jobs.md (with cron and systemd timer examples).
`

// jobCrawl is one crawl of a job file, as crawl command arguments.
type jobCrawl struct {
	n      int    // 1-based number in the job
	where  string // file:line of its url
	url    string
	output string
	append bool // appends to output, so another crawl may write it too
	args   []string
}

// runJob is the run command: the crawls of a job file, one after another.
func runJob(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("run", "forumcrawl run [flags] JOB.yaml", runExamples, stderr)
	check := fs.Bool("check", false, "check the job file and print the crawls it holds, without running them")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "forumcrawl run: want one job file (see forumcrawl run --help)")
		return exitUsage
	}
	crawls, err := loadJob(ctx, pos[0], time.Now())
	if err != nil {
		fmt.Fprintln(stderr, "forumcrawl run:", err)
		return exitUsage
	}
	if *check {
		for _, c := range crawls {
			fmt.Fprintf(stdout, "crawl %d (%s): forumcrawl crawl %s\n", c.n, c.where, strings.Join(c.args, " "))
		}
		return exitOK
	}
	worst := exitOK
	for _, c := range crawls {
		fmt.Fprintf(stderr, "forumcrawl run: crawl %d of %d (%s): %s into %s\n", c.n, len(crawls), c.where, c.url, c.output)
		code := runCrawl(ctx, c.args, stdout, stderr)
		if ctx.Err() != nil {
			return interruptedExit(ctx)
		}
		worst = max(worst, code)
	}
	return worst
}

// setting is one key of a job file with its value.
type setting struct {
	key  string
	line int
	val  *yaml.Node
}

// loadJob reads the job file at path and returns its crawls, each checked
// against the crawl command's flags, or an error naming the file and line.
func loadJob(ctx context.Context, path string, now time.Time) ([]jobCrawl, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("job file: %w", err)
	}
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(b)).Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: empty job file", path)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d: a job file is a mapping of flag names to values", path, top.Line)
	}
	shared, err := settings(path, top)
	if err != nil {
		return nil, err
	}
	var entries [][]setting
	var list *yaml.Node
	for i, s := range shared {
		if s.key == "crawls" {
			list = s.val
			shared = append(shared[:i:i], shared[i+1:]...)
			break
		}
	}
	if list == nil {
		entries = [][]setting{shared}
	} else {
		if list.Kind != yaml.SequenceNode || len(list.Content) == 0 {
			return nil, fmt.Errorf("%s:%d: crawls: want a list of crawls, each a mapping", path, list.Line)
		}
		for _, item := range list.Content {
			if item.Kind != yaml.MappingNode {
				return nil, fmt.Errorf("%s:%d: crawls: each crawl is a mapping of flag names to values", path, item.Line)
			}
			own, err := settings(path, item)
			if err != nil {
				return nil, err
			}
			entries = append(entries, merge(shared, own))
		}
	}
	var crawls []jobCrawl
	outputs := map[string]string{}
	for _, e := range entries {
		urls, where, err := startURLs(path, e)
		if err != nil {
			return nil, err
		}
		for _, u := range urls {
			c, err := jobCrawlOf(ctx, path, e, u, len(crawls)+1, now)
			if err != nil {
				return nil, err
			}
			c.where = where
			if prev, dup := outputs[c.output]; dup && c.output != "-" && !c.append {
				return nil, fmt.Errorf("%s: crawls at %s and %s both write %s; put {host} or {n} in output, or set append: true", path, prev, where, c.output)
			}
			outputs[c.output] = where
			crawls = append(crawls, c)
		}
	}
	return crawls, nil
}

// settings returns the keys of a mapping in order, refusing a key given twice.
func settings(path string, m *yaml.Node) ([]setting, error) {
	var out []setting
	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if prev, dup := seen[k.Value]; dup {
			return nil, fmt.Errorf("%s:%d: key %q given twice (first at line %d)", path, k.Line, k.Value, prev)
		}
		seen[k.Value] = k.Line
		out = append(out, setting{key: k.Value, line: k.Line, val: v})
	}
	return out, nil
}

// merge returns the shared settings with own's keys replacing or added
// (url and urls count as one key: a crawl's own start replaces the shared one).
func merge(shared, own []setting) []setting {
	out := make([]setting, 0, len(shared)+len(own))
	mine := map[string]bool{}
	for _, s := range own {
		mine[startKey(s.key)] = true
	}
	for _, s := range shared {
		if !mine[startKey(s.key)] {
			out = append(out, s)
		}
	}
	return append(out, own...)
}

// startKey returns the key under which a setting replaces a shared one.
func startKey(k string) string {
	if k == "urls" {
		return "url"
	}
	return k
}

// startURLs returns the start URLs of a crawl entry (url or urls) and where
// they are given.
func startURLs(path string, e []setting) ([]string, string, error) {
	var urls []string
	where := ""
	for _, s := range e {
		switch s.key {
		case "url", "urls":
			if where != "" {
				return nil, "", fmt.Errorf("%s:%d: %s given beside url at %s; give url or urls", path, s.line, s.key, where)
			}
			where = fmt.Sprintf("%s:%d", path, s.line)
			vals, err := values(path, s, s.key == "urls")
			if err != nil {
				return nil, "", err
			}
			urls = vals
		}
	}
	if len(urls) == 0 {
		return nil, "", fmt.Errorf("%s: a crawl has no url (give url: or urls:)", path)
	}
	return urls, where, nil
}

// jobCrawlOf returns the crawl of entry e from start URL u: each key set on
// a fresh crawl flag set, so a bad key or value is found before any crawl runs.
func jobCrawlOf(ctx context.Context, path string, e []setting, u string, n int, now time.Time) (jobCrawl, error) {
	c := jobCrawl{n: n, url: u}
	fs := crawlFlagSet(ctx)
	host := ""
	if pu, err := url.Parse(u); err == nil {
		host = strings.ReplaceAll(pu.Host, ":", "_")
	}
	expand := strings.NewReplacer("{date}", now.Format("2006-01-02"), "{time}", now.Format("150405"), "{host}", host, "{n}", strconv.Itoa(n))
	for _, s := range e {
		key := s.key
		switch key {
		case "url", "urls":
			continue
		case "output":
			key = "o"
		}
		f := fs.Lookup(key)
		if f == nil || jobOnly[key] || key == "crawls" {
			return c, unknownKey(path, s, fs)
		}
		_, isList := listValue(f)
		vals, err := values(path, s, isList)
		if err != nil {
			return c, err
		}
		for _, v := range vals {
			v = expand.Replace(v)
			if err := fs.Set(key, v); err != nil {
				return c, fmt.Errorf("%s:%d: %s: %v", path, s.val.Line, s.key, err)
			}
			c.args = append(c.args, "--"+key+"="+v)
		}
		if key == "o" {
			c.output = fs.Lookup("o").Value.String()
		}
	}
	if f := fs.Lookup("append"); f != nil {
		c.append = f.Value.String() == "true"
	}
	if c.output == "" {
		return c, fmt.Errorf("%s: the crawl of %s has no output (give output: FILE, - for stdout)", path, u)
	}
	c.args = append(c.args, u)
	return c, nil
}

// values returns the value of a setting: one scalar, or with list a
// sequence of scalars.
func values(path string, s setting, list bool) ([]string, error) {
	v := s.val
	switch {
	case v.Kind == yaml.ScalarNode && v.Tag == "!!null":
		return nil, fmt.Errorf("%s:%d: %s has no value", path, s.line, s.key)
	case v.Kind == yaml.ScalarNode:
		return []string{v.Value}, nil
	case v.Kind == yaml.SequenceNode && list:
		var out []string
		for _, item := range v.Content {
			if item.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("%s:%d: %s: each item is one value", path, item.Line, s.key)
			}
			out = append(out, item.Value)
		}
		return out, nil
	case v.Kind == yaml.SequenceNode:
		return nil, fmt.Errorf("%s:%d: %s takes one value, not a list", path, v.Line, s.key)
	}
	return nil, fmt.Errorf("%s:%d: %s: want a value, not a mapping", path, v.Line, s.key)
}

// unknownKey returns the error of a key that is no crawl flag, with the
// nearest known key when one is close.
func unknownKey(path string, s setting, fs *flag.FlagSet) error {
	var names []string
	fs.VisitAll(func(f *flag.Flag) {
		if !jobOnly[f.Name] {
			names = append(names, f.Name)
		}
	})
	best := parser.ClosestName(s.key, append(names, "url", "urls", "output", "crawls"), 2)
	hint := ""
	if best != "" {
		hint = fmt.Sprintf(" (did you mean %q?)", best)
	}
	return fmt.Errorf("%s:%d: unknown key %q%s; a job's keys are the crawl flags (forumcrawl crawl --help), url, urls, output and crawls", path, s.line, s.key, hint)
}
