package fetch

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// Address classes that a crawl refuses to connect to unless allowed.
const (
	classPublic      = ""
	classLoopback    = "loopback"
	classPrivate     = "private"
	classLinkLocal   = "link-local" // includes the cloud metadata address 169.254.169.254
	classUnspecified = "unspecified"
)

var privateRanges = []netip.Prefix{
	netip.MustParsePrefix("10.0.0.0/8"),
	netip.MustParsePrefix("172.16.0.0/12"),
	netip.MustParsePrefix("192.168.0.0/16"),
	netip.MustParsePrefix("100.64.0.0/10"), // carrier-grade NAT
	netip.MustParsePrefix("fc00::/7"),
}

// AddressClass returns the class of a non-public address ("loopback",
// "private", "link-local", "unspecified"), or "" for a public one.
func AddressClass(ip netip.Addr) string {
	ip = ip.Unmap()
	switch {
	case ip.IsLoopback():
		return classLoopback
	case ip.IsUnspecified():
		return classUnspecified
	case ip.IsLinkLocalUnicast(), ip.IsLinkLocalMulticast():
		return classLinkLocal
	}
	for _, p := range privateRanges {
		if p.Contains(ip) {
			return classPrivate
		}
	}
	return classPublic
}

// guard decides which addresses the crawl may connect to.
type guard struct {
	allowAll bool
	classes  map[string]bool     // non-public classes allowed (the start's own)
	addrs    map[netip.Addr]bool // addresses always allowed (proxies)
	resolver *net.Resolver       // the dialer's, for the lookups the guard makes itself
}

// allowed returns nil when ip may be connected to, else a *BlockedAddressError.
func (g *guard) allowed(ip netip.Addr, addr string) error {
	c := AddressClass(ip)
	if c == classPublic || g.allowAll || g.classes[c] || g.addrs[ip.Unmap()] {
		return nil
	}
	return &BlockedAddressError{Addr: addr, Class: c}
}

// control is a net.Dialer Control hook: it checks the resolved address
// just before the connection is made, so a name that resolves to a
// private address (or is rebound to one) is caught.
func (g *guard) control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("dial %s %s: %w", network, address, err)
	}
	return g.allowed(ap.Addr(), address)
}

// controlThen returns a net.Dialer ControlContext hook that checks the
// address (see control) and then, for an address let through, runs the
// dialer's own hook, if any (ctlCtx, else ctl).
func (g *guard) controlThen(ctl func(network, address string, c syscall.RawConn) error,
	ctlCtx func(ctx context.Context, network, address string, c syscall.RawConn) error) func(context.Context, string, string, syscall.RawConn) error {
	return func(ctx context.Context, network, address string, c syscall.RawConn) error {
		if err := g.control(network, address, c); err != nil {
			return err
		}
		switch {
		case ctlCtx != nil:
			return ctlCtx(ctx, network, address, c)
		case ctl != nil:
			return ctl(network, address, c)
		}
		return nil
	}
}

// checkHost resolves host and checks every address it has; used when a
// proxy makes the connection, so the dial hook sees only the proxy. A name
// that does not resolve here is left to the proxy to resolve.
func (g *guard) checkHost(ctx context.Context, host string) error {
	if g.allowAll {
		return nil
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		return g.allowed(ip, host)
	}
	ips, _ := g.resolver.LookupNetIP(ctx, "ip", host)
	for _, ip := range ips {
		if err := g.allowed(ip, host); err != nil {
			return err
		}
	}
	return nil
}

// startClasses returns the non-public classes of the start URL's host
// (resolved by r), which the crawl may then reach: a forum on a LAN or on
// this machine is crawled when asked for by address or name.
func startClasses(ctx context.Context, r *net.Resolver, host string) map[string]bool {
	out := map[string]bool{}
	if host == "" {
		return out
	}
	var ips []netip.Addr
	if ip, err := netip.ParseAddr(host); err == nil {
		ips = []netip.Addr{ip}
	} else if host == "localhost" {
		out[classLoopback] = true
	} else if found, err := r.LookupNetIP(ctx, "ip", host); err == nil {
		ips = found
	}
	for _, ip := range ips {
		if c := AddressClass(ip); c != classPublic {
			out[c] = true
		}
	}
	return out
}
