package kafkarun

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"github.com/segmentio/kafka-go"
	"golang.org/x/sync/errgroup"

	"github.com/pixelprivacy/veil/transforms"
)

// job is one record on its way through the pipeline.
type job struct {
	in     kafka.Message
	out    kafka.Message // the de-identified record, or its dead letter
	dead   bool          // out is a dead letter
	reason string        // why, if dead
	part   *partition
	seq    uint64 // position in part's fetch order
	size   int64  // recordSize(&in)
}

// slot is one worker's place in the pool: its queue, and the job it is
// redacting, watched for timeouts. When a job times out the watchdog takes
// it over and starts a new goroutine in the slot; the stuck one ends, unseen,
// whenever its Redact returns.
type slot struct {
	in  chan *job
	cur atomic.Pointer[job]
}

// arenaSize is the size of the buffers outputs are carved from: one
// allocation serves many records, and the garbage collector frees a buffer
// once every record in it is written.
const arenaSize = 256 << 10

// redactor is one worker goroutine's Transformer and output buffer.
type redactor struct {
	t     Transformer
	arena []byte
}

// startWorkers starts a goroutine per slot, and one in g that closes the sink
// queues once every slot has drained.
func (r *Runner) startWorkers(ctx context.Context, g *errgroup.Group) {
	var live sync.WaitGroup
	live.Add(len(r.slots))
	r.slotDone = live.Done
	for _, s := range r.slots {
		go r.work(ctx, s)
	}
	g.Go(func() error {
		drained := make(chan struct{})
		go func() {
			live.Wait()
			close(drained)
		}()
		select {
		case <-drained:
			for _, s := range r.sinks {
				close(s.in)
			}
		case <-ctx.Done():
		}
		return nil
	})
}

// work redacts the jobs of slot s until its queue is closed or ctx is done.
func (r *Runner) work(ctx context.Context, s *slot) {
	rd := &redactor{t: r.o.NewTransformer()}
	for {
		var j *job
		var ok bool
		select {
		case j, ok = <-s.in:
		case <-ctx.Done():
		}
		if !ok {
			r.slotDone()
			return
		}
		s.cur.Store(j)
		out, dropped, reason, field := rd.redact(r, j)
		if !s.cur.CompareAndSwap(j, nil) {
			return // timed out: the watchdog sent j to the DLQ and replaced us
		}
		switch {
		case reason != "":
			r.log.Debug("record dead-lettered", "topic", j.in.Topic, "partition", j.in.Partition, "offset", j.in.Offset, "reason", reason, "field", field)
			j.deadLetter(reason, field)
		case dropped != "":
			r.log.Debug("record dropped by policy", "topic", j.in.Topic, "partition", j.in.Partition, "offset", j.in.Offset, "reason", dropped)
			r.drop(j, dropped)
			continue
		default:
			j.out = out
		}
		if !r.emit(ctx, j) {
			r.slotDone()
			return
		}
	}
}

// emit hands a finished job to its sink.
func (r *Runner) emit(ctx context.Context, j *job) bool {
	s := j.part.input.sinks[j.part.worker]
	if j.dead {
		s = r.dlq
	}
	select {
	case s.in <- j:
		return true
	case <-ctx.Done():
		return false
	}
}

// redact de-identifies j's key, header values and value, and asks the gate
// whether the record may be written: dropped is its reason if not. A
// failure, a RecordError or a panic, returns the reason and the field that
// failed.
func (rd *redactor) redact(r *Runner, j *job) (out kafka.Message, dropped, reason, field string) {
	defer func() {
		if recover() != nil {
			// The panic value may quote the record: it is not logged.
			r.log.Error("redaction panicked; record sent to the dead-letter topic",
				"topic", j.in.Topic, "partition", j.in.Partition, "offset", j.in.Offset, "field", field)
			reason = ReasonPanic
			rd.t = r.o.NewTransformer() // its state may be broken
			rd.arena = nil
		}
	}()
	in := &j.in
	out = kafka.Message{Time: in.Time, Partition: in.Partition}
	prof := j.part.input.profile
	var err error
	var named transforms.Facts // of the key and the headers
	field = FieldKey
	if out.Key, named, err = rd.applyNamed(in.Key, j.part.input.keyName, prof); err != nil {
		return out, "", reasonOf(err), field
	}
	if len(in.Headers) > 0 {
		field = FieldHeader
		out.Headers = make([]kafka.Header, len(in.Headers), len(in.Headers)+1)
		for i, h := range in.Headers {
			out.Headers[i].Key = h.Key
			var hf transforms.Facts
			if out.Headers[i].Value, hf, err = rd.applyNamed(h.Value, []byte(h.Key), prof); err != nil {
				return out, "", reasonOf(err), field
			}
			named.Add(hf)
		}
	}
	field = FieldValue
	value, facts, err := rd.apply(in.Value, j.part.input.format, prof)
	if err != nil {
		return out, "", reasonOf(err), field
	}
	facts.Add(named)
	out.Value = value
	if r.o.Gate != nil {
		if why := r.o.Gate(facts); why != "" {
			return out, why, "", ""
		}
	}
	if facts.Lang != "" {
		out.Headers = append(out.Headers, kafka.Header{Key: LangHeader, Value: []byte(facts.Lang)})
	}
	return out, "", "", ""
}

// LangHeader is the header that carries the language of a record's free
// text.
const LangHeader = "lang"

// apply redacts b into the arena. Empty and nil stay as they are: a nil
// value is a tombstone.
func (rd *redactor) apply(b []byte, f transforms.Format, p *transforms.Profile) ([]byte, transforms.Facts, error) {
	if len(b) == 0 {
		return b, transforms.Facts{}, nil
	}
	dst := rd.room(len(b))
	out, facts, err := rd.t.RedactRecord(dst, b, f, p)
	return rd.claim(dst, out, err), facts, err
}

// applyNamed redacts b, a key or a header's value, into the arena as text,
// read with what name says of it under profile p. Empty and nil stay as
// they are.
func (rd *redactor) applyNamed(b, name []byte, p *transforms.Profile) ([]byte, transforms.Facts, error) {
	if len(b) == 0 {
		return b, transforms.Facts{}, nil
	}
	dst := rd.room(len(b))
	out, facts, err := rd.t.RedactNamed(dst, b, name, p)
	return rd.claim(dst, out, err), facts, err
}

// room returns the free space of the arena, for the redaction of n bytes
// to be appended to, or nil for one too large for it. Redaction may grow a
// record (a token is longer than most values): it leaves room, so that
// the arena is rarely copied by append.
func (rd *redactor) room(n int) []byte {
	need := 2*n + 256
	if need > arenaSize/4 {
		return nil
	}
	if cap(rd.arena)-len(rd.arena) < need {
		rd.arena = make([]byte, 0, arenaSize)
	}
	return rd.arena[len(rd.arena):]
}

// claim returns out, a redaction appended to dst, the space room returned,
// and advances the arena past it if it was written there; nil on error.
func (rd *redactor) claim(dst, out []byte, err error) []byte {
	if err != nil {
		return nil
	}
	if dst != nil && len(out) <= cap(dst) {
		rd.arena = rd.arena[:len(rd.arena)+len(out)]
	}
	return out[:len(out):len(out)]
}

// reasonOf names a redaction error for the dead-letter topic.
func reasonOf(err error) string {
	var re *transforms.RecordError
	if errors.As(err, &re) {
		return re.Reason.String()
	}
	return "error"
}

// watch sends records whose redaction takes longer than RecordTimeout to the
// DLQ and replaces their workers. It checks four times per RecordTimeout, so
// a record is declared stuck after between one and 1.25 RecordTimeouts.
func (r *Runner) watch(ctx context.Context) error {
	const checks = 4
	t := time.NewTicker(r.o.RecordTimeout / checks)
	defer t.Stop()
	seen := make([]*job, len(r.slots))
	ticks := make([]int, len(r.slots))
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
		for i, s := range r.slots {
			j := s.cur.Load()
			if j == nil || j != seen[i] {
				seen[i], ticks[i] = j, 0
				continue
			}
			if ticks[i]++; ticks[i] < checks || !s.cur.CompareAndSwap(j, nil) {
				continue
			}
			seen[i], ticks[i] = nil, 0
			r.log.Error("redaction timed out; record sent to the dead-letter topic, worker replaced",
				"topic", j.in.Topic, "partition", j.in.Partition, "offset", j.in.Offset)
			j.deadLetter(ReasonTimeout, "")
			if !r.emit(ctx, j) {
				return nil
			}
			go r.work(ctx, s)
		}
	}
}
