package main

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/pixelprivacy/veil/benchmarks"
)

var benchCommand = &command{
	name:    "bench",
	summary: "measure speed, accuracy and Kafka throughput, and write a report",
	usage:   "bench [--brokers host:port,...] [--duration 30s] [--out DIR] [--quick] [--min-mbps N] [--min-recall R] [--min-kafka-rps N]",
	help: `
Bench measures veil on this machine, in one go:

  speed     MB/s and records/s on one core (GOMAXPROCS=1) and allocations per
            record, detecting and tokenizing the labeled generator's usage
            events, log lines, prompts, a mix, and PII-free prose; and the Go
            regexp baseline (one pattern per kind) on the mix, for the ratio;
            and a plain loop over a 256-entry class table on the prose, the
            machine's own speed next to the goals' machine (~1,400 MB/s)
  accuracy  recall and precision per kind and per language on the labeled
            generator, and the share of look-alikes (decoys) left untouched
  kafka     end-to-end records/s and MB/s of the pipeline of 'veil run', and
            p50/p99 record latency at 20,000 records/s, against --brokers or,
            by default, an embedded broker (on a shared machine it competes
            with the pipeline for CPU)

It shows progress on stderr, prints a summary, and writes report.md,
report.json and throughput.svg into --out. Both open with veil's first goals
(mixed events >= 250 MB/s per core, prose >= 1,200 MB/s, 0 allocations per
record, >= 100x the regexp baseline, recall >= 99.5% per kind and 99% for
phones, decoys kept >= 99.5%) and whether this run met them; they are
information, not a verdict. With --min-mbps (the mixed
corpus), --min-recall (the lowest kind) or --min-kafka-rps, it exits 1 when a
result is below, for CI gates. --quick finishes in under 30 seconds.`,
	examples: `  veil bench --quick
  veil bench --duration 60s --out /tmp/veil-bench
  veil bench --brokers kafka-1:9092 --min-mbps 100 --min-recall 0.995`,
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		var f benchFlags
		fs.StringVar(&f.brokers, "brokers", "", "comma-separated `host:port` list for the Kafka stage (default an embedded broker)")
		fs.DurationVar(&f.duration, "duration", 30*time.Second, "about how `long` the Kafka stage drains records")
		fs.StringVar(&f.out, "out", "bench-report", "`directory` of report.md, report.json and throughput.svg")
		fs.BoolVar(&f.quick, "quick", false, "short runs: done in under 30 seconds")
		fs.Float64Var(&f.minMBps, "min-mbps", 0, "exit 1 if the mixed corpus runs below this many `MB/s` per core")
		fs.Float64Var(&f.minRecall, "min-recall", 0, "exit 1 if any kind's recall is below this `fraction` (0.995)")
		fs.Float64Var(&f.minKafka, "min-kafka-rps", 0, "exit 1 if the Kafka stage runs below this many `records/s`")
		return f.run
	},
}

type benchFlags struct {
	brokers, out                 string
	duration                     time.Duration
	quick                        bool
	minMBps, minRecall, minKafka float64
}

func (f *benchFlags) run(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	if f.duration <= 0 {
		return usagef("--duration %v: must be positive", f.duration)
	}
	if f.minRecall < 0 || f.minRecall > 1 {
		return usagef("--min-recall %v: want a fraction from 0 to 1", f.minRecall)
	}
	var brokers []string
	if f.brokers != "" {
		brokers = strings.Split(f.brokers, ",")
	}
	start := time.Now()
	r, err := benchmarks.Bench(ctx, benchmarks.BenchOptions{
		Brokers: brokers, Duration: f.duration, Quick: f.quick,
		Progress: func(format string, args ...any) {
			fmt.Fprintf(e.stderr, "veil bench: [%5.1fs] %s\n", time.Since(start).Seconds(), fmt.Sprintf(format, args...))
		},
	})
	if err != nil {
		return err
	}
	r.WriteSummary(e.stdout)
	if err := r.WriteFiles(f.out); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "veil bench: report in %s\n", filepath.Join(f.out, "report.md"))
	var missed []string
	if mixed := mixedSpeed(r); f.minMBps > 0 && mixed < f.minMBps {
		missed = append(missed, fmt.Sprintf("mixed %.1f MB/s < --min-mbps %v", mixed, f.minMBps))
	}
	if f.minRecall > 0 && r.Totals.MinRecall < f.minRecall {
		missed = append(missed, fmt.Sprintf("lowest recall %.4f < --min-recall %v", r.Totals.MinRecall, f.minRecall))
	}
	if f.minKafka > 0 && (r.Kafka == nil || r.Kafka.RecordsPerSec < f.minKafka) {
		got := 0.0
		if r.Kafka != nil {
			got = r.Kafka.RecordsPerSec
		}
		missed = append(missed, fmt.Sprintf("kafka %.0f records/s < --min-kafka-rps %v", got, f.minKafka))
	}
	if len(missed) > 0 {
		return fmt.Errorf("below the thresholds: %s", strings.Join(missed, "; "))
	}
	return nil
}

func mixedSpeed(r *benchmarks.Report) float64 {
	for _, s := range r.Speed {
		if s.Corpus == "mixed" {
			return s.MBPerSec
		}
	}
	return 0
}
