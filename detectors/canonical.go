package detectors

import (
	"bytes"
	"net/netip"
	"strconv"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/pixelprivacy/veil/detectors/internal/dates"
	"github.com/pixelprivacy/veil/detectors/internal/geo"
)

// AppendCanonical appends the normalized form of a finding's raw bytes, so
// that one identifier written in different ways has one form: e-mail
// addresses decoded ("%40", "\u0040", "&#64;", full-width forms) and lower-cased,
// in every script; phone numbers in E.164;
// MACs as lower-case colon-separated pairs; IPs in net/netip's canonical form
// without zone (URL-encoded colons and zero-padded octets read); IMSIs,
// ICCIDs, card numbers and national numbers (CPF, SSN, RRN, Aadhaar, My
// Number, SNILS, NIR, Steuer-ID, Saudi ID) as digits; IMEIs and MEIDs as the device's 14
// digits (see appendDeviceID); UUIDs lower-case with dashes; CN identity
// numbers upper-case; IBANs, DNIs, National Insurance and identity documents' numbers compact and
// upper-case; people's names in
// lower case, composed (NFC), their words joined by one space, and so are
// street addresses; handles in lower case without their '@'; dates of
// birth as YYYY-MM-DD; Ethereum and bech32 Bitcoin addresses in lower
// case; coordinates as "lat,lon" in decimal degrees with six decimals.
// Other kinds are appended as they are.
func (s *Set) AppendCanonical(dst, value []byte, k Kind) []byte {
	return s.AppendCanonicalPreferring(dst, value, k, s.regionMask, 0)
}

// AppendCanonicalPreferring is AppendCanonical with a phone number in
// national format read as a number of the region prefer (a mask of one
// region, see LocaleRegion and ScriptRegion, or 0) if it is valid there,
// the region a record's locale names ("010 8462 6587" is a Seoul mobile for
// a ko_KR device, a Beijing number for zh_CN), else of the regions in mask
// (see RegionMask), those it was found with: "030 12345678" is a Berlin
// number in German text. A region of mask that writes the number as it is
// laid out, where prefer does not, comes first: "090-4300-5719" is a
// Japanese mobile for an en_GB device.
func (s *Set) AppendCanonicalPreferring(dst, value []byte, k Kind, mask, prefer uint64) []byte {
	switch k {
	case Email:
		return appendEmail(dst, value)
	case Phone:
		return s.appendPhone(dst, value, mask&s.regionMask, prefer&s.regionMask)
	case IMEI:
		return appendDeviceID(dst, value)
	case IMSI, ICCID, Card, CPF, SSN, RRN, Aadhaar, MyNumber, SNILS, NIR, SteuerID, SaudiID:
		return appendDigits(dst, value)
	case IBAN, DNI, NINO:
		return appendCompactUpper(dst, value)
	case Document:
		for _, c := range value {
			if isAlnum(c) || c >= utf8.RuneSelf { // a Chinese plate's province: "京A12345"
				dst = append(dst, upper(c))
			}
		}
		return dst
	case Name, Address:
		return appendWords(dst, value)
	case Handle:
		return appendHandle(dst, value)
	case Coordinates:
		if p, n, ok := geo.PairAt(value, 0); ok && n == len(value) {
			dst = strconv.AppendFloat(dst, p.Lat, 'f', 6, 64)
			return strconv.AppendFloat(append(dst, ','), p.Lon, 'f', 6, 64)
		}
		return append(dst, value...)
	case Wallet:
		if len(value) > 0 && value[0] != '0' && value[0]|0x20 != 'b' {
			return append(dst, value...) // base58: its case is its own
		}
		for _, c := range value {
			dst = append(dst, lower(c))
		}
		return dst
	case Birthdate:
		if d, n, ok := dates.Parse(value); ok && n == len(value) {
			return d.AppendISO(dst)
		}
		return append(dst, value...)
	case MAC:
		if end, ok := macAt(value, 0, ':'); ok && end == len(value) {
			return appendLowerHex(dst, value) // already colon-separated pairs
		}
		if end, ok := shortMACAt(value, 0); ok && end == len(value) {
			return appendShortMAC(dst, value) // "0:1a:2b:3c:4d:5e"
		}
		n := 0
		for i := 0; i < len(value); i++ {
			c := value[i]
			if encodedColonAt(value, i) {
				i += 2
				continue
			}
			if !isHex(c) {
				continue
			}
			if n > 0 && n%2 == 0 {
				dst = append(dst, ':')
			}
			dst = append(dst, lower(c))
			n++
		}
		return dst
	case ADID:
		if end, ok := uuidAt(value, 0); ok && end == len(value) || bareHex(value, 16) || udid(value) || bareHex(value, 64) {
			return appendLowerHex(dst, value) // already dashed, an ANDROID_ID, a UDID or a MediaDrm ID
		}
		if utdid(value) {
			return append(dst, value...) // base64, whose case is its own
		}
		n := 0
		for _, c := range value {
			if !isHex(c) {
				continue
			}
			if n == 8 || n == 12 || n == 16 || n == 20 {
				dst = append(dst, '-')
			}
			dst = append(dst, lower(c))
			n++
		}
		return dst
	case IPv4, IPv6:
		if bytes.IndexByte(value, '%') >= 0 {
			// "2001%3Adb8%3A%3A1" in a query string, decoded in dst
			if d, n, ok := appendDecodedColons(dst, value); ok && n == len(value) {
				if a, err := parseAddr(d[len(dst):]); err == nil {
					return a.AppendTo(dst)
				}
			}
		}
		if bytes.IndexByte(value, 0xEF) >= 0 {
			// "１９２．１６８．１．１", typed in full-width mode, narrowed in dst
			n := len(dst)
			dst = appendNarrow(dst, value)
			if a, ok := quadIPv4(dst[n:], '.'); ok {
				return a.AppendTo(dst[:n])
			}
			if a, err := parseAddr(dst[n:]); err == nil {
				return a.WithZone("").AppendTo(dst[:n])
			}
			return dst
		}
		if canonicalIPv4(value) {
			return append(dst, value...) // already as netip would print it
		}
		if a, ok := quadIPv4(value, '.'); ok {
			return a.AppendTo(dst) // zero-padded
		}
		if a, ok := quadIPv4(value, '-'); ok {
			return a.AppendTo(dst) // in a host name
		}
		if a, ok := ipv4Integer(value); ok {
			return a.AppendTo(dst) // a key named it an IP
		}
		if addr, _, _ := bytes.Cut(value, []byte{'%'}); canonicalIPv6(addr) {
			return append(dst, addr...) // already as netip would print it, less its zone
		}
		a, err := parseAddr(value)
		if err != nil {
			return append(dst, value...)
		}
		return a.WithZone("").AppendTo(dst)
	case CNID:
		for _, c := range value {
			if c == 'x' {
				c = 'X'
			}
			dst = append(dst, c)
		}
		return dst
	}
	return append(dst, value...)
}

// appendNarrow appends v with its full-width forms of ASCII characters
// ("１", "．") as those characters.
func appendNarrow(dst, v []byte) []byte {
	for i := 0; i < len(v); i++ {
		if c := wideASCII(v, i); c != 0 {
			dst = append(dst, c)
			i += 2
			continue
		}
		dst = append(dst, v[i])
	}
	return dst
}

// appendLowerHex appends v, a MAC or UUID already separated as its
// canonical form is, with its hex letters in lower case: setting bit 0x20
// lower-cases 'A'-'F' and leaves digits, ':' and '-' as they are.
func appendLowerHex(dst, v []byte) []byte {
	n := len(dst)
	dst = append(dst, v...)
	for i, c := range dst[n:] {
		dst[n+i] = c | 0x20
	}
	return dst
}

// canonicalIPv4 reports whether v is a dotted-quad IPv4 address in the form
// net/netip prints: four decimal octets up to 255 without leading zeros.
func canonicalIPv4(v []byte) bool {
	groups, n, val := 0, 0, 0
	for i, c := range v {
		switch {
		case isDigit(c):
			if n == 1 && val == 0 {
				return false // a leading zero
			}
			val = val*10 + int(c-'0')
			n++
			if val > 255 {
				return false
			}
		case c == '.' && n > 0 && i+1 < len(v):
			groups++
			n, val = 0, 0
		default:
			return false
		}
	}
	return groups == 3 && n > 0
}

// canonicalIPv6 reports whether v is an IPv6 address without a zone in the
// form net/netip prints (RFC 5952): groups in lower-case hex without
// leading zeros, the first longest run of two or more zero groups written
// "::", an IPv4-mapped address as "::ffff:" and a dotted quad. It reads the
// address once, where parsing and printing it would take several passes.
func canonicalIPv6(v []byte) bool {
	const mapped = "::ffff:"
	if len(v) > len(mapped) && string(v[:len(mapped)]) == mapped && canonicalIPv4(v[len(mapped):]) {
		return true
	}
	var groups [8]uint16
	n, gap, i := 0, -1, 0 // groups read, the group where "::" stands, the offset
	if len(v) >= 2 && v[0] == ':' && v[1] == ':' {
		gap, i = 0, 2
	}
	for i < len(v) {
		start := i
		var g uint16
		for ; i < len(v) && i-start < 4 && lowerHex(v[i]); i++ {
			g = g<<4 | uint16(hexVal(v[i]))
		}
		if i == start || i-start > 1 && v[start] == '0' || n == len(groups) {
			return false
		}
		groups[n] = g
		n++
		if i == len(v) {
			break
		}
		if v[i] != ':' || i+1 == len(v) {
			return false
		}
		i++
		if v[i] == ':' {
			if gap >= 0 {
				return false
			}
			gap, i = n, i+1
		}
	}
	zeros := len(groups) - n // the groups "::" stands for
	switch {
	case gap < 0 && zeros != 0, gap >= 0 && zeros < 2:
		return false
	case gap >= 0:
		copy(groups[gap+zeros:], groups[gap:n])
		clear(groups[gap : gap+zeros])
	}
	// The run netip compresses: the first of the longest, two groups or more.
	runStart, runEnd := -1, -1
	for j := 0; j < len(groups); j++ {
		k := j
		for k < len(groups) && groups[k] == 0 {
			k++
		}
		if k-j >= 2 && k-j > runEnd-runStart {
			runStart, runEnd = j, k
		}
		j = k
	}
	if gap < 0 && runStart >= 0 || gap >= 0 && (runStart != gap || runEnd != gap+zeros) {
		return false
	}
	// An IPv4-mapped address is printed with its dotted quad.
	return groups != [8]uint16{5: 0xffff, 6: groups[6], 7: groups[7]}
}

// lowerHex reports whether c is a digit or a lower-case hex letter.
func lowerHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' }

// parseAddr parses an IP address, dropping any zone without keeping it.
func parseAddr(v []byte) (netip.Addr, error) {
	for i, c := range v {
		if c == '%' {
			v = v[:i]
			break
		}
	}
	return netip.ParseAddr(bytesString(v))
}

// appendDeviceID appends an IMEI or MEID as the device's 14 digits: an
// IMEI's TAC and serial, less its check digit or an IMEISV's software
// version; an MEID in upper-case hex, its 18-digit decimal form converted.
func appendDeviceID(dst, v []byte) []byte {
	n := len(dst)
	hex := false
	for i := 0; i < len(v); {
		if d, w := digitAt(v, i); w > 0 {
			dst = append(dst, d)
			i += w
			continue
		}
		if isHex(v[i]) {
			dst = append(dst, upper(v[i]))
			hex = true
		}
		i++
	}
	switch id := dst[n:]; {
	case len(id) == 15 || len(id) == 16:
		return dst[:n+14]
	case len(id) == 18 && !hex:
		// The decimal MEID: 10 digits of the 32-bit manufacturer code,
		// 8 of the 24-bit serial number.
		m, s := atoi(id[:10]), atoi(id[10:])
		if m < 1<<32 && s < 1<<24 {
			return appendHex(dst[:n], uint64(m)<<24|uint64(s), 14)
		}
	}
	return dst
}

// appendHex appends the low n hex digits of v, upper case.
func appendHex(dst []byte, v uint64, n int) []byte {
	for i := n - 1; i >= 0; i-- {
		dst = append(dst, "0123456789ABCDEF"[v>>(4*i)&0xF])
	}
	return dst
}

func appendDigits(dst, v []byte) []byte {
	for i := 0; i < len(v); {
		d, w := digitAt(v, i)
		if w == 0 {
			i++
			continue
		}
		dst = append(dst, d)
		i += w
	}
	return dst
}

// appendEmail decodes the encoded and full-width forms of '@' and '%XX'
// escapes (also encoded twice, "%2540") and lower-cases ASCII.
func appendEmail(dst, v []byte) []byte {
	// Most addresses are ASCII with nothing to decode: copied, then
	// lower-cased in place.
	n := len(dst)
	dst = append(dst, v...)
	for i, c := range dst[n:] {
		switch {
		case 'A' <= c && c <= 'Z':
			dst[n+i] = c + 'a' - 'A'
		case emailUnusual[c]:
			if c == ' ' || c == '(' || c == '[' || c == '{' || c == '<' {
				return appendSpelledEmail(dst[:n], v)
			}
			return appendEncodedEmail(dst[:n], v)
		}
	}
	return dst
}

// emailUnusual marks the bytes after which an address is not copied as it
// is: '%', '\\' and '&' of escapes, bytes beyond ASCII (see
// appendEncodedEmail), and the spaces and brackets of one spelled out (see
// appendSpelledEmail).
var emailUnusual = func() (t [256]bool) {
	for _, c := range []byte("%\\& ([{<") {
		t[c] = true
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = true
	}
	return t
}()

// appendSpelledEmail is appendEmail for an address spelled out around its
// '@' and dots, as package obfuscated finds them ("li.wei (at) 163 (dot)
// com", "li.wei AT 163 DOT com"): the address it spells, in lower case.
// A separator word stands between spaces or brackets, with more after it.
func appendSpelledEmail(dst, v []byte) []byte {
	sep := func(c byte) bool {
		return c == ' ' || c == '(' || c == '[' || c == '{' || c == '<' || c == ')' || c == ']' || c == '}' || c == '>'
	}
	word := func(i int, w string) bool {
		return i > 0 && sep(v[i-1]) && i+len(w) < len(v) && sep(v[i+len(w)]) && bytes.EqualFold(v[i:i+len(w)], []byte(w))
	}
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case sep(c):
		case word(i, "at"):
			dst = append(dst, '@')
			i++
		case word(i, "dot"):
			dst = append(dst, '.')
			i += 2
		default:
			dst = append(dst, lower(c))
		}
	}
	return dst
}

// appendEncodedEmail is appendEmail for an address with escapes or
// characters beyond ASCII.
func appendEncodedEmail(dst, v []byte) []byte {
	start, wide := len(dst), false
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '%' && i+2 < len(v) && isHex(v[i+1]) && isHex(v[i+2]):
			c = hexVal(v[i+1])<<4 | hexVal(v[i+2])
			i += 2
			if c == '%' && i+2 < len(v) && isHex(v[i+1]) && isHex(v[i+2]) {
				c = hexVal(v[i+1])<<4 | hexVal(v[i+2]) // encoded again: "%2540"
				i += 2
			}
		case c == '\\' && escapeLen(v, i) == 6 && v[i+2] == '0' && v[i+3] == '0':
			c = hexVal(v[i+4])<<4 | hexVal(v[i+5])
			i += 5
		case c == '&' && htmlAtLen(v, i) > 0:
			c = '@'
			i += htmlAtLen(v, i) - 1
		case c >= utf8.RuneSelf && ASCIIForm(v, i) != 0: // "ｌｉ．ｗｅｉ＠１６３．ｃｏｍ", "li@163。com"
			c = ASCIIForm(v, i)
			i += 2
		case c >= utf8.RuneSelf: // "BÜCHER.DE" is "bücher.de"
			if r, w := utf8.DecodeRune(v[i:]); w > 1 {
				dst = utf8.AppendRune(dst, unicode.ToLower(r))
				i += w - 1
				wide = true
				continue
			}
		}
		dst = append(dst, lower(c))
	}
	// "mu\u0308ller" is "müller": letters and marks in their composed form
	// (NFC), as most keyboards type them.
	if wide && !norm.NFC.IsNormal(dst[start:]) {
		dst = append(dst[:start], norm.NFC.Bytes(dst[start:])...)
	}
	return dst
}

// appendPhone appends a phone number in E.164 ("+8613800138000"). A number
// that no table validates (one a key named a phone) is appended as its digits.
func (s *Set) appendPhone(dst, v []byte, mask, prefer uint64) []byte {
	var buf [maxSpacedDigits + 1]byte
	if c, ok := compactSpaced(v, &buf); ok {
		v = c // "1 3 8 0 0 1 3 8 0 0 0"
	}
	p, start := 0, 0
	if encodedPlusAt(v, 0) {
		p = 3 // "%2B8613800138000"
	} else {
		for p < len(v) {
			if _, w := digitAt(v, p); w > 0 {
				break
			}
			p++
		}
		start = p
		if p > 0 && v[p-1] == '+' {
			start = p - 1
		} else if wideASCII(v, p-3) == '+' {
			start = p - 3 // "＋８６…"
		}
	}
	var nm number
	readNumber(v, p, start, true, &nm) // a '+' inside a phone number found is a space
	d := nm.digits()
	if nm.plus {
		if out, ok := s.phones.AppendPlausibleE164(dst, d); ok {
			return out
		}
	} else if r, ok := s.phoneRegion(&nm, mask, prefer); ok {
		if out, ok := s.phones.AppendE164(dst, d, r); ok {
			return out
		}
	} else if len(d) > 2 && d[0] == '0' && d[1] == '0' {
		if out, ok := s.phones.AppendE164(dst, d[2:], -1); ok {
			return out
		}
	} else if out, ok := s.phones.AppendE164(dst, d, -1); ok {
		return out // a calling code and number with no '+', as a JSON number under a phone key holds it: 4917056814489
	}
	return append(dst, d...)
}

// phoneRegion returns the region of the national number nm: one of mask
// (see preferredRegion), else one of the set's other regions, as the scan
// finds such numbers (see scanner.elsewhere).
func (s *Set) phoneRegion(nm *number, mask, prefer uint64) (int, bool) {
	if r, ok := s.preferredRegion(nm, mask, prefer); ok {
		return r, true
	}
	if others := s.regionMask &^ mask; others != 0 {
		return s.writtenRegion(nm, others)
	}
	return 0, false
}

// appendWords appends a person's name or an address in lower case and
// composed form, its words joined by one space: "Lucía  FERNÁNDEZ" is
// "lucía fernández".
func appendWords(dst, v []byte) []byte {
	start, space := len(dst), false
	for i := 0; i < len(v); {
		r, size := utf8.DecodeRune(v[i:])
		i += size
		if unicode.IsSpace(r) {
			space = len(dst) > start
			continue
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	if !norm.NFC.IsNormal(dst[start:]) {
		dst = append(dst[:start], norm.NFC.Bytes(dst[start:])...)
	}
	return dst
}

// appendHandle appends a handle in lower case without its '@', '＠' or
// Cash App's '$': "@Sarah.C" is "sarah.c".
func appendHandle(dst, v []byte) []byte {
	v = bytes.TrimPrefix(v, []byte("@"))
	v = bytes.TrimPrefix(v, []byte("$"))
	v = bytes.TrimPrefix(v, []byte("\uFF20"))
	for _, c := range v {
		dst = append(dst, lower(c))
	}
	return dst
}
