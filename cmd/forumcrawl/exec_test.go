package main

import (
	"os"
	"os/exec"
	"testing"

	"github.com/forumcrawl/forumcrawl/forumsim"
)

// TestMain runs the command itself when the test binary is started as a
// child by command, so kills and signals are tested on a real process.
func TestMain(m *testing.M) {
	if os.Getenv("FORUMCRAWL_TEST_MAIN") == "1" {
		os.Args = append([]string{"forumcrawl"}, os.Args[1:]...)
		main()
		return
	}
	os.Exit(m.Run())
}

// command returns the command line run as its own process.
func command(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "FORUMCRAWL_TEST_MAIN=1")
	return cmd
}

// pageRequests returns how many pages a forum served: its requests but the
// robots.txt the crawl reads first, which is not a page of the crawl.
func pageRequests(f *forumsim.Forum) int {
	n := f.TotalRequests()
	for path, c := range f.Requests() {
		if path == "/robots.txt" {
			n -= c
		}
	}
	return n
}
