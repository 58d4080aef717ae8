package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// haltTimeout bounds how long a second signal waits for a page being written.
const haltTimeout = 2 * time.Second

// signalCause is the cause of a context cancelled by a signal.
type signalCause struct{ sig os.Signal }

func (c signalCause) Error() string { return "interrupted by " + c.sig.String() }

// interrupts turns SIGINT and SIGTERM into forumcrawl's way of stopping. The
// first signal cancels the context with the signal as its cause: pages in
// flight finish, the output is flushed and the summary printed, and the
// command exits 128+signal (130, 143). The second halts every writer
// registered with onSecondSignal (waiting for a page being written) and
// exits at once with the same code.
type interrupts struct {
	stderr io.Writer
	exit   func(int)

	mu      sync.Mutex
	halters map[int]func(time.Duration) error
	next    int
	notices io.Writer // where to say a signal came (a live display's log writer), nil: stderr
}

type interruptsKey struct{}

// notifyInterrupts returns a context cancelled by the first SIGINT or
// SIGTERM, and a function that stops listening.
func notifyInterrupts(parent context.Context, stderr io.Writer, exit func(int)) (context.Context, func()) {
	in := &interrupts{stderr: stderr, exit: exit, halters: map[int]func(time.Duration) error{}}
	ctx, cancel := context.WithCancelCause(parent)
	ctx = context.WithValue(ctx, interruptsKey{}, in)
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-sigs:
			fmt.Fprintf(in.noticeWriter(), "forumcrawl: %s: finishing the pages in flight, then the summary; signal again to stop at once\n", sig)
			cancel(signalCause{sig})
		case <-done:
			return
		}
		select {
		case sig := <-sigs:
			in.halt(sig)
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		close(done)
		cancel(context.Canceled)
	}
}

// halt stops every registered writer and exits.
func (in *interrupts) halt(sig os.Signal) {
	fmt.Fprintf(in.noticeWriter(), "forumcrawl: second signal (%s): stopping now; the output ends at a whole line\n", sig)
	in.mu.Lock()
	for _, h := range in.halters {
		if err := h(haltTimeout); err != nil {
			fmt.Fprintln(in.stderr, "forumcrawl:", err)
		}
	}
	in.mu.Unlock() // never reached by a real exit; kept for an exit func that returns
	in.exit(exitCode(signalCause{sig}))
}

// noticeWriter returns where to say that a signal came.
func (in *interrupts) noticeWriter() io.Writer {
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.notices != nil {
		return in.notices
	}
	return in.stderr
}

// noticesTo makes the word of a signal go to w (a live display's log
// writer, so the display does not draw over it) until the returned function
// is called.
func noticesTo(ctx context.Context, w io.Writer) func() {
	in, ok := ctx.Value(interruptsKey{}).(*interrupts)
	if !ok {
		return func() {}
	}
	in.mu.Lock()
	in.notices = w
	in.mu.Unlock()
	return func() {
		in.mu.Lock()
		in.notices = nil
		in.mu.Unlock()
	}
}

// onSecondSignal registers halt to be called before a hard exit, and returns
// the function that unregisters it. Without notifyInterrupts on ctx (tests,
// or a library caller) it does nothing.
func onSecondSignal(ctx context.Context, halt func(time.Duration) error) func() {
	in, ok := ctx.Value(interruptsKey{}).(*interrupts)
	if !ok {
		return func() {}
	}
	in.mu.Lock()
	id := in.next
	in.next++
	in.halters[id] = halt
	in.mu.Unlock()
	return func() {
		in.mu.Lock()
		delete(in.halters, id)
		in.mu.Unlock()
	}
}

// interruptedExit returns the exit code of a command stopped by ctx: 128
// plus the signal's number (130 for SIGINT, 143 for SIGTERM), or 130 when
// ctx was cancelled otherwise.
func interruptedExit(ctx context.Context) int { return exitCode(context.Cause(ctx)) }

// interruptedBy names what stopped ctx ("interrupt", "terminated"), or "".
func interruptedBy(ctx context.Context) string {
	if ctx.Err() == nil {
		return ""
	}
	var sc signalCause
	if errors.As(context.Cause(ctx), &sc) {
		return sc.sig.String()
	}
	return "cancelled"
}

// exitCode returns 128 plus the number of the signal in cause, else 130.
func exitCode(cause error) int {
	var sc signalCause
	if errors.As(cause, &sc) {
		if s, ok := sc.sig.(syscall.Signal); ok {
			return 128 + int(s)
		}
	}
	return 130
}
