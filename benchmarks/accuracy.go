// Package benchmarks measures veil: detection speed against a Go regexp
// baseline, accuracy on the labeled synthetic events of package gen, and
// end-to-end throughput.
package benchmarks

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/pixelprivacy/veil/benchmarks/gen"
	"github.com/pixelprivacy/veil/config"
	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/transforms"
	"github.com/pixelprivacy/veil/transforms/lang"
)

// LabeledCorpus returns the n events accuracy is measured on: seed 7, with
// personal details in prompts (gen.Options.Personal).
func LabeledCorpus(n int) *Corpus { return GenerateWith(gen.Options{Seed: 7, Personal: true}, n) }

// EventRedactor redacts the generator's events as veil run reads their
// content: a prompt's free text with the prompt policy's language detection
// and names, any other event with the detectors alone. The policy's field
// rules and consent gate are left out, as the accuracy measured is the
// detectors'.
type EventRedactor struct {
	w      *transforms.Worker
	prompt *transforms.Profile
}

// NewEventRedactor builds an EventRedactor with the default configuration
// and a fresh ephemeral key.
func NewEventRedactor() (*EventRedactor, error) {
	cfg := config.Default()
	d, err := lang.New(cfg.Languages.Set, lang.Options{LowAccuracy: true})
	if err != nil {
		return nil, err
	}
	free := transforms.ProfileOptions{Language: cfg.Profile(gen.Prompt, d).Language}
	e, err := NewEngineWith(transforms.Options{Profiles: map[string]transforms.ProfileOptions{gen.Prompt: free}})
	if err != nil {
		return nil, err
	}
	return &EventRedactor{w: e.NewWorker(), prompt: e.Profile(gen.Prompt)}, nil
}

// Redact appends ev's line, redacted as format f, to dst.
func (r *EventRedactor) Redact(dst []byte, ev *gen.Event, f transforms.Format) ([]byte, error) {
	if ev.Kind == gen.Prompt {
		out, _, err := r.w.RedactRecord(dst, ev.Line, f, r.prompt)
		return out, err
	}
	return r.w.Redact(dst, ev.Line, f)
}

// Worker returns the worker that redacts, for its tokens.
func (r *EventRedactor) Worker() *transforms.Worker { return r.w }

// Tally counts planted values found and decoys kept for one kind or language.
type Tally struct {
	Planted, Removed int // planted values, and those gone from the output
	Decoys, Kept     int // decoys, and those left untouched
}

// Recall is the share of planted values removed, 1 when none were planted.
func (t Tally) Recall() float64 { return ratio(t.Removed, t.Planted) }

// DecoysKept is the share of decoys left untouched, 1 when there were none.
func (t Tally) DecoysKept() float64 { return ratio(t.Kept, t.Decoys) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Accuracy is the result of redacting labeled events.
type Accuracy struct {
	Events int
	ByKind map[detectors.Kind]*Tally
	ByLang map[string]*Tally // prompts by language; usage and logs under "-"
	Total  Tally
	// Misses holds up to a few examples of planted values left in the output
	// and decoys changed, for debugging the detectors on synthetic data.
	Misses []Miss
}

// Miss is one planted value that survived, or one decoy that did not.
type Miss struct {
	Kind  detectors.Kind
	Decoy bool
	Value string
	Line  string
}

const maxMisses = 20

// Kinds returns the kinds tallied, in detectors.Builtin order.
func (a *Accuracy) Kinds() []detectors.Kind {
	var ks []detectors.Kind
	for k := range a.ByKind {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// Langs returns the languages tallied, sorted.
func (a *Accuracy) Langs() []string {
	var ls []string
	for l := range a.ByLang {
		ls = append(ls, l)
	}
	slices.Sort(ls)
	return ls
}

// Measure redacts each event with redact and tallies, per kind and per
// language, the planted values that are gone from the output and the decoys
// that are still in it.
func Measure(events []gen.Event, redact func(dst []byte, ev *gen.Event) []byte) *Accuracy {
	a := &Accuracy{ByKind: map[detectors.Kind]*Tally{}, ByLang: map[string]*Tally{}}
	var out []byte
	for i := range events {
		ev := &events[i]
		out = redact(out[:0], ev)
		lang := ev.Lang
		if lang == "" {
			lang = "-"
		}
		a.Events++
		for _, p := range ev.PII {
			removed := gone(out, ev, p.Value)
			for _, t := range a.tallies(p.Kind, lang) {
				t.Planted++
				if removed {
					t.Removed++
				}
			}
			if !removed {
				a.miss(Miss{Kind: p.Kind, Value: p.Value, Line: string(ev.Line)})
			}
		}
		for _, d := range ev.Decoys {
			kept := bytes.Contains(out, []byte(d.Value))
			for _, t := range a.tallies(d.Kind, lang) {
				t.Decoys++
				if kept {
					t.Kept++
				}
			}
			if !kept {
				a.miss(Miss{Kind: d.Kind, Decoy: true, Value: d.Value, Line: string(ev.Line)})
			}
		}
	}
	return a
}

// gone reports whether the value v, planted in ev as personal data, is
// gone from out, the redacted line: whether out holds it fewer times than
// the line did by as many times as it was planted. A short value may be
// part of other text that stays ("park" of the handle "park" in the user
// ID "u_wfjpj0parkih", which the detectors alone keep). A line that holds
// it fewer times than planted holds it in another form (its characters
// JSON-escaped, as TestAccuracyEscapedJSON writes them), and out must hold
// it not at all.
func gone(out []byte, ev *gen.Event, v string) bool {
	planted := 0
	for _, p := range ev.PII {
		if p.Value == v {
			planted++
		}
	}
	return bytes.Count(out, []byte(v)) <= max(bytes.Count(ev.Line, []byte(v)), planted)-planted
}

func (a *Accuracy) tallies(k detectors.Kind, lang string) [3]*Tally {
	tk := a.ByKind[k]
	if tk == nil {
		tk = &Tally{}
		a.ByKind[k] = tk
	}
	tl := a.ByLang[lang]
	if tl == nil {
		tl = &Tally{}
		a.ByLang[lang] = tl
	}
	return [3]*Tally{tk, tl, &a.Total}
}

func (a *Accuracy) miss(m Miss) {
	if len(a.Misses) < maxMisses {
		a.Misses = append(a.Misses, m)
	}
}

// Table renders the tallies by kind and by language as a Markdown table.
func (a *Accuracy) Table() string {
	var b bytes.Buffer
	b.WriteString("| | planted | recall | decoys | decoys kept |\n|---|---:|---:|---:|---:|\n")
	row := func(name string, t *Tally) {
		fmt.Fprintf(&b, "| %s | %d | %.2f%% | %d | %.2f%% |\n", name, t.Planted, 100*t.Recall(), t.Decoys, 100*t.DecoysKept())
	}
	for _, k := range a.Kinds() {
		row(k.String(), a.ByKind[k])
	}
	for _, l := range a.Langs() {
		row("lang "+l, a.ByLang[l])
	}
	row("all", &a.Total)
	return b.String()
}
