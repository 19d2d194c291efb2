package transforms

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors"
)

// Redact appends the de-identified form of the record rec to dst and returns
// the extended buffer. A trailing "\n" or "\r\n" is not part of the record
// and is not copied. With FormatAuto (and any unknown Format), a record
// whose first non-space byte is '{' is read as JSON, anything else as text.
//
// JSON is walked value by value: keys and structure are copied as they are
// (whitespace included), string values, and number values under keys that
// name a kind of personal data, are scanned with the hint their key gives,
// and findings are replaced in place; a number with a finding becomes a
// string. The output is valid JSON with the same keys, except for members
// removed by Drop.
//
// A record that cannot be de-identified is not copied at all: Redact returns
// dst unchanged and a *RecordError. In steady state Redact does not allocate.
func (w *Worker) Redact(dst, rec []byte, f Format) ([]byte, error) {
	rec = trimNewline(rec)
	if len(rec) > w.e.maxBytes {
		return dst, &RecordError{Reason: ReasonTooLarge, Offset: w.e.maxBytes}
	}
	if !utf8.Valid(rec) {
		return dst, &RecordError{Reason: ReasonInvalidUTF8, Offset: invalidUTF8Offset(rec)}
	}
	if f != FormatJSON && f != FormatText {
		f = FormatText
		if i := skipWS(rec, 0); i < len(rec) && rec[i] == '{' {
			f = FormatJSON
		}
	}
	if f == FormatText {
		w.spans = w.e.set.AppendSpans(w.spans[:0], rec)
		w.tally(w.spans)
		w.settle(true)
		return w.appendRedacted(dst, rec, w.spans, false), nil
	}
	out, off, reason := w.redactJSON(dst, rec)
	if reason != 0 {
		w.settle(false)
		return dst, &RecordError{Reason: reason, Offset: off}
	}
	w.settle(true)
	return out, nil
}

// trimNewline removes one trailing "\n" or "\r\n".
func trimNewline(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
		if n > 1 && b[n-2] == '\r' {
			b = b[:n-2]
		}
	}
	return b
}

// invalidUTF8Offset returns the offset of the first byte of b that is not
// part of a valid UTF-8 sequence.
func invalidUTF8Offset(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// frame is one open JSON object or array.
type frame struct {
	obj  bool
	hint detectors.Hint // an array's: its elements inherit it
	n    int            // members or elements written (not dropped)
}

// Walker states.
const (
	stValue  = iota // a value starts at i
	stMember        // an object member's key starts at i
	stAfter         // a value ended at i; dropped says if it was removed
)

// redactJSON appends the redacted form of src, a JSON value, to dst. It
// validates src as it goes and, if it is not valid JSON, returns the reason
// and the offset of the problem.
//
// Bytes are copied lazily: src[pend:i] is what has been read and not yet
// copied, so a record without findings is copied by one append at the end.
func (w *Worker) redactJSON(dst, src []byte) ([]byte, int, Reason) {
	set := w.e.set
	stack := w.stack[:0]
	defer func() { w.stack = stack[:0] }()

	var hint detectors.Hint // what the key of the value at i says
	pend := 0               // src[pend:i] is still to be copied
	i := skipWS(src, 0)
	ms := i // where the current member starts, for Drop
	dropped := false
	state := stValue
	for {
		switch state {
		case stMember:
			if i >= len(src) || src[i] != '"' {
				return dst, i, ReasonMalformedJSON
			}
			end, ok := scanString(src, i+1)
			if !ok {
				return dst, end, ReasonMalformedJSON
			}
			hint = w.keyHint(src[i+1 : end])
			i = skipWS(src, end+1)
			if i >= len(src) || src[i] != ':' {
				return dst, i, ReasonMalformedJSON
			}
			i = skipWS(src, i+1)
			state = stValue

		case stValue:
			if i >= len(src) {
				return dst, i, ReasonMalformedJSON
			}
			dropped = false
			state = stAfter
			switch c := src[i]; {
			case c == '{' || c == '[':
				if len(stack) == MaxDepth {
					return dst, i, ReasonTooLarge
				}
				stack = append(stack, frame{obj: c == '{', hint: hint})
				i = skipWS(src, i+1)
				if i < len(src) && src[i] == c+2 { // '}' or ']'
					i++
					stack = stack[:len(stack)-1]
					continue
				}
				ms = i
				if c == '{' {
					state = stMember
				} else {
					state = stValue
				}
				continue
			case c == '"':
				end, ok := scanString(src, i+1)
				if !ok {
					return dst, end, ReasonMalformedJSON
				}
				raw := src[i+1 : end]
				w.spans = set.AppendValueSpans(w.spans[:0], raw, hint)
				if len(w.spans) > 0 {
					if dropped = w.tally(w.spans); !dropped {
						dst = append(dst, src[pend:i+1]...)
						dst = w.appendRedacted(dst, raw, w.spans, true)
						pend = end
					}
				}
				i = end + 1
			case c == 't' || c == 'f' || c == 'n':
				end := scanLiteral(src, i)
				if end < 0 {
					return dst, i, ReasonMalformedJSON
				}
				i = end
			default:
				end, ok := scanNumber(src, i)
				if !ok {
					return dst, end, ReasonMalformedJSON
				}
				if hint.Kind != detectors.None {
					num := src[i:end]
					w.spans = set.AppendValueSpans(w.spans[:0], num, hint)
					if len(w.spans) > 0 {
						if dropped = w.tally(w.spans); !dropped {
							dst = append(dst, src[pend:i]...)
							dst = append(dst, '"')
							dst = w.appendRedacted(dst, num, w.spans, true)
							dst = append(dst, '"')
							pend = end
						}
					}
				}
				i = end
			}
			if dropped {
				if pend < ms {
					dst = append(dst, src[pend:ms]...)
				}
				pend = i
				if len(stack) == 0 {
					dst = append(dst, "null"...)
				}
			}

		case stAfter:
			i = skipWS(src, i)
			if len(stack) == 0 {
				if i != len(src) {
					return dst, i, ReasonMalformedJSON
				}
				return append(dst, src[pend:]...), 0, 0
			}
			top := &stack[len(stack)-1]
			if !dropped {
				top.n++
			}
			dropped = false
			if i >= len(src) {
				return dst, i, ReasonMalformedJSON
			}
			switch c := src[i]; {
			case c == ',':
				if top.n == 0 { // nothing written before it: drop the comma
					dst = append(dst, src[pend:i]...)
					pend = i + 1
				}
				ms = i
				i = skipWS(src, i+1)
				if top.obj {
					state = stMember
				} else {
					hint = top.hint
					state = stValue
				}
			case c == '}' && top.obj, c == ']' && !top.obj:
				i++
				stack = stack[:len(stack)-1]
			default:
				return dst, i, ReasonMalformedJSON
			}
		}
	}
}

// skipWS returns the offset of the first byte at or after i that is not JSON
// whitespace.
func skipWS(b []byte, i int) int {
	for i < len(b) && b[i] <= ' ' {
		switch b[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// strPlain marks the bytes that stand for themselves in a JSON string.
var strPlain = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// special8 returns a mask whose lowest set bit is the top bit of the first
// of the 8 bytes of x (in little-endian order) that is '"', '\\' or a
// control character, or 0 if there is none, without a branch per byte.
// Bits above the lowest may be false alarms: only the lowest is exact.
func special8(x uint64) uint64 {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	q := x ^ lo*'"'
	b := x ^ lo*'\\'
	return ((q-lo)&^q | (b-lo)&^b | (x-lo*0x20)&^x) & hi
}

// scanString validates the JSON string whose content starts at src[i] and
// returns the offset of its closing quote; or, if it is not valid, false and
// the offset of the problem.
func scanString(src []byte, i int) (int, bool) {
	for {
		for i+8 <= len(src) {
			if m := special8(binary.LittleEndian.Uint64(src[i:])); m != 0 {
				i += bits.TrailingZeros64(m) >> 3
				goto special
			}
			i += 8
		}
		for i < len(src) && strPlain[src[i]] {
			i++
		}
		if i >= len(src) {
			return i, false
		}
	special:
		switch src[i] {
		case '"':
			return i, true
		case '\\':
			if i+1 >= len(src) {
				return i, false
			}
			switch src[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(src) || hexVal(src[i+2:i+6]) < 0 {
					return i, false
				}
				i += 6
			default:
				return i, false
			}
		default:
			return i, false // a control character
		}
	}
}

// scanLiteral returns the end of the literal true, false or null at src[i],
// or -1.
func scanLiteral(src []byte, i int) int {
	for _, lit := range [...]string{"true", "false", "null"} {
		if len(src)-i >= len(lit) && string(src[i:i+len(lit)]) == lit {
			return i + len(lit)
		}
	}
	return -1
}

// scanNumber validates the JSON number at src[i] and returns its end; or,
// if it is not valid, false and the offset of the problem.
func scanNumber(src []byte, i int) (int, bool) {
	if i < len(src) && src[i] == '-' {
		i++
	}
	switch {
	case i >= len(src) || !isDigit(src[i]):
		return i, false
	case src[i] == '0':
		i++
	default:
		i = skipDigits(src, i)
	}
	if i < len(src) && src[i] == '.' {
		i++
		if i >= len(src) || !isDigit(src[i]) {
			return i, false
		}
		i = skipDigits(src, i)
	}
	if i < len(src) && (src[i] == 'e' || src[i] == 'E') {
		i++
		if i < len(src) && (src[i] == '+' || src[i] == '-') {
			i++
		}
		if i >= len(src) || !isDigit(src[i]) {
			return i, false
		}
		i = skipDigits(src, i)
	}
	return i, true
}

func skipDigits(b []byte, i int) int {
	for i < len(b) && isDigit(b[i]) {
		i++
	}
	return i
}
