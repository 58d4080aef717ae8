package report

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/forumcrawl/forumcrawl/forumsim"
	"github.com/forumcrawl/forumcrawl/parser"
	"github.com/forumcrawl/forumcrawl/scraper"
	"github.com/forumcrawl/forumcrawl/storage"
)

// BenchmarkObserve measures what each page costs the crawl in the observers:
// the tally alone, and the tally with metrics and a running progress log.
func BenchmarkObserve(b *testing.B) {
	ev := scraper.Event{URL: "http://127.0.0.1/t/1", Kind: parser.KindThread, Status: 200, Bytes: 90_000,
		Posts: 20, Latency: 30 * time.Millisecond, Board: "News", Pending: 100, Finished: time.Now()}
	b.Run("tally", func(b *testing.B) {
		t := NewTally()
		for b.Loop() {
			t.Observe(ev)
		}
	})
	b.Run("tally+metrics+progress", func(b *testing.B) {
		t := NewTally()
		p := NewProgress(t, ProgressOptions{Interval: 10 * time.Millisecond})
		p.Start(context.Background(), slog.New(slog.DiscardHandler))
		defer p.Stop()
		o := Observers(t, NewMetrics())
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				o.Observe(ev)
			}
		})
	})
}

// BenchmarkCrawlObserved crawls a forumsim forum with no observer and with
// the tally, metrics and progress log the crawl command sets up, to show
// what they cost a whole crawl.
func BenchmarkCrawlObserved(b *testing.B) {
	f := forumsim.New(forumsim.Config{Seed: 5, Threads: 30, MaxPages: 4})
	srv, err := forumsim.Start(f, "")
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	for _, observed := range []bool{false, true} {
		name := map[bool]string{false: "none", true: "tally+metrics+progress"}[observed]
		b.Run(name, func(b *testing.B) {
			pages := 0
			for b.Loop() {
				cfg := scraper.Config{Start: f.RootURL(srv.URL), NoDelay: true, Parallel: 4}
				var p *Progress
				if observed {
					t := NewTally()
					p = NewProgress(t, ProgressOptions{Interval: 100 * time.Millisecond})
					p.Start(context.Background(), slog.New(slog.DiscardHandler))
					cfg.Observer = Observers(t, NewMetrics())
				}
				sum, err := scraper.Crawl(context.Background(), cfg, discardSink{})
				if err != nil {
					b.Fatal(err)
				}
				if p != nil {
					p.Stop()
				}
				pages += sum.Pages
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(pages), "ns/page")
		})
	}
}

// discardSink takes the posts and keeps none.
type discardSink struct{}

func (discardSink) WritePage(recs []storage.Record) (int, error) { return len(recs), nil }
