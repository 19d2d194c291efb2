package benchmarks

import (
	"strings"
	"testing"
)

// TestReferenceLoop counts the class bytes of short inputs, every length
// of the unrolled loop's tail included, against a byte-at-a-time count.
func TestReferenceLoop(t *testing.T) {
	for _, s := range []string{"", "a", "1", "ab1", "abc1", "a1b2c", "li.lei@163.com", "手机 138 0013 8000", "plain words only"} {
		want := 0
		for i := range len(s) {
			if s[i] >= 0x80 || s[i] >= '0' && s[i] <= '9' || strings.IndexByte(`@%\:-.+=_`, s[i]) >= 0 {
				want++
			}
		}
		if got := ReferenceLoop([]byte(s)); got != want {
			t.Errorf("ReferenceLoop(%q) = %d, want %d", s, got, want)
		}
	}
}
