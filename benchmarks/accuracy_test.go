package benchmarks_test

import (
	"strconv"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/benchmarks"
	"github.com/pixelprivacy/veil/benchmarks/gen"
	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/transforms"
)

// TestAccuracy redacts the labeled generator's events and holds the detectors
// to the bar: recall >= 99.5% for every kind (phone >= 99%) and
// decoys untouched >= 99.5%.
func TestAccuracy(t *testing.T) {
	n := 20000
	if testing.Short() {
		n = 3000
	}
	corpus := benchmarks.Generate(7, n, [3]int{})
	w, err := benchmarks.NewWorker()
	if err != nil {
		t.Fatal(err)
	}
	acc := benchmarks.Measure(corpus.Events, func(dst, line []byte) []byte {
		out, err := w.Redact(dst, line, transforms.FormatAuto)
		if err != nil {
			t.Fatalf("redact: %v", err)
		}
		return out
	})
	checkAccuracy(t, acc)
}

// TestAccuracyEscapedJSON is TestAccuracy on the JSON events written with
// every character beyond ASCII escaped, as Python's json.dumps writes them
// ("\u624b\u673a"). Findings are written back in UTF-8 and the rest stays
// escaped, so the output is compared with its escapes decoded.
func TestAccuracyEscapedJSON(t *testing.T) {
	corpus := benchmarks.Generate(7, 3000, [3]int{})
	var events []gen.Event
	for _, ev := range corpus.Events {
		if ev.Line[0] == '{' && !isASCII(ev.Line) {
			ev.Line = gen.EscapeNonASCII(ev.Line)
			events = append(events, ev)
		}
	}
	w, err := benchmarks.NewWorker()
	if err != nil {
		t.Fatal(err)
	}
	acc := benchmarks.Measure(events, func(dst, line []byte) []byte {
		out, err := w.Redact(nil, line, transforms.FormatJSON)
		if err != nil {
			t.Fatalf("redact: %v", err)
		}
		return decodeNonASCII(dst, out)
	})
	if acc.Events < 400 {
		t.Fatalf("only %d JSON events with text beyond ASCII", acc.Events)
	}
	checkAccuracy(t, acc)
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// decodeNonASCII appends b with its \uXXXX escapes of characters beyond
// ASCII decoded, other escapes kept.
func decodeNonASCII(dst, b []byte) []byte {
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' || i+1 >= len(b) {
			dst = append(dst, b[i])
			continue
		}
		if b[i+1] != 'u' || i+6 > len(b) {
			dst = append(dst, b[i], b[i+1])
			i++
			continue
		}
		r, _ := strconv.ParseUint(string(b[i+2:i+6]), 16, 32)
		n := 6
		if utf16.IsSurrogate(rune(r)) && i+12 <= len(b) && b[i+6] == '\\' && b[i+7] == 'u' {
			r2, _ := strconv.ParseUint(string(b[i+8:i+12]), 16, 32)
			r, n = uint64(utf16.DecodeRune(rune(r), rune(r2))), 12
		}
		if r < utf8.RuneSelf {
			dst = append(dst, b[i:i+6]...)
		} else {
			dst = utf8.AppendRune(dst, rune(r))
		}
		i += n - 1
	}
	return dst
}

// checkAccuracy logs the tallies of acc and fails under the bar.
func checkAccuracy(t *testing.T, acc *benchmarks.Accuracy) {
	t.Helper()
	t.Logf("%d events\n%s", acc.Events, acc.Table())
	for _, m := range acc.Misses {
		t.Logf("miss: %v decoy=%v %q in %s", m.Kind, m.Decoy, m.Value, m.Line)
	}
	for _, k := range acc.Kinds() {
		tl := acc.ByKind[k]
		want := 0.995
		if k == detectors.Phone {
			want = 0.99
		}
		if tl.Planted > 0 && tl.Recall() < want {
			t.Errorf("%v recall %.4f < %.3f", k, tl.Recall(), want)
		}
		if tl.Decoys > 0 && tl.DecoysKept() < 0.995 {
			t.Errorf("%v decoys kept %.4f < 0.995", k, tl.DecoysKept())
		}
	}
}
