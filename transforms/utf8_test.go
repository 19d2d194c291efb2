package transforms

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// TestValidUTF8 holds validUTF8 to utf8.Valid on every sequence of up to
// three bytes built from the bytes where UTF-8's rules change, each at
// every offset of the word the fast paths read and inside runs of two-
// and three-byte characters, and on random text.
func TestValidUTF8(t *testing.T) {
	edges := []byte{0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF}
	check := func(b []byte) {
		t.Helper()
		if got, want := valid(b), utf8.Valid(b); got != want {
			t.Fatalf("validUTF8(% x) = %v, utf8.Valid says %v", b, got, want)
		}
	}
	for _, x := range edges {
		for _, y := range edges {
			for _, z := range edges {
				// Inside a run of three-byte characters, with or without
				// spaces, and of two-byte ones, whose automaton reads
				// 16 bytes at a time.
				check(append(append([]byte("手"), x, y, z), "机é"...))
				check(append(append([]byte("사진 "), x, y, z), " 사진"...))
				check(append(append([]byte("жж"), x, y, z), "жж"...))
				check(append(append([]byte("жжжжжжжж ж"), x, y, z), "жжжжжжжжжжжж abcdefghi"...))
				for pad := range 3 {
					b := append(make([]byte, pad), x, y, z)
					for j := range pad {
						b[j] = 'a'
					}
					check(b)
					check(append(b, "é"...))
					check(append(b, 0xE4, 0xBD, 0xA0))
				}
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "abcdefgh ", "é", "ж", "жжж", "Привет мир ", "사진 ", "手机", "🙂", "\u0661", "\xed\x9f\xbf", "\xe0\xa0\x80", "\xf4\x8f\xbf\xbf", "\x80", "\xc3", "\xe4\xbd", "\xed\xa0\x80", "\xf0\x9f"}
	for range 100000 {
		var b []byte
		for range r.IntN(12) {
			b = append(b, pieces[r.IntN(len(pieces))]...)
		}
		check(b)
	}
}

func FuzzValidUTF8(f *testing.F) {
	for _, s := range []string{"", "ascii only", "手机 138 0013 8000", "\xed\xa0\x80", "\xe0\x80\x80", "é\xc3", "🙂\xf4\x90\x80\x80"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := valid(b), utf8.Valid(b); got != want {
			t.Fatalf("validUTF8(% x) = %v, utf8.Valid says %v", b, got, want)
		}
	})
}

// valid is validUTF8's first result, with its second checked: it is true
// for every b where an invisible character follows an ASCII one.
func valid(b []byte) bool {
	ok, mayHide := validUTF8(b)
	if ok && !mayHide {
		for i := 1; i < len(b); i++ {
			if b[i-1] < utf8.RuneSelf && invisibleLen(b, i) > 0 {
				panic(fmt.Sprintf("validUTF8(%+q) says it cannot hide, but an invisible character follows an ASCII one at %d", b, i))
			}
		}
	}
	return ok
}
