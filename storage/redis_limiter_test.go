package storage_test

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/forumcrawl/forumcrawl/storage"
	"github.com/forumcrawl/forumcrawl/storage/redistest"
)

// maxInWindow returns the most times in any half-open window [t, t+w).
func maxInWindow(times []time.Time, w time.Duration) int {
	slices.SortFunc(times, func(a, b time.Time) int { return a.Compare(b) })
	most := 0
	for i := range times {
		j := i
		for j < len(times) && times[j].Sub(times[i]) < w {
			j++
		}
		most = max(most, j-i)
	}
	return most
}

func TestRedisLimiterIsGlobal(t *testing.T) {
	srv := redistest.Start(t)
	const rate, each = 6, 6 // three workers, 18 grants: about 3 s
	var mu sync.Mutex
	var slots, granted []time.Time
	var wg sync.WaitGroup
	for range 3 {
		lim := storage.NewRedisLimiter(srv.Client(t), time.Second/rate, 0)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range each {
				slot, wait, err := lim.Reserve(context.Background(), "forum.test")
				if err != nil {
					t.Error(err)
					return
				}
				time.Sleep(wait)
				mu.Lock()
				slots = append(slots, slot)
				granted = append(granted, time.Now())
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(slots) != 3*each {
		t.Fatalf("%d grants, want %d", len(slots), 3*each)
	}
	if got := maxInWindow(slots, time.Second); got > rate {
		t.Errorf("a second of Redis's clock holds %d grants; want at most %d", got, rate)
	}
	// The times the workers woke are only logged: a timer's jitter is no fault of the limiter.
	t.Logf("most grants in a second of wall time as the workers woke: %d", maxInWindow(granted, time.Second))
}

func TestRedisLimiterWaitAndSlow(t *testing.T) {
	srv := redistest.Start(t)
	ctx := context.Background()
	a := storage.NewRedisLimiter(srv.Client(t), time.Millisecond, 0)
	b := storage.NewRedisLimiter(srv.Client(t), time.Millisecond, 0)
	if err := a.Wait(ctx, "h"); err != nil {
		t.Fatal(err)
	}
	a.Slow("h", 300*time.Millisecond)
	a.Slow("h", 10*time.Millisecond) // smaller: changes nothing
	s1, _, _ := b.Reserve(ctx, "h")
	s2, _, _ := b.Reserve(ctx, "h")
	if gap := s2.Sub(s1); gap < 300*time.Millisecond {
		t.Errorf("after another worker's Slow(300ms), slots %v apart", gap)
	}
	other, _, _ := b.Reserve(ctx, "other-host")
	if other.After(s2) {
		t.Error("another host waited behind the slowed one")
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if err := b.Wait(cancelled, "h"); err == nil {
		t.Error("Wait with a cancelled context and a slot in the future gave no error")
	}
}

// RedisLimiter has the shape of fetch's Limiter interface, so a crawl can pace with it.
var _ interface {
	Wait(ctx context.Context, host string) error
	Slow(host string, d time.Duration)
} = (*storage.RedisLimiter)(nil)
