package forumsim

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// xenforo2 renders the forum as XenForo 2.x (2.2 default style, with some
// threads in a UI.X-like style whose pairs are labelled by tooltip icons).
// Its pages are in render_*.go, its routes in route.go, its body markup in
// skin_xenforo2_body.go. It is the default engine.
type xenforo2 struct{}

func init() { registerSkin("xenforo2", func() skin { return xenforo2{} }) }

func (xenforo2) indexPath(f *Forum) string { return f.cfg.Prefix + "/" }

// categoryPath returns the index anchor of a category, as XenForo links it.
func (xenforo2) categoryPath(f *Forum, c *category) string {
	return f.cfg.Prefix + "/#" + key(c.slug, c.id)
}

func (xenforo2) indexCrumb() string { return "Forums" }

func (xenforo2) boardPath(f *Forum, b *board, page int) string {
	return f.cfg.Prefix + "/forums/" + key(b.slug, b.id) + "/" + pageSuffix(page)
}

func (xenforo2) threadPath(f *Forum, t *thread, page int) string {
	return f.cfg.Prefix + "/threads/" + key(t.slug, t.id) + "/" + pageSuffix(page)
}

func (s xenforo2) postPath(f *Forum, p *post) string {
	return s.threadPath(f, p.thread, 1) + "post-" + id(p.id)
}

func (xenforo2) memberPath(f *Forum, u *user) string {
	return f.cfg.Prefix + "/members/" + key(u.slug, u.id) + "/"
}

func (xenforo2) attachmentPath(f *Forum, a attachment) string {
	return f.cfg.Prefix + "/attachments/" + key(slugify(a.name), a.id) + "/"
}

// notFound writes XenForo's "not found" error page.
func (xenforo2) notFound(f *Forum, w http.ResponseWriter, r *http.Request) {
	writeHTML(w, http.StatusNotFound, f.simplePage(origin(r), "error", "Oops! We ran into some problems.", "The requested page could not be found."))
}

// forbidden writes the page XenForo shows guests for actions that need an account.
func (xenforo2) forbidden(f *Forum, w http.ResponseWriter, r *http.Request) {
	writeHTML(w, http.StatusForbidden, f.simplePage(origin(r), "login", "Log in", "You must be logged-in to do that."))
}

// postTime: XenForo gives every time as <time datetime> with seconds and zone.
func (xenforo2) postTime(t time.Time) (time.Time, string, bool) { return t, xfDate(t), true }

// serve routes a path under the prefix to XenForo's pages and actions.
func (xenforo2) serve(f *Forum, w http.ResponseWriter, r *http.Request, p string) {
	o := origin(r)
	switch {
	case p == "/" || p == "/index.php":
		writeHTML(w, http.StatusOK, f.indexPage(o))
	case p == "/forums/-/index.rss":
		f.serveRSS(w, r)
	case strings.HasPrefix(p, "/forums/"):
		f.routeBoard(w, r, p[len("/forums/"):])
	case strings.HasPrefix(p, "/threads/"):
		f.routeThread(w, r, p[len("/threads/"):])
	case strings.HasPrefix(p, "/posts/"):
		f.routePost(w, r, splitRest(p[len("/posts/"):]))
	case p == "/goto/post":
		n, _ := strconv.ParseInt(r.URL.Query().Get("id"), 10, 64)
		f.jumpToPost(w, r, f.postByID[n], http.StatusMovedPermanently)
	case strings.HasPrefix(p, "/members/"):
		f.routeMember(w, r, splitRest(p[len("/members/"):]))
	case p == "/login/" || p == "/register/":
		title := map[bool]string{true: "Log in", false: "Register"}[p == "/login/"]
		writeHTML(w, http.StatusOK, f.simplePage(o, "login", title, "Log in or sign up to join the community."))
	case strings.HasPrefix(p, "/search/"):
		writeHTML(w, http.StatusOK, f.simplePage(o, "search_form", "Search", "Search threads and posts."))
	case strings.HasPrefix(p, "/whats-new/"):
		writeHTML(w, http.StatusOK, f.simplePage(o, "whats_new", "What's new", "New posts and profile posts."))
	case strings.HasPrefix(p, "/help/"), strings.HasPrefix(p, "/misc/"):
		writeHTML(w, http.StatusOK, f.simplePage(o, "help_page", "Help", "Terms, rules & privacy <policy>."))
	case strings.HasPrefix(p, "/styles/"), strings.HasPrefix(p, "/data/"), strings.HasPrefix(p, "/attachments/"):
		serveGIF(w)
	case p == "/css.php":
		serveCSS(w)
	default:
		f.notFound(w, r)
	}
}

// author returns what XenForo's message-user block shows.
func (xenforo2) author(f *Forum, p *post) AuthorTruth {
	u := p.author
	at := AuthorTruth{Name: u.name, Title: u.title}
	if u.kind != member {
		return at
	}
	at.ID = id(u.id)
	at.Path = f.memberPath(u)
	at.Banners = f.banners(p)
	at.Joined = u.joined.Format("2006-01-02")
	at.Messages = u.messages
	at.ReactionScore = u.reactions
	if u.points != nil {
		v := *u.points
		at.Points = &v
	}
	for _, pr := range f.pairs(u) {
		at.Fields = append(at.Fields, FieldTruth{Label: pr.label, Value: pr.value})
	}
	if u.location != nil {
		at.Location = u.location.display
	}
	if u.country != nil {
		at.Country = u.country.display
	}
	return at
}
