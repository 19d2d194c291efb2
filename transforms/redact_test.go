package transforms

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/pixelprivacy/veil/detectors"
)

func TestRedactJSON(t *testing.T) {
	tests := []struct {
		name    string
		actions map[detectors.Kind]Action
		in      string
		want    string // "{KIND:value}" stands for the token of value
	}{
		{"no findings", nil,
			`{"event":"open","n":1.5e3,"ok":true,"x":null,"a":[],"o":{}}`,
			`{"event":"open","n":1.5e3,"ok":true,"x":null,"a":[],"o":{}}`},
		{"whitespace kept", nil,
			" { \"a\" :\t[ 1 , 2 ] ,\n\"b\":{ } } ",
			" { \"a\" :\t[ 1 , 2 ] ,\n\"b\":{ } } "},
		{"string values", nil,
			`{"user":"li.lei@163.com","note":"call 13800138000 now"}`,
			`{"user":"{EMAIL:li.lei@163.com}","note":"call {PHONE:13800138000} now"}`},
		{"same value same token", nil,
			`{"a":"x@example.com","b":["X@Example.com"]}`,
			`{"a":"{EMAIL:x@example.com}","b":["{EMAIL:x@example.com}"]}`},
		{"escaped value", nil,
			`{"note":"mail li.lei\u0040163.com"}`,
			`{"note":"mail {EMAIL:li.lei@163.com}"}`},
		// An encoder may escape any character: one that JSON needn't
		// escape is decoded before the scan, so that no finding hides
		// behind it. Escapes of the quote, the backslash and control
		// characters stay; a value without a finding stays as written.
		{"ASCII escapes decoded", nil,
			`{"p":[{"key":"ph\u006fne","value":"4155550132"},{"value":"4155550132","name":"ph\u006fne"}],"a":"li.lei\u0040163\u002ecom","b":"call 138\u00200013\u00208000","ph\u006fne":"4155550132","c":"phone\u003d13800138000\u0026x=1","d":"\u003cnil\u003e","e":"\u0000\u001f\u007f\u0022\u005c\u0041"}`,
			`{"p":[{"key":"ph\u006fne","value":"{PHONE:4155550132}"},{"value":"{PHONE:4155550132}","name":"ph\u006fne"}],"a":"{EMAIL:li.lei@163.com}","b":"call {PHONE:13800138000}","ph\u006fne":"{PHONE:4155550132}","c":"phone={PHONE:13800138000}&x=1","d":"\u003cnil\u003e","e":"\u0000\u001f\u007f\u0022\u005c\u0041"}`},
		// PHP's json_encode writes every '/' as "\/"; base64 holds '/'.
		{"escaped slashes in secrets", nil,
			`{"h":"Authorization: Basic dXNlcjpwYXNz\/d29yZA==","p":"password=ab\/cdefgh1","url":"https:\/\/x.example\/a"}`,
			`{"h":"Authorization: Basic {SECRET:dXNlcjpwYXNz/d29yZA==}","p":"password={SECRET:ab/cdefgh1}","url":"https:\/\/x.example\/a"}`},
		{"non-ASCII text escaped, as Python's json.dumps writes it", nil,
			`{"note":"\u624b\u673a\uff1a\uff11\uff13\uff18\uff10\uff10\uff11\uff13\uff18\uff10\uff10\uff10 \"ok\"\n","ar":"\u0648\u0627\u062a\u0633\u0627\u0628 +\u0662\u0660 \u0661\u0662 \u0667\u0665\u0662\u0665 \u0660\u0669\u0663\u0661","mail":"\u90ae\u7bb1 \u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a \ud83d\ude00","clean":"\u4f60\u597d"}`,
			`{"note":"手机：{PHONE:+8613800138000} \"ok\"\n","ar":"واتساب {PHONE:+201275250931}","mail":"邮箱 {EMAIL:用户@例子.广告} 😀","clean":"\u4f60\u597d"}`},
		{"escaped non-ASCII text in keys", nil,
			`{"\u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a":{"n":1},"\u624b\u673a":"13800138000","\u00e9":2}`,
			`{"{EMAIL:用户@例子.广告}":{"n":1},"\u624b\u673a":"{PHONE:13800138000}","\u00e9":2}`},
		{"escaped unpaired surrogates stay escaped", nil,
			`{"note":"\ud83d 13800138000 \ude00\ufffd"}`,
			`{"note":"\ud83d {PHONE:13800138000} \ude00�"}`},
		{"invisible characters in identifiers", nil,
			"{\"e\u200b\":\"jane\u200b@example.com\",\"note\":\"mail li.lei\\u200b@163.com\",\"kept\":\"a\\u200bb\"}",
			`{"e":"{EMAIL:jane@example.com}","note":"mail {EMAIL:li.lei@163.com}","kept":"a\u200bb"}`},
		{"keys kept, personal data in them replaced", nil,
			`{"event":"x","contacts":{"li.lei@163.com":{"n":1},"+8613800138000":"a","13800138000":[2]},"ips":{"203.0.113.9":5}}`,
			`{"event":"x","contacts":{"{EMAIL:li.lei@163.com}":{"n":1},"{PHONE:+8613800138000}":"a","{PHONE:13800138000}":[2]},"ips":{"{IPV4:203.0.113.9}":5}}`},
		{"keys and values both", nil,
			`{"li.lei@163.com":"call 13800138000"}`,
			`{"{EMAIL:li.lei@163.com}":"call {PHONE:13800138000}"}`},
		{"generalized values left in the key pass", allKinds(Generalize),
			`[{"203.0.113.9":"203.0.113.45"},"203.0.113.45"]`,
			`[{"203.0.113.0/24":"203.0.113.0/24"},"203.0.113.0/24"]`},
		{"drop members by their keys", allKinds(Drop),
			`{"a":1,"li.lei@163.com":{"x":[1,{"y@z.com":2}]},"b":[{"13800138000":3}],"c":"ok"}`,
			`{"a":1,"b":[{}],"c":"ok"}`},
		{"number under phone key", nil,
			`{"phone":13800138000,"count":13800138000}`,
			`{"phone":"{PHONE:13800138000}","count":13800138000}`},
		{"number under a login key", nil,
			`{"login":4155550132,"login_count":12,"count":4155550132}`,
			`{"login":"{PHONE:4155550132}","login_count":12,"count":4155550132}`},
		{"integer IP under an IP key", nil,
			`{"ip":3405803783,"client_ip":"3405803783","bytes":3405803783}`,
			`{"ip":"{IPV4:203.0.113.7}","client_ip":"{IPV4:203.0.113.7}","bytes":3405803783}`},
		{"array inherits key", nil,
			`{"imei":[490154203237518,"490154203237518"]}`,
			`{"imei":["{IMEI:490154203237518}","{IMEI:490154203237518}"]}`},
		{"nested", nil,
			`{"d":{"mac":"AA:BB:CC:DD:EE:FF","ips":[{"ip":"203.0.113.45"}]}}`,
			`{"d":{"mac":"{MAC:aa:bb:cc:dd:ee:ff}","ips":[{"ip":"{IPV4:203.0.113.45}"}]}}`},
		{"card objects", nil,
			`{"card":{"number":"4242 4242 4242 4242","exp":"12/29","brand":"visa"},"credit_card":"4111111111111111","cards":[{"no":"5555555555554444"}],"order":{"number":"4111111111111111"}}`,
			`{"card":{"number":"{CARD:4242424242424242}","exp":"12/29","brand":"visa"},"credit_card":"{CARD:4111111111111111}","cards":[{"no":"{CARD:5555555555554444}"}],"order":{"number":"4111111111111111"}}`},
		// A key that names a credential, as a label in text does, makes
		// its value one: after a scheme, unless it says there is none.
		{"credential keys", nil,
			`{"password":"hunter2","pin_code":1234,"headers":{"Authorization":"Bearer ya29.a0Af","Cookie":"sid=1; t=2"},"db_password":123456,"pwd":"/srv/app","auth":"none","refreshToken":null,"prompt_tokens":57,"token_type":"bearer"}`,
			`{"password":"{SECRET:hunter2}","pin_code":1234,"headers":{"Authorization":"Bearer {SECRET:ya29.a0Af}","Cookie":"{SECRET:sid=1; t=2}"},"db_password":"{SECRET:123456}","pwd":"/srv/app","auth":"none","refreshToken":null,"prompt_tokens":57,"token_type":"bearer"}`},
		// A private key in PEM goes whole, its escaped line breaks with
		// it (tokenized as the text they stand for); a certificate is
		// public and stays.
		{"private key in pem", nil,
			`{"detail":"-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0B\n-----END PRIVATE KEY-----\n","cert":"-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+g\n-----END CERTIFICATE-----"}`,
			`{"detail":"{SECRET:-----BEGIN PRIVATE KEY-----` + "\n" + `MIIEvQIBADANBgkqhkiG9w0B` + "\n" + `-----END PRIVATE KEY-----}\n","cert":"-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+g\n-----END CERTIFICATE-----"}`},
		// Lists of key-value pairs, as Firebase's and GA4's export write
		// event parameters: the "key" or "name" member names the value's
		// kind, before or after it.
		{"key-value pairs", nil,
			`{"event_params":[{"key":"phone","value":{"string_value":"4155550132"}},{"key":"mac","value":{"string_value":"AABBCCDDEEFF"}},{"key":"imei","value":{"int_value":490154203237518}},{"key":"app_version","value":{"string_value":"1.2.3.4"}},{"key":"count","value":{"int_value":13800138000}}],"attrs":[{"name":"ip","value":"3405803783"},{"value":"4155550132","name":"phone"}],"user":{"name":"Li Wei","value":"4155550132"},"build":{"value":"1.2.3.4"},"contact":{"type":"mobile","value":"4155550132"},"x":{"type":"click","value":13800138000},"y":{"value":490154203237518,"meta":{"a":[1,"}"]},"kind":"imei"},"z":{"value":"4155550132","n":1}}`,
			`{"event_params":[{"key":"phone","value":{"string_value":"{PHONE:+14155550132}"}},{"key":"mac","value":{"string_value":"{MAC:aa:bb:cc:dd:ee:ff}"}},{"key":"imei","value":{"int_value":"{IMEI:49015420323751}"}},{"key":"app_version","value":{"string_value":"1.2.3.4"}},{"key":"count","value":{"int_value":13800138000}}],"attrs":[{"name":"ip","value":"{IPV4:203.0.113.7}"},{"value":"{PHONE:+14155550132}","name":"phone"}],"user":{"name":"Li Wei","value":"4155550132"},"build":{"value":"1.2.3.4"},"contact":{"type":"mobile","value":"{PHONE:+14155550132}"},"x":{"type":"click","value":13800138000},"y":{"value":"{IMEI:49015420323751}","meta":{"a":[1,"}"]},"kind":"imei"},"z":{"value":"4155550132","n":1}}`},
		{"numbers in float form under keys", nil,
			`{"phone":13800138000.0,"mobile":1.3800138E+10,"imei":4.90154203237518e14,"ip":3405803783.0,"n":13800138000.0}`,
			`{"phone":"{PHONE:+8613800138000}","mobile":"{PHONE:+8613800138000}","imei":"{IMEI:49015420323751}","ip":"{IPV4:203.0.113.7}","n":13800138000.0}`},
		// A bare national number takes its reading in the first phone
		// region where it may be written bare and is valid: US, as no
		// Chinese landline goes without its "0". A bare Chinese mobile
		// number is Chinese.
		{"phone objects", nil,
			`{"phone":{"countryCode":1,"nationalNumber":4155550132,"updated_at":1780387200},"phoneNumbers":[{"value":"+1 415 555 0132","type":"work"}],"order":{"value":"4155550132"},"mobile":{"nationalNumber":"13800138000"}}`,
			`{"phone":{"countryCode":1,"nationalNumber":"{PHONE:+14155550132}","updated_at":1780387200},"phoneNumbers":[{"value":"{PHONE:+14155550132}","type":"work"}],"order":{"value":"4155550132"},"mobile":{"nationalNumber":"{PHONE:+8613800138000}"}}`},
		{"label", allKinds(Label),
			`{"user":"li.lei@163.com","phone":13800138000}`,
			`{"user":"[EMAIL]","phone":"[PHONE]"}`},
		{"mask", allKinds(Mask),
			`{"user":"li.lei@163.com","phone":"13800138000","n":13800138000,"mobile":13800138000}`,
			`{"user":"l*****@***.com","phone":"138****8000","n":13800138000,"mobile":"138****8000"}`},
		{"mask keeps escapes whole", allKinds(Mask),
			`{"password":"ab\"cdefgh\"ij","passwd":"a\tbcdefghi\nj"}`,
			`{"password":"ab\"*****h\"ij","passwd":"a\tb*****hi\nj"}`},
		{"generalize", allKinds(Generalize),
			`{"ip":"203.0.113.45","ip6":"2001:db8:85a3::8a2e:370:7334","mac":"AA-BB-CC-DD-EE-FF","user":"Li.Lei@163.COM","pay":"to de89 3704 0044 0532 0130 00"}`,
			`{"ip":"203.0.113.0/24","ip6":"2001:db8:85a3::/48","mac":"aa:bb:cc","user":"{EMAIL:li.lei@163.com}@163.com","pay":"to DE"}`},
		{"generalize an integer IP", allKinds(Generalize),
			`{"ip":3405803783}`,
			`{"ip":"203.0.113.0/24"}`},
		{"generalize falls back to tokens", allKinds(Generalize),
			`{"phone":"13800138000"}`,
			`{"phone":"{PHONE:13800138000}"}`},
		{"drop members", allKinds(Drop),
			`{"user":"li.lei@163.com","a":1,"phone":13800138000,"b":2,"mac":"aa:bb:cc:dd:ee:ff"}`,
			`{"a":1,"b":2}`},
		{"drop first and all", allKinds(Drop),
			`{ "user" : "li.lei@163.com" , "o" : { "email" : "x@y.com" } }`,
			`{   "o" : {  } }`},
		{"drop array elements", allKinds(Drop),
			`{"a":["x@y.com",1,"z@y.com",2,"w@y.com"],"b":["x@y.com"]}`,
			`{"a":[1,2],"b":[]}`},
		{"drop one kind", map[detectors.Kind]Action{detectors.Email: Drop},
			`{"user":"li.lei@163.com","note":"call 13800138000"}`,
			`{"note":"call {PHONE:13800138000}"}`},
		{"drop whole value with other findings", map[detectors.Kind]Action{detectors.Email: Drop},
			`{"note":"call 13800138000 or li.lei@163.com","ok":1}`,
			`{"ok":1}`},
		{"drop top-level string", allKinds(Drop),
			`"li.lei@163.com"`,
			`null`},
		{"top-level array", nil,
			`["li.lei@163.com"]`,
			`["{EMAIL:li.lei@163.com}"]`},
		{"trailing newline", nil,
			"{\"a\":1}\r\n",
			`{"a":1}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newTestWorker(t, Options{Actions: tt.actions})
			got, err := w.Redact(nil, []byte(tt.in), FormatJSON)
			if err != nil {
				t.Fatal(err)
			}
			if want := expandTokens(t, w, tt.want); string(got) != want {
				t.Errorf("Redact(%s)\n got %s\nwant %s", tt.in, got, want)
			}
			if !json.Valid(got) {
				t.Errorf("output is not valid JSON: %s", got)
			}
			again, err := w.Redact(nil, got, FormatJSON)
			if err != nil || !bytes.Equal(again, got) {
				t.Errorf("redacting the output again changed it: %s (%v)", again, err)
			}
		})
	}
}

func TestRedactJSONKeepsKeys(t *testing.T) {
	in := []byte(`{"user":{"email":"li.lei@163.com","phone":[13800138000,"+86 138 0013 8000"]},` +
		`"ctx":{"ip":"203.0.113.45","ua":"Mozilla/5.0","tags":["a","b"],"imei":490154203237518}}`)
	for _, a := range []Action{Tokenize, Mask, Label, Generalize} {
		t.Run(a.String(), func(t *testing.T) {
			w := newTestWorker(t, Options{Actions: allKinds(a)})
			out, err := w.Redact(nil, in, FormatJSON)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := jsonKeys(t, out), jsonKeys(t, in); !reflect.DeepEqual(got, want) {
				t.Errorf("keys changed: %s", out)
			}
			for _, pii := range []string{"li.lei", "13800138000", "0013", "203.0.113.45", "490154203237518"} {
				if strings.Contains(string(out), pii) {
					t.Errorf("%q survived: %s", pii, out)
				}
			}
		})
	}
}

func TestRedactText(t *testing.T) {
	tests := []struct {
		name    string
		actions map[detectors.Kind]Action
		in      string
		want    string
	}{
		{"no findings", nil, "GET /index.html 200", "GET /index.html 200"},
		{"tokens", nil,
			"login user=li.lei@163.com mac=aa:bb:cc:dd:ee:ff",
			"login user={EMAIL:li.lei@163.com} mac={MAC:aa:bb:cc:dd:ee:ff}"},
		{"multibyte", nil,
			"我的手机号是13800138000谢谢",
			"我的手机号是{PHONE:13800138000}谢谢"},
		{"label", allKinds(Label), "mail li.lei@163.com now", "mail [EMAIL] now"},
		{"mask", allKinds(Mask), "手机13800138000谢谢", "手机138****8000谢谢"},
		{"generalize", allKinds(Generalize),
			"from 2001:db8:85a3::8a2e:370:7334 mac aa:bb:cc:dd:ee:ff",
			"from 2001:db8:85a3::/48 mac aa:bb:cc"},
		{"drop", allKinds(Drop), "mail li.lei@163.com now", "mail  now"},
		{"json-looking text", nil, `x {"user":"li.lei@163.com"}`, `x {"user":"{EMAIL:li.lei@163.com}"}`},
		{"trailing newline", nil, "mail li.lei@163.com\n", "mail {EMAIL:li.lei@163.com}"},
		{"an ad ID's label inside a word", nil, // an order ID's "…-ADIDUY" is no "adid="
			"order=ORD-20260602-ADIDUY req=5674e24d-1a89-4aae-8dbf-05eea2ee5cc8", "order=ORD-20260602-ADIDUY req=5674e24d-1a89-4aae-8dbf-05eea2ee5cc8"},
		// Invisible characters next to ASCII are removed before the scan,
		// so that none hides an identifier; between other letters, and in
		// emoji sequences, they stay.
		{"invisible characters in identifiers", nil,
			"mail jane\u200b@example.com, j\u200ca\u200dne@exa\u00admple.com; call +86 138\u20600013\ufeff8000 from 10.1\u200b.2.3 mac aa\u200e:bb:cc:dd:ee:ff",
			"mail {EMAIL:jane@example.com}, {EMAIL:jane@example.com}; call {PHONE:+8613800138000} from {IPV4:10.1.2.3} mac {MAC:aa:bb:cc:dd:ee:ff}"},
		{"small at sign", nil, "邮箱：li.wei﹫163.com，谢谢", "邮箱：{EMAIL:li.wei@163.com}，谢谢"},
		{"invisible characters elsewhere", nil,
			"so\u00adft \u200bhy\u00ad\u200bphen, \u0645\u06cc\u200c\u062e\u0648\u0627\u0645 \U0001F469\u200d\U0001F4BB \u200d",
			"soft hyphen, \u0645\u06cc\u200c\u062e\u0648\u0627\u0645 \U0001F469\u200d\U0001F4BB \u200d"},
		{"empty", nil, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newTestWorker(t, Options{Actions: tt.actions})
			got, err := w.Redact([]byte("prefix|"), []byte(tt.in), FormatAuto)
			if err != nil {
				t.Fatal(err)
			}
			if want := "prefix|" + expandTokens(t, w, tt.want); string(got) != want {
				t.Errorf("Redact(%q)\n got %q\nwant %q", tt.in, got, want)
			}
		})
	}
}

// TestRedactValue reads values as a JSON member's with their names, as
// Kafka headers carry device IDs and numbers that nothing else names.
func TestRedactValue(t *testing.T) {
	w := newTestWorker(t, Options{})
	tests := []struct{ name, value, want string }{
		{"idfa", "6D92078A-8246-4BA4-AE5B-76104861E7DC", "{ADID:6d92078a-8246-4ba4-ae5b-76104861e7dc}"},
		{"x-user-phone", "4155550132", "{PHONE:4155550132}"},
		{"device-mac", "001a2b3c4d5e", "{MAC:00:1a:2b:3c:4d:5e}"},
		{"imei", "490154203237518", "{IMEI:490154203237518}"},
		{"Authorization", "Bearer ya29.a0Af", "Bearer {SECRET:ya29.a0Af}"},
		{"", "mail li.lei@163.com", "mail {EMAIL:li.lei@163.com}"},
		// Not named so: kept, as in a JSON record.
		{"trace-id", "6D92078A-8246-4BA4-AE5B-76104861E7DC", "6D92078A-8246-4BA4-AE5B-76104861E7DC"},
		{"count", "4155550132", "4155550132"},
		{"app_version", "10.0.1.23", "10.0.1.23"},
	}
	for _, tt := range tests {
		got, err := w.RedactValue([]byte("|"), []byte(tt.value), []byte(tt.name))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if want := "|" + expandTokens(t, w, tt.want); string(got) != want {
			t.Errorf("RedactValue(%q, %q)\n got %q\nwant %q", tt.value, tt.name, got, want)
		}
	}
	if _, err := w.RedactValue(nil, []byte("a\xff"), []byte("idfa")); err == nil {
		t.Error("invalid UTF-8 redacted, want an error")
	}
}

func TestRedactFormats(t *testing.T) {
	w := newTestWorker(t, Options{Actions: allKinds(Label)})
	tests := []struct {
		name string
		f    Format
		in   string
		want string
	}{
		{"auto object", FormatAuto, ` {"phone":13800138000}`, ` {"phone":"[PHONE]"}`},
		{"auto text", FormatAuto, `phone 13800138000`, `phone [PHONE]`},
		{"auto array is text", FormatAuto, `[13800138000]`, `[[PHONE]]`},
		{"json array", FormatJSON, `[13800138000]`, `[13800138000]`},
		{"text object", FormatText, `{"phone":13800138000}`, `{"phone":[PHONE]}`},
		// A byte order mark, as Windows tools start a file: kept, and the
		// object after it walked with its keys (a bare MAC needs its key).
		{"object after a bom", FormatAuto, "\ufeff{\"mac\":\"AABBCCDDEEFF\"}", "\ufeff{\"mac\":\"[MAC]\"}"},
		{"json after a bom", FormatJSON, "\ufeff{\"mac\":\"AABBCCDDEEFF\"}", "\ufeff{\"mac\":\"[MAC]\"}"},
		{"text after a bom", FormatAuto, "\ufeffphone 13800138000", "\ufeffphone [PHONE]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := w.Redact(nil, []byte(tt.in), tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestRedactErrors(t *testing.T) {
	deep := strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1)
	tests := []struct {
		name   string
		f      Format
		in     string
		reason Reason
		offset int
	}{
		{"invalid utf8", FormatAuto, "ok \xff li.lei@163.com", ReasonInvalidUTF8, 3},
		{"invalid utf8 json", FormatJSON, "{\"a\":\"\xc3\"}", ReasonInvalidUTF8, 6},
		{"invalid utf8 in a long string", FormatAuto, "{\"a\":\"li.lei@163.com \xe4\xbd \"}", ReasonInvalidUTF8, 21},
		{"invalid utf8 in the word of the closing quote", FormatAuto, "{\"a\":\"ab\xffcd\",\"b\":\"0123456789\"}", ReasonInvalidUTF8, 8},
		{"invalid utf8 in malformed json", FormatAuto, "{\"a\":\"\xff\",}", ReasonInvalidUTF8, 6},
		{"invalid utf8 in a key", FormatAuto, "{\"\xed\xa0\x80\":1}", ReasonInvalidUTF8, 2},
		{"invalid utf8 after a finding", FormatAuto, "{\"e\":\"li.lei@163.com\",\"b\":\"\x80\"}", ReasonInvalidUTF8, 27},
		{"invalid utf8 outside strings", FormatAuto, "{\"a\":1}\xff", ReasonInvalidUTF8, 7},
		{"utf8 outside strings", FormatAuto, "{\"a\":é}", ReasonMalformedJSON, 5},
		{"too large", FormatText, strings.Repeat("a", 4097), ReasonTooLarge, 4096},
		{"too deep", FormatJSON, deep, ReasonTooLarge, MaxDepth},
		{"truncated", FormatAuto, `{"a":`, ReasonMalformedJSON, 5},
		{"unclosed", FormatAuto, `{"a":1`, ReasonMalformedJSON, 6},
		{"trailing comma", FormatAuto, `{"a":1,}`, ReasonMalformedJSON, 7},
		{"trailing data", FormatAuto, `{"a":1} x`, ReasonMalformedJSON, 8},
		{"two values", FormatJSON, `1 2`, ReasonMalformedJSON, 2},
		{"empty json", FormatJSON, ``, ReasonMalformedJSON, 0},
		{"bare key", FormatAuto, `{a:1}`, ReasonMalformedJSON, 1},
		{"missing colon", FormatAuto, `{"a" 1}`, ReasonMalformedJSON, 5},
		{"control char", FormatAuto, "{\"a\":\"x\ty\"}", ReasonMalformedJSON, 7},
		{"bad escape", FormatAuto, `{"a":"\x"}`, ReasonMalformedJSON, 6},
		{"short unicode escape", FormatAuto, `{"a":"\u12"}`, ReasonMalformedJSON, 6},
		{"leading zero", FormatAuto, `{"a":01}`, ReasonMalformedJSON, 6},
		{"bare minus", FormatAuto, `{"a":-}`, ReasonMalformedJSON, 6},
		{"bad fraction", FormatAuto, `{"a":1.}`, ReasonMalformedJSON, 7},
		{"bad exponent", FormatAuto, `{"a":1e}`, ReasonMalformedJSON, 7},
		{"bad literal", FormatAuto, `{"a":nul}`, ReasonMalformedJSON, 5},
		{"mismatched close", FormatAuto, `{"a":[1}`, ReasonMalformedJSON, 7},
		{"single quotes", FormatAuto, `{'a':1}`, ReasonMalformedJSON, 1},
		{"malformed after a bom", FormatAuto, "\ufeff{\"a\":1,}", ReasonMalformedJSON, 10},
		{"malformed after invisible characters", FormatAuto, "{\"a\":1\u200b,\u200b}", ReasonMalformedJSON, 13},
	}
	w := newTestWorker(t, Options{MaxRecordBytes: 4096})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w.Findings()[detectors.Email] = 0
			dst := []byte("kept")
			got, err := w.Redact(dst, []byte(tt.in), tt.f)
			var re *RecordError
			if !errors.As(err, &re) {
				t.Fatalf("err = %v, want a *RecordError", err)
			}
			if re.Reason != tt.reason || re.Offset != tt.offset {
				t.Errorf("got %s at %d, want %s at %d", re.Reason, re.Offset, tt.reason, tt.offset)
			}
			if string(got) != "kept" {
				t.Errorf("dst = %q, want it unchanged", got)
			}
			if n := w.Findings()[detectors.Email]; n != 0 {
				t.Errorf("a rejected record counted %d e-mail findings", n)
			}
		})
	}
}

func TestRecordErrorHasNoPayload(t *testing.T) {
	w := newTestWorker(t, Options{})
	_, err := w.Redact(nil, []byte(`{"user":"li.lei@163.com",}`), FormatAuto)
	if err == nil || strings.Contains(err.Error(), "li.lei") {
		t.Fatalf("err = %v", err)
	}
	if got, want := err.Error(), "transforms: malformed_json at byte 25"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestFindings(t *testing.T) {
	w := newTestWorker(t, Options{Actions: map[detectors.Kind]Action{detectors.Email: Drop}})
	for _, rec := range []string{
		`{"a":"x@y.com","b":["z@y.com","13800138000"]}`,
		"mail x@y.com or q@y.com, call 13800138000",
		`{"a":"x@y.com",`, // rejected: not counted
	} {
		_, _ = w.Redact(nil, []byte(rec), FormatAuto)
	}
	f := w.Findings()
	if f[detectors.Email] != 4 || f[detectors.Phone] != 2 {
		t.Errorf("findings: %d e-mail, %d phone; want 4 and 2", f[detectors.Email], f[detectors.Phone])
	}
}

func TestRedactDeterministic(t *testing.T) {
	rec := []byte(`{"user":"li.lei@163.com","phone":"13800138000"}`)
	a, _ := newTestWorker(t, Options{}).Redact(nil, rec, FormatAuto)
	b, _ := newTestWorker(t, Options{}).Redact(nil, rec, FormatAuto)
	if !bytes.Equal(a, b) {
		t.Errorf("two workers differ:\n%s\n%s", a, b)
	}
	other, err := GenerateKey("k2")
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEngine(testSet, &KeyRing{Active: other, Keys: []*Key{other}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	c, _ := e.NewWorker().Redact(nil, rec, FormatAuto)
	if bytes.Equal(a, c) {
		t.Errorf("two keys made the same tokens: %s", a)
	}
}

func TestNoAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	records := [][]byte{
		[]byte(`{"ts":1700000000,"user":{"email":"li.lei@163.com","phone":13800138000},"dev":{"imei":"490154203237518","mac":"aa:bb:cc:dd:ee:ff","ip":"203.0.113.45"},"msg":"call +86 138 0013 8000 or mail li.lei\u0040163.com"}`),
		[]byte("2024-05-01T10:00:00Z INFO login user=li.lei@163.com ip=2001:db8::1 mac=AA:BB:CC:DD:EE:FF phone 13800138000\n"),
		[]byte("GET /collect?uip=2001%3Adb8%3A%3A1&mac=aa%3Abb%3Acc%3Add%3Aee%3Aff&ip=192.168.001.020 HTTP/1.1"), // encoded and padded forms
		[]byte(`{"contacts":{"li.lei@163.com":{"n":1},"+8613800138000":[2,"x@y.com"]},"ips":{"203.0.113.9":5}}`), // keys with personal data
		[]byte(`{"phone":"010 8462 6587","device":{"locale":"ko_KR"}}`),                                          // a locale read for the phone
		[]byte("제 번호는 010 8462 6587입니다"),                                                                         // a script read for it
		[]byte("mail li.lei\u200b@163.com, call 138\u00ad0013 8000"),                                             // invisible characters removed
		[]byte(`{"note":"mail li.lei\u200b@163.com"}`),                                                           // and escaped ones
	}
	for _, a := range []Action{Tokenize, Mask, Label, Generalize, Drop} {
		w := newTestWorker(t, Options{Actions: allKinds(a)})
		dst := make([]byte, 0, 4096)
		for _, rec := range records {
			if _, err := w.Redact(dst[:0], rec, FormatAuto); err != nil {
				t.Fatal(err)
			}
			if n := testing.AllocsPerRun(100, func() { _, _ = w.Redact(dst[:0], rec, FormatAuto) }); n != 0 {
				t.Errorf("%s: Redact(%.20q...) allocates %.1f times per record", a, rec, n)
			}
		}
	}
	// Cache misses: every record holds a new value.
	w := newTestWorker(t, Options{})
	dst := make([]byte, 0, 4096)
	rec := []byte(`{"email":"u0000000@example.com"}`)
	_, _ = w.Redact(dst[:0], rec, FormatAuto)
	i := 0
	n := testing.AllocsPerRun(100, func() {
		i++
		copy(rec[11:18], []byte{byte('0' + i%10), byte('0' + i/10%10), byte('0' + i/100%10)})
		_, _ = w.Redact(dst[:0], rec, FormatAuto)
	})
	if n != 0 {
		t.Errorf("Redact with new values allocates %.1f times per record", n)
	}
}

// TestLocalePrefersRegion checks that a record's locale or country field,
// or else its script, decides the region of a national number valid in
// several, and nothing else: a number not valid there, and a record
// without either, read as before.
func TestLocalePrefersRegion(t *testing.T) {
	w := newTestWorker(t, Options{})
	token := func(e164 string) string { return string(w.AppendToken(nil, detectors.Phone, []byte(e164))) }
	for _, tt := range []struct{ rec, want string }{
		{`{"phone":"010 8462 6587","device":{"locale":"ko_KR"}}`, token("+821084626587")},
		{`{"device":{"locale":"zh-Hans-CN"},"phone":"010 8462 6587"}`, token("+861084626587")},
		{`{"phone":"010 8462 6587"}`, token("+861084626587")},                                 // the default order: CN first
		{`{"country":"kr","contact":"call 010 8462 6587"}`, token("+821084626587")},           // in text too
		{`{"locale":"xx_XX","country":"KR","phone":"010 8462 6587"}`, token("+821084626587")}, // the first field naming a region
		{`{"locale":"ja_JP","phone":"(415) 555-0132"}`, token("+14155550132")},                // not valid in Japan
		{`{"note":"\"locale\":\"ko_KR\"","phone":"010 8462 6587"}`, token("+861084626587")},   // a string is no field
		{`{"locale":["ko_KR"],"phone":"010 8462 6587"}`, token("+861084626587")},              // nor a list
		{`{"ui_locale":"ko_KR","phone":"010 8462 6587"}`, token("+861084626587")},             // nor a key that ends in one
		{`{"text":"제 번호는 010 8462 6587입니다"}`, token("+821084626587")},                         // Korean text
		{`{"phone":"010 8462 6587","name":"김민준"}`, token("+821084626587")},                    // anywhere in the record
		{`{"locale":"zh_CN","text":"제 번호는 010 8462 6587"}`, token("+861084626587")},           // a locale before the script
		{`제 번호는 010 8462 6587입니다`, token("+821084626587")},                                    // a text record
		{`{"locale":"en_GB","phone":"090-4300-5719"}`, token("+819043005719")},                // laid out as in Japan
	} {
		out, err := w.Redact(nil, []byte(tt.rec), FormatAuto)
		if err != nil || !strings.Contains(string(out), tt.want) {
			t.Errorf("Redact(%s) = %s, %v; want the token %s", tt.rec, out, err, tt.want)
		}
	}
	off := newTestWorker(t, Options{LocaleFields: []string{}})
	out, _ := off.Redact(nil, []byte(`{"phone":"010 8462 6587","locale":"ko_KR"}`), FormatJSON)
	if want := string(off.AppendToken(nil, detectors.Phone, []byte("+861084626587"))); !strings.Contains(string(out), want) {
		t.Errorf("with no locale fields: %s, want %s", out, want)
	}
	if _, err := NewEngine(testSet, testRing, Options{LocaleFields: []string{`a"b`}}); err == nil {
		t.Error("a locale field with a quote is accepted")
	}
}

// TestWorkersConcurrent runs workers of one engine in parallel (under -race
// this checks that the engine is read-only) and compares their output with
// one worker's, while another goroutine reads the findings counters.
func TestWorkersConcurrent(t *testing.T) {
	e, err := NewEngine(testSet, testRing, Options{})
	if err != nil {
		t.Fatal(err)
	}
	recs := benchCorpus(t, "mixed")
	ref := e.NewWorker()
	var want [][]byte
	for _, r := range recs {
		out, err := ref.Redact(nil, r, FormatAuto)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, out)
	}
	var wg sync.WaitGroup
	for range 4 {
		w := e.NewWorker()
		wg.Add(2)
		go func() {
			defer wg.Done()
			for range 3 {
				for i, r := range recs {
					if out, err := w.Redact(nil, r, FormatAuto); err != nil || !bytes.Equal(out, want[i]) {
						t.Errorf("record %d differs: %s (%v)", i, out, err)
						return
					}
				}
			}
		}()
		go func() {
			defer wg.Done()
			for range 100 {
				_ = atomic.LoadUint64(&w.Findings()[detectors.Email])
			}
		}()
	}
	wg.Wait()
}

func TestAppendIntegerForm(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"13800138000", "", false}, // already integer digits: used as it is
		{"13800138000.0", "13800138000", true},
		{"13800138000.000", "13800138000", true},
		{"1.3800138E+10", "13800138000", true},
		{"1.3800138e10", "13800138000", true},
		{"138001380000e-1", "13800138000", true},
		{"-1.5e1", "-15", true},
		{"0.0", "0", true},
		{"0e5", "0", true},
		{"1.5", "", false},
		{"1.38001385e9", "1380013850", true},
		{"1.380013855e8", "", false},
		{"1e-1", "", false},
		{"1e25", "", false},
		{"1e400", "", false},
		{"1e99999999999999999999", "", false},
	}
	for _, tt := range tests {
		got, ok := appendIntegerForm([]byte("x"), []byte(tt.in))
		if ok != tt.ok || ok && string(got) != "x"+tt.want || !ok && string(got) != "x" {
			t.Errorf("appendIntegerForm(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
