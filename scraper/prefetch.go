package scraper

import (
	"net/url"

	"github.com/forumcrawl/forumcrawl/parser"
	"github.com/forumcrawl/forumcrawl/storage"
)

// prefetched is what a Prefetcher state answered for a batch of pages.
type prefetched struct {
	storage.Prefetched
	asked map[string]bool // threads asked
}

// prefetch asks a state that reads over the network (Redis), in one round
// trip, everything planning the batch will look up: whether each link was
// seen, and the marks of the threads the pages show or list and of the
// boards they list with a last post time. It returns
// nil for other states.
func (cr *crawl) prefetch(batch []*commitReq) (*prefetched, error) {
	pf, ok := cr.state.(storage.Prefetcher)
	if !ok {
		return nil, nil
	}
	var urls, threads []string
	asked := map[string]bool{}
	for _, b := range batch {
		page := b.page
		for _, l := range page.Links {
			if lu, err := url.Parse(l.URL); err == nil && cr.inScope(lu) {
				urls = append(urls, l.URL)
			}
		}
		ask := func(key string) {
			if key != "" && !asked[key] {
				asked[key] = true
				threads = append(threads, key)
			}
		}
		if page.Kind == parser.KindThread && page.Thread != nil {
			ask(page.Thread.URL)
		}
		if page.Kind == parser.KindBoard && page.Board != nil {
			for _, ref := range page.Board.Threads {
				ask(ref.URL)
			}
		}
		for _, b := range page.Boards {
			if b.LastPostAt != nil {
				ask(boardMarkKey(b.URL))
			}
		}
	}
	p, err := pf.Prefetch(cr.ctx, urls, threads)
	if err != nil {
		return nil, err
	}
	return &prefetched{Prefetched: p, asked: asked}, nil
}

// seen reports whether a URL was ever queued, from the batch's prefetch when it has it.
func (cr *crawl) seen(ov *overlay, u string) (bool, error) {
	if ov.pre != nil {
		if seen, ok := ov.pre.Seen[u]; ok {
			return seen, nil
		}
	}
	return cr.state.Seen(cr.ctx, u)
}

// prefetchedThread returns a thread's mark from the batch's prefetch; asked
// is false when the prefetch did not ask for it.
func (ov *overlay) prefetchedThread(u string) (m storage.ThreadMark, found, asked bool) {
	if ov.pre == nil || !ov.pre.asked[u] {
		return m, false, false
	}
	m, found = ov.pre.Threads[u]
	return m, found, true
}
