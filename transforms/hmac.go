package transforms

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding"
	"encoding/binary"
	"hash"
)

// keyedHash computes HMAC-SHA256 (RFC 2104) under one key. A message that
// fits in the block after the key's, at most 55 bytes as nearly every
// canonical identifier does, costs the two compressions HMAC needs and
// little else: the block is padded here and the digest read back from the
// hash's marshaled state, which skips the copies and buffering of
// hash.Hash.Sum (about a quarter of the cost per token). Longer messages,
// and every message if the state layout ever differs from the one checked
// at construction, take crypto/hmac. A keyedHash is not safe for
// concurrent use.
type keyedHash struct {
	std          hash.Hash // crypto/hmac under the same key
	fast         bool
	inner, outer stateHash
	innerState   []byte // the hashes' marshaled states after the key block
	outerState   []byte
	block        [sha256.BlockSize]byte
	state        []byte
	sum          [sha256.Size]byte
}

// stateHash is a SHA-256 hash whose state can be saved and restored.
type stateHash interface {
	hash.Hash
	encoding.BinaryAppender
	encoding.BinaryUnmarshaler
}

// sha256State is the layout of a marshaled SHA-256 state: a 4-byte magic
// string, the eight 32-bit words of the chaining value, big-endian, then
// the buffered block and the length.
const (
	sha256StateMagic = "sha\x03"
	maxFastMessage   = sha256.BlockSize - 1 - 8 // room for 0x80 and the bit length
)

// newKeyedHash returns the HMAC-SHA256 of key.
func newKeyedHash(key []byte) *keyedHash {
	k := &keyedHash{std: hmac.New(sha256.New, key)}
	inner, ok1 := sha256.New().(stateHash)
	outer, ok2 := sha256.New().(stateHash)
	if !ok1 || !ok2 || len(key) > sha256.BlockSize {
		return k
	}
	var ipad, opad [sha256.BlockSize]byte
	copy(ipad[:], key)
	copy(opad[:], key)
	for i := range ipad {
		ipad[i] ^= 0x36
		opad[i] ^= 0x5c
	}
	inner.Write(ipad[:])
	outer.Write(opad[:])
	var err1, err2 error
	k.innerState, err1 = inner.AppendBinary(nil)
	k.outerState, err2 = outer.AppendBinary(nil)
	k.inner, k.outer = inner, outer
	k.fast = err1 == nil && err2 == nil && k.agrees()
	return k
}

// agrees reports whether the fast path computes what crypto/hmac does, for
// messages of every length it takes.
func (k *keyedHash) agrees() bool {
	k.fast = true
	var msg [maxFastMessage]byte
	for n := range len(msg) + 1 {
		msg[max(n-1, 0)] = byte(n)
		got := *k.Sum(msg[:n])
		k.std.Reset()
		k.std.Write(msg[:n])
		if !bytes.Equal(got[:], k.std.Sum(nil)) {
			return false
		}
	}
	return true
}

// Sum returns HMAC-SHA256(key, msg), valid until the next call.
func (k *keyedHash) Sum(msg []byte) *[sha256.Size]byte {
	if !k.fast || len(msg) > maxFastMessage {
		k.std.Reset()
		k.std.Write(msg)
		k.std.Sum(k.sum[:0])
		return &k.sum
	}
	inner := k.compress(k.inner, k.innerState, msg)
	if inner == nil {
		k.fast = false
		return k.Sum(msg)
	}
	outer := k.compress(k.outer, k.outerState, inner)
	if outer == nil {
		k.fast = false
		return k.Sum(msg)
	}
	copy(k.sum[:], outer)
	return &k.sum
}

// compress restores h to state, a key block hashed, hashes msg padded as
// the last block, and returns the digest, or nil if the state is not laid
// out as expected.
func (k *keyedHash) compress(h stateHash, state, msg []byte) []byte {
	if h.UnmarshalBinary(state) != nil {
		return nil
	}
	n := copy(k.block[:], msg)
	k.block[n] = 0x80
	clear(k.block[n+1 : maxFastMessage+1])
	binary.BigEndian.PutUint64(k.block[maxFastMessage+1:], uint64(sha256.BlockSize+n)*8)
	h.Write(k.block[:])
	var err error
	k.state, err = h.AppendBinary(k.state[:0])
	if err != nil || len(k.state) < len(sha256StateMagic)+sha256.Size || string(k.state[:len(sha256StateMagic)]) != sha256StateMagic {
		return nil
	}
	return k.state[len(sha256StateMagic) : len(sha256StateMagic)+sha256.Size]
}
