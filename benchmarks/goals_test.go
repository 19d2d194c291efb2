package benchmarks

import "testing"

// TestGoals checks each goal on both sides of its target, phones' lower
// recall bar included.
func TestGoals(t *testing.T) {
	r := &Report{
		Speed: []Speed{{Corpus: "usage", MBPerSec: 300}, {Corpus: "mixed", MBPerSec: 249.9}, {Corpus: "prose", MBPerSec: 1200, AllocsPerRecord: 0.001}},
		Ratio: 100,
	}
	r.Totals.DecoysKept = 0.9949
	kinds := []AccuracyRow{{Name: "EMAIL", Planted: 10, Recall: 0.999}, {Name: "PHONE", Planted: 10, Recall: 0.991}, {Name: "CNID"}}
	want := map[string]bool{
		"mixed events, tokenized": false, "PII-free prose": true, "allocations per record": true,
		"speed over the regexp baseline": true, "recall, every kind": true, "decoys kept": false,
	}
	check := func(gs []Goal) {
		t.Helper()
		if len(gs) != len(want) {
			t.Fatalf("%d goals, want %d", len(gs), len(want))
		}
		for _, g := range gs {
			if met, ok := want[g.Name]; !ok || g.Met != met {
				t.Errorf("%s (%s, target %s): met %v, want %v", g.Name, g.Measured, g.Target, g.Met, met)
			}
		}
	}
	check(goals(r, kinds))
	if g := goals(r, kinds)[4]; g.Measured != "lowest 99.10% (PHONE)" {
		t.Errorf("recall measured %q", g.Measured)
	}

	r.Speed[1].MBPerSec, r.Speed[2].MBPerSec, r.Speed[2].AllocsPerRecord = 250, 1199, 1
	r.Ratio, r.Totals.DecoysKept = 99.9, 0.995
	kinds[1].Recall, kinds[0].Recall = 0.999, 0.994
	want = map[string]bool{
		"mixed events, tokenized": true, "PII-free prose": false, "allocations per record": false,
		"speed over the regexp baseline": false, "recall, every kind": false, "decoys kept": true,
	}
	check(goals(r, kinds))
}
