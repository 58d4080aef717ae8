// Command forumsim serves a simulated XenForo 2 forum on a loopback address,
// for crawler tests and benchmarks. It prints the index URL and serves until
// interrupted; /__forumsim/stats reports the requests served as JSON.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/forumcrawl/forumcrawl/forumsim"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "forumsim:", err)
		os.Exit(1)
	}
}

func run() error {
	addr := flag.String("addr", "127.0.0.1:8090", "loopback address to listen on")
	seed := flag.Int64("seed", 0, "generator seed")
	boards := flag.Int("boards", 0, "top-level boards (0: default 3)")
	threads := flag.Int("threads", 0, "threads in all (0: default 40)")
	minPages := flag.Int("min-pages", 0, "fewest pages per thread (0: default 1)")
	maxPages := flag.Int("max-pages", 0, "most pages per thread (0: default 6)")
	prefix := flag.String("prefix", "/community", `path the forum lives under ("" or "/" for the root)`)
	flag.Parse()

	if *prefix == "" {
		*prefix = "/"
	}
	f := forumsim.New(forumsim.Config{
		Seed: *seed, Boards: *boards, Threads: *threads,
		MinPages: *minPages, MaxPages: *maxPages, Prefix: *prefix,
	})
	s, err := forumsim.Start(f, *addr)
	if err != nil {
		return err
	}
	fmt.Println(f.RootURL(s.URL))
	fmt.Fprintf(os.Stderr, "forumsim: %d boards, %d threads, %d posts; stats at %s/__forumsim/stats\n",
		len(f.Boards()), len(f.Threads()), len(f.Posts()), s.URL)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	fmt.Fprintf(os.Stderr, "forumsim: served %d requests\n", f.TotalRequests())
	return s.Close()
}
