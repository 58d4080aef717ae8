package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// counter is a test server's request count by path.
type counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *counter) add(p string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n == nil {
		c.n = map[string]int{}
	}
	c.n[p]++
	return c.n[p]
}

func (c *counter) get(p string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n[p]
}

// fastOptions are options for tests against a loopback server: no pacing,
// short backoffs, the server's address class allowed.
func fastOptions(srv *httptest.Server) Options {
	return Options{Start: srv.URL, Backoff: time.Millisecond, MaxBackoff: 5 * time.Millisecond, Timeout: 2 * time.Second, NoAdapt: true}
}

func newTransport(t *testing.T, o Options) *Transport {
	t.Helper()
	tr, err := New(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tr.CloseIdleConnections)
	return tr
}

func get(t *testing.T, tr http.RoundTripper, u string) (*http.Response, string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	resp, err := (&http.Client{Transport: tr}).Do(req)
	if err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b), nil
}

// TestRetries checks which replies are retried, how often (counted by the
// server) and what the caller gets in the end.
func TestRetries(t *testing.T) {
	cases := []struct {
		name      string
		failFirst int // requests of the page that fail before it is served
		fail      func(w http.ResponseWriter)
		retries   int
		wantCalls int
		wantCode  int // 0: want an error
	}{
		{"503 twice then served", 2, status(503), 5, 3, 200},
		{"500, 502 and 504 are retried too", 3, cycle(500, 502, 504), 5, 4, 200},
		{"429 with Retry-After 0 is retried", 1, retryAfter0, 5, 2, 200},
		{"404 is not retried", 1, status(404), 5, 1, 404},
		{"410 is not retried", 1, status(410), 5, 1, 410},
		{"403 without a challenge is not retried", 1, status(403), 5, 1, 403},
		{"503 past the retries gives the last 503", 100, status(503), 3, 4, 503},
		{"a connection reset is retried", 2, reset, 5, 3, 200},
		{"a truncated body is retried", 1, truncated, 5, 2, 200},
		{"resets past the retries give an error", 100, reset, 2, 3, 0},
		{"no retries when turned off", 100, status(502), -1, 1, 502},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var c counter
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/robots.txt" {
					http.NotFound(w, r)
					return
				}
				if c.add(r.URL.Path) <= tc.failFirst {
					tc.fail(w)
					return
				}
				fmt.Fprint(w, "<html><body>the page</body></html>")
			}))
			defer srv.Close()
			o := fastOptions(srv)
			o.Retries = tc.retries
			resp, body, err := get(t, newTransport(t, o), srv.URL+"/page")
			// Go's transport itself resends a request once when a reused
			// connection turns out closed, so resets may be seen twice each.
			maxCalls := tc.wantCalls
			if strings.Contains(tc.name, "reset") {
				maxCalls = 2 * tc.wantCalls
			}
			if got := c.get("/page"); got < tc.wantCalls || got > maxCalls {
				t.Errorf("server saw %d requests, want %d..%d", got, tc.wantCalls, maxCalls)
			}
			switch {
			case tc.wantCode == 0 && err == nil:
				t.Errorf("got status %d, want an error", resp.StatusCode)
			case tc.wantCode == 0:
				var re *RetryError
				if !errors.As(err, &re) || re.Attempts != tc.retries+1 {
					t.Errorf("error %v, want a RetryError after %d attempts", err, tc.wantCalls)
				}
			case err != nil:
				t.Errorf("error %v, want status %d", err, tc.wantCode)
			case resp.StatusCode != tc.wantCode:
				t.Errorf("status %d, want %d", resp.StatusCode, tc.wantCode)
			case tc.wantCode == 200 && body != "<html><body>the page</body></html>":
				t.Errorf("body %q", body)
			}
		})
	}
}

func status(code int) func(http.ResponseWriter) {
	return func(w http.ResponseWriter) { w.WriteHeader(code) }
}

func cycle(codes ...int) func(http.ResponseWriter) {
	var i atomic.Int32
	return func(w http.ResponseWriter) { w.WriteHeader(codes[int(i.Add(1)-1)%len(codes)]) }
}

func retryAfter0(w http.ResponseWriter) {
	w.Header().Set("Retry-After", "0")
	w.WriteHeader(http.StatusTooManyRequests)
}

func reset(w http.ResponseWriter) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.SetLinger(0) // an RST, not a FIN
	}
	conn.Close()
}

func truncated(w http.ResponseWriter) {
	w.Header().Set("Content-Length", "1000")
	w.Write([]byte("<html><body>the pa"))
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
	conn, _, err := w.(http.Hijacker).Hijack()
	if err == nil {
		conn.Close()
	}
}

// TestRetryBounds checks that retries stop at MaxRetryTime, and at once when ctx is cancelled.
func TestRetryBounds(t *testing.T) {
	var c counter
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.add(r.URL.Path)
		w.WriteHeader(503)
	}))
	defer srv.Close()
	t.Run("total time bound", func(t *testing.T) {
		o := fastOptions(srv)
		o.IgnoreRobots = true
		o.Retries = 100
		o.Backoff, o.MaxBackoff, o.MaxRetryTime = 20*time.Millisecond, 20*time.Millisecond, 100*time.Millisecond
		resp, _, err := get(t, newTransport(t, o), srv.URL+"/bounded")
		if err != nil || resp.StatusCode != 503 {
			t.Fatalf("got %v, %v; want the last 503", resp, err)
		}
		// Each wait is at least 10 ms (half of 20 ms jittered), so at most 11 attempts fit in 100 ms.
		if n := c.get("/bounded"); n < 2 || n > 11 {
			t.Errorf("server saw %d requests, want 2..11 within the time bound", n)
		}
	})
	t.Run("cancelled context", func(t *testing.T) {
		o := fastOptions(srv)
		o.IgnoreRobots = true
		o.Backoff, o.MaxBackoff = time.Hour, time.Hour
		o.MaxRetryTime = 2 * time.Hour
		tr := newTransport(t, o)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() {
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/cancelled", nil)
			_, err := tr.RoundTrip(req)
			done <- err
		}()
		for c.get("/cancelled") == 0 {
			time.Sleep(time.Millisecond)
		}
		cancel()
		if err := <-done; !errors.Is(err, context.Canceled) {
			t.Errorf("error %v, want context.Canceled", err)
		}
	})
}

// TestRetryAfter reads both forms of the header.
func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)
	cases := []struct {
		name, v string
		want    time.Duration
	}{
		{"seconds", "120", 2 * time.Minute},
		{"an HTTP date", "Mon, 30 Nov 2026 08:00:30 GMT", 30 * time.Second},
		{"a date past is no wait", "Mon, 30 Nov 2026 07:00:00 GMT", 0},
		{"garbage is no wait", "soon", 0},
		{"absent is no wait", "", 0},
		{"negative is no wait", "-5", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := http.Header{}
			if tc.v != "" {
				h.Set("Retry-After", tc.v)
			}
			if got := retryAfter(h, now); got != tc.want {
				t.Errorf("retryAfter(%q) = %s, want %s", tc.v, got, tc.want)
			}
		})
	}
}

// Test429SlowsHost checks that a 429 raises the host's spacing for the rest of the run.
func Test429SlowsHost(t *testing.T) {
	var c counter
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if c.add(r.URL.Path) == 1 {
			retryAfter0(w)
			return
		}
		fmt.Fprint(w, "ok")
	}))
	defer srv.Close()
	o := fastOptions(srv)
	o.IgnoreRobots = true
	tr := newTransport(t, o)
	host := strings.TrimPrefix(srv.URL, "http://")
	if s := tr.Limiter().(*HostLimiter).Spacing(host); s != 0 {
		t.Fatalf("spacing %s before any 429, want 0", s)
	}
	if resp, _, err := get(t, tr, srv.URL+"/a"); err != nil || resp.StatusCode != 200 {
		t.Fatalf("got %v, %v", resp, err)
	}
	if s := tr.Limiter().(*HostLimiter).Spacing(host); s < 500*time.Millisecond {
		t.Errorf("spacing %s after a 429, want at least 500ms", s)
	}
}

// TestTimeoutRetried checks that an attempt past Timeout is cut off and retried.
func TestTimeoutRetried(t *testing.T) {
	var c counter
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if c.add(r.URL.Path) == 1 {
			select {
			case <-release:
			case <-r.Context().Done():
			}
			return
		}
		fmt.Fprint(w, "late but here")
	}))
	defer srv.Close()
	defer close(release)
	o := fastOptions(srv)
	o.IgnoreRobots = true
	o.Timeout = 50 * time.Millisecond
	resp, body, err := get(t, newTransport(t, o), srv.URL+"/slow")
	if err != nil || resp.StatusCode != 200 || body != "late but here" {
		t.Fatalf("got %v %q %v, want the page on the second attempt", resp, body, err)
	}
	if n := c.get("/slow"); n != 2 {
		t.Errorf("server saw %d requests, want 2", n)
	}
}

// TestMaxBody refuses a body over the limit, counted after decompression, without retrying.
func TestMaxBody(t *testing.T) {
	var c counter
	big := strings.Repeat("<p>forum text</p>", 1000) // 17 000 bytes, compresses to little
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.add(r.URL.Path)
		w.Header().Set("Content-Type", "text/html")
		w.Write(gzipped(t, w, r, big))
	}))
	defer srv.Close()
	o := fastOptions(srv)
	o.IgnoreRobots = true
	o.MaxBody = 10000
	_, _, err := get(t, newTransport(t, o), srv.URL+"/big")
	var tl *TooLargeError
	if !errors.As(err, &tl) || tl.Limit != 10000 {
		t.Errorf("error %v, want a TooLargeError at 10000 bytes", err)
	}
	if n := c.get("/big"); n != 1 {
		t.Errorf("server saw %d requests, want 1 (not retried)", n)
	}
	o.MaxBody = 20000
	resp, body, err := get(t, newTransport(t, o), srv.URL+"/big")
	if err != nil || resp.StatusCode != 200 || body != big {
		t.Errorf("under the limit: got %v, %d bytes, %v; want the page decompressed", resp, len(body), err)
	}
}

// TestRetryAfterHonoured checks, server side, that a retry comes no sooner
// than the Retry-After of the 429 before it.
func TestRetryAfterHonoured(t *testing.T) {
	var mu sync.Mutex
	var times []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		times = append(times, time.Now())
		n := len(times)
		mu.Unlock()
		if n == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		fmt.Fprint(w, "ok")
	}))
	defer srv.Close()
	o := fastOptions(srv)
	o.IgnoreRobots = true
	resp, body, err := get(t, newTransport(t, o), srv.URL+"/p")
	if err != nil || resp.StatusCode != 200 || body != "ok" {
		t.Fatalf("got %v %q %v", resp, body, err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(times) != 2 {
		t.Fatalf("%d requests, want 2", len(times))
	}
	if gap := times[1].Sub(times[0]); gap < time.Second {
		t.Errorf("retried after %s, before the Retry-After of 1s", gap)
	}
}
