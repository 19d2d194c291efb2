package transforms

import (
	"fmt"
	"strconv"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/detectors/custom"
)

// Format says how Worker.Redact reads a record.
type Format uint8

const (
	// FormatAuto walks a record whose first non-space byte is '{' as JSON and
	// scans anything else as text.
	FormatAuto Format = iota
	// FormatJSON walks the record as one JSON value.
	FormatJSON
	// FormatText scans the whole record as text.
	FormatText
)

var formatNames = [...]string{FormatAuto: "auto", FormatJSON: "json", FormatText: "text"}

// String returns "auto", "json" or "text".
func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return "Format(" + strconv.Itoa(int(f)) + ")"
}

// ParseFormat returns the Format named "auto", "json" or "text".
func ParseFormat(s string) (Format, error) {
	for f, name := range formatNames {
		if s == name {
			return Format(f), nil
		}
	}
	return 0, fmt.Errorf("transforms: unknown format %q: want auto, json or text", s)
}

// Action is what replaces a finding.
type Action uint8

const (
	// Tokenize replaces a finding with a keyed, deterministic token such as
	// "<EMAIL:k1:ghjkmnpqrstvwxyzghjkmnpq>": equal values give equal tokens
	// under one key, so joins and counts survive, but the value cannot be
	// recovered without the key. It is the default for every kind.
	Tokenize Action = iota
	// Mask keeps a few characters at both ends (Options.MaskHead and
	// MaskTail, fewer in short values) and replaces each character between
	// them with Options.MaskChar: "13800138000" becomes "138****8000". An
	// e-mail address keeps the first character of its local part, the "@",
	// the dots of its domain and its last label: "li.lei@163.com" becomes
	// "l*****@***.com" (a masked local part with the real domain would still
	// be an address). If the detectors would find anything in a masked
	// value, every character of it is masked instead. In JSON, an escape
	// sequence counts as one character and is kept or masked whole.
	Mask
	// Label replaces a finding with its kind in brackets: "[PHONE]".
	Label
	// Generalize keeps a coarse, less identifying form: an IPv4 address
	// becomes its /24 network ("203.0.113.0/24"), an IPv6 address its /48
	// ("2001:db8:85a3::/48"; an IPv4-mapped one is treated as IPv4), a MAC
	// address its vendor prefix (OUI, "aa:bb:cc"), and an e-mail address the
	// token of the address followed by "@" and its lower-cased domain
	// ("<EMAIL:k1:...>@163.com"), an IBAN its country ("DE"). An address followed by a prefix length
	// ("10.0.0.0/8") is a network: it keeps the shorter of its own prefix and
	// the one above, and the prefix length is replaced with it, so that
	// generalizing twice changes nothing. Other kinds, and values that do not
	// parse, are tokenized.
	Generalize
	// Drop removes the finding. In JSON, the whole member (or array element)
	// whose value held the finding is removed (a record that is a single
	// dropped string becomes null); in text, the finding's bytes.
	Drop
)

var actionNames = [...]string{Tokenize: "tokenize", Mask: "mask", Label: "label", Generalize: "generalize", Drop: "drop"}

// String returns the action's name, as ParseAction accepts it.
func (a Action) String() string {
	if int(a) < len(actionNames) {
		return actionNames[a]
	}
	return "Action(" + strconv.Itoa(int(a)) + ")"
}

// ParseAction returns the Action named "tokenize", "mask", "label",
// "generalize" or "drop".
func ParseAction(s string) (Action, error) {
	for a, name := range actionNames {
		if s == name {
			return Action(a), nil
		}
	}
	return 0, fmt.Errorf("transforms: unknown action %q: want tokenize, mask, label, generalize or drop", s)
}

// Defaults for Options fields left zero.
const (
	DefaultTemplate       = "<{kind}:{key}:{mac}>"
	DefaultMaskHead       = 3
	DefaultMaskTail       = 4
	DefaultMaskChar       = '*'
	DefaultMaxRecordBytes = 1 << 20
)

// MaskChars lists the bytes allowed as Options.MaskChar: none of them can
// turn a masked value into something the detectors find again, and none
// needs escaping in JSON.
const MaskChars = "*#xX_~"

// Options configure an Engine. The zero value tokenizes every kind with the
// default template.
type Options struct {
	// Actions maps kinds to actions; a kind not in it is tokenized.
	Actions map[detectors.Kind]Action
	// Template is the token text: literal text with the placeholders {kind}
	// (the kind's name), {key} (the key ID) and {mac} (24 letters of the
	// keyed hash), which is required. Empty means DefaultTemplate.
	Template string
	// MaskHead and MaskTail are how many characters Mask keeps at the start
	// and the end of a value; 0 means the default (3 and 4), a negative
	// number keeps none. Short values keep fewer, so that at least a third
	// of the characters are always masked.
	MaskHead, MaskTail int
	// MaskChar replaces masked characters; it must be one of MaskChars.
	// 0 means '*'.
	MaskChar byte
	// MaxRecordBytes bounds the size of one record; 0 means 1 MiB.
	MaxRecordBytes int
	// Profiles are the policies of the kinds of event, by name ("usage",
	// "log", "prompt"); see Engine.Profile.
	Profiles map[string]ProfileOptions
	// Custom detectors run after the built-in scan, on text records and
	// on JSON string values; their kinds' actions are in Actions.
	Custom []*custom.Detector
	// LocaleFields are the JSON keys whose string value, a locale or a
	// country code ("ja_JP", "KR"), names the region where a phone number
	// of the same record written in national format is read first, if it
	// is valid there (see detectors.Set.LocaleRegion): the first of them
	// that names one of the detector set's regions counts. Detection is
	// not narrowed by it. nil means DefaultLocaleFields; an empty, non-nil
	// slice, none.
	LocaleFields []string
}

// DefaultLocaleFields are the keys mobile apps' telemetry names the
// device's locale and the user's country by.
var DefaultLocaleFields = []string{"locale", "country", "country_code", "countryCode"}

// Reason classifies a record that could not be de-identified.
type Reason uint8

const (
	// ReasonInvalidUTF8: the record is not valid UTF-8.
	ReasonInvalidUTF8 Reason = iota + 1
	// ReasonTooLarge: the record is longer than Options.MaxRecordBytes, or
	// its JSON nests deeper than MaxDepth.
	ReasonTooLarge
	// ReasonMalformedJSON: a record read as JSON is not valid JSON.
	ReasonMalformedJSON
	// ReasonDetectorTimeout: a custom detector ran out of time on the
	// record.
	ReasonDetectorTimeout
)

// String returns "invalid_utf8", "too_large", "malformed_json" or
// "detector_timeout", names fit for metric labels and dead-letter metadata.
func (r Reason) String() string {
	switch r {
	case ReasonInvalidUTF8:
		return "invalid_utf8"
	case ReasonTooLarge:
		return "too_large"
	case ReasonMalformedJSON:
		return "malformed_json"
	case ReasonDetectorTimeout:
		return "detector_timeout"
	}
	return "Reason(" + strconv.Itoa(int(r)) + ")"
}

// RecordError says why a record was rejected and where. It holds no bytes of
// the record, so it is safe to log and to send to a dead-letter topic.
type RecordError struct {
	Reason Reason
	// Offset is the byte offset in the record where the problem was found.
	Offset int
}

// Error returns a message such as "transforms: malformed_json at byte 17".
func (e *RecordError) Error() string {
	return "transforms: " + e.Reason.String() + " at byte " + strconv.Itoa(e.Offset)
}
