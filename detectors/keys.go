package detectors

import (
	"bytes"
	"math"
	"net/netip"
	"strings"
	"unicode/utf8"
)

// maxKeyLen bounds the key names that are classified; longer ones get no hint.
const maxKeyLen = 64

// KeyHint classifies a JSON key name (its raw bytes between the quotes).
// Keys are split into lower-case words at ASCII punctuation and spaces,
// camelCase humps and digits after letters, so "wifiMacAddress", "wifi_mac" and
// "WIFI-MAC" all name a MAC, "imei2" (a dual-SIM phone's second) an IMEI,
// while "machine" names nothing. Keys in the app's other languages name
// phones and e-mail addresses too: "teléfono", "handynummer", "联系电话",
// "電話番号", "전화번호", "Телефон", "correo", "メールアドレス". A key that
// ends as a credential's label does in text names a secret.
func (s *Set) KeyHint(key []byte) Hint {
	if len(key) > maxKeyLen {
		return Hint{}
	}
	var buf [2 * maxKeyLen]byte
	norm := snakeCase(buf[:0], key)
	if s.adidKey(norm) {
		return Hint{Kind: ADID}
	}
	var h Hint
	for rest := norm; len(rest) > 0 && h.Kind == None; {
		w := rest
		if i := bytes.IndexByte(rest, '_'); i >= 0 {
			w, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		switch string(w) {
		case "email", "mail", "emailaddress", "emails", "emailaddresses", "correo", "courriel", "youxiang":
			h.Kind = Email
		case "phone", "mobile", "tel", "telephone", "msisdn", "cellphone", "phonenumber", "cell", "whatsapp",
			"phones", "mobiles", "telephones", "msisdns", "cellphones", "phonenumbers",
			"telefono", "teléfono", "telefone", "telefon", "téléphone", "telefonnummer", "handy", "handynummer",
			"celular", "movil", "móvil", "cellulare", "shouji", "dianhua":
			h.Kind = Phone
		case "imei", "imeisv", "meid", "imeis", "meids":
			h.Kind = IMEI
		case "imsi", "imsis":
			h.Kind = IMSI
		case "iccid", "simserial", "simserialnumber":
			h.Kind = ICCID
		case "mac", "macaddr", "macaddress", "bssid", "wifimac", "btmac", "hwaddr", "macs", "macaddresses", "bssids", "bdaddr":
			h.Kind = MAC
		case "ip", "ipv", "ipaddr", "ipaddress", "ips", "ipaddresses", "clientip", "remoteip", "remoteaddr", "forwarded": // "ipv" of "ipv_4"
			h.Kind = IPv4
		case "card", "cards", "creditcard", "debitcard", "pan", "ccnum", "ccnumber", "cardnumber", "cardno":
			h.Kind = Card
			if hasWord(norm, "id_card") {
				h.Kind = CNID // a resident identity card
			}
		case "idcard", "idnumber", "sfz", "shenfenzheng":
			h.Kind = CNID
		case "cpf":
			h.Kind = CPF
		case "ssn", "ssns", "socialsecuritynumber":
			h.Kind = SSN
		case "rrn", "jumin", "주민등록번호", "주민번호":
			h.Kind = RRN
		case "aadhaar", "aadhar", "aadhaarnumber", "uidai":
			h.Kind = Aadhaar
		case "mynumber", "kojinbango", "マイナンバー", "個人番号":
			h.Kind = MyNumber
		case "snils", "снилс":
			h.Kind = SNILS
		case "nir", "numsecu":
			h.Kind = NIR
		case "steuerid", "steueridentifikationsnummer", "idnr":
			h.Kind = SteuerID
		case "iqama", "saudiid", "iqamanumber":
			h.Kind = SaudiID
		case "wallet", "wallets", "walletaddress":
			h.Kind = Wallet
		case "nino", "ninumber", "nationalinsurancenumber":
			h.Kind = NINO
		case "version", "ver", "build", "sdk", "vsn", "firmware", "fw", "versión", "versão", "versione", "версия", "버전", "版本", "バージョン":
			h.Traits |= VersionKey
		case "order", "orderid", "orderno", "ordernumber", "invoice", "ticket", "ref", "reference", "sku", "upc", "ean", "gtin",
			"isbn", "tracking", "txn", "transaction", "booking", "reservation", "confirmation", "receipt", "shipment", "barcode", "product":
			h.Traits |= ReferenceKey
		case "login", "username", "contact", "contacts", "recipient", "recipients", "sender", "receiver", "caller", "callee", "account":
			h.Traits |= ContactKey
		}
	}
	switch {
	case h.Kind != None:
	case !IsASCII(norm):
		h.Kind = scriptKeyKind(norm)
	case hasWord(norm, "cc_number") || hasWord(norm, "cc_num") || hasWord(norm, "cc_no"):
		h.Kind = Card
	case hasWord(norm, "remote_addr") || hasWord(norm, "client_addr") || hasWord(norm, "peer_addr"):
		h.Kind = IPv4
	case hasWord(norm, "hw_addr") || hasWord(norm, "bluetooth_address") || hasWord(norm, "bluetooth_addr") ||
		hasWord(norm, "bt_address") || hasWord(norm, "bt_addr") || hasWord(norm, "bd_addr"): // a Bluetooth device's MAC
		h.Kind = MAC
	case hasWord(norm, "sim_serial"):
		h.Kind = ICCID
	case hasWord(norm, "subscriber_id"): // Android's getSubscriberId: the IMSI
		h.Kind = IMSI
	case hasWord(norm, "social_security"):
		h.Kind = SSN
	case hasWord(norm, "my_number"):
		h.Kind = MyNumber
	case hasWord(norm, "national_insurance") || hasWord(norm, "ni_number"):
		h.Kind = NINO
	case hasWord(norm, "saudi_id") || hasWord(norm, "iqama_no") || hasWord(norm, "iqama_number"):
		h.Kind = SaudiID
	case hasWord(norm, "steuer_id"):
		h.Kind = SteuerID
	case hasWord(norm, "securite_sociale"):
		h.Kind = NIR
	case hasWord(norm, "user_name"):
		h.Traits |= ContactKey
	case credentialKey(key):
		h.Kind = Secret
	}
	return h
}

// credentialKey reports whether key names a credential as a label does in
// text: "password", "db_password", "X-Api-Key", "refreshToken", "Cookie".
func credentialKey(key []byte) bool {
	if len(key) == 0 {
		return false
	}
	_, ok := credentialLabel(key, 0, len(key))
	return ok
}

// scriptKeyWords name a phone number, an e-mail address, an IMEI or a
// Chinese identity card's number in the scripts of the app's other
// languages, where a key is one word with no separators in it ("联系电话",
// "電話番号", "휴대폰번호", "手机串号"): a key that holds one names its kind.
var scriptKeyWords = []struct {
	word string
	kind Kind
}{
	{"串号", IMEI}, {"串號", IMEI}, // a phone's serial: before 手机 ("手机串号")
	{"身份证", CNID}, {"身份證", CNID},
	{"手机", Phone}, {"手機", Phone}, {"电话", Phone}, {"電話", Phone}, {"携帯", Phone},
	{"전화", Phone}, {"휴대폰", Phone}, {"핸드폰", Phone},
	{"телефон", Phone}, {"Телефон", Phone}, {"هاتف", Phone}, {"جوال", Phone},
	{"फ़ोन", Phone}, {"फोन", Phone}, {"मोबाइल", Phone},
	{"邮箱", Email}, {"郵箱", Email}, {"电子邮件", Email}, {"電子郵件", Email}, {"メール", Email},
	{"이메일", Email}, {"почта", Email}, {"Почта", Email}, {"البريد", Email}, {"ईमेल", Email},
}

// scriptKeyKind returns the kind a key beyond ASCII names with one of
// scriptKeyWords, or None.
func scriptKeyKind(key []byte) Kind {
	for _, w := range scriptKeyWords {
		if bytes.Contains(key, []byte(w.word)) {
			return w.kind
		}
	}
	return None
}

// snakeCase appends key in lower-case snake_case to dst, which must have
// room for 2*len(key) bytes: a word starts at an upper-case letter after a
// lower-case one or a digit, at a digit after a letter, and where the script
// changes between ASCII and one that is not Latin ("mac地址", "ip адрес",
// "手机号phone"; an accented letter stays in its word: "teléfono"); ASCII
// bytes other than letters and digits ('-', '.', ' ', ':', ...) become '_'.
func snakeCase(dst, key []byte) []byte {
	prev := byte('_') // the class of the last byte: 'a', 'A', '0', 'u' (not Latin) or '_'
	for _, c := range key {
		class := byte('_')
		switch {
		case 'A' <= c && c <= 'Z':
			class = 'A'
			if prev == 'a' || prev == '0' || prev == 'u' {
				dst = append(dst, '_')
			}
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z':
			class = 'a'
			if prev == 'u' {
				dst = append(dst, '_')
			}
		case '0' <= c && c <= '9':
			class = '0'
			if prev == 'a' || prev == 'A' || prev == 'u' {
				dst = append(dst, '_')
			}
		case c < utf8.RuneSelf:
			c = '_'
		case c < 0xc0: // a continuation byte, of the character before
			class = prev
		case c <= 0xcb: // U+0080-U+02FF: Latin letters and their marks
			class = 'a'
			if prev == 'u' {
				dst = append(dst, '_')
			}
		default:
			class = 'u'
			if prev == 'a' || prev == 'A' || prev == '0' {
				dst = append(dst, '_')
			}
		}
		dst = append(dst, c)
		prev = class
	}
	return dst
}

// MemberHint returns the hint of a member of an object that is the value
// of a key with hint parent, h being what the member's own key says: a
// card object's "number" is a card number, as in {"card":{"number":"4242…"}},
// and a phone object's "number" or "nationalNumber" a phone number, as in
// libphonenumber's {"phone":{"countryCode":1,"nationalNumber":"4155550132"}}
// and SCIM's {"phoneNumbers":[{"value":"…","type":"work"}]}; the member of
// any such object that holds its typed value is of its kind, as Firebase's
// export writes {"value":{"string_value":"…"}} (see ValueMember).
func MemberHint(parent, h Hint, key []byte) Hint {
	if parent == (Hint{}) || h.Kind != None {
		return h // inlined: the walk calls it for every member
	}
	return memberHint(parent, h, key)
}

// memberNames are the members that hold the number of a card or phone
// object, lower case.
var memberNames = [...][]string{
	Card:  {"number", "num", "no"},
	Phone: {"number", "num", "no", "national", "nationalnumber", "national_number", "e164", "international"},
}

// valueMembers are the members that hold a value of its own kind in a
// hinted object, or a key-value pair's value, lower case: "value", and
// the typed values of Firebase's and GA4's export.
var valueMembers = []string{"value", "string_value", "stringvalue", "int_value", "intvalue", "long_value", "longvalue"}

// memberHint is MemberHint of a member whose key names no kind.
func memberHint(parent, h Hint, key []byte) Hint {
	if ValueMember(key) {
		return parent
	}
	if int(parent.Kind) < len(memberNames) && oneOfFold(key, memberNames[parent.Kind]) {
		return Hint{Kind: parent.Kind}
	}
	return h
}

// ValueMember reports whether key, a member's, names the value of its
// object: "value", "string_value", "intValue"...
func ValueMember(key []byte) bool {
	return len(key) >= 5 && len(key) <= 12 && oneOfFold(key, valueMembers)
}

// PairKeyMember reports whether key, a member's, names the member whose
// string value is the key of a key-value pair, as lists of parameters and
// attributes write them: {"key":"phone","value":…} (Firebase's and GA4's
// export), {"name":"ip","value":…}, or its type, as contact lists do:
// {"type":"mobile","value":…}.
func PairKeyMember(key []byte) bool { return oneOfFold(key, pairKeys) }

// pairKeys are the names PairKeyMember accepts, lower case.
var pairKeys = []string{"key", "name", "field", "param", "type", "kind"}

// oneOfFold reports whether key is one of words, ASCII case folded: the
// words are ASCII, so a key of another length is none of them.
func oneOfFold(key []byte, words []string) bool {
	for _, w := range words {
		if len(key) == len(w) && strings.EqualFold(bytesString(key), w) {
			return true
		}
	}
	return false
}

// adidKey reports whether the snake_case key norm holds one of the
// advertising-ID keys as whole words, trying at each word's start only the
// keys that start with its byte.
func (s *Set) adidKey(norm []byte) bool {
	for i := range norm {
		if i > 0 && norm[i-1] != '_' {
			continue
		}
		for _, k := range s.adidKeys[norm[i]] {
			if wordAt(norm, i, k) {
				return true
			}
		}
	}
	return false
}

// hasWord reports whether the snake_case key norm contains w (itself one or
// more snake_case words) as whole words.
func hasWord(norm []byte, w string) bool {
	for i := 0; i+len(w) <= len(norm); i++ {
		if (i == 0 || norm[i-1] == '_') && wordAt(norm, i, w) {
			return true
		}
	}
	return false
}

// wordAt reports whether the snake_case words w start at norm[i] and end
// a word there.
func wordAt(norm []byte, i int, w string) bool {
	return len(norm)-i >= len(w) && string(norm[i:i+len(w)]) == w && (i+len(w) == len(norm) || norm[i+len(w)] == '_')
}

// wholeValue reports whether the whole value b (less surrounding spaces) is
// of kind k as a key names it, with the lenience a key allows: any IMEI-length
// number under "imei", bare hex under "mac", any phone-shaped number under
// "phone", an address with no top-level domain under "email".
func (s *Set) wholeValue(b []byte, k Kind) (start, end int, ok bool) {
	start, end = 0, len(b)
	for start < end && b[start] == ' ' {
		start++
	}
	for end > start && b[end-1] == ' ' {
		end--
	}
	v := b[start:end]
	if len(v) == 0 {
		return 0, 0, false
	}
	switch k {
	case Email:
		ok = mailbox(v)
	case Phone:
		nd, other := countDigits(v, "+-. ()")
		ok = nd >= 6 && nd <= 17 && !other
	case IMEI:
		nd, other := countDigits(v, "- ")
		ok = nd >= 14 && nd <= 18 && !other || bareHex(v, 14) // an MEID in decimal or hex
	case IMSI:
		nd, other := countDigits(v, "")
		ok = nd >= 14 && nd <= 15 && !other
	case ICCID:
		if n := len(v); n > 0 && v[n-1]|0x20 == 'f' {
			v = v[:n-1] // the padding some SIMs report: "8986001234567890123F"
		}
		nd, other := countDigits(v, " ")
		ok = nd >= 18 && nd <= 20 && !other
	case Card:
		nd, other := countDigits(v, "- ")
		ok = nd >= 12 && nd <= 19 && !other
	case CNID:
		ok = len(v) == 18 || len(v) == 15
		for i, c := range v {
			ok = ok && (isDigit(c) || i == len(v)-1 && (c == 'X' || c == 'x'))
		}
	case MAC:
		ok = bareHex(v, 12) || len(v) == 17 && (macOK(v, ':') || macOK(v, '-')) || len(v) == 14 && (groupedMACOK(v, '.') || groupedMACOK(v, '-'))
	case ADID:
		// Also a MediaDrm (Widevine) device ID, a SHA-256 in hex, and an
		// Alibaba UTDID, 24 characters of base64.
		if bareHex(v, 32) || bareHex(v, 16) || udid(v) || bareHex(v, 64) || utdid(v) {
			ok = true
		} else if len(v) == 36 {
			_, ok = uuidAt(v, 0)
		}
	case IPv4:
		ok = ipValue(v)
	case Wallet:
		var e int
		e, ok = walletAt(v, 0)
		ok = ok && e == len(v) // also one with no digit: "TDUgLthTKAoYKZBFZPCwxbqQhXYsRbmKcM"
	case Secret:
		// As after a label in text: the value is the credential, after
		// an authorization scheme ("Bearer …"), unless it says there is
		// none, is a path ("pwd": "/srv/app") or is a token already.
		start = authSchemeEnd(b[:end], start)
		v = b[start:end]
		ok = len(v) > 0 && v[0] != '/' && !noValue(v) && !tokenStart(v, 0)
	}
	return start, end, ok
}

// mailbox reports whether v is one address under a key that names an
// e-mail address, with the lenience a key allows: any local part and host
// around one '@', so that a host with no top-level domain, which text
// leaves alone ("admin@localhost", "JOHN@CORP"), goes too. Escapes,
// spaces and lists are left to the scan.
func mailbox(v []byte) bool {
	at := bytes.IndexByte(v, '@')
	if at <= 0 || at == len(v)-1 {
		return false
	}
	for _, c := range v {
		if c <= ' ' || c == '\\' || c == '"' || c == ',' || c == ';' || c == '<' || c == '>' || c == '(' || c == ')' || c == '%' || c == '&' {
			return false
		}
	}
	return bytes.IndexByte(v[at+1:], '@') < 0
}

// utdid reports whether v is shaped as an Alibaba UTDID: 24 characters of
// standard base64 with letters and digits.
func utdid(v []byte) bool {
	if len(v) != 24 {
		return false
	}
	letters, digits := false, false
	for _, c := range v {
		switch {
		case isLetter(c):
			letters = true
		case isDigit(c):
			digits = true
		case c != '+' && c != '/' && c != '=':
			return false
		}
	}
	return letters && digits
}

// udid reports whether v is an iOS device's UDID: 40 hex digits, or since
// the iPhone XS 8 and 16 joined by a dash ("00008030-001A2B3C4D5E802E").
func udid(v []byte) bool {
	return bareHex(v, 40) || len(v) == 25 && v[8] == '-' && bareHex(v[:8], 8) && bareHex(v[9:], 16)
}

func macOK(v []byte, sep byte) bool {
	_, ok := macAt(v, 0, sep)
	return ok
}

func groupedMACOK(v []byte, sep byte) bool {
	_, ok := groupedMACAt(v, 0, sep)
	return ok
}

// countDigits counts ASCII and full-width digits in v and reports whether any
// byte other than a digit or one of seps occurs.
func countDigits(v []byte, seps string) (nd int, other bool) {
	for i := 0; i < len(v); {
		if _, w := digitAt(v, i); w > 0 {
			nd++
			i += w
			continue
		}
		if strings.IndexByte(seps, v[i]) < 0 {
			return nd, true
		}
		i++
	}
	return nd, false
}

func bareHex(v []byte, n int) bool {
	if len(v) != n {
		return false
	}
	for _, c := range v {
		if !isHex(c) {
			return false
		}
	}
	return true
}

// ipValue reports whether v is an IPv4 or IPv6 address (IPv6 with an
// optional zone).
func ipValue(v []byte) bool {
	if _, ok := ipv4Integer(v); ok {
		return true
	}
	if _, ok := quadIPv4(v, '.'); ok {
		return true
	}
	if i := bytes.IndexByte(v, '%'); i > 0 {
		v = v[:i]
	}
	_, err := parseAddr(v)
	return err == nil
}

// quadIPv4 parses four decimal octets of one to three digits joined by
// sep, leading zeros allowed ("192.168.001.020", as some devices pad them;
// "73-158-12-4", as host names spell addresses).
func quadIPv4(v []byte, sep byte) (netip.Addr, bool) {
	var a [4]byte
	g, n, val := 0, 0, 0
	for i, c := range v {
		switch {
		case isDigit(c) && n < 3:
			val = val*10 + int(c-'0')
			n++
		case c == sep && n > 0 && g < 3 && i+1 < len(v):
			a[g] = byte(val)
			g, n, val = g+1, 0, 0
			continue
		default:
			return netip.Addr{}, false
		}
		if val > 255 {
			return netip.Addr{}, false
		}
	}
	if g != 3 || n == 0 {
		return netip.Addr{}, false
	}
	a[3] = byte(val)
	return netip.AddrFrom4(a), true
}

// ipv4Integer parses an IPv4 address written as one decimal integer, as
// some telemetry stores it ("3405803783" is 203.0.113.7). It is read so only
// under keys that name an IP.
func ipv4Integer(v []byte) (netip.Addr, bool) {
	if len(v) == 0 || len(v) > 10 || v[0] == '0' && len(v) > 1 {
		return netip.Addr{}, false
	}
	var n uint64
	for _, c := range v {
		if !isDigit(c) {
			return netip.Addr{}, false
		}
		n = n*10 + uint64(c-'0')
	}
	if n > math.MaxUint32 {
		return netip.Addr{}, false
	}
	return netip.AddrFrom4([4]byte{byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)}), true
}
