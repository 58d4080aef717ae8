package scraper

import (
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"net"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/dns/dnsmessage"

	"github.com/forumcrawl/forumcrawl/fetch"
	"github.com/forumcrawl/forumcrawl/forumsim"
)

// TestLinkToPrivateAddressRefusedAtConnect crawls a forum by a host name
// that a test resolver maps to 127.0.0.1. Once the index is served, the
// name is rebound, for one lookup, to a private address (forumsim's
// RebindAfter): the board link fetched next is in the crawl's scope (same
// name), and only the check of the resolved address at connect time stops
// it. The crawl ends, every post of the other boards arrives once, the
// summary names the refusal, the server never sees the refused request,
// and no connection is made to anything but 127.0.0.1: the dialer's own
// hook, which runs after the check, sees no other address (and would
// refuse one itself). One request at a time makes "the next" one certain.
func TestLinkToPrivateAddressRefusedAtConnect(t *testing.T) {
	f, srv := simForum(t, faultForum)
	f.SetFaults(forumsim.Faults{RebindAfter: []string{f.RootURL("")}})
	_, port, err := net.SplitHostPort(strings.TrimPrefix(srv.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	const name = "forum.test"
	private := netip.MustParseAddr("10.255.255.1")
	dns := &fakeDNS{name: name, addr: netip.MustParseAddr("127.0.0.1"), private: private, rebound: f.Rebound}

	var mu sync.Mutex
	var dialed []string
	d := &net.Dialer{Timeout: 5 * time.Second, Resolver: dns.resolver(), Control: func(_, address string, _ syscall.RawConn) error {
		mu.Lock()
		dialed = append(dialed, address)
		mu.Unlock()
		if ap, err := netip.ParseAddrPort(address); err != nil || ap.Addr() != netip.MustParseAddr("127.0.0.1") {
			return fmt.Errorf("test: refused to connect to %s: tests reach 127.0.0.1 only", address)
		}
		return nil
	}}
	base := "http://" + name + ":" + port
	o := faultFetch()
	o.Start, o.Dialer = f.RootURL(base), d
	tr, err := fetch.New(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	defer tr.CloseIdleConnections()
	sum, recs := crawlToFile(t, Config{Start: f.RootURL(base), Transport: tr, Parallel: 1})
	mu.Lock()
	for _, a := range dialed {
		if !strings.HasPrefix(a, "127.0.0.1:") {
			t.Errorf("a connection to %s was attempted past the address check", a)
		}
	}
	if len(dialed) < 2 {
		t.Errorf("%d connections made, want a new one after the rebinding", len(dialed))
	}
	mu.Unlock()

	if len(sum.Skipped) != 1 || sum.Skipped[0].Reason != "private_address" {
		t.Fatalf("skipped %+v, want one page skipped for a private address", sum.Skipped)
	}
	sk := sum.Skipped[0]
	refused := netip.AddrPortFrom(private, mustPort(t, port)).String()
	if !strings.Contains(sk.Err, refused) || !strings.Contains(sk.Err, "private") {
		t.Errorf("the summary says %q, want the refusal of %s named", sk.Err, refused)
	}
	u, err := url.Parse(sk.URL)
	if err != nil || u.Host != name+":"+port {
		t.Fatalf("skipped URL %q is not on %s", sk.URL, name)
	}
	path := u.RequestURI()
	var board forumsim.BoardTruth
	for _, b := range f.Boards() {
		if b.Path == path {
			board = b
		}
	}
	if board.ID == "" {
		t.Fatalf("skipped %s, want a board's first page (the index links boards only)", path)
	}
	if n := f.Requests()[path]; n != 0 {
		t.Errorf("the server saw %s %d times; the refused request should never arrive", path, n)
	}
	if len(sum.Failed) != 0 {
		t.Errorf("failed %+v, want none", sum.Failed)
	}
	want := postsOutside(f, board)
	checkPosts(t, base, recs, want)
	if dns.privateAnswers() != 1 {
		t.Errorf("the resolver gave the private address %d times, want once", dns.privateAnswers())
	}
}

func mustPort(t *testing.T, s string) uint16 {
	t.Helper()
	var n uint16
	if _, err := fmt.Sscan(s, &n); err != nil {
		t.Fatal(err)
	}
	return n
}

// fakeDNS answers A queries for one name: addr, or private when rebound
// says so; every other query gets no answer. It serves Go's resolver over
// in-memory pipes: no socket, no real DNS.
type fakeDNS struct {
	name          string
	addr, private netip.Addr
	rebound       func() bool

	mu    sync.Mutex
	given int // private answers given
}

// resolver returns a Go resolver that asks d.
func (d *fakeDNS) resolver() *net.Resolver {
	return &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
		client, server := net.Pipe()
		go d.serve(server)
		return client, nil
	}}
}

func (d *fakeDNS) privateAnswers() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.given
}

// serve answers the length-prefixed queries (DNS over a stream) on c until it closes.
func (d *fakeDNS) serve(c net.Conn) {
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	for {
		var size [2]byte
		if _, err := io.ReadFull(c, size[:]); err != nil {
			return
		}
		msg := make([]byte, binary.BigEndian.Uint16(size[:]))
		if _, err := io.ReadFull(c, msg); err != nil {
			return
		}
		out, err := d.answer(msg)
		if err != nil {
			return
		}
		binary.BigEndian.PutUint16(size[:], uint16(len(out)))
		if _, err := c.Write(append(size[:], out...)); err != nil {
			return
		}
	}
}

// answer returns the reply to one query.
func (d *fakeDNS) answer(msg []byte) ([]byte, error) {
	var p dnsmessage.Parser
	h, err := p.Start(msg)
	if err != nil {
		return nil, err
	}
	q, err := p.Question()
	if err != nil {
		return nil, err
	}
	b := dnsmessage.NewBuilder(nil, dnsmessage.Header{ID: h.ID, Response: true, Authoritative: true})
	b.EnableCompression()
	b.StartQuestions()
	b.Question(q)
	b.StartAnswers()
	if q.Type == dnsmessage.TypeA && strings.EqualFold(strings.TrimSuffix(q.Name.String(), "."), d.name) {
		ip := d.addr
		if d.rebound() {
			ip = d.private
			d.mu.Lock()
			d.given++
			d.mu.Unlock()
		}
		hdr := dnsmessage.ResourceHeader{Name: q.Name, Type: dnsmessage.TypeA, Class: dnsmessage.ClassINET, TTL: 0}
		if err := b.AResource(hdr, dnsmessage.AResource{A: ip.As4()}); err != nil {
			return nil, err
		}
	}
	return b.Finish()
}
