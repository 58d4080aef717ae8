package storage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/redis/go-redis/v9"
)

// maxRedisPriority bounds a request's priority in Redis, whose queue score
// (priority*2^32 + sequence) must stay exact in a float64.
const maxRedisPriority = 1 << 20

// queueArgs appends each request as (URL, priority, JSON) to args.
func queueArgs(args []any, reqs []Request) ([]any, error) {
	for _, r := range reqs {
		u := r.URL
		r.URL = "" // the hash field holds it
		raw, err := json.Marshal(r)
		if err != nil {
			return nil, fmt.Errorf("request %s: %w", u, err)
		}
		prio := min(max(r.Priority, -maxRedisPriority), maxRedisPriority)
		args = append(args, u, prio, raw)
	}
	return args, nil
}

// Add queues the requests whose URL no worker has seen.
func (s *RedisState) Add(ctx context.Context, reqs ...Request) (int, error) {
	return s.enqueue(ctx, "add", "0", reqs)
}

// Requeue queues requests again although seen, unless pending or leased by any worker.
func (s *RedisState) Requeue(ctx context.Context, reqs ...Request) (int, error) {
	return s.enqueue(ctx, "requeue", "1", reqs)
}

func (s *RedisState) enqueue(ctx context.Context, op, again string, reqs []Request) (int, error) {
	if len(reqs) == 0 {
		return 0, nil
	}
	args, err := queueArgs([]any{again, len(reqs)}, reqs)
	if err != nil {
		return 0, s.wrap(op, err)
	}
	n, err := scriptAdd.Run(ctx, s.rdb, s.keys, args...).Int()
	return n, s.wrap(op, err)
}

// Lease takes the pending request that comes first, after returning
// leases that timed out to the queue. The request stays leased to this
// worker until Done, Fail or Release, or until the lease times out.
func (s *RedisState) Lease(ctx context.Context) (Request, bool, error) {
	v, err := scriptLease.Run(ctx, s.rdb, s.keys, s.opts.Worker, s.opts.LeaseTimeout.Milliseconds()).StringSlice()
	if errors.Is(err, redis.Nil) {
		return Request{}, false, nil
	}
	if err != nil {
		return Request{}, false, s.wrap("lease", err)
	}
	if len(v) != 2 {
		return Request{}, false, s.wrap("lease", fmt.Errorf("%w: lease reply of %d values", ErrStateCorrupt, len(v)))
	}
	var r Request
	if v[1] != "" {
		if err := json.Unmarshal([]byte(v[1]), &r); err != nil {
			return Request{}, false, s.wrap("lease", fmt.Errorf("%w: request %s: %v", ErrStateCorrupt, v[0], err))
		}
	}
	r.URL = v[0]
	return r, true, nil
}

// Release returns a request this worker leased to the queue unfetched.
func (s *RedisState) Release(ctx context.Context, req Request) error {
	err := scriptRelease.Run(ctx, s.rdb, s.keys, s.opts.Worker, req.URL).Err()
	return s.wrap("release "+req.URL, err)
}

// Done records leased requests as fetched, with their links, posts, thread
// marks and this worker's output mark, all in one step. When a lease had
// timed out and another worker holds the request now, the request stays
// with that worker, and the rest is recorded all the same.
func (s *RedisState) Done(ctx context.Context, pages ...PageDone) error {
	if len(pages) == 0 {
		return nil
	}
	op := "mark " + pages[0].Request.URL + " done"
	if len(pages) > 1 {
		op = fmt.Sprintf("mark %s and %d more pages done", pages[0].Request.URL, len(pages)-1)
	}
	args := []any{s.opts.Worker, len(pages)}
	for _, d := range pages {
		var err error
		if args, err = s.doneArgs(args, d); err != nil {
			return s.wrap(op, err)
		}
	}
	return s.wrap(op, scriptDone.Run(ctx, s.rdb, s.keys, args...).Err())
}

// doneArgs appends the arguments of one page to scriptDone's.
func (s *RedisState) doneArgs(args []any, d PageDone) ([]any, error) {
	out, err := s.outputArgs(d.Output)
	if err != nil {
		return nil, err
	}
	args = append(args, d.Request.URL, s.outputField(d.Output.Path), out,
		len(d.Aliases), len(d.Links), len(d.Requeue), len(d.Posts), len(d.Threads))
	for _, a := range d.Aliases {
		args = append(args, a)
	}
	if args, err = queueArgs(args, d.Links); err != nil {
		return nil, err
	}
	if args, err = queueArgs(args, d.Requeue); err != nil {
		return nil, err
	}
	for _, p := range d.Posts {
		args = append(args, p.Key, encodePostMark(p))
	}
	for _, t := range d.Threads {
		raw, err := json.Marshal(t)
		if err != nil {
			return nil, fmt.Errorf("thread %s: %w", t.URL, err)
		}
		args = append(args, t.URL, raw)
	}
	return args, nil
}

// outputField returns the field of an output's mark in the outputs hash:
// host and path, as workers on two machines may write to the same path.
func (s *RedisState) outputField(path string) string {
	if path == "" {
		return ""
	}
	return s.opts.Host + "\n" + path
}

// outputArgs returns the output mark as JSON, remembering its path for Output.
func (s *RedisState) outputArgs(o OutputMark) ([]byte, error) {
	if o.Path == "" {
		return nil, nil
	}
	s.mu.Lock()
	s.outPath = o.Path
	s.mu.Unlock()
	return json.Marshal(o)
}

// Fail records a leased request as failed; no worker fetches it again until
// RetryFailed. When another worker holds the request now, it stays with it.
func (s *RedisState) Fail(ctx context.Context, f Failure) error {
	raw, err := json.Marshal(f)
	if err == nil {
		err = scriptFail.Run(ctx, s.rdb, s.keys, s.opts.Worker, f.Request.URL, raw).Err()
	}
	return s.wrap("mark "+f.Request.URL+" failed", err)
}

// RetryFailed queues every failed request again, one more attempt counted.
func (s *RedisState) RetryFailed(ctx context.Context) (int, error) { return retryFailed(ctx, s) }

// AddPosts records posts found in this worker's output that the state did
// not know of, with the output's new synced end.
func (s *RedisState) AddPosts(ctx context.Context, posts []PostMark, out OutputMark) error {
	raw, err := s.outputArgs(out)
	if err != nil {
		return s.wrap("add posts", err)
	}
	args := []any{s.outputField(out.Path), raw, len(posts)}
	for _, p := range posts {
		args = append(args, p.Key, encodePostMark(p))
	}
	return s.wrap("add posts", scriptAddPosts.Run(ctx, s.rdb, s.keys, args...).Err())
}

// ClaimPosts reports for each post of the page req whether this worker
// should write it: no worker has written it or holds a claim on it, or the
// page shows a newer edit than the one written. It sets each claimed post's
// Revision. Claims become post marks when the page is Done, and lapse with
// the lease on req. Claiming renews that lease; when another worker holds
// the page now, no post is claimed.
func (s *RedisState) ClaimPosts(ctx context.Context, req Request, posts []PostMark) ([]bool, error) {
	if len(posts) == 0 {
		return nil, nil
	}
	args := []any{s.opts.Worker, req.URL, s.opts.LeaseTimeout.Milliseconds(), len(posts)}
	for _, p := range posts {
		args = append(args, p.Key, editedMicros(p.EditedAt))
	}
	revs, err := scriptClaim.Run(ctx, s.rdb, s.keys, args...).Int64Slice()
	if err != nil {
		return nil, s.wrap("claim posts of "+req.URL, err)
	}
	if len(revs) != len(posts) {
		return nil, s.wrap("claim posts of "+req.URL, fmt.Errorf("%w: %d answers for %d posts", ErrStateCorrupt, len(revs), len(posts)))
	}
	ok := make([]bool, len(posts))
	for i, rev := range revs {
		if rev >= 0 {
			ok[i] = true
			posts[i].Revision = int(rev)
		}
	}
	return ok, nil
}

// Interface checks.
var (
	_ State       = (*RedisState)(nil)
	_ PostClaimer = (*RedisState)(nil)
	_ Prefetcher  = (*RedisState)(nil)
)
