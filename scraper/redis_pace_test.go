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

// pacedTransport takes a slot from a limiter before each request and waits
// for it, as the fetch layer does, and records the slots it was given.
type pacedTransport struct {
	lim   *storage.RedisLimiter
	base  http.RoundTripper
	slots *arrivals
}

func (p pacedTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	slot, wait, err := p.lim.Reserve(r.Context(), r.URL.Hostname())
	if err != nil {
		return nil, err
	}
	p.slots.add(slot)
	if wait > 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		select {
		case <-t.C:
		case <-r.Context().Done():
			return nil, r.Context().Err()
		}
	}
	return p.base.RoundTrip(r)
}

// arrivals records times: when each request reached the server, or the
// slots a limiter gave.
type arrivals struct {
	mu    sync.Mutex
	times []time.Time
}

func (a *arrivals) add(t time.Time) {
	a.mu.Lock()
	a.times = append(a.times, t)
	a.mu.Unlock()
}

func (a *arrivals) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a.add(time.Now())
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
// own RedisLimiter at 6 a second, crawl one forum: every request the server
// sees was given a slot, and no second holds more than 6 slots. The slots
// are Redis's answers, so the test asserts no timing of this machine; when
// each request arrived is only logged (a loaded machine delays some, and
// delayed ones can bunch).
func TestRedisRateIsGlobal(t *testing.T) {
	rsrv := redistest.Start(t)
	f := forumsim.New(forumsim.Config{Seed: 4, Boards: 2, SubBoards: -1, Threads: 12, MinPages: 1, MaxPages: 3})
	var arr, slots arrivals
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
			cfg := Config{Start: start, State: st, NoDelay: true, Parallel: 4, Transport: pacedTransport{lim, http.DefaultTransport, &slots}}
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
	if len(slots.times) != n {
		t.Errorf("%d slots given for %d requests the server saw; want one each", len(slots.times), n)
	}
	if most := slots.mostInASecond(); most > 6 {
		t.Errorf("%d slots fall in one second; want at most 6", most)
	}
	t.Logf("%d requests; at most %d slots and %d arrivals in any second", n, slots.mostInASecond(), arr.mostInASecond())
}
