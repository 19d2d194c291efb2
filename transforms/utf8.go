package transforms

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
)

// asciiMask has the high bit of each byte of a word: a word of ASCII has
// none of them.
const asciiMask = 0x8080808080808080

// validUTF8 reports whether b is valid UTF-8, as utf8.Valid does, faster
// on text in scripts of two- and three-byte characters (Cyrillic, Arabic,
// Devanagari, Chinese, Japanese, Korean), as prompts are written:
// utf8.Valid checks such a character's bytes one by one, here they are
// checked together in one word; a run of three-byte characters, spaces
// between them included, goes in a loop of its own, and words of two-byte
// ones through a shift-based automaton (nonASCIIRun) with no branch per
// byte. ASCII goes 32 bytes at a time, and a record's ASCII tail in one
// word. The last three bytes, and errors, take utf8.DecodeRune.
//
// It also reports whether b may hide an identifier with an invisible
// character (see invisible.go): whether one follows an ASCII character
// where a run of other characters starts, as it would inside an
// identifier, or whether the automaton read some of b, which does not
// look.
func validUTF8(b []byte) (valid, mayHide bool) {
	const hi = asciiMask
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
				return true, mayHide // the last bytes, read with some before them, are ASCII
			}
			i = len(b) - len(p)
			continue
		}
		if i > 0 && b[i-1] < utf8.RuneSelf && (c == 0xE2 || c == 0xC2 || c == 0xEF) && invisibleLen(b, i) > 0 {
			mayHide = true
		}
		if len(b)-i >= 4 {
			w := binary.LittleEndian.Uint32(b[i:])
			b1 := byte(w >> 8)
			switch {
			case w&0xC0E0 == 0x80C0: // 110xxxxx 10xxxxxx
				if c < 0xC2 {
					break // an overlong form
				}
				if b[i+2] < utf8.RuneSelf {
					i += 2 // an accented letter in Latin text ("pequeñas")
					continue
				}
				// A word of two-byte characters (Cyrillic, Greek, Arabic,
				// Hebrew): in the automaton, spaces and all.
				mayHide = true
				var ok bool
				if i, ok = nonASCIIRun(b, i); !ok {
					return false, false
				}
				continue
			case w&0xC0C0F0 == 0x8080E0: // 1110xxxx 10xxxxxx 10xxxxxx
				if i = threeByteRun(b, i); i < 0 {
					return false, false
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
			return false, false
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return false, false
		}
		i += n
	}
	return true, mayHide
}

// threeByteRun checks the run of three-byte characters that starts at b[i],
// a lead byte and two continuation bytes, with at least four bytes left, as
// Chinese, Japanese and Korean text runs, and the single spaces between
// them. It returns where the run ends (at the first character of another
// length, or of the last three bytes), or -1 if one of its characters is
// invalid.
func threeByteRun(b []byte, i int) int {
	p := b[i:]
	for {
		// Two characters at a time while eight bytes are left: half the
		// loop's overhead on a run of them. E0 takes A0-BF second (no
		// overlong forms), ED 80-9F (no surrogates): the lead's low bits
		// and the second byte's 0x20.
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
		if len(p) < 4 {
			break
		}
		w := binary.LittleEndian.Uint32(p)
		switch {
		case w&0xC0C0F0 == 0x8080E0:
			if m := w & 0x200F; m == 0 || m == 0x200D {
				return -1
			}
			p = p[3:]
		case w&0xC0C0F0FF == 0x8080E020 && len(p) >= 5:
			// A space between words of them, as Korean and Hindi write:
			// passed, and the run read on.
			p = p[1:]
		default:
			return len(b) - len(p)
		}
	}
	return len(b) - len(p)
}

// nonASCIIRun runs the automaton over the text at b[i], 16 bytes at a
// time, until the end of b, or a character's end that eight ASCII bytes
// follow, which the ASCII loop reads faster. It returns where it stopped,
// and false if the text is not valid UTF-8.
func nonASCIIRun(b []byte, i int) (int, bool) {
	var s uint64 // utf8Accept
	for ; len(b)-i >= 16; i += 16 {
		// Unrolled: a loop over the 16 bytes costs Russian text 6
		// instructions a byte more (callgrind).
		p := b[i : i+16 : i+16]
		s = utf8Step[p[0]] >> (s & 63)
		s = utf8Step[p[1]] >> (s & 63)
		s = utf8Step[p[2]] >> (s & 63)
		s = utf8Step[p[3]] >> (s & 63)
		s = utf8Step[p[4]] >> (s & 63)
		s = utf8Step[p[5]] >> (s & 63)
		s = utf8Step[p[6]] >> (s & 63)
		s = utf8Step[p[7]] >> (s & 63)
		s = utf8Step[p[8]] >> (s & 63)
		s = utf8Step[p[9]] >> (s & 63)
		s = utf8Step[p[10]] >> (s & 63)
		s = utf8Step[p[11]] >> (s & 63)
		s = utf8Step[p[12]] >> (s & 63)
		s = utf8Step[p[13]] >> (s & 63)
		s = utf8Step[p[14]] >> (s & 63)
		s = utf8Step[p[15]] >> (s & 63)
		if s&63 == utf8Accept && len(b)-i >= 24 && binary.LittleEndian.Uint64(b[i+16:])&asciiMask == 0 {
			return i + 16, true
		}
	}
	for ; i < len(b); i++ {
		s = utf8Step[b[i]] >> (s & 63)
	}
	return i, s&63 == utf8Accept
}

// The states of UTF-8's validating automaton, each the shift that selects
// its next state from a byte's utf8Step row (Per Vognsen's shift-based
// DFA): where a character may start, where one, two or three continuation
// bytes are due, where the next may only be A0-BF (after E0: no overlong
// form), 80-9F (after ED: no surrogate), 90-BF (after F0) or 80-8F (after
// F4: nothing past U+10FFFF), and the error, which no byte leaves.
const (
	utf8Accept = 6 * iota
	utf8Cont1
	utf8Cont2
	utf8Cont3
	utf8AfterE0
	utf8AfterED
	utf8AfterF0
	utf8AfterF4
	utf8Error
)

// utf8Narrow gives the states where the next byte must be a continuation
// byte of a narrower range: the range, and the state it leads to.
var utf8Narrow = map[int]struct{ lo, hi, next int }{
	utf8AfterE0: {0xA0, 0xBF, utf8Cont1},
	utf8AfterED: {0x80, 0x9F, utf8Cont1},
	utf8AfterF0: {0x90, 0xBF, utf8Cont2},
	utf8AfterF4: {0x80, 0x8F, utf8Cont2},
}

// utf8Step holds, for each byte, the automaton's next state from each
// state s at bits s..s+5.
var utf8Step = func() (t [256]uint64) {
	for c := range 256 {
		next := func(s int) int {
			cont := c >= 0x80 && c <= 0xBF
			switch s {
			case utf8Accept:
				switch {
				case c < 0x80:
					return utf8Accept
				case c >= 0xC2 && c <= 0xDF:
					return utf8Cont1
				case c == 0xE0:
					return utf8AfterE0
				case c == 0xED:
					return utf8AfterED
				case c >= 0xE1 && c <= 0xEF:
					return utf8Cont2
				case c == 0xF0:
					return utf8AfterF0
				case c >= 0xF1 && c <= 0xF3:
					return utf8Cont3
				case c == 0xF4:
					return utf8AfterF4
				}
			case utf8Cont1, utf8Cont2, utf8Cont3:
				if cont {
					return s - 6
				}
			default:
				if n, ok := utf8Narrow[s]; ok && c >= n.lo && c <= n.hi {
					return n.next
				}
			}
			return utf8Error
		}
		for s := utf8Accept; s <= utf8Error; s += 6 {
			t[c] |= uint64(next(s)) << s
		}
	}
	return t
}()
