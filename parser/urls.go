package parser

import (
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

// CanonicalURL returns the one form of u under which a crawler should know a
// page: scheme and host lower-cased, default port and fragment dropped,
// session and tracking parameters (and e's DropParams and RedundantParams)
// and path session ids (";jsessionid=") removed, the rest of the query sorted (pairs separated by "&" or ";" are
// written with "&"), and, where e knows it, an equivalent form of a thread's
// or board's URL reduced to the one e keeps (e's URLForms) and a page-1 URL
// reduced to its thread's or board's URL. e may be nil (engine not known yet).
func CanonicalURL(u *url.URL, e *Engine) *url.URL {
	return canonicalURL(u, e, true)
}

// LinkedURL returns u cleaned as CanonicalURL cleans it, but in the form
// the page linked it by: e's URLForms are not applied. It is the URL to
// fetch a page by: a forum that shows friendly URLs may answer its other
// forms with a redirect to them (vBulletin 4's canonical-URL enforcement
// does, for guests), which would cost a second request per page.
func LinkedURL(u *url.URL, e *Engine) *url.URL {
	return canonicalURL(u, e, false)
}

// canonicalURL is CanonicalURL, with e's URLForms applied only when reduce is set.
func canonicalURL(u *url.URL, e *Engine, reduce bool) *url.URL {
	c := *u
	c.Fragment, c.RawFragment = "", ""
	c.User = nil
	c.Scheme = strings.ToLower(c.Scheme)
	host := strings.ToLower(c.Host)
	if h, p, ok := strings.Cut(host, ":"); ok && ((c.Scheme == "http" && p == "80") || (c.Scheme == "https" && p == "443")) {
		host = h
	}
	c.Host = host
	if c.Path == "" {
		c.Path = "/"
	}
	if strings.IndexByte(c.Path, ';') >= 0 {
		c.Path = pathSession.ReplaceAllString(c.Path, "")
	}
	var q url.Values
	if c.RawQuery != "" {
		q = parseQuery(c.RawQuery)
		for k := range q {
			if dropParam(k, e) || (e != nil && e.RedundantParams[k] != "" && q.Has(e.RedundantParams[k])) {
				q.Del(k)
			}
		}
	}
	if reduce && e != nil && len(e.URLForms) > 0 {
		q = e.reduceForms(&c, q)
	}
	if q != nil {
		if e != nil {
			for _, k := range e.PageParams {
				if v := q.Get(k); q.Has(k) && (v == "" || v == "0" || v == "1") {
					q.Del(k)
				}
			}
		}
		c.RawQuery = encodeSorted(q)
	}
	c.ForceQuery = false
	if n, first := e.pageOfURL(&c); n == 1 {
		c = *first
	}
	c.RawPath = ""
	return &c
}

// pathSession matches a session id kept as a path parameter ("/index.php;jsessionid=ABC").
var pathSession = regexp.MustCompile(`(?i);(jsessionid|phpsessid|sid)=[^/;]*`)

// parseQuery returns the parameters of a raw query whose pairs are separated
// by "&" or ";" (SMF writes "?action=profile;u=5"; url.ParseQuery drops such
// pairs since Go 1.17). Pairs that do not decode are left out.
func parseQuery(raw string) url.Values {
	q, _ := url.ParseQuery(strings.ReplaceAll(raw, ";", "&"))
	return q
}

func dropParam(k string, e *Engine) bool {
	if strings.HasPrefix(k, "utm_") || slices.Contains(sessionParams, k) {
		return true
	}
	return e != nil && slices.Contains(e.DropParams, k)
}

// encodeSorted encodes q with keys sorted; a key without value stays bare
// and slashes in keys stay unescaped, so that routes kept in a query key
// ("index.php?threads/x.1/", "showthread.php?12-title/page2") keep the form
// their pages link and their servers read.
func encodeSorted(q url.Values) string {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	for _, k := range keys {
		for _, v := range q[k] {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(strings.ReplaceAll(url.QueryEscape(k), "%2F", "/"))
			if v != "" {
				b.WriteByte('=')
				b.WriteString(url.QueryEscape(v))
			}
		}
	}
	return b.String()
}

// resolve returns ref made absolute against base, or "" when ref is empty,
// a fragment of the same page, or not an http(s)/mailto link.
func resolve(base *url.URL, ref string) string {
	s, _ := resolveParsed(base, ref)
	return s
}

// resolveParsed is resolve, with the URL it wrote out when url.Parse of that
// text gives it back field for field (see reparses), else nil: a caller
// that would parse the text again may take it instead.
func resolveParsed(base *url.URL, ref string) (string, *url.URL) {
	ref = strings.TrimSpace(ref)
	if plainAbsolute(ref) {
		return ref, nil
	}
	if s, ok := plainRelative(base, ref); ok {
		return s, nil
	}
	return resolveParsing(base, ref)
}

// resolveParsing is resolveParsed for a trimmed ref that is not plainly
// absolute: it parses ref, resolves it against base and prints the result.
func resolveParsing(base *url.URL, ref string) (string, *url.URL) {
	if ref == "" || strings.HasPrefix(ref, "javascript:") || strings.HasPrefix(ref, "data:") {
		return "", nil
	}
	r, err := url.Parse(ref)
	if err != nil {
		return "", nil
	}
	if base != nil {
		r = base.ResolveReference(r)
	}
	switch r.Scheme {
	case "http", "https", "mailto", "ftp":
		if reparses(r) {
			return r.String(), r
		}
		return r.String(), nil
	}
	return "", nil
}

// reparses reports whether url.Parse(u.String()) gives u back, field for
// field, for u an http(s) URL that url.Parse or ResolveReference made. It
// holds for the plain shape of nearly every link: a lower-case scheme, a
// host of letters, digits, dots, hyphens, underscores and a port, no user,
// a path that is empty or starts with "/" and is written in its default
// escaping (no RawPath), the same for the fragment. String escapes the path
// and fragment, which Parse undoes, and writes the query as it is, which
// Parse cuts at its first "?" after the path (a path's "?" is escaped).
// Anything else (an IPv6 or percent-escaped host, user info, an opaque or
// relative URL, a path without its leading "/", which String adds) answers
// false, and the caller parses the text as before.
func reparses(u *url.URL) bool {
	if (u.Scheme != "http" && u.Scheme != "https") || u.Opaque != "" || u.User != nil || u.OmitHost ||
		u.RawPath != "" || u.RawFragment != "" || u.Host == "" || (u.Path != "" && u.Path[0] != '/') {
		return false
	}
	for i := 0; i < len(u.Host); i++ {
		c := u.Host[i]
		if !isAlnum(c) && c != '.' && c != '-' && c != '_' && c != ':' {
			return false
		}
	}
	return true
}

var digitRun = regexp.MustCompile(`\d+`)

// lastDigits returns the last run of digits in s ("post-114210" -> "114210",
// "/members/jo.496/" -> "496"), or "": the last match of digitRun, found by a
// scan from the end (ASCII digits never occur inside a multi-byte sequence),
// where the regexp listed every run of every author link and id of a post.
func lastDigits(s string) string {
	end := len(s)
	for end > 0 && !isDigit(s[end-1]) {
		end--
	}
	start := end
	for start > 0 && isDigit(s[start-1]) {
		start--
	}
	return s[start:end]
}

// firstInt returns the first integer in s, or 0.
func firstInt(s string) int {
	m := digitRun.FindString(strings.ReplaceAll(s, ",", ""))
	n, _ := strconv.Atoi(m)
	return n
}

// baseElement matches a document's <base href>.
var baseElement = cascadia.MustCompile("base[href]")

// documentBase returns the URL that the relative links of a page at page
// resolve against: its first <base href> (itself resolved against page), else page.
func documentBase(doc *html.Node, page *url.URL) *url.URL {
	return baseURL(baseElement.MatchFirst(doc), page)
}

// baseURL returns what the <base href> element n makes of the links of a
// page at page (see documentBase); n may be nil.
func baseURL(n *html.Node, page *url.URL) *url.URL {
	if n == nil {
		return page
	}
	r, err := url.Parse(strings.TrimSpace(attr(n, "href")))
	if err != nil {
		return page
	}
	if b := page.ResolveReference(r); b.Scheme == "http" || b.Scheme == "https" {
		return b
	}
	return page
}

// URLForm is one script of an engine whose pages answer to several
// equivalent URLs. The canonical URL names the thread or board by IDParam,
// and its page past the first by PageParam ("showthread.php?page=2&t=12");
// the other forms carry a route ("12-title/page2") that Friendly matches,
// either as a bare query key ("showthread.php?12-title/page2") or as the
// path after the script ("showthread.php/12-title/page2"). A URL whose
// query has PostParam names a post, not a page: it keeps that parameter alone.
type URLForm struct {
	Script    string         // the script's file name, e.g. "showthread.php"
	IDParam   string         // the parameter the canonical URL keeps the id in, e.g. "t"
	PageParam string         // the parameter it keeps a page number past 1 in, e.g. "page"
	PostParam string         // the parameter of a post permalink, e.g. "p"; "" when the script has none
	Friendly  *regexp.Regexp // a route: the id (group 1) and, when named, the page (group 2)
}

// reduceForms rewrites c's path and q, its parsed query (nil when it has
// none), to the canonical form of the first of e's URLForms whose script c
// names, and returns the query; nil still when c has none and kept its form.
func (e *Engine) reduceForms(c *url.URL, q url.Values) url.Values {
	for i := range e.URLForms {
		f := &e.URLForms[i]
		dir, route, ok := cutScript(c.Path, f.Script)
		if !ok {
			continue
		}
		id, page := "", 0
		if route != "" {
			if id, page = f.route(route); id == "" {
				return q
			}
			c.Path = dir + f.Script
		} else {
			for k, vs := range q {
				if len(vs) == 1 && vs[0] == "" {
					if id, page = f.route(k); id != "" {
						q.Del(k)
						break
					}
				}
			}
		}
		if f.PostParam != "" && isDigits(q.Get(f.PostParam)) {
			for k := range q {
				if k != f.PostParam {
					q.Del(k)
				}
			}
			return q
		}
		if id != "" && !q.Has(f.IDParam) {
			if q == nil {
				q = url.Values{}
			}
			q.Set(f.IDParam, id)
			if page > 1 && !q.Has(f.PageParam) {
				q.Set(f.PageParam, strconv.Itoa(page))
			}
		}
		return q
	}
	return q
}

// route returns the id and page (0 when it names none) that route names, or "".
func (f *URLForm) route(route string) (id string, page int) {
	m := f.Friendly.FindStringSubmatch(route)
	if m == nil {
		return "", 0
	}
	if len(m) > 2 && m[2] != "" {
		page, _ = strconv.Atoi(m[2])
	}
	return m[1], page
}

// cutScript splits a path that names script ("/forum/showthread.php" or
// "/forum/showthread.php/12-title/page2") into the folder before it and the
// route after it ("" when none).
func cutScript(path, script string) (dir, route string, ok bool) {
	i := strings.LastIndex(path, "/"+script)
	for i >= 0 {
		rest := path[i+1+len(script):]
		if rest == "" || rest[0] == '/' {
			return path[:i+1], strings.TrimPrefix(rest, "/"), true
		}
		i = strings.LastIndex(path[:i], "/"+script)
	}
	return "", "", false
}

// permalink returns a post's permalink href resolved against the page and
// without session ids; for an engine whose URLForms name posts, a
// permalink in one of their forms ("showthread.php?12-title&p=55&viewfull=1#post55")
// keeps the post parameter alone, and its fragment ("showthread.php?p=55#post55").
func (x *extractor) permalink(href string) string {
	abs := withoutSession(x.abs(href))
	if abs == "" || len(x.e.URLForms) == 0 {
		return abs
	}
	u, err := url.Parse(abs)
	if err != nil || u.RawQuery == "" {
		return abs
	}
	for _, f := range x.e.URLForms {
		if _, _, ok := cutScript(u.Path, f.Script); !ok || f.PostParam == "" {
			continue
		}
		if p := parseQuery(u.RawQuery).Get(f.PostParam); isDigits(p) {
			c := CanonicalURL(u, x.e)
			c.Fragment, c.RawFragment = u.Fragment, u.RawFragment
			return c.String()
		}
	}
	return abs
}
