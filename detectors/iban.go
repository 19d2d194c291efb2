package detectors

// ibanLengths holds the length of the IBANs of each country that issues
// them, from the SWIFT IBAN registry (ISO 13616), as "CCnn".
const ibanLengths = "AD24AE23AL28AT20AZ28BA20BE16BG22BH22BI27BR29BY28CH21CR22CY28CZ24DE22DJ27DK18DO28" +
	"EE20EG29ES24FI18FK18FO18FR27GB22GE22GI23GL18GR27GT28HN28HR21HU28IE22IL23IQ23IS26" +
	"IT27JO30KW30KZ20LB28LC32LI21LT20LU20LV21LY25MC27MD24ME22MK19MN20MR27MT31MU30NI28" +
	"NL18NO15OM23PK24PL28PS29PT25QA29RO24RS22RU33SA24SC31SD18SE24SI19SK24SM27SO23ST25" +
	"SV28TL23TN24TR26UA29VA22VG24XK20YE30"

// ibanLength[(c0-'A')*26+c1-'A'] is the IBAN length of country c0c1, or 0.
var ibanLength = func() (t [26 * 26]uint8) {
	for i := 0; i+4 <= len(ibanLengths); i += 4 {
		e := ibanLengths[i : i+4]
		t[int(e[0]-'A')*26+int(e[1]-'A')] = (e[2]-'0')*10 + e[3] - '0'
	}
	return t
}()

// ibanAt reports whether an IBAN starts at b[s] and returns its end. It is
// written compact (DE89370400440532013000) or, as
// on paper, in groups of four joined by single spaces (DE89 3704 0044 0532
// 0130 00), in upper or lower case; it has its country's length, check
// digits 02-98, and passes the mod-97 check. A letter or digit right after
// it ends no IBAN.
func ibanAt(b []byte, s int) (end int, ok bool) {
	if s+4 > len(b) || !isLetter(b[s]) || !isLetter(b[s+1]) || !isDigit(b[s+2]) || !isDigit(b[s+3]) {
		return 0, false
	}
	n := int(ibanLength[int(upper(b[s])-'A')*26+int(upper(b[s+1])-'A')])
	if n == 0 {
		return 0, false
	}
	if check := (b[s+2]-'0')*10 + b[s+3] - '0'; check < 2 || check > 98 {
		return 0, false
	}
	grouped := s+4 < len(b) && b[s+4] == ' '
	// The check moves the first four characters to the end: the remainder
	// is taken as the characters come, those four last.
	rem := 0
	i, read := s+4, 4
	for read < n {
		if grouped && read%4 == 0 {
			if i+1 >= len(b) || b[i] != ' ' {
				return 0, false
			}
			i++
		}
		if i >= len(b) || !isAlnum(b[i]) {
			return 0, false
		}
		rem = ibanMod(rem, b[i])
		i++
		read++
	}
	if i < len(b) && isAlnum(b[i]) {
		return 0, false
	}
	for j := s; j < s+4; j++ {
		rem = ibanMod(rem, b[j])
	}
	if rem != 1 {
		return 0, false
	}
	if grouped {
		return overlappedEnd(b, s, i), true
	}
	return i, true
}

// overlappedEnd returns the end of the IBAN printed in groups b[s:end], or
// of another that starts at one of its later groups and goes on past it:
// "AZ02 AZ82 DE89 3704 0044 0532 0130 00", whose first seven groups pass
// as Azerbaijan's, holds Germany's DE89…, which the scan, keeping the
// earlier of two findings that overlap, would leave in part. The finding
// takes both.
func overlappedEnd(b []byte, s, end int) int {
	if end+1 >= len(b) || b[end] != ' ' || !isAlnum(b[end+1]) {
		return end
	}
	for g := s + 5; g < end; g += 5 {
		if e, ok := ibanAt(b, g); ok && e > end {
			return e
		}
	}
	return end
}

// ibanMod returns the remainder mod 97 of the number rem followed by the
// digits of character c: a digit is itself, a letter 10 (A) to 35 (Z).
func ibanMod(rem int, c byte) int {
	if isDigit(c) {
		return (rem*10 + int(c-'0')) % 97
	}
	return (rem*100 + int(upper(c)-'A'+10)) % 97
}

// appendCompactUpper appends the letters and digits of v in upper case:
// the compact form of an IBAN or a DNI.
func appendCompactUpper(dst, v []byte) []byte {
	for _, c := range v {
		if isAlnum(c) {
			dst = append(dst, upper(c))
		}
	}
	return dst
}
