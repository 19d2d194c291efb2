package detectors

// A phone number written a digit at a time ("1 3 8 0 0 1 3 8 0 0 0",
// "4-1-5-5-5-5-0-1-3-2"), as a writer may type one to keep it from being
// read, is a run of groups too short for the scan to take (see
// maxGroups). Free text is read for it after a phone word.

// Bounds of a spaced-out number's digits, and the window before it where
// a phone word must be.
const (
	minSpacedDigits = 7
	maxSpacedDigits = 15
	spacedWindow    = 32
)

// AppendSpacedPhones appends to dst the phone numbers in text written a
// digit at a time between single spaces, dashes or dots, maybe after a
// '+', with a phone word (phone, call, whatsapp, 电话, ...) at most 32
// bytes before: valid as an international number after a '+', else as a
// national number of a region of mask (0: the set's), as its token reads
// it. Runs of single digits with no phone word before ("steps 1 2 3 4 5 6
// 7 8"), or inside a longer run, are left.
func (s *Set) AppendSpacedPhones(dst []Span, text []byte, mask uint64) []Span {
	if mask == 0 {
		mask = s.regionMask
	}
	var e164 [maxSpacedDigits + 1]byte
	for i := 0; i+4 < len(text); i++ {
		if !isDigit(text[i]) || !spacedSep(text[i+1]) || !isDigit(text[i+2]) || isDigit(text[i+3]) ||
			i > 0 && isAlnum(text[i-1]) || i > 1 && spacedSep(text[i-1]) && isDigit(text[i-2]) {
			continue
		}
		start, end, d, n := spacedRun(text, i)
		switch {
		case n < minSpacedDigits || n > maxSpacedDigits || end < len(text) && isAlnum(text[end]):
		case !hasContext(text, start, phoneWords, spacedWindow):
		case text[start] == '+' && !s.international(d[:n]):
		default:
			// Found as the number's token reads it: one in E.164.
			if c := s.appendPhone(e164[:0], text[start:end], mask, 0); len(c) > 0 && c[0] == '+' {
				dst = append(dst, Span{Start: start, End: end, Kind: Phone})
			}
		}
		i = end
	}
	return dst
}

// international reports whether the digits d, after a '+', are a valid
// international number.
func (s *Set) international(d []byte) bool {
	_, ok := s.phones.International(d)
	return ok
}

// spacedSep reports whether c may stand between a spaced-out number's digits.
func spacedSep(c byte) bool { return c == ' ' || c == '-' || c == '.' }

// spacedRun reads the digits written one at a time from text[i] on: where
// the run starts (at a '+' before it, if any), where it ends, its digits
// and how many (counting on past maxSpacedDigits, which it keeps).
func spacedRun(text []byte, i int) (start, end int, d [maxSpacedDigits]byte, n int) {
	start = i
	if i > 0 && text[i-1] == '+' {
		start = i - 1
	}
	for {
		if n < len(d) {
			d[n] = text[i]
		}
		n++
		end = i + 1
		if i+2 >= len(text) || !spacedSep(text[i+1]) || !isDigit(text[i+2]) || i+3 < len(text) && isDigit(text[i+3]) {
			return start, end, d, n
		}
		i += 2
	}
}

// compactSpaced returns the digits of v, a number written a digit at a
// time (see AppendSpacedPhones), with its '+', in buf, and true; or false
// if v is not written so.
func compactSpaced(v []byte, buf *[maxSpacedDigits + 1]byte) ([]byte, bool) {
	if len(v) < 2*minSpacedDigits-1 {
		return nil, false
	}
	out := buf[:0]
	i := 0
	if v[0] == '+' {
		out = append(out, '+')
		i = 1
	}
	for ; i < len(v); i += 2 {
		if !isDigit(v[i]) || i+1 < len(v) && !spacedSep(v[i+1]) || len(out) == len(buf) {
			return nil, false
		}
		out = append(out, v[i])
	}
	return out, true
}
