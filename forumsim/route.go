package forumsim

import (
	"net/http"
	"strconv"
	"strings"
)

// gif is a 1x1 transparent GIF, served for images and attachments.
var gif = []byte("GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")

// route serves one request; the caller holds f.mu for reading. It keeps
// to GET and HEAD and to the prefix, and leaves the rest to the skin.
func (f *Forum) route(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		f.noPermission(w, r)
		return
	}
	p, pre := r.URL.Path, f.cfg.Prefix
	if pre != "" {
		if p == pre {
			redirect(w, r, pre+"/", http.StatusMovedPermanently)
			return
		}
		if !strings.HasPrefix(p, pre+"/") {
			f.notFound(w, r)
			return
		}
		p = p[len(pre):]
	}
	f.skin.serve(f, w, r, p)
}

// serveGIF writes a 1x1 GIF, for images and attachments.
func serveGIF(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "image/gif")
	w.Write(gif)
}

// serveCSS writes an empty style sheet.
func serveCSS(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Write([]byte("/* forumsim */\n"))
}

// nodeSegment splits "slug.ID/rest" into its key and rest; ok is false when
// the key holds no ID.
func nodeSegment(s string) (slug string, n int64, rest []string, slash, ok bool) {
	seg, tail, slash := strings.Cut(s, "/")
	slug, n, ok = parseKey(seg)
	return slug, n, splitRest(tail), slash, ok
}

// pageNumber parses "page-N" (N >= 1).
func pageNumber(s string) (int, bool) {
	num, ok := strings.CutPrefix(s, "page-")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(num)
	return n, err == nil && n >= 1 && num[0] != '+' && num[0] != '0'
}

// canonicalize redirects a node URL with a wrong slug or no trailing slash
// to its canonical form and reports whether it did.
func canonicalize(w http.ResponseWriter, r *http.Request, slug, want string, slash bool, canonical string, rest []string) bool {
	if slug == want && slash {
		return false
	}
	to := canonical + strings.Join(rest, "/")
	if r.URL.RawQuery != "" {
		to += "?" + r.URL.RawQuery
	}
	redirect(w, r, to, http.StatusMovedPermanently)
	return true
}

// routeBoard serves a board listing and the board's other actions.
func (f *Forum) routeBoard(w http.ResponseWriter, r *http.Request, s string) {
	slug, n, rest, slash, ok := nodeSegment(s)
	b := f.boardByID[n]
	if !ok || b == nil || len(rest) > 1 {
		f.notFound(w, r)
		return
	}
	if canonicalize(w, r, slug, b.slug, slash, f.boardPath(b, 1), rest) {
		return
	}
	q := r.URL.Query()
	order, dir := q.Get("order"), q.Get("direction")
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
	num := 1
	if len(rest) == 1 {
		if rest[0] == "post-thread" {
			f.noPermission(w, r)
			return
		}
		var ok bool
		if num, ok = pageNumber(rest[0]); !ok {
			f.notFound(w, r)
			return
		}
	}
	last := f.boardPages(b)
	if order != "" {
		last = max(1, (len(b.threads)+f.cfg.ThreadsPerPage-1)/f.cfg.ThreadsPerPage)
	}
	if num > last {
		redirect(w, r, f.boardPath(b, last), http.StatusFound)
		return
	}
	writeHTML(w, http.StatusOK, f.boardPage(origin(r), b, num, order, dir))
}

// routeThread serves a thread page and the thread's other actions.
func (f *Forum) routeThread(w http.ResponseWriter, r *http.Request, s string) {
	slug, n, rest, slash, ok := nodeSegment(s)
	t := f.threadByID[n]
	if !ok || t == nil || len(rest) > 1 {
		f.notFound(w, r)
		return
	}
	if canonicalize(w, r, slug, t.slug, slash, f.threadPath(t, 1), rest) {
		return
	}
	num := 1
	if len(rest) == 1 {
		switch a := rest[0]; {
		case a == "latest" || a == "unread":
			f.jumpToPost(w, r, t.last(), http.StatusSeeOther)
			return
		case a == "reply" || a == "watch":
			f.noPermission(w, r)
			return
		case a == "preview":
			writeHTML(w, http.StatusOK, "<div class=\"tooltip-content-inner\"><div class=\"bbWrapper\">"+t.posts[0].body.html+"</div></div>")
			return
		case strings.HasPrefix(a, "post-"):
			pid, _ := strconv.ParseInt(a[len("post-"):], 10, 64)
			if p := f.postByID[pid]; p != nil && p.thread == t {
				f.jumpToPost(w, r, p, http.StatusMovedPermanently)
				return
			}
			f.notFound(w, r)
			return
		default:
			if num, ok = pageNumber(a); !ok {
				f.notFound(w, r)
				return
			}
		}
	}
	if last := f.threadPages(t); num > last {
		redirect(w, r, f.threadPath(t, last), http.StatusFound)
		return
	}
	writeHTML(w, http.StatusOK, f.threadPage(origin(r), t, num))
}

// jumpToPost redirects to the thread page that shows p, at its anchor.
func (f *Forum) jumpToPost(w http.ResponseWriter, r *http.Request, p *post, code int) {
	if p == nil {
		f.notFound(w, r)
		return
	}
	redirect(w, r, f.threadPath(p.thread, f.postPage(p))+"#post-"+id(p.id), code)
}

// routePost serves /posts/ID/ and its actions.
func (f *Forum) routePost(w http.ResponseWriter, r *http.Request, parts []string) {
	if len(parts) == 0 || len(parts) > 2 {
		f.notFound(w, r)
		return
	}
	n, _ := strconv.ParseInt(parts[0], 10, 64)
	p := f.postByID[n]
	switch {
	case p == nil:
		f.notFound(w, r)
	case len(parts) == 1:
		f.jumpToPost(w, r, p, http.StatusMovedPermanently)
	case parts[1] == "share" || parts[1] == "reactions":
		writeHTML(w, http.StatusOK, f.simplePage(origin(r), "post_"+parts[1], "Post #"+strconv.Itoa(p.position), p.thread.title))
	case parts[1] == "quote":
		f.noPermission(w, r)
	default:
		f.notFound(w, r)
	}
}

// routeMember serves the member list and profiles.
func (f *Forum) routeMember(w http.ResponseWriter, r *http.Request, parts []string) {
	if len(parts) == 0 {
		writeHTML(w, http.StatusOK, f.simplePage(origin(r), "member_notable", "Notable members", "Most messages, most reactions."))
		return
	}
	_, n, ok := parseKey(parts[0])
	var u *user
	for _, c := range f.users {
		if ok && c.id == n {
			u = c
		}
	}
	if u == nil || len(parts) > 2 {
		f.notFound(w, r)
		return
	}
	writeHTML(w, http.StatusOK, f.memberPage(origin(r), u))
}

// serveRSS writes the forum's RSS feed of its latest threads.
func (f *Forum) serveRSS(w http.ResponseWriter, r *http.Request) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n<rss version=\"2.0\"><channel><title>" + siteName + "</title><link>" + esc(f.RootURL(origin(r))) + "</link>\n")
	for i, t := range f.threads {
		if i == 10 {
			break
		}
		b.WriteString("<item><title>" + esc(t.title) + "</title><link>" + esc(origin(r)+f.threadPath(t, 1)) + "</link></item>\n")
	}
	b.WriteString("</channel></rss>\n")
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	w.Write([]byte(b.String()))
}
