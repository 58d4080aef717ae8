package forumsim

import (
	"crypto/md5"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// vbulletin renders the forum as vBulletin 4.2 with its default style and
// friendly URLs, as the fixtures in shared/fixtures/vbulletin/*vb4* and
// vBulletin 4's postbit_legacy, threadbit and forumhome templates show it.
//
// URLs (relative to a <base href>): forum.php, forumdisplay.php?2-Board-Title
// [/page2], showthread.php?13-Thread-Title[/page2], permalinks
// showthread.php?13-Thread-Title&p=456&viewfull=1#post456, member.php?5-name,
// attachment.php?attachmentid=7. The pages link these friendly forms. The
// other forms of a page (showthread.php?t=13&page=2, forumdisplay.php?f=2)
// and a friendly URL with a wrong title slug redirect to the friendly form,
// as a vBulletin 4 that enforces its canonical URLs for guests does (a
// crawler that fetched them would pay two requests a page). The t=/f= forms
// are the truth's paths all the same: they are the URLs a crawler keeps as
// a page's identity (see the path functions and parser's URLForms).
// showthread.php?p=456 is answered with the post's page. Quote source links,
// jumps and account links carry a guest session id (s=...).
//
// Dates are shown as "06-15-2016, 03:03 PM" in the thread's zone, with no
// machine-readable time; the zone is named in the footer ("All times are
// GMT -7."), which the parser reads: the truth's PostedAt and EditedAt are
// the instants to the minute. "Join Date" shows a
// month ("Oct 2010"), so the truth's Joined is the first of that month. Board
// and index pages show their times in GMT. Categories (forumbit_nopost L1
// heads) link to their forumdisplay page, as vBulletin's do, but a crawl need
// not fetch them: the index lists every board they hold.
//
// Not imitated: "Today"/"Yesterday" dates, the member action popup's full
// contents, reputation, online status, thread ratings, the quick reply box,
// the forum's statistics block, vBSEO-style paths. Emoji are plain text (as a
// utf8mb4 vBulletin stores them); smilies are images with an empty alt.
type vbulletin struct{}

func init() { registerSkin("vbulletin", func() skin { return vbulletin{} }) }

// vbSlug returns vBulletin's friendly-URL fragment of a title: ASCII words
// (accents romanized) joined by dashes, case kept.
func vbSlug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range title {
		s := ""
		switch lr := []rune(strings.ToLower(string(r)))[0]; {
		case r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'):
			s = string(r)
		case romanize[lr] != "":
			s = romanize[lr]
			if lr != r {
				s = strings.ToUpper(s[:1]) + s[1:]
			}
		}
		if s == "" {
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteString(s)
	}
	return b.String()
}

// friendly returns "ID-Slug", or "ID" when the slug is empty.
func friendly(n int64, title string) string {
	if s := vbSlug(title); s != "" {
		return id(n) + "-" + s
	}
	return id(n)
}

// sess returns the forum's guest session id.
func (vbulletin) sess(f *Forum) string {
	h := md5.Sum([]byte("vb-session-" + strconv.FormatInt(f.cfg.Seed, 10)))
	return hex.EncodeToString(h[:])
}

func (vbulletin) indexPath(f *Forum) string { return f.cfg.Prefix + "/forum.php" }

// categoryPath, boardPath, threadPath and postPath give the canonical
// forms a crawler keeps (f=, t=, p=; see parser's URLForms), in the order
// of keys it writes; the pages link the friendly forms (friendly*).
func (vbulletin) categoryPath(f *Forum, c *category) string {
	return f.cfg.Prefix + "/forumdisplay.php?f=" + id(c.id)
}

func (vbulletin) indexCrumb() string { return "Forum" }

func (vbulletin) boardPath(f *Forum, b *board, n int) string {
	if n > 1 {
		return f.cfg.Prefix + "/forumdisplay.php?f=" + id(b.id) + "&page=" + strconv.Itoa(n)
	}
	return f.cfg.Prefix + "/forumdisplay.php?f=" + id(b.id)
}

func (vbulletin) threadPath(f *Forum, t *thread, n int) string {
	if n > 1 {
		return f.cfg.Prefix + "/showthread.php?page=" + strconv.Itoa(n) + "&t=" + id(t.id)
	}
	return f.cfg.Prefix + "/showthread.php?t=" + id(t.id)
}

func (vbulletin) postPath(f *Forum, p *post) string {
	return f.cfg.Prefix + "/showthread.php?p=" + id(p.id) + "#post" + id(p.id)
}

// friendlyCategory returns the friendly path the pages link a category with.
func (vbulletin) friendlyCategory(f *Forum, c *category) string {
	return f.cfg.Prefix + "/forumdisplay.php?" + friendly(c.id, c.title)
}

// friendlyBoard returns the friendly path the pages link page n of a board with.
func (vbulletin) friendlyBoard(f *Forum, b *board, n int) string {
	p := f.cfg.Prefix + "/forumdisplay.php?" + friendly(b.id, b.title)
	if n > 1 {
		p += "/page" + strconv.Itoa(n)
	}
	return p
}

// friendlyThread returns the friendly path the pages link page n of a thread with.
func (vbulletin) friendlyThread(f *Forum, t *thread, n int) string {
	p := f.cfg.Prefix + "/showthread.php?" + friendly(t.id, t.title)
	if n > 1 {
		p += "/page" + strconv.Itoa(n)
	}
	return p
}

// friendlyPost returns a post's permalink as the postbit links it.
func (s vbulletin) friendlyPost(f *Forum, p *post) string {
	return s.friendlyThread(f, p.thread, 1) + "&p=" + id(p.id) + "&viewfull=1#post" + id(p.id)
}

func (vbulletin) memberPath(f *Forum, u *user) string {
	return f.cfg.Prefix + "/member.php?" + friendly(u.id, u.name)
}

func (vbulletin) attachmentPath(f *Forum, a attachment) string {
	return f.cfg.Prefix + "/attachment.php?attachmentid=" + id(a.id)
}

// postTime: vBulletin 4 shows "06-15-2016, 03:03 PM" with no machine time,
// in the zone its footer names ("All times are GMT -7."): a reader knows the
// post's instant to the minute.
func (vbulletin) postTime(t time.Time) (time.Time, string, bool) {
	t = t.Truncate(time.Minute)
	return t, t.Format("01-02-2006, 03:04 PM"), true
}

// author returns what postbit_legacy's userinfo shows: the user title,
// "Join Date" (month and year), "Location", custom fields and "Posts".
func (vbulletin) author(f *Forum, p *post) AuthorTruth {
	u := p.author
	at := AuthorTruth{Name: u.name, Title: "Guest"}
	if u.kind != member {
		return at
	}
	joined := u.joined.In(p.thread.zone)
	at.ID, at.Path, at.Title = id(u.id), f.memberPath(u), u.title
	at.Joined = joined.Format("2006-01") + "-01"
	at.Messages = u.messages
	at.Fields = []FieldTruth{{"Join Date", joined.Format("Jan 2006")}}
	if u.location != nil {
		at.Location = u.location.display
		at.Fields = append(at.Fields, FieldTruth{"Location", u.location.display})
	}
	at.Fields = append(at.Fields, u.custom...)
	at.Fields = append(at.Fields, FieldTruth{"Posts", number(u.messages)})
	return at
}

// friendlyID reads the "ID-Slug[/pageN]" first query item of a friendly URL.
func friendlyID(rawQuery string) (n int64, slug string, page int, ok bool) {
	first, _, _ := strings.Cut(rawQuery, "&")
	if strings.Contains(first, "=") || first == "" {
		return 0, "", 0, false
	}
	first, pg, hasPage := strings.Cut(first, "/")
	page = 1
	if hasPage {
		num, isPage := strings.CutPrefix(pg, "page")
		p, err := strconv.Atoi(num)
		if !isPage || err != nil || p < 1 || num[0] == '0' {
			return 0, "", 0, false
		}
		page = p
	}
	num, slug, _ := strings.Cut(first, "-")
	n, err := strconv.ParseInt(num, 10, 64)
	return n, slug, page, err == nil && n > 0 && num[0] != '+'
}

// serve routes vBulletin's scripts.
func (s vbulletin) serve(f *Forum, w http.ResponseWriter, r *http.Request, path string) {
	q := r.URL.Query()
	num := func(k string) int64 { n, _ := strconv.ParseInt(q.Get(k), 10, 64); return n }
	fn, slug, page, friendlyOK := friendlyID(r.URL.RawQuery)
	o := origin(r)
	switch path {
	case "/", "/forum.php", "/index.php":
		writeHTML(w, http.StatusOK, s.indexPage(f, o))
	case "/forumdisplay.php":
		if !friendlyOK {
			fn, page = num("f"), max(1, int(num("page")))
		}
		b := f.boardByID[fn]
		if b == nil {
			for _, c := range f.categories {
				if c.id == fn {
					writeHTML(w, http.StatusOK, s.categoryPage(f, o, c))
					return
				}
			}
			s.message(f, w, o, http.StatusNotFound, "Invalid Forum specified. If you followed a valid link, please notify the administrator")
			return
		}
		if !friendlyOK || slug != vbSlug(b.title) {
			redirect(w, r, s.friendlyBoard(f, b, page), http.StatusMovedPermanently)
			return
		}
		sort, order := q.Get("sort"), q.Get("order")
		if page > f.boardPages(b) && sort == "" {
			redirect(w, r, s.friendlyBoard(f, b, f.boardPages(b)), http.StatusFound)
			return
		}
		writeHTML(w, http.StatusOK, s.boardPage(f, o, b, page, sort, order))
	case "/showthread.php":
		t := f.threadByID[fn]
		if !friendlyOK {
			t, page = f.threadByID[num("t")], max(1, int(num("page")))
		}
		if p := f.postByID[num("p")]; p != nil && (t == nil || t == p.thread) {
			writeHTML(w, http.StatusOK, s.threadPage(f, o, p.thread, f.postPage(p)))
			return
		}
		switch {
		case t == nil:
			s.message(f, w, o, http.StatusNotFound, "Invalid Thread specified. If you followed a valid link, please notify the administrator")
		case q.Get("goto") == "newpost" || q.Get("goto") == "lastpost":
			last := t.last()
			redirect(w, r, s.friendlyThread(f, t, f.postPage(last))+"#post"+id(last.id), http.StatusFound)
		case !friendlyOK || slug != vbSlug(t.title) || page > f.threadPages(t):
			redirect(w, r, s.friendlyThread(f, t, min(page, f.threadPages(t))), http.StatusMovedPermanently)
		default:
			writeHTML(w, http.StatusOK, s.threadPage(f, o, t, page))
		}
	case "/printthread.php":
		if t := f.threadByID[num("t")]; t != nil {
			writeHTML(w, http.StatusOK, s.printPage(f, t))
			return
		}
		s.message(f, w, o, http.StatusNotFound, "Invalid Thread specified. If you followed a valid link, please notify the administrator")
	case "/member.php":
		for _, u := range f.users {
			if friendlyOK && u.id == fn {
				writeHTML(w, http.StatusOK, s.frame(f, o, "View Profile: "+u.name, s.memberPath(f, u), nil,
					"<div id=\"userinfo\" class=\"block\"><span id=\"userinfo\" class=\"member_username\">"+esc(u.name)+"</span>\n<dl class=\"stats\"><dt>Total Posts</dt><dd>"+number(u.messages)+"</dd></dl></div>\n"))
				return
			}
		}
		s.message(f, w, o, http.StatusNotFound, "Invalid User specified. If you followed a valid link, please notify the administrator")
	case "/login.php", "/register.php", "/search.php", "/faq.php", "/memberlist.php", "/calendar.php", "/private.php":
		s.forbidden(f, w, r)
	case "/newreply.php", "/newthread.php":
		s.forbidden(f, w, r)
	case "/attachment.php", "/clear.gif":
		serveGIF(w)
	case "/css.php":
		serveCSS(w)
	default:
		if strings.HasPrefix(path, "/images/") || strings.HasPrefix(path, "/customavatars/") {
			serveGIF(w)
			return
		}
		s.notFound(f, w, r)
	}
}

// notFound writes vBulletin's standard error page with a 404 status.
func (s vbulletin) notFound(f *Forum, w http.ResponseWriter, r *http.Request) {
	s.message(f, w, origin(r), http.StatusNotFound, "Invalid Action specified. If you followed a valid link, please notify the administrator")
}

// forbidden writes vBulletin's "no permission" page with its login form.
func (s vbulletin) forbidden(f *Forum, w http.ResponseWriter, r *http.Request) {
	s.message(f, w, origin(r), http.StatusForbidden, "You are not logged in or you do not have permission to access this page.")
}

// message writes vBulletin's STANDARD_ERROR page.
func (s vbulletin) message(f *Forum, w http.ResponseWriter, o string, status int, text string) {
	writeHTML(w, status, s.frame(f, o, siteName, "", nil,
		"<div class=\"standard_error\">\n\t<h2 class=\"blockhead\">"+siteName+" Message</h2>\n\t<div class=\"blockbody formcontrols\">\n\t\t<div class=\"blockrow restore\">"+esc(text)+"</div>\n\t</div>\n</div>\n"+
			"<form id=\"navbar_loginform\" action=\"login.php?s="+s.sess(f)+"&amp;do=login\" method=\"post\"><input type=\"text\" class=\"textbox\" name=\"vb_login_username\" /><input type=\"password\" class=\"textbox\" name=\"vb_login_password\" /></form>\n"))
}
