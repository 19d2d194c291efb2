package transforms

import (
	"fmt"
	"slices"
	"strings"
)

// A path pattern names JSON members by their keys from the root, joined by
// dots: "user.uid". A "*" stands for any one key, "**" for any number of
// keys (none included), and a pattern of a single key matches that key at
// any depth ("lat" is "**.lat"), in any case ("UserId" and "USER_ID" are
// "userId" and "user_id") and after a '$' ("$lat", as analytics SDKs name
// their reserved properties). Array elements are transparent: the elements of
// "tags" are at the path "tags". Keys are compared with their JSON escapes
// as written.
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
// a walker meets them, without allocating once its buffers have grown. The
// patterns of a single key, which match at any depth and are most of a
// profile's (the defaults' "lat", "name", "serial", ...), are looked up by
// the key; the others are followed as states of an automaton, which for a
// typical record die out after a key or two.
type paths struct {
	pats     []pathPattern
	root     []pathState // the states before the first key
	floating keyIndex    // patterns of one key at any depth, by the key
	// folded are the floating keys in lower case: a key with upper-case
	// letters that matches none as written is looked up lowered, so that
	// "UserId" and "USER_ID" match as "userId" and "user_id" do.
	folded keyIndex
	// qualified are the patterns of a key under a parent at any depth
	// ("**.os.name"), by the key, a 0 byte and the parent lowered, and
	// qualifiedFolded the same with the key lowered: looked up as a
	// floating key is, where the automaton would follow a state of "**"
	// through every key of every record. qualifiedKeys has their keys, as
	// written and lowered, which most keys fail.
	qualified, qualifiedFolded keyIndex
	qualifiedKeys              keyFilter
	// qualifiedLens has bit n set if a qualified pattern's key is n bytes
	// long (n < 64): a test that passes most keys at a glance.
	qualifiedLens uint64
	// rootFilter has each key that a state of root matches, or all if one
	// matches any key ("*", "**").
	rootFilter keyFilter
}

// keyIndex maps keys to the patterns of one key that name them, behind a
// keyFilter: most keys have none, and skip the map.
type keyIndex struct {
	pats   map[string][]int
	filter keyFilter
}

func (x *keyIndex) add(key string, pat int) {
	if x.pats == nil {
		x.pats = make(map[string][]int)
	}
	x.pats[key] = append(x.pats[key], pat)
	x.filter.add([]byte(key))
}

// appendPatterns appends the patterns of key to matched.
func (x *keyIndex) appendPatterns(matched []int, key []byte) []int {
	if !x.filter.has(key) {
		return matched
	}
	return x.appendMapped(matched, key)
}

// appendMapped is appendPatterns past the filter, which step tests inline:
// appendPatterns is too large to inline.
func (x *keyIndex) appendMapped(matched []int, key []byte) []int {
	return append(matched, x.pats[string(key)]...)
}

// keyFilter is a set of keys by their floatBit: a key whose bit is clear
// is not in it.
type keyFilter [filterWords]uint64

func (f *keyFilter) add(key []byte) {
	b := floatBit(key)
	f[b/64] |= 1 << (b % 64)
}

func (f *keyFilter) has(key []byte) bool {
	b := floatBit(key)
	return f[b/64]&(1<<(b%64)) != 0
}

// maxFoldKey bounds the keys looked up lowered.
const maxFoldKey = 64

// filterWords is the size of a keyFilter in words: 8,192 bits, for the
// ~420 floating keys of the default profiles, each also after a '$', and a
// user's own: with the '$' keys in 4,096 bits, log lines under the policy
// took 1.5% more instructions in false hits (callgrind).
const filterWords = 128

// floatBit returns the bit of key in a keyFilter, from its length and its
// first, middle and last bytes: a schema's keys often share the first
// three ("event" and "email").
func floatBit(key []byte) uint {
	if len(key) == 0 {
		return 0
	}
	n := uint(len(key))
	return ((n*131+uint(key[0])*31+uint(key[n-1]))*7 + uint(key[n/2])*1009) % (filterWords * 64)
}

func newPaths(pats []pathPattern) *paths {
	p := &paths{pats: pats}
	for i, pat := range pats {
		if len(pat.segs) == 2 && pat.segs[0] == "**" && literal(pat.segs[1]) {
			// A key with a '$' before it too, as analytics SDKs write
			// their reserved properties (Mixpanel's "$email", "$name").
			for _, key := range []string{pat.segs[1], "$" + pat.segs[1]} {
				p.floating.add(key, i)
				p.folded.add(strings.ToLower(key), i)
			}
			continue
		}
		if len(pat.segs) == 3 && pat.segs[0] == "**" && literal(pat.segs[1]) && literal(pat.segs[2]) {
			key, parent := pat.segs[2], strings.ToLower(pat.segs[1])
			p.qualified.add(key+"\x00"+parent, i)
			p.qualifiedFolded.add(strings.ToLower(key)+"\x00"+parent, i)
			p.qualifiedKeys.add([]byte(key))
			p.qualifiedKeys.add([]byte(strings.ToLower(key)))
			if len(key) < 64 {
				p.qualifiedLens |= 1 << len(key)
			}
			continue
		}
		p.root = p.add(p.root, 0, mkState(i, 0))
	}
	for _, st := range p.root {
		switch seg := p.pats[st.pat()].segs[st.pos()]; seg {
		case "*", "**":
			for i := range p.rootFilter {
				p.rootFilter[i] = ^uint64(0)
			}
		default:
			p.rootFilter.add([]byte(seg))
		}
	}
	return p
}

// literal reports whether a pattern's key is a key, not a wildcard.
func literal(seg string) bool { return seg != "*" && seg != "**" }

// mayQualify reports whether a member with the key under a parent may
// match a pattern of a key under a parent, upper saying the key has an
// upper-case letter: false says it matches none. The length is tested
// first, inlined, which most keys fail.
func (p *paths) mayQualify(key []byte, upper bool) bool {
	return len(key) < 64 && p.qualifiedLens>>len(key)&1 != 0 && p.mayQualifyKey(key, upper)
}

// mayQualifyKey is mayQualify past the length, not inlined so that
// mayQualify is.
//
//go:noinline
func (p *paths) mayQualifyKey(key []byte, upper bool) bool {
	return upper || p.qualifiedKeys.has(key)
}

// appendQualified appends to matched the patterns of key under a parent
// that is parent: the key as written, or lowered if it has upper-case
// letters (upper) and matches none so; the parent in any case.
func (p *paths) appendQualified(matched []int, key, parent []byte, upper bool) []int {
	if len(key) > maxFoldKey || len(parent) > maxFoldKey {
		return matched
	}
	var buf [2*maxFoldKey + 1]byte
	n := len(matched)
	if p.qualifiedKeys.has(key) {
		matched = p.qualified.appendPatterns(matched, appendLower(append(append(buf[:0], key...), 0), parent))
	}
	if upper && len(matched) == n {
		lower := appendLower(buf[:0], key)
		if p.qualifiedKeys.has(lower) {
			matched = p.qualifiedFolded.appendPatterns(matched, appendLower(append(lower, 0), parent))
		}
	}
	return matched
}

// appendFolded appends to matched the patterns of the floating key that is
// key, of at most maxFoldKey bytes, lowered.
func (p *paths) appendFolded(matched []int, key []byte) []int {
	var buf [maxFoldKey]byte
	return p.folded.appendPatterns(matched, appendLower(buf[:0], key))
}

// mayMatchAtRoot reports whether a member with the key at the root of a
// document may match a pattern: false says it matches none, without
// stepping the states.
func (p *paths) mayMatchAtRoot(key []byte) bool {
	if p.floating.filter.has(key) || p.rootFilter.has(key) {
		return true
	}
	if len(key) > maxFoldKey || !hasUpper(key) {
		return false
	}
	var buf [maxFoldKey]byte
	return p.folded.filter.has(appendLower(buf[:0], key))
}

// hasUpper reports whether b has an ASCII upper-case letter.
func hasUpper(b []byte) bool {
	for _, c := range b {
		if 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}

// appendLower appends b with its ASCII letters in lower case.
func appendLower(dst, b []byte) []byte {
	for _, c := range b {
		if 'A' <= c && c <= 'Z' {
			c |= 0x20
		}
		dst = append(dst, c)
	}
	return dst
}

// add appends s to states with its closure: a "**" may match no key. A
// state past the last key ("a.**" after its "**") has nothing to match, and
// one already in states[base:] is not added again, so that patterns with
// several "**" cannot multiply the states of deep records.
func (p *paths) add(states []pathState, base int, s pathState) []pathState {
	segs := p.pats[s.pat()].segs
	for pos := s.pos(); pos < len(segs); pos++ {
		if st := mkState(s.pat(), pos); !slices.Contains(states[base:], st) {
			states = append(states, st)
		}
		if segs[pos] != "**" {
			break
		}
	}
	return states
}

// step appends to next the states reached from states by the key, and to
// matched the patterns that match the member with that key, and returns
// both; upper says the key has an upper-case letter. A state that has
// matched its last key goes no further. The patterns of a key under a
// parent are appendQualified's.
func (p *paths) step(next []pathState, matched []int, states []pathState, key []byte, upper bool) ([]pathState, []int) {
	n := len(matched)
	if p.floating.filter.has(key) {
		matched = p.floating.appendMapped(matched, key)
	}
	if upper && len(matched) == n && len(key) <= maxFoldKey {
		matched = p.appendFolded(matched, key)
	}
	base := len(next)
	for _, s := range states {
		segs := p.pats[s.pat()].segs
		pos := s.pos()
		switch seg := segs[pos]; {
		case seg == "**":
			next = p.add(next, base, s) // it takes this key too
			if pos+1 == len(segs) {
				matched = append(matched, s.pat())
			}
		case seg == "*" || seg == string(key):
			if pos+1 == len(segs) {
				matched = append(matched, s.pat())
			} else {
				next = p.add(next, base, mkState(s.pat(), pos+1))
			}
		}
	}
	return next, matched
}
