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
// KiB). Without PGO: go build leaves it out for this package.
package main

import (
	"flag"
	"fmt"
	"os"
	"slices"

	"github.com/pixelprivacy/veil/benchmarks"
	"github.com/pixelprivacy/veil/transforms"
)

func main() {
	corpus := flag.String("corpus", "mixed", "mixed, usage, log, prompt, mixed-sessions or prose")
	passes := flag.Int("passes", 2, "counted passes over the corpus")
	flag.Parse()
	if err := run(*corpus, *passes); err != nil {
		fmt.Fprintln(os.Stderr, "instructions:", err)
		os.Exit(1)
	}
}

func run(corpus string, passes int) error {
	w, err := benchmarks.NewWorker()
	if err != nil {
		return err
	}
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
	if out, err = pass(w, records, format, out); err != nil { // warm, not counted
		return err
	}
	_, err = countedPasses(w, records, format, out, passes)
	return err
}

// countedPasses redacts records n times: the function valgrind counts.
//
//go:noinline
func countedPasses(w *transforms.Worker, records [][]byte, f transforms.Format, out []byte, n int) ([]byte, error) {
	var err error
	for range n {
		if out, err = pass(w, records, f, out); err != nil {
			return out, err
		}
	}
	return out, nil
}

// pass redacts each record once.
func pass(w *transforms.Worker, records [][]byte, f transforms.Format, out []byte) ([]byte, error) {
	var err error
	for _, rec := range records {
		if out, err = w.Redact(out[:0], rec, f); err != nil {
			return out, err
		}
	}
	return out, nil
}
