package forumsim

import (
	"math/rand/v2"
	"slices"
	"time"
)

// Growth says how a forum changes between two crawls, as a real forum does
// overnight.
type Growth struct {
	Seed       uint64
	Threads    float64 // the fraction of threads that get new posts
	NewThreads int     // threads created, each with one to a few pages of posts
	Edits      int     // posts edited, on the last page of threads that got new posts
}

// Changes is what Grow did, by ID.
type Changes struct {
	NewPosts       []string // posts added, to old threads and in new threads
	EditedPosts    []string // posts whose text and edit time changed
	ChangedThreads []string // old threads that got new posts
	NewThreads     []string
}

// Grow changes the forum as g says: new posts after every post so far (with
// higher IDs), new threads, and edits shown with a newer edit time. Board
// listings reorder as the forum's would. It is safe to call while serving.
func (f *Forum) Grow(g Growth) Changes {
	f.mu.Lock()
	defer f.mu.Unlock()
	gn := &gen{f: f, r: rand.New(rand.NewPCG(g.Seed, g.Seed^0x5bd1e995)), nextAt: 900000}
	var ch Changes
	now, pid := time.Time{}, int64(0)
	for _, p := range f.postByID {
		if p.at.After(now) {
			now = p.at
		}
		pid = max(pid, p.id)
	}
	now = now.Add(24 * time.Hour)
	var added []*post
	newPost := func(t *thread) *post {
		now = now.Add(time.Duration(60+gn.r.IntN(3600)) * time.Second)
		pid += int64(1 + gn.r.IntN(3))
		p := &post{id: pid, thread: t, position: len(t.posts) + 1, author: gn.author(), at: now.In(t.zone)}
		gn.body(p, nil, nil)
		t.posts = append(t.posts, p)
		f.postByID[p.id] = p
		added = append(added, p)
		ch.NewPosts = append(ch.NewPosts, id(p.id))
		return p
	}

	// New posts in a fraction of the threads (at least one).
	n := max(1, int(float64(len(f.threads))*g.Threads+0.5))
	var changed []*thread
	for _, i := range gn.r.Perm(len(f.threads))[:min(n, len(f.threads))] {
		t := f.threads[i]
		for k := 1 + gn.r.IntN(3); k > 0; k-- {
			newPost(t)
		}
		changed = append(changed, t)
		ch.ChangedThreads = append(ch.ChangedThreads, id(t.id))
	}
	// Edits go to posts of the page the thread's last post was on before,
	// which a crawl that follows new posts reads again.
	for e := 0; e < g.Edits && len(changed) > 0; e++ {
		t := changed[e%len(changed)]
		oldPosts := t.posts[:len(t.posts)-countNew(t, added)]
		first := (len(oldPosts) - 1) / f.cfg.PostsPerPage * f.cfg.PostsPerPage
		p := pick(gn.r, oldPosts[first:])
		if slices.Contains(ch.EditedPosts, id(p.id)) {
			continue
		}
		at := now.Add(time.Duration(e+1) * time.Minute).In(t.zone)
		p.editedAt = &at
		p.pieces = append(p.pieces, piece{kind: pParaBreak}, piece{kind: pText, text: "Edit: " + gn.sentences(1)})
		p.body = f.renderPieces(p.pieces)
		ch.EditedPosts = append(ch.EditedPosts, id(p.id))
	}

	// New threads.
	tid := f.threads[len(f.threads)-1].id
	for k := 0; k < g.NewThreads; k++ {
		b := pick(gn.r, f.boards)
		tid += int64(1 + gn.r.IntN(30))
		t := &thread{id: tid, board: b, zone: pick(gn.r, zones)}
		t.title = gn.title()
		t.slug = slugify(t.title)
		for j := 1 + gn.r.IntN(f.cfg.PostsPerPage*2); j > 0; j-- {
			newPost(t)
		}
		t.views = int64(len(t.posts))
		b.threads = append(b.threads, t)
		f.threads = append(f.threads, t)
		f.threadByID[tid] = t
		ch.NewThreads = append(ch.NewThreads, id(tid))
	}
	for _, p := range added {
		p.body = f.renderPieces(p.pieces)
	}
	for _, b := range f.boards {
		sortListing(b)
	}
	return ch
}

// countNew returns how many of a thread's posts are in added.
func countNew(t *thread, added []*post) int {
	n := 0
	for _, p := range t.posts {
		if slices.Contains(added, p) {
			n++
		}
	}
	return n
}

// sortListing orders a board's threads as its listing shows them: sticky
// first, then latest post first.
func sortListing(b *board) {
	slices.SortStableFunc(b.threads, func(x, y *thread) int {
		if x.sticky != y.sticky {
			if x.sticky {
				return -1
			}
			return 1
		}
		return y.last().at.Compare(x.last().at)
	})
}
