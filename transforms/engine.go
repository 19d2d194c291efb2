package transforms

import (
	"bytes"
	"errors"
	"fmt"
	"hash/maphash"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/detectors/custom"
)

// MaxDepth bounds the nesting of JSON arrays and objects in a record; a
// deeper record is rejected with ReasonTooLarge.
const MaxDepth = 1000

// macLen is how many bytes of the HMAC a token shows (4 bits per letter).
const macLen = 12

// macAlphabet spells 4 bits per letter with neither digits nor hex letters,
// so that no detector finds anything in a token.
const macAlphabet = "ghjkmnpqrstvwxyz"

// macPairs spells each byte as its two letters of macAlphabet, high half
// first, in little-endian order: one lookup and one two-byte store per byte
// of a token's MAC.
var macPairs = func() (t [256]uint16) {
	for c := range t {
		t[c] = uint16(macAlphabet[c>>4]) | uint16(macAlphabet[c&15])<<8
	}
	return t
}()

// Engine holds everything built once at start-up: the detector set, the
// active key, the compiled token template and the per-kind actions. It is
// immutable and safe for concurrent use; redaction happens in Workers.
type Engine struct {
	set       *detectors.Set
	key       *Key
	actions   [detectors.MaxKinds]Action
	dropKinds uint64 // bit k set: kind k is dropped
	// token[k][j] are the literal pieces of kind k's token, with the MAC
	// between consecutive pieces: raw for text (j=0), JSON-escaped (j=1).
	token [detectors.MaxKinds][2][]string
	// tokenFirst marks the first bytes of tokens, raw and JSON-escaped.
	tokenFirst [256]bool
	label      [detectors.MaxKinds]string // "[PHONE]"
	kindName   [detectors.MaxKinds]string
	// macPrefix[k] is kind k's name and a 0 byte, hashed before the value.
	macPrefix [detectors.MaxKinds][]byte
	maskHead  int
	maskTail  int
	maskChar  byte
	maxBytes  int
	seed      maphash.Seed // for the token cache
	keySeed   uint64       // for the key-hint cache
	profiles  map[string]*Profile
	custom    []*custom.Detector // run after the built-in scan
	// replHeads are how the tokens and labels of the kinds in use start,
	// JSON-escaped, and replFirst their first bytes: a JSON key holding
	// one names nothing (see Worker.keyHint).
	replHeads [][]byte
	replFirst []byte
	// localeKeys are Options.LocaleFields with the closing quote a record
	// holds them with: a search for a first byte other than '"', of which
	// JSON has many, is the quicker.
	localeKeys [][]byte
}

// NewEngine builds an Engine that redacts what set finds with the active key
// of ring. It fails if the ring or the options are invalid, naming the
// problem.
func NewEngine(set *detectors.Set, ring *KeyRing, o Options) (*Engine, error) {
	if set == nil {
		return nil, errors.New("transforms: nil detector set")
	}
	if err := ring.Validate(); err != nil {
		return nil, err
	}
	e := &Engine{
		set:      set,
		key:      ring.Active,
		maskHead: defaultInt(o.MaskHead, DefaultMaskHead),
		maskTail: defaultInt(o.MaskTail, DefaultMaskTail),
		maskChar: o.MaskChar,
		maxBytes: o.MaxRecordBytes,
		seed:     maphash.MakeSeed(),
		keySeed:  rand.Uint64(),
	}
	if e.maskChar == 0 {
		e.maskChar = DefaultMaskChar
	}
	if strings.IndexByte(MaskChars, e.maskChar) < 0 {
		return nil, fmt.Errorf("transforms: mask char %q: want one of %q", e.maskChar, MaskChars)
	}
	switch {
	case e.maxBytes == 0:
		e.maxBytes = DefaultMaxRecordBytes
	case e.maxBytes < 0:
		return nil, fmt.Errorf("transforms: max record bytes %d: must not be negative", e.maxBytes)
	}
	for k, a := range o.Actions {
		if k == detectors.None || int(k) >= detectors.MaxKinds {
			return nil, fmt.Errorf("transforms: action for kind %d: no such kind", k)
		}
		if a > Drop {
			return nil, fmt.Errorf("transforms: action for kind %s: unknown action %d", k, a)
		}
		e.actions[k] = a
		if a == Drop {
			e.dropKinds |= 1 << k
		}
	}
	tmpl := o.Template
	if tmpl == "" {
		tmpl = DefaultTemplate
	}
	parts, err := compileTemplate(tmpl)
	if err != nil {
		return nil, err
	}
	names := make(map[detectors.Kind]string, len(o.Custom))
	for i, d := range o.Custom {
		if _, dup := names[d.Kind()]; dup || slices.ContainsFunc(o.Custom[:i], func(c *custom.Detector) bool { return c.Name() == d.Name() }) {
			return nil, fmt.Errorf("transforms: custom detector %s: kind or name used twice", d.Name())
		}
		names[d.Kind()] = d.Name()
	}
	e.custom = o.Custom
	fields := o.LocaleFields
	if fields == nil {
		fields = DefaultLocaleFields
	}
	for _, f := range fields {
		if f == "" || strings.ContainsAny(f, `"\`) {
			return nil, fmt.Errorf("transforms: locale field %q: want a key name without quotes or backslashes", f)
		}
		e.localeKeys = append(e.localeKeys, []byte(f+`"`))
	}
	for k := range detectors.MaxKinds {
		kind := detectors.Kind(k)
		e.kindName[k] = kind.String()
		if n, ok := names[kind]; ok {
			e.kindName[k] = n
		}
		e.label[k] = "[" + e.kindName[k] + "]"
		e.macPrefix[k] = append([]byte(e.kindName[k]), 0)
		e.token[k][0] = parts.render(e.kindName[k], e.key.id)
		e.token[k][1] = make([]string, len(e.token[k][0]))
		for j, p := range e.token[k][0] {
			e.token[k][1][j] = string(appendJSONEscaped(nil, []byte(p)))
		}
		for _, pieces := range e.token[k] {
			if len(pieces) > 0 && pieces[0] != "" {
				e.tokenFirst[pieces[0][0]] = true
				continue
			}
			for c := range e.tokenFirst { // a token may start with its MAC
				e.tokenFirst[c] = true
			}
		}
	}
	if err := e.checkOutputs(); err != nil {
		return nil, err
	}
	for _, k := range append(slices.Clone(detectors.Builtin), slices.Collect(maps.Keys(names))...) {
		for _, head := range []string{e.token[k][1][0], string(appendJSONEscaped(nil, []byte(e.label[k])))} {
			if head == "" || slices.ContainsFunc(e.replHeads, func(h []byte) bool { return string(h) == head }) {
				continue
			}
			e.replHeads = append(e.replHeads, []byte(head))
			if !slices.Contains(e.replFirst, head[0]) {
				e.replFirst = append(e.replFirst, head[0])
			}
		}
	}
	e.profiles = make(map[string]*Profile, len(o.Profiles))
	for name, po := range o.Profiles {
		p, err := newProfile(name, po, set)
		if err != nil {
			return nil, fmt.Errorf("transforms: profile %s: %w", name, err)
		}
		e.profiles[name] = p
	}
	return e, nil
}

// Profile returns the profile named name, or nil if there is none.
func (e *Engine) Profile(name string) *Profile { return e.profiles[name] }

func defaultInt(v, def int) int {
	switch {
	case v == 0:
		return def
	case v < 0:
		return 0
	}
	return v
}

// checkOutputs makes sure that the tokens the template renders, and the
// generalized e-mail addresses built from them, are not found again by the
// detectors: redacting twice must give the same result as redacting once.
func (e *Engine) checkOutputs() error {
	w := e.NewWorker()
	kinds := slices.Concat(detectors.Builtin, []detectors.Kind{detectors.User, detectors.Field}, detectors.FreeText)
	for _, d := range e.custom {
		kinds = append(kinds, d.Kind())
	}
	var buf []byte
	for _, k := range kinds {
		buf = w.appendToken(buf[:0], k, formCanonical, []byte("sample"), false)
		if e.actions[k] == Generalize && k == detectors.Email {
			buf = append(buf, "@example.com"...)
		}
		if spans := e.set.AppendSpans(nil, buf); len(spans) > 0 {
			return fmt.Errorf("transforms: template: the %s token %q contains text the detectors find as %s; change the template's literal text",
				e.kindName[k], buf, spans[0].Kind)
		}
		for _, d := range e.custom {
			if spans, err := d.AppendSpans(nil, buf, time.Now().Add(time.Second)); err == nil && len(spans) > 0 {
				return fmt.Errorf("transforms: custom detector %s finds text in the %s token %q: tokens must not be found again; narrow its pattern",
					d.Name(), e.kindName[k], buf)
			}
		}
	}
	return nil
}

// holdsReplacement reports whether the raw JSON string b holds the start
// of a token or label of this engine.
func (e *Engine) holdsReplacement(b []byte) bool {
	for _, c := range e.replFirst {
		if bytes.IndexByte(b, c) < 0 {
			continue
		}
		for _, h := range e.replHeads {
			if h[0] == c && bytes.Contains(b, h) {
				return true
			}
		}
	}
	return false
}

// isToken reports whether v is a token of kind k under the active key,
// JSON-escaped if json.
func (e *Engine) isToken(v []byte, k detectors.Kind, json bool) bool {
	pieces := e.token[k][b2i(json)]
	if !bytes.HasPrefix(v, []byte(pieces[0])) {
		return false
	}
	v = v[len(pieces[0]):]
	for _, p := range pieces[1:] {
		if len(v) < 2*macLen || !bytes.HasPrefix(v[2*macLen:], []byte(p)) {
			return false
		}
		for _, c := range v[:2*macLen] {
			if strings.IndexByte(macAlphabet, c) < 0 {
				return false
			}
		}
		v = v[2*macLen+len(p):]
	}
	return len(v) == 0
}

// tokenPrefix returns the length of the token of any kind under the active
// key, JSON-escaped if json, that v starts with, or 0.
func (e *Engine) tokenPrefix(v []byte, json bool) int {
	if len(v) < 2*macLen || !e.tokenFirst[v[0]] {
		return 0
	}
	for k := range e.token {
		pieces := e.token[k][b2i(json)]
		if len(pieces) == 0 {
			continue
		}
		n := len(pieces[0])
		for _, p := range pieces[1:] {
			n += 2*macLen + len(p)
		}
		if n <= len(v) && e.isToken(v[:n], detectors.Kind(k), json) {
			return n
		}
	}
	return 0
}

// isAnyToken reports whether v is a token of any kind under the active
// key, JSON-escaped if json.
func (e *Engine) isAnyToken(v []byte, json bool) bool {
	return len(v) > 0 && e.tokenPrefix(v, json) == len(v)
}

// KindName returns the name of kind k in this engine's tokens: a custom
// detector's name for its kind.
func (e *Engine) KindName(k detectors.Kind) string {
	if int(k) >= detectors.MaxKinds {
		return k.String()
	}
	return e.kindName[k]
}

// KeyID returns the ID of the key that makes this engine's tokens.
func (e *Engine) KeyID() string { return e.key.id }

// templateParts is a compiled token template: literal text and placeholders.
type templateParts []templatePart

type templatePart struct {
	lit string
	ph  placeholder
}

type placeholder uint8

const (
	phNone placeholder = iota
	phKind
	phKey
	phMAC
)

// compileTemplate splits a template into literal parts and placeholders.
func compileTemplate(t string) (templateParts, error) {
	if !utf8.ValidString(t) {
		return nil, errors.New("transforms: template is not valid UTF-8")
	}
	var parts templateParts
	hasMAC := false
	lit := 0
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c < 0x20 || c == 0x7f {
			return nil, fmt.Errorf("transforms: template %q: control character at byte %d", t, i)
		}
		if c != '{' {
			continue
		}
		end := strings.IndexByte(t[i:], '}')
		if end < 0 {
			return nil, fmt.Errorf("transforms: template %q: '{' at byte %d is not closed", t, i)
		}
		var ph placeholder
		switch name := t[i+1 : i+end]; name {
		case "kind":
			ph = phKind
		case "key":
			ph = phKey
		case "mac":
			ph = phMAC
			hasMAC = true
		default:
			return nil, fmt.Errorf("transforms: template %q: unknown placeholder {%s} at byte %d: want {kind}, {key} or {mac}", t, name, i)
		}
		if lit < i {
			parts = append(parts, templatePart{lit: t[lit:i]})
		}
		parts = append(parts, templatePart{ph: ph})
		i += end
		lit = i + 1
	}
	if lit < len(t) {
		parts = append(parts, templatePart{lit: t[lit:]})
	}
	if !hasMAC {
		return nil, fmt.Errorf("transforms: template %q: must contain {mac}", t)
	}
	return parts, nil
}

// render fills in {kind} and {key} and returns the literal pieces around
// each {mac}: a token is pieces[0] mac pieces[1] ... mac pieces[n].
func (p templateParts) render(kind, key string) []string {
	var pieces []string
	var b strings.Builder
	for _, part := range p {
		switch part.ph {
		case phNone:
			b.WriteString(part.lit)
		case phKind:
			b.WriteString(kind)
		case phKey:
			b.WriteString(key)
		case phMAC:
			pieces = append(pieces, b.String())
			b.Reset()
		}
	}
	return append(pieces, b.String())
}

// localeRegion returns the phone region that the first locale field of
// rec naming one of the detector set's regions names (see
// detectors.Set.LocaleRegion), or 0. A key is found as its quoted name
// followed by ':' and a string; one inside a string is escaped, \"locale\",
// and is passed over.
func (e *Engine) localeRegion(rec []byte) uint64 {
	for _, key := range e.localeKeys {
		for off := 0; ; {
			i := bytes.Index(rec[off:], key)
			if i < 0 {
				break
			}
			i += off
			off = i + len(key)
			if i == 0 || rec[i-1] != '"' || i > 1 && rec[i-2] == '\\' {
				continue
			}
			j := skipWS(rec, off)
			if j >= len(rec) || rec[j] != ':' {
				continue
			}
			if j = skipWS(rec, j+1); j >= len(rec) || rec[j] != '"' {
				continue
			}
			n := bytes.IndexByte(rec[j+1:], '"')
			if n < 0 || n > maxLocaleLen {
				continue
			}
			if m := e.set.LocaleRegion(rec[j+1 : j+1+n]); m != 0 {
				return m
			}
		}
	}
	return 0
}

// maxLocaleLen bounds the locale values read: "zh-Hans-CN.UTF-8@calendar".
const maxLocaleLen = 32
