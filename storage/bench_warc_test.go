package storage

import (
	"net/http"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/forumcrawl/forumcrawl/parser"
)

// BenchmarkWARCArchive archives a real forum page (a XenForo 2 fixture of
// ../shared/fixtures) per iteration: what --warc adds to each page fetched.
func BenchmarkWARCArchive(b *testing.B) {
	body, err := os.ReadFile("../../shared/fixtures/xenforo2/macrumors_se-or-11.html")
	if err != nil {
		b.Skipf("shared fixtures not found (../shared/fixtures beside the project): %v", err)
	}
	w, err := OpenWARC(filepath.Join(b.TempDir(), "bench.warc.gz"), "bench")
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	ex := &Exchange{
		URL: "http://127.0.0.1:8090/community/threads/hello.1/page-2", Method: "GET",
		RequestHeader: http.Header{"User-Agent": {"bench"}},
		Status:        200, Header: http.Header{"Content-Type": {"text/html; charset=utf-8"}},
		Body: body, Fetched: time.Now(),
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		if err := w.Archive(ex); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
}

// cpuTime returns the process's user and system CPU time so far: on a
// machine shared with other jobs it is steadier than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkWARCArchiveVsParse parses a real forum page and archives it, one
// after the other in each iteration, and reports the CPU of archiving as a
// share of the CPU of parsing: both measured in the same loop, so a busy
// machine slows both alike.
func BenchmarkWARCArchiveVsParse(b *testing.B) {
	const page = "../../shared/fixtures/xenforo2/macrumors_se-or-11.html"
	body, err := os.ReadFile(page)
	if err != nil {
		b.Skipf("shared fixtures not found (../shared/fixtures beside the project): %v", err)
	}
	p, err := parser.New(parser.Options{})
	if err != nil {
		b.Fatal(err)
	}
	w, err := OpenWARC(filepath.Join(b.TempDir(), "bench.warc.gz"), "bench")
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	u := parser.GuessURL(body)
	ex := &Exchange{URL: u, Method: "GET", Status: 200, Body: body, Fetched: time.Now(),
		Header: http.Header{"Content-Type": {"text/html; charset=utf-8"}}}
	var parseCPU, archiveCPU time.Duration
	for b.Loop() {
		t0 := cpuTime()
		if _, err := p.Parse(u, body); err != nil {
			b.Fatal(err)
		}
		t1 := cpuTime()
		if err := w.Archive(ex); err != nil {
			b.Fatal(err)
		}
		t2 := cpuTime()
		parseCPU += t1 - t0
		archiveCPU += t2 - t1
	}
	b.ReportMetric(float64(parseCPU)/float64(b.N), "parse-cpu-ns/op")
	b.ReportMetric(float64(archiveCPU)/float64(b.N), "archive-cpu-ns/op")
	b.ReportMetric(float64(archiveCPU)/float64(parseCPU), "archive/parse")
}
