package storage

import (
	"context"
	"errors"
	"time"
)

// StateVersion is the layout version of a crawl state. A state written by
// another version is refused, never read half-understood.
const StateVersion = 1

// Errors a State returns for a state it will not use.
var (
	// ErrOtherCrawl: the state holds another crawl (another site, start URL or options).
	ErrOtherCrawl = errors.New("the state holds another crawl")
	// ErrStateVersion: the state was written by another version of forumcrawl.
	ErrStateVersion = errors.New("the state was written by another state version")
	// ErrStateCorrupt: the state cannot be read.
	ErrStateCorrupt = errors.New("the state is corrupt")
)

// CrawlInfo identifies the crawl a state holds. A state holds one crawl; runs
// that resume it must give the same Site, Start and Options.
type CrawlInfo struct {
	Site    string    `json:"site"`    // host of the start URL
	Start   string    `json:"start"`   // the start URL, canonical
	Options string    `json:"options"` // the other settings runs must share (engine, scope), as text
	Version int       `json:"version"` // StateVersion when written
	Created time.Time `json:"created"`
	RunID   string    `json:"run_id"` // the run that created the state
}

// Request is a page to fetch.
type Request struct {
	URL      string `json:"url"`             // canonical URL, the request's identity
	Fetch    string `json:"fetch,omitempty"` // the URL to fetch when it differs from URL: the form the forum links (see parser.Page.FetchURLs)
	Kind     string `json:"kind"`            // "board", "thread", or "" for a start page
	Depth    int    `json:"depth"`           // links from the start page
	Priority int    `json:"priority"`        // lower is fetched first; equal ones in the order added
	Attempts int    `json:"attempts"`        // failed fetches so far
}

// FetchURL returns the URL to request for r: Fetch, else URL.
func (r Request) FetchURL() string {
	if r.Fetch != "" {
		return r.Fetch
	}
	return r.URL
}

// PostMark is what the state keeps of a post written to the output.
type PostMark struct {
	Key      string    `json:"key"`                // Record.Key: site and post id
	EditedAt time.Time `json:"edited_at,omitzero"` // the edit time the page showed, zero when none
	Revision int       `json:"revision"`           // 0 for the first version written, then 1, 2...
}

// ThreadMark is a thread's high-water mark: how far the crawl has read it.
type ThreadMark struct {
	URL         string    `json:"url"`            // the thread's first page, canonical
	Kind        string    `json:"kind,omitempty"` // "" for a thread; "board" for a board's mark (URL, LastPostAt)
	Board       string    `json:"board"`          // the board it is listed in, canonical URL ("" unknown)
	Title       string    `json:"title"`
	LastPage    int       `json:"last_page"`     // the highest page number read
	LastPageURL string    `json:"last_page_url"` // that page's URL
	PageCount   int       `json:"page_count"`    // the thread's page count as last shown
	LastPostID  string    `json:"last_post_id"`
	Replies     int64     `json:"replies"` // reply count as a board listing last showed it, -1 unknown
	LastPostAt  time.Time `json:"last_post_at,omitzero"`
	UpdatedAt   time.Time `json:"updated_at"`
}

// OutputMark is where the output stood, synced, when a page was marked done.
type OutputMark struct {
	Path   string `json:"path"`
	Offset int64  `json:"offset"`
}

// PageDone is what a fetched page leaves in the state, recorded at once.
type PageDone struct {
	Request   Request    // as leased
	Status    int        // HTTP status
	FetchedAt time.Time  //
	Aliases   []string   // other URLs of the same page (its canonical form), marked seen
	Links     []Request  // links found, queued when their URL was never seen
	Requeue   []Request  // pages to fetch again although seen (changed threads in an incremental run)
	Posts     []PostMark // posts written from the page, synced in the output
	Threads   []ThreadMark
	Output    OutputMark // the output's synced end after the page's posts
}

// Failure is a request that could not be fetched.
type Failure struct {
	Request Request   `json:"request"`
	Status  int       `json:"status"` // HTTP status, 0 when none came
	Err     string    `json:"error"`
	At      time.Time `json:"at"`
}

// Counts says how far a crawl is.
type Counts struct {
	Done     int `json:"done"`      // pages fetched
	Pending  int `json:"pending"`   // pages queued
	InFlight int `json:"in_flight"` // pages leased and not finished
	Failed   int `json:"failed"`    // pages that failed, not queued again
	Posts    int `json:"posts"`     // posts written
	Threads  int `json:"threads"`   // threads with a mark
}

// State is a crawl's persistent state: the frontier of pages to fetch, what
// was fetched, what failed, the posts written and each thread's high-water
// mark. It lets a crawl stop at any moment (a kill, a reboot, a full disk) and
// go on where it stopped, and lets a later run fetch only what changed.
//
// Every method is safe for concurrent use. Methods that change the state
// either take effect whole or not at all.
type State interface {
	// Begin opens the state for a run of the crawl described by info. A fresh
	// state records info; a used one must hold the same crawl (else
	// ErrOtherCrawl or ErrStateVersion). Pages leased by a run that ended
	// without finishing them are queued again. It returns the counts found.
	Begin(ctx context.Context, info CrawlInfo) (CrawlInfo, Counts, error)

	// Info returns the crawl the state holds without beginning a run (for
	// a status report); an error when it holds none.
	Info(ctx context.Context) (CrawlInfo, error)

	// Add queues the requests whose URL the state has never seen, and
	// returns how many it queued.
	Add(ctx context.Context, reqs ...Request) (int, error)
	// Requeue queues requests again although their URL was seen (a board
	// to re-read, a changed thread's last page), unless already pending or
	// in flight, and returns how many it queued.
	Requeue(ctx context.Context, reqs ...Request) (int, error)
	// Lease takes the pending request that comes first. ok is false when
	// none is pending now (some may still be in flight).
	Lease(ctx context.Context) (req Request, ok bool, err error)
	// Release returns a leased request to the queue unfetched.
	Release(ctx context.Context, req Request) error
	// Done records leased requests as fetched, with everything they leave,
	// all at once (a crawl commits the pages that finished together in one go).
	Done(ctx context.Context, pages ...PageDone) error
	// Fail records a leased request as failed; it is not fetched again until RetryFailed.
	Fail(ctx context.Context, f Failure) error
	// RetryFailed queues every failed request again and returns how many.
	RetryFailed(ctx context.Context) (int, error)
	// Failures calls fn for each failed request.
	Failures(ctx context.Context, fn func(Failure) error) error

	// Post returns the mark of a post written before.
	Post(ctx context.Context, key string) (PostMark, bool, error)
	// AddPosts records posts found in the output that the state did not
	// know of (written by a run that stopped before marking their page
	// done), with the output's new synced end.
	AddPosts(ctx context.Context, posts []PostMark, out OutputMark) error
	// Output returns where the output stood when the last page was marked done.
	Output(ctx context.Context) (OutputMark, error)

	// Thread returns a thread's high-water mark.
	Thread(ctx context.Context, url string) (ThreadMark, bool, error)
	// Threads calls fn for each thread mark.
	Threads(ctx context.Context, fn func(ThreadMark) error) error
	// Seen reports whether a URL was ever queued or fetched.
	Seen(ctx context.Context, url string) (bool, error)

	// Counts returns how far the crawl is.
	Counts(ctx context.Context) (Counts, error)
	// Close releases the state; the state on disk stays consistent.
	Close() error
}

// PostClaimer is implemented by states that several processes share (Redis),
// where two workers may fetch pages holding the same post at once. Before
// writing a page's posts, the crawl claims them: ClaimPosts reports for each
// post whether this worker should write it (no other worker has written or
// claimed it, or the page shows a newer edit), and fills in its Revision.
// A claim becomes a post mark when the page is marked Done, and lapses with
// the lease of req if the worker dies first.
type PostClaimer interface {
	ClaimPosts(ctx context.Context, req Request, posts []PostMark) ([]bool, error)
}

// retryFailed queues every failed request of st again, one more attempt
// counted: RetryFailed of every State.
func retryFailed(ctx context.Context, st State) (int, error) {
	var reqs []Request
	err := st.Failures(ctx, func(f Failure) error {
		r := f.Request
		r.Attempts++
		reqs = append(reqs, r)
		return nil
	})
	if err != nil {
		return 0, err
	}
	return st.Requeue(ctx, reqs...)
}
