package storage_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/forumcrawl/forumcrawl/storage"
	"github.com/forumcrawl/forumcrawl/storage/redistest"
)

// tripCounter counts a client's round trips: each command or pipeline is one.
type tripCounter struct{ n atomic.Int64 }

func (h *tripCounter) DialHook(next redis.DialHook) redis.DialHook { return next }
func (h *tripCounter) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error { h.n.Add(1); return next(ctx, cmd) }
}
func (h *tripCounter) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error { h.n.Add(1); return next(ctx, cmds) }
}

var benchCrawl atomic.Int64

// benchState opens a fresh crawl on srv whose client counts round trips.
func benchState(b *testing.B, srv *redistest.Server) (*storage.RedisState, *tripCounter) {
	rdb := srv.Client(b)
	st, err := storage.NewRedisState(context.Background(), rdb, fmt.Sprint("bench-", benchCrawl.Add(1)), storage.RedisOptions{})
	if err != nil {
		b.Fatal(err)
	}
	if _, _, err := st.Begin(context.Background(), redisInfo); err != nil {
		b.Fatal(err)
	}
	tc := &tripCounter{}
	rdb.AddHook(tc)
	return st, tc
}

// BenchmarkRedisAdd queues requests, one a call and fifty a call (a board page's links).
func BenchmarkRedisAdd(b *testing.B) {
	srv := redistest.Start(b)
	for _, batch := range []int{1, 50} {
		b.Run(fmt.Sprint("batch=", batch), func(b *testing.B) {
			st, _ := benchState(b, srv)
			ctx := context.Background()
			reqs := make([]storage.Request, batch)
			n := 0
			for b.Loop() {
				for i := range reqs {
					reqs[i] = rreq(fmt.Sprint("p", n))
					n++
				}
				if _, err := st.Add(ctx, reqs...); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "requests/s")
		})
	}
}

// BenchmarkRedisPage is a page's whole life in the state as a crawl lives
// it: lease, claim its 20 posts, done with 20 links and 20 post marks; with
// one worker, and with 8 at once.
func BenchmarkRedisPage(b *testing.B) {
	srv := redistest.Start(b)
	for _, workers := range []int{1, 8} {
		b.Run(fmt.Sprint("workers=", workers), func(b *testing.B) {
			st, tc := benchState(b, srv)
			ctx := context.Background()
			var seq atomic.Int64
			for i := range 64 { // enough that no worker finds the queue empty
				st.Add(ctx, rreq(fmt.Sprint("start", i)))
			}
			b.SetParallelism(workers)
			b.ResetTimer()
			before := tc.n.Load()
			var pages atomic.Int64
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					r, ok, err := st.Lease(ctx)
					if err != nil || !ok {
						b.Fatalf("lease: %v, %v", ok, err)
					}
					base := seq.Add(1) * 20
					posts := make([]storage.PostMark, 20)
					links := make([]storage.Request, 20)
					for i := range posts {
						posts[i] = storage.PostMark{Key: fmt.Sprint("forum.test\x00", base+int64(i))}
						links[i] = rreq(fmt.Sprint("t", base+int64(i)))
					}
					if _, err := st.ClaimPosts(ctx, r, posts); err != nil {
						b.Fatal(err)
					}
					if err := st.Done(ctx, storage.PageDone{Request: r, Status: 200, Links: links, Posts: posts}); err != nil {
						b.Fatal(err)
					}
					pages.Add(1)
				}
			})
			b.ReportMetric(float64(pages.Load())/b.Elapsed().Seconds(), "pages/s")
			b.ReportMetric(float64(tc.n.Load()-before)/float64(pages.Load()), "roundtrips/page")
		})
	}
}
