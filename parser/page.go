// Package parser turns a forum page (its URL and HTML bytes) into a typed Page:
// the posts of a thread page with their authors, the threads of a board page,
// the boards of an index page, and the links a crawler should follow.
//
// It knows no network, files or crawler: Parse can be called from a test, a
// crawl, the parse command or an archive reader alike.
package parser

import "time"

// Kind says what a page is.
type Kind string

// The page kinds Parse can report.
const (
	KindUnknown Kind = "unknown" // not recognised as a forum page
	KindIndex   Kind = "index"   // the forum's list of boards
	KindBoard   Kind = "board"   // a board's list of threads (may also list sub-boards)
	KindThread  Kind = "thread"  // one page of a thread's posts
	KindOther   Kind = "other"   // a page of a known engine that holds no content (login, member page...)
)

// Page is everything Parse found on one page.
type Page struct {
	URL      string     `json:"url"`
	Kind     Kind       `json:"kind"`
	Engine   string     `json:"engine"`   // engine name, "" when none claimed the page
	Evidence []string   `json:"evidence"` // why the engine was chosen
	Root     string     `json:"root"`     // the forum's home URL as the page links it ("" when not shown)
	Thread   *Thread    `json:"thread,omitempty"`
	Posts    []Post     `json:"posts,omitempty"`
	Board    *Board     `json:"board,omitempty"`
	Boards   []BoardRef `json:"boards,omitempty"` // boards listed on an index page, or sub-boards of a board
	Links    []Link     `json:"links,omitempty"`  // pages a crawler should follow from here
	// FetchURLs maps a canonical URL of Links (and of the page's other
	// URLs) to the form the page links it by, where the two differ
	// (vBulletin's friendly URLs, "showthread.php?12-title/page2", beside the
	// canonical "showthread.php?page=2&t=12"). A crawler fetches that form:
	// a forum may answer the canonical one with a redirect to it.
	FetchURLs map[string]string `json:"fetch_urls,omitempty"`
	// Alternate is the URL of the same content in a form the crawl reads
	// instead (a Discourse topic's JSON, with the real post ids). A crawl
	// writes no posts of a page that has one, as the alternate's posts are
	// the same posts; saved pages parsed on their own still give theirs.
	Alternate string `json:"alternate,omitempty"`
	// Confidence is, for a page read by the generic extractor (Engine
	// "generic"), how surely its records are what Kind says, from 0 to 1:
	// the share of records with an author's link and with a text of their
	// own, lowered for a single record or bodies of a few letters. Pages
	// below GenericThreshold are not taken for threads. Engine pages leave it 0.
	Confidence float64  `json:"confidence,omitempty"`
	Warnings   []string `json:"warnings,omitempty"`
}

// Crumb is one step of a page's breadcrumb.
type Crumb struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

// Thread describes the thread a thread page belongs to.
type Thread struct {
	ID         string  `json:"id"`
	Title      string  `json:"title"`
	URL        string  `json:"url"` // the thread's first page, canonical
	Breadcrumb []Crumb `json:"breadcrumb"`
	Page       int     `json:"page"`      // this page's number, from 1
	LastPage   int     `json:"last_page"` // the thread's last page number as shown
}

// Board describes a board page (a list of threads).
type Board struct {
	ID         string      `json:"id"`
	Title      string      `json:"title"`
	URL        string      `json:"url"`
	Breadcrumb []Crumb     `json:"breadcrumb"`
	Page       int         `json:"page"`
	LastPage   int         `json:"last_page"`
	Threads    []ThreadRef `json:"threads"`
	NextURL    string      `json:"next_url,omitempty"`
}

// BoardRef is a board as listed on an index or parent board.
type BoardRef struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	URL   string `json:"url"`
	// LastPostAt is the time of the board's latest post as the listing
	// shows it (its sub-boards' included), when it does.
	LastPostAt *time.Time `json:"last_post_at,omitempty"`
}

// ThreadRef is a thread as listed on a board page.
type ThreadRef struct {
	ID         string     `json:"id"`
	Title      string     `json:"title"`
	URL        string     `json:"url"`
	Author     string     `json:"author"`
	Replies    *int64     `json:"replies"`
	Views      *int64     `json:"views"`
	LastPostAt *time.Time `json:"last_post_at"`
	Sticky     bool       `json:"sticky"`
	LastPage   int        `json:"last_page,omitempty"` // highest page linked from the listing, if shown
}

// LinkKind says what a followed link leads to.
type LinkKind string

// The kinds of links a crawler follows.
const (
	LinkBoard  LinkKind = "board"  // a board (or a page of it)
	LinkThread LinkKind = "thread" // a thread (or a page of it)
)

// Link is a page worth following, already resolved to an absolute URL.
type Link struct {
	URL  string   `json:"url"`
	Kind LinkKind `json:"kind"`
}

// Post is one post of a thread page.
type Post struct {
	ID          string       `json:"id"`
	URL         string       `json:"url"`
	Position    int          `json:"position"` // #N in the thread, 0 where the page shows none
	Page        int          `json:"page"`
	PostedAt    *time.Time   `json:"posted_at"`
	DateRaw     string       `json:"date_raw"`
	EditedAt    *time.Time   `json:"edited_at"`
	BodyText    string       `json:"body_text"`
	BodyHTML    string       `json:"body_html"`
	Quotes      []Quote      `json:"quotes"`
	Links       []string     `json:"links"`
	Images      []string     `json:"images"`
	Attachments []Attachment `json:"attachments"`
	Signature   string       `json:"signature"`
	Reactions   []Reaction   `json:"reactions"`
	Author      Author       `json:"-"` // written beside the post in a record, not inside it
	// Extra holds engine-specific values (a vBulletin rank, an Invision
	// group...) by name; it is written as the record's "extra" object.
	Extra map[string]string `json:"-"`
}

// Quote is a quotation of another post inside a post's body.
type Quote struct {
	Author string `json:"author"`
	PostID string `json:"post_id"`
	Text   string `json:"text"`
	Offset int    `json:"offset"` // where the quote stood in the quoting post's body_text, in Unicode code points
}

// Attachment is a file attached to a post.
type Attachment struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

// Reaction is one kind of reaction shown under a post, with its count where shown.
type Reaction struct {
	Name  string `json:"name"`
	Count *int64 `json:"count"`
}

// Field is one profile pair shown beside a post, as on the page.
type Field struct {
	Label string `json:"label"`
	Value string `json:"value"`
}

// Author is the poster of a post with the profile shown beside it.
// Guests and deleted users have a Name and no ID.
type Author struct {
	Name          string   `json:"name"`
	ID            string   `json:"id"`
	URL           string   `json:"url"`
	AvatarURL     string   `json:"avatar_url"`
	Title         string   `json:"title"`
	Banners       []string `json:"banners"`
	Fields        []Field  `json:"fields"`
	Joined        *Date    `json:"joined"`
	Messages      *int64   `json:"messages"`
	ReactionScore *int64   `json:"reaction_score"`
	Points        *int64   `json:"points"`
	Location      string   `json:"location"`
	Country       string   `json:"country"`
}

// Date is a calendar date without a time of day, written in JSON as "2006-01-02".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// String returns the date as "2006-01-02".
func (d Date) String() string {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
}

// MarshalText returns the date as "2006-01-02".
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads a date written as "2006-01-02".
func (d *Date) UnmarshalText(b []byte) error {
	t, err := time.Parse(time.DateOnly, string(b))
	if err != nil {
		return err
	}
	*d = DateOf(t)
	return nil
}

// DateOf returns the calendar date of t in t's location.
func DateOf(t time.Time) Date { return Date{t.Year(), t.Month(), t.Day()} }
