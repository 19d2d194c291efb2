package detectors_test

import (
	"bytes"
	"testing"

	"github.com/pixelprivacy/veil/detectors"
)

// FuzzAppendSpans checks the scanner's invariants on any input: no panic,
// spans in bounds, sorted and disjoint; and that an e-mail address, IPv4
// address, MAC, Luhn-valid IMEI or IBAN set between spaces in the text is
// found.
func FuzzAppendSpans(f *testing.F) {
	for _, s := range []string{
		"", "alice@example.com", "+8613800138000", "138 0013 8000", "2026-06-02T10:11:12Z",
		"fe80::1%eth0", "aa:bb:cc:dd:ee:ff", `li.wei\u0040163.com`, "li&#64;qq.com &#x40;", "１３８００１３８０００",
		"5 1.2.3.4", "12 00:1a:2b:3c:4d:5e", "(415) 555-0132", "11010519491231002X",
		"IBAN DE89 3704 0044 0532 0130 00", "gb29nwbk60161331926819", "meu CPF é 529.982.247-25, CPF 52998224725",
		"SSN 123-45-6789 / 123456789", "주민등록번호 900101-1234567", "आधार 2345 6789 0124, aadhaar 987654321012", "СНИЛС 112-233-445 95", "sécu 1 85 05 78 006 084 91", "マイナンバー 1234 5678 9018", "Steuer-ID 86095742719", "رقم الهوية 1012345672", "NI no AB 12 34 56 C, nino AB123456C",
		"user=bob password=hunter2 Authorization: Bearer ya29.a0Af Cookie: sid=1; t=2", `{\"api_key\":\"k1\"} token=\"<SECRET:k1:x>\"`, "key sk-proj-AbCdEfGh1234567890IjKl ghp_16C7e42F292c6912E7710c838347Ae178B4a sk-SK",
		"AKIAIOSFODNN7EXAMPLE x_AIzaSyDaGmWKa_JsXZ-HjGw7ISLn_3namBGewQe AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe",
		"c-73-158-12-4.hsd1.ca.comcast.net ip-10-0-1-23 img-1-2-3-4.jpg",
		"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq 0x52908400098527886E0F7030069857D2E4169EE7",
		`-----BEGIN RSA PRIVATE KEY-----\nMIIEow+/=\n-----END RSA PRIVATE KEY----- -----BEGIN EC PRIVATE KEY----- MHc`,
	} {
		f.Add([]byte(s), uint8(0), uint16(0))
	}
	plants := []string{"alice.b+x@mail.example.org", "203.0.113.77", "aa:bb:cc:dd:ee:0f", "490154203237518", "DE89 3704 0044 0532 0130 00",
		"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"}
	kinds := []detectors.Kind{detectors.Email, detectors.IPv4, detectors.MAC, detectors.IMEI, detectors.IBAN, detectors.Wallet, detectors.Wallet}
	f.Fuzz(func(t *testing.T, text []byte, which uint8, at uint16) {
		spans := testSet.AppendSpans(nil, text)
		checkSpans(t, spans, len(text))

		// Plant a value between spaces.
		i := int(at) % (len(text) + 1)
		p := plants[int(which)%len(plants)]
		planted := bytes.Join([][]byte{text[:i], []byte(" " + p + " "), text[i:]}, nil)
		start := i + 1
		spans = testSet.AppendSpans(nil, planted)
		checkSpans(t, spans, len(planted))
		for _, s := range spans {
			if s.Start <= start && s.End >= start+len(p) {
				return // covered, maybe by a longer finding
			}
		}
		t.Errorf("planted %v %q not found in %q: %v", kinds[int(which)%len(plants)], p, planted, spans)
	})
}

func checkSpans(t *testing.T, spans []detectors.Span, n int) {
	t.Helper()
	prev := 0
	for _, s := range spans {
		if s.Start < prev || s.End <= s.Start || s.End > n || s.Kind == detectors.None {
			t.Fatalf("bad span %+v after %d (len %d): %v", s, prev, n, spans)
		}
		prev = s.End
	}
}
