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

// base64URLEnd returns the end of the run of base64url bytes at b[i].
func base64URLEnd(b []byte, i int) int {
	for i < len(b) && isBase64URL(b[i]) {
		i++
	}
	return i
}

// keyPrefixes are the prefixes of the API keys and access tokens of
// well-known services, found with no label, each with the shortest body
// (the letters, digits, '_' and '-' after it) its keys have.
var keyPrefixes = []struct {
	prefix  string
	minBody int
}{
	// OpenAI ("sk-proj-…"), Anthropic ("sk-ant-…")
	{"sk-", 20},
	// Slack
	{"xoxb-", 10}, {"xoxp-", 10}, {"xoxa-", 10}, {"xoxr-", 10}, {"xoxs-", 10},
	// GitLab
	{"glpat-", 20},
	// GitHub
	{"ghp_", 30}, {"gho_", 30}, {"ghu_", 30}, {"ghs_", 30}, {"ghr_", 30}, {"github_pat_", 30},
	// Stripe
	{"sk_live_", 16}, {"rk_live_", 16},
	// Hugging Face
	{"hf_", 30},
	// npm, PyPI
	{"npm_", 36}, {"pypi-", 50},
	// Shopify, DigitalOcean
	{"shpat_", 32}, {"shpss_", 32}, {"shpca_", 32}, {"dop_v1_", 64},
}

// keyPrefixesBefore lists the indexes in keyPrefixes of the prefixes by
// the byte before their last.
var keyPrefixesBefore = func() (t [256][]uint8) {
	for i, k := range keyPrefixes {
		c := k.prefix[len(k.prefix)-2]
		t[c] = append(t[c], uint8(i))
	}
	return t
}()

// keyPrefixTails holds, by the byte before the '-' or '_' that ends a
// prefix, a bit for each lower-case letter that may come before it
// ("sk-": bit 's' of entry 'k').
var keyPrefixTails = func() (t [256]uint32) {
	for _, k := range keyPrefixes {
		p := k.prefix
		t[p[len(p)-2]] |= 1 << (p[len(p)-3] - 'a')
	}
	return t
}()

// mayEndKeyPrefix reports whether the '-' or '_' at b[i] may end one of
// keyPrefixes, at two lookups: most in words ("over-sharpen", "snake_case")
// cannot.
func mayEndKeyPrefix(b []byte, i int) bool {
	if i < 2 {
		return false
	}
	m, c := keyPrefixTails[b[i-1]], b[i-2]-'a'
	return c < 26 && m>>c&1 != 0
}

// apiKeyAt returns the span of the API key whose prefix ends with the '-'
// or '_' at b[i], i > 0, if one does: the prefix starts a word, and the
// body is as long as the service's keys are ("sk-SK", a locale, is none).
func apiKeyAt(b []byte, i int) (start, end int, ok bool) {
	for _, ki := range keyPrefixesBefore[b[i-1]] {
		k := &keyPrefixes[ki]
		p := k.prefix
		start = i + 1 - len(p)
		if start < 0 || p[len(p)-1] != b[i] || string(b[start:i+1]) != p || start > 0 && isBase64URL(b[start-1]) {
			continue
		}
		end = i + 1
		for end < len(b) && isBase64URL(b[end]) {
			end++
		}
		return start, end, end-(i+1) >= k.minBody
	}
	return 0, 0, false
}

// cloudKeys are the keys of cloud services that carry no '-' or '_' after
// a prefix, found with no label by a fixed prefix and length: AWS access
// key IDs (long-term "AKIA…" and temporary "ASIA…", 20 upper-case letters
// and digits) and Google API keys ("AIza…", 39 bytes of base64url).
var cloudKeys = []struct {
	prefix string
	length int
	body   func(byte) bool
}{
	{"AKIA", 20, isUpperAlnum},
	{"ASIA", 20, isUpperAlnum},
	{"AIza", 39, isBase64URL},
}

// maxCloudKey is the length of the longest of cloudKeys.
const maxCloudKey = 39

// isUpperAlnum reports whether c is an upper-case ASCII letter or a digit.
func isUpperAlnum(c byte) bool { return c >= 'A' && c <= 'Z' || isDigit(c) }

// cloudKeyAround returns the span of the key of cloudKeys that holds b[p],
// the first digit of a word, reading back no further than lo: the key
// stands alone, between bytes that are no part of an API key.
func cloudKeyAround(b []byte, lo, p int) (start, end int, ok bool) {
	s := p
	for s > lo && p-s < maxCloudKey && isBase64URL(b[s-1]) {
		s--
	}
	if p-s < 4 || b[s] != 'A' || s > 0 && isBase64URL(b[s-1]) {
		return 0, 0, false
	}
	for _, k := range cloudKeys {
		end = s + k.length
		if end > len(b) || string(b[s:s+4]) != k.prefix || end < len(b) && isBase64URL(b[end]) || !all(b[s+4:end], k.body) {
			continue
		}
		return s, end, true
	}
	return 0, 0, false
}

// all reports whether every byte of b is in the class f tests.
func all(b []byte, f func(byte) bool) bool {
	for _, c := range b {
		if !f(c) {
			return false
		}
	}
	return true
}
