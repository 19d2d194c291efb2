// Package spantest checks the findings of the free-text finders of package
// detectors (names, handles, addresses, obfuscated) in their tests.
package spantest

import (
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors"
)

// A Finder appends to dst the findings in text.
type Finder func(dst []detectors.Span, text []byte) []detectors.Span

// A Case is a text and what a finder must find in it; an alias of a
// struct type without a name, so that tables need no field names.
type Case = struct {
	Name, Text string
	Want       []string
}

// Run runs the cases as subtests: find must find in each text exactly the
// strings wanted, as spans of kind k.
func Run(t *testing.T, find Finder, k detectors.Kind, cases []Case) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			var got []string
			for _, s := range Valid(t, find, k, []byte(c.Text)) {
				got = append(got, c.Text[s.Start:s.End])
			}
			if !slices.Equal(got, c.Want) {
				t.Errorf("found %q in %q, want %q", got, c.Text, c.Want)
			}
		})
	}
}

// Valid returns the findings of find in text after checking them: of kind
// k, in order, not overlapping, inside text, and, in valid UTF-8, not
// splitting a character.
func Valid(t *testing.T, find Finder, k detectors.Kind, text []byte) []detectors.Span {
	t.Helper()
	spans := find(nil, text)
	prev := 0
	for _, s := range spans {
		if s.Kind != k || s.Start < prev || s.Start >= s.End || s.End > len(text) {
			t.Fatalf("bad span %v (previous end %d) in %q", s, prev, text)
		}
		if utf8.Valid(text) && (!utf8.RuneStart(text[s.Start]) || s.End < len(text) && !utf8.RuneStart(text[s.End])) {
			t.Fatalf("span %v splits a character in %q", s, text)
		}
		prev = s.End
	}
	return spans
}

// NoAllocs fails t if find allocates on text once dst has room, or finds
// other than want findings there.
func NoAllocs(t *testing.T, find Finder, text string, want int) {
	t.Helper()
	b := []byte(text)
	dst := make([]detectors.Span, 0, want+8)
	if n := testing.AllocsPerRun(100, func() { dst = find(dst[:0], b) }); n != 0 {
		t.Errorf("%v allocations per text", n)
	}
	if len(dst) != want {
		t.Errorf("found %d, want %d", len(dst), want)
	}
}
