package forumsim

import (
	"crypto/md5"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// phpbb renders the forum as phpBB 3.3 with the prosilver style, as the
// fixtures in shared/fixtures/phpbb and prosilver's viewtopic_body,
// viewforum_body, forumlist_body and index_body templates show it.
//
// URLs: index.php, viewforum.php?f=2[&start=20], viewtopic.php?f=2&t=13
// [&start=20] in links, viewtopic.php?t=13[&start=20] as the canonical
// link, viewtopic.php?p=456#p456 (permalinks, which phpBB answers
// with the post's page, not a redirect), memberlist.php?mode=viewprofile&u=5,
// download/file.php?id=7. Navigation, breadcrumb, pagination, profile and
// posting links carry a guest session id (&sid=...), as phpBB adds for a
// visitor without cookies; listing titles and permalinks do not. Every page
// answers with or without any sid.
//
// Not imitated: the topic's first-unread anchor, jumpboxes, the sort form's
// effect (phpBB posts it; here GET sk/sd/st are only accepted), "Today"/
// "Yesterday" dates (off by default in 3.3), profile images for ranks,
// announcements (stickies only), contact dropdowns and avatars other than
// uploaded ones. Country flags are not shown (phpBB has no such field), so
// the truth has no Country; there are no banners, points or reaction score.
type phpbb struct{}

func init() { registerSkin("phpbb", func() skin { return phpbb{} }) }

// phpbbDate is phpBB's default date format, "D M d, Y g:i a".
const phpbbDate = "Mon Jan 02, 2006 3:04 pm"

// sid returns the forum's guest session id.
func (phpbb) sid(f *Forum) string {
	h := md5.Sum([]byte("phpbb-sid-" + strconv.FormatInt(f.cfg.Seed, 10)))
	return hex.EncodeToString(h[:])
}

// withSID returns a path with the guest session id added to its query.
func (s phpbb) withSID(f *Forum, path string) string {
	frag := ""
	if i := strings.IndexByte(path, '#'); i >= 0 {
		path, frag = path[:i], path[i:]
	}
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return path + sep + "sid=" + s.sid(f) + frag
}

func (phpbb) indexPath(f *Forum) string { return f.cfg.Prefix + "/index.php" }

func (phpbb) categoryPath(f *Forum, c *category) string {
	return f.cfg.Prefix + "/viewforum.php?f=" + id(c.id)
}

func (phpbb) indexCrumb() string { return "Board index" }

func (phpbb) boardPath(f *Forum, b *board, n int) string {
	p := f.cfg.Prefix + "/viewforum.php?f=" + id(b.id)
	if n > 1 {
		p += "&start=" + strconv.Itoa((n-1)*f.cfg.ThreadsPerPage)
	}
	return p
}

// threadPath returns phpBB's canonical topic URL (viewtopic.php?t=13
// [&start=20], without the forum id) with its query in sorted order, the
// form a crawler requests; phpBB answers any order alike.
func (phpbb) threadPath(f *Forum, t *thread, n int) string {
	if n > 1 {
		return f.cfg.Prefix + "/viewtopic.php?start=" + strconv.Itoa((n-1)*f.cfg.PostsPerPage) + "&t=" + id(t.id)
	}
	return f.cfg.Prefix + "/viewtopic.php?t=" + id(t.id)
}

// topicCanonical returns the href of a topic page's <link rel=canonical>,
// in phpBB's order: viewtopic.php?t=13&start=20.
func (phpbb) topicCanonical(f *Forum, t *thread, n int) string {
	p := f.cfg.Prefix + "/viewtopic.php?t=" + id(t.id)
	if n > 1 {
		p += "&start=" + strconv.Itoa((n-1)*f.cfg.PostsPerPage)
	}
	return p
}

// topicLink returns the path phpBB links page n of a topic with, in
// listings and pagination: viewtopic.php?f=2&t=13[&start=20].
func (phpbb) topicLink(f *Forum, t *thread, n int) string {
	p := f.cfg.Prefix + "/viewtopic.php?f=" + id(t.board.id) + "&t=" + id(t.id)
	if n > 1 {
		p += "&start=" + strconv.Itoa((n-1)*f.cfg.PostsPerPage)
	}
	return p
}

func (phpbb) postPath(f *Forum, p *post) string {
	return f.cfg.Prefix + "/viewtopic.php?p=" + id(p.id) + "#p" + id(p.id)
}

func (phpbb) memberPath(f *Forum, u *user) string {
	return f.cfg.Prefix + "/memberlist.php?mode=viewprofile&u=" + id(u.id)
}

func (phpbb) attachmentPath(f *Forum, a attachment) string {
	return f.cfg.Prefix + "/download/file.php?id=" + id(a.id)
}

// postTime: phpBB 3.3 gives <time datetime> in UTC with seconds.
func (phpbb) postTime(t time.Time) (time.Time, string, bool) { return t, t.Format(phpbbDate), true }

// editTime: the edit note shows only the minute, in the zone the footer
// names ("All times are UTC+01:00"), which a reader can read: the truth is
// the edit's instant, to the minute.
func (phpbb) editTime(t time.Time) time.Time { return t.Truncate(time.Minute) }

// unnumbered: prosilver shows no post numbers, so the truth's positions are 0.
func (phpbb) unnumbered() {}

// timeTag returns phpBB 3.3's <time> element for t.
func (phpbb) timeTag(t time.Time) string {
	return `<time datetime="` + t.UTC().Format("2006-01-02T15:04:05+00:00") + `">` + t.Format(phpbbDate) + `</time>`
}

// author returns what prosilver's postprofile shows: the rank, "Posts:",
// "Joined:" (date and time in the page's zone), the location and custom
// profile fields. Guests and deleted users show only their name.
func (phpbb) author(f *Forum, p *post) AuthorTruth {
	u := p.author
	at := AuthorTruth{Name: u.name}
	if u.kind != member {
		return at
	}
	joined := u.joined.In(p.thread.zone)
	at.ID, at.Path, at.Title = id(u.id), f.memberPath(u), u.title
	at.Joined = joined.Format("2006-01-02")
	at.Messages = u.messages
	at.Fields = []FieldTruth{{"Posts", strconv.FormatInt(u.messages, 10)}, {"Joined", joined.Format(phpbbDate)}}
	if u.location != nil {
		at.Location = u.location.display
		at.Fields = append(at.Fields, FieldTruth{"Location", u.location.display})
	}
	at.Fields = append(at.Fields, u.custom...)
	return at
}

// serve routes phpBB's scripts; unknown scripts and missing content are 404s.
func (s phpbb) serve(f *Forum, w http.ResponseWriter, r *http.Request, path string) {
	q := r.URL.Query()
	num := func(k string) int64 { n, _ := strconv.ParseInt(q.Get(k), 10, 64); return n }
	o := origin(r)
	switch path {
	case "/", "/index.php":
		writeHTML(w, http.StatusOK, s.indexPage(f, o))
	case "/viewforum.php":
		b := f.boardByID[num("f")]
		for _, c := range f.categories {
			if b == nil && c.id == num("f") {
				writeHTML(w, http.StatusOK, s.categoryPage(f, o, c))
				return
			}
		}
		if b == nil {
			s.message(f, w, o, http.StatusNotFound, "Information", "The forum you selected does not exist.")
			return
		}
		writeHTML(w, http.StatusOK, s.boardPage(f, o, b, s.pageOf(int(num("start")), f.cfg.ThreadsPerPage, f.boardPages(b))))
	case "/viewtopic.php":
		t := f.threadByID[num("t")]
		n := 0
		if p := f.postByID[num("p")]; p != nil && q.Get("t") == "" {
			t, n = p.thread, f.postPage(p)
		}
		if t == nil {
			s.message(f, w, o, http.StatusNotFound, "Information", "The requested topic does not exist.")
			return
		}
		switch q.Get("view") {
		case "print":
			writeHTML(w, http.StatusOK, s.printPage(f, t))
			return
		case "unread":
			last := t.last()
			redirect(w, r, s.topicLink(f, t, f.postPage(last))+"#p"+id(last.id), http.StatusFound)
			return
		}
		if n == 0 {
			n = s.pageOf(int(num("start")), f.cfg.PostsPerPage, f.threadPages(t))
		}
		writeHTML(w, http.StatusOK, s.threadPage(f, o, t, n))
	case "/memberlist.php":
		var u *user
		for _, c := range f.users {
			if c.id == num("u") {
				u = c
			}
		}
		switch {
		case q.Get("mode") == "viewprofile" && u != nil:
			writeHTML(w, http.StatusOK, s.frame(f, o, "memberlist", "Viewing profile - "+u.name, "", nil, time.UTC,
				`<h2 class="memberlist-title">Viewing profile - `+esc(u.name)+"</h2>\n<dl class=\"left-box details profile-details\"><dt>Username:</dt><dd><span>"+esc(u.name)+
					"</span></dd><dt>Total posts:</dt><dd>"+strconv.FormatInt(u.messages, 10)+"</dd></dl>\n"))
		case q.Get("mode") == "viewprofile":
			s.message(f, w, o, http.StatusNotFound, "Information", "The requested user does not exist.")
		default:
			s.forbidden(f, w, r)
		}
	case "/ucp.php", "/search.php", "/faq.php", "/app.php/help/faq":
		writeHTML(w, http.StatusOK, s.frame(f, o, "ucp", "Login", "", nil, time.UTC, s.loginForm(f)))
	case "/posting.php":
		s.forbidden(f, w, r)
	case "/download/file.php", "/styles/prosilver/theme/images/site_logo.svg":
		serveGIF(w)
	case "/styles/prosilver/theme/stylesheet.css":
		serveCSS(w)
	default:
		s.notFound(f, w, r)
	}
}

// pageOf returns the page a start offset falls on; phpBB clamps an offset
// past the end to the last page (and serves it, without redirecting).
func (phpbb) pageOf(start, per, last int) int {
	return min(max(0, start)/per+1, last)
}

// notFound writes phpBB's general error page with a 404 status.
func (s phpbb) notFound(f *Forum, w http.ResponseWriter, r *http.Request) {
	s.message(f, w, origin(r), http.StatusNotFound, "General Error", "The page you requested does not exist.")
}

// forbidden writes the login box phpBB shows guests for actions that need an account.
func (s phpbb) forbidden(f *Forum, w http.ResponseWriter, r *http.Request) {
	writeHTML(w, http.StatusForbidden, s.frame(f, origin(r), "ucp", "Login", "", nil, time.UTC,
		"<p>The board requires you to be registered and logged in to view this page.</p>\n"+s.loginForm(f)))
}

// message writes phpBB's message box (information or error) with a status.
func (s phpbb) message(f *Forum, w http.ResponseWriter, o string, status int, title, text string) {
	writeHTML(w, status, s.frame(f, o, "error", title, "", nil, time.UTC,
		"<div class=\"panel\" id=\"message\">\n\t<div class=\"inner\">\n\t<h2 class=\"message-title\">"+esc(title)+"</h2>\n\t<p>"+esc(text)+"</p>\n\t</div>\n</div>\n"))
}

// loginForm returns prosilver's login box.
func (s phpbb) loginForm(f *Forum) string {
	return "<form action=\"" + s.href(f, f.cfg.Prefix+"/ucp.php?mode=login", true) + "\" method=\"post\" id=\"login\" data-focus=\"username\">\n<div class=\"panel\"><div class=\"inner\"><div class=\"content\">\n" +
		"<h2 class=\"login-title\">Login</h2>\n<fieldset class=\"fields1\">\n<dl><dt><label for=\"username\">Username:</label></dt><dd><input type=\"text\" tabindex=\"1\" name=\"username\" id=\"username\" size=\"25\" class=\"inputbox autowidth\" /></dd></dl>\n" +
		"<dl><dt><label for=\"password\">Password:</label></dt><dd><input type=\"password\" tabindex=\"2\" id=\"password\" name=\"password\" size=\"25\" class=\"inputbox autowidth\" autocomplete=\"off\" /></dd></dl>\n</fieldset>\n</div></div></div>\n</form>\n"
}

// rel returns a path under the prefix as phpBB links it, relative to the
// board's root: "./viewtopic.php?...".
func (phpbb) rel(f *Forum, path string) string {
	return "." + strings.TrimPrefix(path, f.cfg.Prefix)
}

// href returns a path as phpBB links it, relative, with the session id
// when sid is true, escaped for an attribute.
func (s phpbb) href(f *Forum, path string, sid bool) string {
	if sid {
		path = s.withSID(f, path)
	}
	return esc(s.rel(f, path))
}
