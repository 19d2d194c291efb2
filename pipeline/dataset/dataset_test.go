package dataset

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/klauspost/compress/zstd"
	"github.com/segmentio/kafka-go"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/pipeline/broker"
	"github.com/pixelprivacy/veil/transforms"
)

// fixture is a broker with de-identified records in two training topics.
type fixture struct {
	addrs  []string
	worker *transforms.Worker
	values map[string]bool // every value produced
}

func newFixture(t *testing.T, n int) *fixture {
	t.Helper()
	b, err := broker.Start(context.Background(), broker.Options{Listen: "127.0.0.1:0", Partitions: 2, Topics: []string{"training.usage", "training.prompts"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	ring, err := transforms.EphemeralKeyRing()
	if err != nil {
		t.Fatal(err)
	}
	set, err := detectors.New(detectors.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e, err := transforms.NewEngine(set, ring, transforms.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{addrs: b.Addrs(), worker: e.NewWorker(), values: map[string]bool{}}
	f.produce(t, 0, n)
	return f
}

// user returns the e-mail address of the i-th user: 10 users in all.
func user(i int) string { return fmt.Sprintf("user%d@example.com", i%10) }

func (f *fixture) produce(t *testing.T, from, to int) {
	t.Helper()
	var usage, prompts []kafka.Message
	for i := from; i < to; i++ {
		v, err := f.worker.Redact(nil, fmt.Appendf(nil, `{"n":%d,"email":%q}`, i, user(i)), transforms.FormatJSON)
		if err != nil {
			t.Fatal(err)
		}
		usage = append(usage, kafka.Message{Value: v, Partition: i % 2, Time: time.UnixMilli(1_780_000_000_000 + int64(i))})
		f.values[string(v)] = true
		text, err := f.worker.Redact(nil, fmt.Appendf(nil, "prompt %d from %s", i, user(i)), transforms.FormatText)
		if err != nil {
			t.Fatal(err)
		}
		prompts = append(prompts, kafka.Message{Value: text, Partition: i % 2, Headers: []kafka.Header{{Key: "lang", Value: []byte("en")}}})
		f.values[string(text)] = true
	}
	for topic, msgs := range map[string][]kafka.Message{"training.usage": usage, "training.prompts": prompts} {
		w := &kafka.Writer{Addr: kafka.TCP(f.addrs...), Topic: topic, RequiredAcks: kafka.RequireAll, BatchSize: len(msgs), BatchTimeout: time.Millisecond,
			Balancer: kafka.BalancerFunc(func(m kafka.Message, p ...int) int { return p[m.Partition%len(p)] })}
		if err := w.WriteMessages(context.Background(), msgs...); err != nil {
			t.Fatal(err)
		}
		w.Close()
	}
}

// export runs an exporter until it has exported want records, or, with want
// -1, until no record came for a second, then stops it.
func (f *fixture) export(t *testing.T, o ExportOptions, want int64) (*Exporter, error) {
	t.Helper()
	o.Brokers, o.Topics = f.addrs, []string{"training.usage", "training.prompts"}
	x, err := NewExporter(o)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- x.Run(ctx) }()
	deadline := time.After(60 * time.Second)
	last, still := int64(-1), 0
	for {
		n := x.Stats().Records
		if want >= 0 && n >= want || want < 0 && n > 0 && n == last && still >= 50 {
			break
		}
		if n == last {
			still++
		} else {
			last, still = n, 0
		}
		select {
		case err := <-done:
			cancel()
			return x, err
		case <-deadline:
			t.Fatalf("exported %d of %d records", x.Stats().Records, want)
		case <-time.After(20 * time.Millisecond):
		}
	}
	cancel()
	return x, <-done
}

// readDataset returns every line of every shard in the manifests under dir,
// checking each shard against its manifest entry.
func readDataset(t *testing.T, dir string) []string {
	t.Helper()
	var lines []string
	for _, topic := range []string{"training.usage", "training.prompts"} {
		m, err := ReadManifest(filepath.Join(dir, topic))
		if err != nil {
			t.Fatal(err)
		}
		names, _ := filepath.Glob(filepath.Join(dir, topic, "*.jsonl.zst"))
		if len(names) != len(m.Shards) {
			t.Fatalf("%s: %d shard files, %d in the manifest", topic, len(names), len(m.Shards))
		}
		if tmps, _ := filepath.Glob(filepath.Join(dir, topic, ".tmp-*")); len(tmps) > 0 {
			t.Fatalf("temporary files left: %v", tmps)
		}
		next := map[int]int64{}
		for _, s := range m.Shards {
			data, err := os.ReadFile(filepath.Join(dir, topic, s.Name))
			if err != nil {
				t.Fatal(err)
			}
			if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != s.SHA256 || int64(len(data)) != s.Bytes {
				t.Fatalf("%s: sha256 or size differs from the manifest", s.Name)
			}
			if s.FirstOffset != next[s.Partition] {
				t.Fatalf("%s starts at %d, want %d: a gap or an overlap", s.Name, s.FirstOffset, next[s.Partition])
			}
			next[s.Partition] = s.LastOffset + 1
			zr, err := zstd.NewReader(nil)
			if err != nil {
				t.Fatal(err)
			}
			plain, err := zr.DecodeAll(data, nil)
			zr.Close()
			if err != nil {
				t.Fatal(err)
			}
			shardLines := strings.Split(strings.TrimSuffix(string(plain), "\n"), "\n")
			if int64(len(shardLines)) != s.Records {
				t.Fatalf("%s: %d lines, manifest says %d", s.Name, len(shardLines), s.Records)
			}
			lines = append(lines, shardLines...)
		}
	}
	return lines
}

// checkExactlyOnce checks that the dataset holds every produced value once.
func (f *fixture) checkExactlyOnce(t *testing.T, lines []string) {
	t.Helper()
	seen := map[string]bool{}
	for _, l := range lines {
		v := l
		var text struct{ Text string }
		if json.Unmarshal([]byte(l), &text) == nil && text.Text != "" {
			v = text.Text
		}
		if !f.values[v] {
			t.Fatalf("unexpected line %s", l)
		}
		if seen[v] {
			t.Fatalf("line twice: %s", l)
		}
		seen[v] = true
	}
	if len(seen) != len(f.values) {
		t.Fatalf("%d of %d records in the dataset", len(seen), len(f.values))
	}
}

func TestExport(t *testing.T) {
	t.Parallel()
	f := newFixture(t, 200)
	dir := t.TempDir()
	x, err := f.export(t, ExportOptions{Dir: dir, ShardBytes: 2000}, 400)
	if err != nil {
		t.Fatal(err)
	}
	lines := readDataset(t, dir)
	f.checkExactlyOnce(t, lines)
	m := x.Manifest("training.prompts")
	if len(m.Shards) < 4 {
		t.Fatalf("%d prompt shards: not rotated by size", len(m.Shards))
	}
	s := m.Shards[0]
	if s.Findings["EMAIL"] != s.Records || len(s.KeyIDs) != 1 || s.KeyIDs[0] != "eph" || s.Languages["en"] != s.Records {
		t.Fatalf("manifest entry %+v", s)
	}
	if !strings.Contains(lines[len(lines)-1], `"text":"prompt `) || !strings.Contains(lines[len(lines)-1], `"lang":"en"`) {
		t.Fatalf("text record line %s", lines[len(lines)-1])
	}
	u := x.Manifest("training.usage").Shards[0]
	if u.TimeFrom.IsZero() || u.TimeTo.Before(u.TimeFrom) {
		t.Fatalf("time range %v - %v", u.TimeFrom, u.TimeTo)
	}

	// More records: a new run of the group continues where it committed.
	f.produce(t, 200, 260)
	if _, err := f.export(t, ExportOptions{Dir: dir, ShardBytes: 2000}, 120); err != nil {
		t.Fatal(err)
	}
	f.checkExactlyOnce(t, readDataset(t, dir))
}

// TestExportCrash crashes the exporter between a shard's write and its
// rename, and between its manifest entry and its commit: a restart exports
// every record exactly once.
func TestExportCrash(t *testing.T) {
	t.Parallel()
	for _, where := range []string{"before rename", "before commit"} {
		t.Run(where, func(t *testing.T) {
			f := newFixture(t, 100)
			dir := t.TempDir()
			crash := errors.New("injected crash")
			o := ExportOptions{Dir: dir, ShardBytes: 1500}
			n := 0
			hook := func(string) error {
				if n++; n == 3 {
					return crash
				}
				return nil
			}
			if where == "before rename" {
				o.beforeRename = hook
			} else {
				o.beforeCommit = hook
			}
			if _, err := f.export(t, o, 200); !errors.Is(err, crash) {
				t.Fatalf("first run: %v, want the injected crash", err)
			}
			if _, err := f.export(t, ExportOptions{Dir: dir, ShardBytes: 1500}, -1); err != nil {
				t.Fatal(err)
			}
			f.checkExactlyOnce(t, readDataset(t, dir))
		})
	}
}

func TestFindAndErase(t *testing.T) {
	t.Parallel()
	f := newFixture(t, 50)
	dir := t.TempDir()
	if _, err := f.export(t, ExportOptions{Dir: dir, ShardBytes: 1500}, 100); err != nil {
		t.Fatal(err)
	}
	tok := f.worker.AppendToken(nil, detectors.Email, []byte(user(3)))
	matches, err := Find(dir, [][]byte{tok})
	if err != nil {
		t.Fatal(err)
	}
	if len(matches) != 10 { // users 3, 13, ..., 43 in both topics
		t.Fatalf("%d matches, want 10: %v", len(matches), matches)
	}
	dry, err := Erase(dir, [][]byte{tok}, "", true)
	if err != nil {
		t.Fatal(err)
	}
	before := readDataset(t, dir)
	var total int64
	for _, r := range dry {
		total += r.Records
	}
	if total != 10 || len(readDataset(t, dir)) != len(before) {
		t.Fatalf("dry run: %v, and it changed the data", dry)
	}
	removed, err := Erase(dir, [][]byte{tok}, "", false)
	if err != nil || len(removed) != len(dry) {
		t.Fatalf("Erase = %v, %v; dry run said %v", removed, err, dry)
	}
	after := readDataset(t, dir) // also checks the manifest's counts and sums
	if len(after) != len(before)-10 {
		t.Fatalf("%d lines after, %d before", len(after), len(before))
	}
	for _, l := range after {
		if strings.Contains(l, string(tok)) {
			t.Fatalf("erased token in %s", l)
		}
	}
	if again, _ := Find(dir, [][]byte{tok}); len(again) != 0 {
		t.Fatalf("still found: %v", again)
	}
	m, _ := ReadManifest(filepath.Join(dir, "training.usage"))
	var erased int64
	for _, s := range m.Shards {
		erased += s.Erased
		if s.Findings["EMAIL"] != s.Records {
			t.Fatalf("findings not recounted: %+v", s)
		}
	}
	if erased != 5 {
		t.Fatalf("manifest says %d erased, want 5", erased)
	}
}
