package detectors

// hostIPv4At returns the end of the IPv4 address a host name spells with
// dashes at b[ws], as reverse DNS names home connections and clouds name
// their machines ("c-73-158-12-4.hsd1.ca.comcast.net",
// "203-0-113-7.static.example.net", "ip-10-0-1-23.ec2.internal"): four
// decimal octets joined by '-', in a name that goes on with two labels or
// more, the last a word, or after the "ip-" of a cloud machine's name. It
// reports false for other dashed numbers ("1-2-3-4", "img-1-2-3-4.jpg").
func hostIPv4At(b []byte, ws int) (end int, ok bool) {
	end = ws
	for end < len(b) && end-ws < len("255-255-255-255")+1 && (isDigit(b[end]) || b[end] == '-') {
		end++
	}
	if end < len(b) && (isAlnum(b[end]) || b[end] == '_') {
		return 0, false // "1-2-3-4x"
	}
	if _, ok := quadIPv4(b[ws:end], '-'); !ok {
		return 0, false // "1-2-3-4-5", "1-2-3-256"
	}
	cloud := ws >= 3 && lower(b[ws-3]) == 'i' && lower(b[ws-2]) == 'p' && b[ws-1] == '-' && (ws == 3 || !isAlnum(b[ws-4]))
	return end, cloud || domainGoesOn(b, end)
}

// gluedHostIPv4 reports whether the digits at b[p] may start a dashed
// address glued to a host label's word: one to three digits and a '-',
// after two to eight letters that start the label ("ip", "host"; not the
// "v" of "v1-2-3-4.tar.gz"), reading back no further than lo.
func gluedHostIPv4(b []byte, lo, p int) bool {
	if p-2 < lo || !isLetter(b[p-1]) || !isLetter(b[p-2]) {
		return false // most words with digits in records: "x64", "SM-G991B"
	}
	q := p
	for q < len(b) && q-p < 4 && isDigit(b[q]) {
		q++
	}
	if q-p > 3 || q >= len(b) || b[q] != '-' {
		return false
	}
	s := p
	for s > lo && p-s < 8 && isLetter(b[s-1]) {
		s--
	}
	return p-s >= 2 && (s == 0 || !isAlnum(b[s-1]) && b[s-1] != '-' && b[s-1] != '_')
}

// domainGoesOn reports whether a host name goes on at b[i] with two labels
// or more, the last starting with a letter, as a top-level domain does:
// ".hsd1.ca.comcast.net", ".ec2.internal". Labels that a token ends
// (".0.A.<IPV4:…>") do not, whatever the token replaced ("0.0.0.0"), so
// that redacting twice reads them as once.
func domainGoesOn(b []byte, i int) bool {
	labels, word := 0, false
	for i+1 < len(b) && b[i] == '.' && isAlnum(b[i+1]) {
		word = isLetter(b[i+1])
		i++
		for i < len(b) && (isAlnum(b[i]) || b[i] == '-') {
			i++
		}
		labels++
	}
	if i+1 < len(b) && b[i] == '.' && b[i+1] == '<' {
		return false
	}
	return labels >= 2 && word
}
