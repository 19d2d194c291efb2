package broker

import (
	"context"
	"errors"
	"net"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
)

func start(t *testing.T, o Options) *Broker {
	t.Helper()
	b, err := Start(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	return b
}

func TestStartListen(t *testing.T) {
	tests := []struct {
		listen string
		ok     bool
	}{
		{"127.0.0.1:0", true},
		{"localhost:0", true},
		{"127.0.0.2:0", true},
		{"0.0.0.0:0", false},
		{":0", false},
		{"192.0.2.1:0", false},
		{"example.com:0", false},
		{"127.0.0.1", false},
		{"127.0.0.1:70000", false},
	}
	for _, tt := range tests {
		t.Run(tt.listen, func(t *testing.T) {
			b, err := Start(context.Background(), Options{Listen: tt.listen})
			if !tt.ok {
				if err == nil {
					b.Close()
					t.Fatalf("Start(%q) succeeded", tt.listen)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			host, _, _ := net.SplitHostPort(b.Addrs()[0])
			if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
				t.Fatalf("listening on %v", b.Addrs())
			}
		})
	}
	if _, err := Start(context.Background(), Options{Listen: "0.0.0.0:0"}); !errors.Is(err, errNotLoopback) {
		t.Errorf("error %v does not say loopback", err)
	}
}

func partitions(t *testing.T, addrs []string, topic string) int {
	t.Helper()
	c := &kafka.Client{Addr: kafka.TCP(addrs...), Timeout: 5 * time.Second}
	md, err := c.Metadata(context.Background(), &kafka.MetadataRequest{Topics: []string{topic}})
	if err != nil {
		t.Fatal(err)
	}
	if md.Topics[0].Error != nil {
		return 0
	}
	return len(md.Topics[0].Partitions)
}

func produce(t *testing.T, addrs []string, topic string, n int) {
	t.Helper()
	w := &kafka.Writer{Addr: kafka.TCP(addrs...), Topic: topic, AllowAutoTopicCreation: true, BatchTimeout: time.Millisecond}
	defer w.Close()
	msgs := make([]kafka.Message, n)
	for i := range msgs {
		msgs[i].Value = []byte("record")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := w.WriteMessages(ctx, msgs...); err != nil {
		t.Fatal(err)
	}
}

func TestTopics(t *testing.T) {
	t.Parallel()
	b := start(t, Options{Listen: "127.0.0.1:0", Topics: []string{"events.usage", "veil.dlq"}})
	addrs := b.Addrs()
	for _, topic := range []string{"events.usage", "veil.dlq"} {
		if n := partitions(t, addrs, topic); n != DefaultPartitions {
			t.Errorf("%s has %d partitions, want %d", topic, n, DefaultPartitions)
		}
	}
	produce(t, addrs, "made.on.first.use", 3)
	if n := partitions(t, addrs, "made.on.first.use"); n != DefaultPartitions {
		t.Errorf("auto-created topic has %d partitions, want %d", n, DefaultPartitions)
	}
}

// TestDataDir restarts a broker on its data directory: records and
// committed offsets survive.
func TestDataDir(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	b := start(t, Options{Listen: "127.0.0.1:0", DataDir: dir, Topics: []string{"t"}, Partitions: 1})
	produce(t, b.Addrs(), "t", 10)
	c := &kafka.Client{Addr: kafka.TCP(b.Addrs()...), Timeout: 5 * time.Second}
	ctx := context.Background()
	if _, err := c.OffsetCommit(ctx, &kafka.OffsetCommitRequest{
		GroupID: "g", GenerationID: -1,
		Topics: map[string][]kafka.OffsetCommit{"t": {{Partition: 0, Offset: 7}}},
	}); err != nil {
		t.Fatal(err)
	}
	b.Close()

	b = start(t, Options{Listen: "127.0.0.1:0", DataDir: dir})
	c.Addr = kafka.TCP(b.Addrs()...)
	res, err := c.ListOffsets(ctx, &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{"t": {kafka.LastOffsetOf(0)}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Topics["t"][0].LastOffset; got != 10 {
		t.Errorf("after restart the topic ends at %d, want 10", got)
	}
	of, err := c.OffsetFetch(ctx, &kafka.OffsetFetchRequest{GroupID: "g", Topics: map[string][]int{"t": {0}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := of.Topics["t"][0].CommittedOffset; got != 7 {
		t.Errorf("after restart the committed offset is %d, want 7", got)
	}
}

func TestRetention(t *testing.T) {
	t.Parallel()
	b := start(t, Options{Listen: "127.0.0.1:0", Topics: []string{"t"}, Partitions: 1, Retention: time.Second})
	produce(t, b.Addrs(), "t", 10)
	c := &kafka.Client{Addr: kafka.TCP(b.Addrs()...), Timeout: 5 * time.Second}
	deadline := time.Now().Add(20 * time.Second)
	for {
		res, err := c.ListOffsets(context.Background(), &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{"t": {kafka.FirstOffsetOf(0)}}})
		if err != nil {
			t.Fatal(err)
		}
		if res.Topics["t"][0].FirstOffset == 10 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("records older than the retention were kept: log starts at %d", res.Topics["t"][0].FirstOffset)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func TestStopsWithContext(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	b, err := Start(ctx, Options{Listen: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	addr := b.Addrs()[0]
	cancel()
	deadline := time.Now().Add(5 * time.Second)
	for {
		conn, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			break
		}
		conn.Close()
		if time.Now().After(deadline) {
			t.Fatal("broker still accepts connections after its context ended")
		}
		time.Sleep(20 * time.Millisecond)
	}
	b.Close() // still safe
}
