package transforms

import (
	"bytes"
	"encoding/json"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/pixelprivacy/veil/detectors"
)

// testSet is the default detector set, built once for all tests.
var testSet = func() *detectors.Set {
	s, err := detectors.New(detectors.Options{})
	if err != nil {
		panic(err)
	}
	return s
}()

// testRing holds one key, "k1", with a fixed secret, so tokens are stable.
var testRing = func() *KeyRing {
	k := &Key{id: "k1"}
	for i := range k.secret {
		k.secret[i] = byte(i)
	}
	return &KeyRing{Active: k, Keys: []*Key{k}}
}()

// newTestWorker returns a worker of an engine with the given options.
func newTestWorker(t testing.TB, o Options) *Worker {
	t.Helper()
	e, err := NewEngine(testSet, testRing, o)
	if err != nil {
		t.Fatal(err)
	}
	return e.NewWorker()
}

// allKinds maps every built-in kind to a.
func allKinds(a Action) map[detectors.Kind]Action {
	m := make(map[detectors.Kind]Action)
	for _, k := range detectors.Builtin {
		m[k] = a
	}
	return m
}

// expandTokens replaces each "{KIND:value}" in s with the token of value,
// as made by w, so that expected outputs can name tokens by their values.
func expandTokens(t testing.TB, w *Worker, s string) string {
	t.Helper()
	var b strings.Builder
	for {
		i := strings.Index(s, "{")
		if i < 0 {
			return b.String() + s
		}
		j := strings.Index(s[i:], "}")
		if j < 0 {
			return b.String() + s
		}
		name, value, ok := strings.Cut(s[i+1:i+j], ":")
		k, known := detectors.ParseKind(name)
		if !ok || !known {
			b.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		b.WriteString(s[:i])
		b.Write(w.AppendToken(nil, k, []byte(value)))
		s = s[i+j+1:]
	}
}

// jsonKeys returns the structure of a JSON document with every scalar
// replaced by nil, to compare the keys and shapes of two documents.
func jsonKeys(t testing.TB, doc []byte) any {
	t.Helper()
	var v any
	d := json.NewDecoder(bytes.NewReader(doc))
	d.UseNumber() // 1E700 is valid JSON, if not a float64
	if err := d.Decode(&v); err != nil {
		t.Fatalf("output is not valid JSON: %v\n%s", err, doc)
	}
	return shape(v)
}

// jsonOutline returns the tokens of a JSON document in order: delimiters,
// keys as "key:" and the key, and "value" for every scalar.
func jsonOutline(t testing.TB, doc []byte) []string {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(doc))
	d.UseNumber()
	var out []string
	inObject := []bool{false}
	expectKey := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("not valid JSON: %v\n%s", err, doc)
		}
		switch v := tok.(type) {
		case json.Delim:
			out = append(out, v.String())
			switch v {
			case '{', '[':
				inObject = append(inObject, v == '{')
				expectKey = v == '{'
				continue
			default:
				inObject = inObject[:len(inObject)-1]
			}
		case string:
			if expectKey {
				out = append(out, "key:"+v)
				expectKey = false
				continue
			}
			out = append(out, "value")
		default:
			out = append(out, "value")
		}
		expectKey = inObject[len(inObject)-1]
	}
}

// tokenInKeyRE matches a key holding a token of the default template.
var tokenInKeyRE = regexp.MustCompile(`^key:.*<[A-Z0-9_]+:[a-z][a-z0-9]*:[g-z]{24}>`)

// sameOutline reports whether out has the outline of in, keys changed only
// where personal data in them became a token.
func sameOutline(in, out []string) bool {
	if len(in) != len(out) {
		return false
	}
	for i := range in {
		if in[i] != out[i] && !(strings.HasPrefix(in[i], "key:") && tokenInKeyRE.MatchString(out[i])) {
			return false
		}
	}
	return true
}

func shape(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			v[k] = shape(x)
		}
		return v
	case []any:
		for i, x := range v {
			v[i] = shape(x)
		}
		return v
	}
	return nil
}

// factsCase is a record and the Facts redacting it with a profile finds.
type factsCase struct {
	name string
	in   string
	want Facts
}

// checkFacts redacts each case's record as format f with w and profile p
// and checks the Facts found.
func checkFacts(t *testing.T, w *Worker, p *Profile, f Format, tests []factsCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got, err := w.RedactRecord(nil, []byte(tt.in), f, p)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Fatalf("facts %+v, want %+v", got, tt.want)
			}
		})
	}
}
