package transforms

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/detectors/addresses"
	"github.com/pixelprivacy/veil/detectors/ages"
	"github.com/pixelprivacy/veil/detectors/birthdates"
	"github.com/pixelprivacy/veil/detectors/coordinates"
	"github.com/pixelprivacy/veil/detectors/devicenames"
	"github.com/pixelprivacy/veil/detectors/documents"
	"github.com/pixelprivacy/veil/detectors/handles"
	"github.com/pixelprivacy/veil/detectors/names"
	"github.com/pixelprivacy/veil/detectors/obfuscated"
	"github.com/pixelprivacy/veil/detectors/passwords"
)

// member is what a profile says of the JSON value at hand.
type member struct {
	rule   *FieldRule // nil: the value is scanned
	lo, hi int        // the path states after its key, w.states[lo:hi]
	uses   uint8      // what the policy or the language detection reads of it
	user   int        // its rank among the user fields, or -1
	// regions are the phone regions its text is scanned with; 0 means
	// those of the detector set.
	regions uint64
}

// What is read of a member's value (member.uses).
const (
	usesUser = 1 << iota
	usesConsent
	usesOptOut
	usesMinor
	usesAge
	usesBirthDate
	usesText
)

// member steps the profile's path states of the container top over the key
// of its next member, and resolves what applies to the member's value.
// shape is the key's (see shapeOf); parent is top's key, or nil to read it
// from the JSON record if needed (see parentKey).
func (w *Worker) member(p *Profile, top *frame, key []byte, shape keyShape, parent []byte) member {
	upper := shape&shapeUpper != 0
	lo := len(w.states)
	w.states, w.matched = p.paths.step(w.states, w.matched[:0], w.states[top.lo:top.hi], key, upper)
	if p.paths.mayQualify(key, upper) {
		if parent == nil {
			parent = w.parentKey(top)
		}
		if parent != nil {
			w.matched = p.paths.appendQualified(w.matched, key, parent, upper)
		}
	}
	m := member{rule: top.rule, lo: lo, hi: len(w.states), user: -1}
	if len(w.matched) == 0 {
		switch {
		case top.rule != nil:
			if top.rule.roundsCoordinates() && placeKey(key) {
				m.rule = nil // {"location":{"city":"Berlin","lat":52.52}}
			}
		case p.aliasesUser(key):
			m.rule = p.userAlias // "user":"liwei": a string or number only (see Profile.userAlias)
		case shape&shapeCoordinate != 0:
			m.rule = p.coordinate // "location_lat": 37.7749
		case shape&shapeText != 0 && p.lang != nil:
			m.uses |= usesText // "album_title": "Tom and Ana at the lake"
		}
		return m
	}
	// Inside a container dropped whole, nothing is written: no rule applies.
	if r := p.rule(w.matched); r != nil && top.rule != &discard {
		m.rule = r
		if r.Action == FieldScan {
			m.rule = nil
		}
	}
	for _, i := range w.matched {
		switch t := &p.targets[i]; t.use {
		case useUser:
			if m.user < 0 || t.rank < m.user {
				m.user = t.rank
			}
			m.uses |= usesUser
		case useConsent:
			m.uses |= usesConsent
		case useOptOut:
			m.uses |= usesOptOut
		case useMinor:
			m.uses |= usesMinor
		case useAge:
			m.uses |= usesAge
		case useBirthDate:
			m.uses |= usesBirthDate
		case useText:
			m.uses |= usesText
		}
	}
	return m
}

// capture reads what the policy or the language detection wants of the
// member's value v: a string's raw content if str, else a number or a
// literal.
func (w *Worker) capture(p *Profile, m *member, v []byte, str bool) {
	if m.user >= 0 && (!w.facts.HasUser || m.user < w.userRank) && len(v) > 0 && (str || v[0] == '-' || isDigit(v[0])) {
		w.facts.User = *w.macOf(detectors.User, formJSON, v)
		w.facts.HasUser, w.userRank = true, m.user
	}
	if b, ok := flagValue(v, str); ok {
		if m.uses&(usesConsent|usesOptOut) != 0 {
			granted := b != (m.uses&usesOptOut != 0) // an opt-out, true, refuses
			if g, ok := consentWord(v, str); ok {
				granted = g // "denied" refuses under either kind of field
			}
			switch {
			case !granted:
				w.facts.Consent = ConsentRefused
			case w.facts.Consent != ConsentRefused:
				w.facts.Consent = ConsentGranted // unless another consent field refused it
			}
		}
		if m.uses&usesMinor != 0 && b {
			w.facts.Minor = true
		}
	}
	if m.uses&usesAge != 0 {
		if age, ok := parseAge(v); ok && age < p.minAge {
			w.facts.Minor = true
		}
	}
	if m.uses&usesBirthDate != 0 {
		if age, ok := ageOn(v, p.now()); ok && age < p.minAge {
			w.facts.Minor = true
		}
	}
	if m.uses&usesText != 0 && str && w.facts.Lang == "" && p.detects() {
		text := v
		if bytes.IndexByte(v, '\\') >= 0 {
			w.plain = unescapeJSON(w.plain[:0], v)
			text = w.plain
		}
		m.regions = w.detectLanguage(p, text)
	}
}

// flagValue reads a consent or minor flag, as SDKs write one: a JSON
// boolean, the number 1 or 0, or a string of one of those, of "yes", "no",
// "y", "n", "on", "off", "enabled" or "disabled", or of a consent word (see
// consentWord), in any case.
func flagValue(v []byte, str bool) (value, ok bool) {
	switch {
	case !str && string(v) == "true", string(v) == "1", str && equalFoldAny(v, "true", "yes", "y", "on", "enabled"):
		return true, true
	case !str && string(v) == "false", string(v) == "0", str && equalFoldAny(v, "false", "no", "n", "off", "disabled"):
		return false, true
	}
	return consentWord(v, str)
}

// consentWord reads a string that says whether consent is given whatever
// the field is named, as consent platforms and SDKs write it ("granted"
// and "denied" in Google's consent mode): under an opt-out field,
// "opted_out" still refuses.
func consentWord(v []byte, str bool) (granted, ok bool) {
	switch {
	case !str || len(v) < 5:
		return false, false
	case equalFoldAny(v, "granted", "accepted", "agreed", "allowed", "opted_in", "opted-in", "opt_in", "opt-in", "optin"):
		return true, true
	case equalFoldAny(v, "denied", "rejected", "declined", "refused", "revoked", "withdrawn", "disallowed",
		"opted_out", "opted-out", "opt_out", "opt-out", "optout"):
		return false, true
	}
	return false, false
}

// equalFoldAny reports whether v is one of words, in any case.
func equalFoldAny(v []byte, words ...string) bool {
	for _, w := range words {
		if len(v) == len(w) && strings.EqualFold(string(v), w) {
			return true
		}
	}
	return false
}

// parseAge reads a non-negative age, a number or a string that starts
// with one: a fraction, a unit ("12 years", "12岁") and the rest of a range
// ("8-12", whose youngest counts) are cut off. A bound from above ("<13",
// "under_18", "below 16") may be any age under it: the youngest, 0.
func parseAge(v []byte) (int, bool) {
	for _, w := range []string{"<", "under", "below"} {
		if len(v) > len(w) && strings.EqualFold(string(v[:len(w)]), w) {
			if rest := bytes.TrimLeft(v[len(w):], " _-"); len(rest) > 0 && isDigit(rest[0]) {
				return 0, true // "<13", "under_18", "Below 16"
			}
		}
	}
	n, digits := 0, 0
	for _, c := range v {
		if !isDigit(c) {
			break
		}
		if digits == 6 {
			return 0, false
		}
		n = n*10 + int(c-'0')
		digits++
	}
	return n, digits > 0
}

func atoiDigits(b []byte) int {
	n := 0
	for _, c := range b {
		n = n*10 + int(c-'0')
	}
	return n
}

// detectLanguage records the language of text in the facts and returns the
// phone regions for it (0: all).
func (w *Worker) detectLanguage(p *Profile, text []byte) uint64 {
	if len(text) < p.lang.MinLength {
		return 0
	}
	lang := p.lang.Detector.Detect(text)
	w.facts.Lang = lang
	return p.regions[lang]
}

// textRegions detects the language of a text record with profile p and
// returns its phone regions (0: all).
func (w *Worker) textRegions(p *Profile, text []byte) uint64 {
	if !p.detects() {
		return 0
	}
	return w.detectLanguage(p, text)
}

// appendRuled appends the replacement of a value by a field rule other than
// keep and drop: of a JSON string's raw content if json, else of text; h is
// what its key says. A value that is a token already is kept, so that
// redacting twice gives what redacting once does. A value a rule of kind
// FIELD or ADID tokenizes that the detectors find whole, with h, gets the
// token of what they find (see ruledKind). An empty value, or a lone '-'
// as web servers log a value there is none of (an access log's user), is
// kept: it holds nothing to hide, and its token would read as an
// identifier shared by every record that has none.
func (w *Worker) appendRuled(dst, raw []byte, r *FieldRule, h detectors.Hint, json bool) []byte {
	if len(raw) == 0 || len(raw) == 1 && raw[0] == '-' {
		return append(dst, raw...)
	}
	switch r.Action {
	case FieldMask:
		w.count(r.Kind)
		return w.appendMask(dst, raw, r.Kind, json)
	case FieldGeneralize:
		v := raw
		if json && bytes.IndexByte(raw, '\\') >= 0 {
			w.plain = unescapeJSON(w.plain[:0], raw)
			v = w.plain
		}
		if out, ok := w.appendRuledGeneral(dst, v, r); ok {
			w.count(r.Kind)
			return out
		}
	}
	k, kept := r.Kind, false
	if k == detectors.Field || k == detectors.ADID || k == detectors.Document {
		if kept = w.e.isAnyToken(raw, json); !kept {
			k = w.ruledKind(raw, h, k)
		}
	} else {
		kept = w.e.isToken(raw, k, json)
	}
	w.count(k)
	if kept {
		return append(dst, raw...)
	}
	return w.appendToken(dst, k, jsonForm(json), raw, json)
}

// ruledKind returns the kind of token that a value a rule of kind k, FIELD,
// ADID or DOCUMENT, tokenizes gets: that of the one finding the detectors
// make of all of it with h, what its key says (for ADID, with an ADID key's
// hint if it says nothing), else FIELD (DOCUMENT for DOCUMENT). So a
// device's UUID under device_id or device.id is the ADID it is under idfv,
// a serial number that is an IMEI the IMEI, and a national ID that is a
// Chinese resident's the CNID, with the same token, and records still join.
func (w *Worker) ruledKind(v []byte, h detectors.Hint, k detectors.Kind) detectors.Kind {
	if k == detectors.ADID && h.Kind == detectors.None {
		h = detectors.Hint{Kind: detectors.ADID}
	}
	w.check = w.e.set.AppendValueSpans(w.check[:0], v, h)
	if len(w.check) == 1 && w.check[0].Start == 0 && w.check[0].End == len(v) {
		return w.check[0].Kind
	}
	if k == detectors.Document {
		return k
	}
	return detectors.Field
}

// appendRuledGeneral appends what the generalize rule r makes of v, if it
// can read it: numbers rounded, a time truncated, a date to its year, a
// geohash cut to the rounding's precision, an IP address as its network.
func (w *Worker) appendRuledGeneral(dst, v []byte, r *FieldRule) ([]byte, bool) {
	if r.Prefix > 0 {
		return appendCodePrefix(dst, v, r.Prefix)
	}
	if out, ok := appendRoundedList(dst, v, r.Decimals); ok {
		return out, true
	}
	if out, ok := appendTruncatedTime(dst, v, r.Truncate); ok {
		return out, true
	}
	if y, ok := w.ruledYear(v, r); ok {
		return append(strconv.AppendInt(dst, int64(y), 10), "-01-01"...), true // "05/01/1990" as "1990-01-01" is
	}
	if out, ok := appendGeohashPrefix(dst, v, r.Decimals); ok {
		return out, true
	}
	ip, suffix := v, []byte(nil)
	if slash := bytes.LastIndexByte(v, '/'); slash > 0 {
		ip, suffix = v[:slash], v[slash:] // a network, as generalizing writes one ("::/48")
	}
	if addr, ok := parseIP(ip); ok {
		// Generalized again, a network stays as it is.
		if out, n, ok := appendNetwork(dst, addr, suffix); ok && n == len(suffix) {
			return out, true
		}
	}
	return dst, false
}

// appendRuledNumber appends the replacement of a JSON number by a field
// rule other than keep and drop: a rounded number, or a string; h is what
// its key says. A token in a number's place, as redacting text leaves one
// where a finding ran past the number ("lat":0 201000, a phone), stays as
// it is.
func (w *Worker) appendRuledNumber(dst, num []byte, r *FieldRule, h detectors.Hint) []byte {
	if w.e.isAnyToken(num, false) {
		return append(dst, num...)
	}
	if r.Action == FieldGeneralize && r.Prefix == 0 { // a code's prefix is a string: "0.5" is no "05"
		if y, ok := w.ruledYear(num, r); ok {
			w.count(r.Kind)
			return strconv.AppendInt(dst, int64(y), 10) // 19900501, 631152000000: 1990
		}
		if out, ok := appendRounded(dst, num, r.Decimals); ok {
			w.count(r.Kind)
			return out
		}
	}
	dst = append(dst, '"')
	dst = w.appendRuled(dst, num, r, h, true)
	return append(dst, '"')
}

// appendRounded appends the number v rounded to decimals decimals, in the
// shortest form that reads back as it, if v is a number.
func appendRounded(dst, v []byte, decimals int) ([]byte, bool) {
	if len(v) == 0 || !(isDigit(v[0]) || v[0] == '-' && len(v) > 1 && isDigit(v[1])) {
		return dst, false
	}
	f, ok := parseFloat(v)
	if !ok {
		return dst, false
	}
	return strconv.AppendFloat(dst, roundTo(f, decimals), 'f', -1, 64), true
}

// parseFloat reads the number v, finite, without copying it.
func parseFloat(v []byte) (float64, bool) {
	f, err := strconv.ParseFloat(unsafe.String(unsafe.SliceData(v), len(v)), 64)
	return f, err == nil && !math.IsInf(f, 0)
}

// roundTo returns f rounded to decimals decimals, or f if that overflows.
func roundTo(f float64, decimals int) float64 {
	scale := math.Pow10(decimals)
	if r := math.Round(f*scale) / scale; !math.IsInf(r*scale, 0) {
		return r
	}
	return f
}

// appendRoundedList appends the numbers of v, one or more separated by a
// comma, a semicolon or spaces ("31.2304,121.4737", as a location is often
// written), each rounded to decimals decimals, the separators as written.
func appendRoundedList(dst, v []byte, decimals int) ([]byte, bool) {
	out := dst
	for {
		n := 0
		for n < len(v) && v[n] != ',' && v[n] != ';' && v[n] != ' ' {
			n++
		}
		var ok bool
		if out, ok = appendRounded(out, v[:n], decimals); !ok {
			return dst, false
		}
		if n == len(v) {
			return out, true
		}
		sep := n
		if v[n] != ' ' {
			n++
		}
		for n < len(v) && v[n] == ' ' {
			n++
		}
		out = append(out, v[sep:n]...)
		v = v[n:]
	}
}

// ruledYear returns the year of the date v, for a rule that truncates to
// the year, read as birth dates are (see ageOn): a number or a date in a
// form other than ISO keeps its year, not its day.
func (w *Worker) ruledYear(v []byte, r *FieldRule) (int, bool) {
	if r.Truncate != TruncateYear || w.prof == nil {
		return 0, false
	}
	return birthYear(v, w.prof.now())
}

// appendTruncatedTime appends the RFC 3339 timestamp v truncated to the
// year, day or hour, without fraction, with its zone as written, if v is
// one: "2026-06-02T10:11:12.5+08:00" becomes "2026-06-02T00:00:00+08:00". A
// date ("2026-06-02") is kept, or truncated to the year ("2026-01-01").
func appendTruncatedTime(dst, v []byte, t Truncation) ([]byte, bool) {
	const date = len("2006-01-02")
	if len(v) < date || !digitsIn(v[0:4]) || v[4] != '-' || !digitsIn(v[5:7]) || v[7] != '-' || !digitsIn(v[8:10]) {
		return dst, false
	}
	if len(v) == date {
		return appendTruncatedDate(dst, v, t), true
	}
	rest := v[date:]
	if len(rest) < 9 || (rest[0] != 'T' && rest[0] != 't' && rest[0] != ' ') || !digitsIn(rest[1:3]) || rest[3] != ':' ||
		!digitsIn(rest[4:6]) || rest[6] != ':' || !digitsIn(rest[7:9]) {
		return dst, false
	}
	zone := rest[9:]
	if len(zone) > 1 && zone[0] == '.' {
		n := 1
		for n < len(zone) && isDigit(zone[n]) {
			n++
		}
		zone = zone[n:]
	}
	switch {
	case len(zone) == 1 && (zone[0] == 'Z' || zone[0] == 'z'):
	case len(zone) == 6 && (zone[0] == '+' || zone[0] == '-') && digitsIn(zone[1:3]) && zone[3] == ':' && digitsIn(zone[4:6]):
	default:
		return dst, false
	}
	dst = appendTruncatedDate(dst, v, t)
	dst = append(dst, 'T')
	if t == TruncateHour {
		dst = append(dst, rest[1:3]...)
	} else {
		dst = append(dst, '0', '0')
	}
	dst = append(dst, ":00:00"...)
	return append(dst, zone...), true
}

// appendTruncatedDate appends the date that v starts with, truncated to the
// year if t says so.
func appendTruncatedDate(dst, v []byte, t Truncation) []byte {
	if t == TruncateYear {
		return append(append(dst, v[:4]...), "-01-01"...)
	}
	return append(dst, v[:len("2006-01-02")]...)
}

func digitsIn(b []byte) bool {
	for _, c := range b {
		if !isDigit(c) {
			return false
		}
	}
	return true
}

// findSpans appends the findings in b, a JSON value's raw bytes under a
// key with hint h or a text record, scanning national phone formats of the
// regions in mask (0: all of the set's), then running the custom detectors.
// A short value found clean before is not scanned again (see cleanCache).
// A custom detector out of time makes it a *RecordError.
func (w *Worker) findSpans(dst []detectors.Span, b []byte, h detectors.Hint, mask uint64) ([]detectors.Span, error) {
	first := len(dst)
	var clean *cleanEntry
	if len(w.e.custom) == 0 {
		var known bool
		if clean, known = w.cleanSlot(b, h, mask); known {
			return dst, nil
		}
	}
	if mask == 0 {
		dst = w.e.set.AppendValueSpans(dst, b, h)
	} else {
		dst = w.e.set.AppendValueSpansRegions(dst, b, h, mask)
	}
	if len(w.e.custom) == 0 {
		if clean != nil && len(dst) == first {
			clean.set(b, h, mask)
		}
		return dst, nil
	}
	n := len(dst)
	for _, d := range w.e.custom {
		var err error
		if dst, err = d.AppendSpans(dst, b, w.started.Add(d.Timeout())); err != nil {
			return dst[:first], &RecordError{Reason: ReasonDetectorTimeout}
		}
	}
	if len(dst) > n {
		out := detectors.ResolveOverlaps(dst[first:])
		dst = dst[:first+len(out)]
	}
	return dst, nil
}

// appendFreeText adds to spans, the findings in the free text text, what
// the single pass leaves to free text: e-mail addresses spelled out around
// their '@' (package obfuscated), phone numbers written a digit at a time
// (detectors.Set.AppendSpacedPhones), social-media and messenger handles
// (package handles), passwords and PINs given in words (package
// passwords), wallets' addresses with no digit
// (detectors.AppendLetterWallets) or of other coins after a word for a
// wallet (detectors.AppendLabeledWallets), dates of birth (package birthdates), identity
// documents' numbers (package documents) and, as l says, the names that a phrase introduces
// (package names) or a device's name carries (package devicenames) and
// street addresses (package addresses).
func (w *Worker) appendFreeText(spans []detectors.Span, text []byte, l *LanguageOptions) []detectors.Span {
	n := len(spans)
	spans = obfuscated.AppendSpans(spans, text)
	spans = handles.AppendSpans(spans, text)
	spans = passwords.AppendSpans(spans, text)
	spans = detectors.AppendLetterWallets(spans, text)
	spans = detectors.AppendLabeledWallets(spans, text)
	if l.Names {
		spans = names.AppendSpans(spans, text)
		spans = devicenames.AppendSpans(spans, text)
		spans = appendDisplayNames(spans, text)
	}
	if hasDigit(text) { // every date, address, document's number, place's coordinates and phone has one
		spans = w.e.set.AppendSpacedPhones(spans, text, 0)
		spans = birthdates.AppendSpans(spans, text)
		spans = documents.AppendSpans(spans, text)
		spans = coordinates.AppendSpans(spans, text)
		if l.Addresses {
			spans = addresses.AppendSpans(spans, text)
		}
	}
	if len(spans) > n {
		spans = detectors.ResolveOverlaps(spans)
	}
	return spans
}

// appendFreeTextFields adds to spans, the findings in the text record
// rec, those of appendFreeText in the values of its text fields that
// textFields found (a log line's prompt="I'm 11, draw my sister Emma"),
// and notes the ages their writers state.
func (w *Worker) appendFreeTextFields(spans []detectors.Span, p *Profile, rec []byte) []detectors.Span {
	n := len(spans)
	for _, f := range w.freeText {
		text := rec[f.Start:f.End]
		w.free = w.appendFreeText(w.free[:0], text, p.lang)
		for _, s := range w.free {
			spans = append(spans, detectors.Span{Start: f.Start + s.Start, End: f.Start + s.End, Kind: s.Kind})
		}
		w.noteStatedAge(p, text)
	}
	if len(spans) > n {
		spans = detectors.ResolveOverlaps(spans)
	}
	return spans
}

// noteStatedAge flags the record a minor's if the writer of its free text
// says they are younger than the profile's minimum age (package
// detectors/ages) or gives a date of birth of their own that makes them so
// (birthdates.AppendOwn).
func (w *Worker) noteStatedAge(p *Profile, text []byte) {
	if !p.statedAge {
		return
	}
	if age, ok := ages.Stated(text); ok && age < p.minAge {
		w.facts.Minor = true
		return
	}
	if !hasDigit(text) {
		return
	}
	w.births = birthdates.AppendOwn(w.births[:0], text)
	now := p.now()
	for _, d := range w.births {
		if age, ok := dateAge(d.Year, d.Month, d.Day, now); ok && age >= minWritingAge && age < p.minAge {
			w.facts.Minor = true
			return
		}
	}
}

// minWritingAge is the youngest age whose writer a date of birth in free
// text may be: a date that gives a younger one is more likely a birthday
// party's ("my birthday is on May 5, 2026") or a child's the writer means.
const minWritingAge = 4

// appendLogNames adds to spans the names that a policy finds in text
// records that are no prompts: the owners' names that devices' names carry
// (package devicenames), as DHCP's, mDNS's and Bluetooth's log lines write
// them, and the display names of e-mail addresses (see
// appendDisplayNames).
func appendLogNames(spans []detectors.Span, text []byte) []detectors.Span {
	return withDisplayNames(devicenames.AppendHostSpans(spans, text), text, len(spans))
}

// withDisplayNames is spans with appendDisplayNames's findings, and those
// found from spans[from] on, in order.
func withDisplayNames(spans []detectors.Span, text []byte, from int) []detectors.Span {
	if spans = appendDisplayNames(spans, text); len(spans) > from {
		spans = detectors.ResolveOverlaps(spans)
	}
	return spans
}

// appendDisplayNames adds to spans, the findings in text, the display
// names of the e-mail addresses among them that are in angle brackets, as
// mail headers and senders' logs write them ("Jane Doe" <jane@…>, see
// names.DisplayNameBefore), or in parentheses after a given name ("Jane
// Doe (jane@…)", names.ParenthesizedNameBefore), unsorted.
func appendDisplayNames(spans []detectors.Span, text []byte) []detectors.Span {
	for _, s := range spans {
		if s.Kind != detectors.Email || s.Start == 0 {
			continue
		}
		start, end, ok := 0, 0, false
		switch text[s.Start-1] {
		case '<':
			start, end, ok = names.DisplayNameBefore(text, s.Start-1)
		case '(':
			if s.End < len(text) && text[s.End] == ')' {
				start, end, ok = names.ParenthesizedNameBefore(text, s.Start-1)
			}
		}
		if ok {
			spans = append(spans, detectors.Span{Start: start, End: end, Kind: detectors.Name})
		}
	}
	return spans
}

// hasDigit reports whether text holds an ASCII or a full-width digit.
func hasDigit(text []byte) bool {
	for i, c := range text {
		if c-'0' < 10 || c == 0xEF && i+2 < len(text) && text[i+1] == 0xBC && text[i+2]-0x90 < 10 {
			return true
		}
	}
	return false
}

// startRecord resets the per-record state.
func (w *Worker) startRecord() {
	w.userRank = -1
	if len(w.e.custom) > 0 {
		w.started = time.Now()
	}
}

// reasonOf returns the reason of a *RecordError.
func reasonOf(err error) Reason {
	if re, ok := err.(*RecordError); ok {
		return re.Reason
	}
	return ReasonMalformedJSON
}
