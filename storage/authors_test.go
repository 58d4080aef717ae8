package storage

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/forumcrawl/forumcrawl/parser"
)

// authorRec returns a record of post id by author (name, id) posted at day
// of 2024-01, fetched at minute fetched, with the author's message count.
func authorRec(site, id, name, uid string, day, fetched int, messages int64) Record {
	posted := time.Date(2024, 1, day, 12, 0, 0, 0, time.UTC)
	return Record{
		Site: site, FetchedAt: time.Date(2026, 1, 1, 0, fetched, 0, 0, time.UTC),
		Thread: parser.Thread{ID: "t1", Breadcrumb: []parser.Crumb{{Name: "Forums"}, {Name: "News"}}},
		Post:   parser.Post{ID: id, PostedAt: &posted},
		Author: parser.Author{Name: name, ID: uid, Messages: &messages},
	}
}

func TestAuthors(t *testing.T) {
	a := NewAuthors()
	a.Add([]Record{
		authorRec("a.test", "1", "bob", "7", 5, 2, 100),
		authorRec("a.test", "2", "bob", "7", 3, 1, 90),      // fetched earlier: an older profile
		authorRec("a.test", "1", "bob", "7", 5, 3, 999),     // post 1 again: not counted, profile not taken
		authorRec("a.test", "3", "Robert", "7", 9, 2, 101),  // renamed, same id: same author
		authorRec("a.test", "4", "guest1", "", 4, 1, 0),     // guests by name
		authorRec("a.test", "5", "guest1", "", 6, 1, 0),     //
		authorRec("b.test", "1", "bob", "7", 1, 1, 5),       // another site: another author
		authorRec("a.test", "6", "guest2", "", 8, 1, 0),     //
		authorRec("a.test", "7", "Robert", "7", 10, 2, 102), // same fetch time as the latest: the later one wins
	})
	lines := a.Lines()
	type want struct {
		site, name string
		posts      int
		first, end int
		messages   int64
	}
	wants := []want{
		{"a.test", "Robert", 4, 3, 10, 102},
		{"a.test", "guest1", 2, 4, 6, 0},
		{"a.test", "guest2", 1, 8, 8, 0},
		{"b.test", "bob", 1, 1, 1, 5},
	}
	if len(lines) != len(wants) {
		t.Fatalf("%d authors, want %d: %+v", len(lines), len(wants), lines)
	}
	for i, w := range wants {
		l := lines[i]
		if l.Site != w.site || l.Author.Name != w.name || l.Posts != w.posts || l.FirstSeen.Day() != w.first ||
			l.LastSeen.Day() != w.end || *l.Author.Messages != w.messages {
			t.Errorf("author %d: %s %s %d posts, days %d-%d, %d messages; want %+v", i, l.Site, l.Author.Name, l.Posts,
				l.FirstSeen.Day(), l.LastSeen.Day(), *l.Author.Messages, w)
		}
	}

	// Written atomically, and read back from a posts file the same.
	dir := t.TempDir()
	path := filepath.Join(dir, "authors.jsonl.gz")
	if err := a.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left beside the authors file: %v", entries)
	}
	r, err := OpenJSONLFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	l, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	var first map[string]any
	if err := json.Unmarshal(l, &first); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"site", "author", "posts", "first_seen", "last_seen"} {
		if _, ok := first[k]; !ok {
			t.Errorf("authors line has no %q: %s", k, l)
		}
	}
	if banners := first["author"].(map[string]any)["banners"]; banners == nil {
		t.Errorf("author.banners written as null: %s", l)
	}
}

func TestWriteFileFailsWholeAndLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "authors.jsonl")
	// A non-empty directory in the way: the rename fails, even for root.
	if err := os.MkdirAll(filepath.Join(path, "keep"), 0o755); err != nil {
		t.Fatal(err)
	}
	a := NewAuthors()
	a.Add([]Record{authorRec("a.test", "1", "bob", "7", 1, 1, 1)})
	err := a.WriteFile(path)
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("error %v, want one naming %s", err, path)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	if _, err := os.Stat(filepath.Join(path, "keep")); err != nil {
		t.Errorf("what was at the path changed: %v", err)
	}
}

func TestStatsCounter(t *testing.T) {
	c := NewStatsCounter()
	recs := []Record{
		authorRec("a.test", "1", "bob", "7", 5, 1, 1),
		authorRec("a.test", "2", "bob", "7", 3, 1, 1),
		authorRec("a.test", "2", "bob", "7", 3, 1, 1), // a duplicate line
		authorRec("a.test", "3", "ann", "8", 9, 1, 1),
	}
	recs[3].Thread = parser.Thread{ID: "t2", Breadcrumb: []parser.Crumb{{Name: "Forums"}, {Name: "Help"}}}
	late := time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)
	recs[3].Post.PostedAt = &late
	for i := range recs {
		c.Add(&recs[i])
	}
	none := authorRec("a.test", "4", "ann", "8", 1, 1, 1)
	none.Post.PostedAt = nil
	c.Add(&none)
	st := c.Stats(1)
	if st.Posts != 4 || st.Duplicates != 1 || st.Threads != 2 || st.Boards != 2 || st.Authors != 2 {
		t.Errorf("totals %+v", st)
	}
	if len(st.ByAuthor) != 1 || st.ByAuthor[0].Posts != 2 {
		t.Errorf("top author %+v", st.ByAuthor)
	}
	months := []Count{{Name: "2024-01", Posts: 2}, {Name: "2024-02", Posts: 1}, {Name: "unknown", Posts: 1}}
	if len(st.ByMonth) != 3 || st.ByMonth[0] != months[0] || st.ByMonth[1] != months[1] || st.ByMonth[2] != months[2] {
		t.Errorf("months %+v, want %+v", st.ByMonth, months)
	}
	if st.ByBoard[0].Name != "News" || st.ByBoard[0].Posts != 3 || st.ByBoard[0].Threads != 1 || st.ByBoard[1].Posts != 1 {
		t.Errorf("boards %+v", st.ByBoard)
	}
}

func TestAuthorsSinkPassesCommitOn(t *testing.T) {
	path := filepath.Join(t.TempDir(), "posts.jsonl.zst")
	w, err := OpenJSONL(path, JSONLOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	s := AuthorsSink{Next: w, Authors: NewAuthors()}
	if n, err := s.WritePage([]Record{authorRec("a.test", "1", "bob", "7", 1, 1, 1)}); n != 1 || err != nil {
		t.Fatalf("WritePage: %d, %v", n, err)
	}
	m, err := s.Commit()
	st, _ := os.Stat(path)
	if err != nil || m.Offset != st.Size() || m.Offset == 0 {
		t.Errorf("commit through the authors sink: %+v, %v; the file is %d bytes", m, err, st.Size())
	}
	if s.Authors.Len() != 1 {
		t.Errorf("%d authors gathered", s.Authors.Len())
	}
}
