package forumsim

// Skins: one forum, many engines.
//
// A Forum's content (boards, threads, posts, users, body pieces) is
// generated without regard to any engine; a skin owns everything an engine
// does differently: its URL layout, the routing of incoming paths to
// content, the markup of its index, board and thread pages and of post
// bodies (piece by piece), and what its pages show of a post's author and
// date, which is what the truth (PostTruth.DateRaw, PostedAt, Author) says.
//
// Adding an engine takes one file, forumsim/skin_<engine>.go (split into
// skin_<engine>_*.go past ~400 lines), and no change to shared files:
//
//  1. Declare a type, e.g. `type smf struct{}`, and implement every method
//     of the skin interface below on it. Paths include Config.Prefix
//     (f.cfg.Prefix); serve receives the path with the prefix removed.
//  2. Register it from the file's init: `func init() { registerSkin("smf",
//     func() skin { return smf{} }) }`. The name is what Config.Engine
//     selects and what EngineNames lists.
//  3. Reuse the shared helpers: writeHTML, redirect, origin, esc, number,
//     serveGIF, serveCSS, bbWriter (render text and its truth in step:
//     raw, text, inline, br, brTag, block), writeLines, f.threadPages,
//     f.boardPages, f.postPage (paging), f.threadPosts and f.boardListing
//     (a page's posts or threads), listing (sort orders), f.allThreads,
//     f.boardCrumbs/f.threadCrumbs, romanize, siteName, and the Forum's
//     path methods (f.threadPath...), which ask the skin. skin_phpbb*.go
//     and skin_vbulletin*.go are worked examples.
//  4. Add the engine to the engines table in skin_test.go: the shared
//     per-skin tests then check that every truth post is on its page,
//     page counts, escaping and 404s.
//
// Rules a skin must keep: render the truth exactly (a post's author block
// shows the pairs author() returns; the body shows writePiece's text), keep
// non-content links (log in, reply, member list, sort variants, "newest
// post" jumps, print views) routable but distinct from content pages, answer
// unknown paths with 404, and say in its file what it does not imitate.

import (
	"fmt"
	"net/http"
	"slices"
	"sort"
	"time"
)

// skin is an engine's rendering of a Forum. Its methods are called with the
// forum's read lock held.
type skin interface {
	// indexPath returns the path of the board index.
	indexPath(f *Forum) string
	// categoryPath returns the path the breadcrumb links a category with.
	categoryPath(f *Forum, c *category) string
	// indexCrumb returns the breadcrumb name of the index ("Forums", "Board index").
	indexCrumb() string
	// boardPath returns the canonical path of page n of a board's listing.
	boardPath(f *Forum, b *board, n int) string
	// threadPath returns the canonical path of page n of a thread.
	threadPath(f *Forum, t *thread, n int) string
	// postPath returns a post's permalink as the page shows it (a path,
	// possibly with a query and a #fragment).
	postPath(f *Forum, p *post) string
	// memberPath returns a member's profile path.
	memberPath(f *Forum, u *user) string
	// attachmentPath returns the path an attachment's link points at.
	attachmentPath(f *Forum, a attachment) string

	// serve answers a GET or HEAD request for path (Config.Prefix removed,
	// starting with "/"): a page, a redirect, or an error page.
	serve(f *Forum, w http.ResponseWriter, r *http.Request, path string)
	// notFound answers a request for an unknown path with a 404 page.
	notFound(f *Forum, w http.ResponseWriter, r *http.Request)
	// forbidden answers a request a guest may not make (POST, reply forms).
	forbidden(f *Forum, w http.ResponseWriter, r *http.Request)

	// writePiece writes one body or signature piece as the engine's markup,
	// with its text by the text rules.
	writePiece(f *Forum, w *bbWriter, pc *piece)

	// postTime returns how a page shows time t of a post or an edit in its
	// thread: the time a reader can know from it (PostedAt: with seconds
	// when the page gives a machine-readable time, else the displayed
	// minute in the page's zone), the displayed text (DateRaw), and whether
	// the page gives the zone (else only the wall clock is knowable).
	postTime(t time.Time) (shown time.Time, raw string, zoned bool)
	// author returns what a post's author block shows.
	author(f *Forum, p *post) AuthorTruth
}

// skins holds the registered skins by engine name.
var skins = map[string]func() skin{}

// registerSkin makes a skin selectable as Config.Engine name; it is called
// from the init function of the skin's file.
func registerSkin(name string, mk func() skin) {
	if _, dup := skins[name]; dup {
		panic("forumsim: skin " + name + " registered twice")
	}
	skins[name] = mk
}

// EngineNames returns the names Config.Engine accepts, sorted ("" is also
// accepted and means "xenforo2").
func EngineNames() []string {
	var out []string
	for n := range skins {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// skinFor returns the skin an engine name selects.
func skinFor(engine string) (skin, error) {
	if engine == "" {
		engine = "xenforo2"
	}
	mk, ok := skins[engine]
	if !ok {
		return nil, fmt.Errorf("forumsim: unknown engine %q (known: %v)", engine, EngineNames())
	}
	return mk(), nil
}

// boardCrumbs returns the breadcrumb of a board's pages, not including the
// board: the index, the category, then the parent boards.
func (f *Forum) boardCrumbs(b *board) []CrumbTruth {
	top := b
	for top.parent != nil {
		top = top.parent
	}
	out := []CrumbTruth{
		{Name: f.skin.indexCrumb(), Path: f.indexPath()},
		{Name: top.cat.title, Path: f.skin.categoryPath(f, top.cat)},
	}
	var chain []*board
	for p := b.parent; p != nil; p = p.parent {
		chain = append([]*board{p}, chain...)
	}
	for _, p := range chain {
		out = append(out, CrumbTruth{Name: p.title, Path: f.boardPath(p, 1)})
	}
	return out
}

// threadCrumbs returns the breadcrumb of a thread's pages.
func (f *Forum) threadCrumbs(t *thread) []CrumbTruth {
	return append(f.boardCrumbs(t.board), CrumbTruth{Name: t.board.title, Path: f.boardPath(t.board, 1)})
}

// threadPosts returns the posts on page n of a thread.
func (f *Forum) threadPosts(t *thread, n int) []*post {
	pp := f.cfg.PostsPerPage
	return t.posts[(n-1)*pp : min(n*pp, len(t.posts))]
}

// boardListing returns the threads on page n of a board's default listing:
// its sticky threads (page 1 only) and its other threads.
func (f *Forum) boardListing(b *board, n int) (sticky, normal []*thread) {
	var rest []*thread
	for _, t := range b.threads {
		if t.sticky {
			sticky = append(sticky, t)
		} else {
			rest = append(rest, t)
		}
	}
	per := f.cfg.ThreadsPerPage
	lo, hi := min((n-1)*per, len(rest)), min(n*per, len(rest))
	if n > 1 {
		sticky = nil
	}
	return sticky, slices.Clip(rest[lo:hi])
}
