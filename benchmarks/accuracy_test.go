package benchmarks_test

import (
	"flag"
	"maps"
	"slices"
	"strconv"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/benchmarks"
	"github.com/pixelprivacy/veil/benchmarks/gen"
	"github.com/pixelprivacy/veil/config"
	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/transforms"
	"github.com/pixelprivacy/veil/transforms/lang"
)

// TestAccuracy redacts the labeled generator's events and holds the detectors
// to the bar: recall >= 99.5% for every kind (phone >= 99%) and
// decoys untouched >= 99.5%.
func TestAccuracy(t *testing.T) {
	n := 20000
	if testing.Short() {
		n = 3000
	}
	corpus := benchmarks.LabeledCorpus(n)
	r, err := benchmarks.NewEventRedactor()
	if err != nil {
		t.Fatal(err)
	}
	acc := benchmarks.Measure(corpus.Events, func(dst []byte, ev *gen.Event) []byte {
		out, err := r.Redact(dst, ev, transforms.FormatAuto)
		if err != nil {
			t.Fatalf("redact: %v", err)
		}
		return out
	})
	checkAccuracy(t, acc)
}

// The seed sweep: TestAccuracySweep runs only when asked for, as each seed
// takes ~1 s per core.
var (
	sweep     = flag.Int("sweep", 0, "TestAccuracySweep: how many generator seeds to sweep, 30,000 events each with personal details (0: skip)")
	sweepFrom = flag.Int64("sweep-from", 1000, "TestAccuracySweep: the first seed")
)

// TestAccuracySweep is TestAccuracy on many more seeds than one, each its
// own corpus of 30,000 events with personal details: rare layouts (a
// request ID after an order number holding "IFA", a Tron address with no
// digit) show up across seeds where one corpus holds none. It logs every
// miss and fails a seed below the bar, as TestAccuracy does.
//
//	go test ./benchmarks -run 'TestAccuracySweep$' -sweep 200 -sweep-from 1000 -timeout 0 -v
func TestAccuracySweep(t *testing.T) {
	if *sweep == 0 {
		t.Skip("run with -sweep N")
	}
	r, err := benchmarks.NewEventRedactor()
	if err != nil {
		t.Fatal(err)
	}
	var planted, missed, decoys, touched int
	for seed := *sweepFrom; seed < *sweepFrom+int64(*sweep); seed++ {
		corpus := benchmarks.GenerateWith(gen.Options{Seed: seed, Personal: true}, 30000)
		acc := benchmarks.Measure(corpus.Events, func(dst []byte, ev *gen.Event) []byte {
			out, err := r.Redact(dst, ev, transforms.FormatAuto)
			if err != nil {
				t.Fatalf("seed %d: redact: %v", seed, err)
			}
			return out
		})
		for _, m := range acc.Misses {
			t.Logf("seed %d: miss: %v decoy=%v %q in %s", seed, m.Kind, m.Decoy, m.Value, m.Line)
		}
		t.Run(strconv.FormatInt(seed, 10), func(t *testing.T) { checkBar(t, acc) })
		planted += acc.Total.Planted
		missed += acc.Total.Planted - acc.Total.Removed
		decoys += acc.Total.Decoys
		touched += acc.Total.Decoys - acc.Total.Kept
	}
	t.Logf("%d seeds from %d: %d planted, %d missed; %d decoys, %d touched", *sweep, *sweepFrom, planted, missed, decoys, touched)
}

// TestAccuracyEscapedJSON is TestAccuracy on the JSON events written with
// every character beyond ASCII escaped, as Python's json.dumps writes them
// ("\u624b\u673a"). Findings are written back in UTF-8 and the rest stays
// escaped, so the output is compared with its escapes decoded.
func TestAccuracyEscapedJSON(t *testing.T) {
	corpus := benchmarks.LabeledCorpus(3000)
	var events []gen.Event
	for _, ev := range corpus.Events {
		if ev.Line[0] == '{' && !detectors.IsASCII(ev.Line) {
			ev.Line = gen.EscapeNonASCII(ev.Line)
			events = append(events, ev)
		}
	}
	r, err := benchmarks.NewEventRedactor()
	if err != nil {
		t.Fatal(err)
	}
	acc := benchmarks.Measure(events, func(dst []byte, ev *gen.Event) []byte {
		out, err := r.Redact(nil, ev, transforms.FormatJSON)
		if err != nil {
			t.Fatalf("redact: %v", err)
		}
		return decodeNonASCII(dst, out)
	})
	if acc.Events < 400 {
		t.Fatalf("only %d JSON events with text beyond ASCII", acc.Events)
	}
	checkAccuracy(t, acc)
}

// decodeNonASCII appends b with its \uXXXX escapes of characters beyond
// ASCII decoded, other escapes kept.
func decodeNonASCII(dst, b []byte) []byte {
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' || i+1 >= len(b) {
			dst = append(dst, b[i])
			continue
		}
		if b[i+1] != 'u' || i+6 > len(b) {
			dst = append(dst, b[i], b[i+1])
			i++
			continue
		}
		r, _ := strconv.ParseUint(string(b[i+2:i+6]), 16, 32)
		n := 6
		if utf16.IsSurrogate(rune(r)) && i+12 <= len(b) && b[i+6] == '\\' && b[i+7] == 'u' {
			r2, _ := strconv.ParseUint(string(b[i+8:i+12]), 16, 32)
			r, n = uint64(utf16.DecodeRune(rune(r), rune(r2))), 12
		}
		if r < utf8.RuneSelf {
			dst = append(dst, b[i:i+6]...)
		} else {
			dst = utf8.AppendRune(dst, rune(r))
		}
		i += n - 1
	}
	return dst
}

// checkAccuracy logs the tallies of acc and fails under the bar.
func checkAccuracy(t *testing.T, acc *benchmarks.Accuracy) {
	t.Helper()
	t.Logf("%d events\n%s", acc.Events, acc.Table())
	for _, m := range acc.Misses {
		t.Logf("miss: %v decoy=%v %q in %s", m.Kind, m.Decoy, m.Value, m.Line)
	}
	checkBar(t, acc)
}

// checkBar fails t for every kind below the bar: recall >= 99.5%
// (phone >= 99%), decoys kept >= 99.5%.
func checkBar(t *testing.T, acc *benchmarks.Accuracy) {
	t.Helper()
	for _, k := range acc.Kinds() {
		tl := acc.ByKind[k]
		want := 0.995
		if k == detectors.Phone {
			want = 0.99
		}
		if tl.Planted > 0 && tl.Recall() < want {
			t.Errorf("%v recall %.4f < %.3f", k, tl.Recall(), want)
		}
		if tl.Decoys > 0 && tl.DecoysKept() < 0.995 {
			t.Errorf("%v decoys kept %.4f < 0.995", k, tl.DecoysKept())
		}
	}
}

// TestPhoneTokens holds phone tokens to their purpose, joining records: a
// planted number, however written, must get the token of the E.164 number
// the generator drew for its region, in the output of its own record.
// Many national numbers are valid in two regions, also as written
// ("010 8462 6587" is a Korean mobile and a Beijing number, "0755880441"
// French and German, "9844800326" Indian and American); with no language
// to go by (this is veil redact without --kind), a record's locale field
// or else its script decides those (Hangul, kana, Devanagari, Cyrillic,
// Han, German and French letters), then the default region order, so the
// bar is below 100%: 97.4% on 2026-12-06, from 93.6% before scripts were
// read, 76.6% before the written grouping chose among the valid regions. Under the prompt policy the
// language tells them: 99.9% of the prompts' phones.
func TestPhoneTokens(t *testing.T) {
	corpus := benchmarks.Generate(7, 20000, [3]int{})
	w, err := benchmarks.NewWorker()
	if err != nil {
		t.Fatal(err)
	}
	p := phoneTokens(t, "", corpus.Events, w, func(dst, line []byte) ([]byte, error) {
		return w.Redact(dst, line, transforms.FormatAuto)
	})
	if rate := p.Rate(); rate < 0.95 {
		t.Errorf("only %.2f%% of phones have the token of their number", 100*rate)
	}
	// A prompt's script, or its letters in Latin script, tells its region.
	for l, bar := range map[string]float64{"ko": 0.99, "ja": 0.99, "hi": 0.99, "ru": 0.99, "zh": 0.99, "de": 0.97, "fr": 0.9} {
		if c := p.ByGroup[gen.Prompt+" "+l]; float64(c[1]) < bar*float64(c[0]) {
			t.Errorf("only %d of %d phones in %s prompts have the token of their number", c[1], c[0], l)
		}
	}
	// Most usage records name their device's locale, which puts its
	// region first.
	if c := p.ByGroup[gen.Usage]; float64(c[1]) < 0.97*float64(c[0]) {
		t.Errorf("only %d of %d phones in usage records have the token of their number", c[1], c[0])
	}

	// Prompts under their policy (veil run, redact --kind prompt): the
	// language detected puts its regions first.
	cfg := config.Default()
	d, err := lang.New(cfg.Languages.Set, lang.Options{LowAccuracy: true})
	if err != nil {
		t.Fatal(err)
	}
	e, err := benchmarks.NewEngineWith(transforms.Options{Profiles: map[string]transforms.ProfileOptions{"prompt": cfg.Profile("prompt", d)}})
	if err != nil {
		t.Fatal(err)
	}
	pw, prof := e.NewWorker(), e.Profile("prompt")
	var prompts []gen.Event
	for _, ev := range corpus.Events {
		if ev.Kind == gen.Prompt {
			prompts = append(prompts, ev)
		}
	}
	if rate := phoneTokens(t, "with language: ", prompts, pw, func(dst, line []byte) ([]byte, error) {
		out, _, err := pw.RedactRecord(dst, line, transforms.FormatJSON, prof)
		return out, err
	}).Rate(); rate < 0.99 {
		t.Errorf("with the prompt policy only %.2f%% of the prompts' phones have the token of their number", 100*rate)
	}
}

// phoneTokens measures benchmarks.PhoneTokens of events redacted by redact,
// with the tokens of w (of the engine that redacts), and logs them by kind
// of event and language.
func phoneTokens(t *testing.T, title string, events []gen.Event, w *transforms.Worker, redact func(dst, line []byte) ([]byte, error)) *benchmarks.PhoneTokens {
	t.Helper()
	p := benchmarks.MeasurePhoneTokens(events, func(dst, line []byte) []byte {
		out, err := redact(dst, line)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}, func(dst, e164 []byte) []byte { return w.AppendToken(dst, detectors.Phone, e164) })
	for _, g := range slices.Sorted(maps.Keys(p.ByGroup)) {
		c := p.ByGroup[g]
		t.Logf("%s%-10s %5d phones, %6.2f%% with the token of their E.164 number", title, g, c[0], 100*float64(c[1])/float64(c[0]))
	}
	t.Logf("%sall %d phones: %.2f%%; misses: %q", title, p.Planted, 100*p.Rate(), p.Misses)
	return p
}
