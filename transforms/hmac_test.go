package transforms

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"testing"
)

// TestKeyedHash compares keyedHash with crypto/hmac on messages of every
// length around the fast path's limit, for short and over-long keys.
func TestKeyedHash(t *testing.T) {
	for _, key := range [][]byte{bytes.Repeat([]byte{7}, 32), []byte("k"), bytes.Repeat([]byte{9}, 100)} {
		k := newKeyedHash(key)
		if len(key) <= sha256.BlockSize && !k.fast {
			t.Fatalf("key of %d bytes: the fast path is off", len(key))
		}
		msg := make([]byte, 130)
		for i := range msg {
			msg[i] = byte(i * 31)
		}
		for n := range len(msg) {
			m := hmac.New(sha256.New, key)
			m.Write(msg[:n])
			if got, want := k.Sum(msg[:n])[:], m.Sum(nil); !bytes.Equal(got, want) {
				t.Fatalf("key of %d bytes, message of %d: %x, want %x", len(key), n, got, want)
			}
		}
	}
}

func BenchmarkKeyedHash(b *testing.B) {
	k := newKeyedHash(make([]byte, 32))
	msg := []byte("EMAIL\x00li.wei.zhang+tag@mail.example.com")
	b.ReportAllocs()
	for b.Loop() {
		k.Sum(msg)
	}
}
