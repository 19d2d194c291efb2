package phonetab

import (
	"encoding/binary"
	"fmt"
	"regexp/syntax"
	"slices"
)

// digitMask returns the digits a rune instruction accepts as a bit set (bit d for '0'+d), and 0 for other instructions.
func digitMask(in *syntax.Inst) uint16 {
	var m uint16
	switch in.Op {
	case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
		for d := range 10 {
			if in.MatchRune(rune('0' + d)) {
				m |= 1 << d
			}
		}
	}
	return m
}

// parseDigits parses a metadata pattern over the ten ASCII digits and checks that it uses only the bounded operators
// the metadata uses, so that its program is acyclic (both the DFA construction and the prefix matcher rely on this).
func parseDigits(pattern string) (*syntax.Regexp, error) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, fmt.Errorf("pattern %q: %w", pattern, err)
	}
	var check func(r *syntax.Regexp) error
	check = func(r *syntax.Regexp) error {
		switch r.Op {
		case syntax.OpLiteral, syntax.OpCharClass, syntax.OpConcat, syntax.OpAlternate, syntax.OpQuest,
			syntax.OpCapture, syntax.OpEmptyMatch, syntax.OpEndText:
		case syntax.OpRepeat:
			if r.Max < 0 {
				return fmt.Errorf("pattern %q: unbounded repetition", pattern)
			}
		default:
			return fmt.Errorf("pattern %q: unsupported operator %v", pattern, r.Op)
		}
		for _, s := range r.Sub {
			if err := check(s); err != nil {
				return err
			}
		}
		return nil
	}
	if err := check(re); err != nil {
		return nil, err
	}
	return re.Simplify(), nil
}

// compileDigits compiles a pattern to a program for the DFA construction, which supports no empty-width assertions.
func compileDigits(pattern string) (*syntax.Prog, error) {
	re, err := parseDigits(pattern)
	if err != nil {
		return nil, err
	}
	prog, err := syntax.Compile(re)
	if err != nil {
		return nil, fmt.Errorf("pattern %q: %w", pattern, err)
	}
	for _, in := range prog.Inst {
		if in.Op == syntax.InstEmptyWidth {
			return nil, fmt.Errorf("pattern %q: anchors are not supported", pattern)
		}
	}
	return prog, nil
}

// automaton is one pattern of a calling code's union. A sticky automaton matches every extension of a match, as
// a leading-digits pattern does.
type automaton struct {
	prog   *syntax.Prog
	sticky bool
}

// ninst is an instruction of the union NFA: the automata's programs laid end to end.
type ninst struct {
	op       syntax.InstOp
	out, arg int32
	digits   uint16 // consuming instructions: the digits they accept
	auto     int32  // index of the owning automaton
}

// dfa is the table every calling code's automaton is built into. State 0 is the dead state.
type dfa struct {
	next   []int32  // 10 transitions per state, while the DFA is built
	step   []uint16 // next, once minimized, in half the cache lines
	valid  []uint32 // bit n: a number of n digits ending in this state is valid
	viable []uint32 // bit i: the digits read match the general pattern of region i of the calling code
}

func newDFA() *dfa {
	return &dfa{next: make([]int32, 10), valid: []uint32{0}, viable: []uint32{0}}
}

// add builds the subset-construction DFA of the automata into d and returns its start state. summary gives a
// state's valid and viable bits from which automata accept in it.
func (d *dfa) add(autos []automaton, summary func(acc []bool) (valid, viable uint32)) int32 {
	var nfa []ninst
	var starts []int32
	for k, a := range autos {
		base := int32(len(nfa))
		starts = append(starts, base+int32(a.prog.Start))
		for pc, in := range a.prog.Inst {
			n := ninst{op: in.Op, out: base + int32(in.Out), arg: base + int32(in.Arg), auto: int32(k)}
			if n.digits = digitMask(&in); in.Op == syntax.InstMatch && a.sticky {
				n.digits, n.out = 1<<10-1, base+int32(pc)
			}
			nfa = append(nfa, n)
		}
	}
	mark := make([]int, len(nfa))
	gen := 0
	var stack []int32
	// closure adds the consuming and matching instructions reachable from pcs to set.
	closure := func(set []int32, pcs ...int32) []int32 {
		stack = append(stack[:0], pcs...)
		for len(stack) > 0 {
			pc := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if mark[pc] == gen {
				continue
			}
			mark[pc] = gen
			switch in := &nfa[pc]; in.op {
			case syntax.InstAlt, syntax.InstAltMatch:
				stack = append(stack, in.arg, in.out)
			case syntax.InstNop, syntax.InstCapture:
				stack = append(stack, in.out)
			case syntax.InstFail:
			default:
				set = append(set, pc)
			}
		}
		slices.Sort(set)
		return set
	}

	ids := map[string]int32{"": 0}
	var sets [][]int32
	var key []byte
	// state returns the DFA state of an NFA state set, adding it when new.
	state := func(set []int32) int32 {
		key = key[:0]
		for _, pc := range set {
			key = binary.AppendUvarint(key, uint64(pc))
		}
		if s, ok := ids[string(key)]; ok {
			return s
		}
		s := int32(len(d.valid))
		ids[string(key)] = s
		sets = append(sets, set)
		d.next = append(d.next, make([]int32, 10)...)
		d.valid = append(d.valid, 0)
		d.viable = append(d.viable, 0)
		return s
	}
	first := int32(len(d.valid))
	gen++
	start := state(closure(nil, starts...))
	acc := make([]bool, len(autos))
	for i := 0; i < len(sets); i++ {
		s := first + int32(i)
		clear(acc)
		for _, pc := range sets[i] {
			if nfa[pc].op == syntax.InstMatch {
				acc[nfa[pc].auto] = true
			}
		}
		d.valid[s], d.viable[s] = summary(acc)
		for c := range 10 {
			gen++
			var next []int32
			for _, pc := range sets[i] {
				if in := &nfa[pc]; in.digits&(1<<c) != 0 {
					next = closure(next, in.out)
				}
			}
			d.next[int(s)*10+c] = state(next)
		}
	}
	return start
}

// minimize merges equivalent states (Moore's partition refinement) and renumbers the given start states.
func (d *dfa) minimize(starts []int32) {
	n := len(d.valid)
	class := make([]int32, n)
	sig := map[[2]uint32]int32{}
	for s := range n {
		k := [2]uint32{d.valid[s], d.viable[s]}
		c, ok := sig[k]
		if !ok {
			c = int32(len(sig))
			sig[k] = c
		}
		class[s] = c
	}
	classes := len(sig)
	for {
		refined := make([]int32, n)
		seen := make(map[[11]int32]int32, classes)
		for s := range n {
			var k [11]int32
			k[0] = class[s]
			for c := range 10 {
				k[c+1] = class[d.next[s*10+c]]
			}
			c, ok := seen[k]
			if !ok {
				c = int32(len(seen))
				seen[k] = c
			}
			refined[s] = c
		}
		class = refined
		if len(seen) == classes {
			break
		}
		classes = len(seen)
	}
	// State 0 is visited first, so the dead state keeps number 0.
	next := make([]int32, classes*10)
	valid := make([]uint32, classes)
	viable := make([]uint32, classes)
	for s := n - 1; s >= 0; s-- {
		c := class[s]
		valid[c], viable[c] = d.valid[s], d.viable[s]
		for i := range 10 {
			next[int(c)*10+i] = class[d.next[s*10+i]]
		}
	}
	d.next, d.valid, d.viable = next, valid, viable
	for i, s := range starts {
		starts[i] = class[s]
	}
	if classes <= 1<<16 {
		d.step = make([]uint16, len(next))
		for i, s := range next {
			d.step[i] = uint16(s)
		}
		d.next = nil
	}
}

// lengthsFrom returns a function that tells, for a state reached after depth digits, at which total lengths a
// valid number can end on some path from it (bit n for n digits).
func (d *dfa) lengthsFrom() func(s int32, depth int) uint32 {
	const depths = maxNSN + 1
	memo := make([]uint32, len(d.valid)*depths)
	done := make([]bool, len(memo))
	var lengths func(s int32, depth int) uint32
	lengths = func(s int32, depth int) uint32 {
		if s == 0 || depth >= depths {
			return 0
		}
		k := int(s)*depths + depth
		if !done[k] {
			m := d.valid[s] & (1 << depth)
			for c := range 10 {
				m |= lengths(int32(d.step[int(s)*10+c]), depth+1)
			}
			memo[k], done[k] = m, true
		}
		return memo[k]
	}
	return lengths
}

// walk returns the state reached from s over digits, which must be ASCII digits.
func (d *dfa) walk(s int32, digits []byte) int32 {
	for _, c := range digits {
		if s = int32(d.step[int(s)*10+int(c-'0')]); s == 0 {
			break
		}
	}
	return s
}
