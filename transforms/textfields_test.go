package transforms

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors"
)

// fieldStrings returns the fields of text as key=value, with a '"' before
// the '=' of a quoted value, a 'J' before it for a JSON key and an 'N' for
// a nested one.
func fieldStrings(text string) []string {
	var out []string
	for _, f := range appendTextKeys(nil, []byte(text)) {
		if !readValue([]byte(text), &f, false) {
			continue
		}
		marks := ""
		if f.json {
			marks += "J"
		}
		if f.nested {
			marks += "N"
		}
		if f.str {
			marks += `"`
		}
		out = append(out, text[f.keyStart:f.keyEnd]+marks+"="+text[f.valStart:f.valEnd])
	}
	return out
}

func TestTextFields(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{`level=info user_id=u_1 msg="login ok" n=3`, []string{"level=info", "user_id=u_1", `msg"=login ok`, "n=3"}},
		{`user_id=u_1, serial=S1; (uid=u2) [a=b] {c=d} "e=f"`, []string{"user_id=u_1", "serial=S1", "uid=u2", "a=b", "c=d", "e=f"}},
		{`call(a=b)x f[i]=2`, []string{"a=b"}},
		// A list's members, as Java's and Kotlin's toString print an
		// object: an unquoted value runs to the next member or the
		// closing bracket.
		{`User(id=42, email=a@b.example.com, name=Li Wei) done`, []string{"id=42", "email=a@b.example.com", "name=Li Wei"}},
		{`saved {id=42, name=Li Wei (Jr.), city=Springfield, IL, n=}`, []string{"id=42", "name=Li Wei (Jr.)", "city=Springfield, IL"}},
		{"User(name=Li Wei\nnext b", []string{"name=Li Wei"}},
		{`a=1, b=two words`, []string{"a=1", "b=two"}},
		{`f(x)=1 a==b a=>b a= b a=`, nil},
		{`GET /p?user_id=u_1&x=2#frag&y=3 HTTP/1.1`, []string{"user_id=u_1", "x=2", "y=3"}},
		{`run --user-id=u_1 -v.x=2`, []string{"user-id=u_1", "v.x=2"}},
		{`msg="a \"q\" b=c" d=e`, []string{`msg"=a \"q\" b=c`, "b=c", "d=e"}},
		{`user_id="u_1 cut short`, []string{`user_id"=u_1 cut short`}},
		{`body: {"user_id":"u_1", "age": 30,"ok":true,"o":{"x":1},"l":[1]}`, []string{`user_idJ"=u_1`, "ageJ=30", "okJ=true", "xJ=1"}},
		{`{"a\"b":"c","d":"e\"f"}`, []string{`dJ"=e\"f`}}, // a key with a quote is none
		{`msg="{\"user_id\":\"u_1\",\"age\":9}"`, []string{`msg"={\"user_id\":\"u_1\",\"age\":9}`, `user_idJN"=u_1`, "ageJN=9"}},
		{`"k": v, note: "x" x"y":1 "":2`, []string{"kJ=v"}},
		{`kwargs={'user_id': 'u_1', 'age': 9, "k":'v', 'q': "w"}`, []string{"kwargs={'user_id':", `user_idJ"=u_1`, "ageJ=9"}},
		{`it's: 'a'`, nil},
		{`Parameters: {"user_id"=>"42", "n" => 7, "o"=>{"a"=>1}} x"y"=>1 =>2`, []string{`user_idJ"=42`, "nJ=7", "aJ=1"}},
		{`User{userId=u_1, name='Li Wei'}`, []string{"userId=u_1", `name"=Li Wei`}},
		{`time 10:11:12 a.b:c ok`, nil},
		// An object's unquoted keys, as Node and Go print objects; not
		// words and colons outside braces.
		{`created { userId: 'u_1', age: 30, o: { x: 1 }, l: [1], ok: true }`, []string{`userId"=u_1`, "age=30", "x=1", "ok=true"}},
		{`{UserID:u_1 Name:Li Wei Tags:[a] Addr:{City:X} Age:9}`, []string{"UserID=u_1", "Name=Li Wei", "City=X", "Age=9"}},
		{"{\n  user_id: 42,\n  \"k\": 1\n}", []string{"user_id=42", "kJ=1"}},
		{`Subject: girl, Age: 9, name:Li {} after: x`, nil},
		{`{a: {b: 1}} c: 2, {x: "y" 9z: 1, $id: 7}`, []string{"b=1", `x"=y`, "$id=7"}},
		{strings.Repeat("k", maxTextKey+1) + "=v " + strings.Repeat("k", maxTextKey) + "=w", []string{strings.Repeat("k", maxTextKey) + "=w"}},
	}
	for _, tt := range tests {
		if got := fieldStrings(tt.text); fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

// textPolicy is a profile like the defaults: user IDs and serial numbers
// tokenized, names dropped, locations and birth dates generalized, and a
// gate on consent and age.
var textPolicy = ProfileOptions{
	Fields: []FieldRule{
		{Path: "user_id", Action: FieldTokenize, Kind: detectors.User},
		{Path: "user.id", Action: FieldTokenize, Kind: detectors.User},
		{Path: "serial", Action: FieldTokenize},
		{Path: "name", Action: FieldDrop},
		{Path: "profile", Action: FieldDrop},
		{Path: "lat", Action: FieldGeneralize, Decimals: 2},
		{Path: "dob", Action: FieldGeneralize, Truncate: TruncateYear},
		{Path: "nick", Action: FieldMask},
		{Path: "model", Action: FieldKeep},
		{Path: "/users", Action: FieldTokenize, Kind: detectors.User}, {Path: "/user", Action: FieldTokenize, Kind: detectors.User},
		{Path: "/home", Action: FieldTokenize}, {Path: "/Users", Action: FieldTokenize}, {Path: "remote_user", Action: FieldTokenize}, {Path: "username", Action: FieldTokenize},
	},
	Policy: PolicyFields{
		User: []string{"user_id", "user.id", "/users"}, Consent: []string{"consent.training"}, Age: []string{"age"}, MinAge: 13,
		Now: func() time.Time { return time.Date(2026, 6, 2, 10, 0, 0, 0, time.UTC) }, StatedAge: true,
	},
	Language: &LanguageOptions{TextFields: []string{"text"}, Names: true}, // free text, its language not detected
}

func TestTextFieldRules(t *testing.T) {
	w, p := newProfileWorker(t, textPolicy)
	tests := []struct {
		name, in, want string // {KIND:value} stands for the token of value
	}{
		{"logfmt", `level=info user_id=u_8f3a serial=R58M1 msg="ok"`, `level=info user_id={USER:u_8f3a} serial={FIELD:R58M1} msg="ok"`},
		{"dotted key", `user.id=u_1 x.user.id=u_2`, `user.id={USER:u_1} x.user.id=u_2`},
		{"quoted", `name="Li Wei" nick="kittycat" lat=31.230416,121.473701 dob=1990-05-01`, `name="" nick="kit***at" lat=31.23,121.47 dob=1990-01-01`},
		{"in a container dropped", `profile.age=30 profile.city=x`, `profile.age= profile.city=`},
		{"query string", `GET /a?user_id=u_1&q=cats HTTP/1.1`, `GET /a?user_id={USER:u_1}&q=cats HTTP/1.1`},
		{"JSON in text", `body: {"user_id":"u_1","name":"Li","lat":31.230416,"user_id2":1}`, `body: {"user_id":"{USER:u_1}","name":"","lat":31.23,"user_id2":1}`},
		{"JSON number tokenized", `{"serial":12345, "name":7}`, `{"serial":"{FIELD:12345}", "name":null}`},
		{"a Ruby hash", `Parameters: {"user_id"=>"42", "name"=>"Li Wei", "serial" => 7}`, `Parameters: {"user_id"=>"{USER:42}", "name"=>"", "serial" => "{FIELD:7}"}`},
		{"single quotes", `User{userId=u_1, name='Li Wei'}`, `User{userId=u_1, name=''}`},
		{"a Python dict", `kwargs={'user_id': 'u_1', 'name': 'Li', 'serial': 77}`, `kwargs={'user_id': '{USER:u_1}', 'name': '', 'serial': "{FIELD:77}"}`},
		{"JSON in a string", `msg="{\"user_id\":\"u_1\",\"serial\":77}"`, `msg="{\"user_id\":\"{USER:u_1}\",\"serial\":{FIELD:77}}"`},
		{"field in a value", `msg="login user_id=u_1" n=1`, `msg="login user_id={USER:u_1}" n=1`},
		{"inside a ruled value", `serial="a user_id=u_1"`, `serial="{FIELD:a user_id=u_1}"`},
		{"cut short", `user_id="u_1 and the rest`, `user_id="{USER:u_1 and the rest}`},
		{"keep skips findings", `model="call 138 0013 8000" x="call 138 0013 8000"`, `model="call 138 0013 8000" x="call {PHONE:138 0013 8000}"`},
		{"findings around", `mail a@b.example.com user_id=u_1 ip 10.1.2.3`, `mail {EMAIL:a@b.example.com} user_id={USER:u_1} ip {IPV4:10.1.2.3}`},
		{"a finding in the value", `user_id=a@b.example.com`, `user_id={USER:a@b.example.com}`},
		{"an object as Node prints it", `created { user_id: 'u_1', name: 'Li Wei', age: 30, o: { serial: 77 } }`, `created { user_id: '{USER:u_1}', name: '', age: 30, o: { serial: {FIELD:77} } }`},
		{"a struct as Go prints it", `saved {user_id:u_1 Name:Li Wei Serial:R58M1}`, `saved {user_id:{USER:u_1} Name: Serial:{FIELD:R58M1}}`},
		{"words and colons", `Subject: girl, name: Li, Age: 9`, `Subject: girl, name: Li, Age: 9`},
		{"a finding that holds the value", `Cookie: a=1; serial=9c2e7b1d4f6a`, `Cookie: {SECRET:a=1; serial=9c2e7b1d4f6a}`},
		{"no rule", `login=li.wei uid=1`, `login=li.wei uid=1`},
		{"a list as Java prints an object", `Created User(id=42, name=Li Wei, serial=R58 M1) ok`, `Created User(id=42, name=, serial={FIELD:R58 M1}) ok`},
		{"a coordinate's key", `user_lat=37.77493 user_lng=-122.41942 flat=1.23456`, `user_lat=37.77 user_lng=-122.42 flat=1.23456`},
		{"user in text", `user=li.wei GET /a?User=bob&x=1 {"user":"li"} { user: x } user.id=u_1 x.user.n=y`, `user={FIELD:li.wei} GET /a?User={FIELD:bob}&x=1 {"user":"{FIELD:li}"} { user: {FIELD:x} } user.id={USER:u_1} x.user.n=y`},
		{"key glued to a word", `203.0.113.123.serial=1 <IPV4:k1:ystnyjmvjgshwsrnzjywqxgm>.serial=2 --serial=3 (.serial=4`, `{IPV4:203.0.113.123}.serial=1 <IPV4:k1:ystnyjmvjgshwsrnzjywqxgm>.serial=2 --serial={FIELD:3} (.serial={FIELD:4}`},
		{"no value", `user_id=- serial="" nick=- {"serial":"","user_id":"-"}`, `user_id=- serial="" nick=- {"serial":"","user_id":"-"}`},
		{"a URL's path", `"GET /api/v1/users/12345/photos?x=1 HTTP/1.1" path=/users/u_8f3a`, `"GET /api/v1/users/{USER:12345}/photos?x=1 HTTP/1.1" path=/users/{USER:u_8f3a}`},
		{"a home directory's path", `at /home/liwei/app/main.py (/Users/li.wei/Library/x.log) /home/ /Users/ /users/liwei`, `at /home/{FIELD:liwei}/app/main.py (/Users/{FIELD:li.wei}/Library/x.log) /home/ /Users/ /users/liwei`},
		{"a Windows home directory's path", `opened C:\Users\liwei\AppData\x.db, c:\users\Li Wei\Desktop D:\Users\x and C:\Users\ then`, `opened C:\Users\{FIELD:liwei}\AppData\x.db, c:\users\{FIELD:Li Wei}\Desktop D:\Users\{FIELD:x} and C:\Users\ then`},
		{"an access log's user", `203.0.113.7 - liwei [10/Oct/2026:13:55:36 +0000] "GET / HTTP/1.1" 200 2`, `{IPV4:203.0.113.7} - {FIELD:liwei} [10/Oct/2026:13:55:36 +0000] "GET / HTTP/1.1" 200 2`},
		{"sshd accepted", `sshd[1234]: Accepted publickey for liwei from 203.0.113.7 port 52113 ssh2`, `sshd[1234]: Accepted publickey for {FIELD:liwei} from {IPV4:203.0.113.7} port 52113 ssh2`},
		{"sshd key fingerprint", `sshd[1234]: Accepted publickey for liwei from 203.0.113.7 port 52113 ssh2: ED25519 SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s`,
			`sshd[1234]: Accepted publickey for {FIELD:liwei} from {IPV4:203.0.113.7} port 52113 ssh2: ED25519 SHA256:{FIELD:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s}`},
		{"sshd invalid user", `sshd[1]: Failed password for invalid user admin from 198.51.100.9 port 4242`, `sshd[1]: Failed password for invalid user {FIELD:admin} from {IPV4:198.51.100.9} port 4242`},
		{"sshd invalid user, alone", `sshd[1]: Invalid user oracle from 198.51.100.9`, `sshd[1]: Invalid user {FIELD:oracle} from {IPV4:198.51.100.9}`},
		{"sshd closed", `sshd[1]: Connection closed by authenticating user liwei 203.0.113.7 port 22 [preauth]`, `sshd[1]: Connection closed by authenticating user {FIELD:liwei} {IPV4:203.0.113.7} port 22 [preauth]`},
		{"not sshd's", `app: Invalid user oracle from the form`, `app: Invalid user oracle from the form`},
		{"logind", `web1 systemd-logind[812]: New session 3 of user liwei.`, `web1 systemd-logind[812]: New session 3 of user {FIELD:liwei}.`},
		{"not logind's", `app: a list of user preferences`, `app: a list of user preferences`},
		{"pam session", `pam_unix(sshd:session): session opened for user liwei(uid=1000) by (uid=0)`, `pam_unix(sshd:session): session opened for user {FIELD:liwei}(uid=1000) by (uid=0)`},
		{"su by", `web1 su: pam_unix(su:session): session closed for user root by liwei(uid=1000)`, `web1 su: pam_unix(su:session): session closed for user {FIELD:root} by {FIELD:liwei}(uid=1000)`},
		{"sudo", `web1 sudo:    liwei : TTY=pts/0 ; COMMAND=/bin/ls`, `web1 sudo:    {FIELD:liwei} : TTY=pts/0 ; COMMAND=/bin/ls`},
		{"not an auth log", `waiting for user input from the queue; thanks for nothing from us; made by hand(uid=`, `waiting for user input from the queue; thanks for nothing from us; made by hand(uid=`},
		{"an address after a dropped value is part of it", `{a: 1 name:000000 A00::`, `{a: 1 name:`},
		{"an access log's user, none", `203.0.113.7 - - [10/Oct/2026:13:55:36 +0000] "GET / HTTP/1.1" 200 2 a - b [x] c - d [1/`, `{IPV4:203.0.113.7} - - [10/Oct/2026:13:55:36 +0000] "GET / HTTP/1.1" 200 2 a - b [x] c - d [1/`},
		{"an Android app's files", `saved /data/user/0/com.pixel.app/files/a.jpg, /data/user/10/x /v1/user/42/x`, `saved /data/user/0/com.pixel.app/files/a.jpg, /data/user/10/x /v1/user/{USER:42}/x`},
		{"a URL's path, no ID", `GET /users/me /users/search?q=1 /superusers/123 /users/`, `GET /users/me /users/search?q=1 /superusers/123 /users/`},
		{"a device's name", `dhcpd: DHCPACK to a4:83:e7:05:6c:01 (Johns-iPhone) via eth0; mDNS: "Anna's MacBook Pro"`,
			`dhcpd: DHCPACK to {MAC:a4:83:e7:05:6c:01} ({NAME:Johns}-iPhone) via eth0; mDNS: "{NAME:Anna}'s MacBook Pro"`},
		{"an address's display name", `mail from="Jane Doe" <jane@x.example> to=<bob@x.example>; sent to Maria Garcia <m@x.example>`,
			`mail from="{NAME:Jane Doe}" <{EMAIL:jane@x.example}> to=<{EMAIL:bob@x.example}>; sent to {NAME:Maria Garcia} <{EMAIL:m@x.example}>`},
		{"an unquoted name of words", `name=Li Wei logged in; name=Sean O'Brien-Smith ok; name=li wei; name=Li ERROR; name=Li Wei=1 city=Berlin`,
			`name= logged in; name= ok; name= wei; name= ERROR; name= Wei=1 city=Berlin`},
		{"an unquoted name of words, tokenized", `serial=Jane Doe logged in`, `serial={FIELD:Jane Doe} logged in`},
		{"a text field's value is free text", `INFO generate text="my name is Li Wei, draw me" serial=R58M1 title=x`,
			`INFO generate text="my name is {NAME:li wei}, draw me" serial={FIELD:R58M1} title=x`},
		{"a name before an address in parentheses", `customer Jane Doe (jane@x.example) not found; Contact Support (help@x.example)`,
			`customer {NAME:Jane Doe} ({EMAIL:jane@x.example}) not found; Contact Support ({EMAIL:help@x.example})`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := w.RedactRecord(nil, []byte(tt.in), FormatText, p)
			if err != nil {
				t.Fatal(err)
			}
			want := expandTokens(t, w, tt.want)
			if string(out) != want {
				t.Fatalf("in   %s\n got %s\nwant %s", tt.in, out, want)
			}
			again, _, err := w.RedactRecord(nil, out, FormatText, p)
			if err != nil || string(again) != want {
				t.Fatalf("not idempotent (%v): %s", err, again)
			}
		})
	}
}

// TestValueFields: in a JSON record, the fields of a string value are read
// as a text record's are, and the output stays JSON.
func TestValueFields(t *testing.T) {
	w, p := newProfileWorker(t, textPolicy)
	tests := []struct{ in, want string }{
		{`{"deeplink":"pixel://share?serial=S1&x=1","note":"serial=S2"}`, `{"deeplink":"pixel://share?serial={FIELD:S1}&x=1","note":"serial={FIELD:S2}"}`},
		{`{"log":"GET /api/users/42 HTTP/1.1\" 200 user_id=u_1\n","stream":"stdout"}`, `{"log":"GET /api/users/{USER:42} HTTP/1.1\" 200 user_id={USER:u_1}\n","stream":"stdout"}`},
		{`{"payload":"{\"serial\":\"S1\",\"n\":1}","a":"b:c"}`, `{"payload":"{\"serial\":\"{FIELD:S1}\",\"n\":1}","a":"b:c"}`},
		{`{"to":"\"Jane Doe\" <jane@x.example>","cc":"Maria Garcia <m@x.example>"}`, `{"to":"\"{NAME:Jane Doe}\" <{EMAIL:jane@x.example}>","cc":"{NAME:Maria Garcia} <{EMAIL:m@x.example}>"}`},
		{`{"http":{"endpoint":"/api/users/42/photos"}}`, `{"http":{"endpoint":"/api/users/{USER:42}/photos"}}`},
		{`{"log":"GET /api/users/42\n","msg":"at /users/42\"x"}`, `{"log":"GET /api/users/{USER:42}\n","msg":"at /users/{USER:42}\"x"}`},
		{`{"Referrer":"utm_source=x&name=Li+Wei&lat=31.230416"}`, `{"Referrer":"utm_source=x&name=&lat=31.23"}`},
		{`{"url":"?q={'serial': 77, 'name': 'Li'} mail a@b.example.com"}`, `{"url":"?q={'serial': {FIELD:77}, 'name': ''} mail {EMAIL:a@b.example.com}"}`},
		{`{"url":"https://x.example/?a=1"}`, `{"url":"https://x.example/?a=1"}`},
		{`{"log":"user_id=u_1 \u00e9 serial=S\u00e92 \"q\" user_id=u_3\n"}`, `{"log":"user_id={USER:u_1} é serial={FIELD:Sé2} \"q\" user_id={USER:u_3}\n"}`},
	}
	for _, tt := range tests {
		out, _, err := w.RedactRecord(nil, []byte(tt.in), FormatJSON, p)
		if want := expandTokens(t, w, tt.want); err != nil || string(out) != want {
			t.Errorf("in   %s\n got %s (%v)\nwant %s", tt.in, out, err, want)
		}
		if !json.Valid(out) {
			t.Errorf("not JSON: %s", out)
		}
	}
	if _, facts, _ := w.RedactRecord(nil, []byte(`{"path":"/users/42/avatar"}`), FormatJSON, p); facts.User != *w.macOf(detectors.User, formText, []byte("42")) {
		t.Errorf("the user in a URL is not the record's: %+v", facts)
	}
}

// A finding that runs into a ruled value is cut at its edge: the value
// gets its rule, and no part of the finding is left.
func TestTextFieldCutsFindings(t *testing.T) {
	w, p := newProfileWorker(t, textPolicy)
	in := `call +86 138 0013 serial=8000x done`
	out, _, err := w.RedactRecord(nil, []byte(in), FormatText, p)
	if err != nil {
		t.Fatal(err)
	}
	for _, part := range []string{"138", "8000"} {
		if strings.Contains(string(out), part) {
			t.Errorf("%q left in %s", part, out)
		}
	}
	if !strings.Contains(string(out), "serial="+string(w.AppendToken(nil, detectors.Field, []byte("8000x")))) {
		t.Errorf("serial not tokenized as a field: %s", out)
	}
}

func TestTextFacts(t *testing.T) {
	w, p := newProfileWorker(t, textPolicy)
	mac := func(id string) UserMAC { return *w.macOf(detectors.User, formText, []byte(id)) }
	tests := []factsCase{
		{"user", `level=info user_id=u_1`, Facts{User: mac("u_1"), HasUser: true}},
		{"user in JSON", `body {"user_id":"u_1"}`, Facts{User: mac("u_1"), HasUser: true}},
		{"user in JSON, a number", `body {"user_id":42}`, Facts{User: mac("42"), HasUser: true}},
		{"first user wins", `user.id=u_2 user_id=u_1`, Facts{User: mac("u_1"), HasUser: true}},
		{"consent refused", `consent.training=false user_id=u_1`, Facts{User: mac("u_1"), HasUser: true, Consent: ConsentRefused}},
		{"consent granted", `{"consent.training":true}`, Facts{}}, // a JSON key with a dot is one key
		{"young", `age=9`, Facts{Minor: true}},
		{"young in JSON", `{"age":"9"}`, Facts{Minor: true}},
		{"adult", `age=30 n=9`, Facts{}},
		{"an age in a value counts", `age=30 msg="age=9"`, Facts{Minor: true}},
		{"no fields", `the user is 9 years old`, Facts{}},
		{"user in a URL", `GET /users/42/avatar`, Facts{User: mac("42"), HasUser: true}},
		{"user in a URL after a field's", `GET /users/42/avatar user_id=u_1`, Facts{User: mac("u_1"), HasUser: true}},
	}
	checkFacts(t, w, p, FormatText, tests)
}

// A value a rule tokenizes is tokenized once: a token of its kind is kept.
func TestRuledTokensIdempotent(t *testing.T) {
	w, p := newProfileWorker(t, textPolicy)
	for _, in := range []string{`{"user_id":"u_1","serial":"S1","x":{"user_id":7}}`, `user_id=u_1 serial="S 1"`,
		`{"serial":"352099001761481","x":{"serial":"li@163.com"}}`, `serial=352099001761481`,
		// A dropped value leaves a quote that closes a string, not one
		// that opens a value; a generalized address is a network.
		`msg="login name=LiWei" ip=1.2.3.4 took=5ms`, `name=0"' x`, `{"url":"x name=ab\"cd y"}`, `"lat":::`, `0{nAme: user_id=Uww9Z A:: 0`,
		`0{nAme: A:: 0`, `0{nAme:Li A:1::2 0}`, `0{nAme: ab:cd:ef:01:23:45 0}`, `x {Name: Age:9}`, `{"url":"a nAme=0'\""}`, `{"url":"a seriAL=\\n"}`, `x "lAt":0 201000`, `{"url":"a nAme=0'\t"}`, `0 user_id=U6689Z user.id=0201 000`, `seriAl=0720 000!0`, `0{nAme: $1::`, `0{nAme: $1:2:: 0}`, `0{nAme: $::1`, `x "lAt":00 201000`} {
		once, _, err := w.RedactRecord(nil, []byte(in), FormatAuto, p)
		if err != nil {
			t.Fatal(err)
		}
		twice, _, err := w.RedactRecord(nil, once, FormatAuto, p)
		if err != nil || string(twice) != string(once) {
			t.Errorf("%s: once %s, twice %s (%v)", in, once, twice, err)
		}
	}
	// Another kind's token, or one under another key, is tokenized.
	tok := string(w.AppendToken(nil, detectors.Field, []byte("S1")))
	out, _, _ := w.RedactRecord(nil, []byte(`{"user_id":"`+tok+`"}`), FormatAuto, p)
	if strings.Contains(string(out), tok) {
		t.Errorf("a FIELD token kept as a USER one: %s", out)
	}
}

func TestTextFieldsNoAllocs(t *testing.T) {
	w, p := newProfileWorker(t, textPolicy)
	dst := make([]byte, 0, 1024)
	for _, rec := range [][]byte{
		[]byte(`time=2026-06-02T10:11:12Z level=info path=/api/users/42/avatar user_id=u_8f3a serial=R58M1 name="Li Wei" lat=31.230416 mail=a@b.example.com body={"age":30,"user_id":"u_8f3a"}`),
		[]byte(`{"log":"GET /api/users/42/avatar user_id=u_8f3a name=\"Li Wei\" mail=a@b.example.com\n","stream":"stdout"}`),
		[]byte(`created { user_id: 'u_8f3a', name: 'Li Wei', o: { serial: 77 } } saved {Name:Li Wei Age:30}`),
	} {
		for range 3 {
			_, _, _ = w.RedactRecord(dst[:0], rec, FormatAuto, p)
		}
		if n := testing.AllocsPerRun(100, func() { _, _, _ = w.RedactRecord(dst[:0], rec, FormatAuto, p) }); n != 0 {
			t.Fatalf("%v allocations per record with a profile: %s", n, rec)
		}
	}
}

// FuzzTextFields checks the fields of any text: in order of their '=' or
// ':', keys and values inside it; and that under a profile a user ID after
// "user_id=", "/users/" or "{user_id: ", a login name after "/home/" or
// "C:\Users\" in any text, an access log line's user and an authentication
// log's (sshd, PAM), also in a JSON
// string value, is
// gone from the output, which redacting again does not change and which
// stays JSON.
func FuzzTextFields(f *testing.F) {
	f.Add(`level=info msg="a b`, `n=1 body={"x":"y"}`, uint64(42))
	f.Add(`GET /a?b=1&`, `&c=2#x HTTP/1.1`, uint64(1<<40))
	f.Add(`msg="{\"user_id\":`, `\"}"`, uint64(7))
	f.Add(`call +86 138 0013`, `8000 done`, uint64(8000))
	f.Add(`serial="`, `" name=`, uint64(99))
	f.Add(`File "/Users/`, `/Library/x.py", line 3`, uint64(5))
	f.Add(`User(id=42, `, `, name=Li Wei (Jr.)) done`, uint64(6))
	f.Add(`INFO text="my name is Li Wei, `, `" name=Jane Doe Smith ok`, uint64(11))
	w, p := newProfileWorker(f, textPolicy)
	f.Fuzz(func(t *testing.T, before, after string, n uint64) {
		for _, text := range []string{before, after} {
			b := []byte(text)
			last := -1
			for _, tf := range appendTextKeys(nil, b) {
				if !readValue(b, &tf, false) {
					continue
				}
				at := tf.valStart - 1
				if tf.json || tf.str || tf.object {
					at = bytes.LastIndexAny(b[:tf.valStart], ":=")
				}
				if at <= last || tf.keyStart >= tf.keyEnd || tf.keyEnd > at || tf.valStart > tf.valEnd || tf.valEnd > len(b) {
					t.Fatalf("%q: bad field %+v", text, tf)
				}
				last = at
			}
		}
		id := "U" + strconv.FormatUint(n, 36) + "9Z"
		if strings.Contains(before, id) || strings.Contains(after, id) {
			return
		}
		recs := []string{before + " user_id=" + id + " " + after, before + " /users/" + id + " " + after, before + " {user_id: " + id + "} " + after,
			before + " /home/" + id + "/app " + after, "10.0.0.1 - " + id + " [10/Oct/2026:13:55:36 +0000] " + before + after,
			before + ` C:\Users\` + id + `\AppData ` + after}
		for _, rec := range recs[:6] {
			// The same text as a JSON value whose key names a URL.
			if doc, err := json.Marshal(map[string]string{"url": rec}); err == nil && utf8.ValidString(rec) {
				recs = append(recs, string(doc))
			}
		}
		recs = append(recs, before+" User(a=1, user_id="+id+" x, b="+after+")",
			"sshd[9]: Accepted publickey for "+id+" from 10.0.0.1 "+before+after, "sshd[9]: "+before+" Invalid user "+id+" from "+after,
			"web1 su: pam_unix(su:session): session opened for user root by "+id+"(uid=1000) "+before+after)
		for _, rec := range recs {
			out, _, err := w.RedactRecord(nil, []byte(rec), FormatAuto, p)
			if err != nil {
				return // invalid UTF-8 or too long: nothing is written
			}
			if bytes.Contains(out, []byte(id)) {
				t.Fatalf("%q survived in %q", id, out)
			}
			if rec[0] == '{' && !json.Valid(out) {
				t.Fatalf("not JSON: %q from %q", out, rec)
			}
			if bytes.HasSuffix(out, []byte("\n")) {
				return
			}
			again, _, err := w.RedactRecord(nil, out, FormatAuto, p)
			if err != nil || !bytes.Equal(again, out) {
				t.Fatalf("not idempotent (%v):\n   in %q\n  out %q\nagain %q", err, rec, out, again)
			}
		}
	})
}

// TestRedactNamed reads a Kafka key or header by its name under a profile,
// as a JSON key at the root of a record: its rule applies, and the gate's
// facts are read.
func TestRedactNamed(t *testing.T) {
	w, p := newProfileWorker(t, textPolicy)
	mac := func(id string) UserMAC { return *w.macOf(detectors.User, formText, []byte(id)) }
	tests := []struct {
		name, value, want string
		facts             Facts
	}{
		{"user_id", "u_1", "{USER:u_1}", Facts{User: mac("u_1"), HasUser: true}},
		{"X-User-Id", "u_1", "{USER:u_1}", Facts{User: mac("u_1"), HasUser: true}},
		{"serial", "R58M1", "{FIELD:R58M1}", Facts{}},
		{"x-name", "Li Wei", "", Facts{}},
		{"age", "9", "9", Facts{Minor: true}},
		{"X-Consent.training", "denied", "denied", Facts{}}, // a header's name is one key
		{"idfa", "6D92078A-8246-4BA4-AE5B-76104861E7DC", "{ADID:6d92078a-8246-4ba4-ae5b-76104861e7dc}", Facts{}},
		{"trace-id", "u_1 li.lei@163.com", "u_1 {EMAIL:li.lei@163.com}", Facts{}},
	}
	for _, tt := range tests {
		got, facts, err := w.RedactNamed([]byte("|"), []byte(tt.value), []byte(tt.name), p)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if want := "|" + expandTokens(t, w, tt.want); string(got) != want || facts != tt.facts {
			t.Errorf("RedactNamed(%q, %q)\n got %q %+v\nwant %q %+v", tt.value, tt.name, got, facts, want, tt.facts)
		}
	}
	if out, facts, _ := w.RedactNamed(nil, []byte("u_1"), []byte("user_id"), nil); string(out) != "u_1" || facts != (Facts{}) {
		t.Errorf("with no profile: %q %+v", out, facts)
	}
	if _, _, err := w.RedactNamed(nil, []byte("u\xff"), []byte("user_id"), p); err == nil {
		t.Error("invalid UTF-8 redacted, want an error")
	}
}

func TestFactsAdd(t *testing.T) {
	u1, u2 := UserMAC{1}, UserMAC{2}
	tests := []struct{ f, g, want Facts }{
		{Facts{}, Facts{User: u2, HasUser: true}, Facts{User: u2, HasUser: true}},
		{Facts{User: u1, HasUser: true}, Facts{User: u2, HasUser: true}, Facts{User: u1, HasUser: true}},
		{Facts{Consent: ConsentGranted}, Facts{Consent: ConsentRefused}, Facts{Consent: ConsentRefused}},
		{Facts{Consent: ConsentRefused}, Facts{Consent: ConsentGranted}, Facts{Consent: ConsentRefused}},
		{Facts{}, Facts{Consent: ConsentGranted, Minor: true}, Facts{Consent: ConsentGranted, Minor: true}},
		{Facts{Lang: "de"}, Facts{Lang: "fr"}, Facts{Lang: "de"}},
	}
	for _, tt := range tests {
		got := tt.f
		if got.Add(tt.g); got != tt.want {
			t.Errorf("%+v.Add(%+v) = %+v, want %+v", tt.f, tt.g, got, tt.want)
		}
	}
}

// TestTextFieldStatedAge: the age the writer of a text line's text field
// states gates the line, as a prompt's does; the line's other words do
// not.
func TestTextFieldStatedAge(t *testing.T) {
	w, p := newProfileWorker(t, textPolicy)
	for rec, minor := range map[string]bool{
		`INFO generate text="I'm 11 years old, draw me" user_id=42`: true,
		`INFO I'm 11 years old text="draw me" user_id=42`:           false,
		`INFO generate text="I'm 31 years old" user_id=42`:          false,
	} {
		if _, facts, err := w.RedactRecord(nil, []byte(rec), FormatText, p); err != nil || facts.Minor != minor {
			t.Errorf("%s: minor %v %v, want %v", rec, facts.Minor, err, minor)
		}
	}
}
