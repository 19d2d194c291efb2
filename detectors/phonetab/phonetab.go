// Package phonetab decides without allocating whether a digit string is a valid phone number, as
// github.com/nyaruka/phonenumbers' Parse and IsValidNumber would, from tables derived from libphonenumber's metadata
// at start-up.
//
// For each country calling code, the number patterns of its regions (the general pattern, each number type's
// pattern, and the leading-digits patterns that pick a region among those sharing the code) are compiled together
// into one minimized DFA over the ten digits. Each state records, for every length, whether a national significant
// number ending there is valid (with the possible-length rules and libphonenumber's choice of region), and whether
// it matches each region's general pattern, which the national-prefix rules consult. A check is a walk over the
// digits. The national and international prefix rules, short regular expressions, are matched by a small
// backtracker with the leftmost-first semantics of package regexp.
package phonetab

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/nyaruka/phonenumbers"
)

const (
	minNSN   = phonenumbers.MIN_LENGTH_FOR_NSN
	maxNSN   = phonenumbers.MAX_LENGTH_FOR_NSN
	maxCCLen = phonenumbers.MAX_LENGTH_COUNTRY_CODE
	maxLit   = 8 // longest literal a national-prefix rewriting rule prepends

	// maxDigits bounds the inputs worth checking: parsing drops at most an international prefix or a calling code,
	// and two national prefixes, before a national significant number of at most 17 digits (TestMaxDigits).
	maxDigits = 64
)

// scratch holds the numbers national-prefix rules rewrite.
type scratch [2][maxDigits + 2*maxLit]byte

// Table answers whether digit strings are valid phone numbers, without allocating. It is safe for concurrent use.
type Table struct {
	*codeTables
	names   []string
	regions []region
}

// codeTables has what every calling code needs; it is built once and shared, read-only, by all Tables.
type codeTables struct {
	codes [1000]code // by calling code
	dfa   *dfa
	geo   map[string]*phonenumbers.PhoneMetadata // by region
}

// code is what a country calling code needs after an international prefix.
type code struct {
	known bool
	start int32      // DFA state of the empty national significant number
	main  prefixRule // national-prefix rule of the code's main region
	// lengths[10*d0+d1] has bit n set if a valid national significant
	// number of n digits starts with the digits d0 d1: most digit strings
	// are rejected without a walk.
	lengths *[100]uint32
	// possible has bit n set if a national significant number of n
	// digits has a possible length in one of the code's regions.
	possible uint32
}

// region is what National needs of one region.
type region struct {
	cc      int
	ccText  string     // cc in decimal
	idd     *prefixRE  // international prefix
	rule    prefixRule // national prefix
	tooLong uint64     // lengths longer than any possible number
	// prefixDigits are the first digits of the numbers from which
	// something can be stripped (see PrefixDigits).
	prefixDigits uint16
	formats      []nationalFormat // see WrittenAs
}

// prefixRule is a region's national-prefix-for-parsing rule.
type prefixRule struct {
	re   *prefixRE // nil if the region has none
	lit  string    // a rewriting rule replaces the match with lit and the group
	keep uint64    // lengths at which a number with the prefix stripped is kept
	bit  uint32    // the region's bit in dfa.viable
}

var shared = sync.OnceValues(buildCodeTables)

// New builds the tables; regions (ISO codes like "CN","US") are those whose national formats National accepts, in
// priority order. An unknown region is an error naming it.
//
// The first call also builds the tables of every calling code, which all Tables share (about 0.1 s, 0.4 MB).
func New(regions []string) (*Table, error) {
	if len(regions) > 64 {
		return nil, fmt.Errorf("phonetab: %d regions, at most 64", len(regions))
	}
	ct, err := shared()
	if err != nil {
		return nil, err
	}
	t := &Table{codeTables: ct, names: slices.Clone(regions)}
	for i, id := range regions {
		m := ct.geo[id]
		if m == nil || !phonenumbers.GetSupportedRegions()[id] {
			return nil, fmt.Errorf("phonetab: unknown region %q", id)
		}
		if slices.Contains(regions[:i], id) {
			return nil, fmt.Errorf("phonetab: region %q listed twice", id)
		}
		r, err := newRegion(m)
		if err != nil {
			return nil, fmt.Errorf("phonetab: region %s: %w", id, err)
		}
		t.regions = append(t.regions, r)
	}
	return t, nil
}

func buildCodeTables() (*codeTables, error) {
	coll, err := phonenumbers.MetadataCollection()
	if err != nil {
		return nil, fmt.Errorf("phonetab: metadata: %w", err)
	}
	ct := &codeTables{dfa: newDFA(), geo: map[string]*phonenumbers.PhoneMetadata{}}
	nonGeo := map[int]*phonenumbers.PhoneMetadata{}
	for _, m := range coll.GetMetadata() {
		if m.GetId() == phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY {
			nonGeo[int(m.GetCountryCode())] = m
		} else {
			ct.geo[m.GetId()] = m
		}
	}
	var ccs, starts []int32
	for _, cc := range slices.Sorted(maps.Keys(phonenumbers.GetSupportedCallingCodes())) {
		ids := phonenumbers.GetRegionCodesForCountryCode(cc)
		metas := make([]*phonenumbers.PhoneMetadata, len(ids))
		for i, id := range ids {
			if metas[i] = ct.geo[id]; id == phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY {
				metas[i] = nonGeo[cc]
			}
			if metas[i] == nil {
				return nil, fmt.Errorf("phonetab: no metadata for region %s of calling code %d", id, cc)
			}
		}
		start, err := ct.dfa.addCode(metas)
		if err != nil {
			return nil, fmt.Errorf("phonetab: calling code %d: %w", cc, err)
		}
		main, err := newPrefixRule(metas[0], 0)
		if err != nil {
			return nil, fmt.Errorf("phonetab: region %s: %w", ids[0], err)
		}
		var possible uint32
		for _, m := range metas {
			possible |= lengthMask(m.GetGeneralDesc())
		}
		ct.codes[cc] = code{known: true, main: main, possible: possible}
		ccs, starts = append(ccs, int32(cc)), append(starts, start)
	}
	ct.dfa.minimize(starts)
	if ct.dfa.step == nil {
		return nil, fmt.Errorf("phonetab: %d DFA states, at most %d", len(ct.dfa.valid), 1<<16)
	}
	lengths := ct.dfa.lengthsFrom()
	for i, cc := range ccs {
		c := &ct.codes[cc]
		c.start = starts[i]
		c.lengths = new([100]uint32)
		for p := range c.lengths {
			s := ct.dfa.walk(c.start, []byte{byte('0' + p/10), byte('0' + p%10)})
			c.lengths[p] = lengths(s, 2)
		}
	}
	return ct, nil
}

func newRegion(m *phonenumbers.PhoneMetadata) (region, error) {
	cc := int(m.GetCountryCode())
	r := region{cc: cc, ccText: strconv.Itoa(cc)}
	var err error
	if r.idd, err = compilePrefix(m.GetInternationalPrefix(), 0); err != nil {
		return r, err
	}
	i := slices.Index(phonenumbers.GetRegionCodesForCountryCode(cc), m.GetId())
	if i < 0 {
		return r, fmt.Errorf("not a region of calling code %d", cc)
	}
	if r.rule, err = newPrefixRule(m, i); err != nil {
		return r, err
	}
	_, r.tooLong = lengthClasses(m.GetGeneralDesc())
	r.formats = nationalFormats(m)
	r.prefixDigits = r.idd.firstDigits() | 1<<(r.ccText[0]-'0')
	if r.rule.re != nil {
		r.prefixDigits |= r.rule.re.firstDigits()
	}
	return r, nil
}

// newPrefixRule compiles the national-prefix-for-parsing rule of m, region i of its calling code.
func newPrefixRule(m *phonenumbers.PhoneMetadata, i int) (prefixRule, error) {
	r := prefixRule{bit: 1 << i}
	r.keep, _ = lengthClasses(m.GetGeneralDesc())
	npp := m.GetNationalPrefixForParsing()
	if npp == "" {
		return r, nil
	}
	group := 0
	if tr := m.GetNationalPrefixTransformRule(); tr != "" {
		// The rules in the metadata are a literal and a reference to the last group, like "9$1".
		lit, ref, ok := strings.Cut(tr, "$")
		g, err := strconv.Atoi(ref)
		if !ok || err != nil || len(lit) > maxLit || strings.Trim(lit, "0123456789") != "" {
			return r, fmt.Errorf("unsupported national prefix transform rule %q", tr)
		}
		r.lit, group = lit, g
	}
	var err error
	if r.re, err = compilePrefix(npp, group); err != nil {
		return r, err
	}
	if group > 0 && group != r.re.prog.NumCap/2-1 {
		return r, fmt.Errorf("transform rule %q does not name the last group", m.GetNationalPrefixTransformRule())
	}
	return r, nil
}

// lengthClasses classifies lengths as phonenumbers' testNumberLength does for the general description: keep has
// the lengths that are possible or too long (those after which parsing keeps a stripped national prefix stripped),
// tooLong those longer than any possible length.
func lengthClasses(d *phonenumbers.PhoneNumberDesc) (keep, tooLong uint64) {
	possible := d.GetPossibleLength()
	if len(possible) == 0 || possible[0] < 0 {
		return 0, 0
	}
	first, last := int(possible[0]), int(possible[len(possible)-1])
	for n := range 64 {
		switch {
		case slices.Contains(d.GetPossibleLengthLocalOnly(), int32(n)), n < first:
		case n == first || slices.Contains(possible, int32(n)):
			keep |= 1 << n
		case n > last:
			keep |= 1 << n
			tooLong |= 1 << n
		}
	}
	return keep, tooLong
}

// PrefixDigits returns, as a bit set (bit d for '0'+d), the first digits of the national-format numbers from which
// National can strip something in region index region: its national (trunk) prefix, its international prefix or its
// calling code. National returns nsnStart 0 for every number that starts with another digit, so a caller that wants
// only numbers written with a prefix can skip the region for them.
func (t *Table) PrefixDigits(region int) uint16 { return t.regions[region].prefixDigits }

// Regions returns the regions National accepts, in priority order.
func (t *Table) Regions() []string { return slices.Clone(t.names) }

// RegionIndex returns the index of region code in Regions.
func (t *Table) RegionIndex(code string) (int, bool) {
	i := slices.Index(t.names, code)
	return i, i >= 0
}

// International reports whether digits (ASCII '0'-'9' only: a country calling code then the national significant
// number, as after a '+' or "00") form a valid number, and returns the calling code. Like libphonenumber, it
// accepts a national prefix after the calling code ("+44 020 ...").
func (t *Table) International(digits []byte) (cc int, ok bool) {
	if !onlyDigits(digits) {
		return 0, false
	}
	var buf scratch
	if cc, _, ok = t.international(digits, &buf); !ok {
		return 0, false
	}
	return cc, true
}

// Plausible reports whether digits, read as International reads them, are numbered as their calling code's
// regions number: the national significant number fits the general pattern of one of them and one of its possible
// lengths. A valid number is plausible; so is one of a range libphonenumber does not list as in use (a range
// opened after its metadata, or one set apart for drama, like the UK's 07700 900xxx).
func (t *Table) Plausible(digits []byte) bool {
	var buf scratch
	_, _, ok := t.plausible(digits, &buf)
	return ok
}

// AppendPlausibleE164 appends the E.164 form of digits read as International reads them, if they are Plausible.
func (t *Table) AppendPlausibleE164(dst, digits []byte) ([]byte, bool) {
	var buf scratch
	cc, nsn, ok := t.plausible(digits, &buf)
	if !ok {
		return dst, false
	}
	dst = strconv.AppendInt(append(dst, '+'), int64(cc), 10)
	return append(dst, nsn...), true
}

// plausible is Plausible, returning the calling code and the national significant number.
func (t *Table) plausible(digits []byte, buf *scratch) (cc int, nsn []byte, ok bool) {
	if !onlyDigits(digits) {
		return 0, nil, false
	}
	cc, nsn, ok = t.international(digits, buf)
	if ok || nsn == nil {
		return cc, nsn, ok
	}
	c := &t.codes[cc]
	return cc, nsn, c.possible>>len(nsn)&1 != 0 && t.dfa.viable[t.dfa.walk(c.start, nsn)] != 0
}

// National tries digits as a national-format number in each of t's regions whose bit is set in mask (bit i =
// Regions()[i]), in order: with the region's national (trunk) prefix stripped when present (e.g. "0" DE/FR/GB/JP/
// KR/CN/BR/IN, "8" RU, "1" US), else as-is. It returns the region index, its calling code and where the national
// significant number starts. If no region accepts digits, region is -1.
//
// It accepts what phonenumbers.Parse(digits, region) reads as a valid number of the region's calling code, which
// includes the forms that start with the region's international prefix or its calling code ("0049 30 ...",
// "49 30 ..." in DE). A few national-prefix rules rewrite the number instead of dropping a prefix (AR's mobile
// "0AA 15 ..." form, the 7-digit local forms of the NANPA islands, and a few others); then digits[nsnStart:] is
// only the national significant number's longest common tail with digits, and AppendE164 gives the whole number.
func (t *Table) National(digits []byte, mask uint64) (region, cc, nsnStart int, ok bool) {
	if !onlyDigits(digits) {
		return -1, 0, 0, false
	}
	var buf scratch
	for i := range t.regions {
		if mask&(1<<i) == 0 {
			continue
		}
		if nsn, ok := t.national(&t.regions[i], digits, &buf); ok {
			n := 0
			for n < len(nsn) && n < len(digits) && nsn[len(nsn)-1-n] == digits[len(digits)-1-n] {
				n++
			}
			return i, t.regions[i].cc, len(digits) - n, true
		}
	}
	return -1, 0, 0, false
}

// AppendE164 appends the E.164 form ("+", calling code, national significant number) of digits read as
// International does if region is negative, else as National does in region index region, and reports whether
// digits are valid that way.
func (t *Table) AppendE164(dst, digits []byte, region int) ([]byte, bool) {
	var buf scratch
	var cc int
	var nsn []byte
	ok := false
	switch {
	case !onlyDigits(digits):
	case region < 0:
		cc, nsn, ok = t.international(digits, &buf)
	case region < len(t.regions):
		cc = t.regions[region].cc
		nsn, ok = t.national(&t.regions[region], digits, &buf)
	}
	if !ok {
		return dst, false
	}
	dst = strconv.AppendInt(append(dst, '+'), int64(cc), 10)
	return append(dst, nsn...), true
}

// international mirrors Parse("+"+digits) and IsValidNumber, returning the national significant number.
func (t *Table) international(digits []byte, buf *scratch) (cc int, nsn []byte, ok bool) {
	if len(digits) <= minNSN || len(digits) > maxDigits || digits[0] == '0' {
		return 0, nil, false
	}
	n := 0
	for n < maxCCLen && n < len(digits) && !t.codes[cc].known {
		cc = cc*10 + int(digits[n]-'0')
		n++
	}
	c := &t.codes[cc]
	if !c.known || len(digits)-n < minNSN {
		return 0, nil, false
	}
	nsn = t.stripKept(&c.main, c.start, digits[n:], buf[0][:])
	return cc, nsn, t.valid(c, nsn)
}

// national mirrors Parse(digits, r) and IsValidNumber, requiring r's calling code, and returns the national
// significant number.
func (t *Table) national(r *region, digits []byte, buf *scratch) ([]byte, bool) {
	if len(digits) < minNSN || len(digits) > maxDigits {
		return nil, false
	}
	c := &t.codes[r.cc]
	if r.prefixDigits>>(digits[0]-'0')&1 == 0 {
		return digits, t.valid(c, digits) // no prefix rule can match
	}
	// An international prefix makes the rest international, unless a 0 follows (calling codes don't start with 0).
	if end, _, _, ok := r.idd.match(digits); ok && (end == len(digits) || digits[end] != '0') {
		cc, nsn, ok := t.international(digits[end:], buf)
		return nsn, ok && cc == r.cc
	}
	// The region's own calling code in front is dropped if the rest fits the general pattern and the whole does
	// not, or if the whole is too long.
	if len(digits) >= len(r.ccText) && string(digits[:len(r.ccText)]) == r.ccText {
		rest := t.strip(&r.rule, c.start, digits[len(r.ccText):], buf[0][:])
		whole := t.dfa.viable[t.dfa.walk(c.start, digits)]&r.rule.bit != 0
		part := t.dfa.viable[t.dfa.walk(c.start, rest)]&r.rule.bit != 0
		if !whole && part || r.tooLong>>len(digits)&1 != 0 {
			if len(rest) < minNSN {
				return nil, false
			}
			nsn := t.stripKept(&c.main, c.start, rest, buf[1][:])
			return nsn, t.valid(c, nsn)
		}
	}
	nsn := t.stripKept(&r.rule, c.start, digits, buf[0][:])
	return nsn, t.valid(c, nsn)
}

// valid reports whether nsn is a valid national significant number for the calling code c.
func (t *Table) valid(c *code, nsn []byte) bool {
	if len(nsn) >= 2 && c.lengths[10*(nsn[0]-'0')+nsn[1]-'0']>>len(nsn)&1 == 0 {
		return false // no valid number of this length starts with these two digits
	}
	return t.dfa.valid[t.dfa.walk(c.start, nsn)]>>len(nsn)&1 != 0
}

// stripKept strips r's national prefix from s as parsing does: only if what is left has a possible length.
func (t *Table) stripKept(r *prefixRule, start int32, s, buf []byte) []byte {
	if p := t.strip(r, start, s, buf); r.keep>>len(p)&1 != 0 {
		return p
	}
	return s
}

// strip applies r to s (phonenumbers' maybeStripNationalPrefixAndCarrierCode), rewriting into buf if the rule
// rewrites. A number that fits the general pattern keeps its prefix if stripping would make it not fit.
func (t *Table) strip(r *prefixRule, start int32, s, buf []byte) []byte {
	if r.re == nil || len(s) == 0 {
		return s
	}
	end, gs, ge, ok := r.re.match(s)
	if !ok {
		return s
	}
	p := s[end:]
	if gs >= 0 {
		p = append(append(append(buf[:0], r.lit...), s[gs:ge]...), s[end:]...)
	}
	if t.dfa.viable[t.dfa.walk(start, s)]&r.bit != 0 && t.dfa.viable[t.dfa.walk(start, p)]&r.bit == 0 {
		return s
	}
	return p
}

// addCode adds the DFA of one calling code, whose regions (main region first) have metadata metas, and returns its
// start state.
func (d *dfa) addCode(metas []*phonenumbers.PhoneMetadata) (int32, error) {
	type check struct {
		auto int    // automaton index
		lens uint32 // possible lengths
	}
	type regionChecks struct {
		general check
		types   []check
		leading int // sticky leading-digits automaton, or -1
	}
	if len(metas) > 32 {
		return 0, fmt.Errorf("%d regions, at most 32", len(metas))
	}
	var autos []automaton
	add := func(pattern string, sticky bool) (int, error) {
		prog, err := compileDigits(pattern)
		autos = append(autos, automaton{prog: prog, sticky: sticky})
		return len(autos) - 1, err
	}
	checks := make([]regionChecks, len(metas))
	for i, m := range metas {
		c := &checks[i]
		g := m.GetGeneralDesc()
		a, err := add(g.GetNationalNumberPattern(), false)
		if err != nil {
			return 0, err
		}
		c.general, c.leading = check{a, lengthMask(g)}, -1
		for _, desc := range []*phonenumbers.PhoneNumberDesc{m.GetFixedLine(), m.GetMobile(), m.GetTollFree(),
			m.GetPremiumRate(), m.GetSharedCost(), m.GetPersonalNumber(), m.GetVoip(), m.GetPager(), m.GetUan(),
			m.GetVoicemail()} {
			if desc.GetNationalNumberPattern() == "" {
				continue
			}
			if a, err = add(desc.GetNationalNumberPattern(), false); err != nil {
				return 0, err
			}
			c.types = append(c.types, check{a, lengthMask(desc)})
		}
		// With several regions, one whose leading digits match is chosen without looking further.
		if len(metas) > 1 && m.GetLeadingDigits() != "" {
			if c.leading, err = add(m.GetLeadingDigits(), true); err != nil {
				return 0, err
			}
		}
	}
	// This mirrors IsValidNumber: GetRegionCodeForNumber, then the region's general description and a type.
	summary := func(acc []bool) (valid, viable uint32) {
		validIn := func(c *regionChecks, n int) bool {
			if !acc[c.general.auto] || c.general.lens>>n&1 == 0 {
				return false
			}
			return slices.ContainsFunc(c.types, func(t check) bool { return acc[t.auto] && t.lens>>n&1 != 0 })
		}
		for n := minNSN; n <= maxNSN; n++ {
			// The region is the first whose leading digits match or, if it has none, in which the number is valid.
			for i := range checks {
				c := &checks[i]
				ok := validIn(c, n)
				if c.leading >= 0 && acc[c.leading] || c.leading < 0 && ok {
					if ok {
						valid |= 1 << n
					}
					break
				}
			}
		}
		for i, c := range checks {
			if acc[c.general.auto] {
				viable |= 1 << i
			}
		}
		return valid, viable
	}
	return d.add(autos, summary), nil
}

// lengthMask returns the possible lengths of d as a bit set; no lengths means any.
func lengthMask(d *phonenumbers.PhoneNumberDesc) uint32 {
	if len(d.GetPossibleLength()) == 0 {
		return ^uint32(0)
	}
	var m uint32
	for _, n := range d.GetPossibleLength() {
		if n >= 0 && n < 32 {
			m |= 1 << n
		}
	}
	return m
}

// onlyDigits reports whether b has only ASCII digits.
func onlyDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
