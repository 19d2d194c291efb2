package kafkarun

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/pixelprivacy/veil/benchmarks/gen"
	"github.com/pixelprivacy/veil/pipeline/broker"
	"github.com/pixelprivacy/veil/transforms"
)

// fixture is a set of records produced to the input topics: what each
// output partition must hold, the planted PII values that must appear
// nowhere, and the records that must go to the DLQ.
type fixture struct {
	in   map[string][]kafka.Message // input topic -> records
	want map[string]map[int][][]byte
	pii  [][]byte
	dead []DeadLetter // without Timestamp
}

// makeFixture builds n records per input topic, spread over the partitions,
// with PII in values, keys and headers, and with a few records that cannot
// be de-identified on the JSON topic.
func makeFixture(t testing.TB, e *transforms.Engine, inputs []Input, n, offset int) *fixture {
	t.Helper()
	w := e.NewWorker()
	f := &fixture{in: map[string][]kafka.Message{}, want: map[string]map[int][][]byte{}}
	ts := time.UnixMilli(1_700_000_000_000)
	for _, in := range inputs {
		want := map[int][][]byte{}
		for i := offset; i < offset+n; i++ {
			p := i % testPartitions
			email := fmt.Sprintf("user%d.%s@example.com", i, in.Topic[len("events."):])
			ip := fmt.Sprintf("10.%d.%d.%d", i%200, (i/200)%250, 7+i%13)
			phone := fmt.Sprintf("+1 415 555 %04d", i%10000)
			var value []byte
			switch in.Topic {
			case "events.logs":
				value = fmt.Appendf(nil, "2024-05-01T10:00:00Z INFO n=%d login ok user=%s from %s", i, email, ip)
			default:
				value = fmt.Appendf(nil, `{"n":%d,"user":%q,"ip":%q,"text":"call me at %s","app":"demo"}`, i, email, ip, phone)
			}
			m := kafka.Message{Partition: p, Value: value, Time: ts.Add(time.Duration(i) * time.Millisecond)}
			// Every third record is keyed by the user's e-mail, every
			// fifth has headers carrying the client IP, and an advertising
			// ID and a bare phone number that only their names tell.
			switch {
			case i%3 == 0:
				m.Key = []byte(email)
			case i%3 == 1 && in.KeyName != "":
				// A device ID that only the input's key name tells.
				m.Key = fmt.Appendf(nil, "4d2c0e7b-33c1-4f0e-9a51-%012x", i)
				f.pii = append(f.pii, m.Key)
			default:
				m.Key = fmt.Appendf(nil, "session-%d", i)
			}
			if i%5 == 0 {
				idfa, mobile := fmt.Sprintf("6d92078a-8246-4ba4-ae5b-%012x", i), fmt.Sprintf("41555%05d", i)
				m.Headers = []kafka.Header{{Key: "client-ip", Value: []byte(ip)}, {Key: "trace", Value: []byte("abc")},
					{Key: "idfa", Value: []byte(idfa)}, {Key: "x-user-phone", Value: []byte(mobile)}}
				f.pii = append(f.pii, []byte(idfa), []byte(mobile))
			}
			f.pii = append(f.pii, []byte(email), []byte(ip))
			if in.Topic != "events.logs" {
				f.pii = append(f.pii, []byte(phone))
			}
			// Records that must fail closed, on the JSON topic only.
			if in.Format == transforms.FormatJSON && i%50 == 7 {
				switch (i / 50) % 2 {
				case 0:
					m.Value = fmt.Appendf(nil, `{"n":%d,"user":%q,"text":`, i, email) // truncated
					f.dead = append(f.dead, DeadLetter{Topic: in.Topic, Partition: p, Reason: "malformed_json", Field: FieldValue, Size: int(recordSize(&m))})
				case 1:
					m.Value = fmt.Appendf(nil, `{"n":%d,"user":"%s`+"\xff"+`"}`, i, email) // invalid UTF-8
					f.dead = append(f.dead, DeadLetter{Topic: in.Topic, Partition: p, Reason: "invalid_utf8", Field: FieldValue, Size: int(recordSize(&m))})
				}
			} else if in.Topic == "events.logs" && i%100 == 42 {
				// Over the engine's MaxRecordBytes.
				m.Value = fmt.Appendf(bytes.Repeat([]byte("padding "), testMaxRecordBytes/8), "user=%s", email)
				f.dead = append(f.dead, DeadLetter{Topic: in.Topic, Partition: p, Reason: "too_large", Field: FieldValue, Size: int(recordSize(&m))})
			} else {
				want[p] = append(want[p], expected(t, w, in.Format, m.Value))
			}
			f.in[in.Topic] = append(f.in[in.Topic], m)
		}
		f.want[in.Output] = want
	}
	return f
}

func (f *fixture) produce(t testing.TB, addrs []string) {
	t.Helper()
	for topic, msgs := range f.in {
		produce(t, addrs, topic, msgs)
	}
}

func (f *fixture) records() (n int64) {
	for _, ms := range f.in {
		n += int64(len(ms))
	}
	return n
}

// delivery is what a test's run may deliver besides every record once, in
// its partition's order.
type delivery int

const (
	once delivery = iota
	// redelivered: a runner restarted (a crash, a broker gone) may write a
	// partition's records since its last commit again.
	redelivered
	// handedOver: as redelivered, and the runner that loses a partition to
	// another in a rebalance may write the records it had in flight after
	// the new owner's first ones, which it fetched again from the commit.
	handedOver
)

// check reads every output topic and the DLQ and checks them against f; it
// returns the number of duplicates.
func (f *fixture) check(t testing.TB, addrs []string, inputs []Input, d delivery) int {
	t.Helper()
	dups := 0
	var all [][]byte
	for _, in := range inputs {
		got := readTopic(t, addrs, in.Output)
		if d == handedOver {
			dups += checkMerged(t, in.Output, f.want[in.Output], got)
		} else {
			dups += checkOrder(t, in.Output, f.want[in.Output], got)
		}
		for _, ms := range got {
			for _, m := range ms {
				all = append(all, m.Key, m.Value)
				for _, h := range m.Headers {
					all = append(all, h.Value)
				}
			}
		}
	}
	dlq := readTopic(t, addrs, testDLQ)
	var dead []DeadLetter
	for _, ms := range dlq {
		for _, m := range ms {
			if m.Key != nil || len(m.Headers) != 0 {
				t.Errorf("dead letter has a key or headers: %q %v", m.Key, m.Headers)
			}
			all = append(all, m.Value)
			var d DeadLetter
			dec := json.NewDecoder(bytes.NewReader(m.Value))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&d); err != nil {
				t.Fatalf("dead letter %q: %v", m.Value, err)
			}
			if d.Timestamp.IsZero() {
				t.Errorf("dead letter without timestamp: %s", m.Value)
			}
			d.Timestamp, d.Offset = time.Time{}, 0
			dead = append(dead, d)
		}
	}
	if d == once && len(dead) != len(f.dead) {
		t.Errorf("DLQ holds %d records, want %d", len(dead), len(f.dead))
	}
	for _, want := range f.dead {
		found := false
		for _, d := range dead {
			found = found || d == want
		}
		if !found {
			t.Errorf("DLQ lacks %+v; has %+v", want, dead)
		}
	}
	for _, v := range all {
		for _, p := range f.pii {
			if bytes.Contains(v, p) {
				t.Fatalf("planted PII %q leaked: %.200q", p, v)
			}
		}
	}
	if d == once && dups > 0 {
		t.Errorf("%d duplicates in a run without failures", dups)
	}
	return dups
}

// done reports whether the group committed every input record, and so
// wrote it or its dead letter.
func (f *fixture) done(t testing.TB, addrs []string, group string, inputs []Input) bool {
	for _, in := range inputs {
		ends := endOffsets(t, addrs, in.Topic)
		if fmtOffsets(committed(addrs, group, in.Topic, testPartitions)) != fmtOffsets(ends) {
			return false
		}
	}
	return true
}

// startProduced starts a broker and produces a fixture of 300 records per
// input topic into it, made with a test engine.
func startProduced(t *testing.T) (*broker.Broker, *transforms.Engine, *fixture) {
	t.Helper()
	b := startBroker(t, broker.Options{})
	e := testEngine(t)
	f := makeFixture(t, e, testInputs, 300, 0)
	f.produce(t, b.Addrs())
	return b, e, f
}

func TestEndToEnd(t *testing.T) {
	t.Parallel()
	b, e, f := startProduced(t)
	addrs := b.Addrs()

	r := startRunner(t, testOptions(t, addrs, e))
	waitFor(t, 60*time.Second, "all outputs", func() bool { return f.done(t, addrs, testGroup, testInputs) })
	if err := r.stop(t); err != nil {
		t.Fatalf("Run: %v", err)
	}
	f.check(t, addrs, testInputs, once)

	st := r.Stats()
	if st.RecordsIn != uint64(f.records()) || st.RecordsOut+st.RecordsDLQ != st.RecordsIn || st.RecordsDLQ != uint64(len(f.dead)) {
		t.Errorf("stats: in %d, out %d, dlq %d; produced %d with %d bad", st.RecordsIn, st.RecordsOut, st.RecordsDLQ, f.records(), len(f.dead))
	}
	if st.InFlightRecords != 0 || st.InFlightBytes != 0 {
		t.Errorf("in flight after drain: %d records, %d bytes", st.InFlightRecords, st.InFlightBytes)
	}
	if st.Latency.Count() != st.RecordsIn {
		t.Errorf("latency observations %d, want %d", st.Latency.Count(), st.RecordsIn)
	}
}

// merge appends g's records to f's, g produced after f.
func (f *fixture) merge(g *fixture) {
	for topic, ms := range g.in {
		f.in[topic] = append(f.in[topic], ms...)
	}
	for out, parts := range g.want {
		for p, ws := range parts {
			f.want[out][p] = append(f.want[out][p], ws...)
		}
	}
	f.pii = append(f.pii, g.pii...)
	f.dead = append(f.dead, g.dead...)
}

// TestCrashRestart stops a runner mid-stream the way a crash would (nothing
// drained, nothing more committed) and checks that a new runner in the
// group delivers every record, the redelivered ones byte-identical.
func TestCrashRestart(t *testing.T) {
	t.Parallel()
	b, e, f := startProduced(t)
	addrs := b.Addrs()

	o := testOptions(t, addrs, e)
	o.DrainTimeout = -1
	o.CommitInterval = 300 * time.Millisecond // leave written records uncommitted
	o.NewTransformer = func() Transformer { return slow{e.NewWorker()} }
	r1 := startRunner(t, o)
	waitFor(t, 60*time.Second, "a first commit", func() bool { return r1.Stats().Commits > 0 })
	if err := r1.stop(t); err != nil {
		t.Fatalf("Run: %v", err)
	}
	st := r1.Stats()
	if st.RecordsOut == 0 || st.RecordsOut+st.RecordsDLQ >= uint64(f.records()) {
		t.Fatalf("crash was not mid-stream: %d of %d records written", st.RecordsOut+st.RecordsDLQ, f.records())
	}

	g := makeFixture(t, e, testInputs, 300, 300)
	g.produce(t, addrs)
	f.merge(g)
	r2 := startRunner(t, testOptions(t, addrs, e))
	waitFor(t, 60*time.Second, "all outputs", func() bool { return f.done(t, addrs, testGroup, testInputs) })
	if err := r2.stop(t); err != nil {
		t.Fatalf("Run: %v", err)
	}
	dups := f.check(t, addrs, testInputs, redelivered)
	t.Logf("first runner wrote %d records before the crash; %d duplicates after the restart", st.RecordsOut, dups)
}

// slow is a Transformer that takes a millisecond per call, so that a test
// can act while records are in flight.
type slow struct{ Transformer }

func (s slow) RedactRecord(dst, rec []byte, f transforms.Format, p *transforms.Profile) ([]byte, transforms.Facts, error) {
	time.Sleep(time.Millisecond)
	return s.Transformer.RedactRecord(dst, rec, f, p)
}

// TestTwoRunnersOneGroup runs two runners in one group, produces while both
// run, stops one and produces more: every record is processed once the
// survivor took over.
func TestTwoRunnersOneGroup(t *testing.T) {
	t.Parallel()
	b := startBroker(t, broker.Options{})
	addrs := b.Addrs()
	e := testEngine(t)
	o := testOptions(t, addrs, e)
	// A small budget: in-flight records must stay under it.
	o.MaxInFlightRecords = 64
	r1 := startRunner(t, o)
	r2 := startRunner(t, o)

	f := makeFixture(t, e, testInputs, 0, 0)
	const round = 60
	n := 0
	sample := func() {
		for _, r := range []*running{r1, r2} {
			if in := r.Stats().InFlightRecords; in > int64(o.MaxInFlightRecords) {
				t.Fatalf("%d records in flight, budget %d", in, o.MaxInFlightRecords)
			}
		}
	}
	waitFor(t, 60*time.Second, "both runners to get partitions", func() bool {
		g := makeFixture(t, e, testInputs, round, n)
		g.produce(t, addrs)
		f.merge(g)
		n += round
		sample()
		time.Sleep(100 * time.Millisecond)
		return r1.Stats().RecordsIn > 0 && r2.Stats().RecordsIn > 0
	})
	if err := r1.stop(t); err != nil {
		t.Fatalf("Run: %v", err)
	}
	g := makeFixture(t, e, testInputs, 3*round, n)
	g.produce(t, addrs)
	f.merge(g)
	waitFor(t, 60*time.Second, "all outputs", func() bool { sample(); return f.done(t, addrs, testGroup, testInputs) })
	if err := r2.stop(t); err != nil {
		t.Fatalf("Run: %v", err)
	}
	dups := f.check(t, addrs, testInputs, handedOver)
	t.Logf("runner 1 took %d records, runner 2 %d; %d duplicates", r1.Stats().RecordsIn, r2.Stats().RecordsIn, dups)
}

// TestBrokerRestart closes the broker mid-stream and starts it again on the
// same port and data directory: the runner waits, recovers and loses
// nothing.
func TestBrokerRestart(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	b := startBroker(t, broker.Options{DataDir: dir})
	addrs := b.Addrs()
	e := testEngine(t)
	f := makeFixture(t, e, testInputs, 300, 0)
	f.produce(t, addrs)

	o := testOptions(t, addrs, e)
	o.NewTransformer = func() Transformer { return slow{e.NewWorker()} }
	r := startRunner(t, o)
	waitFor(t, 60*time.Second, "some progress", func() bool { return r.Stats().Commits > 0 })
	b.Close()
	time.Sleep(time.Second)
	startBroker(t, broker.Options{DataDir: dir, Listen: addrs[0]})

	g := makeFixture(t, e, testInputs, 300, 300)
	g.produce(t, addrs)
	f.merge(g)
	waitFor(t, 60*time.Second, "all outputs", func() bool { return f.done(t, addrs, testGroup, testInputs) })
	if err := r.stop(t); err != nil {
		t.Fatalf("Run: %v", err)
	}
	dups := f.check(t, addrs, testInputs, redelivered)
	st := r.Stats()
	t.Logf("fetch errors %d, write errors %d, commit errors %d; %d of %d records duplicated", st.FetchErrors, st.WriteErrors, st.CommitErrors, dups, f.records())
}

// TestInputTopicsCreatedLater starts the runner before its input topics
// exist: records produced to them later are processed.
func TestInputTopicsCreatedLater(t *testing.T) {
	t.Parallel()
	b := startBroker(t, broker.Options{Topics: []string{"training.usage", "training.logs", "training.prompts", testDLQ}})
	addrs := b.Addrs()
	e := testEngine(t)
	r := startRunner(t, testOptions(t, addrs, e))
	time.Sleep(time.Second) // joined the group, with no input topic yet
	f := makeFixture(t, e, testInputs, 50, 0)
	f.produce(t, addrs)
	waitFor(t, 60*time.Second, "all outputs", func() bool { return f.done(t, addrs, testGroup, testInputs) })
	if err := r.stop(t); err != nil {
		t.Fatalf("Run: %v", err)
	}
	f.check(t, addrs, testInputs, once)
}

// TestDrainTimeout stops a runner whose broker is gone: it gives up after
// DrainTimeout, says so, and commits nothing more.
func TestDrainTimeout(t *testing.T) {
	t.Parallel()
	b, e, _ := startProduced(t)
	addrs := b.Addrs()
	o := testOptions(t, addrs, e)
	o.DrainTimeout = time.Second
	o.NewTransformer = func() Transformer { return slow{e.NewWorker()} }
	r := startRunner(t, o)
	waitFor(t, 60*time.Second, "some progress", func() bool { return r.Stats().RecordsOut > 0 })
	b.Close()
	start := time.Now()
	if err := r.stop(t); !errors.Is(err, ErrDrainTimeout) {
		t.Fatalf("Run: %v, want ErrDrainTimeout", err)
	}
	t.Logf("stopped %v after cancel, with %d records in flight", time.Since(start), r.Stats().InFlightRecords)
}

// TestLabeledEvents runs the labeled generator's events, usage, log and
// prompt, through the pipeline: every record arrives, and none of the
// personal values the generator planted is in any output topic or the DLQ.
func TestLabeledEvents(t *testing.T) {
	t.Parallel()
	b := startBroker(t, broker.Options{})
	addrs := b.Addrs()
	e := testEngine(t)
	topics := map[string]string{gen.Usage: "events.usage", gen.Log: "events.logs", gen.Prompt: "events.prompts"}
	g := gen.New(gen.Options{Seed: 11})
	msgs := map[string][]kafka.Message{}
	var pii []string
	n := 0
	for range 900 {
		ev := g.Next()
		if len(ev.Line) > testMaxRecordBytes {
			continue
		}
		topic := topics[ev.Kind]
		msgs[topic] = append(msgs[topic], kafka.Message{Partition: n % testPartitions, Value: ev.Line})
		for _, p := range ev.PII {
			pii = append(pii, p.Value)
		}
		n++
	}
	for topic, ms := range msgs {
		produce(t, addrs, topic, ms)
	}
	r := startRunner(t, testOptions(t, addrs, e))
	waitFor(t, 60*time.Second, "every record", func() bool { st := r.Stats(); return st.RecordsOut+st.RecordsDLQ >= uint64(n) })
	if err := r.stop(t); err != nil {
		t.Fatalf("Run: %v", err)
	}
	if st := r.Stats(); st.RecordsOut != uint64(n) || st.RecordsDLQ != 0 {
		t.Fatalf("%d records out, %d dead-lettered, of %d", st.RecordsOut, st.RecordsDLQ, n)
	}
	var out [][]byte
	for _, topic := range append(allTopics(testInputs)[:1], "training.usage", "training.logs", "training.prompts") {
		for _, ms := range readTopic(t, addrs, topic) {
			for _, m := range ms {
				out = append(out, m.Value)
			}
		}
	}
	if len(out) != n {
		t.Fatalf("%d records in the output topics and the DLQ, want %d", len(out), n)
	}
	for _, v := range out {
		for _, p := range pii {
			if bytes.Contains(v, []byte(p)) {
				t.Fatalf("planted %q leaked in %s", p, v)
			}
		}
	}
}
