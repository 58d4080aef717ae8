package forumsim

import (
	"bytes"
	"hash/fnv"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// Faults are the ways the forum misbehaves, for testing a crawler's
// robustness. Pages a rate picks are chosen by a hash of their path, so
// the same pages fail on every run; a failing page fails only its first
// requests (ErrorTimes of them for errors, one for the other kinds), so a
// crawler that retries gets every page. robots.txt is never faulty.
type Faults struct {
	// ErrorRate is the fraction of pages whose first ErrorTimes (default 2)
	// requests get a 500, 502 or 503.
	ErrorRate  float64
	ErrorTimes int
	// TooManyRate is the fraction of pages whose first request gets a 429
	// with Retry-After: RetryAfter seconds.
	TooManyRate float64
	RetryAfter  int
	// ResetRate is the fraction of pages whose first request has its
	// connection reset without a reply.
	ResetRate float64
	// SlowRate is the fraction of pages whose first request is answered only
	// after SlowFor (or when the client gives up).
	SlowRate float64
	SlowFor  time.Duration
	// TruncateRate is the fraction of pages whose first reply is cut off
	// halfway, with the full Content-Length declared.
	TruncateRate float64

	// Charset re-encodes every HTML page: "windows-1251" (declared in the
	// header and the page) or "windows-1252-undeclared" (declared nowhere).
	// Characters the charset lacks are written as character references.
	Charset string
	// OctetStream serves HTML pages as application/octet-stream.
	OctetStream bool
	// SessionIDs adds a session id (?s=...) to every link on every page.
	SessionIDs bool

	// LoopThread is the ID of a thread whose last page links a next page,
	// and every page past its end shows the last page's posts again and
	// links one more: endless pagination (XenForo 2 paths).
	LoopThread string
	// RedirectLoop lists paths that redirect to themselves by way of a second URL, endlessly.
	RedirectLoop []string
	// PrivateRedirect lists paths that redirect to the cloud metadata address.
	PrivateRedirect []string
	// RebindAfter lists paths (with their query, or without) whose reply
	// closes its connection and arms the forum's rebinding: the next call
	// of Rebound reports true, once. A test resolver that then answers the
	// forum's host name with a private address makes the link fetched next
	// lead there under the very name the crawl's scope accepts (DNS
	// rebinding): a link to a private address that only a check of the
	// resolved address at connect time stops.
	RebindAfter []string
	rebind      bool // armed, see Rebound
	// Oversize lists paths whose pages are padded past OversizeBytes.
	Oversize      []string
	OversizeBytes int
	// Robots is served as /robots.txt when set (else robots.txt is a 404).
	Robots string
	// Challenge answers every page with a Cloudflare "Just a moment..." 503.
	Challenge bool
}

// on reports whether any fault is set.
func (fl *Faults) on() bool {
	return fl.ErrorRate > 0 || fl.TooManyRate > 0 || fl.ResetRate > 0 || fl.SlowRate > 0 || fl.TruncateRate > 0 ||
		fl.Charset != "" || fl.OctetStream || fl.SessionIDs || fl.LoopThread != "" || len(fl.RedirectLoop) > 0 ||
		len(fl.PrivateRedirect) > 0 || len(fl.RebindAfter) > 0 || len(fl.Oversize) > 0 || fl.Robots != "" || fl.Challenge
}

// Rebound reports whether a page in Faults.RebindAfter was served since
// the last call: a test resolver then answers the forum's name, this once,
// with a private address.
func (f *Forum) Rebound() bool {
	f.reqMu.Lock()
	defer f.reqMu.Unlock()
	armed := f.faults.rebind
	f.faults.rebind = false
	return armed
}

// SetFaults makes the forum misbehave as fl says from now on (the zero
// Faults: not at all).
func (f *Forum) SetFaults(fl Faults) {
	if fl.ErrorTimes <= 0 {
		fl.ErrorTimes = 2
	}
	f.reqMu.Lock()
	f.faults = fl
	f.reqMu.Unlock()
}

// RequestTimes returns when each request was received, in order.
func (f *Forum) RequestTimes() []time.Time {
	f.reqMu.Lock()
	defer f.reqMu.Unlock()
	return append([]time.Time(nil), f.times...)
}

// MaxRequestsIn returns the most requests received within any window of length d.
func (f *Forum) MaxRequestsIn(d time.Duration) int {
	ts := f.RequestTimes()
	most, lo := 0, 0
	for hi := range ts {
		for ts[hi].Sub(ts[lo]) >= d {
			lo++
		}
		most = max(most, hi-lo+1)
	}
	return most
}

// picked reports whether a rate selects path for the fault kind.
func picked(path, kind string, rate float64) bool {
	if rate <= 0 {
		return false
	}
	h := fnv.New32a()
	h.Write([]byte(kind + "\x00" + path))
	return float64(h.Sum32()%10000) < rate*10000
}

// metadataURL is where PrivateRedirect sends requests.
const metadataURL = "http://169.254.169.254/latest/meta-data/"

// serveFaulty serves r as fl says and reports whether it did; n is how
// many times r's path and query have been requested, this one included.
// The caller holds f.mu for reading.
func (f *Forum) serveFaulty(fl *Faults, w http.ResponseWriter, r *http.Request, key string, n int) bool {
	p := r.URL.Path
	if p == "/robots.txt" {
		if fl.Robots == "" {
			return false
		}
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(fl.Robots))
		return true
	}
	switch {
	case fl.Challenge:
		w.Header().Set("Content-Type", "text/html; charset=UTF-8")
		w.Header().Set("Server", "cloudflare")
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte("<!DOCTYPE html><html lang=\"en-US\"><head><title>Just a moment...</title></head><body><noscript>Enable JavaScript and cookies to continue</noscript>" +
			"<script src=\"/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray=8\"></script></body></html>"))
		return true
	case contains(fl.RedirectLoop, p):
		to := p + "?loop=1"
		if r.URL.RawQuery == "loop=1" {
			to = p
		}
		http.Redirect(w, r, to, http.StatusFound)
		return true
	case contains(fl.PrivateRedirect, p):
		http.Redirect(w, r, metadataURL, http.StatusFound)
		return true
	case picked(key, "error", fl.ErrorRate) && n <= fl.ErrorTimes:
		codes := []int{500, 502, 503}
		w.WriteHeader(codes[n%len(codes)])
		return true
	case picked(key, "429", fl.TooManyRate) && n == 1:
		w.Header().Set("Retry-After", strconv.Itoa(fl.RetryAfter))
		w.WriteHeader(http.StatusTooManyRequests)
		return true
	case picked(key, "reset", fl.ResetRate) && n == 1:
		resetConn(w)
		return true
	case picked(key, "slow", fl.SlowRate) && n == 1:
		t := time.NewTimer(fl.SlowFor)
		defer t.Stop()
		select {
		case <-t.C:
		case <-r.Context().Done():
			return true
		}
	}
	next := ""
	if fl.LoopThread != "" {
		next = f.loopPage(fl.LoopThread, r)
	}
	rec := &recorder{header: http.Header{}, status: http.StatusOK}
	f.route(rec, r)
	body := rec.body.Bytes()
	html := strings.HasPrefix(rec.header.Get("Content-Type"), "text/html")
	if html {
		body = f.rewrite(fl, r, body, next)
	}
	for k, v := range rec.header {
		w.Header()[k] = v
	}
	if html {
		w.Header().Set("Content-Type", fl.contentType(rec.header.Get("Content-Type")))
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	if contains(fl.RebindAfter, key) || contains(fl.RebindAfter, p) {
		// Armed before the reply leaves: the client looks the name up
		// again only once it has read this reply and dials anew.
		w.Header().Set("Connection", "close")
		f.reqMu.Lock()
		f.faults.rebind = true
		f.reqMu.Unlock()
	}
	if picked(key, "truncate", fl.TruncateRate) && n == 1 {
		w.WriteHeader(rec.status)
		w.Write(body[:len(body)/2])
		w.(http.Flusher).Flush()
		resetConn(w)
		return true
	}
	w.WriteHeader(rec.status)
	w.Write(body)
	return true
}

// loopPage rewrites a request for a page past the end of the loop thread
// to its last page and returns the path the body should link as next
// ("" when r is not for the loop thread's last page or beyond).
func (f *Forum) loopPage(threadID string, r *http.Request) string {
	n, err := strconv.ParseInt(threadID, 10, 64)
	t := f.threadByID[n]
	if err != nil || t == nil {
		return ""
	}
	last := f.threadPages(t)
	base := f.threadPath(t, 1)
	num := 1
	if rest, ok := strings.CutPrefix(r.URL.Path, base); !ok {
		return ""
	} else if rest != "" {
		if num, ok = pageNumber(rest); !ok {
			return ""
		}
	}
	if num < last {
		return ""
	}
	r.URL.Path = f.threadPath(t, last)
	return base + "page-" + strconv.Itoa(num+1)
}

var (
	metaCharset = regexp.MustCompile(`(?i)<meta charset="utf-8"\s*/?>|<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"\s*/?>`)
	localHref   = regexp.MustCompile(`(href|src|action)="(/[^"#]*)(#[^"]*)?"`)
)

// rewrite applies the body faults to an HTML page.
func (f *Forum) rewrite(fl *Faults, r *http.Request, body []byte, next string) []byte {
	if next != "" {
		link := "<link rel=\"next\" href=\"" + next + "\" />\n</head>"
		body = bytes.Replace(body, []byte("</head>"), []byte(link), 1)
	}
	if fl.SessionIDs {
		body = withSessionIDs(body)
	}
	if contains(fl.Oversize, r.URL.Path) {
		pad := "<!-- " + strings.Repeat("padding ", fl.OversizeBytes/8+1) + "-->\n</body>"
		body = bytes.Replace(body, []byte("</body>"), []byte(pad), 1)
	}
	var enc encoding.Encoding
	switch fl.Charset {
	case "windows-1251":
		enc = charmap.Windows1251
		body = metaCharset.ReplaceAll(body, []byte(`<meta charset="windows-1251" />`))
	case "windows-1252-undeclared":
		enc = charmap.Windows1252
		body = metaCharset.ReplaceAll(body, nil)
	}
	if enc != nil {
		if out, err := encoding.HTMLEscapeUnsupported(enc.NewEncoder()).Bytes(body); err == nil {
			body = out
		}
	}
	return body
}

// sessionID is the id SessionIDs adds to links.
const sessionID = "0f3a9c2e5b7d4e1a"

// withSessionIDs returns body with ?s=sessionID (or &s=) added to every
// root-relative href, src and action, before any fragment: one pass.
func withSessionIDs(body []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(body) + len(body)/20)
	last := 0
	for _, m := range localHref.FindAllSubmatchIndex(body, -1) {
		path := body[m[4]:m[5]]
		out.Write(body[last:m[5]])
		if bytes.IndexByte(path, '?') >= 0 {
			out.WriteString("&amp;s=" + sessionID)
		} else {
			out.WriteString("?s=" + sessionID)
		}
		last = m[5]
	}
	out.Write(body[last:])
	return out.Bytes()
}

// contentType returns the Content-Type an HTML page is served with.
func (fl *Faults) contentType(ct string) string {
	switch {
	case fl.OctetStream:
		return "application/octet-stream"
	case fl.Charset == "windows-1251":
		return "text/html; charset=windows-1251"
	case fl.Charset == "windows-1252-undeclared":
		return "text/html"
	}
	return ct
}

// resetConn closes the request's connection at once (an RST where it can).
func resetConn(w http.ResponseWriter) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.SetLinger(0)
	}
	conn.Close()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// recorder keeps a reply to rewrite it.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) Write(b []byte) (int, error) { return r.body.Write(b) }
func (r *recorder) WriteHeader(code int)        { r.status = code }
