// Package statetest checks that a storage.State implementation behaves as the
// interface says. Each implementation's tests call Run with a way to open it.
package statetest

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/forumcrawl/forumcrawl/storage"
)

// Opener opens a state. Each call to New gives a fresh, empty state
// and a reopen function that opens the same state again, as a later run
// (or another process) would: leases of the closed state are gone.
type Opener func(t *testing.T) (st storage.State, reopen func(t *testing.T) storage.State)

// Run runs the conformance tests against states from open.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(*testing.T, Opener)
	}{
		{"BeginChecksTheCrawl", testBegin},
		{"AddQueuesEachURLOnce", testAdd},
		{"LeaseOrder", testLeaseOrder},
		{"DoneQueuesLinksAndKeepsMarks", testDone},
		{"FailAndRetry", testFail},
		{"Requeue", testRequeue},
		{"PostsAndOutput", testPosts},
		{"ReopenKeepsEverythingButLeases", testReopen},
		{"ConcurrentWorkersTakeEachRequestOnce", testConcurrent},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, open) })
	}
}

var info = storage.CrawlInfo{Site: "forum.test", Start: "http://forum.test/", Options: "engine=", RunID: "run1"}

func begin(t *testing.T, st storage.State) storage.Counts {
	t.Helper()
	_, c, err := st.Begin(context.Background(), info)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func req(u string, prio int) storage.Request {
	return storage.Request{URL: "http://forum.test/" + u, Kind: "thread", Priority: prio}
}

func mustCounts(t *testing.T, st storage.State, want storage.Counts) {
	t.Helper()
	got, err := st.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("counts %+v, want %+v", got, want)
	}
}

func lease(t *testing.T, st storage.State) (storage.Request, bool) {
	t.Helper()
	r, ok, err := st.Lease(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return r, ok
}

func testBegin(t *testing.T, open Opener) {
	ctx := context.Background()
	st, reopen := open(t)
	got, c, err := st.Begin(ctx, info)
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != storage.StateVersion || got.Site != info.Site || got.Created.IsZero() {
		t.Errorf("fresh state's info %+v: want version, site and creation time set", got)
	}
	if c != (storage.Counts{}) {
		t.Errorf("fresh state's counts %+v, want zero", c)
	}
	st.Close()
	for _, tc := range []struct {
		name string
		edit func(*storage.CrawlInfo)
	}{
		{"another site", func(i *storage.CrawlInfo) { i.Site = "other.test" }},
		{"another start", func(i *storage.CrawlInfo) { i.Start = "http://forum.test/board/" }},
		{"other options", func(i *storage.CrawlInfo) { i.Options = "engine=phpbb" }},
	} {
		st := reopen(t)
		other := info
		tc.edit(&other)
		if _, _, err := st.Begin(ctx, other); !errors.Is(err, storage.ErrOtherCrawl) {
			t.Errorf("%s: Begin gave %v, want ErrOtherCrawl", tc.name, err)
		}
		st.Close()
	}
	st = reopen(t)
	defer st.Close()
	if _, _, err := st.Begin(ctx, info); err != nil {
		t.Errorf("the same crawl again: %v", err)
	}
}

func testAdd(t *testing.T, open Opener) {
	ctx := context.Background()
	st, _ := open(t)
	defer st.Close()
	begin(t, st)
	n, err := st.Add(ctx, req("a", 0), req("b", 0), req("a", 0))
	if err != nil || n != 2 {
		t.Fatalf("Add gave %d, %v; want 2 queued", n, err)
	}
	n, _ = st.Add(ctx, req("b", 0), req("c", 0))
	if n != 1 {
		t.Errorf("Add of one new and one seen URL queued %d, want 1", n)
	}
	for _, u := range []string{"a", "b", "c"} {
		if seen, err := st.Seen(ctx, req(u, 0).URL); err != nil || !seen {
			t.Errorf("Seen(%s) = %v, %v", u, seen, err)
		}
	}
	if seen, _ := st.Seen(ctx, req("zz", 0).URL); seen {
		t.Error("Seen of a URL never added is true")
	}
	mustCounts(t, st, storage.Counts{Pending: 3})
}

func testLeaseOrder(t *testing.T, open Opener) {
	ctx := context.Background()
	st, _ := open(t)
	defer st.Close()
	begin(t, st)
	linked := req("t2", 1)
	linked.Fetch = "http://forum.test/t2-as-linked" // the form the forum links it by
	st.Add(ctx, req("board1", 5), req("t1", 1), req("board2", 5), linked, req("first", -1))
	var got []string
	for {
		r, ok := lease(t, st)
		if !ok {
			break
		}
		got = append(got, r.URL[len("http://forum.test/"):])
		if r.Kind != "thread" {
			t.Errorf("leased %+v lost its kind", r)
		}
		if r.URL == linked.URL && r.Fetch != linked.Fetch {
			t.Errorf("leased %+v lost the URL to fetch it by, %s", r, linked.Fetch)
		}
	}
	want := []string{"first", "t1", "t2", "board1", "board2"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("lease order %v, want %v (priority, then the order added)", got, want)
	}
	mustCounts(t, st, storage.Counts{Pending: 5, InFlight: 5})
}

func testDone(t *testing.T, open Opener) {
	ctx := context.Background()
	st, _ := open(t)
	defer st.Close()
	begin(t, st)
	st.Add(ctx, req("board", 5))
	r, _ := lease(t, st)
	mark := storage.ThreadMark{URL: req("t1", 0).URL, LastPage: 2, Replies: 30, UpdatedAt: time.Unix(100, 0).UTC()}
	err := st.Done(ctx, storage.PageDone{
		Request: r, Status: 200, FetchedAt: time.Now(),
		Links:   []storage.Request{req("t1", 1), req("t2", 1), req("board", 5)},
		Threads: []storage.ThreadMark{mark},
		Posts:   []storage.PostMark{{Key: "forum.test\x001"}, {Key: "forum.test\x002"}},
		Output:  storage.OutputMark{Path: "/out.jsonl", Offset: 1234},
	})
	if err != nil {
		t.Fatal(err)
	}
	mustCounts(t, st, storage.Counts{Done: 1, Pending: 2, Posts: 2, Threads: 1})
	got, ok, err := st.Thread(ctx, mark.URL)
	if err != nil || !ok || got != mark {
		t.Errorf("Thread gave %+v, %v, %v; want %+v", got, ok, err, mark)
	}
	out, err := st.Output(ctx)
	if err != nil || out.Offset != 1234 || out.Path != "/out.jsonl" {
		t.Errorf("Output gave %+v, %v", out, err)
	}
	var threads []storage.ThreadMark
	st.Threads(ctx, func(m storage.ThreadMark) error { threads = append(threads, m); return nil })
	if len(threads) != 1 {
		t.Errorf("Threads listed %d marks, want 1", len(threads))
	}
}

func testFail(t *testing.T, open Opener) {
	ctx := context.Background()
	st, _ := open(t)
	defer st.Close()
	begin(t, st)
	st.Add(ctx, req("a", 0), req("b", 0))
	r, _ := lease(t, st)
	if err := st.Fail(ctx, storage.Failure{Request: r, Status: 503, Err: "service unavailable", At: time.Now()}); err != nil {
		t.Fatal(err)
	}
	mustCounts(t, st, storage.Counts{Pending: 1, Failed: 1})
	var fails []storage.Failure
	st.Failures(ctx, func(f storage.Failure) error { fails = append(fails, f); return nil })
	if len(fails) != 1 || fails[0].Request.URL != r.URL || fails[0].Status != 503 {
		t.Fatalf("Failures gave %+v", fails)
	}
	// A failed request is not leased again in this run.
	r2, _ := lease(t, st)
	if r2.URL == r.URL {
		t.Error("a failed request was leased again before RetryFailed")
	}
	st.Release(ctx, r2)
	n, err := st.RetryFailed(ctx)
	if err != nil || n != 1 {
		t.Fatalf("RetryFailed gave %d, %v; want 1", n, err)
	}
	mustCounts(t, st, storage.Counts{Pending: 2})
	for {
		r3, ok := lease(t, st)
		if !ok {
			t.Fatal("the retried request is not in the queue")
		}
		if r3.URL == r.URL {
			if r3.Attempts != 1 {
				t.Errorf("retried request has %d attempts, want 1", r3.Attempts)
			}
			break
		}
	}
}

func testRequeue(t *testing.T, open Opener) {
	ctx := context.Background()
	st, _ := open(t)
	defer st.Close()
	begin(t, st)
	st.Add(ctx, req("board", 5), req("other", 5))
	r, _ := lease(t, st)
	st.Done(ctx, storage.PageDone{Request: r, Status: 200})
	n, err := st.Requeue(ctx, req("board", 5), req("other", 5))
	if err != nil || n != 1 {
		t.Fatalf("Requeue of a done and a pending page queued %d, %v; want 1", n, err)
	}
	mustCounts(t, st, storage.Counts{Pending: 2})
	r, _ = lease(t, st)
	r2, _ := lease(t, st)
	if _, ok := lease(t, st); ok {
		t.Error("a page requeued while pending was queued twice")
	}
	if r.URL == r2.URL {
		t.Error("the same request leased twice")
	}
}

func testPosts(t *testing.T, open Opener) {
	ctx := context.Background()
	st, _ := open(t)
	defer st.Close()
	begin(t, st)
	edited := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	if err := st.AddPosts(ctx, []storage.PostMark{{Key: "k1"}, {Key: "k2", EditedAt: edited, Revision: 1}}, storage.OutputMark{Path: "/o", Offset: 99}); err != nil {
		t.Fatal(err)
	}
	p, ok, err := st.Post(ctx, "k2")
	if err != nil || !ok || !p.EditedAt.Equal(edited) || p.Revision != 1 {
		t.Errorf("Post(k2) = %+v, %v, %v", p, ok, err)
	}
	if _, ok, _ := st.Post(ctx, "k3"); ok {
		t.Error("Post of an unknown key found")
	}
	out, _ := st.Output(ctx)
	if out.Offset != 99 {
		t.Errorf("output mark %+v, want offset 99", out)
	}
	mustCounts(t, st, storage.Counts{Posts: 2})
}

func testReopen(t *testing.T, open Opener) {
	ctx := context.Background()
	st, reopen := open(t)
	begin(t, st)
	st.Add(ctx, req("a", 0), req("b", 0), req("c", 0))
	a, _ := lease(t, st)
	st.Done(ctx, storage.PageDone{Request: a, Status: 200, Posts: []storage.PostMark{{Key: "p1"}}})
	lease(t, st) // b stays leased when the run dies
	st.Close()

	st = reopen(t)
	defer st.Close()
	c := begin(t, st)
	if c.Done != 1 || c.Pending != 2 || c.Posts != 1 {
		t.Errorf("counts on resume %+v, want 1 done, 2 pending, 1 post", c)
	}
	var got []string
	for {
		r, ok := lease(t, st)
		if !ok {
			break
		}
		got = append(got, r.URL)
	}
	sort.Strings(got)
	if fmt.Sprint(got) != fmt.Sprint([]string{req("b", 0).URL, req("c", 0).URL}) {
		t.Errorf("leasable after resume: %v, want b (its lease died) and c", got)
	}
}

func testConcurrent(t *testing.T, open Opener) {
	ctx := context.Background()
	st, _ := open(t)
	defer st.Close()
	begin(t, st)
	const n = 200
	var reqs []storage.Request
	for i := range n {
		reqs = append(reqs, req(fmt.Sprint("p", i), i%3))
	}
	st.Add(ctx, reqs...)
	var mu sync.Mutex
	took := map[string]int{}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				r, ok, err := st.Lease(ctx)
				if err != nil {
					t.Error(err)
					return
				}
				if !ok {
					return
				}
				mu.Lock()
				took[r.URL]++
				mu.Unlock()
				if err := st.Done(ctx, storage.PageDone{Request: r, Status: 200}); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if len(took) != n {
		t.Errorf("%d requests taken, want %d", len(took), n)
	}
	for u, k := range took {
		if k != 1 {
			t.Errorf("%s taken %d times", u, k)
		}
	}
	mustCounts(t, st, storage.Counts{Done: n})
}
