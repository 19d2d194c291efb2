// Package custom runs detectors that users define with .NET-style regular
// expressions (github.com/dlclark/regexp2: lookarounds, backreferences,
// atomic groups), after the built-in single pass. A detector runs only on
// text that holds a literal its pattern requires, when it has one; it may
// require context words before a match and a Luhn checksum; and its time on
// one record is bounded, so that a catastrophic pattern fails the record
// instead of stalling the pipeline.
package custom

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/dlclark/regexp2/v2"
	"github.com/dlclark/regexp2/v2/syntax"

	"github.com/pixelprivacy/veil/detectors"
)

// Defaults of Options fields left zero.
const (
	DefaultContextWindow = 32
	DefaultTimeout       = 50 * time.Millisecond
)

// Validators a detector can check its matches with.
const (
	ValidatorNone = "none"
	ValidatorLuhn = "luhn" // the match's digits pass the Luhn checksum
)

// Options define one detector.
type Options struct {
	// Name is the kind's name in tokens and labels: upper case letters,
	// digits and '_', starting with a letter ("EMPLOYEE_ID").
	Name string
	// Pattern is the regular expression, in .NET syntax.
	Pattern string
	// Validator is "", ValidatorNone or ValidatorLuhn.
	Validator string
	// Context, if not empty, lists words of which one must occur, in any
	// case, in the ContextWindow bytes before a match.
	Context       []string
	ContextWindow int
	// Timeout bounds the detector's time on one record.
	Timeout time.Duration
}

// ErrTimeout is returned when a detector runs out of time on a record.
var ErrTimeout = errors.New("custom detector timed out")

// Detector is one compiled custom detector. It is safe for concurrent use.
type Detector struct {
	kind    detectors.Kind
	name    string
	re      *regexp2.Regexp
	lit     []byte // a literal every match needs in the text, or nil
	fold    bool   // lit is compared ignoring ASCII case
	context *detectors.ContextWords
	window  int
	luhn    bool
	timeout time.Duration
}

// New compiles the detector o as kind k (detectors.FirstCustom or above). A
// pattern that does not compile is an error that names where it goes wrong.
func New(k detectors.Kind, o Options) (*Detector, error) {
	if k < detectors.FirstCustom || int(k) >= detectors.MaxKinds {
		return nil, fmt.Errorf("custom: kind %d: not a custom kind", k)
	}
	if !validName(o.Name) {
		return nil, fmt.Errorf("custom: name %q: want upper-case letters, digits and _, starting with a letter", o.Name)
	}
	if _, builtin := detectors.ParseKind(o.Name); builtin {
		return nil, fmt.Errorf("custom: name %q: taken by a built-in kind", o.Name)
	}
	d := &Detector{kind: k, name: o.Name, window: o.ContextWindow, timeout: o.Timeout}
	switch o.Validator {
	case "", ValidatorNone:
	case ValidatorLuhn:
		d.luhn = true
	default:
		return nil, fmt.Errorf("custom: validator %q: want none or luhn", o.Validator)
	}
	if d.window == 0 {
		d.window = DefaultContextWindow
	}
	if d.window < 0 || d.window > detectors.MaxContextWindow {
		return nil, fmt.Errorf("custom: context window %d: want 1 to %d bytes", d.window, detectors.MaxContextWindow)
	}
	if d.timeout == 0 {
		d.timeout = DefaultTimeout
	}
	if d.timeout < 0 {
		return nil, fmt.Errorf("custom: timeout %v: must be positive", d.timeout)
	}
	if len(o.Context) > 0 {
		words := make([]string, len(o.Context))
		for i, w := range o.Context {
			words[i] = strings.ToLower(strings.TrimSpace(w))
			if words[i] == "" {
				return nil, fmt.Errorf("custom: empty context word")
			}
		}
		d.context = detectors.NewContextWords(words...)
	}
	tree, err := syntax.Parse(o.Pattern, syntax.ParseOptions{})
	if err != nil {
		return nil, fmt.Errorf("custom: pattern %q: %w at byte %d", o.Pattern, err, errorOffset(o.Pattern))
	}
	re, err := regexp2.Compile(o.Pattern)
	if err != nil {
		return nil, fmt.Errorf("custom: pattern %q: %w", o.Pattern, err)
	}
	re.MatchTimeout = d.timeout
	d.re = re
	if lit, fold := requiredLiteral(tree.Root); len(lit) >= 2 || len(lit) == 1 && !fold {
		d.lit, d.fold = []byte(lit), fold
		if fold {
			d.lit = bytes.ToLower(d.lit)
		}
	}
	return d, nil
}

// Kind returns the detector's kind.
func (d *Detector) Kind() detectors.Kind { return d.kind }

// Name returns the kind's name.
func (d *Detector) Name() string { return d.name }

// Timeout returns the detector's time limit per record.
func (d *Detector) Timeout() time.Duration { return d.timeout }

// Prefilter returns the literal every match needs, if the pattern has one.
func (d *Detector) Prefilter() string { return string(d.lit) }

// AppendSpans appends the matches in b that pass the context and validator
// checks. deadline bounds the time it may take, across the calls on one
// record; past it, it returns ErrTimeout.
func (d *Detector) AppendSpans(dst []detectors.Span, b []byte, deadline time.Time) ([]detectors.Span, error) {
	// Ignoring case, a literal may match non-ASCII letters too (the
	// Kelvin sign is a K): only ASCII text can be ruled out.
	if d.lit != nil && !contains(b, d.lit, d.fold) && !(d.fold && !detectors.IsASCII(b)) {
		return dst, nil
	}
	if time.Now().After(deadline) {
		return dst, ErrTimeout
	}
	matches, err := d.re.FindAllStringIndex(unsafe.String(unsafe.SliceData(b), len(b)), -1)
	if err != nil {
		// A timeout, or a backtracking stack too deep: either way the
		// record cannot be said to be clean.
		return dst, ErrTimeout
	}
	if time.Now().After(deadline) {
		return dst, ErrTimeout
	}
	for _, m := range matches {
		start, end := m[0], m[1]
		if start >= end {
			continue
		}
		if d.context != nil && !detectors.ContextBefore(b, start, d.context, d.window) {
			continue
		}
		if d.luhn && !luhnDigits(b[start:end]) {
			continue
		}
		dst = append(dst, detectors.Span{Start: start, End: end, Kind: d.kind})
	}
	return dst, nil
}

// luhnDigits reports whether the digits of b, at least two, pass Luhn.
func luhnDigits(b []byte) bool {
	var buf [64]byte
	d := buf[:0]
	for _, c := range b {
		if '0' <= c && c <= '9' {
			if len(d) == cap(d) {
				return false
			}
			d = append(d, c)
		}
	}
	return len(d) >= 2 && detectors.Luhn(d)
}

// contains reports whether lit is in b, ignoring ASCII case if fold (lit is
// then lower case).
func contains(b, lit []byte, fold bool) bool {
	if !fold {
		return bytes.Contains(b, lit)
	}
	for i := 0; i+len(lit) <= len(b); i++ {
		if detectors.HasLowerPrefix(b[i:], lit) {
			return true
		}
	}
	return false
}

func validName(s string) bool {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for _, c := range []byte(s) {
		if !('A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// requiredLiteral returns the longest literal that every match of the
// pattern n needs in the text (a lookbehind's literal too), and whether it
// is matched ignoring case; "" if there is none. Only ASCII literals are
// returned, so that case folding stays exact.
func requiredLiteral(n *syntax.RegexNode) (string, bool) {
	fold := n.Options&syntax.IgnoreCase != 0
	switch n.T {
	case syntax.NtMulti:
		return asciiLiteral(string(n.Str), fold)
	case syntax.NtOne:
		return asciiLiteral(string(n.Ch), fold)
	case syntax.NtOneloop, syntax.NtOnelazy, syntax.NtOneloopatomic:
		if n.M >= 1 {
			return asciiLiteral(strings.Repeat(string(n.Ch), min(n.M, 16)), fold)
		}
	case syntax.NtConcatenate:
		best, bestFold := "", false
		for _, c := range n.Children {
			if l, f := requiredLiteral(c); len(l) > len(best) {
				best, bestFold = l, f
			}
		}
		return best, bestFold
	case syntax.NtCapture, syntax.NtGroup, syntax.NtAtomic, syntax.NtPosLook:
		if len(n.Children) == 1 {
			return requiredLiteral(n.Children[0])
		}
	case syntax.NtLoop, syntax.NtLazyloop:
		if n.M >= 1 && len(n.Children) == 1 {
			return requiredLiteral(n.Children[0])
		}
	}
	return "", false
}

func asciiLiteral(s string, fold bool) (string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return "", false
		}
	}
	return s, fold
}

// errorOffset finds where a pattern that does not compile goes wrong: the
// longest prefix that compiles once its open groups and classes are
// closed. It is a guide for the person fixing the pattern, not exact.
func errorOffset(pattern string) int {
	for n := len(pattern); n > 0; n-- {
		if _, err := syntax.Parse(closeOpen(pattern[:n]), syntax.ParseOptions{}); err == nil {
			return n
		}
	}
	return 0
}

// closeOpen appends what closes the character class and the groups left
// open at the end of p.
func closeOpen(p string) string {
	depth, class, esc := 0, false, false
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case esc:
			esc = false
		case c == '\\':
			esc = true
		case class:
			class = c != ']'
		case c == '[':
			class = true
		case c == '(':
			depth++
		case c == ')':
			depth--
		}
	}
	if esc {
		p = p[:len(p)-1]
	}
	if class {
		p += "]"
	}
	return p + strings.Repeat(")", max(depth, 0))
}
