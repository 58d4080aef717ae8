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

// Skip reasons of SkippedByReason.
const (
	SkipNotForum    = "not_forum"    // not a forum content page (or no engine claims it)
	SkipEmptyThread = "empty_thread" // a thread page on which no post was found
	SkipRepeated    = "repeated"     // a thread page that repeated another's posts
)

// SkippedByReason returns the pages skipped or not used, by reason: those
// in Skipped (robots.txt, challenges...), the repeated pages, the not-forum
// pages and the empty thread pages. Reasons with no page are left out.
func (s *Summary) SkippedByReason() map[string]int {
	out := map[string]int{}
	for _, k := range s.Skipped {
		out[k.Reason]++
	}
	out[SkipRepeated] += s.Repeated
	out[SkipNotForum] += s.NotForum
	out[SkipEmptyThread] += s.EmptyThreads
	for k, n := range out {
		if n == 0 {
			delete(out, k)
		}
	}
	return out
}

// FailedByKind returns the failed pages counted by their Kind ("other" when
// a failure has none).
func (s *Summary) FailedByKind() map[string]int {
	out := map[string]int{}
	for _, f := range s.Failed {
		k := f.Kind
		if k == "" {
			k = "other"
		}
		out[k]++
	}
	return out
}

// Advice returns what to do about the failed page, in a few words for a log or summary.
func (f Failure) Advice() string {
	switch {
	case f.Status == 429 || f.Status == 503:
		return "the server asks us to slow down: re-run later with a larger --delay (and --parallel 1)"
	case f.Status == 401 || f.Status == 403:
		return "the page needs a login or blocks crawlers: check it in a browser; it may need cookies"
	case f.Status == 404 || f.Status == 410:
		return "the page is gone: nothing to do unless the link should work"
	case f.Status >= 500:
		return "the server failed: re-run later; the other pages are kept"
	case f.Kind == "timeout":
		return "no answer in time: raise --timeout or --delay, or re-run later"
	case f.Kind == "too_large":
		return "the page is larger than the body limit: it was not kept"
	case f.Kind == "network":
		return "could not connect: check the host name, the network and any proxy, then re-run"
	}
	return "re-run later; if it keeps failing, open the URL in a browser"
}
