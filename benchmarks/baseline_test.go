package benchmarks_test

import (
	"strings"
	"testing"

	"github.com/pixelprivacy/veil/benchmarks"
	"github.com/pixelprivacy/veil/detectors"
)

// TestRegexpBaseline checks that the baseline's patterns match what they
// stand for, so that its speed is that of a filter doing the job.
func TestRegexpBaseline(t *testing.T) {
	b := benchmarks.NewRegexpBaseline()
	cases := []struct{ in, want string }{
		{"mail li.wei@163.com now", "mail [EMAIL] now"},
		{"mail li.wei&#64;163.com, li&#x40;qq.com", "mail [EMAIL], [EMAIL]"},
		{"tel (415) 555-0132", "tel ([PHONE]"},
		{"imei 490154203237518", "imei [IMEI]"},
		{"mac aa:bb:cc:dd:ee:ff", "mac [MAC]"},
		{"idfa 6D92078A-8246-4BA4-AE5B-76104861E7DC", "idfa [ADID]"},
		{"from 203.0.113.7", "from [IPV4]"},
		{"from 2001:db8:0:0:8a2e:370:7334:1", "from [IPV6]"},
		{"id 11010519491231002X", "id [CNID]"},
		{"iban DE89 3704 0044 0532 0130 00", "iban [IBAN]"},
		{"auth eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig", "auth [SECRET]"},
		{"db=postgres://app:pw@db:5432", "db=postgres:[SECRET]db:5432"},
		{"login password=hunter2 ok", "login [SECRET] ok"},
		{"Authorization: Bearer abc.def", "[SECRET]"},
		{"key sk-proj-abcdefghijklmnopqrstuvwx", "key [SECRET]"},
		{"sim 8986001234567890123", "sim [ICCID]"},
		{"card 4111 1111 1111 1111", "card [CARD]"},
		{"cpf 529.982.247-25", "cpf [CPF]"},
		{"rrn 900101-1234567", "rrn [RRN]"},
		{"aadhaar 2345 6789 0124", "aadhaar [AADHAAR]"},
		{"ssn 123-45-6789", "ssn [SSN]"},
		{"dni 12345678Z", "dni [DNI]"},
		{"snils 112-233-445 95", "snils [SNILS]"},
		{"NI no AB 12 34 56 C", "NI no [NINO]"},
		{"sécu 1 85 05 78 006 084 91", "sécu [NIR]"},
		{"マイナンバー: 1234 5678 9018", "[MYNUMBER]"},
		{"Steuer-ID: 86 095 742 719", "[STEUERID]"},
		{"رقم الهوية: 1012345672", "رقم ال[SAUDIID]"},
		{"btc 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2, eth 0x52908400098527886E0F7030069857D2E4169EE7", "btc [WALLET], eth [WALLET]"},
		{"imsi: 460001234567890", "[IMSI]"},
	}
	covered := map[string]bool{}
	for _, tc := range cases {
		if got := string(b.Redact(nil, []byte(tc.in))); got != tc.want {
			t.Errorf("Redact(%q) = %q, want %q", tc.in, got, tc.want)
		}
		for _, k := range detectors.Builtin {
			covered[k.String()] = covered[k.String()] || strings.Contains(tc.want, "["+k.String()+"]")
		}
	}
	// The baseline covers the same kinds as the detectors, or the
	// comparison flatters them.
	for _, k := range detectors.Builtin {
		if !covered[k.String()] {
			t.Errorf("no baseline case for %v", k)
		}
	}
}
