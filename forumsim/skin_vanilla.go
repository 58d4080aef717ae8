package forumsim

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// vanilla renders the forum as Vanilla Forums 2/3 with its default theme,
// as the fixtures in shared/fixtures/vanilla and Vanilla's categories and
// discussion views show it.
//
// URLs: / (the categories page, Vanilla's home route set to categories, also
// at /categories), /categories/{code}[/p2] (a board; a forum category is a
// heading category whose page lists its boards), /discussion/{id}/{slug}
// [/p2], comment permalinks /discussion/comment/{id}/#Comment_{id} (which
// redirect to the comment's page), /profile/{name}, /discussion/download/
// {id}/{file} for attachments; /entry/signin, /post/comment and the like
// are forms a guest is refused.
//
// What the pages give, and so what the truth says: a discussion's opening
// post is the discussion itself (div.ItemDiscussion#Discussion_{id}), shown
// on page 1 only, identified by the discussion's id and linked by the
// discussion's URL; so the truth's ID of a thread's first post, and of a
// quote of it, is the thread's id. Comments are li.ItemComment#Comment_{id}
// whose permalink anchor is named Item_{n} (n counts comments across the
// discussion, so the position is n+1). Dates are <time datetime> in UTC with
// seconds, the text showing the day ("March 27, 2019"); guests see times in
// UTC, as on the fixture pages. Edits show only "edited {date} {time}" to
// the minute, with no zone: the truth's EditedAt is that minute in UTC.
// Profile links name users, not ids, so authors have no id. The author block
// shows the rank as title, "Posts: N" and the role. A quote names its source
// by a profile link (a guest's quote has no link, so its author is empty in
// the truth) and a QuoteLink to the quoted post.
//
// Not imitated: page 1 holding the discussion and a full page of comments
// (here page 1 holds PostsPerPage posts in all, as forumsim pages every
// engine), relative dates ("today"), the Rich editor's embeds, reactions,
// bookmarks, the mini pager in listings, location and avatars other than a
// default photo, feeds.
type vanilla struct{}

func init() { registerSkin("vanilla", func() skin { return vanilla{} }) }

// vanillaDay and vanillaFull are how Vanilla shows a date and a date-time.
const (
	vanillaDay  = "January 2, 2006"
	vanillaFull = "January 2, 2006 3:04PM"
)

// rawurlencode escapes s as PHP's rawurlencode does.
func rawurlencode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// code returns a board's or category's URL code: its slug, else its id.
func (vanilla) code(slug string, n int64) string {
	if slug == "" {
		return id(n)
	}
	return slug
}

func (vanilla) indexPath(f *Forum) string { return f.cfg.Prefix + "/" }

func (s vanilla) categoryPath(f *Forum, c *category) string {
	return f.cfg.Prefix + "/categories/" + s.code(c.slug, c.id)
}

func (vanilla) indexCrumb() string { return "Home" }

func (s vanilla) boardPath(f *Forum, b *board, n int) string {
	p := f.cfg.Prefix + "/categories/" + s.code(b.slug, b.id)
	if n > 1 {
		p += "/p" + strconv.Itoa(n)
	}
	return p
}

func (vanilla) threadPath(f *Forum, t *thread, n int) string {
	p := f.cfg.Prefix + "/discussion/" + id(t.id)
	if t.slug != "" {
		p += "/" + t.slug
	}
	if n > 1 {
		p += "/p" + strconv.Itoa(n)
	}
	return p
}

func (s vanilla) postPath(f *Forum, p *post) string {
	if p.position == 1 {
		return s.threadPath(f, p.thread, 1)
	}
	return f.cfg.Prefix + "/discussion/comment/" + id(p.id) + "/#Comment_" + id(p.id)
}

func (vanilla) memberPath(f *Forum, u *user) string {
	return f.cfg.Prefix + "/profile/" + rawurlencode(u.name)
}

func (vanilla) attachmentPath(f *Forum, a attachment) string {
	return f.cfg.Prefix + "/discussion/download/" + id(a.id) + "/" + rawurlencode(a.name)
}

// postTime: a <time datetime> in UTC with seconds, showing the day.
func (vanilla) postTime(t time.Time) (time.Time, string, bool) {
	return t.UTC(), t.UTC().Format(vanillaDay), true
}

// author returns what Vanilla's AuthorInfo shows: the rank (as title) and
// the post count. Guests and deleted users show only their name.
func (vanilla) author(f *Forum, p *post) AuthorTruth {
	u := p.author
	at := AuthorTruth{Name: u.name}
	if u.kind != member {
		return at
	}
	at.Path, at.Title, at.Messages = f.memberPath(u), u.title, u.messages
	at.Fields = []FieldTruth{{"Posts", number(u.messages)}}
	return at
}

// adjustTruth: the opening post is known by its discussion's id, quotes of
// a guest name no one, and edits are shown to the minute.
func (s vanilla) adjustTruth(f *Forum, p *post, pt *PostTruth) {
	if p.position == 1 {
		pt.ID = id(p.thread.id)
	}
	i := 0
	for _, pc := range p.pieces {
		if pc.kind != pQuote || i >= len(pt.Quotes) {
			continue
		}
		if q := pc.quoted; q != nil {
			pt.Quotes[i].PostID = s.postID(q)
			if q.author.kind != member {
				pt.Quotes[i].Author = ""
			}
		}
		i++
	}
	if p.editedAt != nil {
		e := p.editedAt.UTC().Truncate(time.Minute)
		pt.EditedAt = &e
	}
}

// postID returns the id a page knows a post by.
func (vanilla) postID(p *post) string {
	if p.position == 1 {
		return id(p.thread.id)
	}
	return id(p.id)
}

// serve routes Vanilla's paths; unknown paths and missing content are 404s.
func (s vanilla) serve(f *Forum, w http.ResponseWriter, r *http.Request, path string) {
	o := origin(r)
	parts := splitRest(path)
	if len(parts) == 0 || (len(parts) == 1 && parts[0] == "categories") {
		writeHTML(w, http.StatusOK, s.indexPage(f, o))
		return
	}
	switch parts[0] {
	case "categories":
		s.serveCategory(f, w, r, parts[1:])
	case "discussion":
		s.serveDiscussion(f, w, r, parts[1:])
	case "profile":
		for _, u := range f.users {
			if len(parts) == 2 && parts[1] == u.name {
				writeHTML(w, http.StatusOK, s.frame(f, o, "profile_index", u.name, "", nil,
					"<div class=\"Profile\"><h1 class=\"H\">"+esc(u.name)+"</h1><dl class=\"About\"><dt class=\"Posts\">Posts</dt><dd class=\"Posts\">"+number(u.messages)+"</dd></dl></div>\n"))
				return
			}
		}
		s.notFound(f, w, r)
	case "entry", "post", "messages":
		s.forbidden(f, w, r)
	case "applications":
		serveCSS(w)
	default:
		s.notFound(f, w, r)
	}
}

// serveCategory serves /categories/{code}[/p{n}].
func (s vanilla) serveCategory(f *Forum, w http.ResponseWriter, r *http.Request, parts []string) {
	if len(parts) == 0 || len(parts) > 2 {
		s.notFound(f, w, r)
		return
	}
	for _, c := range f.categories {
		if len(parts) == 1 && s.categoryPath(f, c) == f.cfg.Prefix+"/categories/"+parts[0] {
			writeHTML(w, http.StatusOK, s.categoryPage(f, origin(r), c))
			return
		}
	}
	var b *board
	for _, c := range f.boards {
		if s.code(c.slug, c.id) == parts[0] {
			b = c
		}
	}
	n, ok := 1, true
	if len(parts) == 2 {
		n, ok = vanillaPage(parts[1])
	}
	if b == nil || !ok || n > f.boardPages(b) {
		s.notFound(f, w, r)
		return
	}
	writeHTML(w, http.StatusOK, s.boardPage(f, origin(r), b, n))
}

// vanillaPage parses a "p{n}" path segment.
func vanillaPage(seg string) (int, bool) {
	num, ok := strings.CutPrefix(seg, "p")
	n, err := strconv.Atoi(num)
	return n, ok && err == nil && n >= 1 && num[0] != '0' && num[0] != '+'
}

// serveDiscussion serves /discussion/{id}[/{slug}][/p{n}] and comment permalinks.
func (s vanilla) serveDiscussion(f *Forum, w http.ResponseWriter, r *http.Request, parts []string) {
	if len(parts) == 2 && parts[0] == "comment" {
		n, _ := strconv.ParseInt(parts[1], 10, 64)
		if p := f.postByID[n]; p != nil && p.position > 1 {
			redirect(w, r, s.threadPath(f, p.thread, f.postPage(p))+"#Comment_"+id(p.id), http.StatusFound)
			return
		}
		s.notFound(f, w, r)
		return
	}
	if len(parts) == 0 || len(parts) > 3 {
		s.notFound(f, w, r)
		return
	}
	n, _ := strconv.ParseInt(parts[0], 10, 64)
	t := f.threadByID[n]
	if t == nil {
		s.notFound(f, w, r)
		return
	}
	rest := parts[1:]
	if len(rest) > 0 && rest[0] == t.slug {
		rest = rest[1:]
	}
	page, ok := 1, true
	if len(rest) == 1 {
		page, ok = vanillaPage(rest[0])
	}
	if !ok || len(rest) > 1 || page > f.threadPages(t) {
		s.notFound(f, w, r)
		return
	}
	writeHTML(w, http.StatusOK, s.threadPage(f, origin(r), t, page))
}

// notFound writes Vanilla's "Page Not Found" page with a 404 status.
func (s vanilla) notFound(f *Forum, w http.ResponseWriter, r *http.Request) {
	writeHTML(w, http.StatusNotFound, s.frame(f, origin(r), "home_filenotfound", "Page Not Found", "", nil,
		"<div class=\"Center SplashInfo\"><h1>Page Not Found</h1><div id=\"Message\">The page you were looking for could not be found.</div></div>\n"))
}

// forbidden writes the sign-in form Vanilla shows guests for member actions.
func (s vanilla) forbidden(f *Forum, w http.ResponseWriter, r *http.Request) {
	writeHTML(w, http.StatusForbidden, s.frame(f, origin(r), "entry_signin", "Sign In", "", nil,
		"<h1>Sign In</h1>\n<div class=\"Entry\"><form method=\"post\" action=\""+f.cfg.Prefix+"/entry/signin\"><ul><li><label for=\"Form_Email\">Email/Username</label><input type=\"text\" id=\"Form_Email\" name=\"Email\" class=\"InputBox\" /></li>"+
			"<li><label for=\"Form_Password\">Password</label><input type=\"password\" id=\"Form_Password\" name=\"Password\" class=\"InputBox Password\" /></li></ul></form></div>\n"))
}
