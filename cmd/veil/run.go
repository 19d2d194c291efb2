package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/pixelprivacy/veil/pipeline/kafkarun"
	"github.com/pixelprivacy/veil/pipeline/observe"
)

var runCommand = &command{
	name:    "run",
	summary: "de-identify Kafka input topics into training topics",
	usage:   "run [-c veil.yaml] [--brokers host:port,...] [--group NAME] [--key-file F] [--metrics 127.0.0.1:9464] [--log-level info]",
	help: `
Run joins a Kafka consumer group, reads the input topics of the configuration
(by default events.usage, events.logs and events.prompts), de-identifies every
record (value, key and header values) and writes it to its output topic
(training.usage, training.logs, training.prompts), then commits its offset.
Delivery is at least once: after a crash, records since the last commit are
delivered again, byte-identical thanks to keyed tokens, so downstream can
deduplicate. Within a partition, order is kept.

A record that cannot be de-identified (malformed JSON on a json topic, over
records.max_bytes, invalid UTF-8, a redaction panic or timeout) never reaches
an output: its metadata (topic, partition, offset, reason, size, timestamp),
never its content, goes to the dead-letter topic (veil.dlq). Failed writes
are retried with backoff and never skipped; a broker that goes away is
waited for.

Run more processes with the same --group to scale out: they split the
partitions. SIGINT or SIGTERM stops fetching, finishes and writes the records
in flight, commits and leaves the group; a second signal exits at once.

The policy applies (see README, Policy): the consent topic (policy.consent,
default veil.consent) is read whole before the first record and followed;
records of minors, of users who withdrew consent, or whose own consent field
refuses training are dropped, counted by reason, and never written.

Metrics (Prometheus), /healthz and /readyz are served on --metrics; ready
means a member of the group, the brokers reachable and the consent table
loaded. Logs are text on a terminal, JSON lines otherwise, and never hold a
key, value or header of a record.

Tokens are keyed: use the same key file (--key-file, $VEIL_KEY_FILE or
key_file) in every process, or tokens will not match.`,
	examples: `  veil broker &                # a development broker on 127.0.0.1:9092
  veil run --key-file veil.key
  veil run -c veil.yaml --brokers kafka-1:9092,kafka-2:9092 --group veil-prod`,
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		var f runFlags
		fs.StringVar(&f.config, "c", "", "configuration `file` (veil.yaml); defaults without it")
		fs.StringVar(&f.config, "config", "", "configuration `file`, same as -c")
		fs.StringVar(&f.brokers, "brokers", "", "comma-separated `host:port` list (default kafka.brokers, 127.0.0.1:9092)")
		fs.StringVar(&f.group, "group", "", "consumer group `name` (default kafka.group, veil)")
		fs.StringVar(&f.keyFile, "key-file", "", "token key `file` from 'veil keygen' (default $VEIL_KEY_FILE, then key_file)")
		fs.StringVar(&f.metrics, "metrics", observe.DefaultAddr, "`host:port` of /metrics, /healthz and /readyz; off for none")
		fs.StringVar(&f.logLevel, "log-level", "info", "log `level`: debug, info, warn or error")
		return f.run
	},
}

type runFlags struct{ config, brokers, group, keyFile, metrics, logLevel string }

func (f *runFlags) run(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	log, err := newLogger(e, f.logLevel)
	if err != nil {
		return err
	}
	cfg, err := loadKafkaConfig(f.config, f.brokers)
	if err != nil {
		return err
	}
	if f.group != "" {
		cfg.Kafka.Group = f.group
	}
	ring, err := loadKeyRing(e, f.keyFile, cfg, f.config)
	if err != nil {
		return err
	}
	p, err := newPipeline(cfg, ring, log)
	if err != nil {
		return err
	}
	r := p.runner
	fmt.Fprintf(e.stderr, "veil run: group %s on %s: %d input topics, dead letters to %s\n",
		cfg.Kafka.Group, strings.Join(cfg.Kafka.Brokers, ","), len(cfg.Kafka.Inputs), cfg.Kafka.DLQ)
	if err := p.observe(ctx, f.metrics, e.stderr, "veil run"); err != nil {
		return err
	}
	defer exitOnSecondSignal(ctx, e.stderr)()
	stopReports := reportEvery(10*time.Second, r, e.stderr)
	err = p.run(ctx, e.stderr, "veil run")
	stopReports()
	st := r.Stats()
	fmt.Fprintf(e.stderr, "veil run: stopped: %d records in, %d out, %d dead-lettered, %d dropped by policy\n",
		st.RecordsIn, st.RecordsOut, st.RecordsDLQ, st.RecordsDropped)
	if errors.Is(err, kafkarun.ErrDrainTimeout) {
		return fmt.Errorf("%w (exit was not clean)", err)
	}
	return err
}

// exitOnSecondSignal makes a SIGINT or SIGTERM received after ctx ended (by
// the first one) exit the process at once, skipping the graceful drain,
// until the returned function is called.
func exitOnSecondSignal(ctx context.Context, stderr io.Writer) (stop func()) {
	var mu sync.Mutex
	stopped := false
	ch := make(chan os.Signal, 1)
	done := make(chan struct{})
	context.AfterFunc(ctx, func() {
		mu.Lock()
		if stopped {
			mu.Unlock()
			return
		}
		signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
		mu.Unlock()
		select {
		case <-ch:
			fmt.Fprintln(stderr, "veil: second signal: exiting now; uncommitted records will be redelivered")
			os.Exit(130)
		case <-done:
		}
	})
	return func() {
		mu.Lock()
		stopped = true
		signal.Stop(ch)
		mu.Unlock()
		close(done)
	}
}

// reportEvery writes a throughput line every interval in which records
// moved, until the returned function is called.
func reportEvery(interval time.Duration, r *kafkarun.Runner, w io.Writer) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(interval)
		defer t.Stop()
		prev, at := r.Stats(), time.Now()
		for {
			select {
			case <-done:
				return
			case now := <-t.C:
				cur := r.Stats()
				if cur.RecordsIn != prev.RecordsIn || cur.RecordsOut != prev.RecordsOut {
					fmt.Fprintln(w, "veil run:", rateLine(prev, cur, now.Sub(at)))
				}
				prev, at = cur, now
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}

// rateLine describes what moved between two snapshots taken d apart.
func rateLine(prev, cur kafkarun.Stats, d time.Duration) string {
	s := d.Seconds()
	out := cur.RecordsOut - prev.RecordsOut
	lat := cur.Latency.Sub(prev.Latency)
	return fmt.Sprintf("in %6.0f rec/s | out %6.0f rec/s %6.2f MB/s | dead letters %d | dropped %d | latency p50 %v p99 %v | in flight %d",
		float64(cur.RecordsIn-prev.RecordsIn)/s, float64(out)/s, float64(cur.BytesOut-prev.BytesOut)/s/1e6,
		cur.RecordsDLQ, cur.RecordsDropped, roundLatency(lat.Quantile(0.5)), roundLatency(lat.Quantile(0.99)), cur.InFlightRecords)
}

// roundLatency keeps two or three significant digits.
func roundLatency(d time.Duration) time.Duration {
	switch {
	case d >= time.Second:
		return d.Round(10 * time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(100 * time.Microsecond)
	}
	return d.Round(time.Microsecond)
}
