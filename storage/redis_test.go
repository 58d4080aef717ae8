package storage_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/forumcrawl/forumcrawl/storage"
	"github.com/forumcrawl/forumcrawl/storage/redistest"
	"github.com/forumcrawl/forumcrawl/storage/statetest"
)

// openRedis opens crawl id on srv as a new worker, closed when t ends.
func openRedis(t *testing.T, srv *redistest.Server, id string, opts storage.RedisOptions) *storage.RedisState {
	t.Helper()
	st, err := storage.OpenRedisState(context.Background(), srv.URL, id, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestRedisState(t *testing.T) {
	srv := redistest.Start(t)
	var n atomic.Int64
	statetest.Run(t, func(t *testing.T) (storage.State, func(*testing.T) storage.State) {
		id := fmt.Sprint("conformance-", n.Add(1))
		// Each open is another worker; Close returns its leases.
		open := func(t *testing.T) storage.State { return openRedis(t, srv, id, storage.RedisOptions{}) }
		return open(t), open
	})
}

var redisInfo = storage.CrawlInfo{Site: "forum.test", Start: "http://forum.test/", Options: "engine="}

func rreq(u string) storage.Request {
	return storage.Request{URL: "http://forum.test/" + u, Kind: "thread"}
}

func begin(t *testing.T, st storage.State) storage.Counts {
	t.Helper()
	_, c, err := st.Begin(context.Background(), redisInfo)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestRedisKilledWorkersLeasesLapse(t *testing.T) {
	ctx := context.Background()
	srv := redistest.Start(t)
	short := storage.RedisOptions{LeaseTimeout: 50 * time.Millisecond, Worker: "killed"}
	dead := openRedis(t, srv, "lapse", short)
	begin(t, dead)
	dead.Add(ctx, rreq("a"), rreq("b"))
	a, _, err := dead.Lease(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The worker dies without Close: only the lease timeout frees a.
	live := openRedis(t, srv, "lapse", storage.RedisOptions{Worker: "live"})
	begin(t, live)
	b, ok, _ := live.Lease(ctx)
	if !ok || b.URL == a.URL {
		t.Fatalf("the live worker leased %+v, %v; want the other request", b, ok)
	}
	var got storage.Request
	for range 200 { // bounded: 200 × 10 ms, far past the 50 ms timeout
		if got, ok, err = live.Lease(ctx); err != nil || ok {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if !ok || got.URL != a.URL || got.Kind != "thread" {
		t.Fatalf("after the dead worker's lease ran out, Lease gave %+v, %v, %v; want %s", got, ok, err, a.URL)
	}
	// The dead worker's late Done does not take the page from the live one.
	if err := dead.Done(ctx, storage.PageDone{Request: a, Status: 200}); err != nil {
		t.Fatal(err)
	}
	c, _ := live.Counts(ctx)
	if c.Done != 0 || c.InFlight != 2 {
		t.Errorf("after a stale Done: %+v, want the page still in flight with the live worker", c)
	}
	live.Done(ctx, storage.PageDone{Request: a, Status: 200})
	live.Done(ctx, storage.PageDone{Request: b, Status: 200})
	if c, _ := live.Counts(ctx); c != (storage.Counts{Done: 2}) {
		t.Errorf("counts %+v, want 2 done and nothing else", c)
	}
}

func TestRedisClaimPosts(t *testing.T) {
	ctx := context.Background()
	srv := redistest.Start(t)
	w1 := openRedis(t, srv, "claims", storage.RedisOptions{Worker: "w1"})
	w2 := openRedis(t, srv, "claims", storage.RedisOptions{Worker: "w2"})
	begin(t, w1)
	begin(t, w2)
	w1.Add(ctx, rreq("t1-page1"), rreq("t1-page1-again"))
	p1, _, _ := w1.Lease(ctx)
	p2, _, _ := w2.Lease(ctx)
	edited := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	posts := func() []storage.PostMark {
		return []storage.PostMark{{Key: "s\x001"}, {Key: "s\x002", EditedAt: edited}}
	}

	mine := posts()
	ok, err := w1.ClaimPosts(ctx, p1, mine)
	if err != nil || !ok[0] || !ok[1] {
		t.Fatalf("first claim gave %v, %v; want both posts", ok, err)
	}
	if again, _ := w1.ClaimPosts(ctx, p1, posts()); !again[0] || !again[1] {
		t.Errorf("the same lease claiming again gave %v; want both (a retried claim)", again)
	}
	if theirs, _ := w2.ClaimPosts(ctx, p2, posts()); theirs[0] || theirs[1] {
		t.Errorf("another worker claimed %v of posts w1 holds; want none", theirs)
	}
	if err := w1.Done(ctx, storage.PageDone{Request: p1, Status: 200, Posts: mine}); err != nil {
		t.Fatal(err)
	}
	newer := posts()
	newer[1].EditedAt = edited.Add(time.Hour)
	theirs, _ := w2.ClaimPosts(ctx, p2, newer)
	if theirs[0] || !theirs[1] || newer[1].Revision != 1 {
		t.Errorf("after w1's Done, w2 claimed %v with revision %d; want only the newer edit, revision 1", theirs, newer[1].Revision)
	}
	w2.Done(ctx, storage.PageDone{Request: p2, Status: 200, Posts: newer[1:]})
	if p, _, _ := w2.Post(ctx, "s\x002"); p.Revision != 1 || !p.EditedAt.Equal(newer[1].EditedAt) {
		t.Errorf("post mark %+v, want revision 1 at the newer edit", p)
	}
	if c, _ := w1.Counts(ctx); c.Posts != 2 {
		t.Errorf("counts %+v, want 2 posts", c)
	}
}

func TestRedisClaimsLapseWithTheLease(t *testing.T) {
	ctx := context.Background()
	srv := redistest.Start(t)
	dead := openRedis(t, srv, "claimlapse", storage.RedisOptions{Worker: "dead", LeaseTimeout: 50 * time.Millisecond})
	live := openRedis(t, srv, "claimlapse", storage.RedisOptions{Worker: "live"})
	begin(t, dead)
	dead.Add(ctx, rreq("a"), rreq("b"))
	a, _, _ := dead.Lease(ctx)
	if ok, _ := dead.ClaimPosts(ctx, a, []storage.PostMark{{Key: "k"}}); !ok[0] {
		t.Fatal("the first claim failed")
	}
	b, _, _ := live.Lease(ctx)
	var ok []bool
	for range 200 { // until the dead lease runs out; bounded
		if ok, _ = live.ClaimPosts(ctx, b, []storage.PostMark{{Key: "k"}}); ok[0] {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if !ok[0] {
		t.Error("a claim of a dead worker's lease never lapsed")
	}
}

func TestRedisCloseReturnsOnlyItsLeases(t *testing.T) {
	ctx := context.Background()
	srv := redistest.Start(t)
	w1 := openRedis(t, srv, "close", storage.RedisOptions{})
	w2 := openRedis(t, srv, "close", storage.RedisOptions{})
	begin(t, w1)
	w1.Add(ctx, rreq("a"), rreq("b"), rreq("c"))
	w1.Lease(ctx)
	w2.Lease(ctx)
	if err := w1.Close(); err != nil {
		t.Fatal(err)
	}
	if c, _ := w2.Counts(ctx); c.Pending != 3 || c.InFlight != 1 {
		t.Errorf("after one worker closed: %+v; want 3 pending, 1 in flight (the other worker's)", c)
	}
}

func TestRedisBeginRefusesAnotherStart(t *testing.T) {
	ctx := context.Background()
	srv := redistest.Start(t)
	st := openRedis(t, srv, "crawl-a", storage.RedisOptions{})
	begin(t, st)
	other := redisInfo
	other.Start = "http://forum.test/board/7"
	_, _, err := openRedis(t, srv, "crawl-a", storage.RedisOptions{}).Begin(ctx, other)
	if !errors.Is(err, storage.ErrOtherCrawl) {
		t.Fatalf("Begin with another start URL gave %v; want ErrOtherCrawl", err)
	}
	for _, want := range []string{"crawl-a", redisInfo.Start, other.Start, "--crawl-id", srv.Addr} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %q", err, want)
		}
	}
}

func TestRedisJoiningAFinishedCrawl(t *testing.T) {
	ctx := context.Background()
	srv := redistest.Start(t)
	st := openRedis(t, srv, "finished", storage.RedisOptions{})
	begin(t, st)
	st.Add(ctx, rreq("a"))
	a, _, _ := st.Lease(ctx)
	st.Done(ctx, storage.PageDone{Request: a, Status: 200, Posts: []storage.PostMark{{Key: "k"}}})
	st.Close()
	c := begin(t, openRedis(t, srv, "finished", storage.RedisOptions{}))
	if c.Pending != 0 || c.InFlight != 0 || c.Done != 1 {
		t.Errorf("a worker joining a finished crawl sees %+v; want 1 done, nothing pending or in flight", c)
	}
}

func TestRedisUnreachable(t *testing.T) {
	srv := redistest.Start(t)
	addr := srv.Addr
	srv.Stop() // a port nobody listens on now
	_, err := storage.OpenRedisState(context.Background(), "redis://"+addr+"/0", "x", storage.RedisOptions{MaxRetries: -1, DialTimeout: time.Second})
	if err == nil || !strings.Contains(err.Error(), addr) || !strings.Contains(err.Error(), "unreachable") {
		t.Errorf("opening an unreachable Redis gave %v; want an error naming %s", err, addr)
	}
	if _, err := storage.OpenRedisState(context.Background(), "http://nope", "x", storage.RedisOptions{}); err == nil || !strings.Contains(err.Error(), "http://nope") {
		t.Errorf("a bad URL gave %v; want an error naming it", err)
	}
}

func TestRedisLostMidCrawl(t *testing.T) {
	ctx := context.Background()
	srv := redistest.Start(t)
	st := openRedis(t, srv, "lost", storage.RedisOptions{MaxRetries: 2, DialTimeout: time.Second})
	begin(t, st)
	st.Add(ctx, rreq("a"))
	a, _, _ := st.Lease(ctx)
	srv.Stop()
	err := st.Done(ctx, storage.PageDone{Request: a, Status: 200})
	if err == nil || !strings.Contains(err.Error(), srv.Addr) || !strings.Contains(err.Error(), a.URL) {
		t.Errorf("Done with Redis gone gave %v; want an error naming %s and the page", err, srv.Addr)
	}
	if _, _, err := st.Lease(ctx); err == nil {
		t.Error("Lease with Redis gone gave no error")
	}
}

func TestRedisDoneOfABatch(t *testing.T) {
	ctx := context.Background()
	srv := redistest.Start(t)
	st := openRedis(t, srv, "batch", storage.RedisOptions{})
	if _, err := st.Info(ctx); err == nil {
		t.Error("Info of a crawl id never begun gave no error")
	}
	begin(t, st)
	if info, err := st.Info(ctx); err != nil || info.Start != redisInfo.Start {
		t.Errorf("Info gave %+v, %v", info, err)
	}
	st.Add(ctx, rreq("a"), rreq("b"))
	a, _, _ := st.Lease(ctx)
	b, _, _ := st.Lease(ctx)
	err := st.Done(ctx,
		storage.PageDone{Request: a, Status: 200, Aliases: []string{rreq("a?page=1").URL}, Links: []storage.Request{rreq("c")},
			Posts: []storage.PostMark{{Key: "k1"}}, Threads: []storage.ThreadMark{{URL: rreq("a").URL, LastPage: 1}}},
		storage.PageDone{Request: b, Status: 200, Links: []storage.Request{rreq("c"), rreq("a?page=1")},
			Posts: []storage.PostMark{{Key: "k1"}, {Key: "k2"}}, Threads: []storage.ThreadMark{{URL: rreq("a").URL, LastPage: 2}},
			Output: storage.OutputMark{Path: "/w1.jsonl", Offset: 10}},
	)
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := st.Counts(ctx); c != (storage.Counts{Done: 2, Pending: 1, Posts: 2, Threads: 1}) {
		t.Errorf("counts %+v; want 2 done, only c pending (the alias is seen), 2 posts, 1 thread", c)
	}
	if m, _, _ := st.Thread(ctx, rreq("a").URL); m.LastPage != 2 {
		t.Errorf("thread mark %+v; want the later page's", m)
	}
	if o, _ := st.Output(ctx); o.Offset != 10 {
		t.Errorf("output mark %+v", o)
	}
}

func TestRedisStatusListsWorkers(t *testing.T) {
	ctx := context.Background()
	srv := redistest.Start(t)
	a := openRedis(t, srv, "status", storage.RedisOptions{Worker: "a", Host: "host1", Output: "/data/posts.jsonl"})
	b := openRedis(t, srv, "status", storage.RedisOptions{Worker: "b", Host: "host2", Output: "/data/posts.jsonl"})
	begin(t, a)
	a.Add(ctx, rreq("1"), rreq("2"), rreq("3"))
	r1, _, _ := a.Lease(ctx)
	a.Lease(ctx)
	r3, _, _ := b.Lease(ctx)
	a.Done(ctx, storage.PageDone{Request: r1, Output: storage.OutputMark{Path: "/data/posts.jsonl", Offset: 10}})
	b.Done(ctx, storage.PageDone{Request: r3, Output: storage.OutputMark{Path: "/data/posts.jsonl", Offset: 20}})
	outs, err := a.Outputs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(outs) != "[{host1 {/data/posts.jsonl 10}} {host2 {/data/posts.jsonl 20}}]" {
		t.Errorf("outputs %v; want one mark per host for the same path", outs)
	}
	if o, _ := b.Output(ctx); o.Offset != 20 {
		t.Errorf("host2's own output mark %+v, want offset 20", o)
	}
	ls, _ := a.Leases(ctx)
	if fmt.Sprint(ls) != "[{a 1}]" {
		t.Errorf("leases %v; want worker a holding 1", ls)
	}
}

func TestRedisThreadMarkNeverMovesBack(t *testing.T) {
	ctx := context.Background()
	srv := redistest.Start(t)
	w1 := openRedis(t, srv, "marks", storage.RedisOptions{Worker: "w1"})
	w2 := openRedis(t, srv, "marks", storage.RedisOptions{Worker: "w2"})
	begin(t, w1)
	w1.Add(ctx, rreq("t/page-2"), rreq("t/page-3"))
	p2, _, _ := w1.Lease(ctx)
	p3, _, _ := w2.Lease(ctx)
	thread := rreq("t").URL
	// Worker 2 commits page 3 first; worker 1's page 2, planned from the
	// mark before, comes after.
	w2.Done(ctx, storage.PageDone{Request: p3, Threads: []storage.ThreadMark{{URL: thread, LastPage: 3, LastPageURL: p3.URL, LastPostID: "30", Replies: -1}}})
	w1.Done(ctx, storage.PageDone{Request: p2, Threads: []storage.ThreadMark{{URL: thread, Title: "Hello", LastPage: 2, LastPageURL: p2.URL, LastPostID: "20", PageCount: 3, Replies: 59}}})
	m, _, err := w1.Thread(ctx, thread)
	if err != nil {
		t.Fatal(err)
	}
	want := storage.ThreadMark{URL: thread, Title: "Hello", LastPage: 3, LastPageURL: p3.URL, LastPostID: "30", PageCount: 3, Replies: 59}
	if m != want {
		t.Errorf("mark %+v\nwant %+v (page 3 kept, the rest from the later commit)", m, want)
	}
	if c, _ := w1.Counts(ctx); c.Threads != 1 {
		t.Errorf("counts %+v, want 1 thread", c)
	}
}
