package detectors

import "slices"

// Span is the half-open byte range [Start, End) of one finding.
type Span struct {
	Start, End int
	Kind       Kind
}

// precedence ranks kinds for overlap resolution: lower wins.
var precedence = func() (p [MaxKinds]uint8) {
	for i := range p {
		p[i] = uint8(len(Builtin) + i) // custom kinds rank after built-ins, in order
	}
	for i, k := range Builtin {
		p[k] = uint8(i)
	}
	return p
}()

// ResolveOverlaps sorts spans and removes those that overlap an earlier choice,
// in place, and returns the result. The rule, applied in one place for every
// detector: the earlier start wins, then the longer span, then the kind that
// comes first in Builtin (custom kinds last).
func ResolveOverlaps(spans []Span) []Span {
	if len(spans) < 2 {
		return spans
	}
	if !slices.IsSortedFunc(spans, compareSpans) {
		slices.SortFunc(spans, compareSpans)
	}
	out := spans[:1]
	for _, s := range spans[1:] {
		if s.Start < out[len(out)-1].End {
			continue
		}
		out = append(out, s)
	}
	return out
}

func compareSpans(a, b Span) int {
	if a.Start != b.Start {
		return a.Start - b.Start
	}
	if a.End != b.End {
		return b.End - a.End
	}
	return int(precedence[a.Kind]) - int(precedence[b.Kind])
}
