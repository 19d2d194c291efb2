package gen

import (
	"net/netip"
	"strconv"
)

const (
	hexLower = "0123456789abcdef"
	hexUpper = "0123456789ABCDEF"
)

// appendDigits appends n random decimal digits.
func (r *rng) appendDigits(dst []byte, n int) []byte {
	for range n {
		dst = append(dst, byte('0'+r.intn(10)))
	}
	return dst
}

// appendHex appends n random hexadecimal digits from the alphabet digits.
func (r *rng) appendHex(dst []byte, n int, digits string) []byte {
	for range n {
		dst = append(dst, digits[r.intn(16)])
	}
	return dst
}

// luhnDigit returns the check digit that, appended to the ASCII digits,
// makes the whole pass the Luhn test.
func luhnDigit(digits []byte) byte {
	sum := 0
	for i, double := len(digits)-1, true; i >= 0; i, double = i-1, !double {
		d := int(digits[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return byte('0' + (10-sum%10)%10)
}

// appendNonLuhn appends an n-digit number, not starting with 0, that fails
// the Luhn test.
func (r *rng) appendNonLuhn(dst []byte, n int) []byte {
	start := len(dst)
	dst = append(dst, byte('1'+r.intn(9)))
	dst = r.appendDigits(dst, n-2)
	good := luhnDigit(dst[start:])
	return append(dst, byte('0'+(int(good-'0')+1+r.intn(9))%10))
}

// Type allocation codes (the first 8 IMEI digits) of real handset models.
var tacs = []string{
	"35209900", "35391110", "35325811", "35688107", "35407115", // Apple
	"35332811", "35460211", "35925406", "35157563", // Samsung
	"86891203", "86429204", "86723603", "86156004", // Xiaomi, Huawei, OPPO
	"35847631", "35226111", // Google
}

// IMEI layouts: how people and SDKs write the same 15 digits.
const (
	imeiPlain  = iota // 352099001761481
	imeiDashed        // 35-209900-176148-1
	imeiSpaced        // 35 209900 176148 1
	imeiStyles
)

// appendIMEI appends a Luhn-valid IMEI in the given layout.
func (r *rng) appendIMEI(dst []byte, style int) []byte {
	var d [15]byte
	copy(d[:], pick(r, tacs))
	r.appendDigits(d[:8], 6)
	d[14] = luhnDigit(d[:14])
	switch style {
	case imeiDashed, imeiSpaced:
		sep := byte('-')
		if style == imeiSpaced {
			sep = ' '
		}
		dst = append(dst, d[:2]...)
		dst = append(dst, sep)
		dst = append(dst, d[2:8]...)
		dst = append(dst, sep)
		dst = append(dst, d[8:14]...)
		dst = append(dst, sep)
		return append(dst, d[14])
	}
	return append(dst, d[:]...)
}

// appendIMEISV appends a 16-digit IMEISV: TAC, serial number, software version.
func (r *rng) appendIMEISV(dst []byte) []byte {
	dst = append(dst, pick(r, tacs)...)
	dst = r.appendDigits(dst, 6)
	return appendPad(dst, r.between(1, 99), 2)
}

// Mobile country and network codes that IMSIs start with.
var mccMNCs = []string{
	"46000", "46001", "46011", "310260", "310410", "44010", "44020", "26201",
	"20801", "23415", "25001", "45005", "40445", "72406", "21407", "42402",
}

// appendIMSI appends a 15-digit IMSI.
func (r *rng) appendIMSI(dst []byte) []byte {
	p := pick(r, mccMNCs)
	dst = append(dst, p...)
	return r.appendDigits(dst, 15-len(p))
}

// appendICCID appends a 20-digit SIM serial number made from an IMSI: the
// telecom prefix 89, the IMSI, two digits and the Luhn check digit.
func appendICCID(dst, imsi []byte) []byte {
	start := len(dst)
	dst = append(dst, "89"...)
	dst = append(dst, imsi...)
	dst = append(dst, imsi[3], imsi[4])
	return append(dst, luhnDigit(dst[start:]))
}

// MAC address layouts.
const (
	macColonLower = iota // a4:83:e7:12:9b:3c
	macColonUpper        // A4:83:E7:12:9B:3C
	macDashUpper         // A4-83-E7-12-9B-3C
	macDashLower         // a4-83-e7-12-9b-3c
	macCisco             // a483.e712.9b3c
	macStyles
)

// appendMAC appends a unicast MAC address in the given layout, or as 12 bare
// hex digits when style is macStyles (as SDKs store Wi-Fi MACs).
func (r *rng) appendMAC(dst []byte, style int) []byte {
	var a [6]byte
	for i := range a {
		a[i] = byte(r.intn(256))
	}
	a[0] &^= 1
	digits, sep, every := hexLower, byte(':'), 1
	switch style {
	case macColonUpper:
		digits = hexUpper
	case macDashUpper:
		digits, sep = hexUpper, '-'
	case macDashLower:
		sep = '-'
	case macCisco:
		sep, every = '.', 2
	case macStyles:
		sep, every = 0, 6
		if r.chance(30) {
			digits = hexUpper
		}
	}
	for i, c := range a {
		if i > 0 && i%every == 0 {
			dst = append(dst, sep)
		}
		dst = append(dst, digits[c>>4], digits[c&15])
	}
	return dst
}

// appendUUID appends a random (version 4) UUID, in upper case as iOS
// reports IDFAs, or in lower case.
func (r *rng) appendUUID(dst []byte, upper bool) []byte {
	digits := hexLower
	if upper {
		digits = hexUpper
	}
	for i := range 32 {
		switch i {
		case 8, 12, 16, 20:
			dst = append(dst, '-')
		}
		switch i {
		case 12:
			dst = append(dst, '4')
		case 16:
			dst = append(dst, digits[8+r.intn(4)])
		default:
			dst = append(dst, digits[r.intn(16)])
		}
	}
	return dst
}

// First octets of public IPv4 blocks in use around the world.
var publicOctets = []byte{
	1, 14, 23, 27, 31, 36, 39, 42, 45, 49, 58, 61, 62, 66, 72, 73, 77, 78, 79, 80,
	81, 82, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 98, 99, 101, 103, 104,
	106, 107, 109, 110, 112, 113, 114, 116, 117, 118, 119, 120, 121, 122, 123, 124,
	125, 151, 171, 175, 176, 178, 180, 182, 183, 185, 188, 193, 194, 195, 202,
	203, 210, 211, 212, 213, 217, 218, 219, 220, 221, 222, 223,
}

// homeSubnets are the third octets home routers use in 192.168.0.0/16.
var homeSubnets = []byte{0, 1, 2, 10, 31, 43, 100}

// ipv4 returns a random client address: public, private or documentation.
func (r *rng) ipv4() [4]byte {
	var a [4]byte
	switch n := r.intn(100); {
	case n < 45:
		a = [4]byte{pick(r, publicOctets), byte(r.intn(256)), byte(r.intn(256))}
	case n < 65:
		a = [4]byte{10, byte(r.intn(256)), byte(r.intn(256))}
	case n < 80:
		a = [4]byte{192, 168, pick(r, homeSubnets)}
	case n < 88:
		a = [4]byte{172, byte(r.between(16, 31)), byte(r.intn(256))}
	default:
		a = pick(r, [][4]byte{{203, 0, 113}, {198, 51, 100}, {192, 0, 2}})
	}
	a[3] = byte(r.between(1, 254))
	return a
}

// appendIPv4 appends a random IPv4 client address.
func (r *rng) appendIPv4(dst []byte) []byte {
	return netip.AddrFrom4(r.ipv4()).AppendTo(dst)
}

// Global IPv6 prefixes (first 32 bits) of ISPs, clouds and documentation.
var v6Prefixes = [][4]byte{
	{0x20, 0x01, 0x0d, 0xb8}, {0x24, 0x0e, 0x03, 0xb7}, {0x24, 0x08, 0x87, 0x56},
	{0x2a, 0x00, 0x14, 0x50}, {0x26, 0x00, 0x17, 0x00}, {0x2a, 0x03, 0x28, 0x80},
	{0x24, 0x00, 0xcb, 0x00}, {0x24, 0x09, 0x8a, 0x1e},
}

var v6Zones = []string{"eth0", "wlan0", "en0", "1"}

// IPv6 layouts.
const (
	ipv6Compressed = iota // 2001:db8:85a3::8a2e:370:7334
	ipv6Full              // 2001:0db8:85a3:0000:0000:8a2e:0370:7334
	ipv6Mapped            // ::ffff:203.0.113.7
	ipv6Zone              // fe80::1ff:fe23:4567:890a%wlan0
	ipv6Styles
)

// appendIPv6 appends a random IPv6 address in the given layout.
func (r *rng) appendIPv6(dst []byte, style int) []byte {
	var a [16]byte
	switch style {
	case ipv6Mapped:
		return netip.AddrFrom4(r.ipv4()).AppendTo(append(dst, "::ffff:"...))
	case ipv6Zone:
		a[0], a[1] = 0xfe, 0x80
	default:
		p := pick(r, v6Prefixes)
		copy(a[:], p[:])
		for i := 4; i < 8; i++ {
			if r.chance(60) {
				a[i] = byte(r.intn(256))
			}
		}
	}
	for i := 8; i < 16; i++ {
		if style != ipv6Compressed || r.chance(85) {
			a[i] = byte(r.intn(256))
		}
	}
	switch style {
	case ipv6Full:
		for i := 0; i < 16; i += 2 {
			if i > 0 {
				dst = append(dst, ':')
			}
			dst = append(dst, hexLower[a[i]>>4], hexLower[a[i]&15], hexLower[a[i+1]>>4], hexLower[a[i+1]&15])
		}
		return dst
	case ipv6Zone:
		return netip.AddrFrom16(a).WithZone(pick(r, v6Zones)).AppendTo(dst)
	}
	return netip.AddrFrom16(a).AppendTo(dst)
}

// Region codes (the first 6 digits) of Chinese resident identity numbers.
var cnRegions = []string{
	"110101", "110105", "110108", "310104", "310115", "440106", "440305", "330106",
	"320102", "510107", "420106", "500103", "610113", "370202", "210102", "350203",
}

// cnWeights are the checksum weights of the first 17 characters of a Chinese
// resident identity number; cnCheck maps the weighted sum mod 11 to the last.
var cnWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

const cnCheck = "10X98765432"

// appendCNID appends a valid 18-character Chinese resident identity number:
// region code, birth date (YYYYMMDD), sequence number, checksum (0-9 or X).
func (r *rng) appendCNID(dst []byte) []byte {
	start := len(dst)
	dst = append(dst, pick(r, cnRegions)...)
	y, m := r.between(1960, 2007), r.between(1, 12)
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && y%4 == 0 {
		days = 29 // no year in 1960-2007 is a century
	}
	dst = appendPad(dst, y, 4)
	dst = appendPad(dst, m, 2)
	dst = appendPad(dst, r.between(1, days), 2)
	dst = r.appendDigits(dst, 3)
	sum := 0
	for i, w := range cnWeights {
		sum += int(dst[start+i]-'0') * w
	}
	return append(dst, cnCheck[sum%11])
}

// appendCPF appends a random Brazilian CPF, as printed (529.982.247-25)
// or, half as often, as bare digits.
func (r *rng) appendCPF(dst []byte) []byte {
	var d [11]byte
	for i := range 9 {
		d[i] = byte('0' + r.intn(10))
	}
	if d[8] == d[0] {
		d[8] = '0' + (d[0]-'0'+1)%10 // never one digit throughout, which is no one's
	}
	for n := 9; n <= 10; n++ {
		sum := 0
		for i := range n {
			sum += int(d[i]-'0') * (n + 1 - i)
		}
		d[n] = byte('0' + sum*10%11%10)
	}
	if r.chance(33) {
		return append(dst, d[:]...)
	}
	return append(append(append(append(append(append(append(dst, d[:3]...), '.'), d[3:6]...), '.'), d[6:9]...), '-'), d[9:]...)
}

// appendSSN appends a random US Social Security number, as printed
// (123-45-6789) or, a third as often, as bare digits: its area is never
// 000, 666 or 9xx, nor its group 00 or its serial 0000.
func (r *rng) appendSSN(dst []byte) []byte {
	area := 1 + r.intn(899)
	if area == 666 {
		area = 665
	}
	group, serial := 1+r.intn(99), 1+r.intn(9999)
	dst = appendPad(dst, area, 3)
	if r.chance(33) {
		return appendPad(appendPad(dst, group, 2), serial, 4)
	}
	return appendPad(append(appendPad(append(dst, '-'), group, 2), '-'), serial, 4)
}

// appendRRN appends a random Korean resident registration number, as
// printed (900101-1234567) or, a quarter as often, as bare digits: a birth
// date, a sex digit for the century (1-2 before 2000, 3-4 since; 5-8 for
// foreign residents, one in twenty), five digits and the check digit that
// numbers issued before October 2020 end in.
func (r *rng) appendRRN(dst []byte) []byte {
	year := 40 + r.intn(86) // born 1940-2025
	sex := 1 + r.intn(2)
	if year >= 100 {
		sex += 2
	}
	if r.chance(5) {
		sex += 4
	}
	var buf [13]byte
	d := appendPad(appendPad(appendPad(buf[:0], year%100, 2), 1+r.intn(12), 2), 1+r.intn(28), 2)
	d = append(d, byte('0'+sex))
	for range 5 {
		d = append(d, byte('0'+r.intn(10)))
	}
	sum := 0
	for i, c := range d {
		sum += int(c-'0') * (2 + i%8)
	}
	d = append(d, byte('0'+(11-sum%11)%10))
	if r.chance(25) {
		return append(dst, d...)
	}
	return append(append(append(dst, d[:6]...), '-'), d[6:]...)
}

// appendAadhaar appends a random Aadhaar number, as printed on the card
// (2345 6789 0124), a fifth as often with dashes, or a fifth as often as
// bare digits: the first digit 2-9, the last the Verhoeff check digit.
func (r *rng) appendAadhaar(dst []byte) []byte {
	var d [12]byte
	d[0] = byte('2' + r.intn(8))
	for i := 1; i < 11; i++ {
		d[i] = byte('0' + r.intn(10))
	}
	d[11] = '0' + verhoeffCheck(d[:11])
	switch n := r.intn(5); n {
	case 0:
		return append(dst, d[:]...)
	default:
		sep := byte(' ')
		if n == 1 {
			sep = '-'
		}
		return append(append(append(append(append(dst, d[:4]...), sep), d[4:8]...), sep), d[8:]...)
	}
}

// verhoeffCheck returns the Verhoeff check digit of the digits d, computed
// in the dihedral group D5 (rotations 0-4, reflections 5-9) with the
// permutation (0 1 5 8 9 4 2 7)(3 6) applied to a digit once per place
// from the right, the check digit's place being the first.
func verhoeffCheck(d []byte) byte {
	mul := func(a, b int) int {
		switch {
		case a < 5 && b < 5:
			return (a + b) % 5
		case a < 5:
			return 5 + (a+b)%5
		case b < 5:
			return 5 + (a-b+5)%5
		}
		return (a - b + 5) % 5
	}
	next := [10]int{1, 5, 7, 6, 2, 8, 3, 0, 9, 4}
	c := 0
	for i := range d {
		v := int(d[len(d)-1-i] - '0')
		for range (i + 1) % 8 {
			v = next[v]
		}
		c = mul(c, v)
	}
	for x := range 10 { // the inverse of c
		if mul(c, x) == 0 {
			return byte(x)
		}
	}
	panic("unreachable")
}

// appendDNI appends a random Spanish identity number: a DNI (8 digits and
// the check letter, the number mod 23: "12345678Z", a fifth of them
// printed "12.345.678-Z"), or a third as often a foreign resident's NIE
// (X, Y or Z, read as 0-2, then 7 digits: "X1234567L").
func (r *rng) appendDNI(dst []byte) []byte {
	const letters = "TRWAGMYFPDXBNJZSQVHLCKE"
	if r.chance(25) {
		n := r.intn(30_000_000)
		d := appendPad(append(dst, byte('X'+n/10_000_000)), n%10_000_000, 7)
		return append(d, letters[n%23])
	}
	n := r.intn(100_000_000)
	if r.chance(20) {
		d := appendPad(append(appendPad(append(appendPad(dst, n/1_000_000, 2), '.'), n/1000%1000, 3), '.'), n%1000, 3)
		return append(append(d, '-'), letters[n%23])
	}
	return append(appendPad(dst, n, 8), letters[n%23])
}

// Card number layouts.
const (
	cardPlain  = iota // 4111111111111111
	cardSpaced        // 4111 1111 1111 1111
	cardDashed        // 4111-1111-1111-1111
	cardStyles
)

// appendCard appends a Luhn-valid payment card number (Visa, Mastercard or
// UnionPay) in the given layout.
func (r *rng) appendCard(dst []byte, style int) []byte {
	var d [19]byte
	n := 16
	switch r.intn(3) {
	case 0:
		d[0] = '4'
		r.appendDigits(d[:1], 5)
	case 1:
		d[0], d[1] = '5', byte('1'+r.intn(5))
		r.appendDigits(d[:2], 4)
	default:
		copy(d[:], "62")
		r.appendDigits(d[:2], 4)
		if r.chance(30) {
			n = 19
		}
	}
	r.appendDigits(d[:6], n-7)
	d[n-1] = luhnDigit(d[:n-1])
	sep := byte(' ')
	switch style {
	case cardPlain:
		return append(dst, d[:n]...)
	case cardDashed:
		sep = '-'
	}
	for i := 0; i < n; i += 4 {
		if i > 0 {
			dst = append(dst, sep)
		}
		dst = append(dst, d[i:min(i+4, n)]...)
	}
	return dst
}

const base36Upper = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

// appendOrderID appends an order number: 16 digits failing the Luhn test (so
// it is no card number), 10 digits zero-padded as ERP systems print them
// ("0451234567", which reads as a national phone number with its trunk
// prefix in many regions: only its label says otherwise), or
// "ORD-20260602-7F3K9Q".
func (r *rng) appendOrderID(dst []byte, ms int64, numeric bool) []byte {
	if numeric {
		if r.chance(25) {
			return r.appendDigits(append(dst, '0', byte('1'+r.intn(9))), 8)
		}
		return r.appendNonLuhn(dst, 16)
	}
	dst = append(dst, "ORD-"...)
	t := unixMilli(ms)
	y, m, d := t.Date()
	dst = appendPad(dst, y, 4)
	dst = appendPad(dst, int(m), 2)
	dst = appendPad(dst, d, 2)
	dst = append(dst, '-')
	for range 6 {
		dst = append(dst, base36Upper[r.intn(36)])
	}
	return dst
}

// appendUID appends an opaque user identifier such as "u_k3xq9m2tq7wd": a
// letter in every third place, so it never holds a long run of digits.
func (r *rng) appendUID(dst []byte) []byte {
	const alnum = "abcdefghijklmnopqrstuvwxyz0123456789"
	dst = append(dst, "u_"...)
	for i := range 12 {
		if i%3 == 0 {
			dst = append(dst, alnum[r.intn(26)])
		} else {
			dst = append(dst, alnum[r.intn(36)])
		}
	}
	return dst
}

var cents = []int{99, 49, 0, 90, 95}

// appendPrice appends a price: "12.99", or "1,299.00" when grouped.
func (r *rng) appendPrice(dst []byte, grouped bool) []byte {
	if grouped {
		dst = appendPad(dst, r.between(1, 9), 1)
		dst = append(dst, ',')
		dst = appendPad(dst, r.intn(1000), 3)
		return append(dst, ".00"...)
	}
	dst = appendPad(dst, r.between(1, 99), 1)
	dst = append(dst, '.')
	return appendPad(dst, pick(r, cents), 2)
}

// appendDuration appends a media length "00:01:23" (hh:mm:ss).
func (r *rng) appendDuration(dst []byte) []byte {
	dst = appendPad(dst, r.intn(3), 2)
	dst = append(dst, ':')
	dst = appendPad(dst, r.intn(60), 2)
	dst = append(dst, ':')
	return appendPad(dst, r.intn(60), 2)
}

// appendColor appends a CSS hex color "#1e90ff".
func (r *rng) appendColor(dst []byte) []byte {
	digits := hexLower
	if r.chance(30) {
		digits = hexUpper
	}
	return r.appendHex(append(dst, '#'), 6, digits)
}

// appendSHA appends a git commit hash, full (40 hex digits) or short (7).
func (r *rng) appendSHA(dst []byte, full bool) []byte {
	if full {
		return r.appendHex(dst, 40, hexLower)
	}
	return r.appendHex(dst, 7, hexLower)
}

var resolutions = []string{"1920x1080", "1080x1920", "3840x2160", "1280x720", "2556x1179", "2340x1080", "4032x3024", "1024x1024"}

// appendDay appends a date near ms, within the past year: "2026-03-14".
func (r *rng) appendDay(dst []byte, ms int64) []byte {
	return appendDate(dst, unixMilli(ms-int64(r.intn(365))*86_400_000))
}

// appendChromeVersion appends a Chrome version as reduced user agents report
// it: "124.0.0.0".
func (r *rng) appendChromeVersion(dst []byte) []byte {
	return append(strconv.AppendInt(dst, int64(r.between(118, 126)), 10), ".0.0.0"...)
}
