package kafkarun

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/pipeline/broker"
	"github.com/pixelprivacy/veil/transforms"
)

// testTopics are the topics of the default configuration.
var testInputs = []Input{
	{Topic: "events.usage", Format: transforms.FormatAuto, Output: "training.usage", KeyName: "device_id"},
	{Topic: "events.logs", Format: transforms.FormatAuto, Output: "training.logs"},
	{Topic: "events.prompts", Format: transforms.FormatJSON, Output: "training.prompts"},
}

const (
	testDLQ   = "veil.dlq"
	testGroup = "veil-test"
)

const testPartitions = 3

// testMaxRecordBytes is the record size limit of the test engine.
const testMaxRecordBytes = 4096

func allTopics(inputs []Input) []string {
	ts := []string{testDLQ}
	for _, in := range inputs {
		ts = append(ts, in.Topic, in.Output)
	}
	return ts
}

// startBroker starts an in-memory broker on a random loopback port, closed
// when the test ends.
func startBroker(t testing.TB, o broker.Options) *broker.Broker {
	t.Helper()
	if o.Listen == "" {
		o.Listen = "127.0.0.1:0"
	}
	if o.Partitions == 0 {
		o.Partitions = testPartitions
	}
	if o.Topics == nil {
		o.Topics = allTopics(testInputs)
	}
	b, err := broker.Start(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	return b
}

// testEngine builds a transforms engine with every detector and a fixed key,
// so that tokens are the same across runners.
func testEngine(t testing.TB) *transforms.Engine {
	t.Helper()
	set, err := detectors.New(detectors.Options{})
	if err != nil {
		t.Fatal(err)
	}
	key, err := transforms.GenerateKey("k1")
	if err != nil {
		t.Fatal(err)
	}
	e, err := transforms.NewEngine(set, &transforms.KeyRing{Active: key, Keys: []*transforms.Key{key}},
		transforms.Options{MaxRecordBytes: testMaxRecordBytes})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// copier is a Transformer that copies records unchanged.
type copier struct{}

func (copier) RedactRecord(dst, rec []byte, _ transforms.Format, _ *transforms.Profile) ([]byte, transforms.Facts, error) {
	return append(dst, rec...), transforms.Facts{}, nil
}

func (copier) RedactNamed(dst, value, _ []byte, _ *transforms.Profile) ([]byte, transforms.Facts, error) {
	return append(dst, value...), transforms.Facts{}, nil
}

func redactors(e *transforms.Engine) func() Transformer {
	return func() Transformer { return e.NewWorker() }
}

// testOptions are runner options for a test: quick commits and a logger
// that writes to the test log when -v.
func testOptions(t testing.TB, addrs []string, e *transforms.Engine) Options {
	return Options{
		Brokers:        addrs,
		Group:          testGroup,
		DLQ:            testDLQ,
		Inputs:         testInputs,
		NewTransformer: redactors(e),
		CommitInterval: 100 * time.Millisecond,
		SessionTimeout: 6 * time.Second,
		Logger:         testLogger(t),
	}
}

func testLogger(t testing.TB) *slog.Logger {
	if !testing.Verbose() {
		return nil
	}
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// running is a Runner started in the background.
type running struct {
	*Runner
	cancel context.CancelFunc
	done   chan error
}

func startRunner(t testing.TB, o Options) *running {
	t.Helper()
	r, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	rr := &running{Runner: r, cancel: cancel, done: make(chan error, 1)}
	go func() { rr.done <- r.Run(ctx) }()
	t.Cleanup(func() { _ = rr.stop(t) })
	return rr
}

// stop cancels the runner and waits for Run to return.
func (r *running) stop(t testing.TB) error {
	r.cancel()
	select {
	case err, ok := <-r.done:
		if ok {
			close(r.done)
			return err
		}
		return nil
	case <-time.After(30 * time.Second):
		t.Fatal("runner did not stop within 30s")
		return nil
	}
}

// produce writes msgs to topic; each goes to partition msg.Partition.
func produce(t testing.TB, addrs []string, topic string, msgs []kafka.Message) {
	t.Helper()
	w := &kafka.Writer{
		Addr:         kafka.TCP(addrs...),
		Topic:        topic,
		Balancer:     kafka.BalancerFunc(func(m kafka.Message, p ...int) int { return p[m.Partition%len(p)] }),
		RequiredAcks: kafka.RequireAll,
		BatchSize:    len(msgs),
		BatchTimeout: time.Millisecond,
	}
	defer w.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := w.WriteMessages(ctx, msgs...); err != nil {
		t.Fatalf("produce to %s: %v", topic, err)
	}
}

// endOffsets returns the high watermark of each partition of topic.
func endOffsets(t testing.TB, addrs []string, topic string) map[int]int64 {
	t.Helper()
	c := &kafka.Client{Addr: kafka.TCP(addrs...), Timeout: 10 * time.Second}
	ctx := context.Background()
	md, err := c.Metadata(ctx, &kafka.MetadataRequest{Topics: []string{topic}})
	if err != nil {
		t.Fatalf("metadata of %s: %v", topic, err)
	}
	if len(md.Topics) != 1 || md.Topics[0].Error != nil {
		t.Fatalf("metadata of %s: %+v", topic, md.Topics)
	}
	var req []kafka.OffsetRequest
	for _, p := range md.Topics[0].Partitions {
		req = append(req, kafka.LastOffsetOf(p.ID))
	}
	res, err := c.ListOffsets(ctx, &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{topic: req}})
	if err != nil {
		t.Fatalf("offsets of %s: %v", topic, err)
	}
	ends := make(map[int]int64)
	for _, p := range res.Topics[topic] {
		if p.Error != nil {
			t.Fatalf("offsets of %s/%d: %v", topic, p.Partition, p.Error)
		}
		ends[p.Partition] = p.LastOffset
	}
	return ends
}

func count(ends map[int]int64) int64 {
	var n int64
	for _, e := range ends {
		n += e
	}
	return n
}

// readTopic returns every record of topic, partition by partition, in order.
func readTopic(t testing.TB, addrs []string, topic string) map[int][]kafka.Message {
	t.Helper()
	out := make(map[int][]kafka.Message)
	for p, end := range endOffsets(t, addrs, topic) {
		if end == 0 {
			continue
		}
		r := kafka.NewReader(kafka.ReaderConfig{
			Brokers: addrs, Topic: topic, Partition: p,
			MinBytes: 1, MaxBytes: 16 << 20, MaxWait: 100 * time.Millisecond,
		})
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		for {
			m, err := r.ReadMessage(ctx)
			if err != nil {
				t.Fatalf("read %s/%d: %v", topic, p, err)
			}
			out[p] = append(out[p], m)
			if m.Offset >= end-1 {
				break
			}
		}
		cancel()
		_ = r.Close()
	}
	return out
}

// waitFor polls cond until it holds, failing the test after timeout.
func waitFor(t testing.TB, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", timeout, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// committed returns the group's committed offset per partition of topic, or
// nil if the broker cannot tell (yet).
func committed(addrs []string, group, topic string, partitions int) map[int]int64 {
	c := &kafka.Client{Addr: kafka.TCP(addrs...), Timeout: 10 * time.Second}
	ps := make([]int, partitions)
	for i := range ps {
		ps[i] = i
	}
	res, err := c.OffsetFetch(context.Background(), &kafka.OffsetFetchRequest{GroupID: group, Topics: map[string][]int{topic: ps}})
	if err == nil {
		err = res.Error
	}
	if err != nil {
		return nil
	}
	out := make(map[int]int64)
	for _, p := range res.Topics[topic] {
		out[p.Partition] = p.CommittedOffset
	}
	return out
}

// expected returns what the pipeline should write for in.
func expected(t testing.TB, w *transforms.Worker, format transforms.Format, in []byte) []byte {
	t.Helper()
	out, err := w.Redact(nil, in, format)
	var re *transforms.RecordError
	if errors.As(err, &re) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// checkNoStray checks that no output partition but those of want holds a
// record.
func checkNoStray(t testing.TB, topic string, want map[int][][]byte, got map[int][]kafka.Message) {
	t.Helper()
	for p, gs := range got {
		if _, ok := want[p]; !ok && len(gs) > 0 {
			t.Fatalf("%s/%d: %d unexpected records", topic, p, len(gs))
		}
	}
}

// checkMerged checks that each output partition holds every expected value
// of its input partition and nothing else, in any order, as two runners'
// writes merge at a handover. It returns the number of duplicates.
func checkMerged(t testing.TB, topic string, want map[int][][]byte, got map[int][]kafka.Message) int {
	t.Helper()
	dups := 0
	for p, ws := range want {
		seen := make(map[string]bool, len(ws))
		for _, w := range ws {
			seen[string(w)] = false
		}
		for k, g := range got[p] {
			was, ok := seen[string(g.Value)]
			if !ok {
				t.Fatalf("%s/%d: record %d (offset %d) is not an expected output: %q", topic, p, k, g.Offset, g.Value)
			}
			if was {
				dups++
			}
			seen[string(g.Value)] = true
		}
		for w, ok := range seen {
			if !ok {
				t.Fatalf("%s/%d: %q never arrived (%d records read)", topic, p, w, len(got[p]))
			}
		}
	}
	checkNoStray(t, topic, want, got)
	return dups
}

// checkOrder checks that each output partition holds the expected values of
// its input partition in order, allowing a redelivered run to repeat a
// suffix of what came before (at-least-once). It returns the number of
// duplicates.
func checkOrder(t testing.TB, topic string, want map[int][][]byte, got map[int][]kafka.Message) int {
	t.Helper()
	dups := 0
	for p, ws := range want {
		gs := got[p]
		i := 0 // next expected
		for k, g := range gs {
			if i < len(ws) && slices.Equal(g.Value, ws[i]) {
				i++
				continue
			}
			// A redelivery restarts at an earlier expected record.
			j := slices.IndexFunc(ws[:i], func(w []byte) bool { return slices.Equal(w, g.Value) })
			if j < 0 {
				next := []byte(nil)
				if i < len(ws) {
					next = ws[i]
				}
				t.Fatalf("%s/%d: record %d (offset %d) is not an expected output:\n got %q\nnext %q (expected %d of %d)",
					topic, p, k, g.Offset, g.Value, next, i, len(ws))
			}
			dups += i - j
			i = j + 1
		}
		if i != len(ws) {
			t.Fatalf("%s/%d: %d of %d records arrived (of %d read)", topic, p, i, len(ws), len(gs))
		}
	}
	checkNoStray(t, topic, want, got)
	return dups
}

func fmtOffsets(m map[int]int64) string {
	ks := make([]int, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	s := ""
	for _, k := range ks {
		s += fmt.Sprintf(" %d:%d", k, m[k])
	}
	return s
}
