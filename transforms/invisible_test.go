package transforms

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestAppendVisible(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain text", "plain text"},
		{"jane\u200b@example.com", "jane@example.com"},
		{"\u200bjane@example.com\u200b", "jane@example.com"},
		{"a\u200b\u200c\u200d\u200e\u200f\u202a\u202e\u2060\u2064\u2066\u2069\u206f\ufeff\u00adb", "ab"},
		{"１３８\u200b０", "１３８\u200b０"},             // between full-width digits
		{"+٩٧١\u200f٥٠ ۰۹\u200e۱", "+٩٧١٥٠ ۰۹۱"}, // Arabic-Indic digits
		{"手机\u200b\u200b手机", "手机\u200b\u200b手机"}, // between Chinese characters
		{"\u0645\u06cc\u200c\u062e", "\u0645\u06cc\u200c\u062e"},
		{"\U0001F469\u200d\U0001F4BB", "\U0001F469\u200d\U0001F4BB"},
		{"a \u200d b", "a \u200d b"},           // between spaces
		{"\u200b", "\u200b"},                   // alone
		{"a\u2061b\u2065c", "ab\u2065c"},       // U+2065 is unassigned, not removed
		{"x\u00a0y\u2009z", "x\u00a0y\u2009z"}, // spaces that show stay
	}
	for _, tt := range tests {
		if got := string(appendVisible(nil, []byte(tt.in))); got != tt.want {
			t.Errorf("appendVisible(%+q) = %+q, want %+q", tt.in, got, tt.want)
		}
		if got := hasInvisible([]byte(tt.in)); got != strings.ContainsFunc(tt.in, isInvisible) {
			t.Errorf("hasInvisible(%+q) = %v", tt.in, got)
		}
	}
}

// isInvisible is the set of invisibleLen, by code point.
func isInvisible(r rune) bool {
	switch {
	case r == 0xAD, r == 0xFEFF,
		0x200B <= r && r <= 0x200F, 0x202A <= r && r <= 0x202E,
		0x2060 <= r && r <= 0x2064, 0x2066 <= r && r <= 0x206F:
		return true
	}
	return false
}

// TestInvisibleLenEveryRune holds invisibleLen to its set on every code
// point: no other character is taken for one of them.
func TestInvisibleLenEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		b := utf8.AppendRune(nil, r)
		want := 0
		if isInvisible(r) {
			want = len(b)
		}
		if got := invisibleLen(b, 0); got != want {
			t.Fatalf("invisibleLen(%U) = %d, want %d", r, got, want)
		}
	}
}

func TestVisibleOffset(t *testing.T) {
	b := []byte("{\"a\":1\u200b,\u200b}\u200b")
	visible := appendVisible(nil, b)
	for off := range visible {
		i := visibleOffset(b, off)
		if b[i] != visible[off] {
			t.Errorf("visibleOffset(%d) = %d: byte %q, want %q", off, i, b[i], visible[off])
		}
	}
	if got := visibleOffset(b, len(visible)); got != len(b) {
		t.Errorf("visibleOffset(end) = %d, want %d", got, len(b))
	}
}

// FuzzVisible checks that appendVisible removes invisible characters and
// nothing else, leaves no run it would remove, copies in place, and that
// visibleOffset maps each byte of the copy to the same byte of the input.
func FuzzVisible(f *testing.F) {
	for _, s := range []string{"jane\u200b@example.com", "手机\u200b１３８", "\U0001F469\u200d\U0001F4BB a\u00ad", "\u200b\u200c"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if !utf8.Valid(b) {
			return
		}
		visible := appendVisible(nil, b)
		if !utf8.Valid(visible) {
			t.Fatalf("appendVisible(%+q) = %+q: not UTF-8", b, visible)
		}
		if again := appendVisible(nil, visible); string(again) != string(visible) {
			t.Fatalf("appendVisible(%+q) = %+q, but again %+q", b, visible, again)
		}
		if got, want := strings.Map(keepVisible, string(visible)), strings.Map(keepVisible, string(b)); got != want {
			t.Fatalf("appendVisible(%+q) = %+q: removed more than invisible characters", b, visible)
		}
		c := append([]byte(nil), b...)
		if inPlace := appendVisible(c[:0], c); string(inPlace) != string(visible) {
			t.Fatalf("in place: %+q, want %+q", inPlace, visible)
		}
		if len(visible) < len(b) && !hasInvisible(b) {
			t.Fatalf("hasInvisible(%+q) = false, but appendVisible removed some", b)
		}
		for off := range visible {
			if i := visibleOffset(b, off); i >= len(b) || b[i] != visible[off] {
				t.Fatalf("visibleOffset(%+q, %d) = %d", b, off, i)
			}
		}
	})
}

// keepVisible drops invisible characters, for strings.Map.
func keepVisible(r rune) rune {
	if isInvisible(r) {
		return -1
	}
	return r
}

// TestInvisibleInKeys checks that a key with an invisible character in it
// gets the rule of the key without it.
func TestInvisibleInKeys(t *testing.T) {
	w, p := newProfileWorker(t, textPolicy)
	out, _, err := w.RedactRecord(nil, []byte("{\"na\u200bme\":\"Li Wei\",\"n\":1}"), FormatJSON, p)
	if err != nil || string(out) != `{"n":1}` {
		t.Errorf("got %s, %v; want the name dropped", out, err)
	}
}
