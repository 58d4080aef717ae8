package report

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/forumcrawl/forumcrawl/fetch"
	"github.com/forumcrawl/forumcrawl/forumsim"
	"github.com/forumcrawl/forumcrawl/scraper"
	"github.com/forumcrawl/forumcrawl/storage"
)

// truth is what forumsim served, counted as a summary counts it.
type truth struct{ pages, posts, threads, boards, authors int }

func forumTruth(f *forumsim.Forum) truth {
	t := truth{pages: 1, posts: len(f.Posts()), threads: len(f.Threads()), boards: len(f.Boards())}
	for _, b := range f.Boards() {
		t.pages += b.Pages
	}
	for _, th := range f.Threads() {
		t.pages += th.Pages
	}
	authors := map[string]bool{}
	for _, p := range f.Posts() {
		authors[p.Author.Name+"\x00"+p.Author.ID] = true
	}
	t.authors = len(authors)
	return t
}

// scrape returns the metric families served at url.
func scrape(t *testing.T, url string) map[string]*dto.MetricFamily {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("scrape %s: %v", url, err)
	}
	defer resp.Body.Close()
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(resp.Body)
	if err != nil {
		t.Fatalf("scrape %s: %v", url, err)
	}
	return fams
}

// value returns the sum of a counter or gauge family's values (0 when absent).
func value(fams map[string]*dto.MetricFamily, name string) float64 {
	v := 0.0
	if f := fams[name]; f != nil {
		for _, m := range f.Metric {
			switch {
			case m.Counter != nil:
				v += m.Counter.GetValue()
			case m.Gauge != nil:
				v += m.Gauge.GetValue()
			case m.Histogram != nil:
				v += float64(m.Histogram.GetSampleCount())
			}
		}
	}
	return v
}

// scrapeAt is an observer that scrapes the metrics once, synchronously, at
// the n-th page, after the metrics have counted it.
type scrapeAt struct {
	t    *testing.T
	url  string
	n    int64
	seen atomic.Int64
	once sync.Once
	got  map[string]*dto.MetricFamily
}

func (s *scrapeAt) Observe(scraper.Event) {
	if s.seen.Add(1) >= s.n {
		s.once.Do(func() { s.got = scrape(s.t, s.url) })
	}
}

// forumAndMetrics starts a forumsim forum of cfg misbehaving as fl says, and
// a metrics server on loopback; it returns the forum, its start URL, the
// metrics and the URL they are scraped at. Both stop when the test ends.
func forumAndMetrics(t *testing.T, cfg forumsim.Config, fl forumsim.Faults) (*forumsim.Forum, string, *Metrics, string) {
	t.Helper()
	f := forumsim.New(cfg)
	f.SetFaults(fl)
	srv, err := forumsim.Start(f, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	m := NewMetrics()
	ms, err := ServeMetrics(m, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ms.Close() })
	return f, f.RootURL(srv.URL), m, "http://" + ms.Addr() + "/metrics"
}

func TestSummaryAndMetricsMatchTheForum(t *testing.T) {
	f, start, m, url := forumAndMetrics(t, forumsim.Config{Seed: 5, Boards: 3, SubBoards: 1, Threads: 30, MinPages: 1, MaxPages: 4}, forumsim.Faults{})
	during := &scrapeAt{t: t, url: url, n: 5}
	tally := NewTally()

	dir := t.TempDir()
	out := filepath.Join(dir, "posts.jsonl")
	w, err := storage.OpenJSONL(out, storage.JSONLOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	began := time.Now()
	cfg := scraper.Config{Start: start, NoDelay: true, Parallel: 4, Observer: Observers(m, tally, during)}
	sum, err := scraper.Crawl(ctx, cfg, w)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}

	want := forumTruth(f)
	s := NewSummary(sum, cfg.Start, out, began)
	path := filepath.Join(dir, "summary.json")
	if err := s.WriteJSONFile(path); err != nil {
		t.Fatal(err)
	}
	var got Summary
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("summary file is not JSON: %v", err)
	}
	after := scrape(t, url)
	snap := tally.Snapshot()
	checks := []struct {
		name      string
		got, want float64
	}{
		{"summary pages fetched", float64(got.Pages), float64(want.pages)},
		{"summary pages failed", float64(got.Failed), 0},
		{"summary pages skipped", float64(got.Skipped), 0},
		{"summary posts written", float64(got.Posts), float64(want.posts)},
		{"summary threads", float64(got.Threads), float64(want.threads)},
		{"summary boards", float64(got.Boards), float64(want.boards)},
		{"summary authors", float64(got.Authors), float64(want.authors)},
		{"requests the forum served", float64(f.TotalRequests()), float64(want.pages)},
		{"metric pages fetched", value(after, "forumcrawl_pages_fetched_total"), float64(got.Pages)},
		{"metric page errors", value(after, "forumcrawl_page_errors_total"), float64(got.Failed)},
		{"metric pages skipped", value(after, "forumcrawl_pages_skipped_total"), float64(got.Skipped)},
		{"metric posts written", value(after, "forumcrawl_posts_written_total"), float64(got.Posts)},
		{"metric bytes", value(after, "forumcrawl_response_bytes_total"), float64(got.Bytes)},
		{"metric latencies observed", value(after, "forumcrawl_request_duration_seconds"), float64(got.Pages)},
		{"tally pages done", float64(snap.Done), float64(got.Pages)},
		{"tally posts", float64(snap.Posts), float64(got.Posts)},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: %v, want %v", c.name, c.got, c.want)
		}
	}
	if got.Bytes <= 0 || got.Seconds <= 0 || got.PagesPerSec <= 0 {
		t.Errorf("summary has bytes %d, duration %v s, %v pages/s; want all above 0", got.Bytes, got.Seconds, got.PagesPerSec)
	}
	if during.got == nil {
		t.Fatal("no scrape during the crawl")
	}
	if n := value(during.got, "forumcrawl_pages_fetched_total"); n < 5 || n > float64(got.Pages) {
		t.Errorf("a scrape at the 5th page counted %v pages fetched; want 5 to %d", n, got.Pages)
	}
}

// TestMetricsTimeFailedPages crawls a forum whose pages fail past their
// retries: the failed pages are counted as errors, and their requests are
// timed in the latency histogram beside the pages fetched.
func TestMetricsTimeFailedPages(t *testing.T) {
	_, start, m, url := forumAndMetrics(t, forumsim.Config{Seed: 6, Boards: 2, Threads: 12, MinPages: 1, MaxPages: 3},
		forumsim.Faults{ErrorRate: 0.2, ErrorTimes: 50})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	tr, err := fetch.New(ctx, fetch.Options{Start: start, Retries: 1, Backoff: time.Millisecond,
		MaxBackoff: 5 * time.Millisecond, SlowStart: time.Millisecond, NoAdapt: true, Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer tr.CloseIdleConnections()
	w, err := storage.OpenJSONL(filepath.Join(t.TempDir(), "posts.jsonl"), storage.JSONLOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	sum, err := scraper.Crawl(ctx, scraper.Config{Start: start, NoDelay: true, Parallel: 4, Transport: tr, Observer: m}, w)
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Failed) == 0 {
		t.Fatal("no page failed: the faults did not happen")
	}
	got := scrape(t, url)
	if n := value(got, "forumcrawl_page_errors_total"); n != float64(len(sum.Failed)) {
		t.Errorf("metric page errors %v, want %d", n, len(sum.Failed))
	}
	if n := value(got, "forumcrawl_request_duration_seconds"); n != float64(sum.Pages+len(sum.Failed)) {
		t.Errorf("latencies observed %v, want %d (%d pages fetched + %d failed)", n, sum.Pages+len(sum.Failed), sum.Pages, len(sum.Failed))
	}
}
