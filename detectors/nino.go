package detectors

// ninoAt returns the end of the UK National Insurance number at b[s]: two
// prefix letters that HMRC issues (the first not D, F, I, Q, U or V, the
// second not those or O, and not BG, GB, KN, NK, NT, TN or ZZ), six digits
// and the suffix letter A to D, in capitals. Spaced as it is printed, "AB
// 12 34 56 C", it is one anywhere; compact, "AB123456C", only after its
// words or under its key, as other references are written so.
func (sc *scanner) ninoAt(s int) (end int, ok bool) {
	b := sc.b
	if s+9 > len(b) || !ninoPrefix(b[s], b[s+1]) {
		return 0, false
	}
	i, spaces := s+2, 0
	for g := range 3 {
		if i < len(b) && b[i] == ' ' && (g == 0 || spaces > 0) {
			i++
			spaces++
		}
		if i+2 > len(b) || !isDigit(b[i]) || !isDigit(b[i+1]) {
			return 0, false
		}
		i += 2
	}
	if i < len(b) && b[i] == ' ' && spaces > 0 {
		i++
		spaces++
	}
	if i >= len(b) || b[i] < 'A' || b[i] > 'D' || !boundaryAfter(b, i+1) {
		return 0, false
	}
	printed := spaces == 4
	if !printed && (spaces != 0 || !sc.context(NINO, s, ninoWords)) {
		return 0, false
	}
	return i + 1, true
}

// ninoPrefix reports whether a and b may start a National Insurance number.
func ninoPrefix(a, b byte) bool {
	if a < 'A' || a > 'Z' || b < 'A' || b > 'Z' {
		return false
	}
	switch a {
	case 'D', 'F', 'I', 'Q', 'U', 'V':
		return false
	}
	switch b {
	case 'D', 'F', 'I', 'O', 'Q', 'U', 'V':
		return false
	}
	switch string([]byte{a, b}) {
	case "BG", "GB", "KN", "NK", "NT", "TN", "ZZ":
		return false
	}
	return true
}

// ninoWords name a National Insurance number.
var ninoWords = NewContextWords("national insurance", "ni number", "ni no", "nino", "n.i. number", "nat ins")
