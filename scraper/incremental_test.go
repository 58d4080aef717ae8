package scraper

import (
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/forumcrawl/forumcrawl/forumsim"
	"github.com/forumcrawl/forumcrawl/storage"
)

// TestIncrementalFetchesOnlyWhatChanged crawls a forum, lets it grow (new
// posts in 1% of threads, new threads, edits on the pages the new posts
// went to) and runs an incremental crawl: its output is exactly the new
// posts and the edited ones (as revision 1), and its requests stay within
// 1.05x of the least a crawler must make to find them.
func TestIncrementalFetchesOnlyWhatChanged(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls a forum of 1,100 pages: skipped with -short (CI's race run; its plain run covers it)")
	}
	f, srv := simForum(t, forumsim.Config{Seed: 31, Boards: 4, SubBoards: 1, Threads: 300, MinPages: 1, MaxPages: 6})
	dir, tmp := t.TempDir(), t.TempDir()
	start := f.RootURL(srv.URL)
	stateRun(t, Config{Start: start}, filepath.Join(tmp, "run1.jsonl"), dir)

	oldThreads := map[string]forumsim.ThreadTruth{}
	for _, th := range f.Threads() {
		oldThreads[th.ID] = th
	}
	ch := f.Grow(forumsim.Growth{Seed: 4, Threads: 0.01, NewThreads: 3, Edits: 4})
	if len(ch.ChangedThreads) < 3 || len(ch.EditedPosts) < 3 {
		t.Fatalf("growth too small to test: %+v", ch)
	}
	before := f.Requests()

	sum, logs := stateRun(t, Config{Start: start, Incremental: true}, filepath.Join(tmp, "run2.jsonl"), dir)
	recs := readRecords(t, filepath.Join(tmp, "run2.jsonl"))

	// The output: the new posts (revision 0) and the edited ones (revision 1), once each, as served now.
	want, got := revisions(t, ch, recs)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("incremental output (post: revision) %v, want %v", got, want)
	}
	var truth []forumsim.PostTruth
	for _, p := range f.Posts() {
		if _, ok := want[p.ID]; ok {
			truth = append(truth, p)
		}
	}
	checkPosts(t, srv.URL, recs, truth)

	// The requests against the least set: the index, the listing page that
	// shows each changed or new thread (and the parent board's page linking
	// a sub-board), the page of each changed thread its old last post was
	// on and the pages after it, and every page of each new thread.
	made := map[string]int{}
	total := 0
	for path, n := range f.Requests() {
		if d := n - before[path]; d > 0 {
			made[path] = d
			total += d
		}
	}
	least := map[string]bool{strings.TrimPrefix(start, srv.URL): true}
	boards := map[string]forumsim.BoardTruth{}
	for _, b := range f.Boards() {
		boards[b.ID] = b
	}
	listing := func(th forumsim.ThreadTruth) {
		b := boards[th.BoardID]
		i := slices.Index(b.ThreadIDs, th.ID)
		least[b.PagePaths[max(0, i-stickies(f, b))/20]] = true
		if b.ParentID != "" {
			least[boards[b.ParentID].PagePaths[0]] = true
		}
	}
	for _, th := range f.Threads() {
		switch {
		case slices.Contains(ch.NewThreads, th.ID):
			listing(th)
			for _, p := range th.PagePaths {
				least[p] = true
			}
		case slices.Contains(ch.ChangedThreads, th.ID):
			listing(th)
			for _, p := range th.PagePaths[oldThreads[th.ID].Pages-1:] {
				least[p] = true
			}
		}
	}
	var extra []string
	for path := range made {
		if !least[path] {
			extra = append(extra, path)
		}
	}
	sort.Strings(extra)
	for path := range least {
		if made[path] == 0 {
			t.Errorf("%s not fetched, though it holds a change", path)
		}
	}
	ratio := float64(total) / float64(len(least))
	t.Logf("incremental run: %d requests, least set %d (%.2fx); %d posts written; beyond the least set: %v", total, len(least), ratio, sum.Posts, extra)
	if ratio > 1.05 {
		t.Errorf("the incremental run made %d requests, %.2fx the least set of %d; beyond it: %v\n%s", total, ratio, len(least), extra, logs)
	}
}

// stickies returns how many of a board's threads are sticky: they head every page of its listing.
func stickies(f *forumsim.Forum, b forumsim.BoardTruth) int {
	n := 0
	for _, th := range f.Threads() {
		if th.BoardID == b.ID && th.Sticky {
			n++
		}
	}
	return n
}

// revisions returns the revision an incremental run after ch should write
// of each post (0 for a new post, 1 for an edited one) and the revision recs
// hold of each; a post written twice is an error.
func revisions(t *testing.T, ch forumsim.Changes, recs []storage.Record) (want, got map[string]int) {
	t.Helper()
	want = map[string]int{}
	for _, id := range ch.NewPosts {
		want[id] = 0
	}
	for _, id := range ch.EditedPosts {
		want[id] = 1
	}
	got = map[string]int{}
	for _, r := range recs {
		if _, dup := got[r.Post.ID]; dup {
			t.Errorf("post %s written twice", r.Post.ID)
		}
		got[r.Post.ID] = r.Revision
	}
	return want, got
}
