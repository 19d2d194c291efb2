package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/pixelprivacy/veil/benchmarks/gen"
	"github.com/pixelprivacy/veil/pipeline/broker"
)

// get returns the status and body of an HTTP GET.
func get(t *testing.T, url string) (int, string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		return 0, err.Error()
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// metric returns the sum of the samples of a metric whose labels match.
func metric(body, name, labels string) float64 {
	re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(name) + `(\{[^}]*\})? ([0-9.e+-]+)$`)
	sum := 0.0
	for _, m := range re.FindAllStringSubmatch(body, -1) {
		if strings.Contains(m[1], labels) {
			v, _ := strconv.ParseFloat(m[2], 64)
			sum += v
		}
	}
	return sum
}

// TestRunObservability runs `veil run` in process on the labeled
// generator's events at debug level: /readyz says not ready while the
// broker is not there, and flips to ready once it is, the consent table is
// loaded and the runner joined its group; the metrics are served and move;
// and no planted personal value is in any log line or metric label.
func TestRunObservability(t *testing.T) {
	t.Parallel()
	brokerAddr, metricsAddr := freeAddr(t), freeAddr(t)
	addrs := []string{brokerAddr}

	// Labeled events to their topics, and records that fail closed.
	g := gen.New(gen.Options{Seed: 21})
	topics := map[string]string{gen.Usage: "events.usage", gen.Log: "events.logs", gen.Prompt: "events.prompts"}
	msgs := map[string][]kafka.Message{}
	var pii []string
	for range 600 {
		ev := g.Next()
		msgs[topics[ev.Kind]] = append(msgs[topics[ev.Kind]], kafka.Message{Value: ev.Line, Key: []byte(ev.Kind)})
		for _, p := range ev.PII {
			pii = append(pii, p.Value)
		}
	}
	msgs["events.usage"] = append(msgs["events.usage"],
		kafka.Message{Value: []byte(`{"user":{"email":"leaky.person@example.com"`)}, // malformed JSON
		kafka.Message{Value: []byte("{\"ip\":\"203.0.113.99\xff\"}")})               // invalid UTF-8
	pii = append(pii, "leaky.person@example.com", "203.0.113.99")

	var stderr syncBuffer
	e := &env{stdout: io.Discard, stderr: &stderr, getenv: func(string) string { return "" }, isTerminal: func(io.Writer) bool { return false }}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"run", "--brokers", addrs[0], "--group", "observe", "--metrics", metricsAddr, "--log-level", "debug"}, e)
	}()
	base := "http://" + metricsAddr
	waitFor(t, 30*time.Second, "/healthz", func() bool { code, _ := get(t, base+"/healthz"); return code == 200 })
	if code, body := get(t, base+"/readyz"); code != http.StatusServiceUnavailable || !strings.Contains(body, "consent table: not ready") {
		t.Fatalf("/readyz without a broker: %d %s", code, body)
	}
	b, err := broker.Start(context.Background(), broker.Options{Listen: brokerAddr, Topics: defaultTopics()})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	waitFor(t, 60*time.Second, "ready", func() bool { code, _ := get(t, base+"/readyz"); return code == 200 })
	_, before := get(t, base+"/metrics")

	w := &kafka.Writer{Addr: kafka.TCP(addrs...), Balancer: &kafka.RoundRobin{}, BatchTimeout: time.Millisecond, RequiredAcks: kafka.RequireAll}
	defer w.Close()
	total := 0
	for topic, ms := range msgs {
		for i := range ms {
			ms[i].Topic = topic
		}
		if err := w.WriteMessages(ctx, ms...); err != nil {
			t.Fatal(err)
		}
		total += len(ms)
	}
	var after string
	waitFor(t, 60*time.Second, "every record counted and committed", func() bool {
		_, after = get(t, base+"/metrics")
		return metric(after, "veil_records_out_total", "")+metric(after, "veil_records_dead_lettered_total", "")+
			metric(after, "veil_records_dropped_total", "") >= float64(total) && metric(after, "veil_commits_total", "") > 0
	})
	for _, m := range []struct{ name, labels string }{
		{"veil_records_in_total", `topic="events.usage"`}, {"veil_records_out_total", `topic="events.logs"`},
		{"veil_bytes_in_total", ""}, {"veil_bytes_out_total", ""}, {"veil_findings_total", `kind="EMAIL"`},
		{"veil_findings_total", `kind="USER"`}, {"veil_record_latency_seconds_count", ""}, {"veil_commits_total", ""},
	} {
		if got, was := metric(after, m.name, m.labels), metric(before, m.name, m.labels); got <= was {
			t.Errorf("%s{%s} did not move: %v then %v", m.name, m.labels, was, got)
		}
	}
	if got := metric(after, "veil_records_dead_lettered_total", `reason="malformed_json"`) + metric(after, "veil_records_dead_lettered_total", `reason="invalid_utf8"`); got != 2 {
		t.Errorf("dead letters by reason: %v, want 2", got)
	}
	for _, name := range []string{"veil_build_info", "veil_consumer_lag_records", "veil_consent_users", "veil_write_errors_total", "go_goroutines"} {
		if !strings.Contains(after, "\n"+name) {
			t.Errorf("no %s in /metrics", name)
		}
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("veil run exited %d:\n%s", code, stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("veil run did not stop")
	}

	logs := stderr.String()
	if !strings.Contains(logs, `"level":"DEBUG"`) || !strings.Contains(logs, `"msg":"record dead-lettered"`) {
		t.Fatalf("no debug JSON logs:\n%.2000s", logs)
	}
	for _, p := range pii {
		if strings.Contains(logs, p) {
			t.Fatalf("planted value %q in the logs", p)
		}
	}
	for _, m := range []string{"veil_records_in_total", "veil_findings_total"} {
		for _, p := range pii {
			if strings.Contains(after, fmt.Sprintf("%q", p)) {
				t.Fatalf("planted value %q in metric labels of %s", p, m)
			}
		}
	}
}
