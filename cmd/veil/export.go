package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/pixelprivacy/veil/config"
	"github.com/pixelprivacy/veil/pipeline/dataset"
	"github.com/pixelprivacy/veil/pipeline/kafkarun"
	"github.com/pixelprivacy/veil/pipeline/observe"
)

var exportCommand = &command{
	name:    "export",
	summary: "write training topics as dataset shards (.jsonl.zst) with a manifest",
	usage:   "export --dir DIR [--brokers host:port,...] [--topics T,...] [--group veil-export] [--shard-bytes 128MiB] [--shard-interval 5m] [-c veil.yaml] [--metrics 127.0.0.1:9465] [--log-level info]",
	help: `
Export consumes the de-identified training topics (by default training.usage,
training.logs and training.prompts) in its own consumer group and writes them
as dataset shards for the ML team: JSON Lines compressed with zstd, one record
per line (a text record becomes {"text": ..., "topic", "partition", "offset",
"timestamp", "lang"}), under DIR/<topic>/.

A shard is finished when it holds --shard-bytes of JSON Lines or
--shard-interval after its first record, and when export stops. It is named
by topic, partition and first offset (training.usage-p003-o00000000000000004096.jsonl.zst),
written to a temporary file, synced and renamed; then DIR/<topic>/manifest.json
is rewritten the same way (records, bytes, sha256, offsets, time range, key
IDs, findings per kind, languages); only then are its offsets committed. A
crash re-exports at most the unfinished shard, under the same name: the
dataset has no partial and no duplicate records. Run one export per
directory.

Shards open with standard tools: zstdcat DIR/training.usage/*.zst, or
pandas.read_json(path, lines=True, compression="zstd").`,
	examples: `  veil export --dir /data/veil
  veil export --dir ./ds --topics training.prompts --shard-bytes 16MiB --shard-interval 1m`,
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		var f exportFlags
		fs.StringVar(&f.dir, "dir", "", "dataset `directory` (required)")
		fs.StringVar(&f.brokers, "brokers", "", "comma-separated `host:port` list (default kafka.brokers)")
		fs.StringVar(&f.topics, "topics", strings.Join(dataset.DefaultTopics, ","), "comma-separated training `topics` to export")
		fs.StringVar(&f.group, "group", dataset.DefaultGroup, "consumer group `name`")
		fs.StringVar(&f.shardBytes, "shard-bytes", "128MiB", "finish a shard at this `size` of JSON Lines")
		fs.DurationVar(&f.shardInterval, "shard-interval", dataset.DefaultShardInterval, "finish a shard this `long` after its first record")
		fs.StringVar(&f.config, "c", "", "configuration `file` (veil.yaml) for brokers, TLS, SASL, token template")
		fs.StringVar(&f.config, "config", "", "configuration `file`, same as -c")
		fs.StringVar(&f.metrics, "metrics", "127.0.0.1:9465", "`host:port` of /metrics, /healthz and /readyz; off for none")
		fs.StringVar(&f.logLevel, "log-level", "info", "log `level`: debug, info, warn or error")
		return f.run
	},
}

type exportFlags struct {
	dir, brokers, topics, group, shardBytes, config, metrics, logLevel string
	shardInterval                                                      time.Duration
}

func (f *exportFlags) run(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	if f.dir == "" {
		return usagef("--dir is required")
	}
	size, err := config.ParseByteSize(f.shardBytes)
	if err != nil || size <= 0 {
		return usagef("--shard-bytes %q: want a positive size such as 128MiB", f.shardBytes)
	}
	if f.shardInterval <= 0 {
		return usagef("--shard-interval %v: must be positive", f.shardInterval)
	}
	log, err := newLogger(e, f.logLevel)
	if err != nil {
		return err
	}
	cfg, err := loadKafkaConfig(f.config, f.brokers)
	if err != nil {
		return err
	}
	tlsConf, mech, err := kafkarun.Security(&cfg.Kafka)
	if err != nil {
		return err
	}
	x, err := dataset.NewExporter(dataset.ExportOptions{
		Brokers: cfg.Kafka.Brokers, Group: f.group, Topics: strings.Split(f.topics, ","), Dir: f.dir,
		ShardBytes: int64(size), ShardInterval: f.shardInterval, Template: cfg.Transforms.Template,
		TLS: tlsConf, SASL: mech, Logger: log,
	})
	if err != nil {
		return err
	}
	if f.metrics != "" && f.metrics != "off" {
		reg, err := observe.NewRegistry(&observe.Export{Exporter: x})
		if err != nil {
			return err
		}
		reachable := observe.Check{Name: "brokers", Test: func(ctx context.Context) error {
			c := &kafka.Client{Addr: kafka.TCP(cfg.Kafka.Brokers...), Transport: &kafka.Transport{TLS: tlsConf, SASL: mech}}
			_, err := c.Metadata(ctx, &kafka.MetadataRequest{Topics: []string{}})
			return err
		}}
		srv, err := observe.Listen(f.metrics, observe.Handler(reg, reachable))
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "veil export: metrics on http://%s/metrics\n", srv.Addr())
		go func() { _ = srv.Serve(ctx) }()
	}
	fmt.Fprintf(e.stderr, "veil export: %s into %s, group %s\n", f.topics, f.dir, f.group)
	defer exitOnSecondSignal(ctx, e.stderr)()
	err = x.Run(ctx)
	st := x.Stats()
	fmt.Fprintf(e.stderr, "veil export: stopped: %d records in %d shards\n", st.Records, st.Shards)
	return err
}
