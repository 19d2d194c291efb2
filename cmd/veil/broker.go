package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/pixelprivacy/veil/config"
	"github.com/pixelprivacy/veil/pipeline/broker"
)

var brokerCommand = &command{
	name:    "broker",
	summary: "run a single-node Kafka-protocol broker for development and tests",
	usage:   "broker [--listen 127.0.0.1:9092] [--data-dir DIR] [--retention DURATION]",
	help: `
Broker runs a single-node Kafka-protocol broker in this process, on a
loopback address only, for local development, demos and tests. It is the
fake cluster of franz-go's kfake package: Kafka clients (kafka-go, kcat,
librdkafka, the Java client) talk to it, but it is not Kafka. Production uses
a real Kafka cluster.

It creates the default topics, events.usage, events.logs, events.prompts,
training.usage, training.logs, training.prompts and veil.dlq, with 6
partitions each, and creates other topics on first use. With --data-dir, it
keeps topics, records and committed offsets there across restarts; without,
everything is lost when it stops. With --retention, records older than that
are dropped, so that a long-running broker stays small. Consumer group
sessions must be at least 6 seconds.`,
	examples: `  veil broker
  veil broker --listen 127.0.0.1:19092 --data-dir /tmp/veil-broker
  kcat -b 127.0.0.1:9092 -L`,
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		var f brokerFlags
		fs.StringVar(&f.listen, "listen", broker.DefaultListen, "loopback `host:port` to listen on (port 0 picks one)")
		fs.StringVar(&f.dataDir, "data-dir", "", "`directory` to persist topics and offsets in; in memory without it")
		fs.DurationVar(&f.retention, "retention", 0, "drop records older than this `duration` (e.g. 1h); 0 keeps them all")
		return f.run
	},
}

type brokerFlags struct {
	listen, dataDir string
	retention       time.Duration
}

func (f *brokerFlags) run(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	if f.retention < 0 {
		return usagef("--retention %v: must not be negative", f.retention)
	}
	b, err := broker.Start(ctx, broker.Options{Listen: f.listen, DataDir: f.dataDir, Topics: defaultTopics(), Retention: f.retention})
	if err != nil {
		return err
	}
	defer b.Close()
	where := "in memory"
	if f.dataDir != "" {
		where = "persisted in " + f.dataDir
	}
	fmt.Fprintf(e.stderr, "veil broker: listening on %s (%s); for development and tests only: production uses a real Kafka cluster\n",
		strings.Join(b.Addrs(), ","), where)
	<-ctx.Done()
	fmt.Fprintln(e.stderr, "veil broker: stopped")
	return nil
}

// defaultTopics are the topics of the default configuration.
func defaultTopics() []string {
	c := config.Default()
	k := c.Kafka
	topics := []string{k.DLQ, c.Policy.Consent.Topic}
	for _, in := range k.Inputs {
		topics = append(topics, in.Topic, in.Output)
	}
	return topics
}
