package detectors

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

const (
	maxLocalLen  = 64
	maxDomainLen = 253
)

// email handles an '@' (or its encoded form "%40", "\u0040" or "&#64;", or
// the full-width '＠') spanning b[at:dom]: the local part is found backwards from
// at, the domain forwards from dom. Either may be typed in full-width
// characters, as a CJK keyboard in full-width mode writes them
// ("ｌｉ．ｗｅｉ＠１６３．ｃｏｍ").
func (sc *scanner) email(at, dom int) int {
	b := sc.b
	// The local part may reach back over bytes an earlier handler skipped
	// (digits in "li.wei2024@..."), but never into an emitted span.
	s := localStart(b, sc.emitted, at)
	if s >= at || dotBefore(b, at) {
		return dom
	}
	// A URL's user name and password: "https://alice:hunter2@api.example.com",
	// "redis://:hunter2@10.0.0.5"; the host is read on. With SECRET off,
	// the password and host are read as an address.
	if u, ok := userinfoStart(b, sc.emitted, s); ok && dom == at+1 && sc.emit(u, at, Secret) {
		return dom
	}
	end, stop, ok := addressDomain(b, dom)
	if !ok {
		sc.unread = unreadEmail{s, dom, stop}
		return dom
	}
	sc.emit(s, end, Email)
	return end
}

// userinfoStart reports whether the local part at b[s] is the password of
// a URL's userinfo, after "//", a user name (maybe none) and ':', reading
// back no further than lo, and returns where the userinfo starts.
func userinfoStart(b []byte, lo, s int) (int, bool) {
	if s-1 <= lo || b[s-1] != ':' {
		return s, false
	}
	u := s - 1
	for u > lo && s-u < maxLocalLen && isLocal(b[u-1]) {
		u--
	}
	return u, u-2 >= lo && b[u-1] == '/' && b[u-2] == '/'
}

// addressDomain reads the domain of an address at b[dom]. A domain that runs
// into the local part of another '@' ("0@é.é0@é.é") ends, once that address
// is a token, where its local part starts: it is read so now, and redacting
// twice changes nothing. A domain that is read whole needs no cut: the other
// local part stops at its end. stop is where the whole read ended.
func addressDomain(b []byte, dom int) (end, stop int, ok bool) {
	end, stop, ok = domainAt(b, dom)
	if !ok {
		if p, _ := nextLocalStart(b, dom, stop, false); p > dom {
			end, _, ok = domainAt(b[:p], dom)
		}
	}
	return end, stop, ok
}

// localStart returns where the local part before the '@' at b[at] starts,
// reading back no further than lo. An internationalized local part (RFC
// 6531) is read too: letters of the alphabets that separate words with
// spaces mix with ASCII ("josé", "müller", "иван"); one of another script
// ("用户", "홍길동") is read only when it ends at the '@', and holds nothing
// else, for CJK text runs into an address with no space ("联系我li@163.com").
func localStart(b []byte, lo, at int) int { return readLocalStart(b, lo, at, true) }

// afterEncodedBreak returns where the local part b[s:at] before a URL-encoded
// '@' starts once it is cut after the last "%XX" escape of a byte no local
// part holds: in "q=hi%20li.wei%40163.com" and "next=%2F%3Femail%3Dli.wei%40…"
// the address is li.wei's. An escape encoded again ("%253D") counts too.
func afterEncodedBreak(b []byte, s, at int) int {
	for j := at - 3; j >= s; j-- {
		if b[j] != '%' || !isHex(b[j+1]) || !isHex(b[j+2]) {
			continue
		}
		c := hexVal(b[j+1])<<4 | hexVal(b[j+2])
		if c == '%' && j+4 < at && isHex(b[j+3]) && isHex(b[j+4]) {
			c = hexVal(b[j+3])<<4 | hexVal(b[j+4])
		}
		if c != '@' && (!isLocal(c) || c == '%') { // an '@' no domain follows is read on, as nextLocalStart reads it
			return skipLeadingDots(b, j+3, at)
		}
	}
	return s
}

// readLocalStart is localStart, reading only ASCII (and full-width) local
// parts unless intl.
func readLocalStart(b []byte, lo, at int, intl bool) int {
	s := at
	if intl && s > lo && b[s-1] >= utf8.RuneSelf {
		if r, _ := utf8.DecodeLastRune(b[lo:s]); scriptRune(r) && !idnLetter(r) {
			return scriptLocalStart(b, lo, at)
		}
	}
	for s > lo && at-s < maxLocalLen {
		if isLocal(b[s-1]) {
			s--
		} else if s-3 >= lo && isWideLocal(wideASCII(b, s-3)) {
			s -= 3
		} else if !intl || b[s-1] < utf8.RuneSelf {
			break
		} else if r, w := utf8.DecodeLastRune(b[lo:s]); localLetter(r) {
			s -= w
		} else {
			break
		}
	}
	if s > lo && b[s-1] == '=' {
		s = verpLocalStart(b, lo, s, at)
	}
	s = skipLeadingDots(b, s, at)
	if b[at] == '%' {
		s = afterEncodedBreak(b, s, at)
	}
	return startOutsideEscape(b, s)
}

// verpLocalStart returns where the local part b[s:at], after an '=', starts
// when it is the end of a VERP address, as mailing lists and bulk senders
// write a recipient's address into their return path
// ("bounces+jane=example.com@lists.example.org"): a word with a '+' inside
// before the '=', and a domain's dot after it. Otherwise it returns s, as
// "email=jane@example.com" is a parameter's name and its value.
func verpLocalStart(b []byte, lo, s, at int) int {
	if bytes.IndexByte(b[s:at], '.') < 0 {
		return s
	}
	t, plus := s-1, false
	for t > lo && s-1-t < maxLocalLen && isLocal(b[t-1]) {
		t--
		plus = plus || b[t] == '+' && t+1 < s-1
	}
	if !plus || b[t] == '+' || t > lo && (b[t-1] == '=' || b[t-1] == '&' || b[t-1] == '?') {
		return s
	}
	return t
}

// skipLeadingDots returns where the local part b[s:at] starts without the
// dots, plus and minus signs and apostrophes no local part starts with.
func skipLeadingDots(b []byte, s, at int) int {
	for s < at {
		if c := b[s]; c == '.' || c == '+' || c == '-' || c == '\'' {
			s++
		} else if c := wideASCII(b, s); c == '.' || c == '+' || c == '-' {
			s += 3
		} else {
			break
		}
	}
	return s
}

// scriptLocalStart returns where a local part of letters and marks of a
// script other than idnLetter's, ending at b[at], starts.
func scriptLocalStart(b []byte, lo, at int) int {
	s := at
	for s > lo && at-s < maxLocalLen {
		r, w := utf8.DecodeLastRune(b[lo:s])
		if !scriptRune(r) && !unicode.IsMark(r) || idnLetter(r) {
			break
		}
		s -= w
	}
	return s
}

// localLetter reports whether r, beyond ASCII, may be in a local part or
// label that holds ASCII: a letter of idnLetter's alphabets, or a combining
// mark ("mu\u0308ller", decomposed as macOS writes it).
func localLetter(r rune) bool { return idnLetter(r) || r != utf8.RuneError && unicode.IsMark(r) }

// isWideLocal reports whether the full-width form of c may be part of a
// local part. A full-width '％' encodes nothing.
func isWideLocal(c byte) bool { return c != '%' && isLocal(c) }

// intlLetterLen returns the length of the localLetter at b[i], or 0 if
// there is none.
func intlLetterLen(b []byte, i int) int {
	if r, w := utf8.DecodeRune(b[i:]); localLetter(r) {
		return w
	}
	return 0
}

// dotBefore reports whether a '.', plain or full-width, ends b[:i].
func dotBefore(b []byte, i int) bool {
	return b[i-1] == '.' || i >= 3 && wideASCII(b, i-3) == '.'
}

// nextLocalStart returns where the local part of an '@' at or after
// b[end], reached over local-part bytes, starts when that is at or before
// end (it reaches back into what ends there: a domain, a number, an IPv6
// run), reading back no further than lo, and where the '@' is; p is -1
// otherwise. If intl, the local part is read as the '@' handler reads it,
// with the letters of an internationalized one ("0000ħ00@0.AA" after a
// number); a domain's letters are the domain's.
func nextLocalStart(b []byte, lo, end int, intl bool) (p, at int) {
	at = end
	for n := 0; at < len(b) && n < maxLocalLen; n++ {
		// A "%40" that no domain follows is local-part bytes of a later
		// '@', as the '@' handler reads it ("0%40%400.AA").
		if isLocal(b[at]) && (b[at] != '%' || !encodedAt(b, at) || !domainAfter(b, at+atLen(b, at))) {
			at++
		} else if isWideLocal(wideASCII(b, at)) {
			at += 3
		} else if intl && b[at] >= utf8.RuneSelf && intlLetterLen(b, at) > 0 {
			at += intlLetterLen(b, at)
		} else {
			break
		}
	}
	if !encodedAt(b, at) {
		return -1, at
	}
	if p := readLocalStart(b, lo, at, intl); p <= end {
		return p, at
	}
	return -1, at
}

// domainAfter reports whether a domain starts at b[i].
func domainAfter(b []byte, i int) bool {
	_, _, ok := domainAt(b, i)
	return ok
}

// addressInto returns where the local part of an address that a run ending
// at b[end] (a number, an IPv6 run) goes into starts, when that is inside
// the run, after b[lo], and an address will be found there; -1 otherwise.
// The run ends there, as it will before the address's token.
func addressInto(b []byte, lo, end int) int {
	p, at := nextLocalStart(b, lo, end, true)
	if p <= lo || dotBefore(b, at) {
		return -1
	}
	if _, _, ok := addressDomain(b, at+atLen(b, at)); !ok {
		return -1
	}
	return p
}

// domainAt parses a domain name at b[i] and returns its end: two or more
// labels, a last label of at least two letters or a punycode "xn--" label.
// A label is letters, digits and hyphens (with non-ASCII letters of Latin,
// Greek or Cyrillic script, for internationalized names), or, when it starts
// with a letter of another script (例え.jp, 제주.kr, .中国), letters and
// marks of any script, digits and hyphens, or full-width letters, digits and
// hyphens (ｑｑ．ｃｏｍ, labels may be joined by '．' too, and by the
// ideographic full stop '。' unless '.' joined a top-level domain before it). An ASCII label ends
// at a letter of another script: CJK text follows an address with no space
// ("li@163.com给我"). stop is where reading ended, whether or not there was
// a domain.
func domainAt(b []byte, i int) (end, stop int, ok bool) {
	labels := 0
	j := i
	good := 0            // the end of the longest run of labels that is a domain
	ideographic := false // labels have been joined by an ideographic full stop
	for {
		ls := j
		var tld bool
		switch {
		case j < len(b) && isDomain(wideASCII(b, j)):
			j = wideLabelEnd(b, j, i+maxDomainLen)
			tld = j-ls >= 6 && wideAlpha(b[ls:j])
		case j < len(b) && b[j] >= utf8.RuneSelf && scriptLabelStart(b[j:]):
			j = scriptLabelEnd(b, j, i+maxDomainLen)
			tld = true
		default:
			j = asciiLabelEnd(b, j, i+maxDomainLen)
			tld = j-ls > 4 && b[ls] == 'x' && b[ls+1] == 'n' && b[ls+2] == '-' && b[ls+3] == '-' ||
				j-ls >= 2 && labelAlpha(b[ls:j]) && !fileExtension(b[ls:j])
		}
		if j == ls || hyphenEdge(b[ls:j]) {
			return good, j, good > 0
		}
		labels++
		if labels >= 2 && tld {
			good = j
		}
		d := dotLen(b, j)
		switch {
		case d > 0 && j+d < len(b) && (isDomain(b[j+d]) || b[j+d] >= utf8.RuneSelf && labelStart(b[j+d:])):
		case (good == 0 || ideographic) && ideographicStopAt(b, j) && j+3 < len(b) && isDomain(b[j+3]):
			// A CJK input method types '。' for '.': it joins labels
			// before there is a top-level domain ("li@163。com"), or
			// after one that it joined ("li@mail。qq。com"), and only
			// before an ASCII label; else it ends a sentence
			// ("li@163.com。谢谢", "li@163.com。Thanks").
			d, ideographic = 3, true
		default:
			// What follows the last top-level domain is not the address's:
			// "li@163.com.0.0.0.0" is an address, a dot and an IPv4 address.
			return good, j, good > 0
		}
		j += d
	}
}

// fileExtension reports whether label is the extension of a file name that
// no top-level domain is (".zip" and ".mov" are): after an address it is
// the file's, as in an upload's name "avatar_li.wei@163.com.png".
func fileExtension(label []byte) bool {
	if len(label) > 6 {
		return false
	}
	var buf [6]byte
	for i, c := range label {
		buf[i] = lower(c)
	}
	switch string(buf[:len(label)]) {
	case "json", "txt", "csv", "tsv", "log", "xml", "yaml", "yml", "html", "htm", "eml", "vcf", "ics",
		"png", "jpg", "jpeg", "gif", "heic", "heif", "webp", "bmp", "tiff", "wav", "avi", "mkv", "webm",
		"pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "gz", "tgz", "zst", "xz", "tar", "rar",
		"apk", "ipa", "bak", "tmp", "dat", "bin", "db", "sqlite":
		return true
	}
	return false
}

// asciiLabelEnd returns the end of a label of letters, digits, hyphens and
// Latin, Greek or Cyrillic letters (composed or with combining marks) at
// b[j], reading no further than max.
func asciiLabelEnd(b []byte, j, max int) int {
	for j < len(b) && j < max {
		if isDomain(b[j]) {
			j++
			continue
		}
		if b[j] < utf8.RuneSelf {
			break
		}
		r, w := utf8.DecodeRune(b[j:])
		if !localLetter(r) {
			break
		}
		j += w
	}
	return j
}

// scriptLabelEnd returns the end of a label of letters and marks of any
// script, digits and hyphens at b[j], reading no further than max.
func scriptLabelEnd(b []byte, j, max int) int {
	for j < len(b) && j < max {
		c := b[j]
		if isDigit(c) || c == '-' {
			j++
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		r, w := utf8.DecodeRune(b[j:])
		if !scriptRune(r) && !unicode.IsMark(r) {
			break
		}
		j += w
	}
	return j
}

// wideLabelEnd returns the end of a label of full-width letters, digits and
// hyphens at b[j], reading no further than max.
func wideLabelEnd(b []byte, j, max int) int {
	for j < max && isDomain(wideASCII(b, j)) {
		j += 3
	}
	return j
}

// wideAlpha reports whether a label of full-width characters is all letters.
func wideAlpha(l []byte) bool {
	for j := 0; j < len(l); j += 3 {
		if !isLetter(wideASCII(l, j)) {
			return false
		}
	}
	return true
}

// hyphenEdge reports whether a label starts or ends with a hyphen, plain or
// full-width, which no label may.
func hyphenEdge(l []byte) bool {
	return l[0] == '-' || l[len(l)-1] == '-' || wideASCII(l, 0) == '-' || len(l) >= 3 && wideASCII(l, len(l)-3) == '-'
}

// dotLen returns the length of the '.' at b[j], plain or full-width, or 0.
func dotLen(b []byte, j int) int {
	switch {
	case j < len(b) && b[j] == '.':
		return 1
	case wideASCII(b, j) == '.':
		return 3
	}
	return 0
}

// labelAlpha reports whether an ASCII label has no digit or hyphen, as a
// top-level domain has none.
func labelAlpha(l []byte) bool {
	for _, c := range l {
		if c < utf8.RuneSelf && !isLetter(c) {
			return false
		}
	}
	return true
}

// idnLetter reports whether r may appear in an ASCII label: letters of
// alphabetic scripts that separate words with spaces.
func idnLetter(r rune) bool {
	return r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7 || // Latin-1 Supplement and Extended-A/B letters
		r >= 0x370 && r <= 0x3FF || // Greek
		r >= 0x400 && r <= 0x4FF || // Cyrillic
		r >= 0x1E00 && r <= 0x1FFF // Latin Extended Additional (Vietnamese) and Greek Extended
}

// scriptRune reports whether r is a letter that may start or continue a
// label of another script. Full-width forms are left out: they make labels
// of their own (wideLabelEnd).
func scriptRune(r rune) bool {
	return r != utf8.RuneError && !(r >= 0xFF00 && r <= 0xFFEF) && unicode.IsLetter(r)
}

// labelStart reports whether the non-ASCII bytes at b start a label.
func labelStart(b []byte) bool {
	if isDomain(wideASCII(b, 0)) {
		return true
	}
	r, _ := utf8.DecodeRune(b)
	return idnLetter(r) || scriptRune(r)
}

// scriptLabelStart reports whether b starts with a letter of a script an
// ASCII label does not take.
func scriptLabelStart(b []byte) bool {
	r, _ := utf8.DecodeRune(b)
	return !idnLetter(r) && scriptRune(r)
}

// wideAtSign reports whether b[i:] starts with U+FF20 FULLWIDTH COMMERCIAL
// AT or U+FE6B SMALL COMMERCIAL AT, which Chinese pages write addresses
// with ("li.wei﹫163.com").
func wideAtSign(b []byte, i int) bool { return wideASCII(b, i) == '@' || smallAtSign(b, i) }

// smallAtSign reports whether b[i:] starts with U+FE6B SMALL COMMERCIAL AT
// (EF B9 AB).
func smallAtSign(b []byte, i int) bool {
	return i+2 < len(b) && b[i] == 0xEF && b[i+1] == 0xB9 && b[i+2] == 0xAB
}

// encodedAt reports whether b[i] starts an '@': plain, full-width, "%40",
// "\u0040" or an HTML character reference. Its first test inlines, and
// most bytes take no more.
func encodedAt(b []byte, i int) bool {
	return i < len(b) && (anchor[b[i]]&(cAnchorAt|cAnchorPct|cAnchorEsc|cAnchorWide) != 0 || b[i] == '&') && atLen(b, i) > 0
}

// atLen returns the length of the '@' in one of encodedAt's forms at b[i],
// or 0 if there is none.
func atLen(b []byte, i int) int {
	switch b[i] {
	case '@':
		return 1
	case 0xEF:
		if wideAtSign(b, i) {
			return 3
		}
	case '%':
		if i+2 < len(b) && b[i+1] == '4' && b[i+2] == '0' {
			return 3
		}
		if i+4 < len(b) && b[i+1] == '2' && b[i+2] == '5' && b[i+3] == '4' && b[i+4] == '0' {
			return 5 // "%2540": a URL holding one with "%40" is encoded again
		}
	case '\\':
		if i+5 < len(b) && b[i+1] == 'u' && b[i+2] == '0' && b[i+3] == '0' && b[i+4] == '4' && b[i+5] == '0' {
			return 6
		}
	case '&':
		return htmlAtLen(b, i)
	}
	return 0
}

// htmlAtLen returns the length of the HTML character reference of '@' at
// b[i], "&#64;" or "&#x40;", as HTML and XML write an address to keep it
// from harvesters, or 0 if there is none.
func htmlAtLen(b []byte, i int) int {
	switch {
	case i+4 < len(b) && b[i+1] == '#' && b[i+2] == '6' && b[i+3] == '4' && b[i+4] == ';':
		return 5
	case i+5 < len(b) && b[i+1] == '#' && b[i+2]|0x20 == 'x' && b[i+3] == '4' && b[i+4] == '0' && b[i+5] == ';':
		return 6
	}
	return 0
}

// htmlAtBefore returns where the HTML character reference of '@' whose
// digits start at b[p] starts, or -1 if they start none.
func htmlAtBefore(b []byte, p int) int {
	for _, at := range [2]int{p - 2, p - 3} {
		if at >= 0 && b[at] == '&' && htmlAtLen(b, at) > 0 {
			return at
		}
	}
	return -1
}
