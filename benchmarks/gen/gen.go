// Package gen generates labeled synthetic events for veil's tests, benchmarks,
// accuracy report and demo: mobile-app usage telemetry (JSON), nginx access and
// application log lines, and AI prompts (JSON with free text in eleven
// languages). Every event carries its ground truth: the personal values planted
// in it and the look-alikes (decoys) that a correct redactor must leave alone,
// each with its exact bytes and offset in the line.
//
// A Generator is deterministic: with the same Options, a given version of this
// package produces the same sequence of events on every platform and Go
// version. It is not safe for concurrent use; give each goroutine its own,
// seeded differently.
package gen

import (
	"bytes"
	"errors"
	"fmt"
	"slices"

	"github.com/pixelprivacy/veil/detectors"
)

// The event kinds, as found in Event.Kind.
const (
	Usage  = "usage"  // JSON telemetry from the mobile app
	Log    = "log"    // an nginx access line or an application log line
	Prompt = "prompt" // JSON carrying a user's free-text prompt
)

// Langs lists the languages of generated prompts (ISO 639-1).
var Langs = []string{"en", "zh", "es", "de", "fr", "ja", "pt", "ru", "ko", "ar", "hi"}

// PhoneRegions lists the regions (ISO 3166-1 alpha-2) whose numbers the
// generator plants, in national or international format. Configure a detector
// with all of them to be able to find every planted phone number.
var PhoneRegions = func() []string {
	codes := make([]string, len(phoneRegions))
	for i, r := range phoneRegions {
		codes[i] = r.code
	}
	return codes
}()

// Event is one generated record with the personal data planted in it.
type Event struct {
	Kind   string    // Usage, Log or Prompt
	Lang   string    // ISO 639-1 language of a prompt's text; "" for usage and log events
	Line   []byte    // the record, one line, no trailing newline
	PII    []Planted // every personal value planted, in order of Off
	Decoys []Planted // look-alikes that must survive redaction untouched, in order of Off
	Minor  bool      // a usage event of a child under 13 (see Options.Minors)
}

// Planted is one labeled value in an Event's Line.
type Planted struct {
	// Kind is the kind of personal data; for a decoy, the kind it imitates.
	Kind detectors.Kind
	// Value is the value's raw bytes as they appear in Line: inside a JSON
	// string still escaped ("li.wei\u0040163.com"), in a URL still
	// percent-encoded ("li.wei%40163.com").
	Value string
	// Off is the byte offset of Value in Line: Line[Off:Off+len(Value)] == Value.
	Off int
	// E164 is a phone number in E.164, as the generator drew it for its
	// region ("+8613800138000"); empty for other kinds.
	E164 string
}

// Options configure a Generator. The zero value is usable.
type Options struct {
	// Seed selects the sequence of events.
	Seed int64
	// Mix weighs the kinds usage, log and prompt; negative weights count as
	// zero, and all zero means 5, 3, 2.
	Mix [3]int
	// Langs restricts prompts to these languages (see Langs); empty means
	// all of them. Unknown codes are ignored (Validate reports them).
	Langs []string
	// Minors is the percentage of usage events from children under 13, the
	// app's minimum age, whose records a policy gate must drop; 0 (the
	// default) makes every user 13 or older.
	Minors int
	// Sessions is how many usage events in a row come from one user on one
	// device and so carry the same identifiers (user ID, e-mail, phone,
	// device IDs, IP address), as they do in a real stream; 0 or 1 (the
	// default, which seeded corpora are made with) gives every event fresh
	// ones.
	Sessions int
	// Personal adds to each language's prompts some in which people give
	// personal details in free text (see introductions): their names or
	// a relative's ("my name is Emily Jones", "我叫李伟"), handles
	// ("@sarah_miller07"), addresses ("42 Oak Avenue"), dates of birth
	// ("born on March 14, 2015") and e-mail addresses spelled out, with
	// decoys of each. Without it (the speed corpora) the events are those
	// of the seeds before these were found.
	Personal bool
}

// Validate reports options that New would ignore or replace: unknown
// languages, negative mix weights and session lengths, and a share of
// minors outside 0-100.
func (o Options) Validate() error {
	var errs []error
	for i, w := range o.Mix {
		if w < 0 {
			errs = append(errs, fmt.Errorf("gen: mix[%d]: must not be negative, got %d", i, w))
		}
	}
	if o.Minors < 0 || o.Minors > 100 {
		errs = append(errs, fmt.Errorf("gen: minors: want a percentage from 0 to 100, got %d", o.Minors))
	}
	if o.Sessions < 0 {
		errs = append(errs, fmt.Errorf("gen: sessions: must not be negative, got %d", o.Sessions))
	}
	for i, l := range o.Langs {
		if !slices.Contains(Langs, l) {
			errs = append(errs, fmt.Errorf("gen: langs[%d]: unknown language %q", i, l))
		}
	}
	return errors.Join(errs...)
}

// Generator produces a deterministic sequence of events.
type Generator struct {
	r        rng
	mix      [3]int // cumulative weights of usage, log, prompt
	langs    []*language
	clock    int64 // event time, Unix milliseconds, moving forward
	minors   int   // Options.Minors
	minor    bool  // the event in g.b is a minor's
	personal bool  // Options.Personal
	b        builder
	// With sessions, the identifiers of a usage event are drawn from
	// session, restarted at sessionSeed for each event of the session;
	// left is how many more events it has.
	sessions    int
	session     rng
	sessionSeed int64
	left        int
}

// New returns a Generator for o.
func New(o Options) *Generator {
	g := &Generator{clock: startMillis, minors: min(max(o.Minors, 0), 100), sessions: o.Sessions, personal: o.Personal}
	g.r.seed(o.Seed)
	w := o.Mix
	total := 0
	for i := range w {
		w[i] = max(w[i], 0)
		total += w[i]
	}
	if total == 0 {
		w = [3]int{5, 3, 2}
	}
	g.mix = [3]int{w[0], w[0] + w[1], w[0] + w[1] + w[2]}
	for _, l := range languages {
		if len(o.Langs) == 0 || slices.Contains(o.Langs, l.code) {
			g.langs = append(g.langs, l)
		}
	}
	if len(g.langs) == 0 {
		g.langs = languages
	}
	return g
}

// Next returns the next event. Its Line and labels are its own: the
// Generator keeps no reference to them.
func (g *Generator) Next() Event {
	kind, lang := g.generate()
	line := bytes.Clone(g.b.buf)
	text := string(line)
	ev := Event{Kind: kind, Lang: lang, Line: line, Minor: g.minor}
	var npii int
	for _, l := range g.b.labels {
		if !l.decoy {
			npii++
		}
	}
	all := make([]Planted, len(g.b.labels)) // one allocation for both lists
	ev.PII, ev.Decoys = all[:0:npii], all[npii:npii]
	for _, l := range g.b.labels {
		p := Planted{Kind: l.kind, Value: text[l.start:l.end], Off: int(l.start)}
		if l.e164[1] > l.e164[0] {
			p.E164 = string(g.b.e164s[l.e164[0]:l.e164[1]])
		}
		if l.decoy {
			ev.Decoys = append(ev.Decoys, p)
		} else {
			ev.PII = append(ev.PII, p)
		}
	}
	return ev
}

// AppendNext generates the next event, as Next would, without allocating
// labels: it appends the record to dst and returns an Event whose Line is the
// appended record (in dst's spare capacity when it fits) and whose PII and
// Decoys are nil. It is meant for load generators, which can reuse one buffer:
//
//	ev := g.AppendNext(buf[:0])
//	buf = ev.Line
func (g *Generator) AppendNext(dst []byte) Event {
	kind, lang := g.generate()
	n := len(dst)
	dst = append(dst, g.b.buf...)
	return Event{Kind: kind, Lang: lang, Line: dst[n:], Minor: g.minor}
}

// identity returns where a usage event draws its user's and device's
// identifiers from: the generator's sequence, or with sessions the one of
// the session, drawn alike for each of its events. Without sessions it
// draws nothing more, so seeds keep their events.
func (g *Generator) identity() *rng {
	if g.sessions <= 1 {
		return &g.r
	}
	if g.left == 0 {
		g.sessionSeed, g.left = int64(g.r.pcg.Uint64()), g.sessions
	}
	g.left--
	g.session.seed(g.sessionSeed)
	return &g.session
}

// generate writes the next record and its labels into g.b.
func (g *Generator) generate() (kind, lang string) {
	g.clock += int64(1 + g.r.intn(250))
	g.b.reset()
	g.minor = false
	switch n := g.r.intn(g.mix[2]); {
	case n < g.mix[0]:
		g.usage()
		return Usage, ""
	case n < g.mix[1]:
		g.log()
		return Log, ""
	default:
		l := g.langs[g.r.intn(len(g.langs))]
		g.prompt(l)
		return Prompt, l.code
	}
}
