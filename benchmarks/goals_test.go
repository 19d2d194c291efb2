package benchmarks

import (
	"context"
	"testing"
	"time"

	"github.com/pixelprivacy/veil/benchmarks/gen"
)

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

// TestMeasureSpeed checks that a speed is the median of its rounds, within
// their range, and that a corpus slower than a round gets one whole pass.
func TestMeasureSpeed(t *testing.T) {
	c := &Corpus{Bytes: 4}
	c.Events = append(c.Events, gen.Event{Line: []byte("ab")}, gen.Event{Line: []byte("cd")})
	copyLine := func(dst, line []byte) []byte { return append(dst, line...) }
	s := measureSpeed(context.Background(), "c", c, 200*time.Millisecond, copyLine)
	if s.Rounds != speedRounds || s.MinMBPerSec > s.MBPerSec || s.MBPerSec > s.MaxMBPerSec || s.MinMBPerSec <= 0 {
		t.Errorf("speed %+v: want %d rounds, min <= median <= max, min > 0", s, speedRounds)
	}
	if s.BytesPerRecord != 2 || s.RecordsPerSec != s.MBPerSec*1e6/2 {
		t.Errorf("speed %+v: want 2 bytes a record, records/s from the median", s)
	}
	slow := func(dst, line []byte) []byte { time.Sleep(30 * time.Millisecond); return dst }
	if s := measureSpeed(context.Background(), "slow", c, 10*time.Millisecond, slow); s.Rounds != 1 || s.MBPerSec <= 0 {
		t.Errorf("slow corpus: %+v, want one round of one pass", s)
	}
}
