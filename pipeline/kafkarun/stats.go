package kafkarun

import (
	"maps"
	"math/bits"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Stats is a snapshot of a runner's counters, all since it was created.
type Stats struct {
	// RecordsIn and BytesIn count fetched records and their key, value and
	// header bytes.
	RecordsIn, BytesIn uint64
	// RecordsOut and BytesOut count de-identified records acknowledged by
	// their output topic, and their bytes.
	RecordsOut, BytesOut uint64
	// RecordsDLQ counts records sent to the dead-letter topic instead.
	RecordsDLQ uint64
	// RecordsDropped counts records the gate refused, and Dropped them by
	// reason.
	RecordsDropped uint64
	Dropped        map[string]uint64
	// Commits counts successful offset commits; CommitErrors failed ones.
	Commits, CommitErrors uint64
	// FetchErrors, WriteErrors count failed fetches and failed batch writes
	// (each retried).
	FetchErrors, WriteErrors uint64
	// InFlightRecords and InFlightBytes are records fetched and not yet
	// acknowledged, at the time of the snapshot.
	InFlightRecords, InFlightBytes int64
	// Latency is the distribution of record ages (acknowledgement time minus
	// the record's timestamp) of acknowledged records.
	Latency Latency
}

// counters are the live values behind Stats.
type counters struct {
	recordsIn, bytesIn     atomic.Uint64
	recordsOut, bytesOut   atomic.Uint64
	recordsDLQ             atomic.Uint64
	commits, commitErrors  atomic.Uint64
	fetchErrors, writeErrs atomic.Uint64
	inFlightRecs           atomic.Int64
	inFlightBytes          atomic.Int64
	latency                histogram

	droppedMu    sync.Mutex
	droppedBy    map[string]uint64
	recordsDrops atomic.Uint64
}

func (c *counters) dropped(reason string) {
	c.droppedMu.Lock()
	if c.droppedBy == nil {
		c.droppedBy = make(map[string]uint64)
	}
	c.droppedBy[reason]++
	c.droppedMu.Unlock()
	c.recordsDrops.Add(1)
}

func (c *counters) snapshot() Stats {
	return Stats{
		RecordsIn:       c.recordsIn.Load(),
		BytesIn:         c.bytesIn.Load(),
		RecordsOut:      c.recordsOut.Load(),
		BytesOut:        c.bytesOut.Load(),
		RecordsDLQ:      c.recordsDLQ.Load(),
		RecordsDropped:  c.recordsDrops.Load(),
		Dropped:         c.droppedSnapshot(),
		Commits:         c.commits.Load(),
		CommitErrors:    c.commitErrors.Load(),
		FetchErrors:     c.fetchErrors.Load(),
		WriteErrors:     c.writeErrs.Load(),
		InFlightRecords: c.inFlightRecs.Load(),
		InFlightBytes:   c.inFlightBytes.Load(),
		Latency:         c.latency.snapshot(),
	}
}

func (c *counters) droppedSnapshot() map[string]uint64 {
	c.droppedMu.Lock()
	defer c.droppedMu.Unlock()
	return maps.Clone(c.droppedBy)
}

// histogram counts durations in log-linear buckets: four per power of two
// of microseconds, so a quantile is at most 25% above the true value.
type histogram struct {
	buckets [histBuckets]atomic.Uint64
	sum     atomic.Int64 // nanoseconds
}

const (
	histSub     = 4 // buckets per power of two
	histBuckets = 40 * histSub
)

func (h *histogram) observe(d time.Duration) {
	h.buckets[bucketOf(d)].Add(1)
	h.sum.Add(int64(max(d, 0)))
}

func bucketOf(d time.Duration) int {
	us := uint64(max(d/time.Microsecond, 0))
	if us < histSub {
		return int(us)
	}
	exp := bits.Len64(us) - 1 // us in [2^exp, 2^(exp+1))
	sub := int(us>>(exp-2)) & (histSub - 1)
	return min((exp-1)*histSub+sub, histBuckets-1)
}

// bucketUpper is the largest duration that falls in bucket i.
func bucketUpper(i int) time.Duration {
	if i < histSub {
		return time.Duration(i+1) * time.Microsecond
	}
	exp := i/histSub + 1
	sub := i % histSub
	us := uint64(histSub+sub+1) << (exp - 2)
	return time.Duration(us) * time.Microsecond
}

func (h *histogram) snapshot() Latency {
	l := Latency{sum: time.Duration(h.sum.Load())}
	for i := range h.buckets {
		l.counts[i] = h.buckets[i].Load()
	}
	return l
}

// Latency is a snapshot of a latency distribution.
type Latency struct {
	counts [histBuckets]uint64
	sum    time.Duration
}

// Sum returns the total of the observations.
func (l Latency) Sum() time.Duration { return l.sum }

// Buckets calls f for each bucket in increasing order with its upper bound
// and the number of observations at or below it.
func (l Latency) Buckets(f func(upper time.Duration, cumulative uint64)) {
	var n uint64
	for i, c := range l.counts {
		n += c
		f(bucketUpper(i), n)
	}
}

// Count returns the number of observations.
func (l Latency) Count() uint64 {
	var n uint64
	for _, c := range l.counts {
		n += c
	}
	return n
}

// Quantile returns an upper bound of the q-quantile (0 < q <= 1), or zero
// when nothing was observed.
func (l Latency) Quantile(q float64) time.Duration {
	n := l.Count()
	if n == 0 {
		return 0
	}
	rank := uint64(q * float64(n))
	if rank == 0 {
		rank = 1
	}
	var seen uint64
	for i, c := range l.counts {
		seen += c
		if seen >= rank {
			return bucketUpper(i)
		}
	}
	return bucketUpper(histBuckets - 1)
}

// Sub returns the observations in l that are not in earlier, a snapshot
// taken before l from the same runner.
func (l Latency) Sub(earlier Latency) Latency {
	for i := range l.counts {
		l.counts[i] -= earlier.counts[i]
	}
	l.sum -= earlier.sum
	return l
}

// TopicStats count what the runner did with one input topic's records.
type TopicStats struct {
	Topic                string
	RecordsIn, BytesIn   uint64
	RecordsOut, BytesOut uint64
	// DLQ counts the records sent to the dead-letter topic, and Dropped
	// those the gate refused, by reason.
	DLQ, Dropped map[string]uint64
}

// topicCounters are the live values behind one TopicStats.
type topicCounters struct {
	in, bytesIn   atomic.Uint64
	out, bytesOut atomic.Uint64
	mu            sync.Mutex
	dlq, dropped  map[string]uint64
}

func (c *topicCounters) add(m *map[string]uint64, reason string) {
	c.mu.Lock()
	if *m == nil {
		*m = make(map[string]uint64)
	}
	(*m)[reason]++
	c.mu.Unlock()
}

func (c *topicCounters) snapshot(topic string) TopicStats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return TopicStats{
		Topic: topic, RecordsIn: c.in.Load(), BytesIn: c.bytesIn.Load(), RecordsOut: c.out.Load(), BytesOut: c.bytesOut.Load(),
		DLQ: maps.Clone(c.dlq), Dropped: maps.Clone(c.dropped),
	}
}

// TopicStats returns the counters of each input topic, in Options.Inputs
// order. It is safe to call at any time, from any goroutine.
func (r *Runner) TopicStats() []TopicStats {
	out := make([]TopicStats, 0, len(r.o.Inputs))
	for _, in := range r.o.Inputs {
		out = append(out, r.inputs[in.Topic].stats.snapshot(in.Topic))
	}
	return out
}

// PartitionStats is where the runner is in one input partition it fetched
// from.
type PartitionStats struct {
	Topic     string
	Partition int
	// Committed is the offset committed last (the next to read), or -1.
	Committed int64
	// Lag is how many records the partition holds past what was
	// committed, as of the last fetch.
	Lag int64
}

// PartitionStats returns the state of every partition the runner fetched
// from. It is safe to call at any time, from any goroutine.
func (r *Runner) PartitionStats() []PartitionStats {
	r.partsMu.Lock()
	parts := slices.Clone(r.partList)
	r.partsMu.Unlock()
	out := make([]PartitionStats, 0, len(parts))
	for _, p := range parts {
		hwm, committed, first := p.hwm.Load(), p.committedAt.Load(), p.first.Load()
		from := committed
		if from < 0 {
			from = first
		}
		out = append(out, PartitionStats{Topic: p.topic, Partition: p.id, Committed: committed, Lag: max(hwm-from, 0)})
	}
	return out
}
