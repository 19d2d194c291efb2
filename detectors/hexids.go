package detectors

import (
	"bytes"
	"net/netip"
	"unsafe"
)

// macAt parses an EUI-48 address at b[i] with the separator sep (':' or
// '-'): six pairs of hex digits. It returns the end.
func macAt(b []byte, i int, sep byte) (end int, ok bool) {
	const l = 17
	if i+l > len(b) || hexRunBefore(b, i, sep) {
		return 0, false
	}
	for g := range 6 {
		j := i + 3*g
		if !isHex(b[j]) || !isHex(b[j+1]) || g < 5 && b[j+2] != sep {
			return 0, false
		}
	}
	end = i + l
	if !boundaryAfter(b, end) || end+1 < len(b) && b[end] == sep && isHex(b[end+1]) {
		return 0, false
	}
	return end, true
}

// hexRunBefore reports whether a pair of hex digits and sep come right
// before b[i]: what starts there is the middle of a longer run of pairs, a
// key's fingerprint ("88:ef:81:de:20:2e:b0:18:45:…"), not a MAC address. A
// word's last two letters are no pair: "MAC:a4:b1:…".
func hexRunBefore(b []byte, i int, sep byte) bool {
	return i >= 3 && b[i-1] == sep && isHex(b[i-2]) && isHex(b[i-3]) && (i == 3 || !isAlnum(b[i-4]))
}

// macHeaderAt parses, at b[i], an Ethernet header as Linux's netfilter LOG
// target writes it ("MAC=00:16:3e:5e:6c:00:00:16:3e:11:22:33:08:00"): the
// destination and source addresses and the EtherType, fourteen pairs of hex
// digits joined by colons. It returns where the two addresses end.
func macHeaderAt(b []byte, i int) (dstEnd, srcEnd int, ok bool) {
	const l = 14*3 - 1
	if end := i + l; end > len(b) || !boundaryAfter(b, end) || end+1 < len(b) && b[end] == ':' && isHex(b[end+1]) || hexRunBefore(b, i, ':') {
		return 0, 0, false
	}
	for g := range 14 {
		j := i + 3*g
		if !isHex(b[j]) || !isHex(b[j+1]) || g < 13 && b[j+2] != ':' {
			return 0, 0, false
		}
	}
	return i + 17, i + 35, true
}

// shortMACAt parses an EUI-48 address at b[i] written, as macOS's arp and
// printf("%x") write it, with the leading zero of some bytes left out:
// "0:1a:2b:3c:4d:5e". At most three bytes may be so shortened, and no more
// groups may follow (an IPv6 address has eight).
func shortMACAt(b []byte, i int) (end int, ok bool) {
	if hexRunBefore(b, i, ':') {
		return 0, false
	}
	j, digits := i, 0
	for g := range 6 {
		if g > 0 {
			if j >= len(b) || b[j] != ':' {
				return 0, false
			}
			j++
		}
		n := 0
		for j < len(b) && n < 3 && isHex(b[j]) {
			j, n = j+1, n+1
		}
		if n == 0 || n > 2 {
			return 0, false
		}
		digits += n
	}
	if digits < 9 || !boundaryAfter(b, j) || j+1 < len(b) && (b[j] == ':' || b[j] == '.') && isHex(b[j+1]) {
		return 0, false
	}
	return j, true
}

// appendShortMAC appends the address of shortMACAt's form v as lower-case
// colon-separated pairs.
func appendShortMAC(dst, v []byte) []byte {
	for g, i := 0, 0; i < len(v); g++ {
		j := i
		for j < len(v) && v[j] != ':' {
			j++
		}
		if g > 0 {
			dst = append(dst, ':')
		}
		if j-i == 1 {
			dst = append(dst, '0')
		}
		dst = appendLowerHex(dst, v[i:j])
		i = j + 1
	}
	return dst
}

// encodedMACAt parses an EUI-48 address at b[i] whose colons are
// URL-encoded, "00%3A1a%3A2b%3A3c%3A4d%3A5e", as query strings carry it.
func encodedMACAt(b []byte, i int) (end int, ok bool) {
	const l = 6*2 + 5*3
	if i+l > len(b) {
		return 0, false
	}
	for g := range 6 {
		j := i + 5*g
		if !isHex(b[j]) || !isHex(b[j+1]) || g < 5 && !encodedColonAt(b, j+2) {
			return 0, false
		}
	}
	end = i + l
	if !boundaryAfter(b, end) || encodedColonAt(b, end) && end+3 < len(b) && isHex(b[end+3]) {
		return 0, false
	}
	return end, true
}

// maxIPv6Text is the length of the longest IPv6 text form without zone.
const maxIPv6Text = 45

// encodedIPv6At parses an IPv6 address at b[i] whose colons are URL-encoded
// ("2001%3Adb8%3A%3A1"), as query strings carry it: the run of hex digits,
// dots and "%3A" is decoded and taken whole or not at all. The decoded text
// is checked without net/netip, which would take it to the heap.
func encodedIPv6At(b []byte, i int) (end int, ok bool) {
	if i > 0 && (b[i-1] == ':' || b[i-1] == '.') || i >= 3 && encodedColonAt(b, i-3) {
		return 0, false // a part of a longer run
	}
	var buf [maxIPv6Text]byte
	text, n, ok := appendDecodedColons(buf[:0], b[i:])
	end = i + n
	if !ok || !ipv6Shape(text) || !ipv6TailOK(text) || unspecified(text) || !boundaryAfter(b, end) {
		return 0, false
	}
	return end, true
}

// appendDecodedColons appends to dst the run of hex digits, dots and "%3A"
// (as ':') that v starts with, and returns it and how many bytes of v it
// read; ok is false if the run is longer than an IPv6 address can be.
func appendDecodedColons(dst, v []byte) (out []byte, n int, ok bool) {
	for text := 0; ; text++ {
		c := byte(':')
		switch {
		case n < len(v) && (isHex(v[n]) || v[n] == '.'):
			c = v[n]
			n++
		case encodedColonAt(v, n):
			n += 3
		default:
			return dst, n, true
		}
		if text == maxIPv6Text {
			return dst, n, false
		}
		dst = append(dst, c)
	}
}

// ipv6TailOK reports whether the dotted IPv4 tail of an IPv6 address of
// ipv6Shape, if it has one, is a valid address.
func ipv6TailOK(t []byte) bool {
	tail := t[bytes.LastIndexByte(t, ':')+1:]
	return bytes.IndexByte(tail, '.') < 0 || canonicalIPv4(tail)
}

// unspecified reports whether an IPv6 address of ipv6Shape is all zeros.
func unspecified(t []byte) bool {
	for _, c := range t {
		if c != '0' && c != ':' {
			return false
		}
	}
	return true
}

// encodedColonAt reports whether b[i:] starts with "%3A", a URL-encoded ':'.
func encodedColonAt(b []byte, i int) bool {
	return i+2 < len(b) && b[i] == '%' && b[i+1] == '3' && b[i+2]|0x20 == 'a'
}

// groupedMACAt parses a MAC address written as three groups of four hex
// digits separated by sep: Cisco's dotted "aabb.ccdd.eeff", or Huawei's and
// H3C's dashed "aabb-ccdd-eeff".
func groupedMACAt(b []byte, i int, sep byte) (end int, ok bool) {
	const l = 14
	// A part of a longer run is none, also next to a finding's token.
	if i+l > len(b) || i >= 2 && b[i-1] == sep && (isAlnum(b[i-2]) || b[i-2] == '>') {
		return 0, false
	}
	for g := range 3 {
		j := i + 5*g
		if !isHex(b[j]) || !isHex(b[j+1]) || !isHex(b[j+2]) || !isHex(b[j+3]) || g < 2 && b[j+4] != sep {
			return 0, false
		}
	}
	end = i + l
	if !boundaryAfter(b, end) || end+1 < len(b) && b[end] == sep && (isAlnum(b[end+1]) || b[end+1] == '<') {
		return 0, false
	}
	return end, true
}

// hasHexLetter reports whether v holds one of a-f or A-F.
func hasHexLetter(v []byte) bool {
	for _, c := range v {
		if isHex(c) && !isDigit(c) {
			return true
		}
	}
	return false
}

// uuidAt parses a UUID, 8-4-4-4-12 hex digits, at b[i].
func uuidAt(b []byte, i int) (end int, ok bool) {
	const l = 36
	if i+l > len(b) {
		return 0, false
	}
	u := b[i : i+l]
	if u[8] != '-' || u[13] != '-' || u[18] != '-' || u[23] != '-' {
		return 0, false
	}
	// Eight hex digits at a time: the groups 9-12 and 14-17 share a word,
	// and so do 19-22 and four '0's; 24-35 is read as two overlapping words.
	const zeros = 0x30303030 << 32
	if !hex8(le64(u)) || !hex8(le32(u[9:])|le32(u[14:])<<32) ||
		!hex8(le32(u[19:])|zeros) || !hex8(le64(u[24:])) || !hex8(le64(u[28:])) {
		return 0, false
	}
	end = i + l
	if !boundaryAfter(b, end) || end < len(b) && b[end] == '-' {
		return 0, false
	}
	return end, true
}

// insideGroups reports whether b[i] is inside a run of hex digits, colons,
// dots and zone marks ('%') that starts before it (a single leading colon,
// as in "ip:fe80::1", is no part of the run, nor are hex digits that end a
// word before it, as in "ip6:2001:db8::2"). An address is only taken as a
// whole run: a tail of a run that is no address ("::::1", "fe80::1:2::3",
// "0::%0::0") is none either, for once the tail was replaced the head could
// read as one, and redacting twice would not give what redacting once does.
func insideGroups(b []byte, i int) bool {
	p := i
	for p > 0 && i-p < 46 && (isHex(b[p-1]) || b[p-1] == ':' || b[p-1] == '.' || b[p-1] == '%') {
		p--
	}
	if p > 0 && p < i && isAlnum(b[p-1]) {
		// The run's first hex digits end a word, its first colon follows
		// that word: "ip6:2001:db8::2", "eth0:fe80::1".
		for p < i && isHex(b[p]) {
			p++
		}
	}
	if p < i && b[p] == ':' && b[p+1] != ':' {
		p++
	}
	return p < i
}

// ipv6At parses an IPv6 address in any RFC 4291/5952 text form at b[i],
// with an optional zone ("fe80::1%eth0"), and returns its end.
func ipv6At(b []byte, i int) (end int, ok bool) {
	if insideGroups(b, i) {
		return 0, false
	}
	j := i
	colons := 0
	// A dot right after a colon is none of the address ("::.1.2.3.4"):
	// the dotted tail of an IPv6 address starts with a digit.
	for j < len(b) && j-i < 45 && (isHex(b[j]) || b[j] == ':' || b[j] == '.' && j > i && b[j-1] != ':') {
		if b[j] == ':' {
			colons++
		}
		j++
	}
	// A run that goes into an address's local part ("::1000…0@163.com")
	// ends where that part starts, as it will before the address's token.
	if p := addressInto(b, i, j); p > i {
		return ipv6At(b[:p], i)
	}
	// Trailing punctuation ends a sentence, not the address; but a dot or
	// colon that runs into a word or a token ("1:2:3:4:5:6:7:8:<IPV4:…>",
	// "::a.<IPV4:…>") says the run goes on, and the run is taken whole or
	// not at all.
	if j == len(b) || !isAlnum(b[j]) && b[j] != '<' {
		for j > i && (b[j-1] == '.' || b[j-1] == ':' && (j-2 < i || b[j-2] != ':')) {
			if b[j-1] == ':' {
				colons--
			}
			j--
		}
	}
	// "::" alone, the unspecified address, is nobody's; and one with no
	// decimal digit is a scope in code ("D::f", "C::A<int>::c", "B::b")
	// far more often than an address: addresses have digits ("fe80::1").
	if colons < 2 || j-i == 2 || runGoesOn(b, j) || !boundaryAfter(b, j) || !ipv6Shape(b[i:j]) || !hasDigit(b[i:j]) {
		return 0, false
	}
	a, err := netip.ParseAddr(bytesString(b[i:j]))
	if err != nil || !a.Is6() || a.IsUnspecified() {
		return 0, false // "0::" too is the unspecified address
	}
	end = j
	if end+1 < len(b) && b[end] == '%' && isAlnum(b[end+1]) {
		end++
		for end < len(b) && (isAlnum(b[end]) || b[end] == '_' || b[end] == '.' || b[end] == '-') {
			end++
		}
		if end < len(b) && (b[end] == ':' || b[end] == '%' || b[end] == '<') {
			return 0, false // the run goes on past the zone: "0::%0::0" is no address
		}
		for b[end-1] == '.' || b[end-1] == '-' {
			end-- // "fe80::1%eth0." ends a sentence
		}
	}
	return end, true
}

// runGoesOn reports whether the address read up to b[j] is part of a longer
// run, which is taken whole or not at all: a '%' that neither starts a zone
// nor ends the text or a sentence ("::0%<IMEI:…>"), or a token right after
// a colon ("ab::<IMEI:…>": a finding was glued to the run).
func runGoesOn(b []byte, j int) bool {
	if j >= len(b) {
		return false
	}
	switch b[j] {
	case '%':
		return j+1 < len(b) && (b[j+1] == '<' || b[j+1] == '%' || b[j+1] == ':')
	case '<':
		return b[j-1] == ':'
	}
	return false
}

// bytesString views b as a string without copying. The string must not
// outlive b or be retained: netip.ParseAddr keeps nothing of an address
// without a zone, which is all it is given here.
func bytesString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// ipv6Span reports whether a whole value is an IPv6 address.
func ipv6Span(b []byte) bool {
	for _, c := range b {
		if c == ':' {
			return true
		}
	}
	return false
}

// ipv6Shape checks the structure of an IPv6 address (groups of one to four
// hex digits, at most one "::", eight groups or fewer with "::", an optional
// dotted IPv4 tail) so that net/netip, which allocates an error on failure,
// only sees likely addresses.
func ipv6Shape(b []byte) bool {
	groups, double := 0, false
	for i := 0; i < len(b); {
		if b[i] == ':' {
			if i+1 < len(b) && b[i+1] == ':' {
				if double {
					return false
				}
				double = true
				i += 2
				continue
			}
			if i == 0 || i+1 == len(b) {
				return false
			}
			i++
			continue
		}
		j := i
		for j < len(b) && j-i < 5 && isHex(b[j]) {
			j++
		}
		if j < len(b) && b[j] == '.' {
			groups += 2 // an IPv4 tail counts as two groups; netip checks it
			break
		}
		if j == i || j-i > 4 {
			return false
		}
		groups++
		i = j
	}
	if double {
		return groups <= 7
	}
	return groups == 8
}
