package gen

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/big"
	"net"
	"net/netip"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"

	"github.com/pixelprivacy/veil/detectors"
)

func TestDeterministic(t *testing.T) {
	a, b, c := New(Options{Seed: 42}), New(Options{Seed: 42}), New(Options{Seed: 43})
	same := 0
	for i := range 2000 {
		ea, eb, ec := a.Next(), b.Next(), c.Next()
		if !reflect.DeepEqual(ea, eb) {
			t.Fatalf("event %d differs for the same seed:\n%s\n%s", i, ea.Line, eb.Line)
		}
		if bytes.Equal(ea.Line, ec.Line) {
			same++
		}
	}
	if same > 0 {
		t.Errorf("seeds 42 and 43 gave %d identical lines", same)
	}
}

func TestAppendNext(t *testing.T) {
	a, b := New(Options{Seed: 5}), New(Options{Seed: 5})
	buf := []byte("prefix")
	ev := b.AppendNext(buf)
	if want := a.Next(); !bytes.Equal(ev.Line, want.Line) || ev.Kind != want.Kind || ev.Lang != want.Lang {
		t.Fatalf("AppendNext = %q, want %q", ev.Line, want.Line)
	}
	if ev.PII != nil || ev.Decoys != nil {
		t.Errorf("AppendNext returned labels")
	}
	buf = buf[:0]
	for i := range 500 {
		ev := b.AppendNext(buf[:0])
		buf = ev.Line
		if want := a.Next(); !bytes.Equal(ev.Line, want.Line) {
			t.Fatalf("event %d: AppendNext = %q, want %q", i, ev.Line, want.Line)
		}
	}
	g := New(Options{})
	buf = make([]byte, 0, 4096)
	if n := testing.AllocsPerRun(100, func() { buf = g.AppendNext(buf[:0]).Line }); n != 0 {
		t.Errorf("AppendNext allocates %v times per event", n)
	}
}

// lookAlikes are shapes that must not occur in a line outside a label: the
// generator must not plant personal data, or a look-alike, unawares.
var lookAlikes = []struct {
	name  string
	re    *regexp.Regexp
	pii   bool           // inside a PII label, not just any label
	decoy detectors.Kind // with pii, the look-alike of this kind may hold it too
}{
	{"e-mail @", regexp.MustCompile(`@|%40|\\u0040`), true, likeHandle},
	{"7+ digits", regexp.MustCompile(`[0-9]{7,}`), false, detectors.None},
	{"full-width digits", regexp.MustCompile(`[０-９]+`), true, detectors.None},
	{"dotted quad", regexp.MustCompile(`[0-9]{1,3}(\.[0-9]{1,3}){3}`), false, detectors.None},
	{"UUID", regexp.MustCompile(`[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}`), false, detectors.None},
	{"MAC", regexp.MustCompile(`[0-9a-fA-F]{2}([:-][0-9a-fA-F]{2}){5}`), false, detectors.None},
}

// TestEvents checks the ground truth of many events of several seeds.
func TestEvents(t *testing.T) {
	seen := map[string]int{}
	for seed := range int64(4) {
		g := New(Options{Seed: seed})
		for i := range 5000 {
			ev := g.Next()
			checkEvent(t, ev, seen)
			if t.Failed() {
				t.Fatalf("seed %d event %d: %s", seed, i, ev.Line)
			}
		}
	}
	// Every kind and every variant the generator promises shows up.
	for _, want := range []string{
		"usage", "log", "prompt",
		"EMAIL", "PHONE", "IMEI", "IMSI", "ICCID", "MAC", "ADID", "IPV4", "IPV6", "CNID", "CARD", "IBAN", "SECRET",
		"iban compact", "iban printed", "iban lower", "CPF", "cpf 11", "cpf 14", "SSN", "ssn 9", "ssn 11", "RRN", "rrn 13", "rrn 14", "AADHAAR", "aadhaar 12", "aadhaar 14", "DNI", "dni 9", "dni 12",
		"decoy PHONE", "decoy CARD", "decoy IMEI", "decoy IPV4", "decoy IPV6", "decoy MAC", "decoy ADID", "decoy SECRET",
		"secret jwt", "secret url", "secret password=", "secret Bearer ", "secret api_key=", "secret sk-proj-", "secret ghp_", "secret hf_", "secret sk_live_",
		"email \\u0040", "email %40", "email idn", "email upper", "email plus", "email wide at", "email ideographic stop",
		"phone wide", "phone arabic-indic", "phone json number", "phone intl", "email invisible", "phone invisible",
		"imei dashed", "imei spaced", "imeisv", "mac cisco", "mac bare", "mac dash",
		"ipv6 zone", "ipv6 mapped", "ipv6 full", "adid upper", "adid lower",
		"card 19", "nginx", "nginx ipv6", "xff", "applog",
	} {
		if seen[want] == 0 {
			t.Errorf("no %s in 20000 events", want)
		}
	}
}

func checkEvent(t *testing.T, ev Event, seen map[string]int) {
	t.Helper()
	line := ev.Line
	seen[ev.Kind]++
	if !utf8.Valid(line) || bytes.ContainsAny(line, "\n\r") {
		t.Errorf("not one line of valid UTF-8")
	}
	switch ev.Kind {
	case Usage, Prompt:
		var obj map[string]any
		if err := json.Unmarshal(line, &obj); err != nil {
			t.Errorf("invalid JSON object: %v", err)
		}
		if (ev.Kind == Prompt) != slices.Contains(Langs, ev.Lang) || (ev.Kind == Usage) != (ev.Lang == "") {
			t.Errorf("kind %s with language %q", ev.Kind, ev.Lang)
		}
	case Log:
		if ev.Lang != "" {
			t.Errorf("log with language %q", ev.Lang)
		}
		if line[0] == '2' && line[4] == '-' {
			seen["applog"]++
		} else {
			seen["nginx"]++
			if bytes.IndexByte(line[:bytes.IndexByte(line, ' ')], ':') >= 0 {
				seen["nginx ipv6"]++
			}
			if bytes.HasSuffix(line, []byte(`"`)) && bytes.Count(line, []byte(`"`)) == 8 {
				seen["xff"]++
			}
		}
	default:
		t.Errorf("kind %q", ev.Kind)
	}

	// Labels are exact, in order, and never overlap.
	all := slices.Concat(ev.PII, ev.Decoys)
	slices.SortFunc(all, func(a, b Planted) int { return a.Off - b.Off })
	end := 0
	for _, p := range all {
		if p.Value == "" || p.Off < end || p.Off+len(p.Value) > len(line) || string(line[p.Off:p.Off+len(p.Value)]) != p.Value {
			t.Errorf("label %v does not match the line or overlaps", p)
			return
		}
		if !strings.Contains(string(line), p.Value) {
			t.Errorf("%v not in line", p)
		}
		end = p.Off + len(p.Value)
	}
	for _, list := range [][]Planted{ev.PII, ev.Decoys} {
		if !slices.IsSortedFunc(list, func(a, b Planted) int { return a.Off - b.Off }) {
			t.Errorf("labels not in order of Off")
		}
	}
	for _, la := range lookAlikes {
		for _, m := range la.re.FindAllIndex(line, -1) {
			decoy := covered(m, ev.Decoys)
			if la.pii {
				decoy = la.decoy != detectors.None && covered(m, kindOf(ev.Decoys, la.decoy))
			}
			if !covered(m, ev.PII) && !decoy && !userinfoAt(m, ev.PII) {
				t.Errorf("unlabeled %s %q at %d", la.name, line[m[0]:m[1]], m[0])
			}
		}
	}

	for _, p := range ev.PII {
		seen[p.Kind.String()]++
		checkPII(t, ev, p, seen)
	}
	for _, p := range ev.Decoys {
		seen["decoy "+p.Kind.String()]++
		checkDecoy(t, p)
	}
}

// userinfoAt reports whether the match m is the '@' right after a URL's
// user name and password.
func userinfoAt(m []int, pii []Planted) bool {
	for _, p := range pii {
		if p.Kind == detectors.Secret && p.Off+len(p.Value) == m[0] && m[1] == m[0]+1 {
			return true
		}
	}
	return false
}

// covered reports whether the match m lies within a label.
func covered(m []int, labels []Planted) bool {
	for _, p := range labels {
		if p.Off <= m[0] && m[1] <= p.Off+len(p.Value) {
			return true
		}
	}
	return false
}

// kindOf returns the labels of kind k.
func kindOf(labels []Planted, k detectors.Kind) []Planted {
	var out []Planted
	for _, p := range labels {
		if p.Kind == k {
			out = append(out, p)
		}
	}
	return out
}

var (
	uuidUpper = regexp.MustCompile(`^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$`)
	uuidLower = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	jwtRe     = regexp.MustCompile(`^(eyJ[0-9A-Za-z_-]+)\.(eyJ[0-9A-Za-z_-]+)\.[0-9A-Za-z_-]{43}$`)
	emailRe   = regexp.MustCompile(`^[\p{L}\p{M}0-9._%+-]+(@|＠|\\u0040|%40)[^@\s"]+(\.|。)[^@\s".。]+$`)
)

func checkPII(t *testing.T, ev Event, p Planted, seen map[string]int) {
	t.Helper()
	v := p.Value
	if visible := strings.Map(dropInvisible, v); visible != v {
		seen[strings.ToLower(p.Kind.String())+" invisible"]++
		v = visible
	}
	digits := strings.Map(func(r rune) rune {
		if r == '-' || r == ' ' {
			return -1
		}
		return r
	}, v)
	switch p.Kind {
	case detectors.Email:
		if spelled := spelledRe.FindStringSubmatch(v); spelled != nil {
			seen["email spelled"]++
			v = spelled[1] + "@" + strings.NewReplacer(" (dot) ", ".", " DOT ", ".", " dot ", ".").Replace(spelled[2])
		}
		if !emailRe.MatchString(v) {
			t.Errorf("bad email %q", v)
		}
		if strings.Contains(v, `\u0040`) {
			seen["email \\u0040"]++
			if ev.Kind == Log {
				t.Errorf("JSON-escaped email %q outside JSON", v)
			}
		}
		if strings.Contains(v, "%40") {
			seen["email %40"]++
		}
		if strings.Contains(v, "＠") {
			seen["email wide at"]++
			if ev.Lang != "zh" && ev.Lang != "ja" {
				t.Errorf("full-width at sign in a %q %s event: %q", ev.Lang, ev.Kind, v)
			}
		}
		if strings.Contains(v, "。") {
			seen["email ideographic stop"]++
			if ev.Lang != "zh" && ev.Lang != "ja" {
				t.Errorf("ideographic full stop in a %q %s event: %q", ev.Lang, ev.Kind, v)
			}
		}
		if !isASCII(v) && !strings.Contains(v, "＠") && !strings.Contains(v, "。") {
			seen["email idn"]++
		}
		if strings.ContainsAny(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
			seen["email upper"]++
		}
		if strings.Contains(v, "+") || strings.Contains(v, "%2B") {
			seen["email plus"]++
		}
	case detectors.Phone:
		checkPlantedPhone(t, ev, v)
		if num, err := phonenumbers.Parse(p.E164, ""); err != nil || !phonenumbers.IsValidNumber(num) {
			t.Errorf("phone %q: E164 %q is no valid number", v, p.E164)
		}
		switch {
		case strings.ContainsAny(v, "٠١٢٣٤٥٦٧٨٩"):
			seen["phone arabic-indic"]++
		case !isASCII(v):
			seen["phone wide"]++
		case v[0] == '+':
			seen["phone intl"]++
		case ev.Line[p.Off-1] == ':':
			seen["phone json number"]++
		}
	case detectors.IMEI:
		switch {
		case len(digits) == 15 && luhn(digits):
			if strings.Contains(v, "-") {
				seen["imei dashed"]++
			} else if strings.Contains(v, " ") {
				seen["imei spaced"]++
			}
		case len(v) == 16 && allDigits(v):
			seen["imeisv"]++
		case len(v) == 14 && allDigits(v):
			seen["imei without its check digit"]++
		default:
			t.Errorf("bad IMEI %q", v)
		}
	case detectors.IMSI:
		if len(v) != 15 || !allDigits(v) || !slices.ContainsFunc(mccMNCs, func(p string) bool { return strings.HasPrefix(v, p) }) {
			t.Errorf("bad IMSI %q", v)
		}
	case detectors.ICCID:
		if len(v) != 20 || !strings.HasPrefix(v, "89") || !luhn(digits) {
			t.Errorf("bad ICCID %q", v)
		}
	case detectors.MAC:
		switch {
		case len(v) == 12:
			if _, err := net.ParseMAC(v[0:2] + ":" + v[2:4] + ":" + v[4:6] + ":" + v[6:8] + ":" + v[8:10] + ":" + v[10:12]); err != nil {
				t.Errorf("bad bare MAC %q", v)
			}
			seen["mac bare"]++
		default:
			if _, err := net.ParseMAC(v); err != nil {
				t.Errorf("bad MAC %q: %v", v, err)
			}
			if strings.Contains(v, ".") {
				seen["mac cisco"]++
			} else if strings.Contains(v, "-") {
				seen["mac dash"]++
			}
		}
	case detectors.ADID:
		switch {
		case uuidUpper.MatchString(v):
			seen["adid upper"]++
		case uuidLower.MatchString(v):
			seen["adid lower"]++
		default:
			t.Errorf("bad advertising ID %q", v)
		}
	case detectors.IPv4, detectors.IPv6:
		a, err := netip.ParseAddr(v)
		if err != nil || a.Is4() != (p.Kind == detectors.IPv4) {
			t.Errorf("bad %v %q: %v", p.Kind, v, err)
		}
		switch {
		case a.Zone() != "":
			seen["ipv6 zone"]++
		case a.Is4In6():
			seen["ipv6 mapped"]++
		case a.Is6() && len(v) == 39:
			seen["ipv6 full"]++
		}
	case detectors.CNID:
		if !validCNID(v) {
			t.Errorf("bad Chinese ID %q", v)
		}
		if !strings.Contains(string(ev.Line[max(0, p.Off-40):p.Off]), "身份证") {
			t.Errorf("Chinese ID %q without context", v)
		}
	case detectors.Card:
		if n := len(digits); (n != 16 && n != 19) || !allDigits(digits) || !luhn(digits) {
			t.Errorf("bad card %q", v)
		}
		if len(digits) == 19 {
			seen["card 19"]++
		}
		before := strings.ToLower(string(ev.Line[max(0, p.Off-60):p.Off]))
		if !strings.Contains(before, "card") && !strings.Contains(before, "卡号") {
			t.Errorf("card %q without context", v)
		}
	case detectors.Secret:
		if jwt := jwtRe.FindStringSubmatch(v); jwt != nil {
			seen["secret jwt"]++
			claims, err := base64.RawURLEncoding.DecodeString(jwt[2])
			if _, err2 := base64.RawURLEncoding.DecodeString(jwt[1]); err != nil || err2 != nil || !json.Valid(claims) {
				t.Errorf("bad JSON Web Token %q", v)
			}
		} else if regexp.MustCompile(`^app:[0-9A-Za-z]{12}$`).MatchString(v) && strings.HasPrefix(string(ev.Line[p.Off-11:]), "postgres://") {
			seen["secret url"]++
		} else if label := regexp.MustCompile(`(password=|Bearer |api_key=)$`).FindString(string(ev.Line[:p.Off])); label != "" &&
			regexp.MustCompile(`^(ya29\.)?[0-9A-Za-z]{12,40}$`).MatchString(v) {
			seen["secret "+label]++
		} else if m := regexp.MustCompile(`^(sk-proj-|ghp_|hf_|sk_live_)[0-9A-Za-z]{24,48}$`).FindStringSubmatch(v); m != nil {
			seen["secret "+m[1]]++
		} else {
			t.Errorf("bad secret %q", v)
		}
	case detectors.IBAN:
		checkIBAN(t, v, seen)
	case detectors.CPF:
		digits := strings.NewReplacer(".", "", "-", "").Replace(v)
		if !regexp.MustCompile(`^[0-9]{3}\.[0-9]{3}\.[0-9]{3}-[0-9]{2}$|^[0-9]{11}$`).MatchString(v) || !validCPF(digits) {
			t.Errorf("bad CPF %q", v)
		}
		if !strings.Contains(string(ev.Line[max(0, p.Off-10):p.Off]), "CPF") {
			t.Errorf("CPF %q without the word", v)
		}
		seen["cpf "+strconv.Itoa(len(v))]++
	case detectors.SSN:
		digits := strings.ReplaceAll(v, "-", "")
		area := digits[:min(3, len(digits))]
		if !regexp.MustCompile(`^[0-9]{3}-[0-9]{2}-[0-9]{4}$|^[0-9]{9}$`).MatchString(v) ||
			area == "000" || area == "666" || area[0] == '9' || digits[3:5] == "00" || digits[5:] == "0000" {
			t.Errorf("bad SSN %q", v)
		}
		checkNamed(t, ev, p, "SSN")
		seen["ssn "+strconv.Itoa(len(v))]++
	case detectors.RRN:
		if !regexp.MustCompile(`^[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|1[0-9]|2[0-8])-?[1-8][0-9]{6}$`).MatchString(v) || !validRRN(strings.ReplaceAll(v, "-", "")) {
			t.Errorf("bad RRN %q", v)
		}
		checkNamed(t, ev, p, "주민등록번호")
		seen["rrn "+strconv.Itoa(len(v))]++
	case detectors.DNI:
		m := regexp.MustCompile(`^(?:([0-9]{8})|([0-9]{2})\.([0-9]{3})\.([0-9]{3})-|([XYZ])([0-9]{7}))([A-Z])$`).FindStringSubmatch(v)
		if m == nil {
			t.Errorf("bad DNI %q", v)
			break
		}
		digits := m[1] + m[2] + m[3] + m[4] + m[6]
		if m[5] != "" {
			digits = string(rune('0'+m[5][0]-'X')) + digits
		}
		n, _ := strconv.Atoi(digits)
		if "TRWAGMYFPDXBNJZSQVHLCKE"[n%23] != m[7][0] {
			t.Errorf("DNI %q has the wrong letter", v)
		}
		seen["dni "+strconv.Itoa(len(v))]++
	case detectors.Aadhaar:
		digits := strings.NewReplacer(" ", "", "-", "").Replace(v)
		if !regexp.MustCompile(`^[2-9][0-9]{3}( [0-9]{4} |-[0-9]{4}-|[0-9]{4})[0-9]{4}$`).MatchString(v) || len(digits) != 12 ||
			verhoeffCheck([]byte(digits[:11])) != digits[11]-'0' {
			t.Errorf("bad Aadhaar number %q", v)
		}
		checkNamed(t, ev, p, "आधार")
		seen["aadhaar "+strconv.Itoa(len(v))]++
	case detectors.MyNumber:
		if d := strings.ReplaceAll(v, " ", ""); !regexp.MustCompile(`^[0-9]{4}( ?)[0-9]{4}( ?)[0-9]{4}$`).MatchString(v) || weightedMod(d[:11], "65432765432", 11)%11 > 1 && int(d[11]-'0') != 11-weightedMod(d[:11], "65432765432", 11) || weightedMod(d[:11], "65432765432", 11) <= 1 && d[11] != '0' {
			t.Errorf("bad My Number %q", v)
		}
		checkNamed(t, ev, p, "個人番号")
		seen["mynumber "+strconv.Itoa(len(v))]++
	case detectors.SNILS:
		if d := strings.NewReplacer("-", "", " ", "").Replace(v); !regexp.MustCompile(`^[0-9]{3}-[0-9]{3}-[0-9]{3} [0-9]{2}$|^[0-9]{11}$`).MatchString(v) || weightedMod(d[:9], "987654321", 101)%100 != atoi(d[9:]) {
			t.Errorf("bad SNILS %q", v)
		}
		checkNamed(t, ev, p, "СНИЛС")
		seen["snils "+strconv.Itoa(len(v))]++
	case detectors.NIR:
		d := strings.ReplaceAll(v, " ", "")
		n, _ := strconv.ParseInt(d[:min(13, len(d))], 10, 64)
		if !regexp.MustCompile(`^[12] [0-9]{2} (0[1-9]|1[0-2]) [0-9]{2} [0-9]{3} [0-9]{3} [0-9]{2}$|^[12][0-9]{2}(0[1-9]|1[0-2])[0-9]{10}$`).MatchString(v) || 97-n%97 != int64(atoi(d[13:])) {
			t.Errorf("bad NIR %q", v)
		}
		checkNamed(t, ev, p, "sécurité sociale")
		seen["nir "+strconv.Itoa(len(v))]++
	case detectors.SteuerID:
		d := strings.ReplaceAll(v, " ", "")
		counts := map[rune]int{}
		for _, c := range d[:min(10, len(d))] {
			counts[c]++
		}
		if !regexp.MustCompile(`^[1-9][0-9] [0-9]{3} [0-9]{3} [0-9]{3}$|^[1-9][0-9]{10}$`).MatchString(v) || len(counts) != 9 {
			t.Errorf("bad Steuer-ID %q", v)
		}
		checkNamed(t, ev, p, "Steuer-ID")
		seen["steuerid "+strconv.Itoa(len(v))]++
	case detectors.NINO:
		if !regexp.MustCompile(`^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]( [0-9]{2}){3} [A-D]$|^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]$`).MatchString(v) || slices.Contains([]string{"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}, v[:2]) {
			t.Errorf("bad National Insurance number %q", v)
		}
		checkNamed(t, ev, p, "National Insurance")
		seen["nino "+strconv.Itoa(len(v))]++
	case detectors.SaudiID:
		if !regexp.MustCompile(`^[12][0-9]{9}$`).MatchString(v) || !luhn(v) {
			t.Errorf("bad Saudi ID %q", v)
		}
		checkNamed(t, ev, p, "رقم الهوية")
		seen["saudiid"]++
	case detectors.Name:
		if in := introductions[ev.Lang]; !slices.Contains(in.people, v) && !slices.Contains(in.given, v) {
			t.Errorf("NAME %q is none of the %s people", v, ev.Lang)
		}
	case detectors.Document:
		if !regexp.MustCompile(`^[A-Z][0-9]{8}$`).MatchString(v) {
			t.Errorf("bad passport number %q", v)
		}
		seen["document"]++
	case detectors.Birthdate:
		if !slices.Contains(introductions[ev.Lang].dobs, v) {
			t.Errorf("BIRTHDATE %q is none of the %s dates", v, ev.Lang)
		}
		seen["birthdate "+ev.Lang]++
	case detectors.Address:
		if !slices.Contains(introductions[ev.Lang].addresses, v) {
			t.Errorf("ADDRESS %q is none of the %s addresses", v, ev.Lang)
		}
		seen["address "+ev.Lang]++
	case detectors.Handle:
		if !regexp.MustCompile(`^@?[a-z]+([._][a-z]+)?([0-9]{2})?$`).MatchString(v) {
			t.Errorf("bad handle %q", v)
		}
		seen["handle "+v[:min(1, len(v))]]++
	case detectors.Wallet:
		switch {
		case regexp.MustCompile(`^0x[0-9a-f]{40}$`).MatchString(v):
			seen["wallet ethereum"]++
		case regexp.MustCompile(`^bc1q[02-9ac-hj-np-z]{38}$`).MatchString(v):
			seen["wallet bech32"]++
		case regexp.MustCompile(`^[13TLMD][1-9A-HJ-NP-Za-km-z]{25,34}$`).MatchString(v) && validBase58Check(v):
			seen["wallet base58 "+v[:1]]++
		default:
			t.Errorf("bad wallet address %q", v)
		}
	case detectors.Coordinates:
		switch {
		case regexp.MustCompile(`^-?[0-9]{1,2}\.[0-9]{6}, ?-?[0-9]{1,3}\.[0-9]{6}$`).MatchString(v):
			seen["coordinates decimal"]++
		case regexp.MustCompile(`^[0-9]{1,2}\.[0-9]{4}° [NS], [0-9]{1,3}\.[0-9]{4}° [EW]$`).MatchString(v):
			seen["coordinates hemispheres"]++
		case regexp.MustCompile(`^[0-9]{1,2}°[0-9]{1,2}'[0-9]{1,2}\.[0-9]\\"[NS] [0-9]{1,3}°[0-9]{1,2}'[0-9]{1,2}\.[0-9]\\"[EW]$`).MatchString(v):
			seen["coordinates dms"]++
		default:
			t.Errorf("bad coordinates %q", v)
		}
	default:
		t.Errorf("unexpected kind %v", p.Kind)
	}
}

// validBase58Check reports whether v, in Bitcoin's base58, is 25 bytes
// whose last four are the first four of the double SHA-256 of the others.
func validBase58Check(v string) bool {
	n := new(big.Int)
	for _, c := range v {
		n.Mul(n, big.NewInt(58))
		n.Add(n, big.NewInt(int64(strings.IndexRune(base58Alphabet, c))))
	}
	if n.BitLen() > 25*8 {
		return false
	}
	raw := n.FillBytes(make([]byte, 25))
	first := sha256.Sum256(raw[:21])
	sum := sha256.Sum256(first[:])
	return bytes.Equal(sum[:4], raw[21:])
}

// checkIBAN fails t unless v is an IBAN, compact or printed in groups of
// four, that passes the ISO 7064 MOD 97-10 check (here with big numbers).
func checkIBAN(t *testing.T, v string, seen map[string]int) {
	t.Helper()
	switch {
	case regexp.MustCompile(`^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$`).MatchString(v):
		seen["iban compact"]++
	case regexp.MustCompile(`^[A-Z]{2}[0-9]{2}( [A-Z0-9]{4})* [A-Z0-9]{1,4}$`).MatchString(v):
		seen["iban printed"]++
	case regexp.MustCompile(`^[a-z]{2}[0-9]{2}( [a-z0-9]{4})* [a-z0-9]{1,4}$`).MatchString(v):
		seen["iban lower"]++
	default:
		t.Errorf("bad IBAN %q", v)
		return
	}
	c := strings.ToUpper(strings.ReplaceAll(v, " ", ""))
	var digits strings.Builder
	for _, ch := range c[4:] + c[:4] {
		if ch >= 'A' {
			digits.WriteString(strconv.Itoa(int(ch - 'A' + 10)))
		} else {
			digits.WriteRune(ch)
		}
	}
	n, ok := new(big.Int).SetString(digits.String(), 10)
	if !ok || new(big.Int).Mod(n, big.NewInt(97)).Int64() != 1 {
		t.Errorf("IBAN %q fails its check", v)
	}
}

// dropInvisible drops the characters of invisibles, for strings.Map.
func dropInvisible(r rune) rune {
	for _, c := range invisibles {
		if string(r) == string(c) {
			return -1
		}
	}
	return r
}

// checkPlantedPhone fails t unless v is a valid number of one of the
// regions whose numbers ev may hold.
func checkPlantedPhone(t *testing.T, ev Event, v string) {
	t.Helper()
	regions := phoneRegions
	if ev.Kind == Prompt {
		regions = languages[slices.Index(Langs, ev.Lang)].phones
	}
	for _, reg := range regions {
		if num, err := phonenumbers.Parse(v, reg.code); err == nil && phonenumbers.IsValidNumberForRegion(num, reg.code) {
			return
		}
	}
	t.Errorf("phone %q is not valid in any region of a %s %s event", v, ev.Lang, ev.Kind)
}

func checkDecoy(t *testing.T, p Planted) {
	t.Helper()
	v := p.Value
	switch p.Kind {
	case likeCard:
		if allDigits(v) && !(len(v) == 10 && v[0] == '0' && v[1] != '0') && (len(v) != 16 || luhn(v)) {
			t.Errorf("order number %q passes Luhn", v)
		}
	case likeIMEI:
		if len(v) != 15 || !allDigits(v) || luhn(v) {
			t.Errorf("15-digit decoy %q passes Luhn", v)
		}
	case likeID:
		if !uuidLower.MatchString(v) && !regexp.MustCompile(`^[0-9a-f]{7}([0-9a-f]{33})?$`).MatchString(v) {
			t.Errorf("bad ID decoy %q", v)
		}
	case likeIPv4:
		if _, err := netip.ParseAddr(v); err == nil && v != "124.0.0.0" && !strings.HasSuffix(v, ".0.0.0") {
			t.Errorf("version decoy %q is an IP address", v)
		}
	case likeMAC:
		if len(v) != 7 || v[0] != '#' {
			t.Errorf("bad color %q", v)
		}
	case likeName:
		if !slices.Contains(artists, v) && !slices.ContainsFunc(Langs, func(l string) bool {
			return slices.Contains(introductions[l].places, v) || slices.Contains(introductions[l].lookalikes, v)
		}) {
			t.Errorf("name decoy %q is no place, look-alike or artist", v)
		}
	case likeCoordinates:
		if !regexp.MustCompile(`^0\.[0-9]{2,3}, 0\.[0-9]{2,3}$`).MatchString(v) {
			t.Errorf("bad blend weights %q", v)
		}
	case likeWallet:
		if !regexp.MustCompile(`^0x[0-9a-f]{64}$`).MatchString(v) {
			t.Errorf("bad transaction hash %q", v)
		}
	case likeSecret:
		if v == "bearer" {
			break // a token_type
		}
		if state, err := base64.RawURLEncoding.DecodeString(v); err != nil || !strings.HasPrefix(v, "eyJ") || !json.Valid(state) {
			t.Errorf("bad OAuth state %q", v)
		}
	}
}

func luhn(digits string) bool {
	sum := 0
	for i := range len(digits) {
		d := int(digits[len(digits)-1-i] - '0')
		if i%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

func validCNID(v string) bool {
	if len(v) != 18 || !allDigits(v[:17]) {
		return false
	}
	if _, err := time.Parse("20060102", v[6:14]); err != nil {
		return false
	}
	weights := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		sum += int(v[i]-'0') * w
	}
	return "10X98765432"[sum%11] == v[17] && v[0] != '0'
}

// TestCNIDCheckX checks that Chinese IDs whose check character is X are
// made: the corpus holds too few IDs to show each variant on every seed.
func TestCNIDCheckX(t *testing.T) {
	var r rng
	r.seed(1)
	for range 1000 {
		v := string(r.appendCNID(nil))
		if !validCNID(v) {
			t.Fatalf("bad Chinese ID %q", v)
		}
		if v[17] == 'X' {
			return
		}
	}
	t.Error("no ID of 1000 has the check character X")
}

// TestNationalIDForms checks that each national number is made in each of
// its written forms, compact and grouped: the corpus holds too few of them
// to show every form on every seed.
func TestNationalIDForms(t *testing.T) {
	for _, tt := range []struct {
		name    string
		append  func(*rng, []byte) []byte
		lengths []int
	}{
		{"My Number", (*rng).appendMyNumber, []int{12, 14}},
		{"SNILS", (*rng).appendSNILS, []int{11, 14}},
		{"NIR", (*rng).appendNIR, []int{15, 21}},
		{"Steuer-ID", (*rng).appendSteuerID, []int{11, 14}},
		{"National Insurance number", (*rng).appendNINO, []int{9, 13}},
	} {
		var r rng
		r.seed(1)
		seen := map[int]int{}
		for range 200 {
			seen[len(tt.append(&r, nil))]++
		}
		for _, n := range tt.lengths {
			if seen[n] == 0 || len(seen) != len(tt.lengths) {
				t.Errorf("%s: lengths %v, want %v", tt.name, seen, tt.lengths)
				break
			}
		}
	}
}

// validCPF reports whether the 11 digits of v pass the CPF's checks: each
// check digit is the weighted sum of the digits before it, times 10, mod 11
// (10 read as 0).
func validCPF(v string) bool {
	if len(v) != 11 || !allDigits(v) || strings.Count(v, v[:1]) == 11 {
		return false
	}
	for n := 9; n <= 10; n++ {
		sum := 0
		for i := range n {
			sum += int(v[i]-'0') * (n + 1 - i)
		}
		if (sum*10%11)%10 != int(v[n]-'0') {
			return false
		}
	}
	return true
}

// checkNamed fails unless word stands in the 40 bytes before p, as the
// detectors need to find a bare national number.
func checkNamed(t *testing.T, ev Event, p Planted, word string) {
	t.Helper()
	if !strings.Contains(string(ev.Line[max(0, p.Off-40):p.Off]), word) {
		t.Errorf("%v %q without the word %q", p.Kind, p.Value, word)
	}
}

// weightedMod returns the sum of the digits d, each times the digit of
// weights at its place, mod m.
func weightedMod(d, weights string, m int) int {
	sum := 0
	for i := range d {
		sum += int(d[i]-'0') * int(weights[i]-'0')
	}
	return sum % m
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// validRRN reports whether the last of the 13 digits of v is the check
// digit of the others: 11 minus their sum weighted 2-9, 2-5, mod 11, mod 10.
func validRRN(v string) bool {
	weights := []int{2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5}
	sum := 0
	for i, w := range weights {
		sum += int(v[i]-'0') * w
	}
	return int(v[12]-'0') == (11-sum%11)%10
}

// TestVerhoeffCheck compares the generator's Verhoeff check digits, from
// the group's rules, with published ones: 236 (the example of Verhoeff's
// scheme), and numbers checked with the usual tables.
func TestVerhoeffCheck(t *testing.T) {
	for payload, want := range map[string]byte{"236": 3, "23456789012": 4, "49901234567": 8, "98765432101": 2, "0": 4, "12345": 1} {
		if got := verhoeffCheck([]byte(payload)); got != want {
			t.Errorf("verhoeffCheck(%s) = %d, want %d", payload, got, want)
		}
	}
}

func allDigits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func TestLuhnReference(t *testing.T) {
	for _, tc := range []struct {
		name   string
		digits string
		valid  bool
	}{
		{"visa test card", "4111111111111111", true},
		{"imei", "490154203237518", true},
		{"off by one", "490154203237519", false},
		{"amex", "378282246310005", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := luhn(tc.digits); got != tc.valid {
				t.Errorf("luhn(%s) = %v", tc.digits, got)
			}
			if tc.valid {
				if got := luhnDigit([]byte(tc.digits[:len(tc.digits)-1])); got != tc.digits[len(tc.digits)-1] {
					t.Errorf("luhnDigit = %c", got)
				}
			}
		})
	}
	if !validCNID("11010519491231002X") {
		t.Errorf("the published sample Chinese ID fails the checksum")
	}
}

func TestLanguages(t *testing.T) {
	if got := flatten(func(l *language) []string { return []string{l.code} }); !slices.Equal(got, Langs) {
		t.Fatalf("languages %v, want %v", got, Langs)
	}
	for _, l := range languages {
		if n := len(l.templates); n < 8 || n > 15 {
			t.Errorf("%s: %d templates", l.code, n)
		}
		slots := map[slot]bool{}
		for _, tp := range l.templates {
			for _, s := range tp {
				if strings.ContainsAny(s.lit, "{}") {
					t.Errorf("%s: unparsed slot in %q", l.code, s.lit)
				}
				slots[s.slot] = true
			}
		}
		if !slots[slotPhone] || !slots[slotEmail] {
			t.Errorf("%s: templates lack a phone or an e-mail slot", l.code)
		}
	}

	g := New(Options{Seed: 1, Mix: [3]int{0, 0, 1}})
	count := map[string]int{}
	for range 1000 {
		ev := g.Next()
		if ev.Kind != Prompt {
			t.Fatalf("kind %s with a prompt-only mix", ev.Kind)
		}
		count[ev.Lang]++
	}
	for _, l := range Langs {
		if count[l] == 0 {
			t.Errorf("no %s prompt in 1000", l)
		}
	}

	g = New(Options{Seed: 1, Mix: [3]int{0, 0, 1}, Langs: []string{"ja", "xx", "ko"}})
	for range 200 {
		if ev := g.Next(); ev.Lang != "ja" && ev.Lang != "ko" {
			t.Fatalf("language %q, want ja or ko", ev.Lang)
		}
	}
}

func TestOptions(t *testing.T) {
	for _, tc := range []struct {
		name  string
		o     Options
		kinds []string
		err   bool
	}{
		{"zero", Options{}, []string{Usage, Log, Prompt}, false},
		{"usage only", Options{Mix: [3]int{1, 0, 0}}, []string{Usage}, false},
		{"logs only", Options{Mix: [3]int{0, 7, 0}}, []string{Log}, false},
		{"negative", Options{Mix: [3]int{-1, 0, 2}}, []string{Prompt}, true},
		{"all negative", Options{Mix: [3]int{-1, -1, -1}}, []string{Usage, Log, Prompt}, true},
		{"unknown language", Options{Langs: []string{"xx"}}, []string{Usage, Log, Prompt}, true},
		{"minors out of range", Options{Minors: 101}, []string{Usage, Log, Prompt}, true},
		{"negative sessions", Options{Sessions: -1}, []string{Usage, Log, Prompt}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.o.Validate(); (err != nil) != tc.err {
				t.Errorf("Validate() = %v", err)
			}
			g := New(tc.o)
			got := map[string]bool{}
			for range 300 {
				got[g.Next().Kind] = true
			}
			for _, k := range []string{Usage, Log, Prompt} {
				if got[k] != slices.Contains(tc.kinds, k) {
					t.Errorf("kind %s generated: %v", k, got[k])
				}
			}
		})
	}
}

// FuzzNext checks the invariants of the events of any seed.
func FuzzNext(f *testing.F) {
	for _, seed := range []int64{0, 1, -1, 1 << 40} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, seed int64) {
		g := New(Options{Seed: seed})
		seen := map[string]int{}
		for range 50 {
			checkEvent(t, g.Next(), seen)
		}
	})
}

func BenchmarkNext(b *testing.B) {
	g := New(Options{Seed: 1})
	n := 0
	for range 1000 {
		n += len(g.Next().Line)
	}
	b.SetBytes(int64(n / 1000))
	b.ReportAllocs()
	for b.Loop() {
		g.Next()
	}
}

func BenchmarkAppendNext(b *testing.B) {
	g := New(Options{Seed: 1})
	buf := make([]byte, 0, 4096)
	n := 0
	for range 1000 {
		n += len(g.AppendNext(buf[:0]).Line)
	}
	b.SetBytes(int64(n / 1000))
	b.ReportAllocs()
	for b.Loop() {
		buf = g.AppendNext(buf[:0]).Line
	}
}

// TestMinors checks that Options.Minors makes about that share of usage
// events a child's, marked Minor and with an age under 13, and that without
// it every user is 13 or older.
func TestMinors(t *testing.T) {
	age := regexp.MustCompile(`"age":(\d+)`)
	under13 := func(ev Event) bool {
		m := age.FindSubmatch(ev.Line)
		if m == nil {
			t.Fatalf("usage event without an age: %s", ev.Line)
		}
		return len(m[1]) == 1 || string(m[1]) < "13"
	}
	for _, tc := range []struct{ minors, lo, hi int }{{0, 0, 0}, {10, 7, 13}} {
		g := New(Options{Seed: 4, Minors: tc.minors})
		usage, minors := 0, 0
		for range 5000 {
			ev := g.Next()
			if ev.Kind != Usage {
				if ev.Minor {
					t.Fatalf("a %s event marked Minor", ev.Kind)
				}
				continue
			}
			usage++
			if child := under13(ev); child != ev.Minor {
				t.Fatalf("Minors %d: Minor = %v for %s", tc.minors, ev.Minor, ev.Line)
			} else if child {
				minors++
			}
		}
		if pct := 100 * minors / usage; pct < tc.lo || pct > tc.hi || tc.minors > 0 && minors == 0 {
			t.Errorf("Minors %d: %d minors in %d usage events", tc.minors, minors, usage)
		}
	}
}

// TestSessions checks that with Options.Sessions the usage events of one
// session carry the same personal data, labeled as in any event, that the
// next session's differ, and that the other fields still vary.
func TestSessions(t *testing.T) {
	const perSession = 4
	g := New(Options{Seed: 9, Sessions: perSession, Mix: [3]int{1, 0, 0}, Minors: 5})
	seen := map[string]int{}
	uid := regexp.MustCompile(`"uid":"[^"]+"`)
	pii := func(ev Event) string { // the user ID and the labeled values
		var b strings.Builder
		b.Write(uid.Find(ev.Line))
		for _, p := range ev.PII {
			fmt.Fprintf(&b, "%v=%s ", p.Kind, p.Value)
		}
		return b.String()
	}
	sessions := map[string]bool{}
	var first string
	var lines map[string]bool
	for i := range 400 {
		ev := g.Next()
		checkEvent(t, ev, seen)
		if t.Failed() {
			t.Fatalf("event %d: %s", i, ev.Line)
		}
		if i%perSession == 0 {
			first = pii(ev)
			if sessions[first] {
				t.Fatalf("event %d starts a session with the personal data of an earlier one: %s", i, first)
			}
			sessions[first] = true
			lines = map[string]bool{}
		} else if got := pii(ev); got != first {
			t.Fatalf("event %d of a session has other personal data: %s", i, got)
		}
		lines[string(ev.Line)] = true
		if i%perSession == perSession-1 && len(lines) != perSession {
			t.Fatalf("event %d: the events of a session repeat each other whole", i)
		}
	}
}

func TestParseTemplates(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       template
	}{
		{"plain", "no slots", template{{lit: "no slots"}}},
		{"slots", "call {phone}, mail {email}", template{
			{lit: "call ", slot: slotPhone, idn: true}, {lit: ", mail ", slot: slotEmail, idn: true}, {lit: ""}}},
		{"cjk after slot", "邮箱{email}或", template{{lit: "邮箱", slot: slotEmail}, {lit: "或"}}},
		{"unknown braces", `say "{hi}" \ {email}{`, template{{lit: `say \"{hi}\" \\ `, slot: slotEmail, idn: true}, {lit: "{"}}},
		{"control", "a\tb{ip}", template{{lit: `a\u0009b`, slot: slotIP, idn: true}, {lit: ""}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := parseTemplates(tc.text)[0]; !reflect.DeepEqual(got, tc.want) {
				t.Errorf("parseTemplates(%q) = %+v, want %+v", tc.text, got, tc.want)
			}
		})
	}
}

func TestPhoneRegions(t *testing.T) {
	for _, l := range languages {
		for _, reg := range l.phones {
			if !slices.Contains(PhoneRegions, reg.code) {
				t.Errorf("%s: region %s missing from PhoneRegions", l.code, reg.code)
			}
		}
	}
	for _, r := range PhoneRegions {
		if !phonenumbers.GetSupportedRegions()[r] {
			t.Errorf("unsupported region %s", r)
		}
	}
}

// spelledRe matches an address spelled out as appendSpelledEmail writes
// one: the local part and the domain, its dots maybe spelled too.
var spelledRe = regexp.MustCompile(`^([a-z0-9.]+)(?: \(at\) |\[at\]| AT | at )(.+)$`)

// TestNames checks Options.Personal: every language's prompts introduce
// people by name, planted as NAME where the line holds them, with place
// names as decoys; the events pass checkEvent; and without it no event
// has a name.
func TestNames(t *testing.T) {
	names := map[string]int{}
	seen := map[string]int{}
	g := New(Options{Seed: 2, Mix: [3]int{0, 0, 1}, Personal: true})
	for range 5000 {
		ev := g.Next()
		checkEvent(t, ev, seen)
		for _, p := range ev.PII {
			if p.Kind == detectors.Name {
				names[ev.Lang]++
				if string(ev.Line[p.Off:p.Off+len(p.Value)]) != p.Value {
					t.Fatalf("NAME %q not at %d in %s", p.Value, p.Off, ev.Line)
				}
			}
		}
	}
	for _, l := range Langs {
		if names[l] == 0 {
			t.Errorf("no names in %s prompts", l)
		}
	}
	if seen["decoy NAME"] == 0 {
		t.Error("no place names as decoys")
	}
	if seen["email spelled"] == 0 {
		t.Error("no addresses spelled out")
	}
	if seen["handle @"] == 0 || seen["decoy HANDLE"] == 0 {
		t.Error("no mentions, or no '@' that mentions no one")
	}
	for _, l := range Langs {
		if seen["address "+l] == 0 && len(introductions[l].addresses) > 0 {
			t.Errorf("no addresses in %s prompts", l)
		}
	}
	for _, l := range Langs {
		if seen["birthdate "+l] == 0 {
			t.Errorf("no dates of birth in %s prompts", l)
		}
	}
	if seen["document"] == 0 {
		t.Error("no passports' numbers")
	}
	for _, v := range []string{"saudiid", "wallet base58 1", "wallet base58 3", "wallet base58 T", "wallet base58 L", "wallet bech32", "wallet ethereum"} {
		if seen[v] == 0 {
			t.Errorf("no %s", v)
		}
	}
	for _, kind := range []string{"mynumber", "snils", "nir", "steuerid", "nino"} { // each form: TestNationalIDForms
		n := 0
		for v, c := range seen {
			if strings.HasPrefix(v, kind+" ") {
				n += c
			}
		}
		if n == 0 {
			t.Errorf("no %s", kind)
		}
	}
	if seen["decoy ADDRESS"] == 0 {
		t.Error("no streets without a number")
	}
	g = New(Options{Seed: 2, Mix: [3]int{0, 0, 1}})
	for range 3000 {
		for _, p := range g.Next().PII {
			if p.Kind == detectors.Name {
				t.Fatalf("a name without Options.Personal: %q", p.Value)
			}
		}
	}
}

// TestDeviceLogs checks the device log lines of Options.Personal: each of
// its forms shows up, with the IMEI without its check digit that only the
// getter's name tells, and the events pass checkEvent.
func TestDeviceLogs(t *testing.T) {
	seen := map[string]int{}
	g := New(Options{Seed: 2, Mix: [3]int{0, 1, 0}, Personal: true})
	for range 3000 {
		ev := g.Next()
		checkEvent(t, ev, seen)
		if t.Failed() {
			t.Fatalf("%s", ev.Line)
		}
		for _, form := range []string{"getSubscriberId=", "identifierForVendor: ", "<imei>", "MAC地址："} {
			if bytes.Contains(ev.Line, []byte(form)) {
				seen[form]++
			}
		}
	}
	for _, want := range []string{"getSubscriberId=", "identifierForVendor: ", "<imei>", "MAC地址：", "imei without its check digit", "ICCID"} {
		if seen[want] == 0 {
			t.Errorf("no %s in 3000 log lines", want)
		}
	}
}
