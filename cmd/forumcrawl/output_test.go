package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/nlnwa/gowarc/v3"

	"github.com/forumcrawl/forumcrawl/forumsim"
	"github.com/forumcrawl/forumcrawl/storage"
)

// startSim starts a forumsim forum on loopback for one test.
func startSim(t *testing.T, cfg forumsim.Config) (*forumsim.Forum, string) {
	t.Helper()
	f := forumsim.New(cfg)
	srv, err := forumsim.Start(f, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return f, f.RootURL(srv.URL)
}

// readLines returns the lines of a JSON Lines file, plain or compressed,
// failing the test when it is torn.
func readLines(t *testing.T, path string) []string {
	t.Helper()
	r, err := storage.OpenJSONLFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var lines []string
	for {
		l, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, string(l))
	}
	if err := r.Tail(); err != nil {
		t.Fatal(err)
	}
	return lines
}

// sameLines reports the first difference between two sets of lines, or "".
func sameLines(a, b []string) string {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	if len(a) != len(b) {
		return "different counts"
	}
	for i := range a {
		if a[i] != b[i] {
			return "line differs: " + a[i][:min(len(a[i]), 200)] + "\nvs " + b[i][:min(len(b[i]), 200)]
		}
	}
	return ""
}

func TestWARCRoundTripFromCLI(t *testing.T) {
	f, start := startSim(t, forumsim.Config{Seed: 11, Threads: 12, MaxPages: 3})
	dir := t.TempDir()
	out, warc := filepath.Join(dir, "posts.jsonl.zst"), filepath.Join(dir, "crawl.warc.gz")
	code, _, stderr := runCmd(t, "crawl", start, "-o", out, "--warc", warc, "--delay", "0", "--parallel", "4")
	if code != exitOK {
		t.Fatalf("crawl: exit %d; %s", code, stderr)
	}
	crawled := readLines(t, out)
	if len(crawled) != len(f.Posts()) {
		t.Errorf("crawl wrote %d posts, the forum has %d", len(crawled), len(f.Posts()))
	}
	served := pageRequests(f)

	re := filepath.Join(dir, "re.jsonl")
	code, _, stderr = runCmd(t, "parse", "--warc", warc, "-o", re)
	if code != exitOK {
		t.Fatalf("parse --warc: exit %d; %s", code, stderr)
	}
	if pageRequests(f) != served {
		t.Errorf("parse --warc made %d requests", pageRequests(f)-served)
	}
	if d := sameLines(crawled, readLines(t, re)); d != "" {
		t.Errorf("parse --warc differs from the crawl's output (fetched_at included): %s", d)
	}

	if !strings.Contains(stderr, fmt.Sprintf("%d pages parsed", served)) {
		t.Errorf("parse --warc should count the %d pages and not the robots.txt: %s", served, stderr)
	}

	// gowarc's own reader, strict, record by record: a warcinfo, then a
	// response and a request for every page the forum served, robots.txt
	// included.
	r, err := gowarc.NewWarcFileReader(warc, 0, gowarc.WithStrictValidation())
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	counts := map[string]int{}
	for rec, err := range r.Records() {
		if err != nil {
			t.Fatalf("record %d: %v", counts["all"]+1, err)
		}
		counts[rec.WarcRecord.Type().String()]++
		counts["all"]++
		if strings.HasSuffix(rec.WarcRecord.WarcHeader().Get(gowarc.WarcTargetURI), "/robots.txt") {
			counts["robots.txt "+rec.WarcRecord.Type().String()]++
		}
		rec.Close()
	}
	all := f.TotalRequests()
	if counts["warcinfo"] != 1 || counts["response"] != all || counts["request"] != all ||
		counts["robots.txt response"] != 1 || counts["robots.txt request"] != 1 {
		t.Errorf("records %v; the forum served %d pages and its robots.txt", counts, served)
	}
}

func TestParseCutWARCExitsOneWithWhatItHolds(t *testing.T) {
	_, start := startSim(t, forumsim.Config{Seed: 12, Threads: 6, MaxPages: 2})
	dir := t.TempDir()
	out, warc := filepath.Join(dir, "posts.jsonl"), filepath.Join(dir, "crawl.warc.gz")
	if code, _, stderr := runCmd(t, "crawl", start, "-o", out, "--warc", warc, "--delay", "0"); code != exitOK {
		t.Fatalf("crawl: exit %d; %s", code, stderr)
	}
	b, err := os.ReadFile(warc)
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(dir, "cut.warc.gz")
	os.WriteFile(cut, b[:len(b)*2/3], 0o644)
	re := filepath.Join(dir, "re.jsonl")
	code, _, stderr := runCmd(t, "parse", "--warc", cut, "-o", re)
	if code != exitPartial {
		t.Errorf("exit %d, want 1; %s", code, stderr)
	}
	if !strings.Contains(stderr, cut) || !strings.Contains(stderr, "at byte") || !strings.Contains(stderr, "record") {
		t.Errorf("stderr does not say where the archive stops: %s", stderr)
	}
	all := readLines(t, out)
	got := readLines(t, re)
	if len(got) == 0 || len(got) >= len(all) {
		t.Errorf("%d posts from two thirds of the archive, %d from all of it", len(got), len(all))
	}
	for _, l := range got {
		if !slices.Contains(all, l) {
			t.Fatalf("a post not in the crawl's output: %.100s", l)
		}
	}
}

func TestAuthorsAndStatsEqualForumTruth(t *testing.T) {
	f, start := startSim(t, forumsim.Config{Seed: 13, Threads: 15, MaxPages: 3})
	dir := t.TempDir()
	out, authors := filepath.Join(dir, "posts.jsonl.gz"), filepath.Join(dir, "authors.jsonl")
	if code, _, stderr := runCmd(t, "crawl", start, "-o", out, "--authors", authors, "--delay", "0", "--parallel", "4"); code != exitOK {
		t.Fatalf("crawl: exit %d; %s", code, stderr)
	}

	// The truth: posts per author (members by id, guests by name), per board, per month.
	type tally struct{ posts, threads int }
	wantAuthors, wantBoards, wantMonths := map[string]int{}, map[string]*tally{}, map[string]int{}
	boardOf := map[string]string{}
	for _, th := range f.Threads() {
		board := th.Breadcrumb[len(th.Breadcrumb)-1].Name
		boardOf[th.ID] = board
		if wantBoards[board] == nil {
			wantBoards[board] = &tally{}
		}
		wantBoards[board].threads++
	}
	for _, p := range f.Posts() {
		key := "id:" + p.Author.ID
		if p.Author.ID == "" {
			key = "name:" + p.Author.Name
		}
		wantAuthors[key]++
		wantBoards[boardOf[p.ThreadID]].posts++
		wantMonths[p.PostedAt.Format("2006-01")]++
	}

	lines := readLines(t, authors)
	if len(lines) != len(wantAuthors) {
		t.Errorf("%d authors written, the forum has %d", len(lines), len(wantAuthors))
	}
	for _, l := range lines {
		var a storage.AuthorLine
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatal(err)
		}
		key := "id:" + a.Author.ID
		if a.Author.ID == "" {
			key = "name:" + a.Author.Name
		}
		if a.Posts != wantAuthors[key] || a.FirstSeen == nil || a.LastSeen.Before(*a.FirstSeen) {
			t.Errorf("author %s: %d posts (first %v, last %v), the forum has %d", key, a.Posts, a.FirstSeen, a.LastSeen, wantAuthors[key])
		}
	}

	code, stdout, stderr := runCmd(t, "stats", "--json", "--top", "0", out)
	if code != exitOK {
		t.Fatalf("stats: exit %d; %s", code, stderr)
	}
	var st storage.Stats
	if err := json.Unmarshal([]byte(stdout), &st); err != nil {
		t.Fatal(err)
	}
	if st.Posts != len(f.Posts()) || st.Threads != len(f.Threads()) || st.Authors != len(wantAuthors) || st.Boards != len(wantBoards) {
		t.Errorf("stats: %d posts, %d threads, %d authors, %d boards; want %d, %d, %d, %d",
			st.Posts, st.Threads, st.Authors, st.Boards, len(f.Posts()), len(f.Threads()), len(wantAuthors), len(wantBoards))
	}
	for _, b := range st.ByBoard {
		if w := wantBoards[b.Name]; w == nil || w.posts != b.Posts || w.threads != b.Threads {
			t.Errorf("board %q: %d posts, %d threads; want %+v", b.Name, b.Posts, b.Threads, w)
		}
	}
	for _, m := range st.ByMonth {
		if m.Posts != wantMonths[m.Name] {
			t.Errorf("month %s: %d posts, want %d", m.Name, m.Posts, wantMonths[m.Name])
		}
	}
	if len(st.ByMonth) != len(wantMonths) || len(st.ByAuthor) != len(wantAuthors) {
		t.Errorf("%d months, %d authors listed; want %d, %d", len(st.ByMonth), len(st.ByAuthor), len(wantMonths), len(wantAuthors))
	}

	// The text table, and the authors command giving the same file from the posts.
	code, stdout, _ = runCmd(t, "stats", out)
	if code != exitOK || !strings.Contains(stdout, "per board") || !strings.Contains(stdout, "per month") {
		t.Errorf("stats text: exit %d\n%s", code, stdout)
	}
	rebuilt := filepath.Join(dir, "authors2.jsonl")
	if code, _, stderr := runCmd(t, "authors", out, "-o", rebuilt); code != exitOK {
		t.Fatalf("authors: exit %d; %s", code, stderr)
	}
	if d := sameLines(lines, readLines(t, rebuilt)); d != "" {
		t.Errorf("authors from the posts file differ from the crawl's: %s", d)
	}
}

func TestOutputToStdoutAndUnknownExtension(t *testing.T) {
	f, start := startSim(t, forumsim.Config{Seed: 14, Threads: 4, MaxPages: 2})

	// -o -: the lines go to the process's standard output, the summary to stderr.
	rd, wr, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stdout
	os.Stdout = wr
	done := make(chan []byte)
	go func() { b, _ := io.ReadAll(rd); done <- b }()
	code, _, stderr := runCmd(t, "crawl", start, "-o", "-", "--delay", "0")
	os.Stdout = saved
	wr.Close()
	got := <-done
	if code != exitOK {
		t.Fatalf("-o -: exit %d; %s", code, stderr)
	}
	if n := bytes.Count(got, []byte("\n")); n != len(f.Posts()) || !json.Valid(bytes.SplitN(got, []byte("\n"), 2)[0]) {
		t.Errorf("-o -: %d lines on stdout, the forum has %d posts", n, len(f.Posts()))
	}
	if !strings.Contains(stderr, "posts written") {
		t.Errorf("-o -: no summary on stderr")
	}

	// An extension of a compression forumcrawl does not write: plain, and said.
	out := filepath.Join(t.TempDir(), "posts.jsonl.bz2")
	code, _, stderr = runCmd(t, "crawl", start, "-o", out, "--delay", "0")
	if code != exitOK || !strings.Contains(stderr, "does not write .bz2") || !strings.Contains(stderr, "plain") {
		t.Errorf("exit %d, stderr %q; want a warning that .bz2 is written plain", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil || !json.Valid(bytes.SplitN(b, []byte("\n"), 2)[0]) {
		t.Errorf("%s is not plain JSON Lines: %v", out, err)
	}
}

// TestWARCOfAnInterruptedAndResumedCrawl interrupts a crawl with --warc and
// --authors, resumes it, and re-parses the archive, which holds both runs: it
// gives every post the two runs wrote, each once; the authors file counts the
// posts of both runs.
func TestWARCOfAnInterruptedAndResumedCrawl(t *testing.T) {
	f := forumsim.New(forumsim.Config{Seed: 15, Threads: 20, MinPages: 2, MaxPages: 4})
	started := make(chan struct{})
	var once sync.Once
	var served atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if served.Add(1) == 12 {
			once.Do(func() { close(started) })
		}
		f.Handler().ServeHTTP(w, r)
	}))
	defer srv.Close()
	dir := t.TempDir()
	out, warc := filepath.Join(dir, "posts.jsonl.gz"), filepath.Join(dir, "crawl.warc.gz")
	authors := filepath.Join(dir, "authors.jsonl")
	args := []string{"crawl", f.RootURL(srv.URL), "-o", out, "--warc", warc, "--authors", authors, "--delay", "10ms", "--parallel", "2"}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	var stderr bytes.Buffer
	go func() { done <- run(ctx, args, io.Discard, &stderr) }()
	<-started
	cancel()
	if code := <-done; code != 130 {
		t.Fatalf("interrupted crawl: exit %d; %s", code, stderr.String())
	}
	args[len(args)-3] = "0" // --delay 0 for the rest
	code, _, errOut := runCmd(t, args...)
	if code != exitOK {
		t.Fatalf("resumed crawl: exit %d; %s", code, errOut)
	}
	if !strings.Contains(errOut, "appending to the WARC archive") {
		t.Errorf("the resumed crawl does not say it appends to the archive: %s", errOut)
	}
	// The two runs together wrote every post once (a page committed while
	// the first run stopped keeps its links for the second)...
	crawled := readLines(t, out)
	ids := map[string]int{}
	for _, l := range crawled {
		var r struct {
			Post struct {
				ID string `json:"id"`
			} `json:"post"`
		}
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatal(err)
		}
		ids[r.Post.ID]++
	}
	for _, p := range f.Posts() {
		if ids[p.ID] != 1 {
			t.Errorf("post %s written %d times by the two runs, want once", p.ID, ids[p.ID])
		}
	}
	if len(ids) != len(f.Posts()) {
		t.Errorf("the two runs wrote %d distinct posts, the forum has %d", len(ids), len(f.Posts()))
	}
	// ...and the archive gives back what they wrote.
	re := filepath.Join(dir, "re.jsonl")
	if code, _, errOut := runCmd(t, "parse", "--warc", warc, "-o", re); code != exitOK {
		t.Fatalf("parse --warc: exit %d; %s", code, errOut)
	}
	// A page fetched in the first run but written in the second has its
	// first fetch time in the archive: compare the records without fetched_at.
	strip := func(lines []string) []string {
		var out []string
		for _, l := range lines {
			var m map[string]any
			if err := json.Unmarshal([]byte(l), &m); err != nil {
				t.Fatal(err)
			}
			delete(m, "fetched_at")
			b, _ := json.Marshal(m)
			out = append(out, string(b))
		}
		return out
	}
	if d := sameLines(strip(crawled), strip(readLines(t, re))); d != "" {
		t.Errorf("parse --warc of both runs differs from their posts: %s", d)
	}
	total := 0
	for _, l := range readLines(t, authors) {
		var a storage.AuthorLine
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatal(err)
		}
		total += a.Posts
	}
	if total != len(crawled) {
		t.Errorf("the authors file counts %d posts, the output holds %d", total, len(crawled))
	}
}

func TestOutputCommandsHelpAndBadInput(t *testing.T) {
	for _, cmd := range []string{"stats", "authors"} {
		code, _, stderr := runCmd(t, cmd, "--help")
		if code != exitOK || !strings.Contains(stderr, "Examples:") || !strings.Contains(stderr, "forumcrawl "+cmd) {
			t.Errorf("%s --help: exit %d, output %q", cmd, code, stderr)
		}
	}
	dir := t.TempDir()
	notJSON := filepath.Join(dir, "notes.jsonl")
	os.WriteFile(notJSON, []byte("{\"schema_version\":1}\nhello\n"), 0o644)
	tests := []struct {
		name string
		args []string
		code int
		says string
	}{
		{"stats of no file", []string{"stats"}, exitUsage, "no file given"},
		{"stats of a missing file", []string{"stats", filepath.Join(dir, "none.jsonl")}, exitUsage, "none.jsonl"},
		{"stats of a line that is not a record", []string{"stats", notJSON}, exitUsage, "line 2"},
		{"authors without -o", []string{"authors", notJSON}, exitUsage, "-o FILE"},
		{"parse of a missing WARC", []string{"parse", "--warc", filepath.Join(dir, "none.warc.gz")}, exitUsage, "none.warc.gz"},
		{"parse --warc with page files", []string{"parse", "--warc", notJSON, "a.html"}, exitUsage, "takes no page files"},
		{"crawl --authors into a missing directory", []string{"crawl", "http://127.0.0.1:1/", "-o", filepath.Join(dir, "p.jsonl"), "--authors", filepath.Join(dir, "no", "a.jsonl")}, exitUsage, "--authors"},
		{"crawl --warc onto a file that is not a WARC", []string{"crawl", "http://127.0.0.1:1/", "-o", filepath.Join(dir, "p.jsonl"), "--warc", notJSON}, exitUsage, "not a WARC"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.says) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tt.code, tt.says)
			}
		})
	}
}
