package detectors

import "bytes"

// Context windows: how many bytes before a candidate are searched for words
// that say what it is. Identifier labels sit right before their values
// ("imei=", "IMSI: "); prose puts a few words between ("call me at").
const (
	contextWindow = 48
	labelWindow   = 12
)

// Built-in context words, lower case. Each is searched for as a substring.
var (
	phoneWords = words("phone", "tel", "mobile", "cell", "call", "whatsapp", "sms", "fax", "contact", "number",
		"numéro", "nummer", "número", "appel", "rappel", "anruf", "ruf", "kontakt", "contacto", "contato",
		"ligue", "llama", "llámame", "avísame", "escríbeme", "téléphone", "teléfono", "telefone", "telefon", "celular", "fone", "móvil",
		"handy", "portable", "звони", "Звони", "телефон", "Телефон", "тел", "Тел", "номер", "Номер", "电话", "手机", "联系", "号码", "電話", "携帯", "連絡",
		"問い合わせ", "번호", "전화", "휴대폰", "연락", "फ़ोन", "फोन", "कॉल", "संपर्क", "नंबर", "व्हाट्सऐप",
		"هاتف", "اتصل", "رقم", "جوال", "واتساب")
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

// MaxContextWindow bounds the window ContextBefore searches.
const MaxContextWindow = 256

// ContextBefore reports whether one of words, lower case, occurs
// case-insensitively (for ASCII) in the window bytes before b[start] (at
// most MaxContextWindow). A word that starts with an ASCII letter must start
// a word in the text too, so "iPhone" says nothing of phones and
// "Bestellung" nothing of "tel".
func ContextBefore(b []byte, start int, words [][]byte, window int) bool {
	return hasContext(b, start, words, min(window, MaxContextWindow))
}

// hasContext is ContextBefore.
func hasContext(b []byte, start int, ws [][]byte, window int) bool {
	from := max(0, start-min(window, MaxContextWindow))
	if from == start {
		return false // a JSON value's own start: no words before it
	}
	var buf [MaxContextWindow]byte
	win := buf[:start-from]
	for i, c := range b[from:start] {
		win[i] = lower(c)
	}
	for _, w := range ws {
		for off := 0; off < len(win); {
			i := bytes.Index(win[off:], w)
			if i < 0 {
				break
			}
			i += off
			if !isLetter(w[0]) || i == 0 && from == 0 || i > 0 && !isLetter(win[i-1]) || i == 0 && !isLetter(b[from-1]) {
				return true
			}
			off = i + 1
		}
	}
	return false
}
