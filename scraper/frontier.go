package scraper

import "github.com/forumcrawl/forumcrawl/parser"

// linkMeta is what the crawl knows of a queued URL.
type linkMeta struct {
	depth int
	kind  parser.LinkKind
}

// frontier remembers every URL queued or fetched, by canonical URL, so each
// page is fetched once. It is not safe for concurrent use; the crawl locks it.
type frontier struct {
	urls    map[string]linkMeta
	threads int // threads admitted from board pages
}

func newFrontier() *frontier { return &frontier{urls: map[string]linkMeta{}} }

func (f *frontier) add(u string, m linkMeta) { f.urls[u] = m }

// markSeen records u as known without queueing it.
func (f *frontier) markSeen(u string) {
	if _, ok := f.urls[u]; !ok {
		f.urls[u] = linkMeta{}
	}
}

func (f *frontier) seen(u string) bool { _, ok := f.urls[u]; return ok }

func (f *frontier) get(u string) linkMeta { return f.urls[u] }

func (f *frontier) size() int { return len(f.urls) }
