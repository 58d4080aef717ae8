package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// errConfigDone ends a crawl command that printed its configuration or lent
// its flags to a job file; it wraps flag.ErrHelp, so the command exits 0.
var errConfigDone = fmt.Errorf("configuration handled: %w", flag.ErrHelp)

// flagCapture receives the crawl command's flag set instead of a crawl
// (see crawlFlagSet).
type flagCapture struct{ fs *flag.FlagSet }

type flagCaptureKey struct{}

// crawlFlagSet returns a new flag set with every flag of the crawl command,
// as the crawl command defines them (so flags added there are known here).
func crawlFlagSet(ctx context.Context) *flag.FlagSet {
	c := &flagCapture{}
	runCrawl(context.WithValue(ctx, flagCaptureKey{}, c), nil, io.Discard, io.Discard)
	return c.fs
}

// parseCrawlArgs parses the crawl command's arguments and returns its
// positionals. It adds --print-config: given, it prints the job-file YAML of
// the flags given to stdout and returns errConfigDone. Under crawlFlagSet
// it hands fs over and returns errConfigDone without parsing.
func parseCrawlArgs(ctx context.Context, fs *flag.FlagSet, args []string, stdout io.Writer) ([]string, error) {
	printConfig := fs.Bool("print-config", false, "print the job-file YAML of the flags given, and exit (see forumcrawl run)")
	if c, ok := ctx.Value(flagCaptureKey{}).(*flagCapture); ok {
		c.fs = fs
		return nil, errConfigDone
	}
	pos, err := parseInterspersed(fs, args)
	if err != nil || !*printConfig {
		return pos, err
	}
	y, err := configYAML(fs, pos)
	if err != nil {
		fmt.Fprintln(fs.Output(), "forumcrawl crawl --print-config:", err)
		return nil, err
	}
	if _, err := stdout.Write(y); err != nil {
		return nil, err
	}
	return nil, errConfigDone
}

// jobOnly are the crawl flags a job file does not hold.
var jobOnly = map[string]bool{"print-config": true}

// configYAML returns a job file for the crawl of the flags set on fs and the
// start URLs pos: the flags given as keys, every other flag as a comment
// with its default and usage.
func configYAML(fs *flag.FlagSet, pos []string) ([]byte, error) {
	doc := &yaml.Node{Kind: yaml.MappingNode}
	add := func(key string, val *yaml.Node) {
		doc.Content = append(doc.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, val)
	}
	switch len(pos) {
	case 0:
	case 1:
		add("url", scalar(pos[0]))
	default:
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, p := range pos {
			seq.Content = append(seq.Content, scalar(p))
		}
		add("urls", seq)
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) {
		set[f.Name] = true
		if jobOnly[f.Name] {
			return
		}
		key := f.Name
		if key == "o" {
			key = "output"
		}
		if list, ok := listValue(f); ok {
			seq := &yaml.Node{Kind: yaml.SequenceNode}
			for _, v := range list {
				seq.Content = append(seq.Content, scalar(v))
			}
			add(key, seq)
			return
		}
		add(key, scalar(f.Value.String()))
	})
	var b bytes.Buffer
	b.WriteString("# forumcrawl job file: run it with  forumcrawl run FILE.yaml  (see docs/jobs.md)\n")
	if len(doc.Content) > 0 {
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		if err := enc.Encode(doc); err != nil {
			return nil, fmt.Errorf("encode YAML: %w", err)
		}
		if err := enc.Close(); err != nil {
			return nil, fmt.Errorf("encode YAML: %w", err)
		}
	}
	var rest []*flag.Flag
	fs.VisitAll(func(f *flag.Flag) {
		if !set[f.Name] && !jobOnly[f.Name] {
			rest = append(rest, f)
		}
	})
	sort.Slice(rest, func(i, j int) bool { return rest[i].Name < rest[j].Name })
	if len(rest) > 0 {
		b.WriteString("# Other crawl flags, at their defaults:\n")
	}
	for _, f := range rest {
		key := f.Name
		if key == "o" {
			key = "output"
		}
		_, usage := flag.UnquoteUsage(f)
		fmt.Fprintf(&b, "# %s: %s  # %s\n", key, yamlInline(f.DefValue), strings.ReplaceAll(usage, "\n", " "))
	}
	return b.Bytes(), nil
}

// listValue returns the values of a repeatable flag: one whose Value is a
// flag.Getter returning []string.
func listValue(f *flag.Flag) ([]string, bool) {
	g, ok := f.Value.(flag.Getter)
	if !ok {
		return nil, false
	}
	list, ok := g.Get().([]string)
	return list, ok
}

// scalar returns a YAML string node, quoted when YAML would read it otherwise.
func scalar(v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: v} }

// yamlInline returns v as one line of YAML, as plain as YAML allows.
func yamlInline(v string) string {
	if v == "" {
		return `""`
	}
	b, err := yaml.Marshal(scalar(v))
	if err != nil {
		return fmt.Sprintf("%q", v)
	}
	return strings.TrimSpace(string(b))
}
