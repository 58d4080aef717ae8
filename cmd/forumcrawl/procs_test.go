package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/forumcrawl/forumcrawl/forumsim"
)

// syncBuffer is a buffer written by one goroutine and read by another.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor reports whether the buffer came to hold text within limit.
func (s *syncBuffer) waitFor(text string, limit time.Duration) bool {
	for end := time.Now().Add(limit); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		if strings.Contains(s.String(), text) {
			return true
		}
	}
	return false
}

// gatedForum serves a forumsim forum and closes reached once it has served
// n requests; with hold, every later request waits until the test ends.
type gatedForum struct {
	f       *forumsim.Forum
	srv     *httptest.Server
	served  atomic.Int32
	reached chan struct{}
	once    sync.Once
}

func startGatedForum(t *testing.T, cfg forumsim.Config, n int32, hold bool) *gatedForum {
	t.Helper()
	g := &gatedForum{f: forumsim.New(cfg), reached: make(chan struct{})}
	release := make(chan struct{})
	g.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		k := g.served.Add(1)
		if k >= n {
			g.once.Do(func() { close(g.reached) })
			if hold && k > n {
				select {
				case <-release:
				case <-r.Context().Done():
				}
				return
			}
		}
		g.f.Handler().ServeHTTP(w, r)
	}))
	t.Cleanup(func() { close(release); g.srv.Close() })
	return g
}

// waitReached waits for the forum to have served its n requests.
func (g *gatedForum) waitReached(t *testing.T) {
	t.Helper()
	select {
	case <-g.reached:
	case <-time.After(time.Minute):
		t.Fatal("the crawl never reached the forum")
	}
}
