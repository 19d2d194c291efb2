package detectors

import "bytes"

// contextWindow is how many bytes before a candidate are searched for words
// that say what it is ("imsi", "card", "idfa", ...).
const contextWindow = 32

// Built-in context words, lower case. Each is searched for as a substring.
var (
	phoneWords = words("phone", "tel", "mobile", "call", "whatsapp", "sms", "fax",
		"电话", "手机", "電話", "携帯", "전화", "휴대폰", "телефон", "звони", "telefon", "téléphone",
		"teléfono", "telefone", "celular", "fone", "appelle", "anruf", "फ़ोन", "फोन", "هاتف")
	cardWords = words("card", "visa", "mastercard", "amex", "credit", "debit", "pan",
		"卡号", "信用卡", "银行卡", "カード", "카드", "карт", "karte", "carte", "tarjeta", "cartão", "بطاقة")
	imsiWords = words("imsi")
	imeiWords = words("imei")
)

func words(ws ...string) [][]byte {
	out := make([][]byte, len(ws))
	for i, w := range ws {
		out[i] = []byte(w)
	}
	return out
}

// hasContext reports whether one of ws occurs, case-insensitively for ASCII,
// in the contextWindow bytes before b[start].
func hasContext(b []byte, start int, ws [][]byte) bool {
	var buf [contextWindow]byte
	from := max(0, start-contextWindow)
	win := buf[:start-from]
	for i, c := range b[from:start] {
		win[i] = lower(c)
	}
	for _, w := range ws {
		if bytes.Contains(win, w) {
			return true
		}
	}
	return false
}
