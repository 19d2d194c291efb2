package transforms

import (
	"bytes"
	"net/netip"

	"github.com/pixelprivacy/veil/detectors"
)

// Prefix lengths that Generalize keeps of IP addresses, and the decimals
// it keeps of a place's coordinates in text (about a kilometre, as the
// policy's location fields keep by default).
const (
	generalIPv4Bits = 24
	generalIPv6Bits = 48
	generalDecimals = 2
)

// appendGeneralized appends the generalized form of the finding b[start:end]
// of kind k (see Generalize) and returns the end of what it replaced. An IP
// address written with a prefix length ("10.1.2.0/23") is a network: the
// prefix length is replaced too, by the shorter of its own and the one
// Generalize keeps, so that generalizing twice changes nothing.
func (w *Worker) appendGeneralized(dst, b []byte, start, end int, k detectors.Kind, json bool) ([]byte, int) {
	canon := w.canonicalValue(b[start:end], k, json)
	switch k {
	case detectors.IPv4, detectors.IPv6:
		addr, ok := parseIP(canon)
		if !ok {
			break
		}
		if out, n, ok := appendNetwork(dst, addr, b[end:]); ok {
			return out, end + n
		}
	case detectors.MAC:
		if oui, ok := macOUI(canon); ok {
			return append(dst, oui[:]...), end
		}
	case detectors.IBAN:
		return append(dst, canon[:2]...), end // the country
	case detectors.Birthdate:
		if len(canon) == len("2015-03-14") {
			return append(dst, canon[:4]...), end // the year, as birth dates in fields
		}
	case detectors.Coordinates:
		if out, ok := appendRoundedList(dst, canon, generalDecimals); ok {
			return out, end // "31.23,121.47", as locations in fields
		}
	case detectors.Email:
		at := bytes.LastIndexByte(canon, '@')
		if at <= 0 {
			break
		}
		dst = w.appendToken(dst, k, formCanonical, canon, json)
		dst = append(dst, '@')
		return appendLowerDomain(dst, canon[at+1:], json), end
	}
	return w.appendToken(dst, k, formCanonical, canon, json), end
}

// appendLowerDomain appends an e-mail domain in lower case, JSON-escaped if
// json.
func appendLowerDomain(dst, domain []byte, json bool) []byte {
	mark := len(dst)
	if json {
		dst = appendJSONEscaped(dst, domain)
	} else {
		dst = append(dst, domain...)
	}
	for i := mark; i < len(dst); i++ {
		if c := dst[i]; 'A' <= c && c <= 'Z' {
			dst[i] = c + 'a' - 'A'
		}
	}
	return dst
}

// prefixSuffix reads a CIDR prefix length ("/24") at the start of b that is
// at most maxBits, and returns it with the number of bytes it takes, or 0, 0.
func prefixSuffix(b []byte, maxBits int) (bits, n int) {
	if len(b) < 2 || b[0] != '/' {
		return 0, 0
	}
	n = 1
	for n < len(b) && n <= 3 && isDigit(b[n]) {
		bits = bits*10 + int(b[n]-'0')
		n++
	}
	switch {
	case n == 1, n < len(b) && isDigit(b[n]), bits > maxBits, b[1] == '0' && n > 2:
		return 0, 0
	}
	return bits, n
}

// appendNetwork appends the network Generalize keeps of addr, its /24 or
// /48, or the shorter prefix length that suffix starts with ("/23"), and
// reports how many bytes of suffix that took.
func appendNetwork(dst []byte, addr netip.Addr, suffix []byte) ([]byte, int, bool) {
	addr = addr.Unmap()
	keep := generalIPv6Bits
	if addr.Is4() {
		keep = generalIPv4Bits
	}
	bits, n := prefixSuffix(suffix, addr.BitLen())
	if n > 0 {
		keep = min(keep, bits)
	}
	p, err := addr.Prefix(keep)
	if err != nil {
		return dst, 0, false
	}
	return p.AppendTo(dst), n, true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// parseIP parses an IPv4 or IPv6 address without allocating (netip.ParseAddr
// takes a string, and converting the bytes to one allocates). A zone is
// ignored.
func parseIP(s []byte) (netip.Addr, bool) {
	if bytes.IndexByte(s, ':') >= 0 {
		return parseIPv6(s)
	}
	a, ok := parseIPv4(s)
	return netip.AddrFrom4(a), ok
}

// parseIPv4 parses a dotted quad of decimal fields without leading zeros.
func parseIPv4(s []byte) (ip [4]byte, ok bool) {
	field, digits := 0, 0
	i := 0
	for _, c := range s {
		switch {
		case isDigit(c):
			if digits == 1 && field == 0 {
				return ip, false // leading zero
			}
			field = field*10 + int(c-'0')
			digits++
			if field > 255 {
				return ip, false
			}
		case c == '.' && digits > 0 && i < 3:
			ip[i] = byte(field)
			i++
			field, digits = 0, 0
		default:
			return ip, false
		}
	}
	if i != 3 || digits == 0 {
		return ip, false
	}
	ip[3] = byte(field)
	return ip, true
}

// parseIPv6 parses an IPv6 address in RFC 4291 text form, possibly with
// "::" and a trailing dotted quad.
func parseIPv6(s []byte) (netip.Addr, bool) {
	if z := bytes.IndexByte(s, '%'); z >= 0 {
		if z == len(s)-1 {
			return netip.Addr{}, false // an empty zone
		}
		s = s[:z]
	}
	var ip [16]byte
	ellipsis := -1 // where "::" stands, in bytes of ip
	if len(s) >= 2 && s[0] == ':' && s[1] == ':' {
		ellipsis = 0
		s = s[2:]
	}
	i := 0
	for i < 16 && len(s) > 0 {
		acc, off := 0, 0
		for off < len(s) && off < 4 {
			v := hexVal1(s[off])
			if v < 0 {
				break
			}
			acc = acc<<4 | v
			off++
		}
		if off < len(s) && s[off] == '.' {
			if (ellipsis < 0 && i != 12) || i > 12 {
				return netip.Addr{}, false
			}
			v4, ok := parseIPv4(s)
			if !ok {
				return netip.Addr{}, false
			}
			copy(ip[i:], v4[:])
			i += 4
			s = nil
			break
		}
		if off == 0 || off < len(s) && hexVal1(s[off]) >= 0 {
			return netip.Addr{}, false
		}
		ip[i], ip[i+1] = byte(acc>>8), byte(acc)
		i += 2
		s = s[off:]
		if len(s) == 0 {
			break
		}
		if s[0] != ':' || len(s) == 1 {
			return netip.Addr{}, false
		}
		s = s[1:]
		if s[0] == ':' {
			if ellipsis >= 0 {
				return netip.Addr{}, false
			}
			ellipsis = i
			s = s[1:]
		}
	}
	if len(s) != 0 {
		return netip.Addr{}, false
	}
	if i < 16 {
		if ellipsis < 0 {
			return netip.Addr{}, false
		}
		n := 16 - i
		copy(ip[ellipsis+n:], ip[ellipsis:i])
		clear(ip[ellipsis : ellipsis+n])
	} else if ellipsis >= 0 {
		return netip.Addr{}, false // "::" must stand for at least one group
	}
	return netip.AddrFrom16(ip), true
}

func hexVal1(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// macOUI returns the vendor prefix "aa:bb:cc" of a MAC address written as
// 12 hex digits with or without ':', '-' or '.' separators.
func macOUI(s []byte) (oui [8]byte, ok bool) {
	n := 0
	for _, c := range s {
		v := hexVal1(c)
		switch {
		case v >= 0:
			if n < 6 {
				oui[n/2*3+n%2] = hexDigits[v]
			}
			n++
		case c != ':' && c != '-' && c != '.':
			return oui, false
		}
	}
	oui[2], oui[5] = ':', ':'
	return oui, n == 12
}

// appendCodePrefix appends the first n ASCII letters and digits of v, a
// code such as a postcode, or reports false if v has none, so that what
// is no code is tokenized. Cut again, the prefix stays as it is.
func appendCodePrefix(dst, v []byte, n int) ([]byte, bool) {
	start := len(dst)
	for _, c := range v {
		if len(dst)-start == n {
			break
		}
		if '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'z' {
			dst = append(dst, c)
		}
	}
	return dst, len(dst) > start
}
