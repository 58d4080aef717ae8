package forumsim

import (
	"strconv"
	"time"
)

// BoardTruth is a board as the forum serves it.
type BoardTruth struct {
	ID        string   // node ID, e.g. "7"
	Title     string   // the board's title, unescaped
	Path      string   // canonical path of its listing's page 1, e.g. "/community/forums/news.7/"
	ParentID  string   // ID of the parent board, "" for a top-level board
	Pages     int      // number of listing pages in the default order
	PagePaths []string // canonical path of each listing page, page 1 first
	ThreadIDs []string // its threads in listing order: sticky first, then latest post first
}

// CrumbTruth is one step of a page's breadcrumb.
type CrumbTruth struct {
	Name string // link text
	Path string // the href as rendered, resolved to a path (possibly with a #fragment), without session ids (phpBB sid=, vBulletin s=)
}

// ThreadTruth is a thread as the forum serves it.
type ThreadTruth struct {
	ID         string       // thread ID
	Title      string       // the thread's title, unescaped
	Path       string       // canonical path of page 1, e.g. "/community/threads/hello.123/"
	BoardID    string       // ID of the board that lists it
	Pages      int          // number of thread pages
	PagePaths  []string     // canonical path of each page, page 1 first
	Sticky     bool         // listed as sticky
	Replies    int64        // posts minus one, as shown in the board listing
	Views      int64        // view count as shown in the board listing ("1.2K" is 1200)
	Breadcrumb []CrumbTruth // the breadcrumb of its pages, outermost first, not including the thread
}

// AuthorTruth is the author block of a post.
type AuthorTruth struct {
	Name string // user name, unescaped
	ID   string // user ID, "" for guests and deleted users
	// The fields below hold what the engine's author block shows; what it
	// does not show is zero.
	Path          string       // profile path, e.g. "/community/members/bob.12/", or ""
	Title         string       // user title, e.g. "Well-known member" ("Guest" for guests)
	Banners       []string     // banner texts in page order
	Fields        []FieldTruth // every pair in page order
	Joined        string       // join date "2013-06-23" (the 1st of the month when only a month is shown), "" when not shown
	Messages      int64        // message count, 0 when not shown
	ReactionScore int64        // reaction score, 0 when not shown
	Points        *int64       // trophy points, nil when not shown
	Location      string       // location (flag title, else alt, else text), "" when not shown
	Country       string       // country (flag title, else alt), "" when not shown
}

// FieldTruth is one label/value pair of an author block. Labels given only as
// a tooltip use the tooltip's title; values given as an image use its title,
// else its alt.
type FieldTruth struct {
	Label string
	Value string
}

// QuoteTruth is a quote of another post inside a post's body.
type QuoteTruth struct {
	Author string // quoted author's name, "" for a quote without source
	PostID string // quoted post's ID, "" for a quote without source
	Text   string // the quoted text only, by the text rules
}

// AttachmentTruth is a file attached to a post.
type AttachmentTruth struct {
	Name string // file name as shown
	URL  string // path of the attachment link, e.g. "/community/attachments/a-jpg.12/"; resolve against the server URL
}

// PostTruth is a post as the forum serves it.
type PostTruth struct {
	ID          string            // post ID, numeric
	ThreadID    string            // thread ID
	Position    int               // 1-based position across the thread; 0 when the engine's pages show no post numbers (see unnumbered)
	Page        int               // thread page the post is on
	PostedAt    time.Time         // post time as the page gives it, in the zone the page shows: with seconds from a machine-readable time, else the displayed minute (see Zoned)
	DateRaw     string            // the displayed date text, e.g. "Nov 21, 2010" (XenForo 2), "12-31-2019, 02:22 PM" (vBulletin 4)
	Zoned       bool              // whether the page gives the time with its zone; when false a crawler can know only PostedAt's wall clock
	EditedAt    *time.Time        // last edit time, as precise as PostedAt, or as the page shows it (see editTimer); nil when not edited
	Path        string            // permalink as the page shows it, e.g. "/community/threads/hello.123/post-456", "/community/viewtopic.php?p=456#p456"
	Author      AuthorTruth       // the author block
	BodyText    string            // body text by the text rules, without quotes
	Quotes      []QuoteTruth      // quotes in the body, in order
	Links       []string          // absolute hrefs of links in the body (not in quotes), each once, in order of first appearance
	Images      []string          // absolute src of images in the body, smilies excluded
	Attachments []AttachmentTruth // attached files, in order
	Signature   string            // signature text by the text rules, "" when none
}

// RootURL returns the index URL of the forum served at base
// (e.g. "http://127.0.0.1:8090"): base + Prefix + "/" for XenForo 2, and the
// engine's index (e.g. base + Prefix + "/index.php" for phpBB) for others.
func (f *Forum) RootURL(base string) string {
	return base + f.indexPath()
}

// Engine returns the name of the engine the forum is rendered as.
func (f *Forum) Engine() string {
	if f.cfg.Engine == "" {
		return "xenforo2"
	}
	return f.cfg.Engine
}

// Boards returns every board in index order (each parent before its sub-board).
func (f *Forum) Boards() []BoardTruth {
	f.mu.RLock()
	defer f.mu.RUnlock()
	out := make([]BoardTruth, 0, len(f.boards))
	for _, b := range f.boards {
		bt := BoardTruth{
			ID:    id(b.id),
			Title: b.title,
			Path:  f.boardPath(b, 1),
			Pages: f.boardPages(b),
		}
		for n := 1; n <= bt.Pages; n++ {
			bt.PagePaths = append(bt.PagePaths, f.boardPath(b, n))
		}
		if b.parent != nil {
			bt.ParentID = id(b.parent.id)
		}
		for _, t := range b.threads {
			bt.ThreadIDs = append(bt.ThreadIDs, id(t.id))
		}
		out = append(out, bt)
	}
	return out
}

// Threads returns every thread in thread ID order.
func (f *Forum) Threads() []ThreadTruth {
	f.mu.RLock()
	defer f.mu.RUnlock()
	out := make([]ThreadTruth, 0, len(f.threads))
	for _, t := range f.threads {
		var paths []string
		for n := 1; n <= f.threadPages(t); n++ {
			paths = append(paths, f.threadPath(t, n))
		}
		out = append(out, ThreadTruth{
			ID:         id(t.id),
			Title:      t.title,
			Path:       f.threadPath(t, 1),
			BoardID:    id(t.board.id),
			Pages:      f.threadPages(t),
			PagePaths:  paths,
			Sticky:     t.sticky,
			Replies:    int64(len(t.posts) - 1),
			Views:      t.views,
			Breadcrumb: f.threadCrumbs(t),
		})
	}
	return out
}

// Posts returns every post, in thread order (as Threads) then position order.
func (f *Forum) Posts() []PostTruth {
	f.mu.RLock()
	defer f.mu.RUnlock()
	var out []PostTruth
	for _, t := range f.threads {
		for _, p := range t.posts {
			out = append(out, f.postTruth(p))
		}
	}
	return out
}

// ThreadPagePaths returns the canonical path of every thread page, in thread
// order (for XenForo 2, page 1 is ".../", page N is ".../page-N").
func (f *Forum) ThreadPagePaths() []string {
	f.mu.RLock()
	defer f.mu.RUnlock()
	var out []string
	for _, t := range f.threads {
		for n := 1; n <= f.threadPages(t); n++ {
			out = append(out, f.threadPath(t, n))
		}
	}
	return out
}

// Skins whose pages show less of a post than its truth holds say so by
// implementing these; the truth then holds what the page shows.
type (
	// unnumbered is a skin whose pages number no posts (phpBB's prosilver):
	// the truth's Position is 0, as a reader finds none.
	unnumbered interface{ unnumbered() }
	// editTimer is a skin that shows edit times otherwise than post times
	// (phpBB: posts have a <time datetime>, edit notes only a displayed
	// minute): editTime returns what a reader can know of edit time t.
	editTimer interface{ editTime(t time.Time) time.Time }
)

// postTruth returns the truth of one post.
func (f *Forum) postTruth(p *post) PostTruth {
	at, raw, zoned := f.skin.postTime(p.at)
	pt := PostTruth{
		ID:        id(p.id),
		ThreadID:  id(p.thread.id),
		Position:  p.position,
		Page:      f.postPage(p),
		PostedAt:  at,
		DateRaw:   raw,
		Zoned:     zoned,
		Path:      f.postPath(p),
		Author:    f.skin.author(f, p),
		BodyText:  p.body.text,
		Quotes:    append([]QuoteTruth(nil), p.quotes...),
		Links:     distinct(p.links),
		Images:    append([]string(nil), p.images...),
		Signature: p.author.signature.text,
	}
	if _, ok := f.skin.(unnumbered); ok {
		pt.Position = 0
	}
	if p.editedAt != nil {
		e, _, _ := f.skin.postTime(*p.editedAt)
		if et, ok := f.skin.(editTimer); ok {
			e = et.editTime(*p.editedAt)
		}
		pt.EditedAt = &e
	}
	for _, a := range p.attach {
		pt.Attachments = append(pt.Attachments, AttachmentTruth{Name: a.name, URL: f.attachmentPath(a)})
	}
	if a, ok := f.skin.(truthAdjuster); ok {
		a.adjustTruth(f, p, &pt)
	}
	return pt
}

// truthAdjuster is implemented by a skin whose pages show a post otherwise
// than the fields above say in ways postTime and author cannot: an engine's
// own numbering of posts or quotes, a quote's author by another name, an
// edit time shown less precisely. adjustTruth rewrites pt (the truth of p)
// to what the skin's pages show.
type truthAdjuster interface {
	adjustTruth(f *Forum, p *post, pt *PostTruth)
}

// id formats a numeric ID.
func id(n int64) string { return strconv.FormatInt(n, 10) }

// distinct returns s without repeats, in order of first appearance.
func distinct(s []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range s {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}
