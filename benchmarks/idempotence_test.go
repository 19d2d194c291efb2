package benchmarks_test

import (
	"bytes"
	"testing"

	"github.com/pixelprivacy/veil/benchmarks"
	"github.com/pixelprivacy/veil/benchmarks/gen"
	"github.com/pixelprivacy/veil/config"
	"github.com/pixelprivacy/veil/transforms"
	"github.com/pixelprivacy/veil/transforms/lang"
)

// TestRedactTwice redacts the generator's events, personal details in
// prompts included, under each kind's default policy, and again: the
// second redaction changes nothing, whatever the kind of the lines (a log
// line redacted as a prompt too), so that records that go through veil
// twice, or a dataset redacted again, stay as they were.
func TestRedactTwice(t *testing.T) {
	n := 10000
	if testing.Short() {
		n = 2000
	}
	corpus := benchmarks.GenerateWith(gen.Options{Seed: 11, Personal: true}, n)
	cfg := config.Default()
	d, err := lang.New(cfg.Languages.Set, lang.Options{LowAccuracy: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{gen.Usage, gen.Log, gen.Prompt} {
		e, err := benchmarks.NewEngineWith(transforms.Options{Profiles: map[string]transforms.ProfileOptions{kind: cfg.Profile(kind, d)}})
		if err != nil {
			t.Fatal(err)
		}
		w, p := e.NewWorker(), e.Profile(kind)
		for _, ev := range corpus.Events {
			once, _, err := w.RedactRecord(nil, ev.Line, transforms.FormatAuto, p)
			if err != nil {
				t.Fatal(err)
			}
			twice, _, err := w.RedactRecord(nil, once, transforms.FormatAuto, p)
			if err != nil || !bytes.Equal(twice, once) {
				t.Fatalf("as %s, redacting twice changed (%v)\n%s\nto\n%s", kind, err, once, twice)
			}
		}
	}
}
