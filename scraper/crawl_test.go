package scraper

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/forumcrawl/forumcrawl/storage"
)

// discard is a sink that keeps nothing.
type discard struct{ n int }

func (d *discard) WritePage(recs []storage.Record) (int, error) {
	d.n += len(recs)
	return len(recs), nil
}

func TestNotAForumPageIsReportedAndSkipped(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte("<html><head><title>A blog</title></head><body><p>Hello</p></body></html>"))
	}))
	defer srv.Close()
	var logs bytes.Buffer
	cfg := Config{Start: srv.URL + "/", NoDelay: true, Logger: slog.New(slog.NewTextHandler(&logs, nil))}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	sink := &discard{}
	sum, err := Crawl(ctx, cfg, sink)
	if err != nil {
		t.Fatal(err)
	}
	if sum.NotForum != 1 || sum.Pages != 1 || len(sum.Failed) != 0 || sink.n != 0 {
		t.Errorf("summary %+v, %d records: want one page, not a forum, nothing written", sum, sink.n)
	}
	if !strings.Contains(logs.String(), "no known forum engine") || !strings.Contains(logs.String(), srv.URL) {
		t.Errorf("no warning naming the page: %s", logs.String())
	}
}

func TestFailedPagesAreListedAndTheCrawlGoesOn(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "gone", http.StatusNotFound)
	}))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	sum, err := Crawl(ctx, Config{Start: srv.URL + "/forum/", NoDelay: true}, &discard{})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Failed) != 1 || sum.Failed[0].Status != http.StatusNotFound {
		t.Errorf("failed %+v, want the start page with status 404", sum.Failed)
	}
}

func TestCancelStopsTheCrawl(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Crawl(ctx, Config{Start: "http://127.0.0.1:1/", NoDelay: true}, &discard{})
	if err == nil {
		t.Error("a cancelled crawl returned no error")
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1204: "1,204", 3911000: "3,911,000", -1234: "-1,234"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
