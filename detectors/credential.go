package detectors

import "bytes"

// A credential in text is found by its label: the value after "password=",
// "api_key=", "Authorization: Bearer ", "Cookie: " is one whatever it
// looks like. Labels are compared at their end, lower case and without '_'
// and '-', so "db_password", "X-Api-Key" and "refreshToken" are labels too.
var credentialLabels = []string{
	"password", "passwd", "pwd", "passcode", "passphrase", "secret", "apikey", "secretaccesskey", "secretkey", "privatekey",
	"token", "authorization", "auth", "cookie", "credential", "credentials",
	"signature", // a pre-signed URL's (X-Amz-Signature=): access until it expires
}

// labelsByEnd lists the credential labels by their last byte, either
// case, so that most '=' and ':' are passed over at one lookup.
var labelsByEnd = func() (t [256][]string) {
	for _, l := range credentialLabels {
		c := l[len(l)-1]
		t[c] = append(t[c], l)
		t[c-'a'+'A'] = t[c]
	}
	return t
}()

// maxLabel bounds how far back a label is read from its separator.
const maxLabel = 32

// credentialAt returns the span of the credential whose label ends at the
// separator b[sep] ('=' or ':'), reading back no further than lo (the end
// of the last finding). After '=' any value is one but a word saying there
// is none ("auth=none"); after ':', which prose ("password: too short") and
// names ("xauth:amd64", a Debian package) use too, only a quoted value, one
// after an authorization scheme, or one after a space with a character
// other than a letter is. A value runs to the closing quote, or else to a
// space or a delimiter of its own (a cookie header's to the end of the
// line); an authorization scheme ("Bearer ", "Basic ") stays, as does a
// value that is a token already, or a path ("pwd=/srv"). Operators of code
// ("==", ":=", "+=") are no separators.
func credentialAt(b []byte, lo, sep int) (start, end int, ok bool) {
	if sep+1 < len(b) && b[sep+1] == '=' || b[sep] == '=' && sep > 0 && operatorByte[b[sep-1]] {
		return 0, 0, false
	}
	le := sep
	for n := 0; n < 2 && le > lo && (b[le-1] == ' ' || b[le-1] == '"' || b[le-1] == '\''); n++ {
		le-- // `"password": "…"`, "password = …"
	}
	if le > lo && b[le-1] == '\\' {
		le-- // the escaped quote of JSON held in a JSON string
	}
	if le == lo || labelsByEnd[b[le-1]] == nil {
		return 0, 0, false
	}
	whole, ok := credentialLabel(b, lo, le)
	if !ok {
		return 0, 0, false
	}
	v := sep + 1
	for v < len(b) && v-sep <= 4 && b[v] == ' ' {
		v++
	}
	spaced := v > sep+1
	if spaced && b[sep] == '=' && b[sep-1] != ' ' {
		// "password= took=2850ms", "?api_key= HTTP/1.1": an empty value, as
		// a policy's drop leaves it; "password = hunter2" has one.
		return 0, 0, false
	}
	quote, ql := quoteAt(b, v)
	v += ql
	scheme := authSchemeEnd(b, v)
	named := scheme > v // after "Bearer ": whatever follows is the credential
	v = scheme
	if v >= len(b) || tokenStart(b, v) || b[v] == '/' {
		return 0, 0, false
	}
	end = credentialEnd(b, v, quote, whole)
	if end == v || noValue(b[v:end]) || b[sep] == ':' && ql == 0 && !named && (!spaced || !hasNonLetter(b[v:end])) {
		return 0, 0, false
	}
	if whole && !named && bytes.IndexByte(b[v:end], ' ') >= 0 && bytes.IndexByte(b[v:end], '=') < 0 {
		return 0, 0, false // words, no cookie's pairs: "tests: cookie: fixed exit condition"
	}
	return v, end, true
}

// credentialLabel reports whether the label that ends at b[end] names a
// credential, and whether its value runs to the end of the line (a
// cookie's: "Cookie: a=1; b=2"). A label after '/' is part of a path
// ("/etc/passwd: …"), one after '<' a token's kind ("<SECRET:k1:…>"); one
// after '.' is a property's ("spring.datasource.password=…").
func credentialLabel(b []byte, lo, end int) (whole, ok bool) {
	for _, l := range labelsByEnd[b[end-1]] {
		start, ok := labelSuffix(b, lo, end, l)
		if !ok {
			continue
		}
		for start > lo && end-start < maxLabel && (isAlnum(b[start-1]) || b[start-1] == '_' || b[start-1] == '-') {
			start--
		}
		if start > 0 && (b[start-1] == '/' || b[start-1] == '<') {
			return false, false
		}
		return l == "cookie", true
	}
	return false, false
}

// labelSuffix reports whether b[lo:end] ends with label, lower case, the
// '_' and '-' between its letters skipped ("X-Api-Key" ends with "apikey"),
// and returns where label starts in b.
func labelSuffix(b []byte, lo, end int, label string) (start int, ok bool) {
	j := end
	for k := len(label) - 1; k >= 0; k-- {
		if k < len(label)-1 && j > lo && (b[j-1] == '_' || b[j-1] == '-') {
			j--
		}
		if j == lo || lower(b[j-1]) != label[k] {
			return 0, false
		}
		j--
	}
	return j, true
}

// operatorByte marks the bytes that make an operator of the '=' after them.
var operatorByte = [256]bool{'=': true, '!': true, '<': true, '>': true, ':': true, '+': true, '-': true, '*': true, '/': true, '|': true, '&': true, '^': true, '%': true}

// quoteAt returns the quote that opens a value at b[i], a double or a
// single one, or a JSON-escaped double quote (`\"`), and its length; or
// 0 and 0.
func quoteAt(b []byte, i int) (quote byte, n int) {
	switch {
	case i < len(b) && (b[i] == '"' || b[i] == '\''):
		return b[i], 1
	case i+1 < len(b) && b[i] == '\\' && b[i+1] == '"':
		return '"', 2
	}
	return 0, 0
}

// authSchemes are the HTTP authorization schemes a credential follows,
// lower case, with the space after them.
var authSchemes = byteWords("bearer ", "basic ", "token ")

// authSchemeEnd returns where the credential after an HTTP authorization
// scheme at b[i] starts ("Bearer abc", "Basic dXNl…", "Token abc"), or i.
func authSchemeEnd(b []byte, i int) int {
	for _, s := range authSchemes {
		if HasLowerPrefix(b[i:], s) {
			j := i + len(s)
			for j < len(b) && b[j] == ' ' {
				j++
			}
			return j
		}
	}
	return i
}

// credentialEnd returns the end of the value at b[v]: before the closing
// quote if quote is one and closes it on the line; else before a space, a
// quote, a backslash, or one of "&,;<>()[]{}" (a query string's or a
// list's), or if whole before the end of the line. A backslash before '/'
// is JSON's escape of a base64 value's '/' ("dXNl\/cjE="), and no end.
func credentialEnd(b []byte, v int, quote byte, whole bool) int {
	if quote != 0 {
		for i := v; i < len(b) && b[i] != '\n'; i++ {
			if b[i] == quote {
				if b[i-1] == '\\' && quote == '"' {
					return i - 1 // `\"`, as it opened
				}
				return i
			}
		}
	}
	i := v
	for ; i < len(b); i++ {
		c := b[i]
		if c == '\\' && i+1 < len(b) && b[i+1] == '/' {
			i++
			continue
		}
		if whole {
			if c == '\n' || c == '\r' || c == '"' || c == '\\' {
				break
			}
			continue
		}
		if c <= ' ' || c == '"' || c == '\'' || c == '\\' || c == '&' || c == ',' || c == ';' || c == '<' || c == '>' ||
			c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' {
			break
		}
	}
	return i
}

// hasNonLetter reports whether v holds a byte other than an ASCII letter.
func hasNonLetter(v []byte) bool {
	for _, c := range v {
		if !isLetter(c) {
			return true
		}
	}
	return false
}

// noValues are the values a credential label may be given that say there
// is no credential, lower case.
var (
	noValues = byteWords("none", "null", "nil", "true", "false", "yes", "no", "on", "off", "ok", "empty", "unset", "undefined",
		"masked", "hidden", "n/a", "-", "failed", "expired", "invalid", "missing", "required")
	redacted = []byte("redacted")
)

// noValue reports whether v says there is no credential, or is all
// asterisks or x's, as masked ones are, or starts "redacted"
// ("REDACTED_TOKEN", as other scrubbers write).
func noValue(v []byte) bool {
	masked := true
	for _, c := range v {
		masked = masked && (c == '*' || c == 'x' || c == 'X')
	}
	if masked || HasLowerPrefix(v, redacted) {
		return true
	}
	for _, w := range noValues {
		if len(v) == len(w) && HasLowerPrefix(v, w) {
			return true
		}
	}
	return false
}
