package forumsim

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// find returns the elements under n for which match is true, in document order.
func find(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func attrOf(n *html.Node, k string) string {
	for _, a := range n.Attr {
		if a.Key == k {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, c string) bool {
	return strings.Contains(" "+attrOf(n, "class")+" ", " "+c+" ")
}

// textRules is the independent reading of the text rules (textRulesWith)
// for XenForo 2 pages: its quotes are left out and emoji smilies give their alt.
func textRules(n *html.Node) string {
	return textRulesWith(n,
		func(n *html.Node) bool { return n.Data == "blockquote" && hasClass(n, "bbCodeBlock--quote") },
		func(*html.Node) bool { return false },
		func(n *html.Node) bool { return hasClass(n, "smilie--emoji") })
}

func TestPagesMatchTruth(t *testing.T) {
	f := New(Config{Seed: 11, Threads: 15})
	srv := httptest.NewServer(f.Handler())
	defer srv.Close()
	truth := map[string]PostTruth{}
	for _, p := range f.Posts() {
		truth[p.ID] = p
	}
	titles := map[string]string{}
	for _, th := range f.Threads() {
		for n := 1; n <= th.Pages; n++ {
			titles[th.Path+pageSuffix(n)] = th.Title
		}
	}
	seen := 0
	for _, path := range f.ThreadPagePaths() {
		_, body := get(t, srv, path)
		doc, err := html.Parse(strings.NewReader(body))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		h1 := find(doc, func(n *html.Node) bool { return hasClass(n, "p-title-value") })
		if len(h1) != 1 || textRules(h1[0]) != titles[path] {
			t.Errorf("%s: title does not read %q", path, titles[path])
		}
		for _, art := range find(doc, func(n *html.Node) bool { return n.Data == "article" && hasClass(n, "message--post") }) {
			pid := strings.TrimPrefix(attrOf(art, "data-content"), "post-")
			want, ok := truth[pid]
			if !ok {
				t.Errorf("%s: post %s not in the truth", path, pid)
				continue
			}
			seen++
			if got := attrOf(art, "data-author"); got != want.Author.Name {
				t.Errorf("post %s: author %q, want %q", pid, got, want.Author.Name)
			}
			wraps := find(art, func(n *html.Node) bool { return hasClass(n, "bbWrapper") })
			if got := textRules(wraps[0]); got != want.BodyText {
				t.Errorf("post %s body:\n got %q\nwant %q", pid, got, want.BodyText)
			}
			if want.Signature != "" && (len(wraps) < 2 || textRules(wraps[1]) != want.Signature) {
				t.Errorf("post %s: signature does not read %q", pid, want.Signature)
			}
			quotes := find(wraps[0], func(n *html.Node) bool { return hasClass(n, "bbCodeBlock-expandContent") })
			if len(quotes) != len(want.Quotes) {
				t.Errorf("post %s: %d quotes, want %d", pid, len(quotes), len(want.Quotes))
				continue
			}
			for i, q := range quotes {
				if got := textRules(q); got != want.Quotes[i].Text {
					t.Errorf("post %s quote %d: %q, want %q", pid, i, got, want.Quotes[i].Text)
				}
			}
		}
	}
	if seen != len(truth) {
		t.Errorf("saw %d posts, truth has %d", seen, len(truth))
	}
}

func TestRedirects(t *testing.T) {
	f := New(Config{Seed: 12})
	srv := httptest.NewServer(f.Handler())
	defer srv.Close()
	posts := f.Posts()
	p := posts[len(posts)-1]
	page := p.Path[:strings.LastIndex(p.Path, "/")+1] + pageSuffix(p.Page)
	tests := []struct {
		name, path string
		code       int
		to         string
	}{
		{"post permalink jumps to its page", p.Path, http.StatusMovedPermanently, page + "#post-" + p.ID},
		{"goto post jumps to its page", "/community/goto/post?id=" + p.ID, http.StatusMovedPermanently, page + "#post-" + p.ID},
		{"prefix without slash goes to the index", "/community", http.StatusMovedPermanently, "/community/"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
			resp, err := c.Get(srv.URL + tc.path)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tc.code || resp.Header.Get("Location") != tc.to {
				t.Errorf("got %d %q, want %d %q", resp.StatusCode, resp.Header.Get("Location"), tc.code, tc.to)
			}
		})
	}
}
