package fetch

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"sync"
	"syscall"
	"testing"
)

func TestAddressClass(t *testing.T) {
	cases := map[string]string{
		"127.0.0.1": "loopback", "127.9.9.9": "loopback", "::1": "loopback",
		"10.1.2.3": "private", "172.16.0.1": "private", "172.31.255.255": "private", "192.168.1.1": "private",
		"fc00::1": "private", "fd12:3456::1": "private", "100.64.0.1": "private",
		"169.254.169.254": "link-local", "fe80::1": "link-local",
		"0.0.0.0": "unspecified", "::": "unspecified",
		"::ffff:10.0.0.1": "private",
		"8.8.8.8":         "", "172.32.0.1": "", "2606:4700::1111": "", "93.184.216.34": "",
	}
	for addr, want := range cases {
		if got := AddressClass(netip.MustParseAddr(addr)); got != want {
			t.Errorf("AddressClass(%s) = %q, want %q", addr, got, want)
		}
	}
}

// TestSafeDial checks at connect time that a loopback server is reached
// only when the start URL is loopback too or private addresses are allowed.
func TestSafeDial(t *testing.T) {
	var c counter
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.add(r.URL.Path)
		fmt.Fprint(w, "inside")
	}))
	defer srv.Close()
	cases := []struct {
		name  string
		start string
		allow bool
		reach bool
	}{
		{"a public start does not reach loopback", "http://93.184.216.34/forum/", false, false},
		{"a loopback start reaches loopback", srv.URL + "/", false, true},
		{"a private start does not reach loopback", "http://192.168.1.10/", false, false},
		{"--allow-private reaches loopback", "http://93.184.216.34/", true, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := c.get("/x")
			o := fastOptions(srv)
			o.Start, o.AllowPrivate, o.IgnoreRobots = tc.start, tc.allow, true
			_, body, err := get(t, newTransport(t, o), srv.URL+"/x")
			reached := c.get("/x") > before
			if reached != tc.reach {
				t.Errorf("server reached: %v, want %v (err %v)", reached, tc.reach, err)
			}
			var be *BlockedAddressError
			if !tc.reach && (!errors.As(err, &be) || be.Class != "loopback") {
				t.Errorf("error %v, want a BlockedAddressError for a loopback address", err)
			}
			if tc.reach && body != "inside" {
				t.Errorf("body %q, err %v", body, err)
			}
		})
	}
}

// TestDialerControlRunsAfterTheCheck checks that a Dialer given in Options
// makes the connections, and that its own Control hook sees only the
// addresses the check let through: a refused address is never dialled.
func TestDialerControlRunsAfterTheCheck(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "inside") }))
	defer srv.Close()
	cases := []struct {
		name   string
		start  string
		dialed bool
	}{
		{"an address let through reaches the dialer's hook", srv.URL + "/", true},
		{"a refused address never reaches it", "http://93.184.216.34/", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var mu sync.Mutex
			var seen []string
			o := fastOptions(srv)
			o.Start, o.IgnoreRobots = tc.start, true
			o.Dialer = &net.Dialer{Control: func(_, address string, _ syscall.RawConn) error {
				mu.Lock()
				seen = append(seen, address)
				mu.Unlock()
				return nil
			}}
			_, body, err := get(t, newTransport(t, o), srv.URL+"/x")
			mu.Lock()
			defer mu.Unlock()
			if tc.dialed && (body != "inside" || len(seen) != 1 || seen[0] != srv.Listener.Addr().String()) {
				t.Errorf("body %q, err %v, dialer's hook saw %v; want one dial to %s", body, err, seen, srv.Listener.Addr())
			}
			var be *BlockedAddressError
			if !tc.dialed && (len(seen) != 0 || !errors.As(err, &be)) {
				t.Errorf("err %v, dialer's hook saw %v; want a BlockedAddressError and no dial", err, seen)
			}
		})
	}
}
