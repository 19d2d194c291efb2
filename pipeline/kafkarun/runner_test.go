package kafkarun

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"golang.org/x/sync/errgroup"

	"github.com/pixelprivacy/veil/pipeline/broker"
	"github.com/pixelprivacy/veil/transforms"
)

func TestPartitionCommittable(t *testing.T) {
	type step struct {
		track int64 // offset to track, or -1
		done  int   // index into the tracked sequence numbers to mark done, or -1
		want  int64 // committable offset after the step; -1: none
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{"in order", []step{
			{10, -1, -1}, {11, -1, -1}, {12, -1, -1},
			{-1, 0, 11}, {-1, 1, 12}, {-1, 2, 13},
		}},
		{"out of order waits for the gap", []step{
			{10, -1, -1}, {11, -1, -1}, {12, -1, -1},
			{-1, 2, -1}, {-1, 1, -1}, {-1, 0, 13},
		}},
		{"offsets with gaps (compaction, transactions)", []step{
			{10, -1, -1}, {14, -1, -1}, {20, -1, -1},
			{-1, 1, -1}, {-1, 0, 15}, {-1, 2, 21},
		}},
		{"redelivery after a rebalance moves the commit back", []step{
			{10, -1, -1}, {11, -1, -1}, {-1, 0, 11}, {-1, 1, 12},
			{5, -1, 12}, {6, -1, 12}, {-1, 3, 12}, {-1, 2, 7},
		}},
		{"a pending record holds back later redelivered ones", []step{
			{10, -1, -1}, {11, -1, -1}, {5, -1, -1},
			{-1, 2, -1}, {-1, 1, -1}, {-1, 0, 6},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &partition{}
			var seqs []uint64
			for i, s := range tt.steps {
				if s.track >= 0 {
					seqs = append(seqs, p.track(s.track))
				}
				if s.done >= 0 {
					p.done(seqs[s.done])
				}
				next, ok := p.committable()
				if got := map[bool]int64{true: next, false: -1}[ok]; got != s.want {
					t.Fatalf("step %d: committable %d, want %d", i, got, s.want)
				}
			}
		})
	}
}

func TestPartitionCommitted(t *testing.T) {
	p := &partition{}
	a, b := p.track(1), p.track(2)
	p.done(a)
	p.committed(2)
	if _, ok := p.committable(); ok {
		t.Fatal("committable after commit")
	}
	p.done(b)
	p.committed(2) // a late acknowledgement of an older commit
	if next, ok := p.committable(); !ok || next != 3 {
		t.Fatalf("committable = %d, %v; want 3, true", next, ok)
	}
}

func TestPartitionBounded(t *testing.T) {
	p := &partition{}
	for i := range int64(100_000) {
		p.done(p.track(i))
	}
	if cap(p.entries) > 64 {
		t.Fatalf("entries grew to %d for records done one by one", cap(p.entries))
	}
	if next, _ := p.committable(); next != 100_000 {
		t.Fatalf("committable %d", next)
	}
}

func TestLatencyQuantile(t *testing.T) {
	for d := time.Duration(0); d < time.Hour; d = d*9/8 + time.Microsecond {
		i := bucketOf(d)
		if up := bucketUpper(i); up < d || up > d*5/4+time.Microsecond {
			t.Fatalf("%v: bucket %d has upper bound %v", d, i, up)
		}
		if i > 0 && bucketUpper(i-1) > d {
			t.Fatalf("%v: bucket %d is too high", d, i)
		}
	}
	var h histogram
	for i := range 1000 {
		h.observe(time.Duration(i+1) * time.Millisecond)
	}
	l := h.snapshot()
	for _, q := range []struct {
		q    float64
		want time.Duration
	}{{0.5, 500 * time.Millisecond}, {0.99, 990 * time.Millisecond}, {1, time.Second}} {
		if got := l.Quantile(q.q); got < q.want || got > q.want*5/4 {
			t.Errorf("Quantile(%v) = %v, want %v to %v", q.q, got, q.want, q.want*5/4)
		}
	}
	if l.Sub(l).Count() != 0 || (Latency{}).Quantile(0.5) != 0 {
		t.Error("empty latency is not empty")
	}
}

func TestOptionsValidate(t *testing.T) {
	valid := func() Options {
		return Options{
			Brokers: []string{"127.0.0.1:9092"}, Group: "g", DLQ: "dlq",
			Inputs:         []Input{{Topic: "in", Output: "out"}},
			NewTransformer: func() Transformer { return copier{} },
		}
	}
	tests := []struct {
		name string
		edit func(*Options)
		want string // substring of the error; "" for none
	}{
		{"valid", func(*Options) {}, ""},
		{"no brokers", func(o *Options) { o.Brokers = nil }, "brokers: must not be empty"},
		{"no group", func(o *Options) { o.Group = "" }, "group: must not be empty"},
		{"no dlq", func(o *Options) { o.DLQ = "" }, "dlq: must not be empty"},
		{"no inputs", func(o *Options) { o.Inputs = nil }, "inputs: must not be empty"},
		{"no transformer", func(o *Options) { o.NewTransformer = nil }, "NewTransformer"},
		{"duplicate input", func(o *Options) { o.Inputs = append(o.Inputs, Input{Topic: "in", Output: "out2"}) }, `inputs[1].topic: "in" is listed twice`},
		{"output loops back", func(o *Options) { o.Inputs[0].Output = "in" }, "inputs[0].output"},
		{"output is the dlq", func(o *Options) { o.Inputs[0].Output = "dlq" }, "inputs[0].output"},
		{"dlq is an input", func(o *Options) { o.DLQ = "in" }, `dlq: "in" is also an input`},
		{"negative batch", func(o *Options) { o.BatchSize = -1 }, "batch_size: must not be negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := valid()
			tt.edit(&o)
			_, err := New(o)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("New: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("New: %v; want an error with %q", err, tt.want)
			}
		})
	}
}

// scripted is a Transformer driven by the record's first word: "panic"
// panics, "block" blocks until release is closed, "bad" fails as malformed
// JSON; anything else is upper-cased.
type scripted struct{ release chan struct{} }

func (s scripted) RedactRecord(dst, rec []byte, _ transforms.Format, _ *transforms.Profile) ([]byte, transforms.Facts, error) {
	switch {
	case bytes.HasPrefix(rec, []byte("panic")):
		panic("redaction failed on " + string(rec))
	case bytes.HasPrefix(rec, []byte("block")):
		<-s.release
	case bytes.HasPrefix(rec, []byte("bad")):
		return dst, transforms.Facts{}, &transforms.RecordError{Reason: transforms.ReasonMalformedJSON}
	}
	return append(dst, bytes.ToUpper(rec)...), transforms.Facts{}, nil
}

func (s scripted) RedactNamed(dst, value, _ []byte, _ *transforms.Profile) ([]byte, transforms.Facts, error) {
	return s.RedactRecord(dst, value, transforms.FormatText, nil)
}

// TestWorkerFailures runs one worker over records whose redaction panics,
// hangs or fails, and checks that each goes to the DLQ as metadata, that
// the others keep their order, and that the worker's Transformer is
// replaced after a panic or a timeout.
func TestWorkerFailures(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	var made atomic.Int32
	r, err := New(Options{
		Brokers: []string{"127.0.0.1:1"}, Group: "g", DLQ: "dlq",
		Inputs:         []Input{{Topic: "in", Output: "out"}},
		NewTransformer: func() Transformer { made.Add(1); return scripted{release} },
		Workers:        1,
		RecordTimeout:  100 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var g errgroup.Group
	r.startWorkers(ctx, &g)
	g.Go(func() error { return r.watch(ctx) })

	records := []kafka.Message{
		{Value: []byte("a secret@example.com")},
		{Value: []byte("panic secret@example.com")},
		{Value: []byte("b"), Key: []byte("panic key"), Headers: []kafka.Header{{Key: "h", Value: []byte("x")}}},
		{Value: []byte("c"), Headers: []kafka.Header{{Key: "h", Value: []byte("bad header")}}},
		{Value: []byte("block secret@example.com")},
		{Value: []byte("d"), Key: []byte("k"), Headers: []kafka.Header{{Key: "h", Value: []byte("v")}}},
		{Value: []byte("bad secret@example.com")},
		{Value: nil}, // a tombstone stays one
		{Value: []byte("e")},
	}
	for i := range records {
		m := &records[i]
		m.Topic, m.Offset, m.Time = "in", int64(100+i), time.UnixMilli(1_700_000_000_000+int64(i))
		j := &job{in: *m, size: recordSize(m)}
		j.part = r.partitionOf(m)
		j.seq = j.part.track(m.Offset)
		r.slots[0].in <- j
	}
	out := r.inputs["in"].sinks[0].in
	var got []string
	for range 4 {
		j := <-out
		got = append(got, string(j.out.Key)+"/"+string(j.out.Value))
		if !j.out.Time.Equal(j.in.Time) || j.out.Partition != j.in.Partition {
			t.Errorf("offset %d: time or partition changed", j.in.Offset)
		}
	}
	if want := "/A SECRET@EXAMPLE.COM,K/D,/,/E"; strings.Join(got, ",") != want {
		t.Errorf("outputs %q", got)
	}
	wantDead := []DeadLetter{
		{Offset: 101, Reason: ReasonPanic, Field: FieldValue},
		{Offset: 102, Reason: ReasonPanic, Field: FieldKey},
		{Offset: 103, Reason: "malformed_json", Field: FieldHeader},
		{Offset: 104, Reason: ReasonTimeout},
		{Offset: 106, Reason: "malformed_json", Field: FieldValue},
	}
	for _, want := range wantDead {
		j := <-r.dlq.in
		if !j.dead || j.out.Key != nil || j.out.Headers != nil {
			t.Fatalf("offset %d: not a bare dead letter: %+v", j.in.Offset, j.out)
		}
		if bytes.Contains(j.out.Value, []byte("secret")) || bytes.Contains(j.out.Value, []byte("panic key")) {
			t.Fatalf("dead letter carries record content: %s", j.out.Value)
		}
		var d DeadLetter
		if err := json.Unmarshal(j.out.Value, &d); err != nil {
			t.Fatal(err)
		}
		want.Topic, want.Size = "in", int(j.size)
		if !d.Timestamp.Equal(j.in.Time) {
			t.Errorf("dead letter timestamp %v, want %v", d.Timestamp, j.in.Time)
		}
		d.Timestamp = time.Time{}
		if d != want {
			t.Errorf("dead letter %+v, want %+v", d, want)
		}
	}
	// One Transformer to start, one after each panic, one for the goroutine
	// that replaced the stuck one.
	if n := made.Load(); n != 4 {
		t.Errorf("NewTransformer called %d times, want 4", n)
	}
	close(r.slots[0].in)
	cancel()
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
}

func TestSinkFailedKeepsOrder(t *testing.T) {
	p1, p2 := &partition{id: 1}, &partition{id: 2}
	jobs := []*job{{part: p1}, {part: p1}, {part: p2}, {part: p1}, {part: p2}, {part: p2}}
	for i, j := range jobs {
		j.in.Offset = int64(i)
	}
	boom := errors.New("boom")
	tests := []struct {
		name string
		err  error
		want []int64
	}{
		{"no detail retries all", boom, []int64{0, 1, 2, 3, 4, 5}},
		{"failed and what follows in their partition", kafka.WriteErrors{nil, boom, nil, nil, boom, nil}, []int64{1, 3, 4, 5}},
		{"all written", kafka.WriteErrors{nil, nil, nil, nil, nil, nil}, nil},
	}
	s := &sink{} // the DLQ's own sink: nothing to reject
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []int64
			for _, j := range s.failed(context.Background(), jobs, tt.err) {
				got = append(got, j.in.Offset)
			}
			if !slices.Equal(got, tt.want) {
				t.Fatalf("retry %v, want %v", got, tt.want)
			}
		})
	}
}

// TestSinkRejectsOversized writes a batch with a record too large for any
// batch: it goes to the DLQ as too_large, the others to the output.
func TestSinkRejectsOversized(t *testing.T) {
	t.Parallel()
	b := startBroker(t, broker.Options{Topics: []string{"out", testDLQ}})
	r, err := New(Options{
		Brokers: b.Addrs(), Group: "g", DLQ: testDLQ,
		Inputs:         []Input{{Topic: "in", Output: "out"}},
		NewTransformer: func() Transformer { return copier{} },
		Logger:         testLogger(t),
	})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		for _, w := range r.writers {
			_ = w.Close()
		}
	}()
	p := r.partitionOf(&kafka.Message{Topic: "in", Partition: 1})
	var jobs []*job
	for i, size := range []int{10, 2 << 20, 10} {
		j := &job{in: kafka.Message{Topic: "in", Partition: 1, Offset: int64(i), Time: time.Now()}, part: p}
		j.out = kafka.Message{Value: bytes.Repeat([]byte{'x'}, size), Partition: 1}
		j.size = int64(size)
		j.seq = p.track(j.in.Offset)
		jobs = append(jobs, j)
	}
	s := r.inputs["in"].sinks[0]
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if !s.write(ctx, jobs) {
		t.Fatal("write gave up")
	}
	if !jobs[1].dead || jobs[0].dead || jobs[2].dead {
		t.Fatalf("dead: %v %v %v", jobs[0].dead, jobs[1].dead, jobs[2].dead)
	}
	if n := count(endOffsets(t, b.Addrs(), "out")); n != 2 {
		t.Errorf("output holds %d records, want 2", n)
	}
	dlq := readTopic(t, b.Addrs(), testDLQ)
	if len(dlq[1]) != 1 {
		t.Fatalf("DLQ partition 1 holds %d records, want 1", len(dlq[1]))
	}
	var d DeadLetter
	if err := json.Unmarshal(dlq[1][0].Value, &d); err != nil || d.Reason != "too_large" || d.Offset != 1 || d.Size != 2<<20 {
		t.Fatalf("dead letter %s (%v)", dlq[1][0].Value, err)
	}
}
