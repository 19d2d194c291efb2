package transforms

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/detectors/custom"
)

func newCustom(t testing.TB, i int, o custom.Options) *custom.Detector {
	t.Helper()
	d, err := custom.New(detectors.FirstCustom+detectors.Kind(i), o)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestCustomDetectors(t *testing.T) {
	emp := newCustom(t, 0, custom.Options{Name: "EMPLOYEE_ID", Pattern: `(?<=\bemp[-#: ]?)\d{6}\b`, Context: []string{"staff"}})
	ticket := newCustom(t, 1, custom.Options{Name: "TICKET", Pattern: `TCK-\d{4}`})
	w := newTestWorker(t, Options{Custom: []*custom.Detector{emp, ticket}, Actions: map[detectors.Kind]Action{ticket.Kind(): Label}})
	tests := []struct{ in, want string }{
		{"staff emp#123456 mailed a@b.example.com", "staff emp#" + string(w.AppendToken(nil, emp.Kind(), []byte("123456"))) + " mailed " + string(w.AppendToken(nil, detectors.Email, []byte("a@b.example.com")))},
		{`{"note":"see TCK-1234","staff":"emp 654321"}`, `{"note":"see [TICKET]","staff":"emp 654321"}`}, // the context word is a key, not in the value
		{"emp#123456 without context", "emp#123456 without context"},
	}
	for _, tt := range tests {
		out, err := w.Redact(nil, []byte(tt.in), FormatAuto)
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != tt.want {
			t.Errorf("Redact(%q)\n got %s\nwant %s", tt.in, out, tt.want)
		}
	}
	if tok := w.AppendToken(nil, emp.Kind(), []byte("1")); !strings.HasPrefix(string(tok), "<EMPLOYEE_ID:k1:") {
		t.Errorf("token %s", tok)
	}
}

// TestCustomTimeout: a catastrophic pattern fails the record closed.
func TestCustomTimeout(t *testing.T) {
	redos := newCustom(t, 0, custom.Options{Name: "REDOS", Pattern: `(a+)+$`, Timeout: 20 * time.Millisecond})
	w := newTestWorker(t, Options{Custom: []*custom.Detector{redos}})
	start := time.Now()
	out, err := w.Redact([]byte("kept"), []byte(strings.Repeat("a", 40)+"!"), FormatText)
	var re *RecordError
	if !errors.As(err, &re) || re.Reason != ReasonDetectorTimeout || string(out) != "kept" {
		t.Fatalf("Redact = %q, %v; want the record refused as detector_timeout", out, err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Fatalf("took %v", took)
	}
	// The next record is fine.
	if out, err := w.Redact(nil, []byte("aaa"), FormatText); err != nil || string(out) != string(w.AppendToken(nil, redos.Kind(), []byte("aaa"))) {
		t.Fatalf("next record: %q, %v", out, err)
	}
}

func TestCustomFindsTokens(t *testing.T) {
	greedy := newCustom(t, 0, custom.Options{Name: "LETTERS", Pattern: `[g-z]{24}`})
	if _, err := NewEngine(testSet, testRing, Options{Custom: []*custom.Detector{greedy}}); err == nil || !strings.Contains(err.Error(), "LETTERS") {
		t.Fatalf("NewEngine accepted a detector that finds tokens: %v", err)
	}
}
