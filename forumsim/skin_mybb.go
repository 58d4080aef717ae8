package forumsim

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// mybb renders the forum as MyBB 1.8.37 with its default theme and without
// search-engine-friendly URLs, as the pages of a real install in
// shared/fixtures/mybb-local show it (postbit, forumdisplay_thread,
// forumbit_depth1_cat/depth2_forum, multipage, nav templates).
//
// URLs (relative links, members and the home absolute, as MyBB's bburl
// makes them): index.php, forumdisplay.php?fid=2[&page=2],
// showthread.php?tid=13[&page=2], permalinks showthread.php?tid=13&pid=456#pid456,
// member.php?action=profile&uid=5, attachment.php?aid=7. Pages link thread
// page N as showthread.php?tid=13&page=N; the truth's path of that page
// is the same URL with its query sorted (showthread.php?page=N&tid=13), the
// one form a crawler keeps of it, since the request log (checkFetchedOnce)
// compares paths as strings. showthread.php?pid=456 is answered with the
// post's page; action=lastpost/newpost redirect to the last post's permalink.
// A page number past the end (or below 1) shows page 1, as MyBB does.
//
// Dates: MyBB shows "10-16-2026, 04:26 AM" (dateformat m-d-Y, timeformat
// h:i A) in the board's zone, which no page names; the board zone here is
// UTC. Recent times are relative (mybbDate: "Less than 1 minute ago",
// "3 hours ago", "Yesterday, 02:26 AM", each in a span titled with the
// absolute date) against the time the page is served; posts older than
// two days are absolute. The truth's PostedAt and EditedAt are the shown
// wall clock (Zoned false). "Joined" shows a month ("May 2026"), so the
// truth's Joined is the first of that month. The author block shows Posts,
// Threads (threads started), Joined and Reputation (the truth's reaction
// score), then Location and custom fields as postbit profile fields (which
// an admin can enable; off for Location by default).
//
// Not imitated: MyBB counts sticky threads in its listing pages (here page 1
// shows them above a full page, as the shared paging has it), sorting
// (forumdisplay's sort links serve the default order), threaded mode (served
// as the linear page), image attachments' thumbnails (every attachment is a
// file link), online status, post icons, ratings, polls, the quick reply
// form, the archive (lite) view (its footer link is left out). Post bodies
// are rendered once, before a request names the host, so smilie images and
// quote jump links are root-relative where MyBB writes them absolute with
// bburl. MyBB has no [spoiler] MyCode by default, so a spoiler shows as its
// literal tags; emoji are plain text; smilies are images whose alt is the
// smilie's name and give no text.
type mybb struct{}

func init() { registerSkin("mybb", func() skin { return mybb{} }) }

// mybbLayout is the board's date and time format, "m-d-Y, h:i A".
const mybbLayout = "01-02-2006, 03:04 PM"

// mybbDate returns how MyBB's my_date('relative') shows t to a page
// served at now: the HTML and its text.
func mybbDate(t, now time.Time) (html, text string) {
	t, now = t.UTC(), now.UTC()
	abs := t.Format(mybbLayout)
	diff := now.Sub(t)
	if diff < 0 {
		diff = -diff
	}
	rel := func(n int64, unit string) (string, string) {
		s := strconv.FormatInt(n, 10) + " " + unit
		if n > 1 {
			s += "s"
		}
		s += " ago"
		if unit == "minute" && diff <= time.Minute {
			s = "Less than 1 minute ago"
		}
		return `<span title="` + abs + `">` + s + `</span>`, s
	}
	switch {
	case diff < time.Hour:
		return rel(max(1, int64(diff/time.Minute)), "minute")
	case diff < 12*time.Hour:
		return rel(max(1, int64(diff/time.Hour)), "hour")
	}
	day := t.Format("01-02-2006")
	for word, d := range map[string]time.Time{"Today": now, "Yesterday": now.AddDate(0, 0, -1)} {
		if d.Format("01-02-2006") == day {
			return `<span title="` + day + `">` + word + `</span>, ` + t.Format("03:04 PM"), word + ", " + t.Format("03:04 PM")
		}
	}
	return abs, abs
}

func (mybb) indexPath(f *Forum) string { return f.cfg.Prefix + "/index.php" }

func (mybb) categoryPath(f *Forum, c *category) string {
	return f.cfg.Prefix + "/forumdisplay.php?fid=" + id(c.id)
}

func (mybb) indexCrumb() string { return siteName }

func (mybb) boardPath(f *Forum, b *board, n int) string {
	p := f.cfg.Prefix + "/forumdisplay.php?fid=" + id(b.id)
	if n > 1 {
		p += "&page=" + strconv.Itoa(n)
	}
	return p
}

// threadPath returns the sorted-query form of a thread page (see mybb).
func (mybb) threadPath(f *Forum, t *thread, n int) string {
	if n > 1 {
		return f.cfg.Prefix + "/showthread.php?page=" + strconv.Itoa(n) + "&tid=" + id(t.id)
	}
	return f.cfg.Prefix + "/showthread.php?tid=" + id(t.id)
}

// threadLink returns a thread page's link as MyBB writes it, relative and escaped.
func (mybb) threadLink(t *thread, n int) string {
	if n > 1 {
		return "showthread.php?tid=" + id(t.id) + "&amp;page=" + strconv.Itoa(n)
	}
	return "showthread.php?tid=" + id(t.id)
}

func (mybb) postPath(f *Forum, p *post) string {
	return f.cfg.Prefix + "/showthread.php?tid=" + id(p.thread.id) + "&pid=" + id(p.id) + "#pid" + id(p.id)
}

func (mybb) memberPath(f *Forum, u *user) string {
	return f.cfg.Prefix + "/member.php?action=profile&uid=" + id(u.id)
}

func (mybb) attachmentPath(f *Forum, a attachment) string {
	return f.cfg.Prefix + "/attachment.php?aid=" + id(a.id)
}

// postTime: the shown wall clock of the board's zone (UTC), no machine time.
func (mybb) postTime(t time.Time) (time.Time, string, bool) {
	_, raw := mybbDate(t, time.Now())
	return t.UTC().Truncate(time.Minute), raw, false
}

// threadsStarted returns how many threads u started, postbit's "Threads".
func (mybb) threadsStarted(f *Forum, u *user) int64 {
	var n int64
	for _, t := range f.threads {
		if t.posts[0].author == u {
			n++
		}
	}
	return n
}

// author returns what postbit's author_information and author_statistics
// show: the user title, Posts, Threads, Joined (a month), Reputation, then
// profile fields. Guests and deleted users are "Unregistered" with no stats.
func (s mybb) author(f *Forum, p *post) AuthorTruth {
	u := p.author
	at := AuthorTruth{Name: u.name, Title: "Unregistered"}
	if u.kind != member {
		return at
	}
	joined := u.joined.UTC()
	at.ID, at.Path, at.Title = id(u.id), f.memberPath(u), u.title
	at.Joined = joined.Format("2006-01") + "-01"
	at.Messages, at.ReactionScore = u.messages, u.reactions
	at.Fields = []FieldTruth{{"Posts", number(u.messages)}, {"Threads", number(s.threadsStarted(f, u))},
		{"Joined", joined.Format("Jan 2006")}, {"Reputation", strconv.FormatInt(u.reactions, 10)}}
	if u.location != nil {
		at.Location = u.location.display
		at.Fields = append(at.Fields, FieldTruth{"Location", u.location.display})
	}
	at.Fields = append(at.Fields, u.custom...)
	return at
}

// serve routes MyBB's scripts.
func (s mybb) serve(f *Forum, w http.ResponseWriter, r *http.Request, path string) {
	q := r.URL.Query()
	num := func(k string) int64 { n, _ := strconv.ParseInt(q.Get(k), 10, 64); return n }
	o := origin(r)
	switch path {
	case "/", "/index.php":
		writeHTML(w, http.StatusOK, s.indexPage(f, o))
	case "/forumdisplay.php":
		if b := f.boardByID[num("fid")]; b != nil {
			writeHTML(w, http.StatusOK, s.boardPage(f, o, b, s.pageOf(int(num("page")), f.boardPages(b))))
			return
		}
		for _, c := range f.categories {
			if c.id == num("fid") {
				writeHTML(w, http.StatusOK, s.categoryPage(f, o, c))
				return
			}
		}
		s.message(f, w, o, http.StatusNotFound, "Invalid forum")
	case "/showthread.php", "/printthread.php":
		t := f.threadByID[num("tid")]
		p := f.postByID[num("pid")]
		if p != nil && (t == nil || p.thread == t) {
			t = p.thread
		} else {
			p = nil
		}
		switch {
		case t == nil:
			s.message(f, w, o, http.StatusNotFound, "The specified thread does not exist.")
		case path == "/printthread.php":
			writeHTML(w, http.StatusOK, s.printPage(f, t))
		case q.Get("action") == "lastpost" || q.Get("action") == "newpost":
			redirect(w, r, s.postPath(f, t.last()), http.StatusFound)
		case p != nil:
			writeHTML(w, http.StatusOK, s.threadPage(f, o, t, f.postPage(p)))
		default:
			writeHTML(w, http.StatusOK, s.threadPage(f, o, t, s.pageOf(int(num("page")), f.threadPages(t))))
		}
	case "/member.php":
		for _, u := range f.users {
			if q.Get("action") == "profile" && u.id == num("uid") {
				writeHTML(w, http.StatusOK, s.frame(f, o, "Profile of "+u.name, nil, "Profile of "+u.name,
					"<table border=\"0\" cellspacing=\"0\" cellpadding=\"5\" class=\"tborder\">\n<tr><td class=\"thead\"><strong>"+esc(u.name)+"</strong></td></tr>\n<tr><td class=\"trow1\"><strong>Total Posts:</strong> "+number(u.messages)+"</td></tr>\n</table>\n"))
				return
			}
		}
		if q.Get("action") == "profile" {
			s.message(f, w, o, http.StatusNotFound, "The member you specified is either invalid or doesn't exist.")
			return
		}
		s.forbidden(f, w, r)
	case "/newreply.php", "/newthread.php", "/search.php", "/misc.php", "/reputation.php", "/online.php",
		"/memberlist.php", "/calendar.php", "/portal.php", "/ratethread.php", "/showteam.php", "/contact.php", "/syndication.php":
		s.forbidden(f, w, r)
	case "/attachment.php":
		serveGIF(w)
	default:
		switch {
		case strings.HasPrefix(path, "/images/"), strings.HasPrefix(path, "/uploads/"):
			serveGIF(w)
		case strings.HasPrefix(path, "/cache/themes/"), strings.HasPrefix(path, "/jscripts/"):
			serveCSS(w)
		default:
			s.notFound(f, w, r)
		}
	}
}

// pageOf returns the page MyBB shows for a page parameter: page 1 when it
// is out of range.
func (mybb) pageOf(n, last int) int {
	if n < 1 || n > last {
		return 1
	}
	return n
}

// notFound writes a 404 for an unknown script.
func (s mybb) notFound(f *Forum, w http.ResponseWriter, r *http.Request) {
	s.message(f, w, origin(r), http.StatusNotFound, "The page you requested does not exist.")
}

// forbidden writes MyBB's no-permission page with its login form.
func (s mybb) forbidden(f *Forum, w http.ResponseWriter, r *http.Request) {
	o := origin(r)
	writeHTML(w, http.StatusForbidden, s.frame(f, o, siteName, nil, "",
		"<table border=\"0\" cellspacing=\"0\" cellpadding=\"5\" class=\"tborder\">\n<tr><td class=\"thead\"><span class=\"smalltext\"><strong>"+siteName+"</strong></span></td></tr>\n"+
			"<tr><td class=\"trow1\">You are either not logged in or do not have permission to view this page.</td></tr>\n</table>\n"+
			"<form action=\""+esc(o+f.cfg.Prefix)+"/member.php\" method=\"post\"><input type=\"hidden\" name=\"action\" value=\"do_login\" /><input type=\"text\" class=\"textbox\" name=\"username\" /><input type=\"password\" class=\"textbox\" name=\"password\" /></form>\n"))
}

// message writes MyBB's error page (error template) with a status.
func (s mybb) message(f *Forum, w http.ResponseWriter, o string, status int, text string) {
	writeHTML(w, status, s.frame(f, o, siteName, nil, "",
		"<table border=\"0\" cellspacing=\"0\" cellpadding=\"5\" class=\"tborder\">\n<tr><td class=\"thead\"><span class=\"smalltext\"><strong>"+siteName+"</strong></span></td></tr>\n<tr><td class=\"trow1\">"+esc(text)+"</td></tr>\n</table>\n"))
}
