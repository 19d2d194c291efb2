package addresses

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors/internal/textscan"
)

// fullwidthDigit is '０', whose first byte full-width digits share.
const fullwidthDigit = "０"

// hasFullwidthDigit reports whether a full-width digit ('０'-'９') starts at
// text[i].
func hasFullwidthDigit(text []byte, i int) bool {
	return i+2 < len(text) && text[i] == 0xEF && text[i+1] == 0xBC && 0x90 <= text[i+2] && text[i+2] <= 0x99
}

// digitsEnd returns the end of the decimal digits at text[i]: ASCII,
// full-width ("１２"), Arabic-Indic ("١٢") or Devanagari ("१२") ones, as
// people type them in those languages.
func digitsEnd(text []byte, i int) int {
	for i < len(text) {
		if isDigit(text[i]) {
			i++
			continue
		}
		if text[i] < utf8.RuneSelf {
			break
		}
		r, size := utf8.DecodeRune(text[i:])
		if !unicode.IsDigit(r) {
			break
		}
		i += size
	}
	return i
}

// digitsStart returns the start of the ASCII or full-width digits that end
// at text[i].
func digitsStart(text []byte, i int) int {
	for i > 0 {
		switch {
		case isDigit(text[i-1]):
			i--
		case i >= 3 && hasFullwidthDigit(text, i-3):
			i -= 3
		default:
			return i
		}
	}
	return i
}

// chineseStreets are the characters that end a Chinese street's name
// before its number: 建国路88号, 长安街1号, 南锣鼓巷8号.
const chineseStreets = "路街道巷弄里"

// chineseStops end a Chinese street's name when read backwards: the city,
// the district and the words before an address.
const chineseStops = "省市区县镇乡州村的在是到住于和与及址"

// chineseAddress reads the Chinese address whose house number ends with
// the 号 or 號 at text[i]: a street's name of up to eight characters before
// it, back to a city's or district's character ("北京市朝阳区建国路88号" is
// 建国路88号), then perhaps a building, unit and room (3栋201室).
func chineseAddress(text []byte, i int) (start, end int, ok bool) {
	d := digitsStart(text, i)
	if d == i {
		return 0, 0, false
	}
	r, size := utf8.DecodeLastRune(text[:d])
	if !strings.ContainsRune(chineseStreets, r) {
		return 0, 0, false
	}
	start = d - size
	for n := 0; n < 8 && start > 0; n++ {
		r, size := utf8.DecodeLastRune(text[:start])
		if !unicode.Is(unicode.Han, r) || strings.ContainsRune(chineseStops, r) {
			break
		}
		start -= size
	}
	if start == d-size {
		return 0, 0, false // a street's character alone
	}
	end = i + len("号")
	for range 3 { // 3栋2单元201室
		n := digitsEnd(text, end)
		if n == end {
			break
		}
		r, size := utf8.DecodeRune(text[n:])
		if !strings.ContainsRune("栋幢楼座号室层单", r) {
			break
		}
		end = n + size
		if textscan.HasAt(text, end, "元") {
			end += len("元")
		}
	}
	return start, end, true
}

// japanesePlaces end the names of a prefecture, a city or a ward, before a
// neighbourhood's, which ends a neighbourhood's name read backwards, unless
// it ends the neighbourhood's own ("本町").
const japanesePlaces = "都道府県市区町村郡"

// japaneseParticles end a Japanese neighbourhood's name read backwards.
const japaneseParticles = "はのにでをがとも、。「」（）"

// afterCJK reads an address whose number starts at text[i] after a word
// in Chinese, Japanese or Korean characters: a Japanese block
// ("六本木1-2-3", "銀座４－５－６", "本町2丁目3番4号") or a Korean road
// address after its district ("강남구 테헤란로 123").
func afterCJK(text []byte, i int) (start, end int, ok bool) {
	if text[i-1] == ' ' {
		return koreanAddress(text, i)
	}
	start = i
	n := 0
	for ; n < 8 && start > 0; n++ {
		r, size := utf8.DecodeLastRune(text[:start])
		if !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r == 'ー' ||
			strings.ContainsRune(japaneseParticles, r) || n > 0 && strings.ContainsRune(japanesePlaces, r) {
			break
		}
		start -= size
	}
	if n < 2 || textscan.HasAt(text, start, "第") {
		return 0, 0, false
	}
	if end, ok = japaneseBlock(text, i); !ok {
		return 0, 0, false
	}
	return start, end, true
}

// japaneseBlock returns the end of a Japanese block number at text[i]:
// two or three numbers joined by dashes ("1-2-3", "４－５"), the first of
// one or two digits, the second of up to four and the third of up to
// three, so that a telephone number ("186-1314-8933", "03-1234-5678") is
// none; or a chōme and what
// follows it ("2丁目3番4号", "2丁目3-4").
func japaneseBlock(text []byte, i int) (int, bool) {
	j := digitsEnd(text, i)
	if j == i || digitCount(text[i:j]) > 4 {
		return 0, false
	}
	if textscan.HasAt(text, j, "丁目") {
		end := j + len("丁目")
		if k := digitsEnd(text, end); k > end {
			end = k
			for _, s := range []string{"番地", "番", "-", "－"} {
				if textscan.HasAt(text, end, s) {
					end += len(s)
					break
				}
			}
			if k := digitsEnd(text, end); k > end {
				end = k
				if textscan.HasAt(text, end, "号") {
					end += len("号")
				}
			}
		}
		return end, true
	}
	if digitCount(text[i:j]) > 2 {
		return 0, false
	}
	groups, last := 1, 0
	for groups < 4 {
		k := dashEnd(text, j)
		if k == j {
			break
		}
		n := digitsEnd(text, k)
		if last = digitCount(text[k:n]); last == 0 || last > 4 {
			return 0, false
		}
		j, groups = n, groups+1
	}
	return j, groups == 2 || groups == 3 && last <= 3
}

// digitCount returns the number of ASCII or full-width digits in b, which
// holds nothing else.
func digitCount(b []byte) int {
	n := 0
	for i := 0; i < len(b); i++ {
		if b[i] >= utf8.RuneSelf {
			i += len(fullwidthDigit) - 1
		}
		n++
	}
	return n
}

// dashEnd returns the end of a dash at text[i] as Japanese addresses write
// it ('-', '－', '−', 'ー'), or i.
func dashEnd(text []byte, i int) int {
	for _, s := range []string{"-", "－", "−", "ー"} {
		if textscan.HasAt(text, i, s) {
			return i + len(s)
		}
	}
	return i
}

// koreanAddress reads a Korean road address whose building number starts
// at text[i], after a space: the road's name ending in 로 or 길, after a
// district's name ending in 구, 군, 시, 읍 or 면 ("강남구 테헤란로 123"). The
// district is needed: 로 is also a particle ("흑백으로 3장").
func koreanAddress(text []byte, i int) (start, end int, ok bool) {
	roadEnd := i - 1
	road := hangulWordStart(text, roadEnd)
	if road == roadEnd || road == 0 || text[road-1] != ' ' {
		return 0, 0, false
	}
	last, _ := utf8.DecodeLastRune(text[:roadEnd])
	if last != '로' && last != '길' || utf8.RuneCount(text[road:roadEnd]) < 2 {
		return 0, 0, false
	}
	district := hangulWordStart(text, road-1)
	if district == road-1 {
		return 0, 0, false
	}
	if d, _ := utf8.DecodeLastRune(text[:road-1]); !strings.ContainsRune("구군시읍면", d) {
		return 0, 0, false
	}
	end, ok = houseNumber(text, i)
	if !ok {
		return 0, 0, false
	}
	return road, end, true
}

// hangulWordStart returns the start of the run of Hangul syllables that ends
// at text[i].
func hangulWordStart(text []byte, i int) int {
	for i > 0 {
		r, size := utf8.DecodeLastRune(text[:i])
		if !unicode.Is(unicode.Hangul, r) {
			break
		}
		i -= size
	}
	return i
}
