package gen

import (
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// EscapeNonASCII returns JSON text with every character beyond ASCII
// written as \uXXXX (two for one beyond the BMP), as encoders that write
// ASCII only do (Python's json.dumps by default): "手机" is
// "\u624b\u673a". In JSON such characters occur only inside strings, so the
// result is the same JSON value.
func EscapeNonASCII(b []byte) []byte {
	var out []byte
	for _, r := range string(b) {
		if r < utf8.RuneSelf {
			out = append(out, byte(r))
			continue
		}
		for _, u := range utf16.Encode([]rune{r}) {
			out = fmt.Appendf(out, `\u%04x`, u)
		}
	}
	return out
}
