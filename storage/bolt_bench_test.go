package storage_test

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/forumcrawl/forumcrawl/storage"
)

var frontierSize = flag.Int("frontier-size", 1_000_000, "pending requests in BenchmarkBoltFrontier")

// BenchmarkBoltFrontier queues -frontier-size requests in batches of 1,000
// (as pages' links arrive), then leases them all and marks them done in
// batches of 64 (as the crawl's committer does), in a synced state. It
// reports the throughput of each and the peak anonymous memory (heap and
// stacks; RssAnon) beside the peak resident size, which also counts the
// state file's pages that bbolt maps. Run it with -benchtime=1x.
func BenchmarkBoltFrontier(b *testing.B) {
	n := *frontierSize
	// As the CLI runs (its default --memory-limit).
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(80 << 20))
	for range b.N {
		ctx := context.Background()
		st, err := storage.OpenBoltState(b.TempDir(), storage.BoltOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := st.Begin(ctx, storage.CrawlInfo{Site: "bench.test"}); err != nil {
			b.Fatal(err)
		}
		b.Logf("RssAnon at start: %.1f MiB", float64(procStatus("RssAnon:"))/(1<<20))
		peak := sampleMemory()
		began := time.Now()
		batch := make([]storage.Request, 0, 1000)
		for i := range n {
			batch = append(batch, storage.Request{URL: fmt.Sprintf("https://bench.test/threads/thread-title-%d.%d/page-%d", i, i*7, i%9+1), Kind: "thread", Priority: i % 3})
			if len(batch) == cap(batch) || i == n-1 {
				if _, err := st.Add(ctx, batch...); err != nil {
					b.Fatal(err)
				}
				batch = batch[:0]
			}
		}
		enqueue := time.Since(began)
		began = time.Now()
		dones := make([]storage.PageDone, 0, 64)
		for taken := 0; ; taken++ {
			r, ok, err := st.Lease(ctx)
			if err != nil {
				b.Fatal(err)
			}
			if ok {
				dones = append(dones, storage.PageDone{Request: r, Status: 200})
			}
			if len(dones) == cap(dones) || (!ok && len(dones) > 0) {
				if err := st.Done(ctx, dones...); err != nil {
					b.Fatal(err)
				}
				dones = dones[:0]
			}
			if !ok {
				if taken != n {
					b.Fatalf("leased %d of %d", taken, n)
				}
				break
			}
		}
		dequeue := time.Since(began)
		anon, rss := peak()
		st.Close()
		b.ReportMetric(float64(n)/enqueue.Seconds(), "enqueue/s")
		b.ReportMetric(float64(n)/dequeue.Seconds(), "lease+done/s")
		b.ReportMetric(float64(anon)/(1<<20), "peak-RssAnon-MiB")
		b.ReportMetric(float64(rss)/(1<<20), "peak-RSS-MiB")
	}
}

// sampleMemory samples the process's RssAnon and VmRSS every 10 ms until the
// returned function is called, which returns their peaks in bytes.
func sampleMemory() func() (anon, rss int64) {
	var peakAnon, peakRSS atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	read := func() {
		a, r := procStatus("RssAnon:"), procStatus("VmRSS:")
		if a > peakAnon.Load() {
			peakAnon.Store(a)
		}
		if r > peakRSS.Load() {
			peakRSS.Store(r)
		}
	}
	go func() {
		defer wg.Done()
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				read()
				return
			case <-t.C:
				read()
			}
		}
	}()
	return func() (int64, int64) {
		close(stop)
		wg.Wait()
		return peakAnon.Load(), peakRSS.Load()
	}
}

// procStatus returns a size field of /proc/self/status in bytes, 0 when absent.
func procStatus(field string) int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), field); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}
