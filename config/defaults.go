package config

import "time"

// Defaults applied by ApplyDefaults.
const (
	DefaultAction       = "tokenize"
	DefaultTemplate     = "<{kind}:{key}:{mac}>"
	DefaultMaskHead     = 3
	DefaultMaskTail     = 4
	DefaultMaskChar     = "*"
	DefaultMaxBytes     = 1 * MiB
	DefaultOnError      = OnErrorMarker
	DefaultGroup        = "veil"
	DefaultDLQ          = "veil.dlq"
	DefaultFormat       = "auto"
	DefaultCompression  = "lz4"
	DefaultBatchSize    = 1000
	DefaultBatchTimeout = 10 * time.Millisecond

	DefaultMaxInFlightRecords = 10000
	DefaultMaxInFlightBytes   = 64 * MiB
)

// The values of Records.OnError.
const (
	// OnErrorMarker replaces a line that cannot be de-identified with a fixed
	// marker naming the reason, and counts it.
	OnErrorMarker = "marker"
	// OnErrorFail stops at the first such line, naming its number and reason.
	OnErrorFail = "fail"
)

// DefaultBrokers is the broker list used when none is configured: the
// embedded broker of `veil broker` or a local Kafka.
func DefaultBrokers() []string { return []string{"127.0.0.1:9092"} }

// DefaultInputs maps the three event topics to their training topics.
func DefaultInputs() []Input {
	return []Input{
		{Topic: "events.usage", Kind: "usage", Format: DefaultFormat, Output: "training.usage"},
		{Topic: "events.logs", Kind: "log", Format: DefaultFormat, Output: "training.logs"},
		{Topic: "events.prompts", Kind: "prompt", Format: DefaultFormat, Output: "training.prompts"},
	}
}

// Default returns the configuration used when there is no veil.yaml.
func Default() *Config {
	c := new(Config)
	c.ApplyDefaults()
	return c
}

// ApplyDefaults fills every unset field with its default. It is the one
// place defaults live: Default is ApplyDefaults on an empty Config, and Load
// reads the file over Default() and applies them again for fields the file
// set to empty (and for each input's format). An empty string, a zero count
// or limit and a missing list count as unset; a mask with head and tail 0 is
// a valid setting and kept, unless the whole mask section is empty.
// Detectors.Kinds, PhoneRegions and AdIDKeys stay empty: empty means the
// detectors' own defaults.
func (c *Config) ApplyDefaults() {
	t := &c.Transforms
	setString(&t.Default, DefaultAction)
	setString(&t.Template, DefaultTemplate)
	if t.Mask == (Mask{}) {
		t.Mask = Mask{Head: DefaultMaskHead, Tail: DefaultMaskTail}
	}
	setString(&t.Mask.Char, DefaultMaskChar)

	setInt(&c.Records.MaxBytes, DefaultMaxBytes)
	setString(&c.Records.OnError, DefaultOnError)

	k := &c.Kafka
	if len(k.Brokers) == 0 {
		k.Brokers = DefaultBrokers()
	}
	setString(&k.Group, DefaultGroup)
	setString(&k.DLQ, DefaultDLQ)
	if k.Inputs == nil {
		k.Inputs = DefaultInputs()
	}
	for i := range k.Inputs {
		setString(&k.Inputs[i].Format, DefaultFormat)
	}
	setString(&k.Compression, DefaultCompression)
	setInt(&k.BatchSize, DefaultBatchSize)
	setInt(&k.BatchTimeout, DefaultBatchTimeout)
	setInt(&k.MaxInFlightRecords, DefaultMaxInFlightRecords)
	setInt(&k.MaxInFlightBytes, DefaultMaxInFlightBytes)
	c.applyPolicyDefaults()
}

func setString(p *string, v string) {
	if *p == "" {
		*p = v
	}
}

func setInt[T ~int | ~int64](p *T, v T) {
	if *p == 0 {
		*p = v
	}
}
