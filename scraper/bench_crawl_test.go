package scraper

import (
	"context"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/forumcrawl/forumcrawl/forumsim"
	"github.com/forumcrawl/forumcrawl/storage"
)

// BenchmarkCrawlWithState crawls a forumsim forum of about 1,000 pages at
// no delay, 8 in flight, into a JSON Lines file with a synced bbolt state,
// as the CLI does. It reports the process's CPU time per page (user+sys);
// profile it (-cpuprofile) to see the state's share.
func BenchmarkCrawlWithState(b *testing.B) {
	f := forumsim.New(forumsim.Config{Seed: 3, Boards: 4, Threads: 200, MinPages: 1, MaxPages: 9})
	srv, err := forumsim.Start(f, "")
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	var cpu time.Duration
	pages := 0
	b.ResetTimer()
	for range b.N {
		dir := b.TempDir()
		st, err := storage.OpenBoltState(filepath.Join(dir, "state"), storage.BoltOptions{})
		if err != nil {
			b.Fatal(err)
		}
		w, err := storage.OpenJSONL(filepath.Join(dir, "posts.jsonl"), storage.JSONLOptions{Seen: storage.NopSeen{}})
		if err != nil {
			b.Fatal(err)
		}
		before := cpuTime()
		sum, err := Crawl(context.Background(), Config{Start: f.RootURL(srv.URL), NoDelay: true, Parallel: 8, State: st}, w)
		cpu += cpuTime() - before
		if err != nil {
			b.Fatal(err)
		}
		pages += sum.Pages
		w.Close()
		st.Close()
	}
	b.ReportMetric(float64(cpu.Microseconds())/float64(pages), "cpu-µs/page")
	b.ReportMetric(float64(pages)/float64(b.N), "pages")
}

// cpuTime returns the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
