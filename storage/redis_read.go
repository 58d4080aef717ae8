package storage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// Seen reports whether a URL was ever queued or fetched.
func (s *RedisState) Seen(ctx context.Context, u string) (bool, error) {
	ok, err := s.rdb.HExists(ctx, s.keys[kURLs], u).Result()
	return ok, s.wrap("seen", err)
}

// Post returns the mark of a post written before.
func (s *RedisState) Post(ctx context.Context, key string) (PostMark, bool, error) {
	raw, err := s.rdb.HGet(ctx, s.keys[kPosts], key).Result()
	if errors.Is(err, redis.Nil) {
		return PostMark{}, false, nil
	}
	if err != nil {
		return PostMark{}, false, s.wrap("post", err)
	}
	p, err := decodePostMark(key, raw)
	return p, err == nil, s.wrap("post", err)
}

// encodePostMark gives a post mark as Redis keeps it: "editedµs revision".
func encodePostMark(p PostMark) string {
	return strconv.FormatInt(editedMicros(p.EditedAt), 10) + " " + strconv.Itoa(p.Revision)
}

// editedMicros returns t in µs since 1970, 0 for the zero time.
func editedMicros(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMicro()
}

func decodePostMark(key, raw string) (PostMark, error) {
	us, rev, ok := strings.Cut(raw, " ")
	u, err1 := strconv.ParseInt(us, 10, 64)
	r, err2 := strconv.Atoi(rev)
	if !ok || err1 != nil || err2 != nil {
		return PostMark{}, fmt.Errorf("%w: mark of post %q: %q", ErrStateCorrupt, key, raw)
	}
	p := PostMark{Key: key, Revision: r}
	if u != 0 {
		p.EditedAt = time.UnixMicro(u).UTC()
	}
	return p, nil
}

// Output returns where this worker's output stood when it last marked a page done.
func (s *RedisState) Output(ctx context.Context) (OutputMark, error) {
	path := s.opts.Output
	if path == "" {
		s.mu.Lock()
		path = s.outPath
		s.mu.Unlock()
	}
	if path == "" {
		return OutputMark{}, nil
	}
	var o OutputMark
	found, err := s.hgetJSON(ctx, kOutputs, s.outputField(path), &o)
	if !found {
		o = OutputMark{}
	}
	return o, s.wrap("output mark", err)
}

// Thread returns a thread's high-water mark.
func (s *RedisState) Thread(ctx context.Context, u string) (ThreadMark, bool, error) {
	var t ThreadMark
	found, err := s.hgetJSON(ctx, kThreads, u, &t)
	return t, found, s.wrap("thread", err)
}

// Threads calls fn for each thread mark, in no set order.
func (s *RedisState) Threads(ctx context.Context, fn func(ThreadMark) error) error {
	return s.wrap("threads", s.scanJSON(ctx, kThreads, func(k, v string) error {
		var t ThreadMark
		if err := json.Unmarshal([]byte(v), &t); err != nil {
			return fmt.Errorf("%w: thread %s: %v", ErrStateCorrupt, k, err)
		}
		return fn(t)
	}))
}

// Failures calls fn for each failed request, in no set order.
func (s *RedisState) Failures(ctx context.Context, fn func(Failure) error) error {
	return s.wrap("failures", s.scanJSON(ctx, kFailed, func(k, v string) error {
		var f Failure
		if err := json.Unmarshal([]byte(v), &f); err != nil {
			return fmt.Errorf("%w: failure of %s: %v", ErrStateCorrupt, k, err)
		}
		return fn(f)
	}))
}

// hgetJSON reads field of hash key into v, reporting whether it was there.
func (s *RedisState) hgetJSON(ctx context.Context, key int, field string, v any) (bool, error) {
	raw, err := s.rdb.HGet(ctx, s.keys[key], field).Bytes()
	if errors.Is(err, redis.Nil) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return false, fmt.Errorf("%w: %s %q: %v", ErrStateCorrupt, redisKeyNames[key], field, err)
	}
	return true, nil
}

// scanJSON calls fn for each field and value of hash key, a batch at a
// time, each field once (HSCAN may give a field twice).
func (s *RedisState) scanJSON(ctx context.Context, key int, fn func(k, v string) error) error {
	var cursor uint64
	done := map[string]bool{}
	for {
		kv, next, err := s.rdb.HScan(ctx, s.keys[key], cursor, "", 500).Result()
		if err != nil {
			return err
		}
		for i := 0; i+1 < len(kv); i += 2 {
			if done[kv[i]] {
				continue
			}
			done[kv[i]] = true
			if err := fn(kv[i], kv[i+1]); err != nil {
				return err
			}
		}
		if next == 0 {
			return nil
		}
		cursor = next
	}
}

// Prefetch reads whether each URL was seen and the marks of threads, in one round trip.
func (s *RedisState) Prefetch(ctx context.Context, urls, threads []string) (Prefetched, error) {
	p := Prefetched{Seen: make(map[string]bool, len(urls)), Threads: make(map[string]ThreadMark, len(threads))}
	if len(urls) == 0 && len(threads) == 0 {
		return p, nil
	}
	pipe := s.rdb.Pipeline()
	var seen, marks *redis.SliceCmd
	if len(urls) > 0 {
		seen = pipe.HMGet(ctx, s.keys[kURLs], urls...)
	}
	if len(threads) > 0 {
		marks = pipe.HMGet(ctx, s.keys[kThreads], threads...)
	}
	if _, err := pipe.Exec(ctx); err != nil {
		return p, s.wrap("prefetch", err)
	}
	if seen != nil {
		for i, v := range seen.Val() {
			p.Seen[urls[i]] = v != nil
		}
	}
	if marks != nil {
		for i, v := range marks.Val() {
			raw, ok := v.(string)
			if !ok {
				continue
			}
			var m ThreadMark
			if err := json.Unmarshal([]byte(raw), &m); err != nil {
				return p, s.wrap("prefetch", fmt.Errorf("%w: thread %s: %v", ErrStateCorrupt, threads[i], err))
			}
			p.Threads[threads[i]] = m
		}
	}
	return p, nil
}
