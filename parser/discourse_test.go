package parser

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

func discourseParse(t *testing.T, pageURL string, body []byte) *Page {
	t.Helper()
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	page, err := p.ParseAt(pageURL, body, fixtureTime)
	if err != nil {
		t.Fatal(err)
	}
	if page.Engine != "discourse" {
		t.Fatalf("engine %q (evidence %v), want discourse", page.Engine, page.Evidence)
	}
	return page
}

func TestDiscoursePostsJSON(t *testing.T) {
	tests := []struct {
		name, file, url    string
		ids                []string // first and last
		positions          []int
		authors            []string // first and last
		authorID           string   // of the first
		posted             string   // of the first
		quotes             int      // over all posts
		firstQuote         Quote    // first quote of the first post that has one
		threadURL, permaln string
	}{
		{
			name: "posts.json batch maps ids, numbers, users and quotes", file: "discourse/criticalfallibilism_t2108_posts.json",
			url: "https://discuss.criticalfallibilism.com/t/2108/posts.json",
			ids: []string{"18843", "18868"}, positions: []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20},
			authors: []string{"Elliot", "Eternity"}, authorID: "1", posted: "2025-09-25T19:11:22.095Z",
			quotes:     32, // top-level asides; a quote inside a quote is part of its text
			firstQuote: Quote{Author: "Elliot", PostID: "1", Text: "A lot of men who claim to be feminists actually turn out to be misogynists.", Offset: 2383},
			threadURL:  "https://discuss.criticalfallibilism.com/t/comments-on-the-boyfriends-introduction-to-feminism/2108",
			permaln:    "https://discuss.criticalfallibilism.com/t/comments-on-the-boyfriends-introduction-to-feminism/2108/1",
		},
		{
			name: "post_number page arrives newest first and is put in thread order; a deleted post leaves a gap",
			file: "discourse/criticalfallibilism_t2144_posts_post_number21.json",
			url:  "https://discuss.criticalfallibilism.com/t/2144/posts.json?post_number=21",
			ids:  []string{"20089", "20199"}, positions: []int{1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20},
			authors: []string{"Elliot", "Elliot"}, authorID: "1", posted: "2026-01-08T19:23:48.342Z",
			quotes:     0, // not counted: see firstQuote
			firstQuote: Quote{Author: "Elliot", PostID: "1", Offset: 0},
			threadURL:  "https://discuss.criticalfallibilism.com/t/kpop-demon-hunters/2144",
			permaln:    "https://discuss.criticalfallibilism.com/t/kpop-demon-hunters/2144/1",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := discourseParse(t, tt.url, readFixture(t, tt.file))
			if page.Kind != KindThread || page.Thread == nil {
				t.Fatalf("kind %s, want a thread", page.Kind)
			}
			if page.Thread.URL != tt.threadURL || page.Thread.Title != "" || page.Thread.Page != 1 {
				t.Errorf("thread %+v: want url %s, no title (posts.json has none), page 1", page.Thread, tt.threadURL)
			}
			var pos []int
			for _, p := range page.Posts {
				pos = append(pos, p.Position)
			}
			if !slices.Equal(pos, tt.positions) {
				t.Errorf("positions %v, want %v", pos, tt.positions)
			}
			first, last := page.Posts[0], page.Posts[len(page.Posts)-1]
			if first.ID != tt.ids[0] || last.ID != tt.ids[1] {
				t.Errorf("ids %s..%s, want %s..%s", first.ID, last.ID, tt.ids[0], tt.ids[1])
			}
			if first.Author.Name != tt.authors[0] || last.Author.Name != tt.authors[1] || first.Author.ID != tt.authorID {
				t.Errorf("authors %q(%s)..%q, want %q(%s)..%q", first.Author.Name, first.Author.ID, last.Author.Name, tt.authors[0], tt.authorID, tt.authors[1])
			}
			if !strings.HasSuffix(first.Author.AvatarURL, "/120/14_2.png") {
				t.Errorf("avatar %q, want the template at size 120", first.Author.AvatarURL)
			}
			if first.Extra["trust_level"] != "4" || first.Extra["admin"] != "true" || first.Extra["moderator"] != "true" {
				t.Errorf("extra %v, want trust_level 4, admin and moderator", first.Extra)
			}
			if first.PostedAt == nil || first.PostedAt.Format(time.RFC3339Nano) != tt.posted || first.DateRaw != tt.posted {
				t.Errorf("posted %v (raw %q), want %s", first.PostedAt, first.DateRaw, tt.posted)
			}
			if first.URL != tt.permaln {
				t.Errorf("permalink %q, want %q", first.URL, tt.permaln)
			}
			n := 0
			var fq *Quote
			for i := range page.Posts {
				n += len(page.Posts[i].Quotes)
				if fq == nil && len(page.Posts[i].Quotes) > 0 {
					fq = &page.Posts[i].Quotes[0]
				}
				if strings.Contains(page.Posts[i].BodyText, "quote-controls") {
					t.Errorf("post %d: body text holds markup", i)
				}
			}
			if tt.quotes > 0 && n != tt.quotes {
				t.Errorf("%d quotes, want %d", n, tt.quotes)
			}
			if fq == nil || fq.Author != tt.firstQuote.Author || fq.PostID != tt.firstQuote.PostID ||
				(tt.firstQuote.Text != "" && fq.Text != tt.firstQuote.Text) || fq.Offset != tt.firstQuote.Offset {
				t.Errorf("first quote %+v, want %+v", fq, tt.firstQuote)
			}
		})
	}
}

// discourseTopicJSON returns a topic JSON of n posts whose first chunk holds the first `first`.
func discourseTopicJSON(n, first int, version int) []byte {
	var stream, posts []string
	for i := 1; i <= n; i++ {
		stream = append(stream, fmt.Sprint(1000+i))
		if i <= first {
			posts = append(posts, fmt.Sprintf(`{"id":%d,"username":"u%d","name":"User %d","user_id":%d,
				"avatar_template":"/letter_avatar_proxy/v4/letter/u/abc/{size}.png",
				"created_at":"2024-01-0%dT10:00:00.000Z","updated_at":"2024-02-01T10:00:00.000Z","version":%d,
				"post_number":%d,"topic_id":77,"topic_slug":"a-topic","user_title":"Regular","trust_level":2,
				"cooked":"<p>post %d</p>","actions_summary":[{"id":2,"count":3}]}`,
				1000+i, i, i, 10+i, 1+i%9, version, i, i))
		}
	}
	return fmt.Appendf(nil, `{"id":77,"title":"A topic","slug":"a-topic","posts_count":%d,
		"post_stream":{"posts":[%s],"stream":[%s]}}`, n, strings.Join(posts, ","), strings.Join(stream, ","))
}

func TestDiscourseTopicJSONLinks(t *testing.T) {
	ids := func(from, to int) string {
		var b strings.Builder
		for i := from; i <= to; i++ {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			fmt.Fprintf(&b, "post_ids%%5B%%5D=%d", 1000+i)
		}
		return b.String()
	}
	tests := []struct {
		name      string
		n, first  int
		want      []string
		lastPage  int
		forumPath string
	}{
		{name: "a topic of one chunk links nowhere", n: 12, first: 12, lastPage: 1},
		{name: "the rest of the stream comes in batches of 20 ids in stream order", n: 45, first: 20, lastPage: 3,
			want: []string{"https://forum.example/t/77/posts.json?" + ids(21, 40), "https://forum.example/t/77/posts.json?" + ids(41, 45)}},
		{name: "a forum in a folder keeps its folder", n: 21, first: 20, lastPage: 2, forumPath: "/community",
			want: []string{"https://forum.example/community/t/77/posts.json?" + ids(21, 21)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := discourseParse(t, "https://forum.example"+tt.forumPath+"/t/a-topic/77.json", discourseTopicJSON(tt.n, tt.first, 1))
			var got []string
			for _, l := range page.Links {
				if l.Kind != LinkThread {
					t.Errorf("link %s is a %s link, want thread", l.URL, l.Kind)
				}
				got = append(got, l.URL)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("links\n got %q\nwant %q", got, tt.want)
			}
			th := page.Thread
			if th.Title != "A topic" || th.ID != "77" || th.Page != 1 || th.LastPage != tt.lastPage ||
				th.URL != "https://forum.example"+tt.forumPath+"/t/a-topic/77" {
				t.Errorf("thread %+v", th)
			}
			if len(page.Posts) != tt.first {
				t.Fatalf("%d posts, want %d", len(page.Posts), tt.first)
			}
		})
	}
}

func TestDiscoursePostMapping(t *testing.T) {
	tests := []struct {
		name    string
		version int
		edited  bool
	}{
		{name: "a first version shows no edit", version: 1},
		{name: "a later version shows an edit at updated_at", version: 3, edited: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := discourseParse(t, "https://forum.example/t/a-topic/77.json", discourseTopicJSON(2, 2, tt.version))
			p := page.Posts[1]
			if (p.EditedAt != nil) != tt.edited || (tt.edited && p.EditedAt.Format(time.DateOnly) != "2024-02-01") {
				t.Errorf("edited_at %v, want edited %v", p.EditedAt, tt.edited)
			}
			a := p.Author
			if a.Name != "u2" || a.ID != "12" || a.Title != "Regular" || a.URL != "https://forum.example/u/u2" ||
				a.AvatarURL != "https://forum.example/letter_avatar_proxy/v4/letter/u/abc/120.png" {
				t.Errorf("author %+v", a)
			}
			if p.Extra["name"] != "User 2" || p.Extra["trust_level"] != "2" || p.Extra["likes"] != "3" {
				t.Errorf("extra %v", p.Extra)
			}
			if p.URL != "https://forum.example/t/a-topic/77/2" || p.BodyText != "post 2" || p.BodyHTML != "<p>post 2</p>" {
				t.Errorf("post %+v", p)
			}
			if len(p.Reactions) != 1 || p.Reactions[0].Name != "like" || *p.Reactions[0].Count != 3 {
				t.Errorf("reactions %+v", p.Reactions)
			}
		})
	}
}

func TestDiscourseListsJSON(t *testing.T) {
	latest := `{"users":[{"id":5,"username":"ann"},{"id":6,"username":"bob"}],
	"topic_list":{"more_topics_url":"/c/help/4/l/latest?page=1","topics":[
	 {"id":10,"title":"Pinned","slug":"pinned","posts_count":3,"views":40,"pinned":true,"last_posted_at":"2024-03-01T00:00:00.000Z",
	  "posters":[{"description":"Original Poster","user_id":5},{"description":"Most Recent Poster","user_id":6}]},
	 {"id":11,"title":"Question","slug":"question","posts_count":1,"views":2,"posters":[{"description":"Original Poster, Most Recent Poster","user_id":6}]}]}}`
	page := discourseParse(t, "https://forum.example/c/help/4.json", []byte(latest))
	b := page.Board
	if page.Kind != KindBoard || b == nil || b.ID != "4" || b.Page != 1 || b.LastPage != 2 {
		t.Fatalf("kind %s board %+v", page.Kind, b)
	}
	if len(b.Threads) != 2 || b.Threads[0].Author != "ann" || !b.Threads[0].Sticky || *b.Threads[0].Replies != 2 ||
		b.Threads[1].Author != "bob" || b.Threads[0].URL != "https://forum.example/t/pinned/10" {
		t.Errorf("threads %+v", b.Threads)
	}
	want := []Link{
		{URL: "https://forum.example/t/pinned/10.json", Kind: LinkThread},
		{URL: "https://forum.example/t/question/11.json", Kind: LinkThread},
		{URL: "https://forum.example/c/help/4/l/latest.json?page=1", Kind: LinkBoard},
	}
	if !slices.Equal(page.Links, want) {
		t.Errorf("links %v, want %v", page.Links, want)
	}

	cats := `{"category_list":{"categories":[
	 {"id":1,"name":"General","slug":"general","subcategory_ids":[7,8],"subcategory_list":[{"id":7,"name":"Intro","slug":"intro"}]},
	 {"id":2,"name":"Help","slug":"help"}]}}`
	page = discourseParse(t, "https://forum.example/categories.json", []byte(cats))
	var got []string
	for _, l := range page.Links {
		got = append(got, l.URL)
	}
	wantURLs := []string{"https://forum.example/c/general/1.json", "https://forum.example/c/general/intro/7.json",
		"https://forum.example/c/8.json", "https://forum.example/c/help/2.json"}
	if page.Kind != KindIndex || !slices.Equal(got, wantURLs) || page.Boards[1].Title != "Intro" {
		t.Errorf("kind %s links %q boards %+v", page.Kind, got, page.Boards)
	}
}

func TestDiscourseNotItsJSON(t *testing.T) {
	p, _ := New(Options{})
	for _, body := range []string{`{"errors":["not found"]}`, `[1,2,3]`, `{"post_stream":`} {
		page, err := p.Parse("https://forum.example/", []byte(body))
		if err != nil || page.Engine == "discourse" {
			t.Errorf("%s: engine %q err %v, want no claim", body, page.Engine, err)
		}
	}
}

func TestDiscourseAPIURL(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"a topic gives its topic JSON", "https://f.example/t/some-slug/123", "https://f.example/t/some-slug/123.json"},
		{"a post's link gives its topic", "https://f.example/t/some-slug/123/45", "https://f.example/t/some-slug/123.json"},
		{"a topic page gives the topic, whose stream covers every page", "https://f.example/t/some-slug/123?page=3", "https://f.example/t/some-slug/123.json"},
		{"a topic by id only", "https://f.example/t/123", "https://f.example/t/123.json"},
		{"a forum in a folder", "https://f.example/en/wow/t/x/505388", "https://f.example/en/wow/t/x/505388.json"},
		{"a category keeps its page", "https://f.example/c/help/4?page=2", "https://f.example/c/help/4.json?page=2"},
		{"latest", "https://f.example/latest", "https://f.example/latest.json"},
		{"categories", "https://f.example/categories", "https://f.example/categories.json"},
		{"a user page has none", "https://f.example/u/someone", ""},
		{"JSON stays", "https://f.example/t/x/1.json", "https://f.example/t/x/1.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := discourseAPI(tt.in); got != tt.want {
				t.Errorf("discourseAPI(%s) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDiscourseCrawlerViewList(t *testing.T) {
	page := discourseParse(t, "https://forum.example/c/help/4?page=1", []byte(`<!DOCTYPE html><html><head>
<meta name="generator" content="Discourse 2.5.0 - https://github.com/discourse/discourse">
<meta id="data-discourse-setup" data-base-url="https://forum.example"></head><body>
<noscript data-path="/c/help/4"><div id="main-outlet"><h1>Help</h1>
<table class="topic-list"><tbody>
<tr class="topic-list-item"><td class="main-link"><a href="https://forum.example/t/question/11" class="title raw-link">Question</a></td>
<td class="replies"><span class="posts">4</span></td><td class="views"><span class="views">1.2k</span></td></tr>
</tbody></table><a href="/c/help/4?page=2" rel="next">next page</a></div></noscript></body></html>`))
	if page.Kind != KindBoard || page.Board.Page != 2 || page.Board.URL != "https://forum.example/c/help/4" || len(page.Board.Threads) != 1 {
		t.Fatalf("kind %s board %+v", page.Kind, page.Board)
	}
	if tr := page.Board.Threads[0]; tr.ID != "11" || tr.Title != "Question" || *tr.Replies != 4 || *tr.Views != 1200 {
		t.Errorf("thread %+v", tr)
	}
	want := []Link{
		{URL: "https://forum.example/c/help/4.json?page=1", Kind: LinkBoard},
		{URL: "https://forum.example/t/question/11.json", Kind: LinkThread},
		{URL: "https://forum.example/c/help/4.json?page=2", Kind: LinkBoard},
	}
	if !slices.Equal(page.Links, want) {
		t.Errorf("links\n got %v\nwant %v", page.Links, want)
	}
}

func TestDiscourseCrawlerViewPosts(t *testing.T) {
	page := discourseParse(t, "https://meta.discourse.org/t/congratulations-most-stars-in-2013-github-octoverse/12483",
		readFixture(t, "discourse/meta-discourse_topic.response.html"))
	if len(page.Posts) != 2 {
		t.Fatalf("%d posts, want the 2 inside <noscript>", len(page.Posts))
	}
	p := page.Posts[1]
	if p.ID != "12483/2" || p.Position != 2 || p.Author.Name != "codinghorror" || p.Author.ID != "" || p.Extra["name"] != "Jeff Atwood" || p.Extra["likes"] != "1" {
		t.Errorf("post %s #%d by %q (id %q) extra %v", p.ID, p.Position, p.Author.Name, p.Author.ID, p.Extra)
	}
	if first := page.Posts[0]; first.PostedAt.Format(time.DateOnly) != "2014-02-06" || first.EditedAt == nil || first.DateRaw != "June 19, 2015, 6:45am" {
		t.Errorf("first post: posted %v edited %v raw %q: want the datePublished, the shown edit time", first.PostedAt, first.EditedAt, first.DateRaw)
	}
	if !slices.Contains(page.Evidence, "generator meta names Discourse") {
		t.Errorf("evidence %v", page.Evidence)
	}
}

func TestDiscourseLaterListPagesAreTheSameBoard(t *testing.T) {
	body := []byte(`{"topic_list":{"more_topics_url":"/c/help/7/l/latest?page=2","topics":[{"id":5,"title":"A","slug":"a","posts_count":2}]}}`)
	page := discourseParse(t, "https://f.example/c/help/7/l/latest.json?page=1", body)
	b := page.Board
	if b == nil || b.URL != "https://f.example/c/help/7.json" || b.ID != "7" || b.Page != 2 || b.NextURL != "https://f.example/c/help/7/l/latest.json?page=2" {
		t.Errorf("board %+v: want /c/help/7.json, page 2, next /l/latest.json?page=2", b)
	}
}

func TestDiscourseCookedAttachment(t *testing.T) {
	body := []byte(`{"id":9,"post_stream":{"posts":[{"id":90,"username":"bob","post_number":3,"topic_id":9,"topic_slug":"x",` +
		`"cooked":"<p>See the log.</p>\n<p><a class=\"attachment\" href=\"/uploads/short-url/abc.txt\">log.txt</a> (3.1 KB)</p>"}]}}`)
	page := discourseParse(t, "https://f.example/t/9/posts.json?post_ids%5B%5D=90", body)
	p := page.Posts[0]
	if len(p.Attachments) != 1 || p.Attachments[0].Name != "log.txt" || p.Attachments[0].URL != "https://f.example/uploads/short-url/abc.txt" {
		t.Errorf("attachments %+v", p.Attachments)
	}
	if p.BodyText != "See the log.\n(3.1 KB)" || len(p.Links) != 0 {
		t.Errorf("body %q links %v: the attachment's name and link are not body text", p.BodyText, p.Links)
	}
}
