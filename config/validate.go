package config

import (
	"errors"
	"fmt"
	"maps"
	"net"
	"slices"
	"strconv"
	"strings"

	"github.com/nyaruka/phonenumbers"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/transforms"
)

// FieldError is one validation problem: the YAML path of the field, such as
// "kafka.inputs[1].output", and what is wrong with its value.
type FieldError struct {
	Path string
	Err  error
}

// Error returns "path: problem".
func (e *FieldError) Error() string {
	if e.Path == "" {
		return e.Err.Error()
	}
	return e.Path + ": " + e.Err.Error()
}

// Unwrap returns the problem.
func (e *FieldError) Unwrap() error { return e.Err }

// problems collects validation errors; err joins them.
type problems []error

// add records a problem with the field at path.
func (p *problems) add(path, format string, args ...any) {
	*p = append(*p, &FieldError{Path: path, Err: fmt.Errorf(format, args...)})
}

// sub records the problems a nested struct's Validate found, under its path.
func (p *problems) sub(path string, err error) {
	*p = append(*p, under(path, err)...)
}

func (p problems) err() error { return errors.Join(p...) }

// under puts the errors in err (joined or single) below prefix, one level
// deep: a FieldError "output" under "kafka.inputs[1]" becomes
// "kafka.inputs[1].output".
func under(prefix string, err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, under(prefix, e)...)
		}
		return out
	}
	if fe, ok := err.(*FieldError); ok {
		return []error{&FieldError{Path: joinPath(prefix, fe.Path), Err: fe.Err}}
	}
	return []error{&FieldError{Path: prefix, Err: err}}
}

// joinPath appends a key or an index ("[2]") to a YAML path.
func joinPath(prefix, p string) string {
	switch {
	case prefix == "":
		return p
	case p == "":
		return prefix
	case p[0] == '[':
		return prefix + p
	}
	return prefix + "." + p
}

func index(i int) string { return "[" + strconv.Itoa(i) + "]" }

// Validate checks the whole configuration and returns every problem found,
// joined, each a *FieldError naming its YAML path and the bad value.
func (c *Config) Validate() error {
	var p problems
	p.sub("detectors", c.Detectors.Validate())
	p.sub("transforms", c.Transforms.Validate())
	p.sub("fields", validateFields(c.Fields))
	p.sub("policy.consent", c.Policy.Consent.Validate())
	p.sub("languages", c.Languages.Validate())
	p.sub("records", c.Records.Validate())
	p.sub("kafka", c.Kafka.Validate())
	if c.Kafka.MaxInFlightBytes > 0 && c.Kafka.MaxInFlightBytes < c.Records.MaxBytes {
		p.add("kafka.max_in_flight_bytes", "%v is less than records.max_bytes (%v)", c.Kafka.MaxInFlightBytes, c.Records.MaxBytes)
	}
	return p.err()
}

// kindNames lists the names of the kinds the scanner finds, as written in
// YAML.
var kindNames = func() string {
	names := make([]string, 0, len(detectors.Builtin))
	for k := detectors.Email; k.Scanned(); k++ {
		names = append(names, strings.ToLower(k.String()))
	}
	return strings.Join(names, ", ")
}()

// parseKind reads the name of a kind the scanner finds, or of one of also.
func parseKind(path, name string, p *problems, also ...detectors.Kind) (detectors.Kind, bool) {
	k, ok := detectors.ParseKind(name)
	if ok && (k.Scanned() || slices.Contains(also, k)) {
		return k, true
	}
	want := kindNames
	for _, a := range also {
		want += ", " + strings.ToLower(a.String())
	}
	p.add(path, "unknown kind %q (want %s)", name, want)
	return detectors.None, false
}

// maxPhoneRegions is how many phone regions the detectors accept.
const maxPhoneRegions = 64

// Validate checks kind names, phone regions, advertising-ID keys and locale
// fields.
func (d *Detectors) Validate() error {
	var p problems
	seen := make(map[detectors.Kind]bool)
	for i, name := range d.Kinds {
		path := "kinds" + index(i)
		if k, ok := parseKind(path, name, &p); ok {
			if seen[k] {
				p.add(path, "duplicate kind %q", name)
			}
			seen[k] = true
		}
	}
	regions := phonenumbers.GetSupportedRegions()
	seenRegion := make(map[string]bool, len(d.PhoneRegions))
	for i, r := range d.PhoneRegions {
		path, upper := "phone_regions"+index(i), strings.ToUpper(r)
		switch {
		case !regions[upper]:
			p.add(path, "unknown region %q (want an ISO 3166-1 alpha-2 code such as US or CN)", r)
		case seenRegion[upper]:
			p.add(path, "duplicate region %q", r)
		}
		seenRegion[upper] = true
	}
	if len(d.PhoneRegions) > maxPhoneRegions {
		p.add("phone_regions", "%d regions, at most %d", len(d.PhoneRegions), maxPhoneRegions)
	}
	for i, key := range d.AdIDKeys {
		if strings.TrimSpace(key) == "" {
			p.add("adid_keys"+index(i), "must not be empty")
		}
	}
	for i, key := range d.LocaleFields {
		switch path := "locale_fields" + index(i); {
		case key == "" || strings.ContainsAny(key, `"\`):
			p.add(path, "%q: want a key name, without quotes or backslashes", key)
		case key == Off && len(d.LocaleFields) > 1:
			p.add(path, "%q turns the lookup off: list nothing else with it", key)
		}
	}
	p.sub("custom", validateCustom(d.Custom))
	return p.err()
}

const actionNames = "tokenize, mask, label, generalize, drop"

func parseAction(path, name string, p *problems) (transforms.Action, bool) {
	a, err := transforms.ParseAction(name)
	if err != nil {
		p.add(path, "unknown action %q (want %s)", name, actionNames)
		return a, false
	}
	return a, true
}

// Validate checks the actions, the token template and the mask settings.
func (t *Transforms) Validate() error {
	var p problems
	parseAction("default", t.Default, &p)
	seen := make(map[detectors.Kind]string)
	for _, name := range slices.Sorted(maps.Keys(t.Kinds)) {
		path := "kinds." + name
		if k, ok := parseKind(path, name, &p, detectors.FreeText...); ok {
			if other, dup := seen[k]; dup {
				p.add(path, "%q names the same kind as kinds.%s", name, other)
			}
			seen[k] = name
		}
		parseAction(path, t.Kinds[name], &p)
	}
	if err := validateTemplate(t.Template); err != nil {
		p.add("template", "%q: %w", t.Template, err)
	}
	p.sub("mask", t.Mask.Validate())
	return p.err()
}

// validateTemplate checks that a token template holds {mac} and no
// placeholder other than {kind}, {key} and {mac}.
func validateTemplate(s string) error {
	mac := false
	for rest := s; ; {
		i := strings.IndexAny(rest, "{}")
		if i < 0 {
			break
		}
		if rest[i] == '}' {
			return errors.New("unmatched }")
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return errors.New("unmatched {")
		}
		switch ph := rest[i : i+j+1]; ph {
		case "{kind}", "{key}":
		case "{mac}":
			mac = true
		default:
			return fmt.Errorf("unknown placeholder %s (want {kind}, {key}, {mac})", ph)
		}
		rest = rest[i+j+1:]
	}
	if !mac {
		return errors.New("must contain {mac}")
	}
	return nil
}

// maxMaskKeep bounds Mask.Head and Mask.Tail.
const maxMaskKeep = 64

// Validate checks that head and tail are in [0, 64] and char is one of
// transforms.MaskChars, the characters that cannot make a masked value look
// like personal data again.
func (m *Mask) Validate() error {
	var p problems
	if m.Head < 0 || m.Head > maxMaskKeep {
		p.add("head", "%d out of range [0, %d]", m.Head, maxMaskKeep)
	}
	if m.Tail < 0 || m.Tail > maxMaskKeep {
		p.add("tail", "%d out of range [0, %d]", m.Tail, maxMaskKeep)
	}
	if len(m.Char) != 1 || !strings.Contains(transforms.MaskChars, m.Char) {
		p.add("char", "%q: want one of %q", m.Char, transforms.MaskChars)
	}
	return p.err()
}

// maxRecordBytes bounds Records.MaxBytes.
const maxRecordBytes = 1 * GiB

// Validate checks the record size limit and the error policy.
func (r *Records) Validate() error {
	var p problems
	if r.MaxBytes <= 0 || r.MaxBytes > maxRecordBytes {
		p.add("max_bytes", "%d out of range [1, %v]", int64(r.MaxBytes), maxRecordBytes)
	}
	if r.OnError != OnErrorMarker && r.OnError != OnErrorFail {
		p.add("on_error", "unknown policy %q (want %s, %s)", r.OnError, OnErrorMarker, OnErrorFail)
	}
	return p.err()
}

var compressions = []string{"none", "gzip", "snappy", "lz4", "zstd"}

// Validate checks brokers, topics, inputs and the batching and in-flight
// limits.
func (k *Kafka) Validate() error {
	var p problems
	if len(k.Brokers) == 0 {
		p.add("brokers", "must not be empty")
	}
	for i, b := range k.Brokers {
		if err := validateBroker(b); err != nil {
			p.add("brokers"+index(i), "%q: %w", b, err)
		}
	}
	if k.Group == "" {
		p.add("group", "must not be empty")
	}
	validateTopic("dlq", k.DLQ, &p)
	if len(k.Inputs) == 0 {
		p.add("inputs", "must not be empty")
	}
	inputs := make(map[string]int, len(k.Inputs))
	for i := range k.Inputs {
		in := &k.Inputs[i]
		p.sub("inputs"+index(i), in.Validate())
		if j, dup := inputs[in.Topic]; dup && in.Topic != "" {
			p.add("inputs"+index(i)+".topic", "%q is already inputs[%d].topic", in.Topic, j)
		} else {
			inputs[in.Topic] = i
		}
	}
	if j, ok := inputs[k.DLQ]; ok && k.DLQ != "" {
		p.add("dlq", "%q is also inputs[%d].topic", k.DLQ, j)
	}
	for i, in := range k.Inputs {
		if j, ok := inputs[in.Output]; ok && in.Output != "" {
			p.add("inputs"+index(i)+".output", "%q is also inputs[%d].topic: output would loop back", in.Output, j)
		}
		if in.Output == k.DLQ && in.Output != "" {
			p.add("inputs"+index(i)+".output", "%q is the dead-letter topic", in.Output)
		}
	}
	if !slices.Contains(compressions, k.Compression) {
		p.add("compression", "unknown codec %q (want %s)", k.Compression, strings.Join(compressions, ", "))
	}
	if k.BatchSize <= 0 {
		p.add("batch_size", "%d: must be positive", k.BatchSize)
	}
	if k.BatchTimeout <= 0 {
		p.add("batch_timeout", "%v: must be positive", k.BatchTimeout)
	}
	if k.MaxInFlightRecords <= 0 {
		p.add("max_in_flight_records", "%d: must be positive", k.MaxInFlightRecords)
	}
	if k.MaxInFlightBytes <= 0 {
		p.add("max_in_flight_bytes", "%d: must be positive", int64(k.MaxInFlightBytes))
	}
	p.sub("tls", k.TLS.Validate())
	p.sub("sasl", k.SASL.Validate())
	return p.err()
}

// validateBroker checks a host:port address.
func validateBroker(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return errors.New("want host:port")
	}
	if host == "" {
		return errors.New("missing host")
	}
	if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
		return errors.New("port must be a number in [1, 65535]")
	}
	return nil
}

// validateTopic checks a Kafka topic name: 1 to 249 characters from
// [a-zA-Z0-9._-], not "." or "..".
func validateTopic(path, name string, p *problems) {
	if name == "" {
		p.add(path, "must not be empty")
		return
	}
	ok := len(name) <= 249 && name != "." && name != ".."
	for i := 0; ok && i < len(name); i++ {
		c := name[i]
		ok = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '-'
	}
	if !ok {
		p.add(path, "invalid topic name %q (want 1 to 249 of a-z A-Z 0-9 . _ -)", name)
	}
}

// InputKinds are the event kinds an input topic can carry.
var InputKinds = []string{"usage", "log", "prompt"}

// Validate checks the topic names, the kind and the format.
func (in *Input) Validate() error {
	var p problems
	validateTopic("topic", in.Topic, &p)
	if !slices.Contains(InputKinds, in.Kind) {
		p.add("kind", "unknown kind %q (want %s)", in.Kind, strings.Join(InputKinds, ", "))
	}
	if _, err := transforms.ParseFormat(in.Format); err != nil {
		p.add("format", "unknown format %q (want auto, json, text)", in.Format)
	}
	validateTopic("output", in.Output, &p)
	return p.err()
}

// Validate checks that TLS files are set only with TLS enabled, and a
// client certificate and its key together.
func (t *TLS) Validate() error {
	var p problems
	if !t.Enabled {
		for _, f := range []struct {
			path string
			set  bool
		}{{"ca_file", t.CAFile != ""}, {"cert_file", t.CertFile != ""}, {"key_file", t.KeyFile != ""}, {"insecure_skip_verify", t.InsecureSkipVerify}} {
			if f.set {
				p.add(f.path, "set but tls.enabled is false")
			}
		}
		return p.err()
	}
	if (t.CertFile == "") != (t.KeyFile == "") {
		p.add("cert_file", "cert_file and key_file must be set together")
	}
	return p.err()
}

var saslMechanisms = []string{"plain", "scram-sha-256", "scram-sha-512"}

// Validate checks the mechanism and that a username and password come with
// it. The password is never shown.
func (s *SASL) Validate() error {
	var p problems
	if s.Mechanism == "" {
		if s.Username != "" || s.Password != "" || s.PasswordFile != "" {
			p.add("mechanism", "must be set when username or password is (want %s)", strings.Join(saslMechanisms, ", "))
		}
		return p.err()
	}
	if !slices.Contains(saslMechanisms, s.Mechanism) {
		p.add("mechanism", "unknown mechanism %q (want %s)", s.Mechanism, strings.Join(saslMechanisms, ", "))
	}
	if s.Username == "" {
		p.add("username", "must not be empty with sasl.mechanism set")
	}
	if s.Password == "" && s.PasswordFile == "" {
		p.add("password", "must not be empty with sasl.mechanism set (or give password_file, or $%s)", PasswordEnv)
	}
	return p.err()
}
