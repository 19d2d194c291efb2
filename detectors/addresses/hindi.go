package addresses

import (
	"unicode"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors/internal/textscan"
)

// Hindi addresses are written as Indian addresses are: a house's or flat's
// number after its word ("मकान नंबर 12", "फ्लैट 302"), or a number before a
// street's, lane's or colony's name ("12, गांधी मार्ग", "45 एमजी रोड"), in
// ASCII or Devanagari digits.
var (
	// hindiHouses are the words before a house's, flat's or plot's number
	// ("घर", home, only with a number's word: "घर 5 बजे" is home at five).
	hindiHouses = []string{"मकान", "घर नंबर", "घर नं.", "फ्लैट", "फ़्लैट", "हाउस", "प्लॉट", "प्लाट"}
	// hindiNumberWords may come between a house's word and its number:
	// number, no., count.
	hindiNumberWords = []string{"नंबर", "नम्बर", "नं.", "नं", "न.", "संख्या"}
	// hindiStreets end the name of a street, lane, colony or the like:
	// road, marg, lane, street, nagar, colony, chowk, path, vihar, enclave,
	// bagh.
	hindiStreets = []string{"मार्ग", "रोड", "गली", "सड़क", "सडक", "स्ट्रीट", "लेन", "नगर", "कॉलोनी", "कालोनी", "चौक",
		"पथ", "विहार", "एन्क्लेव", "बाग"}
)

// devanagariLead is the first byte of Devanagari characters (U+0900-U+097F:
// E0 A4 xx and E0 A5 xx).
const devanagariLead = 0xE0

// hindiHouseAddress reads the address that starts with a house's word at
// text[i], at the start of a word: the word, perhaps a number's word, the
// number, and perhaps, after a comma, a street's name ("मकान नंबर 12,
// गांधी मार्ग").
func hindiHouseAddress(text []byte, i int) (start, end int, ok bool) {
	j, ok := hasAnyAt(text, i, hindiHouses)
	if !ok || textscan.WordAt(text, j) {
		return 0, 0, false
	}
	j = textscan.SkipBlanks(text, j)
	if k, ok := hasAnyAt(text, j, hindiNumberWords); ok && !textscan.WordAt(text, k) {
		j = textscan.SkipBlanks(text, k)
	}
	end, ok = hindiNumber(text, j)
	if !ok {
		return 0, 0, false
	}
	if e, ok := hindiStreetAfter(text, end); ok {
		end = e
	}
	return i, end, true
}

// hindiNumberFirst reads the address whose house number starts at text[i],
// at the start of a word, before a street's name: "12, गांधी मार्ग".
func hindiNumberFirst(text []byte, i int) (start, end int, ok bool) {
	n, ok := hindiNumber(text, i)
	if !ok {
		return 0, 0, false
	}
	end, ok = hindiStreetAfter(text, n)
	return i, end, ok
}

// hindiStreetAfter reads a street's name after a house number that ends at
// text[i], past spaces and a comma: one to three Devanagari words, the
// last a street's word ("गांधी मार्ग", "लाजपत नगर").
func hindiStreetAfter(text []byte, i int) (end int, ok bool) {
	j := textscan.SkipBlanks(text, i)
	if j < len(text) && text[j] == ',' {
		j = textscan.SkipBlanks(text, j+1)
	}
	if j == i {
		return 0, false
	}
	for words := 0; words < 3; words++ {
		w := devanagariWordEnd(text, j)
		if w == j {
			return 0, false
		}
		if e, ok := hasAnyAt(text, j, hindiStreets); ok && e == w && words > 0 {
			return w, true
		}
		j = textscan.SkipBlanks(text, w)
		if j == w {
			return 0, false
		}
	}
	return 0, false
}

// hindiNumber returns the end of the house number at text[i]: 1-5 ASCII or
// Devanagari digits (see digitsEnd), perhaps a second number after '/' or
// '-' ("12/3").
func hindiNumber(text []byte, i int) (int, bool) {
	j := digitsEnd(text, i)
	if j == i || j-i > 5*3 {
		return 0, false
	}
	if j+1 < len(text) && (text[j] == '/' || text[j] == '-') {
		if k := digitsEnd(text, j+1); k > j+1 {
			j = k
		}
	}
	if textscan.WordAt(text, j) {
		return 0, false // "12वीं", "12th": an ordinal, no house
	}
	return j, true
}

// devanagariWordEnd returns the end of the run of Devanagari letters and
// marks at text[i], or i.
func devanagariWordEnd(text []byte, i int) int {
	for i < len(text) && text[i] == devanagariLead {
		r, size := utf8.DecodeRune(text[i:])
		if !unicode.Is(unicode.Devanagari, r) || !unicode.IsLetter(r) && !unicode.IsMark(r) {
			break
		}
		i += size
	}
	return i
}
