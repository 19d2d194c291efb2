package phonetab

import (
	"fmt"
	"regexp/syntax"
)

// prefixRE matches a pattern at the start of a digit string with the leftmost-first semantics of package regexp
// (what FindSubmatchIndex reports for "^(?:pattern)"), by backtracking over the acyclic program, without allocating.
// It is used for the short national and international prefix patterns.
type prefixRE struct {
	prog    *syntax.Prog
	digits  []uint16 // per instruction: the digits a rune instruction accepts
	slot    int      // first capture slot of the reported group, or -1
	literal string   // the whole pattern, if it is a literal without groups ("0", "00", "011")
	isLit   bool
}

// compilePrefix compiles pattern; group is the capture group whose span match reports (0 for none).
func compilePrefix(pattern string, group int) (*prefixRE, error) {
	re, err := parseDigits(pattern)
	if err != nil {
		return nil, err
	}
	if group > re.MaxCap() {
		return nil, fmt.Errorf("pattern %q: no group %d", pattern, group)
	}
	prog, err := syntax.Compile(re)
	if err != nil {
		return nil, fmt.Errorf("pattern %q: %w", pattern, err)
	}
	p := &prefixRE{prog: prog, slot: -1}
	if group > 0 {
		p.slot = 2 * group
	}
	p.literal, p.isLit = prog.Prefix()
	p.isLit = p.isLit && p.slot < 0
	p.digits = make([]uint16, len(prog.Inst))
	for pc := range prog.Inst {
		p.digits[pc] = digitMask(&prog.Inst[pc])
	}
	return p, nil
}

// firstDigits returns the digits a match can start with, as a bit set (bit d for '0'+d); every digit if the
// pattern can match the empty string.
func (p *prefixRE) firstDigits() uint16 {
	var m uint16
	seen := make([]bool, len(p.prog.Inst))
	stack := []uint32{uint32(p.prog.Start)}
	for len(stack) > 0 {
		pc := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[pc] {
			continue
		}
		seen[pc] = true
		switch in := &p.prog.Inst[pc]; in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			stack = append(stack, in.Out, in.Arg)
		case syntax.InstCapture, syntax.InstEmptyWidth, syntax.InstNop:
			stack = append(stack, in.Out)
		case syntax.InstMatch:
			return allDigits
		case syntax.InstFail:
		default:
			m |= p.digits[pc]
		}
	}
	return m
}

// allDigits is the digit set of every digit.
const allDigits = 1<<10 - 1

// match reports whether the pattern matches at the start of s, which must have only ASCII digits, where the match
// ends, and the span [gs, ge) of the group, or -1, -1 if the group did not take part.
func (p *prefixRE) match(s []byte) (end, gs, ge int, ok bool) {
	if p.isLit {
		return len(p.literal), -1, -1, len(s) >= len(p.literal) && string(s[:len(p.literal)]) == p.literal
	}
	span := [2]int{-1, -1}
	end, ok = p.try(s, uint32(p.prog.Start), 0, &span)
	return end, span[0], span[1], ok
}

// try runs the program from pc at s[pos:], taking the preferred branch of each alternation first.
func (p *prefixRE) try(s []byte, pc uint32, pos int, span *[2]int) (int, bool) {
	for {
		in := &p.prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			if end, ok := p.try(s, in.Out, pos, span); ok {
				return end, true
			}
			pc = in.Arg
		case syntax.InstCapture:
			if i := int(in.Arg) - p.slot; p.slot >= 0 && (i == 0 || i == 1) {
				old := span[i]
				span[i] = pos
				if end, ok := p.try(s, in.Out, pos, span); ok {
					return end, true
				}
				span[i] = old
				return 0, false
			}
			pc = in.Out
		case syntax.InstEmptyWidth:
			if syntax.EmptyOpContext(lastRune(s, pos), nextRune(s, pos))&syntax.EmptyOp(in.Arg) != syntax.EmptyOp(in.Arg) {
				return 0, false
			}
			pc = in.Out
		case syntax.InstNop:
			pc = in.Out
		case syntax.InstMatch:
			return pos, true
		case syntax.InstFail:
			return 0, false
		default: // the rune instructions
			if pos == len(s) || p.digits[pc]>>(s[pos]-'0')&1 == 0 {
				return 0, false
			}
			pos++
			pc = in.Out
		}
	}
}

func lastRune(s []byte, pos int) rune {
	if pos == 0 {
		return -1
	}
	return rune(s[pos-1])
}

func nextRune(s []byte, pos int) rune {
	if pos == len(s) {
		return -1
	}
	return rune(s[pos])
}
