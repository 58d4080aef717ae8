package forumsim

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// invision renders the forum as Invision Community 4.4 with its default
// theme and friendly URLs, as the fixtures in shared/fixtures/invision
// (neowin_ips4_*, utorrent_ips4_*) and IPS 4's forums templates (forumRow,
// topicRow, postContainer, pagination) show it.
//
// URLs are absolute: / (the index), forum/N-slug/[page/N/] (boards and
// categories alike: a category is a forum node whose page lists its
// forums), topic/N-slug/[page/N/], profile/N-slug/, permalinks
// topic/N-slug/?do=findComment&comment=N (the first post's share link is
// the topic itself), attachments
// applications/core/interface/file/attachment.php?id=N. Wrong slugs
// redirect to the canonical path.
//
// Every time is a <time datetime> in UTC with seconds, displayed as "August
// 19, 2013"; the truth is zoned. IPS 4 shows no post numbers, so the
// truth's Position is 0, as a parser reports it (see unnumbered). The
// author pane shows the member title, the group, the reputation badge
// ("Member's total reputation"), "N posts" and the custom fields
// ("Location: ", "Native language: "), no join date, banners or points;
// guests (and deleted members, whose posts IPS turns into guest posts) show
// their name and the "Guests" group only. Emoji are plain text; emoticons
// are images under /uploads/emoticons/ whose alt is their code. Attachments
// are ipsAttachLink file links at the end of the post content. Slugs are
// ASCII (IPS keeps non-Latin letters, percent-encoded).
//
// Not imitated: reactions, the recommended posts block, relative dates
// ("6 hours ago") of recent posts, titled spoilers (IPS spoilers have no
// title), image attachments shown as thumbnails.
type invision struct{}

func init() { registerSkin("invision", func() skin { return invision{} }) }

// unnumbered: Invision shows no post numbers, so the truth's positions are 0.
func (invision) unnumbered() {}

// ipsKey returns the "N-slug" path segment of a node, or "N".
func ipsKey(n int64, slug string) string {
	if slug == "" {
		return id(n)
	}
	return id(n) + "-" + slug
}

// ipsPage returns "" for page 1 and "page/N/" otherwise.
func ipsPage(n int) string {
	if n <= 1 {
		return ""
	}
	return "page/" + strconv.Itoa(n) + "/"
}

func (invision) indexPath(f *Forum) string { return f.cfg.Prefix + "/" }

func (invision) categoryPath(f *Forum, c *category) string {
	return f.cfg.Prefix + "/forum/" + ipsKey(c.id, c.slug) + "/"
}

func (invision) indexCrumb() string { return "Home" }

func (invision) boardPath(f *Forum, b *board, n int) string {
	return f.cfg.Prefix + "/forum/" + ipsKey(b.id, b.slug) + "/" + ipsPage(n)
}

func (invision) threadPath(f *Forum, t *thread, n int) string {
	return f.cfg.Prefix + "/topic/" + ipsKey(t.id, t.slug) + "/" + ipsPage(n)
}

// postPath returns the share link of a post: the topic for its first post,
// else its findComment permalink.
func (s invision) postPath(f *Forum, p *post) string {
	if p.position == 1 {
		return s.threadPath(f, p.thread, 1)
	}
	return s.threadPath(f, p.thread, 1) + "?do=findComment&comment=" + id(p.id)
}

func (invision) memberPath(f *Forum, u *user) string {
	return f.cfg.Prefix + "/profile/" + ipsKey(u.id, u.slug) + "/"
}

func (invision) attachmentPath(f *Forum, a attachment) string {
	return f.cfg.Prefix + "/applications/core/interface/file/attachment.php?id=" + id(a.id)
}

// postTime: IPS 4 gives <time datetime> in UTC with seconds and shows "August 19, 2013".
func (invision) postTime(t time.Time) (time.Time, string, bool) {
	return t, t.Format("January 2, 2006"), true
}

// ipsTime returns IPS 4's <time> element for t.
func ipsTime(t time.Time) string {
	return "<time datetime='" + t.UTC().Format("2006-01-02T15:04:05Z") + "' title='" + t.Format("01/02/2006 03:04  PM") + "' data-short='" + t.Format("Jan 2") + "'>" + t.Format("January 2, 2006") + "</time>"
}

// author returns what the author pane shows.
func (invision) author(f *Forum, p *post) AuthorTruth {
	u := p.author
	at := AuthorTruth{Name: u.name}
	if u.kind != member {
		return at
	}
	at.ID, at.Path, at.Title = id(u.id), f.memberPath(u), u.title
	at.Messages, at.ReactionScore = u.messages, u.reactions
	posts := "posts"
	if u.messages == 1 {
		posts = "post"
	}
	at.Fields = []FieldTruth{{"Member's total reputation", number(u.reactions)}, {posts, number(u.messages)}}
	if u.location != nil {
		at.Location = u.location.display
		at.Fields = append(at.Fields, FieldTruth{"Location:", u.location.display})
	}
	for _, c := range u.custom {
		at.Fields = append(at.Fields, FieldTruth{c.Label + ":", c.Value})
	}
	return at
}

// group returns the member group the author pane shows.
func (invision) group(u *user) string {
	switch {
	case u.kind != member:
		return "Guests"
	case len(u.banners) > 0:
		return u.banners[0]
	}
	return "Members"
}

// nodeRef parses "N-slug/rest": the ID, the slug and the rest's parts.
func nodeRef(s string) (n int64, slug string, rest []string, slash, ok bool) {
	seg, tail, slash := strings.Cut(s, "/")
	num, slug, _ := strings.Cut(seg, "-")
	n, err := strconv.ParseInt(num, 10, 64)
	return n, slug, splitRest(tail), slash, err == nil && n > 0 && num[0] != '+'
}

// ipsPageOf parses the rest of a node path: none (page 1) or "page/N".
func ipsPageOf(rest []string) (int, bool) {
	switch {
	case len(rest) == 0:
		return 1, true
	case len(rest) == 2 && rest[0] == "page":
		n, err := strconv.Atoi(rest[1])
		return n, err == nil && n >= 1 && rest[1][0] != '0' && rest[1][0] != '+'
	}
	return 0, false
}

// serve routes Invision Community's friendly URLs.
func (s invision) serve(f *Forum, w http.ResponseWriter, r *http.Request, p string) {
	o := origin(r)
	q := r.URL.Query()
	seg, rest, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	switch seg {
	case "":
		writeHTML(w, http.StatusOK, s.indexPage(f, o))
	case "forum":
		n, slug, parts, slash, ok := nodeRef(rest)
		page, pageOK := ipsPageOf(parts)
		b := f.boardByID[n]
		var cat *category
		for _, c := range f.categories {
			if c.id == n {
				cat = c
			}
		}
		switch {
		case !ok || !pageOK || (b == nil && cat == nil):
			s.notFound(f, w, r)
		case q.Get("do") != "":
			s.forbidden(f, w, r)
		case cat != nil:
			if slug != cat.slug || !slash || len(parts) > 0 {
				redirect(w, r, s.categoryPath(f, cat), http.StatusMovedPermanently)
				return
			}
			writeHTML(w, http.StatusOK, s.categoryPage(f, o, cat))
		case slug != b.slug || !slash:
			redirect(w, r, s.boardPath(f, b, page), http.StatusMovedPermanently)
		default:
			s.serveBoard(f, w, r, b, page)
		}
	case "topic":
		n, slug, parts, slash, ok := nodeRef(rest)
		page, pageOK := ipsPageOf(parts)
		t := f.threadByID[n]
		if !ok || !pageOK || t == nil {
			s.notFound(f, w, r)
			return
		}
		s.serveTopic(f, w, r, t, page, slug == t.slug && slash)
	case "profile":
		n, _, _, _, ok := nodeRef(rest)
		for _, u := range f.users {
			if ok && u.id == n {
				writeHTML(w, http.StatusOK, s.frame(f, o, "core", "members", "profile", u.name, s.memberPath(f, u), nil,
					"<div class='ipsPageHead_special' id='elProfileHeader'><h1 class='ipsType_reset ipsPageHead_barText'>"+esc(u.name)+"</h1><span class='ipsType_light'>"+esc(u.title)+"</span></div>\n"))
				return
			}
		}
		s.notFound(f, w, r)
	case "login", "register", "lostpassword":
		s.forbidden(f, w, r)
	case "search", "discover", "online", "staff", "leaderboard", "startTopic":
		writeHTML(w, http.StatusOK, s.frame(f, o, "core", "search", "search", "Search", "", nil, "<div class='ipsBox ipsPad'>Search threads and posts.</div>\n"))
	case "applications", "uploads":
		if strings.HasSuffix(p, ".css") {
			serveCSS(w)
			return
		}
		serveGIF(w)
	default:
		s.notFound(f, w, r)
	}
}

// serveBoard serves page n of a forum, sorted with ?sortby=.
func (s invision) serveBoard(f *Forum, w http.ResponseWriter, r *http.Request, b *board, n int) {
	order, dir := "", "desc"
	switch r.URL.Query().Get("sortby") {
	case "title":
		order = "title"
	case "start_date":
		order = "post_date"
	case "posts":
		order = "reply_count"
	case "views":
		order = "view_count"
	}
	if r.URL.Query().Get("sortdirection") == "asc" {
		dir = "asc"
	}
	last := f.boardPages(b)
	if order != "" {
		last = max(1, (len(b.threads)+f.cfg.ThreadsPerPage-1)/f.cfg.ThreadsPerPage)
	}
	if n > last {
		redirect(w, r, s.boardPath(f, b, last), http.StatusFound)
		return
	}
	writeHTML(w, http.StatusOK, s.boardPage(f, origin(r), b, n, order, dir))
}

// serveTopic serves page n of a topic and the topic's actions (?do=...).
func (s invision) serveTopic(f *Forum, w http.ResponseWriter, r *http.Request, t *thread, n int, canonical bool) {
	q := r.URL.Query()
	switch q.Get("do") {
	case "":
	case "findComment":
		cid, _ := strconv.ParseInt(q.Get("comment"), 10, 64)
		if p := f.postByID[cid]; p != nil && p.thread == t {
			redirect(w, r, s.threadPath(f, t, f.postPage(p))+"#comment-"+id(p.id), http.StatusMovedPermanently)
			return
		}
		s.notFound(f, w, r)
		return
	case "getNewComment", "getLastComment":
		last := t.last()
		redirect(w, r, s.threadPath(f, t, f.postPage(last))+"#comment-"+id(last.id), http.StatusFound)
		return
	default:
		s.forbidden(f, w, r)
		return
	}
	if q.Get("preview") != "" {
		writeHTML(w, http.StatusOK, "<div class='ipsHovercard'><div class='ipsType_richText'>"+esc(t.posts[0].body.text)+"</div></div>")
		return
	}
	last := f.threadPages(t)
	if !canonical || n > last {
		redirect(w, r, s.threadPath(f, t, min(n, last)), http.StatusMovedPermanently)
		return
	}
	writeHTML(w, http.StatusOK, s.topicPage(f, origin(r), t, n))
}

// notFound writes IPS's error page with a 404 status.
func (s invision) notFound(f *Forum, w http.ResponseWriter, r *http.Request) {
	writeHTML(w, http.StatusNotFound, s.errorPage(f, origin(r), "Sorry, we can't find that!", "2S136/1", "The page you requested does not exist"))
}

// forbidden writes IPS's "no permission" page with its sign-in form.
func (s invision) forbidden(f *Forum, w http.ResponseWriter, r *http.Request) {
	writeHTML(w, http.StatusForbidden, s.errorPage(f, origin(r), "Sorry, you don't have permission for that!", "2F173/1", "You do not have permission to do that. Sign in to continue."))
}

// errorPage returns IPS's error template.
func (s invision) errorPage(f *Forum, o, title, code, text string) string {
	return s.frame(f, o, "core", "system", "error", title, "", nil,
		"<section id='elError' class='ipsType_center ipsPad ipsBox'>\n\t<h1 class='ipsType_pageTitle'>"+esc(title)+"</h1>\n\t<p class='ipsType_normal ipsType_light'>"+esc(text)+"</p>\n\t<p class='ipsType_reset ipsType_light'>Error code: "+code+"</p>\n\t<a href='"+esc(o+f.cfg.Prefix)+"/login/' class='ipsButton ipsButton_primary'>Sign In</a>\n</section>\n")
}
