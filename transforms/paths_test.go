package transforms

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// globMatch is the reference for paths: a "*" matches one key, a "**" any
// number of keys, but at the end of a pattern one at least (a rule on
// "a.**" is on what is inside "a", not on "a").
func globMatch(segs, keys []string) bool {
	if len(segs) == 0 {
		return len(keys) == 0
	}
	switch segs[0] {
	case "**":
		least := 0
		if len(segs) == 1 {
			least = 1
		}
		for n := least; n <= len(keys); n++ {
			if globMatch(segs[1:], keys[n:]) {
				return true
			}
		}
		return false
	case "*":
		return len(keys) > 0 && globMatch(segs[1:], keys[1:])
	default:
		return len(keys) > 0 && keys[0] == segs[0] && globMatch(segs[1:], keys[1:])
	}
}

// TestPathsMatchReference walks random key paths through a set of patterns
// of every shape and checks the patterns matched at each member against
// globMatch, and a pattern of one key, or of a key under a parent, against
// a key with upper-case letters that no such pattern has as written,
// lowered.
func TestPathsMatchReference(t *testing.T) {
	sources := []string{"a", "b", "a.b", "a.*", "a.**", "**.b", "*.b", "a.**.c", "**", "*", "a.b.c", "**.a.b", "*.*.c", "a.**.**.c", "x.**",
		"**.x.B", "**.A.c", "**.b.*"}
	var pats []pathPattern
	for _, src := range sources {
		p, err := compilePath(src)
		if err != nil {
			t.Fatal(err)
		}
		pats = append(pats, p)
	}
	m := newPaths(pats)
	alphabet := []string{"a", "b", "c", "x", "A", "B", "X"}
	floating := func(p pathPattern) bool {
		return len(p.segs) == 2 && p.segs[0] == "**" && !strings.Contains(p.segs[1], "*")
	}
	exact := func(key string) bool {
		return slices.ContainsFunc(pats, func(p pathPattern) bool { return floating(p) && p.segs[1] == key })
	}
	// A pattern of a key under a parent ("**.a.b") matches its key as a
	// floating one does, under its parent in any case.
	qualified := func(p pathPattern) bool {
		return len(p.segs) == 3 && p.segs[0] == "**" && !strings.Contains(p.segs[1]+p.segs[2], "*")
	}
	exactUnder := func(key, parent string) bool {
		return slices.ContainsFunc(pats, func(p pathPattern) bool {
			return qualified(p) && p.segs[2] == key && strings.EqualFold(p.segs[1], parent)
		})
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		keys := make([]string, 1+r.IntN(6))
		for i := range keys {
			keys[i] = alphabet[r.IntN(len(alphabet))]
		}
		states := slices.Clone(m.root)
		for depth := range keys {
			var matched []int
			var parent []byte
			if depth > 0 {
				parent = []byte(keys[depth-1])
			}
			states, matched = m.step(nil, nil, states, []byte(keys[depth]), hasUpper([]byte(keys[depth])))
			if parent != nil && m.mayQualify([]byte(keys[depth]), hasUpper([]byte(keys[depth]))) {
				matched = m.appendQualified(matched, []byte(keys[depth]), parent, hasUpper([]byte(keys[depth])))
			}
			got := map[int]bool{}
			for _, i := range matched {
				got[i] = true
			}
			for i, p := range pats {
				key := keys[depth]
				want := globMatch(p.segs, keys[:depth+1]) ||
					floating(p) && !exact(key) && key != strings.ToLower(key) && strings.EqualFold(key, p.segs[1]) ||
					qualified(p) && depth > 0 && strings.EqualFold(keys[depth-1], p.segs[1]) &&
						(key == p.segs[2] || !exactUnder(key, keys[depth-1]) && key != strings.ToLower(key) && strings.EqualFold(key, p.segs[2]))
				if got[i] != want {
					t.Fatalf("pattern %q at %s: matched %v, want %v", sources[i], strings.Join(keys[:depth+1], "."), got[i], want)
				}
			}
			if len(matched) != len(got) {
				t.Fatalf("at %s: a pattern matched twice: %v", strings.Join(keys[:depth+1], "."), matched)
			}
		}
	}
}
