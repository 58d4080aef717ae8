package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/forumcrawl/forumcrawl/storage"
)

// redisFlags are the flags that make a crawl one worker of a crawl that
// several processes share through Redis.
type redisFlags struct {
	url     string
	crawlID string
	lease   time.Duration
}

// addRedisFlags registers --redis, --crawl-id and --lease-timeout on fs.
func addRedisFlags(fs *flag.FlagSet) *redisFlags {
	rf := &redisFlags{}
	fs.StringVar(&rf.url, "redis", "", "share the crawl with other workers through the Redis server at `URL` (redis://host:6379/0); needs --crawl-id")
	fs.StringVar(&rf.crawlID, "crawl-id", "", "the `name` of the shared crawl: every worker with the same --redis and --crawl-id joins it")
	fs.DurationVar(&rf.lease, "lease-timeout", 2*time.Minute, "with --redis: how long a page taken by a worker that died stays with it before others take it")
	return rf
}

// enabled reports whether the crawl is shared through Redis.
func (rf *redisFlags) enabled() bool { return rf.url != "" }

// check returns a usage error for flags that do not go together: --redis
// without --crawl-id or the other way round, or --redis with --state (the
// state is in Redis).
func (rf *redisFlags) check(sf *stateFlags) error {
	switch {
	case rf.url != "" && rf.crawlID == "":
		return fmt.Errorf("%w: --redis needs --crawl-id NAME (the same on every worker)", errUsage)
	case rf.url == "" && rf.crawlID != "":
		return fmt.Errorf("%w: --crawl-id needs --redis URL", errUsage)
	case rf.url != "" && sf != nil && sf.dir != "":
		return fmt.Errorf("%w: --state and --redis do not go together: with --redis the crawl's state is in Redis", errUsage)
	case rf.url != "" && rf.lease <= 0:
		return fmt.Errorf("%w: --lease-timeout must be positive", errUsage)
	}
	return nil
}

// open opens the shared crawl as a worker writing to out, after deleting
// the crawl id's keys when reset is set.
func (rf *redisFlags) open(ctx context.Context, out string, reset bool) (*storage.RedisState, error) {
	if reset {
		if err := resetRedisCrawl(ctx, rf.url, rf.crawlID); err != nil {
			return nil, err
		}
	}
	return openRedisState(ctx, rf.url, rf.crawlID, out, rf.lease)
}

// openRedisState opens crawl crawlID on the Redis server at url as a worker
// whose output is out ("-" or "" for none, as for status), with leases that
// lapse after lease (0: the default). An unreachable server is an error
// naming its address; the CLI exits 2 on it.
func openRedisState(ctx context.Context, url, crawlID, out string, lease time.Duration) (*storage.RedisState, error) {
	opts := storage.RedisOptions{LeaseTimeout: lease}
	if out != "" && out != "-" {
		abs, err := filepath.Abs(out)
		if err != nil {
			return nil, fmt.Errorf("output %s: %w", out, err)
		}
		opts.Output = abs
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	return storage.OpenRedisState(ctx, url, crawlID, opts)
}

// resetRedisCrawl deletes every key of crawl crawlID: the crawl starts
// again from scratch for every worker.
func resetRedisCrawl(ctx context.Context, url, crawlID string) error {
	st, err := openRedisState(ctx, url, crawlID, "", 0)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Client().Del(ctx, storage.RedisCrawlKeys(crawlID)...).Err(); err != nil {
		return fmt.Errorf("reset crawl %s in redis %s: %w", crawlID, st.Client().Options().Addr, err)
	}
	return nil
}

// redisLimiter returns the limiter that paces requests to each host across
// every worker on st's Redis server, gap apart (the crawl's --delay, or
// 1 s / --rate).
func redisLimiter(st *storage.RedisState, gap time.Duration, jitter float64) *storage.RedisLimiter {
	return storage.NewRedisLimiter(st.Client(), gap, jitter)
}

// printRedisWorkers adds to a status report what each worker of a shared
// crawl holds and where its output stands.
func printRedisWorkers(ctx context.Context, w io.Writer, st *storage.RedisState) error {
	leases, err := st.Leases(ctx)
	if err != nil {
		return err
	}
	outs, err := st.Outputs(ctx)
	if err != nil {
		return err
	}
	if len(leases) > 0 {
		fmt.Fprintf(w, "\n  workers with pages in hand:\n")
		for _, l := range leases {
			fmt.Fprintf(w, "  %-50s %6d pages\n", l.Worker, l.Leases)
		}
	}
	if len(outs) > 0 {
		fmt.Fprintf(w, "\n  worker outputs (forumcrawl merge joins them):\n")
		for _, o := range outs {
			fmt.Fprintf(w, "  %s:%s (%d bytes synced)\n", o.Host, o.Mark.Path, o.Mark.Offset)
		}
	}
	return nil
}
