package storage

import "context"

// Prefetched is what a Prefetcher read in one go.
type Prefetched struct {
	Seen    map[string]bool       // every URL asked: whether it was ever queued or fetched
	Threads map[string]ThreadMark // the threads asked that have a mark
}

// Prefetcher is implemented by states where every read is a network round
// trip (Redis). Before planning a batch of pages, a crawl asks it at once
// what the pages' links and threads would each have asked, so a page costs
// a few round trips however many links and threads it lists.
type Prefetcher interface {
	Prefetch(ctx context.Context, urls, threads []string) (Prefetched, error)
}
