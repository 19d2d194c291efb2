package benchmarks_test

import (
	"bytes"
	"fmt"
	"slices"
	"testing"

	"github.com/pixelprivacy/veil/benchmarks"
	"github.com/pixelprivacy/veil/benchmarks/gen"
	"github.com/pixelprivacy/veil/config"
	"github.com/pixelprivacy/veil/transforms"
	"github.com/pixelprivacy/veil/transforms/lang"
)

// Run with GOMAXPROCS=1 for per-core numbers:
//
//	GOMAXPROCS=1 go test ./benchmarks -run '^$' -bench .
func BenchmarkRedact(b *testing.B) {
	w, err := benchmarks.NewWorker()
	if err != nil {
		b.Fatal(err)
	}
	out := make([]byte, 0, 1<<21)
	for _, c := range benchmarks.SpeedCorpora {
		corpus := benchmarks.GenerateWith(c.Options, benchmarks.SpeedEvents)
		b.Run(c.Name, func(b *testing.B) {
			b.SetBytes(corpus.Bytes)
			b.ReportAllocs()
			for b.Loop() {
				for _, ev := range corpus.Events {
					out, err = w.Redact(out[:0], ev.Line, transforms.FormatAuto)
					if err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
	// "usage-policy" and "log-policy" are "usage" and "log" with the
	// default field rules and policy of veil run's kind: the walker matches
	// every key to their paths, and a log line's fields (uid=…) likewise.
	for _, kind := range []string{"usage", "log"} {
		i := slices.IndexFunc(benchmarks.SpeedCorpora, func(c benchmarks.SpeedCorpus) bool { return c.Name == kind })
		corpus := benchmarks.GenerateWith(benchmarks.SpeedCorpora[i].Options, benchmarks.SpeedEvents)
		pe, err := benchmarks.NewEngineWith(transforms.Options{Profiles: map[string]transforms.ProfileOptions{kind: config.Default().Profile(kind, nil)}})
		if err != nil {
			b.Fatal(err)
		}
		pw, prof := pe.NewWorker(), pe.Profile(kind)
		b.Run(kind+"-policy", func(b *testing.B) {
			b.SetBytes(corpus.Bytes)
			b.ReportAllocs()
			for b.Loop() {
				for _, ev := range corpus.Events {
					if out, _, err = pw.RedactRecord(out[:0], ev.Line, transforms.FormatAuto, prof); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
	prose := benchmarks.Prose(256 << 10)
	b.Run("prose", func(b *testing.B) {
		b.SetBytes(int64(len(prose)))
		b.ReportAllocs()
		for b.Loop() {
			out, err = w.Redact(out[:0], prose, transforms.FormatText)
			if err != nil {
				b.Fatal(err)
			}
		}
	})
	mixed := benchmarks.Generate(1, 4000, [3]int{})
	baseline := benchmarks.NewRegexpBaseline()
	b.Run("regexp-baseline-mixed", func(b *testing.B) {
		b.SetBytes(mixed.Bytes)
		b.ReportAllocs()
		for b.Loop() {
			for _, ev := range mixed.Events {
				out = baseline.Redact(out[:0], ev.Line)
			}
		}
	})
}

// BenchmarkProseScripts redacts PII-free prose in one script at a time:
// Arabic and Devanagari share their letters' first bytes with their
// digits', so that their text is dense with anchors, unlike the Latin and
// CJK text that most of BenchmarkRedact's prose is.
//
//	GOMAXPROCS=1 go test ./benchmarks -run '^$' -bench ProseScripts
func BenchmarkProseScripts(b *testing.B) {
	for _, tc := range []struct{ name, sentence string }{
		{"latin", "Turn this photo into a watercolor painting of a quiet harbor at dawn, with soft pastel colors. "},
		{"cjk", "把这张照片做成吉卜力风格，天空要更蓝一些，人物保持自然。この写真を水彩画風にしてください。"},
		{"arabic", "حوّل هذه الصورة إلى لوحة مائية لميناء هادئ عند الفجر، بألوان ناعمة وقاربين صغيرين. "},
		{"devanagari", "इस तस्वीर को जलरंग चित्र में बदलो, सुबह की शांत बंदरगाह के साथ, नरम रंगों में। "},
	} {
		benchmarkSentence(b, tc.name, tc.sentence)
	}
}

// BenchmarkProseSentences redacts each sentence of BenchmarkRedact's prose
// alone. The third, dense with anchors ("over-sharpen:", "e.g.",
// "19th-century", "square."), takes about 45% of the prose's time.
//
//	GOMAXPROCS=1 go test ./benchmarks -run '^$' -bench ProseSentences
func BenchmarkProseSentences(b *testing.B) {
	for i, s := range benchmarks.ProseSentences() {
		benchmarkSentence(b, fmt.Sprint(i+1), s)
	}
}

// benchmarkSentence runs a sub-benchmark that redacts sentence, repeated
// to 256 KiB, as one text record.
func benchmarkSentence(b *testing.B, name, sentence string) {
	w, err := benchmarks.NewWorker()
	if err != nil {
		b.Fatal(err)
	}
	text := bytes.Repeat([]byte(sentence), (256<<10)/len(sentence))
	var out []byte
	b.Run(name, func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			if out, err = w.Redact(out[:0], text, transforms.FormatText); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkReferenceLoop runs the loop the speed facts were
// measured with on the prose of BenchmarkRedact: it tells how this machine
// compares with the one the goals were set on (benchmarks.ReferenceMBps).
func BenchmarkReferenceLoop(b *testing.B) {
	prose := benchmarks.Prose(256 << 10)
	b.SetBytes(int64(len(prose)))
	n := 0
	for b.Loop() {
		n += benchmarks.ReferenceLoop(prose)
	}
	if n == 0 {
		b.Fatal("no byte of the prose is in the class")
	}
}

// BenchmarkRegexpBaseline runs each pattern of the regexp baseline alone on
// the mixed events, to show which kinds its time goes to:
//
//	GOMAXPROCS=1 go test ./benchmarks -run '^$' -bench RegexpBaseline -benchtime 3x
func BenchmarkRegexpBaseline(b *testing.B) {
	mixed := benchmarks.Generate(1, 4000, [3]int{})
	var out []byte
	for _, kind := range benchmarks.NewRegexpBaseline().PerKind() {
		b.Run(kind.Name(), func(b *testing.B) {
			b.SetBytes(mixed.Bytes)
			for b.Loop() {
				for _, ev := range mixed.Events {
					out = kind.Redact(out[:0], ev.Line)
				}
			}
		})
	}
}

// BenchmarkPrompts redacts the generator's prompts (JSON, ~230 bytes, in
// eleven languages) with the prompt policy, language detection off and on
// (lingua's low-accuracy models, as by default), and reports prompts per
// second. "lang-off" runs the free-text finders without detecting the
// language, as on a usage event's text fields; "lang-on" detects every
// prompt afresh; "lang-on-cached" has the
// detector's cache of recent texts, which the generator's prompts, made from
// a few templates per language, hit far more often than real ones would;
// "lang-on-cached-no-names" is that without finding names (languages.names):
//
//	GOMAXPROCS=1 go test ./benchmarks -run '^$' -bench Prompts
func BenchmarkPrompts(b *testing.B) {
	corpus := benchmarks.GenerateWith(gen.Options{Seed: 3, Mix: [3]int{0, 0, 1}, Personal: true}, 20000)
	for _, c := range []struct {
		name    string
		lang    bool
		cache   int
		noNames bool
	}{{"lang-off", false, 0, false}, {"lang-on", true, -1, false}, {"lang-on-cached", true, 0, false}, {"lang-on-cached-no-names", true, 0, true}} {
		b.Run(c.name, func(b *testing.B) {
			cfg := config.Default()
			*cfg.Languages.Names = !c.noNames
			var d transforms.LanguageDetector
			if c.lang {
				ld, err := lang.New(cfg.Languages.Set, lang.Options{LowAccuracy: true, CacheSize: c.cache})
				if err != nil {
					b.Fatal(err)
				}
				d = ld
			}
			e, err := benchmarks.NewEngineWith(transforms.Options{Profiles: map[string]transforms.ProfileOptions{"prompt": cfg.Profile("prompt", d)}})
			if err != nil {
				b.Fatal(err)
			}
			w, p := e.NewWorker(), e.Profile("prompt")
			out := make([]byte, 0, 1<<16)
			b.SetBytes(corpus.Bytes / int64(len(corpus.Events)))
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if out, _, err = w.RedactRecord(out[:0], corpus.Events[i%len(corpus.Events)].Line, transforms.FormatJSON, p); err != nil {
					b.Fatal(err)
				}
				i++
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "prompts/s")
		})
	}
}
