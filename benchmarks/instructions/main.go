// Command instructions redacts a benchmark corpus in a function of its own,
// for counting the instructions it takes under valgrind's callgrind: on a
// shared machine whose speed changes from day to day, the one measure of
// the hot path's cost that does not move. One pass warms the worker's
// buffers and caches, then -passes passes are counted:
//
//	go build -o /tmp/instructions ./benchmarks/instructions
//	GOMAXPROCS=1 GODEBUG=asyncpreemptoff=1 GOGC=off valgrind --tool=callgrind \
//	    --toggle-collect='*countedPasses*' /tmp/instructions -corpus mixed
//
// valgrind's "Collected" divided by -passes is the count per pass over the
// corpus (one of benchmarks.SpeedCorpora, as in BenchmarkRedact; prose: 256
// KiB). Without PGO: go build leaves it out for this package. With -policy,
// the records are redacted with the default policy of their kind (usage,
// log or prompt; mixed events by usage's), as BenchmarkRedact/usage-policy
// and log-policy do, with no language detection: the free-text finders run
// on the prompts' text fields (since 2026-12-07, eleventh session; before,
// a profile without detection had none).
package main

import (
	"flag"
	"fmt"
	"os"
	"slices"

	"github.com/pixelprivacy/veil/benchmarks"
	"github.com/pixelprivacy/veil/config"
	"github.com/pixelprivacy/veil/transforms"
)

func main() {
	corpus := flag.String("corpus", "mixed", "mixed, usage, log, prompt, mixed-sessions or prose")
	passes := flag.Int("passes", 2, "counted passes over the corpus")
	policy := flag.Bool("policy", false, "redact with the default policy of the corpus's kind")
	flag.Parse()
	if err := run(*corpus, *passes, *policy); err != nil {
		fmt.Fprintln(os.Stderr, "instructions:", err)
		os.Exit(1)
	}
}

func run(corpus string, passes int, policy bool) error {
	kind := corpus
	if !slices.Contains([]string{"usage", "log", "prompt"}, kind) {
		kind = "usage"
	}
	var o transforms.Options
	if policy {
		o.Profiles = map[string]transforms.ProfileOptions{kind: config.Default().Profile(kind, nil)}
	}
	e, err := benchmarks.NewEngineWith(o)
	if err != nil {
		return err
	}
	r := redactor{w: e.NewWorker(), p: e.Profile(kind)}
	records, format := [][]byte{benchmarks.Prose(256 << 10)}, transforms.FormatText
	if corpus != "prose" {
		c := slices.IndexFunc(benchmarks.SpeedCorpora, func(c benchmarks.SpeedCorpus) bool { return c.Name == corpus })
		if c < 0 {
			return fmt.Errorf("unknown corpus %q", corpus)
		}
		records, format = nil, transforms.FormatAuto
		for _, ev := range benchmarks.GenerateWith(benchmarks.SpeedCorpora[c].Options, benchmarks.SpeedEvents).Events {
			records = append(records, ev.Line)
		}
	}
	out := make([]byte, 0, 1<<20)
	if out, err = r.pass(records, format, out); err != nil { // warm, not counted
		return err
	}
	_, err = countedPasses(r, records, format, out, passes)
	return err
}

// redactor is a worker and the profile it redacts with (nil: none).
type redactor struct {
	w *transforms.Worker
	p *transforms.Profile
}

// countedPasses redacts records n times: the function valgrind counts.
//
//go:noinline
func countedPasses(r redactor, records [][]byte, f transforms.Format, out []byte, n int) ([]byte, error) {
	var err error
	for range n {
		if out, err = r.pass(records, f, out); err != nil {
			return out, err
		}
	}
	return out, nil
}

// pass redacts each record once.
func (r redactor) pass(records [][]byte, f transforms.Format, out []byte) ([]byte, error) {
	var err error
	for _, rec := range records {
		if out, _, err = r.w.RedactRecord(out[:0], rec, f, r.p); err != nil {
			return out, err
		}
	}
	return out, nil
}
