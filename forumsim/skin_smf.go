package forumsim

import (
	"crypto/md5"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// smf renders the forum as Simple Machines Forum 2.1.4 with its default
// theme, as the pages of a real install in shared/fixtures/smf-local show it
// (Display, MessageIndex and BoardIndex templates).
//
// URLs are absolute, on index.php with ";"-separated parameters:
// index.php?board=2.0, index.php?topic=13.0 and later pages by the offset of
// their first item (topic=13.20, board=2.20), permalinks index.php?msg=456
// (answered with the post's page), index.php?action=profile;u=5, attachments
// index.php?action=dlattach;attach=7, categories index.php#c1. Profile and
// breadcrumb links carry a PHPSESSID, as SMF writes for a visitor whose
// session cookie it has not seen; listings, pagination and permalinks do not.
// Every page answers with or without it.
//
// The first post shows no number and replies "#N" (reply N), so a post's
// position is its number plus one. Dates show as "Nov 01, 2026, 08:12 AM" in
// the page's zone with no machine-readable time, so, as for vBulletin, the
// truth's PostedAt is that minute (Zoned false) and edit times are the
// displayed wall clock taken as UTC. SMF shows "Today at"/"Yesterday at" for
// posts of the last two days; forumsim's posts are years old, so its pages
// show absolute dates only, as SMF would. The poster block shows the user
// title, "Posts: N", the location and custom fields; no join date, so the
// truth has no Joined, and no country. Guests and deleted members show their
// name and the group "Guest".
//
// Not imitated: the board's sort links' effect (accepted, same listing),
// topic previews, polls, likes, the quick reply box, the jump-to box, board
// statistics beyond the counts, unread markers, sticky threads counting
// towards the board's offsets (page 1 lists them besides a full page), and
// BBCode SMF lacks by default: a spoiler shows its raw tags as text.
type smf struct{}

func init() { registerSkin("smf", func() skin { return smf{} }) }

// smfDate is SMF 2.1's default time format, "%b %d, %Y, %I:%M %p".
const smfDate = "Jan 02, 2006, 03:04 PM"

// sess returns the forum's guest session id.
func (smf) sess(f *Forum) string {
	h := md5.Sum([]byte("smf-session-" + strconv.FormatInt(f.cfg.Seed, 10)))
	return hex.EncodeToString(h[:])
}

// withSess returns an index.php path with the session id as SMF puts it,
// first in the query: index.php?PHPSESSID=...&action=profile;u=5.
func (s smf) withSess(f *Forum, path string) string {
	base, q, _ := strings.Cut(path, "?")
	base, frag, _ := strings.Cut(base, "#")
	if frag != "" {
		frag = "#" + frag
	}
	if q != "" {
		q = "&" + q
	}
	return base + "?PHPSESSID=" + s.sess(f) + q + frag
}

func (smf) indexPath(f *Forum) string { return f.cfg.Prefix + "/index.php" }

func (smf) categoryPath(f *Forum, c *category) string {
	return f.cfg.Prefix + "/index.php#c" + id(c.id)
}

func (smf) indexCrumb() string { return siteName }

func (smf) boardPath(f *Forum, b *board, n int) string {
	return f.cfg.Prefix + "/index.php?board=" + id(b.id) + "." + strconv.Itoa((n-1)*f.cfg.ThreadsPerPage)
}

func (smf) threadPath(f *Forum, t *thread, n int) string {
	return f.cfg.Prefix + "/index.php?topic=" + id(t.id) + "." + strconv.Itoa((n-1)*f.cfg.PostsPerPage)
}

func (smf) postPath(f *Forum, p *post) string { return f.cfg.Prefix + "/index.php?msg=" + id(p.id) }

func (smf) memberPath(f *Forum, u *user) string {
	return f.cfg.Prefix + "/index.php?action=profile;u=" + id(u.id)
}

func (smf) attachmentPath(f *Forum, a attachment) string {
	return f.cfg.Prefix + "/index.php?action=dlattach;attach=" + id(a.id)
}

// postTime: SMF shows "Nov 01, 2026, 08:12 AM", no zone, no machine time.
func (smf) postTime(t time.Time) (time.Time, string, bool) {
	return t.Truncate(time.Minute), t.Format(smfDate), false
}

// editTime: "Last Edit: Nov 01, 2026, 08:12 AM by X" gives only the wall clock.
func (smf) editTime(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), 0, 0, time.UTC)
}

// postGroup returns the post-count group SMF's defaults give n posts.
func postGroup(n int64) string {
	switch {
	case n >= 500:
		return "Hero Member"
	case n >= 250:
		return "Sr. Member"
	case n >= 100:
		return "Full Member"
	case n >= 50:
		return "Jr. Member"
	}
	return "Newbie"
}

// author returns what the poster block shows: the title, "Posts: N", the
// location and custom fields, each a "Label: value" line.
func (smf) author(f *Forum, p *post) AuthorTruth {
	u := p.author
	at := AuthorTruth{Name: u.name}
	if u.kind != member {
		return at
	}
	at.ID, at.Path, at.Title = id(u.id), f.memberPath(u), u.title
	at.Messages = u.messages
	at.Fields = []FieldTruth{{"Posts", number(u.messages)}}
	if u.location != nil {
		at.Location = u.location.display
		at.Fields = append(at.Fields, FieldTruth{"Location", u.location.display})
	}
	at.Fields = append(at.Fields, u.custom...)
	return at
}

// smfQuery returns the parameters of an SMF query, split at "&" and ";".
func smfQuery(raw string) map[string]string {
	q := map[string]string{}
	for _, part := range strings.FieldsFunc(raw, func(r rune) bool { return r == '&' || r == ';' }) {
		k, v, _ := strings.Cut(part, "=")
		q[k] = v
	}
	return q
}

// offsetOf splits "13.20" into an id and an offset; ok is false for other forms.
func offsetOf(v string) (n int64, off int, ok bool) {
	a, b, found := strings.Cut(v, ".")
	n, err := strconv.ParseInt(a, 10, 64)
	if err != nil {
		return 0, 0, false
	}
	if !found {
		return n, 0, true
	}
	off, err = strconv.Atoi(b)
	return n, off, err == nil && off >= 0
}

// serve routes index.php by its parameters; the rest is 404.
func (s smf) serve(f *Forum, w http.ResponseWriter, r *http.Request, path string) {
	o := origin(r)
	switch path {
	case "/", "/index.php":
	case "/Themes/default/css/index.css":
		serveCSS(w)
		return
	default:
		if strings.HasPrefix(path, "/Smileys/") || strings.HasPrefix(path, "/avatars/") || strings.HasPrefix(path, "/Themes/") {
			serveGIF(w)
			return
		}
		s.notFound(f, w, r)
		return
	}
	q := smfQuery(r.URL.RawQuery)
	switch {
	case q["topic"] != "":
		n, off, ok := offsetOf(q["topic"])
		t := f.threadByID[n]
		if !ok || t == nil {
			s.notFound(f, w, r)
			return
		}
		if q["action"] == "printpage" {
			writeHTML(w, http.StatusOK, s.printPage(f, o, t))
			return
		}
		writeHTML(w, http.StatusOK, s.threadPage(f, o, t, min(off/f.cfg.PostsPerPage+1, f.threadPages(t))))
	case q["msg"] != "":
		n, _ := strconv.ParseInt(q["msg"], 10, 64)
		p := f.postByID[n]
		if p == nil {
			s.notFound(f, w, r)
			return
		}
		writeHTML(w, http.StatusOK, s.threadPage(f, o, p.thread, f.postPage(p)))
	case q["board"] != "":
		n, off, ok := offsetOf(q["board"])
		b := f.boardByID[n]
		if !ok || b == nil {
			s.notFound(f, w, r)
			return
		}
		writeHTML(w, http.StatusOK, s.boardPage(f, o, b, min(off/f.cfg.ThreadsPerPage+1, f.boardPages(b))))
	case q["action"] == "profile":
		n, _ := strconv.ParseInt(q["u"], 10, 64)
		for _, u := range f.users {
			if u.id == n && n != 0 {
				writeHTML(w, http.StatusOK, s.frame(f, o, "action_profile", "Profile of "+u.name, "", nil, "",
					"<div id=\"profileview\"><div id=\"basicinfo\"><div class=\"username clear\"><h4>"+esc(u.name)+"</h4></div></div><div id=\"detailedinfo\"><dl class=\"settings\"><dt>Posts: </dt><dd>"+number(u.messages)+"</dd></dl></div></div>\n"))
				return
			}
		}
		s.message(f, w, o, http.StatusNotFound, "The user whose profile you are trying to view does not exist.")
	case q["action"] == "dlattach":
		serveGIF(w)
	case q["action"] == "" && len(q) <= 1: // the index, perhaps with a PHPSESSID
		writeHTML(w, http.StatusOK, s.indexPage(f, o))
	case q["action"] == "post" || q["action"] == "post2" || q["action"] == "quickmod2":
		s.forbidden(f, w, r)
	case q["action"] != "":
		writeHTML(w, http.StatusOK, s.frame(f, o, "action_login", "Log in", "", nil, "", s.loginForm(f, o)))
	default:
		s.notFound(f, w, r)
	}
}

// notFound writes SMF's error page with a 404 status.
func (s smf) notFound(f *Forum, w http.ResponseWriter, r *http.Request) {
	s.message(f, w, origin(r), http.StatusNotFound, "The topic or board you are looking for appears to be either missing or off limits to you.")
}

// forbidden writes the login box SMF shows guests for actions that need an account.
func (s smf) forbidden(f *Forum, w http.ResponseWriter, r *http.Request) {
	o := origin(r)
	writeHTML(w, http.StatusForbidden, s.frame(f, o, "action_login", "Log in", "", nil, "",
		"<div class=\"errorbox\">Unfortunately, guests are not allowed to post or view topics.</div>\n"+s.loginForm(f, o)))
}

// message writes SMF's fatal error box with a status.
func (s smf) message(f *Forum, w http.ResponseWriter, o string, status int, text string) {
	writeHTML(w, status, s.frame(f, o, "action_error", "An Error Has Occurred!", "", nil, "",
		"<div id=\"fatal_error\">\n\t<div class=\"cat_bar\"><h3 class=\"catbg\">An Error Has Occurred!</h3></div>\n\t<div class=\"windowbg\"><div class=\"padding\">"+esc(text)+"</div></div>\n</div>\n"))
}

// loginForm returns SMF's login box.
func (s smf) loginForm(f *Forum, o string) string {
	return "<form class=\"login\" action=\"" + esc(o+f.cfg.Prefix+"/index.php?action=login2") + "\" name=\"frmLogin\" id=\"frmLogin\" method=\"post\" accept-charset=\"UTF-8\">\n<div class=\"roundframe\"><dl><dt>Username:</dt><dd><input type=\"text\" id=\"loginuser\" name=\"user\" size=\"20\" value=\"\"></dd>\n<dt>Password:</dt><dd><input type=\"password\" id=\"loginpass\" name=\"passwrd\" value=\"\" size=\"20\"></dd></dl>\n<p><input type=\"submit\" value=\"Log in\" class=\"button\"></p></div>\n</form>\n"
}
