package benchmarks_test

import (
	"testing"

	"github.com/pixelprivacy/veil/benchmarks"
)

// TestRegexpBaseline checks that the baseline's patterns match what they
// stand for, so that its speed is that of a filter doing the job.
func TestRegexpBaseline(t *testing.T) {
	b := benchmarks.NewRegexpBaseline()
	for _, tc := range []struct{ in, want string }{
		{"mail li.wei@163.com now", "mail [EMAIL] now"},
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
	} {
		if got := string(b.Redact(nil, []byte(tc.in))); got != tc.want {
			t.Errorf("Redact(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
