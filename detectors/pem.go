package detectors

import "bytes"

// pemBegin starts the first line of a PEM block (RFC 7468), pemEnd its
// last; pemDashes end both.
const (
	pemBegin  = "-----BEGIN "
	pemEnd    = "-----END "
	pemDashes = "-----"
)

// maxPEMLabel bounds a PEM label ("RSA PRIVATE KEY", "PGP PRIVATE KEY BLOCK").
const maxPEMLabel = 40

// maxPEM bounds the look-ahead for a private key's last line: an RSA key
// of 8,192 bits is ~6.5 KB in PEM, a little more with its line breaks
// escaped.
const maxPEM = 16 << 10

// pemBeginAt reports whether b[i:] starts as a PEM block's first line.
func pemBeginAt(b []byte, i int) bool {
	return len(b)-i > len(pemBegin) && string(b[i:i+len(pemBegin)]) == pemBegin
}

// pemBeginBefore returns the start of the PEM block's first line that ends
// at b[i] ("-----BEGIN RSA PRIVATE KEY-----"), if one does.
func pemBeginBefore(b []byte, i int) (start int, ok bool) {
	if i < len(pemBegin)+len(pemDashes) || string(b[i-len(pemDashes):i]) != pemDashes {
		return 0, false
	}
	j := i - len(pemDashes)
	for j > 0 && i-j < len(pemBegin)+maxPEMLabel && (isUpperAlnum(b[j-1]) || b[j-1] == ' ') {
		j--
	}
	start = j - len(pemDashes)
	return start, start >= 0 && pemBeginAt(b, start)
}

// pemBodyAround returns the start of the PEM block whose first line and a
// space come before the word of base64 that holds b[p], if one does, and
// the word starts at most a PEM line's 64 bytes before p.
func pemBodyAround(b []byte, p int) (start int, ok bool) {
	ws := p
	for ws > 0 && p-ws < 64 && isBase64(b[ws-1]) {
		ws--
	}
	if ws < 2 || b[ws-1] != ' ' || b[ws-2] != '-' {
		return 0, false
	}
	return pemBeginBefore(b, ws-1)
}

// privateKeyAt returns the end of the PEM-encoded private key whose first
// line starts at b[i] ("-----BEGIN RSA PRIVATE KEY-----", or another
// privateKeyLabel: PKCS #8, OpenSSH, EC, encrypted, PGP): the end
// of its last line ("-----END RSA PRIVATE KEY-----"), or, with none in
// view (a log line cut short), of its body, whatever breaks its lines
// (newlines, spaces, JSON's "\n"). Certificates and public keys are none.
func privateKeyAt(b []byte, i int) (end int, ok bool) {
	l := i + len(pemBegin)
	le := pemLabelEnd(b, l)
	if !bytes.HasPrefix(b[le:], []byte(pemDashes)) || !privateKeyLabel(bytes.TrimRight(b[l:le], " ")) {
		return 0, false
	}
	body := le + len(pemDashes)
	view := b[body:min(len(b), body+maxPEM)]
	if e := bytes.Index(view, []byte(pemEnd)); e >= 0 {
		l := body + e + len(pemEnd)
		end = pemLabelEnd(b, l)
		if bytes.HasPrefix(b[end:], []byte(pemDashes)) {
			return end + len(pemDashes), true
		}
		// An end line cut short: its label as far as a private key's goes,
		// not into what follows ("-----END RSA PRIVATE KEY DE89 3704 …").
		for end > l && (b[end-1] == ' ' || !privateKeyLabel(b[l:end])) {
			end--
		}
		return end, true
	}
	end = body
	for end < len(b) && pemBody(b[end]) {
		end++
	}
	if end < len(b) {
		// Cut short by a word that is no base64 ("… alice.b+x@…"): the
		// body ends before that word, whose start may be something else.
		for end > body && !pemBreak(b, end) {
			end--
		}
	}
	return end, true
}

// pemBreak reports whether b[i] follows a line break or a space: the body
// of a key may end there.
func pemBreak(b []byte, i int) bool {
	switch c := b[i-1]; {
	case c == ' ' || c == '\t' || c == '\r' || c == '\n':
		return true
	case (c == 'n' || c == 'r') && i >= 2 && b[i-2] == '\\':
		return true // "\n", as JSON and loggers escape a line break
	}
	return false
}

// privateKeyLabel reports whether a PEM label names a private key: it ends
// with "PRIVATE KEY" ("RSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY") or, as
// OpenPGP armours one, "PRIVATE KEY BLOCK".
func privateKeyLabel(l []byte) bool {
	return bytes.HasSuffix(l, []byte("PRIVATE KEY")) || bytes.HasSuffix(l, []byte("PRIVATE KEY BLOCK"))
}

// pemLabelEnd returns the end of the PEM label at b[i]: upper-case letters,
// digits and spaces, up to maxPEMLabel bytes.
func pemLabelEnd(b []byte, i int) int {
	j := i
	for j < len(b) && j-i < maxPEMLabel && (isUpperAlnum(b[j]) || b[j] == ' ') {
		j++
	}
	return j
}

// pemBody reports whether c may be part of a PEM body as logs write it:
// base64, line breaks as bytes or escapes, and the headers of a legacy
// encrypted key ("Proc-Type: 4,ENCRYPTED").
func pemBody(c byte) bool {
	return isBase64(c) || c == '=' || c == ' ' || c == '\t' || c == '\r' || c == '\n' ||
		c == '\\' || c == ':' || c == ',' || c == '-'
}
