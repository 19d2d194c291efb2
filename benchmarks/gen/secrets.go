package gen

import (
	"encoding/base64"
	"strconv"
)

// jwtHeaders are the headers an app's auth server signs its tokens with,
// base64url-encoded.
var jwtHeaders = func() []string {
	var out []string
	for _, h := range []string{`{"alg":"HS256","typ":"JWT"}`, `{"alg":"RS256","typ":"JWT","kid":"k2026-05"}`, `{"typ":"JWT","alg":"ES256"}`} {
		out = append(out, base64.RawURLEncoding.EncodeToString([]byte(h)))
	}
	return out
}()

// appendJWT appends a signed JSON Web Token (RFC 7519) issued at ms, whose
// claims name its user.
func (r *rng) appendJWT(dst []byte, ms int64) []byte {
	var buf [96]byte
	claims := r.appendUID(append(buf[:0], `{"sub":"`...))
	claims = strconv.AppendInt(append(claims, `","iat":`...), ms/1000, 10)
	claims = strconv.AppendInt(append(claims, `,"exp":`...), ms/1000+3600, 10)
	claims = append(claims, '}')
	var sig [32]byte
	for i := range sig {
		sig[i] = byte(r.intn(256))
	}
	dst = append(dst, pick(r, jwtHeaders)...)
	dst = base64.RawURLEncoding.AppendEncode(append(dst, '.'), claims)
	return base64.RawURLEncoding.AppendEncode(append(dst, '.'), sig[:])
}

// appendState appends an OAuth state parameter: base64url JSON as a JSON
// Web Token's parts start, but one part only, signed by nothing.
func (r *rng) appendState(dst []byte) []byte {
	var buf [48]byte
	state := strconv.AppendInt(append(buf[:0], `{"return":"/v1/styles","n":`...), int64(r.intn(1_000_000)), 10)
	return base64.RawURLEncoding.AppendEncode(dst, append(state, '}'))
}

// appendPassword appends a generated password of 12 letters and digits.
func (r *rng) appendPassword(dst []byte) []byte { return r.appendAlnum(dst, 12) }

// appendAlnum appends n random letters and digits, as API keys and opaque
// access tokens are made of.
func (r *rng) appendAlnum(dst []byte, n int) []byte {
	const alnum = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	for range n {
		dst = append(dst, alnum[r.intn(len(alnum))])
	}
	return dst
}

// apiKeyFormats are the API keys users paste: a service's prefix and how
// many letters and digits follow it.
var apiKeyFormats = []struct {
	prefix string
	n      int
}{{"sk-proj-", 48}, {"ghp_", 36}, {"hf_", 34}, {"sk_live_", 24}}

// appendAPIKey appends a random API key of one of apiKeyFormats.
func (r *rng) appendAPIKey(dst []byte) []byte {
	f := pick(r, apiKeyFormats)
	return r.appendAlnum(append(dst, f.prefix...), f.n)
}
