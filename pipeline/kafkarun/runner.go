// Package kafkarun is veil's Kafka-to-Kafka pipeline: a consumer group reads
// the input topics, a bounded pool of workers de-identifies every record, the
// results are written in batches to the output topics (or, for records that
// cannot be de-identified, as metadata to the dead-letter topic), and only
// then are offsets committed: the highest contiguous acknowledged offset of
// each partition. Delivery is at least once; tokens are deterministic, so a
// redelivered record is byte-identical to its first copy.
//
// The stages are goroutines joined by bounded channels:
//
//	fetch ──> workers (one per CPU) ──> sinks (one per worker and output, one for the DLQ) ──> committer
//	                                           batches written, acknowledged            offsets
//
// A partition is always redacted by the same worker and written by that
// worker's sink for its output, so its records reach their output in fetch
// order; each worker having its own sinks keeps several batches in flight
// per output. Records fetched and not yet acknowledged are
// bounded in number and in bytes: a slow output slows fetching.
package kafkarun

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/segmentio/kafka-go/compress"
	"github.com/segmentio/kafka-go/sasl"
	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"

	"github.com/pixelprivacy/veil/transforms"
)

// Transformer de-identifies one record. Each worker goroutine owns one, so it
// need not be safe for concurrent use. *transforms.Worker is a Transformer.
type Transformer interface {
	// RedactRecord appends the de-identified rec to dst, with the policy of
	// profile p (nil: none), and returns what the gate needs to know. On
	// error it appends nothing and returns a *transforms.RecordError.
	RedactRecord(dst, rec []byte, f transforms.Format, p *transforms.Profile) ([]byte, transforms.Facts, error)
	// RedactNamed appends the de-identified text value to dst, read with
	// what name (a header's, or an input's KeyName for a record's key)
	// says of it, as RedactRecord reads a JSON member's value by its key,
	// with the field rules of profile p; on error it appends nothing.
	RedactNamed(dst, value, name []byte, p *transforms.Profile) ([]byte, transforms.Facts, error)
}

// Input maps one topic to the format of its values, the policy of its kind
// of event and its output topic.
type Input struct {
	Topic  string
	Format transforms.Format
	// Profile is the policy its values are redacted with; nil means none.
	Profile *transforms.Profile
	Output  string
	// KeyName names what its records' keys hold, as a JSON key names its
	// value ("device_id"); if empty, a key is read as text.
	KeyName string
}

// Gate decides whether a de-identified record may reach its output topic:
// "" to write it, or the reason it is dropped. A dropped record is counted
// by reason, written nowhere, and its offset counts as done.
type Gate func(transforms.Facts) string

// Defaults of the zero Options fields.
const (
	DefaultBatchSize          = 1000
	DefaultBatchTimeout       = 10 * time.Millisecond
	DefaultMaxInFlightRecords = 10000
	DefaultMaxInFlightBytes   = 64 << 20
	DefaultRecordTimeout      = 10 * time.Second
	DefaultDrainTimeout       = 10 * time.Second
	DefaultCommitInterval     = 500 * time.Millisecond
	DefaultSessionTimeout     = 10 * time.Second
	DefaultHeartbeatInterval  = time.Second
	DefaultRebalanceTimeout   = 10 * time.Second
)

// Options configure a Runner. Brokers, Group, DLQ, Inputs and NewTransformer
// are required; zero values of the others mean their defaults.
type Options struct {
	Brokers []string
	// Group is the consumer group; runners in one group split the partitions.
	Group string
	// DLQ is the dead-letter topic.
	DLQ    string
	Inputs []Input
	// NewTransformer is called once per worker, and again to replace a
	// worker's Transformer after it panicked or timed out.
	NewTransformer func() Transformer
	// Gate, if set, decides which records reach their output.
	Gate Gate

	// Compression of produced batches (kafka.Gzip, kafka.Snappy, kafka.Lz4,
	// kafka.Zstd); zero means none.
	Compression kafka.Compression
	// BatchSize and BatchTimeout bound a produced batch: it is written when
	// it holds BatchSize records or its first record waited BatchTimeout.
	BatchSize    int
	BatchTimeout time.Duration
	// MaxInFlightRecords and MaxInFlightBytes bound the records fetched and
	// not yet acknowledged by their output.
	MaxInFlightRecords int
	MaxInFlightBytes   int64
	// Workers is the number of redaction goroutines; zero means GOMAXPROCS.
	Workers int
	// RecordTimeout is how long redacting one record may take before it goes
	// to the DLQ as a timeout and its worker is replaced.
	RecordTimeout time.Duration
	// DrainTimeout is how long Run, once its context is cancelled, keeps
	// writing and committing in-flight records. A negative value stops at
	// once without writing or committing anything more, as a crash would:
	// the records since the last commit are delivered again on restart.
	DrainTimeout time.Duration
	// CommitInterval is the time between offset commits.
	CommitInterval time.Duration
	// SessionTimeout, HeartbeatInterval and RebalanceTimeout tune the
	// consumer group. Kafka (and kfake) refuse session timeouts under 6s.
	SessionTimeout    time.Duration
	HeartbeatInterval time.Duration
	RebalanceTimeout  time.Duration

	// TLS, when set, encrypts broker connections.
	TLS *tls.Config
	// SASL, when set, authenticates to the brokers.
	SASL sasl.Mechanism
	// Logger receives operational messages: never keys, values or headers.
	// Nil discards them.
	Logger *slog.Logger
}

// ZstdLevel is the zstd level of produced batches: 1, the fastest. kafka-go
// takes it from a process-wide codec, set once, before the first batch.
const ZstdLevel = 1

var zstdFastest sync.Once

// ErrDrainTimeout is returned by Run when in-flight records were still being
// written when Options.DrainTimeout ran out. They were not committed and will
// be delivered again.
var ErrDrainTimeout = errors.New("kafkarun: drain timed out; uncommitted records will be redelivered")

// Runner is one pipeline process's share of the consumer group.
type Runner struct {
	o       Options
	log     *slog.Logger
	inputs  map[string]*input
	dlq     *sink
	sinks   []*sink
	writers []*kafka.Writer // one per output topic and the DLQ, shared by its sinks
	slots   []*slot
	// slotDone counts down the slots whose worker has drained.
	slotDone func()

	records *semaphore.Weighted
	bytes   *semaphore.Weighted
	stats   counters

	// parts is owned by the fetch goroutine; partList, shared with the
	// committer, only grows.
	parts      map[topicPartition]*partition
	partsMu    sync.Mutex
	partList   []*partition
	nextWorker int

	reader    *kafka.Reader
	transport *kafka.Transport
	clientID  string // this runner's group member, in DescribeGroups
	running   sync.Mutex
	ran       bool
	// drained is set once the records in flight at shutdown are written and
	// committed.
	drained atomic.Bool
}

// input is an Input resolved to its sinks, one per worker.
type input struct {
	format  transforms.Format
	profile *transforms.Profile
	keyName []byte
	sinks   []*sink
	stats   topicCounters
}

type topicPartition struct {
	topic     string
	partition int
}

// New checks o and prepares a Runner. It does not connect to the brokers.
func New(o Options) (*Runner, error) {
	o, err := o.withDefaults()
	if err != nil {
		return nil, err
	}
	if o.Compression == kafka.Zstd {
		zstdFastest.Do(func() { compress.ZstdCodec.Level = ZstdLevel })
	}
	log := o.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	r := &Runner{
		o:        o,
		clientID: "veil-" + nonce(),
		log:      log,
		inputs:   make(map[string]*input, len(o.Inputs)),
		records:  semaphore.NewWeighted(int64(o.MaxInFlightRecords)),
		bytes:    semaphore.NewWeighted(o.MaxInFlightBytes),
		parts:    make(map[topicPartition]*partition),
		transport: &kafka.Transport{
			ClientID: "veil",
			TLS:      o.TLS,
			SASL:     o.SASL,
			// Long enough for the metadata of an auto-created output topic.
			MetadataTTL: 5 * time.Second,
		},
	}
	r.dlq = r.newSink(r.newWriter(o.DLQ), nil)
	outputs := make(map[string][]*sink)
	for _, in := range o.Inputs {
		lanes := outputs[in.Output]
		if lanes == nil {
			w := r.newWriter(in.Output)
			lanes = make([]*sink, o.Workers)
			for i := range lanes {
				lanes[i] = r.newSink(w, r.dlq)
			}
			outputs[in.Output] = lanes
			r.sinks = append(r.sinks, lanes...)
		}
		r.inputs[in.Topic] = &input{format: in.Format, profile: in.Profile, keyName: []byte(in.KeyName), sinks: lanes}
	}
	r.sinks = append(r.sinks, r.dlq)
	r.slots = make([]*slot, o.Workers)
	for i := range r.slots {
		r.slots[i] = &slot{in: make(chan *job, o.BatchSize)}
	}
	return r, nil
}

func (o Options) withDefaults() (Options, error) {
	var errs []error
	if len(o.Brokers) == 0 {
		errs = append(errs, errors.New("brokers: must not be empty"))
	}
	if o.Group == "" {
		errs = append(errs, errors.New("group: must not be empty"))
	}
	if o.DLQ == "" {
		errs = append(errs, errors.New("dlq: must not be empty"))
	}
	if len(o.Inputs) == 0 {
		errs = append(errs, errors.New("inputs: must not be empty"))
	}
	if o.NewTransformer == nil {
		errs = append(errs, errors.New("NewTransformer: must be set"))
	}
	seen := make(map[string]bool)
	for i, in := range o.Inputs {
		switch {
		case in.Topic == "":
			errs = append(errs, fmt.Errorf("inputs[%d].topic: must not be empty", i))
		case seen[in.Topic]:
			errs = append(errs, fmt.Errorf("inputs[%d].topic: %q is listed twice", i, in.Topic))
		}
		seen[in.Topic] = true
		if in.Output == "" {
			errs = append(errs, fmt.Errorf("inputs[%d].output: must not be empty", i))
		}
	}
	for i, in := range o.Inputs {
		if seen[in.Output] || in.Output == o.DLQ && in.Output != "" {
			errs = append(errs, fmt.Errorf("inputs[%d].output: %q is also an input or the dead-letter topic", i, in.Output))
		}
	}
	if seen[o.DLQ] {
		errs = append(errs, fmt.Errorf("dlq: %q is also an input", o.DLQ))
	}
	for _, n := range []struct {
		name string
		v    int64
	}{
		{"batch_size", int64(o.BatchSize)},
		{"batch_timeout", int64(o.BatchTimeout)},
		{"max_in_flight_records", int64(o.MaxInFlightRecords)},
		{"max_in_flight_bytes", o.MaxInFlightBytes},
		{"workers", int64(o.Workers)},
		{"record_timeout", int64(o.RecordTimeout)},
		{"commit_interval", int64(o.CommitInterval)},
		{"session_timeout", int64(o.SessionTimeout)},
		{"heartbeat_interval", int64(o.HeartbeatInterval)},
		{"rebalance_timeout", int64(o.RebalanceTimeout)},
	} {
		if n.v < 0 {
			errs = append(errs, fmt.Errorf("%s: must not be negative, got %d", n.name, n.v))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return o, fmt.Errorf("kafkarun: %w", err)
	}
	setDefault(&o.BatchSize, DefaultBatchSize)
	setDefault(&o.BatchTimeout, DefaultBatchTimeout)
	setDefault(&o.MaxInFlightRecords, DefaultMaxInFlightRecords)
	setDefault(&o.MaxInFlightBytes, DefaultMaxInFlightBytes)
	setDefault(&o.Workers, runtime.GOMAXPROCS(0))
	setDefault(&o.RecordTimeout, DefaultRecordTimeout)
	setDefault(&o.DrainTimeout, DefaultDrainTimeout)
	setDefault(&o.CommitInterval, DefaultCommitInterval)
	setDefault(&o.SessionTimeout, DefaultSessionTimeout)
	setDefault(&o.HeartbeatInterval, DefaultHeartbeatInterval)
	setDefault(&o.RebalanceTimeout, DefaultRebalanceTimeout)
	return o, nil
}

func setDefault[T int | int64 | time.Duration](v *T, d T) {
	if *v == 0 {
		*v = d
	}
}

// ErrNotJoined is Ready's answer while the runner is not a member of its
// consumer group.
var ErrNotJoined = errors.New("kafkarun: not a member of the consumer group yet")

// Ready reports whether the runner has joined its consumer group, asking
// the brokers (so an unreachable broker is not ready either).
func (r *Runner) Ready(ctx context.Context) error {
	c := &kafka.Client{Addr: kafka.TCP(r.o.Brokers...), Timeout: 5 * time.Second, Transport: r.transport}
	res, err := c.DescribeGroups(ctx, &kafka.DescribeGroupsRequest{GroupIDs: []string{r.o.Group}})
	if err != nil {
		return fmt.Errorf("kafkarun: describe group %s: %w", r.o.Group, err)
	}
	for _, g := range res.Groups {
		if g.Error != nil {
			return fmt.Errorf("kafkarun: group %s: %w", r.o.Group, g.Error)
		}
		for _, m := range g.Members {
			if m.ClientID == r.clientID {
				return nil
			}
		}
	}
	return ErrNotJoined
}

// nonce returns 8 random hex digits.
func nonce() string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// Stats returns a snapshot of the runner's counters. It is safe to call at
// any time, from any goroutine.
func (r *Runner) Stats() Stats { return r.stats.snapshot() }

// Run joins the consumer group and runs the pipeline until ctx is cancelled,
// then stops fetching, finishes the records in flight, writes them, commits
// and leaves the group (see Options.DrainTimeout). Write, fetch and commit
// failures are retried with backoff, without committing past a record that
// was not written; a broker that goes away is waited for. Run may be called
// once.
func (r *Runner) Run(ctx context.Context) error {
	r.running.Lock()
	ran := r.ran
	r.ran = true
	r.running.Unlock()
	if ran {
		return errors.New("kafkarun: Run called twice")
	}

	// hard ends every stage; it is not derived from ctx so that the records
	// in flight can be drained after ctx is cancelled.
	hard, stopHard := context.WithCancel(context.Background())
	defer stopHard()
	stopDrain := context.AfterFunc(ctx, func() {
		if r.o.DrainTimeout < 0 {
			stopHard()
			return
		}
		t := time.NewTimer(r.o.DrainTimeout)
		defer t.Stop()
		select {
		case <-t.C:
			stopHard()
		case <-hard.Done():
		}
	})
	defer stopDrain()

	r.reader = kafka.NewReader(r.readerConfig())
	g, gctx := errgroup.WithContext(hard)
	fetchCtx, stopFetch := context.WithCancel(gctx)
	defer stopFetch()
	defer context.AfterFunc(ctx, stopFetch)()

	g.Go(func() error { return r.fetch(fetchCtx) })
	r.startWorkers(gctx, g)
	var sinks sync.WaitGroup
	for _, s := range r.sinks {
		sinks.Add(1)
		g.Go(func() error {
			defer sinks.Done()
			return s.run(gctx)
		})
	}
	sinksDone := make(chan struct{})
	go func() {
		sinks.Wait()
		close(sinksDone)
	}()
	g.Go(func() error {
		// The committer is the last stage: once it is done, end the
		// watchdog too.
		defer stopHard()
		return r.commitLoop(gctx, sinksDone)
	})
	g.Go(func() error { return r.watch(gctx) })
	err := g.Wait()

	cerr := r.reader.Close() // leaves the group
	for _, w := range r.writers {
		cerr = errors.Join(cerr, w.Close())
	}
	r.transport.CloseIdleConnections()
	if err == nil && ctx.Err() != nil && r.o.DrainTimeout >= 0 && !r.drained.Load() {
		err = ErrDrainTimeout
	}
	return errors.Join(err, cerr)
}

func (r *Runner) readerConfig() kafka.ReaderConfig {
	topics := make([]string, 0, len(r.o.Inputs))
	for _, in := range r.o.Inputs {
		topics = append(topics, in.Topic)
	}
	slices.Sort(topics)
	return kafka.ReaderConfig{
		Brokers:     r.o.Brokers,
		GroupID:     r.o.Group,
		GroupTopics: topics,
		Dialer: &kafka.Dialer{
			ClientID:      r.clientID,
			Timeout:       10 * time.Second,
			DualStack:     true,
			TLS:           r.o.TLS,
			SASLMechanism: r.o.SASL,
		},
		QueueCapacity: r.o.BatchSize,
		MinBytes:      1,
		MaxBytes:      8 << 20,
		// kafka-go waits MaxWait for the response too: leave room for a busy broker.
		MaxWait:           2 * time.Second,
		CommitInterval:    0, // commits are synchronous: the committer decides when
		SessionTimeout:    r.o.SessionTimeout,
		HeartbeatInterval: r.o.HeartbeatInterval,
		RebalanceTimeout:  r.o.RebalanceTimeout,
		JoinGroupBackoff:  time.Second,
		// Pick up input topics created after the runner started.
		WatchPartitionChanges:  true,
		PartitionWatchInterval: 2 * time.Second,
		StartOffset:            kafka.FirstOffset,
		IsolationLevel:         kafka.ReadCommitted,
		ErrorLogger:            r.kafkaLogger("kafka reader"),
	}
}

// kafkaLogger adapts kafka-go's error log, which names topics, partitions
// and errors but never record contents.
func (r *Runner) kafkaLogger(who string) kafka.Logger {
	return kafka.LoggerFunc(func(format string, args ...any) {
		r.log.Warn(who, "msg", fmt.Sprintf(format, args...))
	})
}

// fetch reads records, charges them to the in-flight budget, tracks their
// offsets and hands each to the worker that owns its partition. Closing the
// worker channels on return starts the drain.
func (r *Runner) fetch(ctx context.Context) error {
	defer func() {
		for _, s := range r.slots {
			close(s.in)
		}
	}()
	var backoff time.Duration
	for {
		m, err := r.reader.FetchMessage(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			r.stats.fetchErrors.Add(1)
			backoff = nextBackoff(backoff)
			r.log.Warn("fetch failed; retrying", "err", err, "backoff", backoff)
			if !sleep(ctx, backoff) {
				return nil
			}
			continue
		}
		backoff = 0
		j := &job{in: m, size: recordSize(&m)}
		if !r.acquire(ctx, j.size) {
			return nil
		}
		j.part = r.partitionOf(&m)
		j.seq = j.part.track(m.Offset)
		j.part.fetched(m.Offset, m.HighWaterMark)
		r.stats.recordsIn.Add(1)
		r.stats.bytesIn.Add(uint64(j.size))
		j.part.input.stats.in.Add(1)
		j.part.input.stats.bytesIn.Add(uint64(j.size))
		select {
		case r.slots[j.part.worker].in <- j:
		case <-ctx.Done():
			return nil
		}
	}
}

// acquire charges one record of size bytes to the in-flight budget; a record
// larger than the whole byte budget is charged the whole budget.
func (r *Runner) acquire(ctx context.Context, size int64) bool {
	if r.records.Acquire(ctx, 1) != nil {
		return false
	}
	if r.bytes.Acquire(ctx, min(size, r.o.MaxInFlightBytes)) != nil {
		r.records.Release(1)
		return false
	}
	r.stats.inFlightRecs.Add(1)
	r.stats.inFlightBytes.Add(size)
	return true
}

// release returns records and bytes to the in-flight budget. The counts
// the stats report go down before the budget is released, as they go up
// after it is acquired, so that they never show more than the budget: the
// other way round, a fetch could take what a batch returned before the
// batch was counted out (84 records in flight of 64, once).
func (r *Runner) release(records, size int64, charged int64) {
	r.stats.inFlightRecs.Add(-records)
	r.stats.inFlightBytes.Add(-size)
	r.records.Release(records)
	r.bytes.Release(charged)
}

// partitionOf returns the state of m's partition, creating it on first sight
// and giving it to the next worker in turn.
func (r *Runner) partitionOf(m *kafka.Message) *partition {
	k := topicPartition{m.Topic, m.Partition}
	if p := r.parts[k]; p != nil {
		return p
	}
	p := newPartition(m.Topic, m.Partition, r.inputs[m.Topic], r.nextWorker%len(r.slots))
	r.log.Debug("partition assigned", "topic", m.Topic, "partition", m.Partition, "worker", p.worker, "first_offset", m.Offset)
	r.nextWorker++
	r.parts[k] = p
	r.partsMu.Lock()
	r.partList = append(r.partList, p)
	r.partsMu.Unlock()
	return p
}

// recordSize is the bytes of a record's key, value and headers.
func recordSize(m *kafka.Message) int64 {
	n := len(m.Key) + len(m.Value)
	for _, h := range m.Headers {
		n += len(h.Key) + len(h.Value)
	}
	return int64(n)
}

// drop marks a record the gate refused done, without writing it, releases
// its budget and counts it by reason.
func (r *Runner) drop(j *job, reason string) {
	j.part.done(j.seq)
	r.release(1, j.size, min(j.size, r.o.MaxInFlightBytes))
	r.stats.dropped(reason)
	j.part.input.stats.add(&j.part.input.stats.dropped, reason)
	r.stats.latency.observe(time.Since(j.in.Time))
}

// ack marks a written batch done, releases its budget and counts it.
func (r *Runner) ack(batch []*job) {
	now := time.Now()
	var size, charged int64
	var out, outBytes, dead uint64
	for _, j := range batch {
		j.part.done(j.seq)
		size += j.size
		charged += min(j.size, r.o.MaxInFlightBytes)
		ts := &j.part.input.stats
		if j.dead {
			dead++
			ts.add(&ts.dlq, j.reason)
		} else {
			n := uint64(recordSize(&j.out))
			out++
			outBytes += n
			ts.out.Add(1)
			ts.bytesOut.Add(n)
		}
		r.stats.latency.observe(now.Sub(j.in.Time))
	}
	r.release(int64(len(batch)), size, charged)
	r.stats.recordsOut.Add(out)
	r.stats.bytesOut.Add(outBytes)
	r.stats.recordsDLQ.Add(dead)
}

// commitLoop commits every CommitInterval and, once the sinks have drained,
// a last time.
func (r *Runner) commitLoop(ctx context.Context, sinksDone <-chan struct{}) error {
	t := time.NewTicker(r.o.CommitInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
			_ = r.commit(ctx)
		case <-sinksDone:
			var backoff time.Duration
			for r.commit(ctx) != nil {
				backoff = nextBackoff(backoff)
				if !sleep(ctx, backoff) {
					return nil
				}
			}
			r.drained.Store(true)
			return nil
		}
	}
}

// commit commits the committable offset of every partition that has a new
// one.
func (r *Runner) commit(ctx context.Context) error {
	r.partsMu.Lock()
	parts := r.partList
	r.partsMu.Unlock()
	var msgs []kafka.Message
	var committing []*partition
	for _, p := range parts {
		if next, ok := p.committable(); ok {
			// kafka-go commits the message's offset plus one.
			msgs = append(msgs, kafka.Message{Topic: p.topic, Partition: p.id, Offset: next - 1})
			committing = append(committing, p)
		}
	}
	if len(msgs) == 0 {
		return nil
	}
	cctx, cancel := context.WithTimeout(ctx, r.o.SessionTimeout)
	defer cancel()
	if err := r.reader.CommitMessages(cctx, msgs...); err != nil {
		r.stats.commitErrors.Add(1)
		if ctx.Err() == nil {
			r.log.Warn("commit failed; retrying", "err", err)
		}
		return fmt.Errorf("kafkarun: commit: %w", err)
	}
	r.stats.commits.Add(1)
	for i, p := range committing {
		p.committed(msgs[i].Offset + 1)
		r.log.Debug("committed", "topic", p.topic, "partition", p.id, "offset", msgs[i].Offset+1)
	}
	return nil
}

// nextBackoff doubles d from 50ms up to 5s.
func nextBackoff(d time.Duration) time.Duration {
	return min(max(2*d, 50*time.Millisecond), 5*time.Second)
}

// sleep waits d or until ctx is done, and reports whether d elapsed.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
