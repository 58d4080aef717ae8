package scraper

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/forumcrawl/forumcrawl/forumsim"
	"github.com/forumcrawl/forumcrawl/storage"
	"github.com/forumcrawl/forumcrawl/storage/redistest"
)

// BenchmarkRedisWorkers crawls one forum of about 400 pages with 1, 2 and 4
// workers sharing it through Redis, each worker a Crawl with 4 requests in
// flight, and reports pages a second and round trips a page.
func BenchmarkRedisWorkers(b *testing.B) {
	rsrv := redistest.Start(b)
	f := forumsim.New(forumsim.Config{Seed: 33, Boards: 3, Threads: 110, MinPages: 1, MaxPages: 6})
	srv, err := forumsim.Start(f, "")
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	start := f.RootURL(srv.URL)
	run := 0
	for _, workers := range []int{1, 2, 4} {
		b.Run(fmt.Sprint("workers=", workers), func(b *testing.B) {
			pages, trips := 0, int64(0)
			for b.Loop() {
				run++
				id, dir := fmt.Sprint("bench-", run), b.TempDir()
				var wg sync.WaitGroup
				var mu sync.Mutex
				for i := range workers {
					rt := &roundTrips{}
					out := filepath.Join(dir, fmt.Sprint(i, ".jsonl"))
					rdb := redis.NewClient(&redis.Options{Addr: rsrv.Addr, DisableIdentity: true})
					st, err := storage.NewRedisState(context.Background(), rdb, id, storage.RedisOptions{Output: out})
					if err != nil {
						b.Fatal(err)
					}
					rdb.AddHook(rt)
					wg.Add(1)
					go func() {
						defer wg.Done()
						defer rdb.Close()
						defer st.Close()
						sum, err := workerCrawl(context.Background(), st, start, out)
						if err != nil {
							b.Error(err)
							return
						}
						mu.Lock()
						pages += sum.Pages
						trips += rt.n.Load()
						mu.Unlock()
					}()
				}
				wg.Wait()
			}
			b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
			b.ReportMetric(float64(trips)/float64(pages), "roundtrips/page")
		})
	}
}
