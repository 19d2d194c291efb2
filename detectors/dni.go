package detectors

// dniLetters are the check letters of Spanish identity numbers, by the
// number mod 23.
const dniLetters = "TRWAGMYFPDXBNJZSQVHLCKE"

// dniEnd returns the end of the Spanish DNI whose digits are nm, if its
// check letter follows at b[end]: "12345678Z", after a dash "12345678-Z",
// the digits dotted as printed "12.345.678-Z"; else 0.
func dniEnd(b []byte, nm *number, end int) int {
	if nm.nd != 8 || nm.plus || !(nm.groups == 1 || nm.groups == 3 && nm.seps == sepDot && nm.glen[0] == 2 && nm.glen[1] == 3) {
		return 0
	}
	i := end
	if i < len(b) && b[i] == '-' {
		i++
	}
	if i >= len(b) || b[i] != dniLetter(nm.d[:8]) || !boundaryAfter(b, i+1) {
		return 0
	}
	return i + 1
}

// dniLetter returns the check letter of the 8 digits d.
func dniLetter(d []byte) byte { return dniLetters[atoi(d)%23] }

// hexDNI reports whether the hex word w is a DNI whose check letter is a
// hex digit ("21086177F"), which the scanner reads as a word, not a number.
func hexDNI(w []byte) bool {
	return len(w) == 9 && !hasHexLetter(w[:8]) && w[8] == dniLetter(w[:8])
}

// nieAt returns the end of the NIE, a foreign resident's identity number,
// at b[i]: X, Y or Z (read as 0, 1 and 2), 7 digits and the check letter
// ("X1234567L"); or 0.
func nieAt(b []byte, i int) int {
	if i+9 > len(b) || b[i] < 'X' || b[i] > 'Z' || !boundaryAfter(b, i+9) {
		return 0
	}
	n := int(b[i] - 'X')
	for _, c := range b[i+1 : i+8] {
		if !isDigit(c) {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	if b[i+8] != dniLetters[n%23] {
		return 0
	}
	return i + 9
}
