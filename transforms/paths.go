package transforms

import (
	"fmt"
	"strings"
)

// A path pattern names JSON members by their keys from the root, joined by
// dots: "user.uid". A "*" stands for any one key, "**" for any number of
// keys (none included), and a pattern of a single key matches that key at
// any depth ("lat" is "**.lat"). Array elements are transparent: the
// elements of "tags" are at the path "tags". Keys are compared with their
// JSON escapes as written.
type pathPattern struct {
	segs []string
}

func compilePath(p string) (pathPattern, error) {
	if p == "" {
		return pathPattern{}, fmt.Errorf("empty path")
	}
	segs := strings.Split(p, ".")
	for _, s := range segs {
		if s == "" {
			return pathPattern{}, fmt.Errorf("path %q: empty key", p)
		}
		if strings.Contains(s, "*") && s != "*" && s != "**" {
			return pathPattern{}, fmt.Errorf("path %q: '*' must be a whole key", p)
		}
	}
	if len(segs) > 200 {
		return pathPattern{}, fmt.Errorf("path %q: more than 200 keys", p)
	}
	if len(segs) == 1 && segs[0] != "**" {
		segs = []string{"**", segs[0]}
	}
	return pathPattern{segs: segs}, nil
}

// specificity orders patterns that match the same member: anchored over
// floating, then more keys, then fewer wildcards.
func (p pathPattern) specificity() int {
	n := 0
	for _, s := range p.segs {
		switch s {
		case "**":
			n -= 100
		case "*":
			n += 1
		default:
			n += 10
		}
	}
	return n
}

// pathState is a position in one pattern: pattern index and the number of
// keys matched, packed.
type pathState uint32

func mkState(pat, pos int) pathState { return pathState(pat<<8 | pos) }
func (s pathState) pat() int         { return int(s >> 8) }
func (s pathState) pos() int         { return int(s & 0xff) }

// paths matches a set of patterns against the members of a JSON document as
// a walker meets them, without allocating once its buffers have grown.
type paths struct {
	pats []pathPattern
	root []pathState // the states before the first key
}

func newPaths(pats []pathPattern) *paths {
	p := &paths{pats: pats}
	for i := range pats {
		p.root = p.add(p.root, mkState(i, 0))
	}
	return p
}

// add appends s to states with its closure: a "**" may match no key.
func (p *paths) add(states []pathState, s pathState) []pathState {
	for {
		states = append(states, s)
		segs := p.pats[s.pat()].segs
		if s.pos() >= len(segs) || segs[s.pos()] != "**" {
			return states
		}
		s = mkState(s.pat(), s.pos()+1)
	}
}

// step appends to next the states reached from states by the key, and to
// matched the patterns that match the member with that key, and returns
// both.
func (p *paths) step(next []pathState, matched []int, states []pathState, key []byte) ([]pathState, []int) {
	for _, s := range states {
		segs := p.pats[s.pat()].segs
		pos := s.pos()
		if pos >= len(segs) {
			continue
		}
		switch seg := segs[pos]; {
		case seg == "**":
			next = p.add(next, s) // it takes this key too
			if pos+1 == len(segs) {
				matched = append(matched, s.pat())
			}
		case seg == "*" || seg == string(key):
			if pos+1 == len(segs) {
				matched = append(matched, s.pat())
			}
			next = p.add(next, mkState(s.pat(), pos+1))
		}
	}
	return next, matched
}
