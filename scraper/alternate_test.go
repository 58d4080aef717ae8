package scraper

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/forumcrawl/forumcrawl/storage"
)

// recorder is a sink that keeps the records.
type recorder struct{ recs []storage.Record }

func (r *recorder) WritePage(recs []storage.Record) (int, error) {
	r.recs = append(r.recs, recs...)
	return len(recs), nil
}

// TestAlternateIsCrawledInstead starts a crawl at a Discourse topic's HTML
// crawler view: the page names its JSON as alternate, and the crawl writes the
// JSON's posts (with their real ids) and not the HTML view's, which would
// repeat each post under another id.
func TestAlternateIsCrawledInstead(t *testing.T) {
	const fixture = "../../shared/fixtures/discourse/blizzard-wow_discourse2.5_t505388.html"
	page, err := os.ReadFile(fixture)
	if err != nil {
		t.Skipf("shared fixtures not found (../shared/fixtures beside the project): %v", err)
	}
	const topic = "/en/wow/t/can-i-transfer-back-to-locked-server-if-i-have-existing-character/505388"
	const topicJSON = `{"id":505388,"title":"Can I transfer back?","slug":"can-i-transfer-back-to-locked-server-if-i-have-existing-character",
"post_stream":{"stream":[7001],"posts":[{"id":7001,"post_number":1,"username":"anna","name":"Anna","user_id":42,
"avatar_template":"/user_avatar/x/anna/{size}/1.png","created_at":"2020-03-01T10:00:00.000Z","updated_at":"2020-03-01T10:00:00.000Z",
"version":1,"cooked":"<p>Hello from the API.</p>","topic_id":505388,"topic_slug":"can-i-transfer-back-to-locked-server-if-i-have-existing-character"}]}}`
	requests := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests[r.URL.Path]++
		switch r.URL.Path {
		case topic:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
		case topic + ".json":
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(topicJSON))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	sink := &recorder{}
	if _, err := Crawl(ctx, Config{Start: srv.URL + topic, NoDelay: true, Parallel: 1}, sink); err != nil {
		t.Fatal(err)
	}
	if requests[topic+".json"] != 1 {
		t.Fatalf("the topic's JSON was fetched %d times, want once (requests: %v)", requests[topic+".json"], requests)
	}
	if len(sink.recs) != 1 || sink.recs[0].Post.ID != "7001" || sink.recs[0].Author.Name != "anna" {
		var ids []string
		for _, r := range sink.recs {
			ids = append(ids, r.Post.ID)
		}
		t.Errorf("posts written %v, want only the API's post 7001 by anna", ids)
	}
}
