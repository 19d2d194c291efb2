package passwords

import (
	"testing"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/detectors/internal/spantest"
)

func TestAppendSpans(t *testing.T) {
	spantest.Run(t, AppendSpans, detectors.Secret, []spantest.Case{
		{"en", "my password is hunter2, draw a cat", []string{"hunter2"}},
		{"en colon", "wifi password: SunnyDay99. Thanks", []string{"SunnyDay99"}},
		{"en marks", "Password is P@ss!word and passcode 9a8b7c", []string{"P@ss!word", "9a8b7c"}},
		{"en PIN", "my PIN is 4321 and pin code: 987654", []string{"4321", "987654"}},
		{"a card's security code", "exp 12/29 cvv 123, CVC: 4321, código de seguridad 987", []string{"123", "4321", "987"}},
		{"no security code", "cvv 12345, the cvv is on the back, cvv: 1a3", nil},
		{"es", "mi contraseña es gato123", []string{"gato123"}},
		{"pt", "minha senha é banana2024", []string{"banana2024"}},
		{"fr", "mon mot de passe est chat2024!", []string{"chat2024"}},
		{"de", "mein Passwort ist Sommer2024!", []string{"Sommer2024"}},
		{"ru", "мой пароль qwerty123", []string{"qwerty123"}},
		{"zh", "我的密码是abc12345，帮我记住", []string{"abc12345"}},
		{"ja", "パスワードはneko2024です", []string{"neko2024"}},
		{"ko", "비밀번호는 tiger77 이에요", []string{"tiger77"}},
		{"hi", "मेरा पासवर्ड abc123 है", []string{"abc123"}},
		{"hi after a mark", "पासवर्ड: abc123", []string{"abc123"}},
		{"ar", "كلمة المرور: sunny99", []string{"sunny99"}},
		// Words, no password: nothing secret.
		{"words", "the password is hidden in the image; my password is strong; password: ********", nil},
		{"a PIN's word", "pin it to the board, pin 2 photos, my pin is abcd, pinned 12345", nil},
		{"glued", "passwords 12345, password,abc1, passwordless login", nil},
		{"a token", "my password is <SECRET:k1:ghjkmnpqrstvwxyzghjkmnpq> and [SECRET]", nil},
		{"too short", "password: a1", nil},
		// What a log line's dropped value leaves, redacted again.
		{"a dropped value", "login_failed=1 password= took=115ms; password: took=5", nil},
		// What documentation writes after the word: not passwords.
		{"docs", "password doesn't work (they are debatable), password-based, passphrase-fd, password and/or user-id, --ask-password -user=foo, password 'sample', password: \\n", nil},
		{"quoted", "my password is 'hunter2' and passphrase `qwerty1`.", []string{"hunter2", "qwerty1"}},
	})
}

func TestAppendSpansAllocs(t *testing.T) {
	spantest.NoAllocs(t, AppendSpans, "my password is hunter2; PIN: 4321; 我的密码是abc12345", 3)
}

func FuzzAppendSpans(f *testing.F) {
	for _, s := range []string{"my password is hunter2", "PIN: 4321", "我的密码是abc12345", "パスワードはneko2024です", "password: ****"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		for _, s := range spantest.Valid(t, AppendSpans, detectors.Secret, text) {
			if n := s.End - s.Start; n < minCVV || n > maxValue {
				t.Fatalf("%q is no password, in %q", text[s.Start:s.End], text)
			}
		}
	})
}
