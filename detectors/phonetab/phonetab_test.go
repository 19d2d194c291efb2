package phonetab

import (
	"bytes"
	"flag"
	"maps"
	"math/rand/v2"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unsafe"

	"github.com/nyaruka/phonenumbers"
)

var allRegionsFlag = flag.Bool("all-regions", false, "run the random agreement test in every region, not only a sample")

// The reference: phonenumbers.Parse and IsValidNumber.

// refInternational returns the E.164 form of "+"+digits if the reference finds it valid.
func refInternational(digits string) (cc int, e164 string, ok bool) {
	n, err := phonenumbers.Parse("+"+digits, "ZZ")
	if err != nil || !phonenumbers.IsValidNumber(n) {
		return 0, "", false
	}
	return int(n.GetCountryCode()), phonenumbers.Format(n, phonenumbers.E164), true
}

// refNational returns the E.164 form of digits parsed in region if the reference finds it a valid number of the
// region's calling code.
func refNational(digits, region string) (e164 string, ok bool) {
	n, err := phonenumbers.Parse(digits, region)
	if err != nil || !phonenumbers.IsValidNumber(n) ||
		int(n.GetCountryCode()) != phonenumbers.GetCountryCodeForRegion(region) {
		return "", false
	}
	return phonenumbers.Format(n, phonenumbers.E164), true
}

// generalDescs holds, by calling code, the general descriptions of its regions, their patterns compiled whole.
var generalDescs = sync.OnceValue(func() map[int32][]generalDesc {
	coll, err := phonenumbers.MetadataCollection()
	if err != nil {
		panic(err)
	}
	m := map[int32][]generalDesc{}
	for _, md := range coll.GetMetadata() {
		g := md.GetGeneralDesc()
		re := regexp.MustCompile("^(?:" + g.GetNationalNumberPattern() + ")$")
		m[md.GetCountryCode()] = append(m[md.GetCountryCode()], generalDesc{re, g.GetPossibleLength()})
	}
	return m
})

type generalDesc struct {
	pattern *regexp.Regexp
	lengths []int32
}

// refPlausible returns the E.164 form of "+"+digits if the reference parses it and its national significant number
// fits the general pattern and a possible length of a region of its calling code.
func refPlausible(digits string) (e164 string, ok bool) {
	n, err := phonenumbers.Parse("+"+digits, "ZZ")
	if err != nil {
		return "", false
	}
	nsn := phonenumbers.GetNationalSignificantNumber(n)
	for _, g := range generalDescs()[n.GetCountryCode()] {
		if g.pattern.MatchString(nsn) && (len(g.lengths) == 0 || slices.Contains(g.lengths, int32(len(nsn)))) {
			return phonenumbers.Format(n, phonenumbers.E164), true
		}
	}
	return "", false
}

// regionTables covers every supported region with Tables of at most 64 regions each.
var regionTables = sync.OnceValue(func() map[string]*Table {
	regions := slices.Sorted(maps.Keys(phonenumbers.GetSupportedRegions()))
	m := map[string]*Table{}
	for chunk := range slices.Chunk(regions, 64) {
		t, err := New(chunk)
		if err != nil {
			panic(err)
		}
		for _, r := range chunk {
			m[r] = t
		}
	}
	return m
})

// agreement counts how often the Table agrees with the reference, logging the first disagreements.
type agreement struct {
	t                  *testing.T
	checks, bad, valid int
}

func (a *agreement) international(digits string) {
	tab := regionTables()["US"]
	cc, ok := tab.International([]byte(digits))
	e164, _ := tab.AppendE164(nil, []byte(digits), -1)
	wantCC, want, wantOK := refInternational(digits)
	a.count(wantOK)
	if ok != wantOK || ok && (cc != wantCC || string(e164) != want) {
		a.fail("International(%q) = %d, %q, %v; reference %d, %q, %v", digits, cc, e164, ok, wantCC, want, wantOK)
	}
}

func (a *agreement) plausible(digits string) {
	tab := regionTables()["US"]
	ok := tab.Plausible([]byte(digits))
	e164, ok2 := tab.AppendPlausibleE164(nil, []byte(digits))
	want, wantOK := refPlausible(digits)
	a.count(wantOK)
	_, valid := tab.International([]byte(digits))
	if ok != wantOK || ok2 != ok || string(e164) != want || valid && !ok {
		a.fail("Plausible(%q) = %q, %v, %v; reference %q, %v; valid %v", digits, e164, ok, ok2, want, wantOK, valid)
	}
}

func (a *agreement) national(digits, region string) {
	tab := regionTables()[region]
	i, _ := tab.RegionIndex(region)
	got, cc, start, ok := tab.National([]byte(digits), 1<<i)
	e164, _ := tab.AppendE164(nil, []byte(digits), i)
	want, wantOK := refNational(digits, region)
	a.count(wantOK)
	switch {
	case ok != wantOK || string(e164) != want:
		a.fail("National(%q) in %s = %q, %v; reference %q, %v", digits, region, e164, ok, want, wantOK)
	case ok && (got != i || cc != phonenumbers.GetCountryCodeForRegion(region) || !strings.HasSuffix(want, digits[start:])):
		a.fail("National(%q) in %s = %d, %d, %d; reference %q", digits, region, got, cc, start, want)
	}
}

func (a *agreement) count(valid bool) {
	a.checks++
	if valid {
		a.valid++
	}
}

func (a *agreement) fail(format string, args ...any) {
	a.bad++
	if a.bad <= 20 {
		a.t.Errorf(format, args...)
	}
}

func (a *agreement) report(what string) {
	a.t.Logf("%s: %d of %d agree (%.4f%%); the reference finds %d valid", what, a.checks-a.bad, a.checks,
		100*float64(a.checks-a.bad)/float64(a.checks), a.valid)
}

var numberTypes = []phonenumbers.PhoneNumberType{phonenumbers.FIXED_LINE, phonenumbers.MOBILE, phonenumbers.TOLL_FREE,
	phonenumbers.PREMIUM_RATE, phonenumbers.SHARED_COST, phonenumbers.VOIP, phonenumbers.PERSONAL_NUMBER,
	phonenumbers.PAGER, phonenumbers.UAN, phonenumbers.VOICEMAIL}

// onlyDigitsOf keeps the ASCII digits of s.
func onlyDigitsOf(s string) string {
	return strings.Map(func(r rune) rune {
		if r < '0' || r > '9' {
			return -1
		}
		return r
	}, s)
}

// examples returns the written forms of region's example numbers. National: the national significant number,
// the national format, with the national prefix, with the calling code, with "00" and the calling code.
// International: the calling code and the number, with and without the national prefix between them.
func examples(region string) (national, international []string) {
	cc := strconv.Itoa(phonenumbers.GetCountryCodeForRegion(region))
	np := phonenumbers.GetNddPrefixForRegion(region, true)
	for _, typ := range numberTypes {
		n := phonenumbers.GetExampleNumberForType(region, typ)
		if n == nil {
			continue
		}
		nsn := phonenumbers.GetNationalSignificantNumber(n)
		national = append(national, nsn, onlyDigitsOf(phonenumbers.Format(n, phonenumbers.NATIONAL)), np+nsn, cc+nsn,
			"00"+cc+nsn)
		international = append(international, cc+nsn, cc+np+nsn)
	}
	return national, international
}

func TestAgreementExamples(t *testing.T) {
	a := &agreement{t: t}
	for i, region := range slices.Sorted(maps.Keys(phonenumbers.GetSupportedRegions())) {
		if raceEnabled && i%8 != 0 {
			continue
		}
		national, international := examples(region)
		for _, d := range national {
			a.national(d, region)
		}
		for _, d := range international {
			a.international(d)
		}
	}
	for cc := range phonenumbers.GetSupportedGlobalNetworkCallingCodes() {
		if n := phonenumbers.GetExampleNumberForNonGeoEntity(cc); n != nil {
			a.international(strconv.Itoa(cc) + phonenumbers.GetNationalSignificantNumber(n))
		}
	}
	a.report("example numbers")
}

// sampleRegions are checked with random numbers: the common ones and those whose rules are unusual (rewriting or
// carrier-code national prefixes, leading-digit region choice, shared calling codes, short numbers).
var sampleRegions = []string{"US", "CN", "DE", "JP", "BR", "KR", "GB", "FR", "IN", "RU", "AR", "AG", "AU", "BO", "BY",
	"CA", "CC", "CO", "CR", "FO", "GA", "GG", "HU", "IM", "IT", "KZ", "LT", "LU", "MG", "MX", "NF", "NO", "SM",
	"VA", "ID"}

// mutate returns s with up to two random digits replaced, inserted or deleted.
func mutate(r *rand.Rand, s string) string {
	b := []byte(s)
	for range r.IntN(3) {
		i := r.IntN(len(b) + 1)
		c := byte('0' + r.IntN(10))
		switch op := r.IntN(3); {
		case op == 0 && i < len(b):
			b[i] = c
		case op == 1 || len(b) < 3:
			b = slices.Insert(b, i, c)
		case i < len(b):
			b = slices.Delete(b, i, i+1)
		}
	}
	return string(b)
}

// randomDigits returns n random digits.
func randomDigits(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + r.IntN(10))
	}
	return string(b)
}

func TestAgreementRandom(t *testing.T) {
	regions, n := sampleRegions, 3000
	if *allRegionsFlag {
		regions = slices.Sorted(maps.Keys(phonenumbers.GetSupportedRegions()))
	}
	switch {
	case raceEnabled:
		n = 20
	case testing.Short():
		n = 300
	}
	nat, intl, plaus := &agreement{t: t}, &agreement{t: t}, &agreement{t: t}
	for _, region := range regions {
		r := rand.New(rand.NewPCG(1, uint64(phonenumbers.GetCountryCodeForRegion(region))))
		national, international := examples(region)
		for i := range n {
			if i%4 == 0 || len(national) == 0 {
				nat.national(randomDigits(r, 2+r.IntN(16)), region)
				d := randomDigits(r, 3+r.IntN(17))
				intl.international(d)
				plaus.plausible(d)
				continue
			}
			nat.national(mutate(r, national[r.IntN(len(national))]), region)
			d := mutate(r, international[r.IntN(len(international))])
			intl.international(d)
			plaus.plausible(d)
		}
	}
	nat.report("random national")
	intl.report("random international")
	plaus.report("random plausible")
}

// TestPrefixDigits checks PrefixDigits' promise: National strips something
// only from numbers that start with one of the digits it returns.
// knownCodes counts the calling codes with tables.
func knownCodes(ct *codeTables) int {
	n := 0
	for _, c := range ct.codes {
		if c.known {
			n++
		}
	}
	return n
}

func TestPrefixDigits(t *testing.T) {
	n := 2000
	if raceEnabled || testing.Short() {
		n = 200
	}
	for _, region := range sampleRegions {
		tab := regionTables()[region]
		i, _ := tab.RegionIndex(region)
		first := tab.PrefixDigits(i)
		r := rand.New(rand.NewPCG(2, uint64(i)))
		national, _ := examples(region)
		for j := range n {
			d := randomDigits(r, 4+r.IntN(14))
			if j%2 == 0 && len(national) > 0 {
				d = onlyDigitsOf(mutate(r, national[r.IntN(len(national))]))
			}
			if d == "" {
				continue
			}
			_, _, start, ok := tab.National([]byte(d), 1<<i)
			if ok && start > 0 && first>>(d[0]-'0')&1 == 0 {
				t.Fatalf("%s: National(%s) strips %d digits, but PrefixDigits = %010b", region, d, start, first)
			}
		}
	}
}

func TestNew(t *testing.T) {
	tests := []struct {
		name    string
		regions []string
		wantErr string
	}{
		{"none", nil, ""},
		{"some", []string{"CN", "US"}, ""},
		{"unknown", []string{"US", "XX"}, `"XX"`},
		{"non-geographic", []string{"001"}, `"001"`},
		{"lower case", []string{"us"}, `"us"`},
		{"twice", []string{"US", "CN", "US"}, `"US" listed twice`},
		{"too many", slices.Repeat([]string{"US"}, 65), "at most 64"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab, err := New(tt.regions)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("New(%q): %v", tt.regions, err)
				}
				if got := tab.Regions(); !slices.Equal(got, tt.regions) && len(got)+len(tt.regions) > 0 {
					t.Errorf("Regions() = %q, want %q", got, tt.regions)
				}
				for i, r := range tt.regions {
					if j, ok := tab.RegionIndex(r); !ok || j != i {
						t.Errorf("RegionIndex(%q) = %d, %v, want %d", r, j, ok, i)
					}
				}
				if _, ok := tab.RegionIndex("ZZ"); ok {
					t.Error(`RegionIndex("ZZ") found`)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("New(%q) error = %v, want one containing %s", tt.regions, err, tt.wantErr)
			}
		})
	}
}

var testRegions = []string{"US", "CN", "DE", "JP", "BR", "KR", "GB", "FR", "IN", "RU", "AR", "AG"}

var testTable = sync.OnceValue(func() *Table {
	t, err := New(testRegions)
	if err != nil {
		panic(err)
	}
	return t
})

func TestNational(t *testing.T) {
	tests := []struct {
		name, region, written string
		want                  string // E.164, or "" if not valid in region
		nsnStart              int
	}{
		{"us", "US", "(415) 555-0132", "+14155550132", 0},
		{"us trunk prefix", "US", "1 415 555 0132", "+14155550132", 1},
		{"cn mobile", "CN", "138 0013 8000", "+8613800138000", 0},
		{"de", "DE", "030 12345678", "+493012345678", 1},
		{"de date-like", "DE", "20260602", "+4920260602", 0},
		{"de with idd", "DE", "0049 30 12345678", "+493012345678", 4},
		{"jp", "JP", "090-1234-5678", "+819012345678", 1},
		{"br", "BR", "(11) 98765-4321", "+5511987654321", 0},
		{"br carrier code", "BR", "0 15 11 98765-4321", "+5511987654321", 3},
		{"kr", "KR", "010-1234-5678", "+821012345678", 1},
		{"gb", "GB", "020 7946 0958", "+442079460958", 1},
		{"fr", "FR", "01 23 45 67 89", "+33123456789", 1},
		{"in", "IN", "98765 43210", "+919876543210", 0},
		{"ru", "RU", "8 (495) 123-45-67", "+74951234567", 1},
		{"ar mobile rewritten", "AR", "011 15-2345-6789", "+5491123456789", 5},
		{"ag local rewritten", "AG", "460-1234", "+12684601234", 0},
		{"cn number not us", "US", "138 0013 8000", "", 0},
		{"too short", "DE", "0", "", 0},
		{"us too long", "US", "415 555 0132 1", "", 0},
		{"foreign idd", "DE", "0033 1 23 45 67 89", "", 0},
	}
	tab := testTable()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i, _ := tab.RegionIndex(tt.region)
			d := []byte(onlyDigitsOf(tt.written))
			region, cc, start, ok := tab.National(d, 1<<i)
			e164, ok2 := tab.AppendE164(nil, d, i)
			if ok != (tt.want != "") || ok2 != ok || string(e164) != tt.want {
				t.Fatalf("National(%s) = %v, AppendE164 = %q, %v; want %q", d, ok, e164, ok2, tt.want)
			}
			if ok && (region != i || cc != phonenumbers.GetCountryCodeForRegion(tt.region) || start != tt.nsnStart) {
				t.Errorf("National(%s) = %d, %d, %d; want %d, _, %d", d, region, cc, start, i, tt.nsnStart)
			}
			if ref, _ := refNational(string(d), tt.region); ref != tt.want {
				t.Errorf("reference gives %q", ref)
			}
		})
	}
}

func TestNationalOrder(t *testing.T) {
	tab := testTable()
	all := uint64(1)<<len(testRegions) - 1
	us, _ := tab.RegionIndex("US")
	cn, _ := tab.RegionIndex("CN")
	gb, _ := tab.RegionIndex("GB")
	tests := []struct {
		name, digits string
		mask         uint64
		region       int // -1: none
	}{
		{"first region wins", "02079460958", 1<<cn | 1<<gb, cn}, // GB too, but CN comes first
		{"masked out", "02079460958", 1 << gb, gb},
		{"cn mobile", "13800138000", all, cn},
		{"us only", "13800138000", 1 << us, -1},
		{"empty mask", "4155550132", 0, -1},
		{"bits beyond regions", "4155550132", 1 << 63, -1},
		{"not digits", "415-555-0132", all, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			region, _, _, ok := tab.National([]byte(tt.digits), tt.mask)
			if ok != (tt.region >= 0) || region != tt.region {
				t.Errorf("National(%s, %b) = %d, %v; want %d", tt.digits, tt.mask, region, ok, tt.region)
			}
		})
	}
}

func TestInternational(t *testing.T) {
	tests := []struct {
		name, digits string
		cc           int // 0: invalid
		e164         string
	}{
		{"us", "14155550132", 1, "+14155550132"},
		{"cn", "8613800138000", 86, "+8613800138000"},
		{"gb mobile", "447946095800", 44, "+447946095800"},
		{"gb national prefix kept by caller", "4402079460958", 44, "+442079460958"},
		{"jp", "819012345678", 81, "+819012345678"},
		{"de", "493012345678", 49, "+493012345678"},
		{"non-geographic", "80012345678", 800, "+80012345678"},
		{"ca by area code", "16135550123", 1, "+16135550123"},
		{"unknown code", "999123456789", 0, ""},
		{"leading zero", "0493012345678", 0, ""},
		{"too short", "44", 0, ""},
		{"nsn too short", "441", 0, ""},
		{"too long", "8613800138000123456789", 0, ""},
		{"empty", "", 0, ""},
		{"not digits", "+14155550132", 0, ""},
	}
	tab := testTable()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cc, ok := tab.International([]byte(tt.digits))
			e164, ok2 := tab.AppendE164([]byte("x"), []byte(tt.digits), -1)
			if cc != tt.cc || ok != (tt.cc != 0) || ok2 != ok || ok && string(e164) != "x"+tt.e164 {
				t.Errorf("International(%s) = %d, %v, AppendE164 = %q; want %d, %q", tt.digits, cc, ok, e164, tt.cc, tt.e164)
			}
			if tt.digits != "" && tt.digits[0] != '+' {
				if _, ref, _ := refInternational(tt.digits); ref != tt.e164 {
					t.Errorf("reference gives %q", ref)
				}
			}
		})
	}
}

func TestPlausible(t *testing.T) {
	tests := []struct {
		name, digits string
		e164         string // "": not plausible
		valid        bool
	}{
		{"valid", "14155550132", "+14155550132", true},
		{"gb drama range", "447700900123", "+447700900123", false},
		{"gb drama range, national prefix kept", "4407700900123", "+447700900123", false},
		{"us unassigned area code", "12225550132", "+12225550132", false},
		{"gb too short", "4477009001", "", false},
		{"us leading 1", "11155550132", "", false},
		{"unknown code", "999123456789", "", false},
		{"not digits", "+447700900123", "", false},
	}
	tab := testTable()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok := tab.Plausible([]byte(tt.digits))
			e164, ok2 := tab.AppendPlausibleE164([]byte("x"), []byte(tt.digits))
			_, valid := tab.International([]byte(tt.digits))
			if want := tt.e164 != ""; ok != want || ok2 != want || want && string(e164) != "x"+tt.e164 || valid != tt.valid {
				t.Errorf("Plausible(%s) = %v, AppendPlausibleE164 = %q, International %v; want %q, %v", tt.digits, ok, e164, valid, tt.e164, tt.valid)
			}
			if ref, _ := refPlausible(tt.digits); tt.digits[0] != '+' && ref != tt.e164 {
				t.Errorf("reference gives %q", ref)
			}
		})
	}
}

// maxLen returns the length of the longest string re matches, or -1 if there is none.
func maxLen(re *syntax.Regexp) int {
	n := 0
	switch re.Op {
	case syntax.OpLiteral:
		return len(re.Rune)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpEmptyMatch, syntax.OpBeginText, syntax.OpEndText:
		return 0
	case syntax.OpCapture, syntax.OpQuest:
		return maxLen(re.Sub[0])
	case syntax.OpRepeat:
		return re.Max * maxLen(re.Sub[0])
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			n += maxLen(sub)
		}
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			n = max(n, maxLen(sub))
		}
	default:
		return -1
	}
	return n
}

// TestMaxDigits checks that inputs longer than maxDigits cannot be valid: the most parsing drops before the
// national significant number is an international prefix and a calling code, or a calling code, and up to two
// national prefixes (the match of a rewriting rule counts whole, which overestimates).
func TestMaxDigits(t *testing.T) {
	coll, err := phonenumbers.MetadataCollection()
	if err != nil {
		t.Fatal(err)
	}
	idd, npp := 0, 0
	for _, m := range coll.GetMetadata() {
		for _, p := range []struct {
			pattern string
			longest *int
		}{{m.GetInternationalPrefix(), &idd}, {m.GetNationalPrefixForParsing(), &npp}} {
			re, err := parseDigits(p.pattern)
			if err != nil {
				t.Fatalf("%s: %v", m.GetId(), err)
			}
			if n := maxLen(re); n < 0 {
				t.Errorf("%s: %q has no longest match", m.GetId(), p.pattern)
			} else {
				*p.longest = max(*p.longest, n)
			}
		}
	}
	longest := idd + maxCCLen + 2*npp + maxNSN // more than any one path drops
	t.Logf("longest international prefix %d, national prefix %d: inputs up to %d digits", idd, npp, longest)
	if longest > maxDigits {
		t.Errorf("inputs up to %d digits may be valid, but maxDigits is %d", longest, maxDigits)
	}
}

func TestNoAllocs(t *testing.T) {
	tab := testTable()
	all := uint64(1)<<len(testRegions) - 1
	ar, _ := tab.RegionIndex("AR")
	inputs := [][]byte{[]byte("14155550132"), []byte("01115234567891"), []byte("0111523456789"), []byte("4601234"),
		[]byte("0049301234567"), []byte("99999999999")}
	dst := make([]byte, 0, 32)
	allocs := testing.AllocsPerRun(100, func() {
		for _, d := range inputs {
			tab.International(d)
			tab.National(d, all)
			tab.AppendE164(dst[:0], d, ar)
			tab.AppendE164(dst[:0], d, -1)
			tab.Plausible(d)
			tab.AppendPlausibleE164(dst[:0], d)
			tab.WrittenAs(ar, d[1:], []uint8{3, 4, 4})
		}
	})
	if allocs != 0 {
		t.Errorf("%v allocations per run, want 0", allocs)
	}
}

// TestConcurrent checks with -race that a Table is safe for concurrent use, and that Tables share their code tables.
func TestConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			tab, err := New([]string{"US", "DE"})
			if err != nil {
				t.Error(err)
				return
			}
			for range 100 {
				if _, _, _, ok := tab.National([]byte("03012345678"), 3); !ok {
					t.Error("National failed")
				}
				if _, ok := testTable().International([]byte("14155550132")); !ok {
					t.Error("International failed")
				}
			}
			if tab.codeTables != testTable().codeTables {
				t.Error("code tables not shared")
			}
		})
	}
	wg.Wait()
}

func FuzzInternational(f *testing.F) {
	tab := testTable()
	f.Fuzz(func(t *testing.T, digits []byte) {
		cc, ok := tab.International(digits)
		e164, ok2 := tab.AppendE164(nil, digits, -1)
		if ok2 != ok || ok && !bytes.HasPrefix(e164, []byte("+"+strconv.Itoa(cc))) {
			t.Fatalf("International(%q) = %d, %v but AppendE164 = %q, %v", digits, cc, ok, e164, ok2)
		}
		if !onlyDigits(digits) || len(digits) > 40 {
			if ok {
				t.Fatalf("International(%q) accepted", digits)
			}
			return
		}
		if _, want, wantOK := refInternational(string(digits)); ok != wantOK || string(e164) != want {
			t.Fatalf("International(%q) = %q, %v; reference %q, %v", digits, e164, ok, want, wantOK)
		}
		plausible, _ := tab.AppendPlausibleE164(nil, digits)
		if want, _ := refPlausible(string(digits)); string(plausible) != want || ok && !bytes.Equal(plausible, e164) {
			t.Fatalf("AppendPlausibleE164(%q) = %q; reference %q, valid %q", digits, plausible, want, e164)
		}
	})
}

func FuzzNational(f *testing.F) {
	tab := testTable()
	f.Fuzz(func(t *testing.T, digits []byte, region uint8) {
		i := int(region) % len(testRegions)
		got, cc, start, ok := tab.National(digits, 1<<i)
		e164, ok2 := tab.AppendE164(nil, digits, i)
		if ok2 != ok || ok && (got != i || start < 0 || start > len(digits) ||
			!bytes.HasPrefix(e164, []byte("+"+strconv.Itoa(cc))) || !bytes.HasSuffix(e164, digits[start:])) {
			t.Fatalf("National(%q) = %d, %d, %d, %v but AppendE164 = %q, %v", digits, got, cc, start, ok, e164, ok2)
		}
		if !onlyDigits(digits) || len(digits) > 40 {
			if ok {
				t.Fatalf("National(%q) accepted", digits)
			}
			return
		}
		if want, wantOK := refNational(string(digits), testRegions[i]); ok != wantOK || string(e164) != want {
			t.Fatalf("National(%q) in %s = %q, %v; reference %q, %v", digits, testRegions[i], e164, ok, want, wantOK)
		}
	})
}

var benchNumbers = []struct{ name, intl, national, region string }{
	{"US", "14155550132", "4155550132", "US"},
	{"CN", "8613800138000", "13800138000", "CN"},
	{"DE", "493012345678", "03012345678", "DE"},
	{"AR", "5491123456789", "01115234567891", "AR"},
	{"invalid", "999123456789", "99999999999", "US"},
}

func BenchmarkInternational(b *testing.B) {
	tab := testTable()
	for _, n := range benchNumbers {
		b.Run(n.name, func(b *testing.B) {
			d := []byte(n.intl)
			b.ReportAllocs()
			b.SetBytes(int64(len(d)))
			for b.Loop() {
				tab.International(d)
			}
		})
	}
}

func BenchmarkNational(b *testing.B) {
	tab := testTable()
	for _, n := range benchNumbers {
		b.Run(n.name, func(b *testing.B) {
			d := []byte(n.national)
			i, _ := tab.RegionIndex(n.region)
			b.ReportAllocs()
			b.SetBytes(int64(len(d)))
			for b.Loop() {
				tab.National(d, 1<<i)
			}
		})
	}
	b.Run("all-regions-miss", func(b *testing.B) {
		d := []byte("99999999999")
		b.ReportAllocs()
		b.SetBytes(int64(len(d)))
		for b.Loop() {
			tab.National(d, 1<<len(testRegions)-1)
		}
	})
}

func BenchmarkAppendE164(b *testing.B) {
	tab := testTable()
	d := []byte("8613800138000")
	dst := make([]byte, 0, 32)
	b.ReportAllocs()
	b.SetBytes(int64(len(d)))
	for b.Loop() {
		tab.AppendE164(dst[:0], d, -1)
	}
}

// BenchmarkReference measures phonenumbers.Parse and IsValidNumber on the same numbers.
func BenchmarkReference(b *testing.B) {
	for _, n := range benchNumbers {
		b.Run("International/"+n.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(n.intl)))
			for b.Loop() {
				refInternational(n.intl)
			}
		})
		b.Run("National/"+n.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(n.national)))
			for b.Loop() {
				refNational(n.national, n.region)
			}
		})
	}
}

// BenchmarkBuild measures building the shared calling-code tables, what the first New costs, and reports their size.
func BenchmarkBuild(b *testing.B) {
	b.ReportAllocs()
	var ct *codeTables
	for b.Loop() {
		var err error
		if ct, err = buildCodeTables(); err != nil {
			b.Fatal(err)
		}
	}
	d := ct.dfa
	b.ReportMetric(float64(len(d.valid)), "states")
	b.ReportMetric(float64(2*len(d.step)+4*(len(d.valid)+len(d.viable))+int(unsafe.Sizeof(ct.codes))+400*knownCodes(ct)), "table-bytes")
}

// BenchmarkNew measures New once the shared tables exist.
func BenchmarkNew(b *testing.B) {
	if _, err := shared(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(testRegions); err != nil {
			b.Fatal(err)
		}
	}
}
