package forumsim

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// discourse renders the forum as Discourse, crawled through its JSON API as
// the fixtures in shared/fixtures/discourse (posts.json responses) and
// Discourse's serializers show it: boards are categories (sub-boards their
// subcategories), threads topics, posts posts.
//
// URLs: /categories.json (the index: category_list, each category with its
// subcategory_ids and subcategory_list), /c/{slug}/{id}.json and
// /c/{parent}/{slug}/{id}.json (topic_list; page N+1 is more_topics_url
// /c/.../{id}/l/latest?page=N, whose .json the crawl fetches), /latest.json,
// /t/{slug}/{id}.json (the topic: its first chunk of posts and the stream of
// every post id), /t/{id}/posts.json?post_ids[]=... (the posts asked for),
// /u/{username}; / is the home page's HTML crawler view, a category list
// linking /c/{slug}/{id}, as a crawl that starts there finds it. A topic's
// page N (N > 1) is the posts.json request for its Nth chunk of ids.
//
// What the API gives, and so what the truth says: posts by their Discourse
// id, post_number (the position) and permalink /t/{slug}/{topic}/{number};
// the author's username (a forum name made a username: characters Discourse
// does not allow become "_"), user_id and user_title, nothing else of the
// author; created_at in UTC with milliseconds as the date text; updated_at as
// the edit time of a post whose version is above 1. A quote is an aside.quote
// naming its author by username and its post by post_number (data-post).
// Emoji and smilies are images whose alt is their :code:, so they give no
// text; paragraphs are <p>, so a paragraph break is a line break.
//
// Discourse shows no signatures, so the truth has none.
//
// Not imitated: a parent category's list showing its subcategories' topics
// (here it lists its own, as /c/{slug}/{id}/none does), HTML crawler views
// other than the home page, users' JSON, likes other than a count, topic
// chunks of other than PostsPerPage posts (Discourse sends 20, and the
// parser counts pages in 20s: keep PostsPerPage 20 to crawl), guests (whose
// posts show as an account without id, as anonymized accounts do).
type discourse struct{}

func init() { registerSkin("discourse", func() skin { return discourse{} }) }

// discourseTime is how the API writes a time.
const discourseTime = "2006-01-02T15:04:05.000Z"

// discourseUsername returns the username Discourse would give a name:
// letters, digits, "_", "." and "-" kept, other runs made one "_", and no
// "_" or "." at either end.
func discourseUsername(name string) string {
	var b strings.Builder
	under := false
	for _, r := range name {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' || r == '_' {
			b.WriteRune(r)
			under = r == '_'
			continue
		}
		if !under {
			b.WriteByte('_')
			under = true
		}
	}
	return strings.Trim(b.String(), "_.")
}

// catSlug returns a board's category slug, or "{id}-category" as Discourse
// names a category whose name gives no slug.
func (discourse) catSlug(b *board) string {
	if b.slug == "" {
		return id(b.id) + "-category"
	}
	return b.slug
}

// topicSlug returns a thread's topic slug, or "topic" when its title gives none.
func (discourse) topicSlug(t *thread) string {
	if t.slug == "" {
		return "topic"
	}
	return t.slug
}

// catRoute returns a board's category route: "/c/{slug}/{id}" or "/c/{parent}/{slug}/{id}".
func (s discourse) catRoute(f *Forum, b *board) string {
	p := f.cfg.Prefix + "/c/"
	if b.parent != nil {
		p += s.catSlug(b.parent) + "/"
	}
	return p + s.catSlug(b) + "/" + id(b.id)
}

func (discourse) indexPath(f *Forum) string { return f.cfg.Prefix + "/categories.json" }

func (discourse) categoryPath(f *Forum, c *category) string { return f.cfg.Prefix + "/categories.json" }

func (discourse) indexCrumb() string { return "Categories" }

func (s discourse) boardPath(f *Forum, b *board, n int) string {
	if n > 1 {
		return s.catRoute(f, b) + "/l/latest.json?page=" + strconv.Itoa(n-1)
	}
	return s.catRoute(f, b) + ".json"
}

func (s discourse) threadPath(f *Forum, t *thread, n int) string {
	if n > 1 {
		var ids []string
		for _, p := range f.threadPosts(t, n) {
			ids = append(ids, id(p.id))
		}
		return f.cfg.Prefix + "/t/" + id(t.id) + "/posts.json?" + url.Values{"post_ids[]": ids}.Encode()
	}
	return f.cfg.Prefix + "/t/" + s.topicSlug(t) + "/" + id(t.id) + ".json"
}

// postURL returns a post's post_url: its path without the forum's prefix.
func (s discourse) postURL(p *post) string {
	return "/t/" + s.topicSlug(p.thread) + "/" + id(p.thread.id) + "/" + strconv.Itoa(p.position)
}

func (s discourse) postPath(f *Forum, p *post) string { return f.cfg.Prefix + s.postURL(p) }

func (discourse) memberPath(f *Forum, u *user) string {
	return f.cfg.Prefix + "/u/" + url.PathEscape(discourseUsername(u.name))
}

func (discourse) attachmentPath(f *Forum, a attachment) string {
	ext := a.name[strings.LastIndexByte(a.name, '.')+1:]
	return f.cfg.Prefix + "/uploads/short-url/" + strconv.FormatInt(a.id*7919, 36) + "." + ext
}

// postTime: created_at in UTC with milliseconds, the text of the API itself.
func (discourse) postTime(t time.Time) (time.Time, string, bool) {
	return t.UTC(), t.UTC().Format(discourseTime), true
}

// author returns what a post of the API says of its author: username,
// user_id (none for guests and deleted users) and user_title.
func (s discourse) author(f *Forum, p *post) AuthorTruth {
	u := p.author
	at := AuthorTruth{Name: discourseUsername(u.name), Path: s.memberPath(f, u)}
	if u.kind == member {
		at.ID, at.Title = id(u.id), u.title
	}
	return at
}

// adjustTruth: quotes name their author by username and their post by its
// post_number; an attachment is a paragraph of the cooked HTML, its link
// (which the parser takes as the attachment, not as text) and its size.
func (discourse) adjustTruth(f *Forum, p *post, pt *PostTruth) {
	pt.Signature = "" // Discourse has no signatures
	for _, a := range p.attach {
		pt.BodyText = normText(pt.BodyText + "\n(" + a.size + ")")
	}
	i := 0
	for _, pc := range p.pieces {
		if pc.kind != pQuote || i >= len(pt.Quotes) {
			continue
		}
		if q := pc.quoted; q != nil {
			pt.Quotes[i].Author = discourseUsername(q.author.name)
			pt.Quotes[i].PostID = strconv.Itoa(q.position)
		}
		i++
	}
}

// serve routes Discourse's API and pages; unknown paths and missing content are 404s.
func (s discourse) serve(f *Forum, w http.ResponseWriter, r *http.Request, path string) {
	parts := splitRest(path)
	switch {
	case len(parts) == 0:
		writeHTML(w, http.StatusOK, s.homePage(f, origin(r)))
	case path == "/categories.json":
		writeJSON(w, s.categoriesJSON(f))
	case path == "/latest.json":
		s.serveLatest(f, w, r)
	case parts[0] == "c":
		s.serveCategory(f, w, r, parts[1:])
	case parts[0] == "t":
		s.serveTopic(f, w, r, parts[1:])
	case parts[0] == "u" && len(parts) == 2:
		for _, u := range f.users {
			if discourseUsername(u.name) == parts[1] {
				writeHTML(w, http.StatusOK, s.frame(f, origin(r), u.name, "<h1>"+esc(u.name)+"</h1>\n"))
				return
			}
		}
		s.notFound(f, w, r)
	case parts[0] == "session" || parts[0] == "login" || parts[0] == "signup":
		s.forbidden(f, w, r)
	default:
		s.notFound(f, w, r)
	}
}

// serveCategory serves /c/[{parent}/]{slug}/{id}.json and its
// /l/latest.json?page=N pages.
func (s discourse) serveCategory(f *Forum, w http.ResponseWriter, r *http.Request, parts []string) {
	n := 0
	if len(parts) >= 2 && parts[len(parts)-2] == "l" && parts[len(parts)-1] == "latest.json" {
		parts = parts[:len(parts)-2]
		parts[len(parts)-1] += ".json"
	}
	last := ""
	if len(parts) > 0 {
		last = parts[len(parts)-1]
	}
	num, ok := strings.CutSuffix(last, ".json")
	cid, err := strconv.ParseInt(num, 10, 64)
	b := f.boardByID[cid]
	if !ok || err != nil || b == nil || "/"+strings.Join(parts, "/") != strings.TrimPrefix(s.catRoute(f, b), f.cfg.Prefix+"/c")+".json" {
		s.notFound(f, w, r)
		return
	}
	if pg := r.URL.Query().Get("page"); pg != "" {
		if n, err = strconv.Atoi(pg); err != nil || n < 0 {
			s.notFound(f, w, r)
			return
		}
	}
	if n >= f.boardPages(b) && n > 0 {
		writeJSON(w, map[string]any{"users": []any{}, "topic_list": map[string]any{"can_create_topic": false, "per_page": f.cfg.ThreadsPerPage, "topics": []any{}}})
		return
	}
	sticky, normal := f.boardListing(b, n+1)
	more := ""
	if n+1 < f.boardPages(b) {
		more = s.catRoute(f, b) + "/l/latest?page=" + strconv.Itoa(n+1)
	}
	writeJSON(w, s.topicListJSON(f, append(sticky, normal...), more))
}

// serveLatest serves /latest.json?page=N: every topic, latest first.
func (s discourse) serveLatest(f *Forum, w http.ResponseWriter, r *http.Request) {
	all := slices.Clone(f.threads)
	slices.SortStableFunc(all, func(a, b *thread) int { return b.last().at.Compare(a.last().at) })
	n, _ := strconv.Atoi(r.URL.Query().Get("page"))
	per := f.cfg.ThreadsPerPage
	lo, hi := min(max(0, n)*per, len(all)), min((max(0, n)+1)*per, len(all))
	more := ""
	if hi < len(all) {
		more = f.cfg.Prefix + "/latest?page=" + strconv.Itoa(max(0, n)+1)
	}
	writeJSON(w, s.topicListJSON(f, all[lo:hi], more))
}

// serveTopic serves /t/[{slug}/]{id}.json and /t/{id}/posts.json.
func (s discourse) serveTopic(f *Forum, w http.ResponseWriter, r *http.Request, parts []string) {
	if len(parts) == 2 && parts[1] == "posts.json" {
		tid, _ := strconv.ParseInt(parts[0], 10, 64)
		t := f.threadByID[tid]
		if t == nil {
			s.notFound(f, w, r)
			return
		}
		var posts []*post
		for _, v := range r.URL.Query()["post_ids[]"] {
			pid, _ := strconv.ParseInt(v, 10, 64)
			if p := f.postByID[pid]; p != nil && p.thread == t {
				posts = append(posts, p)
			}
		}
		writeJSON(w, s.postsJSON(f, t, posts))
		return
	}
	if len(parts) == 0 || len(parts) > 2 {
		s.notFound(f, w, r)
		return
	}
	num, ok := strings.CutSuffix(parts[len(parts)-1], ".json")
	tid, _ := strconv.ParseInt(num, 10, 64)
	t := f.threadByID[tid]
	if !ok || t == nil || (len(parts) == 2 && parts[0] != s.topicSlug(t)) {
		s.notFound(f, w, r)
		return
	}
	writeJSON(w, s.topicJSON(f, t))
}

// notFound answers as Discourse's API does: a 404 with an error object.
func (discourse) notFound(f *Forum, w http.ResponseWriter, r *http.Request) {
	writeJSONStatus(w, http.StatusNotFound, map[string]any{"errors": []string{"The requested URL or resource could not be found."}, "error_type": "not_found"})
}

// forbidden answers a guest's account action with Discourse's 403 error object.
func (discourse) forbidden(f *Forum, w http.ResponseWriter, r *http.Request) {
	writeJSONStatus(w, http.StatusForbidden, map[string]any{"errors": []string{"You are not permitted to view the requested resource."}, "error_type": "invalid_access"})
}
