package transforms

import (
	"bytes"
	"embed"
	"strconv"
	"strings"
	"testing"

	"github.com/pixelprivacy/veil/detectors"
)

// benchData holds small samples of the three kinds of events: mobile usage
// telemetry (JSON), server logs (text) and assistant prompts (JSON with free
// text in several languages), 200 to 560 bytes each.
//
//go:embed testdata/bench
var benchData embed.FS

// benchCorpus returns the records of one file of testdata/bench, or of all
// of them interleaved for "mixed".
func benchCorpus(b testing.TB, name string) [][]byte {
	b.Helper()
	if name == "mixed" {
		var all [][][]byte
		for _, n := range []string{"usage.jsonl", "logs.txt", "prompts.jsonl"} {
			all = append(all, benchCorpus(b, n))
		}
		var out [][]byte
		for i := range all[0] {
			for _, recs := range all {
				out = append(out, recs[i%len(recs)])
			}
		}
		return out
	}
	data, err := benchData.ReadFile("testdata/bench/" + name)
	if err != nil {
		b.Fatal(err)
	}
	return bytes.Split(bytes.TrimSuffix(data, []byte("\n")), []byte("\n"))
}

func benchmarkRedact(b *testing.B, recs [][]byte, o Options) {
	w := newTestWorker(b, o)
	dst := make([]byte, 0, 64<<10)
	n := 0
	for _, r := range recs {
		n += len(r)
		if _, err := w.Redact(dst[:0], r, FormatAuto); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range recs {
			dst, _ = w.Redact(dst[:0], r, FormatAuto)
		}
	}
}

// BenchmarkRedact measures whole-record redaction (detection included) with
// tokenization, per corpus. Run with -cpu 1 for the per-core rate.
func BenchmarkRedact(b *testing.B) {
	for _, name := range []string{"usage.jsonl", "logs.txt", "prompts.jsonl", "mixed"} {
		recs := benchCorpus(b, name)
		b.Run(name, func(b *testing.B) { benchmarkRedact(b, recs, Options{}) })
	}
}

// BenchmarkRedactActions measures each action on the mixed corpus.
func BenchmarkRedactActions(b *testing.B) {
	recs := benchCorpus(b, "mixed")
	for a := Tokenize; a <= Drop; a++ {
		b.Run(a.String(), func(b *testing.B) { benchmarkRedact(b, recs, Options{Actions: allKinds(a)}) })
	}
}

// BenchmarkScan measures detection alone on the mixed corpus, as the JSON
// walker calls it, so that the cost of the transforms is the difference to
// BenchmarkRedact/mixed.
func BenchmarkScan(b *testing.B) {
	recs := benchCorpus(b, "mixed")
	n := 0
	for _, r := range recs {
		n += len(r)
	}
	var spans []detectors.Span
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range recs {
			spans = testSet.AppendSpans(spans[:0], r)
		}
	}
}

// BenchmarkToken measures one token: from the cache (a device ID seen
// before) and computed (a value not seen recently).
func BenchmarkToken(b *testing.B) {
	w := newTestWorker(b, Options{})
	value := []byte("3f2504e0-4f89-41d3-9a0c-0305e82c3301")
	var dst []byte
	b.Run("cached", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			dst = w.appendToken(dst[:0], detectors.ADID, formText, value, false)
		}
	})
	b.Run("computed", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			i++
			value = strconv.AppendInt(value[:36], int64(i), 10) // a new value each time
			dst = w.appendToken(dst[:0], detectors.ADID, formText, value, false)
		}
	})
}

// BenchmarkValueFields redacts one JSON value of many fields, as a log
// line held in a JSON string has them: each ruled value was first aligned
// by reading the value from its start (1.9 s for 900 KB and 100,000
// fields through veil redact), now from the last one's end.
func BenchmarkValueFields(b *testing.B) {
	w, p := newProfileWorker(b, textPolicy)
	rec := []byte(`{"log":"` + strings.Repeat("user_id=u_1 ", 20000) + `"}`)
	b.SetBytes(int64(len(rec)))
	b.ReportAllocs()
	var dst []byte
	for b.Loop() {
		dst, _, _ = w.RedactRecord(dst[:0], rec, FormatJSON, p)
	}
}
