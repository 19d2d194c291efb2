package benchmarks_test

import (
	"testing"

	"github.com/pixelprivacy/veil/benchmarks"
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
