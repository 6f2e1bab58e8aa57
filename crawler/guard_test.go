package crawler

import (
	"errors"
	"net/netip"
	"testing"
)

func TestGuardCheck(t *testing.T) {
	cases := []struct {
		addr  string
		allow []string
		ok    bool
	}{
		{addr: "93.184.216.34", ok: true},
		{addr: "2606:2800:220:1:248:1893:25c8:1946", ok: true},
		{addr: "127.0.0.1"},
		{addr: "127.8.9.10"},
		{addr: "::1"},
		{addr: "10.1.2.3"},
		{addr: "172.16.0.1"},
		{addr: "172.31.255.255"},
		{addr: "172.32.0.1", ok: true},
		{addr: "192.168.1.1"},
		{addr: "169.254.169.254"},
		{addr: "100.64.0.1"},
		{addr: "100.127.255.255"},
		{addr: "0.0.0.0"},
		{addr: "255.255.255.255"},
		{addr: "224.0.0.1"},
		{addr: "fd00:ec2::254"},
		{addr: "fc00::1"},
		{addr: "fe80::1"},
		{addr: "::ffff:127.0.0.1"},
		{addr: "::ffff:169.254.169.254"},
		{addr: "::ffff:93.184.216.34"},
		{addr: "64:ff9b::a9fe:a9fe"},
		{addr: "2002:a9fe:a9fe::1"},
		{addr: "::"},
		{addr: "127.0.0.1", allow: []string{"127.0.0.0/8"}, ok: true},
		{addr: "127.0.0.2", allow: []string{"127.0.0.2/32"}, ok: true},
		{addr: "127.0.0.1", allow: []string{"127.0.0.2/32"}},
		{addr: "::ffff:127.0.0.1", allow: []string{"127.0.0.0/8"}},
		{addr: "169.254.169.254", allow: []string{"10.0.0.0/8"}},
		{addr: "10.20.30.40", allow: []string{"10.0.0.0/8"}, ok: true},
	}
	for _, tc := range cases {
		t.Run(tc.addr, func(t *testing.T) {
			g := guard{allow: mustPrefixes(tc.allow...)}
			err := g.check(netip.MustParseAddr(tc.addr))
			if tc.ok && err != nil {
				t.Errorf("refused: %v", err)
			}
			if !tc.ok && !errors.Is(err, ErrRefused) {
				t.Errorf("allowed, want refused (err = %v)", err)
			}
		})
	}
}

func TestGuardControlParsesDialAddress(t *testing.T) {
	g := guard{}
	if err := g.control("tcp4", "169.254.169.254:80", nil); !errors.Is(err, ErrRefused) {
		t.Errorf("metadata address: %v", err)
	}
	if err := g.control("tcp6", "[::1]:443", nil); !errors.Is(err, ErrRefused) {
		t.Errorf("::1: %v", err)
	}
	if err := g.control("tcp", "not-an-address", nil); !errors.Is(err, ErrRefused) {
		t.Errorf("garbage: %v", err)
	}
	if err := g.control("tcp4", "93.184.216.34:443", nil); err != nil {
		t.Errorf("public address: %v", err)
	}
}
