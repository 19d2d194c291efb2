package policy

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/segmentio/kafka-go"
	"golang.org/x/sync/errgroup"

	"github.com/pixelprivacy/veil/transforms"
)

// FollowOptions configure a Follower.
type FollowOptions struct {
	Brokers []string
	// Topic is the compacted consent topic: key the user ID, value
	// {"training": true|false, "ts": ...}, where ts is Unix seconds or
	// milliseconds or an RFC 3339 time (the record's timestamp if missing).
	Topic string
	// Dialer connects to the brokers (TLS, SASL); nil means kafka-go's
	// default.
	Dialer *kafka.Dialer
	// Engine tokenizes user IDs the way records' user fields are: it must
	// use the same key as the pipeline.
	Engine *transforms.Engine
	// Logger gets operational messages: never keys or values.
	Logger *slog.Logger
}

// Follower keeps a Table up to date with the consent topic. It reads every
// partition from its beginning, says when it has caught up with the end it
// found at the start (Loaded), and follows the topic until stopped.
type Follower struct {
	o      FollowOptions
	log    *slog.Logger
	table  *Table
	loaded chan struct{}
	once   sync.Once

	records, malformed atomic.Uint64
}

// NewFollower returns a Follower of o.Topic into a new Table.
func NewFollower(o FollowOptions) *Follower {
	log := o.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return &Follower{o: o, log: log, table: NewTable(), loaded: make(chan struct{})}
}

// Table returns the table the follower fills.
func (f *Follower) Table() *Table { return f.table }

// Loaded is closed once the table holds every record the topic had when
// Run started.
func (f *Follower) Loaded() <-chan struct{} { return f.loaded }

// FollowStats count what a Follower read.
type FollowStats struct {
	// Records is the number of consent records read; Malformed those
	// whose value could not be read, each taken as a withdrawal.
	Records, Malformed uint64
	Users              int // users in the table
}

// Stats returns what the follower read so far.
func (f *Follower) Stats() FollowStats {
	return FollowStats{Records: f.records.Load(), Malformed: f.malformed.Load(), Users: f.table.Len()}
}

// Run reads the topic until ctx ends. It fails if the topic cannot be
// found: a pipeline must not run without the consent it was told to honour.
func (f *Follower) Run(ctx context.Context) error {
	ends, err := f.endOffsets(ctx)
	if err != nil {
		return err
	}
	var pending sync.WaitGroup
	pending.Add(len(ends))
	go func() {
		pending.Wait()
		f.once.Do(func() { close(f.loaded) })
	}()
	g, gctx := errgroup.WithContext(ctx)
	for p, end := range ends {
		g.Go(func() error { return f.follow(gctx, p, end, pending.Done) })
	}
	err = g.Wait()
	if ctx.Err() != nil {
		return nil
	}
	return err
}

// endOffsets returns the high watermark of each partition of the topic.
func (f *Follower) endOffsets(ctx context.Context) (map[int]int64, error) {
	c := &kafka.Client{Addr: kafka.TCP(f.o.Brokers...), Timeout: 10 * time.Second}
	if d := f.o.Dialer; d != nil {
		c.Transport = &kafka.Transport{TLS: d.TLS, SASL: d.SASLMechanism}
	}
	var md *kafka.MetadataResponse
	var err error
	for backoff := 100 * time.Millisecond; ; backoff = min(2*backoff, 5*time.Second) {
		md, err = c.Metadata(ctx, &kafka.MetadataRequest{Topics: []string{f.o.Topic}})
		if err == nil || ctx.Err() != nil {
			break
		}
		f.log.Warn("consent topic metadata failed; retrying", "topic", f.o.Topic, "err", err, "backoff", backoff)
		select {
		case <-time.After(backoff):
		case <-ctx.Done():
		}
	}
	if err != nil {
		return nil, fmt.Errorf("policy: consent topic %s: %w", f.o.Topic, err)
	}
	if len(md.Topics) != 1 || md.Topics[0].Error != nil || len(md.Topics[0].Partitions) == 0 {
		var terr error = errNoTopic
		if len(md.Topics) == 1 && md.Topics[0].Error != nil {
			terr = md.Topics[0].Error
		}
		return nil, fmt.Errorf("policy: consent topic %s: %w", f.o.Topic, terr)
	}
	req := map[string][]kafka.OffsetRequest{}
	for _, p := range md.Topics[0].Partitions {
		req[f.o.Topic] = append(req[f.o.Topic], kafka.LastOffsetOf(p.ID))
	}
	res, err := c.ListOffsets(ctx, &kafka.ListOffsetsRequest{Topics: req})
	if err != nil {
		return nil, fmt.Errorf("policy: consent topic %s: offsets: %w", f.o.Topic, err)
	}
	ends := make(map[int]int64)
	for _, p := range res.Topics[f.o.Topic] {
		if p.Error != nil {
			return nil, fmt.Errorf("policy: consent topic %s/%d: %w", f.o.Topic, p.Partition, p.Error)
		}
		ends[p.Partition] = p.LastOffset
	}
	return ends, nil
}

var errNoTopic = errors.New("no such topic (create it, compacted, or set policy.consent.topic: none)")

// follow reads one partition from its first offset, calls loaded once past
// end, and keeps reading.
func (f *Follower) follow(ctx context.Context, partition int, end int64, loaded func()) error {
	r := kafka.NewReader(kafka.ReaderConfig{
		Brokers: f.o.Brokers, Topic: f.o.Topic, Partition: partition, Dialer: f.o.Dialer,
		MinBytes: 1, MaxBytes: 4 << 20, MaxWait: 500 * time.Millisecond, StartOffset: kafka.FirstOffset,
		ErrorLogger: kafka.LoggerFunc(func(format string, args ...any) {
			f.log.Warn("consent reader", "msg", fmt.Sprintf(format, args...))
		}),
	})
	defer r.Close()
	w := f.o.Engine.NewWorker()
	caughtUp := false
	if end <= 0 {
		loaded()
		caughtUp = true
	}
	for {
		m, err := r.ReadMessage(ctx) // no group: nothing is committed
		if err != nil {
			if ctx.Err() != nil {
				if !caughtUp {
					loaded()
				}
				return nil
			}
			return fmt.Errorf("policy: consent topic %s/%d: %w", f.o.Topic, partition, err)
		}
		f.apply(w, &m)
		if !caughtUp && m.Offset >= end-1 {
			loaded()
			caughtUp = true
		}
	}
}

// apply records one consent record in the table.
func (f *Follower) apply(w *transforms.Worker, m *kafka.Message) {
	f.records.Add(1)
	if len(m.Key) == 0 {
		f.malformed.Add(1)
		f.log.Warn("consent record without a user ID key; ignored", "topic", m.Topic, "partition", m.Partition, "offset", m.Offset)
		return
	}
	user := w.UserMAC(bytes.TrimSpace(m.Key))
	if m.Value == nil {
		f.table.Delete(user)
		return
	}
	training, ts, ok := parseConsent(m.Value)
	if !ok {
		// Fail closed: what cannot be read may have been a withdrawal.
		f.malformed.Add(1)
		f.log.Warn("consent record unreadable; taken as a withdrawal", "topic", m.Topic, "partition", m.Partition, "offset", m.Offset)
		training = false
	}
	if ts == 0 {
		ts = m.Time.UnixMilli()
	}
	f.table.Set(user, training, ts)
}

// parseConsent reads {"training": bool, "ts": ...}; ts is 0 when absent.
func parseConsent(v []byte) (training bool, ts int64, ok bool) {
	var c struct {
		Training *bool           `json:"training"`
		TS       json.RawMessage `json:"ts"`
	}
	if err := json.Unmarshal(v, &c); err != nil || c.Training == nil {
		return false, 0, false
	}
	ts, ok = parseTS(c.TS)
	return *c.Training, ts, ok
}

// parseTS reads Unix seconds or milliseconds, or an RFC 3339 string, as
// Unix milliseconds; absent is 0.
func parseTS(raw json.RawMessage) (int64, bool) {
	if len(raw) == 0 || string(raw) == "null" {
		return 0, true
	}
	if raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return 0, false
		}
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return 0, false
		}
		return t.UnixMilli(), true
	}
	n, err := strconv.ParseFloat(string(raw), 64)
	if err != nil || n < 0 {
		return 0, false
	}
	if n < 1e11 { // seconds: 1e11 ms is 1973, 1e11 s is the year 5138
		n *= 1000
	}
	return int64(n), true
}
