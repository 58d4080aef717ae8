package report

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/forumcrawl/forumcrawl/parser"
	"github.com/forumcrawl/forumcrawl/scraper"
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
