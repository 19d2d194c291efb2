package benchmarks

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"time"

	"github.com/pixelprivacy/veil/benchmarks/gen"
	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/transforms"
)

// BenchOptions configure Bench.
type BenchOptions struct {
	// Brokers for the Kafka stage; empty means an embedded broker.
	Brokers []string
	// Duration is about how long the Kafka stage drains records.
	Duration time.Duration
	// Quick shortens every stage, to finish in well under 30 seconds.
	Quick bool
	// Progress, if set, gets a line for each step.
	Progress func(format string, args ...any)
}

// Report is what Bench measured.
type Report struct {
	Started  time.Time     `json:"started"`
	Took     time.Duration `json:"took_ns"`
	Quick    bool          `json:"quick"`
	CPUs     int           `json:"cpus"`
	GoArch   string        `json:"goarch"`
	Speed    []Speed       `json:"speed"`
	Baseline Speed         `json:"regexp_baseline"`
	// Reference is ReferenceLoop's speed on the prose: the machine's,
	// to compare with ReferenceMBps.
	Reference Speed `json:"reference_loop"`
	// Ratio is the mixed corpus's speed over the regexp baseline's.
	Ratio    float64        `json:"ratio_to_regexp"`
	Accuracy []AccuracyRow  `json:"accuracy"`
	Kafka    *KafkaResult   `json:"kafka,omitempty"`
	KafkaErr string         `json:"kafka_error,omitempty"`
	Brokers  string         `json:"brokers"`
	Events   int            `json:"accuracy_events"`
	Totals   AccuracyTotals `json:"accuracy_totals"`
	// PhoneJoin is the share of the accuracy events' phone numbers that got
	// the token of their E.164 number (see PhoneTokens).
	PhoneJoin float64 `json:"phone_tokens_joined"`
	// Goals are the first targets, met or not by this run.
	Goals []Goal `json:"goals"`
}

// Speed is the redaction speed on one corpus, on one goroutine.
type Speed struct {
	Corpus string `json:"corpus"`
	// MBPerSec is the median round's speed; MinMBPerSec and MaxMBPerSec
	// the slowest and fastest of Rounds.
	MBPerSec        float64 `json:"mb_per_s"`
	MinMBPerSec     float64 `json:"min_mb_per_s"`
	MaxMBPerSec     float64 `json:"max_mb_per_s"`
	Rounds          int     `json:"rounds"`
	RecordsPerSec   float64 `json:"records_per_s"`
	AllocsPerRecord float64 `json:"allocs_per_record"`
	BytesPerRecord  float64 `json:"bytes_per_record"`
}

// AccuracyRow is the accuracy on the labeled generator for one kind or one
// language: recall of the planted values, precision against the labeled
// look-alikes (a decoy changed is a false positive), and decoys kept.
type AccuracyRow struct {
	Name       string  `json:"name"`
	Planted    int     `json:"planted"`
	Recall     float64 `json:"recall"`
	Precision  float64 `json:"precision"`
	Decoys     int     `json:"decoys"`
	DecoysKept float64 `json:"decoys_kept"`
}

// AccuracyTotals sums the rows over kinds.
type AccuracyTotals struct {
	AccuracyRow
	// MinRecall is the lowest recall of any kind.
	MinRecall float64 `json:"min_recall"`
}

// Bench runs the detection speed, accuracy and Kafka stages.
func Bench(ctx context.Context, o BenchOptions) (*Report, error) {
	progress := o.Progress
	if progress == nil {
		progress = func(string, ...any) {}
	}
	r := &Report{Started: time.Now().UTC(), Quick: o.Quick, CPUs: runtime.GOMAXPROCS(0), GoArch: runtime.GOARCH, Brokers: "embedded"}
	if len(o.Brokers) > 0 {
		r.Brokers = fmt.Sprint(o.Brokers)
	}
	perCorpus := time.Second
	events := 20000
	if o.Quick {
		perCorpus, events = 300*time.Millisecond, 3000
	}
	w, err := NewWorker()
	if err != nil {
		return nil, err
	}

	// 1. Speed, per kind of event, and the regexp baseline, on one core
	// as the goals are set: the garbage collector runs on it too.
	procs := runtime.GOMAXPROCS(1)
	// "mixed, in sessions" has the usage events of "mixed" in sessions
	// that share their identifiers, as a real stream's do: what the token
	// cache saves. The ratio to the baseline is the plain corpus's.
	for _, c := range SpeedCorpora {
		progress("speed: %s events", c.Title)
		corpus := GenerateWith(c.Options, SpeedEvents)
		s := measureSpeed(ctx, c.Title, corpus, perCorpus, func(dst, line []byte) []byte {
			out, _ := w.Redact(dst, line, transforms.FormatAuto)
			return out
		})
		r.Speed = append(r.Speed, s)
		if c.Name == "mixed" {
			progress("speed: Go regexp baseline on mixed events")
			re := NewRegexpBaseline()
			r.Baseline = measureSpeed(ctx, "regexp baseline (mixed)", corpus, perCorpus, re.Redact)
			if r.Baseline.MBPerSec > 0 {
				r.Ratio = s.MBPerSec / r.Baseline.MBPerSec
			}
		}
	}
	progress("speed: PII-free prose")
	prose := &Corpus{}
	for range 64 {
		line := Prose(4 << 10)
		prose.Events = append(prose.Events, gen.Event{Line: line})
		prose.Bytes += int64(len(line))
	}
	r.Speed = append(r.Speed, measureSpeed(ctx, "prose", prose, perCorpus, func(dst, line []byte) []byte {
		out, _ := w.Redact(dst, line, transforms.FormatText)
		return out
	}))
	progress("speed: the reference loop, for the machine's own speed")
	r.Reference = measureSpeed(ctx, "reference loop (prose)", prose, perCorpus, func(dst, line []byte) []byte {
		return append(dst, byte(ReferenceLoop(line))) // a result, so that the loop is not optimized away
	})
	runtime.GOMAXPROCS(procs)
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	// 2. Accuracy on the labeled generator.
	progress("accuracy: %d labeled events", events)
	labeled := LabeledCorpus(events).Events
	er, err := NewEventRedactor()
	if err != nil {
		return nil, err
	}
	acc := Measure(labeled, func(dst []byte, ev *gen.Event) []byte {
		out, _ := er.Redact(dst, ev, transforms.FormatAuto)
		return out
	})
	redact := func(dst, line []byte) []byte {
		out, _ := w.Redact(dst, line, transforms.FormatAuto)
		return out
	}
	r.PhoneJoin = MeasurePhoneTokens(labeled, redact, func(dst, e164 []byte) []byte {
		return w.AppendToken(dst, detectors.Phone, e164)
	}).Rate()
	r.Events = acc.Events
	r.Totals.MinRecall = 1
	for _, k := range acc.Kinds() {
		row := accuracyRow(k.String(), acc.ByKind[k])
		r.Accuracy = append(r.Accuracy, row)
		if acc.ByKind[k].Planted > 0 {
			r.Totals.MinRecall = min(r.Totals.MinRecall, row.Recall)
		}
	}
	for _, l := range acc.Langs() {
		name := "prompts, " + l
		if l == "-" {
			name = "usage and logs"
		}
		r.Accuracy = append(r.Accuracy, accuracyRow(name, acc.ByLang[l]))
	}
	r.Totals.AccuracyRow = accuracyRow("all", &acc.Total)
	r.Goals = goals(r, r.Accuracy[:len(acc.Kinds())])

	// 3. Kafka end to end.
	records := int(o.Duration.Seconds() * 100_000)
	if o.Quick {
		records = 50_000
	}
	records = max(records, 10_000)
	progress("kafka: %d records through the pipeline (%s broker)", records, r.Brokers)
	res, err := KafkaLoad(ctx, KafkaOptions{Brokers: o.Brokers, Records: records, LatencyRate: 20_000, LatencyDuration: time.Second})
	if err != nil {
		r.KafkaErr = err.Error()
		progress("kafka: %v", err)
	} else {
		r.Kafka = &res
	}
	r.Took = time.Since(r.Started)
	return r, ctx.Err()
}

// speedRounds is how many rounds measureSpeed splits its time into.
const speedRounds = 5

// measureSpeed redacts the corpus with redact, over and over, in
// speedRounds rounds of about d/speedRounds and at least one pass each (a
// corpus whose one pass takes d or longer gets one round), and reports the
// median round's speed with the slowest's and the fastest's: on a shared
// machine a round may meet another process's burst, which the median
// leaves out and the range shows. How many rounds it runs does not depend
// on how busy the machine is.
func measureSpeed(ctx context.Context, name string, c *Corpus, d time.Duration, redact func(dst, line []byte) []byte) Speed {
	out := make([]byte, 0, 1<<20)
	for _, ev := range c.Events { // warm the caches and buffers
		out = redact(out[:0], ev.Line)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var rounds []float64 // MB/s
	var records int64
	start := time.Now()
	for len(rounds) == 0 || len(rounds) < speedRounds && ctx.Err() == nil {
		round := time.Now()
		var bytes int64
		passes := 0
		for passes == 0 || time.Since(round) < d/speedRounds && ctx.Err() == nil {
			for _, ev := range c.Events {
				out = redact(out[:0], ev.Line)
			}
			records += int64(len(c.Events))
			bytes += c.Bytes
			passes++
		}
		rounds = append(rounds, float64(bytes)/time.Since(round).Seconds()/1e6)
		if passes == 1 && time.Since(start) >= d {
			break // a slow corpus
		}
	}
	runtime.ReadMemStats(&after)
	slices.Sort(rounds)
	mbps := rounds[len(rounds)/2]
	if len(rounds)%2 == 0 {
		mbps = (rounds[len(rounds)/2-1] + mbps) / 2
	}
	perRecord := float64(c.Bytes) / float64(max(len(c.Events), 1))
	return Speed{
		Corpus:          name,
		MBPerSec:        mbps,
		MinMBPerSec:     rounds[0],
		MaxMBPerSec:     rounds[len(rounds)-1],
		Rounds:          len(rounds),
		RecordsPerSec:   mbps * 1e6 / perRecord,
		AllocsPerRecord: float64(after.Mallocs-before.Mallocs) / float64(records),
		BytesPerRecord:  perRecord,
	}
}

func accuracyRow(name string, t *Tally) AccuracyRow {
	fp := t.Decoys - t.Kept
	precision := 1.0
	if t.Removed+fp > 0 {
		precision = float64(t.Removed) / float64(t.Removed+fp)
	}
	return AccuracyRow{Name: name, Planted: t.Planted, Recall: t.Recall(), Precision: precision, Decoys: t.Decoys, DecoysKept: t.DecoysKept()}
}
