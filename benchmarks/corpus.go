package benchmarks

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/pixelprivacy/veil/benchmarks/gen"
	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/transforms"
)

// Corpus is a batch of generated events, for speed and accuracy runs.
type Corpus struct {
	Events []gen.Event
	Bytes  int64
}

// Generate returns n events of the seeded generator with the given mix of
// usage, log and prompt weights (zero: the generator's default). Their
// lines lie end to end in one buffer, in order, as records do in a file
// read or a fetched Kafka batch: left where the generator allocated them,
// among their labels, every record would be a cache miss of its own, which
// no stream has (on this project's machine that costs ~20% of the speed).
func Generate(seed int64, n int, mix [3]int) *Corpus {
	return GenerateWith(gen.Options{Seed: seed, Mix: mix}, n)
}

// SessionLength is the number of usage events per user session in the
// session-shaped corpora of the benchmarks (see gen.Options.Sessions).
const SessionLength = 8

// SpeedCorpus is one of the corpora speed is measured on: 4,000 events of
// the generator with Options.
type SpeedCorpus struct {
	Name    string // as BenchmarkRedact's sub-benchmarks are named
	Title   string // as veil bench's report shows it
	Options gen.Options
}

// SpeedEvents is the number of events of each speed corpus.
const SpeedEvents = 4000

// SpeedCorpora are the corpora of BenchmarkRedact, veil bench and
// benchmarks/instructions. "mixed-sessions" is "mixed" with the usage events
// in sessions of SessionLength that share their identifiers, as a real
// stream's do: it shows what the token cache saves.
var SpeedCorpora = []SpeedCorpus{
	{"usage", "usage", gen.Options{Seed: 1, Mix: [3]int{1, 0, 0}}},
	{"log", "log", gen.Options{Seed: 1, Mix: [3]int{0, 1, 0}}},
	{"prompt", "prompt", gen.Options{Seed: 1, Mix: [3]int{0, 0, 1}}},
	{"mixed", "mixed", gen.Options{Seed: 1}},
	{"mixed-sessions", "mixed, in sessions", gen.Options{Seed: 1, Sessions: SessionLength}},
}

// GenerateWith is Generate with the generator's options o.
func GenerateWith(o gen.Options, n int) *Corpus {
	g := gen.New(o)
	c := &Corpus{Events: make([]gen.Event, n)}
	for i := range c.Events {
		c.Events[i] = g.Next()
		c.Bytes += int64(len(c.Events[i].Line))
	}
	lines := make([]byte, 0, c.Bytes)
	for i := range c.Events {
		ev := &c.Events[i]
		n := len(lines)
		lines = append(lines, ev.Line...)
		ev.Line = lines[n:len(lines):len(lines)]
	}
	return c
}

// proseSentences are the sentences of Prose, in order.
var proseSentences = []string{
	"Turn this photo into a watercolor painting of a quiet harbor at dawn, with soft pastel colors and two small boats. ",
	"Make it 4k, keep the faces natural-looking and add a warm, golden light; the style should feel impressionist. ",
	"Don't over-sharpen: e.g. keep it dreamy, like a late 19th-century piece, and crop to a square. ",
	"Haz que parezca una acuarela del puerto al amanecer, con colores suaves y dos barcas pequeñas. ",
	"Mach ein Porträt im Stil von Monet, mit weichem Licht und ruhigen Farben, bitte ohne Text. ",
	"把这张照片做成吉卜力风格，天空要更蓝一些，人物保持自然。",
	"この写真を水彩画風にして、柔らかい光と淡い色にしてください。",
}

// Prose returns about n bytes of PII-free text: prompt-like sentences in
// several languages with ordinary punctuation and small numbers.
func Prose(n int) []byte {
	var b bytes.Buffer
	for i := 0; b.Len() < n; i++ {
		b.WriteString(proseSentences[i%len(proseSentences)])
	}
	return b.Bytes()
}

// ProseSentences returns the sentences of Prose, in order:
// BenchmarkProseSentences shows what each costs.
func ProseSentences() []string { return slices.Clone(proseSentences) }

// NewEngine builds a redaction engine with default detectors and options
// and a fresh ephemeral key.
func NewEngine() (*transforms.Engine, error) { return NewEngineWith(transforms.Options{}) }

// NewEngineWith is NewEngine with the transform options o.
func NewEngineWith(o transforms.Options) (*transforms.Engine, error) {
	set, err := detectors.New(detectors.Options{})
	if err != nil {
		return nil, err
	}
	ring, err := transforms.EphemeralKeyRing()
	if err != nil {
		return nil, err
	}
	e, err := transforms.NewEngine(set, ring, o)
	if err != nil {
		return nil, fmt.Errorf("benchmarks: %w", err)
	}
	return e, nil
}

// NewWorker builds a redaction worker of a NewEngine.
func NewWorker() (*transforms.Worker, error) {
	e, err := NewEngine()
	if err != nil {
		return nil, err
	}
	return e.NewWorker(), nil
}
