package transforms

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// KeySize is the length in bytes of a tokenization secret.
const KeySize = 32

// Key is one HMAC-SHA256 tokenization secret with its ID. The ID appears in
// every token made with the key, so that tokens from different keys never
// collide and a key can be rotated. A Key never prints its secret: String,
// GoString, Format and MarshalJSON show only the ID and "[REDACTED]".
type Key struct {
	id      string
	secret  [KeySize]byte
	created time.Time
}

// ID returns the key's ID, such as "k1".
func (k Key) ID() string { return k.id }

// Created returns when the key was generated; the zero time if unknown.
func (k Key) Created() time.Time { return k.created }

// String returns "Key(k1, [REDACTED])".
func (k Key) String() string { return "Key(" + k.id + ", [REDACTED])" }

// GoString is like String, so %#v does not show the secret either.
func (k Key) GoString() string { return k.String() }

// Format prints k as String does, whatever the verb, so that no fmt verb
// (%x, %v, %+v, ...) can reach the secret bytes.
func (k Key) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, k.String()) }

// MarshalJSON returns {"id":"k1","secret":"[REDACTED]"}; use WriteKeyFile to
// store a key.
func (k Key) MarshalJSON() ([]byte, error) {
	return []byte(`{"id":"` + k.id + `","secret":"[REDACTED]"}`), nil
}

// KeyRing holds the tokenization keys: Active makes new tokens; Keys lists
// every known key, Active included, so that older keys stay available to
// reproduce the tokens they made.
type KeyRing struct {
	Active *Key
	Keys   []*Key
}

// Validate reports whether r is usable: at least one key, valid unique IDs,
// and an Active key that is one of Keys.
func (r *KeyRing) Validate() error {
	if err := r.validate(); err != nil {
		return fmt.Errorf("transforms: key ring: %w", err)
	}
	return nil
}

func (r *KeyRing) validate() error {
	if r == nil || r.Active == nil {
		return errors.New("no active key")
	}
	seen := make(map[string]bool, len(r.Keys))
	active := false
	for _, k := range r.Keys {
		if k == nil {
			return errors.New("nil key")
		}
		if err := validateKeyID(k.id); err != nil {
			return err
		}
		if seen[k.id] {
			return fmt.Errorf("duplicate key id %q", k.id)
		}
		seen[k.id] = true
		active = active || k == r.Active
	}
	if !active {
		return fmt.Errorf("active key %q is not in keys", r.Active.id)
	}
	return nil
}

// Key returns the key with the given ID, or nil.
func (r *KeyRing) Key(id string) *Key {
	for _, k := range r.Keys {
		if k.id == id {
			return k
		}
	}
	return nil
}

// validateKeyID checks id against ^[a-z][a-z0-9]{0,15}$.
func validateKeyID(id string) error {
	ok := len(id) >= 1 && len(id) <= 16 && 'a' <= id[0] && id[0] <= 'z'
	for i := 1; ok && i < len(id); i++ {
		c := id[i]
		ok = 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
	}
	if !ok {
		return fmt.Errorf("invalid key id %q: want a lower-case letter then up to 15 lower-case letters or digits", id)
	}
	return nil
}

// GenerateKey returns a new random key with the given ID.
func GenerateKey(id string) (*Key, error) {
	if err := validateKeyID(id); err != nil {
		return nil, fmt.Errorf("transforms: %w", err)
	}
	k := &Key{id: id, created: time.Now().UTC().Truncate(time.Second)}
	if _, err := rand.Read(k.secret[:]); err != nil {
		return nil, fmt.Errorf("transforms: generate key: %w", err)
	}
	return k, nil
}

// EphemeralKeyID is the ID of the key made by EphemeralKeyRing.
const EphemeralKeyID = "eph"

// EphemeralKeyRing returns a ring holding one fresh random key, for demos and
// single runs: its tokens cannot be reproduced once the process exits.
func EphemeralKeyRing() (*KeyRing, error) {
	k, err := GenerateKey(EphemeralKeyID)
	if err != nil {
		return nil, err
	}
	return &KeyRing{Active: k, Keys: []*Key{k}}, nil
}

// keyFile is the JSON form of a key file:
//
//	{"active":"k1","keys":[{"id":"k1","secret":"<base64 of 32 bytes>","created":"RFC3339"}]}
type keyFile struct {
	Active string        `json:"active"`
	Keys   []keyFileItem `json:"keys"`
}

type keyFileItem struct {
	ID      string `json:"id"`
	Secret  string `json:"secret"`
	Created string `json:"created,omitempty"`
}

// LoadKeyFile reads a key ring from a JSON key file. Its errors name the file
// and the problem, never the secret.
func LoadKeyFile(path string) (*KeyRing, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("transforms: key file: %w", err)
	}
	r, err := parseKeyFile(data)
	if err != nil {
		return nil, fmt.Errorf("transforms: key file %s: %w", path, err)
	}
	return r, nil
}

// errKeyFileSyntax is returned for a key file that is not JSON of the
// expected shape. The decoder's own error is not wrapped: it can quote the
// bytes around the problem, and those may be secret.
var errKeyFileSyntax = errors.New("not a JSON key file")

func parseKeyFile(data []byte) (*KeyRing, error) {
	var kf keyFile
	if err := json.Unmarshal(data, &kf); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return nil, fmt.Errorf("%w: malformed JSON at byte %d", errKeyFileSyntax, se.Offset)
		case errors.As(err, &te):
			return nil, fmt.Errorf("%w: field %q must be a %s", errKeyFileSyntax, te.Field, te.Type)
		}
		return nil, errKeyFileSyntax
	}
	if len(kf.Keys) == 0 {
		return nil, errors.New("no keys")
	}
	r := &KeyRing{Keys: make([]*Key, 0, len(kf.Keys))}
	for i, it := range kf.Keys {
		if err := validateKeyID(it.ID); err != nil {
			return nil, fmt.Errorf("keys[%d]: %w", i, err)
		}
		k := &Key{id: it.ID}
		if err := decodeSecret(&k.secret, it.Secret); err != nil {
			return nil, fmt.Errorf("keys[%d] (%s): %w", i, it.ID, err)
		}
		if it.Created != "" {
			t, err := time.Parse(time.RFC3339, it.Created)
			if err != nil {
				return nil, fmt.Errorf("keys[%d] (%s): created is not an RFC 3339 time", i, it.ID)
			}
			k.created = t
		}
		r.Keys = append(r.Keys, k)
		if it.ID == kf.Active {
			r.Active = k
		}
	}
	if r.Active == nil {
		return nil, fmt.Errorf("active key %q is not in keys", kf.Active)
	}
	if err := r.validate(); err != nil {
		return nil, err
	}
	return r, nil
}

// decodeSecret decodes the standard base64 of exactly KeySize bytes.
func decodeSecret(dst *[KeySize]byte, s string) error {
	var buf [KeySize + 3]byte
	if base64.StdEncoding.DecodedLen(len(s)) > len(buf) {
		return fmt.Errorf("secret is longer than %d bytes", KeySize)
	}
	n, err := base64.StdEncoding.Decode(buf[:], []byte(s))
	defer clear(buf[:])
	switch {
	case err != nil:
		return fmt.Errorf("secret is not standard base64: %w", err)
	case n != KeySize:
		return fmt.Errorf("secret is %d bytes, want %d", n, KeySize)
	}
	copy(dst[:], buf[:n])
	return nil
}

// WriteKeyFile stores r as a JSON key file readable only by its owner (mode
// 0600). It writes a temporary file in the same directory and renames it
// into place, so a reader sees the old file or the new one, never a part.
func WriteKeyFile(path string, r *KeyRing) (err error) {
	if err := r.Validate(); err != nil {
		return err
	}
	kf := keyFile{Active: r.Active.id, Keys: make([]keyFileItem, len(r.Keys))}
	for i, k := range r.Keys {
		kf.Keys[i] = keyFileItem{ID: k.id, Secret: base64.StdEncoding.EncodeToString(k.secret[:])}
		if !k.created.IsZero() {
			kf.Keys[i].Created = k.created.UTC().Format(time.RFC3339)
		}
	}
	data, err := json.MarshalIndent(kf, "", "  ")
	if err != nil {
		return fmt.Errorf("transforms: key file %s: %w", path, err)
	}
	data = append(data, '\n')

	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("transforms: key file %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(f.Name())
			err = fmt.Errorf("transforms: key file %s: %w", path, err)
		}
	}()
	if err = f.Chmod(0o600); err != nil {
		return err
	}
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
