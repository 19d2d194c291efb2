// Package config holds veil's YAML configuration: its schema, the defaults
// applied in one place, and validation whose errors name the YAML path and the
// bad value.
package config

import (
	"fmt"
	"io"
	"time"
)

// Config is the whole veil.yaml.
type Config struct {
	// KeyFile is the path of the token key file (see `veil keygen`);
	// VEIL_KEY_FILE or --key-file override it.
	KeyFile    string     `yaml:"key_file"`
	Detectors  Detectors  `yaml:"detectors"`
	Transforms Transforms `yaml:"transforms"`
	// Fields are the field rules of JSON records, by event kind and path.
	Fields    map[string]map[string]FieldRule `yaml:"fields"`
	Policy    Policy                          `yaml:"policy"`
	Languages Languages                       `yaml:"languages"`
	Records   Records                         `yaml:"records"`
	Kafka     Kafka                           `yaml:"kafka"`
}

// Detectors selects and tunes the built-in detectors.
type Detectors struct {
	// Kinds lists the enabled built-in kinds by name (email, phone, imei, imsi,
	// iccid, mac, adid, ipv4, ipv6, cnid, card, iban, cpf, ssn, rrn, aadhaar,
	// dni, mynumber, snils, nir, steuerid, saudiid, nino, wallet, secret);
	// empty means all.
	Kinds []string `yaml:"kinds"`
	// PhoneRegions lists the regions whose national phone formats are found.
	PhoneRegions []string `yaml:"phone_regions"`
	// AdIDKeys lists the key names and context words that mark advertising IDs.
	AdIDKeys []string `yaml:"adid_keys"`
	// LocaleFields lists the JSON keys whose locale or country code
	// ("ja_JP", "KR") names the region a record's national phone numbers
	// are read in first; empty means transforms.DefaultLocaleFields, [none]
	// none.
	LocaleFields []string `yaml:"locale_fields"`
	// Custom are user-defined kinds, found by regular expressions.
	Custom []CustomDetector `yaml:"custom"`
}

// Transforms chooses what replaces each finding.
type Transforms struct {
	// Default is the action for kinds not listed in Kinds: tokenize, mask,
	// label, generalize or drop.
	Default string `yaml:"default"`
	// Kinds maps a kind name to its action.
	Kinds map[string]string `yaml:"kinds"`
	// Template is the token text, with {kind}, {key} and {mac} placeholders.
	Template string `yaml:"template"`
	Mask     Mask   `yaml:"mask"`
}

// Mask tunes the mask action.
type Mask struct {
	// Head and Tail are how many characters stay in clear at each end.
	Head int `yaml:"head"`
	Tail int `yaml:"tail"`
	// Char is the character that replaces the others, one of
	// transforms.MaskChars.
	Char string `yaml:"char"`
}

// Records sets limits and the policy for records that cannot be processed.
type Records struct {
	// MaxBytes is the largest record processed ("1MiB", "512KiB", or bytes).
	MaxBytes ByteSize `yaml:"max_bytes"`
	// OnError is what `veil redact` writes for a bad line: marker (default) or fail.
	OnError string `yaml:"on_error"`
}

// Kafka configures `veil run`.
type Kafka struct {
	Brokers []string `yaml:"brokers"`
	Group   string   `yaml:"group"`
	// DLQ is the dead-letter topic: metadata of records that failed, never payloads.
	DLQ    string  `yaml:"dlq"`
	Inputs []Input `yaml:"inputs"`
	// Compression of produced batches: none, gzip, snappy, lz4 or zstd.
	Compression string `yaml:"compression"`
	// BatchSize and BatchTimeout bound a produced batch.
	BatchSize    int           `yaml:"batch_size"`
	BatchTimeout time.Duration `yaml:"batch_timeout"`
	// MaxInFlightRecords and MaxInFlightBytes bound records fetched but not committed.
	MaxInFlightRecords int      `yaml:"max_in_flight_records"`
	MaxInFlightBytes   ByteSize `yaml:"max_in_flight_bytes"`
	TLS                TLS      `yaml:"tls"`
	SASL               SASL     `yaml:"sasl"`
}

// Input maps one source topic to its kind, format and output topic.
type Input struct {
	Topic string `yaml:"topic"`
	// Kind is the event kind: usage, log or prompt.
	Kind string `yaml:"kind"`
	// Format is auto, json or text.
	Format string `yaml:"format"`
	Output string `yaml:"output"`
	// KeyName names what the records' keys hold as a JSON key would
	// (device_id, idfa, phone): a key is read as that member's value. If
	// empty, a key is read as text.
	KeyName string `yaml:"key_name"`
}

// TLS configures encrypted connections to the brokers.
type TLS struct {
	Enabled            bool   `yaml:"enabled"`
	CAFile             string `yaml:"ca_file"`
	CertFile           string `yaml:"cert_file"`
	KeyFile            string `yaml:"key_file"`
	InsecureSkipVerify bool   `yaml:"insecure_skip_verify"`
}

// SASL configures broker authentication.
type SASL struct {
	// Mechanism is plain, scram-sha-256 or scram-sha-512; empty disables SASL.
	Mechanism string `yaml:"mechanism"`
	Username  string `yaml:"username"`
	Password  Secret `yaml:"password"`
	// PasswordFile is a file that holds the password instead, as secret
	// stores mount them (one trailing newline is dropped); a relative path
	// is taken from the configuration file's directory. With a mechanism
	// and neither set, $VEIL_KAFKA_PASSWORD gives the password.
	PasswordFile string `yaml:"password_file"`
}

// PasswordEnv is the environment variable that gives the SASL password when
// the configuration sets neither kafka.sasl.password nor password_file.
const PasswordEnv = "VEIL_KAFKA_PASSWORD"

// Secret is a string that never prints: String, GoString, Format and
// MarshalText all give "[REDACTED]", so no fmt verb, log line, JSON or YAML
// encoding of a Config can show it. Use string(s) where the value is needed.
type Secret string

const redacted = "[REDACTED]"

// String hides the secret.
func (Secret) String() string { return redacted }

// GoString hides the secret from %#v.
func (Secret) GoString() string { return redacted }

// Format hides the secret whatever the verb (%x, %q, %+v, ...).
func (Secret) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, redacted) }

// MarshalText hides the secret from encoders (JSON, YAML, ...).
func (Secret) MarshalText() ([]byte, error) { return []byte(redacted), nil }

// ByteSize is a size in bytes that reads from YAML as a number or as "128MiB"
// (see ParseByteSize).
type ByteSize int64
