package forumsim

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/forumcrawl/forumcrawl/parser"
	"golang.org/x/net/html"
)

// dTopicReply is the part of a topic or posts.json response the tests read.
type dTopicReply struct {
	ID         int64 `json:"id"`
	PostStream struct {
		Posts []struct {
			ID         int64  `json:"id"`
			Username   string `json:"username"`
			UserID     *int64 `json:"user_id"`
			PostNumber int    `json:"post_number"`
			CreatedAt  string `json:"created_at"`
			Cooked     string `json:"cooked"`
			PostURL    string `json:"post_url"`
		} `json:"posts"`
		Stream []int64 `json:"stream"`
	} `json:"post_stream"`
}

func TestDiscourseJSONGivesEveryPostAsTheTruthSays(t *testing.T) {
	f, srv := serveEngine(t, "discourse", Config{Seed: 5, Threads: 10, MaxPages: 4})
	truth := map[string]PostTruth{}
	for _, p := range f.Posts() {
		truth[p.ID] = p
	}
	seen := 0
	for _, th := range f.Threads() {
		for n, path := range th.PagePaths {
			code, body := get(t, srv, path)
			var r dTopicReply
			if err := json.Unmarshal([]byte(body), &r); code != 200 || err != nil {
				t.Fatalf("%s: status %d, %v", path, code, err)
			}
			if n == 0 && len(r.PostStream.Stream) != len(truth) && len(r.PostStream.Stream) != int(th.Replies)+1 {
				t.Errorf("%s: stream of %d ids, thread has %d posts", path, len(r.PostStream.Stream), th.Replies+1)
			}
			for _, p := range r.PostStream.Posts {
				want, ok := truth[id(p.ID)]
				switch {
				case !ok || want.ThreadID != th.ID || want.Page != n+1:
					t.Errorf("%s: post %d is not the truth's", path, p.ID)
					continue
				case p.PostNumber != want.Position || p.Username != want.Author.Name || p.CreatedAt != want.DateRaw ||
					f.cfg.Prefix+p.PostURL != want.Path || (p.UserID != nil) != (want.Author.ID != ""):
					t.Errorf("%s: post %d: number %d user %q created %q url %q; truth %+v", path, p.ID, p.PostNumber, p.Username, p.CreatedAt, p.PostURL, want)
				}
				doc, err := html.Parse(strings.NewReader("<div class=\"cooked\">" + p.Cooked + "</div>"))
				if err != nil {
					t.Fatal(err)
				}
				quote := func(n *html.Node) bool { return n.Data == "aside" && hasClass(n, "quote") }
				attach := func(n *html.Node) bool { return n.Data == "a" && hasClass(n, "attachment") }
				body := find(doc, func(n *html.Node) bool { return hasClass(n, "cooked") })[0]
				got := textRulesWith(body, quote, attach, func(*html.Node) bool { return false })
				if strings.Join(strings.Fields(got), " ") != strings.Join(strings.Fields(want.BodyText), " ") {
					t.Errorf("%s: post %d body:\n got %q\nwant %q", path, p.ID, got, want.BodyText)
				}
				if q := find(body, quote); len(q) != len(want.Quotes) {
					t.Errorf("%s: post %d: %d quotes, want %d", path, p.ID, len(q), len(want.Quotes))
				}
				seen++
			}
		}
	}
	if seen != len(truth) {
		t.Errorf("the API gives %d posts, truth has %d", seen, len(truth))
	}
}

func TestDiscourseUsernames(t *testing.T) {
	cases := []struct{ name, want string }{
		{"reacher", "reacher"}, {"Tom & Jerry", "Tom_Jerry"}, {"<Ghost>", "Ghost"}, {"\"Quotes\"", "Quotes"},
		{"rui no onna", "rui_no_onna"}, {"Dr.No", "Dr.No"}, {"Владимир", "Владимир"}, {"O'Brien", "O_Brien"},
	}
	for _, c := range cases {
		if got := discourseUsername(c.name); got != c.want {
			t.Errorf("discourseUsername(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

// discourseShows reports whether a Discourse response shows text: a topic
// as its title, a topic list as the name of the category its topics are in
// (a list names its category only by id).
func discourseShows(f *Forum, body, text string) bool {
	var r struct {
		Title     string `json:"title"`
		TopicList *struct {
			Topics []struct {
				CategoryID int64 `json:"category_id"`
			} `json:"topics"`
		} `json:"topic_list"`
	}
	if json.Unmarshal([]byte(body), &r) != nil {
		return false
	}
	if r.TopicList == nil {
		return r.Title == text
	}
	for _, t := range r.TopicList.Topics {
		if b := f.boardByID[t.CategoryID]; b == nil || b.title != text {
			return false
		}
	}
	return len(r.TopicList.Topics) > 0
}

func TestDiscourseHomePageLeadsToTheJSON(t *testing.T) {
	f, srv := serveEngine(t, "discourse", Config{Seed: 3})
	_, body := get(t, srv, f.cfg.Prefix+"/")
	p, err := parser.New(parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	page, err := p.Parse(srv.URL+f.cfg.Prefix+"/", []byte(body))
	if err != nil || page.Engine != "discourse" {
		t.Fatalf("home page: engine %q, %v (evidence %v, warnings %v)", page.Engine, err, page.Evidence, page.Warnings)
	}
	links := map[string]bool{}
	for _, l := range page.Links {
		links[strings.TrimPrefix(l.URL, srv.URL)] = true
	}
	want := []string{f.RootURL("")}
	for _, b := range f.Boards() {
		if b.ParentID == "" {
			want = append(want, b.Path)
		}
	}
	for _, w := range want {
		if !links[w] {
			t.Errorf("home page does not lead to %s (links %v)", w, page.Links)
		}
	}
}
