// Package broker runs a single-node Kafka-protocol broker in process, for
// local development, the demo and tests. It embeds the fake cluster of
// github.com/twmb/franz-go/pkg/kfake: it speaks the Kafka protocol well enough
// for kafka-go, kcat and librdkafka, but it is not Kafka. Production uses a
// real Kafka cluster.
package broker

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/twmb/franz-go/pkg/kfake"
)

// DefaultListen is the address `veil broker` listens on when none is given.
const DefaultListen = "127.0.0.1:9092"

// DefaultPartitions is the partition count of the topics Start creates and of
// auto-created topics.
const DefaultPartitions = 6

// Options configure Start.
type Options struct {
	// Listen is the host:port to listen on. The host must be a loopback
	// address or "localhost"; port 0 picks a free port. Empty means
	// DefaultListen.
	Listen string
	// DataDir, when set, makes the broker persist its topics, records and
	// committed offsets there and reload them on the next Start. Empty keeps
	// everything in memory.
	DataDir string
	// Topics are created with Partitions partitions when the broker starts
	// without persisted state. Other topics are created on first use.
	Topics []string
	// Partitions is the partition count of Topics and of auto-created
	// topics; zero means DefaultPartitions.
	Partitions int
	// Retention, when positive, drops records older than that, checked
	// every quarter of it (at least every second), so that a long-running
	// in-memory broker does not grow without bound. Zero keeps everything.
	Retention time.Duration
}

// Broker is a running in-process broker.
type Broker struct {
	cluster *kfake.Cluster
	addrs   []string
	stop    func() bool
}

// Start starts a broker and returns once it accepts connections. It stops
// when ctx is cancelled or Close is called.
func Start(ctx context.Context, o Options) (*Broker, error) {
	host, port, err := loopback(o.Listen)
	if err != nil {
		return nil, err
	}
	parts := o.Partitions
	if parts == 0 {
		parts = DefaultPartitions
	}
	if parts < 0 {
		return nil, fmt.Errorf("broker: partitions: must be positive, got %d", parts)
	}
	opts := []kfake.Opt{
		kfake.NumBrokers(1),
		kfake.Ports(port),
		// kfake always asks for 127.0.0.1; listen on the host asked for,
		// which is loopback too.
		kfake.ListenFn(func(network, _ string) (net.Listener, error) {
			return net.Listen(network, net.JoinHostPort(host, strconv.Itoa(port)))
		}),
		kfake.AllowAutoTopicCreation(),
		kfake.DefaultNumPartitions(parts),
	}
	if len(o.Topics) > 0 {
		opts = append(opts, kfake.SeedTopics(int32(parts), o.Topics...))
	}
	if o.DataDir != "" {
		opts = append(opts, kfake.DataDir(o.DataDir))
	}
	if o.Retention > 0 {
		opts = append(opts, kfake.BrokerConfigs(map[string]string{
			"log.retention.ms":       strconv.FormatInt(o.Retention.Milliseconds(), 10),
			"log.cleaner.backoff.ms": strconv.FormatInt(max(o.Retention/4, time.Second).Milliseconds(), 10),
			// Retention drops whole segments: keep them small.
			"log.segment.bytes": strconv.Itoa(segmentBytes),
		}))
	}
	c, err := kfake.NewCluster(opts...)
	if err != nil {
		return nil, fmt.Errorf("broker: listen on %s: %w", net.JoinHostPort(host, strconv.Itoa(port)), err)
	}
	b := &Broker{cluster: c, addrs: c.ListenAddrs()}
	if o.Retention > 0 && len(o.Topics) > 0 {
		if err := b.setRetention(ctx, o.Topics, o.Retention); err != nil {
			c.Close()
			return nil, err
		}
	}
	b.stop = context.AfterFunc(ctx, c.Close)
	return b, nil
}

// segmentBytes is the segment size of a broker with a retention.
const segmentBytes = 4 << 20

// setRetention gives topics an explicit retention, which makes the broker
// enforce retention at all.
func (b *Broker) setRetention(ctx context.Context, topics []string, d time.Duration) error {
	ms := strconv.FormatInt(d.Milliseconds(), 10)
	req := &kafka.AlterConfigsRequest{}
	for _, t := range topics {
		req.Resources = append(req.Resources, kafka.AlterConfigRequestResource{
			ResourceType: kafka.ResourceTypeTopic,
			ResourceName: t,
			Configs:      []kafka.AlterConfigRequestConfig{{Name: "retention.ms", Value: ms}},
		})
	}
	c := &kafka.Client{Addr: kafka.TCP(b.addrs...), Timeout: 10 * time.Second}
	res, err := c.AlterConfigs(ctx, req)
	if err != nil {
		return fmt.Errorf("broker: set retention: %w", err)
	}
	for r, err := range res.Errors {
		if err != nil {
			return fmt.Errorf("broker: set retention of %s: %w", r.Name, err)
		}
	}
	return nil
}

// Addrs returns the host:port addresses clients bootstrap from.
func (b *Broker) Addrs() []string { return b.addrs }

// Close stops the broker, persisting its state if it has a DataDir. It is
// safe to call more than once.
func (b *Broker) Close() {
	b.stop()
	b.cluster.Close()
}

// loopback splits listen into a loopback host and a port.
func loopback(listen string) (host string, port int, err error) {
	if listen == "" {
		listen = DefaultListen
	}
	host, p, err := net.SplitHostPort(listen)
	if err != nil {
		return "", 0, fmt.Errorf("broker: listen %q: %w", listen, err)
	}
	port, err = strconv.Atoi(p)
	if err != nil || port < 0 || port > 65535 {
		return "", 0, fmt.Errorf("broker: listen %q: bad port", listen)
	}
	if host == "localhost" {
		return "127.0.0.1", port, nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return "", 0, fmt.Errorf("broker: listen %q: %w", listen, errNotLoopback)
	}
	return host, port, nil
}

var errNotLoopback = errors.New("the development broker listens on loopback addresses only (127.0.0.1, ::1, localhost)")
