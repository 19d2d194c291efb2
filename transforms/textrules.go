package transforms

import (
	"bytes"
	"cmp"
	"slices"

	"github.com/pixelprivacy/veil/detectors"
)

// textMember resolves what profile p says of the value of a text field's
// key: a logfmt key with dots ("user.id") as the path of nested keys, a
// JSON key as one key. A rule that drops a container drops what is in it.
// The member's usesText is left out (see textFields).
func (w *Worker) textMember(p *Profile, key []byte, dotted bool) member {
	m := w.textMemberText(p, key, dotted)
	m.uses &^= usesText
	return m
}

// textMemberText is textMember with usesText: the value is free text.
func (w *Worker) textMemberText(p *Profile, key []byte, dotted bool) member {
	if !p.paths.mayMatchAtRoot(key) && !(dotted && bytes.IndexByte(key, '.') >= 0) && !p.aliasesUser(key) &&
		!(p.coordinate != nil && endsInCoordinate(key)) && !(p.lang != nil && endsInTextWord(key)) {
		return member{user: -1}
	}
	w.states = append(w.states[:0], p.paths.root...)
	top := frame{hi: len(w.states)}
	var dropped *FieldRule
	var parent []byte
	for {
		seg, rest, more := key, []byte(nil), false
		if dotted {
			seg, rest, more = bytes.Cut(key, dot)
		}
		m := w.member(p, &top, seg, shapeOf(seg), parent)
		if !more || len(rest) == 0 {
			if dropped != nil {
				m.rule = dropped
			}
			return m
		}
		if dropped == nil && m.rule != nil && m.rule.Action == FieldDrop {
			dropped = m.rule
		}
		if m.rule == p.userAlias {
			m.rule = nil // user.id=: "user" holds more than a name
		}
		top, key, parent = frame{lo: m.lo, hi: m.hi, rule: m.rule}, rest, seg
	}
}

var dot = []byte{'.'}

// textFields finds the fields of the text record rec (a JSON string's raw
// content if inJSON) that profile p has a rule for, into w.ruled, reading
// what its policy gate reads of them into w.facts, and, in a text record
// of a kind whose language is not detected, the values of its text fields
// into w.freeText. A field inside the value of a ruled field before it is
// left to that one's rule.
func (w *Worker) textFields(p *Profile, rec []byte, inJSON bool) {
	w.fields = appendTextKeys(w.fields[:0], rec)
	w.freeText = w.freeText[:0]
	if n := len(w.fields); len(p.urls.segs) > 0 || p.remoteUser || p.windowsHomes || p.userAlias != nil {
		if p.remoteUser {
			w.fields = appendAccessLogUser(w.fields, rec)
		}
		if p.userAlias != nil {
			w.fields = appendAuthLogUsers(w.fields, rec)
		}
		if p.windowsHomes {
			w.fields = appendWindowsHomes(w.fields, rec)
		}
		w.fields = appendURLSegments(w.fields, rec, &p.urls)
		if len(w.fields) > n {
			slices.SortStableFunc(w.fields, func(a, b textField) int { return cmp.Compare(a.keyStart, b.keyStart) })
		}
	}
	w.ruled = w.ruled[:0]
	ruledEnd := 0
	for _, f := range w.fields {
		key := rec[f.keyStart:f.keyEnd]
		if f.named != nil {
			key = f.named
		}
		m := w.textMemberText(p, key, !f.json)
		text := m.uses&usesText != 0
		m.uses &^= usesText // a text record's language is its whole text's
		if m.rule == nil && m.uses == 0 && !text || !readValue(rec, &f, inJSON) {
			continue
		}
		if text && m.rule == nil && !inJSON && !p.detects() {
			// A log line's prompt="…": free text, in a kind whose text
			// records are not (see freeTextFields).
			w.freeText = append(w.freeText, detectors.Span{Start: f.valStart, End: f.valEnd})
		}
		if n := w.e.tokenPrefix(rec[f.valStart:f.valEnd], inJSON); n > 0 && !f.str {
			// A token where the value starts is the value: a finding
			// that held the value and ran past it left it there
			// ("seriAl=0720 000!0" is "seriAl=<PHONE:…>!0").
			f.valEnd = f.valStart + n
		} else if m.rule != nil && f.plain() {
			f.valEnd = nameWordsEnd(rec, f.valStart, f.valEnd)
		}
		if m.uses != 0 {
			w.capture(p, &m, rec[f.valStart:f.valEnd], f.str || !f.json)
		}
		if m.rule != nil && f.keyStart >= ruledEnd {
			digitsAfter := f.valEnd+1 < len(rec) && rec[f.valEnd] == ' ' && isDigit(rec[f.valEnd+1])
			w.ruled = append(w.ruled, ruledField{textField: f, rule: m.rule, digitsAfter: digitsAfter})
			ruledEnd = f.valEnd
		}
	}
}

// ruledField is a text field and the rule that applies to its value.
type ruledField struct {
	textField
	rule *FieldRule
	// digitsAfter says a space and a digit follow the value: digits
	// written there could make another finding with them ("lAt":00 201000
	// rounded to 0 201000, a phone number), so a generalize rule
	// tokenizes it.
	digitsAfter bool
}

// appendRuledText appends the text record rec, or the raw content of a
// JSON string if json, with the findings in spans replaced, and the values
// of the fields in w.ruled replaced by their rules instead. A finding that
// runs into a ruled value is cut at its edge, and the parts outside are
// replaced as findings of its kind; one that holds a ruled value whole
// replaces it with the rest ("Cookie: a=1; sid=…" is one SECRET); one
// that is the value gives way to its rule.
func (w *Worker) appendRuledText(dst, rec []byte, spans []detectors.Span, json bool) []byte {
	prev := 0
	k := 0 // spans[k:] are still to be replaced
	for _, f := range w.ruled {
		if inFinding(spans[k:], f.textField, detectorFirst(f.rule)) {
			continue
		}
		n := k
		for n < len(spans) && spans[n].Start < f.valStart {
			n++
		}
		var rest detectors.Span // the part of a finding after the value
		if n > k && spans[n-1].End > f.valStart {
			rest = spans[n-1]
			spans[n-1].End = f.valStart
		}
		dst, prev = w.appendReplaced(dst, rec, spans[k:n], prev, json)
		for n < len(spans) && spans[n].Start < f.valEnd {
			rest = spans[n]
			n++
		}
		k = n
		if rest.End > f.valEnd {
			rest.Start = f.valEnd
			k--
			spans[k] = rest
		}
		start := max(prev, f.valStart)
		dst = append(dst, rec[prev:start]...)
		prev = max(prev, f.valEnd)
		dst = w.appendRuledValue(dst, rec[start:prev], rec[f.keyStart:f.keyEnd], f, json)
	}
	dst, prev = w.appendReplaced(dst, rec, spans[k:], prev, json)
	return append(dst, rec[prev:]...)
}

// inFinding reports whether the value of f lies inside one of spans, which
// are in order and do not overlap, and is not all of it, or is all of it
// and whole, which a rule that tokenizes as the detectors do leaves to
// them: a finding that is the value is otherwise replaced by the value's
// rule.
func inFinding(spans []detectors.Span, f textField, whole bool) bool {
	for _, s := range spans {
		if s.Start > f.valStart {
			return false
		}
		if s.End >= f.valEnd {
			return s.Start < f.valStart || s.End > f.valEnd || whole
		}
	}
	return false
}

// detectorFirst reports whether r tokenizes a value the detectors find
// whole with their token (see Worker.ruledKind): a FIELD or ADID rule's.
func detectorFirst(r *FieldRule) bool {
	return r.Action == FieldTokenize && (r.Kind == detectors.Field || r.Kind == detectors.ADID)
}

// appendRuledValue appends what the rule of the text field f, whose key is
// key, makes of its value v, in a JSON string's raw content if inJSON.
func (w *Worker) appendRuledValue(dst, v, key []byte, f ruledField, inJSON bool) []byte {
	r := f.rule
	switch r.Action {
	case FieldKeep:
		return append(dst, v...)
	case FieldDrop:
		if f.json && !f.str {
			return append(dst, "null"...)
		}
	}
	if w.e.isAnyToken(v, inJSON) {
		// A finding's token where the value was, as redacting leaves one
		// where a finding ran past a value ("user.id=0201 000", a phone)
		// or where the next word follows a dropped one ("NAme:000000
		// A00::" is "NAme: <IPV6:…>"), stays as it is.
		return append(dst, v...)
	}
	if r.Action == FieldDrop {
		return dst
	}
	var h detectors.Hint
	if (r.Kind == detectors.Field || r.Kind == detectors.ADID) && r.Action != FieldMask {
		h, _, _ = w.keyHint(key)
	}
	if f.digitsAfter && r.Action == FieldGeneralize {
		w.opaque = FieldRule{Path: r.Path, Action: FieldTokenize, Kind: r.Kind}
		r = &w.opaque
	}
	if f.json && !f.str && !f.nested && !inJSON {
		return w.appendRuledNumber(dst, v, r, h)
	}
	return w.appendRuled(dst, v, r, h, inJSON || f.json && !f.nested)
}

// valueFields finds the fields of v, a JSON string's raw content, as
// textFields does for a text record, and reports whether one has a rule:
// JSON logs hold log lines ({"log":"… user_id=42 …"}, as Docker writes
// them), attribution SDKs an install's referrer ("utm_source=…&gclid=…"),
// apps their deep links. A value with none of fieldBytes has none. Ruled values are widened to whole
// escape sequences, so that replacing one leaves no half of one.
func (w *Worker) valueFields(p *Profile, v []byte) bool {
	if p.paths == nil || !hasFieldByte(v) { // keysOnly's pass has no paths
		return false
	}
	w.textFields(p, v, true)
	prev := 0 // the ruled values do not overlap: each is aligned after the last
	for i := range w.ruled {
		f := &w.ruled[i]
		f.valStart, f.valEnd = alignSpan(v, detectors.Span{Start: f.valStart, End: f.valEnd}, prev, true)
		prev = max(prev, f.valEnd)
	}
	return len(w.ruled) > 0
}

// fieldBytes marks the bytes without which a JSON string value has no
// fields: '=', '/', '\\' (of a quote in JSON held in the string) and '{'
// (of an object printed with unquoted keys).
var fieldBytes = [256]bool{'=': true, '/': true, '\\': true, '{': true}

// hasFieldByte reports whether v has one of fieldBytes.
func hasFieldByte(v []byte) bool {
	for _, c := range v {
		if fieldBytes[c] {
			return true
		}
	}
	return false
}
