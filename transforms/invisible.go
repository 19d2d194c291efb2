package transforms

import (
	"bytes"
	"unicode/utf8"
)

// Invisible format characters (soft hyphen, zero-width space, joiner and
// non-joiner, word joiner, bidirectional marks and controls, the byte
// order mark inside text) render as nothing, so that
// "jane\u200b@example.com" reads as an address to a person and, unless
// removed, as two words to a detector. Copying text out of a web page or
// a chat carries them in; typing them hides an identifier on purpose.
//
// veil removes a run of them next to a printable ASCII character or an
// Arabic-Indic digit before it reads a record (validUTF8 tells the records
// that may need it): the identifiers it finds are written in those. A run
// between letters of other scripts is kept, as Persian and Indic text join
// and part letters with U+200C and U+200D, and emoji sequences hold
// U+200D; so is one between full-width digits ("１３８\u200b０…").

// invisibleLen returns the length of the invisible format character at
// b[i], or 0: U+00AD, U+200B-U+200F, U+202A-U+202E, U+2060-U+2064,
// U+2066-U+206F and U+FEFF.
func invisibleLen(b []byte, i int) int {
	switch b[i] {
	case 0xC2:
		if i+1 < len(b) && b[i+1] == 0xAD {
			return 2
		}
	case 0xE2, 0xEF:
		if i+2 >= len(b) {
			return 0
		}
		switch r := uint32(b[i])<<16 | uint32(b[i+1])<<8 | uint32(b[i+2]); {
		case r == 0xEFBBBF,
			0xE2808B <= r && r <= 0xE2808F,
			0xE280AA <= r && r <= 0xE280AE,
			0xE281A0 <= r && r <= 0xE281A4,
			0xE281A6 <= r && r <= 0xE281AF:
			return 3
		}
	}
	return 0
}

// hasInvisible reports whether the text b holds an invisible format
// character, looked for as bytes.IndexByte and bytes.Index look, many
// bytes at a time: U+2000-U+206F by its first byte, U+00AD and U+FEFF
// whole (a full-width form, as Chinese punctuation is, starts as U+FEFF
// does).
func hasInvisible(b []byte) bool {
	for i := 0; ; i++ {
		j := bytes.IndexByte(b[i:], 0xE2)
		if j < 0 {
			break
		}
		if i += j; invisibleLen(b, i) > 0 {
			return true
		}
	}
	return bytes.Contains(b, softHyphen) || bytes.Contains(b, zeroWidthNoBreakSpace)
}

var (
	softHyphen            = []byte("\u00ad")
	zeroWidthNoBreakSpace = []byte("\ufeff")
)

// leadLen returns the length of the UTF-8 sequence that the byte c leads
// (1 for a byte that leads none).
func leadLen(c byte) int {
	switch {
	case c >= 0xF0:
		return 4
	case c >= 0xE0:
		return 3
	case c >= 0xC0:
		return 2
	}
	return 1
}

// invisibleRun returns the end of the run of invisible format characters
// that starts at b[i] (i if there is none there).
func invisibleRun(b []byte, i int) int {
	for i < len(b) {
		n := invisibleLen(b, i)
		if n == 0 {
			break
		}
		i += n
	}
	return i
}

// removable reports whether the run of invisible characters b[i:j] is
// removed: whether the character before it or after it is ASCII and not a
// space or control, or an Arabic-Indic digit, as a number in Arabic text
// holds right-to-left marks ("+٩٧١\u200f٥٠…").
func removable(b []byte, i, j int) bool {
	return i > 0 && identifierByte(b[i-1]) || i > 1 && arabicIndicDigit(b[i-2], b[i-1]) ||
		j < len(b) && identifierByte(b[j]) || j+1 < len(b) && arabicIndicDigit(b[j], b[j+1])
}

// identifierByte reports whether c is an ASCII character an identifier
// may be written with: a printable one, not a space.
func identifierByte(c byte) bool { return c > ' ' && c < utf8.RuneSelf-1 }

// arabicIndicDigit reports whether c0 c1 is U+0660-U+0669 or
// U+06F0-U+06F9 (Persian and Urdu).
func arabicIndicDigit(c0, c1 byte) bool {
	return c0 == 0xD9 && c1 >= 0xA0 && c1 <= 0xA9 || c0 == 0xDB && c1 >= 0xB0 && c1 <= 0xB9
}

// appendVisible appends b to dst without its removable runs of invisible
// characters. dst may be b[:0]: the copy never overtakes what it reads.
func appendVisible(dst, b []byte) []byte {
	last := 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		j := invisibleRun(b, i)
		if j == i {
			i += leadLen(b[i])
			continue
		}
		if removable(b, i, j) {
			dst = append(dst, b[last:i]...)
			last = j
		}
		i = j
	}
	return append(dst, b[last:]...)
}

// visibleOffset returns the offset in b of the byte at offset off of
// appendVisible's copy of b: an error's offset in the record as it came.
func visibleOffset(b []byte, off int) int {
	removed := 0
	for i := 0; i < len(b); {
		if b[i] >= utf8.RuneSelf {
			if j := invisibleRun(b, i); j > i && removable(b, i, j) {
				removed += j - i
				i = j
				continue
			}
		}
		if i-removed == off {
			return i
		}
		i++
	}
	return off + removed
}
