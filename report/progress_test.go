package report

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/forumcrawl/forumcrawl/parser"
	"github.com/forumcrawl/forumcrawl/scraper"
)

// syncBuffer is a buffer written by one goroutine and read by another.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor reports whether the buffer came to hold text within limit.
func (s *syncBuffer) waitFor(text string, limit time.Duration) bool {
	for end := time.Now().Add(limit); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
		if strings.Contains(s.String(), text) {
			return true
		}
	}
	return false
}

// feed tells o of pages pages of 3 posts each on board "News", the last
// failed one, and returns the posts written.
func feed(o scraper.Observer, pages int) int {
	posts := 0
	for i := 1; i <= pages; i++ {
		ev := scraper.Event{URL: fmt.Sprintf("http://127.0.0.1/t/%d", i), Kind: parser.KindThread, Posts: 3, Bytes: 100, Board: "News", Pending: pages - i}
		if i == pages {
			ev = scraper.Event{URL: ev.URL, Status: 503, Err: "503 Service Unavailable", ErrKind: "http", Pending: 0}
		}
		posts += ev.Posts
		o.Observe(ev)
	}
	return posts
}

func TestProgressOnAPipeLogsLines(t *testing.T) {
	var logs bytes.Buffer
	tally := NewTally()
	p := NewProgress(tally, ProgressOptions{})
	p.Start(context.Background(), slog.New(slog.NewTextHandler(&logs, nil)))
	feed(tally, 12)
	p.Stop()
	out := logs.String()
	for _, want := range []string{"msg=\"crawl progress\"", "pages_done=12", "pages_pending=0", "posts=33", "errors=1", "board=News"} {
		if !strings.Contains(out, want) {
			t.Errorf("the log line does not say %s: %q", want, out)
		}
	}
	if strings.ContainsAny(out, "\r\x1b") {
		t.Errorf("terminal control characters on a pipe: %q", out)
	}
}

func TestProgressOnATerminalDrawsALiveLine(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer ptmx.Close()
	if err := pty.Setsize(ptmx, &pty.Winsize{Rows: 24, Cols: 80}); err != nil {
		t.Fatal(err)
	}
	screen := &syncBuffer{}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); io.Copy(screen, ptmx) }() // ends with EIO once tty is closed

	tally := NewTally()
	p := NewProgress(tally, ProgressOptions{Out: tty, Live: true})
	log := slog.New(slog.NewTextHandler(p.LogWriter(), nil))
	p.Start(context.Background(), log)
	tally.Observe(scraper.Event{Kind: parser.KindBoard, Board: "First", Pending: 11})
	if !screen.waitFor("1/12 pages", 10*time.Second) { // a first frame, so that the last one redraws it
		t.Fatalf("no progress line drawn: %q", screen.String())
	}
	feed(tally, 11)
	log.Warn("page failed", "url", "http://127.0.0.1/t/12")
	p.Stop()
	log.Info("after the display")
	tty.Close()
	wg.Wait()

	out := screen.String()
	for _, want := range []string{"12/12 pages", "30 posts", "1 errors", "errors  News", "page failed", "after the display"} {
		if !strings.Contains(out, want) {
			t.Errorf("the terminal does not show %q:\n%q", want, out)
		}
	}
	if !strings.Contains(out, "\x1b[") {
		t.Errorf("no cursor control on a terminal; the line is not redrawn in place: %q", out)
	}
	if i, j := strings.Index(out, "page failed"), strings.LastIndex(out, "12/12 pages"); i < 0 || j < i {
		t.Errorf("the log line is not above the final progress line: %q", out)
	}
}
