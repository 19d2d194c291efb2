package benchmarks_test

import (
	"testing"

	"github.com/pixelprivacy/veil/benchmarks"
	"github.com/pixelprivacy/veil/transforms"
)

// Run with GOMAXPROCS=1 for per-core numbers:
//
//	GOMAXPROCS=1 go test ./benchmarks -run '^$' -bench .
func BenchmarkRedact(b *testing.B) {
	w, err := benchmarks.NewWorker()
	if err != nil {
		b.Fatal(err)
	}
	out := make([]byte, 0, 1<<21)
	corpora := []struct {
		name string
		mix  [3]int
	}{
		{"mixed", [3]int{}},
		{"usage", [3]int{1, 0, 0}},
		{"log", [3]int{0, 1, 0}},
		{"prompt", [3]int{0, 0, 1}},
	}
	for _, c := range corpora {
		corpus := benchmarks.Generate(1, 4000, c.mix)
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(corpus.Bytes)
			b.ReportAllocs()
			for b.Loop() {
				for _, ev := range corpus.Events {
					out, err = w.Redact(out[:0], ev.Line, transforms.FormatAuto)
					if err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
	prose := benchmarks.Prose(256 << 10)
	b.Run("prose", func(b *testing.B) {
		b.SetBytes(int64(len(prose)))
		b.ReportAllocs()
		for b.Loop() {
			out, err = w.Redact(out[:0], prose, transforms.FormatText)
			if err != nil {
				b.Fatal(err)
			}
		}
	})
	mixed := benchmarks.Generate(1, 4000, [3]int{})
	baseline := benchmarks.NewRegexpBaseline()
	b.Run("regexp-baseline-mixed", func(b *testing.B) {
		b.SetBytes(mixed.Bytes)
		b.ReportAllocs()
		for b.Loop() {
			for _, ev := range mixed.Events {
				out = baseline.Redact(out[:0], ev.Line)
			}
		}
	})
}
