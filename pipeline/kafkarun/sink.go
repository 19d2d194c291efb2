package kafkarun

import (
	"context"
	"errors"
	"slices"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/pixelprivacy/veil/transforms"
)

// sink batches the jobs bound for one topic, writes them and acknowledges
// them to the runner once the brokers did.
type sink struct {
	r  *Runner
	w  *kafka.Writer
	in chan *job
	// dlq is where records the topic rejects go; nil for the DLQ itself.
	dlq *sink

	batch []*job
	msgs  []kafka.Message
}

// batchBytes is the most a produced batch holds, and so the largest record:
// Kafka's default message.max.bytes is 1 MiB.
const batchBytes = 1 << 20

// mirror sends a record to the output partition with the number of its input
// partition (modulo the output's count), so that the records of an input
// partition stay in one output partition, in order. The runner puts the
// input partition in Message.Partition, which kafka-go's Writer otherwise
// ignores.
var mirror = kafka.BalancerFunc(func(m kafka.Message, partitions ...int) int {
	return partitions[m.Partition%len(partitions)]
})

func (r *Runner) newSink(w *kafka.Writer, dlq *sink) *sink {
	return &sink{
		r:     r,
		w:     w,
		dlq:   dlq,
		in:    make(chan *job, r.o.BatchSize),
		batch: make([]*job, 0, r.o.BatchSize),
	}
}

// newWriter returns the writer of one topic, shared by its sinks.
func (r *Runner) newWriter(topic string) *kafka.Writer {
	w := &kafka.Writer{
		Addr:         kafka.TCP(r.o.Brokers...),
		Topic:        topic,
		Balancer:     mirror,
		RequiredAcks: kafka.RequireAll,
		Compression:  r.o.Compression,
		// The sinks batch; kafka-go only splits a call's records by
		// partition, and sends each partition's share as one request
		// without waiting for more.
		BatchSize:    r.o.BatchSize,
		BatchBytes:   batchBytes,
		BatchTimeout: time.Microsecond,
		// A few quick retries inside kafka-go, then the sink's own,
		// forever, with backoff.
		MaxAttempts:            3,
		WriteBackoffMin:        50 * time.Millisecond,
		WriteBackoffMax:        500 * time.Millisecond,
		AllowAutoTopicCreation: true,
		Transport:              r.transport,
		ErrorLogger:            r.kafkaLogger("kafka writer"),
	}
	r.writers = append(r.writers, w)
	return w
}

// run writes batches until the queue is closed and empty, or ctx is done.
func (s *sink) run(ctx context.Context) error {
	linger := time.NewTimer(time.Hour)
	linger.Stop()
	for {
		s.batch = s.batch[:0]
		select {
		case j, ok := <-s.in:
			if !ok {
				return nil
			}
			s.batch = append(s.batch, j)
		case <-ctx.Done():
			return nil
		}
		closed := s.fill(ctx, linger)
		if !s.write(ctx, s.batch) {
			return nil
		}
		s.r.ack(s.batch)
		if closed {
			return nil
		}
	}
}

// fill adds queued jobs to the batch until it is full or its first job waited
// BatchTimeout, and reports whether the queue was closed.
func (s *sink) fill(ctx context.Context, linger *time.Timer) (closed bool) {
	linger.Reset(s.r.o.BatchTimeout)
	defer linger.Stop()
	for len(s.batch) < s.r.o.BatchSize {
		select {
		case j, ok := <-s.in:
			if !ok {
				return true
			}
			s.batch = append(s.batch, j)
		case <-linger.C:
			return false
		case <-ctx.Done():
			return false
		}
	}
	return false
}

// write writes jobs, retrying what failed with backoff until it is written
// or ctx is done; it reports whether everything was written. A record the
// topic can never accept (too large) goes to the DLQ instead. After a
// failure, the records that follow a failed one from the same input
// partition are written again too, to keep the partition's order: some may
// be duplicates.
func (s *sink) write(ctx context.Context, jobs []*job) bool {
	pending := s.rejectOversized(ctx, jobs)
	if pending == nil {
		return false
	}
	var backoff time.Duration
	for len(pending) > 0 {
		s.msgs = s.msgs[:0]
		for _, j := range pending {
			s.msgs = append(s.msgs, j.out)
		}
		err := s.w.WriteMessages(ctx, s.msgs...)
		if err == nil {
			s.r.log.Debug("batch written", "topic", s.w.Topic, "records", len(s.msgs))
			return true
		}
		if ctx.Err() != nil {
			return false
		}
		s.r.stats.writeErrs.Add(1)
		backoff = nextBackoff(backoff)
		s.r.log.Warn("write failed; retrying", "topic", s.w.Topic, "records", len(pending), "err", err, "backoff", backoff)
		if pending = s.failed(ctx, pending, err); pending == nil {
			return false
		}
		if len(pending) > 0 && !sleep(ctx, backoff) {
			return false
		}
	}
	return true
}

// rejectOversized sends the jobs too large for a batch to the DLQ and returns
// the others, in a new slice; nil means ctx ended.
func (s *sink) rejectOversized(ctx context.Context, jobs []*job) []*job {
	pending := make([]*job, 0, len(jobs))
	var rejected []*job
	for _, j := range jobs {
		if s.dlq != nil && messageSize(&j.out) > batchBytes {
			rejected = append(rejected, j)
			continue
		}
		pending = append(pending, j)
	}
	if !s.reject(ctx, rejected) {
		return nil
	}
	return pending
}

// failed returns the jobs to write again after err: all of them, unless
// kafka-go said which failed. nil means ctx ended.
func (s *sink) failed(ctx context.Context, pending []*job, err error) []*job {
	var werrs kafka.WriteErrors
	if !errors.As(err, &werrs) || len(werrs) != len(pending) {
		return pending
	}
	var retry, rejected []*job
	var broken []*partition // input partitions with a failed record
	for i, j := range pending {
		e := werrs[i]
		switch {
		case e == nil && !slices.Contains(broken, j.part):
			// written
		case s.dlq != nil && errors.Is(e, kafka.MessageSizeTooLarge):
			rejected = append(rejected, j)
		default:
			if e != nil && !slices.Contains(broken, j.part) {
				broken = append(broken, j.part)
			}
			retry = append(retry, j)
		}
	}
	if !s.reject(ctx, rejected) {
		return nil
	}
	if retry == nil {
		retry = pending[:0]
	}
	return retry
}

// reject replaces the outputs of jobs by dead letters and writes them to the
// DLQ; it reports whether they were written.
func (s *sink) reject(ctx context.Context, jobs []*job) bool {
	if len(jobs) == 0 {
		return true
	}
	for _, j := range jobs {
		s.r.log.Error("output rejected the record as too large; sent to the dead-letter topic",
			"topic", j.in.Topic, "partition", j.in.Partition, "offset", j.in.Offset, "output", s.w.Topic)
		j.deadLetter(transforms.ReasonTooLarge.String(), FieldValue)
	}
	dlq := &sink{r: s.r, w: s.dlq.w}
	return dlq.write(ctx, jobs)
}

// messageSize bounds the bytes m takes in a produced batch.
func messageSize(m *kafka.Message) int64 {
	const recordOverhead, headerOverhead = 32, 10
	n := recordOverhead + recordSize(m)
	return n + int64(len(m.Headers)*headerOverhead)
}
