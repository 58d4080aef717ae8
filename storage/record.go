// Package storage writes crawl results: posts as JSON Lines records.
// It knows no HTML and no network.
package storage

import (
	"time"

	"github.com/forumcrawl/forumcrawl/parser"
)

// SchemaVersion is the version of the Record layout; docs/schema.md says what
// each version holds. It changes only when a field is renamed, removed or
// changes meaning; new fields do not change it.
const SchemaVersion = 1

// Record is one line of the JSON Lines output: one post with its thread and author.
type Record struct {
	SchemaVersion int           `json:"schema_version"`
	Site          string        `json:"site"`   // host of the forum, e.g. "forums.example.com"
	Engine        string        `json:"engine"` // e.g. "xenforo2"
	PageURL       string        `json:"page_url"`
	FetchedAt     time.Time     `json:"fetched_at"`
	Thread        parser.Thread `json:"thread"`
	Post          parser.Post   `json:"post"`
	Author        parser.Author `json:"author"`
	// Revision is 0 for the first version of a post written, and one more
	// for each later version written because the page showed a newer edit.
	Revision int `json:"revision"`
	// Extra holds engine-specific values by name; absent when there are none.
	Extra map[string]string `json:"extra,omitempty"`
}

// Key returns the identity of the record's post: site and post id.
func (r *Record) Key() string { return r.Site + "\x00" + r.Post.ID }
