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
	mixed := benchmarks.Generate(1, 4000, [3]int{})
	prose := benchmarks.Prose(256 << 10)
	w, err := benchmarks.NewWorker()
	if err != nil {
		b.Fatal(err)
	}
	baseline := benchmarks.NewRegexpBaseline()
	out := make([]byte, 0, 1<<21)

	b.Run("mixed", func(b *testing.B) {
		b.SetBytes(mixed.Bytes)
		b.ReportAllocs()
		for b.Loop() {
			for _, ev := range mixed.Events {
				out, err = w.Redact(out[:0], ev.Line, transforms.FormatAuto)
				if err != nil {
					b.Fatal(err)
				}
			}
		}
	})
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
