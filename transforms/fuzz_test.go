package transforms

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/benchmarks/gen"
	"github.com/pixelprivacy/veil/detectors"
)

// mixedActions gives every action to some kind.
var mixedActions = map[detectors.Kind]Action{
	detectors.Email: Drop,
	detectors.Phone: Mask,
	detectors.IPv4:  Generalize,
	detectors.IPv6:  Generalize,
	detectors.MAC:   Label,
	detectors.IMEI:  Generalize,
}

// FuzzRedactJSON checks that Redact accepts exactly the valid JSON, never
// panics, keeps the keys, writes valid JSON and is idempotent.
func FuzzRedactJSON(f *testing.F) {
	for _, s := range []string{
		`{}`, `[]`, `"x@y.cn"`, `13800138000`, `{"phone":13800138000}`, `{"ip":3405803783,"build":"4.11.3.1999","idfa":"6D92078A-8246-4BA4-AE5B-76104861E7DC"}`,
		`{"a":[1,"li.lei@163.com",{"mac":"aa:bb:cc:dd:ee:ff"}],"ip":"203.0.113.45"}`,
		`{"note":"mail li\u0040163.com \ud83d\ude00 \"q\" \\"}`,
		`{"a":{"x":[1,2]},"b":{"y":"z@q.example.com"},"c":3,"d":"secret","e":1.25,"x":{"f":[{}],"u":"id"},"t":"Ruf 030 12345678","u":7,"k":true,"m":true,"g":"9"}`,
		`{"e":"31.230416, 121.473701;2","x":{"e":["1.25 3.75",-0.05]}}`,
		`{"user":{"phone":"010 8462 6587","mobile":34912345678},"device":{"locale":"ko_KR"},"country":"ES","x":{"locale":"zh\"CN"}}`,
		`{"p":[{"key":"imei","value":{"int_value":490154203237518}},{"name":"mac","value":"AABBCCDDEEFF"}],"password":"x","Cookie":"a=1"}`,
		`{"c":[{"value":"4155550132","meta":{"a":[1,"}"]},"type":"mobile"},{"value":490154203237518,"kind":"imei"}]}`,
		`{"t":"my name is li.wei@163.com, ich heiße Lukas \"Müller\", 我叫\u674e\u4f1f"}`,
		`{"location_lat":37.774929,"$z":"SW1A 2AA","x":{"z":62704,"gpsLongitude":"-122.419412"},"t":"I was born on May 5, 2014"}`,
	} {
		f.Add([]byte(s))
	}
	tok := newTestWorker(f, Options{})
	mixed := newTestWorker(f, Options{Actions: mixedActions})
	ruled, profile := newProfileWorker(f, ProfileOptions{
		Fields: []FieldRule{
			{Path: "a", Action: FieldDrop}, {Path: "b.*", Action: FieldKeep}, {Path: "c", Action: FieldTokenize},
			{Path: "d", Action: FieldMask}, {Path: "e", Action: FieldGeneralize, Decimals: 1}, {Path: "**.f", Action: FieldDrop},
			{Path: "**.x.e", Action: FieldScan}, {Path: "**.a.c", Action: FieldTokenize},
			{Path: "lat", Action: FieldGeneralize, Decimals: 2}, {Path: "z", Action: FieldGeneralize, Prefix: 3},
		},
		Policy: PolicyFields{User: []string{"u", "x.u"}, Consent: []string{"k"}, OptOut: []string{"o"}, Minor: []string{"m"}, Age: []string{"g"}, MinAge: 13,
			StatedAge: true},
		Language: &LanguageOptions{Detector: fixedLanguage("de"), TextFields: []string{"t"}, Regions: map[string][]string{"de": {"DE"}}, Field: "lang", Names: true, Addresses: true},
	})
	f.Fuzz(func(t *testing.T, data []byte) {
		rec := trimNewline(data)
		out, err := tok.Redact(nil, data, FormatJSON)
		var re *RecordError
		switch {
		case err == nil:
		case !errors.As(err, &re):
			t.Fatalf("error %v is not a *RecordError", err)
		case re.Reason == ReasonInvalidUTF8:
			if utf8.Valid(rec) {
				t.Fatalf("valid UTF-8 rejected as invalid at %d", re.Offset)
			}
			return
		case re.Reason == ReasonTooLarge:
			return
		}
		if valid := json.Valid(rec); valid != (err == nil) {
			t.Fatalf("json.Valid says %v, Redact says %v", valid, err)
		}
		if err != nil {
			return
		}
		if !json.Valid(out) {
			t.Fatalf("output is not valid JSON: %s", out)
		}
		if !sameOutline(jsonOutline(t, rec), jsonOutline(t, out)) {
			t.Fatalf("keys or shape changed:\n in %s\nout %s", rec, out)
		}
		// Trailing JSON whitespace is kept, except a newline Redact strips.
		again, err := tok.Redact(nil, out, FormatJSON)
		if err != nil || !bytes.Equal(again, trimNewline(out)) {
			t.Fatalf("not idempotent (%v):\n in %s\nout %s\nagain %s", err, rec, out, again)
		}
		out, err = mixed.Redact(nil, data, FormatJSON)
		if err != nil || !json.Valid(out) {
			t.Fatalf("mixed actions: %v, output %s", err, out)
		}
		out, _, err = ruled.RedactRecord(nil, data, FormatJSON, profile)
		if err != nil || !json.Valid(out) {
			t.Fatalf("field rules: %v, output %s", err, out)
		}
	})
}

// escapeASCII writes the printable ASCII characters of the JSON string
// literal v that JSON needn't escape as \u00XX escapes, those whose
// position's bit in mask is set (every eighth character shares a bit);
// escapes already there stay as they are.
func escapeASCII(v []byte, mask byte) []byte {
	out := []byte{'"'}
	for i := 1; i < len(v)-1; i++ {
		c := v[i]
		switch {
		case c == '\\':
			n := 2
			if v[i+1] == 'u' {
				n = 6
			}
			out = append(out, v[i:i+n]...)
			i += n - 1
		case c >= ' ' && c < 0x7F && c != '"' && mask>>(i%8)&1 != 0:
			out = fmt.Appendf(out, `\u%04x`, c)
		default:
			out = append(out, c)
		}
	}
	return append(out, '"')
}

// piiKinds are the values FuzzRedactText inserts.
const (
	piiEmail = iota // with an ASCII or a CJK domain
	piiIPv4
	piiMAC
	piiIMEI
	piiWideEmail   // with the full-width at sign, all in full-width characters, or with '。'
	piiDashedMAC   // Huawei's "aabb-ccdd-eeff"
	piiArabicIMEI  // in Arabic-Indic digits
	piiEncodedMAC  // with URL-encoded colons, as query strings carry it
	piiParenIPv4   // in parentheses, as ping and traceroute print it
	piiEncodedIPv6 // an IPv6 address with URL-encoded colons
	piiIBAN        // a German IBAN, compact
	piiCredential  // a password, key or token after its label and '=', a GitHub token or a private key in PEM
	piiHTMLEmail   // with the '@' as HTML writes it, "&#64;" or "&#x40;"
	piiHiddenEmail // with an invisible character inside ("user1\u200b@example.com")
	piiKinds
)

// makePII builds a value of the given kind from the bits of n.
func makePII(kind uint8, n uint64) string {
	b := func(i int) byte { return byte(n >> (8 * i)) }
	switch kind % piiKinds {
	case piiEmail:
		domain := "example.com"
		if n>>40&1 != 0 {
			domain = "例え.jp" // an internationalized domain in CJK
		}
		switch n >> 41 & 3 { // an internationalized local part (RFC 6531)
		case 1:
			return fmt.Sprintf("josé.müller%d@%s", n%1_000_000, domain)
		case 2:
			return fmt.Sprintf("иван%d@%s", n%1_000_000, domain)
		case 3:
			return []string{"用户", "张三", "たろう", "홍길동"}[n%4] + "@" + domain
		}
		return fmt.Sprintf("user%d@%s", n%1_000_000, domain)
	case piiIPv4:
		return fmt.Sprintf("%d.%d.%d.%d", 11+b(0)%200, b(1), b(2), b(3))
	case piiMAC:
		return fmt.Sprintf("%02x:%02x:%02x:%02x:%02x:%02x", b(0)|0x10, b(1), b(2), b(3), b(4), b(5))
	case piiWideEmail:
		if n>>40&1 != 0 { // typed in full-width mode: every character full-width
			return strings.Map(func(r rune) rune { return r - '!' + '！' }, makePII(piiEmail, n&^(7<<40)))
		}
		if n>>43&1 != 0 { // typed with a CJK input method's full stop
			return fmt.Sprintf("user%d@mail。example。com", n%1_000_000)
		}
		return fmt.Sprintf("user%d＠example.com", n%1_000_000)
	case piiDashedMAC:
		return fmt.Sprintf("a%03x-%04x-%04x", uint16(n)&0xfff, uint16(n>>16), uint16(n>>32))
	case piiArabicIMEI:
		return strings.Map(func(r rune) rune { return r - '0' + '٠' }, makePII(piiIMEI, n))
	case piiEncodedMAC:
		return strings.ReplaceAll(makePII(piiMAC, n), ":", "%3A")
	case piiParenIPv4:
		return "(" + makePII(piiIPv4, n) + ")"
	case piiEncodedIPv6:
		return fmt.Sprintf("2001%%3Adb8%%3A%x%%3A%x%%3A%x%%3A%x%%3A%x%%3A%x", 1+b(0), b(1), b(2), b(3), b(4), uint16(n>>40))
	case piiCredential:
		switch n % 7 {
		case 5: // no label: a GitHub token, by its prefix
			return "ghp_" + fmt.Sprintf("%036d", n>>3)
		case 6: // a private key in PEM, its line breaks escaped as a logger writes them
			return `-----BEGIN PRIVATE KEY-----\nMIIE` + strconv.FormatUint(n>>3, 36) + `\n-----END PRIVATE KEY-----`
		}
		label := []string{"password", "api_key", "access_token", "X-Api-Key", "spring.datasource.password"}[n%7]
		return label + "=s3" + strconv.FormatUint(n>>3, 36)
	case piiHTMLEmail:
		return strings.Replace(makePII(piiEmail, n&^(3<<41)), "@", []string{"&#64;", "&#x40;"}[n>>45&1], 1)
	case piiHiddenEmail:
		v := makePII(piiEmail, n&^(7<<40))
		at := strings.IndexByte(v, '@')
		i := []int{at, at + 1, len(v) - len(".com"), 1}[n>>44&3]
		return v[:i] + []string{"\u200b", "\u00ad", "\u2060", "\ufeff", "\u200c", "\u200d", "\u200e", "\u202e"}[n>>46&7] + v[i:]
	case piiIBAN:
		bban := fmt.Sprintf("%018d", n%1_000_000_000_000_000_000)
		rem := 0
		for _, c := range bban + "131400" { // "DE00" moved to the end, D=13, E=14
			rem = (rem*10 + int(c-'0')) % 97
		}
		return fmt.Sprintf("DE%02d%s", 98-rem, bban)
	}
	digits := fmt.Sprintf("35%012d", n%1_000_000_000_000)
	sum := 0
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if (len(digits)-i)%2 == 1 { // double every second digit from the check digit
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return digits + string(rune('0'+(10-sum%10)%10))
}

// FuzzRedactText checks that Redact never panics on text, is idempotent,
// and removes an e-mail address, IPv4 address, MAC address, IMEI, IBAN or
// labeled credential, in one of the forms of makePII, set between spaces
// in arbitrary text.
func FuzzRedactText(f *testing.F) {
	f.Add("GET /index.html", "200 OK", uint8(piiEmail), uint64(42))
	f.Add("login from", "port 443", uint8(piiIPv4), uint64(0xdeadbeef))
	f.Add("我的手机号是13800138000", "谢谢", uint8(piiMAC), uint64(1<<40+77))
	f.Add("imei:", "", uint8(piiIMEI), uint64(490154203237))
	f.Add("我的邮箱是", "，谢谢", uint8(piiWideEmail), uint64(1<<40+42))
	f.Add("写信给", "吧", uint8(piiEmail), uint64(1<<40+7))
	f.Add("邮箱", "谢谢", uint8(piiEmail), uint64(3<<41+1))
	f.Add("mail", "", uint8(piiEmail), uint64(1<<41+5))
	f.Add("order 0123456789 phone: 555-0132", ".json tel 12345678 1234567", uint8(piiEmail), uint64(99))
	f.Add("Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1MSJ9.x https://a:b@", "app_version=1.2.3.4", uint8(piiIPv4), uint64(7))
	f.Add("IBAN", "BIC COBADEFFXXX, or GB29 NWBK 6016 1331 9268 19", uint8(piiIBAN), uint64(370400440532013000))
	f.Add(`login user=bob token="`, "Cookie: a=1; b=2", uint8(piiCredential), uint64(1<<20+3))
	f.Add("error loading key:", "from /etc/ssl", uint8(piiCredential), uint64(6+7*1000))
	f.Add("mail", "，谢谢", uint8(piiHiddenEmail), uint64(5<<44+77))
	f.Add("привет", "", uint8(piiHiddenEmail), uint64(1<<46+2<<44+9))
	w := newTestWorker(f, Options{})
	f.Fuzz(func(t *testing.T, before, after string, kind uint8, n uint64) {
		pii := makePII(kind, n)
		rec := before + " " + pii + " " + after
		out, err := w.Redact(nil, []byte(rec), FormatText)
		if err != nil {
			if !utf8.ValidString(rec) {
				return
			}
			t.Fatalf("Redact(%q): %v", rec, err)
		}
		// The text around may hold the value as a part of something else
		// ("277.0.0.0"); the value holds no space, so it is gone exactly
		// when the text around does not hold it.
		if bytes.Contains(out, []byte(pii)) && !strings.Contains(before, pii) && !strings.Contains(after, pii) {
			t.Errorf("%q survived in %q", pii, out)
		}
		if visible := strings.Map(keepVisible, pii); visible != pii && bytes.Contains(out, []byte(visible)) &&
			!strings.Contains(strings.Map(keepVisible, before), visible) && !strings.Contains(strings.Map(keepVisible, after), visible) {
			t.Errorf("%q survived, its invisible characters removed, in %q", pii, out)
		}
		if bytes.HasSuffix(out, []byte("\n")) {
			return // Redact would strip it as the record's newline
		}
		again, err := w.Redact(nil, out, FormatText)
		if err != nil || !bytes.Equal(again, out) {
			t.Errorf("not idempotent (%v):\n   in %q\n  out %q\nagain %q", err, rec, out, again)
		}
	})
}

// FuzzRedactJSONValue is FuzzRedactText inside a JSON string under any
// key: the value is gone from the output, decoded or not, and redacting
// again changes nothing. An IPv4 address under a version or build key is
// a build number by design, and is not inserted there.
func FuzzRedactJSONValue(f *testing.F) {
	f.Add("note", "sent from", "ok", uint8(piiEmail), uint64(42))
	f.Add("client_ip", "", "", uint8(piiIPv4), uint64(0xdeadbeef))
	f.Add("imei", "id:", "\u0000", uint8(piiIMEI), uint64(490154203237))
	f.Add("bt_mac", "a\\b", "\"", uint8(piiMAC), uint64(1<<40+77))
	f.Add("text", "邮箱", "谢谢", uint8(piiEmail), uint64(1<<44+3<<41+1))
	f.Add("text", "واتساب", "", uint8(piiArabicIMEI), uint64(1<<44+490154203237))
	f.Add("note", "mail", "ok", uint8(piiEmail), uint64(1<<46|0xFF<<48|7))
	f.Add("note", "", "", uint8(piiHTMLEmail), uint64(1<<46|0x55<<48|1<<45|9))
	w := newTestWorker(f, Options{})
	f.Fuzz(func(t *testing.T, key, before, after string, kind uint8, n uint64) {
		k, _ := json.Marshal(key) // as the record holds it: invalid UTF-8 becomes \ufffd
		// The key as the walker reads it: its escapes decoded.
		if ip := kind % piiKinds; (ip == piiIPv4 || ip == piiParenIPv4) && testSet.KeyHint(appendTextEscapesDecoded(nil, k[1:len(k)-1])).Has(detectors.VersionKey) {
			return
		}
		pii := makePII(kind, n)
		v, _ := json.Marshal(before + " " + pii + " " + after)
		if n>>44&1 != 0 {
			v = gen.EscapeNonASCII(v) // as Python's json.dumps writes it
		}
		if n>>46&1 != 0 {
			v = escapeASCII(v, byte(n>>48)) // as an encoder may write any character
		}
		rec := []byte(`{` + string(k) + `:` + string(v) + `}`)
		out, err := w.Redact(nil, rec, FormatJSON)
		if err != nil {
			t.Fatalf("Redact(%s): %v", rec, err)
		}
		var m map[string]string
		if err := json.Unmarshal(out, &m); err != nil || len(m) != 1 {
			t.Fatalf("output %s: %v", out, err)
		}
		around := strings.Contains(key, pii) || strings.Contains(before, pii) || strings.Contains(after, pii)
		for _, s := range []string{string(out), m[key]} {
			if strings.Contains(s, pii) && !around {
				t.Fatalf("%q survived in %s (from %s)", pii, out, rec)
			}
		}
		again, err := w.Redact(nil, out, FormatJSON)
		if err != nil || !bytes.Equal(again, out) {
			t.Fatalf("not idempotent (%v):\n   in %s\n  out %s\nagain %s", err, rec, out, again)
		}
	})
}

// FuzzNames checks the names in prompts (LanguageOptions.Names), the
// e-mail addresses spelled out around their '@', the handles and the street
// addresses, the dates of birth and a place's coordinates: a name introduced by a phrase or
// starting with a given name of the list, an
// address's local part, a handle, a street's name before or after its
// number, a date of birth, a passport's number, a password given in words
// or a display name in single quotes, between any texts, as a text record
// and as a JSON record's free text, is gone from the output, which
// redacting again does not change and which stays JSON.
func FuzzNames(f *testing.F) {
	f.Add("make it blue", "thanks", uint64(42), uint8(0))
	f.Add("我的手机号是13800138000", "谢谢", uint64(1<<40+77), uint8(1))
	f.Add("Hi,", "call me at +1 415 555 0132", uint64(7), uint8(2))
	f.Add(`"quoted \"`, `\n`, uint64(99), uint8(3))
	f.Add("my name is", "", uint64(1<<33), uint8(4))
	f.Add("li.wei", "[dot] org", uint64(77), uint8(5))
	f.Add("see", "in the corner", uint64(1234), uint8(6))
	f.Add("my", ".", uint64(5678), uint8(7))
	f.Add("加我", "谢谢", uint64(91011), uint8(8))
	f.Add("party", "bring snacks", uint64(4242), uint8(9))
	f.Add("新家", "欢迎", uint64(77), uint8(10))
	f.Add("hi", "make a card", uint64(1990), uint8(11))
	f.Add("photo", "white", uint64(12345678), uint8(12))
	f.Add("Of", "The End", uint64(3), uint8(13))
	f.Add("Happy birthday", "Lukas", uint64(4), uint8(14))
	f.Add("make", "look like anime", uint64(5), uint8(15))
	f.Add("12.345,", ", 1.5", uint64(1<<40+31), uint8(16))
	f.Add("写真", "ありがとう", uint64(17), uint8(17))
	f.Add("谢谢", "！", uint64(18), uint8(18))
	f.Add("감사", "합니다", uint64(1<<30+19), uint8(19))
	f.Add("Make a card", "please", uint64(20), uint8(20))
	f.Add("好", "谢谢", uint64(21), uint8(21))
	f.Add("これは", "です", uint64(22), uint8(22))
	f.Add("안녕", "고마워", uint64(23), uint8(23))
	f.Add("مرحبا", "شكرا", uint64(24), uint8(24))
	f.Add("नमस्ते", "धन्यवाद", uint64(25), uint8(25))
	f.Add("mine", "is new", uint64(26), uint8(26))
	f.Add("DHCPACK to", "via eth0", uint64(27), uint8(27))
	f.Add("给", "贴膜", uint64(28), uint8(28))
	f.Add("wifi", "thanks", uint64(29), uint8(29))
	f.Add("From:", "hi", uint64(30), uint8(30))
	w, p := newProfileWorker(f, ProfileOptions{Language: &LanguageOptions{Detector: fixedLanguage("en"), TextFields: []string{"text"}, Names: true, Addresses: true}})
	f.Fuzz(func(t *testing.T, before, after string, n uint64, form uint8) {
		var name, intro string
		switch form % 31 {
		case 0:
			name, intro = "Q"+letters(n, 5), " my name is %s. "
		case 1:
			name, intro = "王"+string(hanGiven[n%uint64(len(hanGiven))])+string(hanGiven[n/16%uint64(len(hanGiven))]), "我叫%s，"
		case 2:
			name, intro = "Z"+letters(n, 4)+" Q"+letters(n>>20, 6), " for my daughter %s, "
		case 3:
			name, intro = "J"+letters(n, 3), " Thanks, %s"
			after = ""
		case 4:
			name, intro = "김"+string(rune(0xAC00+n%11172))+string(rune(0xAC00+n/11172%11172)), " 제 이름은 %s입니다. "
		case 5:
			name, intro = "q"+letters(n, 5)+".x", " mail %s (at) example (dot) com "
		case 6:
			name, intro = "q"+letters(n, 5)+"_x", " watermark @%s "
		case 7:
			name, intro = "q"+letters(n, 4)+".z9", " IG: %s "
		case 8:
			name, intro = "wx_q"+letters(n, 6), "微信号是 %s，"
		case 9:
			name, intro = "Q"+letters(n, 5)+" Avenue", " at 42 %s, "
		case 10:
			name, intro = "建"+string(hanGiven[n%uint64(len(hanGiven))])+"路", "地址：%s8号，"
		case 11:
			name, intro = fmt.Sprintf("19%02d-%02d-1%d", n%100, n%12+1, n%10), " I was born on %s, "
		case 12:
			name, intro = fmt.Sprintf("Q%08d", n%100000000), " my passport number is %s. "
		case 13:
			name, intro = givenNames[n%uint64(len(givenNames))]+" Q"+letters(n>>8, 5), " put %s in a costume "
		case 14:
			name, intro = givenNames[n%uint64(len(givenNames))], " a card for %s and "
		case 15:
			name, intro = strings.ToLower(givenNames[n%uint64(len(givenNames))]), " me and %s, "
		case 16:
			name, intro = fmt.Sprintf("%d.%04d, -%d.%04d", 1+n%89, n>>7%10000, n>>20%180, n>>28%10000), " my house is at %s. " // not both below 1: weights
		case 17:
			name, intro = []string{"田中", "佐藤", "鈴木", "高橋", "渡辺"}[n%5]+string(hanGiven[n/8%uint64(len(hanGiven))]), " %sさんの絵 "
		case 18:
			name, intro = "李"+string(hanGiven[n%uint64(len(hanGiven))])+string(hanGiven[n/16%uint64(len(hanGiven))]), "给%s老师做卡片，"
		case 19:
			name, intro = "박"+string(rune(0xAC00+n%11172))+string(rune(0xAC00+n/11172%11172)), " %s 씨에게 "
		case 20:
			name, intro = "Q"+letters(n, 5), " thanks to Mr. %s for "
		case 21:
			name, intro = []string{"王", "李", "张", "刘", "陈"}[n%5]+string(hanGivenAlone[n/8%uint64(len(hanGivenAlone))]), "把我和%s的合照变成油画，"
		case 22:
			name, intro = []string{"陽菜", "さくら", "翔太", "結衣", "はると"}[n%5], " %sちゃんの誕生日カード "
		case 23:
			name, intro = []string{"민준", "서연", "하은", "지훈", "도윤"}[n%5], []string{" %s아, 생일 축하해 ", " %s이랑 찍은 사진 "}[n/5%2]
		case 24:
			name, intro = []string{"سارة", "مريم", "خالد", "يوسف", "فاطمة"}[n%5], " بطاقة عيد ميلاد ل%s مع بالونات "
		case 25:
			name, intro = []string{"राहुल", "प्रिया", "अमित कुमार", "नेहा गुप्ता", "अंजलि"}[n%5], " %s के लिए कार्ड बनाओ "
		case 26:
			name, intro = "Q"+letters(n, 5), " a case for %s's iPhone "
		case 27:
			name, intro = "Q"+letters(n, 5)+"s", " (%s-iPhone) "
		case 28:
			name, intro = "王"+string(hanGiven[n%uint64(len(hanGiven))]), "，%s的iPad，"
		case 29:
			name, intro = "Q"+letters(n, 5)+"7", " my password is %s, "
		case 30:
			name, intro = "Q"+letters(n, 4)+" Z"+letters(n>>20, 5), " '%s' <q@example.com> "
		}
		if strings.Contains(before, name) || strings.Contains(after, name) {
			return
		}
		text := before + fmt.Sprintf(intro, name) + after
		doc, err := json.Marshal(map[string]string{"text": text})
		if err != nil || !utf8.ValidString(text) {
			return
		}
		for _, r := range []struct {
			format Format
			rec    []byte
		}{{FormatText, []byte(text)}, {FormatJSON, doc}} {
			format, rec := r.format, r.rec
			if format == FormatText && bytes.ContainsAny(rec, "\r\n") {
				continue // a text record is one line
			}
			out, _, err := w.RedactRecord(nil, rec, format, p)
			if err != nil {
				t.Fatalf("%q: %v", rec, err)
			}
			if bytes.Contains(out, []byte(name)) && !bytes.Contains(out, []byte(fmt.Sprintf(intro, name))) {
				continue // a finding around the phrase took part of it ("x@my")
			}
			if bytes.Contains(out, []byte(name)) {
				t.Fatalf("%q survived in %q", name, out)
			}
			if format == FormatJSON && !json.Valid(out) {
				t.Fatalf("not JSON: %q", out)
			}
			again, _, err := w.RedactRecord(nil, out, format, p)
			if err != nil || !bytes.Equal(again, out) {
				t.Fatalf("not idempotent (%v):\n   in %q\n  out %q\nagain %q", err, rec, out, again)
			}
		}
	})
}

// hanGiven are characters of Chinese given names.
var hanGiven = []rune("伟芳静磊杰娜洋敏华强丽军秀英桂兰")

// hanGivenAlone are characters of Chinese given names of one character.
var hanGivenAlone = []rune("伟芳静磊杰娜洋敏婷浩")

// givenNames are given names of package names' list, in the scripts it
// reads them in.
var givenNames = []string{"Emma", "Priya", "Émile", "Иван", "Мария", "Lukas"}

// letters returns k lower-case letters made of n.
func letters(n uint64, k int) string {
	b := make([]byte, k)
	for i := range b {
		b[i] = byte('a' + n%26)
		n /= 26
	}
	return string(b)
}
