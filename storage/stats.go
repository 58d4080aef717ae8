package storage

import (
	"cmp"
	"hash/fnv"
	"slices"
	"time"
)

// Stats counts the posts of a JSON Lines file: in all, per board, per
// author and per month.
type Stats struct {
	Posts      int        `json:"posts"`      // distinct posts
	Duplicates int        `json:"duplicates"` // lines repeating a post already counted
	Threads    int        `json:"threads"`
	Boards     int        `json:"boards"`
	Authors    int        `json:"authors"`
	Sites      []string   `json:"sites"`
	First      *time.Time `json:"first_post"` // earliest posted_at
	Last       *time.Time `json:"last_post"`  // latest posted_at
	ByBoard    []Count    `json:"by_board"`   // most posts first
	ByAuthor   []Count    `json:"by_author"`  // most posts first, the top N
	ByMonth    []Count    `json:"by_month"`   // "2006-01" of posted_at in the forum's zone, in order; "unknown" last
}

// Count is the posts (and threads) of one board, author or month.
type Count struct {
	Name    string `json:"name"`
	Site    string `json:"site,omitempty"`
	Posts   int    `json:"posts"`
	Threads int    `json:"threads,omitempty"`
}

// StatsCounter gathers Stats record by record. Its zero value is not ready:
// call NewStatsCounter.
type StatsCounter struct {
	st       Stats
	seen     map[uint64]struct{}
	threads  map[string]struct{}
	sites    map[string]struct{}
	boards   map[string]*Count
	bThreads map[string]struct{} // board key + thread
	authors  map[string]*Count
	months   map[string]*Count
}

// NewStatsCounter returns an empty counter.
func NewStatsCounter() *StatsCounter {
	return &StatsCounter{
		seen: map[uint64]struct{}{}, threads: map[string]struct{}{}, sites: map[string]struct{}{},
		boards: map[string]*Count{}, bThreads: map[string]struct{}{},
		authors: map[string]*Count{}, months: map[string]*Count{},
	}
}

// Add counts one record; a post already counted (same site and id) counts
// as a duplicate only.
func (c *StatsCounter) Add(r *Record) {
	if r.Post.ID != "" {
		h := fnv.New64a()
		h.Write([]byte(r.Key()))
		if _, dup := c.seen[h.Sum64()]; dup {
			c.st.Duplicates++
			return
		}
		c.seen[h.Sum64()] = struct{}{}
	}
	c.st.Posts++
	c.sites[r.Site] = struct{}{}
	thread := r.Site + "\x00" + cmp.Or(r.Thread.ID, r.Thread.URL)
	c.threads[thread] = struct{}{}

	board := "(no board)"
	if bc := r.Thread.Breadcrumb; len(bc) > 0 {
		board = bc[len(bc)-1].Name
	}
	bkey := r.Site + "\x00" + board
	bump(c.boards, bkey, board, r.Site)
	if _, ok := c.bThreads[bkey+"\x00"+thread]; !ok {
		c.bThreads[bkey+"\x00"+thread] = struct{}{}
		c.boards[bkey].Threads++
	}

	akey := r.Site + "\x00id\x00" + r.Author.ID
	if r.Author.ID == "" {
		akey = r.Site + "\x00name\x00" + r.Author.Name
	}
	bump(c.authors, akey, r.Author.Name, r.Site)

	month := "unknown"
	if t := r.Post.PostedAt; t != nil {
		month = t.Format("2006-01")
		if c.st.First == nil || t.Before(*c.st.First) {
			c.st.First = t
		}
		if c.st.Last == nil || t.After(*c.st.Last) {
			c.st.Last = t
		}
	}
	bump(c.months, month, month, "")
}

// bump adds a post to the count of key in m.
func bump(m map[string]*Count, key, name, site string) {
	n := m[key]
	if n == nil {
		n = &Count{Name: name, Site: site}
		m[key] = n
	}
	n.Posts++
}

// Stats returns the counts so far, with the top authors only (all when top <= 0).
func (c *StatsCounter) Stats(top int) Stats {
	st := c.st
	st.Threads, st.Boards, st.Authors = len(c.threads), len(c.boards), len(c.authors)
	st.Sites = sortedKeys(c.sites)
	byPosts := func(x, y Count) int {
		return cmp.Or(cmp.Compare(y.Posts, x.Posts), cmp.Compare(x.Site, y.Site), cmp.Compare(x.Name, y.Name))
	}
	st.ByBoard = values(c.boards, byPosts)
	st.ByAuthor = values(c.authors, byPosts)
	if top > 0 && len(st.ByAuthor) > top {
		st.ByAuthor = st.ByAuthor[:top]
	}
	st.ByMonth = values(c.months, func(x, y Count) int {
		if (x.Name == "unknown") != (y.Name == "unknown") {
			if x.Name == "unknown" {
				return 1
			}
			return -1
		}
		return cmp.Compare(x.Name, y.Name)
	})
	return st
}

// values returns the counts of m sorted by less.
func values(m map[string]*Count, order func(x, y Count) int) []Count {
	out := make([]Count, 0, len(m))
	for _, c := range m {
		out = append(out, *c)
	}
	slices.SortFunc(out, order)
	return out
}

// sortedKeys returns the keys of m in order.
func sortedKeys(m map[string]struct{}) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// StatsOfJSONL counts the posts of the JSON Lines file at path (plain, gzip
// or zstd), keeping the top authors. When the file ends in a torn tail it
// returns the counts of the whole lines with a *TornError.
func StatsOfJSONL(path string, top int) (Stats, error) {
	c := NewStatsCounter()
	err := EachRecord(path, func(r *Record) error {
		c.Add(r)
		return nil
	})
	return c.Stats(top), err
}
