package scraper

import (
	"context"
	"fmt"
	"time"

	"github.com/forumcrawl/forumcrawl/parser"
	"github.com/forumcrawl/forumcrawl/storage"
)

// maxCommitBatch bounds how many finished pages one commit takes.
const maxCommitBatch = 64

// commitReq is a parsed page waiting to be committed.
type commitReq struct {
	page    *parser.Page
	fetched time.Time
	done    storage.PageDone
	written int
	// then is called once the page is committed (err nil) or could not be.
	then func(written int, err error)
}

// commit hands a parsed page to the committer, which writes its posts,
// makes them durable, marks the page done in the state and then calls
// then. The worker goes on meanwhile; the page counts as in flight until then.
func (cr *crawl) commit(page *parser.Page, fetched time.Time, done *storage.PageDone, then func(written int, err error)) {
	cr.commitQ <- &commitReq{page: page, fetched: fetched, done: *done, then: then}
}

// committer commits the pages workers hand it, each batch of pages that
// finished together at once: their new posts written, one sync of the
// output, then one state change marking them done with their links and
// marks. The order matters: a crash between the steps leaves posts in the
// output that the state does not know, which the next run finds in the
// output's tail (see Resumer), never a page marked done whose posts are lost.
func (cr *crawl) committer() {
	for r := range cr.commitQ {
		batch := []*commitReq{r}
	drain:
		for len(batch) < maxCommitBatch {
			select {
			case more, ok := <-cr.commitQ:
				if !ok {
					break drain
				}
				batch = append(batch, more)
			default:
				break drain
			}
		}
		err := cr.commitBatch(batch)
		for _, b := range batch {
			if err != nil {
				b.written = 0
			}
			b.then(b.written, err)
		}
	}
}

// overlay is what a batch has changed and the state does not hold yet.
type overlay struct {
	posts   map[string]storage.PostMark
	threads map[string]storage.ThreadMark
	pre     *prefetched // what a Prefetcher state read for the batch at once, else nil
}

// commitBatch commits a batch of pages.
func (cr *crawl) commitBatch(batch []*commitReq) error {
	pre, err := cr.prefetch(batch)
	if err != nil {
		return err
	}
	ov := &overlay{posts: map[string]storage.PostMark{}, threads: map[string]storage.ThreadMark{}, pre: pre}
	dones := make([]storage.PageDone, 0, len(batch))
	wrote := false
	for _, b := range batch {
		if err := cr.plan(b.page, b.done.Request, &b.done, ov); err != nil {
			return err
		}
		n, err := cr.writePosts(b, ov)
		if err != nil {
			return err
		}
		b.written = n
		wrote = wrote || n > 0
	}
	var out storage.OutputMark
	if c, ok := cr.sink.(Committer); ok && wrote {
		var err error
		if out, err = c.Commit(); err != nil {
			return fmt.Errorf("write posts: %w", err)
		}
	}
	for _, b := range batch {
		b.done.Output = out
		dones = append(dones, b.done)
	}
	// Pages in flight when the crawl is cancelled are still committed.
	return cr.state.Done(context.WithoutCancel(cr.ctx), dones...)
}

// writePosts writes the new posts of a committed page and notes their marks.
func (cr *crawl) writePosts(b *commitReq, ov *overlay) (int, error) {
	page := b.page
	if page.Kind != parser.KindThread || len(page.Posts) == 0 || page.Alternate != "" {
		return 0, nil
	}
	recs, marks, dups, err := cr.newPosts(Records(page, b.fetched), b.done.Request, ov)
	if err != nil {
		return 0, err
	}
	written := 0
	if len(recs) > 0 {
		written, err = cr.sink.WritePage(recs)
		if err != nil {
			return 0, fmt.Errorf("write posts of %s: %w", page.URL, err)
		}
	}
	b.done.Posts = marks
	for _, m := range marks {
		ov.posts[m.Key] = m
	}
	cr.mu.Lock()
	cr.sum.Posts += written
	cr.sum.Duplicates += dups + len(recs) - written
	for i := range recs {
		cr.authors[recs[i].Author.Name+"\x00"+recs[i].Author.ID] = true
	}
	cr.mu.Unlock()
	return written, nil
}

// newPosts returns the records of a page to write (posts never written, and
// posts whose page shows a newer edit than the one written, as a new
// revision) with their marks, and the number left out as written before.
func (cr *crawl) newPosts(all []storage.Record, req storage.Request, ov *overlay) ([]storage.Record, []storage.PostMark, int, error) {
	recs := all[:0]
	var marks []storage.PostMark
	dups := 0
	onPage := make(map[string]bool, len(all))
	for i := range all {
		r := all[i]
		key := postKey(&r, i)
		if onPage[key] {
			dups++
			continue
		}
		onPage[key] = true
		pm := storage.PostMark{Key: key, EditedAt: editedAt(&r.Post)}
		prev, found := ov.posts[key]
		_, shared := cr.state.(storage.PostClaimer)
		if !found && !shared { // a shared state's ClaimPosts looks the marks up
			var err error
			if prev, found, err = cr.state.Post(cr.ctx, key); err != nil {
				return nil, nil, 0, err
			}
		}
		if found {
			if pm.EditedAt.IsZero() || !pm.EditedAt.After(prev.EditedAt) {
				dups++
				continue
			}
			pm.Revision = prev.Revision + 1
		}
		r.Revision = pm.Revision
		recs = append(recs, r)
		marks = append(marks, pm)
	}
	if claimer, ok := cr.state.(storage.PostClaimer); ok && len(marks) > 0 {
		// ClaimPosts decides, and sets each claimed post's revision.
		mine, err := claimer.ClaimPosts(cr.ctx, req, marks)
		if err != nil {
			return nil, nil, 0, err
		}
		k := 0
		for i := range marks {
			if i < len(mine) && mine[i] {
				recs[k], marks[k] = recs[i], marks[i]
				recs[k].Revision = marks[k].Revision
				k++
			} else {
				dups++
			}
		}
		recs, marks = recs[:k], marks[:k]
	}
	return recs, marks, dups, nil
}

// thread returns a thread's mark as the batch left it, else as the state holds it.
func (cr *crawl) thread(ov *overlay, u string) (storage.ThreadMark, bool, error) {
	if m, ok := ov.threads[u]; ok {
		return m, true, nil
	}
	if m, found, asked := ov.prefetchedThread(u); asked {
		return m, found, nil
	}
	return cr.state.Thread(cr.ctx, u)
}
