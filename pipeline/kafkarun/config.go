package kafkarun

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"os"

	"github.com/segmentio/kafka-go"
	"github.com/segmentio/kafka-go/sasl"
	"github.com/segmentio/kafka-go/sasl/plain"
	"github.com/segmentio/kafka-go/sasl/scram"

	"github.com/pixelprivacy/veil/config"
	"github.com/pixelprivacy/veil/transforms"
)

// compressions maps the config's codec names to kafka-go's.
var compressions = map[string]kafka.Compression{
	"none":   0,
	"gzip":   kafka.Gzip,
	"snappy": kafka.Snappy,
	"lz4":    kafka.Lz4,
	"zstd":   kafka.Zstd,
}

// FromConfig returns the Options the kafka section of veil.yaml describes,
// with nt building the workers' Transformers. It validates k, reads the TLS
// files, and leaves the options config has no field for at their defaults.
func FromConfig(k *config.Kafka, nt func() Transformer) (Options, error) {
	if err := k.Validate(); err != nil {
		return Options{}, fmt.Errorf("kafka: %w", err)
	}
	o := Options{
		Brokers:            k.Brokers,
		Group:              k.Group,
		DLQ:                k.DLQ,
		NewTransformer:     nt,
		Compression:        compressions[k.Compression],
		BatchSize:          k.BatchSize,
		BatchTimeout:       k.BatchTimeout,
		MaxInFlightRecords: k.MaxInFlightRecords,
		MaxInFlightBytes:   int64(k.MaxInFlightBytes),
	}
	for _, in := range k.Inputs {
		f, err := transforms.ParseFormat(in.Format)
		if err != nil {
			return Options{}, fmt.Errorf("kafka: inputs: %w", err)
		}
		o.Inputs = append(o.Inputs, Input{Topic: in.Topic, Format: f, Output: in.Output, KeyName: in.KeyName})
	}
	var err error
	if o.TLS, o.SASL, err = Security(k); err != nil {
		return Options{}, err
	}
	return o, nil
}

// Security returns the TLS configuration and the SASL mechanism the kafka
// section describes (nil when off), reading the TLS files.
func Security(k *config.Kafka) (*tls.Config, sasl.Mechanism, error) {
	t, err := tlsConfig(&k.TLS)
	if err != nil {
		return nil, nil, fmt.Errorf("kafka: tls: %w", err)
	}
	m, err := saslMechanism(&k.SASL)
	if err != nil {
		return nil, nil, fmt.Errorf("kafka: sasl: %w", err)
	}
	return t, m, nil
}

// tlsConfig builds the client TLS configuration, or nil when TLS is off.
func tlsConfig(t *config.TLS) (*tls.Config, error) {
	if !t.Enabled {
		return nil, nil
	}
	c := &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: t.InsecureSkipVerify} //nolint:gosec // an explicit, documented setting
	if t.CAFile != "" {
		pem, err := os.ReadFile(t.CAFile)
		if err != nil {
			return nil, fmt.Errorf("ca_file: %w", err)
		}
		c.RootCAs = x509.NewCertPool()
		if !c.RootCAs.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("ca_file: %s: %w", t.CAFile, errNoCerts)
		}
	}
	if t.CertFile != "" {
		cert, err := tls.LoadX509KeyPair(t.CertFile, t.KeyFile)
		if err != nil {
			return nil, fmt.Errorf("cert_file, key_file: %w", err)
		}
		c.Certificates = []tls.Certificate{cert}
	}
	return c, nil
}

var errNoCerts = errors.New("no PEM certificates in the file")

// saslMechanism builds the SASL mechanism, or nil when SASL is off.
func saslMechanism(s *config.SASL) (sasl.Mechanism, error) {
	switch s.Mechanism {
	case "":
		return nil, nil
	case "plain":
		return plain.Mechanism{Username: s.Username, Password: string(s.Password)}, nil
	case "scram-sha-256":
		return scram.Mechanism(scram.SHA256, s.Username, string(s.Password))
	case "scram-sha-512":
		return scram.Mechanism(scram.SHA512, s.Username, string(s.Password))
	}
	return nil, fmt.Errorf("mechanism: unknown %q", s.Mechanism)
}
