package scraper

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/forumcrawl/forumcrawl/forumsim"
	"github.com/forumcrawl/forumcrawl/storage"
	"github.com/forumcrawl/forumcrawl/storage/redistest"
)

// pacedTransport waits on a limiter before each request, as the fetch layer does.
type pacedTransport struct {
	lim  *storage.RedisLimiter
	base http.RoundTripper
}

func (p pacedTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if err := p.lim.Wait(r.Context(), r.URL.Hostname()); err != nil {
		return nil, err
	}
	return p.base.RoundTrip(r)
}

// arrivals records when each request reached the server.
type arrivals struct {
	mu    sync.Mutex
	times []time.Time
}

func (a *arrivals) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a.mu.Lock()
		a.times = append(a.times, time.Now())
		a.mu.Unlock()
		h.ServeHTTP(w, r)
	})
}

// mostInASecond returns the most arrivals in any window [t, t+1s).
func (a *arrivals) mostInASecond() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	ts := slices.Clone(a.times)
	slices.SortFunc(ts, func(x, y time.Time) int { return x.Compare(y) })
	most := 0
	for i := range ts {
		j := i
		for j < len(ts) && ts[j].Sub(ts[i]) < time.Second {
			j++
		}
		most = max(most, j-i)
	}
	return most
}

// TestRedisRateIsGlobal: three workers, each pacing its requests with its
// own RedisLimiter at 6 a second, crawl one forum: the server never sees
// more than 6 requests in a second.
func TestRedisRateIsGlobal(t *testing.T) {
	rsrv := redistest.Start(t)
	f := forumsim.New(forumsim.Config{Seed: 4, Boards: 2, SubBoards: -1, Threads: 12, MinPages: 1, MaxPages: 3})
	var arr arrivals
	srv := httptest.NewServer(arr.wrap(f.Handler()))
	defer srv.Close()
	start := f.RootURL(srv.URL)
	dir := t.TempDir()
	var wg sync.WaitGroup
	for i := range 3 {
		out := filepath.Join(dir, fmt.Sprint(i, ".jsonl"))
		st := redisWorker(t, rsrv, "paced", out, &roundTrips{}, storage.RedisOptions{})
		lim := storage.NewRedisLimiter(rsrv.Client(t), time.Second/6, 0)
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer st.Close()
			w, err := storage.OpenJSONL(out, storage.JSONLOptions{Seen: storage.NopSeen{}})
			if err != nil {
				t.Error(err)
				return
			}
			defer w.Close()
			cfg := Config{Start: start, State: st, NoDelay: true, Parallel: 4, Transport: pacedTransport{lim, http.DefaultTransport}}
			if _, err := Crawl(t.Context(), cfg, w); err != nil {
				t.Errorf("worker %d: %v", i, err)
			}
		}()
	}
	wg.Wait()
	n := len(arr.times)
	if n < 20 {
		t.Fatalf("the crawl made %d requests; too few to judge the rate", n)
	}
	if most := arr.mostInASecond(); most > 6 {
		t.Errorf("the server saw %d requests in one second; want at most 6", most)
	} else {
		t.Logf("%d requests, at most %d in any second", n, most)
	}
}
