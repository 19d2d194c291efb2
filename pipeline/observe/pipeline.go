package observe

import (
	"slices"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/pixelprivacy/veil/pipeline/dataset"
	"github.com/pixelprivacy/veil/pipeline/kafkarun"
	"github.com/pixelprivacy/veil/pipeline/policy"
)

// Pipeline collects the metrics of `veil run`: its runner, the findings of
// its workers and its consent follower.
type Pipeline struct {
	Runner *kafkarun.Runner
	// Findings returns the findings so far by kind name; nil for none.
	Findings func() map[string]uint64
	// Follower is the consent follower; nil if there is none.
	Follower *policy.Follower
}

var (
	recordsIn       = desc("veil_records_in_total", "Records fetched from an input topic.", "topic")
	recordsOut      = desc("veil_records_out_total", "De-identified records acknowledged by the output topic.", "topic")
	recordsDLQ      = desc("veil_records_dead_lettered_total", "Records that could not be de-identified, sent to the dead-letter topic as metadata.", "topic", "reason")
	recordsDropped  = desc("veil_records_dropped_total", "Records the policy gate kept from training.", "topic", "reason")
	bytesIn         = desc("veil_bytes_in_total", "Key, value and header bytes fetched.", "topic")
	bytesOut        = desc("veil_bytes_out_total", "Key, value and header bytes written to output topics.", "topic")
	findings        = desc("veil_findings_total", "Personal data found, by kind.", "kind")
	latency         = desc("veil_record_latency_seconds", "Time from a record's timestamp to its output's acknowledgement (or its drop).")
	lag             = desc("veil_consumer_lag_records", "Records in an input partition past the committed offset, as of the last fetch.", "topic", "partition")
	commits         = desc("veil_commits_total", "Successful offset commits.")
	commitErrors    = desc("veil_commit_errors_total", "Failed offset commits (retried).")
	writeErrors     = desc("veil_write_errors_total", "Failed batch writes (retried, nothing skipped).")
	fetchErrors     = desc("veil_fetch_errors_total", "Failed fetches (retried).")
	inFlightRecords = desc("veil_in_flight_records", "Records fetched and not yet acknowledged.")
	inFlightBytes   = desc("veil_in_flight_bytes", "Bytes of the records fetched and not yet acknowledged.")
	consentRecords  = desc("veil_consent_records_total", "Records read from the consent topic.")
	consentBad      = desc("veil_consent_malformed_total", "Consent records that could not be read, each taken as a withdrawal.")
	consentUsers    = desc("veil_consent_users", "Users in the consent table.")
)

// Describe implements prometheus.Collector.
func (p *Pipeline) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{recordsIn, recordsOut, recordsDLQ, recordsDropped, bytesIn, bytesOut, findings, latency, lag,
		commits, commitErrors, writeErrors, fetchErrors, inFlightRecords, inFlightBytes, consentRecords, consentBad, consentUsers} {
		ch <- d
	}
}

// Collect implements prometheus.Collector, reading the counters now.
func (p *Pipeline) Collect(ch chan<- prometheus.Metric) {
	for _, t := range p.Runner.TopicStats() {
		counter(ch, recordsIn, t.RecordsIn, t.Topic)
		counter(ch, recordsOut, t.RecordsOut, t.Topic)
		counter(ch, bytesIn, t.BytesIn, t.Topic)
		counter(ch, bytesOut, t.BytesOut, t.Topic)
		for reason, n := range t.DLQ {
			counter(ch, recordsDLQ, n, t.Topic, reason)
		}
		for reason, n := range t.Dropped {
			counter(ch, recordsDropped, n, t.Topic, reason)
		}
	}
	for _, ps := range p.Runner.PartitionStats() {
		gauge(ch, lag, float64(ps.Lag), ps.Topic, itoa(ps.Partition))
	}
	st := p.Runner.Stats()
	counter(ch, commits, st.Commits)
	counter(ch, commitErrors, st.CommitErrors)
	counter(ch, writeErrors, st.WriteErrors)
	counter(ch, fetchErrors, st.FetchErrors)
	gauge(ch, inFlightRecords, float64(st.InFlightRecords))
	gauge(ch, inFlightBytes, float64(st.InFlightBytes))
	ch <- latencyHistogram(latency, st.Latency)
	if p.Findings != nil {
		for kind, n := range p.Findings() {
			counter(ch, findings, n, kind)
		}
	}
	if f := p.Follower; f != nil {
		fs := f.Stats()
		counter(ch, consentRecords, fs.Records)
		counter(ch, consentBad, fs.Malformed)
		gauge(ch, consentUsers, float64(fs.Users))
	}
}

// latencyBounds are the histogram's bucket bounds, in seconds.
var latencyBounds = []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60}

// distribution is a latency distribution in fine buckets, as
// kafkarun.Latency is.
type distribution interface {
	Buckets(f func(upper time.Duration, cumulative uint64))
	Sum() time.Duration
}

// latencyHistogram turns the runner's fine log-linear buckets into the
// Prometheus histogram's; a fine bucket counts in the first bound at or
// above its upper end, so counts can only lean late.
func latencyHistogram(d *prometheus.Desc, l distribution) prometheus.Metric {
	counts := make(map[float64]uint64, len(latencyBounds))
	var total uint64
	l.Buckets(func(upper time.Duration, cumulative uint64) {
		total = cumulative
		i, _ := slices.BinarySearch(latencyBounds, upper.Seconds())
		for _, b := range latencyBounds[i:] {
			counts[b] = max(counts[b], cumulative)
		}
	})
	return prometheus.MustNewConstHistogram(d, total, l.Sum().Seconds(), counts)
}

// Export collects the metrics of `veil export`.
type Export struct {
	Exporter *dataset.Exporter
}

var (
	exportRecords = desc("veil_export_records_total", "Records written to dataset shards.")
	exportShards  = desc("veil_export_shards_total", "Dataset shards finished (renamed and in the manifest).")
	exportOpen    = desc("veil_export_open_shards", "Shards being written.")
)

// Describe implements prometheus.Collector.
func (x *Export) Describe(ch chan<- *prometheus.Desc) {
	ch <- exportRecords
	ch <- exportShards
	ch <- exportOpen
}

// Collect implements prometheus.Collector.
func (x *Export) Collect(ch chan<- prometheus.Metric) {
	st := x.Exporter.Stats()
	counter(ch, exportRecords, uint64(st.Records))
	counter(ch, exportShards, uint64(st.Shards))
	gauge(ch, exportOpen, float64(st.Open))
}
