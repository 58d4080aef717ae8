package parser

import (
	"strings"
	"testing"
)

// onePostPage is a thread of a single post between a header and a footer.
const onePostPage = `<!DOCTYPE html><html lang="en"><head><title>Hello - Some Forum</title></head><body>
<div id="header"><a href="/">Home</a> <a href="/login">Log in</a></div>
<h1>Hello world</h1>
<div class="thread">
 <div class="entry" id="entry-501">
  <div class="who"><a href="/people/alice-7">alice</a> <span class="when">March 3, 2021 10:15</span></div>
  <div class="text"><p>First and only post of this thread, with enough words to be a post.</p></div>
  <div class="tools"><a href="/reply?to=501">Reply</a> <a href="/report/501">Report</a></div>
 </div>
</div>
<div id="footer">Powered by nothing at all, 2021</div>
</body></html>`

// tablePage is an old table layout: one row per post, the author's cell
// beside the message's, spacer rows between posts.
const tablePage = `<html><body><table class="forumline">
<tr><th>Author</th><th>Message</th></tr>
<tr><td class="row1" valign="top"><a name="p11"></a><b><a href="profile.php?mode=viewprofile&amp;u=3">bob</a></b><br>Joined: 01 Jan 2005<br>Posts: 12</td>
 <td class="row1"><span class="postdetails">Posted: Mon Jan 02, 2006 10:00 am</span><hr><span class="postbody">Text of the first post, which opens the thread.</span></td></tr>
<tr><td class="spacer" colspan="2"></td></tr>
<tr><td class="row2" valign="top"><a name="p12"></a><b><a href="profile.php?mode=viewprofile&amp;u=4">carol</a></b><br>Joined: 05 Feb 2005<br>Posts: 3</td>
 <td class="row2"><span class="postdetails">Posted: Mon Jan 02, 2006 11:30 am</span><hr><span class="postbody">A reply from carol, in the second row.</span></td></tr>
<tr><td class="spacer" colspan="2"></td></tr>
<tr><td class="row1" valign="top"><a name="p13"></a><b><a href="profile.php?mode=viewprofile&amp;u=3">bob</a></b><br>Joined: 01 Jan 2005<br>Posts: 12</td>
 <td class="row1"><span class="postdetails">Posted: Tue Jan 03, 2006 09:05 am</span><hr><span class="postbody">Bob again, thanking carol for the answer.</span></td></tr>
</table></body></html>`

// threadedPage is a threaded view: replies nest inside the comment they answer.
const threadedPage = `<html><body><h1>Comments</h1><div class="comments">
 <div class="comment" id="c101">
  <div class="meta"><a class="user" href="/user/ann">ann</a> <time datetime="2021-05-01T10:00:00Z">May 1, 2021</time></div>
  <div class="body">Top-level comment one, something to say here.</div>
  <div class="replies">
   <div class="comment" id="c102">
    <div class="meta"><a class="user" href="/user/ben">ben</a> <time datetime="2021-05-01T11:00:00Z">May 1, 2021</time></div>
    <div class="body">A reply to ann, nested inside her comment.</div>
   </div>
  </div>
 </div>
 <div class="comment" id="c103">
  <div class="meta"><a class="user" href="/user/cid">cid</a> <time datetime="2021-05-02T09:00:00Z">May 2, 2021</time></div>
  <div class="body">Top-level comment two, a different point entirely.</div>
 </div>
 <div class="comment" id="c104">
  <div class="meta"><a class="user" href="/user/dee">dee</a> <time datetime="2021-05-03T08:00:00Z">May 3, 2021</time></div>
  <div class="body">Top-level comment three closes the page.</div>
 </div>
</div></body></html>`

// TestGenericShapes checks pages of unusual shape: each gives its posts in
// page order, none merged with another nor split in two.
func TestGenericShapes(t *testing.T) {
	cases := []struct {
		name    string
		page    string
		authors []string
		texts   []string // the start of each post's text
		ids     []string
	}{
		{"a page with one post gives that post", onePostPage,
			[]string{"alice"}, []string{"First and only post"}, []string{"501"}},
		{"a table layout gives one post a row", tablePage,
			[]string{"bob", "carol", "bob"}, []string{"Text of the first post", "A reply from carol", "Bob again"}, []string{"11", "12", "13"}},
		{"a threaded view gives nested replies as posts of their own", threadedPage,
			[]string{"ann", "ben", "cid", "dee"},
			[]string{"Top-level comment one", "A reply to ann", "Top-level comment two", "Top-level comment three"},
			[]string{"101", "102", "103", "104"}},
	}
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			page, err := p.ParseAt("https://forum.example.org/t/1", []byte(c.page), fixtureTime)
			if err != nil {
				t.Fatal(err)
			}
			if page.Engine != GenericEngine || page.Kind != KindThread {
				t.Fatalf("engine %q kind %q (confidence %.2f, %q), want a generic thread", page.Engine, page.Kind, page.Confidence, page.Warnings)
			}
			if len(page.Posts) != len(c.authors) {
				t.Fatalf("%d posts, want %d", len(page.Posts), len(c.authors))
			}
			for i, post := range page.Posts {
				if post.Author.Name != c.authors[i] {
					t.Errorf("post %d: author %q, want %q", i+1, post.Author.Name, c.authors[i])
				}
				if !strings.HasPrefix(post.BodyText, c.texts[i]) {
					t.Errorf("post %d: text %q, want it to start %q", i+1, post.BodyText, c.texts[i])
				}
				for j, other := range c.texts {
					if j != i && strings.Contains(post.BodyText, other) {
						t.Errorf("post %d: text %q holds post %d's %q: merged", i+1, post.BodyText, j+1, other)
					}
				}
				if post.ID != c.ids[i] {
					t.Errorf("post %d: id %q, want %q", i+1, post.ID, c.ids[i])
				}
				if post.PostedAt == nil || post.DateRaw == "" {
					t.Errorf("post %d: date %q / %v, want one", i+1, post.DateRaw, post.PostedAt)
				}
			}
		})
	}
}
