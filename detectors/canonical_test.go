package detectors

import (
	"net/netip"
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
