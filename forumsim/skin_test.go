package forumsim

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// engineCase says where an engine's pages put what the shared tests look for.
type engineCase struct {
	engine   string
	postID   *regexp.Regexp            // finds the post IDs of a thread page, in order
	post     func(n *html.Node) string // the post ID of a post container, "" for other nodes
	body     string                    // class of a post's body element
	quote    func(n *html.Node) bool   // a quote, whose text is not the body's
	emoji    func(n *html.Node) bool   // an image whose alt is text
	notFound []string                  // paths (after the prefix) that must be 404
	notText  func(n *html.Node) bool   // other elements inside the body element that are not body text (edit notes, attachment links), or nil
	skip     func(n *html.Node) bool   // other elements whose text the engine's parser leaves out (nil: none)
	// shows reports whether a served page shows text (a thread's or a
	// board's title) as it must; nil means HTML-escaped in the page. An API
	// engine says how its responses hold it.
	shows func(f *Forum, body, text string) bool
}

// engines lists every skin the shared tests run on; add a skin's row here.
var engines = []engineCase{
	{
		engine: "xenforo2",
		postID: regexp.MustCompile(`data-content="post-(\d+)"`),
		post: func(n *html.Node) string {
			if n.Data == "article" && hasClass(n, "message--post") {
				return strings.TrimPrefix(attrOf(n, "data-content"), "post-")
			}
			return ""
		},
		body:     "bbWrapper",
		quote:    func(n *html.Node) bool { return n.Data == "blockquote" },
		emoji:    func(n *html.Node) bool { return hasClass(n, "smilie--emoji") },
		notFound: []string{"/nope", "/threads/999999999/", "/forums/x.999999/", "/posts/1/"},
	},
	{
		engine: "phpbb",
		postID: regexp.MustCompile(`<div id="p(\d+)" class="post `),
		post: func(n *html.Node) string {
			if n.Data == "div" && hasClass(n, "post") && strings.HasPrefix(attrOf(n, "id"), "p") {
				return attrOf(n, "id")[1:]
			}
			return ""
		},
		body:     "content",
		quote:    func(n *html.Node) bool { return n.Data == "blockquote" },
		emoji:    func(n *html.Node) bool { return hasClass(n, "emoji") },
		notFound: []string{"/nope.php", "/viewtopic.php?t=999999999", "/viewforum.php?f=999999", "/viewtopic.php?p=1", "/memberlist.php?mode=viewprofile&u=1"},
	},
	{
		engine: "vbulletin",
		postID: regexp.MustCompile(`<li class="postbitlegacy postbitim postcontainer old" id="post_(\d+)">`),
		post: func(n *html.Node) string {
			if n.Data == "li" && hasClass(n, "postcontainer") {
				return strings.TrimPrefix(attrOf(n, "id"), "post_")
			}
			return ""
		},
		body:     "postcontent",
		quote:    func(n *html.Node) bool { return hasClass(n, "bbcode_container") },
		emoji:    func(*html.Node) bool { return false },
		notFound: []string{"/nope.php", "/showthread.php?999999999-x", "/forumdisplay.php?999999-x", "/member.php?1-nobody", "/printthread.php?t=1"},
	},
	{
		engine: "smf",
		postID: regexp.MustCompile(`<div class="windowbg" id="msg(\d+)">`),
		post: func(n *html.Node) string {
			if n.Data == "div" && hasClass(n, "windowbg") && strings.HasPrefix(attrOf(n, "id"), "msg") {
				return strings.TrimPrefix(attrOf(n, "id"), "msg")
			}
			return ""
		},
		body:     "inner",
		quote:    func(n *html.Node) bool { return n.Data == "blockquote" },
		emoji:    func(*html.Node) bool { return false },
		notFound: []string{"/nope.php", "/index.php?topic=999999999.0", "/index.php?board=999999.0", "/index.php?msg=1", "/index.php?action=profile;u=999999"},
	},
	{
		engine: "xenforo1",
		postID: regexp.MustCompile(`<li id="post-(\d+)" class="message `),
		post: func(n *html.Node) string {
			if n.Data == "li" && hasClass(n, "message") && strings.HasPrefix(attrOf(n, "id"), "post-") {
				return attrOf(n, "id")[len("post-"):]
			}
			return ""
		},
		body:     "messageText",
		quote:    func(n *html.Node) bool { return hasClass(n, "bbCodeQuote") },
		emoji:    func(*html.Node) bool { return false },
		notFound: []string{"/nope", "/threads/999999999/", "/forums/x.999999/", "/posts/1/", "/members/x.1/"},
	},
	{
		engine: "invision",
		postID: regexp.MustCompile(`<article  id='elComment_(\d+)'`),
		post: func(n *html.Node) string {
			if n.Data == "article" && strings.HasPrefix(attrOf(n, "id"), "elComment_") {
				return attrOf(n, "id")[len("elComment_"):]
			}
			return ""
		},
		body:     "ipsType_richText",
		quote:    func(n *html.Node) bool { return hasClass(n, "ipsQuote") },
		emoji:    func(*html.Node) bool { return false },
		notFound: []string{"/nope", "/topic/999999999-x/", "/forum/999999-x/", "/profile/1-nobody/", "/topic/x/"},
		notText: func(n *html.Node) bool {
			for _, a := range n.Attr {
				if a.Key == "data-excludequote" {
					return true
				}
			}
			return hasClass(n, "ipsAttachLink")
		},
	},
	{
		engine: "vanilla",
		// The opening post is known by its discussion's id.
		postID: regexp.MustCompile(`(?:<div id="Discussion_|<li class="Item ItemComment[^"]*" id="Comment_)(\d+)"`),
		post: func(n *html.Node) string {
			switch {
			case n.Data == "li" && hasClass(n, "ItemComment"):
				return strings.TrimPrefix(attrOf(n, "id"), "Comment_")
			case n.Data == "div" && hasClass(n, "ItemDiscussion"):
				return strings.TrimPrefix(attrOf(n, "id"), "Discussion_")
			}
			return ""
		},
		body:     "Message",
		quote:    func(n *html.Node) bool { return n.Data == "blockquote" },
		emoji:    func(*html.Node) bool { return false },
		skip:     func(n *html.Node) bool { return hasClass(n, "SpoilerTitle") },
		notFound: []string{"/nope", "/discussion/999999999/x", "/categories/nosuch", "/discussion/comment/1", "/profile/nobody-here"},
	},
	{
		// Discourse serves JSON: the posts are found by their "id" key (the
		// first of a post object); skin_discourse_test.go checks the bodies.
		engine:   "discourse",
		postID:   regexp.MustCompile(`\{"id":(\d+),"name":`),
		post:     func(*html.Node) string { return "" },
		body:     "cooked",
		quote:    func(n *html.Node) bool { return n.Data == "aside" && hasClass(n, "quote") },
		emoji:    func(*html.Node) bool { return false },
		shows:    discourseShows,
		notFound: []string{"/nope", "/t/x/999999999.json", "/c/x/999999.json", "/t/999999999/posts.json", "/u/nobody-here"},
	},
	{
		engine: "mybb",
		postID: regexp.MustCompile(`<div class="post " style="" id="post_(\d+)">`),
		post: func(n *html.Node) string {
			if n.Data == "div" && hasClass(n, "post") && strings.HasPrefix(attrOf(n, "id"), "post_") {
				return strings.TrimPrefix(attrOf(n, "id"), "post_")
			}
			return ""
		},
		body:     "post_body",
		quote:    func(n *html.Node) bool { return hasClass(n, "mycode_quote") },
		emoji:    func(*html.Node) bool { return false },
		notFound: []string{"/nope.php", "/showthread.php?tid=999999999", "/forumdisplay.php?fid=999999", "/showthread.php?pid=1", "/member.php?action=profile&uid=999999"},
	},
}

// shown reports whether a page shows text: by the engine's rule, else HTML-escaped.
func (ec engineCase) shown(f *Forum, body, text string) bool {
	if ec.shows != nil {
		return ec.shows(f, body, text)
	}
	return strings.Contains(body, esc(text))
}

// textRulesWith reads the text of n by the text rules, skipping quotes
// (each leaves a blank line, as a parser marks where it stood) and the
// elements notText reports, and taking the alt of emoji images.
func textRulesWith(n *html.Node, quote, notText, emoji func(*html.Node) bool) string {
	var b strings.Builder
	block := map[string]bool{"div": true, "p": true, "li": true, "ul": true, "ol": true, "blockquote": true, "pre": true}
	endLine := func() {
		if s := b.String(); len(s) > 0 && s[len(s)-1] != '\n' {
			b.WriteByte('\n')
		}
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(strings.NewReplacer("\n", " ", "\t", " ", "\r", " ", "\u00a0", " ").Replace(n.Data))
			return
		case n.Type != html.ElementNode, notText != nil && notText(n):
			return
		case quote(n):
			endLine()
			b.WriteByte('\n')
			return
		case n.Data == "br":
			b.WriteByte('\n')
			return
		case n.Data == "img":
			if emoji(n) {
				b.WriteString(attrOf(n, "alt"))
			}
			return
		}
		if block[n.Data] {
			endLine()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block[n.Data] {
			endLine()
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c)
	}
	return normText(b.String())
}

// serveEngine starts a small forum of an engine on a test server.
func serveEngine(t *testing.T, engine string, cfg Config) (*Forum, *httptest.Server) {
	t.Helper()
	cfg.Engine = engine
	f, err := NewChecked(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(f.Handler())
	t.Cleanup(srv.Close)
	return f, srv
}

func TestEveryEngineShowsEveryPostOnItsPage(t *testing.T) {
	for _, ec := range engines {
		t.Run(ec.engine, func(t *testing.T) {
			f, srv := serveEngine(t, ec.engine, Config{Seed: 5, Threads: 10, PostsPerPage: 8, MaxPages: 4})
			truth := map[string]PostTruth{}
			for _, p := range f.Posts() {
				truth[p.ID] = p
			}
			seen := 0
			for _, th := range f.Threads() {
				if len(th.PagePaths) != th.Pages {
					t.Errorf("thread %s: %d page paths for %d pages", th.ID, len(th.PagePaths), th.Pages)
				}
				for n, path := range th.PagePaths {
					code, body := getPage(t, srv, path)
					if code != http.StatusOK {
						t.Fatalf("%s: status %d", path, code)
					}
					var ids []string
					for _, m := range ec.postID.FindAllStringSubmatch(body, -1) {
						ids = append(ids, m[1])
					}
					for i, pid := range ids {
						p, ok := truth[pid]
						pos := n*8 + i + 1
						if _, none := f.skin.(unnumbered); none {
							pos = 0
						}
						if !ok || p.ThreadID != th.ID || p.Page != n+1 || p.Position != pos {
							t.Errorf("%s: post %s at %d is not the truth's (%+v)", path, pid, i, ok)
						}
					}
					seen += len(ids)
					checkBodies(t, ec, path, body, truth)
				}
			}
			if seen != len(truth) {
				t.Errorf("pages show %d posts, truth has %d", seen, len(truth))
			}
		})
	}
}

// checkBodies checks that each post's body and quotes on a page read as the truth says.
func checkBodies(t *testing.T, ec engineCase, path, body string, truth map[string]PostTruth) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range find(doc, func(n *html.Node) bool { return ec.post(n) != "" }) {
		want := truth[ec.post(n)]
		bodies := find(n, func(n *html.Node) bool { return hasClass(n, ec.body) })
		if len(bodies) == 0 {
			t.Errorf("%s: post %s has no .%s", path, want.ID, ec.body)
			continue
		}
		notText := func(n *html.Node) bool {
			return (ec.notText != nil && ec.notText(n)) || (ec.skip != nil && ec.skip(n))
		}
		if got := textRulesWith(bodies[0], ec.quote, notText, ec.emoji); got != want.BodyText {
			t.Errorf("%s: post %s body:\n got %q\nwant %q", path, want.ID, got, want.BodyText)
		}
		if q := find(bodies[0], ec.quote); len(q) != len(want.Quotes) {
			t.Errorf("%s: post %s: %d quotes, want %d", path, want.ID, len(q), len(want.Quotes))
		}
	}
}

func TestEveryEngineEscapesText(t *testing.T) {
	for _, ec := range engines {
		t.Run(ec.engine, func(t *testing.T) {
			f, srv := serveEngine(t, ec.engine, Config{Seed: 9, Threads: 30, MaxPages: 1})
			checked := 0
			for _, th := range f.Threads() {
				_, body := getPage(t, srv, th.Path)
				if strings.Contains(th.Title, "<beta>") && strings.Contains(body, "<beta>") {
					t.Errorf("%s: title %q is not escaped", th.Path, th.Title)
				}
				if strings.ContainsAny(th.Title, "<&\"") || strings.ContainsFunc(th.Title, func(r rune) bool { return r > 127 }) {
					if !ec.shown(f, body, th.Title) {
						t.Errorf("%s: title %q not found escaped as %q", th.Path, th.Title, esc(th.Title))
					}
					checked++
				}
			}
			if checked == 0 {
				t.Error("no title with markup or non-ASCII characters was checked")
			}
		})
	}
}

func TestEveryEngineAnswersUnknownPathsWith404(t *testing.T) {
	for _, ec := range engines {
		t.Run(ec.engine, func(t *testing.T) {
			f, srv := serveEngine(t, ec.engine, Config{Seed: 4})
			pre := strings.TrimSuffix(f.RootURL(""), f.indexPath()[len(f.cfg.Prefix):])
			for _, p := range append([]string{"/elsewhere/"}, ec.notFound...) {
				if p != "/elsewhere/" {
					p = pre + p
				}
				if code, _ := get(t, srv, p); code != http.StatusNotFound {
					t.Errorf("%s: status %d, want 404", p, code)
				}
			}
		})
	}
}

func TestEveryEngineServesItsBoardPages(t *testing.T) {
	for _, ec := range engines {
		t.Run(ec.engine, func(t *testing.T) {
			f, srv := serveEngine(t, ec.engine, Config{Seed: 6, Threads: 30, ThreadsPerPage: 5})
			if code, _ := get(t, srv, f.RootURL("")); code != http.StatusOK {
				t.Errorf("index: status %d", code)
			}
			for _, b := range f.Boards() {
				if len(b.PagePaths) != b.Pages {
					t.Errorf("board %s: %d page paths for %d pages", b.ID, len(b.PagePaths), b.Pages)
				}
				for _, p := range b.PagePaths {
					code, body := getPage(t, srv, p)
					if code != http.StatusOK || !ec.shown(f, body, b.Title) {
						t.Errorf("%s: status %d, title %q shown: %v", p, code, b.Title, ec.shown(f, body, b.Title))
					}
				}
			}
		})
	}
}

func TestUnknownEngineIsAnError(t *testing.T) {
	if _, err := NewChecked(Config{Engine: "nosuch"}); err == nil {
		t.Error("NewChecked accepted an unknown engine")
	}
	defer func() {
		if recover() == nil {
			t.Error("New did not panic on an unknown engine")
		}
	}()
	New(Config{Engine: "nosuch"})
}
