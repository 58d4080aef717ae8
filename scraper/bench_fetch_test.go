package scraper

import (
	"context"
	"net"
	"net/http"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/forumcrawl/forumcrawl/fetch"
	"github.com/forumcrawl/forumcrawl/storage"
)

// BenchmarkFetchStackCost measures what the politeness machinery (the fetch
// package's transport: robots.txt, pacing at an unlimited rate, retries,
// safe dialing, challenge checks, whole-body reads) costs in CPU per page:
// each iteration crawls a forumsim forum (~1,000 pages, 8 in flight) once
// without and once with it, in alternating order, and the medians of the
// CPU per page (user+sys of this process) and of their ratio are reported.
// The forum is served by a separate forumsim process, so that the server's
// CPU is not counted. Run: go test ./scraper -run XXX -bench FetchStackCost -benchtime 5x
func BenchmarkFetchStackCost(b *testing.B) {
	base := startForumsimProcess(b)
	var plain, polite, ratios []float64
	for i := 0; i < b.N; i++ {
		order := []bool{false, true}
		if i%2 == 1 {
			order = []bool{true, false}
		}
		var got [2]float64
		for _, withFetch := range order {
			ms := crawlCPUPerPage(b, base, withFetch)
			if withFetch {
				got[1] = ms
			} else {
				got[0] = ms
			}
		}
		plain, polite = append(plain, got[0]), append(polite, got[1])
		ratios = append(ratios, got[1]/got[0])
	}
	b.ReportMetric(median(plain), "plain-cpu-ms/page")
	b.ReportMetric(median(polite), "fetch-cpu-ms/page")
	b.ReportMetric(median(ratios), "cpu-ratio")
}

// crawlCPUPerPage crawls the forum at base and returns the CPU ms per page it took.
func crawlCPUPerPage(b *testing.B, base string, withFetch bool) float64 {
	b.Helper()
	w, err := storage.OpenJSONL(filepath.Join(b.TempDir(), "posts.jsonl"), storage.JSONLOptions{})
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cfg := Config{Start: base + "/community/", Parallel: 8, NoDelay: true}
	if withFetch {
		tr, err := fetch.New(ctx, fetch.Options{Start: cfg.Start})
		if err != nil {
			b.Fatal(err)
		}
		defer tr.CloseIdleConnections()
		cfg.Transport = tr
	}
	runtime.GC()
	before := cpuTime()
	sum, err := Crawl(ctx, cfg, w)
	spent := cpuTime() - before
	if err != nil || len(sum.Failed) > 0 || sum.Pages < 500 {
		b.Fatalf("crawl: %v, %d pages, %d failed", err, sum.Pages, len(sum.Failed))
	}
	return float64(spent.Microseconds()) / 1000 / float64(sum.Pages)
}

// median returns the middle of xs (the mean of the two middle values for an even count).
func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// startForumsimProcess builds cmd/forumsim and serves a ~1,000-page forum
// from it on a free loopback port until the benchmark ends.
func startForumsimProcess(b *testing.B) string {
	b.Helper()
	bin := filepath.Join(b.TempDir(), "forumsim")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/forumsim").CombinedOutput(); err != nil {
		b.Fatalf("build forumsim: %v\n%s", err, out)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(bin, "-addr", addr, "-seed", "42", "-boards", "4", "-threads", "250", "-min-pages", "3", "-max-pages", "5")
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	base := "http://" + addr
	for i := 0; ; i++ {
		resp, err := http.Get(base + "/__forumsim/stats")
		if err == nil {
			resp.Body.Close()
			return base
		}
		if i == 100 {
			b.Fatalf("forumsim did not start at %s: %v", base, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
