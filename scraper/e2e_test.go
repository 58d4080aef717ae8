package scraper

import (
	"bufio"
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/forumcrawl/forumcrawl/forumsim"
	"github.com/forumcrawl/forumcrawl/parser"
	"github.com/forumcrawl/forumcrawl/storage"
)

// simForum starts a forumsim forum on loopback for one test.
func simForum(t *testing.T, cfg forumsim.Config) (*forumsim.Forum, *forumsim.Server) {
	t.Helper()
	f := forumsim.New(cfg)
	srv, err := forumsim.Start(f, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return f, srv
}

// crawlToFile crawls start into a JSON Lines file and returns its records.
func crawlToFile(t *testing.T, cfg Config) (*Summary, []storage.Record) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "posts.jsonl")
	w, err := storage.OpenJSONL(out, storage.JSONLOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cfg.NoDelay = true
	if cfg.Parallel == 0 {
		cfg.Parallel = 4
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	sum, err := Crawl(ctx, cfg, w)
	if err != nil {
		t.Fatalf("crawl: %v", err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(out)
	if os.IsNotExist(err) {
		return sum, nil
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := storage.ValidateJSONL("../docs/post.schema.json", f); err != nil {
		t.Errorf("output does not follow docs/post.schema.json: %v", err)
	}
	f.Seek(0, 0)
	var recs []storage.Record
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 4<<20), 4<<20)
	for sc.Scan() {
		var r storage.Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("line %d: %v", len(recs)+1, err)
		}
		recs = append(recs, r)
	}
	return sum, recs
}

// checkPosts asserts that recs hold exactly the truth posts want, each once,
// with every field as forumsim served it.
func checkPosts(t *testing.T, base string, recs []storage.Record, want []forumsim.PostTruth) {
	t.Helper()
	byID := map[string]storage.Record{}
	for _, r := range recs {
		if _, dup := byID[r.Post.ID]; dup {
			t.Errorf("post %s written twice", r.Post.ID)
		}
		byID[r.Post.ID] = r
	}
	if len(recs) != len(want) {
		t.Errorf("%d posts written, want %d", len(recs), len(want))
	}
	bad := 0
	for _, w := range want {
		r, ok := byID[w.ID]
		if !ok {
			t.Errorf("post %s (thread %s #%d) missing", w.ID, w.ThreadID, w.Position)
			continue
		}
		if diff := comparePost(base, r, w); diff != "" {
			bad++
			if bad <= 10 {
				t.Errorf("post %s: %s", w.ID, diff)
			}
		}
	}
	if bad > 10 {
		t.Errorf("... %d posts differ in all", bad)
	}
}

// comparePost returns what differs between a record and the truth, or "".
func comparePost(base string, r storage.Record, w forumsim.PostTruth) string {
	var d []string
	check := func(name string, got, want any) {
		if !reflect.DeepEqual(got, want) {
			d = append(d, name+": got "+jsonString(got)+", want "+jsonString(want))
		}
	}
	p, a := r.Post, r.Author
	check("thread.id", r.Thread.ID, w.ThreadID)
	check("url", p.URL, base+w.Path)
	check("position", p.Position, w.Position)
	check("page", p.Page, w.Page)
	if w.Zoned {
		check("posted_at", p.PostedAt != nil && p.PostedAt.Equal(w.PostedAt), true)
	} else { // the page shows a wall-clock time only: compare that
		check("posted_at wall clock", p.PostedAt != nil && p.PostedAt.Format("2006-01-02 15:04") == w.PostedAt.Format("2006-01-02 15:04"), true)
	}
	check("date_raw", p.DateRaw, w.DateRaw)
	check("edited_at", timeString(p.EditedAt), timeString(w.EditedAt))
	check("body_text", p.BodyText, w.BodyText)
	var quotes [][2]string
	for _, q := range p.Quotes {
		quotes = append(quotes, [2]string{q.Author + "/" + q.PostID, q.Text})
	}
	var wantQuotes [][2]string
	for _, q := range w.Quotes {
		wantQuotes = append(wantQuotes, [2]string{q.Author + "/" + q.PostID, q.Text})
	}
	check("quotes", quotes, wantQuotes)
	check("links", p.Links, orEmpty(w.Links))
	check("images", p.Images, orEmpty(w.Images))
	var atts []parser.Attachment
	for _, at := range w.Attachments {
		atts = append(atts, parser.Attachment{Name: at.Name, URL: base + at.URL})
	}
	check("attachments", p.Attachments, orEmptyA(atts))
	check("signature", p.Signature, w.Signature)
	check("author.name", a.Name, w.Author.Name)
	check("author.id", a.ID, w.Author.ID)
	wantURL := ""
	if w.Author.Path != "" {
		wantURL = base + w.Author.Path
	}
	check("author.url", a.URL, wantURL)
	check("author.title", a.Title, w.Author.Title)
	check("author.banners", a.Banners, orEmpty(w.Author.Banners))
	var fields []parser.Field
	for _, f := range w.Author.Fields {
		fields = append(fields, parser.Field{Label: f.Label, Value: f.Value})
	}
	if fields == nil {
		fields = []parser.Field{}
	}
	check("author.fields", a.Fields, fields)
	joined := ""
	if a.Joined != nil {
		joined = a.Joined.String()
	}
	check("author.joined", joined, w.Author.Joined)
	check("author.messages", deref(a.Messages), w.Author.Messages)
	check("author.reaction_score", deref(a.ReactionScore), w.Author.ReactionScore)
	check("author.points", a.Points, w.Author.Points)
	check("author.location", a.Location, w.Author.Location)
	check("author.country", a.Country, w.Author.Country)
	return strings.Join(d, "; ")
}

func deref(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

func timeString(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func orEmptyA(s []parser.Attachment) []parser.Attachment {
	if s == nil {
		return []parser.Attachment{}
	}
	return s
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	if len(b) > 300 {
		return string(b[:300]) + "..."
	}
	return string(b)
}

// checkFetchedOnce asserts that the server saw each path at most once, and
// only board and thread pages (no member pages, forms, jumps or sort variants).
// A path is a page's when it is, or its engine's canonical form of it is, a
// page path of the truth (vBulletin's pages are linked, and fetched, by
// friendly URLs; the truth names them by their canonical t=/f= forms).
func checkFetchedOnce(t *testing.T, f *forumsim.Forum, start string) {
	t.Helper()
	allowed := map[string]bool{start: true, f.RootURL(""): true}
	for _, p := range f.ThreadPagePaths() {
		allowed[p] = true
	}
	for _, b := range f.Boards() {
		for _, p := range b.PagePaths {
			allowed[p] = true
		}
	}
	var engine *parser.Engine
	for _, e := range parser.BuiltinEngines() {
		if e.Name == f.Engine() {
			engine = e
		}
	}
	for path, n := range f.Requests() {
		if n > 1 {
			t.Errorf("%s fetched %d times", path, n)
		}
		if !allowed[path] && !allowed[canonicalPath(path, engine)] {
			t.Errorf("%s fetched: not a board or thread page", path)
		}
	}
}

// canonicalPath returns the path and query of e's canonical form of path.
func canonicalPath(path string, e *parser.Engine) string {
	u, err := url.Parse("http://forum.test" + path)
	if err != nil || e == nil {
		return path
	}
	return parser.CanonicalURL(u, e).RequestURI()
}

// TestCrawlWholeForum crawls a forum of each engine forumsim renders from
// its index: every post once, as served, and no page fetched twice.
func TestCrawlWholeForum(t *testing.T) {
	for _, engine := range forumsim.EngineNames() {
		t.Run(engine, func(t *testing.T) { crawlWholeForum(t, engine) })
	}
}

func crawlWholeForum(t *testing.T, engine string) {
	f, srv := simForum(t, forumsim.Config{Engine: engine, Seed: 7, Boards: 3, SubBoards: 1, Threads: 40, MinPages: 1, MaxPages: 6})
	sum, recs := crawlToFile(t, Config{Start: f.RootURL(srv.URL)})
	checkPosts(t, srv.URL, recs, f.Posts())
	checkFetchedOnce(t, f, "")
	if len(sum.Failed) != 0 || sum.NotForum != 0 || sum.EmptyThreads != 0 {
		t.Errorf("summary: %d failed, %d not forum, %d empty threads; want none", len(sum.Failed), sum.NotForum, sum.EmptyThreads)
	}
	if sum.Threads != len(f.Threads()) || sum.Boards != len(f.Boards()) || sum.Posts != len(f.Posts()) {
		t.Errorf("summary counts %d threads, %d boards, %d posts; forum has %d, %d, %d",
			sum.Threads, sum.Boards, sum.Posts, len(f.Threads()), len(f.Boards()), len(f.Posts()))
	}
}

// TestCrawlFromBoard crawls one board (with its sub-board) and nothing else.
func TestCrawlFromBoard(t *testing.T) {
	f, srv := simForum(t, forumsim.Config{Seed: 11, Boards: 3, SubBoards: 1, Threads: 40, MinPages: 1, MaxPages: 6})
	var parent forumsim.BoardTruth
	inBoard := map[string]bool{}
	for _, b := range f.Boards() {
		if b.ParentID != "" {
			parent = forumsim.BoardTruth{ID: b.ParentID}
		}
	}
	for _, b := range f.Boards() {
		if b.ID == parent.ID || b.ParentID == parent.ID {
			if b.ID == parent.ID {
				parent = b
			}
			for _, id := range b.ThreadIDs {
				inBoard[id] = true
			}
		}
	}
	if parent.Path == "" {
		t.Fatal("forumsim made no board with a sub-board")
	}
	var want []forumsim.PostTruth
	for _, p := range f.Posts() {
		if inBoard[p.ThreadID] {
			want = append(want, p)
		}
	}
	_, recs := crawlToFile(t, Config{Start: srv.URL + parent.Path})
	checkPosts(t, srv.URL, recs, want)
	checkFetchedOnce(t, f, parent.Path)
}

// TestCrawlFromThreadPage crawls one thread from its third page: all its pages, nothing else.
func TestCrawlFromThreadPage(t *testing.T) {
	f, srv := simForum(t, forumsim.Config{Seed: 3, Threads: 12, MinPages: 4, MaxPages: 5})
	th := f.Threads()[0]
	var want []forumsim.PostTruth
	for _, p := range f.Posts() {
		if p.ThreadID == th.ID {
			want = append(want, p)
		}
	}
	sum, recs := crawlToFile(t, Config{Start: srv.URL + th.PagePaths[2]})
	checkPosts(t, srv.URL, recs, want)
	checkFetchedOnce(t, f, th.PagePaths[2])
	if sum.Pages != th.Pages {
		t.Errorf("%d pages fetched, thread has %d", sum.Pages, th.Pages)
	}
}

// TestCrawlLimits stops at --max-pages and --max-threads.
func TestCrawlLimits(t *testing.T) {
	t.Run("max pages", func(t *testing.T) {
		f, srv := simForum(t, forumsim.Config{Seed: 5, Threads: 20})
		sum, _ := crawlToFile(t, Config{Start: f.RootURL(srv.URL), MaxPages: 7})
		if sum.Pages != 7 || f.TotalRequests() != 7 {
			t.Errorf("%d pages parsed, %d requests served; want 7", sum.Pages, f.TotalRequests())
		}
	})
	t.Run("max threads", func(t *testing.T) {
		f, srv := simForum(t, forumsim.Config{Seed: 5, Threads: 20})
		_, recs := crawlToFile(t, Config{Start: f.RootURL(srv.URL), MaxThreads: 3})
		threads := map[string]bool{}
		for _, r := range recs {
			threads[r.Thread.ID] = true
		}
		if len(threads) != 3 {
			t.Errorf("posts of %d threads written, want 3", len(threads))
		}
	})
	t.Run("depth 1 from the index fetches the boards' first pages only", func(t *testing.T) {
		f, srv := simForum(t, forumsim.Config{Seed: 5, Threads: 20})
		sum, recs := crawlToFile(t, Config{Start: f.RootURL(srv.URL), Depth: 1})
		if len(recs) != 0 {
			t.Errorf("%d posts written at depth 1, want 0", len(recs))
		}
		var top int
		for _, b := range f.Boards() {
			if b.ParentID == "" {
				top++
			}
		}
		if sum.Pages < 1+top {
			t.Errorf("%d pages, want the index and %d boards at least", sum.Pages, top)
		}
		if slices.ContainsFunc(mapsKeys(f.Requests()), func(p string) bool { return strings.Contains(p, "/threads/") }) {
			t.Errorf("a thread was fetched at depth 1")
		}
	})
}

func mapsKeys(m map[string]int) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
