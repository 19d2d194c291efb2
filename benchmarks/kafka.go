package benchmarks

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"syscall"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/pixelprivacy/veil/benchmarks/gen"
	"github.com/pixelprivacy/veil/pipeline/broker"
	"github.com/pixelprivacy/veil/pipeline/kafkarun"
	"github.com/pixelprivacy/veil/transforms"
)

// KafkaOptions configure a Kafka-to-Kafka load run (see KafkaLoad). The zero
// value runs 300,000 records through an embedded broker.
type KafkaOptions struct {
	// Brokers to run against; empty starts an embedded broker on a random
	// loopback port for the run. The run creates its own topics, named
	// veil-bench-<random>.*, and deletes them afterwards.
	Brokers []string
	// Records is how many records are preloaded and drained; zero means
	// 300,000.
	Records int
	// Partitions of the run's topics; zero means 6.
	Partitions int
	// Compression of the pipeline's output batches.
	Compression kafka.Compression
	// Copy runs the pipeline without redaction, as the raw-copy baseline:
	// the same fetch, worker, batch, write and commit path.
	Copy bool
	// Engine redacts; nil means the default detectors and options with an
	// ephemeral key.
	Engine *transforms.Engine
	// LatencyRate, if positive, is the records/s offered after the drain,
	// for LatencyDuration (default 2s), to measure record latency at a
	// steady rate.
	LatencyRate     int
	LatencyDuration time.Duration
	// Progress, if set, is called about every 100ms while the pipeline
	// drains, with the records done and the total.
	Progress func(done, total int)
}

// KafkaResult is what a load run measured.
type KafkaResult struct {
	Records int           `json:"records"`    // records drained
	Bytes   int64         `json:"bytes"`      // their value bytes
	Elapsed time.Duration `json:"elapsed_ns"` // from the first record fetched to the last acknowledged
	// RecordsPerSec and MBPerSec are the drain rates.
	RecordsPerSec float64 `json:"records_per_s"`
	MBPerSec      float64 `json:"mb_per_s"`
	// CPUCores is the CPU this process used while draining, in cores: the
	// embedded broker's included, when there is one.
	CPUCores float64 `json:"cpu_cores"`
	// P50 and P99 are record latencies (record timestamp to output
	// acknowledgement) at LatencyRate; zero when it was not measured.
	P50 time.Duration `json:"p50_ns"`
	P99 time.Duration `json:"p99_ns"`
}

const defaultLoadRecords = 300_000

// KafkaLoad preloads an input topic with the labeled generator's events
// (usage, log and prompt in equal parts, about 320 bytes each), runs the
// pipeline of `veil run` on it until every record is acknowledged by the
// output topic, and measures throughput and, optionally, latency.
func KafkaLoad(ctx context.Context, o KafkaOptions) (KafkaResult, error) {
	if o.Records == 0 {
		o.Records = defaultLoadRecords
	}
	if o.Partitions == 0 {
		o.Partitions = broker.DefaultPartitions
	}
	if o.LatencyDuration == 0 {
		o.LatencyDuration = 2 * time.Second
	}
	if o.Records < 0 || o.Partitions < 0 || o.LatencyRate < 0 || o.LatencyDuration < 0 {
		return KafkaResult{}, errors.New("benchmarks: negative records, partitions or latency settings")
	}
	newT, err := transformers(o)
	if err != nil {
		return KafkaResult{}, err
	}
	addrs := o.Brokers
	if len(addrs) == 0 {
		b, err := broker.Start(ctx, broker.Options{Listen: "127.0.0.1:0", Partitions: o.Partitions})
		if err != nil {
			return KafkaResult{}, err
		}
		defer b.Close()
		addrs = b.Addrs()
	}
	run := "veil-bench-" + nonce()
	in, out, dlq := run+".in", run+".out", run+".dlq"
	if err := createTopics(ctx, addrs, o.Partitions, in, out, dlq); err != nil {
		return KafkaResult{}, err
	}
	defer deleteTopics(addrs, in, out, dlq)

	w := &kafka.Writer{
		Addr: kafka.TCP(addrs...), Topic: in, Balancer: &kafka.RoundRobin{},
		BatchSize: 5000, BatchTimeout: time.Millisecond, RequiredAcks: kafka.RequireOne,
	}
	defer w.Close()
	values := loadValues(4096)
	bytes, err := preload(ctx, w, values, o.Records)
	if err != nil {
		return KafkaResult{}, err
	}

	r, err := kafkarun.New(kafkarun.Options{
		Brokers: addrs, Group: run, DLQ: dlq,
		Inputs:         []kafkarun.Input{{Topic: in, Format: transforms.FormatAuto, Output: out}},
		NewTransformer: newT, Compression: o.Compression,
	})
	if err != nil {
		return KafkaResult{}, err
	}
	rctx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- r.Run(rctx) }()
	defer func() {
		stop()
		<-done
	}()

	res := KafkaResult{Records: o.Records, Bytes: bytes}
	acked := func() int { st := r.Stats(); return int(st.RecordsOut + st.RecordsDLQ) }
	start, err := waitUntil(ctx, done, func() bool { return r.Stats().RecordsIn > 0 })
	if err != nil {
		return res, err
	}
	cpu0 := cpuTime()
	end, err := waitUntil(ctx, done, func() bool {
		n := acked()
		if o.Progress != nil {
			o.Progress(n, o.Records)
		}
		return n >= o.Records
	})
	if err != nil {
		return res, err
	}
	res.Elapsed = end.Sub(start)
	secs := res.Elapsed.Seconds()
	res.RecordsPerSec = float64(o.Records) / secs
	res.MBPerSec = float64(bytes) / secs / 1e6
	res.CPUCores = (cpuTime() - cpu0).Seconds() / secs
	if o.LatencyRate == 0 {
		return res, nil
	}

	before := r.Stats().Latency
	sent, err := offer(ctx, w, values, o.LatencyRate, o.LatencyDuration)
	if err != nil {
		return res, err
	}
	if _, err := waitUntil(ctx, done, func() bool { return acked() >= o.Records+sent }); err != nil {
		return res, err
	}
	l := r.Stats().Latency.Sub(before)
	res.P50, res.P99 = l.Quantile(0.5), l.Quantile(0.99)
	return res, nil
}

// copier is the raw-copy Transformer: it copies records unchanged.
type copier struct{}

func (copier) RedactRecord(dst, rec []byte, _ transforms.Format, _ *transforms.Profile) ([]byte, transforms.Facts, error) {
	return append(dst, rec...), transforms.Facts{}, nil
}

func (copier) RedactNamed(dst, value, _ []byte, _ *transforms.Profile) ([]byte, transforms.Facts, error) {
	return append(dst, value...), transforms.Facts{}, nil
}

func transformers(o KafkaOptions) (func() kafkarun.Transformer, error) {
	if o.Copy {
		return func() kafkarun.Transformer { return copier{} }, nil
	}
	e := o.Engine
	if e == nil {
		var err error
		if e, err = NewEngine(); err != nil {
			return nil, err
		}
	}
	return func() kafkarun.Transformer { return e.NewWorker() }, nil
}

// loadValues returns n events of the generator, usage, log and prompt in
// equal parts.
func loadValues(n int) [][]byte {
	g := gen.New(gen.Options{Seed: 1, Mix: [3]int{1, 1, 1}})
	vs := make([][]byte, n)
	for i := range vs {
		vs[i] = g.Next().Line
	}
	return vs
}

// preload writes n records, cycling through values, and returns their bytes.
func preload(ctx context.Context, w *kafka.Writer, values [][]byte, n int) (int64, error) {
	var bytes int64
	msgs := make([]kafka.Message, 0, 50_000)
	for i := 0; i < n; i += cap(msgs) {
		msgs = msgs[:0]
		for j := i; j < min(n, i+cap(msgs)); j++ {
			v := values[j%len(values)]
			bytes += int64(len(v))
			msgs = append(msgs, kafka.Message{Value: v})
		}
		if err := w.WriteMessages(ctx, msgs...); err != nil {
			return 0, fmt.Errorf("benchmarks: preload: %w", err)
		}
	}
	return bytes, nil
}

// offer writes records at rate per second for d, in batches every 5ms, each
// stamped with the time it was sent, and returns how many it wrote.
func offer(ctx context.Context, w *kafka.Writer, values [][]byte, rate int, d time.Duration) (int, error) {
	const tick = 5 * time.Millisecond
	per := max(1, rate*int(tick)/int(time.Second))
	t := time.NewTicker(tick)
	defer t.Stop()
	w.BatchSize = per
	msgs := make([]kafka.Message, per)
	sent := 0
	for range int(d / tick) {
		select {
		case <-t.C:
		case <-ctx.Done():
			return sent, ctx.Err()
		}
		now := time.Now()
		for j := range msgs {
			msgs[j] = kafka.Message{Value: values[(sent+j)%len(values)], Time: now}
		}
		if err := w.WriteMessages(ctx, msgs...); err != nil {
			return sent, fmt.Errorf("benchmarks: offer: %w", err)
		}
		sent += per
	}
	return sent, nil
}

// waitUntil polls cond every 10ms and returns when it first held; it fails
// if ctx ends or the runner stops first. The poll bounds the error of a
// measured time: at 100ms, --quick's 50,000 records, done in 0.3-0.6 s,
// were measured in steps of a fifth to a third of their time.
func waitUntil(ctx context.Context, done <-chan error, cond func() bool) (time.Time, error) {
	t := time.NewTicker(10 * time.Millisecond)
	defer t.Stop()
	for {
		if cond() {
			return time.Now(), nil
		}
		select {
		case <-ctx.Done():
			return time.Time{}, ctx.Err()
		case err := <-done:
			return time.Time{}, fmt.Errorf("benchmarks: the pipeline stopped: %w", err)
		case <-t.C:
		}
	}
}

func createTopics(ctx context.Context, addrs []string, partitions int, topics ...string) error {
	c := &kafka.Client{Addr: kafka.TCP(addrs...), Timeout: 30 * time.Second}
	req := &kafka.CreateTopicsRequest{}
	for _, t := range topics {
		req.Topics = append(req.Topics, kafka.TopicConfig{Topic: t, NumPartitions: partitions, ReplicationFactor: 1})
	}
	res, err := c.CreateTopics(ctx, req)
	if err != nil {
		return fmt.Errorf("benchmarks: create topics: %w", err)
	}
	for t, err := range res.Errors {
		if err != nil {
			return fmt.Errorf("benchmarks: create topic %s: %w", t, err)
		}
	}
	return nil
}

// deleteTopics removes the run's topics, best effort: a benchmark against a
// shared cluster should not leave them behind.
func deleteTopics(addrs []string, topics ...string) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c := &kafka.Client{Addr: kafka.TCP(addrs...), Timeout: 10 * time.Second}
	_, _ = c.DeleteTopics(ctx, &kafka.DeleteTopicsRequest{Topics: topics})
}

func nonce() string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// cpuTime returns the user and system CPU time this process used so far.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
