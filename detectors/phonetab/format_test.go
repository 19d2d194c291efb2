package phonetab

import (
	"testing"
)

// TestWrittenAs checks numbers written as their region writes them against
// the regions where the same digits are valid too, by WrittenAs or, for
// the loosely written, WrittenLooselyAs.
func TestWrittenAs(t *testing.T) {
	tab, err := New([]string{"CN", "US", "GB", "DE", "FR", "JP", "IN", "BR", "RU", "KR"})
	if err != nil {
		t.Fatal(err)
	}
	type test struct {
		written string
		yes, no []string
	}
	tests := []test{
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
		{"07712 375 582", nil, []string{"GB", "CN"}}, // as GB writes it: 07712 375582
	}
	loosely := []test{
		{"07712 375 582", []string{"GB"}, []string{"CN"}},
		{"0771 237 5582", []string{"CN"}, []string{"GB"}},
		{"07712375582", nil, []string{"GB"}}, // one group: nothing to go by
	}
	for i, tt := range append(tests, loosely...) {
		loosely := i >= len(tests)
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
			written := tab.WrittenAs
			if loosely {
				written = tab.WrittenLooselyAs
			}
			if got := written(i, digits[nsnStart:], groups); got != want {
				t.Errorf("WrittenAs(%s, %q, %v) (loosely %v) = %v, want %v", region, tt.written, groups, loosely, got, want)
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

// FuzzWrittenAs checks that WrittenAs and WrittenLooselyAs never panic,
// whatever the region index, digits and groups, and that a number written
// as its region writes it is written loosely so too.
func FuzzWrittenAs(f *testing.F) {
	f.Add(uint8(5), []byte("661902186"), []byte{2, 4, 4})
	f.Add(uint8(0), []byte("1053670487"), []byte{3, 8})
	f.Add(uint8(7), []byte(""), []byte{})
	tab := testTable()
	f.Fuzz(func(t *testing.T, region uint8, nsn, groups []byte) {
		r := int(region)%(len(testRegions)+1) - 1
		if tab.WrittenAs(r, nsn, groups) && len(groups) >= 2 && !tab.WrittenLooselyAs(r, nsn, groups) {
			t.Fatalf("%v written as region %d writes %q, but not loosely", groups, r, nsn)
		}
	})
}

// TestWrittenBareAs checks numbers written without their trunk prefix
// against the formats' groups without it.
func TestWrittenBareAs(t *testing.T) {
	tab, err := New([]string{"US", "IN", "GB"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		region, digits string
		groups         []uint8
		want           bool
	}{
		{"IN", "9876543210", []uint8{5, 5}, true},  // India writes 098765 43210
		{"IN", "9876543210", []uint8{3, 7}, false}, // nor as its first group and the rest
		{"US", "2295830849", []uint8{5, 5}, false}, // the US writes (229) 583-0849
		{"US", "2295830849", []uint8{3, 3, 4}, true},
		{"US", "2295830849", []uint8{3, 7}, true}, // an area code and the rest
		{"GB", "7911123456", []uint8{4, 6}, true}, // GB writes 07911 123456
	}
	for _, tt := range tests {
		r, _ := tab.RegionIndex(tt.region)
		if got := tab.WrittenBareAs(r, []byte(tt.digits), tt.groups); got != tt.want {
			t.Errorf("WrittenBareAs(%s, %s, %v) = %v, want %v", tt.region, tt.digits, tt.groups, got, tt.want)
		}
	}
}
