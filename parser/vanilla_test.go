package parser

import (
	"testing"
)

func TestVanillaDetectsItsPages(t *testing.T) {
	needFixtures(t)
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{"vanilla/moneysavingexpert_discussion5567669.html", "vanilla/scope-org-uk_discussion57774_copd.html"} {
		t.Run(file, func(t *testing.T) {
			page, err := p.ParseAt("https://f.example/", readFixture(t, file), fixtureTime)
			if err != nil {
				t.Fatal(err)
			}
			if page.Engine != "vanilla" || page.Kind != KindThread {
				t.Errorf("engine %q kind %s (evidence %v), want a vanilla thread", page.Engine, page.Kind, page.Evidence)
			}
		})
	}
}

func TestVanillaURLs(t *testing.T) {
	e := Vanilla()
	cases := []urlCase{
		{"a discussion's page 2 keeps its page", "https://f.example/discussion/5567669/slug/p2", "https://f.example/discussion/5567669/slug/p2", 2},
		{"page 1 is the discussion itself", "https://f.example/discussion/5567669/slug/p1", "https://f.example/discussion/5567669/slug", 1},
		{"a page of the discussion list", "https://f.example/discussions/p3", "https://f.example/discussions/p3", 3},
		{"a page of a category", "https://f.example/categories/loans/p12", "https://f.example/categories/loans/p12", 12},
		{"a sign-in target is dropped", "https://f.example/discussion/1/x?Target=discussion%2F1", "https://f.example/discussion/1/x", 1},
		{"a comment permalink is left alone", "https://f.example/discussion/comment/71713537/#Comment_71713537", "https://f.example/discussion/comment/71713537/", 1},
	}
	checkURLCases(t, e, cases)
}

func TestVanillaAuthors(t *testing.T) {
	needFixtures(t)
	cases := []struct {
		name, file, url       string
		post                  int
		id, title, role, rank string
		messages              int64
	}{
		{"a name ending in digits is no id; star ranks give their name", "vanilla/moneysavingexpert_discussion5567669.html",
			"https://forums.moneysavingexpert.com/discussion/5567669/unsure-whether-to-consolidate-please-advise", 3,
			"", "Deliciously Dedicated Diehard MoneySaving Devotee", "Forumite", "Deliciously Dedicated Diehard MoneySaving Devotee", 38507},
		{"a worded rank label is the title", "vanilla/scope-org-uk_discussion57774_copd.html",
			"https://community.scope.org.uk/discussion/57774/copd", 1,
			"", "Disability Gamechanger", "Community champion", "Level 5", 14580},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			page := parseForEngine(t, Vanilla(), c.url, string(readFixture(t, c.file)))
			p := page.Posts[c.post]
			a := p.Author
			if a.ID != c.id || a.Title != c.title || p.Extra["role"] != c.role || p.Extra["rank"] != c.rank {
				t.Errorf("id %q title %q extra %v, want id %q title %q role %q rank %q", a.ID, a.Title, p.Extra, c.id, c.title, c.role, c.rank)
			}
			if a.Messages == nil || *a.Messages != c.messages {
				t.Errorf("messages %v, want %d", a.Messages, c.messages)
			}
		})
	}
}

func TestVanillaDiscussionList(t *testing.T) {
	body := `<html><body id="vanilla_discussions_index" class="Vanilla Discussions">
<span class="Breadcrumbs"><span class="CrumbLabel HomeCrumb"><a href="/"><span>Home</span></a></span></span>
<ul class="DataList Discussions">
 <li id="Discussion_42" class="Item Announcement ItemDiscussion"><div class="ItemContent Discussion">
  <div class="Title"><a href="/discussion/42/rules-for-2020">Rules for 2020</a></div>
  <div class="Meta"><span class="MItem ViewCount"><span title="12,345 views" class="Number">12.3K</span> views</span>
  <span class="MItem CommentCount"><span title="1,201 comments" class="Number">1.2K</span> comments</span>
  <span class="MItem LastCommentDate"><time datetime="2020-05-01T10:00:00+00:00">May 1</time></span>
  <span class="MiniPager"><a href="/discussion/42/rules-for-2020/p1">1</a><a href="/discussion/42/rules-for-2020/p61">61</a></span></div>
 </div></li>
 <li id="Discussion_43" class="Item ItemDiscussion"><div class="Title"><a href="/discussion/43/x">X</a></div></li>
</ul>
<div id="PagerAfter" class="Pager"><a class="Highlight" href="/discussions">1</a><a href="/discussions/p2">2</a><a class="Next" href="/discussions/p2">»</a></div>
</body></html>`
	page := parseForEngine(t, Vanilla(), "https://f.example/discussions", body)
	if page.Kind != KindBoard || len(page.Board.Threads) != 2 {
		t.Fatalf("kind %s board %+v: want a board of 2 discussions", page.Kind, page.Board)
	}
	th := page.Board.Threads[0]
	if th.ID != "42" || th.Title != "Rules for 2020" || !th.Sticky || *th.Replies != 1201 || *th.Views != 12345 ||
		th.LastPage != 61 || th.LastPostAt == nil || th.URL != "https://f.example/discussion/42/rules-for-2020" {
		t.Errorf("thread %+v", th)
	}
	if page.Board.Threads[1].Sticky || page.Board.NextURL != "https://f.example/discussions/p2" || page.Board.LastPage != 2 {
		t.Errorf("second thread sticky %v, next %q, last page %d", page.Board.Threads[1].Sticky, page.Board.NextURL, page.Board.LastPage)
	}
}
