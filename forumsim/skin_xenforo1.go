package forumsim

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// xenforo1 renders the forum as XenForo 1.5 with its default style, as the
// fixtures in shared/fixtures/xenforo1 (sherdog, sufficientvelocity,
// gtplanet) and XenForo 1's message, message_user_info, thread_list_item,
// node_category_level_1 and node_forum_level_2 templates show it.
//
// URLs (relative to a <base href>): forums/slug.ID/[page-N],
// threads/slug.ID/[page-N], posts/ID/ (the permalink; it redirects to the
// thread page), members/slug.ID/, attachments/name-ext.ID/, goto/post?id=N
// (quote sources). Categories are anchors on the index ("#slug.ID"). Wrong
// slugs redirect to the canonical path.
//
// Dates older than a week are `<span class="DateTime" title="May 15, 2018
// at 1:20 PM">May 15, 2018</span>`: no zone and no seconds, so the truth's
// PostedAt is the displayed wall clock (as UTC, as a crawler reads it) and
// Zoned is false. Every generated post is older than a week, so the
// `<abbr class="DateTime" data-time>` of recent dates is not imitated.
// Emoji are plain text (XenForo 1 has no emoji images); smilies are sprite
// images whose alt is their code and give no text. A location is a
// misc/location-info link, or a flag image with a title or an alt (as
// gtplanet's style shows it); countries are not shown.
//
// Not imitated: likes beyond the summary line, the quick reply form,
// polls, sidebars, the "Today at" style of recent dates.
type xenforo1 struct{}

func init() { registerSkin("xenforo1", func() skin { return xenforo1{} }) }

func (xenforo1) indexPath(f *Forum) string { return f.cfg.Prefix + "/" }

// categoryPath returns the index anchor of a category, as XenForo 1 links it.
func (xenforo1) categoryPath(f *Forum, c *category) string {
	return f.cfg.Prefix + "/#" + key(c.slug, c.id)
}

func (xenforo1) indexCrumb() string { return "Forums" }

func (xenforo1) boardPath(f *Forum, b *board, n int) string {
	return f.cfg.Prefix + "/forums/" + key(b.slug, b.id) + "/" + pageSuffix(n)
}

func (xenforo1) threadPath(f *Forum, t *thread, n int) string {
	return f.cfg.Prefix + "/threads/" + key(t.slug, t.id) + "/" + pageSuffix(n)
}

// postPath returns posts/ID/, the permalink of message and its #N link.
func (xenforo1) postPath(f *Forum, p *post) string {
	return f.cfg.Prefix + "/posts/" + id(p.id) + "/"
}

func (xenforo1) memberPath(f *Forum, u *user) string {
	return f.cfg.Prefix + "/members/" + key(u.slug, u.id) + "/"
}

func (xenforo1) attachmentPath(f *Forum, a attachment) string {
	return f.cfg.Prefix + "/attachments/" + key(slugify(a.name), a.id) + "/"
}

// wallClock returns t's displayed wall clock to the minute, as UTC: what a
// crawler knows from a page that shows no zone.
func wallClock(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), 0, 0, time.UTC)
}

// postTime: XenForo 1 shows "May 15, 2018" with the time in its title, no zone.
func (xenforo1) postTime(t time.Time) (time.Time, string, bool) {
	return wallClock(t), t.Format("Jan 2, 2006"), false
}

// xf1DateTime returns XenForo 1's DateTime span for t.
func xf1DateTime(t time.Time) string {
	return `<span class="DateTime" title="` + t.Format("Jan 2, 2006") + " at " + t.Format("3:04 PM") + `">` + t.Format("Jan 2, 2006") + "</span>"
}

// author returns what message_user_info shows: the user title, banners and
// the extraUserInfo pairs (Joined, Messages, Likes Received, Trophy Points,
// Location, custom fields). Guests and deleted members show "Guest" only.
func (xenforo1) author(f *Forum, p *post) AuthorTruth {
	u := p.author
	at := AuthorTruth{Name: u.name, Title: "Guest"}
	if u.kind != member {
		return at
	}
	joined := u.joined.In(p.thread.zone)
	at.ID, at.Path, at.Title = id(u.id), f.memberPath(u), u.title
	at.Banners = append([]string(nil), u.banners...)
	at.Joined = joined.Format("2006-01-02")
	at.Messages, at.ReactionScore = u.messages, u.reactions
	at.Fields = []FieldTruth{{"Joined:", joined.Format("Jan 2, 2006")}, {"Messages:", number(u.messages)}, {"Likes Received:", number(u.reactions)}}
	if u.points != nil {
		v := *u.points
		at.Points = &v
		at.Fields = append(at.Fields, FieldTruth{"Trophy Points:", number(v)})
	}
	if u.location != nil {
		at.Location = u.location.display
		at.Fields = append(at.Fields, FieldTruth{"Location:", u.location.display})
	}
	for _, c := range u.custom {
		at.Fields = append(at.Fields, FieldTruth{c.Label + ":", c.Value})
	}
	return at
}

// serve routes XenForo 1's pages and actions.
func (s xenforo1) serve(f *Forum, w http.ResponseWriter, r *http.Request, p string) {
	o := origin(r)
	seg, rest, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	switch seg {
	case "", "index.php":
		if rest != "" || p == "/index.php/" {
			s.notFound(f, w, r)
			return
		}
		writeHTML(w, http.StatusOK, s.indexPage(f, o))
	case "forums":
		s.routeBoard(f, w, r, rest)
	case "threads":
		s.routeThread(f, w, r, rest)
	case "posts":
		parts := splitRest(rest)
		n, _ := strconv.ParseInt(firstOr(parts), 10, 64)
		pt := f.postByID[n]
		switch {
		case pt == nil || len(parts) > 2:
			s.notFound(f, w, r)
		case len(parts) == 1:
			redirect(w, r, s.threadPath(f, pt.thread, f.postPage(pt))+"#post-"+id(pt.id), http.StatusMovedPermanently)
		default:
			s.forbidden(f, w, r)
		}
	case "goto":
		n, _ := strconv.ParseInt(r.URL.Query().Get("id"), 10, 64)
		if pt := f.postByID[n]; rest == "post" && pt != nil {
			redirect(w, r, s.threadPath(f, pt.thread, f.postPage(pt))+"#post-"+id(pt.id), http.StatusMovedPermanently)
			return
		}
		s.notFound(f, w, r)
	case "members":
		parts := splitRest(rest)
		if len(parts) == 0 {
			writeHTML(w, http.StatusOK, s.message(f, o, "member_list", "Registered Members", "Notable members of "+siteName+"."))
			return
		}
		_, n, ok := parseKey(parts[0])
		for _, u := range f.users {
			if ok && u.id == n && len(parts) == 1 {
				writeHTML(w, http.StatusOK, s.message(f, o, "member_view", u.name, u.title+", "+number(u.messages)+" messages."))
				return
			}
		}
		s.notFound(f, w, r)
	case "login", "register", "lost-password":
		writeHTML(w, http.StatusOK, s.message(f, o, "login", "Log in", "Log in or sign up to join the community."))
	case "search", "find-new", "recent-activity", "misc", "help", "online":
		writeHTML(w, http.StatusOK, s.message(f, o, "search_form", "Search", "Search threads and posts."))
	case "styles", "data", "attachments":
		serveGIF(w)
	case "css.php":
		serveCSS(w)
	default:
		s.notFound(f, w, r)
	}
}

// firstOr returns the first element of parts, or "".
func firstOr(parts []string) string {
	if len(parts) == 0 {
		return ""
	}
	return parts[0]
}

// routeBoard serves forums/slug.ID/[page-N], sorted with ?order=.
func (s xenforo1) routeBoard(f *Forum, w http.ResponseWriter, r *http.Request, rest string) {
	slug, n, parts, slash, ok := nodeSegment(rest)
	b := f.boardByID[n]
	if !ok || b == nil || len(parts) > 1 {
		s.notFound(f, w, r)
		return
	}
	if canonicalize(w, r, slug, b.slug, slash, s.boardPath(f, b, 1), parts) {
		return
	}
	num := 1
	if len(parts) == 1 {
		if parts[0] == "create-thread" || parts[0] == "watch-confirm" {
			s.forbidden(f, w, r)
			return
		}
		if num, ok = pageNumber(parts[0]); !ok {
			s.notFound(f, w, r)
			return
		}
	}
	order, dir := r.URL.Query().Get("order"), r.URL.Query().Get("direction")
	valid := false
	for _, o := range sortOrders {
		valid = valid || o[0] == order
	}
	if !valid {
		order = ""
	}
	if dir != "asc" {
		dir = "desc"
	}
	last := f.boardPages(b)
	if order != "" {
		last = max(1, (len(b.threads)+f.cfg.ThreadsPerPage-1)/f.cfg.ThreadsPerPage)
	}
	if num > last {
		redirect(w, r, s.boardPath(f, b, last), http.StatusFound)
		return
	}
	writeHTML(w, http.StatusOK, s.boardPage(f, origin(r), b, num, order, dir))
}

// routeThread serves threads/slug.ID/[page-N] and the thread's actions.
func (s xenforo1) routeThread(f *Forum, w http.ResponseWriter, r *http.Request, rest string) {
	slug, n, parts, slash, ok := nodeSegment(rest)
	t := f.threadByID[n]
	if !ok || t == nil || len(parts) > 1 {
		s.notFound(f, w, r)
		return
	}
	if canonicalize(w, r, slug, t.slug, slash, s.threadPath(f, t, 1), parts) {
		return
	}
	num := 1
	if len(parts) == 1 {
		switch a := parts[0]; a {
		case "unread":
			last := t.last()
			redirect(w, r, s.threadPath(f, t, f.postPage(last))+"#post-"+id(last.id), http.StatusSeeOther)
			return
		case "reply", "watch-confirm", "add-reply":
			s.forbidden(f, w, r)
			return
		case "preview":
			writeHTML(w, http.StatusOK, "<div class=\"previewTooltip\"><blockquote class=\"previewText\">"+esc(t.posts[0].body.text)+"</blockquote></div>")
			return
		default:
			if num, ok = pageNumber(a); !ok {
				s.notFound(f, w, r)
				return
			}
		}
	}
	if last := f.threadPages(t); num > last {
		redirect(w, r, s.threadPath(f, t, last), http.StatusFound)
		return
	}
	writeHTML(w, http.StatusOK, s.threadPage(f, origin(r), t, num))
}

// notFound writes XenForo 1's error page with a 404 status.
func (s xenforo1) notFound(f *Forum, w http.ResponseWriter, r *http.Request) {
	writeHTML(w, http.StatusNotFound, s.message(f, origin(r), "error", "Error", "The requested page could not be found."))
}

// forbidden writes the page XenForo 1 shows guests for actions that need an account.
func (s xenforo1) forbidden(f *Forum, w http.ResponseWriter, r *http.Request) {
	writeHTML(w, http.StatusForbidden, s.message(f, origin(r), "error_with_login", "Error", "You must be logged-in to do that."))
}
