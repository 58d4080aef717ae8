package fetch

import (
	"context"
	"math/rand/v2"
	"sync"
	"time"
)

// Limiter spaces the requests to each host. The crawl asks it before every
// request (retries and robots.txt included); a shared implementation (e.g.
// backed by Redis) can replace HostLimiter to pace several crawlers at once.
type Limiter interface {
	// Wait blocks until a request to host may be sent, or ctx is done.
	Wait(ctx context.Context, host string) error
	// Slow makes requests to host at least d apart for the rest of the run
	// (a 429 reply, a robots.txt Crawl-delay); a smaller d changes nothing.
	Slow(host string, d time.Duration)
}

// Feedback is what a limiter may learn from each response, to slow down
// when a host's latency or error rate climbs (HostLimiter implements it).
type Feedback interface {
	Observe(host string, latency time.Duration, failed bool)
}

// HostLimiter is the in-process Limiter: per host, requests at least Gap
// apart (plus up to Jitter of it at random), at least any Slow floor apart,
// plus an adaptive delay while the host is slow or failing. Safe for
// concurrent use.
type HostLimiter struct {
	gap    time.Duration
	jitter float64
	adapt  bool

	mu    sync.Mutex
	hosts map[string]*hostPace
}

// hostPace is one host's pacing state.
type hostPace struct {
	next    time.Time     // earliest time of the next request
	floor   time.Duration // Slow's least spacing
	extra   time.Duration // adaptive delay added to the spacing
	lat     float64       // EWMA of latency, seconds
	base    float64       // the lowest latency EWMA seen once settled, seconds
	errRate float64       // EWMA of failures (0..1)
	samples int
}

// Adaptive slow-down: how quickly the averages move, when a host counts
// as struggling, and the most delay it adds.
const (
	ewmaWeight  = 0.2
	settleAfter = 5
	errClimb    = 0.25
	maxExtra    = 30 * time.Second
)

// NewHostLimiter returns a limiter that spaces requests to each host gap
// apart, each spacing lengthened at random by up to jitter (0.5: up to
// half again), and, when adaptive, longer while the host is slow or failing.
func NewHostLimiter(gap time.Duration, jitter float64, adaptive bool) *HostLimiter {
	return &HostLimiter{gap: gap, jitter: max(jitter, 0), adapt: adaptive, hosts: map[string]*hostPace{}}
}

func (l *HostLimiter) host(h string) *hostPace {
	p := l.hosts[h]
	if p == nil {
		p = &hostPace{}
		l.hosts[h] = p
	}
	return p
}

// Wait reserves the host's next slot and blocks until it comes.
func (l *HostLimiter) Wait(ctx context.Context, host string) error {
	l.mu.Lock()
	p := l.host(host)
	space := max(l.gap, p.floor) + p.extra
	if space == 0 {
		l.mu.Unlock()
		return ctx.Err()
	}
	if l.jitter > 0 {
		space += time.Duration(rand.Float64() * l.jitter * float64(space))
	}
	now := time.Now()
	at := p.next
	if at.Before(now) {
		at = now
	}
	p.next = at.Add(space)
	l.mu.Unlock()
	d := at.Sub(now)
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Slow raises the host's least spacing to d.
func (l *HostLimiter) Slow(host string, d time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if p := l.host(host); d > p.floor {
		p.floor = d
	}
}

// Spacing returns the spacing the host's requests have now, before jitter.
func (l *HostLimiter) Spacing(host string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	p := l.host(host)
	return max(l.gap, p.floor) + p.extra
}

// Observe updates the host's latency and error averages and, when the
// limiter is adaptive, its extra delay: while the latency average is over
// four times the host's settled baseline (and a second over it), or over a
// quarter of requests fail, requests wait an extra latency average (up to
// 30 s); once it recovers the extra delay halves with each response.
func (l *HostLimiter) Observe(host string, latency time.Duration, failed bool) {
	if !l.adapt {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	p := l.host(host)
	s := latency.Seconds()
	f := 0.0
	if failed {
		f = 1
	}
	if p.samples == 0 {
		p.lat = s
	} else {
		p.lat += ewmaWeight * (s - p.lat)
	}
	p.errRate += ewmaWeight * (f - p.errRate)
	p.samples++
	if p.samples < settleAfter {
		return
	}
	if p.base == 0 || p.lat < p.base {
		p.base = p.lat
	}
	struggling := p.errRate > errClimb || (p.lat > 4*p.base && p.lat > p.base+1)
	if struggling {
		p.extra = min(max(time.Duration(p.lat*float64(time.Second)), p.extra), maxExtra)
		if p.errRate > errClimb && p.extra < time.Second {
			p.extra = min(2*p.extra+100*time.Millisecond, maxExtra)
		}
		return
	}
	p.extra /= 2
	if p.extra < time.Millisecond {
		p.extra = 0
	}
}
