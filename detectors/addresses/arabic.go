package addresses

import (
	"unicode"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors/internal/textscan"
)

// arabicStreets are the words that start an Arabic street's name: street,
// road.
var arabicStreets = []string{"شارع", "طريق"}

// arabicStreetAt reports whether an Arabic street's word starts at text[i].
func arabicStreetAt(text []byte, i int) bool {
	_, ok := hasAnyAt(text, i, arabicStreets)
	return ok
}

// arabicAddress reads the Arabic address that starts with a street's word
// at text[i]: the word, one to four words of its name, perhaps '،' and
// "رقم" (number), then the number in ASCII or Arabic-Indic digits ("شارع
// الملك فهد 123", "شارع التحرير، رقم ١٥").
func arabicAddress(text []byte, i int) (start, end int, ok bool) {
	if i > 0 && textscan.WordBefore(text, i) {
		return 0, 0, false
	}
	j := arabicWordEnd(text, i)
	words := 0
	for range 6 {
		k := textscan.SkipBlanks(text, j)
		for _, sep := range []string{"،", ","} {
			if textscan.HasAt(text, k, sep) {
				k = textscan.SkipBlanks(text, k+len(sep))
			}
		}
		if k == j {
			return 0, 0, false // the words are spaced
		}
		if n := digitsEnd(text, k); n > k {
			if words == 0 || n-k > 5*2 || textscan.WordAt(text, n) {
				return 0, 0, false
			}
			return i, n, true
		}
		w := arabicWordEnd(text, k)
		if w == k {
			return 0, 0, false
		}
		if !textscan.HasAt(text, k, "رقم") {
			words++
		}
		if words > 4 {
			return 0, 0, false
		}
		j = w
	}
	return 0, 0, false
}

// arabicWordEnd returns the end of the run of Arabic letters and marks at
// text[i], or i.
func arabicWordEnd(text []byte, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRune(text[i:])
		if !unicode.Is(unicode.Arabic, r) || !unicode.IsLetter(r) && !unicode.IsMark(r) {
			break
		}
		i += size
	}
	return i
}
