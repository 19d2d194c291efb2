// Package coordinates finds a place's latitude and longitude in free text,
// as people paste them into prompts from a map app ("my house is at
// 31.230416, 121.473701", "37.7749° N, 122.4194° W",
// "31°13'49.5"N 121°28'25.3"E"). A precise location identifies a person's
// home as an address does, and a policy that coarsens locations in fields
// must not let one through in a prompt. It runs on free text after the
// single pass of package detectors and does not allocate; its findings
// are of kind detectors.Coordinates.
package coordinates

import (
	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/detectors/internal/geo"
)

// AppendSpans appends to dst the coordinates in text, as spans of kind
// detectors.Coordinates, in order and not overlapping one another; it keeps
// no reference to text.
func AppendSpans(dst []detectors.Span, text []byte) []detectors.Span {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if !isDigit(c) && c != '-' && c != '+' && c != 'N' && c != 'S' || i > 0 && wordByte(text[i-1]) {
			continue
		}
		if _, end, ok := geo.PairAt(text, i); ok && !(bare(text[i:end]) && (inList(text, i) || inList(text, end))) {
			dst = append(dst, detectors.Span{Start: i, End: end, Kind: detectors.Coordinates})
			i = end - 1
			continue
		}
		for i+1 < len(text) && isDigit(text[i+1]) {
			i++ // the rest of a number that starts none
		}
	}
	return dst
}

// wordByte reports whether c goes on a word or a number: a coordinate
// starts after none ("v1.234, 5.678", "1.2.345, 6.789").
func wordByte(c byte) bool {
	return isDigit(c) || 'a' <= c|0x20 && c|0x20 <= 'z' || c == '.' || c == '_'
}

// bare reports whether the coordinates v are numbers alone, no degree
// sign or hemisphere saying what they are.
func bare(v []byte) bool {
	for _, c := range v {
		if !isDigit(c) && c != '.' && c != ',' && c != ';' && c != ' ' && c != '-' && c != '+' {
			return false
		}
	}
	return true
}

// inList reports whether a number and a comma come right before text[i],
// or a comma and a number right after it: a pair inside a longer list of
// numbers ("scores 12.345, 67.890, 1.234") is no place; one before a map's
// zoom is ("@31.2304,121.4737,15z").
func inList(text []byte, i int) bool {
	j := i
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	if j > 1 && text[j-1] == ',' && isDigit(text[j-2]) {
		return true
	}
	for j = i; j < len(text) && text[j] == ' '; j++ {
	}
	if j >= len(text) || text[j] != ',' {
		return false
	}
	for j++; j < len(text) && text[j] == ' '; j++ {
	}
	if j < len(text) && text[j] == '-' {
		j++
	}
	k := j
	for k < len(text) && (isDigit(text[k]) || text[k] == '.') {
		k++
	}
	return k > j && (k == len(text) || text[k]|0x20 < 'a' || text[k]|0x20 > 'z')
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
