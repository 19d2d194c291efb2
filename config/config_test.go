package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/transforms"
)

// canary is the SASL password in testdata/full.yaml and testdata/bad.yaml;
// it must never appear in an error or in printed output.
const canary = "canary-secret-8d1f"

func TestDefault(t *testing.T) {
	c := Default()
	tests := []struct {
		name      string
		got, want any
	}{
		{"transforms.default", c.Transforms.Default, "tokenize"},
		{"transforms.template", c.Transforms.Template, "<{kind}:{key}:{mac}>"},
		{"transforms.mask", c.Transforms.Mask, Mask{Head: 3, Tail: 4, Char: "*"}},
		{"records.max_bytes", c.Records.MaxBytes, ByteSize(1 << 20)},
		{"records.on_error", c.Records.OnError, "marker"},
		{"kafka.brokers", c.Kafka.Brokers, []string{"127.0.0.1:9092"}},
		{"kafka.group", c.Kafka.Group, "veil"},
		{"kafka.dlq", c.Kafka.DLQ, "veil.dlq"},
		{"kafka.inputs", c.Kafka.Inputs, []Input{
			{Topic: "events.usage", Kind: "usage", Format: "auto", Output: "training.usage"},
			{Topic: "events.logs", Kind: "log", Format: "auto", Output: "training.logs"},
			{Topic: "events.prompts", Kind: "prompt", Format: "auto", Output: "training.prompts"},
		}},
		{"kafka.compression", c.Kafka.Compression, DefaultCompression},
		{"kafka.batch_size", c.Kafka.BatchSize, 1000},
		{"kafka.batch_timeout", c.Kafka.BatchTimeout, 10 * time.Millisecond},
		{"kafka.max_in_flight_records", c.Kafka.MaxInFlightRecords, 10000},
		{"kafka.max_in_flight_bytes", c.Kafka.MaxInFlightBytes, ByteSize(64 << 20)},
		{"detectors", c.Detectors, Detectors{}},
		{"key_file", c.KeyFile, ""},
		{"kafka.tls", c.Kafka.TLS, TLS{}},
		{"kafka.sasl", c.Kafka.SASL, SASL{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !reflect.DeepEqual(tt.got, tt.want) {
				t.Errorf("got %#v, want %#v", tt.got, tt.want)
			}
		})
	}
	if err := c.Validate(); err != nil {
		t.Errorf("Default().Validate() = %v", err)
	}
}

func TestParseKeepsExplicitValues(t *testing.T) {
	tests := []struct {
		name  string
		yaml  string
		check func(*Config) error
	}{
		{"empty file is the default", "", func(c *Config) error {
			return equal(c, Default())
		}},
		{"comments only", "# nothing\n", func(c *Config) error {
			return equal(c, Default())
		}},
		{"mask head 0 is kept", "transforms: {mask: {head: 0}}", func(c *Config) error {
			return equal(c.Transforms.Mask, Mask{Head: 0, Tail: 4, Char: "*"})
		}},
		{"mask char alone", "transforms: {mask: {char: '#'}}", func(c *Config) error {
			return equal(c.Transforms.Mask, Mask{Head: 3, Tail: 4, Char: "#"})
		}},
		{"empty string takes the default", "kafka: {group: ''}", func(c *Config) error {
			return equal(c.Kafka.Group, "veil")
		}},
		{"null section takes the defaults", "kafka:\n", func(c *Config) error {
			return equal(c.Kafka, Default().Kafka)
		}},
		{"inputs replace the defaults and get a format", "kafka: {inputs: [{topic: a, kind: log, output: b}]}", func(c *Config) error {
			return equal(c.Kafka.Inputs, []Input{{Topic: "a", Kind: "log", Format: "auto", Output: "b"}})
		}},
		{"sizes", "records: {max_bytes: 4096}\nkafka: {max_in_flight_bytes: 1GB}", func(c *Config) error {
			return errors.Join(equal(c.Records.MaxBytes, ByteSize(4096)), equal(c.Kafka.MaxInFlightBytes, ByteSize(1e9)))
		}},
		{"duration", "kafka: {batch_timeout: 1m30s}", func(c *Config) error {
			return equal(c.Kafka.BatchTimeout, 90*time.Second)
		}},
		{"merge key", "kafka:\n  inputs:\n    - &u {topic: a, kind: usage, output: b}\n    - <<: *u\n      topic: c\n      output: d\n", func(c *Config) error {
			return equal(c.Kafka.Inputs[1], Input{Topic: "c", Kind: "usage", Format: "auto", Output: "d"})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse([]byte(tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			if err := tt.check(c); err != nil {
				t.Error(err)
			}
		})
	}
}

func equal(got, want any) error {
	if !reflect.DeepEqual(got, want) {
		return fmt.Errorf("got %+v, want %+v", got, want)
	}
	return nil
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string // every line of the error, in order
	}{
		{"syntax", "a: [\n", []string{"yaml: line 1: did not find expected node content"}},
		{"two documents", "---\nkey_file: a\n---\nkey_file: b\n", []string{"line 3: more than one YAML document"}},
		{"not a mapping", "hello", []string{"cannot unmarshal !!str `hello` into config.Config (line 1)"}},
		{"unknown top-level key", "bogus: 1", []string{
			"bogus: unknown key (line 1; want key_file, detectors, transforms, fields, policy, languages, records, kafka)"}},
		{"unknown nested key", "detectors:\n  kindz: [email]\n", []string{
			"detectors.kindz: unknown key (line 2; want kinds, phone_regions, adid_keys, locale_fields, custom)"}},
		{"unknown key in a list item", "kafka:\n  inputs:\n    - {topic: a, kind: log, output: b}\n    - {topic: c, kind: log, output: d, outptu: e}\n", []string{
			"kafka.inputs[1].outptu: unknown key (line 4; want topic, kind, format, output, key_name)"}},
		{"unknown key through a merge", "kafka:\n  inputs:\n    - &u {topic: a, kind: usage, output: b}\n    - <<: *u\n      topic: c\n      output: d\n      colour: blue\n", []string{
			"kafka.inputs[1].colour: unknown key (line 7; want topic, kind, format, output, key_name)"}},
		{"a list's key in the singular", "policy:\n  consent:\n    age_field: user.age\n", []string{
			"policy.consent.age_field: unknown key (line 3): did you mean age_fields, a list?"}},
		{"wrong type", "kafka:\n  batch_size: lots\n", []string{
			"kafka.batch_size: cannot unmarshal !!str `lots` into int (line 2)"}},
		{"wrong shape", "kafka:\n  inputs: {topic: a}\n", []string{
			"kafka.inputs: cannot unmarshal !!map into []config.Input (line 2)"}},
		{"bad duration", "kafka:\n  batch_timeout: soon\n", []string{
			"kafka.batch_timeout: cannot unmarshal !!str `soon` into time.Duration (line 2)"}},
		{"bad size", "records:\n  max_bytes: 12XB\n", []string{
			`records.max_bytes: invalid size "12XB": want bytes or a whole number with a unit: B, KB, MB, GB, TB, KiB, MiB, GiB, TiB (line 2)`}},
		{"size is a list", "records:\n  max_bytes: [1]\n", []string{
			`records.max_bytes: invalid size "": want bytes or a whole number with a unit: B, KB, MB, GB, TB, KiB, MiB, GiB, TiB (line 2)`}},
		{"size overflows", "records:\n  max_bytes: 99999999999TiB\n", []string{
			`records.max_bytes: invalid size "99999999999TiB": size too large (line 2)`}},
		{"unknown kind", "detectors: {kinds: [email, emial]}", []string{
			`detectors.kinds[1]: unknown kind "emial" (want email, phone, imei, imsi, iccid, mac, adid, ipv4, ipv6, cnid, card, iban, cpf, ssn, rrn, aadhaar, dni, mynumber, snils, nir, steuerid, saudiid, nino, wallet, secret)`}},
		{"duplicate kind", "detectors: {kinds: [ipv4, ip]}", []string{`detectors.kinds[1]: duplicate kind "ip"`}},
		{"unknown region", "detectors: {phone_regions: [US, cn, XX]}", []string{
			`detectors.phone_regions[2]: unknown region "XX" (want an ISO 3166-1 alpha-2 code such as US or CN)`}},
		{"duplicate region", "detectors: {phone_regions: [US, us]}", []string{`detectors.phone_regions[1]: duplicate region "us"`}},
		{"empty adid key", "detectors: {adid_keys: [idfa, ' ']}", []string{`detectors.adid_keys[1]: must not be empty`}},
		{"bad locale field", `detectors: {locale_fields: [locale, 'a"b', none]}`, []string{
			`detectors.locale_fields[1]: "a\"b": want a key name, without quotes or backslashes`,
			`detectors.locale_fields[2]: "none" turns the lookup off: list nothing else with it`}},
		{"unknown default action", "transforms: {default: maks}", []string{
			`transforms.default: unknown action "maks" (want tokenize, mask, label, generalize, drop)`}},
		{"unknown action for a kind", "transforms:\n  kinds:\n    phone: maks\n", []string{
			`transforms.kinds.phone: unknown action "maks" (want tokenize, mask, label, generalize, drop)`}},
		{"unknown kind in actions", "transforms: {kinds: {ipv9: drop}}", []string{
			`transforms.kinds.ipv9: unknown kind "ipv9" (want email, phone, imei, imsi, iccid, mac, adid, ipv4, ipv6, cnid, card, iban, cpf, ssn, rrn, aadhaar, dni, mynumber, snils, nir, steuerid, saudiid, nino, wallet, secret, name, handle, address, birthdate, document, coordinates)`}},
		{"one kind twice in actions", "transforms: {kinds: {ip: drop, ipv4: mask}}", []string{
			`transforms.kinds.ipv4: "ipv4" names the same kind as kinds.ip`}},
		{"template without mac", "transforms: {template: '<{kind}>'}", []string{`transforms.template: "<{kind}>": must contain {mac}`}},
		{"template placeholder", "transforms: {template: '<{kind}:{hash}:{mac}>'}", []string{
			`transforms.template: "<{kind}:{hash}:{mac}>": unknown placeholder {hash} (want {kind}, {key}, {mac})`}},
		{"template open brace", "transforms: {template: '<{mac}{kind'}", []string{`transforms.template: "<{mac}{kind": unmatched {`}},
		{"template close brace", "transforms: {template: '<{mac}}'}", []string{`transforms.template: "<{mac}}": unmatched }`}},
		{"mask", "transforms: {mask: {head: -1, tail: 65, char: '@'}}", []string{
			"transforms.mask.head: -1 out of range [0, 64]",
			"transforms.mask.tail: 65 out of range [0, 64]",
			`transforms.mask.char: "@": want one of "*#xX_~"`}},
		{"mask char too long", "transforms: {mask: {char: '**'}}", []string{`transforms.mask.char: "**": want one of "*#xX_~"`}},
		{"record too large", "records: {max_bytes: 2GiB}", []string{
			"records.max_bytes: 2147483648 out of range [1, 1GiB]",
			"kafka.max_in_flight_bytes: 64MiB is less than records.max_bytes (2GiB)"}},
		{"in-flight bytes below record size", "records: {max_bytes: 4MiB}\nkafka: {max_in_flight_bytes: 1MiB}", []string{
			"kafka.max_in_flight_bytes: 1MiB is less than records.max_bytes (4MiB)"}},
		{"on_error", "records: {on_error: ignore}", []string{`records.on_error: unknown policy "ignore" (want marker, fail)`}},
		{"brokers", "kafka: {brokers: [localhost, ':9092', 'h:0', 'h:http']}", []string{
			`kafka.brokers[0]: "localhost": want host:port`,
			`kafka.brokers[1]: ":9092": missing host`,
			`kafka.brokers[2]: "h:0": port must be a number in [1, 65535]`,
			`kafka.brokers[3]: "h:http": port must be a number in [1, 65535]`}},
		{"dlq name", "kafka: {dlq: 'dead letters'}", []string{
			`kafka.dlq: invalid topic name "dead letters" (want 1 to 249 of a-z A-Z 0-9 . _ -)`}},
		{"no inputs", "kafka: {inputs: []}", []string{"kafka.inputs: must not be empty"}},
		{"empty output", "kafka:\n  inputs:\n    - {topic: a, kind: log, output: b}\n    - {topic: c, kind: log}\n", []string{
			"kafka.inputs[1].output: must not be empty"}},
		{"bad input", "kafka: {inputs: [{topic: '..', kind: audio, format: xml, output: o}]}", []string{
			`kafka.inputs[0].topic: invalid topic name ".." (want 1 to 249 of a-z A-Z 0-9 . _ -)`,
			`kafka.inputs[0].kind: unknown kind "audio" (want usage, log, prompt)`,
			`kafka.inputs[0].format: unknown format "xml" (want auto, json, text)`}},
		{"duplicate input", "kafka: {inputs: [{topic: a, kind: log, output: b}, {topic: a, kind: usage, output: c}]}", []string{
			`kafka.inputs[1].topic: "a" is already inputs[0].topic`}},
		{"output loops", "kafka: {inputs: [{topic: a, kind: log, output: b}, {topic: b, kind: log, output: c}]}", []string{
			`kafka.inputs[0].output: "b" is also inputs[1].topic: output would loop back`}},
		{"dlq clashes", "kafka: {dlq: a, inputs: [{topic: a, kind: log, output: b}, {topic: c, kind: log, output: a}]}", []string{
			`kafka.dlq: "a" is also inputs[0].topic`,
			`kafka.inputs[1].output: "a" is also inputs[0].topic: output would loop back`,
			`kafka.inputs[1].output: "a" is the dead-letter topic`}},
		{"compression", "kafka: {compression: brotli}", []string{
			`kafka.compression: unknown codec "brotli" (want none, gzip, snappy, lz4, zstd)`}},
		{"negative limits", "kafka: {batch_size: -1, batch_timeout: -1s, max_in_flight_records: -5}", []string{
			"kafka.batch_size: -1: must be positive",
			"kafka.batch_timeout: -1s: must be positive",
			"kafka.max_in_flight_records: -5: must be positive"}},
		{"tls off with files", "kafka: {tls: {ca_file: ca.pem, insecure_skip_verify: true}}", []string{
			"kafka.tls.ca_file: set but tls.enabled is false",
			"kafka.tls.insecure_skip_verify: set but tls.enabled is false"}},
		{"tls cert without key", "kafka: {tls: {enabled: true, cert_file: c.pem}}", []string{
			"kafka.tls.cert_file: cert_file and key_file must be set together"}},
		{"sasl without mechanism", "kafka: {sasl: {username: u}}", []string{
			"kafka.sasl.mechanism: must be set when username or password is (want plain, scram-sha-256, scram-sha-512)"}},
		{"sasl incomplete", "kafka: {sasl: {mechanism: kerberos}}", []string{
			`kafka.sasl.mechanism: unknown mechanism "kerberos" (want plain, scram-sha-256, scram-sha-512)`,
			"kafka.sasl.username: must not be empty with sasl.mechanism set",
			"kafka.sasl.password: must not be empty with sasl.mechanism set (or give password_file, or $VEIL_KAFKA_PASSWORD)"}},
		{"sasl password twice", "kafka: {sasl: {mechanism: plain, username: u, password: canary-secret-8d1f, password_file: p.txt}}", []string{
			"kafka.sasl.password_file: give password or password_file, not both"}},
		{"sasl password file missing", "kafka: {sasl: {mechanism: plain, username: u, password_file: /nonexistent/veil-pass}}", []string{
			`kafka.sasl.password_file: "/nonexistent/veil-pass": no such file or directory`}},
		{"secret in the wrong place", "kafka:\n  sasl: canary-secret-8d1f\n", []string{
			"kafka.sasl: cannot unmarshal !!str [REDACTED] into config.SASL (line 2)"}},
		{"field rules", "fields:\n  usage: {user.name: dorp, 'a..b': drop, lat: {generalize: {decimals: 99, truncate: week}}, plz: {generalize: {prefix: 0}}, nick: {tokenize: {kind: pet}}}\n  audio: {x: drop}\n", []string{
			`fields.audio: unknown kind "audio" (want usage, log, prompt)`,
			`fields.usage.a..b: invalid field path "a..b" (want keys joined by dots, * for any key, ** for any keys)`,
			"fields.usage.lat.generalize.decimals: 99 out of range [0, 15]",
			`fields.usage.lat.generalize.truncate: unknown truncation "week" (want day, hour, year)`,
			`fields.usage.nick.tokenize.kind: unknown kind "pet" (want user, field)`,
			"fields.usage.plz.generalize.prefix: 0 out of range [1, 16]",
			`fields.usage.user.name: unknown action "dorp" (want keep, drop, tokenize, mask, generalize, scan, or {tokenize: {kind: user}}, {generalize: {decimals: 1}})`}},
		{"field rule unknown option", "fields: {usage: {lat: {generalise: {decimals: 1}}}}", []string{
			"fields.usage.lat.generalise: unknown key (line 1; want tokenize, generalize)",
			`fields.usage.lat: unknown action "" (want keep, drop, tokenize, mask, generalize, scan, or {tokenize: {kind: user}}, {generalize: {decimals: 1}})`}},
		{"consent", "policy: {consent: {topic: 'a b', user_fields: ['user..id'], min_age: 200}}", []string{
			`policy.consent.topic: invalid topic name "a b" (want 1 to 249 of a-z A-Z 0-9 . _ -)`,
			`policy.consent.user_fields[0]: invalid field path "user..id" (want keys joined by dots, * for any key, ** for any keys)`,
			"policy.consent.min_age: 200 out of range [0, 150]"}},
		{"languages", "languages: {kinds: [audio], set: [en, xx], accuracy: medium, regions: {de: [ZZ]}}", []string{
			`languages.kinds[0]: unknown kind "audio" (want usage, log, prompt)`,
			`languages.set[1]: unknown language "xx" (want an ISO 639-1 code such as en, zh, pt)`,
			`languages.accuracy: unknown accuracy "medium" (want low, high)`,
			`languages.regions.de[0]: unknown region "ZZ" (want an ISO 3166-1 alpha-2 code such as US or CN)`}},
		{"custom detectors", "detectors:\n  custom:\n    - {name: EMP, pattern: '(?<=emp\\d{6}'}\n    - {name: emp, pattern: x, transform: hide}\n    - {name: EMP, pattern: x, validator: crc}\n", []string{
			"detectors.custom[0].pattern: \"(?<=emp\\\\d{6}\": error parsing regexp: missing closing ) in `(?<=emp\\d{6}` at byte 12",
			`detectors.custom[1].name: "emp": want upper-case letters, digits and _, starting with a letter`,
			`detectors.custom[1].transform: unknown action "hide" (want tokenize, mask, label, generalize, drop)`,
			`detectors.custom[2].validator: "crc": want none or luhn`,
			`detectors.custom[2].name: "EMP" is already custom[0].name`}},
		{"errors of every kind together", "bogus: 1\nkafka: {batch_size: x}\ntransforms: {default: maks}\n", []string{
			"bogus: unknown key (line 1; want key_file, detectors, transforms, fields, policy, languages, records, kafka)",
			"kafka.batch_size: cannot unmarshal !!str `x` into int (line 2)",
			`transforms.default: unknown action "maks" (want tokenize, mask, label, generalize, drop)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse([]byte(tt.yaml))
			if err == nil {
				t.Fatalf("Parse = %+v, want an error", c)
			}
			if got := strings.Split(err.Error(), "\n"); !slices.Equal(got, tt.want) {
				t.Errorf("error:\n%s\nwant:\n%s", err, strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestValidateUnreachableByYAML covers checks that ApplyDefaults makes
// unreachable from a file but that a Config built in code can fail.
func TestValidateUnreachableByYAML(t *testing.T) {
	tests := []struct {
		name   string
		modify func(*Config)
		want   string
	}{
		{"no brokers", func(c *Config) { c.Kafka.Brokers = nil }, "kafka.brokers: must not be empty"},
		{"no group", func(c *Config) { c.Kafka.Group = "" }, "kafka.group: must not be empty"},
		{"no dlq", func(c *Config) { c.Kafka.DLQ = "" }, "kafka.dlq: must not be empty"},
		{"zero in-flight bytes", func(c *Config) { c.Kafka.MaxInFlightBytes = 0 }, "kafka.max_in_flight_bytes: 0: must be positive"},
		{"zero record size", func(c *Config) { c.Records.MaxBytes = 0 }, "records.max_bytes: 0 out of range [1, 1GiB]"},
		{"too many regions", func(c *Config) {
			c.Detectors.PhoneRegions = []string{"US", "CA", "GB", "DE", "FR", "JP", "IN", "BR", "RU", "KR", "CN", "IT", "ES",
				"NL", "BE", "CH", "AT", "SE", "NO", "DK", "FI", "PL", "CZ", "PT", "IE", "GR", "TR", "IL", "AE", "SA", "EG", "ZA",
				"NG", "KE", "MX", "AR", "CL", "CO", "PE", "VE", "AU", "NZ", "SG", "MY", "TH", "VN", "PH", "ID", "PK", "BD", "LK",
				"NP", "HK", "TW", "MO", "UA", "BY", "KZ", "UZ", "RO", "HU", "BG", "RS", "HR", "SI"}
		}, "detectors.phone_regions: 65 regions, at most 64"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Default()
			tt.modify(c)
			err := c.Validate()
			if err == nil || err.Error() != tt.want {
				t.Errorf("Validate() = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestFieldErrorPaths(t *testing.T) {
	_, err := Parse([]byte("kafka: {inputs: [{topic: a, kind: log, output: b}, {topic: c, kind: log}]}"))
	var fe *FieldError
	if !errors.As(err, &fe) {
		t.Fatalf("error %v holds no *FieldError", err)
	}
	if fe.Path != "kafka.inputs[1].output" {
		t.Errorf("Path = %q", fe.Path)
	}
	// A nested struct's Validate names paths relative to itself.
	in := Input{Topic: "a", Kind: "log", Format: "auto"}
	if err := in.Validate(); err == nil || err.Error() != "output: must not be empty" {
		t.Errorf("Input.Validate() = %v", err)
	}
}

func ptr[T any](v T) *T { return &v }

func TestLoad(t *testing.T) {
	c, err := Load(filepath.Join("testdata", "full.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	want := &Config{
		KeyFile: "/etc/veil/veil.key",
		Detectors: Detectors{
			Kinds:        []string{"email", "phone", "ip", "ipv6", "card"},
			PhoneRegions: []string{"cn", "US", "GB"},
			AdIDKeys:     []string{"idfa", "gaid", "my_ad_id"},
			Custom: []CustomDetector{{
				Name: "EMPLOYEE_ID", Pattern: `(?<=\bemp[-#: ]?)\d{6}\b`, Validator: "luhn",
				Context: []string{"employee", "staff"}, ContextWindow: 16, Timeout: 20 * time.Millisecond, Transform: "mask",
			}},
		},
		Fields: map[string]map[string]FieldRule{"usage": {
			"user.name":    {Action: "drop"},
			"location.lat": {Action: "generalize", Generalize: &GeneralizeRule{Decimals: ptr(1)}},
			"seen_at":      {Action: "generalize", Generalize: &GeneralizeRule{Truncate: "hour"}},
			"device.model": {Action: "keep"},
			"user.nick":    {Action: "tokenize", Tokenize: &TokenizeRule{Kind: "user"}},
		}},
		Policy: Policy{Consent: Consent{
			Topic: "app.consent", UserFields: []string{"account.id"}, EventFields: []string{"flags.train"}, OptOutFields: []string{"flags.no_train"},
			MinorFields: []string{"account.child"}, AgeFields: []string{"none"}, BirthDateFields: []string{"account.born"}, MinAge: 16, StatedAge: new(false), Require: true,
		}},
		Languages: Languages{
			Kinds: []string{"prompt", "log"}, Set: []string{"en", "de", "ja"}, MinLength: 20, Accuracy: "high",
			TextFields: []string{"body"}, Field: "language", Regions: map[string][]string{"de": {"DE", "AT"}}, Names: new(false), Addresses: new(false),
		},
		Transforms: Transforms{
			Default:  "mask",
			Kinds:    map[string]string{"email": "tokenize", "ipv4": "generalize", "card": "drop", "phone": "label", "name": "label"},
			Template: "[{kind}|{key}|{mac}]",
			Mask:     Mask{Head: 0, Tail: 2, Char: "#"},
		},
		Records: Records{MaxBytes: 512 * KiB, OnError: "fail"},
		Kafka: Kafka{
			Brokers: []string{"kafka-1:9092", "[::1]:9093"},
			Group:   "veil-prod",
			DLQ:     "veil.dead",
			Inputs: []Input{
				{Topic: "app.events", Kind: "usage", Format: "auto", Output: "train.events"},
				{Topic: "app.prompts", Kind: "prompt", Format: "json", Output: "train.prompts"},
			},
			Compression:        "zstd",
			BatchSize:          500,
			BatchTimeout:       250 * time.Millisecond,
			MaxInFlightRecords: 2000,
			MaxInFlightBytes:   128e6,
			TLS:                TLS{Enabled: true, CAFile: "ca.pem", CertFile: "client.pem", KeyFile: "client-key.pem"},
			SASL:               SASL{Mechanism: "scram-sha-512", Username: "veil", Password: canary},
		},
	}
	if err := equal(c, want); err != nil {
		t.Error(err)
	}

	if _, err := Load(filepath.Join("testdata", "missing.yaml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Load(missing) = %v, want ErrNotExist", err)
	}
	_, err = Load(filepath.Join("testdata", "bad.yaml"))
	if err == nil || !strings.HasPrefix(err.Error(), "config testdata/bad.yaml: ") {
		t.Errorf("Load(bad) = %v, want an error naming the file", err)
	}
}

// TestSASLPasswordSources reads the password from a file next to the
// configuration, then from the environment, and never from both places.
func TestSASLPasswordSources(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("kafka-pass", canary+"\n")
	cfg := write("file.yaml", "kafka: {sasl: {mechanism: plain, username: u, password_file: kafka-pass}}\n")
	t.Setenv(PasswordEnv, "from-env")
	c, err := Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(c.Kafka.SASL.Password); got != canary {
		t.Errorf("password from password_file = %q, want the file's line", got)
	}

	cfg = write("env.yaml", "kafka: {sasl: {mechanism: plain, username: u}}\n")
	if c, err = Load(cfg); err != nil {
		t.Fatal(err)
	}
	if got := string(c.Kafka.SASL.Password); got != "from-env" {
		t.Errorf("password from $%s = %q, want from-env", PasswordEnv, got)
	}

	// Without a mechanism the variable is not read: no SASL is configured.
	cfg = write("none.yaml", "kafka: {brokers: ['localhost:9092']}\n")
	if c, err = Load(cfg); err != nil || c.Kafka.SASL.Password != "" {
		t.Errorf("Load without SASL = %v, password set: %v", err, c != nil && c.Kafka.SASL.Password != "")
	}

	write("empty-pass", "\n")
	cfg = write("empty.yaml", "kafka: {sasl: {mechanism: plain, username: u, password_file: empty-pass}}\n")
	if _, err := Load(cfg); err == nil || !strings.Contains(err.Error(), `kafka.sasl.password_file: "empty-pass" is empty`) {
		t.Errorf("Load with an empty password file = %v", err)
	}
}

func TestSecretNeverPrinted(t *testing.T) {
	c, err := Load(filepath.Join("testdata", "full.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	js, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	ym, err := yaml.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	outputs := map[string]string{
		"%v": fmt.Sprintf("%v", c), "%+v": fmt.Sprintf("%+v", c), "%#v": fmt.Sprintf("%#v", c),
		"%s": fmt.Sprintf("%s", c.Kafka.SASL.Password), "%q": fmt.Sprintf("%q", c.Kafka.SASL.Password),
		"%x": fmt.Sprintf("%x", c.Kafka.SASL.Password), "json": string(js), "yaml": string(ym),
	}
	_, err = Load(filepath.Join("testdata", "bad.yaml"))
	outputs["errors"] = fmt.Sprint(err)
	for name, out := range outputs {
		if strings.Contains(out, canary) {
			t.Errorf("%s shows the secret: %s", name, out)
		}
	}
	if !strings.Contains(outputs["%+v"], "[REDACTED]") {
		t.Errorf("%%+v = %s, want [REDACTED] in place of the password", outputs["%+v"])
	}
	if string(c.Kafka.SASL.Password) != canary {
		t.Error("string(Secret) must give the value")
	}
}

func TestByteSize(t *testing.T) {
	tests := []struct {
		in   string
		want ByteSize
		err  bool
	}{
		{"0", 0, false},
		{"4096", 4096, false},
		{"128MiB", 128 << 20, false},
		{"1MB", 1e6, false},
		{"512KiB", 512 << 10, false},
		{"512 kib", 512 << 10, false},
		{"2GiB", 2 << 30, false},
		{"1TB", 1e12, false},
		{"10B", 10, false},
		{" 7 MB ", 7e6, false},
		{"", 0, true},
		{"MiB", 0, true},
		{"-1", 0, true},
		{"1.5MiB", 0, true},
		{"12XB", 0, true},
		{"9223372036854775807", 1<<63 - 1, false},
		{"9223372036854775808", 0, true},
		{"9999999TiB", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseByteSize(tt.in)
			if (err != nil) != tt.err || got != tt.want {
				t.Errorf("ParseByteSize(%q) = %d, %v; want %d, error %v", tt.in, got, err, tt.want, tt.err)
			}
		})
	}
}

func TestByteSizeString(t *testing.T) {
	for _, tt := range []struct {
		in   ByteSize
		want string
	}{{0, "0B"}, {1000, "1000B"}, {1536 * KiB, "1536KiB"}, {64 * MiB, "64MiB"}, {3 * GiB, "3GiB"}} {
		if got := tt.in.String(); got != tt.want {
			t.Errorf("%d.String() = %q, want %q", int64(tt.in), got, tt.want)
		}
	}
}

func TestExampleIsDefault(t *testing.T) {
	c, err := Parse([]byte(Example()))
	if err != nil {
		t.Fatal(err)
	}
	// Compared as YAML, where an empty list and no list are the same.
	got, err := yaml.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	want, err := yaml.Marshal(Default())
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("veil.example.yaml does not show the defaults:\n%s\nwant:\n%s", got, want)
	}
}

// TestExampleDocumentsEveryKey checks that every key of the schema appears
// in veil.example.yaml.
func TestExampleDocumentsEveryKey(t *testing.T) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(Example()), &doc); err != nil {
		t.Fatal(err)
	}
	present := make(map[string]bool)
	var collect func(n *yaml.Node, path string)
	collect = func(n *yaml.Node, path string) {
		switch n.Kind {
		case yaml.DocumentNode:
			collect(n.Content[0], path)
		case yaml.MappingNode:
			for i := 0; i < len(n.Content); i += 2 {
				p := joinPath(path, n.Content[i].Value)
				present[p] = true
				collect(n.Content[i+1], p)
			}
		case yaml.SequenceNode:
			for _, c := range n.Content {
				collect(c, path+"[]")
			}
		}
	}
	collect(&doc, "")
	var check func(t reflect.Type, path string)
	check = func(typ reflect.Type, path string) {
		for _, key := range yamlKeys(typ) {
			f, _ := fieldByTag(typ, key)
			p := joinPath(path, key)
			if !present[p] {
				t.Errorf("veil.example.yaml lacks %s", p)
			}
			ft := f.Type
			if ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct {
				// A list empty by default is documented by a commented entry.
				if empty := !slices.ContainsFunc(slices.Collect(maps.Keys(present)), func(k string) bool { return strings.HasPrefix(k, p+"[]") }); empty {
					for _, sub := range yamlKeys(ft.Elem()) {
						if !strings.Contains(Example(), " "+sub+": ") {
							t.Errorf("veil.example.yaml lacks an example of %s[].%s", p, sub)
						}
					}
					continue
				}
				check(ft.Elem(), p+"[]")
			} else if ft.Kind() == reflect.Struct {
				check(ft, p)
			}
		}
	}
	check(reflect.TypeFor[Config](), "")
}

func TestDetectorOptions(t *testing.T) {
	c, err := Load(filepath.Join("testdata", "full.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	o, err := c.DetectorOptions()
	if err != nil {
		t.Fatal(err)
	}
	want := detectors.Options{
		Kinds:        []detectors.Kind{detectors.Email, detectors.Phone, detectors.IPv4, detectors.IPv6, detectors.Card},
		PhoneRegions: []string{"CN", "US", "GB"},
		AdIDKeys:     []string{"idfa", "gaid", "my_ad_id"},
	}
	if err := equal(o, want); err != nil {
		t.Error(err)
	}
	c.Detectors.PhoneRegions = []string{"XX"}
	if _, err := c.DetectorOptions(); err == nil || !strings.HasPrefix(err.Error(), "detectors.phone_regions[0]: ") {
		t.Errorf("DetectorOptions() error = %v", err)
	}
}

func TestTransformOptions(t *testing.T) {
	c, err := Load(filepath.Join("testdata", "full.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	o, err := c.TransformOptions()
	if err != nil {
		t.Fatal(err)
	}
	actions := make(map[detectors.Kind]transforms.Action)
	for _, k := range slices.Concat(detectors.Builtin, detectors.FreeText) {
		actions[k] = transforms.Mask
	}
	actions[detectors.Email] = transforms.Tokenize
	actions[detectors.IPv4] = transforms.Generalize
	actions[detectors.Card] = transforms.Drop
	actions[detectors.Phone] = transforms.Label
	actions[detectors.Name] = transforms.Label
	want := transforms.Options{
		Actions:        actions,
		Template:       "[{kind}|{key}|{mac}]",
		MaskHead:       -1, // head 0 keeps nothing; 0 would mean the default
		MaskTail:       2,
		MaskChar:       '#',
		MaxRecordBytes: 512 << 10,
	}
	if err := equal(o, want); err != nil {
		t.Error(err)
	}
	c.Transforms.Default = "maks"
	c.Records.OnError = "ignore"
	_, err = c.TransformOptions()
	if err == nil || err.Error() != "transforms.default: unknown action \"maks\" (want tokenize, mask, label, generalize, drop)\n"+
		"records.on_error: unknown policy \"ignore\" (want marker, fail)" {
		t.Errorf("TransformOptions() error = %v", err)
	}
}

func TestBuild(t *testing.T) {
	ring, err := transforms.EphemeralKeyRing()
	if err != nil {
		t.Fatal(err)
	}
	c := Default()
	c.Transforms.Kinds = map[string]string{"email": "label"}
	e, err := c.Build(ring)
	if err != nil {
		t.Fatal(err)
	}
	out, err := e.NewWorker().Redact(nil, []byte("write to li.lei@example.com"), transforms.FormatText)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(out), "write to [EMAIL]"; got != want {
		t.Errorf("Redact = %q, want %q", got, want)
	}

	c.Kafka.Compression = "brotli"
	if _, err := c.Build(ring); err == nil || !strings.HasPrefix(err.Error(), "kafka.compression: ") {
		t.Errorf("Build with a bad config = %v", err)
	}
	c = Default()
	if _, err := c.Build(nil); err == nil {
		t.Error("Build(nil ring) succeeded")
	}
}

func FuzzLoad(f *testing.F) {
	seeds, err := filepath.Glob(filepath.Join("testdata", "*.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	for _, path := range seeds {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(Example()))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(data)
		if err != nil {
			if c != nil {
				t.Fatal("Parse returned a config with an error")
			}
			return
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("Parse accepted a config Validate rejects: %v", err)
		}
		if _, err := c.DetectorOptions(); err != nil {
			t.Fatalf("DetectorOptions: %v", err)
		}
		if _, err := c.TransformOptions(); err != nil {
			t.Fatalf("TransformOptions: %v", err)
		}
	})
}

// TestBuildProfiles builds the default profiles and the ones of full.yaml
// and redacts with them.
func TestBuildProfiles(t *testing.T) {
	ring, err := transforms.EphemeralKeyRing()
	if err != nil {
		t.Fatal(err)
	}
	e, err := Default().Build(ring, "usage", "prompt")
	if err != nil {
		t.Fatal(err)
	}
	if e.Profile("log") != nil || e.Profile("usage") == nil {
		t.Fatal("profiles built for the wrong kinds")
	}
	w := e.NewWorker()
	out, facts, err := w.RedactRecord(nil, []byte(`{"user":{"uid":"u1","name":"Li Wei","firstName":"Wei","display_name":"Li Wei","username":"liwei88","age":12},"location":{"lat":52.520008},"device":{"serialNumber":"R58M12345AB","device_name":"Li Wei’s iPhone","ssid":"Li Wei’s iPhone","bluetoothName":"Wei’s AirPods","pushToken":"740f4707bebcf74f"},"referrer":{"gclid":"Cj0KCQjw_abc"},"contact":{"qq":"123456789"},"birthday":"2013-09-30","auth":{"password":"hunter2","headers":{"Authorization":"Bearer eyJhbGciOi"}},"consent":{"training":false}}`), transforms.FormatJSON, e.Profile("usage"))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"user":{"uid":"` + string(w.AppendToken(nil, detectors.User, []byte("u1"))) + `","username":"` + string(w.AppendToken(nil, detectors.Field, []byte("liwei88"))) + `","age":12},"location":{"lat":52.52},` +
		`"device":{"serialNumber":"` + string(w.AppendToken(nil, detectors.Field, []byte("R58M12345AB"))) + `","pushToken":"` + string(w.AppendToken(nil, detectors.Secret, []byte("740f4707bebcf74f"))) + `"},"referrer":{"gclid":"` + string(w.AppendToken(nil, detectors.Field, []byte("Cj0KCQjw_abc"))) + `"},"contact":{"qq":"` + string(w.AppendToken(nil, detectors.Field, []byte("123456789"))) + `"},"birthday":"2013-01-01","auth":{"headers":{}},"consent":{"training":false}}`
	if string(out) != want || !facts.HasUser || !facts.Minor || facts.Consent != transforms.ConsentRefused {
		t.Fatalf("usage profile: %s %+v\nwant %s", out, facts, want)
	}
	out, _, err = w.RedactRecord(nil, []byte(`{"geo":{"lat":31.230416,"lng":121.473701,"country":"CN"},"location":"31.230416,121.473701","place":{"coordinates":[121.473701,31.230416]},"gps":"31.230416,121.473701","coords":[31.230416,121.473701],"geohash":"wtw3sjq6q"}`), transforms.FormatJSON, e.Profile("usage"))
	if want := `{"geo":{"lat":31.23,"lng":121.47,"country":"CN"},"location":"31.23,121.47","place":{"coordinates":[121.47,31.23]},"gps":"31.23,121.47","coords":[31.23,121.47],"geohash":"wtw3s"}`; err != nil || string(out) != want {
		t.Fatalf("locations: %s %v\nwant %s", out, err, want)
	}
	// A location object's city and country are kept, its coordinates
	// rounded.
	out, _, err = w.RedactRecord(nil, []byte(`{"context":{"location":{"city":"San Francisco","country":"United States","latitude":40.2964197,"street":"1 Main St","label":"Home"}}}`), transforms.FormatJSON, e.Profile("usage"))
	if want := `{"context":{"location":{"city":"San Francisco","country":"United States","latitude":40.3,"label":"` + string(w.AppendToken(nil, detectors.Field, []byte("Home"))) + `"}}}`; err != nil || string(out) != want {
		t.Fatalf("a location's places: %s %v\nwant %s", out, err, want)
	}
	// Postcodes keep their area; people the user names are dropped, a
	// coordinate under a key of its own words generalized.
	out, _, err = w.RedactRecord(nil, []byte(`{"zip":"62704","postal_code":"SW1A 2AA","geo_postal_code":10115,"guardian_name":"Mary Doe","contact_name":"Bob","app_name":"veil","location_lat":37.774929,"wifi_ssid":"Smith Family WiFi","address_line":"742 Evergreen Terrace"}`), transforms.FormatJSON, e.Profile("usage"))
	if want := `{"zip":"627","postal_code":"SW1","geo_postal_code":"101","app_name":"veil","location_lat":37.77}`; err != nil || string(out) != want {
		t.Fatalf("postcodes and names: %s %v\nwant %s", out, err, want)
	}
	// Documents' numbers: DOCUMENT, or the kind the detectors read in one.
	out, _, err = w.RedactRecord(nil, []byte(`{"passport":"X12345678","student_id":20231234,"license_plate":"京A12345","national_id":"11010519491231002X"}`), transforms.FormatJSON, e.Profile("usage"))
	if want := `{"passport":"` + string(w.AppendToken(nil, detectors.Document, []byte("X12345678"))) + `","student_id":"` + string(w.AppendToken(nil, detectors.Document, []byte("20231234"))) +
		`","license_plate":"` + string(w.AppendToken(nil, detectors.Document, []byte("京A12345"))) + `","national_id":"` + string(w.AppendToken(nil, detectors.CNID, []byte("11010519491231002X"))) + `"}`; err != nil || string(out) != want {
		t.Fatalf("documents: %s %v\nwant %s", out, err, want)
	}
	// Names and addresses under keys in the app's other languages.
	out, _, err = w.RedactRecord(nil, []byte(`{"user":{"nombre":"Lucía","apellido":"García","姓名":"李伟","이름":"김민준","имя":"Иван","plan":"pro","dirección":"Calle Mayor 5","住所":"東京都港区六本木1-2-3"}}`), transforms.FormatJSON, e.Profile("usage"))
	if want := `{"user":{"plan":"pro"}}`; err != nil || string(out) != want {
		t.Fatalf("localized names: %s %v\nwant %s", out, err, want)
	}
	// One-time codes, a card's security code, a security question's answer.
	out, _, err = w.RedactRecord(nil, []byte(`{"auth":{"otp":"482913","cvv":"123","securityAnswer":"Fluffy","verification_code":"1234","method":"sms"}}`), transforms.FormatJSON, e.Profile("usage"))
	if want := `{"auth":{"method":"sms"}}`; err != nil || string(out) != want {
		t.Fatalf("credentials: %s %v\nwant %s", out, err, want)
	}
	// A photo's metadata as EXIF readers write it: its place, the camera's
	// and lens's serial numbers, the photographer's and owner's names. A
	// style's "artist" is no EXIF tag.
	out, _, err = w.RedactRecord(nil, []byte(`{"exif":{"Make":"Apple","GPSLatitude":[31,13,49.5],"GPSLatitudeRef":"N","GPSLongitude":[[121,1],[28,1],[2532,100]],"gpsAltitude":4,"GPSPosition":"31.230416 121.473701","BodySerialNumber":"F17XK2Q9P3","LensSerialNumber":"2871","Artist":"Li Wei","Copyright":"© Li Wei","CameraOwnerName":"Li Wei","By-line":"Li Wei","Creator":"Li Wei","XPAuthor":"Li Wei"},"style":{"artist":"Monet"}}`), transforms.FormatJSON, e.Profile("usage"))
	if want := `{"exif":{"Make":"Apple","GPSLatitude":[31,13,48],"GPSLatitudeRef":"N","GPSLongitude":[[121,1],[28,1],[12,1]],"gpsAltitude":4,"GPSPosition":"31.23 121.47","BodySerialNumber":"` +
		string(w.AppendToken(nil, detectors.Field, []byte("F17XK2Q9P3"))) + `","LensSerialNumber":"` + string(w.AppendToken(nil, detectors.Field, []byte("2871"))) + `"},"style":{"artist":"Monet"}}`; err != nil || string(out) != want {
		t.Fatalf("photo metadata: %s %v\nwant %s", out, err, want)
	}
	out, _, err = w.RedactRecord(nil, []byte(`{"profile":{"address":"Calle Mayor 12, 28013 Madrid","city":"Madrid"},"ShippingAddress":{"line1":"1 Main St"},"street":"Main St","ip_address":"10.1.2.3","session_id":"s_1"}`), transforms.FormatJSON, e.Profile("usage"))
	if want := `{"profile":{"city":"Madrid"},"ip_address":"` + string(w.AppendToken(nil, detectors.IPv4, []byte("10.1.2.3"))) + `","session_id":"` + string(w.AppendToken(nil, detectors.Field, []byte("s_1"))) + `"}`; err != nil || string(out) != want {
		t.Fatalf("postal addresses, sessions: %s %v\nwant %s", out, err, want)
	}
	// A thing's name is scanned, a person's and a device's dropped.
	out, _, err = w.RedactRecord(nil, []byte(`{"context":{"app":{"name":"Pixel"},"os":{"name":"iOS"},"device":{"name":"Li Wei’s iPhone"},"traits":{"name":"Li Wei"},"screen":{"name":"mail li@163.com"}},"filters":[{"name":"vivid"}],"name":"Li"}`), transforms.FormatJSON, e.Profile("usage"))
	if want := `{"context":{"app":{"name":"Pixel"},"os":{"name":"iOS"},"device":{},"traits":{},"screen":{"name":"mail ` + string(w.AppendToken(nil, detectors.Email, []byte("li@163.com"))) + `"}},"filters":[{"name":"vivid"}]}`; err != nil || string(out) != want {
		t.Fatalf("names: %s %v\nwant %s", out, err, want)
	}
	// A pair's "name" that names a field is no person's name.
	out, _, err = w.RedactRecord(nil, []byte(`{"params":[{"name":"email","value":"li@163.com"},{"name":"age","value":30},{"name":"Li Wei","value":"+8613800138000"}]}`), transforms.FormatJSON, e.Profile("usage"))
	if want := `{"params":[{"name":"email","value":"` + string(w.AppendToken(nil, detectors.Email, []byte("li@163.com"))) + `"},{"name":"age","value":30},{"value":"` + string(w.AppendToken(nil, detectors.Phone, []byte("+8613800138000"))) + `"}]}`; err != nil || string(out) != want {
		t.Fatalf("pairs named: %s %v\nwant %s", out, err, want)
	}
	// Device IDs in any form; a UUID, as Segment's context.device.id holds
	// one, is the ADID it is under any key, and so is an install's.
	out, _, err = w.RedactRecord(nil, []byte(`{"device_id":"dev_8f3a9c","context":{"device":{"id":"B1E3C7A2-9F4D-4E8B-A6C5-1D2F3E4A5B6C","model":"iPhone15,2"}},"installation_id":"b1e3c7a2-9f4d-4e8b-a6c5-1d2f3e4a5b6c"}`), transforms.FormatJSON, e.Profile("usage"))
	adid := string(w.AppendToken(nil, detectors.ADID, []byte("b1e3c7a2-9f4d-4e8b-a6c5-1d2f3e4a5b6c")))
	if want := `{"device_id":"` + string(w.AppendToken(nil, detectors.Field, []byte("dev_8f3a9c"))) + `","context":{"device":{"id":"` + adid + `","model":"iPhone15,2"}},"installation_id":"` + adid + `"}`; err != nil || string(out) != want {
		t.Fatalf("device IDs: %s %v\nwant %s", out, err, want)
	}
	// Hashed e-mail addresses and phone numbers, as conversion APIs take
	// them, and Meta's browser and click IDs.
	const sha = "309a0a5c3e211326ae75ca18196d301a9bdbd1a882a4d2569511033da23f0abd"
	out, _, err = w.RedactRecord(nil, []byte(`{"user_data":{"em":["`+sha+`"],"ph":"`+sha+`","fbp":"fb.1.1596403881668.1116446470","country":"us"},"sha256_email_address":"`+sha+`","email_hash":"`+sha+`","event_name":"Purchase"}`), transforms.FormatJSON, e.Profile("usage"))
	hashed := string(w.AppendToken(nil, detectors.Field, []byte(sha)))
	if want := `{"user_data":{"em":["` + hashed + `"],"ph":"` + hashed + `","fbp":"` + string(w.AppendToken(nil, detectors.Field, []byte("fb.1.1596403881668.1116446470"))) + `","country":"us"},"sha256_email_address":"` + hashed + `","email_hash":"` + hashed + `","event_name":"Purchase"}`; err != nil || string(out) != want {
		t.Fatalf("hashed IDs: %s %v\nwant %s", out, err, want)
	}
	if _, facts, _ = w.RedactRecord(nil, []byte(`{"user":{"uid":"u1","date_of_birth":"2020-02-29"}}`), transforms.FormatJSON, e.Profile("usage")); !facts.Minor {
		t.Fatalf("a child's birth date is not a minor's by default: %+v", facts)
	}
	// User IDs as JS and Java SDKs name them, and account, customer and
	// member IDs, and analytics SDKs' IDs of the user (u1) and of the
	// install (u2): tokenized, and the best user ID the user the consent
	// table is asked about.
	for _, rec := range []string{`{"userId":"u1"}`, `{"userID":"u1"}`, `{"user":{"id":"u1"}}`, `{"account_id":"u1"}`, `{"customerId":"u1"}`, `{"member_id":"u2","uid":"u1"}`,
		`{"UserId":"u1","SerialNumber":"u2"}`, `{"USER_ID":"u1","FullName":"u2"}`, `{"distinct_id":"u1","$device_id":"u2"}`, `{"customer_user_id":"u1","appsflyer_id":"u2"}`, `{"anonymousId":"u2","context":{"traits":{"external_id":"u1"}}}`} {
		out, facts, err := w.RedactRecord(nil, []byte(rec), transforms.FormatJSON, e.Profile("usage"))
		if err != nil || !facts.HasUser || facts.User != w.UserMAC([]byte("u1")) || strings.Contains(string(out), `"u1"`) || strings.Contains(string(out), `"u2"`) {
			t.Fatalf("%s: %s %+v %v", rec, out, facts, err)
		}
	}
	// Minors and refusals as apps write them, by default.
	for _, c := range []struct {
		rec   string
		minor bool
		facts transforms.Consent
	}{
		{`{"age":9}`, true, transforms.ConsentUnknown},
		{`{"profile":{"age":"12 years"}}`, true, transforms.ConsentUnknown},
		{`{"userAge":10}`, true, transforms.ConsentUnknown},
		{`{"user":{"age_group":"under_13"}}`, true, transforms.ConsentUnknown},
		{`{"ageRange":"25-34"}`, false, transforms.ConsentUnknown},
		{`{"user":{"isMinor":true}}`, true, transforms.ConsentUnknown},
		{`{"is_child":"yes"}`, true, transforms.ConsentUnknown},
		{`{"regs":{"coppa":1}}`, true, transforms.ConsentUnknown},
		{`{"ads":{"tagForChildDirectedTreatment":true}}`, true, transforms.ConsentUnknown},
		{`{"regs":{"coppa":0}}`, false, transforms.ConsentUnknown},
		{`{"training_consent":false}`, false, transforms.ConsentRefused},
		{`{"privacy":{"allowTraining":"no"}}`, false, transforms.ConsentRefused},
		{`{"settings":{"aiTrainingOptOut":true}}`, false, transforms.ConsentRefused},
		{`{"training_opt_out":false}`, false, transforms.ConsentGranted},
		{`{"allow_training":true,"training_opt_out":"yes"}`, false, transforms.ConsentRefused},
		{`{"age":30,"version":{"major":4,"minor":1}}`, false, transforms.ConsentUnknown},
		// As Firebase's and GA4's exports write user properties and
		// parameters: a key-value pair's key names the field.
		{`{"user_properties":[{"key":"age","value":{"int_value":9}}]}`, true, transforms.ConsentUnknown},
		{`{"event_params":[{"key":"allow_training","value":{"string_value":"no"}}]}`, false, transforms.ConsentRefused},
		{`{"user_properties":[{"key":"age","value":{"int_value":30}},{"value":{"int_value":9}}]}`, false, transforms.ConsentUnknown},
		{`{"key":"age","value":30}`, false, transforms.ConsentUnknown},
		{`{"value":9}`, false, transforms.ConsentUnknown}, // the record before's pair says nothing of it
	} {
		_, facts, err := w.RedactRecord(nil, []byte(c.rec), transforms.FormatJSON, e.Profile("usage"))
		if err != nil || facts.Minor != c.minor || facts.Consent != c.facts {
			t.Fatalf("%s: %+v %v, want minor %v, consent %v", c.rec, facts, err, c.minor, c.facts)
		}
	}
	out, facts, err = w.RedactRecord(nil, []byte(`{"text":"Ruf mich an: 030 12345678, danke schön"}`), transforms.FormatJSON, e.Profile("prompt"))
	if err != nil || facts.Lang != "de" || !strings.HasSuffix(string(out), `,"lang":"de"}`) || strings.Contains(string(out), "12345678") {
		t.Fatalf("prompt profile: %s %+v %v", out, facts, err)
	}
	for rec, minor := range map[string]bool{`{"prompt":"I'm 12 years old, make me a superhero"}`: true,
		`{"messages":[{"role":"user","content":"我今年十岁，帮我画一个公主"}]}`: true, `{"prompt":"make me look like I'm 12 years old"}`: false,
		`{"prompt":"I'm 35 years old, make me look 12"}`: false} {
		_, facts, err = w.RedactRecord(nil, []byte(rec), transforms.FormatJSON, e.Profile("prompt"))
		if err != nil || facts.Minor != minor {
			t.Fatalf("a stated age in %s: minor %v %v, want %v", rec, facts.Minor, err, minor)
		}
		// A usage event's text fields are free text too, whose language
		// is not detected.
		if _, facts, _ = w.RedactRecord(nil, []byte(rec), transforms.FormatJSON, e.Profile("usage")); facts.Minor != minor || facts.Lang != "" {
			t.Fatalf("%s in a usage event: minor %v, language %q; want %v and none", rec, facts.Minor, facts.Lang, minor)
		}
	}
	for _, rec := range []string{`{"messages":[{"role":"user","content":"my name is Emma Watson, make me a princess"}]}`,
		`{"input":"a card for Emma Watson"}`, `{"caption":"Emma Watson at the beach"}`, `{"negative_prompt":"not Emma Watson"}`} {
		for _, kind := range []string{"prompt", "usage"} {
			out, _, err = w.RedactRecord(nil, []byte(rec), transforms.FormatJSON, e.Profile(kind))
			if err != nil || strings.Contains(string(out), "Emma") || !strings.Contains(string(out), "<NAME:") || kind == "usage" && strings.Contains(string(out), `"lang"`) {
				t.Fatalf("the free text of a %s in %s: %s %v", kind, rec, out, err)
			}
		}
	}

	c, err := Load(filepath.Join("testdata", "full.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if d, err := c.LanguageDetector([]string{"usage"}); d != nil || err != nil {
		t.Fatalf("a language detector for kinds that detect none: %v, %v", d, err)
	}
	if e, err = c.Build(ring, c.InputKinds()...); err != nil {
		t.Fatal(err)
	}
	w = e.NewWorker()
	if _, facts, err = w.RedactRecord(nil, []byte(`{"body":"I'm 12 years old, make me a superhero"}`), transforms.FormatJSON, e.Profile("prompt")); err != nil || facts.Minor {
		t.Fatalf("stated_age: false: minor %v %v", facts.Minor, err)
	}
	out, _, err = w.RedactRecord(nil, []byte(`{"user":{"name":"x","nick":"kit"},"device":{"model":"call 138 0013 8000"},"note":"staff emp 123455"}`), transforms.FormatJSON, e.Profile("usage"))
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"user":{"nick":"` + string(w.AppendToken(nil, detectors.User, []byte("kit"))) + `"},"device":{"model":"call 138 0013 8000"},"note":"staff emp ####55"}`; string(out) != want {
		t.Fatalf("full.yaml usage profile:\n got %s\nwant %s", out, want)
	}
	if _, facts, _ := w.RedactRecord(nil, []byte(`{"age":9,"account":{"child":true}}`), transforms.FormatJSON, e.Profile("usage")); !facts.Minor {
		t.Fatalf("full.yaml's minor field is not read: %+v", facts)
	}
	if _, facts, _ := w.RedactRecord(nil, []byte(`{"age":9,"user":{"is_minor":true}}`), transforms.FormatJSON, e.Profile("usage")); facts.Minor {
		t.Fatalf("full.yaml's age_fields [none] or its minor_fields still read the defaults: %+v", facts)
	}
}

// TestLocaleFields checks that locale_fields reaches the transforms: empty
// keeps their default, [none] turns the lookup off.
func TestLocaleFields(t *testing.T) {
	for _, tt := range []struct {
		fields []string
		want   []string
	}{{nil, nil}, {[]string{"none"}, []string{}}, {[]string{"lang_region"}, []string{"lang_region"}}} {
		c := Default()
		c.Detectors.LocaleFields = tt.fields
		o, err := c.TransformOptions()
		if err != nil || !slices.Equal(o.LocaleFields, tt.want) || (o.LocaleFields == nil) != (tt.want == nil) {
			t.Errorf("locale_fields %q: transforms get %#v, %v; want %#v", tt.fields, o.LocaleFields, err, tt.want)
		}
	}
}
