package transforms

// geohashAlphabet is the base 32 of geohashes: the digits and the small
// letters but a, i, l and o.
const geohashAlphabet = "0123456789bcdefghjkmnpqrstuvwxyz"

// isGeohashByte holds the bytes of geohashAlphabet.
var isGeohashByte = func() (t [256]bool) {
	for i := range len(geohashAlphabet) {
		t[geohashAlphabet[i]] = true
	}
	return t
}()

// maxGeohash is the longest geohash read: 12 characters, a few
// centimetres, as libraries write the most precise.
const maxGeohash = 12

// geohashLength returns the most characters of a geohash that locate a
// place no more precisely than a coordinate rounded to decimals decimals
// does: its latitude's error, ±90°/2^⌊5n/2⌋, at least the rounding's,
// ±0.5·10^-decimals (2 decimals: 5 characters, ±0.022°, about 2.4 km).
func geohashLength(decimals int) int {
	maxErr := 0.5
	for range decimals {
		maxErr /= 10
	}
	n := 1
	for n < maxGeohash && 90/float64(uint64(1)<<(5*(n+1)/2)) >= maxErr {
		n++
	}
	return n
}

// appendGeohashPrefix appends the geohash v ("u4pruydqqvj") cut to
// geohashLength(decimals) characters, or whole if it is no longer, so
// that generalizing twice changes nothing. A cut of digits only is none:
// generalized again, it would be read as a number and rounded ("00000b"
// to "00000" to "0"), so such a value is left to be tokenized.
func appendGeohashPrefix(dst, v []byte, decimals int) ([]byte, bool) {
	if len(v) == 0 || len(v) > maxGeohash {
		return dst, false
	}
	for _, c := range v {
		if !isGeohashByte[c] {
			return dst, false
		}
	}
	cut := v[:min(len(v), geohashLength(decimals))]
	if digitsIn(cut) {
		return dst, false
	}
	return append(dst, cut...), true
}
