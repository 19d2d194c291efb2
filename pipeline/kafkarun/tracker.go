package kafkarun

import (
	"sync"
	"sync/atomic"
)

// partition is the runner's state for one input partition: where its records
// go and which of its fetched offsets are done. Offsets are tracked in fetch
// order, so the committable offset is the end of the longest done prefix,
// whatever order the records finish in (the DLQ and the output topic are
// written independently), and a partition that is fetched again from an
// earlier offset after a rebalance can only move the commit back (a
// duplicate), never past a record that is not done.
type partition struct {
	topic  string
	id     int
	input  *input
	worker int // index of the worker that redacts this partition, in order

	mu      sync.Mutex
	entries []entry // pending records in fetch order, from head
	head    int
	base    uint64 // sequence number of entries[head]
	// next is the offset to commit (one past the last done record of the
	// done prefix); ok says there is one that is not committed yet.
	next int64
	ok   bool

	// For PartitionStats: the high watermark at the last fetch, the first
	// offset fetched and the offset committed last (-1 before the first).
	hwm, first, committedAt atomic.Int64
}

// newPartition returns the state of a partition of input, redacted by
// worker.
func newPartition(topic string, id int, in *input, worker int) *partition {
	p := &partition{topic: topic, id: id, input: in, worker: worker}
	p.first.Store(-1)
	p.committedAt.Store(-1)
	return p
}

// fetched records a fetched offset and the partition's high watermark.
func (p *partition) fetched(offset, hwm int64) {
	p.first.CompareAndSwap(-1, offset)
	p.hwm.Store(hwm)
}

type entry struct {
	offset int64
	done   bool
}

// track records a fetched offset and returns its sequence number for done.
func (p *partition) track(offset int64) uint64 {
	p.mu.Lock()
	if p.head > 0 && p.head >= len(p.entries)/2 {
		n := copy(p.entries, p.entries[p.head:])
		p.entries = p.entries[:n]
		p.head = 0
	}
	seq := p.base + uint64(len(p.entries)-p.head)
	p.entries = append(p.entries, entry{offset: offset})
	p.mu.Unlock()
	return seq
}

// done marks the record with sequence number seq as written and advances the
// committable offset over the done prefix.
func (p *partition) done(seq uint64) {
	p.mu.Lock()
	p.entries[p.head+int(seq-p.base)].done = true
	for p.head < len(p.entries) && p.entries[p.head].done {
		p.next = p.entries[p.head].offset + 1
		p.ok = true
		p.head++
		p.base++
	}
	p.mu.Unlock()
}

// committable returns the offset to commit, if it changed since the last
// call to committed.
func (p *partition) committable() (int64, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.next, p.ok
}

// committed records that offset was committed; a later done keeps ok set.
func (p *partition) committed(offset int64) {
	p.committedAt.Store(offset)
	p.mu.Lock()
	if p.next == offset {
		p.ok = false
	}
	p.mu.Unlock()
}
