// Package detectors finds personal data in bytes: emails, phone numbers, device
// and advertising identifiers, IP addresses and more, in a single pass, without
// allocating. Findings are spans into the input, appended to a caller's slice.
package detectors

// Kind names what a finding is.
type Kind uint8

// The built-in kinds. Custom kinds are numbered from FirstCustom.
const (
	None     Kind = iota
	Email         // e-mail address, also URL-encoded (%40) and JSON-escaped (\u0040)
	Phone         // telephone number, E.164, international or national format
	IMEI          // device IMEI (15 digits, Luhn) or IMEISV (16 digits, by key)
	IMSI          // subscriber identity (15 digits starting with an MCC), by key or context
	ICCID         // SIM card serial number (19-20 digits starting with 89), by key or context
	MAC           // EUI-48 hardware address
	ADID          // advertising or vendor identifier (IDFA, IDFV, GAID, AAID), by key or context
	IPv4          // IPv4 address
	IPv6          // IPv6 address
	CNID          // Chinese resident identity number (18 characters, checksum)
	Card          // payment card number (13-19 digits, Luhn, with card context)
	IBAN          // international bank account number (ISO 13616: country, length, mod-97 check)
	CPF           // Brazilian individual taxpayer number (11 digits, two check digits)
	SSN           // US Social Security number (9 digits, issuance rules)
	RRN           // Korean resident registration number (13 digits: birth date, sex)
	Aadhaar       // Indian Aadhaar number (12 digits, Verhoeff check)
	DNI           // Spanish identity number: DNI (8 digits) or NIE (X, Y or Z and 7 digits), and the check letter
	MyNumber      // Japanese individual number, マイナンバー (12 digits, check digit), by key or context
	SNILS         // Russian insurance number, СНИЛС (11 digits, checksum), as printed or by key or context
	NIR           // French social security number (15 digits: sex, birth, place, key mod 97), as printed or by key or context
	SteuerID      // German tax identification number, Steuer-ID (11 digits, ISO 7064 check), by key or context
	SaudiID       // Saudi national ID or Iqama (10 digits starting with 1 or 2, Luhn), by key or context
	NINO          // UK National Insurance number (two letters, six digits, A-D), as printed or by key or context
	Wallet        // cryptocurrency address: Bitcoin (base58 or bech32, checksum) or Ethereum ("0x" and 40 hex digits)
	Secret        // a credential: a JSON Web Token, a URL's password, a labeled value, an API key

	// Kinds that no scanner finds: field rules name them for the values of
	// JSON fields they tokenize.
	User  // a user ID, under the policy's user fields
	Field // the value of a field a rule tokenizes

	// Name is a person's name that a phrase introduces in free text ("my
	// name is Li Wei", "我叫李伟"), found by package names, not the scanner.
	Name

	// Handle is a social-media or messenger handle in free text
	// ("@sarah_c", "instagram.com/sarah.c", "微信号是 wangfang_88"), found
	// by package handles, not the scanner.
	Handle

	// Address is a street address in free text ("42 Oak Avenue", "建国路88号"),
	// found by package addresses, not the scanner.
	Address

	// Birthdate is a date of birth in free text ("born on March 14, 2015",
	// "生日是2015年3月14日"), found by package birthdates, not the scanner.
	Birthdate

	// Document is an identity document's number that the document's name
	// labels in free text ("passport number: X12345678", "护照号码是E12345678"),
	// found by package documents, not the scanner.
	Document

	// Coordinates are a place's latitude and longitude in free text
	// ("31.230416, 121.473701", "37.7749° N, 122.4194° W"), found by
	// package coordinates, not the scanner.
	Coordinates

	// FirstCustom is the first kind number available to user-defined detectors.
	FirstCustom
)

// MaxKinds bounds the number of kinds, built-in and custom, so that per-kind
// tables can be fixed-size arrays.
const MaxKinds = 64

var kindNames = [FirstCustom]string{
	None:        "NONE",
	Email:       "EMAIL",
	Phone:       "PHONE",
	IMEI:        "IMEI",
	IMSI:        "IMSI",
	ICCID:       "ICCID",
	MAC:         "MAC",
	ADID:        "ADID",
	IPv4:        "IPV4",
	IPv6:        "IPV6",
	CNID:        "CNID",
	Card:        "CARD",
	IBAN:        "IBAN",
	CPF:         "CPF",
	SSN:         "SSN",
	RRN:         "RRN",
	Aadhaar:     "AADHAAR",
	DNI:         "DNI",
	MyNumber:    "MYNUMBER",
	SNILS:       "SNILS",
	NIR:         "NIR",
	SteuerID:    "STEUERID",
	SaudiID:     "SAUDIID",
	NINO:        "NINO",
	Wallet:      "WALLET",
	Secret:      "SECRET",
	User:        "USER",
	Field:       "FIELD",
	Name:        "NAME",
	Handle:      "HANDLE",
	Address:     "ADDRESS",
	Birthdate:   "BIRTHDATE",
	Document:    "DOCUMENT",
	Coordinates: "COORDINATES",
}

// Builtin lists the kinds the scanner finds, in precedence order (see
// ResolveOverlaps).
var Builtin = []Kind{Email, Secret, Wallet, CNID, Card, IBAN, CPF, SSN, RRN, Aadhaar, DNI, MyNumber, SNILS, NIR, SteuerID, SaudiID, NINO, IMEI, IMSI, ICCID, IPv6, MAC, ADID, IPv4, Phone}

// FreeText lists the kinds found in free text after the scanner, by
// packages names, handles, addresses, birthdates, documents and
// coordinates.
var FreeText = []Kind{Name, Handle, Address, Birthdate, Document, Coordinates}

// Scanned reports whether k is one of Builtin.
func (k Kind) Scanned() bool { return k >= Email && k <= Secret }

// String returns the upper-case name of a built-in kind, or "CUSTOM<n>".
func (k Kind) String() string {
	if k < FirstCustom {
		return kindNames[k]
	}
	return "CUSTOM" + itoa(int(k-FirstCustom))
}

// ParseKind returns the built-in kind with the given name, case-insensitively
// ("email", "IPV4", ...). "ip" is accepted for IPv4.
func ParseKind(name string) (Kind, bool) {
	for k := Email; k < FirstCustom; k++ {
		if equalFoldASCII(name, kindNames[k]) {
			return k, true
		}
	}
	if equalFoldASCII(name, "ip") {
		return IPv4, true
	}
	return None, false
}

func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lower(a[i]) != lower(b[i]) {
			return false
		}
	}
	return true
}

func upper(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func itoa(n int) string {
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(buf[i:])
		}
	}
}
