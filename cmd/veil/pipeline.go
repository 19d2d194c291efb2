package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/segmentio/kafka-go"
	"golang.org/x/sync/errgroup"

	"github.com/pixelprivacy/veil/config"
	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/pipeline/kafkarun"
	"github.com/pixelprivacy/veil/pipeline/observe"
	"github.com/pixelprivacy/veil/pipeline/policy"
	"github.com/pixelprivacy/veil/transforms"
)

// pipeline is what `veil run` and `veil demo` start: the runner, built with a
// profile per input's kind and the policy gate, and the follower of the
// consent topic that fills the gate's table.
type pipeline struct {
	engine   *transforms.Engine
	workers  *workerPool
	runner   *kafkarun.Runner
	follower *policy.Follower // nil with policy.consent.topic: none
	topic    string
}

// newPipeline builds the pipeline of cfg, tokenizing with ring.
func newPipeline(cfg *config.Config, ring *transforms.KeyRing, log *slog.Logger) (*pipeline, error) {
	engine, err := cfg.Build(ring, cfg.InputKinds()...)
	if err != nil {
		return nil, err
	}
	pool := &workerPool{engine: engine}
	opts, err := kafkarun.FromConfig(&cfg.Kafka, pool.new)
	if err != nil {
		return nil, err
	}
	for i := range opts.Inputs {
		opts.Inputs[i].Profile = engine.Profile(cfg.Kafka.Inputs[i].Kind)
	}
	p := &pipeline{engine: engine, workers: pool, topic: cfg.Policy.Consent.Topic}
	gate := &policy.Gate{Require: cfg.Policy.Consent.Require}
	if p.topic != config.Off {
		p.follower = policy.NewFollower(policy.FollowOptions{
			Brokers: opts.Brokers, Topic: p.topic, Engine: engine, Logger: log,
			Dialer: &kafka.Dialer{Timeout: 10 * time.Second, DualStack: true, TLS: opts.TLS, SASLMechanism: opts.SASL},
		})
		gate.Table = p.follower.Table()
	}
	opts.Gate = gate.Decide
	opts.Logger = log
	if p.runner, err = kafkarun.New(opts); err != nil {
		return nil, err
	}
	return p, nil
}

// workerPool gives each pipeline worker its own transforms.Worker and
// keeps them all, to sum their findings.
type workerPool struct {
	engine *transforms.Engine
	mu     sync.Mutex
	all    []*transforms.Worker
}

func (p *workerPool) new() kafkarun.Transformer {
	w := p.engine.NewWorker()
	p.mu.Lock()
	p.all = append(p.all, w)
	p.mu.Unlock()
	return w
}

// findings returns the findings of every worker so far, by kind name.
func (p *workerPool) findings() map[string]uint64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make(map[string]uint64)
	for _, w := range p.all {
		for k := range w.Findings() {
			if n := atomic.LoadUint64(&w.Findings()[k]); n > 0 {
				out[p.engine.KindName(detectors.Kind(k))] += n
			}
		}
	}
	return out
}

// observe serves the pipeline's metrics and probes on addr until ctx ends;
// an empty addr or "off" serves nothing.
func (p *pipeline) observe(ctx context.Context, addr string, stderr io.Writer, who string) error {
	if addr == "" || addr == "off" {
		return nil
	}
	reg, err := observe.NewRegistry(&observe.Pipeline{Runner: p.runner, Findings: p.workers.findings, Follower: p.follower})
	if err != nil {
		return err
	}
	checks := []observe.Check{{Name: "consumer group", Test: p.runner.Ready}}
	if p.follower != nil {
		checks = append(checks, observe.Check{Name: "consent table", Test: func(context.Context) error {
			select {
			case <-p.follower.Loaded():
				return nil
			default:
				return errors.New("still reading the consent topic")
			}
		}})
	}
	srv, err := observe.Listen(addr, observe.Handler(reg, checks...))
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "%s: metrics on http://%s/metrics, probes /healthz and /readyz\n", who, srv.Addr())
	go func() { _ = srv.Serve(ctx) }()
	return nil
}

// run loads the consent table, then runs the runner while the follower
// keeps the table up to date, until ctx ends and the runner has drained.
func (p *pipeline) run(ctx context.Context, stderr io.Writer, who string) error {
	if p.follower == nil {
		return p.runner.Run(ctx)
	}
	g, gctx := errgroup.WithContext(ctx)
	followCtx, stopFollowing := context.WithCancel(context.Background())
	defer stopFollowing()
	failed := make(chan error, 1)
	go func() { failed <- p.follower.Run(followCtx) }()
	fmt.Fprintf(stderr, "%s: reading consent from %s\n", who, p.topic)
	select {
	case <-p.follower.Loaded():
	case err := <-failed:
		if err == nil {
			return ctx.Err()
		}
		return err
	case <-ctx.Done():
		return nil
	}
	fmt.Fprintf(stderr, "%s: consent of %d users loaded; following %s\n", who, p.follower.Stats().Users, p.topic)
	g.Go(func() error {
		defer stopFollowing()
		return p.runner.Run(ctx) // drains after ctx ends
	})
	g.Go(func() error {
		select {
		case err := <-failed:
			if err != nil {
				return fmt.Errorf("consent topic: %w", err)
			}
		case <-gctx.Done():
		}
		return nil
	})
	return g.Wait()
}

// newLogger returns the structured logger of a long-running command: text
// on a terminal, JSON lines otherwise, at level ("debug", "info", "warn" or
// "error").
func newLogger(e *env, level string) (*slog.Logger, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		return nil, usagef("--log-level %q: want debug, info, warn or error", level)
	}
	o := &slog.HandlerOptions{Level: l}
	if e.isTerminal(e.stderr) {
		return slog.New(slog.NewTextHandler(e.stderr, o)), nil
	}
	return slog.New(slog.NewJSONHandler(e.stderr, o)), nil
}
