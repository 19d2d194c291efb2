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
