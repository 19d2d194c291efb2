package transforms

import (
	"encoding/json"
	"net/netip"
	"strings"
	"testing"

	"github.com/pixelprivacy/veil/detectors"
)

// span returns the span of the first occurrence of value in s.
func span(s, value string, k detectors.Kind) detectors.Span {
	i := strings.Index(s, value)
	if i < 0 {
		panic(value + " not in " + s)
	}
	return detectors.Span{Start: i, End: i + len(value), Kind: k}
}

// TestReplacements checks each action on spans given by hand, so that it
// does not depend on what the detectors find.
func TestReplacements(t *testing.T) {
	const (
		email = detectors.Email
		phone = detectors.Phone
		ip4   = detectors.IPv4
		ip6   = detectors.IPv6
		mac   = detectors.MAC
	)
	tests := []struct {
		name   string
		action Action
		json   bool
		in     string
		values []string
		kind   detectors.Kind
		want   string
	}{
		{"tokenize", Tokenize, false, "a x@y.cn b", []string{"x@y.cn"}, email, "a {EMAIL:x@y.cn} b"},
		{"tokenize escaped", Tokenize, true, `a x\u0040y.cn b`, []string{`x\u0040y.cn`}, email, "a {EMAIL:x@y.cn} b"},
		{"tokenize two", Tokenize, false, "x@y.cn,z@y.cn", []string{"x@y.cn", "z@y.cn"}, email, "{EMAIL:x@y.cn},{EMAIL:z@y.cn}"},
		{"label", Label, false, "tel 13800138000.", []string{"13800138000"}, phone, "tel [PHONE]."},
		{"drop", Drop, false, "tel 13800138000.", []string{"13800138000"}, phone, "tel ."},
		{"mask phone", Mask, false, "13800138000", []string{"13800138000"}, phone, "138****8000"},
		{"mask short", Mask, false, "1.2.3.4", []string{"1.2.3.4"}, ip4, "1.***.4"},
		{"mask runes", Mask, false, "１３８００１３８０００", []string{"１３８００１３８０００"}, phone, "１３８****８０００"},
		{"mask email", Mask, false, "li.lei@163.com", []string{"li.lei@163.com"}, email, "l*****@***.com"},
		{"mask email subdomains", Mask, false, "ab@mail.example.co.uk", []string{"ab@mail.example.co.uk"}, email, "a*@****.*******.**.uk"},
		{"mask email one letter", Mask, false, "a@b.cn", []string{"a@b.cn"}, email, "*@*.cn"},
		{"mask email full-width", Mask, false, "ｌｉ．ｌｅｉ＠１６３．ｃｏｍ", []string{"ｌｉ．ｌｅｉ＠１６３．ｃｏｍ"}, email, "ｌ*****＠***．ｃｏｍ"},
		{"mask email ideographic full stop", Mask, false, "li.lei@163。com", []string{"li.lei@163。com"}, email, "l*****@***。com"},
		{"mask email escapes", Mask, true, `li\"lei\u0040163.com`, []string{`li\"lei\u0040163.com`}, email, `l*****\u0040***.com`},
		{"mask escapes kept whole", Mask, true, `\u0031\u00333800138000`, []string{`\u0031\u00333800138000`}, phone, `\u0031\u00333*****8000`},
		{"generalize ipv4", Generalize, false, "from 203.0.113.45:80", []string{"203.0.113.45"}, ip4, "from 203.0.113.0/24:80"},
		{"generalize ipv4 network", Generalize, false, "net 10.1.2.0/23 up", []string{"10.1.2.0"}, ip4, "net 10.1.2.0/23 up"},
		{"generalize ipv4 host prefix", Generalize, false, "net 10.1.2.3/32 up", []string{"10.1.2.3"}, ip4, "net 10.1.2.0/24 up"},
		{"generalize ipv4 bad prefix", Generalize, false, "p 10.1.2.3/33 up", []string{"10.1.2.3"}, ip4, "p 10.1.2.0/24/33 up"},
		{"generalize ipv4 path", Generalize, false, "10.1.2.3/index", []string{"10.1.2.3"}, ip4, "10.1.2.0/24/index"},
		{"generalize mapped", Generalize, false, "::ffff:203.0.113.45", []string{"::ffff:203.0.113.45"}, ip6, "203.0.113.0/24"},
		{"generalize ipv6", Generalize, false, "[2001:DB8:85a3:1:2::7]:443", []string{"2001:DB8:85a3:1:2::7"}, ip6, "[2001:db8:85a3::/48]:443"},
		{"generalize ipv6 zone", Generalize, false, "fe80::1%eth0", []string{"fe80::1%eth0"}, ip6, "fe80::/48"},
		{"generalize ipv6 network", Generalize, false, "2001:db8::/32", []string{"2001:db8::"}, ip6, "2001:db8::/32"},
		{"generalize bad ip", Generalize, false, "999.1.1.1", []string{"999.1.1.1"}, ip4, "{IPV4:999.1.1.1}"},
		{"generalize mac", Generalize, false, "AA-BB-CC-DD-EE-FF", []string{"AA-BB-CC-DD-EE-FF"}, mac, "aa:bb:cc"},
		{"generalize cisco mac", Generalize, false, "aabb.ccdd.eeff", []string{"aabb.ccdd.eeff"}, mac, "aa:bb:cc"},
		{"generalize email", Generalize, false, "Li.Lei@163.COM", []string{"Li.Lei@163.COM"}, email, "{EMAIL:li.lei@163.com}@163.com"},
		{"generalize email escaped", Generalize, true, `li\u0040163.com`, []string{`li\u0040163.com`}, email, "{EMAIL:li@163.com}@163.com"},
		{"generalize phone", Generalize, false, "13800138000", []string{"13800138000"}, phone, "{PHONE:13800138000}"},
		// Spans that cut characters or escapes are widened.
		{"half rune", Label, false, "a é b", []string{"\xa9 b"}, phone, "a [PHONE]"},
		{"half escape", Label, true, `a\u00e9b`, []string{`00e9`}, phone, `a[PHONE]b`},
		{"half short escape", Label, true, `a\nb`, []string{`n`}, phone, `a[PHONE]b`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newTestWorker(t, Options{Actions: map[detectors.Kind]Action{tt.kind: tt.action}})
			var spans []detectors.Span
			for _, v := range tt.values {
				spans = append(spans, span(tt.in, v, tt.kind))
			}
			got := string(w.appendRedacted([]byte("|"), []byte(tt.in), spans, tt.json))
			if want := "|" + expandTokens(t, w, tt.want); got != want {
				t.Errorf("got %q, want %q", got, want)
			}
			if tt.json && !json.Valid([]byte(`"`+got+`"`)) {
				t.Errorf("%q is not valid JSON string content", got)
			}
		})
	}
}

// TestMaskNotFoundAgain checks that a masked value the detectors would
// find is masked whole instead.
func TestMaskNotFoundAgain(t *testing.T) {
	w := newTestWorker(t, Options{Actions: allKinds(Mask), MaskHead: 6, MaskTail: -1})
	in := "id a@b.cn0000000000000000 now"
	got := w.appendRedacted(nil, []byte(in), []detectors.Span{span(in, "a@b.cn0000000000000000", detectors.Phone)}, false)
	if want := "id " + strings.Repeat("*", 22) + " now"; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestMaskKeep(t *testing.T) {
	tests := []struct{ head, tail, n, wantHead, wantTail int }{
		{3, 4, 11, 3, 4},
		{3, 4, 7, 2, 2},
		{3, 4, 15, 3, 4},
		{3, 4, 1, 0, 0},
		{3, 4, 2, 1, 0},
		{0, 0, 5, 0, 0},
		{10, 0, 6, 4, 0},
	}
	for _, tt := range tests {
		h, tl := maskKeep(tt.head, tt.tail, tt.n)
		if h != tt.wantHead || tl != tt.wantTail {
			t.Errorf("maskKeep(%d, %d, %d) = %d, %d; want %d, %d", tt.head, tt.tail, tt.n, h, tl, tt.wantHead, tt.wantTail)
		}
	}
}

func TestMaskOptions(t *testing.T) {
	tests := []struct {
		o    Options
		want string
	}{
		{Options{}, "138****8000"},
		{Options{MaskHead: 2, MaskTail: 2, MaskChar: '#'}, "13#######00"},
		{Options{MaskHead: -1, MaskTail: -1}, "***********"},
	}
	for _, tt := range tests {
		tt.o.Actions = allKinds(Mask)
		w := newTestWorker(t, tt.o)
		got, err := w.Redact(nil, []byte("13800138000"), FormatText)
		if err != nil || string(got) != tt.want {
			t.Errorf("%+v: got %q (%v), want %q", tt.o, got, err, tt.want)
		}
	}
}

// TestParseIP compares parseIP with net/netip.
func TestParseIP(t *testing.T) {
	for _, s := range []string{
		"0.0.0.0", "1.2.3.4", "255.255.255.255", "256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1..2.3", "1.2.3.", ".1.2.3",
		"::", "::1", "1::", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "1:2:3:4:5:6:7::8",
		"1::2::3", "1:::2", ":1::2", "1:2::3:", "12345::", "abcd:ef01::", "ABCD::EF", "::ffff:1.2.3.4", "::1.2.3.4",
		"1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4", "1::1.2.3.4", "::ffff:1.2.3", "::ffff:256.1.1.1", "fe80::1%eth0",
		"", ":", "g::", "1:2", "1.2.3.4:80",
	} {
		got, ok := parseIP([]byte(s))
		want, err := netip.ParseAddr(s)
		if ok != (err == nil) || ok && got != want.WithZone("") {
			t.Errorf("parseIP(%q) = %v, %v; netip says %v, %v", s, got, ok, want, err)
		}
	}
}

func FuzzParseIP(f *testing.F) {
	for _, s := range []string{"1.2.3.4", "::1", "1:2:3:4:5:6:1.2.3.4", "fe80::1%eth0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := parseIP([]byte(s))
		want, err := netip.ParseAddr(s)
		if ok != (err == nil) || ok && got != want.WithZone("") {
			t.Errorf("parseIP(%q) = %v, %v; netip says %v, %v", s, got, ok, want, err)
		}
	})
}

func TestUnescapeJSON(t *testing.T) {
	for _, s := range []string{
		`plain`, `a\"b\\c\/d\b\f\n\r\t`, `\u0040\u00e9\u4e2d`, `\ud83d\ude00`, `\ud83d`, `\ude00x`, `\ud83dx\ude00`, `\ud83d\u0041`,
	} {
		var want string
		if err := json.Unmarshal([]byte(`"`+s+`"`), &want); err != nil {
			t.Fatal(err)
		}
		if got := unescapeJSON(nil, []byte(s)); string(got) != want {
			t.Errorf("unescapeJSON(%s) = %q, want %q", s, got, want)
		}
		if got := appendJSONEscaped(nil, []byte(want)); !json.Valid([]byte(`"` + string(got) + `"`)) {
			t.Errorf("appendJSONEscaped(%q) = %s is not valid JSON", want, got)
		}
	}
}
