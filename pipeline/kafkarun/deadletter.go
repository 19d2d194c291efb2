package kafkarun

import (
	"encoding/json"
	"time"

	"github.com/segmentio/kafka-go"
)

// DeadLetter is the value of a dead-letter record: where the record that
// could not be de-identified came from and why, never its key, value or
// headers.
type DeadLetter struct {
	Topic     string `json:"topic"`
	Partition int    `json:"partition"`
	Offset    int64  `json:"offset"`
	// Reason is a RecordError reason (invalid_utf8, too_large,
	// malformed_json; too_large also when the output topic refuses the
	// record's size), panic, timeout, or error for any other failure.
	Reason string `json:"reason"`
	// Field is the part of the record that failed: key, header or value;
	// empty for a timeout.
	Field string `json:"field,omitempty"`
	// Size is the record's key, value and header bytes.
	Size int `json:"size"`
	// Timestamp is the record's own timestamp.
	Timestamp time.Time `json:"timestamp"`
}

// Reasons a record goes to the dead-letter topic besides RecordError's.
const (
	ReasonPanic   = "panic"   // redacting the record panicked
	ReasonTimeout = "timeout" // redacting the record took longer than Options.RecordTimeout
)

// Fields of a record named in DeadLetter.Field.
const (
	FieldKey    = "key"
	FieldHeader = "header"
	FieldValue  = "value"
)

// deadLetter replaces j's output with its dead-letter record.
func (j *job) deadLetter(reason, field string) {
	d := DeadLetter{
		Topic:     j.in.Topic,
		Partition: j.in.Partition,
		Offset:    j.in.Offset,
		Reason:    reason,
		Field:     field,
		Size:      int(j.size),
		Timestamp: j.in.Time,
	}
	v, err := json.Marshal(d)
	if err != nil {
		// Only a timestamp outside the years 0-9999 fails to marshal;
		// without it, nothing can.
		d.Timestamp = time.Time{}
		v, _ = json.Marshal(d)
	}
	j.out = kafka.Message{Value: v, Partition: j.in.Partition}
	j.dead, j.reason = true, reason
}
