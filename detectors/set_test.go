package detectors_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/pixelprivacy/veil/detectors"
)

var testSet = func() *detectors.Set {
	s, err := detectors.New(detectors.Options{})
	if err != nil {
		panic(err)
	}
	return s
}()

// found renders the findings in text as "KIND:value" strings.
func found(spans []detectors.Span, text string) []string {
	var out []string
	for _, s := range spans {
		out = append(out, s.Kind.String()+":"+text[s.Start:s.End])
	}
	return out
}

func TestAppendSpans(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // empty: nothing may be found
	}{
		// E-mail.
		{"email plain", "mail alice@example.com now", []string{"EMAIL:alice@example.com"}},
		{"email plus tag dots subdomain", "to: Li.Wei+photos@mail.cs.example.co.uk.", []string{"EMAIL:Li.Wei+photos@mail.cs.example.co.uk"}},
		{"email upper hyphen", "X-USER: JOHN-DOE@EXAMPLE-MAIL.COM", []string{"EMAIL:JOHN-DOE@EXAMPLE-MAIL.COM"}},
		{"email before a file extension", "upload avatar_li.wei@163.com.PNG and export-bob@example.co.uk.json.gz, not user@host.json; see x@example.zip", []string{"EMAIL:avatar_li.wei@163.com", "EMAIL:export-bob@example.co.uk", "EMAIL:x@example.zip"}},
		{"url userinfo", "https://alice:hunter2@api.example.com/v1 redis://:s3cret@10.0.0.5:6379 ftp://bob@files.example.org mailto:bob@example.com a:li@163.com",
			[]string{"SECRET:alice:hunter2", "SECRET::s3cret", "IPV4:10.0.0.5", "EMAIL:bob@files.example.org", "EMAIL:bob@example.com", "EMAIL:li@163.com"}},
		// A '+' number before a token is what it is before the number the
		// token stands for: not valid alone, so none.
		{"plus number before a token", "+861000000 016000000; +861000000 <PHONE:k1:jgvqgvypnrqhtvsrykmngzky>", []string{"PHONE:016000000"}},
		{"plus number before a parenthesis and a token", "+861000000(018000000; +861000000(<PHONE:k1:jgvqgvypnrqhtvsrykmngzky>", []string{"PHONE:018000000"}},
		{"digits before an address's token", "000000000000000:<IPV4:k1:jgvqgvypnrqhtvsrykmngzky>", nil}, // as before the address: "000000000000000:0.0.0.0"
		// Spanish DNIs and NIEs: the check letter.
		{"dni and nie", "mi DNI es 12345678Z y el NIE X1234567L, 21086177F.", []string{"DNI:12345678Z", "DNI:X1234567L", "DNI:21086177F"}},
		{"dni as printed", "12.345.678-Z, 12345678-Z", []string{"DNI:12.345.678-Z", "DNI:12345678-Z"}},
		{"dni of a wrong letter or in a word", "12345678A AX1234567L 12345678Z9 20261203T101112Z", nil},
		// API keys by their service's prefix.
		{"api key of openai", "my key sk-proj-AbCdEfGh1234567890IjKlMnOp stopped working", []string{"SECRET:sk-proj-AbCdEfGh1234567890IjKlMnOp"}},
		{"api key of github", "export GH=ghp_16C7e42F292c6912E7710c838347Ae178B4a; x", []string{"SECRET:ghp_16C7e42F292c6912E7710c838347Ae178B4a"}},
		{"api keys of others", "hf_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh xoxb-123456789012-AbCdEfGhIjKl sk_live_4eC39HqLyjWDarjtT1zdp7dc",
			[]string{"SECRET:hf_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh", "SECRET:xoxb-123456789012-AbCdEfGhIjKl", "SECRET:sk_live_4eC39HqLyjWDarjtT1zdp7dc"}},
		{"cloud keys", "aws_access_key_id=AKIAIOSFODNN7EXAMPLE; ASIAY34FZKBOKMUTVV7A, maps key AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe.",
			[]string{"SECRET:AKIAIOSFODNN7EXAMPLE", "SECRET:ASIAY34FZKBOKMUTVV7A", "SECRET:AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe"}},
		{"cloud key whose first digit follows '_'", `{"k":"AIzaSyDaGmWKa_4sXZ-HjGw7ISLn_3namBGewQe"}`, []string{"SECRET:AIzaSyDaGmWKa_4sXZ-HjGw7ISLn_3namBGewQe"}},
		{"cloud key prefix in words", "AKIAIOSFODNN7EXAMPLEX xAKIAIOSFODNN7EXAMPLE AKIAiosfodnn7example AIzaSyDaGmWKa4JsXZ AKIA2 ASIA2026 my_AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe", nil},
		{"api keys of registries and hosts", "npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789 shpat_0123456789abcdef0123456789abcdef dop_v1_" + strings.Repeat("0f", 32),
			[]string{"SECRET:npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789", "SECRET:shpat_0123456789abcdef0123456789abcdef", "SECRET:dop_v1_" + strings.Repeat("0f", 32)}},
		{"api key prefix in words", "sk-SK, scikit-learn, hf_hub_download, task-proj-AbCdEfGh1234567890IjKlMnOp, npm_install_steps, pypi-upload, shpat_x", nil},
		// Credentials by their label: anything after '=', after ':' what
		// is quoted, follows a scheme or holds more than letters.
		{"credential after =", "login user=bob password=hunter2 ok, GET /render?api_key=AbC123xyz&w=5", []string{"SECRET:hunter2", "SECRET:AbC123xyz"}},
		{"an empty credential", `"GET /v1/styles?page=1&api_key= HTTP/1.1" 401, /x?token= next, password= took=2850ms, password = hunter2`, []string{"SECRET:hunter2"}},
		{"credential after a scheme", "Authorization: Bearer ya29.a0AfH6SMBx3 auth='Basic dXNlcjpwYXNz'", []string{"SECRET:ya29.a0AfH6SMBx3", "SECRET:dXNlcjpwYXNz"}},
		{"credential with JSON's escaped slashes", `password=ab\/cd1 x, {\"auth\":\"Basic dXNl\/cjE=\"}, token=ab\\ y`, []string{`SECRET:ab\/cd1`, `SECRET:dXNl\/cjE=`, "SECRET:ab"}},
		{"credential quoted", `password="my pass phrase" next, {\"db_password\":\"s3cret!\"}`, []string{"SECRET:my pass phrase", "SECRET:s3cret!"}},
		{"credential of a header", "X-Api-Key: 9f8e7d6c5b4a; Cookie: sid=abc123; theme=dark", []string{"SECRET:9f8e7d6c5b4a", "SECRET:sid=abc123; theme=dark"}},
		{"credential label in prose", "passwd: password updated; password: too short", nil},
		{"credential printed in groups", "api_key : DE89 3704 0044 0532 0130 00, password: 4111 1111 1111 1111 token: +44 20 7946 0958 pwd: 12ab cd",
			[]string{"IBAN:DE89 3704 0044 0532 0130 00", "CARD:4111 1111 1111 1111", "PHONE:+44 20 7946 0958", "SECRET:12ab"}},
		{"credential label in a path", "/etc/passwd: 1x, /api/token=abc1", nil},
		{"credential of a property", "spring.datasource.password=s3cret", []string{"SECRET:s3cret"}},
		{"credential of a pre-signed url", "GET /a.jpg?X-Amz-Credential=AKIAEXAMPLE%2F20261203&X-Amz-Signature=9f86d08188 200",
			[]string{"SECRET:AKIAEXAMPLE%2F20261203", "SECRET:9f86d08188"}},
		{"credential of aws", "aws_secret_access_key=wJalrXUtnFEMI/K7MDENG", []string{"SECRET:wJalrXUtnFEMI/K7MDENG"}},
		{"credential that says none", "token=none auth=failed secret=**** key=abc1 token_type=bearer pwd=/srv/app token=REDACTED_TOKEN", nil},
		{"credential label in code", `if token == "" || sig != 0 { auth := x; secret += 1; password <= 3 }`, nil},
		{"credential label of html", `<a href="x.html" accesskey="n">`, nil},
		{"credential label of a name", "install xauth:amd64 1:1.1.2-1, node::credentials::HasOnly", nil},
		{"credential that is a token", "password=<SECRET:k1:abcdefghjkmnpqrstvwxyzab> token=\"<SECRET:k1:abcdefghjkmnpqrstvwxyzab>\"", nil},
		{"private key in pem", `key: -----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1L+fVLPHCozMxH2Mo4lg/OEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0=\n-----END RSA PRIVATE KEY----- loaded`,
			[]string{`SECRET:-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1L+fVLPHCozMxH2Mo4lg/OEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0=\n-----END RSA PRIVATE KEY-----`}},
		{"private keys of other forms", "-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\\n-----END OPENSSH PRIVATE KEY----- -----BEGIN PRIVATE KEY----- MIIEvQIBADANBgkqhkiG9w0BAQEFAASC -----END PRIVATE KEY-----",
			[]string{"SECRET:-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\\n-----END OPENSSH PRIVATE KEY-----", "SECRET:-----BEGIN PRIVATE KEY----- MIIEvQIBADANBgkqhkiG9w0BAQEFAASC -----END PRIVATE KEY-----"}},
		{"private key cut short", `err=-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIIrYSSNQFaA2Hwf1duRSxKtLYX5CB04fSeQ6tF1aY/PuoAoGCCqGSM49\nAwEHoUQDQgAE\nProc-Type: 4,ENCRYPTED\n\" after`,
			[]string{`SECRET:-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIIrYSSNQFaA2Hwf1duRSxKtLYX5CB04fSeQ6tF1aY/PuoAoGCCqGSM49\nAwEHoUQDQgAE\nProc-Type: 4,ENCRYPTED\n`}},
		{"private key's end line cut short", `-----BEGIN RSA PRIVATE KEY-----\nMIIEow+/=\n-----END RSA PRIVATE KEY DE89 3704 0044 0532 0130 00`,
			[]string{`SECRET:-----BEGIN RSA PRIVATE KEY-----\nMIIEow+/=\n-----END RSA PRIVATE KEY`, "IBAN:DE89 3704 0044 0532 0130 00"}},
		{"private key cut short by a word", `-----BEGIN 0PRIVATE KEY-----\\b0 alice.b+x@mail.example.org`,
			[]string{`SECRET:-----BEGIN 0PRIVATE KEY-----\\b0 `, "EMAIL:alice.b+x@mail.example.org"}},
		{"private key of openpgp", "-----BEGIN PGP PRIVATE KEY BLOCK-----\\nVersion: GnuPG v2\\n\\nlQOYBF0fVlMBCAC5\\n=Xz9a\\n-----END PGP PRIVATE KEY BLOCK-----.",
			[]string{"SECRET:-----BEGIN PGP PRIVATE KEY BLOCK-----\\nVersion: GnuPG v2\\n\\nlQOYBF0fVlMBCAC5\\n=Xz9a\\n-----END PGP PRIVATE KEY BLOCK-----"}},
		{"pem that is no private key", "-----BEGIN CERTIFICATE-----\\nMIIDdzCCAl+gAwIBAgIE\\n-----END CERTIFICATE----- -----BEGIN PUBLIC KEY----- -----BEGIN PRIVATE KEYS OF THE KINGDOM ----- BEGIN", nil},
		{"jwt", "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwiZW1haWwiOiJqb2huQGV4YW1wbGUuY29tIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c; id_token=eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1MSJ9. done",
			[]string{"SECRET:eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwiZW1haWwiOiJqb2huQGV4YW1wbGUuY29tIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", "SECRET:eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1MSJ9."}},
		{"no jwt", "eyJhbGci.eyJzdWIi without a signature's dot, xeyJhbGci.eyJzdWIi.abc inside a word, eyJ.eyJzdWIi.abc too short, com.eyJ.x", nil},
		{"email idn", "schreib an user@bücher.de bitte", []string{"EMAIL:user@bücher.de"}},
		{"email idn cjk label", "写信给 user@例え.jp 吧", []string{"EMAIL:user@例え.jp"}},
		{"email idn cjk tld", "x@中国移动.中国 ok", []string{"EMAIL:x@中国移动.中国"}},
		{"email idn hangul", "메일 admin@제주.kr 로", []string{"EMAIL:admin@제주.kr"}},
		{"email idn devanagari marks", "mail a@हिन्दी.भारत end", []string{"EMAIL:a@हिन्दी.भारत"}},
		{"email idn vietnamese", "gửi tới an@tiếng.vn nhé", []string{"EMAIL:an@tiếng.vn"}},
		{"email before hangul", "user@naver.com으로 보내", []string{"EMAIL:user@naver.com"}},
		{"email apostrophe", "mail o'brien@example.ie, email='li@163.com' or 'li@qq.com'", []string{"EMAIL:o'brien@example.ie", "EMAIL:li@163.com", "EMAIL:li@qq.com"}},
		{"email internationalized local part", "a josé@correo.es, Müller@bücher.de y jose.müller@x.de", []string{"EMAIL:josé@correo.es", "EMAIL:Müller@bücher.de", "EMAIL:jose.müller@x.de"}},
		{"email cyrillic local part", "почта иван@почта.рф и пример@mail.ru", []string{"EMAIL:иван@почта.рф", "EMAIL:пример@mail.ru"}},
		{"email decomposed letters", "x mu\u0308ller@bu\u0308cher.de y", []string{"EMAIL:mu\u0308ller@bu\u0308cher.de"}},
		{"email cjk local part", "邮箱 用户@例子.广告 或 邮箱：张三@公司.中国", []string{"EMAIL:用户@例子.广告", "EMAIL:张三@公司.中国"}},
		{"email kana and hangul local parts", "メール たろう@example.jp です 메일 홍길동@example.com 으로", []string{"EMAIL:たろう@example.jp", "EMAIL:홍길동@example.com"}},
		{"email cjk local part is not joined to ascii", "联系我li.wei@163.com 或 我的邮箱是12345678@qq.com", []string{"EMAIL:li.wei@163.com", "EMAIL:12345678@qq.com"}},
		{"not email: cjk after a single label", "写信给 user@例え 吧", nil},
		{"email url encoded", "/reset?email=li.wei%40163.com&x=1", []string{"EMAIL:li.wei%40163.com"}},
		{"email url encoded after encoded separators", "q=hi%20li.wei%40163.com next=%2F%3Femail%3Dli%2Btag%40163.com", []string{"EMAIL:li.wei%40163.com", "EMAIL:li%2Btag%40163.com"}},
		{"email url encoded twice", "url=https%3A%2F%2Fx.com%2F%3Femail%3Dli.wei%252Btag%2540163.com", []string{"EMAIL:li.wei%252Btag%2540163.com"}},
		{"email json escaped", `{"note":"li.wei\u0040163.com"}`, []string{`EMAIL:li.wei\u0040163.com`}},
		{"email as HTML writes it", `<p>li.wei&#64;163.com, LI&#X40;QQ.COM</p> a &#64; b, &#64;163.com, x&#64; &#36;64; &#x404;`, []string{"EMAIL:li.wei&#64;163.com", "EMAIL:LI&#X40;QQ.COM"}},
		{"email digits local", "13800138000@qq.com", []string{"EMAIL:13800138000@qq.com"}},
		{"email before cjk", "发到我邮箱li.wei@163.com或打我电话", []string{"EMAIL:li.wei@163.com"}},
		{"not email: no tld", "user@localhost and @handle", nil},
		{"email full-width at", "邮箱 li.wei＠163.com 谢谢", []string{"EMAIL:li.wei＠163.com"}},
		{"email VERP return path", "from=<bounces+jane=example.com@lists.example.org> to=<list+jane.doe=gmail.com@bounce.example.net>", []string{"EMAIL:bounces+jane=example.com@lists.example.org", "EMAIL:list+jane.doe=gmail.com@bounce.example.net"}},
		{"email after a parameter's name", "?email=jane@example.com&q=hi+there=jane@example.com", []string{"EMAIL:jane@example.com", "EMAIL:jane@example.com"}},
		{"email small at", "邮箱：li.wei﹫163.com，谢谢", []string{"EMAIL:li.wei﹫163.com"}},
		{"email full-width", "我的邮箱是ｌｉ．ｗｅｉ＠１６３．ｃｏｍ，谢谢", []string{"EMAIL:ｌｉ．ｗｅｉ＠１６３．ｃｏｍ"}},
		{"email full-width digits local", "１３８００１３８０００＠ｑｑ．ｃｏｍ", []string{"EMAIL:１３８００１３８０００＠ｑｑ．ｃｏｍ"}},
		{"email full-width domain", "li.wei＠ｑｑ．ｃｏｍ。", []string{"EMAIL:li.wei＠ｑｑ．ｃｏｍ"}},
		{"email full-width local", "ｌｉ＠163.com给我", []string{"EMAIL:ｌｉ＠163.com"}},
		{"email ideographic full stop", "我的邮箱是li.wei@163。com，请联系", []string{"EMAIL:li.wei@163。com"}},
		{"email half-width ideographic full stop", "写信到zhang@qq｡com吧", []string{"EMAIL:zhang@qq｡com"}},
		{"email ideographic full stops", "写信到zhang@mail。qq。com吧", []string{"EMAIL:zhang@mail。qq。com"}},
		// After a top-level domain joined by '.', it ends a sentence, even before a label.
		{"email ideographic full stop after a domain", "写信到zhang@mail.qq。com吧", []string{"EMAIL:zhang@mail.qq"}},
		{"email ideographic full stop ends a sentence", "邮箱：li@163.com。谢谢 x li@163.com。Thanks", []string{"EMAIL:li@163.com", "EMAIL:li@163.com"}},
		{"email ideographic full stop after the domain", "发到wang@sina。com。", []string{"EMAIL:wang@sina。com"}},
		{"not email: ideographic full stop before CJK", "li@163。谢谢 a@b。c ab@cd。", nil},
		{"not email: full-width dot before at", "ｌｉ．＠ｑｑ．ｃｏｍ", nil},
		{"not email: full-width domain without tld", "ＡＢ＠ｃｄ end ｌｉ＠ｑｑ．１２", nil},
		{"not email: full-width at without an address", "１２３＠４５６ and ＠handle", nil},
		// A domain that runs into the local part of another address ends
		// where that local part starts, as it will before its token.
		{"email domain into another address", "0@é.é0@é.é x", []string{"EMAIL:0@é.é", "EMAIL:0@é.é"}},
		{"email domain into a chain of addresses", "0@é.é0@é.é0@é.é", []string{"EMAIL:0@é.é", "EMAIL:0@é.é", "EMAIL:0@é.é"}},
		{"email domain into a long local part", "0@0.AA" + strings.Repeat("0", 64) + "@0.AA", []string{"EMAIL:0@0.AA", "EMAIL:" + strings.Repeat("0", 64) + "@0.AA"}},
		{"email domain into a long encoded local part", "0@0.AA0000%" + strings.Repeat("0", 59) + "@0.AA", []string{"EMAIL:0@0.AA", "EMAIL:0000%" + strings.Repeat("0", 59) + "@0.AA"}},
		{"email domain into another finding", "0@é.é1::2 350781874934558", []string{"EMAIL:0@é.é", "IPV6:1::2", "IMEI:350781874934558"}},
		{"number into a local part of 64 digits", "490154203237518" + strings.Repeat("0", 64) + "@0.AA", []string{"IMEI:490154203237518", "EMAIL:" + strings.Repeat("0", 64) + "@0.AA"}},
		{"number into a local part of 64 hex letters", "490154203237518" + strings.Repeat("a", 64) + "@x.cn", []string{"IMEI:490154203237518", "EMAIL:" + strings.Repeat("a", 64) + "@x.cn"}},
		{"number running into an internationalized local part", "id 490154203237518ħ0@x.com 0000000000000000000000ħ000000000@0.AA", []string{"IMEI:490154203237518", "EMAIL:ħ0@x.com", "EMAIL:0000000000000000000000ħ000000000@0.AA"}},
		{"number before a local part holding an encoded at sign", "490154203237518(0%40%400.AA", []string{"IMEI:490154203237518", "EMAIL:0%40%400.AA"}},
		{"email glued whole to another address", "li@163.com@x.cn and a@b.cd0@x.cn", []string{"EMAIL:li@163.com", "EMAIL:b.cd0@x.cn"}},

		// Phones.
		{"e164", "call +8613800138000 now", []string{"PHONE:+8613800138000"}},
		{"intl spaced", "tel +44 20 7946 0958.", []string{"PHONE:+44 20 7946 0958"}},
		{"intl parens", "+1 (415) 555-0132", []string{"PHONE:+1 (415) 555-0132"}},
		// After a '+', a number numbered as its country numbers is one,
		// even in a range libphonenumber lists as unused.
		{"intl of an unused range", "to +44 7700 900123, +447700900456 or +1 222 555 0132", []string{"PHONE:+44 7700 900123", "PHONE:+447700900456", "PHONE:+1 222 555 0132"}},
		{"plus before what no country numbers", "tz +0800, score +12345, +1234567, +44 7700 9001, +1 111 555 0132", nil},
		{"intl dotted", "call +1.415.555.0132", []string{"PHONE:+1.415.555.0132"}},
		{"spaced dashes", "call me at 415 - 555 - 0132 or 010 - 1234 - 5678", []string{"PHONE:415 - 555 - 0132", "PHONE:010 - 1234 - 5678"}},
		{"japanese prolonged sound mark for a dash", "電話番号:090ー1234ー5678です", []string{"PHONE:090ー1234ー5678"}},
		{"ideographic space", "手机：１３８　００１３　８０００", []string{"PHONE:１３８　００１３　８０００"}},
		{"no-break spaces and dashes", "tél 06\u00a012\u00a034\u00a056\u00a078, +33\u202f6\u202f12\u202f34\u202f56\u202f78, 415\u2013555\u20130132", []string{"PHONE:06\u00a012\u00a034\u00a056\u00a078", "PHONE:+33\u202f6\u202f12\u202f34\u202f56\u202f78", "PHONE:415\u2013555\u20130132"}},
		{"invisible characters between full-width digits", "手机１３８\u200b００１３\ufeff８０００谢谢", []string{"PHONE:１３８\u200b００１３\ufeff８０００"}},
		{"typesetting spaces and the figure dash", "call +1\u2009415\u2009555\u20090132 or 415\u2012555\u20120132", []string{"PHONE:+1\u2009415\u2009555\u20090132", "PHONE:415\u2012555\u20120132"}},
		{"not phone: a year range with a figure dash, a time with a thin space", "1990\u20122000 at 12\u200930 pm", nil},
		{"br mobile nine apart", "Fone: +55 11 9 8765-4321 ou (11) 9 8765-4321", []string{"PHONE:+55 11 9 8765-4321", "PHONE:(11) 9 8765-4321"}},
		{"intl country code in parens", "(+44) 20 7946 0958 or (+86)13800138000", []string{"PHONE:(+44) 20 7946 0958", "PHONE:(+86)13800138000"}},
		{"phone in parens", "call me (13800138000) or (+8613800138000)", []string{"PHONE:13800138000", "PHONE:+8613800138000"}},
		{"not phone: a country code alone in parens", "dial (+44) first", nil},
		{"intl ru", "звони +7 495 123-45-67", []string{"PHONE:+7 495 123-45-67"}},
		{"intl 00", "ring 0049 30 12345678", []string{"PHONE:0049 30 12345678"}},
		// After "00" as after '+', the group after the country code may be
		// one digit; not where the groups do not set the code apart.
		{"intl 00, a one-digit area", "ring 0033 1 42 68 53 00 or 00 33 1 42 68 53 00", []string{"PHONE:0033 1 42 68 53 00", "PHONE:00 33 1 42 68 53 00"}},
		{"00 before groups that are no code", "ref 00 12 3 45 67 89 01, id 00 1 2 3 4 5 6 7 8 9", nil},
		{"intl url encoded plus", "/v1/login?phone=%2B8613800138000&x=1", []string{"PHONE:%2B8613800138000"}},
		{"intl url encoded plus lower", "tel=%2b14155550132", []string{"PHONE:%2b14155550132"}},
		{"not phone: encoded plus in a word", "a%2B14155550132 q=%2B1", nil},
		{"cn spaced", "我的手机号是138 0013 8000", []string{"PHONE:138 0013 8000"}},
		{"cn bare", "手机13800138000谢谢", []string{"PHONE:13800138000"}},
		{"ru bare mobile with its trunk prefix", "see 89123456789 ok", []string{"PHONE:89123456789"}},
		{"whatsapp link", "chat: https://wa.me/8613800138000 now", []string{"PHONE:8613800138000"}},
		{"not phone: 11 digits after an 8 that are no mobile", "id 84951234567 and 88005553535", nil},
		{"cn fullwidth", "电话１３８００１３８０００", []string{"PHONE:１３８００１３８０００"}},
		{"phone in a form-encoded query string", "GET /signup?phone=%2B86+138+0013+8000&tel=138+0013+8000&m=%2B1%20415%20555%200132", []string{"PHONE:%2B86+138+0013+8000", "PHONE:138+0013+8000", "PHONE:%2B1%20415%20555%200132"}},
		{"plus signs outside a query string", "calc 1+800+555+0132 and 2+2 and 13800138000+1, q=1+2&n=5+13800138000", []string{"PHONE:13800138000", "PHONE:13800138000"}},
		{"german area code and spaced slash", "Tel. 030 / 1234567, Fax 030/7654321; ratio 0 / 1234567", []string{"PHONE:030 / 1234567", "PHONE:030/7654321"}},
		{"fullwidth plus", "电话：＋８６ １３８ ００１３ ８０００ 或 ＋４４ ２０ ７９４６ ０９５８", []string{"PHONE:＋８６ １３８ ００１３ ８０００", "PHONE:＋４４ ２０ ７９４６ ０９５８"}},
		{"fullwidth plus alone", "ａ＋ｂ ＋ x＋", nil},
		{"arabic-indic digits", "اتصل بي على +٢٠١٠١٢٣٤٥٦٧٨", []string{"PHONE:+٢٠١٠١٢٣٤٥٦٧٨"}},
		{"devanagari digits", "मेरा नंबर ९८७६५४३२१० है", []string{"PHONE:९८७६५४३२१०"}},
		{"persian digits", "شماره من +۹۸۹۱۲۱۲۳۴۵۶۷ است", []string{"PHONE:+۹۸۹۱۲۱۲۳۴۵۶۷"}},
		{"arabic imei", "IMEI ٤٩٠١٥٤٢٠٣٢٣٧٥١٨", []string{"IMEI:٤٩٠١٥٤٢٠٣٢٣٧٥١٨"}},
		{"not phone: arabic-indic order number and year", "رقم الطلب ١٢٣٤٥ تاريخ ٢٠٢٦", nil},
		{"us parens", "call (415) 555-0132 today", []string{"PHONE:(415) 555-0132"}},
		{"us dots", "cell 415.555.0132", []string{"PHONE:415.555.0132"}},
		{"de", "Ruf mich an: 030 12345678", []string{"PHONE:030 12345678"}},
		{"full-width ipv4 and dotted phone", "我的IP是１９２．１６８．１．１，电话１３８．００１３．８０００，版本１．２．３，１２．５元", []string{"IPV4:１９２．１６８．１．１", "PHONE:１３８．００１３．８０００"}},
		{"after full-width punctuation and letters", "好的，把照片发到１３８００１３８０００，ＯＫ？或者ｐｉｎｇ 13900139000", []string{"PHONE:１３８００１３８０００", "PHONE:13900139000"}},
		{"after a broken first byte", "id \xef13800138000 \xe0\xa413900139000", []string{"PHONE:13800138000", "PHONE:13900139000"}},
		{"full-width parentheses", "电话：（010）12345678，（０１０）１２３４５６７８，（+86）138 0013 8000，（13800138000），价格（2026）版", []string{"PHONE:（010）12345678", "PHONE:（０１０）１２３４５６７８", "PHONE:（+86）138 0013 8000", "PHONE:13800138000"}},
		// A token after the slash reads as the digits it stands for.
		// Numbers of seven digits or more joined by '/' are a list, read
		// item by item; a token after the slash stands for such an item.
		{"a number before a slash and a finding", "0100000000/02100 15 and 02/06/2026, 0100000/000/02100 15", []string{"PHONE:0100000000", "PHONE:02100 15", "PHONE:0100000/000", "PHONE:02100 15"}},
		{"a number before a slash and a token", "0100000000/<PHONE:k1:htsqsjjjktkkhssqsptzkyrk> 0100000/000/<PHONE:k1:htsqsjjjktkkhssqsptzkyrk> Tel 030 1234567/<br>", []string{"PHONE:0100000000", "PHONE:0100000/000", "PHONE:030 1234567"}},
		{"phone numbers listed with slashes", "13800138000/13900139000, 138-0013-8000/139-0013-9000, 138 0013 8000/139 0013 9000", []string{"PHONE:13800138000", "PHONE:13900139000", "PHONE:138-0013-8000", "PHONE:139-0013-9000", "PHONE:138 0013 8000", "PHONE:139 0013 9000"}},
		{"not phone: dates, epochs and ids joined by slashes", "ts 17803872132/1, 923582447/784809, 2026-06-02/2026-06-03, 20260602/20260603, 1717322472/1717322473, 1717322472123/1717322473123, /v1/objects/12345678/98765432, order 12345678/87654321", nil},
		{"chinese msisdn", "key thumb:8613800138000:256", []string{"PHONE:8613800138000"}},
		{"local numbers after a phone label", "call me at 555-0132; phone: 5550132, Tel. 1234567, 电话 12345678, телефон 123-45-67", []string{"PHONE:555-0132", "PHONE:5550132", "PHONE:1234567", "PHONE:12345678", "PHONE:123-45-67"}},
		// Its last group is no local number of its own where no region has it
		// (English text: TestRedactKind in cmd/veil).
		{"a number with its area code after a phone label", "Call me at 030 1234567 or ０３０ １２３４５６７", []string{"PHONE:030 1234567", "PHONE:０３０ １２３４５６７"}},
		{"not phone: 7-8 digits after other words", "order number 1234567, build 12345678, serial number 555-0132, call 3 times in 1234567 ms, phone model 2026-06-02, Tel 12.05.2026, Tel. Ref 1234567", nil},
		{"not card: epoch times near a card", "card=5216468460222274 ts_ms=1780388686285 us=1780388686285001 ns=1780388686285000000", []string{"CARD:5216468460222274"}},
		{"card: 13-digit visa and 15-digit uatp", "old card 4222222222222, airline card 122000000000003", []string{"CARD:4222222222222", "CARD:122000000000003"}},
		{"not phone: zero-padded reference numbers", "order 0123456789 shipped; Bestellnummer 0301234567, 订单号0123456789, ticket: 07911123456, UPC 036000291452, barcode: 036000291452, pedido nº 0212345678, order no. 0123456789, customerOrderId=0123456789, invoice_no=\"0123456789\", Заказ № 0123456789, طلب رقم 0123456789, call about order 0123456789", nil},
		{"phone after a word that only looks like a label", "preferred 0123456789, confirmation sent to 07911123456, border 0123456789", []string{"PHONE:0123456789", "PHONE:07911123456", "PHONE:0123456789"}},
		{"phone after a reference number", "order 0123456789: call 07911123456 or 07011234567", []string{"PHONE:07911123456", "PHONE:07011234567"}},
		{"not phone: 13 digits from 86 but no mobile", "ts 8612345678901 id 8601380013800", nil},
		{"send to, in hindi", "मेरी फोटो को कार्टून बनाओ और 9876543210 पर भेजो", []string{"PHONE:9876543210"}},
		{"text me", "text me at 4155550132", []string{"PHONE:4155550132"}},
		{"de extension after a dash", "Fax: +49 30 1234567-9, Zentrale 030 12345-0", []string{"PHONE:+49 30 1234567-9", "PHONE:030 12345-0"}},
		{"not phone: a last digit apart without a trunk prefix and area code", "ref 012 3456-7 v 070 0 0 0 build 0.1.2345-6 rut 12.345.678-5 isbn 0-306-40615-2 030-1234-5", nil},
		{"jp", "電話は090-1234-5678です", []string{"PHONE:090-1234-5678"}},
		{"br", "Whats (11) 98765-4321", []string{"PHONE:(11) 98765-4321"}},
		{"kr", "연락처 010-1234-5678", []string{"PHONE:010-1234-5678"}},
		{"gb", "ring 020 7946 0958", []string{"PHONE:020 7946 0958"}},
		{"fr", "appelle 01 23 45 67 89", []string{"PHONE:01 23 45 67 89"}},
		{"in", "phone 98765 43210", []string{"PHONE:98765 43210"}},
		{"ru national", "8 (495) 123-45-67", []string{"PHONE:8 (495) 123-45-67"}},
		{"json escaped newline", `line\n138 0013 8000`, []string{"PHONE:138 0013 8000"}},

		// Phone decoys.
		{"timestamp", "at 2026-06-02T10:11:12Z done", nil},
		{"timestamp ms zone", "2026-06-02T08:00:00.549+08:00 INFO", nil},
		{"access log time", `[02/Jun/2026:08:00:00 +0000] "GET /`, nil},
		{"clock", "dur=00:38:17 length 01:17", nil},
		{"date then phone", "2026-06-02 13800138000", []string{"PHONE:13800138000"}},
		{"time then e164", "10:11:12 +8613800138000", []string{"PHONE:+8613800138000"}},
		{"clock then mac", "at 10:11 aa:bb:cc:dd:ee:ff", []string{"MAC:aa:bb:cc:dd:ee:ff"}},
		{"digit mac", "12:34:56:78:90:12", []string{"MAC:12:34:56:78:90:12"}},
		{"number then mac", "0 3a:ae:76:96:6c:20 0", []string{"MAC:3a:ae:76:96:6c:20"}},
		{"number then ipv6", "7 12 fe80::1 x", []string{"IPV6:fe80::1"}},
		{"clock ipv6", "10:11::1", []string{"IPV6:10:11::1"}},
		{"date joined", "ref 2026-06-02-4155550132", nil},
		{"date time", "2026-06-02 10:11:12 start", nil},
		{"date dmy", "am 02.06.2026 um", nil},
		{"epoch s", "ts=1780000000 ", nil},
		{"epoch ms", "ts=1780000000123", nil},
		{"order number", "order 4839201847562910 shipped", nil},
		{"comma-separated list", "sms to 13800138000,13900139000; imeis 490154203237518,352099001761481; 1,299.00 12,345,678", []string{"PHONE:13800138000", "PHONE:13900139000", "IMEI:490154203237518", "IMEI:352099001761481"}},
		{"phone word right after the number", "in 9876543210 (mobile); मुझे 9876543210 पर कॉल करें", []string{"PHONE:9876543210", "PHONE:9876543210"}},
		// A key=value pair's key says what its number is: a phone word
		// before it is another pair's.
		{"another pair's phone word", `phone="+201202014439" job=436504021530161 id=4155550132`, []string{"PHONE:+201202014439"}},
		{"its own phone key", `phone=436504021530161 tel="4155550132"`, []string{"PHONE:436504021530161", "PHONE:4155550132"}},
		{"phone word further after the number", "order 9876543210 shipped, phone case", nil},
		{"invoice and sku numbers", "invoice INV-2026-000123, SKU-1380013-8000", nil},
		{"dashed after a phone word", "tel-138-0013-8000", []string{"PHONE:138-0013-8000"}},
		{"account named after a phone number", "user-13800138000", []string{"PHONE:13800138000"}},
		{"price", "price 1,299.00 or 12.99", nil},
		{"a list of numbers", "/MediaBox [0 0 612 792], 541 550 559 568 577 587 596 605 615 625, 65099 65244 65389 65535, 0 5 10 15 20 25 30 35 40 45", nil},
		{"a MAC after a label and a colon", "MAC:a4:b1:c2:d3:e4:f5 ADD:a4:b1:c2:d3:e4:f6 wlan0:a4:b1:c2:d3:e4:f7", []string{"MAC:a4:b1:c2:d3:e4:f5", "MAC:a4:b1:c2:d3:e4:f6", "MAC:a4:b1:c2:d3:e4:f7"}},
		{"a cookie's word in a sentence", "tests: cookie: fixed exit condition [ci skip]", nil},
		{"a cookie header", "Cookie: session=9f8e7d6c5b4a; _ga=GA1.2.123", []string{"SECRET:session=9f8e7d6c5b4a; _ga=GA1.2.123"}},
		{"scopes in code", "at D::f (invalid): print C::A<int>::c, B::b and free_func()::FF_s_var", nil},
		{"a key's fingerprint", "SHA256 Fingerprint: 88:ef:81:de:20:2e:b0:18:45:2e:43:f8:64:72:5c:ea, MD5 76:00:cc:81:29:cd:55:5e:88:6a:7a:2e:f7:4d:39:da:11:22:33:44", nil},
		{"a list with tokens", "0100000 000 <MAC:k1:phzggzhskwxqtnjwszjxrzqm> 0, <PHONE:k1:hqshpxtqxmgwwkmjtptgptnj> 0151 20828073", nil},
		{"a list of four-digit numbers", "3189 3214 3239 3264 3289 3315 3341 3366, 4584 4615 4646 4677 4708 4740 4771 4803", nil},
		{"a phone number in a list, named", "phones: 0151 20828073 0171 1234567", []string{"PHONE:0151 20828073", "PHONE:0171 1234567"}},
		{"ZIP+4 after a state", "59 Temple Place, Suite 330, Boston, MA  02111-1307  USA; Cambridge, MA 02139-4307", nil},
		{"version", "app 4.12.0 build 4.12.0.1234 ios 17.4.1", nil},
		{"long versions", "build 4.11.3.1999, 1.2.3.4.56789: 10.0.19045.4291.", nil},
		{"french dots after a build", "build 5.0.2.1625 tel 06.01.54.62.83", []string{"PHONE:06.01.54.62.83"}},
		{"resolution", "1920x1080 and 3840 x 2160", nil},
		{"phone extensions after a dash", "总机 010-12345678-123, 415-555-0132-12, 35-209900-176148-1-7a but 030-1234-5", []string{"PHONE:010-12345678", "PHONE:415-555-0132", "IMEI:35-209900-176148-1"}},
		{"phone extensions", "+1-415-555-0132x12, (415) 555-0132x7, +8613800138000X1 but 1920x1080 12-34-56x7", []string{"PHONE:+1-415-555-0132", "PHONE:(415) 555-0132", "PHONE:+8613800138000"}},
		{"numbers with units and suffixes", "4k video, 19th-century, 250ms at 60fps, 3D, 1_000, 5G 13800138000", []string{"PHONE:13800138000"}},
		{"duration", "took 12:34:56 or 1234ms", nil},
		{"port status", "port :8080 status 404 bytes 5321", nil},
		{"access log status and size", `"POST /v1/upload HTTP/1.1" 415 5550132 "-"`, nil},
		{"access log status and size, HTTP/2", `"GET / HTTP/2" 200 2025550132 "-"`, nil},
		{"access log size alone", `"GET /?u=1 HTTP/1.1" 200 13800138000`, []string{"PHONE:13800138000"}},
		{"status words are not a request line", `"done" 415 555 0132`, []string{"PHONE:415 555 0132"}},
		{"chrome version", "Mozilla/5.0 Chrome/124.0.0.0 Safari/537.36", nil},
		{"versions named by their label", "app_version=4.12.0.1 build=1.0.0.7 Version:2.0.1.5 firmware=3.1.2.0 版本:1.2.3.4", nil},
		{"versions named by their xml element", "<build>4.11.3.2167</build><appVersion>1.2.3.4</appVersion>", nil},
		{"addresses in xml elements", "<ip>10.1.2.3</ip><server>10.1.2.4</server> <build>x</build>10.1.2.5", []string{"IPV4:10.1.2.3", "IPV4:10.1.2.4", "IPV4:10.1.2.5"}},
		{"ipv4 after a label that names no version, or a space", "server=10.1.2.3 driver:10.0.0.2 version 1.2.3.4 version: 1.2.3.5",
			[]string{"IPV4:10.1.2.3", "IPV4:10.0.0.2", "IPV4:1.2.3.4", "IPV4:1.2.3.5"}},
		{"git sha", "commit 3f2a9c1b7d4e5f60718293a4b5c6d7e8f9012345", nil},
		{"hex color", "color #aabbcc #112233", nil},
		{"request id", "request_id=550e8400-e29b-41d4-a716-446655440000", nil},

		{"ipv4 after a number and a slash or colon", "0000/203.0.113.77, 0000 / 203.0.113.77, try 3:10.1.2.3; 02/06/2026 12:34:56.789", []string{"IPV4:203.0.113.77", "IPV4:203.0.113.77", "IPV4:10.1.2.3"}},
		{"ipv4 after a word ending in a digit and a slash", "Chrome/124.0.0.0 api/v2/10.1.2.3", []string{"IPV4:10.1.2.3"}},
		{"imei after a number and a slash", "0000/490154203237518 0, 030 / 490154203237518", []string{"IMEI:490154203237518", "IMEI:490154203237518"}},
		{"ipv4 lists", "X-Forwarded-For: 203.0.113.7, 10.0.0.1,192.168.0.1, 10.0.0.2,<IPV4:k1:abc> 1.2.3.4,5",
			[]string{"IPV4:203.0.113.7", "IPV4:10.0.0.1", "IPV4:192.168.0.1", "IPV4:10.0.0.2", "IPV4:1.2.3.4"}},
		{"numbers after a comma or before a parenthesis are read on their own", "5,13800138000 1.2.3.4:80,5.6.7.8:443 45.177.64.29(1.2.3.4) 138-0013-8000(415) 555-0132 (1.2.3.4)13800138000; 1,299.00 12,345,678",
			[]string{"PHONE:13800138000", "IPV4:1.2.3.4", "IPV4:5.6.7.8", "IPV4:45.177.64.29", "IPV4:1.2.3.4", "PHONE:138-0013-8000", "PHONE:(415) 555-0132", "IPV4:1.2.3.4", "PHONE:13800138000"}},
		{"numbers after '_' or past a time's or a price's last group", "id_2024_13800138000 sku2_13800138000 export_2026_06_02_13800138000.csv 1,299,13800138000 10:11:12,13800138000 at 12:13800138000",
			[]string{"PHONE:13800138000", "PHONE:13800138000", "PHONE:13800138000", "PHONE:13800138000", "PHONE:13800138000", "PHONE:13800138000"}},
		{"findings before '_'", "13800138000_backup 490154203237518_01 10.0.0.1_x aa:bb:cc:dd:ee:ff_x",
			[]string{"PHONE:13800138000", "IMEI:490154203237518", "IPV4:10.0.0.1", "MAC:aa:bb:cc:dd:ee:ff"}},
		{"underscores, times and prices that hold nothing", "IMG_20260602_101112.jpg build_2026_06_02 OS 17_6_1 16:9 1920x1080_60fps 2026-06-02 10:11:12,345 12:30 10:11:12.123456789Z 1,299.00, 3,897.00", nil},
		// Host names spell addresses with dashes: reverse DNS of home
		// connections, cloud machines' names.
		{"ipv4 glued to a host label's word", "from ip68-100-1-2.ri.ri.cox.net, cable12-1-2-3.x.example and host86-150-1-2.range86-150.btcentralplus.com, not x86-64-linux-gnu, v1-2-3-4.tar.gz, SM-G991B-1-2-3 or abc12-1-2-3.example", []string{"IPV4:68-100-1-2", "IPV4:12-1-2-3", "IPV4:86-150-1-2"}},
		{"a CJK label after digits", "0210000手机0000000 x", []string{"PHONE:0210000", "PHONE:0000000"}},
		{"ipv4 in a host name before a token", "0-0-0-0.0.A.<IPV4:k1:jgvqgvypnrqhtvsrykmngzky> and 0-0-0-0.0.A.0.0.0.0", []string{"IPV4:0.0.0.0"}},
		{"ipv4 in a host name", "from c-73-158-12-4.hsd1.ca.comcast.net, 203-0-113-7.static.example.net, ip-10-0-1-23 and ip-10-0-1-24.ec2.internal",
			[]string{"IPV4:73-158-12-4", "IPV4:203-0-113-7", "IPV4:10-0-1-23", "IPV4:10-0-1-24"}},
		{"dashed numbers that are no host name's address", "steps 1-2-3-4. img-1-2-3-4.jpg 1-2-3-4.5.6 ip-1-2-3-4-5 zip-10-0-1-23 c-1-2-3-256.x.net c-1-2-3-4x.x.net", nil},
		{"ipv4 range", "allow 192.168.1.1-192.168.1.255 and 10.0.0.1-5", []string{"IPV4:192.168.1.1", "IPV4:192.168.1.255", "IPV4:10.0.0.1"}},
		{"ipv6 after a word and a colon", "ip6:2001:db8::2; eth0:fe80::1", []string{"IPV6:2001:db8::2", "IPV6:fe80::1"}},
		{"mac without leading zeros", "arp ? (192.168.1.1) at a4:83:e7:5:6c:1 on en0, 0:1A:2b:3c:4d:5e", []string{"IPV4:192.168.1.1", "MAC:a4:83:e7:5:6c:1", "MAC:0:1A:2b:3c:4d:5e"}},
		{"short colon groups that are no mac", "a:b:c:d:e:f 1:2:3:4:5:6 0:0:0:0:0:ffff:1.2.3.4 1:22:33:44:55:66:77", []string{"IPV6:0:0:0:0:0:ffff:1.2.3.4"}},

		// IMEI, IMSI.
		{"imei plain", "device 490154203237518 ok", []string{"IMEI:490154203237518"}},
		{"imei grouped", "IMEI 35-209900-176148-1", []string{"IMEI:35-209900-176148-1"}},
		{"imei spaced", "imei: 35 209900 176148 1", []string{"IMEI:35 209900 176148 1"}},
		{"imei not luhn", "order 490154203237519", nil},
		{"context word", "phone 0210000", []string{"PHONE:0210000"}},
		{"no context from a token's kind", "<PHONE:k1:hqshpxtqxmgwwkmjtptgptnj> 0210000", nil},
		{"no context from a token's key or mac", "<IPV4:tel:smsqxmgwwkmjtptgptnjhqs> 0210000", nil},
		{"context after a label's colon", "ids:idfa=DD109048-3E99-47DE-A91D-00DEBC6DE730", []string{"ADID:DD109048-3E99-47DE-A91D-00DEBC6DE730"}},
		{"imei after numbers joined by spaces", "ids 1 2 3 4 5 490154203237518", []string{"IMEI:490154203237518"}},
		{"imei after a trunk prefix join", "+0(0) 490154203237518 0", []string{"IMEI:490154203237518"}},
		{"the longest number before a space", "call 138 0013 8000 350995116277994", []string{"PHONE:138 0013 8000", "IMEI:350995116277994"}},
		{"imsi context", "IMSI=460001234567890", []string{"IMSI:460001234567890"}},
		{"imsi as android names it", "subscriberId=310150123456789", []string{"IMSI:310150123456789"}},
		{"android's telephony getters, as apps log them",
			"getSubscriberId()=310150123456789 getImei=35209900176148 getMeid=A0000000002329 getDeviceId: 35209900176149 getSimSerialNumber=89014103211118510720",
			[]string{"IMSI:310150123456789", "IMEI:35209900176148", "IMEI:A0000000002329", "IMEI:35209900176149", "ICCID:89014103211118510720"}},
		{"not imei: 14 digits after another getter", "getDeviceIdentifier=35209900176148 getItemId=35209900176148", nil},
		{"imei with its software version", "IMEI:352099001761481/01", []string{"IMEI:352099001761481"}},
		{"meid after its label", "MEID: A0000000002329 meid=99000123456789", []string{"IMEI:A0000000002329", "IMEI:99000123456789"}},
		{"not meid: 14 hex digits without a label", "build A0000000002329 ok", nil},
		{"iccid after its label", "ICCID: 89860012345678901234, iccid=8986 0012 3456 7890 123", []string{"ICCID:89860012345678901234", "ICCID:8986 0012 3456 7890 123"}},
		{"not iccid: 20 digits without a label", "trace 89860012345678901234 ok", nil},
		{"two numbers a space apart: a log's process and thread ids", "2026-06-02T08:00:06.718Z 22958 30849 D Telephony: x", nil},
		{"two numbers a space apart", "read 12345 67890 bytes, pid 8251 1497", nil},
		{"one number in two groups as its region writes it", "ring 98765 43210 or 07911 123456 or 0171 1234567", []string{"PHONE:98765 43210", "PHONE:07911 123456", "PHONE:0171 1234567"}},
		{"two groups with a phone word near", "phone 22958 30849", []string{"PHONE:22958 30849"}},
		{"phones joined by a slash", "电话：13800138000/13900139000", []string{"PHONE:13800138000", "PHONE:13900139000"}},
		{"not phone: dates and fractions", "date 02/06/2026 ratio 1234567/89 ts 17803872132/1 order=923582447/784809", nil},

		// MAC.
		{"mac colon", "mac aa:bb:cc:dd:ee:ff", []string{"MAC:aa:bb:cc:dd:ee:ff"}},
		{"macs of a netfilter log", "IN=eth0 MAC=00:16:3e:5e:6c:00:00:16:3e:11:22:33:08:00 SRC=", []string{"MAC:00:16:3e:5e:6c:00", "MAC:00:16:3e:11:22:33"}},
		{"mac upper dash", "MAC 00-1A-2B-3C-4D-5E.", []string{"MAC:00-1A-2B-3C-4D-5E"}},
		{"mac cisco", "addr aabb.ccdd.eeff", []string{"MAC:aabb.ccdd.eeff"}},
		{"mac huawei dashed", "MAC address 00e0-fc12-3456 learned", []string{"MAC:00e0-fc12-3456"}},
		{"adid bare after its label", "idfa=6d92078a82464ba4ae5b76104861e7dc gaid: 38400000aa0011bdb23e10b96e40000d", []string{"ADID:6d92078a82464ba4ae5b76104861e7dc", "ADID:38400000aa0011bdb23e10b96e40000d"}},
		{"adid after the names ios apps log and the settings' names in cjk",
			"advertisingIdentifier = 6D92078A-8246-4BA4-AE5B-76104861E7DC identifierForVendor: 6D92078A-8246-4BA4-AE5B-76104861E7DD 广告标识符: 6D92078A-8246-4BA4-AE5B-76104861E7DE 광고 ID 6D92078A-8246-4BA4-AE5B-76104861E7DF",
			[]string{"ADID:6D92078A-8246-4BA4-AE5B-76104861E7DC", "ADID:6D92078A-8246-4BA4-AE5B-76104861E7DD", "ADID:6D92078A-8246-4BA4-AE5B-76104861E7DE", "ADID:6D92078A-8246-4BA4-AE5B-76104861E7DF"}},
		{"local number after a label whose start is a shorter phone word", "telefon: 555-0132, telephone: 555-0133, Handynummer 555 0134, imeisv: 35209900176148",
			[]string{"PHONE:555-0132", "PHONE:555-0133", "PHONE:555 0134", "IMEI:35209900176148"}},
		{"not adid: 32 hex digits without a label", "md5 6d92078a82464ba4ae5b76104861e7dc", nil},
		{"mac bare after its label", `kv: mac="aabbccddeef0" bssid=001a2b3c4d5e`, []string{"MAC:aabbccddeef0", "MAC:001a2b3c4d5e"}},
		{"not mac: bare hex without a label", "commit aabbccddeeff, ts 202606021011 machine=ab12cd34ef56", nil},
		{"mac bare after labels", `wifi_mac: 001a2b3c4d5e, "BSSID":"001A2B3C4D5F" hwaddr=001a2b3c4d60`, []string{"MAC:001a2b3c4d5e", "MAC:001A2B3C4D5F", "MAC:001a2b3c4d60"}},
		{"mac huawei upper", "[AABB-CCDD-EEFF]", []string{"MAC:AABB-CCDD-EEFF"}},
		{"mac bare after labels in other languages", "MAC地址：a4b1c2d3e4f5 mac地址=a4b1c2d3e4f6 MACアドレス: a4b1c2d3e4f7 MAC주소 a4b1c2d3e4f8 Mac-адрес: a4b1c2d3e4f9",
			[]string{"MAC:a4b1c2d3e4f5", "MAC:a4b1c2d3e4f6", "MAC:a4b1c2d3e4f7", "MAC:a4b1c2d3e4f8", "MAC:a4b1c2d3e4f9"}},
		{"mac bare after a spelled-out label", "MAC Address: A4B1C2D3E4F5, Bluetooth address: A4B1C2D3E4F6, mac_address=a4b1c2d3e4f7",
			[]string{"MAC:A4B1C2D3E4F5", "MAC:A4B1C2D3E4F6", "MAC:a4b1c2d3e4f7"}},
		// With no digit, no digit anchors it: its label's last byte does.
		{"mac bare in hex letters alone", "<mac>FECECEBADDEB</mac> MAC地址：EADEDBEFCCDA mac=abcdefabcdef MAC: ABCDEFABCDEE bssid=\"ffeeddccbbaa\"",
			[]string{"MAC:FECECEBADDEB", "MAC:EADEDBEFCCDA", "MAC:abcdefabcdef", "MAC:ABCDEFABCDEE", "MAC:ffeeddccbbaa"}},
		{"not mac: hex letters alone without a label or too many", "Note: abcdefabcdef, x>Deadbeefcafe, mac=abcdefabcdefa, <b>facadeddecaf</b>", nil},
		{"labels as xml elements", "<device><imei>35209900176148</imei><mac>a4b1c2d3e4f5</mac><PHONE>4155550132</PHONE></device>",
			[]string{"IMEI:35209900176148", "MAC:a4b1c2d3e4f5", "PHONE:4155550132"}},
		{"not a label: a token's head", "<IMEI:k1:ghjkmnpqrstvwxyzghjkmnpq> 35209900176148 <MAC:k1:ghjkmnpqrstvwxyzghjkmnpq> a4b1c2d3e4f5", nil},
		{"not mac: bare hex after separators at the text's start", " 000000000000", nil},
		{"not mac: bare hex after a full-width colon and no label", "机器：a4b1c2d3e4f5 machine：a4b1c2d3e4f6 哈希值：a4b1c2d3e4f7", nil},
		{"mac url encoded", "GET /v1/ping?mac=00%3A1a%3A2B%3A3c%3A4d%3A5e&wifi=aa%3abb%3acc%3add%3aee%3aff HTTP/1.1", []string{"MAC:00%3A1a%3A2B%3A3c%3A4d%3A5e", "MAC:aa%3abb%3acc%3add%3aee%3aff"}},
		{"mac url encoded after a number", "0 73%3A00%3A00%3A00%3A00%3A00 0", []string{"MAC:73%3A00%3A00%3A00%3A00%3A00"}},
		{"ipv6 url encoded", "GET /collect?uip=2001%3Adb8%3A%3A1&ip=2001%3ADB8%3A85A3%3A0%3A0%3A8A2E%3A370%3A7334 ok", []string{"IPV6:2001%3Adb8%3A%3A1", "IPV6:2001%3ADB8%3A85A3%3A0%3A0%3A8A2E%3A370%3A7334"}},
		{"not ipv6: url encoded run that goes on", "q=fe80%3A%3A1%3A x=0%3A%3A0 y=1%3A2", nil},
		{"not mac: url encoded with more groups", "x=00%3A1a%3A2b%3A3c%3A4d%3A5e%3A6f", nil},
		{"mac bare in json in a json string", `{\"mac\":\"001a2b3c4d5e\"}`, []string{"MAC:001a2b3c4d5e"}},
		{"dashed digits are a number", "ref 0800-1234-5678", []string{"PHONE:0800-1234-5678"}},
		{"not mac: longer dotted run", "id aabb.ccdd.eeff.0011", nil},
		{"not mac: longer dashed run", "id aabb-ccdd-eeff-0011", nil},
		{"mac digits first", "bssid=00:1a:2b:3c:4d:5e", []string{"MAC:00:1a:2b:3c:4d:5e"}},

		// Advertising IDs.
		{"idfa context", "idfa=6D92078A-8246-4BA4-AE5B-76104861E7DC", []string{"ADID:6D92078A-8246-4BA4-AE5B-76104861E7DC"}},
		{"a label before another key", "order=ORD-20260602-VAID44 req=a278e32b-944f-4251-b0c2-b549fb51cf4f", nil},
		{"label inside a word", "order=ORD-20260602-IDFAUY req=5674e24d-1a89-4aae-8dbf-05eea2ee5cc8 order=ORD-H5GAID0X req=a59f3977-127a-42c1-9edd-66f47c6e4bdd order=ORD-5T2IDFA req=e31b43d7-9498-4c22-a041-aabf18638411", nil},
		{"label with a digit, in camel case", "idfa1=6D92078A-8246-4BA4-AE5B-76104861E7DC idfaValue=38400000-8cf0-11bd-b23e-10b96e40000d", []string{"ADID:6D92078A-8246-4BA4-AE5B-76104861E7DC", "ADID:38400000-8cf0-11bd-b23e-10b96e40000d"}},
		{"imei label with its SIM's digit", "IMEI1: 490154203237518 IMEI2: 356938035643809", []string{"IMEI:490154203237518", "IMEI:356938035643809"}},
		{"gaid context", "GAID: 38400000-8cf0-11bd-b23e-10b96e40000d", []string{"ADID:38400000-8cf0-11bd-b23e-10b96e40000d"}},
		{"uuid no context", "trace 38400000-8cf0-11bd-b23e-10b96e40000d", nil},
		{"adid after a long label", "advertising_id=38400000-8cf0-11bd-b23e-10b96e40000d installation_id: 6D92078A-8246-4BA4-AE5B-76104861E7DC", []string{"ADID:38400000-8cf0-11bd-b23e-10b96e40000d", "ADID:6D92078A-8246-4BA4-AE5B-76104861E7DC"}},
		{"adid after an http header", "X-Device-Id: 38400000-8cf0-11bd-b23e-10b96e40000d, X-Request-Id: 38400000-8cf0-11bd-b23e-10b96e40000d", []string{"ADID:38400000-8cf0-11bd-b23e-10b96e40000d"}},
		{"crash reporter key", "CrashReporter Key:   5a0f4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a\nIncident Identifier: 6156A2D6-5E8B-4D2B-9C3A-1F2E3D4C5B6A", []string{"ADID:5a0f4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a"}},
		{"adid after the label in words", `"Advertising ID" 38400000-8cf0-11bd-b23e-10b96e40000d`, []string{"ADID:38400000-8cf0-11bd-b23e-10b96e40000d"}},
		{"not adid: the label far before", "advertising_id and then more words 38400000-8cf0-11bd-b23e-10b96e40000d", nil},
		{"android id context", "D/App: android_id=9774d56d682e549c ok", []string{"ADID:9774d56d682e549c"}},
		{"udid context", "udid=00008030-001A2B3C4D5E802E device_id: 2b6f0cc904d137be2e1730235f5664094b831186", []string{"ADID:00008030-001A2B3C4D5E802E", "ADID:2b6f0cc904d137be2e1730235f5664094b831186"}},
		{"not udid: a hash without its word", "commit 2b6f0cc904d137be2e1730235f5664094b831186 job 00008030-001A2B3C4D5E802E", nil},
		{"not adid: 16 hex digits without context", "commit 9774d56d682e549c", nil},

		// IPs.
		{"ipv4", "client 203.0.113.7 connected", []string{"IPV4:203.0.113.7"}},
		{"ipv4 port", "dial 10.1.2.3:8080", []string{"IPV4:10.1.2.3"}},
		{"ipv4 network", "net 10.1.2.0/24 host 203.0.113.7/32", []string{"IPV4:10.1.2.0", "IPV4:203.0.113.7"}},
		{"ipv4 netmask", "net 10.0.0.0/255.0.0.0", []string{"IPV4:10.0.0.0", "IPV4:255.0.0.0"}},
		{"ipv4 url", "http://192.168.1.20/x", []string{"IPV4:192.168.1.20"}},
		{"ipv4 in parens", "PING example.com (93.184.216.34): 56 data bytes", []string{"IPV4:93.184.216.34"}},
		{"ipv4 zero-padded", "peer 192.168.001.020 up", []string{"IPV4:192.168.001.020"}},
		{"not ipv4: two-digit padding", "v 01.02.03.04", nil},
		{"ipv4 bad octet", "1.2.3.256 and 1.2.3.4.5", nil},
		{"ipv6 compressed", "from 2001:db8::8a2e:370:7334 ok", []string{"IPV6:2001:db8::8a2e:370:7334"}},
		{"ipv6 full", "2001:0db8:0000:0000:0000:ff00:0042:8329", []string{"IPV6:2001:0db8:0000:0000:0000:ff00:0042:8329"}},
		{"ipv6 mapped", "peer ::ffff:192.0.2.128 x", []string{"IPV6:::ffff:192.0.2.128"}},
		{"ipv6 zone", "link fe80::1ff:fe23:4567:890a%eth0 up", []string{"IPV6:fe80::1ff:fe23:4567:890a%eth0"}},
		{"ipv6 zone ends a sentence", "via fe80::1%eth0.", []string{"IPV6:fe80::1%eth0"}},
		{"ipv6 run past the zone", "0::%0::0 and fe80::1%en0%en1", nil},
		{"ipv6 loopback", "[::1]:8080", []string{"IPV6:::1"}},
		{"ipv6 then a dot", "::.1.2.3.4 and fe80::.10.0.0.1", []string{"IPV4:1.2.3.4", "IPV6:fe80::", "IPV4:10.0.0.1"}},
		{"a dot running into a finding", "::A.0.0.0.0 x", []string{"IPV4:0.0.0.0"}},
		{"a zone running into a token", "0::%0A-<IPV6:k1:gpxrqnhpqwgxgkyxptyqsgpz>", nil},
		{"an e-mail address before numeric labels", "mail li@163.com.0.0.0.0 or lucas@uol.com.br5", []string{"EMAIL:li@163.com", "IPV4:0.0.0.0", "EMAIL:lucas@uol.com"}},
		// "%00" reads as a URL escape, and 13 digits are left.
		{"a zone mark with no zone", "::0%000000000000000% x", nil},
		{"url-encoded text before a number", "q=%E6%89%8B%E6%9C%BA13800138000&r=%E6%9C%BA%20138%200013%208000&t=tel%3A%2B8613800138000&x=%4113800138000", []string{"PHONE:13800138000", "PHONE:138%200013%208000", "PHONE:%2B8613800138000"}},
		{"the unspecified address is nobody's", "bind :: and ::%eth0, 0::, 0:0:0:0:0:0:0:0, port 80", nil},
		{"a number glued to an address head", "ab::490154203237518", []string{"IMEI:490154203237518"}},
		{"an address head before a token", "ab::<IMEI:k1:pwxrvwhgnwwkjrkgvrqppmtw> 00::<EMAIL:k1:ktpsvqgpjppvwjgnntkxjvst>", nil},
		{"a number after a bare ::", "::490154203237518", []string{"IMEI:490154203237518"}},
		{"an address right after a finding", "490154203237518:ab:cd::1", []string{"IMEI:490154203237518", "IPV6:ab:cd::1"}},
		{"a colon running into a word", "fe80::1:x and fe80::1: no route", []string{"IPV6:fe80::1"}},
		{"the ipv4 tail of a broken address", "ip :::fff:10.177.49.192", []string{"IPV4:10.177.49.192"}},
		{"not ipv6", "std::vector and 10:11:12", nil},
		{"colon runs", "a :::: b ::::: c", nil},
		{"ipv6 after a label colon", "ip:2001:db8::1", []string{"IPV6:2001:db8::1"}},
		{"ipv6 taken whole or not at all", "ip=fe80::31ea:65b9::6b7 ::1.::1", nil},

		// CN identity numbers and cards.
		{"cnid", "身份证11010519491231002X", []string{"CNID:11010519491231002X"}},
		{"cnid digits", "id 110101199003074477 ", []string{"CNID:110101199003074477"}},
		{"card laid out as printed, no word before", "pay with 4111 1111 1111 1111 exp 12/29, or 5555-5555-5555-4444, amex 3782 822463 10005", []string{"CARD:4111 1111 1111 1111", "CARD:5555-5555-5555-4444", "CARD:3782 822463 10005"}},
		{"card layout with no card network", "ref 1234 5678 9012 3452, order 4111111111111111", nil},
		{"american express number is no imei", "cc: 378282246310005, imei 378282246310005", []string{"CARD:378282246310005", "IMEI:378282246310005"}},
		{"cnid after the words id card", "ID card 440524198001010013", []string{"CNID:440524198001010013"}},
		{"cnid in parens", "(11010519491231002X)", []string{"CNID:11010519491231002X"}},
		// A number that runs into an address's local part ends where that
		// part starts, as it will before the address's token.
		{"number into a local part", "imei 490154203237518(0@163.com 490154203237518(0a@163.com", []string{"IMEI:490154203237518", "EMAIL:0@163.com", "IMEI:490154203237518", "EMAIL:0a@163.com"}},
		{"number before an address after a comma", "0 350000000002713 490154203237518,0@0.AA", []string{"IMEI:350000000002713", "IMEI:490154203237518", "EMAIL:0@0.AA"}},
		{"ipv6 run into a local part", "::1" + strings.Repeat("0", 64) + "@0.AA", []string{"IPV6:::1", "EMAIL:" + strings.Repeat("0", 64) + "@0.AA"}},
		{"number that is a local part", "13800138000@qq.com and +8613800138000@x.cn", []string{"EMAIL:13800138000@qq.com", "EMAIL:8613800138000@x.cn"}},
		{"card context", "card 4111 1111 1111 1111", []string{"CARD:4111 1111 1111 1111"}},
		{"card context, a 19-digit card's groups", "UnionPay card: 6212 3456 7890 1234 569", []string{"CARD:6212 3456 7890 1234 569"}},
		{"card context, an order number's groups", "card=4119252483577141 order=ORD-20260602-038552", []string{"CARD:4119252483577141"}},
		{"card no context", "ref 4111111111111111", nil},

		// IBANs: country, check digits, the country's length, mod 97.
		{"iban in groups", "IBAN DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX", []string{"IBAN:DE89 3704 0044 0532 0130 00"}},
		{"iban overlapped by another", "AZ02 AZ82 DE89 3704 0044 0532 0130 00; DE89 3704 0044 0532 0130 00 1234", []string{"IBAN:AZ02 AZ82 DE89 3704 0044 0532 0130 00", "IBAN:DE89 3704 0044 0532 0130 00"}},
		{"iban compact", "iban=GB29NWBK60161331926819&amt=12", []string{"IBAN:GB29NWBK60161331926819"}},
		{"iban with letters in its account", "FR14 2004 1010 0505 0001 3M02 606 / NL91 ABNA 0417 1643 00", []string{"IBAN:FR14 2004 1010 0505 0001 3M02 606", "IBAN:NL91 ABNA 0417 1643 00"}},
		{"iban in lower case", "mi cuenta es es91 2100 0418 4502 0005 1332.", []string{"IBAN:es91 2100 0418 4502 0005 1332"}},
		{"shortest and longest iban", "NO93 8601 1117 947 RU0204452560040702810412345678901", []string{"IBAN:NO93 8601 1117 947", "IBAN:RU0204452560040702810412345678901"}},
		{"iban in cjk text", "账户SA0380000000608010167519谢谢", []string{"IBAN:SA0380000000608010167519"}},
		{"iban with a wrong check", "DE88 3704 0044 0532 0130 00", nil}, // and its groups a list, no phone number
		{"iban of the wrong length", "DE89 3704 0044 0532 0130 0 and DE8937040044053201300012", nil},
		{"iban in a word", "XDE89370400440532013000 DE89370400440532013000X", nil},
		{"iban of no country", "QQ89370400440532013000", nil},
		// Brazilian CPFs: two check digits; bare only after the word.
		{"cpf as printed", "meu CPF é 529.982.247-25, obrigado", []string{"CPF:529.982.247-25"}},
		{"cpf printed with no word", "doc 529.982.247-25", []string{"CPF:529.982.247-25"}},
		{"cpf bare after the word", "CPF 52998224725 / cpf: 529982247-25", []string{"CPF:52998224725", "CPF:529982247-25"}},
		{"cpf bare with no word is none", "ligue 11987654321 ou 52998224725", []string{"PHONE:11987654321"}},
		{"cpf with a wrong check", "CPF 529.982.247-26", nil},
		{"cpf of one digit", "CPF 111.111.111-11", nil},
		// US SSNs: as printed; bare or spaced only after the word.
		{"ssn as printed", "my SSN is 123-45-6789.", []string{"SSN:123-45-6789"}},
		{"ssn bare after the word", "SSN 123456789 / social security no. 123 45 6789", []string{"SSN:123456789", "SSN:123 45 6789"}},
		{"ssn never issued", "ssn 000-12-3456, 123-00-4567, 123-45-0000", nil},
		{"ssn bare with no word is none", "id 123456789", nil},
		// Korean RRNs: a birth date and a sex digit.
		{"rrn as printed", "주민등록번호 900101-1234567 입니다", []string{"RRN:900101-1234567"}},
		{"rrn printed with no word", "번호: 051231-4123456", []string{"RRN:051231-4123456"}},
		{"rrn bare after the word", "주민번호 9001011234567", []string{"RRN:9001011234567"}},
		{"rrn of no date or sex", "901301-1234567 900132-1234567 900101-9234567", nil},
		{"rrn after an order label", "order 900101-1234567", nil},
		// Aadhaar numbers: the first digit 2-9, Verhoeff's check.
		{"aadhaar as printed", "मेरा आधार 2345 6789 0124 है, card 4990-1234-5678", []string{"AADHAAR:2345 6789 0124", "AADHAAR:4990-1234-5678"}},
		{"aadhaar bare after the word", "aadhaar: 987654321012", []string{"AADHAAR:987654321012"}},
		{"aadhaar with a wrong check", "aadhaar 2345 6789 0125", nil},
		{"aadhaar bare with no word is none", "id 987654321012", nil},
		// Russian SNILS: the sum of the first nine digits, weighted, mod 101.
		{"snils as printed", "СНИЛС 112-233-445 95", []string{"SNILS:112-233-445 95"}},
		{"snils printed with no word", "номер: 112-233-445 95", []string{"SNILS:112-233-445 95"}},
		{"snils bare after the word", "снилс: 11223344595", []string{"SNILS:11223344595"}},
		{"snils with a wrong sum", "СНИЛС 112-233-445 96", nil},
		// French NIR: sex, year and month of birth, place, key mod 97.
		{"nir as printed", "mon numéro 1 85 05 78 006 084 91", []string{"NIR:1 85 05 78 006 084 91"}},
		{"nir bare after the word", "n° de sécurité sociale : 185057800608491", []string{"NIR:185057800608491"}},
		{"not nir: the word's letters inside an ID", "order=ORD-20260602-NIRN42 job=266899591528591", nil},
		{"nir with a wrong key", "sécu 185057800608492", nil},
		{"nir of no month", "sécu 185157800608457", nil},
		// Japanese My Number and German Steuer-ID: only named, as bare or
		// printed they are laid out as other numbers are.
		{"my number after the word", "マイナンバーは123456789018です", []string{"MYNUMBER:123456789018"}},
		{"my number printed after the word", "my number: 1234 5678 9018", []string{"MYNUMBER:1234 5678 9018"}},
		{"my number with no word", "1234 5678 9018, 123456789018", nil},
		{"my number with a wrong check", "個人番号 123456789012", nil},
		{"steuer-id after the word", "Steuer-ID: 86 095 742 719 und IdNr 47036892816", []string{"STEUERID:86 095 742 719", "STEUERID:47036892816"}},
		{"steuer-id with no word", "86095742719", nil},
		{"steuer-id with no repeated digit", "Steuer-ID 12345678903", nil},
		// UK National Insurance numbers: spaced anywhere, compact named.
		{"nino as printed", "blur my NI no AB 12 34 56 C please; JG 10 37 24 A", []string{"NINO:AB 12 34 56 C", "NINO:JG 10 37 24 A"}},
		{"nino compact after the word", "National Insurance number: AB123456C", []string{"NINO:AB123456C"}},
		{"nino compact with no word", "ref AB123456C", nil},
		{"nino of a prefix never issued", "QQ 12 34 56 C, GB 12 34 56 A, AO 12 34 56 A", nil},
		{"nino of no suffix", "AB 12 34 56 E, AB 12 34 56", nil},
		{"nino in lower case", "ab 12 34 56 c", nil},
		// Saudi national IDs and Iqamas: 1 or 2, then Luhn; only named.
		{"saudi id after the word", "رقم الهوية 1012345672 والإقامة: 2456789011", []string{"SAUDIID:1012345672", "SAUDIID:2456789011"}},
		{"saudi id with no word", "1012345672", nil},
		{"saudi id with a wrong check", "iqama 1012345673", nil},
		{"saudi id of no holder", "iqama 3012345678", nil},
		// Cryptocurrency addresses: Bitcoin's checksums checked.
		{"wallet bitcoin base58", "send to 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 or 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy.",
			[]string{"WALLET:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "WALLET:3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"}},
		{"wallet base58 of other coins", "USDT (TRC20): TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t, doge DH5yaieqoZN36fDVciNyRueRGvGLR3mr7L, ltc LN84WkafJKnnzg5Ffaz5T6fQGyeZjHCVrV MTqAL5yogjqNmhp84pENAi4FUHGFXQscFJ",
			[]string{"WALLET:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "WALLET:DH5yaieqoZN36fDVciNyRueRGvGLR3mr7L", "WALLET:LN84WkafJKnnzg5Ffaz5T6fQGyeZjHCVrV", "WALLET:MTqAL5yogjqNmhp84pENAi4FUHGFXQscFJ"}},
		{"not wallet: a checksum that fails, a version of another letter, inside a word", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u LR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t xTR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", nil},
		{"wallet bitcoin base58 after seven digits", "发到我的钱包 1224246jbkki4SjBaVPSsKFiRs4TZx18v1", []string{"WALLET:1224246jbkki4SjBaVPSsKFiRs4TZx18v1"}},
		{"wallet bitcoin bech32", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq, BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ, bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297",
			[]string{"WALLET:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "WALLET:BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ", "WALLET:bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297"}},
		{"wallet ethereum", `eth: 0x52908400098527886E0F7030069857D2E4169EE7 {"to":"0xde0b295669a9fd93d5f28d9ec85e40f4cb697bae"}`,
			[]string{"WALLET:0x52908400098527886E0F7030069857D2E4169EE7", "WALLET:0xde0b295669a9fd93d5f28d9ec85e40f4cb697bae"}},
		{"not wallets", "bad sum 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz, ptr 0x7ffd5fbff8c8, " +
			"hash 0x52908400098527886E0F7030069857D2E4169EE70, mixed bc1Qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq, " +
			"bad bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdp, 1st 3rd 10ms bc1 0x 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2x", nil},
		{"iban grouped unevenly", "DE89 370400440532013000 and DE89 3704  0044 0532 0130 00", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := found(testSet.AppendSpans(nil, []byte(tt.text)), tt.text)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("AppendSpans(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestAppendValueSpans(t *testing.T) {
	tests := []struct {
		key, value string
		want       []string
	}{
		{"imei", "490154203237519", []string{"IMEI:490154203237519"}}, // no Luhn, but the key says so
		{"imeisv", "3520990017614823", []string{"IMEI:3520990017614823"}},
		// A CDMA phone's MEID, in hex or its 18-digit decimal form; Chinese
		// SDKs also send one under "imei".
		{"meid", "A0000000002329", []string{"IMEI:A0000000002329"}},
		{"imei", "a0000000002329", []string{"IMEI:a0000000002329"}},
		{"meid", "268435456000009001", []string{"IMEI:268435456000009001"}},
		{"meid", "A00000000023", nil},
		{"imsi", "460001234567890", []string{"IMSI:460001234567890"}},
		{"iccid", "89860012345678901234", []string{"ICCID:89860012345678901234"}},
		{"simSerialNumber", "8986001234567890123F", []string{"ICCID:8986001234567890123F"}},
		{"iccid", "898600123456789012", []string{"ICCID:898600123456789012"}},
		{"iccid", "unknown", nil},
		{"wallet", "TDUgLthTKAoYKZBFZPCwxbqQhXYsRbmKcM", []string{"WALLET:TDUgLthTKAoYKZBFZPCwxbqQhXYsRbmKcM"}}, // no digit: the key tells
		{"wallet_address", "connected", nil},
		// Under an e-mail key, an address with no top-level domain, which text leaves alone.
		{"email", "admin@localhost", []string{"EMAIL:admin@localhost"}},
		{"contact_email", " JOHN@CORP ", []string{"EMAIL:JOHN@CORP"}},
		{"email", "li.wei@163.com", []string{"EMAIL:li.wei@163.com"}},
		{"email", "n/a", nil},
		{"email", "@sarah_c", nil},
		{"email", "user@", nil},
		{"email", "a@b@c", nil},
		{"email", "Li Wei <li.wei@163.com>", []string{"EMAIL:li.wei@163.com"}},
		{"emails", "a@x.com, b@corp", []string{"EMAIL:a@x.com"}},
		{"wifi_mac", "AABBCCDDEEFF", []string{"MAC:AABBCCDDEEFF"}},
		{"idfa", "6D92078A-8246-4BA4-AE5B-76104861E7DC", []string{"ADID:6D92078A-8246-4BA4-AE5B-76104861E7DC"}},
		{"advertisingId", "38400000-8cf0-11bd-b23e-10b96e40000d", []string{"ADID:38400000-8cf0-11bd-b23e-10b96e40000d"}},
		{"request_id", "38400000-8cf0-11bd-b23e-10b96e40000d", nil},
		// The names of Apple's, Android's and Firebase's APIs, as SDKs log them.
		{"advertisingIdentifier", "6D92078A-8246-4BA4-AE5B-76104861E7DC", []string{"ADID:6D92078A-8246-4BA4-AE5B-76104861E7DC"}},
		{"identifierForVendor", "6D92078A-8246-4BA4-AE5B-76104861E7DC", []string{"ADID:6D92078A-8246-4BA4-AE5B-76104861E7DC"}},
		{"appSetId", "38400000-8cf0-11bd-b23e-10b96e40000d", []string{"ADID:38400000-8cf0-11bd-b23e-10b96e40000d"}},
		{"app_instance_id", "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d", []string{"ADID:1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d"}},
		{"vendor", "6D92078A-8246-4BA4-AE5B-76104861E7DC", nil},
		{"vendor_id", "6D92078A-8246-4BA4-AE5B-76104861E7DC", []string{"ADID:6D92078A-8246-4BA4-AE5B-76104861E7DC"}}, // Firebase's export's IDFV
		// A number valid in a region, where a person's login or contact
		// stands, is a phone number; other numbers and words are not.
		{"username", "4155550132", []string{"PHONE:4155550132"}},
		{"contact", "(415) 555-0132 or li@163.com", []string{"PHONE:(415) 555-0132", "EMAIL:li@163.com"}},
		{"login", "li_wei_88", nil},
		{"contact", "22958 30849", []string{"PHONE:22958 30849"}}, // two groups: the key says a person's contact
		{"login_count", "12", nil},
		{"login_at", "2026-06-02T08:00:00Z", nil},
		{"account_id", "12345678", nil},
		{"user_id", "4155550132", nil},
		{"androidId", "9774D56D682E549C", []string{"ADID:9774D56D682E549C"}},
		{"device_id", "6D92078A-8246-4BA4-AE5B-76104861E7DC", []string{"ADID:6D92078A-8246-4BA4-AE5B-76104861E7DC"}},
		{"deviceId", "9774d56d682e549c", []string{"ADID:9774d56d682e549c"}},
		{"udid", "00008030-001A2B3C4D5E802E", []string{"ADID:00008030-001A2B3C4D5E802E"}},
		{"UDID", "2b6f0cc904d137be2e1730235f5664094b831186", []string{"ADID:2b6f0cc904d137be2e1730235f5664094b831186"}},
		{"installationId", "38400000-8cf0-11bd-b23e-10b96e40000d", []string{"ADID:38400000-8cf0-11bd-b23e-10b96e40000d"}},
		// Device IDs of Google Services, OpenUDID, Alibaba and MediaDrm.
		{"gsf_id", "3f1a2b4c5d6e7f80", []string{"ADID:3f1a2b4c5d6e7f80"}},
		{"openudid", "0123456789abcdef0123456789abcdef01234567", []string{"ADID:0123456789abcdef0123456789abcdef01234567"}},
		{"utdid", "XzB1c2VyMTIzNDU2Nzg5MA+/", []string{"ADID:XzB1c2VyMTIzNDU2Nzg5MA+/"}},
		{"widevine_id", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", []string{"ADID:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}},
		{"utdid", "Pixel 8 Pro with a case", nil},
		{"session_id", "38400000-8cf0-11bd-b23e-10b96e40000d", nil},
		{"androidid", "9774d56d682e549c", []string{"ADID:9774d56d682e549c"}},
		{"deviceid", "6D92078A-8246-4BA4-AE5B-76104861E7DC", []string{"ADID:6D92078A-8246-4BA4-AE5B-76104861E7DC"}},
		{"build_hash", "9774d56d682e549c", nil},
		{"phone", "14155550132", []string{"PHONE:14155550132"}},
		{"client_ip", "2001:db8::1", []string{"IPV6:2001:db8::1"}},
		{"ip", "3405803783", []string{"IPV4:3405803783"}}, // 203.0.113.7 as one integer
		{"ip", "4294967296", nil}, // above 255.255.255.255
		{"port", "3405803783", nil},
		{"build", "124.0.0.0", nil},
		{"app_version", "4.12.0.1234", nil},
		{"machine", "AABBCCDDEEFF", nil},
		{"mac", "0011-2233-4455", []string{"MAC:0011-2233-4455"}},
		{"card", "4539 1488 0343 6467", []string{"CARD:4539 1488 0343 6467"}},
		{"credit_card", "4111111111111111", []string{"CARD:4111111111111111"}},
		{"card", "sketch", nil},
		{"card_id", "123456", nil},
		// Zero-padded reference numbers are no trunk-prefixed phones; a
		// phone key wins over a reference word.
		{"order_id", "0123456789", nil},
		{"invoiceNo", "07011234567", nil},
		{"sku", "036000291452", nil},
		{"order_phone", "07011234567", []string{"PHONE:07011234567"}},
		{"order_note", "call 07011234567", []string{"PHONE:07011234567"}},
		{"phone", "order 07011234567", []string{"PHONE:07011234567"}},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			h := testSet.KeyHint([]byte(tt.key))
			got := found(testSet.AppendValueSpans(nil, []byte(tt.value), h), tt.value)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("key %q value %q (hint %+v)\n got %q\nwant %q", tt.key, tt.value, h, got, tt.want)
			}
		})
	}
}

func TestAppendCanonical(t *testing.T) {
	tests := []struct {
		kind        detectors.Kind
		value, want string
	}{
		{detectors.Email, "Li.Wei%40163.COM", "li.wei@163.com"},
		{detectors.Email, "Li.Wei (at) 163 (dot) COM", "li.wei@163.com"},
		{detectors.Email, "li.wei[at]mail.example.org", "li.wei@mail.example.org"},
		{detectors.Email, "hans AT firma DOT at", "hans@firma.at"},
		{detectors.Name, "Lucía  FERNÁNDEZ", "lucía fernández"},
		{detectors.IBAN, "gb29 nwbk 6016 1331 9268 19", "GB29NWBK60161331926819"},
		{detectors.Document, "x1234-5678", "X12345678"},
		{detectors.Document, "京a12345", "京A12345"}, // a plate's province tells it from 沪A12345
		{detectors.CPF, "529.982.247-25", "52998224725"},
		{detectors.SSN, "123 45 6789", "123456789"},
		{detectors.RRN, "900101-1234567", "9001011234567"},
		{detectors.Aadhaar, "2345-6789-0124", "234567890124"},
		{detectors.DNI, "12.345.678-Z", "12345678Z"},
		{detectors.SNILS, "112-233-445 95", "11223344595"},
		{detectors.NIR, "1 85 05 78 006 084 91", "185057800608491"},
		{detectors.MyNumber, "1234-5678-9018", "123456789018"},
		{detectors.SteuerID, "86 095 742 719", "86095742719"},
		{detectors.SaudiID, "1012345672", "1012345672"},
		{detectors.NINO, "ab 12 34 56 c", "AB123456C"},
		{detectors.Email, "li.wei%252Btag%2540163.com", "li.wei+tag@163.com"},
		{detectors.IPv4, "１９２．１６８．００１．０１０", "192.168.1.10"},
		{detectors.IPv6, "２００１：ｄｂ８：：１", "2001:db8::1"},
		{detectors.Email, `li.wei\u0040163.com`, "li.wei@163.com"},
		{detectors.Email, `LI.wei&#64;163.com`, "li.wei@163.com"},
		{detectors.Email, `li.wei&#x40;163.com`, "li.wei@163.com"},
		{detectors.Email, "Li.Wei＠163.com", "li.wei@163.com"},
		{detectors.Email, "ｌｉ．Ｗｅｉ＠１６３．ＣＯＭ", "li.wei@163.com"},
		{detectors.Email, "Li.Wei@163。COM", "li.wei@163.com"},
		{detectors.Email, "li@mail.qq｡com", "li@mail.qq.com"},
		{detectors.Email, "USER@BÜCHER.DE", "user@bücher.de"},
		{detectors.Email, "IVAN@ПОЧТА.РФ", "ivan@почта.рф"},
		{detectors.Email, "JOSÉ@Correo.es", "josé@correo.es"},
		{detectors.Email, "MU\u0308LLER@bu\u0308cher.de", "müller@bücher.de"},
		{detectors.Email, "用户@例子.广告", "用户@例子.广告"},
		{detectors.Phone, "+86 138 0013 8000", "+8613800138000"},
		{detectors.Phone, "%2B8613800138000", "+8613800138000"},
		{detectors.Phone, "+44 (0) 7700 900123", "+447700900123"},
		{detectors.Phone, "138 0013 8000", "+8613800138000"},
		// A bare 10-digit number is no Chinese landline, which goes with
		// its "0": New York's, as "(212) 555-0132" is.
		{detectors.Phone, "2125550132", "+12125550132"},
		{detectors.Phone, "021 2555 0132", "+862125550132"},
		// Valid in China (0771 2375582, Nanning) and Britain; where no
		// region writes it as written, a region whose first group is the
		// written one's wins: 07712, a British mobile's.
		{detectors.Phone, "07712 375 582", "+447712375582"},
		{detectors.Phone, "07712375582", "+867712375582"},
		{detectors.Phone, "１３８００１３８０００", "+8613800138000"},
		{detectors.Phone, "%2B86+138+0013+8000", "+8613800138000"},
		{detectors.Phone, "%2B1%20415%20555%200132", "+14155550132"},
		{detectors.Phone, "＋４４ ２０ ７９４６ ０９５８", "+442079460958"},
		{detectors.Phone, "९८७६५४३२१०", "+919876543210"},
		{detectors.Phone, "+٢٠١٠١٢٣٤٥٦٧٨", "+201012345678"},
		{detectors.IMEI, "٤٩٠١٥٤٢٠٣٢٣٧٥١٨", "49015420323751"},
		{detectors.Phone, "(415) 555-0132", "+14155550132"},
		{detectors.Phone, "0086 138 0013 8000", "+8613800138000"},
		{detectors.Phone, "00 33 1 42 68 53 00", "+33142685300"},
		{detectors.MAC, "0:1A:2b:3c:4d:5e", "00:1a:2b:3c:4d:5e"},
		{detectors.MAC, "a4:83:e7:5:6c:1", "a4:83:e7:05:6c:01"},
		{detectors.MAC, "AA-BB-CC-DD-EE-FF", "aa:bb:cc:dd:ee:ff"},
		{detectors.MAC, "aabb.ccdd.eeff", "aa:bb:cc:dd:ee:ff"},
		{detectors.MAC, "AABB-CCDD-EEFF", "aa:bb:cc:dd:ee:ff"},
		{detectors.MAC, "AA%3ABB%3Acc%3Add%3Aee%3Aff", "aa:bb:cc:dd:ee:ff"},
		{detectors.MAC, "AA:bB:cc:DD:ee:0F", "aa:bb:cc:dd:ee:0f"},
		{detectors.MAC, "AA:BB:CC:DD:EE:GG", "aa:bb:cc:dd:ee"}, // a key named it: its hex digits
		{detectors.IPv6, "2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"},
		{detectors.IPv6, "fe80::1%eth0", "fe80::1"},
		{detectors.IPv4, "203.0.113.7", "203.0.113.7"},
		{detectors.IPv4, "3405803783", "203.0.113.7"},
		{detectors.IPv4, "73-158-12-4", "73.158.12.4"},
		{detectors.ADID, "XzB1c2VyMTIzNDU2Nzg5MA+/", "XzB1c2VyMTIzNDU2Nzg5MA+/"},
		{detectors.ADID, "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},
		{detectors.IPv4, "0.0.0.0", "0.0.0.0"},
		{detectors.IPv4, "192.168.001.020", "192.168.1.20"},
		{detectors.IPv6, "2001%3ADB8%3A%3A1", "2001:db8::1"},
		{detectors.IPv4, "::ffff:203.0.113.7", "::ffff:203.0.113.7"},
		{detectors.IMEI, "35-209900-176148-1", "35209900176148"},
		{detectors.IMEI, "3520990017614823", "35209900176148"},
		{detectors.IMEI, "a0000000002329", "A0000000002329"},
		{detectors.IMEI, "268435456000009001", "A0000000002329"}, // the same MEID in decimal
		{detectors.IMEI, "99000123456789", "99000123456789"},
		{detectors.ICCID, "8986 0012 3456 7890 123F", "8986001234567890123"},
		{detectors.ADID, "6D92078A82464BA4AE5B76104861E7DC", "6d92078a-8246-4ba4-ae5b-76104861e7dc"},
		{detectors.ADID, "9774D56D682E549C", "9774d56d682e549c"},
		{detectors.ADID, "00008030-001A2B3C4D5E802E", "00008030-001a2b3c4d5e802e"},
		{detectors.ADID, "6D92078A-8246-4bA4-AE5B-76104861E7DC", "6d92078a-8246-4ba4-ae5b-76104861e7dc"},
		{detectors.Wallet, "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"},
		{detectors.Wallet, "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"}, // base58 keeps its case
		{detectors.Coordinates, "37.7749° N, 122.4194° W", "37.774900,-122.419400"},
		{detectors.Coordinates, "37.7749,-122.4194", "37.774900,-122.419400"},
		{detectors.Coordinates, `31°13'49.5"N 121°28'25.3"E`, "31.230417,121.473694"},
		{detectors.Wallet, "BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"},
		{detectors.Wallet, "0x52908400098527886E0F7030069857D2E4169EE7", "0x52908400098527886e0f7030069857d2e4169ee7"},
	}
	for _, tt := range tests {
		t.Run(tt.kind.String()+"/"+tt.value, func(t *testing.T) {
			if got := string(testSet.AppendCanonical(nil, []byte(tt.value), tt.kind)); got != tt.want {
				t.Errorf("AppendCanonical(%q, %v) = %q, want %q", tt.value, tt.kind, got, tt.want)
			}
		})
	}
}

func TestKeyHint(t *testing.T) {
	tests := []struct {
		key  string
		want detectors.Hint
	}{
		{"email", detectors.Hint{Kind: detectors.Email}},
		{"userEmail", detectors.Hint{Kind: detectors.Email}},
		{"phone_number", detectors.Hint{Kind: detectors.Phone}},
		{"deviceIMEI", detectors.Hint{Kind: detectors.IMEI}},
		{"wifiMacAddress", detectors.Hint{Kind: detectors.MAC}},
		{"machine", detectors.Hint{}},
		{"clientIP", detectors.Hint{Kind: detectors.IPv4}},
		{"ad_id", detectors.Hint{Kind: detectors.ADID}},
		{"os_version", detectors.Hint{Traits: detectors.VersionKey}},
		{"hotel", detectors.Hint{}},
		{"card", detectors.Hint{Kind: detectors.Card}},
		{"credit_card", detectors.Hint{Kind: detectors.Card}},
		{"creditCardNumber", detectors.Hint{Kind: detectors.Card}},
		{"cards", detectors.Hint{Kind: detectors.Card}},
		{"ccNumber", detectors.Hint{Kind: detectors.Card}},
		{"cc_num", detectors.Hint{Kind: detectors.Card}},
		{"cc", detectors.Hint{}}, // copy recipients, as often as cards
		{"cardholder", detectors.Hint{}},
		{"id_card", detectors.Hint{Kind: detectors.CNID}},
		{"cpf", detectors.Hint{Kind: detectors.CPF}},
		{"ssn", detectors.Hint{Kind: detectors.SSN}},
		{"socialSecurityNumber", detectors.Hint{Kind: detectors.SSN}},
		{"rrn", detectors.Hint{Kind: detectors.RRN}},
		{"주민등록번호", detectors.Hint{Kind: detectors.RRN}},
		{"aadhaar_no", detectors.Hint{Kind: detectors.Aadhaar}},
		{"my_number", detectors.Hint{Kind: detectors.MyNumber}},
		{"snils", detectors.Hint{Kind: detectors.SNILS}},
		{"nir", detectors.Hint{Kind: detectors.NIR}},
		{"steuerId", detectors.Hint{Kind: detectors.SteuerID}},
		{"iqama_number", detectors.Hint{Kind: detectors.SaudiID}},
		{"ni_number", detectors.Hint{Kind: detectors.NINO}},
		{"session", detectors.Hint{}},
		// A script change starts a word, as keys mixing the app's languages with ASCII have no separator.
		{"mac地址", detectors.Hint{Kind: detectors.MAC}},
		{"MAC地址", detectors.Hint{Kind: detectors.MAC}},
		{"IP地址", detectors.Hint{Kind: detectors.IPv4}},
		{"用户email", detectors.Hint{Kind: detectors.Email}},
		{"手机号phone", detectors.Hint{Kind: detectors.Phone}},
		{"imei号码", detectors.Hint{Kind: detectors.IMEI}},
		{"IPадрес", detectors.Hint{Kind: detectors.IPv4}},
		{"mac주소", detectors.Hint{Kind: detectors.MAC}},
		{"teléfono", detectors.Hint{Kind: detectors.Phone}},
		{"móvil2", detectors.Hint{Kind: detectors.Phone}},
		{"versión", detectors.Hint{Traits: detectors.VersionKey}},
		{"machine型号", detectors.Hint{}},
		{"手机串号", detectors.Hint{Kind: detectors.IMEI}},
		{"身份证号", detectors.Hint{Kind: detectors.CNID}},
		{"ship地址", detectors.Hint{}},
		// Credentials, as labels in text name them.
		{"password", detectors.Hint{Kind: detectors.Secret}},
		{"db_password", detectors.Hint{Kind: detectors.Secret}},
		{"X-Api-Key", detectors.Hint{Kind: detectors.Secret}},
		{"refreshToken", detectors.Hint{Kind: detectors.Secret}},
		{"Set-Cookie", detectors.Hint{Kind: detectors.Secret}},
		{"client_secret", detectors.Hint{Kind: detectors.Secret}},
		{"prompt_tokens", detectors.Hint{}},
		{"token_type", detectors.Hint{}},
		{"password_changed_at", detectors.Hint{}},
		{"author", detectors.Hint{}},
		{"customer_cpf", detectors.Hint{Kind: detectors.CPF}},
		{"idCardNo", detectors.Hint{Kind: detectors.CNID}},
		{"idcard", detectors.Hint{Kind: detectors.CNID}},
		// Digits after letters start a word: dual-SIM phones' imei1/imei2.
		{"imei1", detectors.Hint{Kind: detectors.IMEI}},
		{"imei_2", detectors.Hint{Kind: detectors.IMEI}},
		{"phone1", detectors.Hint{Kind: detectors.Phone}},
		{"mac1", detectors.Hint{Kind: detectors.MAC}},
		{"wlan0Mac", detectors.Hint{Kind: detectors.MAC}},
		{"idfa2", detectors.Hint{Kind: detectors.ADID}},
		{"imsi1", detectors.Hint{Kind: detectors.IMSI}},
		{"subscriberId", detectors.Hint{Kind: detectors.IMSI}},
		{"subscriber_count", detectors.Hint{}},
		{"ipv4", detectors.Hint{Kind: detectors.IPv4}},
		{"client_ipv6", detectors.Hint{Kind: detectors.IPv4}},
		{"ipv4Address", detectors.Hint{Kind: detectors.IPv4}},
		{"IPAddress", detectors.Hint{Kind: detectors.IPv4}},
		{"remote_addr", detectors.Hint{Kind: detectors.IPv4}},
		{"hw_addr", detectors.Hint{Kind: detectors.MAC}},
		{"oaid", detectors.Hint{Kind: detectors.ADID}},
		{"vaid", detectors.Hint{Kind: detectors.ADID}},
		{"ifa", detectors.Hint{Kind: detectors.ADID}},

		{"user:email", detectors.Hint{Kind: detectors.Email}},
		{"data[phone]", detectors.Hint{Kind: detectors.Phone}},
		{"mp4", detectors.Hint{}},
		{"v2", detectors.Hint{}},
		{"sdk_version2", detectors.Hint{Traits: detectors.VersionKey}},
		{"address", detectors.Hint{}},
		{"order_id", detectors.Hint{Traits: detectors.ReferenceKey}},
		{"orderNumber", detectors.Hint{Traits: detectors.ReferenceKey}},
		{"ticket_no", detectors.Hint{Traits: detectors.ReferenceKey}},
		{"phones", detectors.Hint{Kind: detectors.Phone}},
		{"backupPhoneNumbers", detectors.Hint{Kind: detectors.Phone}},
		{"imeis", detectors.Hint{Kind: detectors.IMEI}},
		{"client_ips", detectors.Hint{Kind: detectors.IPv4}},
		{"macs", detectors.Hint{Kind: detectors.MAC}},
		{"emails", detectors.Hint{Kind: detectors.Email}},
		{"barcode", detectors.Hint{Traits: detectors.ReferenceKey}},
		{"product_id", detectors.Hint{Traits: detectors.ReferenceKey}},
		{"order_phone", detectors.Hint{Kind: detectors.Phone, Traits: detectors.ReferenceKey}},
		{"referrer", detectors.Hint{}},
		{"recorder", detectors.Hint{}},
		{"bluetooth_address", detectors.Hint{Kind: detectors.MAC}},
		{"btAddr", detectors.Hint{Kind: detectors.MAC}},
		{"bdaddr", detectors.Hint{Kind: detectors.MAC}},
		{"ip_address", detectors.Hint{Kind: detectors.IPv4}},
		{"email_address", detectors.Hint{Kind: detectors.Email}},
		{"address", detectors.Hint{}},
		{"billing_address", detectors.Hint{}},
		{"login", detectors.Hint{Traits: detectors.ContactKey}},
		{"userName", detectors.Hint{Traits: detectors.ContactKey}},
		{"recipients", detectors.Hint{Traits: detectors.ContactKey}},
		{"contact_phone", detectors.Hint{Kind: detectors.Phone, Traits: detectors.ContactKey}},
		{"user_id", detectors.Hint{}},
		// Keys in the app's other languages.
		{"teléfono", detectors.Hint{Kind: detectors.Phone}},
		{"Telefonnummer", detectors.Hint{Kind: detectors.Phone}},
		{"numero_telefono", detectors.Hint{Kind: detectors.Phone}},
		{"celular", detectors.Hint{Kind: detectors.Phone}},
		{"shouji", detectors.Hint{Kind: detectors.Phone}},
		{"手机号", detectors.Hint{Kind: detectors.Phone}},
		{"联系电话", detectors.Hint{Kind: detectors.Phone}},
		{"電話番号", detectors.Hint{Kind: detectors.Phone}},
		{"휴대폰번호", detectors.Hint{Kind: detectors.Phone}},
		{"Телефон", detectors.Hint{Kind: detectors.Phone}},
		{"رقم_الهاتف", detectors.Hint{Kind: detectors.Phone}},
		{"मोबाइल_नंबर", detectors.Hint{Kind: detectors.Phone}},
		{"correo", detectors.Hint{Kind: detectors.Email}},
		{"邮箱", detectors.Hint{Kind: detectors.Email}},
		{"メールアドレス", detectors.Hint{Kind: detectors.Email}},
		{"이메일", detectors.Hint{Kind: detectors.Email}},
		{"用户名", detectors.Hint{}},
		{"描述", detectors.Hint{}},
	}
	for _, tt := range tests {
		if got := testSet.KeyHint([]byte(tt.key)); got != tt.want {
			t.Errorf("KeyHint(%q) = %+v, want %+v", tt.key, got, tt.want)
		}
	}
}

func TestMemberHint(t *testing.T) {
	card := detectors.Hint{Kind: detectors.Card}
	phone := detectors.Hint{Kind: detectors.Phone}
	tests := []struct {
		parent, own detectors.Hint
		key         string
		want        detectors.Hint
	}{
		{card, detectors.Hint{}, "number", card},
		{card, detectors.Hint{}, "Num", card},
		{card, detectors.Hint{}, "no", card},
		{card, detectors.Hint{}, "exp", detectors.Hint{}},
		{card, detectors.Hint{Kind: detectors.Phone}, "number", detectors.Hint{Kind: detectors.Phone}},
		{detectors.Hint{}, detectors.Hint{}, "number", detectors.Hint{}},
		{phone, detectors.Hint{}, "number", phone},
		{phone, detectors.Hint{}, "nationalNumber", phone},
		{phone, detectors.Hint{}, "value", phone},
		{phone, detectors.Hint{}, "countryCode", detectors.Hint{}},
		{phone, detectors.Hint{}, "type", detectors.Hint{}},
		// The value of any hinted object: SCIM's, and the typed values of
		// Firebase's export ({"value":{"string_value":…}}).
		{detectors.Hint{Kind: detectors.Email}, detectors.Hint{}, "value", detectors.Hint{Kind: detectors.Email}},
		{detectors.Hint{Kind: detectors.MAC}, detectors.Hint{}, "string_value", detectors.Hint{Kind: detectors.MAC}},
		{detectors.Hint{Kind: detectors.IMEI}, detectors.Hint{}, "intValue", detectors.Hint{Kind: detectors.IMEI}},
		{detectors.Hint{Traits: detectors.VersionKey}, detectors.Hint{}, "string_value", detectors.Hint{Traits: detectors.VersionKey}},
		{detectors.Hint{Kind: detectors.MAC}, detectors.Hint{}, "vendor", detectors.Hint{}},
		{detectors.Hint{Kind: detectors.MAC}, detectors.Hint{Traits: detectors.VersionKey}, "version", detectors.Hint{Traits: detectors.VersionKey}},
		{detectors.Hint{}, detectors.Hint{}, "id", detectors.Hint{}},
	}
	for _, tt := range tests {
		if got := detectors.MemberHint(tt.parent, tt.own, []byte(tt.key)); got != tt.want {
			t.Errorf("MemberHint(%+v, %+v, %q) = %+v, want %+v", tt.parent, tt.own, tt.key, got, tt.want)
		}
	}
}

func TestNoAllocs(t *testing.T) {
	text := []byte("user alice@example.com from 203.0.113.7 fe80::1 phone +8613800138000 (415) 555-0132 " +
		"imei 490154203237518 mac aa:bb:cc:dd:ee:ff idfa=6D92078A-8246-4BA4-AE5B-76104861E7DC at 2026-06-02T10:11:12Z " +
		"btc 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")
	spans := make([]detectors.Span, 0, 64)
	canon := make([]byte, 0, 256)
	key := []byte("wifiMacAddress")
	n := testing.AllocsPerRun(100, func() {
		spans = testSet.AppendSpans(spans[:0], text)
		for _, s := range spans {
			canon = testSet.AppendCanonical(canon[:0], text[s.Start:s.End], s.Kind)
		}
		_ = testSet.KeyHint(key)
	})
	if n != 0 {
		t.Errorf("AppendSpans+AppendCanonical: %v allocs per run, want 0", n)
	}
	if len(spans) != 10 {
		t.Errorf("found %d spans, want 10: %v", len(spans), found(spans, string(text)))
	}
}

func TestLocaleRegion(t *testing.T) {
	for _, tt := range []struct {
		locale, want string // want: "" for none
	}{
		{"ja_JP", "JP"}, {"ko-KR", "KR"}, {"zh-Hans-CN", "CN"}, {"en_US.UTF-8", "US"}, {"de_DE@euro", "DE"},
		{"BR", "BR"}, {"jp", "JP"}, {"pt-BR", "BR"}, {"es-419", ""}, {"en", ""}, {"zh-Hans", ""}, {"it_IT", ""}, {"", ""}, {"_", ""}, {"1A", ""},
	} {
		want := uint64(0)
		if tt.want != "" {
			want = testSet.RegionMask(tt.want)
		}
		if got := testSet.LocaleRegion([]byte(tt.locale)); got != want {
			t.Errorf("LocaleRegion(%q) = %b, want %b (%s)", tt.locale, got, want, tt.want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { testSet.LocaleRegion([]byte("ko_KR")) }); n != 0 {
		t.Errorf("LocaleRegion: %v allocs per run", n)
	}
}

// TestScriptRegion checks the phone region each script points to.
func TestScriptRegion(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"제 번호는 010 8462 6587입니다", "KR"}, {"電話番号は070 3855 9947です", "JP"}, {"ペット", "JP"},
		{"我的电话 010 8462 6587", "CN"}, {"मेरा नंबर 9844800326", "IN"}, {"мой телефон", "RU"},
		{"Ruf mich an: 0151 23456789, danke schön", "DE"}, {"Mon numéro : 0617071346", "FR"}, {"Vidéo coupée à 00:23:59", "FR"}, {"un cœur", "FR"}, {"Ó", ""},
		{"Mi número de teléfono es 612345678", ""}, {"Meu número é 11 98765-4321", ""}, {"Café in München", ""},
		{"call 010 8462 6587", ""}, {"رقمي", ""}, {"", ""},
	} {
		want := uint64(0)
		if tt.want != "" {
			want = testSet.RegionMask(tt.want)
		}
		if got := testSet.ScriptRegion([]byte(tt.text)); got != want {
			t.Errorf("ScriptRegion(%q) = %b, want %b (%s)", tt.text, got, want, tt.want)
		}
	}
}

// TestCanonicalPreferring checks that a national number valid in two
// regions is read in the preferred one, that a number not valid there is
// read as before, and that one laid out as another region writes its
// numbers, and not as the preferred one does, is read in that region.
func TestCanonicalPreferring(t *testing.T) {
	for _, tt := range []struct{ value, prefer, want string }{
		{"010 8462 6587", "KR", "+821084626587"},
		{"010 8462 6587", "CN", "+861084626587"},
		{"9844800326", "IN", "+919844800326"},
		{"(415) 555-0132", "JP", "+14155550132"},
		{"+44 20 7946 0958", "KR", "+442079460958"},
		{"090-4300-5719", "GB", "+819043005719"},  // valid in GB, as 0904 300 5719
		{"0175-39032059", "CN", "+4917539032059"}, // valid in CN, as 0175-3903-2059
		{"09043005719", "GB", "+449043005719"},    // no layout: the preferred region
		{"010-8462-6587", "KR", "+821084626587"},  // laid out alike in KR and CN
	} {
		got := testSet.AppendCanonicalPreferring(nil, []byte(tt.value), detectors.Phone, testSet.RegionMask(), testSet.RegionMask(tt.prefer))
		if string(got) != tt.want {
			t.Errorf("AppendCanonicalPreferring(%q, %s) = %s, want %s", tt.value, tt.prefer, got, tt.want)
		}
	}
}

// TestSecretOff checks that with SECRET off a URL's password and host are
// read as an address, as they were before the kind existed.
func TestSecretOff(t *testing.T) {
	set, err := detectors.New(detectors.Options{Kinds: []detectors.Kind{detectors.Email, detectors.IPv4}})
	if err != nil {
		t.Fatal(err)
	}
	text := "https://alice:hunter2@api.example.com Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1MSJ9. redis://:pw@10.0.0.5"
	got := found(set.AppendSpans(nil, []byte(text)), text)
	if want := []string{"EMAIL:hunter2@api.example.com", "IPV4:10.0.0.5"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func ExampleSet_AppendSpans() {
	set, err := detectors.New(detectors.Options{})
	if err != nil {
		panic(err)
	}
	text := []byte("reach me at li.wei@163.com or 138 0013 8000 from 203.0.113.7")
	for _, s := range set.AppendSpans(nil, text) {
		fmt.Printf("%s %q\n", s.Kind, text[s.Start:s.End])
	}
	// Output:
	// EMAIL "li.wei@163.com"
	// PHONE "138 0013 8000"
	// IPV4 "203.0.113.7"
}

func TestAdIDKeysOption(t *testing.T) {
	set, err := detectors.New(detectors.Options{AdIDKeys: []string{"huaweiOAID", " ad-tracking-id "}})
	if err != nil {
		t.Fatal(err)
	}
	adid := detectors.Hint{Kind: detectors.ADID}
	for key, want := range map[string]detectors.Hint{
		"huawei_oaid":    adid,
		"HuaweiOaid":     adid,
		"ad_tracking_id": adid,
		"adTrackingId2":  adid,
		"idfa":           {}, // the option replaces the defaults
	} {
		if got := set.KeyHint([]byte(key)); got != want {
			t.Errorf("KeyHint(%q) = %+v, want %+v", key, got, want)
		}
	}
	text := []byte("huaweioaid=38400000-8cf0-11bd-b23e-10b96e40000d")
	if got := set.AppendSpans(nil, text); len(got) != 1 || got[0].Kind != detectors.ADID {
		t.Errorf("AppendSpans(%q) = %v, want one ADID", text, got)
	}
}

func TestAppendLabeledWallets(t *testing.T) {
	text := "my SOL wallet 7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU; XRP: rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh; " +
		"Monero 44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A; " +
		"wallet app is great, my wallet is a Ledger Nano X with firmware2024UpdateAvailable, " +
		"7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU with no word, " +
		"<NAME:k1:zzwwtxrppkmtmggpjmyyvrsx>. a11111111111111111111111A (a token's letters hold no word)"
	var got []string
	for _, s := range detectors.AppendLabeledWallets(nil, []byte(text)) {
		got = append(got, text[s.Start:s.End])
	}
	want := []string{"7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU", "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh",
		"44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	dst, b := make([]detectors.Span, 0, 4), []byte(text)
	if n := testing.AllocsPerRun(100, func() { detectors.AppendLabeledWallets(dst[:0], b) }); n != 0 {
		t.Errorf("%v allocations per run, want 0", n)
	}
}

func TestAppendLetterWallets(t *testing.T) {
	text := "ウォレット TDUgLthTKAoYKZBFZPCwxbqQhXYsRbmKcM に; TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t; xTDUgLthTKAoYKZBFZPCwxbqQhXYsRbmKcM TDUgLthTKAoYKZBFZPCwxbqQhXYsRbmKcN"
	var got []string
	for _, s := range detectors.AppendLetterWallets(nil, []byte(text)) {
		got = append(got, s.Kind.String()+":"+text[s.Start:s.End])
	}
	// The one with digits is the single pass's; one inside a word, or whose checksum fails, none.
	if want := []string{"WALLET:TDUgLthTKAoYKZBFZPCwxbqQhXYsRbmKcM"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	dst, b := make([]detectors.Span, 0, 4), []byte(text)
	if n := testing.AllocsPerRun(100, func() { detectors.AppendLetterWallets(dst[:0], b) }); n != 0 {
		t.Errorf("%v allocations per run, want 0", n)
	}
}
