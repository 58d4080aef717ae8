package storage

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// RedisKeyPrefix starts every key of a crawl kept in Redis:
// forumcrawl:{crawl-id}:name. The braces make the crawl id a hash tag, so
// a crawl's keys share one slot of a Redis Cluster.
const RedisKeyPrefix = "forumcrawl:"

// RedisOptions tune a RedisState; the zero value is right for crawls.
type RedisOptions struct {
	// Worker names this process in leases and claims (default host name,
	// process id and a random suffix). Two live states must not share it.
	Worker string
	// Output is the path of this worker's output, whose mark Output returns
	// (default: the path of the last mark this state recorded).
	Output string
	// Host names this machine in output marks, which are kept by host and
	// path (default the host name).
	Host string
	// LeaseTimeout is how long a leased request stays with its worker
	// before it returns to the queue for others (default 2 min). A worker
	// that closes its state cleanly returns its leases at once; a killed
	// one's come back after this time. Claiming a page's posts renews it.
	LeaseTimeout time.Duration
	// MaxRetries is how many times a command that failed on the network is
	// tried again, with a backoff doubling from 100 ms up to 2 s, before the
	// method returns the error (default 6, about 5 s in all; -1 never).
	MaxRetries int
	// DialTimeout bounds connecting to Redis (default 5 s).
	DialTimeout time.Duration
}

func (o RedisOptions) withDefaults() RedisOptions {
	if o.Host == "" {
		o.Host, _ = os.Hostname()
	}
	if o.Worker == "" {
		o.Worker = defaultWorker(o.Host)
	}
	if o.LeaseTimeout <= 0 {
		o.LeaseTimeout = 2 * time.Minute
	}
	if o.MaxRetries == 0 {
		o.MaxRetries = 6
	}
	if o.DialTimeout <= 0 {
		o.DialTimeout = 5 * time.Second
	}
	return o
}

// defaultWorker returns a worker name unique to this process: host, pid, random.
func defaultWorker(host string) string {
	if host == "" {
		host = "worker"
	}
	var b [3]byte
	rand.Read(b[:])
	return fmt.Sprintf("%s-%d-%s", host, os.Getpid(), hex.EncodeToString(b[:]))
}

// RedisState is a State kept in Redis, shared by every worker (process, on
// any machine) that opens the same crawl id: they take requests from one
// queue, each leased to one worker until it is done, failed or released,
// or its lease times out. It also claims posts (PostClaimer), so the union
// of the workers' outputs holds each post once.
type RedisState struct {
	rdb    *redis.Client
	ownRDB bool // Close closes rdb
	addr   string
	id     string
	keys   []string // the crawl's keys, in the order the Lua prelude names them
	opts   RedisOptions

	mu      sync.Mutex
	outPath string // the output path of the last mark recorded
}

// Indexes of the keys in RedisState.keys; see the Lua prelude.
const (
	kInfo = iota
	kSeq
	kURLs
	kQueue
	kLeased
	kOwner
	kReqs
	kFailed
	kPosts
	kClaims
	kThreads
	kOutputs
	kCounts
	nKeys
)

var redisKeyNames = [nKeys]string{"info", "seq", "urls", "queue", "leased", "owner", "reqs", "failed", "posts", "claims", "threads", "outputs", "counts"}

// RedisCrawlKeys returns the keys of crawl id, e.g. to delete a crawl.
func RedisCrawlKeys(id string) []string {
	keys := make([]string, nKeys)
	for i, name := range redisKeyNames {
		keys[i] = RedisKeyPrefix + "{" + id + "}:" + name
	}
	return keys
}

// OpenRedisState connects to the Redis server at url (redis://host:port/db,
// or rediss:// for TLS) and returns the state of crawl id there. It checks
// the server answers, and returns an error naming the address when it
// does not.
func OpenRedisState(ctx context.Context, url, id string, opts RedisOptions) (*RedisState, error) {
	ro, err := redis.ParseURL(url)
	if err != nil {
		return nil, fmt.Errorf("redis URL %q: %w", url, err)
	}
	opts = opts.withDefaults()
	ro.MaxRetries = opts.MaxRetries
	ro.MinRetryBackoff = 100 * time.Millisecond
	ro.MaxRetryBackoff = 2 * time.Second
	ro.DialTimeout = opts.DialTimeout
	ro.DisableIdentity = true
	if err := ping(ctx, *ro); err != nil {
		return nil, err
	}
	rdb := redis.NewClient(ro)
	st, err := NewRedisState(ctx, rdb, id, opts)
	if err != nil {
		rdb.Close()
		return nil, err
	}
	st.ownRDB = true
	return st, nil
}

// ping checks once, without retrying, that the server of ro answers.
func ping(ctx context.Context, ro redis.Options) error {
	ro.MaxRetries, ro.DialerRetries = -1, 1
	c := redis.NewClient(&ro)
	defer c.Close()
	if err := c.Ping(ctx).Err(); err != nil {
		return fmt.Errorf("redis at %s unreachable: %w", ro.Addr, err)
	}
	return nil
}

// NewRedisState returns the state of crawl id on the server rdb talks to.
// Closing the state leaves rdb open.
func NewRedisState(ctx context.Context, rdb *redis.Client, id string, opts RedisOptions) (*RedisState, error) {
	addr := rdb.Options().Addr
	if id == "" || strings.ContainsAny(id, "{}") {
		return nil, fmt.Errorf("crawl id %q: want a non-empty name without braces", id)
	}
	opts = opts.withDefaults()
	if strings.ContainsAny(opts.Worker, " \n") || strings.Contains(opts.Host, "\n") {
		return nil, fmt.Errorf("worker %q on host %q: want no spaces or newlines", opts.Worker, opts.Host)
	}
	s := &RedisState{rdb: rdb, addr: addr, id: id, keys: RedisCrawlKeys(id), opts: opts}
	for _, sc := range redisScripts {
		if err := sc.Load(ctx, rdb).Err(); err != nil {
			return nil, fmt.Errorf("redis at %s unreachable: %w", addr, err)
		}
	}
	return s, nil
}

// Client returns the Redis client the state uses, to share with a RedisLimiter.
func (s *RedisState) Client() *redis.Client { return s.rdb }

// Worker returns the name this state leases under.
func (s *RedisState) Worker() string { return s.opts.Worker }

// wrap names the server and crawl in err.
func (s *RedisState) wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("redis %s crawl %s: %s: %w", s.addr, s.id, op, err)
}

// Close returns the requests this worker leased and did not finish to the
// queue, for other workers to take at once, and closes the connection
// when the state opened it.
func (s *RedisState) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := s.wrap("return leases", scriptReclaim.Run(ctx, s.rdb, s.keys, s.opts.Worker).Err())
	if s.ownRDB {
		if cerr := s.rdb.Close(); cerr != nil && err == nil {
			err = s.wrap("close", cerr)
		}
	}
	return err
}

// Begin records info for a new crawl id, or checks that the crawl id holds
// the same crawl, and returns leases that timed out to the queue.
func (s *RedisState) Begin(ctx context.Context, info CrawlInfo) (CrawlInfo, Counts, error) {
	info.Version = StateVersion
	if info.Created.IsZero() {
		info.Created = time.Now().UTC()
	}
	raw, err := json.Marshal(info)
	if err != nil {
		return info, Counts{}, s.wrap("begin", err)
	}
	// The first worker's info wins; the others read it and must match.
	fresh, err := s.rdb.SetNX(ctx, s.keys[kInfo], raw, 0).Result()
	if err != nil {
		return info, Counts{}, s.wrap("begin", err)
	}
	if !fresh {
		var have CrawlInfo
		if _, err := s.readInfo(ctx, &have); err != nil {
			return info, Counts{}, s.wrap("begin", err)
		}
		if err := s.sameCrawl(have, info); err != nil {
			return have, Counts{}, s.wrap("begin", err)
		}
		info = have
	}
	if err := scriptReclaim.Run(ctx, s.rdb, s.keys, "").Err(); err != nil {
		return info, Counts{}, s.wrap("begin: return timed-out leases", err)
	}
	c, err := s.Counts(ctx)
	return info, c, err
}

// Info returns the crawl the crawl id holds, without beginning a run (for
// status); an error when it holds none.
func (s *RedisState) Info(ctx context.Context) (CrawlInfo, error) {
	var info CrawlInfo
	found, err := s.readInfo(ctx, &info)
	if err == nil && !found {
		err = errors.New("no crawl has begun under this crawl id")
	}
	return info, s.wrap("info", err)
}

// readInfo reads the crawl's info into info, reporting whether there is one.
func (s *RedisState) readInfo(ctx context.Context, info *CrawlInfo) (bool, error) {
	raw, err := s.rdb.Get(ctx, s.keys[kInfo]).Bytes()
	if errors.Is(err, redis.Nil) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if err := json.Unmarshal(raw, info); err != nil {
		return false, fmt.Errorf("%w: crawl info: %v", ErrStateCorrupt, err)
	}
	return true, nil
}

// sameCrawl returns an error saying how have and want differ as crawls, or nil.
func (s *RedisState) sameCrawl(have, want CrawlInfo) error {
	hint := "(give another --crawl-id, or the same options as the workers already on it)"
	switch {
	case have.Version != StateVersion:
		return fmt.Errorf("%w: crawl id %s has version %d, this forumcrawl writes %d (give another --crawl-id)", ErrStateVersion, s.id, have.Version, StateVersion)
	case have.Site != want.Site:
		return fmt.Errorf("%w: crawl id %s crawls site %s, not %s %s", ErrOtherCrawl, s.id, have.Site, want.Site, hint)
	case have.Start != want.Start:
		return fmt.Errorf("%w: crawl id %s started from %s, not %s %s", ErrOtherCrawl, s.id, have.Start, want.Start, hint)
	case have.Options != want.Options:
		return fmt.Errorf("%w: crawl id %s has options %q, not %q %s", ErrOtherCrawl, s.id, have.Options, want.Options, hint)
	}
	return nil
}

// Counts returns how far the crawl is across all workers. Pending counts
// the requests queued and leased; InFlight the leases not timed out. A
// crawl with neither pending nor in-flight requests is finished.
func (s *RedisState) Counts(ctx context.Context) (Counts, error) {
	v, err := scriptCounts.Run(ctx, s.rdb, s.keys).Int64Slice()
	if err != nil {
		return Counts{}, s.wrap("counts", err)
	}
	if len(v) != 7 {
		return Counts{}, s.wrap("counts", fmt.Errorf("%w: %d counts", ErrStateCorrupt, len(v)))
	}
	return Counts{
		Done: int(v[0]), Failed: int(v[1]), Posts: int(v[2]), Threads: int(v[3]),
		Pending: int(v[4] + v[5]), InFlight: int(v[6]),
	}, nil
}
