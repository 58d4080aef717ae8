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
	ThreadIDs []string // its threads in listing order: sticky first, then latest post first
}

// CrumbTruth is one step of a page's breadcrumb.
type CrumbTruth struct {
	Name string // link text
	Path string // the href as rendered (a path, possibly with a #fragment)
}

// ThreadTruth is a thread as the forum serves it.
type ThreadTruth struct {
	ID         string       // thread ID
	Title      string       // the thread's title, unescaped
	Path       string       // canonical path of page 1, e.g. "/community/threads/hello.123/"
	BoardID    string       // ID of the board that lists it
	Pages      int          // number of thread pages
	Sticky     bool         // listed as sticky
	Replies    int64        // posts minus one, as shown in the board listing
	Views      int64        // view count as shown in the board listing ("1.2K" is 1200)
	Breadcrumb []CrumbTruth // the breadcrumb of its pages, outermost first, not including the thread
}

// AuthorTruth is the author block of a post.
type AuthorTruth struct {
	Name          string       // user name, unescaped
	ID            string       // user ID, "" for guests and deleted users
	Path          string       // profile path, e.g. "/community/members/bob.12/", or ""
	Title         string       // user title, e.g. "Well-known member" ("Guest" for guests)
	Banners       []string     // banner texts in page order
	Fields        []FieldTruth // every pair in page order
	Joined        string       // join date "2013-06-23", "" when not shown
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
	Position    int               // 1-based position across the thread
	Page        int               // thread page the post is on
	PostedAt    time.Time         // post time, second precision, in the zone the page shows
	DateRaw     string            // the displayed date text, e.g. "Nov 21, 2010"
	EditedAt    *time.Time        // last edit time, nil when not edited
	Path        string            // permalink path, e.g. "/community/threads/hello.123/post-456"
	Author      AuthorTruth       // the author block
	BodyText    string            // body text by the text rules, without quotes
	Quotes      []QuoteTruth      // quotes in the body, in order
	Links       []string          // absolute hrefs of links in the body (not in quotes), each once, in order of first appearance
	Images      []string          // absolute src of images in the body, smilies excluded
	Attachments []AttachmentTruth // attached files, in order
	Signature   string            // signature text by the text rules, "" when none
}

// RootURL returns the index URL of the forum served at base
// (e.g. "http://127.0.0.1:8090"): base + Prefix + "/".
func (f *Forum) RootURL(base string) string {
	return base + f.cfg.Prefix + "/"
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
		out = append(out, ThreadTruth{
			ID:         id(t.id),
			Title:      t.title,
			Path:       f.threadPath(t, 1),
			BoardID:    id(t.board.id),
			Pages:      f.threadPages(t),
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
// order: page 1 is ".../", page N is ".../page-N".
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

// postTruth returns the truth of one post.
func (f *Forum) postTruth(p *post) PostTruth {
	pt := PostTruth{
		ID:        id(p.id),
		ThreadID:  id(p.thread.id),
		Position:  p.position,
		Page:      f.postPage(p),
		PostedAt:  p.at,
		DateRaw:   xfDate(p.at),
		Path:      f.threadPath(p.thread, 1) + "post-" + id(p.id),
		Author:    f.authorTruth(p),
		BodyText:  p.body.text,
		Quotes:    append([]QuoteTruth(nil), p.quotes...),
		Links:     distinct(p.links),
		Images:    append([]string(nil), p.images...),
		Signature: p.author.signature.text,
	}
	if p.editedAt != nil {
		e := *p.editedAt
		pt.EditedAt = &e
	}
	for _, a := range p.attach {
		pt.Attachments = append(pt.Attachments, AttachmentTruth{Name: a.name, URL: f.attachmentPath(a)})
	}
	return pt
}

// authorTruth returns the truth of a post's author block.
func (f *Forum) authorTruth(p *post) AuthorTruth {
	u := p.author
	at := AuthorTruth{Name: u.name, Title: u.title}
	if u.kind != member {
		return at
	}
	at.ID = id(u.id)
	at.Path = f.memberPath(u)
	at.Banners = f.banners(p)
	at.Joined = u.joined.Format("2006-01-02")
	at.Messages = u.messages
	at.ReactionScore = u.reactions
	if u.points != nil {
		v := *u.points
		at.Points = &v
	}
	for _, pr := range f.pairs(u) {
		at.Fields = append(at.Fields, FieldTruth{Label: pr.label, Value: pr.value})
	}
	if u.location != nil {
		at.Location = u.location.display
	}
	if u.country != nil {
		at.Country = u.country.display
	}
	return at
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
