package kafkarun

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/twmb/franz-go/pkg/kfake"

	"github.com/pixelprivacy/veil/config"
	"github.com/pixelprivacy/veil/transforms"
)

func TestFromConfigDefaults(t *testing.T) {
	k := config.Default().Kafka
	o, err := FromConfig(&k, func() Transformer { return copier{} })
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Inputs) != 3 || o.Inputs[0] != (Input{Topic: "events.usage", Format: transforms.FormatAuto, Output: "training.usage"}) {
		t.Errorf("inputs %+v", o.Inputs)
	}
	if o.Group != "veil" || o.DLQ != "veil.dlq" || o.BatchSize != 1000 || o.MaxInFlightBytes != 64<<20 || o.TLS != nil || o.SASL != nil {
		t.Errorf("options %+v", o)
	}
	if _, err := New(o); err != nil {
		t.Fatal(err)
	}
	k.Compression = "brotli"
	if _, err := FromConfig(&k, nil); err == nil {
		t.Fatal("FromConfig accepted an unknown codec")
	}
}

// TestSecureConnections connects through TLS and each SASL mechanism to an
// in-process broker that requires them, as the runner's reader and writers
// do, and runs a pipeline over TLS with SCRAM-SHA-512.
func TestSecureConnections(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	serverTLS, caFile := testCertificates(t, dir)
	c, err := kfake.NewCluster(
		kfake.NumBrokers(1),
		kfake.TLS(serverTLS),
		kfake.EnableSASL(),
		kfake.Superuser("PLAIN", "plainuser", "plain-secret"),
		kfake.Superuser("SCRAM-SHA-256", "user256", "secret-256"),
		kfake.Superuser("SCRAM-SHA-512", "user=,512", "secret-512"),
		kfake.AllowAutoTopicCreation(),
		kfake.DefaultNumPartitions(testPartitions),
	)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	addrs := c.ListenAddrs()

	tlsOn := config.TLS{Enabled: true, CAFile: caFile}
	tests := []struct {
		name string
		sasl config.SASL
		ok   bool
	}{
		{"plain", config.SASL{Mechanism: "plain", Username: "plainuser", Password: "plain-secret"}, true},
		{"scram-sha-256", config.SASL{Mechanism: "scram-sha-256", Username: "user256", Password: "secret-256"}, true},
		{"scram-sha-512, escaped name", config.SASL{Mechanism: "scram-sha-512", Username: "user=,512", Password: "secret-512"}, true},
		{"scram wrong password", config.SASL{Mechanism: "scram-sha-256", Username: "user256", Password: "nope"}, false},
		{"plain wrong password", config.SASL{Mechanism: "plain", Username: "plainuser", Password: "nope"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := config.Default().Kafka
			k.Brokers, k.TLS, k.SASL = addrs, tlsOn, tt.sasl
			o, err := FromConfig(&k, nil)
			if err != nil {
				t.Fatal(err)
			}
			d := &kafka.Dialer{Timeout: 5 * time.Second, TLS: o.TLS, SASLMechanism: o.SASL}
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			conn, err := d.DialContext(ctx, "tcp", addrs[0])
			if err == nil {
				_, err = conn.Brokers()
				conn.Close()
			}
			if tt.ok && err != nil {
				t.Fatalf("connect: %v", err)
			}
			if !tt.ok && err == nil {
				t.Fatal("connected with a wrong password")
			}
		})
	}

	t.Run("pipeline", func(t *testing.T) {
		k := config.Default().Kafka
		k.Brokers, k.TLS = addrs, tlsOn
		k.SASL = config.SASL{Mechanism: "scram-sha-512", Username: "user=,512", Password: "secret-512"}
		e := testEngine(t)
		o, err := FromConfig(&k, redactors(e))
		if err != nil {
			t.Fatal(err)
		}
		o.Inputs = o.Inputs[:1]
		o.Logger = testLogger(t)
		w := &kafka.Writer{
			Addr: kafka.TCP(addrs...), Topic: o.Inputs[0].Topic, AllowAutoTopicCreation: true,
			Transport: &kafka.Transport{TLS: o.TLS, SASL: o.SASL},
		}
		defer w.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		var msgs []kafka.Message
		for i := range 20 {
			msgs = append(msgs, kafka.Message{Value: []byte(`{"user":"someone` + string(rune('a'+i)) + `@example.com"}`)})
		}
		if err := w.WriteMessages(ctx, msgs...); err != nil {
			t.Fatal(err)
		}
		r := startRunner(t, o)
		waitFor(t, 30*time.Second, "the records", func() bool { return r.Stats().RecordsOut == 20 })
		if err := r.stop(t); err != nil {
			t.Fatal(err)
		}
	})
}

// testCertificates writes a CA certificate to dir and returns a server TLS
// configuration for 127.0.0.1 signed by it, and the CA file.
func testCertificates(t *testing.T, dir string) (*tls.Config, string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "veil test"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	caFile := filepath.Join(dir, "ca.pem")
	if err := os.WriteFile(caFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	return &tls.Config{
		MinVersion:   tls.VersionTLS12,
		Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}},
	}, caFile
}
