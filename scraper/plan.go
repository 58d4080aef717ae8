package scraper

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/forumcrawl/forumcrawl/parser"
	"github.com/forumcrawl/forumcrawl/storage"
)

// Priorities of queued requests: lower first. Finishing threads before
// opening new ones keeps the frontier small.
const (
	priorityStart      = 0
	priorityThreadPage = 1 // a further page of a thread being read
	priorityNewThread  = 2 // a thread found on a board page
	priorityBoard      = 3 // a board or a page of one
)

// plan fills in what a page leaves in the state besides its posts: the
// links to queue, the pages to fetch again in an incremental run, and the
// thread marks the page moves.
func (cr *crawl) plan(page *parser.Page, req storage.Request, done *storage.PageDone, ov *overlay) error {
	if err := cr.threadMark(page, done, ov); err != nil {
		return err
	}
	changed, err := cr.boardMarks(page, done, ov)
	if err != nil {
		return err
	}
	// Links are kept even when the crawl is stopping: the page is marked
	// done with them, and the next run fetches them.
	if cr.cfg.Depth > 0 && req.Depth >= cr.cfg.Depth {
		return nil
	}
	boardRefs, err := cr.boardRefMarks(page, done, ov)
	if err != nil {
		return err
	}
	next := ""
	if page.Board != nil {
		next = page.Board.NextURL
	}
	paginate := cr.paginate(page)
	for _, l := range page.Links {
		lu, err := url.Parse(l.URL)
		if err != nil || !cr.inScope(lu) || !cr.wanted(l.URL) || (!paginate && isPagination(page, l)) {
			continue
		}
		r := storage.Request{URL: l.URL, Fetch: page.FetchURLs[l.URL], Kind: string(l.Kind), Depth: req.Depth + 1}
		switch {
		case l.Kind == parser.LinkBoard:
			r.Priority = priorityBoard
		case page.Kind == parser.KindThread:
			r.Priority = priorityThreadPage
		default:
			r.Priority = priorityNewThread
		}
		seen, err := cr.seen(ov, l.URL)
		if err != nil {
			return err
		}
		if seen {
			// An incremental run reads again the boards an index or board
			// lists with a newer post than last time, and a board's next
			// page while its pages show changes.
			if cr.cfg.Incremental && l.Kind == parser.LinkBoard && (boardRefs[l.URL] || (l.URL == next && changed)) {
				done.Requeue = append(done.Requeue, r)
			}
			continue
		}
		newThread := l.Kind == parser.LinkThread && page.Kind != parser.KindThread
		if !cr.admit(newThread) {
			continue
		}
		done.Links = append(done.Links, r)
	}
	return nil
}

// boardRefMarks records the latest post time the page's listing shows for
// each board it lists, and returns the boards an incremental run must read
// again: those that show a newer post than last time, and all of them on a
// page that shows no times.
func (cr *crawl) boardRefMarks(page *parser.Page, done *storage.PageDone, ov *overlay) (map[string]bool, error) {
	again := map[string]bool{}
	timed := false
	for _, b := range page.Boards {
		timed = timed || b.LastPostAt != nil
	}
	for _, b := range page.Boards {
		if b.LastPostAt == nil {
			// Without figures on the page, read it again to be sure. On a
			// page that shows them, a board without is a sub-board listed
			// inside its parent's entry: the parent's page shows its time.
			if !timed {
				again[b.URL] = true
			}
			continue
		}
		key := boardMarkKey(b.URL)
		m, found, err := cr.thread(ov, key)
		if err != nil {
			return nil, err
		}
		if found && !b.LastPostAt.After(m.LastPostAt) {
			continue
		}
		again[b.URL] = true
		m = storage.ThreadMark{URL: key, Kind: "board", Title: b.Title, LastPostAt: b.LastPostAt.UTC(), Replies: -1, UpdatedAt: done.FetchedAt}
		done.Threads = append(done.Threads, m)
		ov.threads[key] = m
	}
	return again, nil
}

// boardMarkKey is the key of a board's mark among the thread marks.
func boardMarkKey(u string) string { return "board " + u }

// admit reports whether a new link may be queued within the thread limit.
func (cr *crawl) admit(newThread bool) bool {
	if !newThread || cr.cfg.MaxThreads <= 0 {
		return true
	}
	cr.mu.Lock()
	defer cr.mu.Unlock()
	if cr.newThreads >= cr.cfg.MaxThreads {
		return false
	}
	cr.newThreads++
	return true
}

// threadMark moves the high-water mark of the thread a thread page belongs to.
func (cr *crawl) threadMark(page *parser.Page, done *storage.PageDone, ov *overlay) error {
	if page.Kind != parser.KindThread || page.Thread == nil || page.Thread.URL == "" {
		return nil
	}
	t := page.Thread
	m, found, err := cr.thread(ov, t.URL)
	if err != nil {
		return err
	}
	if !found {
		m = storage.ThreadMark{URL: t.URL, Replies: -1}
	}
	if m.LastPage == 0 {
		cr.mu.Lock()
		cr.sum.Threads++
		cr.mu.Unlock()
	}
	if t.Title != "" {
		m.Title = t.Title
	}
	if n := max(t.Page, 1); n >= m.LastPage {
		m.LastPage = n
		m.LastPageURL = page.URL
		if len(page.Posts) > 0 {
			m.LastPostID = page.Posts[len(page.Posts)-1].ID
		}
	}
	if t.LastPage > 0 {
		m.PageCount = t.LastPage
	}
	m.UpdatedAt = done.FetchedAt
	done.Threads = append(done.Threads, m)
	ov.threads[m.URL] = m
	return nil
}

// boardMarks records what a board page lists of each thread (reply count,
// last post time), so a later incremental run can tell which threads
// changed, and in an incremental run queues again the last page read of each
// changed thread. It reports whether the last thread the page lists that is
// not pinned to the top changed or is new: listings go by latest post, so
// when it did not, no later page of the listing holds a change.
func (cr *crawl) boardMarks(page *parser.Page, done *storage.PageDone, ov *overlay) (bool, error) {
	if page.Kind != parser.KindBoard || page.Board == nil {
		return false, nil
	}
	if page.Board.Page <= 1 {
		cr.mu.Lock()
		cr.sum.Boards++
		cr.mu.Unlock()
	}
	changed := false
	for _, ref := range page.Board.Threads {
		if !ref.Sticky {
			changed = false
		}
		if ref.URL == "" {
			continue
		}
		m, found, err := cr.thread(ov, ref.URL)
		if err != nil {
			return false, err
		}
		if !found {
			m = storage.ThreadMark{URL: ref.URL, Replies: -1}
		}
		moved := !found || m.Kind != ""
		if ref.Replies != nil && *ref.Replies != m.Replies {
			moved = true
			m.Replies = *ref.Replies
		}
		if ref.LastPostAt != nil && ref.LastPostAt.After(m.LastPostAt) {
			moved = true
			m.LastPostAt = *ref.LastPostAt
		}
		if ref.Replies == nil && ref.LastPostAt == nil {
			moved = true // nothing to compare: read it again to be sure
		}
		if !moved {
			continue
		}
		if !ref.Sticky {
			changed = true
		}
		if m.Title == "" {
			m.Title = ref.Title
		}
		m.Board = page.Board.URL
		if cr.cfg.Incremental && found && m.LastPage > 0 {
			last := m.LastPageURL
			if last == "" {
				last = m.URL
			}
			// By the form the board links it, where it does (a redirect saved).
			done.Requeue = append(done.Requeue, storage.Request{URL: last, Fetch: page.FetchURLs[last], Kind: string(parser.LinkThread), Depth: done.Request.Depth + 1, Priority: priorityThreadPage})
		}
		done.Threads = append(done.Threads, m)
		ov.threads[m.URL] = m
	}
	return changed, nil
}

// inScope reports whether u is on the start's host and below the forum's root.
func (cr *crawl) inScope(u *url.URL) bool {
	if !strings.EqualFold(u.Host, cr.start.Host) || (u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	cr.mu.Lock()
	root := cr.root
	cr.mu.Unlock()
	return strings.HasPrefix(u.Path, root)
}

// scopeRoot returns the path prefix the crawl stays below: the folder of the
// forum's home as the first page links it ("/forum/" for "/forum/index.php"),
// when the start lies below it; else the start's host root.
func scopeRoot(start *url.URL, page *parser.Page) string {
	if page.Root != "" {
		if ru, err := url.Parse(page.Root); err == nil && strings.EqualFold(ru.Host, start.Host) {
			dir := ru.Path[:strings.LastIndexByte(ru.Path, '/')+1]
			if dir != "" && strings.HasPrefix(start.Path, dir) {
				return dir
			}
		}
	}
	return "/"
}

// editedAt returns a post's edit time, zero when it shows none.
func editedAt(p *parser.Post) time.Time {
	if p.EditedAt == nil {
		return time.Time{}
	}
	return p.EditedAt.UTC()
}

// postKey returns the identity of a record's post in the state: site and
// post id, or, for a post without an id, its page and place on it.
func postKey(r *storage.Record, i int) string {
	if r.Post.ID != "" {
		return r.Key()
	}
	return fmt.Sprintf("%s\x00@%s#%d", r.Site, r.PageURL, i)
}
