package parser

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// smfTruth is what ../shared/fixtures/smf-local/TRUTH.json says of the pages
// of a real SMF 2.1.4 install.
type smfTruth struct {
	Boards []struct {
		ID   string `json:"id_board"`
		Name string `json:"name"`
	} `json:"boards"`
	Files []struct {
		File    *string `json:"file"`
		URL     string  `json:"url"`
		Kind    string  `json:"kind"`
		Viewer  string  `json:"viewer"`
		Fetched int64   `json:"fetched_at_unix"`
		Thread  int     `json:"thread_id"`
		Forum   int     `json:"forum_id"`
		Page    int     `json:"page"`
		Pages   int     `json:"total_pages"`
		Posts   []struct {
			Position   int    `json:"position"`
			ID         int    `json:"post_id"`
			AuthorName string `json:"author_name"`
			AuthorID   int    `json:"author_id"`
			Posted     int64  `json:"posted_unix"`
		} `json:"posts"`
		Threads []struct {
			ID      int    `json:"thread_id"`
			Subject string `json:"subject"`
			Sticky  bool   `json:"sticky"`
			Replies int64  `json:"replies"`
		} `json:"threads"`
	} `json:"files"`
}

// smfTruthKinds maps TRUTH.json's page kinds to the kind the parser should report.
var smfTruthKinds = map[string]Kind{
	"forum_index": KindIndex, "board": KindBoard, "sub_board": KindBoard, "thread": KindThread,
	"profile": KindOther, "print_thread": KindOther,
}

// TestSMFLocalTruth parses every page of the SMF 2.1.4 install at its fetch
// time and checks it against what the install's database says, then against
// its reviewed golden file in testdata/smf-local.
func TestSMFLocalTruth(t *testing.T) {
	needFixtures(t)
	raw, err := os.ReadFile(filepath.Join(fixturesDir, "smf-local", "TRUTH.json"))
	if err != nil {
		t.Skipf("no smf-local fixtures: %v", err)
	}
	var truth smfTruth
	if err := json.Unmarshal(raw, &truth); err != nil {
		t.Fatal(err)
	}
	boardNames := map[string]string{}
	for _, b := range truth.Boards {
		boardNames[b.ID] = b.Name
	}
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range truth.Files {
		if f.File == nil {
			continue // robots.txt: no page saved
		}
		t.Run(*f.File, func(t *testing.T) {
			body := readFixture(t, filepath.Join("smf-local", *f.File))
			fetched := time.Unix(f.Fetched, 0).UTC()
			page, err := p.ParseAt(f.URL, body, fetched)
			if err != nil {
				t.Fatal(err)
			}
			if page.Engine != "smf" {
				t.Fatalf("engine %q (evidence %v), want smf", page.Engine, page.Evidence)
			}
			if want := smfTruthKinds[f.Kind]; page.Kind != want {
				t.Fatalf("kind %s, want %s (TRUTH kind %s)", page.Kind, want, f.Kind)
			}
			switch page.Kind {
			case KindThread:
				if page.Thread.ID != strconv.Itoa(f.Thread) || page.Thread.Page != f.Page || page.Thread.LastPage != f.Pages {
					t.Errorf("thread %s page %d of %d, want %d page %d of %d",
						page.Thread.ID, page.Thread.Page, page.Thread.LastPage, f.Thread, f.Page, f.Pages)
				}
				if want := "/index.php?topic=" + strconv.Itoa(f.Thread) + ".0"; !strings.HasSuffix(page.Thread.URL, want) {
					t.Errorf("thread URL %s, want ...%s", page.Thread.URL, want)
				}
				if len(page.Posts) != len(f.Posts) {
					t.Fatalf("%d posts, want %d", len(page.Posts), len(f.Posts))
				}
				for i, want := range f.Posts {
					checkSMFPost(t, page.Posts[i], want.ID, want.Position, want.AuthorName, want.AuthorID, want.Posted, fetched)
				}
			case KindBoard:
				if page.Board.ID != strconv.Itoa(f.Forum) {
					t.Errorf("board id %q, want %d", page.Board.ID, f.Forum)
				}
				if len(page.Board.Threads) != len(f.Threads) {
					t.Fatalf("%d threads, want %d", len(page.Board.Threads), len(f.Threads))
				}
				for i, want := range f.Threads {
					got := page.Board.Threads[i]
					if got.ID != strconv.Itoa(want.ID) || got.Title != want.Subject || got.Sticky != want.Sticky ||
						got.Replies == nil || *got.Replies != want.Replies {
						t.Errorf("thread %d: %s %q sticky %v replies %v, want %d %q sticky %v replies %d",
							i+1, got.ID, got.Title, got.Sticky, got.Replies, want.ID, want.Subject, want.Sticky, want.Replies)
					}
				}
			case KindIndex:
				if len(page.Boards) == 0 {
					t.Error("index lists no boards")
				}
				for _, b := range page.Boards {
					if name, ok := boardNames[b.ID]; !ok || name != b.Title {
						t.Errorf("board %s %q: the install has %q", b.ID, b.Title, name)
					}
				}
			}
			checkGoldenFile(t, filepath.Join("testdata", "smf-local", strings.TrimSuffix(*f.File, ".html")+".golden.json"), page)
		})
	}
}

// checkSMFPost compares one parsed post with the install's record of it.
// SMF shows no number on a thread's first post and "#N" (reply N) on the
// others; the parser gives the 1-based position, the install's.
// Times show to the minute; "Today"/"Yesterday" ones need the shared display
// time parser, and are checked only once it reads them.
func checkSMFPost(t *testing.T, got Post, id, position int, name string, authorID int, posted int64, fetched time.Time) {
	t.Helper()
	wantID := ""
	if authorID != 0 {
		wantID = strconv.Itoa(authorID)
	}
	if got.ID != strconv.Itoa(id) || got.Author.Name != name || got.Author.ID != wantID {
		t.Errorf("post %s by %q (%q), want %d by %q (%q)", got.ID, got.Author.Name, got.Author.ID, id, name, wantID)
	}
	if got.Position != position {
		t.Errorf("post %d: position %d, want %d", id, got.Position, position)
	}
	want := time.Unix(posted, 0).UTC().Truncate(time.Minute)
	relative := strings.HasPrefix(got.DateRaw, "Today") || strings.HasPrefix(got.DateRaw, "Yesterday")
	switch {
	case got.PostedAt != nil && !got.PostedAt.Equal(want):
		t.Errorf("post %d: posted_at %v (%q), want %v", id, got.PostedAt, got.DateRaw, want)
	case got.PostedAt == nil && !relative:
		t.Errorf("post %d: no posted_at from %q, want %v", id, got.DateRaw, want)
	case got.PostedAt == nil:
		t.Logf("post %d: relative date %q not read yet (shared display time parser), want %v", id, got.DateRaw, want)
	}
}

// TestSMFCanonicalURL checks SMF's URL forms: ";" separated query parameters,
// session ids, and the start offset of a page.
func TestSMFCanonicalURL(t *testing.T) {
	e := SMF()
	for _, c := range []struct{ name, in, want string }{
		{"a semicolon query keeps its parameters", "http://f.example/index.php?action=profile;u=5", "http://f.example/index.php?action=profile&u=5"},
		{"the session id goes, the topic stays", "https://f.example/forum/index.php?PHPSESSID=04de800e92cfd8c87b20137dae7f687f&topic=343886.30", "https://f.example/forum/index.php?topic=343886.30"},
		{"a session id after a semicolon goes", "http://f.example/index.php?topic=5.0;PHPSESSID=abc", "http://f.example/index.php?topic=5.0"},
		{"the WAP view is the same thread", "http://f.example/index.php?topic=5.0;wap2", "http://f.example/index.php?topic=5.0"},
		{"the first page keeps its .0", "http://f.example/index.php?topic=5.0", "http://f.example/index.php?topic=5.0"},
		{"a later page keeps its offset", "http://f.example/index.php?board=1.5", "http://f.example/index.php?board=1.5"},
		{"a sort order of a board goes", "http://f.example/index.php?board=1.0;sort=subject;desc", "http://f.example/index.php?board=1.0"},
		{"a search-engine friendly URL loses its session id", "http://f.example/index.php/topic,66925.50.html?PHPSESSID=6c9a5ee7", "http://f.example/index.php/topic,66925.50.html"},
		{"the fragment of a post link goes", "http://f.example/index.php?topic=5.msg19#msg19", "http://f.example/index.php?topic=5.msg19"},
		{"a bare session query leaves the home page", "http://f.example/index.php?PHPSESSID=abc&", "http://f.example/index.php"},
	} {
		t.Run(c.name, func(t *testing.T) {
			u, _ := url.Parse(c.in)
			if got := CanonicalURL(u, e).String(); got != c.want {
				t.Errorf("CanonicalURL(%s) = %s, want %s", c.in, got, c.want)
			}
		})
	}
}

// TestSMFFirstPage checks that any page of a thread or board names the
// thread's or board's first page, with the start offset 0.
func TestSMFFirstPage(t *testing.T) {
	e := SMF()
	for _, c := range []struct{ name, in, want string }{
		{"a query page", "index.php?topic=5.20", "index.php?topic=5.0"},
		{"a board page", "index.php?board=12.40", "index.php?board=12.0"},
		{"a friendly URL page", "/index.php/topic,66925.75.html", "/index.php/topic,66925.0.html"},
		{"the first page", "index.php?topic=5.0", "index.php?topic=5.0"},
		{"a post link is no page", "index.php?topic=5.msg19", "index.php?topic=5.msg19"},
		{"a topic id ending in a page-like number", "index.php?topic=520", "index.php?topic=520"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := e.firstPageStart(c.in); got != c.want {
				t.Errorf("firstPageStart(%s) = %s, want %s", c.in, got, c.want)
			}
		})
	}
}

// TestSMFMarkup checks detection and the markup the fixtures do not show.
func TestSMFMarkup(t *testing.T) {
	const v11 = `<html><head><script>var smf_scripturl = "http://f.example/index.php";</script></head><body>
<div class="nav"><b><a href="http://f.example/index.php?PHPSESSID=ab&amp;" class="nav">Forum</a></b> &gt; <b><a href="http://f.example/index.php?PHPSESSID=ab&amp;topic=7.0" class="nav">Hello</a></b></div>
<form action="http://f.example/index.php?PHPSESSID=ab&amp;action=quickmod2;topic=7.0" id="quickModForm"><table><tr><td class="windowbg">
<table><tr><td valign="top" rowspan="2"><b><a href="http://f.example/index.php?PHPSESSID=ab&amp;action=profile;u=12">Ann</a></b>
<div class="smalltext">Newbie<br />Karma: +3/-0<br />Posts: 1,204<br /></div></td>
<td><div id="subject_88"><a href="http://f.example/index.php?topic=7.msg88#msg88">Re: Hello</a></div>
<div class="smalltext">&#171; <b>Reply #4 on:</b> Today at 10:12:00 am &#187;</div>
<div class="post"><div class="quoteheader"><a href="http://f.example/index.php?topic=7.msg80#msg80">Quote from: Bob Smith on May 05, 2020, 12:29:20 AM</a></div><div class="quote">first words</div>my answer</div>
</td></tr></table></td></tr></table></form></body></html>`
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	page, err := p.ParseAt("http://f.example/index.php?topic=7.0", []byte(v11), fixtureTime)
	if err != nil {
		t.Fatal(err)
	}
	if page.Engine != "smf" || page.Kind != KindThread || len(page.Posts) != 1 {
		t.Fatalf("engine %q kind %s, %d posts (evidence %v)", page.Engine, page.Kind, len(page.Posts), page.Evidence)
	}
	post := page.Posts[0]
	checks := []struct{ name, got, want string }{
		{"the thread id comes from the moderation form", page.Thread.ID, "7"},
		{"the post id comes from the subject's id", post.ID, "88"},
		{"the displayed date leaves the reply label out", post.DateRaw, "Today at 10:12:00 am"},
		{"Reply #4 is the fifth post", strconv.Itoa(post.Position), "5"},
		{"the author id comes from the profile link", post.Author.ID, "12"},
		{"profile lines give pairs", strconv.Itoa(len(post.Author.Fields)), "2"},
		{"a posts line gives the message count", strconv.FormatInt(deref(post.Author.Messages), 10), "1204"},
		{"a quote header before the quote names its author", quoteField(post, func(q Quote) string { return q.Author }), "Bob Smith"},
		{"and its post", quoteField(post, func(q Quote) string { return q.PostID }), "80"},
		{"the quote keeps its own words", quoteField(post, func(q Quote) string { return q.Text }), "first words"},
		{"the body keeps the header and the answer", post.BodyText, "Quote from: Bob Smith on May 05, 2020, 12:29:20 AM\n\nmy answer"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, c.got, c.want)
		}
	}
}

func quoteField(p Post, f func(Quote) string) string {
	if len(p.Quotes) != 1 {
		return strconv.Itoa(len(p.Quotes)) + " quotes"
	}
	return f(p.Quotes[0])
}

func deref(n *int64) int64 {
	if n == nil {
		return -1
	}
	return *n
}
