package forumsim

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// statsPath serves request counts as JSON; it is not counted itself.
const statsPath = "/__forumsim/stats"

// Handler returns the HTTP handler that serves the forum. It counts every
// request it serves (see Requests), except those for statsPath.
func (f *Forum) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == statsPath {
			f.serveStats(w)
			return
		}
		k := r.URL.Path
		if r.URL.RawQuery != "" {
			k += "?" + r.URL.RawQuery
		}
		f.reqMu.Lock()
		f.requests[k]++
		f.total++
		f.times = append(f.times, time.Now())
		n, fl := f.requests[k], f.faults
		f.reqMu.Unlock()
		f.mu.RLock()
		defer f.mu.RUnlock()
		if fl.on() && f.serveFaulty(&fl, w, r, k, n) {
			return
		}
		f.route(w, r)
	})
}

// Requests returns a copy of the request counts by path and query
// ("/community/threads/a.1/page-2", "/community/goto/post?id=5").
func (f *Forum) Requests() map[string]int {
	f.reqMu.Lock()
	defer f.reqMu.Unlock()
	return maps.Clone(f.requests)
}

// TotalRequests returns the number of requests served.
func (f *Forum) TotalRequests() int {
	f.reqMu.Lock()
	defer f.reqMu.Unlock()
	return f.total
}

// serveStats writes the request counts as JSON.
func (f *Forum) serveStats(w http.ResponseWriter) {
	f.reqMu.Lock()
	body, err := json.Marshal(struct {
		Total    int            `json:"total_requests"`
		Requests map[string]int `json:"requests"`
	}{f.total, f.requests})
	f.reqMu.Unlock()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(body)
}

// Server is a forum served on a loopback address.
type Server struct {
	// URL is the server's base URL, e.g. "http://127.0.0.1:41234"; the
	// forum's index is at Forum.RootURL(URL).
	URL string

	srv  *http.Server
	done chan error
}

// Start serves f on addr ("" means "127.0.0.1:0", a free port) until Close.
// It refuses addresses that are not loopback.
func Start(f *Forum, addr string) (*Server, error) {
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("forumsim: address %q: %w", addr, err)
	}
	if !isLoopback(host) {
		return nil, fmt.Errorf("forumsim: address %q: only loopback addresses are allowed", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("forumsim: listen %s: %w", addr, err)
	}
	s := &Server{
		URL:  "http://" + ln.Addr().String(),
		srv:  &http.Server{Handler: f.Handler(), ReadHeaderTimeout: 10 * time.Second},
		done: make(chan error, 1),
	}
	go func() { s.done <- s.srv.Serve(ln) }()
	return s, nil
}

// isLoopback reports whether host names a loopback address.
func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Close stops the server, closing open connections, and waits for it to end.
func (s *Server) Close() error {
	err := s.srv.Close()
	if serr := <-s.done; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}

// Shutdown stops the server gracefully, waiting for requests in flight
// until ctx is done.
func (s *Server) Shutdown(ctx context.Context) error {
	err := s.srv.Shutdown(ctx)
	if serr := <-s.done; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}

// origin returns the scheme and host a request came to.
func origin(r *http.Request) string {
	if r.TLS != nil {
		return "https://" + r.Host
	}
	return "http://" + r.Host
}

// writeHTML writes an HTML page with a status.
func writeHTML(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	w.Write([]byte(body))
}

// redirect sends a permanent (or, for jumps, see-other) redirect.
func redirect(w http.ResponseWriter, r *http.Request, to string, code int) {
	http.Redirect(w, r, to, code)
}

// notFound writes the engine's "not found" page.
func (f *Forum) notFound(w http.ResponseWriter, r *http.Request) { f.skin.notFound(f, w, r) }

// noPermission writes the page the engine shows guests for actions that need an account.
func (f *Forum) noPermission(w http.ResponseWriter, r *http.Request) { f.skin.forbidden(f, w, r) }

// splitRest splits the rest of a path after a node segment into its parts.
func splitRest(rest string) []string {
	rest = strings.Trim(rest, "/")
	if rest == "" {
		return nil
	}
	return strings.Split(rest, "/")
}
