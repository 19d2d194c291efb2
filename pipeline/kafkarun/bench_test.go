package kafkarun

import (
	"bytes"
	"context"
	"flag"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/segmentio/kafka-go/compress"

	"github.com/pixelprivacy/veil/benchmarks/gen"
	"github.com/pixelprivacy/veil/pipeline/broker"
	"github.com/pixelprivacy/veil/transforms"
)

var (
	benchRecords = flag.Int("kafkabench.records", 300_000, "records per Kafka-to-Kafka measurement")
	benchRate    = flag.Int("kafkabench.rate", 20_000, "records/s offered while measuring latency")
)

// copier is the raw-copy baseline: the same fetch, worker, batch, write and
// commit path without redaction.
type copier struct{}

func (copier) Redact(dst, rec []byte, _ transforms.Format) ([]byte, error) {
	return append(dst, rec...), nil
}

// BenchmarkKafkaToKafka measures the pipeline end to end against the
// in-process broker on loopback, for each output compression codec: the
// throughput of draining a preloaded input topic with redaction and as a
// raw copy (their ratio shows what redaction costs), then the latency
// (record timestamp to output acknowledgement) at a steady offered rate.
// It is a measurement, not a test: run it with
//
//	go test -run '^$' -bench KafkaToKafka -benchtime 3x ./pipeline/kafkarun
func BenchmarkKafkaToKafka(b *testing.B) {
	codecs := []struct {
		name string
		c    kafka.Compression
	}{{"none", 0}, {"lz4", kafka.Lz4}, {"snappy", kafka.Snappy}, {"zstd", kafka.Zstd}}
	e := testEngine(b)
	values := benchValues(4096)
	for _, codec := range codecs {
		b.Run(codec.name, func(b *testing.B) {
			// Alternate raw copy and redaction, and report medians: the
			// machine is shared, so single runs are noisy.
			var raw, red []measurement
			for b.Loop() {
				raw = append(raw, drain(b, values, codec.c, func() Transformer { return copier{} }, false))
				red = append(red, drain(b, values, codec.c, redactors(e), true))
			}
			rawRate, redRate := median(raw, func(m measurement) float64 { return m.rate }), median(red, func(m measurement) float64 { return m.rate })
			b.ReportMetric(redRate, "rec/s")
			b.ReportMetric(median(red, func(m measurement) float64 { return m.mbps }), "MB/s")
			b.ReportMetric(rawRate, "copy-rec/s")
			b.ReportMetric(redRate/rawRate, "ratio")
			// CPU per record (broker included) is steadier than rates
			// when other processes compete for the CPU.
			rawCPU := median(raw, func(m measurement) float64 { return m.cores / m.rate * 1e6 })
			redCPU := median(red, func(m measurement) float64 { return m.cores / m.rate * 1e6 })
			b.ReportMetric(redCPU, "cpu-us/rec")
			b.ReportMetric(rawCPU, "copy-cpu-us/rec")
			b.ReportMetric(rawCPU/redCPU, "cpu-ratio")
			b.ReportMetric(median(red, func(m measurement) float64 { return float64(m.p50) / 1e6 }), "p50-ms")
			b.ReportMetric(median(red, func(m measurement) float64 { return float64(m.p99) / 1e6 }), "p99-ms")
		})
	}
}

func median(ms []measurement, f func(measurement) float64) float64 {
	vs := make([]float64, len(ms))
	for i, m := range ms {
		vs[i] = f(m)
	}
	slices.Sort(vs)
	return vs[len(vs)/2]
}

type measurement struct {
	rate, mbps float64
	cores      float64 // CPU used by the process (broker included) while draining
	p50, p99   time.Duration
}

// benchValues returns n synthetic events from the labeled generator, usage
// telemetry, log lines and prompts in equal parts: about 320 bytes each on
// average, with several personal values apiece.
func benchValues(n int) [][]byte {
	g := gen.New(gen.Options{Seed: 1, Mix: [3]int{1, 1, 1}})
	vs := make([][]byte, n)
	for i := range vs {
		vs[i] = g.Next().Line
	}
	return vs
}

// drain preloads an input topic and measures how fast a fresh runner turns
// it into output; with latency, it then offers a steady rate and measures
// record latency.
func drain(b *testing.B, values [][]byte, codec kafka.Compression, nt func() Transformer, latency bool) measurement {
	b.Helper()
	b.StopTimer()
	defer b.StartTimer()
	const parts = 6
	in := []Input{{Topic: "bench.in", Format: transforms.FormatAuto, Output: "bench.out"}}
	br := startBroker(b, broker.Options{Partitions: parts, Topics: []string{"bench.in", "bench.out", testDLQ}})
	defer br.Close()
	addrs := br.Addrs()
	n := *benchRecords
	var bytes int64
	w := &kafka.Writer{
		Addr: kafka.TCP(addrs...), Topic: "bench.in", Balancer: &kafka.RoundRobin{},
		BatchSize: 5000, BatchTimeout: time.Millisecond, RequiredAcks: kafka.RequireOne,
	}
	defer w.Close()
	msgs := make([]kafka.Message, 0, 50_000)
	for i := 0; i < n; i += cap(msgs) {
		msgs = msgs[:0]
		for j := i; j < min(n, i+cap(msgs)); j++ {
			v := values[j%len(values)]
			bytes += int64(len(v))
			msgs = append(msgs, kafka.Message{Value: v})
		}
		if err := w.WriteMessages(context.Background(), msgs...); err != nil {
			b.Fatal(err)
		}
	}

	o := Options{
		Brokers: addrs, Group: "bench", DLQ: testDLQ, Inputs: in,
		NewTransformer: nt, Compression: codec, Logger: testLogger(b),
	}
	r := startRunner(b, o)
	defer func() { _ = r.stop(b) }()
	var start time.Time
	waitFor(b, 5*time.Minute, "the runner to start", func() bool {
		start = time.Now()
		return r.Stats().RecordsIn > 0
	})
	cpu0 := cpuTime()
	first := r.Stats()
	var end time.Time
	waitFor(b, 10*time.Minute, "the runner to drain the input", func() bool {
		st := r.Stats()
		end = time.Now()
		return st.RecordsOut+st.RecordsDLQ >= uint64(n)
	})
	last := r.Stats()
	done := float64(last.RecordsOut + last.RecordsDLQ - first.RecordsOut - first.RecordsDLQ)
	secs := end.Sub(start).Seconds()
	m := measurement{rate: done / secs, mbps: done / float64(n) * float64(bytes) / secs / 1e6,
		cores: (cpuTime() - cpu0).Seconds() / secs}
	if !latency {
		return m
	}

	// Latency at a steady offered rate, in batches every 5ms.
	before := r.Stats().Latency
	const tick = 5 * time.Millisecond
	per := max(1, *benchRate*int(tick)/int(time.Second))
	t := time.NewTicker(tick)
	defer t.Stop()
	w.BatchSize = per
	for i := 0; i < 2*int(time.Second/tick); i++ {
		<-t.C
		msgs = msgs[:0]
		now := time.Now()
		for j := range per {
			msgs = append(msgs, kafka.Message{Value: values[(i*per+j)%len(values)], Time: now})
		}
		if err := w.WriteMessages(context.Background(), msgs...); err != nil {
			b.Fatal(err)
		}
	}
	total := uint64(n + 2*int(time.Second/tick)*per)
	waitFor(b, time.Minute, "the latency phase to drain", func() bool {
		st := r.Stats()
		return st.RecordsOut+st.RecordsDLQ >= total
	})
	l := r.Stats().Latency.Sub(before)
	m.p50, m.p99 = l.Quantile(0.5), l.Quantile(0.99)
	return m
}

// cpuTime returns the user and system CPU time the process used so far.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// BenchmarkCompression compresses batches of de-identified records with
// each codec the way kafka-go's writer does (one stream per partition's
// batch, zstd at veil's level), and reports the compression ratio next to
// the speed.
func BenchmarkCompression(b *testing.B) {
	e := testEngine(b)
	w := e.NewWorker()
	const perBatch = 100 // records per partition in a typical produce request
	var batch []byte
	for _, v := range benchValues(perBatch) {
		out, err := w.Redact(nil, v, transforms.FormatAuto)
		if err != nil {
			b.Fatal(err)
		}
		batch = append(batch, out...)
	}
	compress.ZstdCodec.Level = zstdLevel
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
