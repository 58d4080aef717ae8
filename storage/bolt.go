package storage

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// StateFile is the name of the state's file inside a state directory.
const StateFile = "state.db"

// The buckets of a bbolt state.
var (
	bucketMeta    = []byte("meta")    // "info", "counts", "output"
	bucketURLs    = []byte("urls")    // URL -> urlEntry: every URL ever queued
	bucketQueue   = []byte("queue")   // priority (4 bytes) + sequence (8 bytes) -> URL
	bucketFailed  = []byte("failed")  // URL -> Failure
	bucketPosts   = []byte("posts")   // post key -> PostMark
	bucketThreads = []byte("threads") // thread URL -> ThreadMark
	allBuckets    = [][]byte{bucketMeta, bucketURLs, bucketQueue, bucketFailed, bucketPosts, bucketThreads}

	keyInfo   = []byte("info")
	keyCounts = []byte("counts")
	keyOutput = []byte("output")
)

// URL states in urlEntry.
const (
	urlPending = "p"
	urlDone    = "d"
	urlFailed  = "f"
	urlAlias   = "a" // another URL of a page done, never fetched itself
)

// urlEntry is what a bbolt state keeps of a URL (see encodeEntry); the
// request itself is kept in the queue while it is pending.
type urlEntry struct {
	State     string
	QueueKey  []byte // its key in the queue while pending
	Status    int
	FetchedAt time.Time
}

// BoltOptions tune a bbolt state; the zero value is right for crawls.
type BoltOptions struct {
	// NoSync skips syncing each change to disk. A crash of the process
	// loses nothing, but a crash of the machine can corrupt the state: only
	// for benchmarks and throwaway states.
	NoSync bool
}

// BoltState is a State kept in one bbolt file, for crawls on one machine.
// Only one process can open a state at a time.
type BoltState struct {
	path string
	db   *bolt.DB

	mu       sync.Mutex
	leased   map[string]bool // URLs leased in this process; a lease dies with it
	scanFrom []byte          // the queue key leasing has got to: every key before it is leased
}

// OpenBoltState opens (creating when missing) the state in directory dir.
// A file that is not a state, or a state that is damaged, is an error naming
// the file, never a silent fresh start. A state another process holds open
// is an error too, after a short wait.
func OpenBoltState(dir string, opts BoltOptions) (*BoltState, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("state directory %s: %w", dir, unwrapPath(err))
	}
	path := filepath.Join(dir, StateFile)
	// The freelist is rebuilt on open rather than written at each commit,
	// which would cost more the bigger the state grows.
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: 2 * time.Second, NoSync: opts.NoSync, NoFreelistSync: true, FreelistType: bolt.FreelistMapType})
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return nil, fmt.Errorf("open state %s: another forumcrawl is using it (wait for it to end, or give another --state)", path)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrChecksum), errors.Is(err, berrors.ErrVersionMismatch):
		return nil, fmt.Errorf("open state %s: %w: %v (move it away, or start again with --reset-state)", path, ErrStateCorrupt, err)
	case err != nil:
		return nil, fmt.Errorf("open state %s: %w", path, err)
	}
	db.MaxBatchDelay = 2 * time.Millisecond
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open state %s: %w: %v", path, ErrStateCorrupt, err)
	}
	return &BoltState{path: path, db: db, leased: map[string]bool{}}, nil
}

// Path returns the state's file.
func (s *BoltState) Path() string { return s.path }

// Close closes the state's file.
func (s *BoltState) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close state %s: %w", s.path, err)
	}
	return nil
}

// wrap names the state's file in err.
func (s *BoltState) wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("state %s: %s: %w", s.path, op, err)
}

// Begin records info in a fresh state, or checks that a used state holds the same crawl.
func (s *BoltState) Begin(ctx context.Context, info CrawlInfo) (CrawlInfo, Counts, error) {
	var have CrawlInfo
	var counts Counts
	err := s.db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		raw := meta.Get(keyInfo)
		if raw == nil {
			info.Version = StateVersion
			if info.Created.IsZero() {
				info.Created = time.Now().UTC()
			}
			have = info
			return putJSON(meta, keyInfo, info)
		}
		if err := json.Unmarshal(raw, &have); err != nil {
			return fmt.Errorf("%w: crawl info: %v", ErrStateCorrupt, err)
		}
		if err := sameCrawl(have, info); err != nil {
			return err
		}
		return getJSON(meta, keyCounts, &counts)
	})
	if err != nil {
		return have, counts, s.wrap("begin", err)
	}
	s.mu.Lock()
	counts.InFlight = len(s.leased)
	s.mu.Unlock()
	return have, counts, nil
}

// Info returns the crawl the state holds, without beginning a run (for
// status); a fresh state gives an error.
func (s *BoltState) Info(ctx context.Context) (CrawlInfo, error) {
	var info CrawlInfo
	found := false
	err := s.db.View(func(tx *bolt.Tx) error {
		raw := tx.Bucket(bucketMeta).Get(keyInfo)
		if raw == nil {
			return nil
		}
		found = true
		if err := json.Unmarshal(raw, &info); err != nil {
			return fmt.Errorf("%w: crawl info: %v", ErrStateCorrupt, err)
		}
		return nil
	})
	if err == nil && !found {
		err = errors.New("it holds no crawl yet")
	}
	return info, s.wrap("info", err)
}

// sameCrawl returns an error saying how have and want differ as crawls, or nil.
func sameCrawl(have, want CrawlInfo) error {
	switch {
	case have.Version != StateVersion:
		return fmt.Errorf("%w (version %d, this forumcrawl writes %d; start again with --reset-state)", ErrStateVersion, have.Version, StateVersion)
	case have.Site != want.Site:
		return fmt.Errorf("%w: site %s, not %s (give another --state, or --reset-state)", ErrOtherCrawl, have.Site, want.Site)
	case have.Start != want.Start:
		return fmt.Errorf("%w: started from %s, not %s (give another --state, or --reset-state)", ErrOtherCrawl, have.Start, want.Start)
	case have.Options != want.Options:
		return fmt.Errorf("%w: options %q, not %q (give another --state, or --reset-state)", ErrOtherCrawl, have.Options, want.Options)
	}
	return nil
}

// Add queues the requests never seen.
func (s *BoltState) Add(ctx context.Context, reqs ...Request) (int, error) {
	n := 0
	note := &queueNote{}
	err := s.db.Update(func(tx *bolt.Tx) error {
		n, note.min = 0, nil
		c, err := readCounts(tx)
		if err != nil {
			return err
		}
		for _, r := range reqs {
			added, err := enqueue(tx, r, false, note)
			if err != nil {
				return err
			}
			if added {
				n++
				c.Pending++
			}
		}
		return writeCounts(tx, c)
	})
	if err == nil {
		s.rewind(note.min)
	}
	return n, s.wrap("add", err)
}

// Requeue queues requests again although seen, unless pending or in flight.
func (s *BoltState) Requeue(ctx context.Context, reqs ...Request) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	note := &queueNote{}
	err := s.db.Update(func(tx *bolt.Tx) error {
		n, note.min = 0, nil
		c, err := readCounts(tx)
		if err != nil {
			return err
		}
		for _, r := range reqs {
			if s.leased[r.URL] {
				continue
			}
			added, err := requeue(tx, r, &c, note)
			if err != nil {
				return err
			}
			if added {
				n++
			}
		}
		return writeCounts(tx, c)
	})
	if err == nil {
		s.rewindLocked(note.min)
	}
	return n, s.wrap("requeue", err)
}

// enqueue puts r in the queue when its URL is new, or, with again, when it
// is done or failed; it reports whether it did.
func enqueue(tx *bolt.Tx, r Request, again bool, note *queueNote) (bool, error) {
	urls := tx.Bucket(bucketURLs)
	key := []byte(r.URL)
	if raw := urls.Get(key); raw != nil {
		if !again {
			return false, nil
		}
		e, err := decodeEntry(raw)
		if err != nil {
			return false, fmt.Errorf("%w: entry of %s: %v", ErrStateCorrupt, r.URL, err)
		}
		if e.State == urlPending {
			return false, nil
		}
	}
	q := tx.Bucket(bucketQueue)
	seq, err := q.NextSequence()
	if err != nil {
		return false, err
	}
	qk := queueKey(r.Priority, seq)
	if err := q.Put(qk, encodeRequest(r)); err != nil {
		return false, err
	}
	note.added(qk)
	return true, urls.Put(key, encodeEntry(urlEntry{State: urlPending, QueueKey: qk}))
}

// alias marks u seen as another URL of a page done, unless it is known.
func alias(tx *bolt.Tx, u string) error {
	urls := tx.Bucket(bucketURLs)
	if urls.Get([]byte(u)) != nil {
		return nil
	}
	return urls.Put([]byte(u), encodeEntry(urlEntry{State: urlAlias}))
}

// requeue is enqueue again, keeping the counts: a failed request leaves the failed list.
func requeue(tx *bolt.Tx, r Request, c *Counts, note *queueNote) (bool, error) {
	var prev urlEntry
	had, err := getEntry(tx, r.URL, &prev)
	if err != nil {
		return false, err
	}
	added, err := enqueue(tx, r, true, note)
	if err != nil || !added {
		return false, err
	}
	c.Pending++
	if had {
		switch prev.State {
		case urlDone:
			c.Done--
		case urlFailed:
			c.Failed--
			if err := tx.Bucket(bucketFailed).Delete([]byte(r.URL)); err != nil {
				return false, err
			}
		}
	}
	return true, nil
}

// Lease takes the first pending request not already leased.
func (s *BoltState) Lease(ctx context.Context) (Request, bool, error) {
	if err := ctx.Err(); err != nil {
		return Request{}, false, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var req Request
	found := false
	err := s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketQueue).Cursor()
		k, v := c.First()
		if s.scanFrom != nil {
			k, v = c.Seek(s.scanFrom)
		}
		for ; k != nil; k, v = c.Next() {
			s.scanFrom = bytes.Clone(k)
			r, err := decodeRequest(v, priorityOf(k))
			if err != nil {
				return fmt.Errorf("%w: queued request: %v", ErrStateCorrupt, err)
			}
			if s.leased[r.URL] {
				continue
			}
			req, found = r, true
			return nil
		}
		return nil
	})
	if err != nil || !found {
		return Request{}, false, s.wrap("lease", err)
	}
	s.leased[req.URL] = true
	return req, true, nil
}

// Release returns a leased request to the queue unfetched.
func (s *BoltState) Release(ctx context.Context, req Request) error {
	s.mu.Lock()
	delete(s.leased, req.URL)
	s.scanFrom = nil // it may come before where leasing has got to
	s.mu.Unlock()
	return nil
}

// queueNote notes the least queue key a transaction added.
type queueNote struct{ min []byte }

func (n *queueNote) added(k []byte) {
	if n.min == nil || bytes.Compare(k, n.min) < 0 {
		n.min = k
	}
}

// rewind makes leasing look again from k, when requests were queued before
// where it has got to.
func (s *BoltState) rewind(k []byte) {
	if k == nil {
		return
	}
	s.mu.Lock()
	s.rewindLocked(k)
	s.mu.Unlock()
}

func (s *BoltState) rewindLocked(k []byte) {
	if k != nil && s.scanFrom != nil && bytes.Compare(k, s.scanFrom) < 0 {
		s.scanFrom = k
	}
}

// unlease forgets a lease once its request is done or failed.
func (s *BoltState) unlease(u string) {
	s.mu.Lock()
	delete(s.leased, u)
	s.mu.Unlock()
}

// Done records leased requests as fetched, with their links, posts, thread
// marks and output mark, in one transaction.
func (s *BoltState) Done(ctx context.Context, pages ...PageDone) error {
	if len(pages) == 0 {
		return nil
	}
	note := &queueNote{}
	err := s.db.Update(func(tx *bolt.Tx) error {
		note.min = nil
		c, err := readCounts(tx)
		if err != nil {
			return err
		}
		for _, d := range pages {
			if err := done(tx, d, &c, note); err != nil {
				return err
			}
		}
		return writeCounts(tx, c)
	})
	if err != nil {
		return s.wrap("mark "+pages[0].Request.URL+" done", err)
	}
	for _, d := range pages {
		s.unlease(d.Request.URL)
	}
	s.rewind(note.min)
	return nil
}

// done records one page done in tx.
func done(tx *bolt.Tx, d PageDone, c *Counts, note *queueNote) error {
	if err := finish(tx, d.Request, c, urlEntry{State: urlDone, Status: d.Status, FetchedAt: d.FetchedAt}); err != nil {
		return err
	}
	for _, a := range d.Aliases {
		if err := alias(tx, a); err != nil {
			return err
		}
	}
	for _, r := range d.Links {
		added, err := enqueue(tx, r, false, note)
		if err != nil {
			return err
		}
		if added {
			c.Pending++
		}
	}
	for _, r := range d.Requeue {
		if _, err := requeue(tx, r, c, note); err != nil {
			return err
		}
	}
	if err := putPosts(tx, d.Posts, c); err != nil {
		return err
	}
	threads := tx.Bucket(bucketThreads)
	for _, t := range d.Threads {
		if threads.Get([]byte(t.URL)) == nil && t.Kind == "" {
			c.Threads++
		}
		if err := putJSON(threads, []byte(t.URL), t); err != nil {
			return err
		}
	}
	if d.Output.Path != "" {
		return putJSON(tx.Bucket(bucketMeta), keyOutput, d.Output)
	}
	return nil
}

// finish takes a request out of the queue and gives its URL the entry e.
func finish(tx *bolt.Tx, r Request, c *Counts, e urlEntry) error {
	var prev urlEntry
	had, err := getEntry(tx, r.URL, &prev)
	if err != nil {
		return err
	}
	if had && prev.State == urlPending {
		if err := tx.Bucket(bucketQueue).Delete(prev.QueueKey); err != nil {
			return err
		}
		c.Pending--
	} else if had && prev.State == urlDone {
		c.Done--
	} else if had && prev.State == urlFailed {
		c.Failed--
	}
	switch e.State {
	case urlDone:
		c.Done++
	case urlFailed:
		c.Failed++
	}
	return tx.Bucket(bucketURLs).Put([]byte(r.URL), encodeEntry(e))
}

// putPosts records post marks, counting the new ones.
func putPosts(tx *bolt.Tx, posts []PostMark, c *Counts) error {
	b := tx.Bucket(bucketPosts)
	for _, p := range posts {
		if b.Get([]byte(p.Key)) == nil {
			c.Posts++
		}
		if err := b.Put([]byte(p.Key), encodePost(p)); err != nil {
			return err
		}
	}
	return nil
}

// Fail records a leased request as failed.
func (s *BoltState) Fail(ctx context.Context, f Failure) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		c, err := readCounts(tx)
		if err != nil {
			return err
		}
		if err := finish(tx, f.Request, &c, urlEntry{State: urlFailed, Status: f.Status, FetchedAt: f.At}); err != nil {
			return err
		}
		if err := putJSON(tx.Bucket(bucketFailed), []byte(f.Request.URL), f); err != nil {
			return err
		}
		return writeCounts(tx, c)
	})
	if err == nil {
		s.unlease(f.Request.URL)
	}
	return s.wrap("mark "+f.Request.URL+" failed", err)
}

// RetryFailed queues every failed request again.
func (s *BoltState) RetryFailed(ctx context.Context) (int, error) { return retryFailed(ctx, s) }

// Failures calls fn for each failed request, in URL order.
func (s *BoltState) Failures(ctx context.Context, fn func(Failure) error) error {
	return s.wrap("failures", s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketFailed).ForEach(func(k, v []byte) error {
			var f Failure
			if err := json.Unmarshal(v, &f); err != nil {
				return fmt.Errorf("%w: failure of %s: %v", ErrStateCorrupt, k, err)
			}
			return fn(f)
		})
	}))
}

// Post returns the mark of a post written before.
func (s *BoltState) Post(ctx context.Context, key string) (PostMark, bool, error) {
	var p PostMark
	found := false
	err := s.db.View(func(tx *bolt.Tx) error {
		raw := tx.Bucket(bucketPosts).Get([]byte(key))
		if raw == nil {
			return nil
		}
		found = true
		var err error
		if p, err = decodePost(key, raw); err != nil {
			return fmt.Errorf("%w: %v", ErrStateCorrupt, err)
		}
		return nil
	})
	return p, found, s.wrap("post", err)
}

// AddPosts records posts found in the output, with the output's new synced end.
func (s *BoltState) AddPosts(ctx context.Context, posts []PostMark, out OutputMark) error {
	return s.wrap("add posts", s.db.Update(func(tx *bolt.Tx) error {
		c, err := readCounts(tx)
		if err != nil {
			return err
		}
		if err := putPosts(tx, posts, &c); err != nil {
			return err
		}
		if err := putJSON(tx.Bucket(bucketMeta), keyOutput, out); err != nil {
			return err
		}
		return writeCounts(tx, c)
	}))
}

// Output returns where the output stood when the last page was marked done.
func (s *BoltState) Output(ctx context.Context) (OutputMark, error) {
	var o OutputMark
	err := s.db.View(func(tx *bolt.Tx) error { return getJSON(tx.Bucket(bucketMeta), keyOutput, &o) })
	return o, s.wrap("output mark", err)
}

// Thread returns a thread's high-water mark.
func (s *BoltState) Thread(ctx context.Context, u string) (ThreadMark, bool, error) {
	var t ThreadMark
	found := false
	err := s.db.View(func(tx *bolt.Tx) error {
		raw := tx.Bucket(bucketThreads).Get([]byte(u))
		if raw == nil {
			return nil
		}
		found = true
		return json.Unmarshal(raw, &t)
	})
	return t, found, s.wrap("thread", err)
}

// Threads calls fn for each thread mark, in URL order.
func (s *BoltState) Threads(ctx context.Context, fn func(ThreadMark) error) error {
	return s.wrap("threads", s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketThreads).ForEach(func(k, v []byte) error {
			var t ThreadMark
			if err := json.Unmarshal(v, &t); err != nil {
				return fmt.Errorf("%w: thread %s: %v", ErrStateCorrupt, k, err)
			}
			return fn(t)
		})
	}))
}

// Seen reports whether a URL was ever queued or fetched.
func (s *BoltState) Seen(ctx context.Context, u string) (bool, error) {
	seen := false
	err := s.db.View(func(tx *bolt.Tx) error {
		seen = tx.Bucket(bucketURLs).Get([]byte(u)) != nil
		return nil
	})
	return seen, s.wrap("seen", err)
}

// Counts returns how far the crawl is.
func (s *BoltState) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		c, err = readCounts(tx)
		return err
	})
	s.mu.Lock()
	c.InFlight = len(s.leased)
	s.mu.Unlock()
	return c, s.wrap("counts", err)
}

func readCounts(tx *bolt.Tx) (Counts, error) {
	var c Counts
	err := getJSON(tx.Bucket(bucketMeta), keyCounts, &c)
	return c, err
}

func writeCounts(tx *bolt.Tx, c Counts) error {
	c.InFlight = 0
	return putJSON(tx.Bucket(bucketMeta), keyCounts, c)
}

// getEntry reads the entry of URL u, reporting whether there is one.
func getEntry(tx *bolt.Tx, u string, e *urlEntry) (bool, error) {
	raw := tx.Bucket(bucketURLs).Get([]byte(u))
	if raw == nil {
		return false, nil
	}
	var err error
	if *e, err = decodeEntry(raw); err != nil {
		return false, fmt.Errorf("%w: entry of %s: %v", ErrStateCorrupt, u, err)
	}
	return true, nil
}

func putJSON(b *bolt.Bucket, key []byte, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, raw)
}

// getJSON reads key into v; a missing key leaves v as it is.
func getJSON(b *bolt.Bucket, key []byte, v any) error {
	raw := b.Get(key)
	if raw == nil {
		return nil
	}
	if err := json.Unmarshal(bytes.Clone(raw), v); err != nil {
		return fmt.Errorf("%w: %s: %v", ErrStateCorrupt, key, err)
	}
	return nil
}
