package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/forumcrawl/forumcrawl/forumsim"
)

// writeJob writes a job file and returns its path.
func writeJob(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "job.yaml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// sampleValues returns values to try for a flag, most likely first: ones
// that fit its type as flag.Getter tells it, then common forms.
func sampleValues(f *flag.Flag) []string {
	var typed []string
	if g, ok := f.Value.(flag.Getter); ok {
		switch v := g.Get().(type) {
		case bool:
			typed = []string{fmt.Sprint(!v)}
		case int, int64, uint, uint64:
			typed = []string{"7", "9"}
		case float64:
			typed = []string{"1.5", "2.5"}
		case time.Duration:
			typed = []string{"3s", "4s"}
		case string:
			typed = []string{"sample-" + f.Name}
		case []string:
			return nil // lists are tried by the caller
		}
	}
	return append(typed, "7", "3s", "true", "2MiB", "sample-"+f.Name, "a=b", "127.0.0.1:9")
}

// TestEveryCrawlFlagIsSettableFromAJobFile walks the crawl command's flag set,
// so a flag added to crawl later is covered without changing this test.
func TestEveryCrawlFlagIsSettableFromAJobFile(t *testing.T) {
	ctx := context.Background()
	want := crawlFlagSet(ctx)
	var job strings.Builder
	job.WriteString("url: http://127.0.0.1:1/forum/\n")
	n := 0
	want.VisitAll(func(f *flag.Flag) {
		if jobOnly[f.Name] {
			return
		}
		key := f.Name
		if key == "o" {
			key = "output"
		}
		if _, isList := listValue(f); isList {
			for _, v := range []string{"sample-1", "sample-2"} {
				if err := want.Set(f.Name, v); err != nil {
					t.Errorf("list flag --%s refuses %q: %v", f.Name, v, err)
				}
			}
			fmt.Fprintf(&job, "%s: [sample-1, sample-2]\n", key)
			n++
			return
		}
		for _, v := range sampleValues(f) {
			if err := want.Set(f.Name, v); err == nil && f.Value.String() != f.DefValue {
				fmt.Fprintf(&job, "%s: %q\n", key, v)
				n++
				return
			}
		}
		t.Errorf("no value found to set --%s to other than its default %q; add one to sampleValues", f.Name, f.DefValue)
	})
	path := writeJob(t, job.String())
	crawls, err := loadJob(ctx, path, time.Now())
	if err != nil {
		t.Fatalf("load the job:\n%s\n%v", job.String(), err)
	}
	if len(crawls) != 1 {
		t.Fatalf("%d crawls, want 1", len(crawls))
	}
	got := crawlFlagSet(ctx)
	pos, err := parseInterspersed(got, crawls[0].args)
	if err != nil {
		t.Fatalf("the crawl's arguments %q do not parse: %v", crawls[0].args, err)
	}
	if len(pos) != 1 || pos[0] != "http://127.0.0.1:1/forum/" {
		t.Errorf("start URL %q, want the job's url", pos)
	}
	checked := 0
	want.VisitAll(func(f *flag.Flag) {
		if jobOnly[f.Name] {
			return
		}
		checked++
		if g := got.Lookup(f.Name).Value.String(); g != f.Value.String() {
			t.Errorf("--%s from the job is %q, want %q", f.Name, g, f.Value.String())
		}
	})
	if checked != n || n < 15 {
		t.Errorf("%d flags set from the job, %d checked; the crawl command has more", n, checked)
	}
}

func TestJobCrawlsReplaceSharedKeys(t *testing.T) {
	path := writeJob(t, `url: http://127.0.0.1:1/shared/
output: out-{n}.jsonl
delay: 2s
crawls:
  - {}
  - urls: [http://127.0.0.1:1/a/, http://127.0.0.1:1/b/]
    delay: 0s
`)
	crawls, err := loadJob(context.Background(), path, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ url, output, delay string }{
		{"http://127.0.0.1:1/shared/", "out-1.jsonl", "--delay=2s"},
		{"http://127.0.0.1:1/a/", "out-2.jsonl", "--delay=0s"},
		{"http://127.0.0.1:1/b/", "out-3.jsonl", "--delay=0s"},
	}
	if len(crawls) != len(want) {
		t.Fatalf("%d crawls, want %d", len(crawls), len(want))
	}
	for i, w := range want {
		c := crawls[i]
		args := strings.Join(c.args, " ")
		if c.url != w.url || c.output != w.output || !strings.Contains(args, w.delay) || strings.Count(args, "--delay=") != 1 {
			t.Errorf("crawl %d: %s into %s with %q; want %s into %s with %s", i+1, c.url, c.output, args, w.url, w.output, w.delay)
		}
	}
}

func TestJobFileMistakesNameTheLine(t *testing.T) {
	tests := []struct {
		name, job, want string
	}{
		{"a typo in a key", "url: http://127.0.0.1:1/\noutput: a.jsonl\nmax-thread: 50\n",
			`job.yaml:3: unknown key "max-thread" (did you mean "max-threads"?)`},
		{"a typo inside crawls", "delay: 0s\ncrawls:\n  - url: http://127.0.0.1:1/\n    output: a.jsonl\n    paralel: 4\n",
			`job.yaml:5: unknown key "paralel" (did you mean "parallel"?)`},
		{"a bad value", "url: http://127.0.0.1:1/\noutput: a.jsonl\n\nparallel: many\n", "job.yaml:4: parallel: "},
		{"a bad duration", "url: http://127.0.0.1:1/\noutput: a.jsonl\ndelay: soon\n", "job.yaml:3: delay: "},
		{"a list for one value", "url: http://127.0.0.1:1/\noutput: a.jsonl\ndelay: [1s, 2s]\n", "job.yaml:3: delay takes one value"},
		{"a key twice", "url: http://127.0.0.1:1/\noutput: a.jsonl\ndelay: 1s\ndelay: 2s\n", `job.yaml:4: key "delay" given twice (first at line 3)`},
		{"no value", "url: http://127.0.0.1:1/\noutput: a.jsonl\nengine:\n", "job.yaml:3: engine has no value"},
		{"no url", "output: a.jsonl\n", "has no url"},
		{"url and urls", "url: http://127.0.0.1:1/\nurls: [http://127.0.0.1:1/]\noutput: a.jsonl\n", "job.yaml:2: urls given beside url"},
		{"no output", "url: http://127.0.0.1:1/\n", "has no output"},
		{"two crawls into one file", "output: a.jsonl\nurls: [http://127.0.0.1:1/a/, http://127.0.0.1:1/b/]\n", "both write a.jsonl; put {host} or {n} in output"},
		{"print-config in a job", "url: http://127.0.0.1:1/\noutput: a.jsonl\nprint-config: true\n", `job.yaml:3: unknown key "print-config"`},
		{"not a mapping", "- url: http://127.0.0.1:1/\n", "job.yaml:1: a job file is a mapping"},
		{"crawls not a list", "crawls: {url: x}\n", "job.yaml:1: crawls: want a list"},
		{"broken YAML", "url: [\n", "job.yaml: yaml:"},
		{"empty", "", "empty job file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeJob(t, tt.job)
			code, _, stderr := runCmd(t, "run", path)
			if code != exitUsage {
				t.Errorf("exit %d, want %d", code, exitUsage)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr %q does not say %q", stderr, tt.want)
			}
		})
	}
	code, _, stderr := runCmd(t, "run", filepath.Join(t.TempDir(), "missing.yaml"))
	if code != exitUsage || !strings.Contains(stderr, "missing.yaml") {
		t.Errorf("a missing job file: exit %d, %q", code, stderr)
	}
}

func TestJobRunsEachCrawlWithItsPlaceholders(t *testing.T) {
	f := forumsim.New(forumsim.Config{Seed: 4, Threads: 8, MaxPages: 3})
	srv, err := forumsim.Start(f, "")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	th := f.Threads()[0]
	threadPosts := 0
	for _, p := range f.Posts() {
		if p.ThreadID == th.ID {
			threadPosts++
		}
	}
	dir := t.TempDir()
	job := fmt.Sprintf(`# shared by both crawls
delay: 0s
parallel: 4
no-progress: true
output: %[1]s/posts-{n}-{date}.jsonl
summary: %[1]s/summary-{n}.json
crawls:
  - url: %[2]s
  - url: %[3]s
    max-pages: 50
`, dir, f.RootURL(srv.URL), srv.URL+th.Path)
	code, _, stderr := runCmd(t, "run", writeJob(t, job))
	if code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	date := time.Now().Format("2006-01-02")
	for n, want := range map[int]int{1: len(f.Posts()), 2: threadPosts} {
		b, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("posts-%d-%s.jsonl", n, date)))
		if err != nil {
			t.Fatalf("crawl %d: %v", n, err)
		}
		if lines := bytes.Count(b, []byte("\n")); lines != want {
			t.Errorf("crawl %d wrote %d posts, want %d", n, lines, want)
		}
		if _, err := os.Stat(filepath.Join(dir, fmt.Sprintf("summary-%d.json", n))); err != nil {
			t.Errorf("crawl %d: no summary: %v", n, err)
		}
	}
	// The whole-forum crawl's summary file counts what the forum served.
	var sum struct {
		Pages   int `json:"pages_fetched"`
		Failed  int `json:"pages_failed"`
		Posts   int `json:"posts_written"`
		Threads int `json:"threads"`
		Boards  int `json:"boards"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "summary-1.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &sum); err != nil {
		t.Fatal(err)
	}
	pages := 1
	for _, b := range f.Boards() {
		pages += b.Pages
	}
	for _, th := range f.Threads() {
		pages += th.Pages
	}
	if sum.Pages != pages || sum.Failed != 0 || sum.Posts != len(f.Posts()) || sum.Threads != len(f.Threads()) || sum.Boards != len(f.Boards()) {
		t.Errorf("summary: %+v; the forum served %d pages, %d posts, %d threads, %d boards",
			sum, pages, len(f.Posts()), len(f.Threads()), len(f.Boards()))
	}
	if c := strings.Count(stderr, "crawl summary"); c != 2 {
		t.Errorf("%d summaries printed, want 2", c)
	}
}

func TestPrintConfigIsAJobFileForTheSameCrawl(t *testing.T) {
	out := filepath.Join(t.TempDir(), "posts.jsonl")
	args := []string{"http://127.0.0.1:1/forum/", "-o", out, "--max-threads", "5", "--delay", "0s", "--user-agent", "bot: #1", "--log-format", "json"}
	code, stdout, stderr := runCmd(t, append([]string{"crawl", "--print-config"}, args...)...)
	if code != exitOK {
		t.Fatalf("exit %d; stderr: %s", code, stderr)
	}
	if !regexp.MustCompile(`(?m)^# parallel: 2  # `).MatchString(stdout) {
		t.Errorf("flags left at their defaults are not listed as comments:\n%s", stdout)
	}
	crawls, err := loadJob(context.Background(), writeJob(t, stdout), time.Now())
	if err != nil {
		t.Fatalf("the printed config does not load:\n%s\n%v", stdout, err)
	}
	fromJob, direct := crawlFlagSet(context.Background()), crawlFlagSet(context.Background())
	if _, err := parseInterspersed(fromJob, crawls[0].args); err != nil {
		t.Fatal(err)
	}
	if _, err := parseInterspersed(direct, args); err != nil {
		t.Fatal(err)
	}
	direct.VisitAll(func(f *flag.Flag) {
		if g := fromJob.Lookup(f.Name).Value.String(); g != f.Value.String() {
			t.Errorf("--%s: %q through --print-config and run, %q given directly", f.Name, g, f.Value.String())
		}
	})
}

// TestEveryCommandHelpHasExamples takes the commands from the usage text,
// so a command added there is checked too.
func TestEveryCommandHelpHasExamples(t *testing.T) {
	cmds := regexp.MustCompile(`(?m)^  forumcrawl ([a-z]+) `).FindAllStringSubmatch(usage, -1)
	if len(cmds) < 6 {
		t.Fatalf("found %d commands in the usage text", len(cmds))
	}
	for _, m := range cmds {
		cmd := m[1]
		if cmd == "help" {
			continue
		}
		code, _, stderr := runCmd(t, cmd, "--help")
		if code != exitOK || !strings.Contains(stderr, "Examples:\n  forumcrawl "+cmd) {
			t.Errorf("%s --help: exit %d, no examples of it:\n%s", cmd, code, stderr)
		}
	}
}
