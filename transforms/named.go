package transforms

// RedactNamed is RedactValue with the policy of profile p, or none if p is
// nil, for a Kafka record's key or a header's value: a name that a field
// rule matches, as it would a JSON key at the root of a record, gets its
// rule. A header's name is also read as snake case without an "x-"
// ("X-User-Id" is user_id). What the policy gate reads of the value is
// returned as Facts: a topic keyed by user ID (key_name: user_id) has its
// keys tokenized as USER, and its records are that user's.
func (w *Worker) RedactNamed(dst, value, name []byte, p *Profile) ([]byte, Facts, error) {
	var m member
	if p != nil {
		m = w.namedMember(p, name)
	}
	var out []byte
	if m.rule == nil {
		var err error
		if out, err = w.RedactValue(dst, value, name); err != nil {
			return dst, Facts{}, err
		}
	} else {
		if _, err := w.checkRecord(value); err != nil {
			return dst, Facts{}, err
		}
		w.prof = p
		out = w.appendRuledValue(dst, value, name, ruledField{rule: m.rule}, false)
		w.prof = nil
		w.settle(true)
	}
	if m.uses == 0 {
		return out, Facts{}, nil
	}
	w.facts, w.userRank = Facts{}, -1
	w.capture(p, &m, value, true)
	return out, w.facts, nil
}

// namedMember resolves what profile p says of the value of a key or
// header named name, as written or in snake case.
func (w *Worker) namedMember(p *Profile, name []byte) member {
	m := w.textMember(p, name, false)
	if m.rule != nil || m.uses != 0 {
		return m
	}
	w.name = appendSnakeName(w.name[:0], name)
	if string(w.name) == string(name) {
		return m
	}
	return w.textMember(p, w.name, false)
}

// appendSnakeName appends a header's name in lower snake case without an
// "x-" prefix: "X-User-Id" as user_id.
func appendSnakeName(dst, name []byte) []byte {
	if len(name) > 2 && name[0]|0x20 == 'x' && name[1] == '-' {
		name = name[2:]
	}
	for _, c := range name {
		switch {
		case c == '-':
			c = '_'
		case 'A' <= c && c <= 'Z':
			c |= 0x20
		}
		dst = append(dst, c)
	}
	return dst
}
