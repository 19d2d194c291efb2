package dataset

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/segmentio/kafka-go/sasl"

	"github.com/pixelprivacy/veil/transforms"
)

// Defaults of ExportOptions fields left zero.
const (
	DefaultGroup         = "veil-export"
	DefaultShardBytes    = 128 << 20
	DefaultShardInterval = 5 * time.Minute
)

// DefaultTopics are the training topics of veil's default configuration.
var DefaultTopics = []string{"training.usage", "training.logs", "training.prompts"}

// ExportOptions configure an Exporter.
type ExportOptions struct {
	Brokers []string
	// Group is the exporter's consumer group; zero means DefaultGroup.
	Group string
	// Topics are read; zero means DefaultTopics.
	Topics []string
	// Dir holds a directory per topic, with its shards and manifest.
	Dir string
	// A shard is finished once it holds ShardBytes of JSON Lines, or
	// ShardInterval after its first record; zero means the defaults.
	ShardBytes    int64
	ShardInterval time.Duration
	// Template is the token template of the pipeline, to count findings;
	// empty means transforms.DefaultTemplate.
	Template string
	TLS      *tls.Config
	SASL     sasl.Mechanism
	// Logger gets operational messages: never record contents.
	Logger *slog.Logger

	// In tests: beforeRename runs between a shard's write and its rename,
	// beforeCommit between its manifest entry and its offsets' commit.
	beforeRename, beforeCommit func(name string) error
}

// Exporter consumes training topics into dataset shards.
type Exporter struct {
	o      ExportOptions
	log    *slog.Logger
	tokens *tokenStats
	reader *kafka.Reader
	open   map[partitionKey]*shardWriter

	mu        sync.Mutex // manifests, shared with Stats
	manifests map[string]*Manifest

	records, shards atomic.Int64
	joined          atomic.Bool
}

type partitionKey struct {
	topic     string
	partition int
}

// NewExporter checks o and prepares an Exporter, creating Dir's topic
// directories and removing temporary files a crash left there.
func NewExporter(o ExportOptions) (*Exporter, error) {
	if len(o.Brokers) == 0 {
		return nil, errors.New("dataset: no brokers")
	}
	if o.Dir == "" {
		return nil, errors.New("dataset: no directory")
	}
	if o.Group == "" {
		o.Group = DefaultGroup
	}
	if len(o.Topics) == 0 {
		o.Topics = DefaultTopics
	}
	if o.ShardBytes == 0 {
		o.ShardBytes = DefaultShardBytes
	}
	if o.ShardInterval == 0 {
		o.ShardInterval = DefaultShardInterval
	}
	if o.ShardBytes < 0 || o.ShardInterval < 0 {
		return nil, errors.New("dataset: negative shard size or interval")
	}
	re, err := transforms.TokenRegexp(o.Template)
	if err != nil {
		return nil, fmt.Errorf("dataset: %w", err)
	}
	log := o.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	x := &Exporter{o: o, log: log, tokens: newTokenStats(re), open: map[partitionKey]*shardWriter{}, manifests: map[string]*Manifest{}}
	for _, t := range o.Topics {
		dir := filepath.Join(o.Dir, t)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("dataset: %w", err)
		}
		if err := removeTemporary(dir); err != nil {
			return nil, err
		}
		m, err := ReadManifest(dir)
		if err != nil {
			return nil, err
		}
		m.Topic = t
		x.manifests[t] = m
	}
	return x, nil
}

// removeTemporary removes the unfinished shards and manifests of dir.
func removeTemporary(dir string) error {
	tmps, err := filepath.Glob(filepath.Join(dir, ".tmp-*"))
	if err != nil {
		return fmt.Errorf("dataset: %w", err)
	}
	for _, t := range tmps {
		if err := os.Remove(t); err != nil {
			return fmt.Errorf("dataset: %w", err)
		}
	}
	return nil
}

// ExportStats count what an Exporter did.
type ExportStats struct {
	Records, Shards int64
	// Open is the number of shards being written.
	Open int
}

// Stats returns what the exporter did so far.
func (x *Exporter) Stats() ExportStats {
	x.mu.Lock()
	open := len(x.open)
	x.mu.Unlock()
	return ExportStats{Records: x.records.Load(), Shards: x.shards.Load(), Open: open}
}

// Manifest returns a copy of the manifest of a topic.
func (x *Exporter) Manifest(topic string) Manifest {
	x.mu.Lock()
	defer x.mu.Unlock()
	m := *x.manifests[topic]
	m.Shards = append([]Shard(nil), m.Shards...)
	return m
}

// Run consumes until ctx ends, then finishes the open shards, commits their
// offsets and leaves the group. A shard's offsets are committed only once
// it is renamed and in the manifest.
func (x *Exporter) Run(ctx context.Context) error {
	x.reader = kafka.NewReader(kafka.ReaderConfig{
		Brokers: x.o.Brokers, GroupID: x.o.Group, GroupTopics: x.o.Topics,
		Dialer:   &kafka.Dialer{Timeout: 10 * time.Second, DualStack: true, TLS: x.o.TLS, SASLMechanism: x.o.SASL},
		MinBytes: 1, MaxBytes: 8 << 20, MaxWait: 500 * time.Millisecond,
		CommitInterval: 0, StartOffset: kafka.FirstOffset, SessionTimeout: 10 * time.Second,
		WatchPartitionChanges: true,
		ErrorLogger: kafka.LoggerFunc(func(format string, args ...any) {
			x.log.Warn("kafka reader", "msg", fmt.Sprintf(format, args...))
		}),
	})
	defer x.reader.Close()
	if err := x.consume(ctx); err != nil {
		// Stop as a crash would: what is open is exported again on restart.
		return err
	}
	// Finish what is open with a fresh context: the records are read, and
	// committing them now saves exporting them again.
	fctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return x.finishAll(fctx)
}

func (x *Exporter) consume(ctx context.Context) error {
	tick := min(x.o.ShardInterval, time.Second)
	for {
		fctx, cancel := context.WithTimeout(ctx, tick)
		m, err := x.reader.FetchMessage(fctx)
		cancel()
		if ctx.Err() != nil {
			return nil
		}
		if err != nil && !errors.Is(err, context.DeadlineExceeded) {
			x.log.Warn("fetch failed; retrying", "err", err)
			time.Sleep(100 * time.Millisecond)
			continue
		}
		if err == nil {
			x.joined.Store(true)
			if err := x.add(ctx, &m); err != nil {
				return err
			}
		}
		if err := x.rotateOld(ctx); err != nil {
			return err
		}
	}
}

// Joined reports whether the exporter has received records from the group.
func (x *Exporter) Joined() bool { return x.joined.Load() }

// add writes m to its partition's shard, finishing the shard when full.
func (x *Exporter) add(ctx context.Context, m *kafka.Message) error {
	k := partitionKey{m.Topic, m.Partition}
	s := x.open[k]
	if s != nil && m.Offset <= s.meta.LastOffset {
		// Delivered again after a rebalance, from the committed offset:
		// the shard starts over, so it holds no record twice.
		x.log.Info("partition read again from its committed offset; restarting its shard", "shard", s.meta.Name)
		s.abort()
		s = nil
	}
	if s == nil {
		var err error
		if s, err = openShard(filepath.Join(x.o.Dir, m.Topic), m, x.tokens); err != nil {
			return err
		}
		x.mu.Lock()
		x.open[k] = s
		x.mu.Unlock()
		x.log.Debug("shard started", "shard", s.meta.Name)
	}
	if err := s.add(m); err != nil {
		return err
	}
	x.records.Add(1)
	if s.meta.UncompressedBytes >= x.o.ShardBytes {
		return x.finish(ctx, k, s)
	}
	return nil
}

// rotateOld finishes the shards older than the interval.
func (x *Exporter) rotateOld(ctx context.Context) error {
	for k, s := range x.open {
		if time.Since(s.start) >= x.o.ShardInterval {
			if err := x.finish(ctx, k, s); err != nil {
				return err
			}
		}
	}
	return nil
}

func (x *Exporter) finishAll(ctx context.Context) error {
	var errs []error
	for k, s := range x.open {
		errs = append(errs, x.finish(ctx, k, s))
	}
	return errors.Join(errs...)
}

// finish renames the shard, records it in the manifest and commits its
// last offset, in that order.
func (x *Exporter) finish(ctx context.Context, k partitionKey, s *shardWriter) error {
	x.mu.Lock()
	delete(x.open, k)
	x.mu.Unlock()
	meta, err := s.finish(x.o.beforeRename)
	if err != nil {
		return err
	}
	dir := filepath.Join(x.o.Dir, k.topic)
	x.mu.Lock()
	m := x.manifests[k.topic]
	m.put(meta)
	err = m.write(dir)
	x.mu.Unlock()
	if err != nil {
		return err
	}
	x.shards.Add(1)
	x.log.Info("shard written", "shard", meta.Name, "records", meta.Records, "bytes", meta.Bytes)
	if x.o.beforeCommit != nil {
		if err := x.o.beforeCommit(meta.Name); err != nil {
			return err
		}
	}
	// The shard is done: commit even if ctx ends now, or it is exported
	// again for nothing.
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
	defer cancel()
	for backoff := 100 * time.Millisecond; ; backoff = min(2*backoff, 5*time.Second) {
		err := x.reader.CommitMessages(cctx, s.last)
		if err == nil {
			return nil
		}
		if cctx.Err() != nil {
			return fmt.Errorf("dataset: commit after %s: %w", meta.Name, err)
		}
		x.log.Warn("commit failed; retrying", "shard", meta.Name, "err", err)
		time.Sleep(backoff)
	}
}

// ShardPath returns where a shard of the manifest lives.
func ShardPath(dir string, s Shard) string {
	return filepath.Join(dir, s.Topic, s.Name)
}

// topicDirs returns the topic directories under dir that hold a manifest.
func topicDirs(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("dataset: %w", err)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			if _, err := os.Stat(filepath.Join(dir, e.Name(), ManifestName)); err == nil {
				out = append(out, filepath.Join(dir, e.Name()))
			}
		}
	}
	return out, nil
}
