package detectors

import (
	"math/bits"
	"unicode/utf8"
)

// scanner is the state of one pass over b. Handlers start at an anchor byte,
// verify locally, emit spans in order and return where scanning resumes.
type scanner struct {
	set  *Set
	b    []byte
	dst  []Span
	hint Hint
	mask uint64 // phone regions for national formats
	// floor is where the last handler stopped: look-backs never cross it.
	floor int
	// emitted is the end of the last emitted span.
	emitted int
	// unread is the last address whose domain was none as read
	// ("0@é.é0:: x"): if a finding starts inside its run, the domain ends
	// there, as it will before the finding's token.
	unread unreadEmail
}

// unreadEmail is an address b[s:] whose domain was read from b[dom] up to
// b[stop] and found no domain.
type unreadEmail struct{ s, dom, stop int }

// firstAnchor returns the offset of the first byte of b that can start a
// finding, or len(b): the first anchor byte that is not idle.
func firstAnchor(b []byte) int {
	// Anchors are dense in records (digits, dots) and sparse in prose:
	// four bytes first, then sixteen at a time, two bytes per lookup of
	// anchorPair. The lookups are independent, and one slice of fixed
	// length takes one bounds check.
	i := 0
	if len(b) < 4 || anchorIn4(b[:4:4]) {
		for i < len(b) && anchor[b[i]] == 0 {
			i++
		}
		return i
	}
	// Past four bytes: prose, where idle anchors are skipped. The anchors
	// of a block are read off its mask one by one, so that passing an idle
	// one costs its check, not another pass over the block.
	for i = 4; len(b)-i >= 16; i += 16 {
		w := b[i : i+16 : i+16]
		x, y := le64(w), le64(w[8:])
		if anchorPair[uint16(x)]|anchorPair[uint16(x>>16)]|anchorPair[uint16(x>>32)]|anchorPair[x>>48]|
			anchorPair[uint16(y)]|anchorPair[uint16(y>>16)]|anchorPair[uint16(y>>32)]|anchorPair[y>>48] != 0 {
			for m := anchorMask16(w); m != 0; m &= m - 1 {
				if j := i + bits.TrailingZeros32(m); isDigit(b[j]) || !idle(b, j) {
					return j // a digit is never idle: no call
				}
			}
		}
	}
	for ; i < len(b); i++ {
		if anchor[b[i]] != 0 && !idle(b, i) {
			break
		}
	}
	return i
}

// anchorMask16 returns the mask of the anchor bytes of w, 16 bytes: bit j
// is set if w[j] is one. It is not inlined, so that firstAnchor's loop
// keeps its registers for the lookups.
//
//go:noinline
func anchorMask16(w []byte) uint32 {
	w = w[:16:16]
	x, y := le64(w), le64(w[8:])
	return uint32(anchorPair[uint16(x)]) | uint32(anchorPair[uint16(x>>16)])<<2 |
		uint32(anchorPair[uint16(x>>32)])<<4 | uint32(anchorPair[x>>48])<<6 |
		uint32(anchorPair[uint16(y)])<<8 | uint32(anchorPair[uint16(y>>16)])<<10 |
		uint32(anchorPair[uint16(y>>32)])<<12 | uint32(anchorPair[y>>48])<<14
}

// idle reports whether the anchor byte at b[i] starts nothing, as its
// handler would find from the bytes next to it, so that the scan may pass
// it without the handler's call: such bytes are common in prose.
//   - A '.' or '-' after a byte that is no hex digit (a sentence's end, a
//     hyphen), unless it may start a JWT's payload or end an API key's
//     prefix.
//   - A '.', '-' or ':' after a word whose hex digits before it are
//     letters ("e.g.", "square.", "face-to-face"), and before a byte that
//     is no hex digit, which a MAC, UUID or IPv6 address would go on with;
//     a ':' also not after a credential's label ("sharpen:", not "token:")
//     nor before another (IPv6's "::"), a '-' not ending an API key's
//     prefix.
//   - The first byte of a full-width letter or punctuation mark (Chinese
//     and Japanese "，（）：").
//
// Arabic and Devanagari letters are not idle: as dense as their text is
// with them, the handler's pass over a run of them is quicker. Before b[2]
// it reports false: b may start after bytes that matter.
func idle(b []byte, i int) bool {
	c := b[i]
	switch {
	case i < 2:
		return false
	case c == 0xEF:
		// '：' is marked as a finding's start, for a MAC in hex letters
		// alone after it ("MAC地址：EADEDBEFCCDA").
		return idleFullWidth(b, i) || b[i+2] == 0x9A && !mayBeHexLetterMAC(b, valueStart(b, i+3))
	case c == '-' && mayEndKeyPrefix(b, i), c == '.' && jwtPayloadAt(b, i+1):
		return false
	case (c == '.' || c == '-') && !isHex(b[i-1]):
		return true
	case c != '.' && c != '-' && c != ':':
		return c == '>' && !mayBeHexLetterMAC(b, valueStart(b, i+1)) // "<mac>FECECEBADDEB"
	}
	// After hex letters: a MAC, UUID or IPv6 address goes on with a hex
	// digit (or "::"); the handler reads back eight bytes at most.
	if i+1 < len(b) && (isHex(b[i+1]) || b[i+1] == ':') {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-8 && isHex(b[j]); j-- {
		if isDigit(b[j]) {
			return false
		}
	}
	return c != ':' || !labelBefore(b, i) && !mayBeHexLetterMAC(b, valueStart(b, i+1)) // "MAC: ABCDEFABCDEF"
}

// labelTail reports whether a credential's label ends with the letters
// x, y, z, the first two lower case ("ken" of "token").
func labelTail(x, y, z byte) bool {
	for _, l := range labelsByEnd[z] {
		if l[len(l)-2] == y && l[len(l)-3] == x {
			return true
		}
	}
	return false
}

// labelBefore reports whether a credential's label may end at b[i], the
// separator after it: b[i-1] is no letter (the label may end before a
// space or quote, "password :"), or ends one, or the word before b[i]
// starts out of view, at b[0].
func labelBefore(b []byte, i int) bool {
	if !isLetter(b[i-1]) {
		return true
	}
	if i >= 3 && isLetter(b[i-2]) && isLetter(b[i-3]) && !labelTail(lower(b[i-3]), lower(b[i-2]), b[i-1]) {
		return false // "sharpen:", "Note:"
	}
	j := i
	for j > 0 && i-j <= maxLabel && (isAlnum(b[j-1]) || b[j-1] == '_' || b[j-1] == '-') {
		j--
	}
	if j == 0 || i-j > maxLabel {
		return true
	}
	_, ok := credentialLabel(b, j, i)
	return ok
}

// idleFullWidth is idle for b[i] == 0xEF, the first byte of a full-width
// character: those that start a finding, its digits, '＋' and '＠', are all
// EF BC followed by a byte fullWidthFinding marks; and the small '﹫'.
func idleFullWidth(b []byte, i int) bool {
	if i+2 >= len(b) {
		return true
	}
	if b[i+1] != 0xBC {
		return !smallAtSign(b, i)
	}
	return !fullWidthFinding[b[i+2]]
}

// fullWidthColonAt reports whether b[i] starts a full-width colon, '：'
// (EF BC 9A), as Chinese and Japanese labels end.
func fullWidthColonAt(b []byte, i int) bool {
	return i+2 < len(b) && b[i] == 0xEF && b[i+1] == 0xBC && b[i+2] == 0x9A
}

// hexLetterMAC emits the MAC written bare in hex letters alone at b[v],
// right after a MAC's label ("mac=abcdefabcdef",
// "<mac>FECECEBADDEB", "MAC: ABCDEFABCDEF", "MAC地址：EADEDBEFCCDA"): no
// digit anchors it, so its label's last byte does. It returns where
// scanning resumes.
func (sc *scanner) hexLetterMAC(v int) (next int, ok bool) {
	start, end, ok := hexLetterMACAt(sc.b, v)
	if !ok || !macLabelBefore(sc.b, start) || !sc.emit(start, end, MAC) {
		return 0, false
	}
	return end, true
}

// hexLetterMACAt reports where twelve hex letters, and no letter or digit
// after them, start and end at b[v]: a MAC with no digit.
func hexLetterMACAt(b []byte, v int) (start, end int, ok bool) {
	end = v + 12
	if !mayBeHexLetterMAC(b, v) || end < len(b) && isAlnum(b[end]) {
		return 0, 0, false
	}
	for _, c := range b[v:end] {
		if !isHexLetter(c) {
			return 0, 0, false
		}
	}
	return v, end, true
}

// mayBeHexLetterMAC reports at a glance whether hexLetterMACAt may find
// twelve hex letters at b[v]: the first and the last are. idle asks it
// and leaves the rest to the handler.
func mayBeHexLetterMAC(b []byte, v int) bool {
	return v+12 <= len(b) && isHexLetter(b[v]) && isHexLetter(b[v+11])
}

// valueStart returns where the value after a label's ':' or '=' at
// b[v-1] starts: past up to two spaces, quotes or backslashes (`mac: `,
// `mac="`, `\"mac\":\"` in JSON held in a JSON string).
func valueStart(b []byte, v int) int {
	for n := 0; n < 2 && v < len(b) && (b[v] == ' ' || b[v] == '"' || b[v] == '\'' || b[v] == '\\'); n++ {
		v++
	}
	return v
}

// fullWidthFinding marks the last bytes c of the full-width characters EF
// BC c that start a finding, as digitAt, wideASCII and wideAtSign read them,
// and of '：' (9A), which a MAC in hex letters alone may follow.
var fullWidthFinding = func() (t [256]bool) {
	for c := range t {
		b := []byte{0xEF, 0xBC, byte(c)}
		_, w := digitAt(b, 0)
		t[c] = w > 0 || wideASCII(b, 0) == '+' || wideAtSign(b, 0) || fullWidthColonAt(b, 0)
	}
	return t
}()

// jwtPayloadAt reports whether b[i:] starts as a JWT's payload does.
func jwtPayloadAt(b []byte, i int) bool {
	return i+2 < len(b) && b[i] == 'e' && b[i+1] == 'y' && b[i+2] == 'J'
}

// anchorIn4 reports whether one of the four bytes of w is an anchor. Its
// callers slice w to exactly four bytes, so that the lookups take no
// bounds checks (callgrind: 14% more instructions on prose without).
func anchorIn4(w []byte) bool {
	w = w[:4:4]
	return anchor[w[0]]|anchor[w[1]]|anchor[w[2]]|anchor[w[3]] != 0
}

// run scans b from the anchor byte at b[i].
func (sc *scanner) run(i int) {
	b := sc.b
	n := len(b)
	for i < n {
		next := sc.at(i)
		if next <= i {
			next = i + 1
		}
		sc.floor = next
		if next >= n {
			return
		}
		i = next + firstAnchor(b[next:])
	}
}

// emit records a finding and reports whether it was kept (its kind is
// enabled and it does not overlap the previous one).
func (sc *scanner) emit(start, end int, k Kind) bool {
	if !sc.set.enabled[k] {
		return false
	}
	start = startOutsideEscape(sc.b, start)
	if start >= end || start < sc.emitted {
		return false
	}
	if u := sc.unread; start > u.dom && start <= u.stop {
		sc.unread = unreadEmail{}
		if end, _, ok := domainAt(sc.b[:start], u.dom); ok && sc.set.enabled[Email] {
			sc.dst = append(sc.dst, Span{Start: u.s, End: end, Kind: Email})
		}
	}
	sc.dst = append(sc.dst, Span{Start: start, End: end, Kind: k})
	sc.emitted = end
	return true
}

// boundaryBefore reports whether a word starts at b[i]: after a byte that
// is no part of a word, or right after the last finding, where redacting
// again finds the end of its token.
func (sc *scanner) boundaryBefore(i int) bool {
	return i > 0 && i == sc.emitted || boundaryBefore(sc.b, i)
}

// ipv6At is ipv6At on the bytes after the last finding: an address next to
// one is read as it is next to its token.
func (sc *scanner) ipv6At(i int) (end int, ok bool) {
	lo := sc.emitted
	end, ok = ipv6At(sc.b[lo:], i-lo)
	return lo + end, ok
}

// afterEncodedColon reports whether b[i] follows "%3A", as the number of a
// URL-encoded "tel:" link does ("tel%3A%2B8613800138000").
func afterEncodedColon(b []byte, i int) bool {
	c, ok := escapedBefore(b, i)
	return ok && c == ':'
}

// at dispatches on the anchor byte at b[i].
func (sc *scanner) at(i int) int {
	b := sc.b
	switch anchor[b[i]] {
	case cAnchorDigit:
		return sc.word(i)
	case cAnchorAt:
		return sc.email(i, i+1)
	case cAnchorPct:
		if l := atLen(b, i); l > 0 {
			return sc.email(i, i+l) // "%40", or "%2540" in a URL encoded again
		}
		if encodedPlusAt(b, i) && i+3 < len(b) && isDigit(b[i+3]) && (sc.boundaryBefore(i) || afterEncodedColon(b, i)) {
			return sc.number(i+3, i) // "phone=%2B8613800138000" in a query string
		}
		if encodedColonAt(b, i) {
			return sc.sep(i) // "mac=aa%3Abb%3A…" in a query string
		}
	case cAnchorEsc:
		l := escapeLen(b, i)
		if l == 6 && b[i+2] == '0' && b[i+3] == '0' && b[i+4] == '4' && b[i+5] == '0' {
			return sc.email(i, i+6)
		}
		return sc.escape(i, l)
	case cAnchorSep:
		switch {
		case b[i] == '>':
			if next, ok := sc.hexLetterMAC(valueStart(b, i+1)); ok {
				return next // "<mac>FECECEBADDEB"
			}
			return i + 1
		case b[i] == ':':
			if next := sc.credential(i); next > i+1 {
				return next // "Authorization: Bearer …"
			}
			if v := valueStart(b, i+1); mayBeHexLetterMAC(b, v) {
				if next, ok := sc.hexLetterMAC(v); ok {
					return next // "MAC: ABCDEFABCDEF"
				}
			}
		case b[i] == '-' && mayEndKeyPrefix(b, i):
			if next := sc.apiKey(i); next > i+1 {
				return next // "sk-proj-…"
			}
		}
		return sc.sep(i)
	case cAnchorKey:
		if b[i] == '_' {
			if !mayEndKeyPrefix(b, i) {
				return i + 1
			}
			return sc.apiKey(i)
		}
		if next := sc.credential(i); next > i+1 {
			return next
		}
		if v := valueStart(b, i+1); mayBeHexLetterMAC(b, v) {
			if next, ok := sc.hexLetterMAC(v); ok {
				return next // "mac=abcdefabcdef"
			}
		}
		return i + 1
	case cAnchorPlus:
		if _, w := digitAt(b, i+1); w > 0 && sc.boundaryBefore(i) {
			return sc.number(i+1, i)
		}
	case cAnchorWide:
		if fullWidthColonAt(b, i) {
			if next, ok := sc.hexLetterMAC(valueStart(b, i+3)); ok {
				return next // "MAC地址：EADEDBEFCCDA"
			}
		}
		if _, w := digitAt(b, i); w > 0 {
			return sc.number(i, i)
		}
		if wideASCII(b, i) == '+' {
			if _, w := digitAt(b, i+3); w > 0 && sc.boundaryBefore(i) {
				return sc.number(i+3, i) // "＋８６ １３８ ００１３ ８０００"
			}
		}
		if wideAtSign(b, i) {
			return sc.email(i, i+3) // "li.wei＠163.com", as CJK keyboards type it
		}
		return skipLetters(b, nextRune(b, i))
	}
	return i + 1
}

// skipLetters returns where the text at b[i], after the first byte of a
// letter that shares it with a digit (Arabic, Devanagari) or of a
// full-width character that is no digit, '＠' or '＋', stops being such
// text: it passes the letters of those scripts, and the spaces and
// punctuation between their words, whose text is so dense with anchors
// that a handler's call per letter would cost more than the letters. It
// stops at a digit, at an ASCII anchor, letter or digit (which a look-back
// from a finding after it may need), at a character of another script or
// a broken one, and at eight ASCII bytes, which firstAnchor passes
// quicker. A stray continuation byte is passed alone, as nextRune passes
// it.
func skipLetters(b []byte, i int) int {
	for i < len(b) {
		c := b[i]
		// A two-byte character, or a three-byte one led by E0
		// (Devanagari): its code point is below U+1000.
		if c >= 0xC2 && c <= 0xE0 && i+1 < len(b) && b[i+1]&0xC0 == 0x80 {
			cp, n := uint(c&0x1F)<<6|uint(b[i+1]&0x3F), 2
			if c == 0xE0 {
				if i+2 >= len(b) || b[i+2]&0xC0 != 0x80 {
					return i
				}
				cp, n = uint(b[i+1]&0x3F)<<6|uint(b[i+2]&0x3F), 3
			}
			if digitBelow4096[cp>>6]>>(cp&63)&1 != 0 {
				return i
			}
			i += n
			continue
		}
		if c&0xC0 != 0x80 && (c >= utf8.RuneSelf || anchor[c] != 0 || isAlnum(c) || len(b)-i >= 8 && le64(b[i:])&0x8080808080808080 == 0) {
			return i
		}
		i++ // an ASCII space or mark, or a stray continuation byte
	}
	return i
}

// digitBelow4096 marks the code points below U+1000 that digitAt reads as
// digits (Arabic-Indic, Extended Arabic-Indic, Devanagari), for
// skipLetters.
var digitBelow4096 = func() (set [4096 / 64]uint64) {
	for cp := rune(0x80); cp < 0x1000; cp++ {
		if _, w := digitAt([]byte(string(cp)), 0); w > 0 {
			set[cp>>6] |= 1 << (cp & 63)
		}
	}
	return set
}()

// nextRune returns the index after the UTF-8 sequence that starts at b[i]:
// its continuation bytes are skipped, never an ASCII byte, so that broken
// text cannot hide a digit.
func nextRune(b []byte, i int) int {
	i++
	for i < len(b) && b[i]&0xC0 == 0x80 {
		i++
	}
	return i
}

// word handles a digit at b[p]: it finds the start of the hex word around it
// and tries every kind that can start there.
func (sc *scanner) word(p int) int {
	b := sc.b
	// An IBAN's country code comes before its first digit, and so does a
	// National Insurance number's prefix, with a space or not.
	if p-2 >= sc.floor && isLetter(b[p-2]) {
		switch {
		case isLetter(b[p-1]) && sc.boundaryBefore(p-2):
			if end, ok := ibanAt(b, p-2); ok && sc.emit(p-2, end, IBAN) {
				return end
			}
			if end, ok := sc.ninoAt(p - 2); ok && sc.emit(p-2, end, NINO) {
				return end
			}
		case b[p-1] == ' ' && p-3 >= sc.floor && b[p-3]-'A' < 26 && sc.boundaryBefore(p-3):
			if end, ok := sc.ninoAt(p - 3); ok && sc.emit(p-3, end, NINO) {
				return end
			}
		}
	}
	// "&#64;", "&#x40;": an address's '@' as HTML writes it.
	if p >= 2 && (b[p-1] == '#' || b[p-1]|0x20 == 'x' && b[p-2] == '#') {
		if at := htmlAtBefore(b, p); at >= 0 {
			return sc.email(at, at+atLen(b, at))
		}
	}
	ws := p
	// 16 hex digits back: the longest word a kind starts with (an
	// ANDROID_ID; a UUID's first group has 8).
	for ws > sc.floor && ws > p-16 && isHex(b[ws-1]) {
		ws--
	}
	// The hex digits of a URL escape are no word's: "%E6%9C%BA13800138000"
	// (手机, encoded) starts a number at "138", "%20138%200013" at "138".
	if ws > 0 && b[ws-1] == '%' && ws+1 < len(b) && isHex(b[ws+1]) {
		if p-ws < 2 {
			return ws + 2
		}
		ws += 2
	}
	if !sc.boundaryBefore(ws) {
		return sc.inWord(p, ws)
	}
	return sc.token(ws)
}

// inWord handles a digit at b[p] inside a word, whose hex digits before it
// start at b[ws], and returns where scanning resumes: the kinds whose
// digits come after letters of their own are tried, and other words
// skipped. It is not inlined: the words it passes are common in records
// ("SM-G991B", "x86_64"), its finds rare.
//
//go:noinline
func (sc *scanner) inWord(p, ws int) int {
	b := sc.b
	// A private key's body after its PEM header and a space, as a line
	// with its breaks turned to spaces holds one.
	if start, ok := pemBodyAround(b, p); ok {
		if end, ok := privateKeyAt(b, start); ok && sc.emit(start, end, Secret) {
			return end
		}
	}
	// An unlabeled cloud key: "AKIAIOSFODNN7EXAMPLE".
	if start, end, ok := cloudKeyAround(b, sc.emitted, p); ok && sc.emit(start, end, Secret) {
		return end
	}
	// A wallet's address that starts with a letter: "TR7NHqjeKQxG…".
	if start, end, ok := letterWalletAround(b, sc.emitted, p); ok && sc.emit(start, end, Wallet) {
		return end
	}
	// A host name that glues a dashed address to a word, as Cox's
	// "ip68-100-1-2.ri.ri.cox.net" and BT's "host86-150-1-2.range86-150…"
	// do: the address is an IPv4's, as after a dash (see hostIPv4At).
	if gluedHostIPv4(b, sc.floor, p) {
		if end, ok := hostIPv4At(b, p); ok && sc.emit(p, end, IPv4) {
			return end
		}
	}
	// A Spanish NIE's letter comes before its digits: "X1234567L".
	if ws == p && p-1 >= sc.floor && b[p-1] >= 'X' && b[p-1] <= 'Z' && sc.boundaryBefore(p-1) {
		if end := nieAt(b, p-1); end > 0 && sc.emit(p-1, end, DNI) {
			return end
		}
	}
	return skipWord(b, p)
}

// credential handles '=' or ':' at b[i], which may end a credential's
// label, and returns where scanning resumes.
func (sc *scanner) credential(i int) int {
	start, end, ok := credentialAt(sc.b, sc.emitted, i)
	if !ok {
		return i + 1
	}
	if next, ok := sc.groupedAt(start, end); ok {
		return next // "api_key: DE89 3704 0044 0532 0130 00": the IBAN, not its first group
	}
	if sc.emit(start, end, Secret) {
		return end
	}
	return i + 1
}

// groupedAt emits the identifier printed in groups (an IBAN, or a number: a
// phone, card or national number) that starts at b[start] and runs past
// b[end], the space where a credential's value read from start ends, and
// returns where scanning resumes. Of two findings that start together the
// longer wins, and the value's first group alone would leave the rest.
func (sc *scanner) groupedAt(start, end int) (next int, ok bool) {
	b := sc.b
	if end >= len(b) || b[end] != ' ' {
		return 0, false
	}
	if start+1 < len(b) && isLetter(b[start]) && isLetter(b[start+1]) {
		if e, ok := ibanAt(b, start); ok && e > end && sc.emit(start, e, IBAN) {
			return e, true
		}
		return 0, false
	}
	p := start
	if b[p] == '+' {
		p++
	}
	if p >= len(b) || !isDigit(b[p]) {
		return 0, false
	}
	n, emitted, unread := len(sc.dst), sc.emitted, sc.unread
	if next := sc.number(p, start); len(sc.dst) > n && sc.dst[len(sc.dst)-1].End > end {
		return next, true
	}
	sc.dst, sc.emitted, sc.unread = sc.dst[:n], emitted, unread
	return 0, false
}

// apiKey handles the '-' or '_' at b[i], which may end the prefix of an
// API key, and returns where scanning resumes.
func (sc *scanner) apiKey(i int) int {
	if start, end, ok := apiKeyAt(sc.b, i); ok && sc.emit(start, end, Secret) {
		return end
	}
	return i + 1
}

// escape handles the JSON escape of l bytes at b[i], or a lone backslash
// (l is 0), that is no address's '@', and returns where scanning resumes:
// a line break after the first line of a PEM block starts the private key
// it may hold ("-----BEGIN RSA PRIVATE KEY-----\nMIIE…"), as JSON and
// loggers write one. The dashes before it were passed as idle: they cost
// prose its hyphens' check.
func (sc *scanner) escape(i, l int) int {
	if l == 2 && i > 0 && sc.b[i-1] == '-' {
		if start, ok := pemBeginBefore(sc.b, i); ok {
			if end, ok := privateKeyAt(sc.b, start); ok && sc.emit(start, end, Secret) {
				return end
			}
		}
	}
	return i + max(l, 1)
}

// sep handles ':', '-' or '.' at b[i], which may follow hex letters that
// start a MAC address, UUID or IPv6 address ("fe80::1", "ab:cd:...").
func (sc *scanner) sep(i int) int {
	b := sc.b
	if b[i] == '.' && jwtPayloadAt(b, i+1) {
		if start, end, ok := jwtAround(b, sc.emitted, i); ok && sc.emit(start, end, Secret) {
			return end
		}
	}
	ws := i
	for ws > sc.floor && ws > i-8 && isHex(b[ws-1]) {
		ws--
	}
	if ws == i {
		if b[i] == ':' && i+1 < len(b) && b[i+1] == ':' && sc.boundaryBefore(i) {
			if end, ok := sc.ipv6At(i); ok {
				sc.emit(i, end, IPv6)
				return end
			}
		}
		return i + 1
	}
	if !sc.boundaryBefore(ws) {
		return i + 1
	}
	return max(sc.token(ws), i+1)
}

// token tries the hex-shaped kinds at b[ws], then the numeric ones.
func (sc *scanner) token(ws int) int {
	b := sc.b
	r := ws
	digits := true
	for r < len(b) && isHex(b[r]) {
		digits = digits && isDigit(b[r])
		r++
	}
	run := r - ws
	if digits && r < len(b) && (isLetter(b[r]) || b[r] == '_') {
		if run < 7 {
			// A number and a unit or suffix ("4k", "19th",
			// "1920x1080", "250ms"): too short for a phone, and no
			// separator joins it to more, as skimShort would find at
			// more cost. Or a wallet's address: "3J98t1WpEZ73…",
			// "0x5290…".
			if end := skipWord(b, r); end-ws < minWallet {
				return end
			}
			return sc.wallet(ws)
		}
		if (b[ws] == '1' || b[ws] == '3') && skipWord(b, r)-ws >= minWallet {
			// One that starts with seven digits or more:
			// "1224246jbkki4SjB…".
			if end, ok := walletAt(b, ws); ok && sc.emit(ws, end, Wallet) {
				return end
			}
		}
	}
	if digits {
		if end, ok := timestampAt(b, ws, run); ok {
			return end
		}
	}
	if r < len(b) {
		switch b[r] {
		case ':':
			if run == 2 {
				if end, ok := macAt(b, ws, ':'); ok {
					sc.emit(ws, end, MAC)
					return end
				}
				if dstEnd, srcEnd, ok := macHeaderAt(b, ws); ok {
					sc.emit(ws, dstEnd, MAC)
					sc.emit(dstEnd+1, srcEnd, MAC)
					return srcEnd
				}
			}
			if run <= 2 {
				if end, ok := shortMACAt(b, ws); ok {
					sc.emit(ws, end, MAC) // "0:1a:2b:3c:4d:5e"
					return end
				}
			}
			if run <= 4 {
				if end, ok := sc.ipv6At(ws); ok {
					sc.emit(ws, end, IPv6)
					return end
				}
			}
		case '-':
			if run == 8 {
				if end, ok := uuidAt(b, ws); ok {
					if sc.hint.Kind == ADID || hasLabel(b, ws, sc.set.adidWords) {
						sc.emit(ws, end, ADID)
					}
					return end // other UUIDs (request ids) are skipped whole
				}
				if end := ws + 25; end <= len(b) && udid(b[ws:end]) && boundaryAfter(b, end) &&
					(sc.hint.Kind == ADID || hasLabel(b, ws, sc.set.adidWords)) {
					sc.emit(ws, end, ADID) // "udid=00008030-001A2B3C4D5E802E"
					return end
				}
			}
			if run == 2 {
				if end, ok := macAt(b, ws, '-'); ok {
					sc.emit(ws, end, MAC)
					return end
				}
			}
			// "aabb-ccdd-eeff"; digits alone so grouped are left to the
			// number reader, as phone numbers are written so too.
			if run == 4 {
				if end, ok := groupedMACAt(b, ws, '-'); ok && hasHexLetter(b[ws:end]) {
					sc.emit(ws, end, MAC)
					return end
				}
			}
		case '%':
			if run == 2 {
				if end, ok := encodedMACAt(b, ws); ok {
					sc.emit(ws, end, MAC)
					return end
				}
			}
			if run <= 4 {
				if end, ok := encodedIPv6At(b, ws); ok {
					sc.emit(ws, end, IPv6) // "ip=2001%3Adb8%3A%3A1" in a query string
					return end
				}
			}
		case '.':
			if run == 4 {
				if end, ok := groupedMACAt(b, ws, '.'); ok {
					sc.emit(ws, end, MAC)
					return end
				}
			}
		}
	}
	// Bare hex after a label, as key=value logs write them: a MAC
	// ("mac=aabbccddeeff"), a CDMA phone's MEID (14 hex digits after
	// "meid"), an ANDROID_ID (16 hex digits after an advertising-ID word),
	// an IDFA or GAID without its dashes (32) or an old iOS UDID (40).
	if run == 12 && boundaryAfter(b, r) && macLabelBefore(b, ws) {
		sc.emit(ws, r, MAC)
		return r
	}
	if run == 14 && !digits && boundaryAfter(b, r) && (sc.hint.Kind == IMEI || hasLabel(b, ws, imeiWords)) {
		sc.emit(ws, r, IMEI)
		return r
	}
	if (run == 16 && !digits || run == 32 || run == 40) && boundaryAfter(b, r) && (sc.hint.Kind == ADID || hasLabel(b, ws, sc.set.adidWords)) {
		sc.emit(ws, r, ADID)
		return r
	}
	if digits && run <= 3 && r < len(b) && b[r] == '-' {
		if end, ok := hostIPv4At(b, ws); ok {
			sc.emit(ws, end, IPv4) // "c-73-158-12-4.hsd1.ca.comcast.net"
			return end
		}
	}
	if digits {
		if next, ok := skimShort(b, ws); ok {
			return next
		}
		if run <= 3 && r < len(b) && b[r] == '.' {
			if end, ok := sc.standaloneIPv4(ws); ok {
				return end
			}
		}
		return sc.number(ws, ws)
	}
	if run == 9 && hexDNI(b[ws:r]) && boundaryAfter(b, r) && sc.emit(ws, r, DNI) {
		return r
	}
	// A word that runs into an address's local part ("0…0A0…0@163.com")
	// ends where that part starts, and is read as it will be before the
	// address's token (sc.number does so for numbers).
	if p := addressInto(b, ws, r); p > ws {
		return sc.readBefore(p, func() int { return sc.token(ws) })
	}
	if end := skipWord(b, r); end-ws < minWallet {
		return end
	}
	return sc.wallet(ws) // "1BvBMSEYstWetqTFn5…", "bc1qar0s…"
}

// wallet emits the cryptocurrency address at b[ws], the start of a word
// long enough to be one, if there is one there, and returns where
// scanning resumes: after the address, or else after the word.
func (sc *scanner) wallet(ws int) int {
	if end, ok := walletAt(sc.b, ws); ok && sc.emit(ws, end, Wallet) {
		return end
	}
	return skipWord(sc.b, ws)
}

// standaloneIPv4 reads the IPv4-shaped number at b[ws], four dotted groups of at
// most three digits that stand alone, as access logs and telemetry write
// addresses, without the general number reader, and emits it if it is an
// address; it reports false for any other number, and for one whose
// neighbours the reader would weigh (a parenthesis, a port, a prefix
// length, more digits or letters).
func (sc *scanner) standaloneIPv4(ws int) (end int, ok bool) {
	b := sc.b
	if ws > 0 && b[ws-1] == '(' || ws >= 3 && wideASCII(b, ws-3) == '(' {
		return 0, false
	}
	nm := number{start: ws, groups: 4, seps: sepDot}
	i := ws
	for g := range 4 {
		if g > 0 {
			if i >= len(b) || b[i] != '.' {
				return 0, false
			}
			i++
		}
		gs := i
		for i < len(b) && i-gs < 3 && isDigit(b[i]) {
			nm.d[nm.nd] = b[i]
			nm.nd++
			i++
		}
		if i == gs {
			return 0, false
		}
		nm.glen[g] = uint8(i - gs)
	}
	if i < len(b) {
		switch b[i] {
		case ' ', '"', ']', ')', ';', '&', '>', '\t':
		case ',':
			// A list's ("X-Forwarded-For: 1.2.3.4, 5.6.7.8"), not
			// "1.2.3.4,5": the number reader weighs digits after it.
			if i+1 < len(b) && (isDigit(b[i+1]) || b[i+1] == '<') {
				return 0, false
			}
		default:
			return 0, false
		}
	}
	if !nm.dottedQuad() {
		return 0, false
	}
	nm.end = i
	sc.ipv4(&nm)
	return i, true
}

// readBefore returns what read returns on the bytes before b[end], as they
// will read once an address's token starts there.
func (sc *scanner) readBefore(end int, read func() int) int {
	b := sc.b
	sc.b = b[:end]
	next := read()
	sc.b = b
	return next
}

// maxSkim bounds the run skimShort reads: the longest short number with
// its separators ("+1 (415) 555-0132 x1234") is far shorter.
const maxSkim = 64

// skimShort passes over a run of digits and separators at b[p] that cannot
// hold a finding: fewer than 7 digits (the shortest phone number) and fewer
// than 3 dots (an IPv4 address), read without the cost of readNumber. Most
// digit runs are such: versions, sizes, HTTP statuses, parts of dates. It
// returns where scanning resumes, or false when the run needs a full read
// (it may be a finding, or what follows it changes its meaning). It reads
// at most maxSkim bytes: a longer run takes the full read, which stops
// after a few groups, so that a line of "1 1 1 …" costs its length, not its
// square.
func skimShort(b []byte, p int) (next int, ok bool) {
	digits, dots, last, lastDot := 0, 0, p, p
	i, end := p, min(len(b), p+maxSkim)
	for ; i < end; i++ {
		switch c := b[i]; {
		case isDigit(c):
			digits++
			last = i + 1
			continue
		case c == '.':
			dots++
			lastDot = i
			continue
		case c == ' ' || c == '-' || c == '(' || c == ')' || c == '+':
			continue
		case c == '%' && i+2 < len(b) && b[i+1] == '2' && b[i+2] == '0':
			i += 2 // "%20", a URL-encoded space
			continue
		}
		break
	}
	switch {
	case i == p+maxSkim:
		return 0, false
	case dots >= 2 && last-lastDot > 4:
		// Three groups or more, the last longer than an IPv4 octet.
		return skimDotted(b, p)
	case digits >= 7 || dots >= 3:
		return 0, false
	case i == len(b):
		return i, true
	}
	switch c := b[i]; {
	case i == last && (isAlnum(c) || c == '_'):
		if last-p != digits {
			// "0 3a:ae:76:96:6c:20": where the number ends and what
			// follows it begins takes the full reader.
			return 0, false
		}
		return skipWord(b, i), true // "1920x1080", "123ms", "2026T"
	case c == ',' || c == ':' || c == '/' || c == '%' || c >= utf8.RuneSelf || encodedAt(b, i):
		return 0, false // "1,299", "10:11:12", "02/06/2026", full-width digits, "123@...", "0 12%3A34%3A…"
	}
	return last, true
}

// skimDotted passes over digit groups joined by single dots at b[p] that
// can be no finding: three groups or more, so no price or decimal, shaped
// neither like an IPv4 address (four groups of at most three digits) nor
// like the dotted phone numbers classifyNumber takes ("415.555.0132",
// "06.01.54.62.83"). Build numbers and long versions are such
// ("4.11.3.1999"). It returns false when the run is not of that shape, or
// when what follows it (a letter, a port, an address) takes the full reader.
func skimDotted(b []byte, p int) (next int, ok bool) {
	groups, digits, longest, run := 1, 0, 0, 0
	i := p
	for ; i < len(b) && groups < maxGroups && digits <= maxDigits; i++ {
		c := b[i]
		if isDigit(c) {
			digits++
			run++
			longest = max(longest, run)
			continue
		}
		if c != '.' || run == 0 || i+1 == len(b) || !isDigit(b[i+1]) {
			break
		}
		groups++
		run = 0
	}
	switch {
	case groups < 3 || groups >= maxGroups || digits > maxDigits,
		groups == 4 && longest <= 3,
		groups == 3 && digits >= 9, groups == 5 && digits == 10:
		return 0, false
	case i == len(b):
		return i, true
	}
	switch c := b[i]; {
	case isAlnum(c) || c == '_' || c == ' ' || c == '-' || c == '(' || c == ')' ||
		c == ',' || c == ':' || c == '/' || c >= utf8.RuneSelf || encodedAt(b, i),
		c == '.' && i+1 < len(b) && b[i+1] == '(': // "10.1.2.(3": a group in parentheses
		return 0, false
	}
	return i, true
}
