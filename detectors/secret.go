package detectors

// maxJWTHeader bounds the look-back over a JSON Web Token's header from
// its first dot; headers hold an algorithm, a type and a key ID.
const maxJWTHeader = 512

// jwtAround reports whether the dot at b[dot] ends the header of a JSON Web
// Token in compact form (RFC 7519: header.payload.signature, each base64url,
// the first two JSON objects, so starting with "eyJ", the encoding of `{"`),
// reading back no further than lo, the end of the last finding, which
// will be a token's '>', and returns the token's span. The payload is read
// for the signature's dot only: the claims it holds (a user ID, an e-mail
// address) go with the token.
func jwtAround(b []byte, lo, dot int) (start, end int, ok bool) {
	start = dot
	for start > lo && isBase64URL(b[start-1]) {
		if dot-start == maxJWTHeader {
			return 0, 0, false
		}
		start--
	}
	if dot-start < 4 || string(b[start:start+3]) != "eyJ" {
		return 0, 0, false
	}
	sig := base64URLEnd(b, dot+1)
	if sig-dot < 5 || sig >= len(b) || b[sig] != '.' {
		return 0, 0, false
	}
	return start, base64URLEnd(b, sig+1), true
}

// isBase64URL reports whether c is of the base64url alphabet (RFC 4648 §5).
func isBase64URL(c byte) bool { return isAlnum(c) || c == '-' || c == '_' }

// base64URLEnd returns the end of the run of base64url bytes at b[i].
func base64URLEnd(b []byte, i int) int {
	for i < len(b) && isBase64URL(b[i]) {
		i++
	}
	return i
}
