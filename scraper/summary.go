package scraper

import "time"

// Summary is what a crawl did.
type Summary struct {
	Pages        int           `json:"pages"`         // pages fetched and parsed
	Failed       []Failure     `json:"failed"`        // pages that could not be fetched
	Skipped      []Skip        `json:"skipped"`       // pages not fetched on purpose (robots.txt, challenges, private addresses)
	Repeated     int           `json:"repeated"`      // thread pages that repeated another page's posts (pagination loops)
	NotForum     int           `json:"not_forum"`     // pages that were not forum content pages
	EmptyThreads int           `json:"empty_threads"` // thread pages that yielded no posts
	Posts        int           `json:"posts"`         // posts written
	Duplicates   int           `json:"duplicates"`    // posts seen again and not written
	Threads      int           `json:"threads"`       // threads whose first read page was fetched this run
	Boards       int           `json:"boards"`        // boards whose first listing page was fetched this run
	Authors      int           `json:"authors"`       // distinct authors of the posts
	Bytes        int64         `json:"bytes"`
	Duration     time.Duration `json:"duration_ns"`
	Resumed      bool          `json:"resumed"` // the run went on with a crawl an earlier run began
	Pending      int           `json:"pending"` // pages left queued in the state (a stopped or limited run)
}

// Failure is a page that could not be fetched.
type Failure struct {
	URL    string `json:"url"`
	Status int    `json:"status"` // HTTP status, 0 when none came
	Kind   string `json:"kind"`   // "http", "timeout", "network", "too_large", "redirect"
	Err    string `json:"error"`
}
