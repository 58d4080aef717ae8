package forumsim

import (
	"sync"
	"time"
)

// Forum is a generated forum: its boards, threads, posts and users, the
// pages it renders from them, and a count of the requests it served.
type Forum struct {
	cfg  Config
	skin skin // the engine the forum is rendered as

	mu         sync.RWMutex // guards the data below, for later mutation
	categories []*category
	boards     []*board // every board in index order (parents before children)
	threads    []*thread
	users      []*user
	boardByID  map[int64]*board
	threadByID map[int64]*thread
	postByID   map[int64]*post

	reqMu    sync.Mutex
	requests map[string]int
	total    int
	times    []time.Time // when each request came (see RequestTimes)
	faults   Faults      // see SetFaults
}

// category is a node that groups boards on the index page.
type category struct {
	id     int64
	title  string
	slug   string
	boards []*board // top-level boards in it
}

// board is a forum node that lists threads.
type board struct {
	id       int64
	title    string
	desc     string
	slug     string
	cat      *category
	parent   *board
	children []*board
	threads  []*thread // listing order: sticky first, then latest post first
}

// thread is a discussion in a board.
type thread struct {
	id          int64
	title       string
	slug        string
	board       *board
	sticky      bool
	views       int64
	posts       []*post
	zone        *time.Location // time zone the thread's pages render in
	tooltipSkin bool           // user pairs labelled by tooltip icons (macrumors style)
	opBanner    bool           // the starter's posts carry an "Original poster" banner
	page1Link   bool           // page navigation links page 1 as ".../page-1"
}

// post is one message of a thread.
type post struct {
	id        int64
	thread    *thread
	position  int // 1-based within the thread
	author    *user
	at        time.Time
	editedAt  *time.Time
	pieces    []piece  // the body, engine-neutral
	body      rendered // the body as the skin renders it
	quotes    []QuoteTruth
	links     []string
	images    []string
	attach    []attachment
	reactions []string // reaction names shown in the summary
	likers    []string // names shown in the reactions bar link
	others    int      // "and N others"
}

// attachment is a file attached to a post.
type attachment struct {
	id   int64
	name string
	size string // as displayed, e.g. "63.4 KB"
}

// userKind says whether a post's author is a member, a guest or deleted.
type userKind int

const (
	member userKind = iota
	guest
	deleted
)

// user is a post author.
type user struct {
	kind      userKind
	id        int64
	name      string
	slug      string
	title     string
	banners   []string
	avatar    bool // has an uploaded avatar (else a letter avatar)
	avatarTS  int64
	joined    time.Time
	messages  int64
	reactions int64
	points    *int64
	location  *flagValue // text when flag is ""
	country   *flagValue
	custom    []FieldTruth // custom fields shown as div.pairs with a title
	sig       []piece      // the signature, engine-neutral (nil for none)
	signature rendered     // the signature as the skin renders it
}

// flagValue is a value shown as a flag image (or as text when flag is "").
type flagValue struct {
	flag    string // ISO code, lower case, for the image name; "" for text
	alt     string
	title   string // "" when the image has no title attribute
	text    string // for text values
	display string // the value a reader wants: title, else alt, else text
}

// rendered is a piece of bbCode output: its HTML and its text by the text rules.
type rendered struct {
	html string
	text string
}
