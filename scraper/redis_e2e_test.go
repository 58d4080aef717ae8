package scraper

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/forumcrawl/forumcrawl/forumsim"
	"github.com/forumcrawl/forumcrawl/storage"
	"github.com/forumcrawl/forumcrawl/storage/redistest"
)

// roundTrips counts the commands and pipelines a Redis client sends: each
// is one round trip.
type roundTrips struct{ n atomic.Int64 }

func (h *roundTrips) DialHook(next redis.DialHook) redis.DialHook { return next }

func (h *roundTrips) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		h.n.Add(1)
		return next(ctx, cmd)
	}
}

func (h *roundTrips) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		h.n.Add(1)
		return next(ctx, cmds)
	}
}

// redisWorker opens crawl id on srv as one worker whose client counts its round trips.
func redisWorker(t *testing.T, srv *redistest.Server, id, out string, rt *roundTrips, opts storage.RedisOptions) *storage.RedisState {
	t.Helper()
	rdb := redis.NewClient(&redis.Options{Addr: srv.Addr, DisableIdentity: true})
	t.Cleanup(func() { rdb.Close() })
	opts.Output = out
	st, err := storage.NewRedisState(context.Background(), rdb, id, opts)
	if err != nil {
		t.Fatal(err)
	}
	rdb.AddHook(rt)
	return st
}

// workerCrawl runs one worker's crawl of start into out, as the CLI does.
func workerCrawl(ctx context.Context, st storage.State, start, out string) (*Summary, error) {
	w, err := storage.OpenJSONL(out, storage.JSONLOptions{Seen: storage.NopSeen{}})
	if err != nil {
		return nil, err
	}
	cfg := Config{Start: start, State: st, NoDelay: true, Parallel: 4, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	sum, err := Crawl(ctx, cfg, w)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return sum, err
}

// bigForum is a forumsim forum of about 1,500 pages.
func bigForum(t *testing.T) (*forumsim.Forum, *forumsim.Server) {
	f, srv := simForum(t, forumsim.Config{Seed: 21, Boards: 4, SubBoards: 1, Threads: 420, MinPages: 1, MaxPages: 6})
	pages := len(f.ThreadPagePaths())
	for _, b := range f.Boards() {
		pages += len(b.PagePaths)
	}
	if pages < 1200 || pages > 1800 {
		t.Fatalf("the forum has %d pages; the test wants about 1,500", pages)
	}
	return f, srv
}

// TestRedisThreeWorkersShareACrawl: three workers, each with its own output,
// crawl one forum through one Redis: every post is in exactly one output,
// no page is fetched twice, and each page costs a few round trips.
func TestRedisThreeWorkersShareACrawl(t *testing.T) {
	rsrv := redistest.Start(t)
	f, srv := bigForum(t)
	start := f.RootURL(srv.URL)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	dir := t.TempDir()
	var rts [3]roundTrips
	sums := make([]*Summary, 3)
	var wg sync.WaitGroup
	for i := range 3 {
		out := filepath.Join(dir, fmt.Sprintf("posts-%d.jsonl", i))
		st := redisWorker(t, rsrv, "three", out, &rts[i], storage.RedisOptions{})
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer st.Close()
			sum, err := workerCrawl(ctx, st, start, out)
			if err != nil {
				t.Errorf("worker %d: %v", i, err)
			}
			sums[i] = sum
		}()
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	var all []storage.Record
	pages, trips := 0, int64(0)
	for i := range 3 {
		recs := readRecords(t, filepath.Join(dir, fmt.Sprintf("posts-%d.jsonl", i)))
		all = append(all, recs...)
		pages += sums[i].Pages
		trips += rts[i].n.Load()
		t.Logf("worker %d: %d pages, %d posts, %d round trips", i, sums[i].Pages, len(recs), rts[i].n.Load())
		if sums[i].Pages == 0 {
			t.Errorf("worker %d fetched no page: the work was not shared", i)
		}
	}
	checkPosts(t, srv.URL, all, f.Posts())
	checkFetchedOnce(t, f, start)
	perPage := float64(trips) / float64(pages)
	t.Logf("%d pages, %d Redis round trips: %.2f a page", pages, trips, perPage)
	if perPage > 5 {
		t.Errorf("%.2f Redis round trips a page; want at most 5", perPage)
	}
}
