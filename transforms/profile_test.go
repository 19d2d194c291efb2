package transforms

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/pixelprivacy/veil/detectors"
)

func newProfileWorker(t testing.TB, po ProfileOptions) (*Worker, *Profile) {
	t.Helper()
	e, err := NewEngine(testSet, testRing, Options{Profiles: map[string]ProfileOptions{"usage": po}})
	if err != nil {
		t.Fatal(err)
	}
	return e.NewWorker(), e.Profile("usage")
}

func TestFieldRules(t *testing.T) {
	tests := []struct {
		name  string
		rules []FieldRule
		in    string
		want  string // {KIND:value} stands for the token of value
	}{
		{"drop scalar", []FieldRule{{Path: "user.name", Action: FieldDrop}},
			`{"user":{"name":"Li Wei","age":30}}`, `{"user":{"age":30}}`},
		{"drop last member", []FieldRule{{Path: "user.name", Action: FieldDrop}},
			`{"user":{"age":30,"name":"Li Wei"}}`, `{"user":{"age":30}}`},
		// Analytics SDKs' reserved properties, after a '$' (Mixpanel's).
		{"drop after a '$'", []FieldRule{{Path: "name", Action: FieldDrop}},
			`{"properties":{"$name":"Jane Doe","$Name":"Jane","$city":"Austin","$$name":1}}`, `{"properties":{"$city":"Austin","$$name":1}}`},
		{"drop object", []FieldRule{{Path: "profile", Action: FieldDrop}},
			`{"a":1,"profile":{"name":"x","mail":"a@b.example.com","l":[1,{"z":2}]},"b":2}`, `{"a":1,"b":2}`},
		{"drop first object", []FieldRule{{Path: "profile", Action: FieldDrop}},
			`{"profile":{"x":[]},"b":2}`, `{"b":2}`},
		{"drop only member", []FieldRule{{Path: "profile", Action: FieldDrop}},
			`{"profile":{}}`, `{}`},
		{"drop array", []FieldRule{{Path: "tags", Action: FieldDrop}},
			`{"tags":["a","b"],"n":1}`, `{"n":1}`},
		{"drop literal", []FieldRule{{Path: "vip", Action: FieldDrop}},
			`{"vip":true,"n":null}`, `{"n":null}`},
		{"keep skips scanning", []FieldRule{{Path: "device.model", Action: FieldKeep}},
			`{"device":{"model":"call 138 0013 8000","os":"call 138 0013 8000"}}`,
			`{"device":{"model":"call 138 0013 8000","os":"call {PHONE:138 0013 8000}"}}`},
		{"keep object", []FieldRule{{Path: "debug", Action: FieldKeep}},
			`{"debug":{"ip":"10.1.2.3","x":["10.1.2.3"]},"ip":"10.1.2.3"}`,
			`{"debug":{"ip":"10.1.2.3","x":["10.1.2.3"]},"ip":"{IPV4:10.1.2.3}"}`},
		{"tokenize user", []FieldRule{{Path: "user.uid", Action: FieldTokenize, Kind: detectors.User}},
			`{"user":{"uid":"u_123"}}`, `{"user":{"uid":"{USER:u_123}"}}`},
		{"tokenize number", []FieldRule{{Path: "user_id", Action: FieldTokenize, Kind: detectors.User}},
			`{"user_id":12345}`, `{"user_id":"{USER:12345}"}`},
		{"tokenize field", []FieldRule{{Path: "nick", Action: FieldTokenize}},
			`{"nick":"kitty"}`, `{"nick":"{FIELD:kitty}"}`},
		// A value the detectors find whole, with its key's hint, gets
		// their token: the one it gets under any key.
		// A rule of kind ADID reads its values as an ADID key's: a device
		// object's UUID is an ADID, another ID a FIELD token.
		{"tokenize adid", []FieldRule{{Path: "**.device.id", Action: FieldTokenize, Kind: detectors.ADID}},
			`{"device":{"id":"B1E3C7A2-9F4D-4E8B-A6C5-1D2F3E4A5B6C"},"x":{"Device":{"id":"dev_1"}},"order":{"id":"B1E3C7A2-9F4D-4E8B-A6C5-1D2F3E4A5B6C"}}`,
			`{"device":{"id":"{ADID:B1E3C7A2-9F4D-4E8B-A6C5-1D2F3E4A5B6C}"},"x":{"Device":{"id":"{FIELD:dev_1}"}},"order":{"id":"B1E3C7A2-9F4D-4E8B-A6C5-1D2F3E4A5B6C"}}`},
		{"tokenize field, a finding", []FieldRule{{Path: "device_id", Action: FieldTokenize}, {Path: "serial", Action: FieldTokenize}, {Path: "nick", Action: FieldTokenize}},
			`{"device_id":"B1E3C7A2-9F4D-4E8B-A6C5-1D2F3E4A5B6C","serial":352099001761481,"nick":"li@163.com","x":{"device_id":"dev_1","nick":"mail li@163.com"}}`,
			`{"device_id":"{ADID:B1E3C7A2-9F4D-4E8B-A6C5-1D2F3E4A5B6C}","serial":"{IMEI:352099001761481}","nick":"{EMAIL:li@163.com}","x":{"device_id":"{FIELD:dev_1}","nick":"{FIELD:mail li@163.com}"}}`},
		{"user as username", []FieldRule{{Path: "username", Action: FieldTokenize}, {Path: "id", Action: FieldTokenize}},
			`{"user":"liwei","a":{"user":42},"b":{"user":{"id":"u_1","n":2}},"c":{"user":["x"]},"username":{"n":"y"}}`,
			`{"user":"{FIELD:liwei}","a":{"user":"{FIELD:42}"},"b":{"user":{"id":"{FIELD:u_1}","n":2}},"c":{"user":["x"]},"username":{"n":"{FIELD:y}"}}`},
		{"user with no username rule", []FieldRule{{Path: "nick", Action: FieldTokenize}},
			`{"user":"liwei"}`, `{"user":"liwei"}`},
		{"no value kept", []FieldRule{{Path: "nick", Action: FieldMask}, {Path: "serial", Action: FieldTokenize}},
			`{"nick":"","serial":"-","s":{"serial":"--"}}`, `{"nick":"","serial":"-","s":{"serial":"{FIELD:--}"}}`},
		{"mask", []FieldRule{{Path: "nick", Action: FieldMask}},
			`{"nick":"kittycat"}`, `{"nick":"kit***at"}`},
		{"generalize number", []FieldRule{{Path: "lat", Action: FieldGeneralize, Decimals: 2}},
			`{"lat":52.520008,"lon":13.404954}`, `{"lat":52.52,"lon":13.404954}`},
		// A key whose last word is a coordinate's takes the rule of "lat"
		// when no rule names it.
		{"generalize a coordinate's key", []FieldRule{{Path: "lat", Action: FieldGeneralize, Decimals: 2}, {Path: "pickup_lat", Action: FieldKeep}},
			`{"location_lat":37.7749,"gpsLongitude":"-122.419412","user-lng":[1.23456],"pickup_lat":1.23456,"flat":12.3456,"salon":1.23456,"_lat":1.23456,"LAT_LON":"x"}`,
			`{"location_lat":37.77,"gpsLongitude":"-122.42","user-lng":[1.23],"pickup_lat":1.23456,"flat":12.3456,"salon":1.23456,"_lat":1.23456,"LAT_LON":"x"}`},
		// A code's first letters and digits: a postcode's area; a number's
		// become a string, and a value with none is tokenized.
		{"generalize a code's prefix", []FieldRule{{Path: "zip", Action: FieldGeneralize, Prefix: 3}},
			`{"a":{"zip":"SW1A 2AA"},"b":{"zip":62704},"c":{"zip":"100-0001"},"d":{"zip":"627"},"e":{"zip":"東京"}}`,
			`{"a":{"zip":"SW1"},"b":{"zip":"627"},"c":{"zip":"100"},"d":{"zip":"627"},"e":{"zip":"{FIELD:東京}"}}`},
		{"generalize string number", []FieldRule{{Path: "lat", Action: FieldGeneralize, Decimals: 1}},
			`{"lat":"-33.8688"}`, `{"lat":"-33.9"}`},
		{"generalize wildcard", []FieldRule{{Path: "location.*", Action: FieldGeneralize, Decimals: 2}},
			`{"location":{"lat":1.23456,"lng":2.34567,"acc":10}}`, `{"location":{"lat":1.23,"lng":2.35,"acc":10}}`},
		// A location object's places no finer than a city are scanned,
		// not tokenized as strings the rule cannot round.
		{"generalize an object's places", []FieldRule{{Path: "location", Action: FieldGeneralize, Decimals: 2}},
			`{"location":{"city":"Berlin","Country":"DE","time_zone":"Europe/Berlin","lat":52.520008,"label":"Home","city_2":"Mitte"},"city":"Paris"}`,
			`{"location":{"city":"Berlin","Country":"DE","time_zone":"Europe/Berlin","lat":52.52,"label":"{FIELD:Home}","city_2":"{FIELD:Mitte}"},"city":"Paris"}`},
		{"generalize a list of numbers", []FieldRule{{Path: "location", Action: FieldGeneralize, Decimals: 2}},
			`{"location":"31.230416,121.473701","x":{"location":"31.230416, -121.473701; 4.5"},"y":{"location":"1.23456 2.34567"}}`,
			`{"location":"31.23,121.47","x":{"location":"31.23, -121.47; 4.5"},"y":{"location":"1.23 2.35"}}`},
		{"generalize a geohash", []FieldRule{{Path: "geohash", Action: FieldGeneralize, Decimals: 2}, {Path: "g1", Action: FieldGeneralize, Decimals: 4}},
			`{"geohash":"u4pruydqqvj","x":{"geohash":"wtw3s"},"y":{"geohash":"u4pruydqqvj0123"},"z":{"geohash":"Paris"},"w":{"geohash":"u4pa7"},"g1":"u4pruydqqvj"}`,
			`{"geohash":"u4pru","x":{"geohash":"wtw3s"},"y":{"geohash":"{FIELD:u4pruydqqvj0123}"},"z":{"geohash":"{FIELD:Paris}"},"w":{"geohash":"{FIELD:u4pa7}"},"g1":"u4pruydq"}`},
		{"generalize no list", []FieldRule{{Path: "location", Action: FieldGeneralize, Decimals: 2}},
			`{"location":"31.2,","x":{"location":",31.2"},"y":{"location":"31.2 , 121.4"},"z":{"location":"Shanghai 31.2"}}`,
			`{"location":"{FIELD:31.2,}","x":{"location":"{FIELD:,31.2}"},"y":{"location":"{FIELD:31.2 , 121.4}"},"z":{"location":"{FIELD:Shanghai 31.2}"}}`},
		// A coordinate in degrees, minutes and seconds, as EXIF readers
		// write a photo's GPS tags, is rounded as one coordinate, in the
		// form it was written in; other arrays number by number.
		{"generalize degrees, minutes, seconds", []FieldRule{{Path: "lat", Action: FieldGeneralize, Decimals: 2}},
			`{"lat":[31,13,49.5],"x":{"lat":[[121,1],[28,1],[2532,100]]},"y":{"lat":[ -33 , 52 , 4.08 ]},"z":{"lat":[31,59,59.99]},"d":{"lat":[31,13.825,0]}}`,
			`{"lat":[31,13,48],"x":{"lat":[[121,1],[28,1],[12,1]]},"y":{"lat":[-33,52,12]},"z":{"lat":[32,0,0]},"d":{"lat":[31,13,48]}}`},
		{"generalize degrees, minutes, seconds finer", []FieldRule{{Path: "lat", Action: FieldGeneralize, Decimals: 4}},
			`{"lat":[31,13,49.5],"x":{"lat":[[31,1],[13,1],[4950,100]]}}`,
			`{"lat":[31,13,49.44],"x":{"lat":[[31,1],[13,1],[4944,100]]}}`},
		{"generalize other arrays", []FieldRule{{Path: "lat", Action: FieldGeneralize, Decimals: 2}},
			`{"lat":[121.473701,31.230416,4.5],"a":{"lat":[31.230416,0,0]},"b":{"lat":[121,61,1]},"c":{"lat":[1.234,2]},"d":{"lat":[[1,0],[2,1],[3,1]]},"e":{"lat":[31,13,"49.5"]}}`,
			`{"lat":[121.47,31.23,4.5],"a":{"lat":[31.23,0,0]},"b":{"lat":[121,61,1]},"c":{"lat":[1.23,2]},"d":{"lat":[[1,0],[2,1],[3,1]]},"e":{"lat":[31,13,"49.5"]}}`},
		{"generalize day", []FieldRule{{Path: "seen", Action: FieldGeneralize}},
			`{"seen":"2026-06-02T10:11:12.5+08:00"}`, `{"seen":"2026-06-02T00:00:00+08:00"}`},
		{"generalize hour", []FieldRule{{Path: "seen", Action: FieldGeneralize, Truncate: TruncateHour}},
			`{"seen":"2026-06-02T10:11:12Z"}`, `{"seen":"2026-06-02T10:00:00Z"}`},
		{"generalize year", []FieldRule{{Path: "dob", Action: FieldGeneralize, Truncate: TruncateYear}},
			`{"dob":"2012-05-01","u":{"dob":"2012-05-01T10:11:12+08:00"}}`, `{"dob":"2012-01-01","u":{"dob":"2012-01-01T00:00:00+08:00"}}`},
		// Birth dates in other forms keep their year too, and numbers stay
		// numbers: epoch milliseconds, a compact date, a year alone.
		{"generalize year, other forms", []FieldRule{{Path: "dob", Action: FieldGeneralize, Truncate: TruncateYear}},
			`{"dob":"05/01/1990","a":{"dob":631152000000},"b":{"dob":19900501},"c":{"dob":1990},"d":{"dob":"1990年5月1日"}}`,
			`{"dob":"1990-01-01","a":{"dob":1990},"b":{"dob":1990},"c":{"dob":1990},"d":{"dob":"1990-01-01"}}`},
		{"generalize year, no date", []FieldRule{{Path: "dob", Action: FieldGeneralize, Truncate: TruncateYear}},
			`{"dob":"unknown","a":{"dob":0}}`, `{"dob":"{FIELD:unknown}","a":{"dob":0}}`},
		{"generalize ip", []FieldRule{{Path: "peer", Action: FieldGeneralize}},
			`{"peer":"203.0.113.77"}`, `{"peer":"203.0.113.0/24"}`},
		{"generalize other", []FieldRule{{Path: "peer", Action: FieldGeneralize}},
			`{"peer":"somewhere"}`, `{"peer":"{FIELD:somewhere}"}`},
		// A key under a parent, at any depth, in any case: an exception
		// to a broader rule, scanned as with no rule. An escaped parent key
		// is none.
		{"scan under a parent", []FieldRule{{Path: "name", Action: FieldDrop}, {Path: "**.os.name", Action: FieldScan}},
			`{"name":"Li","os":{"name":"iOS"},"x":{"OS":{"Name":"iOS"}},"l":{"os":[{"name":"a@b.example.com"}]},"e":{"o\u0073":{"name":"x"}},"n":{"os":"x","name":"y"}}`,
			`{"os":{"name":"iOS"},"x":{"OS":{"Name":"iOS"}},"l":{"os":[{"name":"{EMAIL:a@b.example.com}"}]},"e":{"o\u0073":{}},"n":{"os":"x"}}`},
		{"scan under a dropped parent", []FieldRule{{Path: "user", Action: FieldDrop}, {Path: "**.user.name", Action: FieldScan}},
			`{"user":{"name":"Li"},"a":1}`, `{"a":1}`},
		// A key-value pair whose key names a field, as Firebase's and GA4's
		// exports write parameters: its value member, and that member's
		// typed value, get the field's rule; the key comes first.
		{"pair keyed", []FieldRule{{Path: "first_name", Action: FieldDrop}, {Path: "uid", Action: FieldTokenize, Kind: detectors.User}, {Path: "lat", Action: FieldGeneralize, Decimals: 2}},
			`{"p":[{"key":"first_name","value":{"string_value":"Wei"}},{"key":"uid","value":{"string_value":"u_42"}},{"key":"lat","value":{"double_value":31.230416}},{"key":"x","value":"Wei"},{"value":"u_42"}],"v":{"value":"u_42"},"w":{"value":"u_42","key":"uid"}}`,
			`{"p":[{"key":"first_name"},{"key":"uid","value":{"string_value":"{USER:u_42}"}},{"key":"lat","value":{"double_value":31.23}},{"key":"x","value":"Wei"},{"value":"u_42"}],"v":{"value":"u_42"},"w":{"value":"u_42","key":"uid"}}`},
		{"any depth", []FieldRule{{Path: "name", Action: FieldDrop}},
			`{"name":"a","x":{"name":"b","y":[{"name":"c","k":1}]}}`, `{"x":{"y":[{"k":1}]}}`},
		{"anchored", []FieldRule{{Path: "user.name", Action: FieldDrop}},
			`{"name":"a","x":{"user":{"name":"b"}}}`, `{"name":"a","x":{"user":{"name":"b"}}}`},
		{"double star", []FieldRule{{Path: "**.secret", Action: FieldDrop}},
			`{"a":{"b":{"secret":1,"c":2}},"secret":3}`, `{"a":{"b":{"c":2}}}`},
		{"array elements inherit", []FieldRule{{Path: "tags", Action: FieldTokenize}},
			`{"tags":["a","b"]}`, `{"tags":["{FIELD:a}","{FIELD:b}"]}`},
		{"specific beats inherited", []FieldRule{{Path: "user", Action: FieldKeep}, {Path: "user.uid", Action: FieldTokenize, Kind: detectors.User}},
			`{"user":{"uid":"u1","mail":"a@b.example.com"}}`, `{"user":{"uid":"{USER:u1}","mail":"a@b.example.com"}}`},
		{"later rule wins", []FieldRule{{Path: "nick", Action: FieldDrop}, {Path: "nick", Action: FieldKeep}},
			`{"nick":"a@b.example.com"}`, `{"nick":"a@b.example.com"}`},
		{"no rule scans", nil,
			`{"note":"mail a@b.example.com"}`, `{"note":"mail {EMAIL:a@b.example.com}"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, p := newProfileWorker(t, ProfileOptions{Fields: tt.rules})
			out, _, err := w.RedactRecord(nil, []byte(tt.in), FormatAuto, p)
			if err != nil {
				t.Fatal(err)
			}
			if want := expandTokens(t, w, tt.want); string(out) != want {
				t.Fatalf("in   %s\n got %s\nwant %s", tt.in, out, want)
			}
			if !json.Valid(out) {
				t.Fatalf("output is not JSON: %s", out)
			}
		})
	}
}

func TestFacts(t *testing.T) {
	po := ProfileOptions{Policy: PolicyFields{
		User: []string{"user.uid", "user_id", "uid"}, Consent: []string{"consent.training", "allow_training"}, OptOut: []string{"opt_out"},
		Minor: []string{"user.is_minor"}, Age: []string{"user.age"}, MinAge: 13,
		BirthDate: []string{"birthday", "dob", "birth_year"},
		Now:       func() time.Time { return time.Date(2026, 6, 2, 10, 0, 0, 0, time.UTC) },
	}}
	w, p := newProfileWorker(t, po)
	mac := func(id string) UserMAC { return *w.macOf(detectors.User, formText, []byte(id)) }
	tests := []factsCase{
		{"nothing", `{"a":1}`, Facts{}},
		{"user", `{"user":{"uid":"u1"}}`, Facts{User: mac("u1"), HasUser: true}},
		{"best user field", `{"uid":"u3","user_id":"u2","user":{"uid":"u1"}}`, Facts{User: mac("u1"), HasUser: true}},
		{"numeric user", `{"user_id":42}`, Facts{User: mac("42"), HasUser: true}},
		{"escaped user", `{"uid":"u\u0031"}`, Facts{User: mac("u1"), HasUser: true}},
		{"consent granted", `{"consent":{"training":true}}`, Facts{Consent: ConsentGranted}},
		{"consent refused", `{"consent":{"training":false}}`, Facts{Consent: ConsentRefused}},
		// Flags as SDKs write them: a string or a number for a boolean.
		{"consent refused, a string", `{"consent":{"training":"False"}}`, Facts{Consent: ConsentRefused}},
		{"consent refused, a number", `{"consent":{"training":0}}`, Facts{Consent: ConsentRefused}},
		{"consent granted, a string", `{"consent":{"training":"yes"}}`, Facts{Consent: ConsentGranted}},
		{"consent not a flag", `{"consent":{"training":"maybe"}}`, Facts{}},
		// Consent as consent platforms write it; a word of refusal refuses
		// under an opt-out field too.
		{"consent denied", `{"consent":{"training":"DENIED"}}`, Facts{Consent: ConsentRefused}},
		{"consent granted, a word", `{"consent":{"training":"granted"}}`, Facts{Consent: ConsentGranted}},
		{"consent withdrawn", `{"allow_training":"withdrawn"}`, Facts{Consent: ConsentRefused}},
		{"consent off", `{"allow_training":"off"}`, Facts{Consent: ConsentRefused}},
		{"consent enabled", `{"allow_training":"Enabled"}`, Facts{Consent: ConsentGranted}},
		{"opted out, a word", `{"opt_out":"opted_out"}`, Facts{Consent: ConsentRefused}},
		{"opt-out on", `{"opt_out":"on"}`, Facts{Consent: ConsentRefused}},
		{"opted in, under an opt-out field", `{"opt_out":"opt-in"}`, Facts{Consent: ConsentGranted}},
		{"minor flag, enabled", `{"user":{"is_minor":"enabled"}}`, Facts{Minor: true}},
		{"minor flag, a number", `{"user":{"is_minor":1}}`, Facts{Minor: true}},
		{"minor flag, a string", `{"user":{"is_minor":"true"}}`, Facts{Minor: true}},
		{"minor flag, a letter", `{"user":{"is_minor":"Y"}}`, Facts{Minor: true}},
		{"consent refused, a letter", `{"consent":{"training":"n"}}`, Facts{Consent: ConsentRefused}},
		// An opt-out refuses consent when true.
		{"opted out", `{"opt_out":true}`, Facts{Consent: ConsentRefused}},
		{"not opted out", `{"opt_out":"no"}`, Facts{Consent: ConsentGranted}},
		// Where two consent fields disagree, the refusal wins, in either order.
		{"refused, then granted", `{"consent":{"training":false},"allow_training":true}`, Facts{Consent: ConsentRefused}},
		{"granted, then refused", `{"allow_training":true,"consent":{"training":false}}`, Facts{Consent: ConsentRefused}},
		{"not minor, a string", `{"user":{"is_minor":"false"}}`, Facts{}},
		{"minor flag", `{"user":{"is_minor":true}}`, Facts{Minor: true}},
		{"not minor", `{"user":{"is_minor":false,"age":13}}`, Facts{}},
		{"young", `{"user":{"age":12}}`, Facts{Minor: true}},
		{"young string", `{"user":{"age":"9"}}`, Facts{Minor: true}},
		{"young with a unit", `{"user":{"age":"12 years"}}`, Facts{Minor: true}},
		{"young in a range", `{"user":{"age":"8-12"}}`, Facts{Minor: true}},
		{"a range of teens", `{"user":{"age":"13-17"}}`, Facts{}},
		{"under a bound", `{"user":{"age":"under_13"}}`, Facts{Minor: true}},
		{"under a bound, a sign", `{"user":{"age":"<18"}}`, Facts{Minor: true}},
		{"below a bound", `{"user":{"age":"Below 16"}}`, Facts{Minor: true}},
		{"over a bound", `{"user":{"age":"18+"}}`, Facts{}},
		{"no bound", `{"user":{"age":"-30"}}`, Facts{}},
		{"young, a fraction", `{"user":{"age":12.9}}`, Facts{Minor: true}},
		{"no age", `{"user":{"age":"unknown"}}`, Facts{}},
		{"born 12 years ago", `{"user":{"birthday":"2013-06-03"}}`, Facts{Minor: true}},
		{"thirteen today", `{"user":{"birthday":"2013-06-02"}}`, Facts{}},
		{"born 12 years ago, a timestamp", `{"dob":"2014-01-01T00:00:00Z"}`, Facts{Minor: true}},
		{"born 12 years ago, slashes", `{"dob":"2014/01/01"}`, Facts{Minor: true}},
		{"adult", `{"dob":"1990-05-01"}`, Facts{}},
		{"not a date", `{"dob":"unknown"}`, Facts{}},
		// Dates as apps and their users write them; where day and month
		// may be either, the younger reading counts.
		{"compact", `{"dob":"20140101"}`, Facts{Minor: true}},
		{"compact, a number", `{"dob":20140101}`, Facts{Minor: true}},
		{"compact, adult", `{"dob":19900101}`, Facts{}},
		{"day first", `{"dob":"05/03/2014"}`, Facts{Minor: true}},
		{"dots", `{"dob":"5.3.2014"}`, Facts{Minor: true}},
		{"thirteen either way", `{"dob":"05/03/2013"}`, Facts{}},
		{"thirteen one way only", `{"dob":"01/07/2013"}`, Facts{Minor: true}},         // 7 January (13) or 1 July (12)
		{"not thirteen yet, month first", `{"dob":"06/03/2013"}`, Facts{Minor: true}}, // 6 March (13) or 3 June, tomorrow (12)
		{"a two-digit year", `{"dob":"05/03/14"}`, Facts{Minor: true}},
		{"a two-digit year, last century", `{"dob":"05/03/90"}`, Facts{}},
		{"chinese", `{"dob":"2014年3月5日"}`, Facts{Minor: true}},
		{"korean", `{"dob":"2014년 3월 5일"}`, Facts{Minor: true}},
		{"month as a word", `{"dob":"March 5, 2014"}`, Facts{Minor: true}},
		{"month as a word, adult", `{"dob":"5 March 1990"}`, Facts{}},
		{"epoch milliseconds", `{"dob":1394000000000}`, Facts{Minor: true}}, // 2014-03-05
		{"epoch seconds", `{"dob":"1394000000"}`, Facts{Minor: true}},
		{"epoch seconds, before 1970", `{"dob":-315619200}`, Facts{}}, // 1960
		{"epoch seconds, adult", `{"dob":631152000}`, Facts{}},        // 1990
		{"a future date", `{"dob":"2030-01-01"}`, Facts{}},
		{"two years", `{"dob":"2014-2015"}`, Facts{}},
		{"not a month", `{"dob":"2014-13-01"}`, Facts{}},
		{"not a birth date field", `{"created":"2024-01-01"}`, Facts{}},
		// A year alone: the youngest its person may be counts.
		{"birth year", `{"user":{"birth_year":2016}}`, Facts{Minor: true}},
		{"birth year, a string", `{"birth_year":"2014"}`, Facts{Minor: true}},
		{"birth year, twelve or thirteen", `{"dob":2013}`, Facts{Minor: true}},
		{"birth year, thirteen", `{"birth_year":2012}`, Facts{}},
		{"birth year, adult", `{"birth_year":1990}`, Facts{}},
		{"birth year, this year", `{"birth_year":2026}`, Facts{Minor: true}},
		{"birth year, next year", `{"birth_year":2027}`, Facts{}},
		{"not a birth year", `{"birth_year":1850}`, Facts{}},
	}
	checkFacts(t, w, p, FormatAuto, tests)
	// A text record's fields count; words do not.
	t.Run("text record", func(t *testing.T) {
		if _, got, _ := w.RedactRecord(nil, []byte("uid=u1 age 9"), FormatAuto, p); got != (Facts{User: mac("u1"), HasUser: true}) {
			t.Fatalf("facts from text: %+v", got)
		}
	})
}

// fixedLanguage is a LanguageDetector that says lang for any text.
type fixedLanguage string

func (l fixedLanguage) Detect([]byte) string { return string(l) }

func TestLanguage(t *testing.T) {
	regions := map[string][]string{"de": {"DE"}, "en": {"US", "GB"}}
	tests := []struct {
		name, lang, in, want string
	}{
		{"de national", "de", `{"text":"Ruf mich an: 030 12345678"}`, `{"text":"Ruf mich an: {PHONE:+49 30 12345678}","lang":"de"}`}, // read as a German number
		// A Chinese mobile number, bare, in a German text: not a German number.
		{"other region", "de", `{"text":"Nummer 13800138000"}`, `{"text":"Nummer 13800138000","lang":"de"}`},
		{"unknown language scans all", "", `{"text":"Nummer 13800138000"}`, `{"text":"Nummer {PHONE:13800138000}"}`},
		// A number laid out the North American way is one whatever the
		// language says (a short English prompt may read as German).
		{"north american layout", "de", `{"text":"Add my WhatsApp (415) 555-0132, 415.555.0132"}`,
			`{"text":"Add my WhatsApp {PHONE:+1 415-555-0132}, {PHONE:+1 415-555-0132}","lang":"de"}`},
		// A number of no region of the language's: one as another region
		// of the set writes it, or valid there after a phone word.
		{"written as elsewhere", "de", `{"text":"meu zap 11 98765-4321"}`, `{"text":"meu zap {PHONE:+55 11 98765-4321}","lang":"de"}`},
		{"elsewhere, named", "en", `{"text":"Handy 01512 0828073"}`, `{"text":"Handy {PHONE:+49 151 20828073}","lang":"en"}`},
		{"elsewhere, unnamed", "en", `{"text":"put 01512 0828073 on it"}`, `{"text":"put 01512 0828073 on it","lang":"en"}`},
		{"international always", "de", `{"text":"Nummer +86 138 0013 8000"}`, `{"text":"Nummer {PHONE:+86 138 0013 8000}","lang":"de"}`},
		{"lang field present", "en", `{"text":"hello there","lang":"xx"}`, `{"text":"hello there","lang":"xx"}`},
		{"empty after drop", "en", `{"name":"x","text":"hello there"}`, `{"text":"hello there","lang":"en"}`},
		{"short text", "en", `{"text":"hi"}`, `{"text":"hi"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, p := newProfileWorker(t, ProfileOptions{
				Fields:   []FieldRule{{Path: "name", Action: FieldDrop}},
				Language: &LanguageOptions{Detector: fixedLanguage(tt.lang), TextFields: []string{"text"}, MinLength: 5, Regions: regions, Field: "lang"},
			})
			out, facts, err := w.RedactRecord(nil, []byte(tt.in), FormatAuto, p)
			if err != nil {
				t.Fatal(err)
			}
			if want := expandTokens(t, w, tt.want); string(out) != want {
				t.Fatalf("got  %s\nwant %s", out, want)
			}
			wantLang := tt.lang
			if tt.name == "short text" {
				wantLang = "" // under MinLength: not detected
			}
			if facts.Lang != wantLang {
				t.Fatalf("lang %q, want %q", facts.Lang, wantLang)
			}
		})
	}
	t.Run("text record", func(t *testing.T) {
		w, p := newProfileWorker(t, ProfileOptions{Language: &LanguageOptions{Detector: fixedLanguage("de"), Regions: regions}})
		out, facts, err := w.RedactRecord(nil, []byte("Ruf an: 030 12345678 oder 13800138000"), FormatText, p)
		if err != nil || facts.Lang != "de" {
			t.Fatal(err, facts)
		}
		if want := expandTokens(t, w, "Ruf an: {PHONE:+49 30 12345678} oder 13800138000"); string(out) != want {
			t.Fatalf("got  %s\nwant %s", out, want)
		}
	})
}

func TestNames(t *testing.T) {
	lang := &LanguageOptions{Detector: fixedLanguage("en"), TextFields: []string{"text"}, Names: true}
	tests := []struct {
		name, in, want string
		format         Format
	}{
		{"JSON text field", `{"text":"my name is Emily Jones, for my daughter Emma","title":"my name is Bob"}`,
			`{"text":"my name is {NAME:emily jones}, for my daughter {NAME:emma}","title":"my name is Bob"}`, FormatJSON},
		{"escaped", `{"text":"\u6211\u53eb\u674e\u4f1f\uff0c\u5e2e\u6211"}`, `{"text":"我叫{NAME:李伟}，帮我"}`, FormatJSON},
		{"one token in any case", "My name is EMMA, call my sister Emma", "My name is {NAME:emma}, call my sister {NAME:emma}", FormatText},
		{"one token in every case", "меня зовут Иван Петров. Нарисуй Ивана Петрова с Анной", "меня зовут {NAME:иван петров}. Нарисуй {NAME:иван петров} с {NAME:анна}", FormatText},
		{"other findings first", "my name is li.wei@163.com", "my name is {EMAIL:li.wei@163.com}", FormatText},
		{"and next to them", "me llamo Lucía, +34 612 345 678", "me llamo {NAME:lucía}, {PHONE:+34612345678}", FormatText},
		{"an address spelled out", `{"text":"my name is Li Wei, mail li.wei (at) 163 (dot) com"}`,
			`{"text":"my name is {NAME:li wei}, mail {EMAIL:li.wei@163.com}"}`, FormatJSON},
		{"an address spelled out, in capitals", "write to LI.WEI AT 163 DOT COM", "write to {EMAIL:li.wei@163.com}", FormatText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, p := newProfileWorker(t, ProfileOptions{Language: lang})
			out, _, err := w.RedactRecord(nil, []byte(tt.in), tt.format, p)
			if err != nil {
				t.Fatal(err)
			}
			if want := expandTokens(t, w, tt.want); string(out) != want {
				t.Fatalf("got  %s\nwant %s", out, want)
			}
			again, _, err := w.RedactRecord(nil, out, tt.format, p)
			if err != nil || string(again) != string(out) {
				t.Fatalf("redacted twice: %s, %v", again, err)
			}
		})
	}
	t.Run("off", func(t *testing.T) {
		w, p := newProfileWorker(t, ProfileOptions{Language: &LanguageOptions{Detector: fixedLanguage("en"), TextFields: []string{"text"}}})
		if out, _, _ := w.RedactRecord(nil, []byte("my name is Emma"), FormatText, p); string(out) != "my name is Emma" {
			t.Fatalf("names found with Names off: %s", out)
		}
		if out, _, _ := w.RedactRecord(nil, []byte("bob[at]mail.example.org"), FormatText, p); string(out) != expandTokens(t, w, "{EMAIL:bob@mail.example.org}") {
			t.Fatalf("a spelled address with Names off: %s", out)
		}
	})
	t.Run("no detector", func(t *testing.T) {
		// A usage event's text fields are free text, whose language is not
		// detected; a text record of such a kind is no free text.
		w, p := newProfileWorker(t, ProfileOptions{
			Policy:   PolicyFields{MinAge: 13, StatedAge: true},
			Language: &LanguageOptions{TextFields: []string{"caption"}, Names: true},
		})
		for in, want := range map[string]string{
			`{"caption":"my son Tom at the beach","n":1}`: `{"caption":"my son {NAME:tom} at the beach","n":1}`,
			`{"title":"my son Tom at the beach"}`:         `{"title":"my son Tom at the beach"}`,
			"my name is Emma":                             "my name is Emma",
			// A key whose last word names what users write is a text
			// field too; the word alone is one only as configured.
			`{"photo_caption":"my son Tom","albumTitle":"my son Tom","subtitle":"my son Tom"}`: `{"photo_caption":"my son {NAME:tom}","albumTitle":"my son {NAME:tom}","subtitle":"my son Tom"}`,
			`upload photo_caption="my son Tom" n=1`:                                            `upload photo_caption="my son {NAME:tom}" n=1`,
			// A number written a digit at a time, after a phone word.
			`{"caption":"call me 1 3 8 0 0 1 3 8 0 0 0"}`: `{"caption":"call me {PHONE:+8613800138000}"}`,
		} {
			out, facts, err := w.RedactRecord(nil, []byte(in), FormatAuto, p)
			if err != nil || string(out) != expandTokens(t, w, want) || facts.Lang != "" || facts.Minor {
				t.Errorf("%s: %s %+v %v, want %s", in, out, facts, err, want)
			}
		}
		if _, facts, err := w.RedactRecord(nil, []byte(`{"caption":"I'm 11 years old"}`), FormatJSON, p); err != nil || !facts.Minor {
			t.Errorf("a stated age in a text field: %+v %v", facts, err)
		}
	})
	t.Run("masked whole", func(t *testing.T) {
		e, err := NewEngine(testSet, testRing, Options{Actions: map[detectors.Kind]Action{detectors.Name: Mask}, Profiles: map[string]ProfileOptions{"prompt": {Language: lang}}})
		if err != nil {
			t.Fatal(err)
		}
		out, _, _ := e.NewWorker().RedactRecord(nil, []byte("my name is Emma"), FormatText, e.Profile("prompt"))
		if string(out) != "my name is ****" {
			t.Fatalf("got %s", out)
		}
	})
	t.Run("no allocations", func(t *testing.T) {
		w, p := newProfileWorker(t, ProfileOptions{Language: lang})
		rec := []byte(`{"text":"Hi, my name is Emily Jones, 我叫李伟, call me at +8613800138000"}`)
		dst := make([]byte, 0, 1024)
		for range 3 {
			_, _, _ = w.RedactRecord(dst[:0], rec, FormatAuto, p)
		}
		if n := testing.AllocsPerRun(100, func() { _, _, _ = w.RedactRecord(dst[:0], rec, FormatAuto, p) }); n != 0 {
			t.Fatalf("%v allocations per record", n)
		}
	})
}

// TestFreeText checks the handles, street addresses, dates of birth and
// coordinates found in free text, as veil run writes them: tokens of their
// canonical forms, a date of birth generalized to its year, coordinates to
// two decimals, an address masked whole.
func TestFreeText(t *testing.T) {
	lang := &LanguageOptions{Detector: fixedLanguage("en"), TextFields: []string{"text"}, Addresses: true}
	tests := []struct {
		name, in, want string
		actions        map[detectors.Kind]Action
	}{
		{"handles", `{"text":"watermark @Sarah_C, or instagram.com/sarah_c, IG: sarah_c"}`,
			`{"text":"watermark {HANDLE:sarah_c}, or instagram.com/{HANDLE:sarah_c}, IG: {HANDLE:sarah_c}"}`, nil},
		{"a cashtag", `{"text":"cashapp $MikeSmith or cash.app/$mikesmith"}`,
			`{"text":"cashapp {HANDLE:mikesmith} or cash.app/{HANDLE:mikesmith}"}`, nil},
		{"addresses", `{"text":"party at 42 Oak  Avenue, Apt 4B; 建国路88号"}`,
			`{"text":"party at {ADDRESS:42 oak avenue, apt 4b}; {ADDRESS:建国路88号}"}`, nil},
		{"dates of birth", `{"text":"born on March 14, 2015, DOB 14/03/2015, 生日是2015年3月14日"}`,
			`{"text":"born on {BIRTHDATE:2015-03-14}, DOB {BIRTHDATE:2015-03-14}, 生日是{BIRTHDATE:2015-03-14}"}`, nil},
		{"a passport's number", `{"text":"passport no. x1234-5678"}`, `{"text":"passport no. {DOCUMENT:X12345678}"}`, nil},
		{"a date of birth generalized", `{"text":"born on March 14, 2015!"}`, `{"text":"born on 2015!"}`,
			map[detectors.Kind]Action{detectors.Birthdate: Generalize}},
		{"an address masked whole", `{"text":"at 7 Elm St. now"}`, `{"text":"at ********* now"}`,
			map[detectors.Kind]Action{detectors.Address: Mask}},
		{"coordinates", `{"text":"home: 37.7749° N, 122.4194° W or 37.7749,-122.4194"}`,
			`{"text":"home: {COORDINATES:37.774900,-122.419400} or {COORDINATES:37.774900,-122.419400}"}`, nil},
		{"coordinates generalized", `{"text":"home: 37.7749° N, 122.4194° W, 31°13'49.5\"N 121°28'25.3\"E"}`,
			`{"text":"home: 37.77,-122.42, 31.23,121.47"}`, map[detectors.Kind]Action{detectors.Coordinates: Generalize}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := NewEngine(testSet, testRing, Options{Actions: tt.actions, Profiles: map[string]ProfileOptions{"prompt": {Language: lang}}})
			if err != nil {
				t.Fatal(err)
			}
			w, p := e.NewWorker(), e.Profile("prompt")
			out, _, err := w.RedactRecord(nil, []byte(tt.in), FormatJSON, p)
			if err != nil {
				t.Fatal(err)
			}
			if want := expandTokens(t, w, tt.want); string(out) != want {
				t.Fatalf("got  %s\nwant %s", out, want)
			}
			again, _, err := w.RedactRecord(nil, out, FormatJSON, p)
			if err != nil || string(again) != string(out) {
				t.Fatalf("redacted twice: %s, %v", again, err)
			}
		})
	}
	t.Run("addresses off", func(t *testing.T) {
		w, p := newProfileWorker(t, ProfileOptions{Language: &LanguageOptions{Detector: fixedLanguage("en"), TextFields: []string{"text"}}})
		if out, _, _ := w.RedactRecord(nil, []byte("at 42 Oak Avenue"), FormatText, p); string(out) != "at 42 Oak Avenue" {
			t.Fatalf("an address found with Addresses off: %s", out)
		}
	})
	t.Run("no allocations", func(t *testing.T) {
		w, p := newProfileWorker(t, ProfileOptions{Language: lang})
		rec := []byte(`{"text":"IG: sarah_c, party at 42 Oak Avenue, born on March 14, 2015"}`)
		dst := make([]byte, 0, 1024)
		for range 3 {
			_, _, _ = w.RedactRecord(dst[:0], rec, FormatAuto, p)
		}
		if n := testing.AllocsPerRun(100, func() { _, _, _ = w.RedactRecord(dst[:0], rec, FormatAuto, p) }); n != 0 {
			t.Fatalf("%v allocations per record", n)
		}
	})
}

func TestProfileErrors(t *testing.T) {
	for _, po := range []ProfileOptions{
		{Fields: []FieldRule{{Path: "", Action: FieldDrop}}},
		{Fields: []FieldRule{{Path: "a..b", Action: FieldDrop}}},
		{Fields: []FieldRule{{Path: "a.b*", Action: FieldDrop}}},
		{Fields: []FieldRule{{Path: "a", Action: 0}}},
		{Fields: []FieldRule{{Path: "a", Action: FieldGeneralize, Decimals: -1}}},
		{Policy: PolicyFields{User: []string{"user..uid"}}},
		{Language: &LanguageOptions{Field: "lang"}},
		{Language: &LanguageOptions{Regions: map[string][]string{"de": {"DE"}}}},
	} {
		if _, err := NewEngine(testSet, testRing, Options{Profiles: map[string]ProfileOptions{"usage": po}}); err == nil {
			t.Errorf("NewEngine accepted %+v", po)
		}
	}
}

func TestProfileNoAllocs(t *testing.T) {
	w, p := newProfileWorker(t, ProfileOptions{
		Fields: []FieldRule{{Path: "user.uid", Action: FieldTokenize, Kind: detectors.User}, {Path: "lat", Action: FieldGeneralize, Decimals: 2}, {Path: "name", Action: FieldDrop}},
		Policy: PolicyFields{User: []string{"user.uid"}, Consent: []string{"consent.training"}, Age: []string{"user.age"}, MinAge: 13},
	})
	rec := []byte(`{"user":{"uid":"u_1","age":30,"name":"x"},"consent":{"training":true},"lat":52.5201,"mail":"a@b.example.com","items":[{"name":"y","n":1,"lat":[[31,1],[13,1],[4950,100]]}]}`)
	dst := make([]byte, 0, 1024)
	for range 3 {
		_, _, _ = w.RedactRecord(dst[:0], rec, FormatAuto, p)
	}
	if n := testing.AllocsPerRun(100, func() { _, _, _ = w.RedactRecord(dst[:0], rec, FormatAuto, p) }); n != 0 {
		t.Fatalf("%v allocations per record with a profile", n)
	}
}

// TestOwnBirthDate: a date of birth the writer of a prompt gives as their
// own flags a minor's record as the age they state does.
func TestOwnBirthDate(t *testing.T) {
	w, p := newProfileWorker(t, ProfileOptions{
		Policy: PolicyFields{MinAge: 13, StatedAge: true,
			Now: func() time.Time { return time.Date(2026, 6, 2, 10, 0, 0, 0, time.UTC) }},
		Language: &LanguageOptions{Detector: fixedLanguage("en"), TextFields: []string{"text"}},
	})
	for rec, minor := range map[string]bool{
		`{"text":"I was born on May 5, 2014, make me a cat"}`: true,
		`{"text":"I was born on May 5, 1990, make me a cat"}`: false,
		`{"text":"I was born in 2013, make me a cat"}`:        true, // the youngest the year allows
		`{"text":"I was born on June 3, 2013"}`:               true, // thirteen tomorrow
		`{"text":"I was born on June 2, 2013"}`:               false,
		`{"text":"Mi cumpleaños es el 5 de mayo de 2014"}`:    true,
		`{"text":"私は2014年5月5日生まれです"}`:                         true,
		`{"text":"my daughter was born on May 5, 2014"}`:      false,
		// A date that gives a writer younger than four is a party's.
		`{"text":"my birthday is on March 14, 2026, draw a party invite"}`: false,
		`{"text":"my birthday was March 14, 2023"}`:                        false,
		`{"title":"I was born on May 5, 2014"}`:                            false, // no free text
	} {
		if _, facts, err := w.RedactRecord(nil, []byte(rec), FormatJSON, p); err != nil || facts.Minor != minor {
			t.Errorf("%s: minor %v %v, want %v", rec, facts.Minor, err, minor)
		}
	}
	if _, facts, _ := w.RedactRecord(nil, []byte("I was born on May 5, 2014, make me a cat"), FormatText, p); !facts.Minor {
		t.Error("a text record's own date of birth is not read")
	}
}
