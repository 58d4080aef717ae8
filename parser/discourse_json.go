package parser

import (
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	gojson "github.com/goccy/go-json"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// discourseChunk is how many posts Discourse sends per request: the topic
// JSON's first chunk and each posts.json batch.
const discourseChunk = 20

// dResponse is any Discourse JSON response forumcrawl reads; which of its
// keys are set says what it is: a topic (/t/{slug}/{id}.json: title and
// post_stream with stream), a batch of posts (/t/{id}/posts.json:
// post_stream without stream), a topic list (/latest.json, /c/{slug}/{id}.json)
// or the categories (/categories.json).
type dResponse struct {
	ID           json.Number    `json:"id"`
	Title        string         `json:"title"`
	Slug         string         `json:"slug"`
	PostStream   *dPostStream   `json:"post_stream"`
	TopicList    *dTopicList    `json:"topic_list"`
	CategoryList *dCategoryList `json:"category_list"`
	Users        []dUser        `json:"users"`
	Details      *struct {
		CreatedBy *dUser `json:"created_by"`
	} `json:"details"`
}

type dPostStream struct {
	Posts  []dPost  `json:"posts"`
	Stream *[]int64 `json:"stream"`
}

type dPost struct {
	ID             int64  `json:"id"`
	Name           string `json:"name"`
	Username       string `json:"username"`
	AvatarTemplate string `json:"avatar_template"`
	CreatedAt      string `json:"created_at"`
	UpdatedAt      string `json:"updated_at"`
	LastWikiEdit   string `json:"last_wiki_edit"`
	PostNumber     int    `json:"post_number"`
	Version        int    `json:"version"`
	Cooked         string `json:"cooked"`
	TopicID        int64  `json:"topic_id"`
	TopicSlug      string `json:"topic_slug"`
	PostURL        string `json:"post_url"`
	UserID         *int64 `json:"user_id"`
	UserTitle      string `json:"user_title"`
	PrimaryGroup   string `json:"primary_group_name"`
	TrustLevel     *int   `json:"trust_level"`
	Moderator      bool   `json:"moderator"`
	Admin          bool   `json:"admin"`
	ActionsSummary []struct {
		ID    int   `json:"id"`
		Count int64 `json:"count"`
	} `json:"actions_summary"`
	Reactions []struct {
		ID    string `json:"id"`
		Count int64  `json:"count"`
	} `json:"reactions"`
}

type dTopicList struct {
	MoreTopicsURL string `json:"more_topics_url"`
	Topics        []struct {
		ID           int64  `json:"id"`
		Title        string `json:"title"`
		Slug         string `json:"slug"`
		PostsCount   int64  `json:"posts_count"`
		Views        *int64 `json:"views"`
		LastPostedAt string `json:"last_posted_at"`
		Pinned       bool   `json:"pinned"`
		Posters      []struct {
			Description string `json:"description"`
			UserID      int64  `json:"user_id"`
		} `json:"posters"`
	} `json:"topics"`
}

type dCategory struct {
	ID              int64       `json:"id"`
	Name            string      `json:"name"`
	Slug            string      `json:"slug"`
	SubcategoryIDs  []int64     `json:"subcategory_ids"`
	SubcategoryList []dCategory `json:"subcategory_list"`
}

type dCategoryList struct {
	Categories []dCategory `json:"categories"`
}

type dUser struct {
	ID       int64  `json:"id"`
	Username string `json:"username"`
}

// parseDiscourseJSON parses a Discourse API response, recognised by its
// shape (a fixture's URL may not say which endpoint it came from); it
// returns nil for JSON that is none of them.
func parseDiscourseJSON(e *Engine, u *url.URL, body []byte, fetched time.Time) (*Page, error) {
	if len(body) == 0 || body[0] != '{' {
		return nil, nil
	}
	var r dResponse
	// go-json decodes the same structs as encoding/json, three times as
	// fast: the decode cost as much as html.Parse of the whole response.
	if err := gojson.Unmarshal(body, &r); err != nil {
		if strings.HasSuffix(u.Path, ".json") && strings.Contains(u.Path, "/t/") {
			return nil, fmt.Errorf("discourse topic JSON: %w", err)
		}
		return nil, nil
	}
	page := &Page{URL: CanonicalURL(u, e).String(), Engine: e.Name, Root: discourseRoot(u)}
	switch {
	case r.PostStream != nil:
		page.Kind = KindThread
		page.Evidence = []string{"JSON with post_stream (Discourse topic or posts)"}
		return page, discourseTopic(e, u, &r, page, fetched)
	case r.TopicList != nil:
		page.Kind = KindBoard
		page.Evidence = []string{"JSON with topic_list (Discourse topic list)"}
		discourseTopicList(u, &r, page)
	case r.CategoryList != nil:
		page.Kind = KindIndex
		page.Evidence = []string{"JSON with category_list (Discourse categories)"}
		discourseCategories(r.CategoryList, page)
	default:
		return nil, nil
	}
	return page, nil
}

// discourseRoot returns the forum's home: the part of the path before its
// Discourse route (a forum may live in a folder, /en/wow/t/...).
func discourseRoot(u *url.URL) string {
	path := u.Path
	for _, route := range []string{"/t/", "/c/", "/latest", "/categories", "/posts"} {
		if i := strings.Index(path, route); i >= 0 {
			path = path[:i]
			break
		}
	}
	return u.Scheme + "://" + strings.ToLower(u.Host) + strings.TrimSuffix(path, "/") + "/"
}

// discourseTopic fills page with a topic's or a posts batch's posts, and the
// links to the batches of posts.json that cover the rest of the topic's stream.
func discourseTopic(e *Engine, u *url.URL, r *dResponse, page *Page, fetched time.Time) error {
	c, err := e.rules()
	if err != nil {
		return err
	}
	posts := r.PostStream.Posts
	sort.SliceStable(posts, func(i, j int) bool { return posts[i].PostNumber < posts[j].PostNumber })
	root := strings.TrimSuffix(page.Root, "/")
	t := &Thread{ID: r.ID.String(), Title: r.Title, Breadcrumb: []Crumb{}, Page: 1, LastPage: 1}
	slug := r.Slug
	if slug == "" && len(posts) > 0 {
		slug = posts[0].TopicSlug
	}
	if t.ID == "" && len(posts) > 0 {
		t.ID = strconv.FormatInt(posts[0].TopicID, 10)
	}
	t.URL = root + "/t/" + slug + "/" + t.ID
	if slug == "" {
		t.URL = root + "/t/" + t.ID
	}
	if r.PostStream.Stream != nil {
		stream := *r.PostStream.Stream
		t.LastPage = max(1, (len(stream)+discourseChunk-1)/discourseChunk)
		for _, l := range discoursePostBatches(root, t.ID, stream, posts) {
			page.Links = append(page.Links, Link{URL: CanonicalURL(l, e).String(), Kind: LinkThread})
		}
	} else if len(posts) > 0 {
		// A batch does not say where it stands in the stream; its first post
		// number is an upper bound of its place (deleted posts leave gaps).
		t.Page = (posts[0].PostNumber-1)/discourseChunk + 1
		t.LastPage = t.Page
	}
	page.Thread = t
	page.Posts = make([]Post, 0, len(posts))
	x := &extractor{e: e, c: c, base: u, now: fetched}
	for _, dp := range posts {
		p := discoursePost(x, root, dp)
		p.Page = t.Page
		page.Posts = append(page.Posts, p)
	}
	return nil
}

// discoursePostBatches returns the posts.json URLs (20 ids each, in stream
// order) of every post of the stream that the response does not hold.
func discoursePostBatches(root, topic string, stream []int64, have []dPost) []*url.URL {
	got := make(map[int64]bool, len(have))
	for _, p := range have {
		got[p.ID] = true
	}
	var missing []string
	for _, id := range stream {
		if !got[id] {
			missing = append(missing, strconv.FormatInt(id, 10))
		}
	}
	var out []*url.URL
	for i := 0; i < len(missing); i += discourseChunk {
		batch := missing[i:min(i+discourseChunk, len(missing))]
		u, err := url.Parse(root + "/t/" + topic + "/posts.json")
		if err != nil {
			return out
		}
		u.RawQuery = url.Values{"post_ids[]": batch}.Encode()
		out = append(out, u)
	}
	return out
}

// discoursePost maps one post of the API; its cooked HTML goes through the
// same body code as an HTML page's posts.
func discoursePost(x *extractor, root string, dp dPost) Post {
	p := Post{
		ID:          strconv.FormatInt(dp.ID, 10),
		Position:    dp.PostNumber,
		DateRaw:     dp.CreatedAt,
		Quotes:      []Quote{},
		Links:       []string{},
		Images:      []string{},
		Attachments: []Attachment{},
		Reactions:   []Reaction{},
	}
	switch {
	case dp.PostURL != "":
		p.URL = root + dp.PostURL
	case dp.TopicSlug != "":
		p.URL = fmt.Sprintf("%s/t/%s/%d/%d", root, dp.TopicSlug, dp.TopicID, dp.PostNumber)
	}
	if t, ok := ParseMachineTime(dp.CreatedAt); ok {
		p.PostedAt = &t
	}
	if dp.Version > 1 {
		edit := dp.UpdatedAt
		if dp.LastWikiEdit != "" {
			edit = dp.LastWikiEdit
		}
		if t, ok := ParseMachineTime(edit); ok {
			p.EditedAt = &t
		}
	}
	if body := cookedBody(dp.Cooked); body != nil {
		for _, a := range x.c.get("Attachment").all(body) {
			p.Attachments = append(p.Attachments, Attachment{Name: nodeText(a), URL: x.abs(attr(a, "href"))})
		}
		x.body(body, &p)
	}
	p.BodyHTML = strings.TrimSpace(dp.Cooked)
	for _, r := range dp.Reactions {
		p.Reactions = append(p.Reactions, Reaction{Name: r.ID, Count: &r.Count})
	}
	var likes int64
	for _, a := range dp.ActionsSummary {
		if a.ID == 2 { // the like action
			likes = a.Count
		}
	}
	if likes > 0 && len(dp.Reactions) == 0 {
		p.Reactions = append(p.Reactions, Reaction{Name: "like", Count: &likes})
	}
	p.Author = Author{Name: dp.Username, Title: dp.UserTitle, Banners: []string{}, Fields: []Field{}}
	if dp.UserID != nil {
		p.Author.ID = strconv.FormatInt(*dp.UserID, 10)
	}
	if dp.Username != "" {
		p.Author.URL = root + "/u/" + url.PathEscape(dp.Username)
	}
	if dp.AvatarTemplate != "" {
		p.Author.AvatarURL = x.abs(strings.ReplaceAll(dp.AvatarTemplate, "{size}", "120"))
	}
	extra := map[string]string{}
	set := func(k, v string) {
		if v != "" {
			extra[k] = v
		}
	}
	set("name", dp.Name)
	set("group", dp.PrimaryGroup)
	if dp.TrustLevel != nil {
		set("trust_level", strconv.Itoa(*dp.TrustLevel))
	}
	if dp.Moderator {
		set("moderator", "true")
	}
	if dp.Admin {
		set("admin", "true")
	}
	if likes > 0 {
		set("likes", strconv.FormatInt(likes, 10))
	}
	if len(extra) > 0 {
		p.Extra = extra
	}
	return p
}

// cookedBody parses a post's cooked HTML fragment into a <div> holding it.
func cookedBody(cooked string) *html.Node {
	div := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(cooked), div)
	if err != nil {
		return nil
	}
	for _, n := range nodes {
		div.AppendChild(n)
	}
	return div
}

// discourseTopicList fills page with a topic list: its topics, each linked to
// its topic JSON, and the next page of the list.
func discourseTopicList(u *url.URL, r *dResponse, page *Page) {
	root := strings.TrimSuffix(page.Root, "/")
	users := map[int64]string{}
	for _, us := range r.Users {
		users[us.ID] = us.Username
	}
	// Later pages of /c/{slug}/{id}.json are /c/{slug}/{id}/l/latest.json?page=N
	// (the more_topics_url of Discourse 2.x and later): the same board.
	b := &Board{ID: discourseCategoryID(u.Path), URL: strings.Replace(withoutParam(page.URL, "page"), "/l/latest.json", ".json", 1), Breadcrumb: []Crumb{}, Threads: []ThreadRef{}}
	n, _ := strconv.Atoi(u.Query().Get("page"))
	b.Page, b.LastPage = n+1, n+1 // topic lists count ?page= from 0
	for _, t := range r.TopicList.Topics {
		ref := ThreadRef{
			ID: strconv.FormatInt(t.ID, 10), Title: t.Title,
			URL: fmt.Sprintf("%s/t/%s/%d", root, t.Slug, t.ID), Views: t.Views, Sticky: t.Pinned,
		}
		if t.PostsCount > 0 {
			replies := t.PostsCount - 1
			ref.Replies = &replies
		}
		if lt, ok := ParseMachineTime(t.LastPostedAt); ok {
			ref.LastPostAt = &lt
		}
		for _, poster := range t.Posters {
			if strings.Contains(poster.Description, "Original Poster") {
				ref.Author = users[poster.UserID]
			}
		}
		b.Threads = append(b.Threads, ref)
		page.Links = append(page.Links, Link{URL: ref.URL + ".json", Kind: LinkThread})
	}
	if more := r.TopicList.MoreTopicsURL; more != "" {
		if mu, err := u.Parse(more); err == nil {
			if !strings.HasSuffix(mu.Path, ".json") {
				mu.Path += ".json"
			}
			b.NextURL = CanonicalURL(mu, nil).String()
			b.LastPage = b.Page + 1
			page.Links = append(page.Links, Link{URL: b.NextURL, Kind: LinkBoard})
		}
	}
	page.Board = b
}

// discourseCategoryID returns the category id a list's path names
// (/c/{slug}/{id}.json, /c/{parent}/{slug}/{id}/l/latest.json), or "".
func discourseCategoryID(path string) string {
	segs := strings.Split(strings.TrimSuffix(path, ".json"), "/")
	id := ""
	for i, s := range segs {
		if s == "c" {
			for _, t := range segs[i+1:] {
				if t == "l" {
					break
				}
				if isDigits(t) {
					id = t
				}
			}
		}
	}
	return id
}

// discourseCategories fills page with the categories and subcategories of
// /categories.json, each linked to its topic list.
func discourseCategories(cl *dCategoryList, page *Page) {
	root := strings.TrimSuffix(page.Root, "/")
	add := func(path, id, name string) {
		ref := BoardRef{ID: id, Title: name, URL: root + path}
		page.Boards = append(page.Boards, ref)
		page.Links = append(page.Links, Link{URL: ref.URL + ".json", Kind: LinkBoard})
	}
	for _, c := range cl.Categories {
		id := strconv.FormatInt(c.ID, 10)
		add("/c/"+c.Slug+"/"+id, id, c.Name)
		listed := map[int64]bool{}
		for _, s := range c.SubcategoryList {
			listed[s.ID] = true
			sid := strconv.FormatInt(s.ID, 10)
			add("/c/"+c.Slug+"/"+s.Slug+"/"+sid, sid, s.Name)
		}
		for _, sid := range c.SubcategoryIDs {
			if !listed[sid] { // only the id is given: /c/{id} finds the category
				s := strconv.FormatInt(sid, 10)
				add("/c/"+s, s, "")
			}
		}
	}
}
