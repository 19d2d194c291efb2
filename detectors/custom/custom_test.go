package custom

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pixelprivacy/veil/detectors"
)

func mustNew(t testing.TB, o Options) *Detector {
	t.Helper()
	d, err := New(detectors.FirstCustom, o)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func found(d *Detector, text string) ([]string, error) {
	spans, err := d.AppendSpans(nil, []byte(text), time.Now().Add(time.Second))
	var out []string
	for _, s := range spans {
		out = append(out, text[s.Start:s.End])
	}
	return out, err
}

func TestAppendSpans(t *testing.T) {
	employee := Options{Name: "EMPLOYEE_ID", Pattern: `(?<=\bemp[-#: ]?)\d{6}\b`, Context: []string{"employee", "staff"}}
	tests := []struct {
		name string
		o    Options
		text string
		want []string
	}{
		{"lookbehind and context", employee, "staff record emp#123456 updated", []string{"123456"}},
		{"no context", employee, "record emp#123456 updated", nil},
		{"context too far", Options{Name: "E", Pattern: `emp\d{6}`, Context: []string{"staff"}, ContextWindow: 8}, "staff .................... emp123456", nil},
		{"not after emp", employee, "staff 123456", nil},
		{"two", Options{Name: "TICKET", Pattern: `TCK-\d{4}`}, "TCK-1234 and TCK-9876", []string{"TCK-1234", "TCK-9876"}},
		{"luhn", Options{Name: "CARDISH", Pattern: `\b\d{16}\b`, Validator: ValidatorLuhn}, "4111111111111111 4111111111111112", []string{"4111111111111111"}},
		{"ignore case", Options{Name: "SKU", Pattern: `(?i)sku-\d+`}, "Sku-42 SKU-7", []string{"Sku-42", "SKU-7"}},
		{"non-ascii text", Options{Name: "NICKNAME", Pattern: `名前：\p{L}+`}, "名前：たろう です", []string{"名前：たろう"}},
		{"byte offsets after multibyte", Options{Name: "T", Pattern: `T\d`}, "日本 T1", []string{"T1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := found(mustNew(t, tt.o), tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPrefilter(t *testing.T) {
	tests := []struct{ pattern, want string }{
		{`(?<=\bemp[-#: ]?)\d{6}\b`, "emp"},
		{`TCK-\d{4}`, "TCK-"},
		{`(?:ab|cd)\d+`, ""},
		{`x?\d+`, ""},
		{`(?i)Order-(\d+)`, "-"}, // case-insensitive letters become sets
		{`(?:ref)+-\d`, "ref"},
		{`\d{6}`, ""},
	}
	for _, tt := range tests {
		if got := mustNew(t, Options{Name: "P", Pattern: tt.pattern}).Prefilter(); got != tt.want {
			t.Errorf("Prefilter(%q) = %q, want %q", tt.pattern, got, tt.want)
		}
	}
}

// TestCatastrophicPattern runs (a+)+$ on a long run of a's: the detector
// gives up at its timeout instead of running for minutes.
func TestCatastrophicPattern(t *testing.T) {
	d := mustNew(t, Options{Name: "REDOS", Pattern: `(a+)+$`, Timeout: 50 * time.Millisecond})
	text := []byte(strings.Repeat("a", 40) + "!")
	start := time.Now()
	_, err := d.AppendSpans(nil, text, time.Now().Add(d.Timeout()))
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Fatalf("took %v", took)
	}
	if _, err := d.AppendSpans(nil, text, time.Now().Add(-time.Second)); !errors.Is(err, ErrTimeout) {
		t.Fatalf("past deadline: err = %v", err)
	}
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		o    Options
		want string
	}{
		{Options{Name: "emp", Pattern: `x`}, "name"},
		{Options{Name: "EMAIL", Pattern: `x`}, "built-in"},
		{Options{Name: "E", Pattern: `(?<=emp\d{6}`}, "missing closing ) in `(?<=emp\\d{6}` at byte 12"},
		{Options{Name: "E", Pattern: `a[b`}, "at byte"},
		{Options{Name: "E", Pattern: `x`, Validator: "crc"}, "validator"},
		{Options{Name: "E", Pattern: `x`, ContextWindow: 1000}, "context window"},
		{Options{Name: "E", Pattern: `x`, Timeout: -1}, "timeout"},
		{Options{Name: "E", Pattern: `x`, Context: []string{" "}}, "context word"},
	}
	for _, tt := range tests {
		_, err := New(detectors.FirstCustom, tt.o)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("New(%+v) = %v, want an error with %q", tt.o, err, tt.want)
		}
	}
	if _, err := New(detectors.Email, Options{Name: "E", Pattern: "x"}); err == nil {
		t.Error("New accepted a built-in kind number")
	}
}

// FuzzAppendSpans checks that a detector never panics and keeps its spans
// in bounds on any text.
func FuzzAppendSpans(f *testing.F) {
	for _, s := range []string{"", "staff emp#123456", "日本 T1 emp-000000", strings.Repeat("a", 30)} {
		f.Add(s)
	}
	ds := []*Detector{
		mustNew(f, Options{Name: "EMPLOYEE_ID", Pattern: `(?<=\bemp[-#: ]?)\d{6}\b`, Context: []string{"staff"}}),
		mustNew(f, Options{Name: "NICKNAME", Pattern: `(?i)name[:=]\s*\p{L}+`}),
		mustNew(f, Options{Name: "REDOS", Pattern: `(a+)+$`, Timeout: time.Millisecond}),
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, d := range ds {
			spans, err := d.AppendSpans(nil, []byte(text), time.Now().Add(10*time.Millisecond))
			if err != nil && !errors.Is(err, ErrTimeout) {
				t.Fatal(err)
			}
			for _, s := range spans {
				if s.Start < 0 || s.End > len(text) || s.Start >= s.End || s.Kind != d.Kind() {
					t.Fatalf("bad span %+v in %q", s, text)
				}
			}
		}
	})
}
