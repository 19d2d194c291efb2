package detectors

import (
	"crypto/sha256"

	"github.com/pixelprivacy/veil/detectors/internal/textscan"
)

// minWallet is the length of the shortest address walletAt finds.
const minWallet = 26

// walletAt reports the end of the cryptocurrency address at b[i], at the
// start of a word: a Bitcoin address in base58 ("1A1zP1eFzmDQefi5DMPTf…",
// "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy": its version and checksum checked),
// or Litecoin's, Dogecoin's or Tron's (see base58Versions), a Bitcoin
// SegWit address in bech32 or bech32m ("bc1qar0srrr7xfkvy5l6…", checksum
// checked) or an Ethereum address, "0x" and 40 hex digits.
func walletAt(b []byte, i int) (end int, ok bool) {
	switch c := b[i]; {
	case base58Versions[c] != 0:
		end = base58AddressAt(b, i)
	case c == '0':
		end = ethereumAt(b, i)
	case c|0x20 == 'b':
		end = bech32AddressAt(b, i)
	}
	return end, end > i && boundaryAfter(b, end)
}

// AppendLetterWallets appends to dst the addresses that start with a letter
// and hold no digit (Tron's, Litecoin's, Dogecoin's: about one in 250 is
// such), which the single pass, anchored on digits, does not see; free
// text, where people paste them, is read for them word by word. It keeps
// no reference to text and does not allocate when dst has room.
func AppendLetterWallets(dst []Span, text []byte) []Span {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if base58Versions[c] == 0 || isDigit(c) || i > 0 && isAlnum(text[i-1]) {
			continue
		}
		if end := base58AddressAt(text, i); end > i && boundaryAfter(text, end) && !hasDigit(text[i:end]) {
			dst = append(dst, Span{Start: i, End: end, Kind: Wallet})
			i = end - 1
		}
	}
	return dst
}

// AppendLabeledWallets appends to dst the addresses of other coins that a
// word for a wallet names in free text: a word of 25 to 110 base58
// characters with a digit and both cases, no more than 32 bytes after
// "wallet", "Solana", "Phantom", "XRP", "Ripple", "Monero" or "XMR"
// ("my SOL wallet 7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU"): Solana's
// carry no checksum, Monero's and XRP's checksums are their own, and the
// word says what the string is. It keeps no reference to text and does not
// allocate when dst has room.
func AppendLabeledWallets(dst []Span, text []byte) []Span {
	for i := 0; i < len(text); i++ {
		if base58Digits[text[i]] < 0 || i > 0 && isAlnum(text[i-1]) {
			continue
		}
		end := i
		digit, upper, lower := false, false, false
		for end < len(text) && base58Digits[text[end]] >= 0 {
			c := text[end]
			digit, upper, lower = digit || isDigit(c), upper || 'A' <= c && c <= 'Z', lower || 'a' <= c && c <= 'z'
			end++
		}
		if n := end - i; n >= minWallet-1 && n <= 110 && digit && upper && lower && boundaryAfter(text, end) && walletWordBefore(text, i) {
			dst = append(dst, Span{Start: i, End: end, Kind: Wallet})
		}
		i = end
	}
	return dst
}

// walletWords name a wallet or a coin whose addresses have no form the
// single pass checks.
var walletWords = []string{"wallet", "solana", "phantom", "xrp", "ripple", "monero", "xmr"}

// walletWordBefore reports whether a word of walletWords, whole, ends in
// the 32 bytes before text[i].
func walletWordBefore(text []byte, i int) bool {
	return textscan.ContainsAnyWordFold(text[max(i-32, 0):i], walletWords)
}

// hasDigit reports whether b holds an ASCII digit.
func hasDigit(b []byte) bool {
	for _, c := range b {
		if isDigit(c) {
			return true
		}
	}
	return false
}

// ethereumAt returns the end of the Ethereum address at b[i], or i.
func ethereumAt(b []byte, i int) int {
	end := i + 42
	if end > len(b) || b[i+1] != 'x' {
		return i
	}
	for _, c := range b[i+2 : end] {
		if !isHex(c) {
			return i
		}
	}
	return end
}

// base58Digits maps the characters of Bitcoin's base58 alphabet to their
// values, and others to -1.
var base58Digits = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for v, c := range "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz" {
		t[c] = int8(v)
	}
	return t
}()

// base58Versions holds, by an address's first character, 1 + the version
// byte its base58 form starts with: Bitcoin's pay-to-public-key-hash ('1',
// version 0) and pay-to-script-hash ('3', 5), Litecoin's ('L', 0x30; 'M',
// 0x32), Dogecoin's ('D', 0x1E) and Tron's ('T', 0x41, as USDT on Tron is
// paid to); 0 for other characters.
var base58Versions = [256]uint16{'1': 1 + 0x00, '3': 1 + 0x05, 'L': 1 + 0x30, 'M': 1 + 0x32, 'D': 1 + 0x1E, 'T': 1 + 0x41}

// letterWalletAround returns the base58 address that starts with a letter
// (Litecoin's, Dogecoin's, Tron's) and holds the digit at b[p], not before
// b[lo]: the word of base58 characters around it, read back at most as far
// as an address is long.
func letterWalletAround(b []byte, lo, p int) (start, end int, ok bool) {
	s := p
	for s > lo && p-s < 35 && base58Digits[b[s-1]] >= 0 {
		s--
	}
	if base58Versions[b[s]] == 0 || isDigit(b[s]) || s > 0 && isAlnum(b[s-1]) {
		return 0, 0, false
	}
	end = base58AddressAt(b, s)
	return s, end, end > s && boundaryAfter(b, end)
}

// base58AddressAt returns the end of the base58 address at b[i] whose
// version is its first character's (see base58Versions) and whose checksum,
// the first four bytes of the double SHA-256 of its version and hash,
// holds; or i.
func base58AddressAt(b []byte, i int) int {
	end := i
	for end < len(b) && end-i <= 35 && base58Digits[b[end]] >= 0 {
		end++
	}
	if n := end - i; n < minWallet || n > 35 {
		return i
	}
	var raw [25]byte // version, 20 bytes of hash, checksum: big-endian
	for _, c := range b[i:end] {
		carry := int(base58Digits[c])
		for k := len(raw) - 1; k >= 0; k-- {
			carry += 58 * int(raw[k])
			raw[k] = byte(carry)
			carry >>= 8
		}
		if carry != 0 {
			return i // more than 25 bytes
		}
	}
	if uint16(raw[0])+1 != base58Versions[b[i]] {
		return i
	}
	first := sha256.Sum256(raw[:21])
	sum := sha256.Sum256(first[:])
	if [4]byte(sum[:4]) != [4]byte(raw[21:]) {
		return i
	}
	return end
}

// bech32Values maps the characters of bech32's alphabet, in either case,
// to their values, and others to -1.
var bech32Values = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for v, c := range "qpzry9x8gf2tvdw0s3jn54khce6mua7l" {
		t[c] = int8(v)
		if 'a' <= c && c <= 'z' {
			t[c-'a'+'A'] = int8(v)
		}
	}
	return t
}()

// bech32AddressAt returns the end of the SegWit address at b[i] (BIP 173
// and BIP 350): "bc1", a witness version and program, 42 or 62
// characters in one case, whose bech32 (version 0) or bech32m checksum
// holds; or i.
func bech32AddressAt(b []byte, i int) int {
	if i+3 > len(b) || b[i+1]|0x20 != 'c' || b[i+2] != '1' {
		return i
	}
	end := i + 3
	upper, lower := b[i] == 'B' || b[i+1] == 'C', b[i] == 'b' || b[i+1] == 'c'
	for end < len(b) && end-i <= 62 && bech32Values[b[end]] >= 0 {
		upper = upper || 'A' <= b[end] && b[end] <= 'Z'
		lower = lower || 'a' <= b[end] && b[end] <= 'z'
		end++
	}
	if n := end - i; n != 42 && n != 62 || upper && lower {
		return i
	}
	// The checksum covers the human-readable part "bc", expanded, and
	// the data.
	chk := uint32(1)
	for _, v := range [...]uint32{3, 3, 0, 2, 3} { // "bc": high bits, 0, low bits
		chk = bech32Step(chk, v)
	}
	for _, c := range b[i+3 : end] {
		chk = bech32Step(chk, uint32(bech32Values[c]))
	}
	version := bech32Values[b[i+3]]
	if version == 0 && chk != 1 || version != 0 && chk != 0x2bc830a3 {
		return i
	}
	return end
}

// bech32Step is one step of bech32's checksum, a BCH code over GF(32).
func bech32Step(chk, v uint32) uint32 {
	top := chk >> 25
	chk = (chk&0x1ffffff)<<5 ^ v
	for k, g := range [...]uint32{0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3} {
		if top>>k&1 != 0 {
			chk ^= g
		}
	}
	return chk
}
