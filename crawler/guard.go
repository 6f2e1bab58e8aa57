package crawler

import (
	"errors"
	"fmt"
	"net/netip"
	"syscall"
)

// ErrRefused is returned (wrapped) when the crawler refuses to connect to an
// address outside the public internet that Options.AllowNetworks does not
// open.
var ErrRefused = errors.New("address refused by network guard")

// blockedNets are the ranges no crawl may reach unless allowed explicitly:
// loopback, private, link-local (cloud metadata lives there), carrier-grade
// NAT, unique-local, IPv4-mapped and translated IPv6, and reserved space.
var blockedNets = mustPrefixes(
	"0.0.0.0/8",       // "this network"; 0.0.0.0 reaches the local host
	"10.0.0.0/8",      // private
	"100.64.0.0/10",   // carrier-grade NAT
	"127.0.0.0/8",     // loopback
	"169.254.0.0/16",  // link-local, cloud metadata (169.254.169.254)
	"172.16.0.0/12",   // private
	"192.0.0.0/24",    // IETF protocol assignments
	"192.0.2.0/24",    // documentation
	"192.168.0.0/16",  // private
	"198.18.0.0/15",   // benchmarking
	"198.51.100.0/24", // documentation
	"203.0.113.0/24",  // documentation
	"224.0.0.0/4",     // multicast
	"240.0.0.0/4",     // reserved, broadcast
	"::/128",          // unspecified
	"::1/128",         // loopback
	"::ffff:0:0/96",   // IPv4-mapped
	"64:ff9b::/96",    // NAT64, may embed a private IPv4 address
	"64:ff9b:1::/48",  // local-use NAT64
	"100::/64",        // discard
	"2001:db8::/32",   // documentation
	"2002::/16",       // 6to4, may embed a private IPv4 address
	"fc00::/7",        // unique local (fd00:ec2::254 is a metadata address)
	"fe80::/10",       // link-local
	"ff00::/8",        // multicast
)

func mustPrefixes(ss ...string) []netip.Prefix {
	out := make([]netip.Prefix, len(ss))
	for i, s := range ss {
		out[i] = netip.MustParsePrefix(s)
	}
	return out
}

// guard decides at connect time whether an address may be reached. It sees
// the address after DNS resolution and on every redirect hop, so neither a
// rebinding DNS answer nor a redirect can lead a crawl to an internal host.
type guard struct {
	allow []netip.Prefix
}

// check reports why addr may not be reached, or nil if it may.
func (g guard) check(addr netip.Addr) error {
	for _, p := range g.allow {
		if p.Contains(addr) {
			return nil
		}
	}
	if addr.Zone() != "" {
		return fmt.Errorf("%w: %s has a zone", ErrRefused, addr)
	}
	for _, p := range blockedNets {
		if p.Contains(addr) {
			return fmt.Errorf("%w: %s is in %s", ErrRefused, addr, p)
		}
	}
	return nil
}

// control is a net.Dialer Control hook: it runs after resolution and before
// the connect system call, so a refused address is never contacted.
func (g guard) control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: cannot parse dial address %q", ErrRefused, address)
	}
	return g.check(ap.Addr())
}
