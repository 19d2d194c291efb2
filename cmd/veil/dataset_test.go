package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/pipeline/broker"
	"github.com/pixelprivacy/veil/pipeline/dataset"
	"github.com/pixelprivacy/veil/transforms"
)

// TestExportTokenDSR exports a training topic with `veil export`, finds a
// person with `veil token` and `veil dsr find`, and erases them with `veil
// dsr erase`, dry run first.
func TestExportTokenDSR(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	key := keyFile(t, dir)
	b, err := broker.Start(context.Background(), broker.Options{Listen: "127.0.0.1:0", Partitions: 2, Topics: []string{"training.usage"}})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	w := defaultWorker(t, key)
	var msgs []kafka.Message
	for i := range 40 {
		v, err := w.Redact(nil, fmt.Appendf(nil, `{"n":%d,"email":"person%d@example.com"}`, i, i%4), transforms.FormatJSON)
		if err != nil {
			t.Fatal(err)
		}
		msgs = append(msgs, kafka.Message{Value: v})
	}
	kw := &kafka.Writer{Addr: kafka.TCP(b.Addrs()...), Topic: "training.usage", BatchSize: 40, BatchTimeout: time.Millisecond, RequiredAcks: kafka.RequireAll}
	if err := kw.WriteMessages(context.Background(), msgs...); err != nil {
		t.Fatal(err)
	}
	kw.Close()

	data := filepath.Join(dir, "ds")
	var stderr syncBuffer
	e := &env{stdout: io.Discard, stderr: &stderr, getenv: func(string) string { return "" }, isTerminal: func(io.Writer) bool { return false }}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"export", "--brokers", b.Addrs()[0], "--topics", "training.usage", "--dir", data, "--shard-bytes", "1KiB", "--metrics", "off"}, e)
	}()
	waitFor(t, 60*time.Second, "the export", func() bool {
		m, err := dataset.ReadManifest(filepath.Join(data, "training.usage"))
		var n int64
		for _, s := range m.Shards {
			n += s.Records
		}
		return err == nil && n >= 30 // the last shards are finished on stop
	})
	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("export exited %d:\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "veil export: stopped: 40 records in") {
		t.Fatalf("stderr:\n%s", stderr.String())
	}
	shards, _ := filepath.Glob(filepath.Join(data, "training.usage", "*.jsonl.zst"))
	if zstdcat, err := exec.LookPath("zstdcat"); err == nil && len(shards) > 0 {
		out, err := exec.Command(zstdcat, shards[0]).Output()
		if err != nil || !strings.Contains(string(out), `"email":"<EMAIL:k1:`) {
			t.Fatalf("zstdcat %s: %v\n%s", shards[0], err, out)
		}
	}

	for _, tt := range []struct {
		flag, value string
		kind        detectors.Kind
		canonical   string
	}{
		{"email", "Person1@EXAMPLE.com", detectors.Email, "person1@example.com"},
		{"iban", "de89 3704 0044 0532 0130 00", detectors.IBAN, "DE89370400440532013000"},
		{"rrn", "900101-1234567", detectors.RRN, "9001011234567"},
		{"aadhaar", "2345 6789 0124", detectors.Aadhaar, "234567890124"},
		{"snils", "112-233-445 95", detectors.SNILS, "11223344595"},
		{"nir", "1 85 05 78 006 084 91", detectors.NIR, "185057800608491"},
		{"name", "Lucía  FERNÁNDEZ", detectors.Name, "lucía fernández"},
		{"field", "R58M12345AB", detectors.Field, "R58M12345AB"},
	} {
		r := veil(t, "", nil, "token", "--kind", tt.flag, "--key-file", key, tt.value)
		want := string(w.AppendToken(nil, tt.kind, []byte(tt.canonical)))
		if r.code != 0 || strings.TrimSpace(r.stdout) != want {
			t.Fatalf("token --kind %s: exit %d, %q, want %q (%s)", tt.flag, r.code, r.stdout, want, r.stderr)
		}
	}
	r := veil(t, "", nil, "dsr", "find", "--dir", data, "--kind", "email", "--value", "person1@example.com", "--key-file", key)
	if r.code != 0 || strings.Count(r.stdout, ".jsonl.zst:") != 10 {
		t.Fatalf("dsr find: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = veil(t, "", nil, "dsr", "erase", "--dry-run", "--dir", data, "--kind", "email", "--value", "person1@example.com", "--key-file", key)
	if r.code != 0 || !strings.Contains(r.stdout, "would remove 10 records from") {
		t.Fatalf("dsr erase --dry-run: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = veil(t, "", nil, "dsr", "erase", "--dir", data, "--kind", "email", "--value", "person1@example.com", "--key-file", key)
	if r.code != 0 || !strings.Contains(r.stdout, "removed 10 records from") {
		t.Fatalf("dsr erase: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = veil(t, "", nil, "dsr", "find", "--dir", data, "--kind", "email", "--value", "person1@example.com", "--key-file", key)
	if r.code != 0 || r.stdout != "" {
		t.Fatalf("found after erase:\n%s", r.stdout)
	}
	if r := veil(t, "", nil, "token", "--kind", "email", "x@y.z"); r.code != 1 || !strings.Contains(r.stderr, "no key file") {
		t.Fatalf("token without a key: exit %d %s", r.code, r.stderr)
	}
	if r := veil(t, "", nil, "token", "--kind", "shoe", "--key-file", key, "x"); r.code != 2 {
		t.Fatalf("token with a bad kind: exit %d %s", r.code, r.stderr)
	}
	_ = os.Remove(key)
}
