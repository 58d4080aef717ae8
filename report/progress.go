package report

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
)

// ProgressOptions says how a Progress shows itself.
type ProgressOptions struct {
	// Out is where the live display is drawn (standard error).
	Out io.Writer
	// Live draws a display redrawn in place, for a terminal; otherwise
	// Progress logs a line every Interval.
	Live bool
	// Interval is the time between log lines when not Live (default 10 s).
	Interval time.Duration
	// Refresh is the time between redraws when Live (default 150 ms).
	Refresh time.Duration
}

// Progress shows how a crawl is going, from its Tally: on a terminal a live
// line (pages done of those known, posts, pages/s, errors, current board),
// elsewhere a log line every Interval. Logs written through LogWriter appear
// above the live line instead of breaking it.
type Progress struct {
	tally *Tally
	opts  ProgressOptions
	logw  *logWriter
	log   *slog.Logger

	stop chan struct{}
	done chan struct{}
	once sync.Once
}

// NewProgress returns a progress display of t; Start shows it.
func NewProgress(t *Tally, opts ProgressOptions) *Progress {
	if opts.Interval <= 0 {
		opts.Interval = 10 * time.Second
	}
	if opts.Refresh <= 0 {
		opts.Refresh = 150 * time.Millisecond
	}
	if opts.Out == nil {
		opts.Out = io.Discard
	}
	return &Progress{tally: t, opts: opts, logw: &logWriter{out: opts.Out}}
}

// LogWriter returns a writer for log lines that shows them above the live
// display while it is drawn, and writes them to Out otherwise.
func (p *Progress) LogWriter() io.Writer { return p.logw }

// Start shows the progress until Stop is called or ctx is done; when not
// Live, the lines go to log (nil: nowhere).
func (p *Progress) Start(ctx context.Context, log *slog.Logger) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	p.log = log
	p.stop, p.done = make(chan struct{}), make(chan struct{})
	if p.opts.Live {
		go p.drawLive(ctx)
	} else {
		go p.logLines(ctx)
	}
}

// Stop shows the final counts (the live line completed, or one last log line)
// and returns when the display is gone. It may be called more than once.
func (p *Progress) Stop() {
	if p.stop == nil {
		return
	}
	p.once.Do(func() { close(p.stop) })
	<-p.done
}

// logLines logs the tally every Interval, and once more at the end.
func (p *Progress) logLines(ctx context.Context) {
	defer close(p.done)
	tick := time.NewTicker(p.opts.Interval)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			p.logLine()
		case <-ctx.Done():
			p.logLine()
			return
		case <-p.stop:
			p.logLine()
			return
		}
	}
}

// logLine logs the tally now.
func (p *Progress) logLine() {
	s := p.tally.Snapshot()
	p.log.Info("crawl progress",
		"pages_done", s.Done, "pages_pending", s.Pending, "posts", s.Posts,
		"pages_per_s", fmt.Sprintf("%.1f", s.PagesPer), "errors", s.Failed,
		"skipped", s.Skipped, "board", s.Board, "elapsed", s.Elapsed.Round(100*time.Millisecond).String())
}

// drawLive draws and redraws the live line until stopped.
func (p *Progress) drawLive(ctx context.Context) {
	defer close(p.done)
	c := mpb.New(mpb.WithOutput(p.opts.Out), mpb.WithRefreshRate(p.opts.Refresh), mpb.WithWidth(100), mpb.ForceTTY())
	// Total 0: the bar completes only when drawLive forces it at the end, not
	// whenever the pages done catch up with the pages known so far.
	bar := c.New(0, mpb.BarStyle().Lbound("[").Rbound("]"),
		mpb.PrependDecorators(decor.Any(func(decor.Statistics) string { return p.pagesText() })),
		mpb.AppendDecorators(decor.Any(func(decor.Statistics) string { return p.ratesText() })),
	)
	p.logw.to(c)
	update := func() Snapshot {
		s := p.tally.Snapshot()
		bar.SetTotal(max(int64(s.Done+s.Pending), 1), false)
		bar.SetCurrent(int64(s.Done))
		return s
	}
	tick := time.NewTicker(p.opts.Refresh)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			update()
			continue
		case <-ctx.Done():
		case <-p.stop:
		}
		break
	}
	// A crawl that ends with pages pending (stopped, or limited) keeps its
	// bar as far as it got; one that ran out of pages shows it full.
	if s := update(); s.Pending == 0 && s.Done > 0 {
		bar.SetTotal(int64(s.Done), true)
	} else {
		bar.Abort(false)
	}
	p.logw.to(nil) // before Wait: a log line now goes straight to Out
	c.Wait()
}

// pagesText is the live line's left part.
func (p *Progress) pagesText() string {
	s := p.tally.Snapshot()
	return fmt.Sprintf("%d/%d pages", s.Done, s.Done+s.Pending)
}

// ratesText is the live line's right part.
func (p *Progress) ratesText() string {
	s := p.tally.Snapshot()
	t := fmt.Sprintf("%d posts  %.1f pages/s  %d errors", s.Posts, s.PagesPer, s.Failed)
	if s.Board != "" {
		b := []rune(s.Board)
		if len(b) > 24 {
			b = append(b[:23], '…')
		}
		t += "  " + string(b)
	}
	return t
}

// logWriter writes log lines above a live display while there is one.
type logWriter struct {
	mu   sync.RWMutex
	out  io.Writer
	live *mpb.Progress
}

// to sends later lines above c, or straight to out when c is nil.
func (w *logWriter) to(c *mpb.Progress) {
	w.mu.Lock()
	w.live = c
	w.mu.Unlock()
}

func (w *logWriter) Write(b []byte) (int, error) {
	w.mu.RLock()
	defer w.mu.RUnlock()
	if w.live != nil {
		if n, err := w.live.Write(b); err == nil {
			return n, nil
		}
	}
	return w.out.Write(b)
}
