package gen

// ibanCountry is how one country's IBANs are made: its length and the
// letters its bank codes start with.
type ibanCountry struct {
	code    string
	n       int  // IBAN length
	letters int  // leading letters of the account part (a bank code: GB "NWBK")
	typed   bool // the account part ends in a type letter and a digit, as in BR
}

var (
	ibanDE = &ibanCountry{code: "DE", n: 22}
	ibanAT = &ibanCountry{code: "AT", n: 20}
	ibanCH = &ibanCountry{code: "CH", n: 21}
	ibanGB = &ibanCountry{code: "GB", n: 22, letters: 4}
	ibanIE = &ibanCountry{code: "IE", n: 22, letters: 4}
	ibanES = &ibanCountry{code: "ES", n: 24}
	ibanFR = &ibanCountry{code: "FR", n: 27}
	ibanBE = &ibanCountry{code: "BE", n: 16}
	ibanBR = &ibanCountry{code: "BR", n: 29, typed: true}
	ibanPT = &ibanCountry{code: "PT", n: 25}
	ibanSA = &ibanCountry{code: "SA", n: 24}
	ibanAE = &ibanCountry{code: "AE", n: 23}
	ibanEG = &ibanCountry{code: "EG", n: 29}
	ibanRU = &ibanCountry{code: "RU", n: 33}
	ibanNL = &ibanCountry{code: "NL", n: 18, letters: 4}

	// ibanCountries are those of app log lines.
	ibanCountries = []*ibanCountry{ibanDE, ibanAT, ibanCH, ibanGB, ibanIE, ibanES, ibanFR, ibanBE, ibanBR, ibanPT, ibanSA, ibanAE, ibanEG, ibanRU, ibanNL}
)

// IBAN layouts.
const (
	ibanCompact = iota // DE89370400440532013000
	ibanPrinted        // DE89 3704 0044 0532 0130 00
	ibanLower          // de89 3704 0044 0532 0130 00, as typed
	ibanStyles
)

// appendIBAN appends a random valid IBAN of country c in the given style.
func (r *rng) appendIBAN(dst []byte, c *ibanCountry, style int) []byte {
	var buf [34]byte
	iban := append(buf[:0], c.code...)
	iban = append(iban, "00"...)
	for i := range c.n - 4 {
		switch {
		case i < c.letters, c.typed && i == c.n-6:
			iban = append(iban, byte('A'+r.intn(26)))
		default:
			iban = append(iban, byte('0'+r.intn(10)))
		}
	}
	// ISO 7064 MOD 97-10: the check digits make the number, read with
	// the first four characters last and letters as 10-35, 1 mod 97.
	rem := mod97(mod97(0, iban[4:]), iban[:4])
	check := 98 - rem
	iban[2], iban[3] = byte('0'+check/10), byte('0'+check%10)
	for i, ch := range iban {
		if style != ibanCompact && i > 0 && i%4 == 0 {
			dst = append(dst, ' ')
		}
		if style == ibanLower && ch >= 'A' {
			ch += 'a' - 'A'
		}
		dst = append(dst, ch)
	}
	return dst
}

// mod97 returns the remainder mod 97 of the number rem followed by the
// digits of s, a letter read as 10 (A) to 35 (Z).
func mod97(rem int, s []byte) int {
	for _, ch := range s {
		if ch >= 'A' {
			rem = (rem*100 + int(ch-'A'+10)) % 97
		} else {
			rem = (rem*10 + int(ch-'0')) % 97
		}
	}
	return rem
}
