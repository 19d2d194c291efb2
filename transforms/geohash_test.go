package transforms

import "testing"

func TestGeohashLength(t *testing.T) {
	// The latitude's error of n characters, ±90°/2^⌊5n/2⌋: 4 ±0.088°,
	// 5 ±0.022°, 6 ±0.0027°, 7 ±0.00069°, 8 ±0.000086°, 9 ±0.000021°.
	for decimals, want := range []int{3, 4, 5, 7, 8, 9} {
		if got := geohashLength(decimals); got != want {
			t.Errorf("geohashLength(%d) = %d, want %d", decimals, got, want)
		}
	}
	if got := geohashLength(15); got != maxGeohash {
		t.Errorf("geohashLength(15) = %d, want %d", got, maxGeohash)
	}
}

func TestAppendGeohashPrefix(t *testing.T) {
	for v, want := range map[string]string{
		"u4pruydqqvj": "u4pru", "9q8yyk8ytpxr": "9q8yy", "u4pru": "u4pru", "u4": "u4",
		// A cut of digits only would be rounded as a number when
		// generalized again: none.
		"00000b": "", "12345": "",
		"u4pruAB": "", "": "", "u4pruydqqvjzz": "",
	} {
		got, ok := appendGeohashPrefix(nil, []byte(v), 2)
		if string(got) != want || ok != (want != "") {
			t.Errorf("appendGeohashPrefix(%q) = %q, %v; want %q", v, got, ok, want)
		}
	}
}
