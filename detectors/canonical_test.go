package detectors

import (
	"math/rand/v2"
	"net/netip"
	"strings"
	"testing"
)

// TestCanonicalIPv4 holds the fast path to net/netip: what it takes as
// canonical parses, and prints back the same.
func TestCanonicalIPv4(t *testing.T) {
	for _, v := range []string{
		"1.2.3.4", "0.0.0.0", "255.255.255.255", "10.0.0.1", "256.1.1.1", "01.2.3.4", "1.2.3", "1.2.3.4.5",
		"1..2.3", "1.2.3.", ".1.2.3", "1.2.3.04", "100.200.250.199", "1.2.3.4%eth0", "",
	} {
		a, err := netip.ParseAddr(v)
		want := err == nil && a.Is4() && a.String() == v
		if got := canonicalIPv4([]byte(v)); got != want {
			t.Errorf("canonicalIPv4(%q) = %v, want %v", v, got, want)
		}
	}
}

// canonicalIPv6Oracle is canonicalIPv6 by net/netip: v parses as an IPv6
// address without a zone and prints back the same.
func canonicalIPv6Oracle(v string) bool {
	a, err := netip.ParseAddr(v)
	return err == nil && a.Is6() && a.Zone() == "" && a.String() == v
}

// TestCanonicalIPv6 holds the fast path to net/netip on written forms and
// on random addresses, zero groups frequent, as netip prints them and as
// they are written otherwise (upper case, leading zeros, zeros not
// compressed, the other run compressed).
func TestCanonicalIPv6(t *testing.T) {
	check := func(v string) {
		t.Helper()
		if got, want := canonicalIPv6([]byte(v)), canonicalIPv6Oracle(v); got != want {
			t.Fatalf("canonicalIPv6(%q) = %v, want %v", v, got, want)
		}
	}
	for _, v := range []string{
		"::", "::1", "1::", "fe80::1", "2001:db8::1", "2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1", "2001:db8:0:0:1::1",
		"2001:0db8::1", "2001:DB8::1", "1:0:0:0:0:0:0:8", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8",
		"1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1::2::3", ":1::", "1:::2", "1:", ":", "", "12345::", "::ffff:1.2.3.4",
		"::ffff:0102:0304", "::ffff:102:304", "::ffff:01.2.3.4", "::1.2.3.4", "64:ff9b::1.2.3.4", "fe80::1%eth0",
		"0:0:0:0:0:0:0:0", "0::0", "1:0::", "1::0:2", "a:b:c:d:e:f:0:0", "::ffff:1.2.3.4%z", "::ffff:0:0", "::fffe:1.2.3.4",
	} {
		check(v)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200_000 {
		var a [16]byte
		for g := range 8 {
			if r.IntN(2) == 0 {
				a[2*g], a[2*g+1] = byte(r.IntN(3)), byte(r.IntN(256))
				if r.IntN(2) == 0 {
					a[2*g], a[2*g+1] = 0, 0
				}
			} else {
				a[2*g], a[2*g+1] = byte(r.IntN(256)), byte(r.IntN(256))
			}
		}
		v := netip.AddrFrom16(a).String()
		check(v)
		check(strings.ToUpper(v))
		check(strings.Replace(v, "::", ":0:0:", 1))
		check(strings.Replace(v, ":0:", "::", 1))
		check(strings.Replace(v, ":", ":0", 1))
	}
}

// FuzzCanonicalIPv6 holds canonicalIPv6 to net/netip on any input.
func FuzzCanonicalIPv6(f *testing.F) {
	for _, v := range []string{"::", "2001:db8::1", "1:0:0:1::1", "::ffff:10.47.132.112", "fe80::e07b:658d:fe5e:a0dd"} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if got, want := canonicalIPv6([]byte(v)), canonicalIPv6Oracle(v); got != want {
			t.Fatalf("canonicalIPv6(%q) = %v, want %v", v, got, want)
		}
	})
}
