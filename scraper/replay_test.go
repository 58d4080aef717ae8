package scraper

import (
	"context"
	"errors"
	"io"
	"reflect"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/forumcrawl/forumcrawl/forumsim"
	"github.com/forumcrawl/forumcrawl/parser"
	"github.com/forumcrawl/forumcrawl/storage"
)

// memArchive keeps the exchanges of a crawl in the order they came.
type memArchive struct {
	mu  sync.Mutex
	exs []*Exchange
}

func (m *memArchive) Archive(ex *Exchange) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.exs = append(m.exs, ex)
	return nil
}

// memSink keeps the records written, each post once, like the JSONL writer.
type memSink struct {
	mu    sync.Mutex
	recs  []storage.Record
	seen  map[string]bool
	fail  int // fail the nth page written (1-based); 0 never
	pages int
}

func (m *memSink) WritePage(recs []storage.Record) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.pages++
	if m.pages == m.fail {
		return 0, errors.New("disk full")
	}
	if m.seen == nil {
		m.seen = map[string]bool{}
	}
	n := 0
	for _, r := range recs {
		if !m.seen[r.Key()] {
			m.seen[r.Key()] = true
			m.recs = append(m.recs, r)
			n++
		}
	}
	return n, nil
}

// replayOf returns a next function over the archived exchanges.
func replayOf(exs []*Exchange) func() (*Response, error) {
	i := 0
	return func() (*Response, error) {
		if i == len(exs) {
			return nil, io.EOF
		}
		ex := exs[i]
		i++
		return &Response{URL: ex.URL, Status: ex.Status, ContentType: ex.Header.Get("Content-Type"), Body: ex.Body, Fetched: ex.Finished}, nil
	}
}

func TestReplayWritesWhatTheCrawlWrote(t *testing.T) {
	for _, engine := range []string{"xenforo2", "phpbb", "discourse"} {
		t.Run(engine, func(t *testing.T) {
			f, srv := simForum(t, forumsim.Config{Seed: 21, Threads: 8, MaxPages: 3, Engine: engine})
			arch := &memArchive{}
			crawled := &memSink{}
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			sum, err := Crawl(ctx, Config{Start: f.RootURL(srv.URL), NoDelay: true, Parallel: 4, Archiver: arch}, crawled)
			if err != nil {
				t.Fatal(err)
			}
			if len(arch.exs) != f.TotalRequests() {
				t.Errorf("%d exchanges archived, the forum served %d", len(arch.exs), f.TotalRequests())
			}
			replayed := &memSink{}
			rsum, err := Replay(ctx, ReplayOptions{Parallel: 4}, replayOf(arch.exs), replayed)
			if err != nil {
				t.Fatal(err)
			}
			if rsum.Pages != sum.Pages || rsum.Posts != sum.Posts || rsum.Threads != sum.Threads || rsum.Boards != sum.Boards || rsum.Authors != sum.Authors {
				t.Errorf("replay summary %+v, crawl %+v", rsum, sum)
			}
			byKey := func(recs []storage.Record) []storage.Record {
				sort.Slice(recs, func(i, j int) bool { return recs[i].Key() < recs[j].Key() })
				return recs
			}
			a, b := byKey(crawled.recs), byKey(replayed.recs)
			if len(a) != len(f.Posts()) || len(a) != len(b) {
				t.Fatalf("crawl %d records, replay %d, forum %d posts", len(a), len(b), len(f.Posts()))
			}
			for i := range a {
				if !reflect.DeepEqual(a[i], b[i]) {
					t.Fatalf("record %s differs:\ncrawl  %s\nreplay %s", a[i].Key(), jsonString(a[i]), jsonString(b[i]))
				}
			}
		})
	}
}

func TestReplayStopsWhenTheSinkFails(t *testing.T) {
	f, srv := simForum(t, forumsim.Config{Seed: 22, Threads: 6, MaxPages: 2})
	arch := &memArchive{}
	ctx := context.Background()
	if _, err := Crawl(ctx, Config{Start: f.RootURL(srv.URL), NoDelay: true, Archiver: arch}, &memSink{}); err != nil {
		t.Fatal(err)
	}
	sink := &memSink{fail: 3}
	sum, err := Replay(ctx, ReplayOptions{Parallel: 3, Parser: parser.Options{}}, replayOf(arch.exs), sink)
	if err == nil || sum == nil {
		t.Fatalf("err %v, summary %v; want the sink's error", err, sum)
	}
	if sink.pages != 3 {
		t.Errorf("%d pages offered to the sink; the replay must stop at the failed third", sink.pages)
	}

	// A reading error ends the replay after the responses before it.
	broken := errors.New("record 5 cut short")
	next, n := replayOf(arch.exs), 0
	_, err = Replay(ctx, ReplayOptions{Parallel: 2}, func() (*Response, error) {
		if n++; n == 5 {
			return nil, broken
		}
		return next()
	}, &memSink{})
	if !errors.Is(err, broken) {
		t.Errorf("err %v, want the reading error", err)
	}
}
