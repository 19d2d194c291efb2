package gen

import (
	"crypto/sha256"
	"math/big"

	"github.com/pixelprivacy/veil/detectors"
)

// likeWallet is the kind that a transaction's hash imitates.
const likeWallet = detectors.Wallet

// appendWallet appends a random cryptocurrency address: one in base58
// (Bitcoin's, pay to a key's or a script's hash, '1' or '3', or Tron's,
// Litecoin's or Dogecoin's; see base58Version), a Bitcoin SegWit one in
// bech32 ("bc1q…"), or an Ethereum address ("0x" and 40 hex digits), each
// a third as often.
func (r *rng) appendWallet(dst []byte) []byte {
	var hash [20]byte
	for i := range hash {
		hash[i] = byte(r.intn(256))
	}
	switch r.intn(3) {
	case 0:
		return appendBase58Check(dst, base58Version(r.intn(100)), hash[:])
	case 1:
		return appendSegWit(dst, hash[:])
	}
	dst = append(dst, "0x"...)
	for _, c := range hash {
		dst = append(dst, hexLower[c>>4], hexLower[c&15])
	}
	return dst
}

// base58Version returns the version byte of a base58 address for a draw
// from 0 to 99: Bitcoin's script hash ('3') 30 times in 100, a key's hash
// ('1') 40, Tron's ('T') 15, Litecoin's ('L', 'M') 11, Dogecoin's ('D') 4.
func base58Version(n int) byte {
	switch {
	case n < 30:
		return 0x05
	case n < 70:
		return 0x00
	case n < 85:
		return 0x41
	case n < 93:
		return 0x30
	case n < 96:
		return 0x32
	}
	return 0x1E
}

// appendTxHash appends a random Ethereum transaction's hash, "0x" and 64
// hex digits: no address, a decoy of one.
func (r *rng) appendTxHash(dst []byte) []byte {
	dst = append(dst, "0x"...)
	for range 64 {
		dst = append(dst, hexLower[r.intn(16)])
	}
	return dst
}

const base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

// appendBase58Check appends version and payload in Bitcoin's base58 with
// its checksum, the first four bytes of their double SHA-256.
func appendBase58Check(dst []byte, version byte, payload []byte) []byte {
	raw := append([]byte{version}, payload...)
	first := sha256.Sum256(raw)
	sum := sha256.Sum256(first[:])
	raw = append(raw, sum[:4]...)
	var digits []byte
	n, rem, base := new(big.Int).SetBytes(raw), new(big.Int), big.NewInt(58)
	for n.Sign() > 0 {
		n.DivMod(n, base, rem)
		digits = append(digits, base58Alphabet[rem.Int64()])
	}
	for _, c := range raw {
		if c != 0 {
			break
		}
		digits = append(digits, '1') // a leading zero byte
	}
	for i := len(digits) - 1; i >= 0; i-- {
		dst = append(dst, digits[i])
	}
	return dst
}

const bech32Alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

// appendSegWit appends the version 0 SegWit address of a 20-byte key hash
// in bech32 (BIP 173): "bc1q", the hash in 5-bit groups, the checksum.
func appendSegWit(dst, hash []byte) []byte {
	data := []byte{0} // the witness version
	acc, bits := 0, 0
	for _, c := range hash {
		acc, bits = acc<<8|int(c), bits+8
		for bits >= 5 {
			bits -= 5
			data = append(data, byte(acc>>bits&31))
		}
	}
	if bits > 0 {
		data = append(data, byte(acc<<(5-bits)&31))
	}
	values := append([]byte{3, 3, 0, 2, 3}, data...) // "bc", expanded
	chk := uint32(1)
	for _, v := range append(values, 0, 0, 0, 0, 0, 0) {
		top := chk >> 25
		chk = (chk&0x1ffffff)<<5 ^ uint32(v)
		for k, g := range [...]uint32{0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3} {
			if top>>k&1 != 0 {
				chk ^= g
			}
		}
	}
	chk ^= 1
	dst = append(dst, "bc1"...)
	for _, v := range data {
		dst = append(dst, bech32Alphabet[v])
	}
	for i := range 6 {
		dst = append(dst, bech32Alphabet[chk>>(5*(5-i))&31])
	}
	return dst
}
