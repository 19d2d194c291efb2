package detectors

import "testing"

// TestHex8 checks the word-at-a-time hex test against isHex for every byte
// value at every position.
func TestHex8(t *testing.T) {
	for c := range 256 {
		for pos := range 8 {
			b := []byte("0aF9fA1c")
			b[pos] = byte(c)
			if got, want := hex8(le64(b)), isHex(byte(c)); got != want {
				t.Fatalf("hex8(%q) = %v, want %v", b, got, want)
			}
		}
	}
}

// TestFirstAnchor checks the unrolled anchor search against the anchor
// table for every byte value at every offset of every prefix of a 31-byte
// run, so the first 4 bytes, the 8-byte and 4-byte steps and the tail are
// all covered.
func TestFirstAnchor(t *testing.T) {
	const text = "the quick brown fox jumps over,"
	for c := range 256 {
		for pos := range len(text) {
			for n := pos + 1; n <= len(text); n++ {
				b := []byte(text)[:n]
				b[pos] = byte(c)
				want := len(b)
				for i, d := range b {
					if anchor[d] != 0 {
						want = i
						break
					}
				}
				if got := firstAnchor(b); got != want {
					t.Fatalf("firstAnchor(%q) = %d, want %d", b, got, want)
				}
			}
		}
	}
}

// TestASCIIForm checks the fold of typed forms against their code points
// for every 3-byte character.
func TestASCIIForm(t *testing.T) {
	for r := rune(0x800); r <= 0xFFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue // surrogates have no UTF-8 form
		}
		var want byte
		switch {
		case r >= '！' && r <= '～':
			want = byte(r - '！' + '!')
		case r == '。' || r == '｡':
			want = '.'
		}
		if got := ASCIIForm([]byte(string(r)), 0); got != want {
			t.Fatalf("ASCIIForm(%U) = %q, want %q", r, got, want)
		}
	}
}
