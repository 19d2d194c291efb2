package detectors_test

import (
	"bytes"
	"slices"
	"testing"

	"github.com/pixelprivacy/veil/detectors"
)

func TestAppendSpacedPhones(t *testing.T) {
	tests := []struct {
		text string
		want []string // with each one's E.164 form
	}{
		{"my number is 1 3 8 0 0 1 3 8 0 0 0, thanks", []string{"PHONE:1 3 8 0 0 1 3 8 0 0 0", "+8613800138000"}},
		{"call me 4-1-5-5-5-5-0-1-3-2", []string{"PHONE:4-1-5-5-5-5-0-1-3-2", "+14155550132"}},
		{"whatsapp +8 6 1 3 8 0 0 1 3 8 0 0 0", []string{"PHONE:+8 6 1 3 8 0 0 1 3 8 0 0 0", "+8613800138000"}},
		{"电话 1.3.8.0.0.1.3.8.0.0.0 谢谢", []string{"PHONE:1.3.8.0.0.1.3.8.0.0.0", "+8613800138000"}},
		{"steps 1 2 3 4 5 6 7 8 9 10, rate it 1 2 3 4 5", nil}, // no phone word
		{"call me at 1 2 3 4 5 6 7 8", nil},                    // no valid number
		{"phone 13800138000 or 138 0013 8000", nil},            // the scan's
		{"phone: v1 3 8 0 0 1 3 8 0 0 0", nil},                 // a word's end
		{"phone 1 3 8 0 0 1 3 8 0 0 0 1 2 3 4 5 6 7 8 9", nil}, // too long
		{"phone 1 3 8 0 0 1 3 8 0 0 0x", nil},                  // runs into a word
		{"my number is 1  3 8 0 0 1 3 8 0 0 0", nil},           // two spaces: two runs
		{"phone 1 3 8 0 0 1 3 8 0 0 0 or call 4 1 5 5 5 5 0 1 3 2", []string{ // two
			"PHONE:1 3 8 0 0 1 3 8 0 0 0", "+8613800138000", "PHONE:4 1 5 5 5 5 0 1 3 2", "+14155550132"}},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range testSet.AppendSpacedPhones(nil, []byte(tt.text), 0) {
			v := []byte(tt.text[s.Start:s.End])
			got = append(got, s.Kind.String()+":"+string(v), string(testSet.AppendCanonical(nil, v, detectors.Phone)))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("AppendSpacedPhones(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// FuzzAppendSpacedPhones checks that spans are in bounds and in order,
// and that each one's canonical form is a number in E.164.
func FuzzAppendSpacedPhones(f *testing.F) {
	f.Add([]byte("my number is 1 3 8 0 0 1 3 8 0 0 0"))
	f.Add([]byte("whatsapp +4 4 7 9 1 1 1 2 3 4 5 6 and call 0-3-0-1-2-3-4-5-6-7"))
	f.Fuzz(func(t *testing.T, text []byte) {
		last := 0
		for _, s := range testSet.AppendSpacedPhones(nil, text, 0) {
			if s.Start < last || s.End <= s.Start || s.End > len(text) || s.Kind != detectors.Phone {
				t.Fatalf("span %+v out of order or bounds in %q", s, text)
			}
			last = s.End
			c := testSet.AppendCanonical(nil, text[s.Start:s.End], detectors.Phone)
			if len(c) < 2 || c[0] != '+' || bytes.ContainsFunc(c[1:], func(r rune) bool { return r < '0' || r > '9' }) {
				t.Fatalf("canonical form of %q is %q", text[s.Start:s.End], c)
			}
		}
	})
}
