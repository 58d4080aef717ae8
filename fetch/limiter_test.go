package fetch

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestLimiterSpacing checks the spacing a host gets from the gap, Slow and
// the adaptive slow-down (by the spacing the limiter reports, not by clocks).
func TestLimiterSpacing(t *testing.T) {
	l := NewHostLimiter(200*time.Millisecond, 0, true)
	if s := l.Spacing("a"); s != 200*time.Millisecond {
		t.Errorf("spacing %s, want the gap 200ms", s)
	}
	l.Slow("a", time.Second)
	l.Slow("a", 300*time.Millisecond) // lower: no change
	if s := l.Spacing("a"); s != time.Second {
		t.Errorf("after Slow: spacing %s, want 1s", s)
	}
	if s := l.Spacing("b"); s != 200*time.Millisecond {
		t.Errorf("another host: spacing %s, want 200ms", s)
	}

	for range 10 {
		l.Observe("c", 50*time.Millisecond, false)
	}
	if s := l.Spacing("c"); s != 200*time.Millisecond {
		t.Errorf("steady latency: spacing %s, want 200ms", s)
	}
	for range 10 {
		l.Observe("c", 3*time.Second, false)
	}
	slow := l.Spacing("c")
	if slow < 2*time.Second {
		t.Errorf("latency climbed to 3s: spacing %s, want over 2s", slow)
	}
	for range 40 {
		l.Observe("c", 50*time.Millisecond, false)
	}
	if s := l.Spacing("c"); s != 200*time.Millisecond {
		t.Errorf("latency recovered: spacing %s, want back to 200ms", s)
	}

	for range 10 {
		l.Observe("d", time.Millisecond, false)
	}
	for range 5 {
		l.Observe("d", time.Millisecond, true)
	}
	if s := l.Spacing("d"); s < time.Second {
		t.Errorf("half the requests failing: spacing %s, want at least 1s more", s)
	}

	fixed := NewHostLimiter(0, 0, false)
	for range 10 {
		fixed.Observe("e", 10*time.Second, true)
	}
	if s := fixed.Spacing("e"); s != 0 {
		t.Errorf("not adaptive: spacing %s, want 0", s)
	}
}

// TestLimiterWaitCancelled returns at once when the context ends during a wait.
func TestLimiterWaitCancelled(t *testing.T) {
	l := NewHostLimiter(time.Hour, 0.5, false)
	if err := l.Wait(context.Background(), "h"); err != nil {
		t.Fatalf("first request waits: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go cancel()
	if err := l.Wait(ctx, "h"); !errors.Is(err, context.Canceled) {
		t.Errorf("second request: %v, want context.Canceled", err)
	}
}
