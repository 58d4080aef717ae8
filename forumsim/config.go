// Package forumsim serves a simulated forum on a loopback address.
//
// A Forum is generated from a seeded, deterministic generator (New), renders
// its index, board and thread pages with the classes and nesting of real
// pages of the engine Config.Engine selects (XenForo 2 by default; phpBB,
// vBulletin...: see skin.go) (Handler), and knows exactly what it served: Boards,
// Threads, Posts and ThreadPagePaths give the truth a crawl's output can be
// compared with, and Requests counts every request served.
//
// The forum's data is kept behind a lock so that later work can mutate it
// between crawls (new posts, edits) and add fault modes (errors, 429s, slow
// replies) selected through Config.
package forumsim

// Config says what forum to generate. The zero value is usable: every field
// left at zero takes the default documented on it.
type Config struct {
	// Seed selects the generated forum; the same Seed and fields give the
	// same forum. Default 0.
	Seed int64
	// Boards is the number of top-level boards. Default 3.
	Boards int
	// SubBoards is the number of top-level boards that get one sub-board.
	// Default 1; a negative value means none. Capped at Boards.
	SubBoards int
	// Threads is the total number of threads, spread over all boards
	// including sub-boards (the first board gets the largest share, so that
	// its listing has several pages). Default 40.
	Threads int
	// MinPages and MaxPages bound the pages of each thread. Defaults 1 and
	// 6. A thread with P pages has between (P-1)*PostsPerPage+1 and
	// P*PostsPerPage posts.
	MinPages, MaxPages int
	// PostsPerPage is the number of posts on a thread page. Default 20.
	PostsPerPage int
	// ThreadsPerPage is the number of (non-sticky) threads on a board page.
	// Default 20. Sticky threads are listed above them on page 1 only.
	ThreadsPerPage int
	// Prefix is the path the forum lives under. Default "/community"; "/"
	// serves the forum at the root of the host.
	Prefix string
	// Users is the number of registered users who post. Default 50.
	Users int
	// Engine selects the forum engine the same generated forum is rendered
	// as: "" or "xenforo2" (the default), "phpbb" (3.3, prosilver),
	// "vbulletin" (4.2), or another name EngineNames lists. New panics on
	// an unknown name; NewChecked returns an error.
	Engine string
}

// withDefaults returns c with every zero field set to its default.
func (c Config) withDefaults() Config {
	if c.Boards <= 0 {
		c.Boards = 3
	}
	switch {
	case c.SubBoards == 0:
		c.SubBoards = 1
	case c.SubBoards < 0:
		c.SubBoards = 0
	}
	if c.SubBoards > c.Boards {
		c.SubBoards = c.Boards
	}
	if c.Threads <= 0 {
		c.Threads = 40
	}
	if c.MinPages <= 0 {
		c.MinPages = 1
	}
	if c.MaxPages <= 0 {
		c.MaxPages = 6
	}
	if c.MaxPages < c.MinPages {
		c.MaxPages = c.MinPages
	}
	if c.PostsPerPage <= 0 {
		c.PostsPerPage = 20
	}
	if c.ThreadsPerPage <= 0 {
		c.ThreadsPerPage = 20
	}
	switch c.Prefix {
	case "":
		c.Prefix = "/community"
	case "/":
		c.Prefix = ""
	default:
		for len(c.Prefix) > 0 && c.Prefix[len(c.Prefix)-1] == '/' {
			c.Prefix = c.Prefix[:len(c.Prefix)-1]
		}
		if c.Prefix != "" && c.Prefix[0] != '/' {
			c.Prefix = "/" + c.Prefix
		}
	}
	if c.Users <= 0 {
		c.Users = 50
	}
	return c
}
