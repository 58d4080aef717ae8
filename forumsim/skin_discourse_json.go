package forumsim

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// writeJSON writes v as a 200 JSON response.
func writeJSON(w http.ResponseWriter, v any) { writeJSONStatus(w, http.StatusOK, v) }

// writeJSONStatus writes v as a JSON response with a status.
func writeJSONStatus(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	w.Write(body)
}

// dPostJSON is a post as Discourse's PostSerializer gives it, in its order.
type dPostJSON struct {
	ID                int64           `json:"id"`
	Name              *string         `json:"name"`
	Username          string          `json:"username"`
	AvatarTemplate    string          `json:"avatar_template"`
	CreatedAt         string          `json:"created_at"`
	Cooked            string          `json:"cooked"`
	PostNumber        int             `json:"post_number"`
	PostType          int             `json:"post_type"`
	UpdatedAt         string          `json:"updated_at"`
	ReplyCount        int             `json:"reply_count"`
	ReplyToPostNumber *int            `json:"reply_to_post_number"`
	QuoteCount        int             `json:"quote_count"`
	Reads             int             `json:"reads"`
	TopicID           int64           `json:"topic_id"`
	TopicSlug         string          `json:"topic_slug"`
	DisplayUsername   *string         `json:"display_username"`
	Version           int             `json:"version"`
	UserTitle         *string         `json:"user_title"`
	ActionsSummary    []dActionJSON   `json:"actions_summary"`
	Moderator         bool            `json:"moderator"`
	Admin             bool            `json:"admin"`
	Staff             bool            `json:"staff"`
	UserID            *int64          `json:"user_id"`
	Hidden            bool            `json:"hidden"`
	TrustLevel        int             `json:"trust_level"`
	UserDeleted       bool            `json:"user_deleted"`
	PostURL           string          `json:"post_url"`
	LinkCounts        json.RawMessage `json:"link_counts"`
}

// dActionJSON is one entry of a post's actions_summary (id 2 is a like).
type dActionJSON struct {
	ID    int   `json:"id"`
	Count int64 `json:"count,omitempty"`
}

// avatar returns a user's avatar_template.
func (discourse) avatar(f *Forum, u *user) string {
	name := strings.ToLower(discourseUsername(u.name))
	if u.kind == member && u.avatar {
		return f.cfg.Prefix + "/user_avatar/forum.local/" + name + "/{size}/" + strconv.FormatInt(u.avatarTS%100000, 10) + "_2.png"
	}
	return f.cfg.Prefix + "/letter_avatar_proxy/v4/letter/" + string([]rune(name + "x")[:1]) + "/8e7dd6/{size}.png"
}

// postJSON returns one post of the API.
func (s discourse) postJSON(f *Forum, p *post) dPostJSON {
	u := p.author
	at := p.at.UTC().Format(discourseTime)
	d := dPostJSON{
		ID: p.id, Username: discourseUsername(u.name), AvatarTemplate: s.avatar(f, u),
		CreatedAt: at, UpdatedAt: at, Cooked: s.cooked(f, p), PostNumber: p.position, PostType: 1,
		Reads: 3 + len(p.thread.posts) - p.position, TopicID: p.thread.id, TopicSlug: s.topicSlug(p.thread),
		Version: 1, ActionsSummary: []dActionJSON{}, TrustLevel: 1, PostURL: s.postURL(p), LinkCounts: json.RawMessage("[]"),
	}
	name := u.name
	d.Name, d.DisplayUsername = &name, &name
	if u.kind == member {
		uid, title := u.id, u.title
		d.UserID, d.UserTitle = &uid, &title
		d.TrustLevel = 1 + int(u.messages%4)
	} else {
		d.UserDeleted = u.kind == deleted
	}
	if p.editedAt != nil {
		d.UpdatedAt, d.Version = p.editedAt.UTC().Format(discourseTime), 2
	}
	if len(p.reactions) > 0 {
		d.ActionsSummary = append(d.ActionsSummary, dActionJSON{ID: 2, Count: int64(len(p.likers) + p.others)})
	}
	for _, q := range p.pieces {
		if q.kind == pQuote && q.quoted != nil {
			d.QuoteCount++
		}
	}
	return d
}

// cooked returns a post's cooked HTML: its pieces in paragraphs, with its
// attachments as links of their own paragraphs.
func (s discourse) cooked(f *Forum, p *post) string {
	h := "<p>" + p.body.html + "</p>"
	for _, a := range p.attach {
		h += "\n<p><a class=\"attachment\" href=\"" + esc(s.attachmentPath(f, a)) + "\">" + esc(a.name) + "</a> (" + a.size + ")</p>"
	}
	h = strings.ReplaceAll(strings.ReplaceAll(h, "<p></p>", ""), "<p>\n", "<p>")
	return strings.TrimSpace(h)
}

// usersJSON returns the users a topic list sideloads, by user_id.
func (s discourse) usersJSON(f *Forum, ts []*thread) []map[string]any {
	seen := map[int64]bool{}
	var out []map[string]any
	for _, t := range ts {
		for _, p := range []*post{t.posts[0], t.last()} {
			if u := p.author; u.kind == member && !seen[u.id] {
				seen[u.id] = true
				out = append(out, map[string]any{"id": u.id, "username": discourseUsername(u.name), "name": u.name, "avatar_template": s.avatar(f, u)})
			}
		}
	}
	return out
}

// topicListJSON returns a topic list of ts, with more_topics_url when more is not "".
func (s discourse) topicListJSON(f *Forum, ts []*thread, more string) map[string]any {
	topics := make([]map[string]any, 0, len(ts))
	for _, t := range ts {
		var posters []map[string]any
		op, last := t.posts[0].author, t.last().author
		if op.kind == member {
			desc := "Original Poster"
			if op == last {
				desc += ", Most Recent Poster"
			}
			posters = append(posters, map[string]any{"extras": nil, "description": desc, "user_id": op.id})
		}
		if last.kind == member && last != op {
			posters = append(posters, map[string]any{"extras": "latest", "description": "Most Recent Poster", "user_id": last.id})
		}
		topics = append(topics, map[string]any{
			"id": t.id, "title": t.title, "fancy_title": esc(t.title), "slug": s.topicSlug(t),
			"posts_count": len(t.posts), "reply_count": len(t.posts) - 1, "highest_post_number": len(t.posts),
			"created_at": t.posts[0].at.UTC().Format(discourseTime), "last_posted_at": t.last().at.UTC().Format(discourseTime),
			"bumped": true, "bumped_at": t.last().at.UTC().Format(discourseTime), "archetype": "regular",
			"pinned": t.sticky, "unpinned": nil, "visible": true, "closed": false, "archived": false,
			"views": t.views, "like_count": 0, "category_id": t.board.id, "pinned_globally": false, "posters": posters,
		})
	}
	list := map[string]any{"can_create_topic": false, "per_page": f.cfg.ThreadsPerPage, "topics": topics}
	if more != "" {
		list["more_topics_url"] = more
	}
	return map[string]any{"users": s.usersJSON(f, ts), "primary_groups": []any{}, "topic_list": list}
}

// categoryJSON returns a category of /categories.json.
func (s discourse) categoryJSON(f *Forum, b *board, subs []map[string]any) map[string]any {
	posts := 0
	for _, t := range b.threads {
		posts += len(t.posts)
	}
	c := map[string]any{
		"id": b.id, "name": b.title, "color": "0088CC", "text_color": "FFFFFF", "slug": s.catSlug(b),
		"topic_count": len(b.threads), "post_count": posts, "position": b.id, "description": esc(b.desc),
		"description_text": b.desc, "topic_url": f.cfg.Prefix + "/t/about-the-" + s.catSlug(b) + "-category/" + id(b.id),
		"read_restricted": false, "permission": nil, "notification_level": 1, "has_children": len(b.children) > 0,
	}
	if b.parent != nil {
		c["parent_category_id"] = b.parent.id
	} else {
		ids := []int64{}
		for _, sub := range b.children {
			ids = append(ids, sub.id)
		}
		c["subcategory_ids"], c["subcategory_list"] = ids, subs
	}
	return c
}

// categoriesJSON returns /categories.json: the top-level categories, each
// with its subcategories.
func (s discourse) categoriesJSON(f *Forum) map[string]any {
	cats := []map[string]any{}
	for _, c := range f.categories {
		for _, b := range c.boards {
			subs := []map[string]any{}
			for _, sub := range b.children {
				subs = append(subs, s.categoryJSON(f, sub, nil))
			}
			cats = append(cats, s.categoryJSON(f, b, subs))
		}
	}
	return map[string]any{"category_list": map[string]any{"can_create_category": false, "can_create_topic": false, "categories": cats}}
}

// topicJSON returns /t/{slug}/{id}.json: the topic, its first chunk of
// posts and the stream of all its post ids.
func (s discourse) topicJSON(f *Forum, t *thread) map[string]any {
	stream := make([]int64, len(t.posts))
	for i, p := range t.posts {
		stream[i] = p.id
	}
	posts := []dPostJSON{}
	for _, p := range f.threadPosts(t, 1) {
		posts = append(posts, s.postJSON(f, p))
	}
	op := t.posts[0].author
	created := map[string]any{"id": nil, "username": discourseUsername(op.name), "name": op.name, "avatar_template": s.avatar(f, op)}
	if op.kind == member {
		created["id"] = op.id
	}
	return map[string]any{
		"post_stream":     map[string]any{"posts": posts, "stream": stream},
		"timeline_lookup": [][2]int{{1, 0}}, "tags": []string{},
		"id": t.id, "title": t.title, "fancy_title": esc(t.title), "posts_count": len(t.posts),
		"created_at": t.posts[0].at.UTC().Format(discourseTime), "views": t.views, "reply_count": len(t.posts) - 1,
		"last_posted_at": t.last().at.UTC().Format(discourseTime), "visible": true, "closed": false, "archived": false,
		"archetype": "regular", "slug": s.topicSlug(t), "category_id": t.board.id, "pinned": t.sticky,
		"highest_post_number": len(t.posts), "chunk_size": f.cfg.PostsPerPage,
		"details": map[string]any{"created_by": created, "can_create_post": false},
	}
}

// postsJSON returns /t/{id}/posts.json: the posts asked for, in stream order.
func (s discourse) postsJSON(f *Forum, t *thread, ps []*post) map[string]any {
	ps = slices.Clone(ps)
	slices.SortFunc(ps, func(a, b *post) int { return a.position - b.position })
	posts := []dPostJSON{}
	for _, p := range ps {
		posts = append(posts, s.postJSON(f, p))
	}
	return map[string]any{"post_stream": map[string]any{"posts": posts}, "id": t.id}
}
