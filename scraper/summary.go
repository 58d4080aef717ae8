package scraper

import "time"

// Summary is what a crawl did.
type Summary struct {
	Pages        int           `json:"pages"`         // pages fetched and parsed
	Failed       []Failure     `json:"failed"`        // pages that could not be fetched
	NotForum     int           `json:"not_forum"`     // pages that were not forum content pages
	EmptyThreads int           `json:"empty_threads"` // thread pages that yielded no posts
	Posts        int           `json:"posts"`         // posts written
	Duplicates   int           `json:"duplicates"`    // posts seen again and not written
	Threads      int           `json:"threads"`
	Boards       int           `json:"boards"`
	Authors      int           `json:"authors"` // distinct authors of the posts
	Bytes        int64         `json:"bytes"`
	Duration     time.Duration `json:"duration_ns"`
}

// Failure is a page that could not be fetched.
type Failure struct {
	URL    string `json:"url"`
	Status int    `json:"status"` // HTTP status, 0 when none came
	Err    string `json:"error"`
}
