package gen

// phonePlan describes one numbering range of a region: its national
// significant numbers (NSN) and the ways people write them.
type phonePlan struct {
	prefix []string // leading NSN digits, one picked at random
	first  string   // digits allowed right after the prefix; "" means any
	n      int      // NSN length
	nat    []string // national layouts, with trunk prefix; 'X' is the next NSN digit
	intl   []string // international layouts; 'X' is the next NSN digit
	bare   bool     // also written as the bare NSN (a JSON number under a phone key)
}

// phoneRegion is the numbering plan of one region, restricted to ranges whose
// every number libphonenumber considers valid (the tests check it).
type phoneRegion struct {
	code  string // ISO 3166-1 alpha-2
	lang  string // ISO 639-1 code of the language its people's phones are set to
	cc    string // country calling code
	plans []phonePlan
}

// The numbering plans. Prefixes and next digits follow libphonenumber's
// metadata for mobile and fixed-line numbers; TestPhonePlans checks them.
var phoneCN = &phoneRegion{code: "CN", lang: "zh", cc: "86", plans: []phonePlan{
	{
		prefix: []string{"130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155",
			"156", "157", "158", "159", "176", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "199"},
		n:    11,
		nat:  []string{"XXXXXXXXXXX", "XXX XXXX XXXX", "XXX-XXXX-XXXX"},
		intl: []string{"+86 XXX XXXX XXXX", "+86XXXXXXXXXXX", "+86-XXX-XXXX-XXXX", "+86 XXXXXXXXXXX"},
		bare: true,
	},
	{
		prefix: []string{"10", "21"}, first: "234567", n: 10,
		nat:  []string{"0XX-XXXXXXXX", "0XX XXXX XXXX", "(0XX)XXXXXXXX"},
		intl: []string{"+86 XX XXXX XXXX", "+86-XX-XXXXXXXX"},
	},
}}

var phoneJP = &phoneRegion{code: "JP", lang: "ja", cc: "81", plans: []phonePlan{
	{
		prefix: []string{"90", "80", "70"}, first: "123456789", n: 10,
		nat:  []string{"0XX-XXXX-XXXX", "0XXXXXXXXXX", "0XX XXXX XXXX"},
		intl: []string{"+81 XX-XXXX-XXXX", "+81 XX XXXX XXXX", "+81XXXXXXXXXX"},
	},
	{
		prefix: []string{"3", "6"}, first: "23456789", n: 9,
		nat:  []string{"0X-XXXX-XXXX", "0X XXXX XXXX"},
		intl: []string{"+81 X-XXXX-XXXX", "+81 X XXXX XXXX"},
	},
}}

var phoneKR = &phoneRegion{code: "KR", lang: "ko", cc: "82", plans: []phonePlan{
	{
		prefix: []string{"10"}, first: "2346789", n: 10,
		nat:  []string{"0XX-XXXX-XXXX", "0XXXXXXXXXX", "0XX XXXX XXXX"},
		intl: []string{"+82 XX-XXXX-XXXX", "+82-XX-XXXX-XXXX", "+82XXXXXXXXXX"},
	},
	{
		prefix: []string{"2"}, first: "23456789", n: 9,
		nat:  []string{"0X-XXXX-XXXX", "(0X) XXXX-XXXX"},
		intl: []string{"+82 X-XXXX-XXXX"},
	},
}}

var phoneDE = &phoneRegion{code: "DE", lang: "de", cc: "49", plans: []phonePlan{
	{
		prefix: []string{"30", "40"}, first: "23456789", n: 10,
		nat:  []string{"0XX XXXXXXXX", "0XX/XXXXXXXX", "0XX-XXXX XXXX"},
		intl: []string{"+49 XX XXXXXXXX", "+49 (0)XX XXXXXXXX", "+49XXXXXXXXXX"},
	},
	{
		prefix: []string{"89", "69"}, first: "23456789", n: 9,
		nat:  []string{"0XX XXXXXXX", "0XX/XXXXXXX"},
		intl: []string{"+49 XX XXXXXXX"},
	},
	{
		prefix: []string{"151", "152", "157", "159", "160", "162", "163", "170", "171", "172", "173", "174", "175", "176", "177", "178", "179"},
		first:  "123456789", n: 11,
		nat:  []string{"0XXX XXXXXXXX", "0XXX-XXXXXXXX", "0XXX/XXXXXXXX"},
		intl: []string{"+49 XXX XXXXXXXX", "+49XXXXXXXXXXX"},
	},
}}

var phoneFR = &phoneRegion{code: "FR", lang: "fr", cc: "33", plans: []phonePlan{
	{
		prefix: []string{"1", "3", "60", "61", "62", "64", "65", "66", "67", "68", "695", "698", "699"}, n: 9,
		nat:  []string{"0X XX XX XX XX", "0XXXXXXXXX", "0X.XX.XX.XX.XX"},
		intl: []string{"+33 X XX XX XX XX", "+33XXXXXXXXX", "+33 (0)X XX XX XX XX"},
	},
	{
		prefix: []string{"7"}, first: "3456789", n: 9,
		nat:  []string{"0X XX XX XX XX", "0XXXXXXXXX"},
		intl: []string{"+33 X XX XX XX XX", "+33XXXXXXXXX"},
	},
}}

var phoneBR = &phoneRegion{code: "BR", lang: "pt", cc: "55", plans: []phonePlan{
	{
		prefix: []string{"119", "219", "319", "419", "519", "619", "719", "819", "859", "479"}, first: "6789", n: 11,
		nat:  []string{"(XX) XXXXX-XXXX", "XX XXXXX-XXXX", "(XX) XXXXXXXXX"},
		intl: []string{"+55 XX XXXXX-XXXX", "+55 (XX) XXXXX-XXXX", "+55XXXXXXXXXXX"},
		bare: true,
	},
	{
		prefix: []string{"11", "21", "31", "41", "51"}, first: "2345", n: 10,
		nat:  []string{"(XX) XXXX-XXXX", "XX XXXX-XXXX"},
		intl: []string{"+55 XX XXXX-XXXX"},
	},
}}

var phoneRU = &phoneRegion{code: "RU", lang: "ru", cc: "7", plans: []phonePlan{
	{
		prefix: []string{"495", "499", "812", "903", "905", "915", "916", "925", "926", "977", "985", "999"}, first: "123456789", n: 10,
		nat:  []string{"8 (XXX) XXX-XX-XX", "8 XXX XXX-XX-XX", "8XXXXXXXXXX", "8-XXX-XXX-XX-XX"},
		intl: []string{"+7 XXX XXX-XX-XX", "+7 (XXX) XXX-XX-XX", "+7XXXXXXXXXX", "+7 XXX XXX XX XX"},
	},
}}

var phoneIN = &phoneRegion{code: "IN", lang: "hi", cc: "91", plans: []phonePlan{
	{
		prefix: []string{"90", "91", "93", "94", "96", "97", "98", "99", "85", "70", "72", "74", "60", "69"}, n: 10,
		nat:  []string{"XXXXX XXXXX", "XXXXXXXXXX", "0XXXXX XXXXX"},
		intl: []string{"+91 XXXXX XXXXX", "+91-XXXXX-XXXXX", "+91XXXXXXXXXX", "+91 XXXXXXXXXX"},
		bare: true,
	},
}}

var phoneUS = &phoneRegion{code: "US", lang: "en", cc: "1", plans: []phonePlan{
	{
		prefix: []string{"212", "415", "312", "617", "206", "646", "213", "310", "512", "303", "702", "404", "305", "718", "971"},
		first:  "23456789", n: 10,
		nat:  []string{"(XXX) XXX-XXXX", "XXX-XXX-XXXX", "XXX.XXX.XXXX"},
		intl: []string{"+1 XXX-XXX-XXXX", "+1 (XXX) XXX-XXXX", "+1XXXXXXXXXX", "+1 XXX XXX XXXX"},
		bare: true,
	},
}}

var phoneGB = &phoneRegion{code: "GB", lang: "en", cc: "44", plans: []phonePlan{
	{
		prefix: []string{"207", "208", "203"}, n: 10,
		nat:  []string{"0XX XXXX XXXX", "(0XX) XXXX XXXX"},
		intl: []string{"+44 XX XXXX XXXX", "+44 (0)XX XXXX XXXX"},
	},
	{
		prefix: []string{"7123", "7234", "7400", "7412", "7468", "7507", "7534", "7712", "7725", "7766", "7825", "7852", "7956", "7968"}, n: 10,
		nat:  []string{"0XXXX XXXXXX", "0XXXX XXX XXX"},
		intl: []string{"+44 XXXX XXXXXX", "+44XXXXXXXXXX"},
	},
}}

var phoneES = &phoneRegion{code: "ES", lang: "es", cc: "34", plans: []phonePlan{
	{
		prefix: []string{"60", "61", "62", "63", "65", "66", "67", "68", "69", "71", "72"}, n: 9,
		nat:  []string{"XXX XX XX XX", "XXX XXX XXX", "XXXXXXXXX"},
		intl: []string{"+34 XXX XX XX XX", "+34 XXX XXX XXX", "+34XXXXXXXXX"},
	},
	{
		prefix: []string{"91", "93"}, first: "1234567", n: 9,
		nat:  []string{"XX XXX XX XX"},
		intl: []string{"+34 XX XXX XX XX"},
	},
}}

var phoneAE = &phoneRegion{code: "AE", lang: "ar", cc: "971", plans: []phonePlan{
	{
		prefix: []string{"50", "52", "54", "55", "56", "58"}, n: 9,
		intl: []string{"+971 XX XXX XXXX", "+971XXXXXXXXX", "+971-XX-XXX-XXXX"},
	},
}}

var phoneSA = &phoneRegion{code: "SA", lang: "ar", cc: "966", plans: []phonePlan{
	{
		prefix: []string{"50", "53", "54", "55", "56", "59"}, n: 9,
		intl: []string{"+966 XX XXX XXXX", "+966XXXXXXXXX"},
	},
}}

var phoneEG = &phoneRegion{code: "EG", lang: "ar", cc: "20", plans: []phonePlan{
	{
		prefix: []string{"10", "11", "12", "15"}, n: 10,
		intl: []string{"+20 XX XXXX XXXX", "+20XXXXXXXXXX"},
	},
}}

// phoneRegions are all the regions, for usage and log events.
var phoneRegions = []*phoneRegion{
	phoneCN, phoneUS, phoneGB, phoneDE, phoneFR, phoneJP, phoneIN, phoneBR, phoneRU, phoneKR, phoneES, phoneAE, phoneSA, phoneEG,
}

// phoneNSN fills d with a random national significant number of plan p and
// returns its length.
func (r *rng) phoneNSN(d *[16]byte, p *phonePlan) int {
	n := copy(d[:], pick(r, p.prefix))
	if p.first != "" {
		d[n] = p.first[r.intn(len(p.first))]
		n++
	}
	r.appendDigits(d[:n], p.n-n)
	return p.n
}

// Phone number forms.
const (
	phoneNational = iota // in a national layout (international when the region has none)
	phoneIntl            // in an international layout
	phoneWide            // in a national layout with full-width digits and hyphens
)

// appendPhone appends a random valid phone number of region reg in the given
// form.
func (r *rng) appendPhone(dst []byte, reg *phoneRegion, form int) []byte {
	p := &reg.plans[r.intn(len(reg.plans))]
	var d [16]byte
	r.setE164(reg, d[:r.phoneNSN(&d, p)])
	layout := ""
	if form == phoneIntl || len(p.nat) == 0 {
		layout = pick(r, p.intl)
		form = phoneIntl
	} else {
		layout = pick(r, p.nat)
	}
	i := 0
	for j := 0; j < len(layout); j++ {
		c := layout[j]
		if c == 'X' {
			c = d[i]
			i++
		}
		switch {
		case form != phoneWide:
			dst = append(dst, c)
		case '0' <= c && c <= '9':
			dst = append(dst, 0xef, 0xbc, 0x90+c-'0') // U+FF10 + digit
		case c == '-':
			dst = append(dst, "－"...)
		default:
			dst = append(dst, c)
		}
		if i == 3 && layout[j] == 'X' && form == phoneIntl && r.e164[len(r.e164)-1] == '0' {
			// +86\u2060 138… as a web page keeps a number from being linked
			dst = append(dst, invisibles[int(d[0])%len(invisibles)]...)
		}
	}
	return dst
}

// appendPhoneNumber appends a phone number of region reg as apps store it in
// a JSON number: the country code and NSN ("8613800138000") or, where people
// write it so, the bare NSN ("13800138000").
func (r *rng) appendPhoneNumber(dst []byte, reg *phoneRegion) []byte {
	p := &reg.plans[r.intn(len(reg.plans))]
	var d [16]byte
	n := r.phoneNSN(&d, p)
	r.setE164(reg, d[:n])
	if !p.bare || r.chance(50) {
		dst = append(dst, reg.cc...)
	}
	return append(dst, d[:n]...)
}

// setE164 records the number of region reg with national significant number
// nsn as the last one appended.
func (r *rng) setE164(reg *phoneRegion, nsn []byte) {
	r.e164 = append(append(append(r.e164[:0], '+'), reg.cc...), nsn...)
}
