package transforms

import "testing"

// TestKeyWordsExact checks that keys of one length up to 16 bytes that
// differ in any byte have different words, so the hint cache may compare
// words alone.
func TestKeyWordsExact(t *testing.T) {
	for n := 1; n <= 16; n++ {
		key := []byte("abcdefghijklmnop"[:n])
		x, y := keyWords(key)
		for i := range n {
			other := append([]byte(nil), key...)
			other[i] ^= 0x20
			if ox, oy := keyWords(other); ox == x && oy == y {
				t.Errorf("keyWords(%q) == keyWords(%q)", key, other)
			}
		}
	}
}
