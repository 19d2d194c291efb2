package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/segmentio/kafka-go"
	"golang.org/x/sync/errgroup"

	"github.com/pixelprivacy/veil/benchmarks/gen"
	"github.com/pixelprivacy/veil/config"
	"github.com/pixelprivacy/veil/pipeline/broker"
	"github.com/pixelprivacy/veil/pipeline/kafkarun"
	"github.com/pixelprivacy/veil/transforms"
)

var demoCommand = &command{
	name:    "demo",
	summary: "see veil de-identify a live event stream, with nothing to install",
	usage:   "demo [--rate N] [--samples N] [--seed N] [--listen 127.0.0.1:0]",
	help: `
Demo runs everything in one process: the development broker (see 'veil
broker'), a producer of synthetic usage, log and prompt events, full of
labeled personal data, at a steady rate to events.usage, events.logs and
events.prompts, and the pipeline of 'veil run' with the default configuration
and an ephemeral key, writing to training.usage, training.logs and
training.prompts. A few usage events (3%) come from children under 13, whom
the app does not serve: the policy gate drops them, and the "dropped" count
shows it. Every second it prints the throughput; it also prints a few events
before and after de-identification, read back from the training topics. Ctrl-C stops it all cleanly; a second Ctrl-C exits at once.

While it runs, any Kafka client can look at the topics on the address it
prints, for example kcat -b ADDRESS -t training.prompts -C.`,
	examples: `  go run ./cmd/veil demo
  veil demo --rate 20000 --samples 2`,
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		var f demoFlags
		fs.IntVar(&f.rate, "rate", 2000, "synthetic events per `second`")
		fs.IntVar(&f.samples, "samples", 1, "before/after samples to show per event kind")
		fs.Int64Var(&f.seed, "seed", 1, "generator `seed`")
		fs.StringVar(&f.listen, "listen", "127.0.0.1:0", "loopback `host:port` of the broker (port 0 picks one)")
		return f.run
	},
}

// demoRetention is how long the demo broker keeps records.
const demoRetention = 2 * time.Minute

// demoMinors is the percentage of the demo's usage events from children
// under 13, for the policy gate to drop.
const demoMinors = 3

type demoFlags struct {
	rate, samples int
	seed          int64
	listen        string
}

func (f *demoFlags) run(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	if f.rate <= 0 {
		return usagef("--rate %d: must be positive", f.rate)
	}
	if f.samples < 0 {
		return usagef("--samples %d: must not be negative", f.samples)
	}
	// The broker outlives ctx: the pipeline drains into it after Ctrl-C.
	// It forgets records after a while, to run for hours in little memory.
	b, err := broker.Start(context.Background(), broker.Options{Listen: f.listen, Topics: defaultTopics(), Retention: demoRetention})
	if err != nil {
		return err
	}
	defer b.Close()
	addrs := b.Addrs()

	cfg := config.Default()
	cfg.Kafka.Brokers = addrs
	cfg.Kafka.Group = "veil-demo"
	ring, err := transforms.EphemeralKeyRing()
	if err != nil {
		return err
	}
	p, err := newPipeline(cfg, ring, slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelError})))
	if err != nil {
		return err
	}
	r := p.runner
	fmt.Fprintf(e.stdout, "veil demo: broker on %s (in memory, keeps records %v, development only)\n", strings.Join(addrs, ","), demoRetention)
	fmt.Fprintf(e.stdout, "veil demo: producing %d synthetic events/s to events.usage, events.logs, events.prompts;\n", f.rate)
	fmt.Fprintln(e.stdout, "           veil de-identifies them into training.usage, training.logs, training.prompts. Ctrl-C stops.")
	defer exitOnSecondSignal(ctx, e.stderr)()

	d := &demo{flags: f, cfg: &cfg.Kafka, addrs: addrs, out: e.stdout, samples: make(map[string]sample)}
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return p.run(gctx, io.Discard, "veil demo") })
	g.Go(func() error { return d.produce(gctx) })
	g.Go(func() error { return d.showSamples(gctx) })
	g.Go(func() error { return d.report(gctx, r) })
	err = g.Wait()
	st := r.Stats()
	fmt.Fprintf(e.stdout, "veil demo: stopped: %d events produced, %d de-identified, %d dead-lettered, %d dropped by policy\n",
		d.produced, st.RecordsOut, st.RecordsDLQ, st.RecordsDropped)
	return err
}

// demo is the state of one `veil demo`.
type demo struct {
	flags *demoFlags
	cfg   *config.Kafka
	addrs []string
	out   io.Writer

	mu       sync.Mutex
	samples  map[string]sample // by record key
	produced int64             // read after produce returned
}

// sample is an event kept to be shown before and after.
type sample struct {
	kind, topic, output string
	line                []byte
}

// produce writes synthetic events at the configured rate until ctx ends.
// Every record is keyed "demo-N", a key without personal data that the
// pipeline keeps, so that samples can be found in the output.
func (d *demo) produce(ctx context.Context) error {
	w := &kafka.Writer{
		Addr:         kafka.TCP(d.addrs...),
		Balancer:     &kafka.Hash{},
		BatchTimeout: time.Millisecond,
		RequiredAcks: kafka.RequireAll,
	}
	defer w.Close()
	topics := make(map[string]config.Input)
	for _, in := range d.cfg.Inputs {
		topics[in.Kind] = in
	}
	shown := make(map[string]int)
	g := gen.New(gen.Options{Seed: d.flags.seed, Minors: demoMinors, Personal: true})
	// Each tick writes what is due since start: a slow write is made up
	// for, up to a second's worth of events.
	const tick = 20 * time.Millisecond
	rate := float64(d.flags.rate)
	w.BatchSize = max(1, d.flags.rate)
	t := time.NewTicker(tick)
	defer t.Stop()
	start := time.Now()
	var msgs []kafka.Message
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
		now := time.Now()
		due := int64(now.Sub(start).Seconds()*rate) - d.produced
		if due > int64(d.flags.rate) {
			due = int64(d.flags.rate)
			start = now.Add(-time.Duration(float64(d.produced+due) / rate * float64(time.Second)))
		}
		msgs = msgs[:0]
		for range due {
			ev := g.Next()
			in, ok := topics[ev.Kind]
			if !ok {
				continue
			}
			key := "demo-" + strconv.FormatInt(d.produced+int64(len(msgs)), 10)
			msgs = append(msgs, kafka.Message{Topic: in.Topic, Key: []byte(key), Value: ev.Line, Time: now})
			if shown[ev.Kind] < d.flags.samples && !ev.Minor { // a minor's never reaches training
				shown[ev.Kind]++
				d.mu.Lock()
				d.samples[key] = sample{kind: ev.Kind, topic: in.Topic, output: in.Output, line: ev.Line}
				d.mu.Unlock()
			}
		}
		if len(msgs) == 0 {
			continue
		}
		if err := w.WriteMessages(ctx, msgs...); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("demo producer: %w", err)
		}
		d.produced += int64(len(msgs))
	}
}

// showSamples reads the training topics until every sample was printed.
func (d *demo) showSamples(ctx context.Context) error {
	if d.flags.samples == 0 {
		return nil
	}
	var outputs []string
	for _, in := range d.cfg.Inputs {
		outputs = append(outputs, in.Output)
	}
	r := kafka.NewReader(kafka.ReaderConfig{
		Brokers:           d.addrs,
		GroupID:           "veil-demo-viewer",
		GroupTopics:       outputs,
		SessionTimeout:    6 * time.Second,
		HeartbeatInterval: time.Second,
		MaxWait:           250 * time.Millisecond,
	})
	defer r.Close()
	left := d.flags.samples * len(d.cfg.Inputs)
	for left > 0 {
		m, err := r.ReadMessage(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("demo viewer: %w", err)
		}
		d.mu.Lock()
		s, ok := d.samples[string(m.Key)]
		delete(d.samples, string(m.Key))
		d.mu.Unlock()
		if !ok {
			continue
		}
		left--
		fmt.Fprintf(d.out, "\n--- %s event, %s -> %s\nbefore: %s\nafter:  %s\n\n", s.kind, s.topic, s.output, clip(s.line), clip(m.Value))
	}
	return nil
}

// clip shortens a long line for the terminal.
func clip(b []byte) []byte {
	const most = 600
	if len(b) <= most {
		return b
	}
	return append(b[:most:most], " …"...)
}

// report prints the pipeline's throughput every second.
func (d *demo) report(ctx context.Context, r *kafkarun.Runner) error {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	prev, at := r.Stats(), time.Now()
	for {
		select {
		case <-ctx.Done():
			return nil
		case now := <-t.C:
			cur := r.Stats()
			fmt.Fprintln(d.out, "veil demo:", rateLine(prev, cur, now.Sub(at)))
			prev, at = cur, now
		}
	}
}
