// Package addresses finds street addresses in free text, as people write
// them into prompts for invitations, cards and posters: "42 Oak Avenue,
// Apt 4B", "12 rue de la Paix", "Calle Mayor, 5", "Rua Augusta, 123",
// "Hauptstraße 5", "ул. Тверская, д. 7", "建国路88号", "六本木1-2-3",
// "강남구 테헤란로 123", "मकान नंबर 12, गांधी मार्ग". A home address
// identifies a person, and a policy that coarsens precise locations in
// fields must not let one through in a prompt.
//
// It reads an address's shape: a house number and a street's name with a
// word for a street ("Avenue", "rue", "Calle", "Straße", "улица", "路",
// "丁目", "로", "شارع"), in the order each language writes them. A street's name
// without a number ("Abbey Road") is no address, nor is a city or a
// postcode, which say less. It runs on free text after the single pass of
// package detectors and does not allocate; its findings are of kind
// detectors.Address.
package addresses

import (
	"unicode"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/detectors/internal/textscan"
)

// AppendSpans appends to dst the street addresses in text, as spans of kind
// detectors.Address, in order and not overlapping one another; it keeps no
// reference to text.
func AppendSpans(dst []detectors.Span, text []byte) []detectors.Span {
	end := 0 // the end of the last address found
	for i := 0; i < len(text); {
		c := text[i]
		var start, stop int
		var ok bool
		switch {
		case isDigit(c):
			if i == 0 || !isAlnum(text[i-1]) && text[i-1] != '.' && text[i-1] != '-' {
				start, stop, ok = numberFirst(text, i)
				if !ok {
					start, stop, ok = hindiNumberFirst(text, i)
				}
			}
			if !ok && i > 0 && (text[i-1] >= utf8.RuneSelf || text[i-1] == ' ' && i > 1 && text[i-2] >= utf8.RuneSelf) {
				start, stop, ok = afterCJK(text, i)
			}
		case c < utf8.RuneSelf && !isLetter(c):
		case c == fullwidthDigit[0] && hasFullwidthDigit(text, i) && i > 0 && text[i-1] >= utf8.RuneSelf:
			start, stop, ok = afterCJK(text, i)
		case c == 0xE5 && textscan.HasAt(text, i, "号") || c == 0xE8 && textscan.HasAt(text, i, "號"):
			start, stop, ok = chineseAddress(text, i)
		case c == 0xD8 && arabicStreetAt(text, i):
			start, stop, ok = arabicAddress(text, i)
		case c == devanagariLead && (i == 0 || !textscan.WordBefore(text, i)):
			if start, stop, ok = hindiHouseAddress(text, i); !ok {
				start, stop, ok = hindiNumberFirst(text, i) // "१२, गांधी मार्ग"
			}
			if !ok {
				i = skipRune(text, i)
				continue
			}
		case c >= utf8.RuneSelf && !streetLeads[c]:
			// A character that starts no street's word: its bytes are passed.
			i = skipRune(text, i)
			continue
		default:
			w := wordEnd(text, i)
			if w > i && (i == 0 || !textscan.WordBefore(text, i)) {
				if poBoxLeads[c] {
					start, stop, ok = poBox(text, i)
				}
				if !ok && mayStartStreet(text, i, w) {
					start, stop, ok = streetFirst(text, i, w)
				}
			}
			if !ok {
				i = max(w, i+1)
				continue
			}
		}
		if ok && start >= end {
			dst = append(dst, detectors.Span{Start: start, End: stop, Kind: detectors.Address})
			end, i = stop, stop
			continue
		}
		i++
	}
	return dst
}

// skipRune returns the index after the character that starts at text[i].
func skipRune(text []byte, i int) int {
	i++
	for i < len(text) && text[i]&0xC0 == 0x80 {
		i++
	}
	return i
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }
func isAlnum(c byte) bool  { return isDigit(c) || isLetter(c) }

// wordEnd returns the end of the run of letters and marks at text[i] (with
// the apostrophes and hyphens inside it), or i.
func wordEnd(text []byte, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if !isLetter(c) && !(c == '-' || c == '\'') {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsMark(r) && r != '’' || textscan.IsCJK(r) {
			break
		}
		i += size
	}
	return i
}

// startsUpper reports whether word starts with a capital letter.
func startsUpper(word []byte) bool {
	r, _ := utf8.DecodeRune(word)
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// houseNumber returns the end of the house number at text[i]: 1-5 digits,
// perhaps a letter ("12B", "5a") and a second number after '-' or '/'
// ("12-14", "7/2").
func houseNumber(text []byte, i int) (int, bool) {
	j := i
	for j < len(text) && isDigit(text[j]) && j-i < 6 {
		j++
	}
	if j == i || j-i > 5 {
		return 0, false
	}
	if j < len(text) && isLetter(text[j]) && (j+1 == len(text) || !isAlnum(text[j+1])) {
		j++
	}
	if j+1 < len(text) && (text[j] == '-' || text[j] == '/') && isDigit(text[j+1]) {
		k := j + 1
		for k < len(text) && isDigit(text[k]) && k-j < 5 {
			k++
		}
		if k == len(text) || !isAlnum(text[k]) {
			j = k
		}
	}
	if j < len(text) && (isDigit(text[j]) || text[j] == '.' && j+1 < len(text) && isDigit(text[j+1])) {
		return 0, false // "1.5", a longer number
	}
	return j, true
}
