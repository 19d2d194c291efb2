package benchmarks_test

import (
	"bytes"
	"context"
	"flag"
	"slices"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/segmentio/kafka-go/compress"

	"github.com/pixelprivacy/veil/benchmarks"
	"github.com/pixelprivacy/veil/pipeline/kafkarun"
	"github.com/pixelprivacy/veil/transforms"
)

var kafkaRecords = flag.Int("kafka.records", 300_000, "records per Kafka-to-Kafka measurement")

// TestKafkaLoad runs a small load through the embedded broker: the harness
// that BenchmarkKafkaToKafka and `veil bench` use must drain every record
// and measure something.
func TestKafkaLoad(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	res, err := benchmarks.KafkaLoad(ctx, benchmarks.KafkaOptions{Records: 2000, Partitions: 2, LatencyRate: 1000, LatencyDuration: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if res.Records != 2000 || res.RecordsPerSec <= 0 || res.Bytes <= 0 || res.P99 < res.P50 || res.P50 <= 0 {
		t.Fatalf("implausible result %+v", res)
	}
}

// BenchmarkKafkaToKafka measures the pipeline end to end against the
// embedded broker on loopback, for each output codec: the rate of draining a
// preloaded input topic with redaction and as a raw copy (their ratio shows
// what redaction costs), then record latency at a steady 20,000 records/s.
// It is a measurement, not a test; each b.N alternates a copy and a
// redaction run, and medians are reported, the machine being shared:
//
//	go test -run '^$' -bench KafkaToKafka -benchtime 3x ./benchmarks
func BenchmarkKafkaToKafka(b *testing.B) {
	codecs := []struct {
		name string
		c    kafka.Compression
	}{{"none", 0}, {"lz4", kafka.Lz4}, {"snappy", kafka.Snappy}, {"zstd", kafka.Zstd}}
	engine, err := benchmarks.NewEngine()
	if err != nil {
		b.Fatal(err)
	}
	for _, codec := range codecs {
		b.Run(codec.name, func(b *testing.B) {
			var raw, red []benchmarks.KafkaResult
			for b.Loop() {
				o := benchmarks.KafkaOptions{Records: *kafkaRecords, Compression: codec.c, Engine: engine}
				o.Copy = true
				raw = append(raw, load(b, o))
				o.Copy, o.LatencyRate = false, 20_000
				red = append(red, load(b, o))
			}
			rate := func(r benchmarks.KafkaResult) float64 { return r.RecordsPerSec }
			cpu := func(r benchmarks.KafkaResult) float64 { return r.CPUCores / r.RecordsPerSec * 1e6 }
			b.ReportMetric(median(red, rate), "rec/s")
			b.ReportMetric(median(red, func(r benchmarks.KafkaResult) float64 { return r.MBPerSec }), "MB/s")
			b.ReportMetric(median(raw, rate), "copy-rec/s")
			b.ReportMetric(median(red, rate)/median(raw, rate), "ratio")
			// CPU per record (broker included) is steadier than rates
			// when other processes compete for the CPU.
			b.ReportMetric(median(red, cpu), "cpu-us/rec")
			b.ReportMetric(median(raw, cpu), "copy-cpu-us/rec")
			b.ReportMetric(median(red, func(r benchmarks.KafkaResult) float64 { return float64(r.P50) / 1e6 }), "p50-ms")
			b.ReportMetric(median(red, func(r benchmarks.KafkaResult) float64 { return float64(r.P99) / 1e6 }), "p99-ms")
		})
	}
}

func load(b *testing.B, o benchmarks.KafkaOptions) benchmarks.KafkaResult {
	b.Helper()
	b.StopTimer()
	defer b.StartTimer()
	res, err := benchmarks.KafkaLoad(context.Background(), o)
	if err != nil {
		b.Fatal(err)
	}
	return res
}

func median(rs []benchmarks.KafkaResult, f func(benchmarks.KafkaResult) float64) float64 {
	vs := make([]float64, len(rs))
	for i, r := range rs {
		vs[i] = f(r)
	}
	slices.Sort(vs)
	return vs[len(vs)/2]
}

// BenchmarkCompression compresses batches of de-identified records with
// each codec the way kafka-go's writer does (one stream per partition's
// batch, zstd at the pipeline's level), and reports the compression ratio
// next to the speed: what the default codec is chosen by.
func BenchmarkCompression(b *testing.B) {
	w, err := benchmarks.NewWorker()
	if err != nil {
		b.Fatal(err)
	}
	const perBatch = 100 // records per partition in a typical produce request
	var batch []byte
	for _, ev := range benchmarks.Generate(1, perBatch, [3]int{1, 1, 1}).Events {
		if batch, err = w.Redact(batch, ev.Line, transforms.FormatAuto); err != nil {
			b.Fatal(err)
		}
	}
	compress.ZstdCodec.Level = kafkarun.ZstdLevel
	for _, c := range []kafka.Compression{kafka.Lz4, kafka.Snappy, kafka.Zstd, kafka.Gzip} {
		b.Run(c.String(), func(b *testing.B) {
			var out bytes.Buffer
			b.SetBytes(int64(len(batch)))
			b.ReportAllocs()
			for b.Loop() {
				out.Reset()
				zw := c.Codec().NewWriter(&out)
				if _, err := zw.Write(batch); err != nil {
					b.Fatal(err)
				}
				if err := zw.Close(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(batch))/float64(out.Len()), "ratio")
		})
	}
}
