package dates

import "testing"

func TestParse(t *testing.T) {
	for _, tt := range []struct {
		in, want string // want: the ISO date and what was read, or "" for none
		n        int
	}{
		{"2015-03-14 at", "2015-03-14", 10},
		{"2015/3/14", "2015-03-14", 9},
		{"14.03.2015", "2015-03-14", 10},
		{"14-03-2015", "2015-03-14", 10},
		{"03/14/2015", "2015-03-14", 10},
		{"14/03/2015", "2015-03-14", 10},
		{"03/04/2015", "2015-03-04", 10},
		{"March 14, 2015.", "2015-03-14", 14},
		{"mar 14th 2015", "2015-03-14", 13},
		{"14 March 2015", "2015-03-14", 13},
		{"14th of March, 2015", "2015-03-14", 19},
		{"14 de marzo de 2015", "2015-03-14", 19},
		{"14 de março de 2015", "2015-03-14", 20},
		{"1er mars 2015", "2015-03-01", 13},
		{"14. März 2015", "2015-03-14", 14},
		{"14 марта 2015 года", "2015-03-14", 18},
		{"2015年3月14日生まれ", "2015-03-14", 16},
		{"2015년 3월 14일", "2015-03-14", 18},
		{"2015-02-30", "", 0},
		{"1850-01-01", "", 0},
		{"2015-03-145", "", 0},
		{"14 March", "", 0},
		{"March 2015", "", 0},
		{"12345", "", 0},
		{"", "", 0},
		{"Marchx 14, 2015", "", 0},
	} {
		d, n, ok := Parse([]byte(tt.in))
		got := ""
		if ok {
			got = string(d.AppendISO(nil))
		}
		if got != tt.want || ok && n != tt.n {
			t.Errorf("Parse(%q) = %q, %d, want %q, %d", tt.in, got, n, tt.want, tt.n)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2015-03-14", "14 de marzo de 2015", "2015年3月14日", "March 14, 2015", "1er mars 2015"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d, n, ok := Parse(b)
		if !ok {
			return
		}
		if n <= 0 || n > len(b) || !d.valid() {
			t.Fatalf("Parse(%q) = %v, %d", b, d, n)
		}
		iso := d.AppendISO(nil)
		if again, m, ok := Parse(iso); !ok || again != d || m != len(iso) {
			t.Fatalf("%q read as %s, which reads as %v", b, iso, again)
		}
	})
}
