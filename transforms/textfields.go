package transforms

import (
	"bytes"
	"math"
	"unicode"
)

// A textField is a key and its value in a text record, as log lines write
// them: logfmt's and URL query strings' user_id=u_8f3a or msg="a b", the
// "user_id":"u_8f3a" of JSON embedded in a line, also in a string
// ({\"user_id\":\"u_8f3a\"}), in single quotes ({'user_id': 'u_8f3a'},
// a Python dict as printed) or with a Ruby hash's "=>", an object's
// unquoted key as Node prints one ({ userId: 'u_1', age: 9 }) and Go's %+v
// ({UserID:u_1 Name:Li Wei}), and the segment after a named one in a
// URL's path (/users/42). Offsets are into the
// record; the value's quotes are not part of it. Keys are found first,
// and the value only of a key that matters (readValue): until then
// valStart is just past the '=' or ':'.
type textField struct {
	keyStart, keyEnd int
	valStart, valEnd int
	json             bool // the key is a JSON string
	str              bool // the value is in quotes
	nested           bool // the JSON is in a string: its quotes are escaped
	quote            byte // a JSON key's quote: '"', or '\'' as Python prints a dict
	url              bool // a URL's path segment: the key is "/users", its value read
	object           bool // an object's unquoted key, as Node and Go print one
	// listed: the field is a member of a list in brackets, its members set
	// apart by ", ", as Java's and Kotlin's toString print an object
	// (User(id=42, name=Li Wei)): an unquoted value runs to the next
	// member or the closing bracket, spaces and all.
	listed bool
	query  bool // the field is a URL query parameter
	// named is the key of a field the record writes no key for (an access
	// log's user, remoteUserKey; a Windows home directory's login name,
	// windowsHomeKey), nil for one it does.
	named []byte
}

// remoteUserKey is the key an access log's user is looked up by, as nginx
// names it ($remote_user) and its JSON log formats write it.
var remoteUserKey = []byte("remote_user")

// maxAccessLogTime bounds where an access log line's time may start: after
// the client's address or host name, the identity and the user.
const maxAccessLogTime = 256

// appendAccessLogUser appends to dst the field of the user in b if b is an
// access log line in the Common or Combined Log Format, as nginx and Apache
// write them (`203.0.113.7 - liwei [10/Oct/2026:13:55:36 +0000] "GET …`):
// the word before " [" and the day of the time, after " - " (the
// identity, which servers log as '-'). It looks for the time's '[' once.
func appendAccessLogUser(dst []textField, b []byte) []textField {
	t := bytes.IndexByte(b[:min(len(b), maxAccessLogTime)], '[')
	if t < 1 || b[t-1] != ' ' || len(b)-t < 4 || !isDigit(b[t+1]) || !isDigit(b[t+2]) || b[t+3] != '/' {
		return dst
	}
	f := textField{valStart: t - 1, valEnd: t - 1, named: remoteUserKey}
	for f.valStart > 0 && b[f.valStart-1] > ' ' {
		f.valStart--
	}
	if u := f.valStart; u < 3 || b[u-1] != ' ' || b[u-2] != '-' || b[u-3] != ' ' || f.valEnd-u < 2 && (f.valEnd == u || b[u] == '-') {
		return dst // none, or a request with no user: "- - ["
	}
	f.keyStart, f.keyEnd = f.valStart, f.valStart
	return append(dst, f)
}

// authUserPhrases end with "user " and make the next word a login name in
// an authentication log line: sshd's "Invalid user admin from", "Failed
// password for invalid user admin", "Connection closed by authenticating
// user liwei", "Disconnected from user liwei", systemd-logind's "New
// session 3 of user liwei.", PAM's "session opened for user
// liwei(uid=1000)" and "session closed for user liwei".
var authUserPhrases = [][]byte{[]byte("invalid user "), []byte("Invalid user "), []byte("authenticating user "),
	[]byte("Disconnected from user "), []byte(" of user "), []byte("session opened for user "), []byte("session closed for user ")}

// authLogHead bounds where a syslog line names its program: after the
// time (RFC 3164's or an ISO one) and the host.
const authLogHead = 96

// authLogProgram reports whether head names sshd, sudo, su ("su:", "su[")
// or systemd-logind, looking only at its 's's.
func authLogProgram(head []byte) bool {
	for i := bytes.IndexByte(head, 's'); i >= 0; {
		r := head[i:]
		if bytes.HasPrefix(r, []byte("sshd")) || bytes.HasPrefix(r, []byte("sudo")) || bytes.HasPrefix(r, []byte("systemd-logind")) ||
			(i == 0 || head[i-1] == ' ') && (bytes.HasPrefix(r, []byte("su:")) || bytes.HasPrefix(r, []byte("su["))) {
			return true
		}
		j := bytes.IndexByte(r[1:], 's')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// pamPhrases is the index of the first of authUserPhrases that PAM writes.
const pamPhrases = 5

// sshdMethods are the authentication methods sshd logs before "for":
// "Accepted publickey for liwei from …".
var sshdMethods = [][]byte{[]byte("publickey"), []byte("password"), []byte("keyboard-interactive/pam"), []byte("hostbased"),
	[]byte("gssapi-with-mic"), []byte("none")}

// appendAuthLogUsers appends to dst a field, under usernameKey, for each
// login name that an authentication log line names as sshd, PAM, sudo and
// su write them: after one of authUserPhrases, and in PAM's line su's
// "by liwei(uid=1000)" after it; after sshd's "Accepted publickey for" and
// "Failed password for" (any of sshdMethods) and before " from"; and
// sudo's "sudo:    liwei : TTY=pts/0 ; …". Only lines whose syslog header
// names sshd, sudo, su or systemd-logind ("web1 sshd[1234]:", "web1 su:") in its first
// authLogHead bytes are read (see authLogProgram): most log lines are
// none, and searching every line for the phrases cost the log policy's
// lines +6% instructions.
func appendAuthLogUsers(dst []textField, b []byte) []textField {
	if !authLogProgram(b[:min(len(b), authLogHead)]) {
		return dst
	}
	for i := 0; ; {
		j := bytes.Index(b[i:], []byte("user "))
		if j < 0 {
			break
		}
		u := i + j + len("user ")
		for k, p := range authUserPhrases {
			if bytes.HasSuffix(b[:u], p) {
				n := len(dst)
				dst = appendLoginName(dst, b, u, "")
				if k >= pamPhrases && len(dst) > n {
					if by := dst[n].valEnd; bytes.HasPrefix(b[by:], []byte(" by ")) {
						dst = appendLoginName(dst, b, by+len(" by "), "(uid=")
					}
				}
				break
			}
		}
		i = u
	}
	for i := 0; ; {
		j := bytes.Index(b[i:], []byte(" for "))
		if j < 0 {
			break
		}
		for _, m := range sshdMethods {
			if bytes.HasSuffix(b[:i+j], m) {
				dst = appendLoginName(dst, b, i+j+len(" for "), " from ")
				break
			}
		}
		i += j + len(" for ")
	}
	if s := bytes.Index(b, []byte("sudo:")); s >= 0 {
		v := s + len("sudo:")
		for v < len(b) && b[v] == ' ' {
			v++
		}
		dst = appendLoginName(dst, b, v, " : ")
	}
	if s := bytes.Index(b, []byte(" SHA256:")); s >= 0 {
		// The fingerprint of the key a user logged in with ("… ssh2: RSA
		// SHA256:uNiVz…"), as stable a handle as the login name.
		v := s + len(" SHA256:")
		end := v
		for end < len(b) && end-v < sshFingerprint && (isBase64Byte(b[end])) {
			end++
		}
		if end-v == sshFingerprint {
			dst = append(dst, textField{keyStart: v, keyEnd: v, valStart: v, valEnd: end, named: usernameKey})
		}
	}
	return dst
}

// sshFingerprint is the length of an SSH key's SHA-256 fingerprint, as
// OpenSSH prints it: unpadded base64 of 32 bytes.
const sshFingerprint = 43

func isBase64Byte(c byte) bool {
	return isDigit(c) || 'a' <= c|0x20 && c|0x20 <= 'z' || c == '+' || c == '/'
}

// appendLoginName appends to dst the field of the login name at b[v], if
// there is one and then follows: up to a space, a parenthesis, a quote, a
// backslash (a JSON escape's), one of ",;[]" or a ':' that ends a word (a
// token's are read with it, so that a token stays one).
func appendLoginName(dst []textField, b []byte, v int, then string) []textField {
	end := v
	for end < len(b) && b[end] > ' ' && !isLoginNameEnd(b[end]) && !(b[end] == ':' && (end+1 == len(b) || b[end+1] <= ' ')) {
		end++
	}
	for end > v && b[end-1] == '.' {
		end-- // a sentence's full stop: "… of user liwei."
	}
	if end == v || end-v == 1 && b[v] == '-' || !bytes.HasPrefix(b[end:], []byte(then)) {
		return dst
	}
	return append(dst, textField{keyStart: v, keyEnd: v, valStart: v, valEnd: end, named: usernameKey})
}

func isLoginNameEnd(c byte) bool {
	switch c {
	case '(', ')', '"', '\'', '\\', ',', ';', '[', ']':
		return true
	}
	return false
}

// windowsHomeKey is the key a Windows home directory's login name is looked
// up by: macOS's, whose home directories are named alike.
var windowsHomeKey = []byte("/Users")

// maxLoginName bounds a login name in a Windows path read to the next
// backslash, spaces included ("C:\Users\Li Wei\").
const maxLoginName = 64

// windowsNameless are the bytes no file name on Windows holds, and a line
// break: a backslash after one is no home directory's end.
const windowsNameless = "\"'\n:*?<>|"

// appendWindowsHomes appends to dst a field for the login name after each
// "\Users\" in b, in any case (C:\Users\liwei\AppData), also with JSON's
// escaped backslashes (C:\\Users\\liwei\\): up to the next backslash, or,
// with none within maxLoginName bytes, where a URL's path segment would end.
func appendWindowsHomes(dst []textField, b []byte) []textField {
	for i := bytes.IndexByte(b, '\\'); i >= 0; {
		// b[i] is a backslash: "Users\" after it, or after another, as
		// JSON escapes them.
		v, escaped := i+1, i+1 < len(b) && b[i+1] == '\\'
		if escaped {
			v++
		}
		if len(b)-v > len("users\\") && b[v]|0x20 == 'u' && string(b[v+1:v+len("users\\")]) == "sers\\" {
			v += len("users\\")
			if escaped && v < len(b) && b[v] == '\\' {
				v++
			}
			end := v + bytes.IndexByte(b[v:min(len(b), v+maxLoginName)], '\\')
			if end < v || bytes.ContainsAny(b[v:end], windowsNameless) {
				end = segmentEnd(b, v)
			}
			if end > v && b[v] != ' ' {
				dst = append(dst, textField{keyStart: v, keyEnd: v, valStart: v, valEnd: end, named: windowsHomeKey})
			}
		}
		next := bytes.IndexByte(b[v:], '\\')
		if next < 0 {
			return dst
		}
		i = v + next
	}
	return dst
}

// maxTextKey bounds the length of a text field's key.
const maxTextKey = 64

// appendTextKeys appends the fields of the text b to dst, their values not
// yet read, in the order of their '=' or ':'. A field may be in the value
// of another (msg="… user_id=…").
func appendTextKeys(dst []textField, b []byte) []textField {
	eq, colon := indexFrom(b, 0, '='), indexFrom(b, 0, ':')
	brace := indexFrom(b, 0, '{') // an object's unquoted keys come after one
	for {
		at := min(eq, colon)
		if at == len(b) {
			return dst
		}
		var f textField
		var ok bool
		// Most '=' and ':' have no key before them: a byte tells.
		if at == eq {
			switch {
			case at == 0:
			case isKeyByte(b[at-1]):
				f, ok = logfmtKey(b, at)
			case at+1 < len(b) && b[at+1] == '>' && (b[at-1] == '"' || b[at-1] == ' '):
				f, ok = jsonKey(b, at) // a Ruby hash's "user_id"=>"42", as Rails logs parameters
				f.valStart++
			}
			eq = indexFrom(b, at+1, '=')
		} else {
			switch {
			case at == 0:
			case b[at-1] == '"' || b[at-1] == '\'' || b[at-1] == ' ' || b[at-1] == '\t':
				f, ok = jsonKey(b, at)
			case at > brace && isIdentByte(b[at-1]):
				f, ok = objectKey(b, at)
			}
			colon = indexFrom(b, at+1, ':')
		}
		if ok {
			dst = append(dst, f)
		}
	}
}

// indexFrom returns the offset of the first c in b at or after i, or len(b).
func indexFrom(b []byte, i int, c byte) int {
	if j := bytes.IndexByte(b[i:], c); j >= 0 {
		return i + j
	}
	return len(b)
}

// logfmtKey reads the key of the field whose '=' is at b[at], if there is
// one: letters, digits, '_', '.' and '-' that start a word ("--user_id" is
// "user_id"). After a '?' or '&' the field is a URL query parameter.
func logfmtKey(b []byte, at int) (textField, bool) {
	ks := at
	for ks > 0 && at-ks <= maxTextKey && isKeyByte(b[ks-1]) {
		ks--
	}
	word := ks // a flag's "--" and a dotted key's '.' go before the key
	for ks < at && (b[ks] == '-' || b[ks] == '.') {
		ks++
	}
	if ks == at || at-ks > maxTextKey || !isKeyStart(b[ks]) {
		return textField{}, false
	}
	f := textField{keyStart: ks, keyEnd: at, valStart: at + 1}
	if word > 0 {
		// Not glued to a word before it: "1.serial=" and a token's
		// "<IPV4:…>.serial=" are no keys, so that redacting twice finds
		// none where once found none.
		switch b[word-1] {
		case '?', '&':
			f.query = true
		case ' ', '\t', ',', ';', '(', '[', '{', '|', '"', '\'':
		default:
			return textField{}, false
		}
		f.listed = listMember(b, word)
	}
	return f, true
}

// jsonKey reads the key of the field of JSON in text whose ':' (or "=>")
// is at b[at], if there is one: in double quotes, escaped or not, or in
// single quotes, and starting a member ('{', ',' or a space before it).
func jsonKey(b []byte, at int) (textField, bool) {
	q := at - 1
	for q >= 0 && (b[q] == ' ' || b[q] == '\t') {
		q--
	}
	if q < 1 || b[q] != '"' && b[q] != '\'' {
		return textField{}, false
	}
	f := textField{json: true, keyEnd: q, valStart: at + 1, quote: b[q]}
	if b[q-1] == '\\' && f.quote == '"' {
		if escaped(b, q-1) {
			return textField{}, false
		}
		f.nested, f.keyEnd = true, q-1
	}
	ks := f.keyEnd - 1
	for ks >= 0 && f.keyEnd-ks <= maxTextKey && b[ks] != f.quote && b[ks] != '\\' {
		ks--
	}
	open := ks // the key's opening quote, its backslash included
	if f.nested {
		open--
	}
	if ks < 0 || b[ks] != f.quote || ks+1 == f.keyEnd || open < 0 || f.nested != (b[open] == '\\') || !f.nested && escaped(b, ks) {
		return textField{}, false
	}
	if open > 0 {
		switch b[open-1] {
		case '{', ',', ' ', '\t':
		default:
			return textField{}, false
		}
	}
	f.keyStart = ks + 1
	return f, true
}

// maxObjectBack bounds how far back objectKey looks for the '{' of an
// object's unquoted key.
const maxObjectBack = 1024

// objectKey reads the unquoted key of the member of an object printed in
// text whose ':' is at b[at], if there is one: an identifier, after the
// object's '{', or after a ',' (Node: { userId: 'u_1', age: 9 }) or a space
// (Go's %+v: {UserID:u_1 Age:9}) inside one, which a '{' not closed before
// it within maxObjectBack bytes tells. Prose has words and colons
// ("Age: 9, Style: anime"), not in braces.
func objectKey(b []byte, at int) (textField, bool) {
	ks := at
	for ks > 0 && at-ks <= maxTextKey && isIdentByte(b[ks-1]) {
		ks--
	}
	if at-ks > maxTextKey || isDigit(b[ks]) || ks == 0 {
		return textField{}, false
	}
	i := ks - 1
	for i > 0 && isSpace(b[i]) {
		i--
	}
	switch {
	case b[i] == '{':
	case b[i] == ',' || isSpace(b[ks-1]): // after a value, Go's fields are set apart by a space
		if !inObject(b, i) {
			return textField{}, false
		}
	default:
		return textField{}, false
	}
	return textField{keyStart: ks, keyEnd: at, valStart: at + 1, object: true}, true
}

// listMember reports whether the key that starts at b[ks] starts a member
// of a list in brackets: right after its '(' or '{', or after ", " inside
// one that no bracket closes before ("User(id=42, name=Li Wei)", Java's
// Map {id=42, name=Li Wei}).
func listMember(b []byte, ks int) bool {
	switch {
	case ks >= 1 && (b[ks-1] == '(' || b[ks-1] == '{'):
		return true
	case ks >= 2 && b[ks-1] == ' ' && b[ks-2] == ',':
		return unclosedAt(b, ks-3, true)
	}
	return false
}

// listValueEnd returns the end of the unquoted value of a list's member
// that starts at b[i]: the ", " before the next member's key and '=', the
// bracket that closes the list, or the line's end.
func listValueEnd(b []byte, i int) int {
	start, depth := i, 0
	for ; i < len(b); i++ {
		switch c := b[i]; c {
		case '(', '{', '[':
			depth++
		case ')', '}', ']':
			if depth == 0 {
				return start + trimValueEnd(b[start:i])
			}
			depth--
		case '\n', '\r':
			return start + trimValueEnd(b[start:i])
		case ',':
			if depth == 0 && i+1 < len(b) && b[i+1] == ' ' && memberKeyAt(b, i+2) {
				return i
			}
		}
	}
	return start + trimValueEnd(b[start:i])
}

// memberKeyAt reports whether a key and '=' start at b[i].
func memberKeyAt(b []byte, i int) bool {
	j := i
	for j < len(b) && j-i <= maxTextKey && isKeyByte(b[j]) {
		j++
	}
	return j > i && j < len(b) && b[j] == '=' && isKeyStart(b[i])
}

// inObject reports whether b[i] is inside braces: a '{' before it, within
// maxObjectBack bytes, that no '}' between (or at b[i]) closes.
func inObject(b []byte, i int) bool { return unclosedAt(b, i, false) }

// unclosedAt reports whether an opening brace, or with parens a
// parenthesis too, comes at or before b[i], within maxObjectBack bytes,
// and no closing one between closes it.
func unclosedAt(b []byte, i int, parens bool) bool {
	depth := 0
	for j := i; j >= 0 && i-j <= maxObjectBack; j-- {
		switch c := b[j]; {
		case c == '}' || parens && c == ')':
			depth++
		case c == '{' || parens && c == '(':
			if depth == 0 {
				return true
			}
			depth--
		}
	}
	return false
}

// readValue reads the value of the field f in b, a JSON string's raw
// content if inJSON, and reports whether it has one. A logfmt value runs to the next space, or is in quotes; a
// query parameter's ends at the next '&' or '#' too. A JSON value is a
// string or a scalar: a key whose value is an object or an array has none
// here, as its members are fields of their own. A value whose quote is not
// closed runs to the end of b, so that a line cut short keeps nothing of it.
func readValue(b []byte, f *textField, inJSON bool) bool {
	switch {
	case f.url || f.named != nil:
		return true
	case f.json:
		return readJSONValue(b, f)
	case f.object:
		return readObjectValue(b, f)
	}
	i := f.valStart
	switch {
	case i == len(b):
		return false
	case inJSON && bytes.HasPrefix(b[i:], escapedQuote):
		if closing(b, i+2) {
			return false
		}
		f.str, f.valStart = true, i+2
		f.valEnd = escapedQuoteAt(b, f.valStart)
		return true
	case b[i] == '"' || b[i] == '\'':
		if closing(b, i+1) {
			return false
		}
		return f.quoted(b, i, b[i])
	}
	if f.listed && !inJSON {
		f.valEnd = listValueEnd(b, i)
		return f.valEnd > f.valStart && b[f.valStart] != '=' && b[f.valStart] != '>'
	}
	for i < len(b) && b[i] > ' ' && !(f.query && (b[i] == '&' || b[i] == '#' || b[i] == '"')) && !(inJSON && escapedSpaceAt(b, i)) {
		if inJSON && b[i] == '\\' && i+1 < len(b) {
			i++ // an escape is read whole: "\\n" is a backslash and an n
		}
		i++
	}
	f.valEnd = f.valStart + trimValueEnd(b[f.valStart:i])
	return f.valEnd > f.valStart && b[f.valStart] != '=' && b[f.valStart] != '>' // not "a= b", "a==b", "a=>b"
}

// plain reports whether f is an unquoted key=value pair of a text line,
// whose value ends at a space.
func (f *textField) plain() bool {
	return !f.json && !f.str && !f.url && !f.object && !f.listed && !f.query && f.named == nil
}

// maxNameWords bounds the words nameWordsEnd adds to a value.
const maxNameWords = 3

// nameWordsEnd returns the end of the unquoted value b[start:end] with the
// words of a name after it, if it is one: a value in title case ("Li")
// goes on over up to maxNameWords more such words, a space before each,
// none followed by '=' or ':' ("name=Li Wei logged in" is "Li Wei"; not
// "name=li wei", "name=Li ERROR", "name=Li Wei=1"), nor running on after
// a ',' or ';' ("name=Li Wei,2").
func nameWordsEnd(b []byte, start, end int) int {
	if !titleWord(b[start:end]) {
		return end
	}
	for range maxNameWords {
		if end+1 >= len(b) || b[end] != ' ' {
			break
		}
		w := end + 1
		for w < len(b) && b[w] > ' ' && b[w] != '=' && b[w] != ':' && b[w] != ',' && b[w] != ';' {
			w++
		}
		if w < len(b) && (b[w] == '=' || b[w] == ':') || !titleWord(b[end+1:w]) {
			break
		}
		if w+1 < len(b) && (b[w] == ',' || b[w] == ';') && b[w+1] > ' ' {
			break // "Li Wei,00": a word that runs on is none of a name's
		}
		end = w
	}
	return end
}

// titleWord reports whether word, of at most 20 bytes, is a name's in
// title case: a capital, then small letters, each part after an
// apostrophe or a hyphen maybe with a capital of its own ("Wei", "Émile",
// "O'Brien", "Jean-Pierre"; not "ERROR", "Li2", "iPhone").
func titleWord(word []byte) bool {
	if len(word) < 2 || len(word) > 20 {
		return false
	}
	first, afterMark := true, false
	for _, r := range string(word) {
		if r == '\'' || r == '-' {
			if first || afterMark {
				return false
			}
			afterMark = true
			continue
		}
		switch {
		case first:
			if !unicode.IsUpper(r) {
				return false
			}
		case afterMark:
			if !unicode.IsLetter(r) {
				return false
			}
		case !unicode.IsLower(r):
			return false
		}
		first, afterMark = false, false
	}
	return !afterMark
}

// closing reports whether the quote that ends at b[i], right after a
// key's '=', closes an enclosing string rather than opens a value: the
// text ends there, or a space or what trimValueEnd trims from a value's
// end follows, as a dropped value leaves it (msg="login name=" ip=…,
// name="', ), or an escaped quote or space, as in a JSON string
// (name='\", name='\t), so that redacting again does not take what follows
// for the value.
func closing(b []byte, i int) bool {
	return i == len(b) || b[i] <= ' ' || bytes.IndexByte([]byte(`,;"')]}`), b[i]) >= 0 || bytes.HasPrefix(b[i:], escapedQuote) ||
		escapedSpaceAt(b, i)
}

// quoted reads the value of f as the string that the quote q at b[i]
// opens, and reports that it has one.
func (f *textField) quoted(b []byte, i int, q byte) bool {
	f.str, f.valStart = true, i+1
	f.valEnd = closingQuote(b, f.valStart, q)
	return true
}

// readJSONValue is readValue of a JSON field.
func readJSONValue(b []byte, f *textField) bool {
	i, ok := scalarStart(b, f.valStart)
	switch {
	case !ok:
		return false
	case f.nested && bytes.HasPrefix(b[i:], escapedQuote):
		f.str, f.valStart = true, i+2
		f.valEnd = escapedQuoteAt(b, f.valStart)
		return true
	case b[i] == '"' || b[i] == '\'':
		if f.nested || b[i] != f.quote {
			return false
		}
		return f.quoted(b, i, f.quote)
	}
	f.valStart = i
	for i < len(b) && b[i] > ' ' && b[i] != ',' && b[i] != '}' && b[i] != ']' && b[i] != '"' && b[i] != '\'' && b[i] != '\\' {
		i++
	}
	f.valEnd = i
	return i > f.valStart
}

// scalarStart returns where the value that follows a key's separator at
// b[i] starts, past spaces and tabs, and false if there is none or it is an
// object or array, whose members are fields of their own.
func scalarStart(b []byte, i int) (int, bool) {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	return i, i < len(b) && b[i] != '{' && b[i] != '['
}

// readObjectValue is readValue of an object's unquoted key: a string in
// quotes, or a scalar that runs to a ',', a closing bracket, the end of
// the line, or the space before the next unquoted key (Go's %+v, whose
// values are not quoted: {Name:Li Wei Age:9}). An object or array is no
// value: its members are fields of their own.
func readObjectValue(b []byte, f *textField) bool {
	i, ok := scalarStart(b, f.valStart)
	switch {
	case !ok:
		return false
	case i > f.valStart && nextKeyAt(b, i): // an empty value: {Name: Age:9}
		return false
	case i-f.valStart >= 2: // two spaces, as a dropped value leaves them: {Name:  A:: 0}
		return false
	case b[i] == '"' || b[i] == '\'':
		return f.quoted(b, i, b[i])
	}
	f.valStart = i
	for i < len(b) && b[i] != ',' && b[i] != '}' && b[i] != ']' && b[i] != '\n' && b[i] != '\r' && !(b[i] == ' ' && nextKeyAt(b, i+1)) {
		i++
	}
	for i > f.valStart && (b[i-1] == ' ' || b[i-1] == '\t') {
		i--
	}
	f.valEnd = i
	return i > f.valStart
}

// nextKeyAt reports whether b[i:] starts an identifier and a ':', and not
// the groups of an IPv6 or MAC address ("A::", "$::1", "$1::", "ab:cd:…"):
// "::", or hex digits that end the identifier and two or more colons among
// hex digits after them. A token replaces those whole, from the hex
// digits: read as a key, they would leave the value before them empty on
// one pass and not on the next.
func nextKeyAt(b []byte, i int) bool {
	j := i
	for j < len(b) && j-i <= maxTextKey && isIdentByte(b[j]) {
		j++
	}
	if j == i || j >= len(b) || b[j] != ':' || isDigit(b[i]) || j+1 < len(b) && b[j+1] == ':' {
		return false // "$::1": a key's ':' is one
	}
	if !isHexDigit(b[j-1]) {
		return true
	}
	colons := 0
	for k := j; k < len(b) && (b[k] == ':' || isHexDigit(b[k])); k++ {
		if b[k] == ':' {
			colons++
		}
	}
	return colons < 2
}

func isHexDigit(c byte) bool { return isDigit(c) || 'a' <= c|0x20 && c|0x20 <= 'f' }

var escapedQuote = []byte{'\\', '"'}

// escapedQuoteAt returns the offset of the first `\"` in b at or after i,
// or len(b).
func escapedQuoteAt(b []byte, i int) int {
	i = indexFrom(b, i, '\\')
	for i < len(b) && !bytes.HasPrefix(b[i:], escapedQuote) {
		i = indexFrom(b, i+1, '\\')
	}
	return i
}

// escapedSpaceAt reports whether a JSON string's raw content b has an
// escaped space at i (`\n`, `\t`, `\r`), or an escaped quote that closes
// a string (see closing), which ends an unquoted value in it as the space
// or the quote would in text.
func escapedSpaceAt(b []byte, i int) bool {
	if b[i] != '\\' || i+1 == len(b) {
		return false
	}
	switch b[i+1] {
	case 'n', 't', 'r':
		return true
	case '"':
		return closing(b, i+2) // "ab\" x" ends there, "ab\"cd" goes on
	}
	return false
}

// urlSegments are the URL path segments that name a field, with a '/'
// before and after ("/users/"), and the lengths and first letters they
// have, which pass most segments at a glance.
type urlSegments struct {
	segs           [][]byte
	first          [4]uint64 // bit c: a segment starts "/c"
	minLen, maxLen int
}

func newURLSegments(segs [][]byte) urlSegments {
	u := urlSegments{segs: segs, minLen: math.MaxInt}
	for _, s := range segs {
		u.first[s[1]/64] |= 1 << (s[1] % 64)
		u.minLen, u.maxLen = min(u.minLen, len(s)), max(u.maxLen, len(s))
	}
	return u
}

// has reports whether seg is one of u's.
func (u *urlSegments) has(seg []byte) bool {
	if len(seg) < u.minLen || len(seg) > u.maxLen || u.first[seg[1]/64]&(1<<(seg[1]%64)) == 0 {
		return false
	}
	for _, s := range u.segs {
		if bytes.Equal(s, seg) {
			return true
		}
	}
	return false
}

// appendURLSegments appends to dst a field for each URL path segment in b
// that follows one of u's ("/users/", as profiles' paths name them): its
// key is the named segment ("/users"), its value the one after, up to the
// next '/', '?', '#', quote or space, if it has a digit, as IDs do and
// the words of an API ("/users/me", "/users/search") do not; after a home
// directory's segment ("/home/", "/Users/"), whatever it is: a path there
// goes on with a login name ("/home/liwei/app/main.py"). It reads b once,
// from '/' to '/'. Android's /data/user/0/ names no user of the app
// (androidUserDir).
func appendURLSegments(dst []textField, b []byte, u *urlSegments) []textField {
	for i := indexFrom(b, 0, '/'); i < len(b); {
		next := indexFrom(b, i+1, '/')
		if next == len(b) {
			return dst
		}
		if !u.has(b[i:next+1]) || androidUserDir(b, i) {
			i = next
			continue
		}
		f := textField{keyStart: i, keyEnd: next, valStart: next + 1, url: true}
		f.valEnd = f.valStart
		digit := false
		for f.valEnd < len(b) && !isSegmentEnd(b[f.valEnd]) {
			digit = digit || isDigit(b[f.valEnd])
			f.valEnd++
		}
		if digit || f.valEnd > f.valStart && isHomeSegment(b[i:next+1]) {
			dst = append(dst, f)
		}
		i = next
	}
	return dst
}

// androidUserDir reports whether the segment at b[i] is the "/user/" of
// Android's /data/user/0/com.example.app/…, where an app's files live: the
// number after it is the device's user profile (0 its owner), not the app's
// user, in every Android app's log.
func androidUserDir(b []byte, i int) bool {
	return i >= len("/data") && string(b[i-len("/data"):i]) == "/data" && len(b)-i > len("/user/") && string(b[i:i+len("/user/")]) == "/user/"
}

// isHomeSegment reports whether seg, a path segment with its slashes, is
// where Linux ("/home/") or macOS ("/Users/") keeps home directories.
func isHomeSegment(seg []byte) bool {
	return string(seg) == "/home/" || string(seg) == "/Users/"
}

// segmentEnd returns the end of the URL path segment at b[i].
func segmentEnd(b []byte, i int) int {
	for i < len(b) && !isSegmentEnd(b[i]) {
		i++
	}
	return i
}

// isSegmentEnd reports whether c ends a URL's path segment in a text record:
// a backslash too, which starts an escape in a JSON string (`/users/42\n`,
// `/users/42\"`), whose character no segment holds.
func isSegmentEnd(c byte) bool {
	switch c {
	case '/', '?', '#', '"', '\'', ';', ',', ')', ']', '\\':
		return true
	}
	return c <= ' '
}

// closingQuote returns the offset of the quote q that closes a string
// starting at b[i], skipping escaped ones, or len(b) if it is not closed.
func closingQuote(b []byte, i int, q byte) int {
	for {
		j := bytes.IndexByte(b[i:], q)
		if j < 0 {
			return len(b)
		}
		if !escaped(b, i+j) {
			return i + j
		}
		i += j + 1
	}
}

// escaped reports whether b[i] follows an odd number of backslashes.
func escaped(b []byte, i int) bool {
	n := 0
	for i > n && b[i-n-1] == '\\' {
		n++
	}
	return n%2 == 1
}

// trimValueEnd returns the length of the unquoted value v without the
// punctuation a sentence or a list puts after it: ',', ';', a quote, and
// closing brackets that v does not open.
func trimValueEnd(v []byte) int {
	n := len(v)
	for n > 0 {
		switch c := v[n-1]; c {
		case ',', ';', '"', '\'':
		case ')', ']', '}':
			if bytes.IndexByte(v[:n-1], opener(c)) >= 0 {
				return n
			}
		default:
			return n
		}
		n--
	}
	return n
}

// opener returns the opening bracket of the closing bracket c.
func opener(c byte) byte {
	switch c {
	case ')':
		return '('
	case ']':
		return '['
	}
	return '{'
}

func isKeyStart(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z' || c == '_'
}

// isIdentByte reports whether c may be in an identifier: an object's
// unquoted key.
func isIdentByte(c byte) bool {
	return isKeyStart(c) || isDigit(c) || c == '$'
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isKeyByte(c byte) bool {
	return isKeyStart(c) || isDigit(c) || c == '.' || c == '-'
}
