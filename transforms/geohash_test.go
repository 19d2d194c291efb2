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
