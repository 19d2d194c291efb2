package transforms

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/bits"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors"
)

// Redact appends the de-identified form of the record rec to dst and returns
// the extended buffer. A trailing "\n" or "\r\n" is not part of the record
// and is not copied. With FormatAuto (and any unknown Format), a record
// whose first non-space byte is '{' is read as JSON, anything else as text.
//
// JSON is walked value by value: keys and structure are copied as they are
// (whitespace included), string values, and number values under keys that
// name a kind of personal data, are scanned with the hint their key gives,
// and findings are replaced in place; a number with a finding becomes a
// string. The output is valid JSON with the same keys, except for members
// removed by Drop and for personal data in keys ({"li@163.com":1}), which
// the built-in detectors find and replace as in values.
//
// Invisible characters next to ASCII (zero-width spaces, soft hyphens,
// bidirectional marks; see appendVisible) are removed from the record,
// keys included, before it is read, so that none hides an identifier.
//
// A record that cannot be de-identified is not copied at all: Redact returns
// dst unchanged and a *RecordError. In steady state Redact does not allocate.
func (w *Worker) Redact(dst, rec []byte, f Format) ([]byte, error) {
	out, _, err := w.RedactRecord(dst, rec, f, nil)
	return out, err
}

// RedactRecord is Redact with the policy of profile p, from this worker's
// Engine, or none if p is nil: its field rules apply to JSON records and to
// the fields of text records (user_id=…, "user_id":"…"), the language of
// their free text is detected, and the values the policy gate reads are
// returned as Facts.
func (w *Worker) RedactRecord(dst, rec []byte, f Format, p *Profile) ([]byte, Facts, error) {
	return w.redactRecord(dst, rec, f, p, detectors.Hint{})
}

// RedactValue is Redact of value as text, read with what name says of it
// as a JSON member's key says of its value: the value of a Kafka header,
// whose name ("idfa", "x-user-phone") may be all that tells a bare number
// or UUID for what it is. name is not redacted.
func (w *Worker) RedactValue(dst, value, name []byte) ([]byte, error) {
	hint, _, _ := w.keyHint(name)
	out, _, err := w.redactRecord(dst, value, FormatText, nil, hint)
	return out, err
}

// redactRecord is RedactRecord, with text read with the hint h.
func (w *Worker) redactRecord(dst, rec []byte, f Format, p *Profile, h detectors.Hint) ([]byte, Facts, error) {
	if bytes.HasPrefix(rec, utf8BOM) {
		return w.redactAfterBOM(dst, rec, f, p, h)
	}
	rec = trimNewline(rec)
	mayHide, err := w.checkRecord(rec)
	if err != nil {
		return dst, Facts{}, err
	}
	if mayHide && hasInvisible(rec) {
		if w.visible = appendVisible(w.visible[:0], rec); len(w.visible) < len(rec) {
			return w.redactVisible(dst, rec, f, p, h)
		}
	}
	return w.redactChecked(dst, rec, f, p, h)
}

// redactVisible is redactRecord of w.visible, the record rec without the
// invisible characters that could hide an identifier (see appendVisible):
// an error's offset is one in rec.
func (w *Worker) redactVisible(dst, rec []byte, f Format, p *Profile, h detectors.Hint) ([]byte, Facts, error) {
	out, facts, err := w.redactChecked(dst, w.visible, f, p, h)
	if err != nil {
		var re *RecordError
		if errors.As(err, &re) {
			re.Offset = visibleOffset(rec, re.Offset)
		}
	}
	return out, facts, err
}

// redactChecked is redactRecord of a record of valid length and UTF-8,
// with no newline at its end.
func (w *Worker) redactChecked(dst, rec []byte, f Format, p *Profile, h detectors.Hint) ([]byte, Facts, error) {
	w.facts = Facts{}
	if f != FormatJSON && f != FormatText {
		f = FormatText
		if i := skipWS(rec, 0); i < len(rec) && rec[i] == '{' {
			f = FormatJSON
		}
	}
	w.startRecord()
	w.rec, w.json, w.localeRead = rec, f == FormatJSON, false
	if f == FormatText {
		mask := w.textRegions(p, rec)
		spans, err := w.findSpans(w.spans[:0], rec, h, mask)
		if err != nil {
			w.settle(false)
			w.rec = nil
			return dst, Facts{}, err
		}
		if p != nil {
			w.textFields(p, rec, false)
		}
		switch {
		case p.detects(): // a text record is free text as a whole in prompts
			spans = w.appendFreeText(spans, rec, p.lang)
			w.noteStatedAge(p, rec)
		case p != nil:
			spans = appendLogNames(spans, rec) // "DHCPACK … (Johns-iPhone)", "Jane Doe <jane@…>" in a log line
			spans = w.appendFreeTextFields(spans, p, rec)
		}
		w.spans = spans
		w.tally(w.spans)
		w.regions = mask
		if p != nil {
			w.prof = p
			dst = w.appendRuledText(dst, rec, w.spans, false)
			w.prof = nil
		} else {
			dst = w.appendRedacted(dst, rec, w.spans, false)
		}
		w.settle(true)
		w.regions, w.rec = 0, nil
		return dst, w.facts, nil
	}
	w.prof = p
	w.keyPII = false
	out, off, reason := w.redactJSON(dst, rec)
	w.prof = nil
	if reason == 0 && w.keyPII {
		out, reason = w.redactKeys(dst, out)
	}
	w.rec = nil
	if reason != 0 {
		w.settle(false)
		return dst, Facts{}, &RecordError{Reason: reason, Offset: off}
	}
	w.settle(true)
	return out, w.facts, nil
}

// checkRecord returns the *RecordError of a record that cannot be
// redacted: one too long, or not UTF-8; and whether an invisible
// character may hide an identifier in it (see validUTF8).
func (w *Worker) checkRecord(rec []byte) (mayHide bool, err error) {
	if len(rec) > w.e.maxBytes {
		return false, &RecordError{Reason: ReasonTooLarge, Offset: w.e.maxBytes}
	}
	valid, mayHide := validUTF8(rec)
	if !valid {
		return false, &RecordError{Reason: ReasonInvalidUTF8, Offset: invalidUTF8Offset(rec)}
	}
	return mayHide, nil
}

// redactKeys replaces the personal data in the keys of the JSON value
// out[len(dst):], redacted but for its keys, and returns dst with the
// result appended. A key is seldom personal data, but an object keyed by
// e-mail address or phone number would carry them all into training data;
// such records take this second, key-only pass.
func (w *Worker) redactKeys(dst, out []byte) ([]byte, Reason) {
	w.keyBuf = append(w.keyBuf[:0], out[len(dst):]...)
	w.prof = &keysOnly
	res, _, reason := w.redactJSON(dst, w.keyBuf)
	w.prof = nil
	return res, reason
}

// keysOnly is the profile of redactKeys' pass: its walk checks for it
// where it checks for a profile, so that the walk without one pays nothing.
var keysOnly Profile

// utf8BOM is the byte order mark some Windows tools start a UTF-8 file with.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// redactAfterBOM is RedactRecord for a record that starts with a byte order
// mark: the mark is kept, and what follows it read as it would be without
// one, so that a file's first line is still a JSON object, with its keys
// to go by. An error's offset counts the mark.
func (w *Worker) redactAfterBOM(dst, rec []byte, f Format, p *Profile, h detectors.Hint) ([]byte, Facts, error) {
	out, facts, err := w.redactRecord(append(dst, utf8BOM...), rec[len(utf8BOM):], f, p, h)
	if err != nil {
		var re *RecordError
		if errors.As(err, &re) {
			re.Offset += len(utf8BOM)
		}
		return dst, facts, err
	}
	return out, facts, nil
}

// trimNewline removes one trailing "\n" or "\r\n".
func trimNewline(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
		if n > 1 && b[n-2] == '\r' {
			b = b[:n-2]
		}
	}
	return b
}

// invalidUTF8Offset returns the offset of the first byte of b that is not
// part of a valid UTF-8 sequence.
func invalidUTF8Offset(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// frame is one open JSON object or array.
type frame struct {
	obj bool
	// hint is what the key of the container says: an array's elements
	// inherit it, an object's members may (see detectors.MemberHint).
	hint detectors.Hint
	// pair is what the key of a key-value pair in the object says, read
	// from its "key", "name", "type"... member (see
	// detectors.PairKeyMember): its "value" member gets it.
	pair detectors.Hint
	n    int // members or elements written (not dropped)
	// With a profile: the path states inside the container are
	// w.states[lo:hi], and its values inherit rule.
	lo, hi int
	rule   *FieldRule
	// drop: the container is removed when it closes; ms is where its
	// member starts.
	drop bool
	ms   int
	// keyAt locates the key of the container, or of the array it is in:
	// the parent its members' paths name ("os" of "os.name"), read when a
	// member needs it (see parentKey) from w.src[keyAt-1:], where its
	// member starts; 0 at the root and with no profile.
	keyAt int
}

// Walker states.
const (
	stValue  = iota // a value starts at i
	stMember        // an object member's key starts at i
	stAfter         // a value ended at i; dropped says if it was removed
)

// redactJSON appends the redacted form of src, a JSON value, to dst. It
// validates src as it goes and, if it is not valid JSON, returns the reason
// and the offset of the problem. With a profile (w.prof), it applies its
// field rules and reads the policy's fields into w.facts. It notes in
// w.keyPII whether a key holds personal data, which it leaves; with the
// profile keysOnly, it replaces that and copies the values as they are.
//
// Bytes are copied lazily: src[pend:i] is what has been read and not yet
// copied, so a record without findings is copied by one append at the end.
func (w *Worker) redactJSON(dst, src []byte) ([]byte, int, Reason) {
	stack := w.stack[:0]
	w.src, w.pair = src, pairKeyed{}
	defer func() { w.stack, w.src = stack[:0], nil }()
	prof := w.prof

	var hint detectors.Hint // what the key of the value at i says
	var mem member          // what the profile says of the value at i
	pair := roleNone        // the part of the value at i in a key-value pair
	switch {
	case prof == &keysOnly:
		mem = member{rule: &keepValue, user: -1}
	case prof != nil:
		w.states = append(w.states[:0], prof.paths.root...)
		mem = member{hi: len(w.states), user: -1}
	}
	pend := 0 // src[pend:i] is still to be copied
	i := skipWS(src, 0)
	ms := i // where the current member starts, for Drop
	dropped := false
	hasLang := false // the record has a member named like the language field
	state := stValue
	for {
		switch state {
		case stMember:
			if i >= len(src) || src[i] != '"' {
				return dst, i, ReasonMalformedJSON
			}
			end, ok, escapedText := scanString(src, i+1)
			if !ok {
				return dst, end, ReasonMalformedJSON
			}
			key := src[i+1 : end]
			if escapedText {
				w.keyText = appendTextEscapesDecoded(w.keyText[:0], key) // as a value's
				key = w.keyText
			}
			var role keyRole
			var shape keyShape
			hint, role, shape = w.keyHint(key)
			top := &stack[len(stack)-1]
			hint = detectors.MemberHint(top.hint, hint, key)
			pair = role
			if role == roleValue && hint == (detectors.Hint{}) && top.pair != (detectors.Hint{}) {
				hint, pair = top.pair, roleNone // {"key":"phone","value":…}
			}
			switch {
			case prof == &keysOnly:
				mem.rule = top.rule
				if top.rule != &discard {
					dst, pend, mem.rule = w.redactKey(dst, src, key, pend, i, end)
				}
			case prof != nil:
				mem = w.member(prof, top, key, shape, nil)
				hasLang = hasLang || len(stack) == 1 && prof.langKey != nil && string(key) == prof.lang.Field
				if role == roleValue && w.pair.depth == len(stack) {
					w.pairValue(&mem, top)
				}
			}
			i = skipWS(src, end+1)
			if i >= len(src) || src[i] != ':' {
				return dst, i, ReasonMalformedJSON
			}
			i = skipWS(src, i+1)
			state = stValue

		case stValue:
			if i >= len(src) {
				return dst, i, ReasonMalformedJSON
			}
			dropped = false
			state = stAfter
			rule := mem.rule
			switch c := src[i]; {
			case c == '{' || c == '[':
				if rule != nil && prof != nil && rule == prof.userAlias {
					rule = nil // "user":{…}: left to its members' rules
				}
				if len(stack) == MaxDepth {
					return dst, i, ReasonTooLarge
				}
				pair = roleNone // a pair's key and value are scalars
				if c == '[' && rule != nil && rule.Action == FieldGeneralize {
					if coord, end, ok := readDMS(src, i); ok {
						w.count(rule.Kind)
						dst = coord.appendRounded(append(dst, src[pend:i]...), rule.Decimals)
						pend, i = end, end
						continue
					}
				}
				f := frame{obj: c == '{', hint: hint, lo: mem.lo, hi: mem.hi, rule: rule}
				if prof != nil && len(stack) > 0 {
					if top := &stack[len(stack)-1]; top.obj {
						f.keyAt = ms + 1
					} else {
						f.keyAt = top.keyAt // array elements are transparent
					}
					w.pairContainer(mem, len(stack)+1)
				}
				if rule != nil && rule.Action == FieldDrop {
					// Walked without output, then removed whole.
					f.drop, f.ms, f.rule = true, ms, &discard
				}
				stack = append(stack, f)
				i = skipWS(src, i+1)
				if i < len(src) && src[i] == c+2 { // '}' or ']'
					i++
					dropped = f.drop && w.closeDropped(&dst, src, &f, &pend, i, len(stack) == 1)
					stack = stack[:len(stack)-1]
					continue
				}
				ms = i
				if c == '{' {
					state = stMember
				} else {
					mem = member{rule: f.rule, lo: f.lo, hi: f.hi, user: -1}
					state = stValue
				}
				continue
			case c == '"':
				end, ok, escapedText := scanString(src, i+1)
				if !ok {
					return dst, end, ReasonMalformedJSON
				}
				raw := src[i+1 : end]
				if prof != nil && mem.uses != 0 {
					w.capture(prof, &mem, raw, true)
				}
				if escapedText {
					// Read as most encoders write it, so that an escaped
					// "\u624b\u673a" is the context 手机 and "\u0661" an
					// Arabic-Indic digit; a value with a finding is
					// written so.
					w.text = appendTextEscapesDecoded(w.text[:0], raw)
					if hasInvisible(w.text) { // "jane\u200b@…"
						w.text = appendVisible(w.text[:0], w.text)
					}
					raw = w.text
				}
				if pair != roleNone {
					hint = w.pairString(&stack[len(stack)-1], pair, hint, raw, src, end+1)
					if pair == rolePair && prof != nil && prof.paths != nil {
						w.pairField(prof, &stack[len(stack)-1], len(stack), raw)
						if rule != nil && rule.Action == FieldDrop && identifier(raw) && (w.pair.depth == len(stack) || stack[len(stack)-1].pair != (detectors.Hint{})) {
							rule = nil // {"name":"email","value":…} names a field, not a person
						}
					}
				}
				switch {
				case rule == nil:
					spans, err := w.findSpans(w.spans[:0], raw, hint, mem.regions)
					if err != nil {
						return dst, i, reasonOf(err)
					}
					switch {
					case mem.uses&usesText != 0:
						spans = w.appendFreeText(spans, raw, prof.lang)
						w.noteStatedAge(prof, raw)
					case prof != nil && len(spans) > 0:
						spans = withDisplayNames(spans, raw, len(spans)) // {"to":"\"Jane Doe\" <jane@…>"}
					}
					w.spans = spans
					ruled := prof != nil && w.valueFields(prof, raw)
					if len(w.spans) > 0 || ruled {
						if dropped = w.tally(w.spans); !dropped {
							dst = append(dst, src[pend:i+1]...)
							w.regions = mem.regions
							if ruled {
								dst = w.appendRuledText(dst, raw, w.spans, true)
							} else {
								dst = w.appendRedacted(dst, raw, w.spans, true)
							}
							w.regions = 0
							pend = end
						}
					}
				case rule.Action == FieldDrop:
					dropped = true
				case rule.Action != FieldKeep:
					dst = append(dst, src[pend:i+1]...)
					dst = w.appendRuled(dst, raw, rule, hint, true)
					pend = end
				}
				i = end + 1
			case c == 't' || c == 'f' || c == 'n':
				end := scanLiteral(src, i)
				if end < 0 {
					return dst, i, ReasonMalformedJSON
				}
				if prof != nil && mem.uses != 0 {
					w.capture(prof, &mem, src[i:end], false)
				}
				dropped = rule != nil && rule.Action == FieldDrop
				i = end
			default:
				end, ok := scanNumber(src, i)
				if !ok {
					return dst, end, ReasonMalformedJSON
				}
				num := src[i:end]
				if prof != nil && mem.uses != 0 {
					w.capture(prof, &mem, num, false)
				}
				if pair == roleValue && hint == (detectors.Hint{}) {
					hint = w.pairAhead(src, end) // {"value":490154203237518,"kind":"imei"}
				}
				switch {
				case rule == nil && (hint.Kind != detectors.None || hint.Has(detectors.ContactKey)):
					// 13800138000.0 and 1.3800138e10 are 13800138000.
					if n, ok := appendIntegerForm(w.number[:0], num); ok {
						w.number, num = n, n
					}
					w.spans = w.e.set.AppendValueSpans(w.spans[:0], num, hint)
					if len(w.spans) > 0 {
						if dropped = w.tally(w.spans); !dropped {
							dst = append(dst, src[pend:i]...)
							dst = append(dst, '"')
							dst = w.appendRedacted(dst, num, w.spans, true)
							dst = append(dst, '"')
							pend = end
						}
					}
				case rule == nil || rule.Action == FieldKeep:
				case rule.Action == FieldDrop:
					dropped = true
				default:
					dst = append(dst, src[pend:i]...)
					dst = w.appendRuledNumber(dst, num, rule, hint)
					pend = end
				}
				i = end
			}
			if dropped {
				w.removeMember(&dst, src, &pend, ms, i, len(stack) == 0)
			}

		case stAfter:
			i = skipWS(src, i)
			if len(stack) == 0 {
				if i != len(src) {
					return dst, i, ReasonMalformedJSON
				}
				return append(dst, src[pend:]...), 0, 0
			}
			top := &stack[len(stack)-1]
			if !dropped {
				top.n++
			}
			dropped = false
			if prof != nil {
				w.states = w.states[:top.hi]
			}
			if i >= len(src) {
				return dst, i, ReasonMalformedJSON
			}
			switch c := src[i]; {
			case c == ',':
				if top.n == 0 { // nothing written before it: drop the comma
					dst = append(dst, src[pend:i]...)
					pend = i + 1
				}
				ms = i
				i = skipWS(src, i+1)
				if top.obj {
					state = stMember
				} else {
					hint = top.hint
					mem = member{rule: top.rule, lo: top.lo, hi: top.hi, user: -1}
					state = stValue
				}
			case c == '}' && top.obj, c == ']' && !top.obj:
				if len(stack) == 1 && top.obj && !hasLang && w.facts.Lang != "" && prof != nil && prof.langKey != nil {
					dst = append(dst, src[pend:i]...)
					pend = i
					if top.n > 0 {
						dst = append(dst, ',')
					}
					dst = append(append(append(dst, prof.langKey...), w.facts.Lang...), '"')
				}
				i++
				dropped = top.drop && w.closeDropped(&dst, src, top, &pend, i, len(stack) == 1)
				stack = stack[:len(stack)-1]
			default:
				return dst, i, ReasonMalformedJSON
			}
		}
	}
}

// identifier reports whether v, a pair's key, is written as a field's name
// is: ASCII letters, digits, '_', '-', '.' and '$', at most maxTextKey,
// where a person's name ("Li Wei’s iPhone") has spaces or other letters.
func identifier(v []byte) bool {
	if len(v) == 0 || len(v) > maxTextKey {
		return false
	}
	for _, c := range v {
		if !isKeyByte(c) && c != '$' {
			return false
		}
	}
	return true
}

// pairKeyed is what a policy says of the value of a key-value pair whose
// key names a field ({"key":"age","value":{"int_value":9}}, as Firebase's
// and GA4's exports write event parameters and user properties): the
// value member of the container at depth (the stack's length inside it)
// gets it.
type pairKeyed struct {
	depth int // 0: none
	rule  *FieldRule
	uses  uint8
	user  int
}

// pairField reads the string key, of a key-value pair in the object top at
// depth, as the key of a member of top, for the pair's value member to
// get what the profile p says of it (see pairValue).
//
//go:noinline
func (w *Worker) pairField(p *Profile, top *frame, depth int, key []byte) {
	n := len(w.states)
	m := w.member(p, top, key, shapeOf(key), nil)
	w.states = w.states[:n]
	w.pair = pairKeyed{}
	if m.rule != top.rule || m.uses != 0 {
		w.pair = pairKeyed{depth: depth, rule: m.rule, uses: m.uses, user: m.user}
	}
}

// pairValue gives mem, the value member of a key-value pair or of an
// object that is such a value ({"int_value":9}), what the pair's key says
// (see pairField): its rule unless one of its own applies, and what the
// policy reads of it.
//
//go:noinline
func (w *Worker) pairValue(mem *member, top *frame) {
	if w.pair.rule != top.rule && mem.rule == top.rule && top.rule != &discard {
		mem.rule = w.pair.rule
	}
	mem.uses |= w.pair.uses
	if w.pair.user >= 0 && (mem.user < 0 || w.pair.user < mem.user) {
		mem.user = w.pair.user
	}
}

// pairContainer notes the container opened at depth for the member mem:
// if mem is a pair's value with what its key says, the container's own
// value members get it too ({"value":{"string_value":…}}); any other
// container ends what an earlier sibling's pair said.
func (w *Worker) pairContainer(mem member, depth int) {
	switch {
	case w.pair.depth == depth-1 && (mem.uses != 0 || mem.rule == w.pair.rule && w.pair.rule != nil):
		w.pair.depth = depth
	case w.pair.depth >= depth:
		w.pair = pairKeyed{}
	}
}

// parentKey returns the key of the JSON container f: that of the member
// that starts at w.src[f.keyAt-1] (its ',' or its key), or nil at the root
// or if the key has escapes. It is read again here, so that the walk keeps
// no key for the containers it opens.
func (w *Worker) parentKey(f *frame) []byte {
	if f.keyAt == 0 {
		return nil
	}
	i := f.keyAt - 1
	if w.src[i] == ',' {
		i = skipWS(w.src, i+1)
	}
	end, ok, escapedText := scanString(w.src, i+1)
	if !ok || escapedText {
		return nil
	}
	return w.src[i+1 : end]
}

// discard is the rule inherited inside a container that is dropped whole:
// its values are not scanned, only walked.
var discard = FieldRule{Action: FieldKeep}

// The rules of redactKeys' pass: values are copied as they are, and a
// member whose key has a finding to drop is removed.
var keepValue, dropMember = FieldRule{Action: FieldKeep}, FieldRule{Action: FieldDrop}

// redactKey handles the key src[i:end+1], its quotes included, whose
// content reads as key, in redactKeys' pass: it appends it with what the
// built-in detectors find in it replaced, or returns the rule that removes
// its member.
func (w *Worker) redactKey(dst, src, key []byte, pend, i, end int) ([]byte, int, *FieldRule) {
	w.spans = w.e.set.AppendSpans(w.spans[:0], key)
	switch {
	case len(w.spans) == 0:
		return dst, pend, &keepValue
	case w.tally(w.spans):
		return dst, pend, &dropMember
	}
	dst = append(dst, src[pend:i+1]...)
	dst = w.appendRedacted(dst, key, w.spans, true)
	return dst, end, &keepValue
}

// removeMember removes the member (or element) that starts at ms and ends
// at i from the output: what comes before it is copied, the rest skipped.
// A dropped root value becomes null.
func (w *Worker) removeMember(dst *[]byte, src []byte, pend *int, ms, i int, root bool) {
	if *pend < ms {
		*dst = append(*dst, src[*pend:ms]...)
	}
	*pend = i
	if root {
		*dst = append(*dst, "null"...)
	}
}

// closeDropped removes a closed container f, ending at i, that is to be
// dropped, and reports true.
func (w *Worker) closeDropped(dst *[]byte, src []byte, f *frame, pend *int, i int, root bool) bool {
	w.count(detectors.Field)
	w.removeMember(dst, src, pend, f.ms, i, root)
	return true
}

// skipWS returns the offset of the first byte at or after i that is not JSON
// whitespace.
func skipWS(b []byte, i int) int {
	for i < len(b) && b[i] <= ' ' {
		switch b[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// strPlain marks the bytes that stand for themselves in a JSON string.
var strPlain = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// special8 returns a mask whose lowest set bit is the top bit of the first
// of the 8 bytes of x (in little-endian order) that is '"', '\\' or a
// control character, or 0 if there is none, without a branch per byte.
// Bits above the lowest may be false alarms: only the lowest is exact.
func special8(x uint64) uint64 {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	q := x ^ lo*'"'
	b := x ^ lo*'\\'
	return ((q-lo)&^q | (b-lo)&^b | (x-lo*0x20)&^x) & hi
}

// scanString validates the JSON string whose content starts at src[i] and
// returns the offset of its closing quote, and whether it has an escape
// that appendTextEscapesDecoded decodes ("\u624b", "\u002e"); or, if it is
// not valid, false and the offset of the problem.
func scanString(src []byte, i int) (end int, ok, escapedText bool) {
	for {
		for i+8 <= len(src) {
			if m := special8(binary.LittleEndian.Uint64(src[i:])); m != 0 {
				i += bits.TrailingZeros64(m) >> 3
				goto special
			}
			i += 8
		}
		for i < len(src) && strPlain[src[i]] {
			i++
		}
		if i >= len(src) {
			return i, false, false
		}
	special:
		switch src[i] {
		case '"':
			return i, true, escapedText
		case '\\':
			if i+1 >= len(src) {
				return i, false, false
			}
			switch src[i+1] {
			case '/':
				escapedText = true // "ab\/cd" of a base64 secret, as PHP writes it
				i += 2
			case '"', '\\', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(src) {
					return i, false, false
				}
				r := hexVal(src[i+2 : i+6])
				if r < 0 {
					return i, false, false
				}
				escapedText = escapedText || decodedEscape(r)
				i += 6
			default:
				return i, false, false
			}
		default:
			return i, false, false // a control character
		}
	}
}

// scanLiteral returns the end of the literal true, false or null at src[i],
// or -1.
func scanLiteral(src []byte, i int) int {
	for _, lit := range [...]string{"true", "false", "null"} {
		if len(src)-i >= len(lit) && string(src[i:i+len(lit)]) == lit {
			return i + len(lit)
		}
	}
	return -1
}

// scanNumber validates the JSON number at src[i] and returns its end; or,
// if it is not valid, false and the offset of the problem.
func scanNumber(src []byte, i int) (int, bool) {
	if i < len(src) && src[i] == '-' {
		i++
	}
	switch {
	case i >= len(src) || !isDigit(src[i]):
		return i, false
	case src[i] == '0':
		i++
	default:
		i = skipDigits(src, i)
	}
	if i < len(src) && src[i] == '.' {
		i++
		if i >= len(src) || !isDigit(src[i]) {
			return i, false
		}
		i = skipDigits(src, i)
	}
	if i < len(src) && (src[i] == 'e' || src[i] == 'E') {
		i++
		if i < len(src) && (src[i] == '+' || src[i] == '-') {
			i++
		}
		if i >= len(src) || !isDigit(src[i]) {
			return i, false
		}
		i = skipDigits(src, i)
	}
	return i, true
}

// maxIntegerForm bounds the digits appendIntegerForm writes: no identifier
// a key names is longer.
const maxIntegerForm = 24

// appendIntegerForm appends the digits of the valid JSON number v if it is
// an integer written with a fraction or an exponent (13800138000.0,
// 1.3800138E+10, as a float-typed field serializes a phone number), with
// its sign; it reports false for any other number.
func appendIntegerForm(dst, v []byte) ([]byte, bool) {
	orig := len(dst)
	if !bytes.ContainsAny(v, ".eE") {
		return dst, false
	}
	if v[0] == '-' {
		dst = append(dst, '-')
		v = v[1:]
	}
	mant, exp := v, 0
	if i := bytes.IndexAny(v, "eE"); i >= 0 {
		mant = v[:i]
		e, ok := exponent(v[i+1:])
		if !ok {
			return dst[:orig], false
		}
		exp = e
	}
	intPart, frac := mant, []byte(nil)
	if i := bytes.IndexByte(mant, '.'); i >= 0 {
		intPart, frac = mant[:i], mant[i+1:]
	}
	// The value is the digits of intPart and frac with the point after
	// len(intPart)+exp of them.
	digits := len(intPart) + len(frac)
	point := len(intPart) + exp
	if point < 1 || point > maxIntegerForm {
		return dst[:orig], false
	}
	start := len(dst)
	for i := range max(point, digits) {
		c := byte('0')
		if i < len(intPart) {
			c = intPart[i]
		} else if i < digits {
			c = frac[i-len(intPart)]
		}
		switch {
		case i >= point:
			if c != '0' {
				return dst[:orig], false // a fraction: no identifier
			}
		case c == '0' && len(dst) == start && i < point-1: // a leading zero
		default:
			dst = append(dst, c)
		}
	}
	return dst, true
}

// exponent parses a JSON number's exponent digits, with their sign, up to
// maxIntegerForm in size.
func exponent(b []byte) (int, bool) {
	neg := len(b) > 0 && b[0] == '-'
	if len(b) > 0 && (b[0] == '-' || b[0] == '+') {
		b = b[1:]
	}
	e := 0
	for _, c := range b {
		if e = 10*e + int(c-'0'); e > maxIntegerForm {
			return 0, false
		}
	}
	if neg {
		e = -e
	}
	return e, true
}

func skipDigits(b []byte, i int) int {
	for i < len(b) && isDigit(b[i]) {
		i++
	}
	return i
}

// pairString handles the string raw, the value of a member of the object
// top that has a part in a key-value pair, and returns the hint it is read
// with: a pair's key names its value's kind ({"key":"phone","value":…}),
// and a pair's value with no hint of its own looks ahead for its key
// ({"value":"4155550132","type":"mobile"}), from src[next]. It is kept out
// of the walk's loop, whose registers it would take.
//
//go:noinline
func (w *Worker) pairString(top *frame, role keyRole, hint detectors.Hint, raw, src []byte, next int) detectors.Hint {
	switch {
	case role == rolePair:
		top.pair = w.pairKeyHint(raw)
	case hint == (detectors.Hint{}):
		return w.pairAhead(src, next)
	}
	return hint
}

// pairKeyHint returns what v, the string that names a key-value pair's
// key, says of its value, as keyHint reads a key: from the cache, which
// the keys of a stream's pairs share. Personal data in v is a value's,
// which does not call for the pass over keys (see redactKeys).
func (w *Worker) pairKeyHint(v []byte) detectors.Hint {
	pii := w.keyPII
	h, _, _ := w.keyHint(v)
	w.keyPII = pii
	return h
}

// maxPairAhead and maxPairAheadBytes bound what pairAhead reads: a record
// of nested objects that each start with a value must cost its length,
// not its length times its depth.
const (
	maxPairAhead      = 16
	maxPairAheadBytes = 512
)

// pairAhead returns what a later member of the object names the value
// that ends at src[i], a pair's value whose key did not come first: the
// first member of a pair's key's name ("type", "name", ...) with a string
// value, as {"value":"4155550132","type":"mobile"} has it. It reads at
// most maxPairAhead members and maxPairAheadBytes, and stops at the
// object's end or at anything malformed, which the walk will report.
func (w *Worker) pairAhead(src []byte, i int) detectors.Hint {
	src = src[:min(len(src), i+maxPairAheadBytes)]
	for range maxPairAhead {
		i = skipWS(src, i)
		if i >= len(src) || src[i] != ',' {
			return detectors.Hint{}
		}
		i = skipWS(src, i+1)
		if i >= len(src) || src[i] != '"' {
			return detectors.Hint{}
		}
		end, ok, _ := scanString(src, i+1)
		if !ok {
			return detectors.Hint{}
		}
		key := src[i+1 : end]
		if i = skipWS(src, end+1); i >= len(src) || src[i] != ':' {
			return detectors.Hint{}
		}
		if i = skipWS(src, i+1); i < len(src) && src[i] == '"' {
			end, ok, escapedText := scanString(src, i+1)
			if !ok {
				return detectors.Hint{}
			}
			if detectors.PairKeyMember(key) {
				v := src[i+1 : end]
				if escapedText {
					w.keyText = appendTextEscapesDecoded(w.keyText[:0], v) // free: the member's key is read
					v = w.keyText
				}
				return w.pairKeyHint(v)
			}
			i = end + 1
			continue
		}
		if i = skipValue(src, i); i < 0 {
			return detectors.Hint{}
		}
	}
	return detectors.Hint{}
}

// skipValue returns the end of the JSON value at src[i], which is no
// string, or -1 if it is malformed as far as it is read.
func skipValue(src []byte, i int) int {
	if i >= len(src) {
		return -1
	}
	switch c := src[i]; {
	case c == '{' || c == '[':
		for depth := 0; i < len(src); i++ {
			switch src[i] {
			case '"':
				end, ok, _ := scanString(src, i+1)
				if !ok {
					return -1
				}
				i = end
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return i + 1
				}
			}
		}
		return -1
	case c == 't' || c == 'f' || c == 'n':
		return scanLiteral(src, i)
	}
	end, ok := scanNumber(src, i)
	if !ok {
		return -1
	}
	return end
}
