package benchmarks

import (
	"testing"

	"github.com/pixelprivacy/veil/benchmarks/gen"
	"github.com/pixelprivacy/veil/detectors"
)

// TestGone checks the test of a planted value's removal where the value is
// also part of other text that stays.
func TestGone(t *testing.T) {
	ev := &gen.Event{Line: []byte(`{"uid":"u_parkih","text":"my id is park, park"}`),
		PII: []gen.Planted{{Kind: detectors.Handle, Value: "park"}, {Kind: detectors.Handle, Value: "park"}}}
	for out, want := range map[string]bool{
		`{"uid":"u_parkih","text":"my id is <H>, <H>"}`:   true,
		`{"uid":"u_parkih","text":"my id is <H>, park"}`:  false,
		`{"uid":"u_parkih","text":"my id is park, park"}`: false,
		`{"uid":"<U>","text":"my id is <H>, <H>"}`:        true,
	} {
		if got := gone([]byte(out), ev, "park"); got != want {
			t.Errorf("gone(%s) = %v, want %v", out, got, want)
		}
	}
	escaped := &gen.Event{Line: []byte(`{"text":"\u674e\u4f1f"}`), PII: []gen.Planted{{Kind: detectors.Name, Value: "李伟"}}}
	if gone([]byte(`{"text":"李伟"}`), escaped, "李伟") || !gone([]byte(`{"text":"<N>"}`), escaped, "李伟") {
		t.Errorf("a value planted in an escaped line")
	}
}
