package scraper

import (
	"net/url"
	"time"

	"github.com/forumcrawl/forumcrawl/parser"
	"github.com/forumcrawl/forumcrawl/storage"
)

// Records returns one record per post of a thread page.
func Records(page *parser.Page, fetchedAt time.Time) []storage.Record {
	site := ""
	if u, err := url.Parse(page.URL); err == nil {
		site = u.Hostname()
	}
	var thread parser.Thread
	if page.Thread != nil {
		thread = *page.Thread
	}
	out := make([]storage.Record, len(page.Posts))
	for i := range page.Posts {
		p := &page.Posts[i]
		out[i] = storage.Record{
			SchemaVersion: storage.SchemaVersion,
			Site:          site,
			Engine:        page.Engine,
			PageURL:       page.URL,
			FetchedAt:     fetchedAt,
			Thread:        thread,
			Post:          *p,
			Author:        p.Author,
			Extra:         p.Extra,
		}
	}
	return out
}
