package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/segmentio/kafka-go"
	"golang.org/x/sync/errgroup"

	"github.com/pixelprivacy/veil/config"
	"github.com/pixelprivacy/veil/pipeline/kafkarun"
	"github.com/pixelprivacy/veil/pipeline/policy"
	"github.com/pixelprivacy/veil/transforms"
)

// pipeline is what `veil run` and `veil demo` start: the runner, built with a
// profile per input's kind and the policy gate, and the follower of the
// consent topic that fills the gate's table.
type pipeline struct {
	engine   *transforms.Engine
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
	opts, err := kafkarun.FromConfig(&cfg.Kafka, workers(engine))
	if err != nil {
		return nil, err
	}
	for i := range opts.Inputs {
		opts.Inputs[i].Profile = engine.Profile(cfg.Kafka.Inputs[i].Kind)
	}
	p := &pipeline{engine: engine, topic: cfg.Policy.Consent.Topic}
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

// workers gives each pipeline worker its own transforms.Worker.
func workers(e *transforms.Engine) func() kafkarun.Transformer {
	return func() kafkarun.Transformer { return e.NewWorker() }
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
