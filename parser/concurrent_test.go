package parser

import (
	"encoding/json"
	"sync"
	"testing"
)

// TestParseConcurrently parses every fixture page from several goroutines
// at once with one Parser, whose per-site memories (engines, dates, tables
// cut to pages) they share, and wants each page's result to be the one a
// lone parse gives. Run with -race, it checks that the sharing is safe.
func TestParseConcurrently(t *testing.T) {
	type page struct {
		url  string
		body []byte
		want string
	}
	var pages []page
	lone, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, fx := range manifest(t) {
		body, err := Decode(readFixture(t, fx.File), "")
		if err != nil {
			t.Fatal(err)
		}
		u := fixtureURL(fx, body)
		got, err := lone.ParseAt(u, body, fixtureTime)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(got)
		pages = append(pages, page{u, body, string(want)})
	}
	shared, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range pages {
				pg := pages[(i+w*len(pages)/4)%len(pages)] // each worker starts elsewhere
				got, err := shared.ParseAt(pg.url, pg.body, fixtureTime)
				if err != nil {
					t.Error(err)
					return
				}
				if b, _ := json.Marshal(got); string(b) != pg.want {
					t.Errorf("%s: a parse beside others differs from a lone parse", pg.url)
				}
			}
		}()
	}
	wg.Wait()
}
