package scraper

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
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

	// A worker that joins the finished crawl stops at once, fetching nothing.
	before := f.TotalRequests()
	late := redisWorker(t, rsrv, "three", filepath.Join(dir, "late.jsonl"), &roundTrips{}, storage.RedisOptions{})
	defer late.Close()
	sum, err := workerCrawl(ctx, late, start, filepath.Join(dir, "late.jsonl"))
	if err != nil || sum.Pages != 0 || f.TotalRequests() != before {
		t.Errorf("a worker joining the finished crawl: %v, %d pages, %d requests; want none", err, sum.Pages, f.TotalRequests()-before)
	}
}

// crawlWorkers runs n workers of crawl id over start with cfg's options,
// each into dir/prefix-i.jsonl, and returns all their records.
func crawlWorkers(t *testing.T, rsrv *redistest.Server, id, start, dir, prefix string, n int, incremental bool) []storage.Record {
	t.Helper()
	var wg sync.WaitGroup
	for i := range n {
		out := filepath.Join(dir, fmt.Sprintf("%s-%d.jsonl", prefix, i))
		st := redisWorker(t, rsrv, id, out, &roundTrips{}, storage.RedisOptions{})
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer st.Close()
			w, err := storage.OpenJSONL(out, storage.JSONLOptions{Seen: storage.NopSeen{}})
			if err != nil {
				t.Error(err)
				return
			}
			cfg := Config{Start: start, State: st, NoDelay: true, Parallel: 4, Incremental: incremental,
				Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
			if _, err := Crawl(t.Context(), cfg, w); err != nil {
				t.Errorf("worker %d: %v", i, err)
			}
			if err := w.Close(); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	var all []storage.Record
	for i := range n {
		recs, _ := readCompleteRecords(t, filepath.Join(dir, fmt.Sprintf("%s-%d.jsonl", prefix, i)))
		all = append(all, recs...)
	}
	return all
}

// TestRedisIncrementalRun: two workers crawl a forum; it grows; two workers
// run the crawl again with Incremental: together they write exactly the
// new posts and the edited ones (as revision 1), each once.
func TestRedisIncrementalRun(t *testing.T) {
	rsrv := redistest.Start(t)
	f, srv := simForum(t, forumsim.Config{Seed: 31, Boards: 3, Threads: 80, MinPages: 1, MaxPages: 5})
	start, dir := f.RootURL(srv.URL), t.TempDir()
	first := crawlWorkers(t, rsrv, "nightly", start, dir, "run1", 2, false)
	checkPosts(t, srv.URL, first, f.Posts())

	ch := f.Grow(forumsim.Growth{Seed: 4, Threads: 0.05, NewThreads: 2, Edits: 3})
	if len(ch.NewPosts) == 0 || len(ch.EditedPosts) == 0 {
		t.Fatalf("growth too small to test: %+v", ch)
	}
	second := crawlWorkers(t, rsrv, "nightly", start, dir, "run2", 2, true)
	want, got := revisions(t, ch, second)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("incremental outputs (post: revision) %v, want %v", got, want)
		threads := map[string]forumsim.ThreadTruth{}
		for _, th := range f.Threads() {
			threads[th.ID] = th
		}
		reqs := f.Requests()
		for _, p := range f.Posts() {
			if _, ok := want[p.ID]; ok {
				if _, ok := got[p.ID]; !ok {
					th := threads[p.ThreadID]
					path := th.PagePaths[p.Page-1]
					t.Logf("missing post %s: thread %s, page %d of %d, %s, fetched %d times in both runs", p.ID, p.ThreadID, p.Page, th.Pages, path, reqs[path])
				}
			}
		}
	}
}

// TestRedisLostMidCrawl: when Redis goes away, the worker stops with an
// error naming it (after its retries), and its output holds whole lines.
func TestRedisLostMidCrawl(t *testing.T) {
	rsrv := redistest.Start(t)
	f, srv := simForum(t, forumsim.Config{Seed: 8, Boards: 2, Threads: 40, MinPages: 1, MaxPages: 4})
	out := filepath.Join(t.TempDir(), "posts.jsonl")
	st, err := storage.OpenRedisState(t.Context(), rsrv.URL, "lost", storage.RedisOptions{MaxRetries: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	go func() {
		for f.TotalRequests() < 30 && ctx.Err() == nil {
			time.Sleep(5 * time.Millisecond)
		}
		rsrv.Stop()
	}()
	_, err = workerCrawl(ctx, st, f.RootURL(srv.URL), out)
	if err == nil || ctx.Err() != nil || !strings.Contains(err.Error(), rsrv.Addr) {
		t.Fatalf("the crawl with Redis gone ended with %v; want an error naming %s, before the test's deadline", err, rsrv.Addr)
	}
	t.Logf("the worker stopped: %v", err)
	readRecords(t, out) // fails on a torn line
}
