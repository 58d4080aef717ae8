package storage

import (
	"reflect"
	"testing"
	"time"
)

func TestBoltCodecRoundTrips(t *testing.T) {
	at := time.Date(2026, 11, 30, 7, 0, 0, 0, time.UTC)
	for _, e := range []urlEntry{
		{State: urlPending, QueueKey: queueKey(-1, 42)},
		{State: urlDone, Status: 200, FetchedAt: at},
		{State: urlFailed, Status: 503, FetchedAt: at},
		{State: urlFailed},
		{State: urlAlias},
	} {
		got, err := decodeEntry(encodeEntry(e))
		if err != nil || !reflect.DeepEqual(got, e) {
			t.Errorf("entry %+v came back as %+v, %v", e, got, err)
		}
	}
	for _, r := range []Request{
		{URL: "https://f.test/threads/a.1/page-2", Kind: "thread", Depth: 3, Priority: 1, Attempts: 2},
		{URL: "https://f.test/", Priority: -5},
		{URL: "https://f.test/forums/b.2/", Kind: "board", Priority: 3},
		{URL: "https://f.test/showthread.php?page=2&t=5", Fetch: "https://f.test/showthread.php?5-title/page2", Kind: "thread", Depth: 2, Priority: 1},
	} {
		k := queueKey(r.Priority, 7)
		got, err := decodeRequest(encodeRequest(r), priorityOf(k))
		if err != nil || got != r {
			t.Errorf("request %+v came back as %+v, %v", r, got, err)
		}
	}
	for _, p := range []PostMark{{Key: "s\x001"}, {Key: "s\x002", Revision: 3, EditedAt: at}} {
		got, err := decodePost(p.Key, encodePost(p))
		if err != nil || got != p {
			t.Errorf("post %+v came back as %+v, %v", p, got, err)
		}
	}
}

func TestBoltCodecRefusesDamagedValues(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("p123"), []byte("x"), []byte("d")} {
		if _, err := decodeEntry(b); err == nil {
			t.Errorf("decodeEntry(%q) gave no error", b)
		}
	}
	for _, b := range [][]byte{nil, {9, 0, 0}, {1}} {
		if _, err := decodeRequest(b, 0); err == nil {
			t.Errorf("decodeRequest(%q) gave no error", b)
		}
	}
	if _, err := decodePost("k", nil); err == nil {
		t.Error("decodePost of nothing gave no error")
	}
}

func TestQueueKeysOrderByPriorityThenSequence(t *testing.T) {
	keys := [][]byte{queueKey(-2, 9), queueKey(0, 1), queueKey(0, 2), queueKey(3, 0)}
	for i := 1; i < len(keys); i++ {
		if string(keys[i-1]) >= string(keys[i]) {
			t.Errorf("key %d does not sort before key %d", i-1, i)
		}
	}
}
