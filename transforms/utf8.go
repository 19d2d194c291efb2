package transforms

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
)

// validUTF8 reports whether b is valid UTF-8, as utf8.Valid does, faster
// on text in scripts of two- and three-byte characters (Cyrillic, Arabic,
// Devanagari, Chinese, Japanese, Korean), as prompts are written:
// utf8.Valid checks such a character's bytes one by one, here they are
// checked together in one word, and a run of three-byte characters in a
// loop of its own. ASCII goes 32 bytes at a time, and a record's ASCII
// tail in one word. The last three bytes, and errors, take
// utf8.DecodeRune.
func validUTF8(b []byte) bool {
	const hi = 0x8080808080808080
	i := 0
	for i < len(b) {
		c := b[i]
		if c < utf8.RuneSelf {
			p := b[i+1:]
			for len(p) >= 32 && (binary.LittleEndian.Uint64(p)|binary.LittleEndian.Uint64(p[8:])|
				binary.LittleEndian.Uint64(p[16:])|binary.LittleEndian.Uint64(p[24:]))&hi == 0 {
				p = p[32:]
			}
			for len(p) >= 8 {
				if m := binary.LittleEndian.Uint64(p) & hi; m != 0 {
					// On to the first byte beyond ASCII, not byte by byte.
					p = p[bits.TrailingZeros64(m)>>3:]
					break
				}
				p = p[8:]
			}
			if len(p) < 8 && len(b) >= 8 && binary.LittleEndian.Uint64(b[len(b)-8:])&hi == 0 {
				return true // the last bytes, read with some before them, are ASCII
			}
			i = len(b) - len(p)
			continue
		}
		if len(b)-i >= 4 {
			w := binary.LittleEndian.Uint32(b[i:])
			b1 := byte(w >> 8)
			switch {
			case w&0xC0E0 == 0x80C0: // 110xxxxx 10xxxxxx
				if c >= 0xC2 {
					i += 2
					continue
				}
			case w&0xC0C0F0 == 0x8080E0: // 1110xxxx 10xxxxxx 10xxxxxx
				if i = threeByteRun(b, i); i < 0 {
					return false
				}
				continue
			case w&0xC0C0C0F8 == 0x808080F0: // 11110xxx 10xxxxxx 10xxxxxx 10xxxxxx
				// F0 takes 90-BF second (no overlong forms), F4 80-8F
				// (nothing past U+10FFFF); F5-F7 start nothing.
				if c <= 0xF4 && (c != 0xF0 || b1 >= 0x90) && (c != 0xF4 || b1 < 0x90) {
					i += 4
					continue
				}
			}
			return false
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return false
		}
		i += n
	}
	return true
}

// threeByteRun checks the run of three-byte characters that starts at b[i],
// a lead byte and two continuation bytes, with at least four bytes left, as
// Chinese, Japanese and Korean text runs. It returns where the run ends (at
// the first character of another length, or of the last three bytes), or
// -1 if one of its characters is invalid.
func threeByteRun(b []byte, i int) int {
	p := b[i:]
	// Two characters at a time while eight bytes are left: half the
	// loop's overhead on a run of them. E0 takes A0-BF second (no overlong
	// forms), ED 80-9F (no surrogates): the lead's low bits and the second
	// byte's 0x20.
	for len(p) >= 8 {
		w := binary.LittleEndian.Uint64(p)
		if w&0xC0C0F0C0C0F0 != 0x8080E08080E0 {
			break
		}
		if m, n := w&0x200F, w>>24&0x200F; m == 0 || m == 0x200D || n == 0 || n == 0x200D {
			return -1
		}
		p = p[6:]
	}
	for len(p) >= 4 {
		w := binary.LittleEndian.Uint32(p)
		if w&0xC0C0F0 != 0x8080E0 {
			break
		}
		if m := w & 0x200F; m == 0 || m == 0x200D {
			return -1
		}
		p = p[3:]
	}
	return len(b) - len(p)
}
