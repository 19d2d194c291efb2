package detectors

import (
	"bytes"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Context windows: how many bytes before a candidate are searched for words
// that say what it is. Identifier labels sit right before their values
// ("imei=", "IMSI: ", "advertising_id=": a label ends at most labelWindow
// bytes before); prose puts a few words between ("call me at").
const (
	contextWindow = 48
	labelWindow   = 12
	// afterWindow is how many characters after a number a word naming it
	// may end within: "9876543210 (mobile)", and in languages that put
	// the verb last, "9876543210 पर कॉल करें"; but not "9876543210
	// shipped, phone case".
	afterWindow = 8
)

// Built-in context words, lower case. Each is searched for as a substring.
var (
	phoneWords = NewContextWords("phone", "tel", "mobile", "cell", "call", "text me", "text him", "text her", "text us", "whatsapp", "wa.me", "sms", "fax", "contact", "number",
		"numéro", "nummer", "número", "appel", "rappel", "anruf", "ruf", "kontakt", "contacto", "contato",
		"ligue", "llama", "llámame", "avísame", "escríbeme", "téléphone", "teléfono", "telefone", "telefon", "celular", "fone", "móvil",
		"handy", "portable", "звони", "Звони", "телефон", "Телефон", "тел", "Тел", "номер", "Номер", "电话", "手机", "联系", "号码", "電話", "携帯", "連絡",
		"問い合わせ", "번호", "전화", "휴대폰", "연락", "फ़ोन", "फोन", "कॉल", "संपर्क", "नंबर", "व्हाट्सऐप", "भेज",
		"هاتف", "اتصل", "رقم", "جوال", "واتساب")
	// phoneLabels are the phone words that name the number right after
	// them, not "number" or "contact", which name many other things.
	phoneLabels = NewContextWords("phone", "tel", "mobile", "cell", "call me", "call us", "whatsapp", "sms", "fax",
		"telephone", "cellphone", "telefonnummer", "handynummer", "mobilnummer", "telefon", "téléphone", "teléfono", "telefone", "celular", "móvil", "handy", "portable", "телефон", "Телефон", "тел", "Тел",
		"电话", "手机", "電話", "携帯", "전화", "휴대폰", "फ़ोन", "फोन", "هاتف", "جوال")
	cardWords = NewContextWords("card", "visa", "mastercard", "amex", "credit", "debit", "pan",
		"卡号", "信用卡", "银行卡", "カード", "카드", "карт", "karte", "carte", "tarjeta", "cartão", "بطاقة")
	// Also the getters of Android's TelephonyManager, as apps log what
	// they return: getSubscriberId (the IMSI), getImei, getMeid and
	// getDeviceId (an IMEI or MEID), getSimSerialNumber (the ICCID).
	imsiWords  = NewContextWords("imsi", "subscriber", "getsubscriberid")
	imeiWords  = NewContextWords("imei", "imeisv", "meid", "getimei", "getmeid", "getdeviceid")
	iccidWords = NewContextWords("iccid", "simserial", "sim serial", "sim_serial", "getsimserial")
	// referenceWords start the label of an order, invoice, ticket or
	// product number, lower case; those beyond ASCII may be anywhere in it.
	referenceWords = newLabelWords("order", "invoice", "ticket", "ref", "sku", "upc", "ean", "gtin", "isbn", "barcode", "tracking",
		"txn", "transaction", "booking", "reservation", "confirmation", "receipt", "shipment",
		"bestell", "auftrag", "rechnung", "pedido", "factura", "fatura", "commande", "facture", "заказ", "Заказ", "счёт", "Счёт", "счет", "Счет",
		"订单", "訂單", "单号", "單號", "注文", "予約", "주문", "예약", "طلب", "ऑर्डर")
	// numberWords say "number" between a label and its number: "order no. 0123…".
	numberWords = newLabelWords("no", "nr", "nº", "n°", "num", "number", "nummer", "numéro", "número", "id", "номер", "رقم", "नंबर")
)

func byteWords(words ...string) [][]byte {
	out := make([][]byte, len(words))
	for i, w := range words {
		out[i] = []byte(w)
	}
	return out
}

// referenceLabelBefore reports whether the label right before b[start]
// names an order, invoice, ticket or product number: "order 0123…",
// "invoice_no=0123…", "Bestellnummer: 0123…", "pedido nº 0123…",
// "订单号0123…", but not "preferred 0123…" or "sent to 0123…".
func referenceLabelBefore(b []byte, start int) bool {
	end := skipLabelGap(b, start)
	word := labelWordBefore(b, end)
	if hasWordIn(b[word:end], numberWords, true) {
		end = skipLabelGap(b, word)
		word = labelWordBefore(b, end)
	}
	return hasWordIn(b[word:end], referenceWords, false)
}

// skipLabelGap returns where the separators before b[i] start: at most
// six spaces, ':', '#', '=', '-', '.', '/' (a REST path's "/orders/"),
// quotes and backslashes, full-width colons and the numero sign '№'.
func skipLabelGap(b []byte, i int) int {
	for n := 0; n < 6 && i > 0; n++ {
		switch c := b[i-1]; {
		case c == ' ' || c == ':' || c == '#' || c == '=' || c == '-' || c == '.' || c == '/' || c == '"' || c == '\'' || c == '\\':
			i--
		case i >= 3 && (string(b[i-3:i]) == "：" || string(b[i-3:i]) == "№"):
			i -= 3
		default:
			return i
		}
	}
	return i
}

// labelWordBefore returns the start of the word that ends at b[end]: at
// most 32 bytes of letters, digits, '_' and letters beyond ASCII.
func labelWordBefore(b []byte, end int) int {
	i := end
	for i > 0 && end-i < 32 {
		if c := b[i-1]; c < utf8.RuneSelf {
			if !isAlnum(c) && c != '_' {
				break
			}
			i--
			continue
		}
		r, n := utf8.DecodeLastRune(b[:i])
		if !unicode.IsLetter(r) && !unicode.IsMark(r) && r != 'º' && r != '°' {
			break
		}
		i -= n
	}
	return i
}

// labelWords is a list of words that start labels, for hasWordIn: those
// that start with an ASCII letter by that letter, so that a word is read
// once however many there are, and the others apart.
type labelWords struct {
	byFirst  [128][][]byte // by the lower-case first byte
	nonASCII [][]byte
}

func newLabelWords(words ...string) *labelWords {
	lw := new(labelWords)
	for _, w := range words {
		if c := w[0]; c < utf8.RuneSelf {
			lw.byFirst[c] = append(lw.byFirst[c], []byte(w))
		} else {
			lw.nonASCII = append(lw.nonASCII, []byte(w))
		}
	}
	return lw
}

// hasWordIn reports whether word is one of words (whole, if exact) or
// starts with one, at its start or at one of its parts ("order_id",
// "invoiceNo", "customerOrderId"); words beyond ASCII match anywhere
// ("订单号", "الطلب"). ASCII letters compare case-insensitively.
func hasWordIn(word []byte, words *labelWords, exact bool) bool {
	if len(word) == 0 {
		return false
	}
	if exact {
		for _, w := range words.candidates(word[0]) {
			if len(w) == len(word) && HasLowerPrefix(word, w) {
				return true
			}
		}
		return false
	}
	for i := range word {
		partStart := i == 0 || word[i-1] == '_' || 'A' <= word[i] && word[i] <= 'Z' && 'a' <= word[i-1] && word[i-1] <= 'z'
		if !partStart || word[i] >= utf8.RuneSelf {
			continue
		}
		for _, w := range words.byFirst[lower(word[i])] {
			if HasLowerPrefix(word[i:], w) {
				return true
			}
		}
	}
	for _, w := range words.nonASCII {
		if bytes.Contains(word, w) {
			return true
		}
	}
	return false
}

// candidates returns the words that may start with the byte c.
func (lw *labelWords) candidates(c byte) [][]byte {
	if c < utf8.RuneSelf {
		return lw.byFirst[lower(c)]
	}
	return lw.nonASCII
}

// macLabels are the words a label naming a MAC ends in, lower case, also
// in the app's other languages ("MAC地址", "MACアドレス", "MAC주소").
var macLabels = byteWords("mac", "bssid", "hwaddr", "hw_addr", "mac address", "mac addr", "macaddress", "macaddr",
	"mac_address", "mac_addr", "mac-address", "bluetooth address", "bluetooth_address", "bt_addr", "bdaddr", "bd_addr",
	"mac地址", "mac位址", "macアドレス", "mac주소", "mac-адрес", "mac адрес")

// macLabelLast marks the last bytes of macLabels.
var macLabelLast = func() (t [256]bool) {
	for _, w := range macLabels {
		t[w[len(w)-1]] = true
	}
	return t
}()

// macLabelBefore reports whether the label right before b[i], across at
// most five of '=', ':', '：', '>', quotes, backslashes and spaces, ends in
// a word naming a MAC: "mac=", "wifi_mac: ", "BSSID=\"", `\"mac\":\"`
// (JSON in a JSON string), "MAC Address: ", "<mac>", "MAC地址：", but not
// "machine=".
func macLabelBefore(b []byte, i int) bool {
	j := i
	for n := 0; j > 0 && n < 5; n++ {
		if c := b[j-1]; c == '=' || c == ':' || c == '"' || c == '\'' || c == '\\' || c == ' ' || c == '>' {
			j--
		} else if j >= 3 && string(b[j-3:j]) == "：" {
			j -= 3
		} else {
			break
		}
	}
	if j == i || j == 0 || !macLabelLast[lower(b[j-1])] {
		return false
	}
	for _, w := range macLabels {
		s := j - len(w)
		if s >= 0 && HasLowerPrefix(b[s:j], w) && (s == 0 || !isLetter(b[s-1])) {
			return true
		}
	}
	return false
}

// ContextWords is a set of context words, indexed by their first byte so
// that a window is read once however many words there are.
type ContextWords struct {
	// group[c] is 1 + the index in groups of the words starting with
	// the byte c, in either case; 0: none.
	group  [256]uint8
	groups [][][]byte
	// second[g] has the bits of the second bytes of the words of
	// groups[g], lower case ('_' and '-' for a space), so that most bytes
	// that start a group's word in the text are passed at one test.
	second [][4]uint64
	maxLen int // the length of the longest word
	// whole: a word that starts with an ASCII letter must end a word too,
	// not go on with one (see NewWholeContextWords).
	whole bool
}

// NewContextWords returns the set of words, which must be lower case
// (ASCII letters are matched case-insensitively); empty ones are left out.
func NewContextWords(words ...string) *ContextWords {
	cw := new(ContextWords)
	for _, w := range words {
		if w == "" {
			continue
		}
		g := &cw.group[w[0]]
		if *g == 0 {
			cw.groups = append(cw.groups, nil)
			cw.second = append(cw.second, [4]uint64{})
			*g = uint8(len(cw.groups))
		}
		if c := w[0]; 'a' <= c && c <= 'z' {
			cw.group[c-'a'+'A'] = *g
		}
		cw.groups[*g-1] = append(cw.groups[*g-1], []byte(w))
		cw.maxLen = max(cw.maxLen, len(w))
		sec := &cw.second[*g-1]
		switch {
		case len(w) < 2:
			*sec = [4]uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
		case w[1] == ' ':
			for _, c := range []byte(" _-") {
				sec[c>>6] |= 1 << (c & 63)
			}
		default:
			sec[w[1]>>6] |= 1 << (w[1] & 63)
		}
	}
	// The longest word first, so that a label is read whole where a
	// shorter word is its start: "advertisingIdentifier" is no
	// "advertisingid" that goes on in a word.
	for _, g := range cw.groups {
		slices.SortStableFunc(g, func(a, b []byte) int { return len(b) - len(a) })
	}
	return cw
}

// NewWholeContextWords is NewContextWords of words that count only whole:
// one that starts with an ASCII letter is not followed by one, so that the
// random letters of an ID ("ORD-20260602-NIRN42") name nothing. Words in
// other scripts still count as a word's start, as Korean writes a
// particle right after a noun ("주민등록번호는").
func NewWholeContextWords(words ...string) *ContextWords {
	cw := NewContextWords(words...)
	cw.whole = true
	return cw
}

// MaxContextWindow bounds the window ContextBefore searches.
const MaxContextWindow = 256

// ContextBefore reports whether one of words occurs case-insensitively
// (for ASCII) in the window bytes before b[start] (at most
// MaxContextWindow). A word that starts with an ASCII letter must start a
// word in the text too (see wordStart), so "iPhone" says nothing of phones
// and "Bestellung" nothing of "tel".
func ContextBefore(b []byte, start int, words *ContextWords, window int) bool {
	return hasContext(b, start, words, window)
}

// hasContext is ContextBefore.
func hasContext(b []byte, start int, ws *ContextWords, window int) bool {
	return wordBefore(b, start, ws, start-min(window, MaxContextWindow), 0)
}

// hasContextAfter reports whether one of words ends within afterWindow
// characters after b[end].
func hasContextAfter(b []byte, end int, ws *ContextWords) bool {
	limit := end
	for n := 0; n < afterWindow && limit < len(b); n++ {
		_, w := utf8.DecodeRune(b[limit:])
		limit += w
	}
	return wordBefore(b, limit, ws, end, 0)
}

// hasLabel reports whether one of words ends at most labelWindow bytes
// before b[start], however long it is ("installation_id="), and is a word
// (see labelEnds), not a Latin one after a digit either ("ORD-…-5T2IFA";
// "…0210000手机0000000" has its label, as CJK text writes no spaces).
func hasLabel(b []byte, start int, ws *ContextWords) bool {
	for from := start - labelWindow - ws.maxLen; ; {
		i, n, ok := firstWord(b, start, ws, from, start-labelWindow)
		if !ok {
			return false
		}
		if labelEnds(b[:start], i+n) && (i == 0 || !isDigit(b[i-1]) || !isLetter(b[i])) && !keyBetween(b, i+n, start) {
			return true
		}
		from = i + 1
	}
}

// keyBetween reports whether another key, a word and its '=', stands
// between a label that ends at b[e] and the value at b[start]: the value
// is that key's ("ORD-…-VAID44 req=<uuid>").
func keyBetween(b []byte, e, start int) bool {
	for k := e; k < start; k++ {
		if b[k] == ' ' && k+1 < start && isLetter(b[k+1]) {
			for j := k + 1; j < start; j++ {
				if b[j] == '=' {
					return true
				}
				if !isLetter(b[j]) && b[j] != '_' {
					break
				}
			}
		}
	}
	return false
}

// labelEnds reports whether a label that ends at b[e] ends a word, maybe
// with digits ("imei1="), or a part of one in camel case ("idfaValue"):
// "adidas", "ORD-…-ADIDUY" and "IFA0IF" hold no label.
func labelEnds(b []byte, e int) bool {
	if e == len(b) || !isLetter(b[e-1]) {
		return true
	}
	if 'a' <= b[e-1] && b[e-1] <= 'z' && 'A' <= b[e] && b[e] <= 'Z' {
		return true
	}
	for e < len(b) && isDigit(b[e]) {
		e++
	}
	return e == len(b) || !isLetter(b[e])
}

// wordBefore reports whether one of words starts at or after b[from] and
// ends at or after b[to], before b[start].
func wordBefore(b []byte, start int, ws *ContextWords, from, to int) bool {
	_, _, ok := firstWord(b, start, ws, from, to)
	return ok
}

// firstWord returns where the first of words that starts at or after
// b[from] and ends at or after b[to], before b[start], starts, and its
// length.
func firstWord(b []byte, start int, ws *ContextWords, from, to int) (i, n int, ok bool) {
	for i = max(0, from); i < start; i++ {
		g := ws.group[b[i]]
		if g == 0 {
			continue
		}
		if i+1 < start {
			if c := lower(b[i+1]); ws.second[g-1][c>>6]&(1<<(c&63)) == 0 {
				continue
			}
		}
		for _, w := range ws.groups[g-1] {
			if i+len(w) >= to && hasWordPrefix(b[i:start], w) && (!isLetter(w[0]) || wordStart(b, i) && (!ws.whole || i+len(w) == len(b) || !isLetter(b[i+len(w)]))) {
				return i, len(w), true
			}
		}
	}
	return 0, 0, false
}

// wordStart reports whether a word may start at b[i]: not after a letter,
// nor inside the head of a token, after its '<' or a ':' of its kind name
// and key ID ("<PHONE:k1:sms…>"). A token must say nothing of what follows
// it, or redacting twice would find more than redacting once.
func wordStart(b []byte, i int) bool {
	if i == 0 {
		return true
	}
	switch c := b[i-1]; {
	case isLetter(c):
		return false
	case c == '<':
		return !tokenStart(b, i-1) // an XML element's name starts a word: "<imei>"
	case c == ':':
		return !tokenHead(b, i-1)
	}
	return true
}

// tokenHead reports whether the ':' at b[j] ends a token's head: '<', then
// letters, digits, '_' and ':' ("<PHONE:k1:").
func tokenHead(b []byte, j int) bool {
	for p := j - 1; p >= 0 && j-p <= 48; p-- {
		switch c := b[p]; {
		case c == '<':
			return p < j-1
		case !isAlnum(c) && c != '_' && c != ':':
			return false
		}
	}
	return false
}

// tokenStart reports whether a token starts at b[i]: '<', an upper-case
// kind name, ':' ("<PHONE:k1:…>").
func tokenStart(b []byte, i int) bool {
	if i >= len(b) || b[i] != '<' {
		return false
	}
	for j := i + 1; j < len(b) && j-i <= 24; j++ {
		switch c := b[j]; {
		case c == ':':
			return j > i+1
		case !('A' <= c && c <= 'Z' || isDigit(c) || c == '_'):
			return false
		}
	}
	return false
}

// hasWordPrefix is HasLowerPrefix for a context word, whose spaces match
// '_' and '-' as well: "text me" is in "text-me", "advertising id" in
// "advertising_id" and "X-Advertising-Id".
func hasWordPrefix(b, w []byte) bool {
	if len(b) < len(w) {
		return false
	}
	for i, c := range w {
		if x := lower(b[i]); x != c && (c != ' ' || x != '_' && x != '-') {
			return false
		}
	}
	return true
}

// HasLowerPrefix reports whether b begins with w once its ASCII letters
// are lower-cased; w is lower case.
func HasLowerPrefix(b, w []byte) bool {
	if len(b) < len(w) {
		return false
	}
	for i, c := range w {
		if lower(b[i]) != c {
			return false
		}
	}
	return true
}
