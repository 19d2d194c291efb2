package transforms

import (
	"crypto/hmac"
	"crypto/sha256"
	"regexp"
	"strings"
	"testing"

	"github.com/pixelprivacy/veil/detectors"
)

var tokenRE = regexp.MustCompile(`^<[A-Z0-9_]+:[a-z][a-z0-9]*:[g-z]{24}>$`)

func TestTokenFormat(t *testing.T) {
	w := newTestWorker(t, Options{})
	for k := detectors.Email; k < detectors.FirstCustom+3; k++ {
		tok := w.AppendToken(nil, k, []byte("value"))
		if !tokenRE.Match(tok) {
			t.Errorf("%s token %q does not match %s", k, tok, tokenRE)
		}
		if spans := testSet.AppendSpans(nil, tok); len(spans) != 0 {
			t.Errorf("the detectors find %v in the token %q", spans, tok)
		}
	}
}

// TestTokenMAC checks a token against HMAC-SHA256 computed from scratch.
func TestTokenMAC(t *testing.T) {
	w := newTestWorker(t, Options{Template: "{mac}"})
	value := []byte("+8613800138000")
	m := hmac.New(sha256.New, testRing.Active.secret[:])
	m.Write([]byte("PHONE\x00"))
	m.Write(value)
	sum := m.Sum(nil)
	var want []byte
	for _, c := range sum[:macLen] {
		want = append(want, macAlphabet[c>>4], macAlphabet[c&15])
	}
	for range 2 { // computed, then from the cache
		if got := w.AppendToken(nil, detectors.Phone, value); string(got) != string(want) {
			t.Fatalf("token %s, want %s", got, want)
		}
	}
}

// TestTokenCache fills the cache far past its size with values that share
// slots and checks every token against a worker whose cache is cold.
func TestTokenCache(t *testing.T) {
	w := newTestWorker(t, Options{})
	ref := newTestWorker(t, Options{})
	long := strings.Repeat("x", 100) // too long to cache
	var got, want []byte
	for round := range 3 {
		for i := range 3 * tokenCacheSize {
			v := []byte(strings.Repeat("v", i%7) + string(rune('a'+i%26)) + long[:i%3*50])
			for _, k := range []detectors.Kind{detectors.Email, detectors.ADID} {
				form := uint8(i % 3)
				got = w.appendToken(got[:0], k, form, v, false)
				ref.cache = new(tokenCache)
				want = ref.appendToken(want[:0], k, form, v, false)
				if string(got) != string(want) {
					t.Fatalf("round %d: cached token of %s %q is %s, want %s", round, k, v, got, want)
				}
			}
		}
	}
}

func TestTemplate(t *testing.T) {
	tests := []struct {
		template string
		want     string // token for EMAIL; "" if an error is expected
		errText  string
	}{
		{"", "<EMAIL:k1:" + strings.Repeat("?", 24) + ">", ""},
		{"{mac}", strings.Repeat("?", 24), ""},
		{"[{kind}]{mac}/{mac}", "[EMAIL]" + strings.Repeat("?", 24) + "/" + strings.Repeat("?", 24), ""},
		{`"{kind}\{mac}`, `"EMAIL\` + strings.Repeat("?", 24), ""},
		{"tok_{key}_{mac}", "tok_k1_" + strings.Repeat("?", 24), ""},
		{"<{kind}:{key}>", "", "must contain {mac}"},
		{"<{kind}:{mac}", "", ""}, // an unbalanced '<' is fine
		{"{mac", "", "is not closed"},
		{"{user}{mac}", "", "unknown placeholder {user}"},
		{"{MAC}", "", "unknown placeholder {MAC}"},
		{"a\nb{mac}", "", "control character"},
		{"\xff{mac}", "", "not valid UTF-8"},
		{"2024-{mac}-13800138000", "", "contains text the detectors find"},
	}
	for _, tt := range tests {
		e, err := NewEngine(testSet, testRing, Options{Template: tt.template})
		if tt.errText != "" {
			if err == nil || !strings.Contains(err.Error(), tt.errText) {
				t.Errorf("template %q: error %v, want one saying %q", tt.template, err, tt.errText)
			}
			continue
		}
		if err != nil {
			t.Errorf("template %q: %v", tt.template, err)
			continue
		}
		if tt.want == "" {
			continue
		}
		tok := string(e.NewWorker().AppendToken(nil, detectors.Email, []byte("a@b.cn")))
		if masked := regexp.MustCompile(`[g-z]{24}`).ReplaceAllString(tok, strings.Repeat("?", 24)); masked != tt.want {
			t.Errorf("template %q: token %q, want %q", tt.template, tok, tt.want)
		}
	}
}

// TestTemplateJSON checks that a template with JSON's special characters
// still gives valid JSON, and the same token once decoded.
func TestTemplateJSON(t *testing.T) {
	w := newTestWorker(t, Options{Template: `"{kind}\{mac}`})
	out, err := w.Redact(nil, []byte(`{"email":"a@b.cn"}`), FormatJSON)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"email":"` + string(appendJSONEscaped(nil, w.AppendToken(nil, detectors.Email, []byte("a@b.cn")))) + `"}`
	if string(out) != want {
		t.Errorf("got %s, want %s", out, want)
	}
}

func TestNewEngineErrors(t *testing.T) {
	tests := []struct {
		name    string
		set     *detectors.Set
		ring    *KeyRing
		o       Options
		errText string
	}{
		{"nil set", nil, testRing, Options{}, "nil detector set"},
		{"nil ring", testSet, nil, Options{}, "no active key"},
		{"mask char", testSet, testRing, Options{MaskChar: '0'}, "mask char '0'"},
		{"max bytes", testSet, testRing, Options{MaxRecordBytes: -1}, "must not be negative"},
		{"kind none", testSet, testRing, Options{Actions: map[detectors.Kind]Action{detectors.None: Mask}}, "no such kind"},
		{"kind too big", testSet, testRing, Options{Actions: map[detectors.Kind]Action{detectors.MaxKinds: Mask}}, "no such kind"},
		{"action", testSet, testRing, Options{Actions: map[detectors.Kind]Action{detectors.Email: Drop + 1}}, "unknown action"},
		{"email generalize template", testSet, testRing,
			Options{Template: "{mac}", Actions: map[detectors.Kind]Action{detectors.Email: Generalize}}, "contains text the detectors find"},
	}
	for _, tt := range tests {
		_, err := NewEngine(tt.set, tt.ring, tt.o)
		if err == nil || !strings.Contains(err.Error(), tt.errText) {
			t.Errorf("%s: error %v, want one saying %q", tt.name, err, tt.errText)
		}
	}
}

func TestEngineKeyID(t *testing.T) {
	e, err := NewEngine(testSet, testRing, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if e.KeyID() != "k1" {
		t.Errorf("KeyID() = %q", e.KeyID())
	}
}

func TestParseNames(t *testing.T) {
	for f := FormatAuto; f <= FormatText; f++ {
		if got, err := ParseFormat(f.String()); err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %v, %v", f, got, err)
		}
	}
	for a := Tokenize; a <= Drop; a++ {
		if got, err := ParseAction(a.String()); err != nil || got != a {
			t.Errorf("ParseAction(%q) = %v, %v", a, got, err)
		}
	}
	if _, err := ParseFormat("xml"); err == nil {
		t.Error("ParseFormat(xml) succeeded")
	}
	if _, err := ParseAction("hash"); err == nil {
		t.Error("ParseAction(hash) succeeded")
	}
	for r, want := range map[Reason]string{ReasonInvalidUTF8: "invalid_utf8", ReasonTooLarge: "too_large", ReasonMalformedJSON: "malformed_json"} {
		if r.String() != want {
			t.Errorf("Reason(%d).String() = %q, want %q", r, r, want)
		}
	}
}
