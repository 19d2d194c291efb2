package detectors

import (
	"bytes"

	"github.com/pixelprivacy/veil/detectors/internal/textscan"
)

const (
	maxDigits = 20 // longer digit runs are ids or hashes, never PII we know
	maxGroups = 8
)

// Separators seen between the digit groups of a number.
const (
	sepSpace = 1 << iota
	sepDash
	sepDot
	sepParen
	sepSlash
)

// number is a run of digit groups such as "+1 (415) 555-0132", read once and
// then classified.
type number struct {
	start, end int // the span, including a leading '+' or '('
	d          [maxDigits]byte
	nd         int // digits seen; may exceed maxDigits
	glen       [maxGroups]uint8
	groups     int
	seps       uint8
	plus       bool
	// The number as it was before each space that joined two groups, in
	// order, and where the group after the first such space starts (0 if
	// there is none).
	splits    [maxGroups]numberState
	nsplits   int
	spaceNext int
	cut       bool // the number is read up to one of its splits, not whole
}

func (nm *number) digits() []byte { return nm.d[:min(nm.nd, maxDigits)] }

// numberState is a number read up to a separator.
type numberState struct {
	end, nd, groups int
	seps            uint8
}

// encodedPlusAt reports whether b[i:] starts with "%2B", a URL-encoded '+'.
func encodedPlusAt(b []byte, i int) bool {
	return i+2 < len(b) && b[i] == '%' && b[i+1] == '2' && b[i+2]|0x20 == 'b'
}

// queryValueAt reports whether the number at b[start] starts the value of
// a query-string parameter ("phone=138+0013+8000", "tel=%2B1+415…").
func queryValueAt(b []byte, start int) bool {
	return start > 0 && b[start-1] == '=' || encodedPlusAt(b, start)
}

// plusAt reports whether b[i:] starts with a '+': plain, URL-encoded or
// full-width ('＋', as a CJK keyboard in full-width mode types it).
func plusAt(b []byte, i int) bool {
	return b[i] == '+' || encodedPlusAt(b, i) || wideASCII(b, i) == '+'
}

// readNumber reads digit groups from b[p]; start is p, or the '+' (or "%2B"
// or '＋') before it. Groups may be joined by URL-encoded spaces ("%20"),
// and if query by '+' too, as HTML forms encode a space in a query string
// ("phone=%2B86+138+0013+8000").
func readNumber(b []byte, p, start int, query bool, nm *number) {
	nm.start = start
	nm.plus = start < p && plusAt(b, start)
	paren := false
	// "(415) 555-0132", "(+44) 20 7946 0958", and with the full-width
	// parentheses of a CJK input method, "（010）12345678"
	if start > 0 && (start == p || nm.plus) {
		if b[start-1] == '(' {
			nm.start, paren = start-1, true
		} else if start >= 3 && wideASCII(b, start-3) == '(' {
			nm.start, paren = start-3, true
		}
	}
	i := p
	var last numberState // before the last space separator
	for {
		gs := nm.nd
		nd := nm.nd // in a register: nm.nd would be stored on every digit
		for {
			if i < len(b) && isDigit(b[i]) {
				if nd < maxDigits {
					nm.d[nd] = b[i]
				}
				nd++
				i++
				continue
			}
			d, w := digitAt(b, i)
			if w == 0 {
				break
			}
			if nd < maxDigits {
				nm.d[nd] = d
			}
			nd++
			i += w
		}
		nm.nd = nd
		if nm.groups < maxGroups {
			nm.glen[nm.groups] = uint8(min(nm.nd-gs, 255))
		}
		nm.groups++
		nm.end = i
		// A separator: ")", then one of " -.", then "(", then a digit.
		j := i
		var seps uint8
		open := paren
		if open && j < len(b) && mayParen(b[j], ')') {
			if w := parenAt(b, j, ')'); w > 0 {
				j += w
				open = false
				seps |= sepParen
			}
		}
		if j < len(b) {
			switch b[j] {
			case ' ':
				if j+2 < len(b) && b[j+1] == '-' && b[j+2] == ' ' {
					seps |= sepSpace | sepDash // "415 - 555 - 0132"; as spaces, no join of dotted groups
					j += 3
				} else if j+2 < len(b) && b[j+1] == '/' && b[j+2] == ' ' && nm.groups == 1 && nm.d[0] == '0' {
					seps |= sepSlash // "030 / 1234567", as German letterheads wrote it
					j += 3
				} else {
					seps |= sepSpace
					j++
				}
			case 0xC2, 0xE2, 0xE3:
				// Spaces and dashes beyond ASCII, as word processors and
				// input methods type them.
				if w, dash := wideSeparator(b, j); dash {
					seps |= sepDash
					j += w
				} else if w > 0 {
					seps |= sepSpace
					j += w
				}
			case '-':
				seps |= sepDash
				j++
			case '+':
				if query {
					seps |= sepSpace
					j++
				}
			case '%':
				if j+2 < len(b) && b[j+1] == '2' && b[j+2] == '0' {
					seps |= sepSpace
					j += 3
				}
			case '.':
				seps |= sepDot
				j++
			case '/':
				// German-style area codes: "030/12345678".
				if nm.groups == 1 && nm.d[0] == '0' {
					seps |= sepSlash
					j++
				}
			case 0xEF:
				// U+FF0D FULLWIDTH HYPHEN-MINUS and U+FF0E FULLWIDTH FULL
				// STOP, between full-width digits ("１９２．１６８．１．１").
				if j+2 < len(b) && b[j+1] == 0xBC && b[j+2] == 0x8D {
					seps |= sepDash
					j += 3
				} else if j+2 < len(b) && b[j+1] == 0xBC && b[j+2] == 0x8E {
					seps |= sepDot
					j += 3
				} else if w, _ := wideSeparator(b, j); w > 0 {
					seps |= sepSpace // U+FEFF, unseen ("１３８\ufeff００１３…")
					j += w
				}
			}
		}
		// A space, a slash or a parenthesis may have joined unrelated
		// numbers (see number): "5(1.2.3.4)", "(1.2.3.4)13800138000".
		spaced := seps&(sepSpace|sepSlash|sepParen) != 0
		if nm.plus && !open && j+2 < len(b) && b[j] == '(' && b[j+1] == '0' && b[j+2] == ')' {
			j += 3 // the trunk prefix some write after a country code: "+33 (0)6 …"
			if j < len(b) && b[j] == ' ' {
				j++
				spaced = true
			}
		}
		if !open && j < len(b) && mayParen(b[j], '(') {
			if w := parenAt(b, j, '('); w > 0 {
				j += w
				open = true
				seps |= sepParen
				spaced = true
			}
		}
		if _, w := digitAt(b, j); j == i || w == 0 || nm.groups >= maxGroups || nm.nd > maxDigits {
			return
		}
		// Dots never join groups that spaces joined: "10 1.2.3.4" is two
		// numbers, so is "1.2.3.4 5"; nor does a dash join an IPv4 address
		// to more: "10.0.0.1-10.0.0.9" is a range of two addresses.
		if seps&sepSpace != 0 && nm.seps&sepDot != 0 || seps&sepDash != 0 && nm.seps == sepDot && nm.dottedQuad() {
			return
		}
		if seps&sepDot != 0 && nm.seps&(sepSpace|sepSlash) != 0 {
			// Nor do they join groups after a slash: "030/1.2.3.4" is
			// an area code, a slash and an IPv4 address.
			nm.end, nm.nd, nm.groups, nm.seps = last.end, last.nd, last.groups, last.seps
			nm.cut = true
			return
		}
		if seps&(sepSpace|sepSlash) != 0 {
			last = numberState{i, nm.nd, nm.groups, nm.seps}
		}
		if spaced {
			if nm.nsplits == 0 {
				nm.spaceNext = j
			}
			nm.splits[nm.nsplits] = numberState{i, nm.nd, nm.groups, nm.seps}
			nm.nsplits++
		}
		nm.seps |= seps
		paren = open
		i = j
	}
}

// mayParen reports whether x may start the parenthesis c, plain or
// full-width; parenAt tells.
func mayParen(x, c byte) bool { return x == c || x == 0xEF }

// parenAt returns the length of the parenthesis c ('(' or ')') at b[i],
// plain or full-width ('（', '）'), or 0 if there is none.
func parenAt(b []byte, i int, c byte) int {
	if i < len(b) {
		if x := b[i]; x == c {
			return 1
		} else if x == 0xEF && wideASCII(b, i) == c {
			return 3
		}
	}
	return 0
}

// wideSeparator returns the length of the non-ASCII space or dash at b[j]
// (0 if there is none) and whether it is a dash: U+00A0 NO-BREAK SPACE,
// U+202F NARROW NO-BREAK SPACE (French typography), U+2002-U+200A (en,
// em, figure, thin, hair and the other spaces of typesetting), U+205F,
// U+3000 IDEOGRAPHIC SPACE; U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN,
// U+2012 FIGURE DASH, U+2013 EN DASH, U+2212 MINUS SIGN, and U+30FC, the
// prolonged sound mark Japanese typists put for a dash ("090ー1234ー5678");
// and the invisible ones, U+00AD SOFT HYPHEN, U+200B ZERO WIDTH SPACE,
// U+2060 WORD JOINER and U+FEFF, where they are left in a number of
// full-width digits ("１３８\u200b００１３…"; next to ASCII they are
// removed before the scan).
func wideSeparator(b []byte, j int) (w int, dash bool) {
	if j+1 < len(b) && b[j] == 0xC2 && (b[j+1] == 0xA0 || b[j+1] == 0xAD) {
		return 2, false
	}
	if j+2 >= len(b) {
		return 0, false
	}
	switch r := uint32(b[j])<<16 | uint32(b[j+1])<<8 | uint32(b[j+2]); {
	case r == 0xE280AF, r == 0xE2819F, r == 0xE38080, 0xE28082 <= r && r <= 0xE2808B, r == 0xE281A0, r == 0xEFBBBF:
		return 3, false
	case 0xE28090 <= r && r <= 0xE28093, r == 0xE28892, r == 0xE383BC:
		return 3, true
	}
	return 0, false
}

// number reads and classifies the number whose first digit is at b[p].
func (sc *scanner) number(p, start int) int {
	// In a web server's access log the status code and the response size
	// follow the request line ("GET / HTTP/1.1" 415 5550132): the status
	// stands alone, and the size is read on its own. As the log writes
	// them, they are told apart before the reader joins them; in other
	// forms (full-width digits, more spaces), after.
	if b := sc.b; p == start && p+4 < len(b) && digitsAt(b, p, 3) && b[p+3] == ' ' && isDigit(b[p+4]) && afterRequestLine(b, p) {
		return p + 4
	}
	var nm number
	readNumber(sc.b, p, start, queryValueAt(sc.b, start), &nm)
	// A number that runs into an address's local part ("…176148(0a@163.com")
	// ends where that part starts, and is read as it will be before the
	// address's token; the part is the '@' handler's.
	if ls := addressInto(sc.b, p, nm.end); ls > p {
		return sc.readBefore(ls, func() int { return sc.number(p, start) })
	}
	// The status and size of an access log, in other forms (above).
	if nm.nsplits > 0 && nm.splits[0].groups == 1 && nm.splits[0].nd == 3 && afterRequestLine(sc.b, nm.start) {
		return nm.spaceNext
	}
	next, found := sc.classifyWithExtension(&nm)
	if found || nm.nsplits == 0 {
		return next
	}
	// Spaces (or a slash, or a parenthesis) may have joined unrelated
	// numbers ("from 10 1.2.3.4", "7 490154203237518",
	// "0000/490154203237518", "45.177.64.29(1.2.3.4)"): try the
	// number as it was before each, longest first, and if none is a
	// finding, scan on from the group after the first. Trying every one
	// keeps redacting twice the same as once: a number that ended where a
	// token now stands is one.
	nm.cut = true
	for k := nm.nsplits - 1; k >= 0; k-- {
		st := nm.splits[k]
		nm.end, nm.nd, nm.groups, nm.seps = st.end, st.nd, st.groups, st.seps
		if next, found := sc.classifyWithExtension(&nm); found {
			return next
		}
	}
	return nm.spaceNext
}

// classifyWithExtension is classifyNumber, and if nm is no finding, on nm
// without an extension after it ("010-12345678-123": an office's number
// and extension).
func (sc *scanner) classifyWithExtension(nm *number) (next int, found bool) {
	next, found = sc.classifyNumber(nm)
	if !found {
		if ext, ok := nm.beforeExtension(sc.b); ok {
			if next, found := sc.classifyNumber(&ext); found {
				return next, true
			}
		}
	}
	return next, found
}

// beforeExtension returns nm without its last group if that may be an
// extension: at most four digits, joined by a dash to ten digits or more in
// two groups or more that only dashes join ("010-12345678-123"; not
// "030-1234-5", a check digit apart).
func (nm *number) beforeExtension(b []byte) (number, bool) {
	if nm.seps != sepDash || nm.groups < 3 || nm.groups > maxGroups || nm.nd > maxDigits {
		return number{}, false
	}
	n := int(nm.glen[nm.groups-1])
	sep := nm.end - n - 1
	if n > 4 || nm.nd-n < 10 || sep <= nm.start || b[sep] != '-' {
		return number{}, false
	}
	ext := *nm
	ext.end, ext.nd, ext.groups = sep, nm.nd-n, nm.groups-1
	return ext, true
}

// classifyNumber emits nm if it is a finding and returns where scanning
// resumes.
func (sc *scanner) classifyNumber(nm *number) (next int, found bool) {
	b := sc.b
	end := nm.end
	if mayParen(b[nm.start], '(') && nm.seps&sepParen == 0 {
		nm.start += parenAt(b, nm.start, '(') // "(10.1.2.3)", "(13800138000)": the parenthesis is not the number's
	}
	if nm.nd > maxDigits {
		return skipNumeric(b, end), false
	}
	if nm.nd == 8 {
		if e := dniEnd(b, nm, end); e > 0 {
			return e, sc.emit(nm.start, e, DNI)
		}
	}
	if end < len(b) {
		c := b[end]
		switch {
		case (c == 'X' || c == 'x') && nm.groups == 1 && nm.nd == 17:
			if boundaryAfter(b, end+1) && cnID(nm.d[:17], c) {
				return end + 1, sc.emit(nm.start, end+1, CNID)
			}
			return skipWord(b, end), false
		case (c == 'x' || c == 'X') && (nm.plus || nm.groups >= 3) && nm.seps&sepDot == 0 && end+1 < len(b) && isDigit(b[end+1]):
			// An extension after a number in groups: "+1-415-555-0132x12".
			// The number is read without it.
		case isAlnum(c):
			return skipWord(b, end), false // "1920x1080", "123ms", "v2"
		case encodedAt(b, end):
			return end, false // the local part of an address: the '@' handler decides
		// Digits after ',', ':' or '/' go on a number, a time or a date,
		// unless they start an address ("…0000,0@163.com"), which will be
		// a token: then the number ends here. A token there stands for
		// digits that were a finding: "0100000000/<PHONE:…>" reads as
		// "0100000000/02100 15" did.
		case (c == ',' || c == ':' || c == '/') && end+1 < len(b) && (isDigit(b[end+1]) || tokenStart(b, end+1)) && addressInto(b, end, end+1) != end+1:
			if c != ',' && sc.ipv4(nm) {
				return end, true // "10.1.2.3:8080", "10.1.2.0/24": the port or prefix length is not part of it
			}
			if c != ',' && ipv4After(b, end+1) {
				return end, false // "0000/203.0.113.77": the address is scanned on its own
			}
			// A list is no number: "13800138000,13900139000",
			// "10.0.0.1,10.0.0.2", "5,13800138000" (the head of "1,299"
			// has at most three digits and no dots, and three digits
			// follow its comma). Its items are read one by one.
			list := c == ',' && (nm.nd >= 7 || nm.dottedQuad() || !groupAfter(b, end, 3)) ||
				c == '/' && nm.nd >= 7 && longNumberAt(b, end+1) // "13800138000/13900139000"
			// Nor is a field of a key ("thumb:8613800138000:256"): no
			// time or ratio has so long a head.
			field := c == ':' && nm.groups == 1 && nm.nd >= 7
			if !list && !field && (c != '/' || nm.groups > 1 || !(nm.nd >= 14 || nm.nd >= 7 && sc.context(Phone, nm.start, phoneWords))) {
				return skipNumeric(b, end), false // "1,299", "10:11:12", "02/06/2026", "923582447/784809"
			}
			// No part of a date is so long, and a phone number is
			// named: "352099001761481/01" (an IMEI and its software
			// version), "电话：13800138000/13900139000".
		}
	}
	if k := sc.nationalID(nm); k != None {
		return end, sc.emit(nm.start, end, k)
	}
	if nm.seps == sepDot && nm.groups >= 3 && !nm.plus {
		if nm.groups == 4 && sc.ipv4(nm) {
			return end, true
		}
		// Versions and build numbers, but not "415.555.0132" or the French
		// "06.01.54.62.83".
		if !(nm.groups == 3 && nm.nd >= 9 || nm.groups == 5 && nm.nd == 10) {
			return end, false
		}
	}
	if k := sc.classify(nm); k != None {
		return end, sc.emit(nm.start, end, k)
	}
	return end, false
}

// groupAfter reports whether exactly n digits follow the separator at b[i]:
// three after a ',' that separates thousands ("1,299"), two after a ':'
// that separates minutes or seconds ("10:11:12").
func groupAfter(b []byte, i, n int) bool {
	return i+n < len(b) && digitsAt(b, i+1, n) && (i+n+1 == len(b) || !isDigit(b[i+n+1]))
}

// longNumberAt reports whether a number of seven digits or more starts at
// b[i], or a token, which stands for one: the next item of a list such as
// "13800138000/13900139000" or "138-0013-8000/139-0013-9000". No part of
// a date or ratio is so long.
func longNumberAt(b []byte, i int) bool {
	if tokenStart(b, i) {
		return true
	}
	var nm number
	readNumber(b, i, i, false, &nm)
	return nm.nd >= 7
}

// skipNumeric returns the end of a run of digits and the punctuation that
// joins them in numbers, times and dates: '.', '/', '-', a ',' before
// thousands ("1,299") and a ':' before minutes or seconds ("10:11:12").
// Digits after any other ',' or ':' are read on their own:
// "1,299,13800138000", "10:11:12,13800138000", "12:13800138000".
func skipNumeric(b []byte, i int) int {
	for i < len(b) {
		switch c := b[i]; {
		case isDigit(c), c == '.' || c == '/' || c == '-',
			c == ',' && groupAfter(b, i, 3), c == ':' && groupAfter(b, i, 2):
			i++
		default:
			return i
		}
	}
	return i
}

// ipv4 emits nm as an IPv4 address if it is one and not a version string.
func (sc *scanner) ipv4(nm *number) bool {
	if nm.seps != sepDot || nm.plus || !nm.dottedQuad() {
		return false
	}
	b := sc.b
	// Version strings: "Chrome/124.0.0.0", "v1.2.3.4" (the latter never gets
	// here: a letter before the first digit is no boundary); not after a
	// finding, which will be a token ("10.0.0.0/255.0.0.0").
	s := nm.start
	version := sc.hint.Has(VersionKey) || s >= 2 && b[s-1] == '/' && isLetter(b[s-2]) && sc.emitted != s-1 || sc.versionLabelBefore(s)
	return version || sc.emit(nm.start, nm.end, IPv4)
}

// versionLabelBefore reports whether b[start] comes right after '=' or ':'
// and a label a JSON key would name a version or build by, as in log
// lines' "app_version=1.2.3.4" and "build:1.0.0.7", or after such an XML
// element's start tag ("<build>1.0.0.7"); not "server=1.2.3.4". A space in
// between keeps the address ("version: 1.2.3.4"): an address set off by
// spaces is always found, whatever stands before it.
func (sc *scanner) versionLabelBefore(start int) bool {
	end := start - 1
	if end < 1 {
		return false
	}
	c := sc.b[end]
	if c != '=' && c != ':' && c != '>' {
		return false
	}
	word := max(labelWordBefore(sc.b, end), sc.emitted)
	if c == '>' && (word == 0 || sc.b[word-1] != '<') {
		return false
	}
	return word < end && sc.set.KeyHint(sc.b[word:end]).Has(VersionKey)
}

// dottedQuad reports whether nm is four groups that are IPv4 octets.
func (nm *number) dottedQuad() bool {
	if nm.groups != 4 {
		return false
	}
	d := nm.digits()
	for g := range 4 {
		l := int(nm.glen[g])
		if l > 3 || l == 2 && d[0] == '0' {
			return false // a leading zero pads an octet to three digits, or is none: "01.02.03.04"
		}
		v := 0
		for _, c := range d[:l] {
			v = v*10 + int(c-'0')
		}
		if v > 255 {
			return false
		}
		d = d[l:]
	}
	return true
}

// phoneGrouped reports whether nm is grouped as phone numbers are. None is
// grouped "070 0 0 0": groups after the first have two digits or more, but
// for the one after a country code ("+81 6 3302 1249", Osaka), and one more
// before the last in an international number or after an area code in
// parentheses ("+55 11 9 8765-4321", "(11) 9 8765-4321": a Brazilian
// mobile's 9 set apart). A last digit after the one dash is an extension,
// as German numbers write one (DIN 5008: "+49 30 1234567-9", a
// switchboard's "030 12345-0"), in a number with a country code or a trunk
// prefix and area code.
func (nm *number) phoneGrouped(b []byte) bool {
	glen := nm.glen[:min(nm.groups, maxGroups)]
	if len(glen) >= 3 && glen[0] >= 2 && glen[len(glen)-1] == 1 && b[nm.end-2] == '-' && (nm.plus || nm.d[0] == '0') &&
		bytes.IndexByte(b[nm.start:nm.end-2], '-') < 0 {
		glen = glen[:len(glen)-1] // but not an ISBN's "0-306-40615-2"
	}
	singles := 0
	for i, l := range glen[1:] {
		if l < 2 && !(i == 0 && nm.plus) {
			singles++
		}
	}
	return singles == 0 || singles == 1 && glen[len(glen)-1] >= 2 && (nm.plus || parenAt(b, nm.start, '(') > 0)
}

// iddGrouped reports whether nm, a number after an international prefix,
// is grouped as one whose country calling code is cc: the code a group of
// its own, after the "00" or with it ("00 33 1 42 68 53 00", "0033 1 42 68
// 53 00"), then groups of two digits or more but for the first, which may
// be one ("1" of Paris), as after a '+'.
func (nm *number) iddGrouped(cc int) bool {
	glen := nm.glen[:min(nm.groups, maxGroups)]
	ccLen := 1
	for ; cc >= 10; cc /= 10 {
		ccLen++
	}
	switch {
	case len(glen) > 2 && glen[0] == 2 && int(glen[1]) == ccLen:
		glen = glen[2:]
	case len(glen) > 1 && int(glen[0]) == 2+ccLen:
		glen = glen[1:]
	default:
		return false
	}
	for _, l := range glen[1:] {
		if l < 2 {
			return false
		}
	}
	return true
}

// classify decides what a number that is not an IPv4 address is.
func (sc *scanner) classify(nm *number) Kind {
	b := sc.b
	d := nm.digits()
	nd := nm.nd
	if dateLike(nm) || zipPlus4(b, nm) {
		return None
	}
	phoneGroups := nm.phoneGrouped(b)
	if nm.plus {
		// A '+' marks a phone number: one numbered as its country
		// numbers is one, valid or not in libphonenumber's tables
		// (a range opened since, or set apart: +44 7700 900123). The
		// part before a space of what was read, which the space may
		// have joined to more, is one only if valid: "+86 138 0013" of
		// "+86 138 0013 8000snake" is no number. So is one before a space
		// and a token, which stands for what the space may have joined it
		// to: "+861000000 016000000" and "+861000000 <PHONE:…>" alike, or
		// before a parenthesis and a token: "+861000000(<PHONE:…>".
		cut := nm.cut || splitBeforeToken(b, nm.end)
		if phoneGroups && nd >= 7 && nd <= 15 && (cut && sc.international(d) || !cut && sc.set.phones.Plausible(d)) {
			return Phone
		}
		return None
	}
	if nd >= 9 && d[0] == '0' && d[1] == '0' {
		if cc, ok := sc.set.phones.International(d[2:]); ok && (phoneGroups || nm.iddGrouped(cc)) {
			return Phone // "0086 138 0013 8000", "00 33 1 42 68 53 00"
		}
	}
	luhnOK := nd >= 13 && luhn(d)
	single := nm.groups == 1
	hk := sc.hint.Kind
	switch {
	case nd == 15 && single && (hk == IMSI || hasLabel(b, nm.start, imsiWords)) && d[0] >= '2' && d[0] <= '7':
		return IMSI
	case nd == 15 && luhnOK && single && d[0] == '3' && (d[1] == '4' || d[1] == '7') && hk != IMEI && !hasLabel(b, nm.start, imeiWords):
		return Card // an American Express number: no IMEI's reporting body is 34 or 37
	case nd == 15 && luhnOK && (single || imeiGrouping(nm)) && !sc.contextAcrossTokens(Card, nm.start, cardWords):
		return IMEI
	case nd == 18 && single && cnID(d[:17], d[17]):
		return CNID // before cards: "ID card 440524198001010013"; few cards have 18 digits
	case nd >= 13 && nd <= 19 && luhnOK && (single || cardLikeGroups(nm)) && cardShaped(d) && sc.context(Card, nm.start, cardWords):
		return Card
	case luhnOK && cardGrouping(nm) && cardIIN(d) && !nm.listed(b):
		return Card // "4111 1111 1111 1111": laid out as cards print it, with no word needed
	case nd >= 19 && d[0] == '8' && d[1] == '9' && (single || nm.seps == sepSpace) && (hk == ICCID || hasLabel(b, nm.start, iccidWords)):
		return ICCID
	case nd >= 14 && nd <= 16 && (hk == IMEI || hasLabel(b, nm.start, imeiWords)):
		return IMEI
	}
	if nd < 7 || nd > 15 || !phoneGroups || !single && inIdentifier(b, nm.start) && !sc.context(Phone, nm.start, phoneWords) {
		return None
	}
	if single {
		if nd == 8 && dateLike8(d) && hk != Phone {
			return None // 20260602
		}
		if nd == 11 && d[0] == '1' && d[1] >= '3' && sc.national(nm, sc.mask&sc.set.cnMask) {
			return Phone // a bare Chinese mobile number
		}
		if nd == 13 && d[0] == '8' && d[1] == '6' && d[2] == '1' && d[3] >= '3' && sc.international(d) {
			return Phone // one with its country code, as Chinese systems store an MSISDN: "8613800138000"
		}
		// A number its label calls an order or ticket number is one,
		// whatever words around it say of phones.
		ref := sc.reference(nm)
		if (nd >= 9 && d[0] == '0' && d[1] != '0' || nd == 11 && d[0] == '8' && d[1] == '9') && !ref && sc.trunkNational(nm) {
			return Phone // "07018085953", the Russian mobile "89123456789": a trunk prefix and a valid number
		}
		named := hk == Phone || !ref && sc.named(nm)
		if named && (sc.national(nm, sc.mask) || sc.international(d)) || sc.localNumber(nm) {
			return Phone
		}
		return None
	}
	if nm.seps == sepDot && nm.groups == 2 {
		return None // a decimal number
	}
	if nm.listed(b) && !sc.context(Phone, nm.start, phoneWords) && !sc.hint.Has(ContactKey) {
		return None // "541 550 559 568 577", "0 0 612 792": a list of numbers, with no phone word near
	}
	if nm.groups == 2 && nm.seps == sepSpace && !sc.context(Phone, nm.start, phoneWords) && !sc.hint.Has(ContactKey) {
		// Two runs of digits a space apart are as often two numbers as
		// one (a log's process and thread IDs, "22958 30849"): with no
		// phone word before and no contact key, they are one with a
		// trunk prefix ("0151 20828073"), or bare only as a region
		// writes its numbers ("98765 43210" in India; not "22958 30849"
		// in the US). A word after says little here: Android's log
		// tag follows its IDs ("22958 30849 D Telephony").
		if sc.set.writtenSomewhere(nm, sc.mask) {
			return Phone
		}
		return None
	}

	if sc.national(nm, sc.mask) || sc.localNumber(nm) || sc.elsewhere(nm) {
		return Phone
	}
	return None
}

// named reports whether a phone word before or after nm, or a contact
// key, names it a phone number.
func (sc *scanner) named(nm *number) bool {
	return sc.hint.Has(ContactKey) || phoneWordBefore(sc.b, nm.start) || hasContextAfter(sc.b, nm.end, phoneWords)
}

// elsewhere reports whether nm, laid out in groups and no number of the
// scanner's regions (those of the text's language), is one of the set's
// other regions written as that region writes it ("11 98765-4321", as
// Brazil does), or valid there and named by a phone word ("Handy 01512
// 0828073"): the language of a short text is often read wrong.
func (sc *scanner) elsewhere(nm *number) bool {
	others := sc.set.regionMask &^ sc.mask
	if others == 0 {
		return false
	}
	_, ok, asWritten := sc.set.readRegion(nm, others, true)
	return ok && (asWritten || sc.named(nm))
}

// listed reports whether nm, groups of digits a space apart, has another
// such group right before or after it: it is some numbers of a list, the
// values of a row, a box's corners or a histogram, not one number printed
// in groups (a phone, card or national number), unless a word names it. A
// token there may stand for such a group ("0100000 000 <MAC:…>" was
// "0100000 000 10:00:00:00:00:00"), so it counts as one: redacting twice
// reads the list as once.
func (nm *number) listed(b []byte) bool {
	return nm.seps == sepSpace && (nm.start >= 2 && b[nm.start-1] == ' ' && (isDigit(b[nm.start-2]) || textscan.TokenBefore(b, nm.start-1)) ||
		nm.end+1 < len(b) && b[nm.end] == ' ' && (isDigit(b[nm.end+1]) || tokenStart(b, nm.end+1)))
}

// splitBeforeToken reports whether a space or an opening parenthesis, which
// readNumber may join numbers with, and a token come at b[i].
func splitBeforeToken(b []byte, i int) bool {
	w := parenAt(b, i, '(')
	if w == 0 && i < len(b) && b[i] == ' ' {
		w = 1
	}
	return w > 0 && tokenStart(b, i+w)
}

// phoneWordBefore reports whether a phone word comes in the context window
// before b[start], the start of a bare number, and after the key of a
// key=value pair the number is the value of: that key says what the number
// is, and a phone word before it is another pair's (phone=… job=436504021530161).
func phoneWordBefore(b []byte, start int) bool {
	from := start - contextWindow
	i := start
	if i > 0 && b[i-1] == '"' {
		i--
	}
	if i > 0 && b[i-1] == '=' {
		k := i - 1
		for k > 0 && (isLetter(b[k-1]) || b[k-1] == '_') {
			k--
		}
		if k < i-1 {
			from = max(from, k)
		}
	}
	return wordBefore(b, start, phoneWords, from, 0)
}

// localNumber reports whether nm is a subscriber number given without its
// area code, 7 or 8 digits right after a phone label: "phone: 555-0132",
// "电话 12345678". No region's tables can tell it; the label does. It
// stands alone: the last group of "030 1234567", a number no region of the
// text's language has, is no number of its own; and no reference label
// comes between ("Tel. Ref 1234567").
func (sc *scanner) localNumber(nm *number) bool {
	if nm.nd < 7 || nm.nd > 8 || !hasLabel(sc.b, nm.start, phoneLabels) {
		return false
	}
	i := nm.start
	for i > 0 && (sc.b[i-1] == ' ' || sc.b[i-1] == '-' || sc.b[i-1] == '.' || sc.b[i-1] == '/') {
		i--
	}
	return !digitEndsAt(sc.b, i) && !sc.reference(nm)
}

// reference reports whether the label before nm, or the key hint of a
// value that is nm alone, say that nm is an order, invoice, ticket or
// product number ("order 0123456789", {"order_id":"0123456789"}). A phone
// key says it is a phone number, whatever the label.
func (sc *scanner) reference(nm *number) bool {
	switch {
	case sc.hint.Kind == Phone:
		return false
	case sc.hint.Has(ReferenceKey) && sc.hint.Kind == None && nm.start == 0 && nm.end == len(sc.b):
		return true
	}
	return referenceLabelBefore(sc.b, nm.start)
}

// context reports whether the key hint or the words before start say kind k.
func (sc *scanner) context(k Kind, start int, ws *ContextWords) bool {
	return sc.hint.Kind == k || hasContext(sc.b, start, ws, contextWindow)
}

// contextAcrossTokens is context for a word that keeps a number from being
// a kind: the window reaches as far back as it would in the text before
// redaction, a token counting as one byte, as what it replaced counted at
// least. Otherwise a token longer than the name it stands for pushes the
// word out of the window, and redacting twice finds what once did not ("a
// card for Иван and 00000000 000000 0": an IMEI only once "Иван" is a
// token).
func (sc *scanner) contextAcrossTokens(k Kind, start int, ws *ContextWords) bool {
	if sc.hint.Kind == k {
		return true
	}
	b, i := sc.b, start
	if bytes.IndexByte(b[max(start-contextWindow, 0):start], '>') < 0 {
		return hasContext(b, start, ws, contextWindow) // no token in the window: most numbers
	}
	for n := 0; i > 0 && n < contextWindow; n++ {
		if b[i-1] == '>' && textscan.TokenBefore(b, i) {
			i = bytes.LastIndexByte(b[:i-1], '<')
			continue
		}
		i--
	}
	return wordBefore(b, start, ws, i, 0)
}

func (sc *scanner) international(d []byte) bool {
	_, ok := sc.set.phones.International(d)
	return ok
}

func (sc *scanner) national(nm *number, mask uint64) bool {
	_, ok := sc.set.nationalRegion(nm, mask)
	return ok
}

// trunkNational reports whether nm is valid in one of the scanner's regions
// with that region's trunk prefix ("0") stripped.
func (sc *scanner) trunkNational(nm *number) bool {
	d := nm.digits()
	for mask := sc.mask & sc.set.prefixed[d[0]-'0']; mask != 0; {
		r, _, nsn, ok := sc.set.phones.National(d, mask)
		if !ok {
			return false
		}
		if nsn > 0 {
			return true
		}
		mask &^= 2<<r - 1 // National returns the first region valid in mask: none before r is
	}
	return false
}

// nationalRegion returns the first region in mask where nm is a valid
// national-format number, as people write them there: where numbers are
// written with a trunk prefix ("030 12345678" in Germany), one without it is
// not taken for a phone. A number laid out the North American way, 3-3-4
// digits, tries the NANPA regions of the set first, in mask or not, where
// it is far more likely from than from a region with 10-digit numbers
// written otherwise: "(415) 555-0132" is American in a text whose language
// points elsewhere too, as a short English prompt's may ("Add my WhatsApp
// (415) 555-0132 to the flyer", read as German, had left "(415) " before a
// German reading of the rest).
func (s *Set) nationalRegion(nm *number, mask uint64) (region int, ok bool) {
	region, ok, _ = s.readRegion(nm, mask, false)
	return region, ok
}

// writtenRegion is nationalRegion, but of the regions where nm is valid it
// prefers the first that writes it in nm's groups (see phonetab.WrittenAs):
// "06-6190-2186" is valid in DE as in JP, and written as in JP. It gives
// the region a token is made in, so that the number has the token of its
// international form.
func (s *Set) writtenRegion(nm *number, mask uint64) (region int, ok bool) {
	region, ok, _ = s.readRegion(nm, mask, nm.groups >= 2)
	return region, ok
}

// preferredRegion is the region prefer holds if nm is valid there and
// written as it is there; else a region of mask that writes it so; else
// the preferred region if nm is valid there; else the first region of mask
// where it is valid.
// The layout is the stronger hint: a German number in a record that also
// holds Chinese ("0175-39032059") is German.
func (s *Set) preferredRegion(nm *number, mask, prefer uint64) (region int, ok bool) {
	if prefer == 0 {
		return s.writtenRegion(nm, mask)
	}
	written := nm.groups >= 2
	p, pok, pAsWritten := s.readRegion(nm, prefer, written)
	if pok && pAsWritten {
		return p, true
	}
	r, ok, asWritten := s.readRegion(nm, mask, written)
	if pok && !(ok && asWritten) {
		return p, true
	}
	return r, ok
}

// readRegion is nationalRegion, or writtenRegion if written; asWritten
// reports whether the region writes nm in its groups (always, if not
// written).
func (s *Set) readRegion(nm *number, mask uint64, written bool) (region int, ok, asWritten bool) {
	d := nm.digits()
	if len(d) == 0 {
		return 0, false, false
	}
	g := nm.glen
	if m := s.nanpaMask; m != 0 && nm.nd == 10 && nm.groups == 3 && g[0] == 3 && g[1] == 3 && g[2] == 4 {
		if r, _, _, ok := s.phones.National(d, m); ok {
			return r, true, true
		}
	}
	mask = s.nationalMask(nm, mask)
	groups := nm.glen[:min(nm.groups, maxGroups)]
	first, loose := -1, -1
	for mask != 0 {
		r, nsn, ok := s.nextNational(nm, &mask)
		if !ok {
			break
		}
		if !written || s.phones.WrittenAs(r, d[nsn:], groups) {
			return r, true, true
		}
		if loose < 0 && s.phones.WrittenLooselyAs(r, d[nsn:], groups) {
			loose = r // "07712 375 582": British, as "07712 375582" is; not a Nanning number, 0771 2375582
		}
		if first < 0 {
			first = r
		}
	}
	if loose >= 0 {
		return loose, true, false
	}
	return first, first >= 0, false
}

// nationalMask returns the regions of mask that can take nm as a national
// number: those where it may be written bare, or where it starts with a
// prefix that can be stripped.
func (s *Set) nationalMask(nm *number, mask uint64) uint64 {
	return mask & (s.bareLen[min(nm.nd, maxDigits)] | s.prefixed[nm.d[0]-'0'])
}

// nextNational returns the first region of *mask, which nationalMask made,
// where nm is a valid national number, and where its national significant
// number starts, taking from *mask that region and those before it; a
// number read bare counts only where numbers go bare, and in China and
// India only a mobile number does (1…, 6-9…).
func (s *Set) nextNational(nm *number, mask *uint64) (region, nsn int, ok bool) {
	d := nm.digits()
	bare := s.bareLen[min(nm.nd, maxDigits)]
	for *mask != 0 {
		r, _, nsn, ok := s.phones.National(d, *mask)
		if !ok {
			return 0, 0, false
		}
		*mask &^= 2<<r - 1 // National returns the first region valid in mask: none before r is
		if nsn == 0 && (bare&(1<<r) == 0 || s.cnMask&(1<<r) != 0 && d[0] != '1' || s.inMask&(1<<r) != 0 && d[0] < '6') {
			continue
		}
		return r, nsn, true
	}
	return 0, 0, false
}

// writtenSomewhere reports whether nm, of two groups or more, is valid in a
// region of mask with its trunk prefix ("0151 20828073", however people
// group it there), or bare where numbers go bare and written in groups the
// region writes them in (see phonetab.WrittenBareAs).
func (s *Set) writtenSomewhere(nm *number, mask uint64) bool {
	d := nm.digits()
	groups := nm.glen[:min(nm.groups, maxGroups)]
	for mask = s.nationalMask(nm, mask); mask != 0; {
		r, nsn, ok := s.nextNational(nm, &mask)
		if !ok {
			return false
		}
		// A trunk prefix, not a calling code without its '+' ("20363
		// 24824" is no Egyptian number); Russia's 8 starts 11 digits
		// ("8251 1497", a log's process IDs, is no Russian number).
		trunk := nsn > 0 && (d[0] == '0' || d[0] == '8' && nm.nd == 11)
		if trunk || nsn == 0 && s.phones.WrittenBareAs(r, d, groups) {
			return true
		}
	}
	return false
}

// zipPlus4 reports whether nm is a US ZIP+4 code after its state's postal
// code: "Boston, MA 02111-1307".
func zipPlus4(b []byte, nm *number) bool {
	if nm.groups != 2 || nm.glen[0] != 5 || nm.glen[1] != 4 || nm.seps != sepDash {
		return false
	}
	i := nm.start
	for i > 0 && b[i-1] == ' ' {
		i--
	}
	return i >= 2 && i < nm.start && IsUSState(b[i-2:i]) && (i == 2 || !isLetter(b[i-3]))
}

// usStates are the postal codes of the states of the United States and of
// its capital.
const usStates = "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"

// IsUSState reports whether code is the postal code of a US state, in
// capitals: "MA", "DC".
func IsUSState(code []byte) bool {
	if len(code) != 2 {
		return false
	}
	for i := 0; i+1 < len(usStates); i += 3 {
		if usStates[i] == code[0] && usStates[i+1] == code[1] {
			return true
		}
	}
	return false
}

// dateLike reports numbers shaped like dates: 2026-06-02, 02.06.2026,
// 2026 06 02 (a year 1900-2099 and two numbers from 1 to 31).
func dateLike(nm *number) bool {
	if nm.plus || nm.groups < 3 || nm.seps&sepParen != 0 {
		return false
	}
	g := nm.glen
	d := nm.digits()
	a := atoi(d[:g[0]])
	b := atoi(d[g[0] : g[0]+g[1]])
	c := atoi(d[g[0]+g[1] : min(len(d), int(g[0]+g[1]+g[2]))])
	day := func(v int, l uint8) bool { return l <= 2 && v >= 1 && v <= 31 }
	year := func(v int, l uint8) bool { return l == 4 && v >= 1900 && v <= 2099 }
	return year(a, g[0]) && day(b, g[1]) && day(c, g[2]) || day(a, g[0]) && day(b, g[1]) && year(c, g[2])
}

// dateLike8 reports whether 8 digits read as a date, YYYYMMDD.
func dateLike8(d []byte) bool {
	y, m, day := atoi(d[:4]), atoi(d[4:6]), atoi(d[6:8])
	return y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && day >= 1 && day <= 31
}

// imeiGrouping reports the groupings IMEIs are printed in: 2-6-6-1 (the
// TAC's reporting body, the rest of the TAC, the serial, the check digit)
// and 8-6-1.
func imeiGrouping(nm *number) bool {
	g := nm.glen
	return nm.groups == 4 && g[0] == 2 && g[1] == 6 && g[2] == 6 && g[3] == 1 ||
		nm.groups == 3 && g[0] == 8 && g[1] == 6 && g[2] == 1
}

// cnID checks a Chinese resident identity number: 17 digits d, then the check
// character c, with a plausible region code and birth date.
func cnID(d []byte, c byte) bool {
	if len(d) != 17 || d[0] < '1' || d[0] > '8' {
		return false
	}
	year := atoi(d[6:10])
	month := atoi(d[10:12])
	day := atoi(d[12:14])
	if year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1 || day > 31 {
		return false
	}
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		sum += int(d[i]-'0') * w
	}
	want := "10X98765432"[sum%11]
	return c == want || want == 'X' && c == 'x'
}

func atoi(d []byte) int {
	v := 0
	for _, c := range d {
		v = v*10 + int(c-'0')
	}
	return v
}

// afterRequestLine reports whether b[start] follows the quoted request line
// of an access log, `HTTP/1.1" ` or `HTTP/2" `.
func afterRequestLine(b []byte, start int) bool {
	i := start - 2 // the closing quote
	if i < 6 || b[i] != '"' || b[i+1] != ' ' {
		return false
	}
	j := i - 1
	for j > i-5 && (isDigit(b[j]) || b[j] == '.') {
		j--
	}
	return j < i-1 && j >= 4 && string(b[j-4:j+1]) == "HTTP/"
}

// inIdentifier reports whether the number at b[start] is joined by a dash
// to letters or digits before it, as the parts of an invoice or order
// number are ("INV-2026-000123"). A grouped phone number is written so only
// after a phone word ("tel-138-0013-8000"); one digit run may be an
// account named after its phone number ("user-13800138000").
func inIdentifier(b []byte, start int) bool {
	return start >= 2 && b[start-1] == '-' && isAlnum(b[start-2])
}

// cardGrouping reports whether nm is laid out as payment cards print their
// numbers: 4-4-4-4, or American Express's 4-6-5, joined by spaces or by
// dashes.
func cardGrouping(nm *number) bool {
	if nm.seps != sepSpace && nm.seps != sepDash {
		return false
	}
	g := nm.glen
	switch nm.groups {
	case 4:
		return nm.nd == 16 && g[0] == 4 && g[1] == 4 && g[2] == 4 && g[3] == 4
	case 3:
		return nm.nd == 15 && g[0] == 4 && g[1] == 6 && g[2] == 5
	}
	return false
}

// cardLikeGroups reports whether nm's groups, joined by spaces or dashes,
// are laid out as some card prints its number: fours, the last maybe
// shorter (4-4-4-4-3, a 19-digit UnionPay number's), or 4-6-5 or 4-6-4
// (American Express, Diners Club); not an order number's date and serial
// ("20260602-038552" near "card=…").
func cardLikeGroups(nm *number) bool {
	if nm.seps != sepSpace && nm.seps != sepDash || nm.groups > maxGroups {
		return false
	}
	g := nm.glen[:nm.groups]
	if len(g) == 3 && g[0] == 4 && g[1] == 6 && (g[2] == 5 || g[2] == 4) {
		return true
	}
	for k, n := range g {
		if n != 4 && (k < len(g)-1 || n == 0 || n > 4) {
			return false
		}
	}
	return true
}

// cardShaped reports whether the digits d may be a card number by their
// count and first digit: only Visa issues 13 digits (4…), and of 13 to 19
// only UATP's 15-digit airline cards start with 1, where times since the
// epoch in milliseconds, microseconds and nanoseconds do ("1780388686285"
// in "card=… ts_ms=1780388686285").
func cardShaped(d []byte) bool {
	switch {
	case len(d) == 13:
		return d[0] == '4'
	case d[0] == '1':
		return len(d) == 15
	}
	return true
}

// cardIIN reports whether d starts as the numbers of the major card
// networks do: Visa 4, Mastercard 51-55 and 2221-2720, American Express 34
// and 37, JCB 35, Discover 6011 and 64-65, UnionPay 62.
func cardIIN(d []byte) bool {
	switch p := int(d[0]-'0')*10 + int(d[1]-'0'); {
	case d[0] == '4', p >= 51 && p <= 55, p == 34 || p == 37 || p == 35, p == 62 || p == 64 || p == 65:
		return true
	case p >= 22 && p <= 27:
		q := p*100 + int(d[2]-'0')*10 + int(d[3]-'0')
		return q >= 2221 && q <= 2720
	case p == 60:
		return d[2] == '1' && d[3] == '1'
	}
	return false
}

// ipv4After reports whether the digits at b[i] are four dotted groups that
// are IPv4 octets, or b[i] starts the token of one, which redacting again
// reads as the address it was ("000000000000000:<IPV4:k1:…>").
func ipv4After(b []byte, i int) bool {
	if b[i] == '<' {
		return bytes.HasPrefix(b[i:], []byte("<IPV4:"))
	}
	var nm number
	readNumber(b, i, i, false, &nm)
	return nm.seps == sepDot && nm.dottedQuad()
}

// nationalID returns the kind of nm if it is a national identity or
// taxpayer number whose layout and checks hold, else None. Each is found as
// printed anywhere, and bare (or in other groups) after a word naming it or
// under a key that does, as bare they are as long as other numbers:
//   - a CPF (Brazil): 529.982.247-25; bare 52998224725, 529982247-25;
//   - an SSN (US): 123-45-6789; bare 123456789, spaced 123 45 6789;
//   - an RRN (Korea): 900101-1234567; bare 9001011234567;
//   - an Aadhaar number (India): 2345 6789 0124 or 2345-6789-0124; bare;
//   - a SNILS (Russia): 112-233-445 95; bare 11223344595;
//   - a NIR (France): 1 85 05 78 006 084 91; bare 185057800608491;
//   - a My Number (Japan), only named: 1234 5678 9018, 123456789018;
//   - a Steuer-ID (Germany), only named: 86 095 742 719, 86095742719;
//   - a Saudi national ID or Iqama, only named: 1012345672.
//
// An RRN or Aadhaar number as printed is not one after the label of an
// order or invoice, which may be numbered so. Of the kinds of one length,
// the first whose layout and check hold wins, in the order tried: four
// groups of four digits after My Number's words are a My Number, not the
// Aadhaar number they are laid out as.
func (sc *scanner) nationalID(nm *number) Kind {
	if nm.nd < 9 || nm.nd > 15 || nm.plus {
		return None
	}
	g, d := &nm.glen, nm.d[:nm.nd]
	bare := nm.groups == 1
	groups := func(seps uint8, lens ...uint8) bool {
		if nm.groups != len(lens) || nm.seps != seps {
			return false
		}
		for i, l := range lens[:len(lens)-1] {
			if g[i] != l {
				return false
			}
		}
		return true
	}
	var ids [3]idLayout
	switch nm.nd {
	case 9:
		ids[0] = idLayout{SSN, groups(sepDash, 3, 2, 4), bare || groups(sepSpace, 3, 2, 4)}
	case 11:
		ids[0] = idLayout{SNILS, groups(sepDash|sepSpace, 3, 3, 3, 2), bare || groups(sepSpace, 3, 3, 3, 2)}
		ids[1] = idLayout{CPF, groups(sepDot|sepDash, 3, 3, 3, 2), bare || groups(sepDash, 9, 2)}
		ids[2] = idLayout{SteuerID, false, bare || groups(sepSpace, 2, 3, 3, 3)}
	case 10:
		ids[0] = idLayout{SaudiID, false, bare}
	case 12:
		fours := groups(sepSpace, 4, 4, 4) || groups(sepDash, 4, 4, 4)
		ids[0] = idLayout{MyNumber, false, bare || fours}
		ids[1] = idLayout{Aadhaar, fours, bare}
	case 13:
		ids[0] = idLayout{RRN, groups(sepDash, 6, 7), bare}
	case 15:
		ids[0] = idLayout{NIR, groups(sepSpace, 1, 2, 2, 2, 3, 3, 2), bare}
	}
	for _, id := range ids {
		if id.kind == None || !id.printed && !id.named || !idValid(id.kind, d) {
			continue
		}
		if id.printed && ((id.kind == Aadhaar || id.kind == RRN) && referenceLabelBefore(sc.b, nm.start) || nm.listed(sc.b)) {
			id.printed = false
		}
		if id.printed || id.named && sc.context(id.kind, nm.start, idWords[id.kind]) {
			return id.kind
		}
	}
	return None
}

// idLayout says how a number may be a national number of a kind: as laid
// out, anywhere (printed), or after a word naming it or under its key
// (named).
type idLayout struct {
	kind           Kind
	printed, named bool
}

// idWords are the words that name a national number, by kind, whole.
var idWords = [FirstCustom]*ContextWords{
	CPF:      NewWholeContextWords("cpf"),
	SSN:      NewWholeContextWords("ssn", "social security", "seguro social"),
	RRN:      NewWholeContextWords("rrn", "resident registration", "주민등록번호", "주민번호"),
	Aadhaar:  NewWholeContextWords("aadhaar", "aadhar", "uidai", "आधार"),
	MyNumber: NewWholeContextWords("my number", "mynumber", "individual number", "マイナンバー", "個人番号"),
	SNILS:    NewWholeContextWords("snils", "снилс", "СНИЛС", "Снилс", "страховой номер", "страхового номера"),
	NIR:      NewWholeContextWords("sécurité sociale", "securite sociale", "sécu", "secu", "nir", "insee", "carte vitale", "numéro de sécurité"),
	SaudiID:  NewWholeContextWords("رقم الهوية", "الهوية الوطنية", "هوية", "الإقامة", "إقامة", "اقامة", "السجل المدني", "iqama", "saudi id", "national id"),
	SteuerID: NewWholeContextWords("steuer-id", "steuerid", "steuer id", "steueridentifikationsnummer", "steuer-identifikationsnummer",
		"identifikationsnummer", "idnr", "tax id"),
}

// idValid reports whether the digits d are a valid national number of kind k.
func idValid(k Kind, d []byte) bool {
	switch k {
	case CPF:
		return cpfValid(d)
	case SSN:
		return ssnValid(d)
	case RRN:
		return rrnValid(d)
	case Aadhaar:
		return aadhaarValid(d)
	case MyNumber:
		return myNumberValid(d)
	case SNILS:
		return snilsValid(d)
	case NIR:
		return nirValid(d)
	case SteuerID:
		return steuerIDValid(d)
	case SaudiID:
		return (d[0] == '1' || d[0] == '2') && luhn(d)
	}
	return false
}

// myNumberValid reports whether the 12 digits d are a My Number: the last
// is the check digit of the others, weighted 2-7 and 2-6 from the right,
// mod 11.
func myNumberValid(d []byte) bool {
	sum := 0
	for n := 1; n <= 11; n++ {
		q := n + 1
		if n > 6 {
			q = n - 5
		}
		sum += int(d[11-n]-'0') * q
	}
	check := 0
	if r := sum % 11; r > 1 {
		check = 11 - r
	}
	return check == int(d[11]-'0')
}

// snilsValid reports whether the 11 digits d are a SNILS: the last two are
// the sum of the first nine weighted 9 to 1, mod 101 (100 is 00). Numbers
// up to 001-001-998, which had no checksum, are not taken.
func snilsValid(d []byte) bool {
	sum := 0
	for i, c := range d[:9] {
		sum += int(c-'0') * (9 - i)
	}
	return sum%101%100 == atoi(d[9:11]) && string(d[:9]) > "001001998"
}

// nirValid reports whether the 15 digits d are a NIR: sex (1 or 2; 7 or 8
// for a temporary number), year, a month of birth (01-12, or 20-42 and
// 50-99 when unknown), place and order, and the key, 97 less the first 13
// digits mod 97. Corsica's departments, 2A and 2B, are not read.
func nirValid(d []byte) bool {
	if month := atoi(d[3:5]); d[0] != '1' && d[0] != '2' && d[0] != '7' && d[0] != '8' || month == 0 || month > 12 && month < 20 || month > 42 && month < 50 {
		return false
	}
	n := 0
	for _, c := range d[:13] {
		n = (n*10 + int(c-'0')) % 97
	}
	return 97-n == atoi(d[13:15])
}

// steuerIDValid reports whether the 11 digits d are a Steuer-ID: no leading
// zero; of the first ten, one digit two or three times and each other at
// most once; and the last the ISO 7064 MOD 11,10 check digit of those.
func steuerIDValid(d []byte) bool {
	if d[0] == '0' {
		return false
	}
	var seen [10]uint8
	repeated := 0
	for _, c := range d[:10] {
		seen[c-'0']++
		switch seen[c-'0'] {
		case 2:
			repeated++
		case 4:
			return false
		}
	}
	if repeated != 1 {
		return false
	}
	product := 10
	for _, c := range d[:10] {
		sum := (int(c-'0') + product) % 10
		if sum == 0 {
			sum = 10
		}
		product = sum * 2 % 11
	}
	return (11-product)%10 == int(d[10]-'0')
}

// ssnValid reports whether the 9 digits d may be an SSN: its area is not
// 000, 666 or 9xx (never issued), nor its group 00 or its serial 0000.
func ssnValid(d []byte) bool {
	area := string(d[:3])
	return area != "000" && area != "666" && d[0] != '9' && string(d[3:5]) != "00" && string(d[5:]) != "0000"
}

// rrnValid reports whether the 13 digits d may be an RRN: a birth date
// (YYMMDD) and a sex digit of someone born since 1900 (1-4 for citizens,
// 5-8 for foreign residents). Its last digit was a check digit until
// October 2020 and is not since, so it is not checked.
func rrnValid(d []byte) bool {
	month := int(d[2]-'0')*10 + int(d[3]-'0')
	day := int(d[4]-'0')*10 + int(d[5]-'0')
	days := [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	return month >= 1 && month <= 12 && day >= 1 && day <= days[month] && d[6] >= '1' && d[6] <= '8'
}

// Verhoeff's check (dihedral group D5): the product table, and the
// permutation applied to the digit i places from the right (i mod 8).
var (
	verhoeffD = [10][10]uint8{
		{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
		{3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
		{6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
		{9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
	}
	verhoeffP = [8][10]uint8{
		{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
		{8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
		{2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8},
	}
)

// aadhaarValid reports whether the 12 digits d may be an Aadhaar number:
// the first is 2-9 and the last is the Verhoeff check digit of the others.
func aadhaarValid(d []byte) bool {
	if d[0] < '2' {
		return false
	}
	c := uint8(0)
	for i := range d {
		c = verhoeffD[c][verhoeffP[i%8][d[len(d)-1-i]-'0']]
	}
	return c == 0
}

// cpfValid reports whether the 11 digits d pass the CPF's two mod-11
// checks and are not all one digit (111.111.111-11 passes them, and is no
// one's).
func cpfValid(d []byte) bool {
	same := true
	for _, c := range d[1:] {
		same = same && c == d[0]
	}
	if same {
		return false
	}
	for n := 9; n <= 10; n++ {
		sum := 0
		for i, c := range d[:n] {
			sum += int(c-'0') * (n + 1 - i)
		}
		if check := sum * 10 % 11 % 10; check != int(d[n]-'0') {
			return false
		}
	}
	return true
}
