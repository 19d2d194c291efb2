package detectors

import (
	"encoding/binary"
	"unicode/utf8"
)

// Byte classes for the scanner's anchor table and local checks.
const (
	cAnchorDigit = 1 << iota // '0'-'9'
	cAnchorAt                // '@'
	cAnchorPct               // '%' (URL-encoded "%40")
	cAnchorEsc               // '\\' (JSON escapes, "\u0040")
	cAnchorSep               // ':' '-' '.' after hex letters (MAC, UUID, IPv6); '>' before them ("<mac>aabbccddeeff")
	cAnchorPlus              // '+' before an international number
	cAnchorWide              // the first byte of a full-width, Arabic-Indic or Devanagari digit
	cAnchorKey               // '=' after a credential's label ("password="), '_' in an API key's prefix ("ghp_")
)

// anchorPair marks the byte pairs, as a little-endian uint16 holds them,
// of which one byte or both are anchors (bit 0: the first, bit 1: the
// second): the scan of prose looks up two bytes at once. Of its 64 KiB,
// prose touches a few lines.
var anchorPair [1 << 16]uint8

func init() {
	for p := range anchorPair {
		if anchor[p&0xFF] != 0 {
			anchorPair[p] |= 1
		}
		if anchor[p>>8] != 0 {
			anchorPair[p] |= 2
		}
	}
}

var anchor = func() (t [256]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = cAnchorDigit
	}
	t['@'] = cAnchorAt
	t['%'] = cAnchorPct
	t['\\'] = cAnchorEsc
	t[':'], t['-'], t['.'], t['>'] = cAnchorSep, cAnchorSep, cAnchorSep, cAnchorSep
	t['+'] = cAnchorPlus
	t['='], t['_'] = cAnchorKey, cAnchorKey
	t[0xEF], t[0xD9], t[0xDB], t[0xE0] = cAnchorWide, cAnchorWide, cAnchorWide, cAnchorWide
	return t
}()

// Byte classes for local checks, one table lookup each.
const (
	clHex    = 1 << iota // 0-9 a-f A-F
	clAlnum              // 0-9 a-z A-Z
	clLetter             // a-z A-Z
	// clLocal marks the bytes accepted in an e-mail local part. It is
	// narrower than RFC 5322's atext on purpose: '=', '/', '*', '&' and the
	// like occur around addresses in URLs and logs far more often than in them.
	// An apostrophe is in ("o'brien@…"), but never first: it quotes.
	clLocal
	clDomain    // letters, digits and '-'
	clBase64URL // letters, digits, '-' and '_' (RFC 4648 §5), as API keys and JWTs are written
	clBase64    // letters, digits, '+' and '/' (RFC 4648 §4), as PEM bodies are written
)

var class = func() (t [256]uint8) {
	set := func(bit uint8, chars string) {
		for i := 0; i < len(chars); i++ {
			t[chars[i]] |= bit
		}
	}
	const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	const digits = "0123456789"
	set(clHex, digits+"abcdefABCDEF")
	set(clAlnum, digits+letters)
	set(clLetter, letters)
	set(clLocal, digits+letters+".+_%-'")
	set(clDomain, digits+letters+"-")
	set(clBase64URL, digits+letters+"-_")
	set(clBase64, digits+letters+"+/")
	return t
}()

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isHex(c byte) bool   { return class[c]&clHex != 0 }

// isHexLetter reports whether c is a hex digit that is a letter, a-f or A-F.
func isHexLetter(c byte) bool { return c > '9' && class[c]&clHex != 0 }

func isAlnum(c byte) bool  { return class[c]&clAlnum != 0 }
func isLetter(c byte) bool { return class[c]&clLetter != 0 }
func isLocal(c byte) bool  { return class[c]&clLocal != 0 }
func isDomain(c byte) bool { return class[c]&clDomain != 0 }

// isBase64URL reports whether c is of the base64url alphabet, as API keys
// and JWTs are written.
func isBase64URL(c byte) bool { return class[c]&clBase64URL != 0 }

// isBase64 reports whether c is of the base64 alphabet, '=' aside.
func isBase64(c byte) bool { return class[c]&clBase64 != 0 }

// IsASCII reports whether b is all ASCII.
func IsASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// hex8 reports whether the eight bytes of x, as le64 reads them, are all hex
// digits, comparing every byte at once: a byte below 0x80 plus 0x80-c has
// its top bit set exactly when it is at least c, and no sum carries into
// the next byte.
func hex8(x uint64) bool {
	const ones, tops = 0x0101010101010101, 0x8080808080808080
	atLeast := func(v uint64, c byte) uint64 { return (v + ones*uint64(0x80-c)) & tops }
	if x&tops != 0 {
		return false
	}
	y := x | ones*0x20 // 'A'-'F' to 'a'-'f'; only x's letters can land there
	digit := atLeast(x, '0') &^ atLeast(x, '9'+1)
	letter := atLeast(y, 'a') &^ atLeast(y, 'f'+1)
	return digit|letter == tops
}

// le64 and le32 read the first eight or four bytes of b, little-endian.
func le64(b []byte) uint64 { return binary.LittleEndian.Uint64(b) }
func le32(b []byte) uint64 { return uint64(binary.LittleEndian.Uint32(b)) }

func hexVal(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}

// digitEndsAt reports whether a digit digitAt reads ends right before b[i].
func digitEndsAt(b []byte, i int) bool {
	for w := 1; w <= 3 && w <= i; w++ {
		if _, n := digitAt(b, i-w); n == w {
			return true
		}
	}
	return false
}

// digitAt returns the value ('0'-'9') of the digit at b[i] and its width
// in bytes, or width 0 if there is none. Besides ASCII it reads the digits
// people type in the app's languages: full-width (Chinese, Japanese),
// Arabic-Indic (Arabic), Extended Arabic-Indic (Persian, Urdu) and
// Devanagari (Hindi).
func digitAt(b []byte, i int) (d byte, width int) {
	if i >= len(b) {
		return 0, 0
	}
	c := b[i]
	if isDigit(c) {
		return c, 1
	}
	if i+1 >= len(b) {
		return 0, 0
	}
	switch c1 := b[i+1]; c {
	case 0xEF: // U+FF10..U+FF19: EF BC 90..99
		if c1 == 0xBC && i+2 < len(b) && b[i+2] >= 0x90 && b[i+2] <= 0x99 {
			return '0' + b[i+2] - 0x90, 3
		}
	case 0xD9: // U+0660..U+0669: D9 A0..A9
		if c1 >= 0xA0 && c1 <= 0xA9 {
			return '0' + c1 - 0xA0, 2
		}
	case 0xDB: // U+06F0..U+06F9: DB B0..B9
		if c1 >= 0xB0 && c1 <= 0xB9 {
			return '0' + c1 - 0xB0, 2
		}
	case 0xE0: // U+0966..U+096F: E0 A5 A6..AF
		if c1 == 0xA5 && i+2 < len(b) && b[i+2] >= 0xA6 && b[i+2] <= 0xAF {
			return '0' + b[i+2] - 0xA6, 3
		}
	}
	return 0, 0
}

// escapeLen returns the length of the JSON escape sequence starting at b[i]
// ('\\'), or 0 if there is none.
func escapeLen(b []byte, i int) int {
	if i+1 >= len(b) || b[i] != '\\' {
		return 0
	}
	switch b[i+1] {
	case 'u':
		if i+5 < len(b) && isHex(b[i+2]) && isHex(b[i+3]) && isHex(b[i+4]) && isHex(b[i+5]) {
			return 6
		}
		return 0
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return 2
	}
	return 0
}

// boundaryBefore reports whether a finding may start at b[i]: the byte before
// is not a letter or digit, or it ends a JSON escape sequence such as "\n".
func boundaryBefore(b []byte, i int) bool {
	if i == 0 || !isAlnum(b[i-1]) {
		return true
	}
	if i >= 2 && b[i-2] == '\\' && escapeLen(b, i-2) == 2 {
		return true
	}
	if i >= 3 && b[i-3] == '%' {
		// A URL-encoded byte that is no letter or digit, as in
		// "q=%E6%89%8B%E6%9C%BA13800138000" (手机, encoded); but a colon
		// may join hex groups ("00%3A1a%3A2b…"), read from their start.
		if c, ok := escapedBefore(b, i); ok && !isAlnum(c) && c != ':' {
			return true
		}
	}
	return i >= 6 && b[i-6] == '\\' && escapeLen(b, i-6) == 6
}

// escapedBefore returns the byte a URL escape ("%3A") ending at b[i]
// encodes, if one does.
func escapedBefore(b []byte, i int) (byte, bool) {
	if i < 3 || b[i-3] != '%' || !isHex(b[i-2]) || !isHex(b[i-1]) {
		return 0, false
	}
	return hexVal(b[i-2])<<4 | hexVal(b[i-1]), true
}

// boundaryAfter reports whether a finding may end at b[i]: the byte there is
// not a letter or digit. A '_' ends one, as it may start one (see
// boundaryBefore): "13800138000_backup".
func boundaryAfter(b []byte, i int) bool {
	return i >= len(b) || !isAlnum(b[i])
}

// skipWord returns the end of the run of letters and digits starting at i.
// It stops at '_', after which a finding may start (see boundaryBefore):
// "id_2024_13800138000".
func skipWord(b []byte, i int) int {
	for i < len(b) && isAlnum(b[i]) {
		i++
	}
	return i
}

// wideASCII returns the ASCII character whose full-width form (U+FF01 to
// U+FF5E, EF BC 81 to EF BD 9E) starts at b[i], or 0 if none does.
func wideASCII(b []byte, i int) byte {
	if i < 0 || i+2 >= len(b) || b[i] != 0xEF {
		return 0
	}
	switch c := b[i+2]; b[i+1] {
	case 0xBC:
		if c >= 0x81 && c <= 0xBF {
			return c - 0x81 + '!'
		}
	case 0xBD:
		if c >= 0x80 && c <= 0x9E {
			return c - 0x80 + '`'
		}
	}
	return 0
}

// ASCIIForm returns the ASCII character a typed form at b[i] stands for in
// an identifier: the full-width forms of CJK input methods ('＠' is '@',
// 'ｃ' is 'c'), the ideographic full stops they type for '.' ('。', '｡')
// and the small '﹫'; or 0 if none starts there. Each form is 3 bytes.
func ASCIIForm(b []byte, i int) byte {
	if c := wideASCII(b, i); c != 0 {
		return c
	}
	if ideographicStopAt(b, i) {
		return '.'
	}
	if smallAtSign(b, i) {
		return '@'
	}
	return 0
}

// ideographicStopAt reports whether an ideographic full stop, '。' (U+3002)
// or its half-width form '｡' (U+FF61), starts at b[i]; both are 3 bytes.
func ideographicStopAt(b []byte, i int) bool {
	return i >= 0 && i+2 < len(b) && (b[i] == 0xE3 && b[i+1] == 0x80 && b[i+2] == 0x82 || b[i] == 0xEF && b[i+1] == 0xBD && b[i+2] == 0xA1)
}

// startOutsideEscape moves a span start s forward past any JSON escape
// sequence that straddles it, so a replacement never splits an escape.
func startOutsideEscape(b []byte, s int) int {
	for j := max(0, s-5); j < s; j++ {
		if b[j] == '\\' {
			if l := escapeLen(b, j); l > 0 && j+l > s {
				return j + l
			}
		}
	}
	return s
}

// Luhn reports whether the ASCII digits d pass the Luhn checksum.
func Luhn(d []byte) bool { return luhn(d) }

// luhn reports whether the ASCII digits pass the Luhn checksum.
func luhn(d []byte) bool {
	sum := 0
	double := false
	for i := len(d) - 1; i >= 0; i-- {
		v := int(d[i] - '0')
		if double {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
		double = !double
	}
	return sum%10 == 0
}
