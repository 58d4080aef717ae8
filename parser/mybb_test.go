package parser

import (
	"encoding/json"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// mybbLocal is the folder of pages served by a real MyBB 1.8.37 install.
const mybbLocal = "mybb-local"

// localTruth is a local install's TRUTH.json: what every saved page holds.
type localTruth struct {
	Files []struct {
		File    *string       `json:"file"`
		URL     string        `json:"url"`
		Kind    string        `json:"kind"`
		Forum   int           `json:"forum_id"`
		Fetched int64         `json:"fetched_at_unix"`
		Page    int           `json:"page"`
		Total   int           `json:"total_pages"`
		Threads []truthThread `json:"threads"` // the whole board's, in order
		Posts   []struct {
			Position   int    `json:"position"`
			ID         int    `json:"post_id"`
			AuthorName string `json:"author_name"`
			AuthorID   int    `json:"author_id"`
			Posted     int64  `json:"posted_unix"`
			Edited     int64  `json:"edited_unix"`
		} `json:"posts"`
	} `json:"files"`
}

// truthThread is a thread as TRUTH.json lists it for a board.
type truthThread struct {
	ID      int    `json:"thread_id"`
	Subject string `json:"subject"`
	Sticky  bool   `json:"sticky"`
	Starter string `json:"starter"`
	Replies int64  `json:"replies"`
}

// The install's threadsperpage and postsperpage settings.
const (
	mybbThreadsPerPage = 5
	mybbPostsPerPage   = 10
)

// localKinds maps TRUTH.json's page kinds to the kinds Parse reports.
var localKinds = map[string]Kind{
	"forum_index": KindIndex, "board": KindBoard, "sub_board": KindBoard, "thread": KindThread,
	"profile": KindOther, "print_thread": KindOther, "archive_thread": KindOther,
}

// mybbAbsolute matches MyBB's default absolute date-time display (m-d-Y, h:i A).
var mybbAbsolute = regexp.MustCompile(`^\d\d-\d\d-\d{4}, \d\d:\d\d [AP]M$`)

// readTruth returns the TRUTH.json of a local install's folder.
func readTruth(t *testing.T, dir string) localTruth {
	t.Helper()
	needFixtures(t)
	var lt localTruth
	if err := json.Unmarshal(readFixture(t, filepath.Join(dir, "TRUTH.json")), &lt); err != nil {
		t.Fatal(err)
	}
	return lt
}

// TestMyBBLocal parses every page of the MyBB install at its fetch time and
// checks it against TRUTH.json, and against its reviewed golden file.
func TestMyBBLocal(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	truth := readTruth(t, mybbLocal)
	boardThreads := map[int][]truthThread{}
	for _, f := range truth.Files {
		if f.Threads != nil {
			boardThreads[f.Forum] = f.Threads
		}
	}
	for _, f := range truth.Files {
		if f.File == nil {
			continue
		}
		t.Run(*f.File, func(t *testing.T) {
			fetched := time.Unix(f.Fetched, 0).UTC()
			page, err := p.ParseAt(f.URL, readFixture(t, filepath.Join(mybbLocal, *f.File)), fetched)
			if err != nil {
				t.Fatal(err)
			}
			if page.Engine != "mybb" {
				t.Errorf("engine %q (evidence %v), want mybb", page.Engine, page.Evidence)
			}
			if want := localKinds[f.Kind]; page.Kind != want {
				t.Errorf("kind %s, want %s (%s)", page.Kind, want, f.Kind)
			}
			if page.Kind != KindThread && len(page.Posts) > 0 {
				t.Errorf("%d posts on a %s page", len(page.Posts), f.Kind)
			}
			if f.Kind == "thread" {
				if len(page.Posts) != len(f.Posts) {
					t.Fatalf("%d posts, want %d", len(page.Posts), len(f.Posts))
				}
				if page.Thread.Page != f.Page || page.Thread.LastPage != f.Total {
					t.Errorf("page %d of %d, want %d of %d", page.Thread.Page, page.Thread.LastPage, f.Page, f.Total)
				}
				for i, want := range f.Posts {
					got := page.Posts[i]
					wantAuthor := strconv.Itoa(want.AuthorID)
					if want.AuthorID == 0 {
						wantAuthor = ""
					}
					if got.ID != strconv.Itoa(want.ID) || got.Position != want.Position ||
						got.Author.Name != want.AuthorName || got.Author.ID != wantAuthor {
						t.Errorf("post %d: id %s #%d by %q (%q), want %d #%d by %q (%q)", i+1, got.ID, got.Position,
							got.Author.Name, got.Author.ID, want.ID, want.Position, want.AuthorName, wantAuthor)
					}
					checkMyBBTime(t, got, want.Posted, want.Edited, fetched)
				}
			}
			if all, ok := boardThreads[f.Forum]; ok && page.Kind == KindBoard {
				from := (max(f.Page, 1) - 1) * mybbThreadsPerPage
				checkMyBBThreads(t, page, all[from:min(from+mybbThreadsPerPage, len(all))])
			}
			if page.Kind == KindBoard && page.Board != nil && (page.Board.Page != max(f.Page, 1) || len(page.Board.Threads) == 0) {
				t.Errorf("board page %d with %d threads", page.Board.Page, len(page.Board.Threads))
			}
			checkLocalGolden(t, mybbLocal, *f.File, page)
		})
	}
}

// checkMyBBTime checks a post's times against the truth: an absolute
// display must give posted_at to the minute; a relative display ("Yesterday,
// 02:26 AM", "3 hours ago") must give a time within the hour where the
// shared date parser reads it. The edit time comes from a tooltip and must
// be right to the minute.
func checkMyBBTime(t *testing.T, got Post, posted, edited int64, fetched time.Time) {
	t.Helper()
	want := time.Unix(posted, 0).UTC().Truncate(time.Minute)
	switch {
	case mybbAbsolute.MatchString(got.DateRaw):
		if got.PostedAt == nil || !got.PostedAt.Equal(want) {
			t.Errorf("post %s: posted_at %v from %q, want %v", got.ID, got.PostedAt, got.DateRaw, want)
		}
	case got.DateRaw == "":
		t.Errorf("post %s: no date_raw", got.ID)
	case got.PostedAt != nil:
		if d := got.PostedAt.Sub(want); d < -time.Hour || d > time.Hour || got.PostedAt.After(fetched) {
			t.Errorf("post %s: posted_at %v from relative %q, want %v", got.ID, got.PostedAt, got.DateRaw, want)
		}
	}
	if edited != 0 {
		want := time.Unix(edited, 0).UTC().Truncate(time.Minute)
		if got.EditedAt == nil || !got.EditedAt.Equal(want) {
			t.Errorf("post %s: edited_at %v, want %v", got.ID, got.EditedAt, want)
		}
	}
}

// checkMyBBThreads compares a board page's thread list with the truth.
func checkMyBBThreads(t *testing.T, page *Page, want []truthThread) {
	t.Helper()
	if page.Board == nil || len(page.Board.Threads) != len(want) || len(want) == 0 {
		t.Fatalf("board %+v, want %d threads", page.Board, len(want))
	}
	for i, w := range want {
		g := page.Board.Threads[i]
		if g.ID != strconv.Itoa(w.ID) || g.Title != w.Subject || g.Sticky != w.Sticky || g.Author != w.Starter ||
			g.Replies == nil || *g.Replies != w.Replies || g.Views == nil || g.LastPostAt == nil {
			t.Errorf("thread %d: %+v, want %+v", i+1, g, w)
		}
		if pages := int((w.Replies + mybbPostsPerPage) / mybbPostsPerPage); pages > 1 && g.LastPage != pages {
			t.Errorf("thread %d: listed with %d pages, want %d", i+1, g.LastPage, pages)
		}
		if u, _ := url.Parse(g.URL); u == nil || u.Query().Get("tid") != g.ID || u.Query().Has("page") {
			t.Errorf("thread %d: url %s", i+1, g.URL)
		}
	}
}

// checkLocalGolden compares a parsed local page with its reviewed golden
// file in testdata/<dir>/, rewriting it under -update.
func checkLocalGolden(t *testing.T, dir, file string, page *Page) {
	t.Helper()
	checkGoldenFile(t, filepath.Join("testdata", dir, strings.TrimSuffix(file, ".html")+".golden.json"), page)
}

// TestMyBBIndexBoards checks the boards an index lists and a board's sub-boards.
func TestMyBBIndexBoards(t *testing.T) {
	needFixtures(t)
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, file, url string
		want            []string // board ids in order
	}{
		// Categories (1, 5) head their tables in td.thead; their pages list only the forums listed here.
		{"index lists forums and sub-forums, not categories", "mybb1.8.37_index.html", "http://127.0.0.1:8081/index.php", []string{"2", "3", "4", "6", "7"}},
		{"logged-in index lists the same", "mybb1.8.37_index_loggedin-carol.html", "http://127.0.0.1:8081/index.php", []string{"2", "3", "4", "6", "7"}},
		{"board lists its sub-forum, not its breadcrumb", "mybb1.8.37_forum-f2-general-page1.html", "http://127.0.0.1:8081/forumdisplay.php?fid=2", []string{"3"}},
		{"sub-forum lists no boards", "mybb1.8.37_forum-f3-offtopic-subforum.html", "http://127.0.0.1:8081/forumdisplay.php?fid=3", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			page, err := p.Parse(c.url, readFixture(t, filepath.Join(mybbLocal, c.file)))
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, b := range page.Boards {
				ids = append(ids, b.ID)
				if !strings.Contains(b.URL, "forumdisplay.php?fid=") || b.Title == "" {
					t.Errorf("board %+v", b)
				}
			}
			if !slices.Equal(ids, c.want) {
				t.Errorf("boards %v, want %v", ids, c.want)
			}
		})
	}
}

// TestMyBBQuotes checks quote attributions the install's pages do not show.
func TestMyBBQuotes(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	post := func(quote string) string {
		return `<html><head><script src="jscripts/general.js"></script></head><body><div id="posts">
<div class="post" id="post_5"><div class="post_author"><div class="author_statistics">Posts: 1</div></div>
<div class="post_content"><div class="post_head"><span class="post_date">11-02-2026, 10:53 PM</span></div>
<div class="post_body" id="pid_5">` + quote + `Reply text</div></div></div></div>
<div id="copyright"><a href="https://mybb.com">MyBB</a></div></body></html>`
	}
	cases := []struct{ name, quote, author, id string }{
		{"named quote with date and link", `<blockquote class="mycode_quote"><cite><span> (10-29-2026, 02:35 AM)</span>Eve Santos Wrote:  <a href="showthread.php?pid=11#pid11" class="quick_jump"></a></cite>Quoted</blockquote>`, "Eve Santos", "11"},
		{"named quote in another language", `<blockquote class="mycode_quote"><cite>Ольга_В schrieb:</cite>Quoted</blockquote>`, "Ольга_В", ""},
		{"quote without a name", `<blockquote class="mycode_quote"><cite>Quote:</cite>Quoted</blockquote>`, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			page, err := p.Parse("http://m.example/showthread.php?tid=2", []byte(post(c.quote)))
			if err != nil {
				t.Fatal(err)
			}
			if page.Engine != "mybb" || len(page.Posts) != 1 || len(page.Posts[0].Quotes) != 1 {
				t.Fatalf("engine %q, %d posts", page.Engine, len(page.Posts))
			}
			q := page.Posts[0].Quotes[0]
			if q.Author != c.author || q.PostID != c.id || q.Text != "Quoted" || page.Posts[0].BodyText != "Reply text" {
				t.Errorf("quote %+v, body %q", q, page.Posts[0].BodyText)
			}
		})
	}
}
