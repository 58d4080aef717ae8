package scraper

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/forumcrawl/forumcrawl/storage"
	"github.com/forumcrawl/forumcrawl/storage/redistest"
)

// workerEnv carries a worker process's job: Redis URL, crawl id, start URL,
// output, worker name, tab-separated.
const workerEnv = "FORUMCRAWL_REDIS_E2E_WORKER"

// TestRedisWorkerProcess is the body of a worker process that
// TestRedisKilledWorkersPagesArePickedUp starts and kills.
func TestRedisWorkerProcess(t *testing.T) {
	job := os.Getenv(workerEnv)
	if job == "" {
		t.Skip("a worker process for TestRedisKilledWorkersPagesArePickedUp; runs only when it starts one")
	}
	f := strings.Split(job, "\t")
	ctx := context.Background()
	st, err := storage.OpenRedisState(ctx, f[0], f[1], storage.RedisOptions{Output: f[3], Worker: f[4], LeaseTimeout: victimLease})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := workerCrawl(ctx, st, f[2], f[3]); err != nil {
		t.Fatal(err)
	}
}

// victimLease is the lease timeout of the worker that is killed: its pages
// return to the others this long after it dies.
const victimLease = 3 * time.Second

// TestRedisKilledWorkersPagesArePickedUp: of three workers, one is killed
// with SIGKILL halfway. Its leased pages return to the queue when their
// lease runs out and the two others fetch them: no post is lost; the only
// pages fetched twice are the ones it held; the only posts written twice
// are ones it wrote after the last page it marked done, which a merge of
// the outputs writes once.
func TestRedisKilledWorkersPagesArePickedUp(t *testing.T) {
	rsrv := redistest.Start(t)
	f, srv := bigForum(t)
	start := f.RootURL(srv.URL)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	dir := t.TempDir()
	outs := []string{filepath.Join(dir, "victim.jsonl"), filepath.Join(dir, "w1.jsonl"), filepath.Join(dir, "w2.jsonl")}

	victim := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestRedisWorkerProcess$", "-test.count=1")
	victim.Env = append(os.Environ(), workerEnv+"="+strings.Join([]string{rsrv.URL, "killed", start, outs[0], "victim"}, "\t"))
	if err := victim.Start(); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var rts [2]roundTrips
	for i := 1; i < 3; i++ {
		st := redisWorker(t, rsrv, "killed", outs[i], &rts[i-1], storage.RedisOptions{Worker: fmt.Sprint("w", i)})
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer st.Close()
			if _, err := workerCrawl(ctx, st, start, outs[i]); err != nil {
				t.Errorf("worker %d: %v", i, err)
			}
		}()
	}
	// Halfway through the forum's pages, SIGKILL.
	half := 750
	for f.TotalRequests() < half && ctx.Err() == nil {
		time.Sleep(10 * time.Millisecond)
	}
	victim.Process.Kill()
	victim.Wait()
	held := leasedBy(t, rsrv, "killed", "victim")
	t.Logf("killed the victim after %d requests; it held %d leases", f.TotalRequests(), len(held))
	wg.Wait()
	if t.Failed() {
		return
	}

	// Pages fetched twice: only those the victim held.
	for path, n := range f.Requests() {
		if n > 1 && !held[srv.URL+path] {
			t.Errorf("%s fetched %d times, and the victim did not hold it", path, n)
		}
	}
	// Posts written twice: only ones the victim wrote after its output mark.
	st := redisWorker(t, rsrv, "killed", outs[0], &roundTrips{}, storage.RedisOptions{Worker: "checker"})
	mark, err := st.Output(ctx)
	if err != nil {
		t.Fatal(err)
	}
	unmarked := map[string]bool{}
	var all []storage.Record
	for i, out := range outs {
		recs, offsets := readCompleteRecords(t, out)
		for j, r := range recs {
			if i == 0 && offsets[j] >= mark.Offset {
				unmarked[r.Post.ID] = true
			}
		}
		t.Logf("%s: %d posts", filepath.Base(out), len(recs))
		all = append(all, recs...)
	}
	count := map[string]int{}
	for _, r := range all {
		count[r.Post.ID]++
	}
	doubled := 0
	for id, n := range count {
		if n > 1 {
			doubled++
			if !unmarked[id] {
				t.Errorf("post %s written %d times; not one the victim wrote unmarked", id, n)
			}
		}
	}
	t.Logf("%d posts the victim wrote after its last mark were written again by the others", doubled)
	merged := map[string]storage.Record{}
	for _, r := range all {
		merged[r.Post.ID] = r
	}
	var once []storage.Record
	for _, r := range merged {
		once = append(once, r)
	}
	checkPosts(t, srv.URL, once, f.Posts())
}

// leasedBy returns the URLs worker holds leases on in crawl id.
func leasedBy(t *testing.T, srv *redistest.Server, id, worker string) map[string]bool {
	t.Helper()
	owners, err := srv.Client(t).HGetAll(context.Background(), storage.RedisCrawlKeys(id)[5]).Result()
	if err != nil {
		t.Fatal(err)
	}
	held := map[string]bool{}
	for u, o := range owners {
		if strings.HasSuffix(o, " "+worker) {
			held[u] = true
		}
	}
	return held
}

// readCompleteRecords reads the complete lines of a JSON Lines output (a
// killed writer may have left half a line), with each line's offset.
func readCompleteRecords(t *testing.T, path string) ([]storage.Record, []int64) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var recs []storage.Record
	var offsets []int64
	off := int64(0)
	for {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			break
		}
		var r storage.Record
		if err := json.Unmarshal(data[off:off+int64(i)], &r); err != nil {
			t.Fatalf("%s at byte %d: %v", path, off, err)
		}
		recs = append(recs, r)
		offsets = append(offsets, off)
		off += int64(i) + 1
	}
	return recs, offsets
}
