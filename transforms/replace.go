package transforms

import (
	"bytes"
	"slices"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/detectors/names"
)

// tally counts the findings in spans and reports whether one of them is of a
// kind whose action is Drop.
func (w *Worker) tally(spans []detectors.Span) (drop bool) {
	for _, s := range spans {
		w.count(s.Kind)
		drop = drop || w.e.dropKinds>>s.Kind&1 != 0
	}
	return drop
}

// appendRedacted appends b to dst with each span replaced. If json, b is the
// raw content of a JSON string or number and what is appended is valid JSON
// string content.
func (w *Worker) appendRedacted(dst, b []byte, spans []detectors.Span, json bool) []byte {
	dst, prev := w.appendReplaced(dst, b, spans, 0, json)
	return append(dst, b[prev:]...)
}

// appendReplaced is appendRedacted from b[prev:] up to the end of the last
// span, which it returns: b after it is left to the caller.
func (w *Worker) appendReplaced(dst, b []byte, spans []detectors.Span, prev int, json bool) ([]byte, int) {
	for _, s := range spans {
		start, end := alignSpan(b, s, prev, json)
		if start >= end {
			continue
		}
		dst = append(dst, b[prev:start]...)
		dst, prev = w.appendReplacement(dst, b, start, end, s.Kind, json)
	}
	return dst, prev
}

// alignSpan clamps s to b and to after prev, and widens it to whole UTF-8
// sequences and, if json, whole escape sequences, so that replacing it can
// never leave half a character or half an escape behind. prev is a character
// boundary.
func alignSpan(b []byte, s detectors.Span, prev int, json bool) (start, end int) {
	start, end = max(s.Start, prev), min(s.End, len(b))
	if start >= end {
		return start, end
	}
	for start > prev && !utf8.RuneStart(b[start]) {
		start--
	}
	for end < len(b) && !utf8.RuneStart(b[end]) {
		end++
	}
	if !json {
		return start, end
	}
	j := bytes.IndexByte(b[prev:end], '\\')
	if j < 0 {
		return start, end
	}
	for i := prev + j; i < end; {
		if b[i] != '\\' {
			i++
			continue
		}
		n := escLen(b, i)
		if i < start && start < i+n {
			start = i
		}
		if end < i+n {
			end = i + n
		}
		i += n
	}
	return start, end
}

// appendReplacement appends what stands in for the finding b[start:end] of
// kind k. It returns the end of the bytes it replaced, which is past end
// when the finding's context is replaced with it (the "/24" of an IP
// network that is generalized).
func (w *Worker) appendReplacement(dst, b []byte, start, end int, k detectors.Kind, json bool) ([]byte, int) {
	switch w.e.actions[k] {
	case Drop:
		return dst, end
	case Label:
		return append(dst, w.e.label[k]...), end
	case Mask:
		return w.appendMask(dst, b[start:end], k, json), end
	case Generalize:
		return w.appendGeneralized(dst, b, start, end, k, json)
	}
	return w.appendToken(dst, k, jsonForm(json), b[start:end], json), end
}

// jsonForm returns the form of a finding's bytes in text or in JSON.
func jsonForm(json bool) uint8 {
	if json {
		return formJSON
	}
	return formText
}

// canonicalValue returns the canonical form of a finding, in a scratch
// buffer valid until the next call. If json, the finding's JSON escapes are
// decoded first, so that a value gets the same token in text and in JSON
// however it was escaped.
func (w *Worker) canonicalValue(v []byte, k detectors.Kind, json bool) []byte {
	w.canon = w.appendCanonical(w.canon[:0], v, k, json)
	return w.canon
}

// appendCanonical appends the canonical form of a finding (see
// canonicalValue) to dst.
func (w *Worker) appendCanonical(dst, v []byte, k detectors.Kind, json bool) []byte {
	if json && bytes.IndexByte(v, '\\') >= 0 {
		w.plain = unescapeJSON(w.plain[:0], v)
		v = w.plain
	}
	n := len(dst)
	mask := w.regions
	if mask == 0 {
		mask = ^uint64(0) // all of the set's
	}
	dst = w.e.set.AppendCanonicalPreferring(dst, v, k, mask, w.preferredRegion(k, v))
	if len(dst) == n {
		dst = append(dst, v...)
	}
	if k == detectors.Name { // "Ивана Петрова" has Иван Петров's token
		w.cased = append(w.cased[:0], dst[n:]...)
		dst = names.AppendNominative(dst[:n], w.cased)
	}
	return dst
}

// appendMask appends v with its middle characters replaced by the mask
// character (see Mask). If the detectors would find something in the masked
// text, every character is masked instead.
func (w *Worker) appendMask(dst, v []byte, k detectors.Kind, json bool) []byte {
	mark := len(dst)
	masked := false
	if k == detectors.Email {
		dst, masked = w.appendMaskedEmail(dst, v, json)
	}
	if !masked {
		n := 0
		for i := 0; i < len(v); i += unitLen(v, i, json) {
			n++
		}
		head, tail := maskKeep(w.e.maskHead, w.e.maskTail, n)
		if slices.Contains(detectors.FreeText, k) {
			head, tail = 0, 0 // a name's first letters are much of it: "Emm*"
		}
		u := 0
		for i := 0; i < len(v); u++ {
			l := unitLen(v, i, json)
			if u < head || u >= n-tail {
				dst = append(dst, v[i:i+l]...)
			} else {
				dst = append(dst, w.e.maskChar)
			}
			i += l
		}
	}
	w.check = w.e.set.AppendSpans(w.check[:0], dst[mark:])
	if len(w.check) == 0 {
		return dst
	}
	dst = dst[:mark]
	for i := 0; i < len(v); i += unitLen(v, i, json) {
		dst = append(dst, w.e.maskChar)
	}
	return dst
}

// maskKeep returns how many of n characters to keep at the start and at
// the end: at most head and tail, and few enough that at least a third of
// the characters (and at least one) are masked.
func maskKeep(head, tail, n int) (int, int) {
	masked := (n + 2) / 3
	for head+tail > n-masked {
		if tail >= head {
			tail--
		} else {
			head--
		}
	}
	return head, tail
}

// appendMaskedEmail masks an e-mail address, keeping the first character of
// its local part, the "@", the dots of its domain and its last label:
// "li.lei@163.com" becomes "l*****@***.com". It reports false, appending
// nothing, if v has no "@".
func (w *Worker) appendMaskedEmail(dst, v []byte, json bool) ([]byte, bool) {
	at, tld := -1, -1 // offsets of the last '@' and of the last '.' after it
	for i := 0; i < len(v); {
		l := unitLen(v, i, json)
		switch unitByte(v, i, l) {
		case '@':
			at, tld = i, -1
		case '.':
			if at >= 0 {
				tld = i
			}
		}
		i += l
	}
	if at < 0 {
		return dst, false
	}
	if tld < 0 {
		tld = len(v)
	}
	for i, u := 0, 0; i < len(v); u++ {
		l := unitLen(v, i, json)
		keep := i >= tld || i == at ||
			(i < at && u == 0 && i+l < at) || // the first of at least two local characters
			(i > at && unitByte(v, i, l) == '.')
		if keep {
			dst = append(dst, v[i:i+l]...)
		} else {
			dst = append(dst, w.e.maskChar)
		}
		i += l
	}
	return dst, true
}
