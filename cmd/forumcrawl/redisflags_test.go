package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"strings"
	"testing"

	"github.com/forumcrawl/forumcrawl/storage"
	"github.com/forumcrawl/forumcrawl/storage/redistest"
)

func TestRedisFlagsCheck(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // in the error; "" for none
	}{
		{"neither flag is a local crawl", nil, ""},
		{"both flags join a shared crawl", []string{"--redis", "redis://127.0.0.1:6379/0", "--crawl-id", "big"}, ""},
		{"redis without a crawl id", []string{"--redis", "redis://127.0.0.1:6379/0"}, "--redis needs --crawl-id"},
		{"a crawl id without redis", []string{"--crawl-id", "big"}, "--crawl-id needs --redis"},
		{"redis with a state directory", []string{"--redis", "redis://x/0", "--crawl-id", "big", "--state", "dir"}, "do not go together"},
		{"a lease timeout of zero", []string{"--redis", "redis://x/0", "--crawl-id", "big", "--lease-timeout", "0s"}, "--lease-timeout"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs := flag.NewFlagSet("crawl", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			rf, sf := addRedisFlags(fs), addStateFlags(fs)
			if err := fs.Parse(tc.args); err != nil {
				t.Fatal(err)
			}
			err := rf.check(sf)
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("check gave %v; want none", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want) || !errors.Is(err, errUsage)):
				t.Errorf("check gave %v; want a usage error with %q", err, tc.want)
			}
		})
	}
}

func TestOpenRedisStateUnreachable(t *testing.T) {
	srv := redistest.Start(t)
	srv.Stop()
	_, err := openRedisState(context.Background(), srv.URL, "c", "out.jsonl", 0)
	if err == nil || !strings.Contains(err.Error(), srv.Addr) {
		t.Errorf("an unreachable Redis gave %v; want an error naming %s", err, srv.Addr)
	}
}

func TestRedisFlagsOpenResetAndStatus(t *testing.T) {
	ctx := context.Background()
	srv := redistest.Start(t)
	rf := &redisFlags{url: srv.URL, crawlID: "c"}
	st, err := rf.open(ctx, "posts.jsonl", false)
	if err != nil {
		t.Fatal(err)
	}
	info := storage.CrawlInfo{Site: "forum.test", Start: "http://forum.test/"}
	st.Begin(ctx, info)
	st.Add(ctx, storage.Request{URL: "http://forum.test/"}, storage.Request{URL: "http://forum.test/b"})
	r, _, _ := st.Lease(ctx)
	st.Lease(ctx)
	st.Done(ctx, storage.PageDone{Request: r, Output: storage.OutputMark{Path: "/abs/posts.jsonl", Offset: 42}})

	var out bytes.Buffer
	if err := printRedisWorkers(ctx, &out, st); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{st.Worker(), "1 pages", "/abs/posts.jsonl (42 bytes synced)"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("status lacks %q:\n%s", want, out.String())
		}
	}
	st.Close()

	st, err = rf.open(ctx, "posts.jsonl", true)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if c, _ := st.Counts(ctx); c != (storage.Counts{}) {
		t.Errorf("after a reset the crawl has %+v; want nothing", c)
	}
	if _, err := st.Info(ctx); err == nil {
		t.Error("after a reset the crawl id still holds a crawl")
	}
}
