package names

import "github.com/pixelprivacy/veil/detectors/internal/wordset"

// Vietnamese names are written family name first, then a middle name
// from a short list, then the given name: "Nguyễn Văn An", "Tran Thi Mai".
// The three together make a name; the family name alone, a word in other
// languages too ("Le", "Do", "Mai"), does not.
var (
	vietnameseFamilies = wordset.New("nguyen", "nguyễn", "tran", "trần", "le", "lê", "pham", "phạm", "hoang", "hoàng",
		"huynh", "huỳnh", "phan", "vu", "vũ", "vo", "võ", "dang", "đặng", "bui", "bùi", "do", "đỗ", "ho", "hồ", "ngo",
		"ngô", "duong", "dương", "ly", "lý", "truong", "trương", "dinh", "đinh", "lam", "lâm", "trinh", "trịnh",
		"luong", "lương", "mai", "cao", "ta", "tạ", "doan", "đoàn", "vuong", "vương", "to", "tô", "ha", "hà")
	vietnameseMiddles = wordset.New("van", "văn", "thi", "thị", "duc", "đức", "minh", "ngoc", "ngọc", "thanh",
		"quoc", "quốc", "huu", "hữu", "xuan", "xuân", "hoang", "hoàng", "kim", "thu", "bao", "bảo", "gia", "tuan",
		"tuấn", "hong", "hồng", "phuong", "phương", "dinh", "đình", "cong", "công", "manh", "mạnh", "khanh", "khánh")
)

func init() { vietnameseFamilies.Each(addStart) }

// vietnameseName reports the end of the Vietnamese name at text[i], whose
// first word ends at text[w]: a family name, a middle name of the lists
// and a capitalized given name, a space between each.
func vietnameseName(text []byte, i, w int) (end int, ok bool) {
	if !vietnameseFamilies.Has(text[i:w]) {
		return 0, false
	}
	end = w
	for _, words := range [...]func([]byte) bool{vietnameseMiddles.Has, titleWord} {
		n := skipSpaces(text, end)
		e := nameWordEnd(text, n)
		if n != end+1 || e == n || !titleWord(text[n:e]) || !words(text[n:e]) || joined(text, e) {
			return 0, false
		}
		end = e
	}
	return end, !inProperNoun(text, i)
}
