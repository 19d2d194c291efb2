package ages

import (
	"unicode"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors/internal/textscan"
)

// maxAge bounds the numbers read as ages.
const maxAge = 120

// numberAt reads the number that starts at text[i], if one does: one to
// three digits (ASCII, full-width, Arabic-Indic or Devanagari) not after a
// decimal point, a number word ("twelve", "десять" before its unit), or
// Chinese numerals ("十二"). If none does, end is where the next one may start.
func numberAt(text []byte, i int) (v, end int, ok bool) {
	c := text[i]
	if 'a' <= c|0x20 && c|0x20 <= 'z' {
		end = i + 1
		for end < len(text) && ('a' <= text[end]|0x20 && text[end]|0x20 <= 'z' || text[end] >= utf8.RuneSelf) {
			end++ // the letters beyond ASCII too: "zwölf", "dieciséis"
		}
		if i > 0 && textscan.WordBefore(text, i) {
			return 0, end, false
		}
		v, ok = numberWord(text[i:end])
		return v, end, ok
	}
	if 0xEB <= c && c <= 0xED { // Hangul, as no digit and no Chinese numeral is
		v, end, ok = koreanNumberAt(text, i)
		return v, max(end, i+runeSize(c)), ok
	}
	if c == 0xD0 || c == 0xD1 { // Cyrillic: a Russian number word starts a word
		if (i == 0 || text[i-1] == ' ') && i+1 < len(text) && russianSeconds[text[i+1]] {
			if v, end, ok := russianNumberAt(text, i); ok {
				return v, end, true
			}
		}
		end = i
		for end+1 < len(text) && (text[end] == 0xD0 || text[end] == 0xD1) && text[end+1]&0xC0 == 0x80 {
			end += 2 // the rest of the word is no number's start
		}
		return 0, max(end, i+1), false
	}
	if (c == 0xE0 || c == 0xD8 || c == 0xD9) && (i == 0 || text[i-1] == ' ') { // a Devanagari or an Arabic word
		if v, end, ok := spelledNumberAt(text, i); ok {
			return v, end, true
		}
	}
	if d, _ := digitAt(text, i); d < 0 {
		if v, end, ok := hanNumberAt(text, i); ok { // "一" to "十" start with 0xE4 or 0xE5, as no digit does
			return v, end, true
		}
		_, size := utf8.DecodeRune(text[i:])
		return 0, i + size, false
	}
	if i > 0 && (text[i-1] == '.' || text[i-1] == ',') {
		return 0, skipDigits(text, i), false // "1.5", "1,12"
	}
	end = i
	n := 0
	for {
		d, size := digitAt(text, end)
		if d < 0 {
			break
		}
		v = v*10 + d
		end += size
		n++
	}
	return v, end, n <= 3 && v >= 1 && v <= maxAge
}

// numeralStart marks the bytes a number may start with: ASCII digits and
// letters (number words), and the first bytes of the digits beyond ASCII
// and of the Chinese numerals that numberAt reads.
var numeralStart = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'z'
	}
	for _, r := range "０٠۰०一二两三四五六七八九十" {
		t[string(r)[0]] = true
	}
	for _, w := range koreanNumbers {
		t[w.word[0]] = true
	}
	for _, w := range spelledNumbers {
		t[w.word[0]] = true
	}
	for _, w := range russianNumbers {
		t[w.word[0]] = true
	}
	return t
}()

// koreanNumbers are the native Korean numbers an age is counted in, in the
// forms they take before a unit ("열두 살"), longest first.
var koreanNumbers = []struct {
	word  string
	value int
}{
	{"열다섯", 15}, {"열여섯", 16}, {"열일곱", 17}, {"열여덟", 18}, {"열아홉", 19},
	{"열한", 11}, {"열두", 12}, {"열세", 13}, {"열네", 14}, {"다섯", 5}, {"여섯", 6}, {"일곱", 7}, {"여덟", 8},
	{"아홉", 9}, {"스무", 20}, {"한", 1}, {"두", 2}, {"세", 3}, {"네", 4}, {"열", 10},
}

// spelledNumbers are the Hindi and Arabic number words an age is written
// with, then a space and a unit of spelledUnits: "बारह साल", "اثنا عشر
// عاما" (Arabic's in both genders, with and without hamza).
var spelledNumbers = []spelledNumber{
	{"एक", 1}, {"दो", 2}, {"तीन", 3}, {"चार", 4}, {"पांच", 5}, {"पाँच", 5}, {"छह", 6}, {"छः", 6}, {"सात", 7},
	{"आठ", 8}, {"नौ", 9}, {"दस", 10}, {"ग्यारह", 11}, {"बारह", 12}, {"तेरह", 13}, {"चौदह", 14}, {"पंद्रह", 15},
	{"पन्द्रह", 15}, {"सोलह", 16}, {"सत्रह", 17},
	{"أحد عشر", 11}, {"احد عشر", 11}, {"إحدى عشرة", 11}, {"احدى عشرة", 11}, {"اثنا عشر", 12}, {"اثني عشر", 12},
	{"اثنتا عشرة", 12}, {"اثنتي عشرة", 12}, {"ثلاثة عشر", 13}, {"ثلاث عشرة", 13}, {"أربعة عشر", 14},
	{"اربعة عشر", 14}, {"أربع عشرة", 14}, {"اربع عشرة", 14}, {"خمسة عشر", 15}, {"خمس عشرة", 15},
	{"ستة عشر", 16}, {"ست عشرة", 16}, {"سبعة عشر", 17}, {"سبع عشرة", 17},
	{"واحد", 1}, {"اثنان", 2}, {"اثنين", 2}, {"ثلاثة", 3}, {"ثلاث", 3}, {"أربعة", 4}, {"اربعة", 4}, {"أربع", 4},
	{"اربع", 4}, {"خمسة", 5}, {"خمس", 5}, {"ستة", 6}, {"ست", 6}, {"سبعة", 7}, {"سبع", 7}, {"ثمانية", 8},
	{"ثماني", 8}, {"ثمان", 8}, {"تسعة", 9}, {"تسع", 9}, {"عشرة", 10}, {"عشر", 10},
}

// spelledUnits are the units after spelledNumbers.
var spelledUnits = []string{" साल", " वर्ष", " سنة", " سنوات", " سنين", " عامًا", " عاما", " عام"}

// spelledNumberAt reads a number of spelledNumbers at text[i] that a unit
// of spelledUnits follows: the longest, since "ست" starts "ستة".
func spelledNumberAt(text []byte, i int) (v, end int, ok bool) {
	_, size := utf8.DecodeRune(text[i:])
	if size < 2 {
		return 0, i, false
	}
	for _, n := range spelledByLetter[text[i+size-1]] {
		e := i + len(n.word)
		if e <= len(text) && text[e-1] == n.word[len(n.word)-1] && textscan.HasAt(text, i, n.word) && hasAny(text, e, spelledUnits) {
			return n.value, e, true
		}
	}
	return 0, i, false
}

// A spelledNumber is a number word and its value.
type spelledNumber struct {
	word  string
	value int
}

// spelledByLetter holds spelledNumbers, in their order, by the last byte
// of their first letter, which tells the letters of one script apart: most
// words start with a letter none of them does.
var spelledByLetter = func() (t [256][]spelledNumber) {
	for _, n := range spelledNumbers {
		_, size := utf8.DecodeRuneInString(n.word)
		t[n.word[size-1]] = append(t[n.word[size-1]], n)
	}
	return t
}()

// russianNumbers are the Russian number words an age is written with,
// then a space and a unit of russianUnits: "мне десять лет". Longer words
// first: "один" starts "одиннадцать".
var russianNumbers = []struct {
	word  string
	value int
}{
	{"одиннадцать", 11}, {"двенадцать", 12}, {"тринадцать", 13}, {"четырнадцать", 14}, {"пятнадцать", 15},
	{"шестнадцать", 16}, {"семнадцать", 17}, {"один", 1}, {"два", 2}, {"три", 3}, {"четыре", 4}, {"пять", 5},
	{"шесть", 6}, {"семь", 7}, {"восемь", 8}, {"девять", 9}, {"десять", 10},
}

// russianUnits are the units after russianNumbers.
var russianUnits = []string{" лет", " год", " года"}

// russianSeconds marks the second bytes of russianNumbers' first letters,
// in either case: most Russian words start with none.
var russianSeconds = func() (t [256]bool) {
	for _, n := range russianNumbers {
		r, _ := utf8.DecodeRuneInString(n.word)
		t[n.word[1]], t[string(unicode.ToUpper(r))[1]] = true, true
	}
	return t
}()

// russianNumberAt reads a number of russianNumbers at text[i], in any
// case of its first letter, two bytes as every Cyrillic letter, that a
// unit of russianUnits follows.
func russianNumberAt(text []byte, i int) (v, end int, ok bool) {
	for _, n := range russianNumbers {
		e := i + len(n.word)
		// The letters after the first, compared first: most words fail there.
		if e <= len(text) && string(text[i+2:e]) == n.word[2:] && hasFold(text, i, n.word) && hasAny(text, e, russianUnits) {
			return n.value, e, true
		}
	}
	return 0, i, false
}

// salAfter reports whether 살 (years of age) starts in the ten bytes after
// the syllable at text[i]: after a native number of up to three syllables
// and a space.
func salAfter(text []byte, i int) bool {
	const sal = "살"
	for j := i + 3; j <= i+10 && j+len(sal) <= len(text); j++ {
		if text[j] == sal[0] && text[j+1] == sal[1] && text[j+2] == sal[2] {
			return true
		}
	}
	return false
}

// koreanNumberAt reads a native Korean number at text[i] that a unit
// follows, past a space or not ("열두 살", "아홉살").
func koreanNumberAt(text []byte, i int) (v, end int, ok bool) {
	if !salAfter(text, i) {
		return 0, i, false // most syllables are no number's: no 살 follows them
	}
	for _, n := range koreanNumbers {
		if textscan.HasAt(text, i, n.word) {
			e := i + len(n.word)
			if textscan.HasAt(text, e, " 살") || textscan.HasAt(text, e, "살") {
				return n.value, e, true
			}
		}
	}
	return 0, i, false
}

// runeSize returns the size of the character that starts with the byte c,
// 1 for a byte that starts none.
func runeSize(c byte) int {
	switch {
	case c < 0xC0:
		return 1
	case c < 0xE0:
		return 2
	case c < 0xF0:
		return 3
	}
	return 4
}

// digitAt returns the value of the digit at text[i] and its size, or -1.
func digitAt(text []byte, i int) (int, int) {
	if i >= len(text) {
		return -1, 0
	}
	if c := text[i]; c < utf8.RuneSelf || c == 0xE4 || c == 0xE5 {
		if '0' <= c && c <= '9' {
			return int(c - '0'), 1
		}
		return -1, 0
	}
	r, size := utf8.DecodeRune(text[i:])
	for _, zero := range [...]rune{'０', '٠', '۰', '०'} {
		if zero <= r && r <= zero+9 {
			return int(r - zero), size
		}
	}
	return -1, 0
}

func skipDigits(text []byte, i int) int {
	for {
		d, size := digitAt(text, i)
		if d < 0 {
			return i
		}
		i += size
	}
}

// hanNumberAt reads Chinese numerals up to 99 at text[i]: "八", "十二",
// "二十", "两".
func hanNumberAt(text []byte, i int) (v, end int, ok bool) {
	end = i
	tens, units, seen := -1, 0, false
	for end < len(text) {
		r, size := utf8.DecodeRune(text[end:])
		switch d := hanDigit(r); {
		case r == '十':
			if tens >= 0 {
				return 0, end + size, false
			}
			tens, units = max(units, 1), 0
		case d >= 0:
			units = d
		default:
			if !seen {
				return 0, end, false
			}
			if tens >= 0 {
				return tens*10 + units, end, true
			}
			return units, end, true
		}
		seen = true
		end += size
	}
	if tens >= 0 {
		return tens*10 + units, end, seen
	}
	return units, end, seen
}

func hanDigit(r rune) int {
	switch r {
	case '一':
		return 1
	case '二', '两':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return -1
}

// numberWords are the number words an age is written with, in English,
// Spanish, Portuguese, French and German, in lower case.
var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20,
	"uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
	"once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciséis": 16, "diecisiete": 17,
	"dieciocho": 18, "diecinueve": 19, "veinte": 20,
	"um": 1, "dois": 2, "três": 3, "quatro": 4, "sete": 7, "oito": 8, "nove": 9, "dez": 10, "onze": 11, "doze": 12,
	"treze": 13, "catorze": 14, "quatorze": 14, "quinze": 15, "dezesseis": 16, "dezessete": 17, "dezoito": 18, "dezenove": 19, "vinte": 20,
	"un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "douze": 12,
	"treize": 13, "seize": 16, "vingt": 20,
	"eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
	"elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17,
	"achtzehn": 18, "neunzehn": 19, "zwanzig": 20,
	// ordinals, a school's grades: "quinto de primaria", "quinto ano"
	"primero": 1, "primer": 1, "segundo": 2, "tercero": 3, "tercer": 3, "cuarto": 4, "quinto": 5, "sexto": 6,
	"primeiro": 1, "terceiro": 3, "quarto": 4, "sétimo": 7, "oitavo": 8, "séptimo": 7, "octavo": 8,
}

// numberWordShapes has, per first and last byte (the last in lower case
// if a letter, else its low five bits), a bit for each length of a number
// word.
var numberWordShapes = func() (t [26][32]uint16) {
	for w := range numberWords {
		t[w[0]-'a'][w[len(w)-1]&31] |= 1 << len(w)
	}
	return t
}()

// numberWord returns the value of word if it is a number word, in any
// case of its ASCII letters.
func numberWord(word []byte) (int, bool) {
	var b [len("diecinueve")]byte
	if len(word) > len(b) || numberWordShapes[word[0]|0x20-'a'][word[len(word)-1]&31]>>len(word)&1 == 0 {
		return 0, false // most words are none by their first letter and length
	}
	for i, c := range word {
		if 'A' <= c && c <= 'Z' {
			c |= 0x20
		}
		b[i] = c
	}
	v, ok := numberWords[string(b[:len(word)])]
	return v, ok
}
