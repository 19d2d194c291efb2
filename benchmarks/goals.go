package benchmarks

import (
	"fmt"

	"github.com/pixelprivacy/veil/detectors"
)

// Goal is one of veil's first speed and accuracy targets, and whether a run
// met it. The speed targets are per core (GOMAXPROCS=1) on a 2-core machine.
type Goal struct {
	Name     string `json:"name"`
	Target   string `json:"target"`
	Measured string `json:"measured"`
	Met      bool   `json:"met"`
}

// Target values of the goals.
const (
	GoalMixedMBps   = 250.0 // mixed events, tokenized
	GoalProseMBps   = 1200.0
	GoalRatio       = 100.0 // times the regexp baseline on mixed events
	GoalRecall      = 0.995 // every kind...
	GoalPhoneRecall = 0.99  // ...but phones
	GoalDecoysKept  = 0.995
)

// goals checks the report against the goals; kinds are its accuracy rows
// of the kinds (not of the languages).
func goals(r *Report, kinds []AccuracyRow) []Goal {
	speed := func(corpus string) float64 {
		for _, s := range r.Speed {
			if s.Corpus == corpus {
				return s.MBPerSec
			}
		}
		return 0
	}
	mixed, prose := speed("mixed"), speed("prose")
	allocs := 0.0
	for _, s := range r.Speed {
		allocs = max(allocs, s.AllocsPerRecord)
	}
	recallMet, lowest := true, "none planted"
	lowestRecall := 2.0
	for _, k := range kinds {
		if k.Planted == 0 {
			continue
		}
		want := GoalRecall
		if k.Name == detectors.Phone.String() {
			want = GoalPhoneRecall
		}
		recallMet = recallMet && k.Recall >= want
		if k.Recall < lowestRecall {
			lowestRecall, lowest = k.Recall, fmt.Sprintf("lowest %.2f%% (%s)", 100*k.Recall, k.Name)
		}
	}
	return []Goal{
		{"mixed events, tokenized", fmt.Sprintf(">= %.0f MB/s per core", GoalMixedMBps), fmt.Sprintf("%.1f MB/s", mixed), mixed >= GoalMixedMBps},
		{"PII-free prose", fmt.Sprintf(">= %.0f MB/s per core", GoalProseMBps), fmt.Sprintf("%.1f MB/s", prose), prose >= GoalProseMBps},
		{"allocations per record", "0", fmt.Sprintf("%.2f at most", allocs), allocs < 0.005},
		{"speed over the regexp baseline", fmt.Sprintf(">= %.0fx", GoalRatio), fmt.Sprintf("%.1fx", r.Ratio), r.Ratio >= GoalRatio},
		{"recall, every kind", fmt.Sprintf(">= %.1f%% (phones %.0f%%)", 100*GoalRecall, 100*GoalPhoneRecall),
			lowest, recallMet},
		{"decoys kept", fmt.Sprintf(">= %.1f%%", 100*GoalDecoysKept), fmt.Sprintf("%.2f%%", 100*r.Totals.DecoysKept), r.Totals.DecoysKept >= GoalDecoysKept},
	}
}
