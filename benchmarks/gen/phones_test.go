package gen

import (
	"strings"
	"testing"

	"github.com/nyaruka/phonenumbers"
	"google.golang.org/protobuf/proto"
)

// TestPhonePlans checks the numbering plans against libphonenumber: every
// prefix, followed by every allowed digit and every combination of the next
// two digits, gives a valid number of its region, and every layout, in every
// form, parses back to a valid number.
func TestPhonePlans(t *testing.T) {
	var r rng
	r.seed(1)
	for _, reg := range phoneRegions {
		cc := phonenumbers.GetCountryCodeForRegion(reg.code)
		if got := reg.cc; got != itoa(cc) {
			t.Errorf("%s: country code %s, want %d", reg.code, got, cc)
		}
		for pi := range reg.plans {
			p := &reg.plans[pi]
			for _, l := range append(append([]string{}, p.nat...), p.intl...) {
				if got := strings.Count(l, "X"); got != p.n {
					t.Errorf("%s plan %d layout %q: %d digits, want %d", reg.code, pi, l, got, p.n)
				}
			}
			for _, pre := range p.prefix {
				first := p.first
				if first == "" {
					first = "0123456789"
				}
				for _, f := range []byte(first) {
					one := *p
					one.prefix, one.first = []string{pre}, string(f)
					for ext := range 100 {
						var d [16]byte
						n := r.phoneNSN(&d, &one)
						i := len(pre) + 1
						d[i], d[i+1] = byte('0'+ext/10), byte('0'+ext%10)
						num := &phonenumbers.PhoneNumber{
							CountryCode:    proto.Int32(int32(cc)),
							NationalNumber: proto.Uint64(atou(d[:n])),
						}
						if !phonenumbers.IsValidNumberForRegion(num, reg.code) {
							t.Errorf("%s: NSN %s is not valid", reg.code, d[:n])
						}
					}
					solo := phoneRegion{code: reg.code, cc: reg.cc, plans: []phonePlan{one}}
					for form := range 3 {
						checkPhone(t, string(r.appendPhone(nil, &solo, form)), reg.code)
					}
					checkPhone(t, string(r.appendPhoneNumber(nil, &solo)), reg.code)
				}
			}
		}
	}
}

// checkPhone fails t unless v parses as a valid number of region.
func checkPhone(t *testing.T, v, region string) {
	t.Helper()
	num, err := phonenumbers.Parse(strings.Map(dropInvisible, v), region)
	if err != nil {
		t.Errorf("phone %q (%s): %v", v, region, err)
		return
	}
	if !phonenumbers.IsValidNumberForRegion(num, region) {
		t.Errorf("phone %q: not a valid %s number", v, region)
	}
}

func atou(digits []byte) uint64 {
	var n uint64
	for _, c := range digits {
		n = n*10 + uint64(c-'0')
	}
	return n
}

func itoa(n int) string {
	return string(appendPad(nil, n, 1))
}
