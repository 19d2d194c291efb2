package transforms

import (
	"testing"
	"time"
)

// FuzzAgeOn checks that any bytes in a birth-date field are read without a
// panic, as an age a living person may have, and that a date read two ways
// ("01/05/2014") never counts as older than either reading written in ISO.
func FuzzAgeOn(f *testing.F) {
	for _, s := range []string{"2014-05-01", "2014-05-01T08:00:00Z", "20140501", "01/05/2014", "1.5.2014",
		"2014年5月1日", "2014년 5월 1일", "May 1, 2014", "1394000000", "-315619200", "1394000000000", "2014", "unknown", ""} {
		f.Add([]byte(s))
	}
	now := time.Date(2026, 6, 2, 10, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, v []byte) {
		age, ok := ageOn(v, now)
		if !ok {
			return
		}
		if age < 0 || age > now.Year()-1900 {
			t.Fatalf("ageOn(%q) = %d", v, age)
		}
		if len(v) == 10 && digitsIn(v[0:2]) && v[2] == '/' && digitsIn(v[3:5]) && v[5] == '/' && digitsIn(v[6:]) {
			a, b, y := atoiDigits(v[0:2]), atoiDigits(v[3:5]), atoiDigits(v[6:])
			for _, iso := range [][3]int{{y, b, a}, {y, a, b}} {
				if older, ok := dateAge(iso[0], iso[1], iso[2], now); ok && older < age {
					t.Fatalf("ageOn(%q) = %d, but %d-%02d-%02d is %d", v, age, iso[0], iso[1], iso[2], older)
				}
			}
		}
	})
}
