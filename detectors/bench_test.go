package detectors_test

import (
	"bytes"
	"testing"

	"github.com/pixelprivacy/veil/detectors"
)

// benchProse is PII-free English prose with ordinary punctuation and a few numbers.
var benchProse = bytes.Repeat([]byte("Turn this photo into a watercolor painting of a quiet harbor at dawn, "+
	"with soft pastel colors, gentle reflections on the water and two small boats. Make it 4k, "+
	"keep the faces natural-looking and add a warm, golden light; the style should feel like "+
	"a late 19th-century impressionist piece. Don't over-sharpen: e.g. keep it dreamy. "), 64)

// benchMixed is log and telemetry text with PII and decoys.
var benchMixed = bytes.Repeat([]byte(`2026-06-02T10:11:12.345Z INFO upload done user=alice@example.com ip=10.1.2.3 took=123ms status=200
203.0.113.7 - - [02/Jun/2026:10:11:12 +0000] "GET /api/v1/render?email=li.wei%40163.com HTTP/1.1" 200 5321 "-" "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) Chrome/124.0.0.0 Safari/537.36"
{"event":"app_open","ts":"2026-06-02T10:11:12Z","epoch_ms":1780395072123,"device":{"model":"iPhone15,2","os_version":"17.4.1"},"imei":"490154203237518","mac":"aa:bb:cc:dd:ee:ff","idfa":"6D92078A-8246-4BA4-AE5B-76104861E7DC","request_id":"550e8400-e29b-41d4-a716-446655440000","phone":"+8613800138000","res":"1920x1080","price":12.99}
`), 16)

// benchHostile are lines of one short pattern repeated, each of which the
// scan once read in time of the square of its length (a 1 MiB line of
// "1 1 1 …" took minutes): the number skim and the host-name reader read
// as far as the pattern went, from each of its anchors. Their MB/s must
// stay of the order of the mixed text's.
var benchHostile = func() (cases []struct {
	name string
	data []byte
}) {
	for _, p := range []string{"1 ", "(1)", "1. ", "1-2 ", "1 - ", "1-", "1."} {
		cases = append(cases, struct {
			name string
			data []byte
		}{"hostile " + p, bytes.Repeat([]byte(p), 256<<10/len(p))})
	}
	return cases
}()

func BenchmarkAppendSpans(b *testing.B) {
	cases := []struct {
		name string
		data []byte
	}{{"prose", benchProse}, {"mixed", benchMixed}}
	for _, c := range append(cases, benchHostile...) {
		b.Run(c.name, func(b *testing.B) {
			spans := make([]detectors.Span, 0, 1024)
			b.SetBytes(int64(len(c.data)))
			b.ReportAllocs()
			for b.Loop() {
				spans = testSet.AppendSpans(spans[:0], c.data)
			}
		})
	}
}
