package transforms

import (
	"unicode/utf16"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors"
)

const hexDigits = "0123456789abcdef"

// appendJSONEscaped appends src to dst with the bytes that JSON strings
// cannot hold as they are ('"', '\\' and control characters) escaped.
func appendJSONEscaped(dst, src []byte) []byte {
	last := 0
	for i, c := range src {
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		dst = append(dst, src[last:i]...)
		switch c {
		case '"', '\\':
			dst = append(dst, '\\', c)
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		default:
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
		}
		last = i + 1
	}
	return append(dst, src[last:]...)
}

// escLen returns the length of the JSON escape sequence at raw[i], which
// must be a backslash of a valid string: 6 for \uXXXX, else 2.
func escLen(raw []byte, i int) int {
	if i+1 < len(raw) && raw[i+1] == 'u' {
		return 6
	}
	return 2
}

// hexVal returns the value of the 4 hex digits in b, or -1.
func hexVal(b []byte) rune {
	var r rune
	for _, c := range b {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return -1
		}
		r = r<<4 | rune(c)
	}
	return r
}

// unescapeJSON appends the decoded text of raw, the still-escaped bytes of
// a valid JSON string between its quotes, to dst.
func unescapeJSON(dst, raw []byte) []byte {
	for i := 0; i < len(raw); {
		c := raw[i]
		if c != '\\' {
			dst = append(dst, c)
			i++
			continue
		}
		if i+1 >= len(raw) {
			return dst
		}
		if raw[i+1] != 'u' {
			dst = append(dst, unescapeByte(raw[i+1]))
			i += 2
			continue
		}
		r, n := unicodeEscape(raw, i)
		i += n
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// unicodeEscape decodes the \uXXXX escape at raw[i], with the low
// surrogate escape after it if it is a high surrogate, and returns the
// character and the length of the escapes. Unpaired surrogates decode to
// U+FFFD, as encoding/json does.
func unicodeEscape(raw []byte, i int) (r rune, n int) {
	r = utf8.RuneError
	if i+6 <= len(raw) {
		r = hexVal(raw[i+2 : i+6])
	}
	if r < 0 {
		return utf8.RuneError, 6
	}
	if !utf16.IsSurrogate(r) {
		return r, 6
	}
	r2 := rune(-1)
	if i+12 <= len(raw) && raw[i+6] == '\\' && raw[i+7] == 'u' {
		r2 = hexVal(raw[i+8 : i+12])
	}
	if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
		return d, 12
	}
	return utf8.RuneError, 6
}

// appendTextEscapesDecoded appends raw, the still-escaped bytes of a valid
// JSON string between its quotes, with every \uXXXX escape that
// decodedEscape names written as its character in UTF-8, the way most
// encoders write it: "\u624b\u673a" is "手机", as Python's json.dumps
// escapes all of it, and "li.wei\u0040163\u002ecom" an address the scan
// finds; "\/", as PHP escapes every '/', is '/', which base64 secrets hold.
// Other escapes stay as they are; an unpaired surrogate stays escaped. The
// result is still valid JSON string content.
func appendTextEscapesDecoded(dst, raw []byte) []byte {
	last := 0
	for i := 0; i < len(raw); i++ {
		if raw[i] != '\\' {
			continue
		}
		switch raw[i+1] {
		case 'u':
		case '/':
			dst = append(append(dst, raw[last:i]...), '/')
			last = i + 2
			i++
			continue
		default:
			i++ // '\\' of "\\u00e9" is no escape of 'u'
			continue
		}
		r, n := unicodeEscape(raw, i)
		if decodedEscape(r) && (r != utf8.RuneError || hexVal(raw[i+2:i+6]) == utf8.RuneError) {
			dst = utf8.AppendRune(append(dst, raw[last:i]...), r)
			last = i + n
		}
		i += n - 1
	}
	return append(dst, raw[last:]...)
}

// decodedEscape reports whether the escape \uXXXX of r is decoded before a
// JSON string is scanned: every character but those JSON must escape, the
// quote, the backslash and the control characters. An encoder may escape
// any ("\u0040" for '@', Gson's "\u003d" for '='), and a finding must not
// hide behind one.
func decodedEscape(r rune) bool {
	return r >= utf8.RuneSelf || r >= ' ' && r != '"' && r != '\\' && r != 0x7F
}

// unescapeByte returns the byte a one-letter JSON escape stands for.
func unescapeByte(c byte) byte {
	switch c {
	case 'b':
		return '\b'
	case 'f':
		return '\f'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 't':
		return '\t'
	}
	return c // '"', '\\', '/'
}

// unitLen returns the length of the character at b[i]: a JSON escape
// sequence if json and b[i] is a backslash, else one UTF-8 sequence.
func unitLen(b []byte, i int, json bool) int {
	c := b[i]
	if c < utf8.RuneSelf {
		if json && c == '\\' {
			return escLen(b, i)
		}
		return 1
	}
	_, n := utf8.DecodeRune(b[i:])
	return n
}

// unitByte returns the ASCII character the unit at b[i:i+n] stands for
// (decoding a \u00XX escape, a full-width form such as '＠' and an
// ideographic full stop), or 0 if it is not ASCII.
func unitByte(b []byte, i, n int) byte {
	switch {
	case n == 1:
		return b[i]
	case n == 3:
		return detectors.ASCIIForm(b, i)
	case n == 2 && b[i] == '\\':
		return unescapeByte(b[i+1])
	case n == 6 && b[i] == '\\':
		if r := hexVal(b[i+2 : i+6]); r >= 0 && r < utf8.RuneSelf {
			return byte(r)
		}
	}
	return 0
}
