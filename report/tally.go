// Package report tells people and machines how a crawl is going and how it
// went: a live progress display or periodic log lines (Progress), Prometheus
// metrics (Metrics) and the end-of-crawl summary as a table or JSON
// (Summary). Its observers plug into the crawl through scraper.Config.Observer;
// it knows no markup and writes no posts.
package report

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/forumcrawl/forumcrawl/scraper"
)

// Tally counts a crawl's pages as they are handled. It is a scraper.Observer,
// safe for concurrent use; Observe takes no lock but the one guarding the
// current board's name.
type Tally struct {
	began   time.Time
	pending atomic.Int64
	fetched atomic.Int64
	failed  atomic.Int64
	skipped atomic.Int64
	posts   atomic.Int64
	bytes   atomic.Int64

	mu    sync.Mutex
	board string
}

// NewTally returns a tally whose rates count from now.
func NewTally() *Tally { return &Tally{began: time.Now()} }

// Observe counts one page.
func (t *Tally) Observe(ev scraper.Event) {
	t.pending.Store(int64(ev.Pending))
	switch {
	case ev.Kind == "":
		t.failed.Add(1)
	case ev.Err != "":
		t.fetched.Add(1)
		t.skipped.Add(1)
	default:
		t.fetched.Add(1)
	}
	t.posts.Add(int64(ev.Posts))
	t.bytes.Add(int64(ev.Bytes))
	if ev.Board != "" {
		t.mu.Lock()
		t.board = ev.Board
		t.mu.Unlock()
	}
}

// Snapshot is the tally at one moment.
type Snapshot struct {
	Done     int           // pages handled (fetched or failed)
	Pending  int           // pages queued, not yet handled
	Fetched  int           // pages fetched and parsed
	Failed   int           // pages that could not be fetched
	Skipped  int           // pages fetched but not used (not forum pages)
	Posts    int           // posts written
	Bytes    int64         // bytes of the pages fetched
	Board    string        // the board of the page handled last
	Elapsed  time.Duration // since the tally began
	PagesPer float64       // pages handled per second since the tally began
}

// Snapshot returns the counts now.
func (t *Tally) Snapshot() Snapshot {
	s := Snapshot{
		Pending: int(t.pending.Load()),
		Fetched: int(t.fetched.Load()),
		Failed:  int(t.failed.Load()),
		Skipped: int(t.skipped.Load()),
		Posts:   int(t.posts.Load()),
		Bytes:   t.bytes.Load(),
		Elapsed: time.Since(t.began),
	}
	s.Done = s.Fetched + s.Failed
	t.mu.Lock()
	s.Board = t.board
	t.mu.Unlock()
	if secs := s.Elapsed.Seconds(); secs > 0 {
		s.PagesPer = float64(s.Done) / secs
	}
	return s
}

// Observers returns one observer that tells each of obs of every event, in
// order; nil entries are left out, and nil is returned when none is left.
func Observers(obs ...scraper.Observer) scraper.Observer {
	var all multi
	for _, o := range obs {
		if o != nil {
			all = append(all, o)
		}
	}
	switch len(all) {
	case 0:
		return nil
	case 1:
		return all[0]
	}
	return all
}

// multi tells several observers of each event.
type multi []scraper.Observer

func (m multi) Observe(ev scraper.Event) {
	for _, o := range m {
		o.Observe(ev)
	}
}
