package phonetab

import (
	"testing"
)

// TestWrittenAs checks numbers written as their region writes them against
// the regions where the same digits are valid too.
func TestWrittenAs(t *testing.T) {
	tab, err := New([]string{"CN", "US", "GB", "DE", "FR", "JP", "IN", "BR", "RU", "KR"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		written string
		yes, no []string
	}{
		{"06-6190-2186", []string{"JP"}, []string{"DE", "GB"}},
		{"(11) 4311-3578", []string{"BR"}, []string{"US", "IN"}},
		{"(415) 555-0132", []string{"US"}, []string{"BR"}},
		{"02-4177-7562", []string{"KR"}, []string{"DE"}},
		{"06 12 34 56 78", []string{"FR"}, []string{"DE"}},
		{"030 12345678", []string{"DE"}, []string{"FR"}},
		{"8 (495) 123-45-67", nil, []string{"CN"}}, // RU writes 8 (495) 123-45-67: its format has 5 groups, "495" is one
		{"138 0013 8000", []string{"CN"}, []string{"KR"}},
		{"010 8462 6587", []string{"CN", "KR"}, nil}, // Beijing and a Korean mobile, alike
		{"010-53670487", []string{"CN"}, nil},        // an area code and the rest
	}
	for _, tt := range tests {
		var digits []byte
		var groups []uint8
		n := uint8(0)
		for _, c := range []byte(tt.written + " ") {
			if c >= '0' && c <= '9' {
				digits = append(digits, c)
				n++
			} else if n > 0 {
				groups = append(groups, n)
				n = 0
			}
		}
		check := func(region string, want bool) {
			t.Helper()
			i, ok := tab.RegionIndex(region)
			if !ok {
				t.Fatalf("no region %s", region)
			}
			_, _, nsnStart, valid := tab.National(digits, 1<<i)
			if !valid {
				if want {
					t.Errorf("%q is not valid in %s", tt.written, region)
				}
				return
			}
			if got := tab.WrittenAs(i, digits[nsnStart:], groups); got != want {
				t.Errorf("WrittenAs(%s, %q, %v) = %v, want %v", region, tt.written, groups, got, want)
			}
		}
		for _, r := range tt.yes {
			check(r, true)
		}
		for _, r := range tt.no {
			check(r, false)
		}
	}
}

// FuzzWrittenAs checks that WrittenAs never panics, whatever the region
// index, digits and groups.
func FuzzWrittenAs(f *testing.F) {
	f.Add(uint8(5), []byte("661902186"), []byte{2, 4, 4})
	f.Add(uint8(0), []byte("1053670487"), []byte{3, 8})
	f.Add(uint8(7), []byte(""), []byte{})
	tab := testTable()
	f.Fuzz(func(t *testing.T, region uint8, nsn, groups []byte) {
		tab.WrittenAs(int(region)%(len(testRegions)+1)-1, nsn, groups)
	})
}
