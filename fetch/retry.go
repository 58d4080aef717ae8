package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// retryStatus reports whether a reply with this status is worth retrying.
func retryStatus(code int) bool {
	switch code {
	case http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusBadGateway,
		http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// retryErr reports whether a failed attempt (no reply, or a reply cut
// short) is worth retrying: timeouts, resets, refused connections and
// connections closed early.
func retryErr(err error) bool {
	var ne net.Error
	switch {
	case errors.As(err, &ne) && ne.Timeout(), errors.Is(err, context.DeadlineExceeded):
		return true
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.ECONNREFUSED),
		errors.Is(err, syscall.ECONNABORTED), errors.Is(err, syscall.EPIPE):
		return true
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return true
	}
	return false
}

// retryAfter returns the wait a Retry-After header asks for (seconds or an
// HTTP date), or 0.
func retryAfter(h http.Header, now time.Time) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil {
		return time.Duration(max(n, 0)) * time.Second
	}
	if at, err := http.ParseTime(v); err == nil && at.After(now) {
		return at.Sub(now)
	}
	return 0
}

// backoff returns the wait before retry n (1-based): Backoff doubled n-1
// times, capped at MaxBackoff, then jittered to between half and all of it.
func (t *Transport) backoff(n int) time.Duration {
	d := t.opts.Backoff << min(n-1, 30)
	if d <= 0 || d > t.opts.MaxBackoff {
		d = t.opts.MaxBackoff
	}
	return d/2 + time.Duration(rand.Int64N(int64(d/2)+1))
}

// fetch makes the request, retrying it while that is worth it and within
// Retries and MaxRetryTime. A reply that still has a retryable status is
// returned as it is (the caller records the status).
func (t *Transport) fetch(req *http.Request, limit int64) (*http.Response, error) {
	ctx := req.Context()
	host := req.URL.Host
	began := time.Now()
	for attempt := 1; ; attempt++ {
		if err := t.limiter.Wait(ctx, host); err != nil {
			return nil, err
		}
		sent := time.Now()
		resp, body, err := t.once(req, limit)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		latency := time.Since(sent)
		wait := time.Duration(0)
		if err != nil {
			t.observe(host, latency, true)
			if !retryErr(err) {
				return nil, err
			}
		} else {
			t.observe(host, latency, resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests)
			if v := challengeVendor(resp.StatusCode, resp.Header, body); v != "" {
				t.warnOnce("challenge "+host, "the site answers with an anti-bot challenge instead of pages; its pages are skipped. "+
					"Try --cookies with a cookies.txt exported from a browser session that passed the challenge, and a slower --rate",
					"host", host, "vendor", v, "status", resp.StatusCode)
				return nil, &ChallengeError{URL: req.URL.String(), Status: resp.StatusCode, Vendor: v}
			}
			if !retryStatus(resp.StatusCode) {
				return resp, nil
			}
			wait = retryAfter(resp.Header, time.Now())
			if resp.StatusCode == http.StatusTooManyRequests {
				t.slowDown(host, wait)
			}
			err = fmt.Errorf("status %d", resp.StatusCode)
		}
		wait = max(wait, t.backoff(attempt))
		if attempt > t.opts.Retries || time.Since(began)+wait > t.opts.MaxRetryTime {
			if resp != nil {
				return resp, nil
			}
			return nil, &RetryError{URL: req.URL.String(), Attempts: attempt, Elapsed: time.Since(began), Err: err}
		}
		t.log.Debug("retrying", "url", req.URL.String(), "attempt", attempt, "wait", wait, "err", err)
		if err := sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

// once makes one attempt, bounded by Timeout, and returns the reply with
// its body read whole (also returned), or an error (a *TooLargeError past limit).
func (t *Transport) once(req *http.Request, limit int64) (*http.Response, []byte, error) {
	actx, cancel := context.WithTimeout(req.Context(), t.opts.Timeout)
	defer cancel()
	r := req.Clone(actx)
	if t.startHost == "" || strings.EqualFold(r.URL.Hostname(), t.startHost) {
		for k, vs := range t.opts.Header {
			r.Header[k] = vs
		}
	}
	addCookies(r, t.opts.Cookies)
	resp, err := t.base.RoundTrip(r)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	if resp.ContentLength > 0 && resp.ContentLength <= limit {
		buf.Grow(int(resp.ContentLength) + bytes.MinRead) // one allocation, room to see the end
	}
	if _, err := buf.ReadFrom(io.LimitReader(resp.Body, limit+1)); err != nil {
		return nil, nil, fmt.Errorf("read body of %s: %w", req.URL, err)
	}
	body := buf.Bytes()
	if int64(len(body)) > limit {
		return nil, nil, &TooLargeError{URL: req.URL.String(), Limit: limit}
	}
	sniffHTML(resp.Header, body)
	resp.Body = io.NopCloser(bytes.NewReader(body))
	resp.ContentLength = int64(len(body))
	resp.Header.Del("Content-Length")
	resp.Request = req
	return resp, body, nil
}

// observe passes a response's latency and outcome to an adaptive limiter.
func (t *Transport) observe(host string, latency time.Duration, failed bool) {
	if fb, ok := t.limiter.(Feedback); ok {
		fb.Observe(host, latency, failed)
	}
}

// slowDown doubles the host's least spacing after a 429 (from SlowStart,
// up to a minute, at least the Retry-After), for the rest of the run.
func (t *Transport) slowDown(host string, retryAfter time.Duration) {
	t.mu.Lock()
	d := min(max(2*t.floors[host], t.opts.SlowStart, retryAfter), time.Minute)
	if d == t.floors[host] {
		t.mu.Unlock()
		return
	}
	t.floors[host] = d
	t.mu.Unlock()
	t.limiter.Slow(host, d)
	t.log.Warn("server says too many requests (429); slowing down for the rest of the run", "host", host, "spacing", d)
}

// sleep waits d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	tm := time.NewTimer(d)
	defer tm.Stop()
	select {
	case <-tm.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
