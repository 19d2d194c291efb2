package policy_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/pixelprivacy/veil/config"
	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/pipeline/broker"
	"github.com/pixelprivacy/veil/pipeline/kafkarun"
	"github.com/pixelprivacy/veil/pipeline/policy"
	"github.com/pixelprivacy/veil/transforms"
)

func testEngine(t testing.TB) *transforms.Engine {
	t.Helper()
	ring, err := transforms.EphemeralKeyRing()
	if err != nil {
		t.Fatal(err)
	}
	e, err := config.Default().Build(ring, "usage")
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestTableNewestWins(t *testing.T) {
	tab := policy.NewTable()
	u := transforms.UserMAC{1}
	tab.Set(u, false, 200)
	tab.Set(u, true, 100) // older: ignored
	if training, ok := tab.Lookup(u); !ok || training {
		t.Fatalf("Lookup = %v, %v; want the newer withdrawal", training, ok)
	}
	tab.Set(u, true, 300)
	if training, _ := tab.Lookup(u); !training || tab.Len() != 1 {
		t.Fatalf("re-grant not taken: %v, len %d", training, tab.Len())
	}
	tab.Delete(u)
	if _, ok := tab.Lookup(u); ok || tab.Len() != 0 {
		t.Fatal("Delete kept the user")
	}
}

func TestGate(t *testing.T) {
	tab := policy.NewTable()
	withdrawn, granted := transforms.UserMAC{1}, transforms.UserMAC{2}
	tab.Set(withdrawn, false, 1)
	tab.Set(granted, true, 1)
	tests := []struct {
		name    string
		require bool
		f       transforms.Facts
		want    string
	}{
		{"nothing known", false, transforms.Facts{}, ""},
		{"nothing known, required", true, transforms.Facts{}, policy.ReasonConsentMissing},
		{"minor", false, transforms.Facts{Minor: true, Consent: transforms.ConsentGranted}, policy.ReasonMinor},
		{"event refuses", false, transforms.Facts{Consent: transforms.ConsentRefused}, policy.ReasonConsentRefused},
		{"event grants", true, transforms.Facts{Consent: transforms.ConsentGranted}, ""},
		{"withdrawn", false, transforms.Facts{User: withdrawn, HasUser: true, Consent: transforms.ConsentGranted}, policy.ReasonConsentWithdrawn},
		{"granted in table, required", true, transforms.Facts{User: granted, HasUser: true}, ""},
		{"unknown user, required", true, transforms.Facts{User: transforms.UserMAC{9}, HasUser: true}, policy.ReasonConsentMissing},
	}
	for _, tt := range tests {
		g := &policy.Gate{Table: tab, Require: tt.require}
		if got := g.Decide(tt.f); got != tt.want {
			t.Errorf("%s: Decide = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func startBroker(t testing.TB, topics ...string) []string {
	t.Helper()
	b, err := broker.Start(context.Background(), broker.Options{Listen: "127.0.0.1:0", Partitions: 2, Topics: topics})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	return b.Addrs()
}

func produce(t testing.TB, addrs []string, topic string, msgs ...kafka.Message) {
	t.Helper()
	w := &kafka.Writer{Addr: kafka.TCP(addrs...), Topic: topic, Balancer: &kafka.Hash{}, BatchSize: len(msgs), BatchTimeout: time.Millisecond, RequiredAcks: kafka.RequireAll}
	defer w.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := w.WriteMessages(ctx, msgs...); err != nil {
		t.Fatalf("produce to %s: %v", topic, err)
	}
}

func consent(user string, training bool, ts int) kafka.Message {
	return kafka.Message{Key: []byte(user), Value: fmt.Appendf(nil, `{"training":%v,"ts":%d}`, training, ts)}
}

func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestFollower loads a consent topic, then follows it live.
func TestFollower(t *testing.T) {
	t.Parallel()
	addrs := startBroker(t, "veil.consent")
	e := testEngine(t)
	produce(t, addrs, "veil.consent",
		consent("u1", true, 1_700_000_000), consent("u2", false, 1_700_000_000_000), consent("u1", false, 1_600_000_000),
		kafka.Message{Key: []byte("u3"), Value: []byte(`{"train`)})
	f := policy.NewFollower(policy.FollowOptions{Brokers: addrs, Topic: "veil.consent", Engine: e})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()
	select {
	case <-f.Loaded():
	case err := <-done:
		t.Fatalf("Run: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("not loaded")
	}
	w := e.NewWorker()
	lookup := func(u string) (bool, bool) { return f.Table().Lookup(w.UserMAC([]byte(u))) }
	if training, ok := lookup("u1"); !ok || !training {
		t.Errorf("u1: %v %v; want granted (the later ts, read first)", training, ok)
	}
	if training, ok := lookup("u2"); !ok || training {
		t.Errorf("u2: %v %v; want withdrawn", training, ok)
	}
	if training, ok := lookup("u3"); !ok || training {
		t.Errorf("u3: %v %v; want an unreadable record taken as a withdrawal", training, ok)
	}
	if st := f.Stats(); st.Records != 4 || st.Malformed != 1 || st.Users != 3 {
		t.Errorf("stats %+v", st)
	}
	produce(t, addrs, "veil.consent", consent("u2", true, 1_800_000_000), kafka.Message{Key: []byte("u3")})
	waitFor(t, "the live updates", func() bool {
		training, _ := lookup("u2")
		_, known := lookup("u3")
		return training && !known
	})
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Run after cancel: %v", err)
	}
}

func TestFollowerMissingTopic(t *testing.T) {
	t.Parallel()
	c, err := broker.Start(context.Background(), broker.Options{Listen: "127.0.0.1:0", Topics: []string{"other"}})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	f := policy.NewFollower(policy.FollowOptions{Brokers: c.Addrs(), Topic: "no.such-topic", Engine: testEngine(t)})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	// kfake creates topics on first use: a missing topic comes back empty
	// and is followed from there.
	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()
	select {
	case <-f.Loaded():
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "no.such-topic") {
			t.Fatalf("Run: %v, want an error naming the topic", err)
		}
	case <-ctx.Done():
		t.Fatal("neither loaded nor failed")
	}
}

// TestConsentEndToEnd runs the pipeline with the consent gate against the
// in-process broker: a user's records arrive, stop arriving once the user
// withdraws consent, and arrive again once consent is granted again;
// minors' records and records refusing consent never arrive. A log line
// is its user's as a JSON event is, by its user_id= field, and a record
// keyed by user ID (key_name: user_id) is its key's.
func TestConsentEndToEnd(t *testing.T) {
	t.Parallel()
	addrs := startBroker(t, "events.usage", "training.usage", "veil.dlq", "veil.consent")
	e := testEngine(t)
	produce(t, addrs, "veil.consent", consent("u1", true, 1))
	f := policy.NewFollower(policy.FollowOptions{Brokers: addrs, Topic: "veil.consent", Engine: e})
	gate := &policy.Gate{Table: f.Table()}
	r, err := kafkarun.New(kafkarun.Options{
		Brokers: addrs, Group: "consent-e2e", DLQ: "veil.dlq",
		Inputs:         []kafkarun.Input{{Topic: "events.usage", Format: transforms.FormatAuto, Output: "training.usage", Profile: e.Profile("usage"), KeyName: "user_id"}},
		NewTransformer: func() kafkarun.Transformer { return e.NewWorker() },
		Gate:           gate.Decide, CommitInterval: 100 * time.Millisecond, SessionTimeout: 6 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { _ = f.Run(ctx) }()
	<-f.Loaded()
	done := make(chan error, 1)
	go func() { done <- r.Run(ctx) }()

	w := e.NewWorker()
	user := func(id string) kafka.Message {
		return kafka.Message{Value: fmt.Appendf(nil, `{"user":{"uid":%q,"age":30,"email":"%s@example.com"}}`, id, id)}
	}
	logLine := func(id string) kafka.Message {
		return kafka.Message{Value: fmt.Appendf(nil, `level=info user_id=%s msg="login ok" mail=%s@example.com`, id, id)}
	}
	keyed := func(id string) kafka.Message {
		return kafka.Message{Key: []byte(id), Value: []byte(`{"event":"app_open"}`)}
	}
	out := func() int { return int(r.Stats().RecordsOut) }
	dropped := func(reason string) uint64 { return r.Stats().Dropped[reason] }
	processed := func(n int) func() bool {
		return func() bool { st := r.Stats(); return int(st.RecordsOut+st.RecordsDropped+st.RecordsDLQ) >= n }
	}

	produce(t, addrs, "events.usage", user("u1"), user("u1"), user("u2"),
		kafka.Message{Value: []byte(`{"user":{"uid":"kid","age":9}}`)},
		kafka.Message{Value: []byte(`{"user":{"uid":"u2","is_minor":true}}`)},
		kafka.Message{Value: []byte(`{"user":{"uid":"u2"},"consent":{"training":false}}`)})
	waitFor(t, "the first records", processed(6))
	if out() != 3 || dropped(policy.ReasonMinor) != 2 || dropped(policy.ReasonConsentRefused) != 1 {
		t.Fatalf("stats %+v", r.Stats())
	}

	// Withdrawal: once read, every record of u1 is dropped.
	produce(t, addrs, "veil.consent", consent("u1", false, 2))
	waitFor(t, "the withdrawal", func() bool { training, _ := f.Table().Lookup(w.UserMAC([]byte("u1"))); return !training })
	produce(t, addrs, "events.usage", user("u1"), user("u2"), logLine("u1"), logLine("u2"), keyed("u1"), keyed("u2"))
	waitFor(t, "the records after the withdrawal", processed(12))
	if out() != 6 || dropped(policy.ReasonConsentWithdrawn) != 3 {
		t.Fatalf("after withdrawal: stats %+v", r.Stats())
	}

	// Granted again.
	produce(t, addrs, "veil.consent", consent("u1", true, 3))
	waitFor(t, "the new grant", func() bool { training, _ := f.Table().Lookup(w.UserMAC([]byte("u1"))); return training })
	produce(t, addrs, "events.usage", user("u1"))
	waitFor(t, "the record after the new grant", processed(13))
	if out() != 7 {
		t.Fatalf("after re-grant: stats %+v", r.Stats())
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}

	// What was written holds no raw user ID or address, and nothing of the
	// dropped records.
	rd := kafka.NewReader(kafka.ReaderConfig{Brokers: addrs, GroupID: "check", Topic: "training.usage", MaxWait: 100 * time.Millisecond})
	defer rd.Close()
	rctx, rcancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer rcancel()
	keys := 0
	for range 7 {
		m, err := rd.ReadMessage(rctx)
		if err != nil {
			t.Fatal(err)
		}
		if m.Key != nil {
			keys++
			if want := w.AppendToken(nil, detectors.User, []byte("u2")); !bytes.Equal(m.Key, want) {
				t.Errorf("key %q, want u2's USER token %q", m.Key, want)
			}
		}
		for _, raw := range []string{`"u1"`, `"u2"`, "=u1", "=u2", "kid", "@example.com", "is_minor"} {
			if strings.Contains(string(m.Value), raw) {
				t.Fatalf("%q in output %s", raw, m.Value)
			}
		}
	}
	if keys != 1 {
		t.Errorf("%d keyed records written, want 1", keys)
	}
}

// TestLanguageHeader: a prompt's language reaches its output record as a
// header and a member.
func TestLanguageHeader(t *testing.T) {
	t.Parallel()
	addrs := startBroker(t, "events.prompts", "training.prompts", "veil.dlq")
	ring, err := transforms.EphemeralKeyRing()
	if err != nil {
		t.Fatal(err)
	}
	e, err := config.Default().Build(ring, "prompt")
	if err != nil {
		t.Fatal(err)
	}
	r, err := kafkarun.New(kafkarun.Options{
		Brokers: addrs, Group: "lang", DLQ: "veil.dlq",
		Inputs:         []kafkarun.Input{{Topic: "events.prompts", Format: transforms.FormatAuto, Output: "training.prompts", Profile: e.Profile("prompt")}},
		NewTransformer: func() kafkarun.Transformer { return e.NewWorker() },
		SessionTimeout: 6 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.Run(ctx) }()
	produce(t, addrs, "events.prompts",
		kafka.Message{Value: []byte(`{"text":"Ruf mich an: 030 1234567, danke schön"}`)},
		kafka.Message{Value: []byte(`把这张照片做成吉卜力风格，打我电话 138 0013 8000`)})
	waitFor(t, "the prompts", func() bool { return r.Stats().RecordsOut == 2 })
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	rd := kafka.NewReader(kafka.ReaderConfig{Brokers: addrs, GroupID: "check", Topic: "training.prompts", MaxWait: 100 * time.Millisecond})
	defer rd.Close()
	rctx, rcancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer rcancel()
	langs := map[string]string{}
	for range 2 {
		m, err := rd.ReadMessage(rctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range m.Headers {
			if h.Key == kafkarun.LangHeader {
				langs[string(h.Value)] = string(m.Value)
			}
		}
	}
	if !strings.HasSuffix(langs["de"], `,"lang":"de"}`) || strings.Contains(langs["de"], "1234567") ||
		!strings.HasPrefix(langs["zh"], "把这张照片") || strings.Contains(langs["zh"], "138 0013 8000") {
		t.Fatalf("outputs by lang header: %q", langs)
	}
}
