// Package passwords finds the passwords and PINs that people give in
// words, as they type them into prompts: "my password is hunter2", "wifi
// password: SunnyDay99", "mi contraseña es gato123", "mein Passwort ist
// Sommer2024!", "我的密码是abc12345", "パスワードはneko2024", "my PIN is 4321",
// and a payment card's security code ("cvv 123").
// The single pass of package detectors reads a credential's label before
// '=' or ':' as logs write one; this reads the words of free text, after
// that pass, and does not allocate. Its findings are of kind
// detectors.Secret.
//
// A password holds a digit, or a letter and a symbol ("P@ss!word"), so
// that words are none: "the password is wrong", "my password is strong"
// say nothing secret; a PIN is four to eight digits.
package passwords

import (
	"bytes"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/detectors/internal/phrases"
	"github.com/pixelprivacy/veil/detectors/internal/wordset"
)

// Value bounds, in bytes: a password's, and a PIN's or a card's security
// code's, which are digits.
const (
	minValue = 4
	maxValue = 64
	minPIN   = 4
	maxPIN   = 8
	minCVV   = 3
	maxCVV   = 4
)

// AppendSpans appends to dst the passwords and PINs in text, as spans of
// kind detectors.Secret, in order and not overlapping one another; it
// keeps no reference to text.
func AppendSpans(dst []detectors.Span, text []byte) []detectors.Span {
	end := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if !labels.Starts(c) || i < end || c < 0x80 && i > 0 && isWordByte(text[i-1]) || !labels.May(text, i) {
			continue // most bytes start no label; one in Latin letters starts a word
		}
		w, ok := labels.At(text, i)
		if !ok {
			continue
		}
		digits := digitsOf(text, i)
		start := between.Skip(text, w, 4)
		if start == w && text[i] < 0x80 || bytes.Contains(text[w:start], []byte("= ")) {
			continue // "password,x1"; "password= took=5ms", a value dropped from a log line
		}
		if start, stop, ok := value(text, start, digits); ok {
			dst = append(dst, detectors.Span{Start: start, End: stop, Kind: detectors.Secret})
			end = stop
		}
	}
	return dst
}

// labels are the words for a password, a PIN or a card's security code,
// by language; pins are those of a PIN, whose value is digits.
var (
	labels = phrases.Union(phrases.New(
		"password", "passcode", "passphrase",
		"contraseña", "clave", "senha", "mot de passe", "code pin", "passwort", "kennwort", "pin-code",
		"пароль", "пин-код", "пин код", "密码", "密碼", "パスワード", "暗証番号", "비밀번호", "비번",
		"पासवर्ड", "كلمة المرور", "كلمة السر",
	), pins, cvvs)
	pins = phrases.New("pin", "pin code", "pin number", "code pin", "pin-code", "пин-код", "пин код", "暗証番号")
	// cvvs name a payment card's security code: three or four digits.
	cvvs = phrases.New("cvv", "cvc", "cvv2", "cvc2", "security code", "código de seguridad", "código de segurança",
		"cryptogramme", "prüfnummer", "安全码", "セキュリティコード", "보안코드")
)

// A digitRange is how many digits a label's value has; zero for a
// password, which is no number.
type digitRange struct{ least, most int }

// digitsOf returns the digits of the value of the label at text[i]: a
// PIN's, a security code's, or none for a password's.
func digitsOf(text []byte, i int) digitRange {
	if pins.May(text, i) {
		if _, ok := pins.At(text, i); ok {
			return digitRange{minPIN, maxPIN}
		}
	}
	if cvvs.May(text, i) {
		if _, ok := cvvs.At(text, i); ok {
			return digitRange{minCVV, maxCVV}
		}
	}
	return digitRange{}
}

// between holds what may stand between a label and its value: "password
// is", "contraseña es", "Passwort ist", "密码是", "パスワードは", "비밀번호는".
var between = phrases.Between{
	Marks: []string{":", "：", "=", "—", "是", "为", "は", "는", "은", "이", "가"}, // not '-': "password-based"
	Words: wordset.New("is", "was", "es", "era", "é", "est", "ist", "war", "—", "это"),
}

// value returns the password or PIN at text[i]: a run of printable ASCII
// up to a space or the text's end, maybe in quotes, less the marks that
// end a sentence after it, of a password's or a PIN's length. A password
// holds a digit, or a letter and a symbol that passwords are made with
// ("P@ss!word"): not a word, nor words joined by a hyphen, a slash or a
// dot ("user-id", "and/or"), nor a path or an escape; it does not open
// with a bracket ("(they are…") or a flag's dash ("--ask-password
// -user=foo") nor hold an angle bracket (HTML, a token), nor is another
// field ("took=115ms"). A PIN or a security code is digits.
func value(text []byte, i int, digits digitRange) (start, end int, ok bool) {
	if i < len(text) && (text[i] == '"' || text[i] == '\'' || text[i] == '`') {
		i++ // 'hunter2', "hunter2": the quotes go with the sentence
	}
	j := i
	for j < len(text) && text[j] > ' ' && text[j] < 0x7F && j-i <= maxValue {
		j++
	}
	if j-i > maxValue || j < len(text) && text[j] > ' ' && text[j] < 0x7F {
		return 0, 0, false
	}
	for j > i && isSentenceEnd(text[j-1]) {
		j-- // "hunter2." or "hunter2," ends a sentence or a clause
	}
	v := text[i:j]
	if digits.most > 0 {
		return i, j, len(v) >= digits.least && len(v) <= digits.most && allDigits(v)
	}
	if len(v) < minValue || v[0] == '(' || v[0] == '[' || v[0] == '{' || v[0] == '-' || bytes.ContainsAny(v, "<\\") || keyFirst(v) {
		return 0, 0, false
	}
	digit, symbol, letter := false, false, false
	for _, c := range v {
		switch {
		case '0' <= c && c <= '9':
			digit = true
		case 'a' <= c|0x20 && c|0x20 <= 'z':
			letter = true
		case bytes.IndexByte(passwordSymbols, c) >= 0:
			symbol = true
		}
	}
	return i, j, digit || symbol && letter
}

// passwordSymbols are the marks that make a word a password ("P@ss!word").
var passwordSymbols = []byte("!@#$%^&*+=?~")

func isSentenceEnd(c byte) bool {
	return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == '"' || c == '\'' || c == '`'
}

// keyFirst reports whether v starts with a field's key and '=': another
// field ("took=115ms"), not a password.
func keyFirst(v []byte) bool {
	k := 0
	for k < len(v) && isWordByte(v[k]) {
		k++
	}
	return k > 0 && k < len(v) && v[k] == '='
}

func isWordByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'z' || c == '_'
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
