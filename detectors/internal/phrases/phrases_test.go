package phrases

import (
	"testing"

	"github.com/pixelprivacy/veil/detectors/internal/wordset"
)

func TestTable(t *testing.T) {
	tab := New("born", "date of birth", "生日", "дата рождения", "mac地址", "né le")
	for _, tt := range []struct {
		text string
		at   int
		end  int // 0: none
	}{
		{"Born on", 0, 4}, {"DATE OF BIRTH:", 0, 13}, {"newborn", 3, 0}, {"borne", 0, 0},
		{"我的生日是", 6, 12}, {"Дата рождения", 0, len("Дата рождения")}, {"ДАТА РОЖДЕНИЯ", 0, len("ДАТА РОЖДЕНИЯ")}, {"xx", 0, 0},
		// A phrase with no letter beyond ASCII that has a case is compared
		// byte by byte, its ASCII letters in either case.
		{"MAC地址：", 0, len("MAC地址")}, {"Mac地址", 0, len("Mac地址")}, {"mac地點", 0, 0}, {"m@c地址", 0, 0},
		{"Né le 5", 0, len("Né le")}, {"NE LE 5", 0, 0},
	} {
		end, ok := tab.At([]byte(tt.text), tt.at)
		if ok != (tt.end > 0) || ok && end != tt.end {
			t.Errorf("At(%q, %d) = %d, %v, want %d", tt.text, tt.at, end, ok, tt.end)
		}
	}
	b := Between{Marks: []string{":", "是"}, Words: wordset.New("no", "is")}
	for _, tt := range []struct {
		text string
		want int
	}{{" No. is: X1", 9}, {"是E1", 3}, {" island", 1}} {
		if got := b.Skip([]byte(tt.text), 0, 4); got != tt.want {
			t.Errorf("Skip(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

func TestUnion(t *testing.T) {
	u := Union(New("born"), New("date of birth", "dob"))
	for _, tt := range []struct {
		text string
		end  int // 0: none
	}{{"Born on", 4}, {"date of birth:", 13}, {"DOB", 3}, {"dot", 0}} {
		end, ok := u.At([]byte(tt.text), 0)
		if ok != (tt.end > 0) || ok && end != tt.end {
			t.Errorf("At(%q) = %d, %v, want %d", tt.text, end, ok, tt.end)
		}
	}
}
