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
	middle, ok := spacedTitleWord(text, w)
	if !ok || !vietnameseMiddles.Has(text[w+1:middle]) {
		return 0, false
	}
	if end, ok = spacedTitleWord(text, middle); !ok {
		return 0, false
	}
	return end, !inProperNoun(text, i)
}

// spacedTitleWord reports the end of the capitalized word one space after
// text[w] that joins nothing after it.
func spacedTitleWord(text []byte, w int) (end int, ok bool) {
	if w >= len(text) || text[w] != ' ' {
		return 0, false
	}
	end = nameWordEnd(text, w+1)
	return end, end > w+1 && titleWord(text[w+1:end]) && !joined(text, end)
}
