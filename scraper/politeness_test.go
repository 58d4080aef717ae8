package scraper

import (
	"testing"
	"time"

	"github.com/forumcrawl/forumcrawl/forumsim"
)

// TestRateIsKeptServerSide crawls at 5 requests a second with 4 in flight:
// the server never sees more than 5 requests within one second.
func TestRateIsKeptServerSide(t *testing.T) {
	if testing.Short() {
		t.Skip("takes about 4 s")
	}
	f, srv := simForum(t, forumsim.Config{Seed: 9, Threads: 8, MinPages: 1, MaxPages: 2})
	o := faultFetch()
	o.Rate, o.Jitter = 5, 0.5 // the CLI's default jitter
	sum, _ := crawlThrough(t, f, srv.URL, o, Config{Parallel: 4, MaxPages: 16})
	if sum.Pages < 10 {
		t.Fatalf("only %d pages crawled", sum.Pages)
	}
	if n := f.MaxRequestsIn(time.Second); n > 5 {
		t.Errorf("the server saw %d requests within one second at --rate 5", n)
	}
	if n := f.MaxRequestsIn(100 * time.Millisecond); n > 1 {
		t.Errorf("the server saw %d requests within 100 ms at --rate 5 (a burst)", n)
	}
}
