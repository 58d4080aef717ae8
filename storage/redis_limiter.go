package storage

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// RedisRateKeyPrefix starts the key of each host's pacing in Redis:
// forumcrawl:rate:HOST. It is shared by every crawl on the server, so two
// crawls of the same host are paced together too.
const RedisRateKeyPrefix = RedisKeyPrefix + "rate:"

// scriptReserve: KEYS the host's pacing hash; ARGV the least spacing in µs.
// It gives the caller the host's next slot: at least the spacing (or the
// host's Slow floor, whichever is more) after the slot before, and not
// before now on the server's clock. It returns {slot µs, wait µs}.
var scriptReserve = redis.NewScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local v = redis.call('HMGET', KEYS[1], 'last', 'floor')
local space = math.max(tonumber(ARGV[1]), tonumber(v[2]) or 0)
local slot = now
if v[1] then slot = math.max(now, tonumber(v[1]) + space) end
redis.call('HSET', KEYS[1], 'last', slot)
redis.call('PEXPIRE', KEYS[1], math.floor((slot - now) / 1000) + 3600000)
return {slot, slot - now}
`)

// scriptSlow: KEYS the host's pacing hash; ARGV the new floor in µs.
var scriptSlow = redis.NewScript(`
local f = tonumber(redis.call('HGET', KEYS[1], 'floor')) or 0
if tonumber(ARGV[1]) > f then redis.call('HSET', KEYS[1], 'floor', ARGV[1]) end
redis.call('PEXPIRE', KEYS[1], 3600000)
return 1
`)

// redisSlackDiv sets the slack added to each spacing: 1/10, 10%.
const redisSlackDiv = 10

// RedisLimiter paces the requests to each host across every worker that
// shares its Redis server: per host, grants are at least the gap apart (and
// 10% more) on Redis's clock, whichever worker asks. It has the methods of
// fetch's Limiter. A slot is reserved in one round trip and then waited
// for. The 10% is slack for the jitter between a slot and the request's
// arrival (each worker's timer and scheduling, the network): a host at rate
// r (gap 1 s/r) gets at most r requests in any second as long as that
// jitter stays under 100 ms; a loaded 2-core machine showed ±30 ms. Safe
// for concurrent use.
type RedisLimiter struct {
	rdb    *redis.Client
	gap    time.Duration
	jitter float64

	mu     sync.Mutex
	floors map[string]time.Duration // Slow floors, kept here too should Redis not hear of them
}

// NewRedisLimiter returns a limiter spacing requests to each host gap apart
// (1 s / rate) across all workers using rdb's server, each spacing
// lengthened at random by up to jitter (0.5: up to half again), like
// fetch's HostLimiter.
func NewRedisLimiter(rdb *redis.Client, gap time.Duration, jitter float64) *RedisLimiter {
	return &RedisLimiter{rdb: rdb, gap: gap, jitter: max(jitter, 0), floors: map[string]time.Duration{}}
}

// Reserve takes the host's next slot and returns it, on Redis's clock, with
// how long from now the caller must wait for it.
func (l *RedisLimiter) Reserve(ctx context.Context, host string) (slot time.Time, wait time.Duration, err error) {
	l.mu.Lock()
	space := max(l.gap, l.floors[host])
	l.mu.Unlock()
	space += space / redisSlackDiv
	if l.jitter > 0 {
		space += time.Duration(rand.Float64() * l.jitter * float64(space))
	}
	v, err := scriptReserve.Run(ctx, l.rdb, []string{RedisRateKeyPrefix + host}, ceilMicros(space)).Int64Slice()
	if err == nil && len(v) != 2 {
		err = fmt.Errorf("%d values in reply", len(v))
	}
	if err != nil {
		return time.Time{}, 0, fmt.Errorf("redis %s: pace %s: %w", l.rdb.Options().Addr, host, err)
	}
	return time.UnixMicro(v[0]), time.Duration(v[1]) * time.Microsecond, nil
}

// Wait blocks until a request to host may be sent, or ctx is done. A slot
// given up when ctx ends stays unused: the host gets fewer requests, never more.
func (l *RedisLimiter) Wait(ctx context.Context, host string) error {
	_, wait, err := l.Reserve(ctx, host)
	if err != nil || wait <= 0 {
		return err
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Slow makes requests to host at least d apart, for every worker, from the
// next slot on (a 429 reply, a robots.txt Crawl-delay); a smaller d than
// the host has changes nothing. This worker keeps to d even should Redis
// not be told.
func (l *RedisLimiter) Slow(host string, d time.Duration) {
	l.mu.Lock()
	if d <= l.floors[host] {
		l.mu.Unlock()
		return
	}
	l.floors[host] = d
	l.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	scriptSlow.Run(ctx, l.rdb, []string{RedisRateKeyPrefix + host}, ceilMicros(d))
}

// ceilMicros returns d in µs, rounded up: spacings rounded down would let
// a second hold one grant too many (6 × 166666 µs < 1 s).
func ceilMicros(d time.Duration) int64 {
	return int64((d + time.Microsecond - 1) / time.Microsecond)
}
