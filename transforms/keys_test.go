package transforms

import (
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestKeyNeverPrintsSecret(t *testing.T) {
	k, err := GenerateKey("k1")
	if err != nil {
		t.Fatal(err)
	}
	ring := &KeyRing{Active: k, Keys: []*Key{k}}
	js, err := json.Marshal(ring)
	if err != nil {
		t.Fatal(err)
	}
	outputs := []string{
		k.String(), k.GoString(), string(js),
		fmt.Sprintf("%v %+v %#v %s %x %X %q %d", k, k, k, k, k, k, k, k),
		fmt.Sprintf("%v %+v %#v %x", *k, *k, *k, *k),
		fmt.Sprintf("%v %+v %#v %x", ring, ring, ring, *ring),
	}
	secrets := []string{
		base64.StdEncoding.EncodeToString(k.secret[:]),
		hex.EncodeToString(k.secret[:]),
		strings.ToUpper(hex.EncodeToString(k.secret[:])),
		fmt.Sprint(k.secret[:8]), // fmt's own rendering of the bytes
	}
	for _, out := range outputs {
		if !strings.Contains(out, "[REDACTED]") || !strings.Contains(out, "k1") {
			t.Errorf("output %q should show the ID and [REDACTED]", out)
		}
		for _, s := range secrets {
			if strings.Contains(out, s) {
				t.Errorf("output %q holds the secret", out)
			}
		}
	}
}

func TestKeyID(t *testing.T) {
	tests := []struct {
		id string
		ok bool
	}{
		{"k1", true},
		{"a", true},
		{"key2024abcdefghi", true}, // 16 characters
		{"", false},
		{"1k", false},
		{"K1", false},
		{"k-1", false},
		{"k_1", false},
		{"key2024abcdefghij", false}, // 17 characters
		{"ké", false},
	}
	for _, tt := range tests {
		k, err := GenerateKey(tt.id)
		if (err == nil) != tt.ok {
			t.Errorf("GenerateKey(%q) error = %v, want ok=%v", tt.id, err, tt.ok)
		}
		if err == nil && k.ID() != tt.id {
			t.Errorf("ID() = %q, want %q", k.ID(), tt.id)
		}
	}
}

func TestKeyFileRoundTrip(t *testing.T) {
	k1, _ := GenerateKey("k1")
	k2, _ := GenerateKey("k2")
	ring := &KeyRing{Active: k2, Keys: []*Key{k1, k2}}
	path := filepath.Join(t.TempDir(), "veil.key")
	if err := WriteKeyFile(path, ring); err != nil {
		t.Fatal(err)
	}
	if err := WriteKeyFile(path, ring); err != nil { // replaces the file
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600", fi.Mode().Perm())
	}
	if ents, _ := os.ReadDir(filepath.Dir(path)); len(ents) != 1 {
		t.Errorf("temporary files left behind: %v", ents)
	}
	got, err := LoadKeyFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got.Active.ID() != "k2" || len(got.Keys) != 2 {
		t.Fatalf("loaded %v", got)
	}
	for i, k := range got.Keys {
		if k.secret != ring.Keys[i].secret || !k.Created().Equal(ring.Keys[i].Created()) {
			t.Errorf("key %s differs after the round trip", k.ID())
		}
	}
	if got.Key("k1") != got.Keys[0] || got.Key("k3") != nil {
		t.Error("KeyRing.Key finds the wrong key")
	}
}

func TestLoadKeyFileErrors(t *testing.T) {
	secret := base64.StdEncoding.EncodeToString([]byte("0123456789abcdef0123456789abcdef"))
	short := base64.StdEncoding.EncodeToString([]byte("0123456789abcdef"))
	long := base64.StdEncoding.EncodeToString([]byte(strings.Repeat("0123456789abcdef", 4)))
	item := func(id, s string) string { return `{"id":"` + id + `","secret":"` + s + `"}` }
	tests := []struct {
		name, file, want string
	}{
		{"not json", `{"active":"k1","keys":[` + secret, "malformed JSON"},
		{"wrong type", `{"active":"k1","keys":[{"id":"k1","secret":5}]}`, `field "keys.secret" must be a string`},
		{"no keys", `{"active":"k1","keys":[]}`, "no keys"},
		{"bad id", `{"active":"K1","keys":[` + item("K1", secret) + `]}`, `invalid key id "K1"`},
		{"bad base64", `{"active":"k1","keys":[` + item("k1", "!!"+secret[2:]) + `]}`, "not standard base64"},
		{"short secret", `{"active":"k1","keys":[` + item("k1", short) + `]}`, "secret is 16 bytes, want 32"},
		{"long secret", `{"active":"k1","keys":[` + item("k1", long) + `]}`, "longer than 32 bytes"},
		{"unknown active", `{"active":"k9","keys":[` + item("k1", secret) + `]}`, `active key "k9" is not in keys`},
		{"duplicate", `{"active":"k1","keys":[` + item("k1", secret) + "," + item("k1", secret) + `]}`, `duplicate key id "k1"`},
		{"bad created", `{"active":"k1","keys":[{"id":"k1","secret":"` + secret + `","created":"yesterday"}]}`, "created is not an RFC 3339 time"},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "_")+".key")
			if err := os.WriteFile(path, []byte(tt.file), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := LoadKeyFile(path)
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			if !strings.Contains(msg, path) || !strings.Contains(msg, tt.want) {
				t.Errorf("error %q should name the file and say %q", msg, tt.want)
			}
			for _, s := range []string{secret[:12], short[:12], long[:12], secret[2:14]} {
				if strings.Contains(msg, s) {
					t.Errorf("error %q holds the secret", msg)
				}
			}
		})
	}
	if _, err := LoadKeyFile(filepath.Join(dir, "missing.key")); err == nil || !strings.Contains(err.Error(), "missing.key") {
		t.Errorf("missing file: error %v should name the file", err)
	}
}

func TestKeyRingValidate(t *testing.T) {
	k1, _ := GenerateKey("k1")
	k2, _ := GenerateKey("k2")
	tests := []struct {
		name string
		ring *KeyRing
		ok   bool
	}{
		{"ok", &KeyRing{Active: k1, Keys: []*Key{k1, k2}}, true},
		{"nil", nil, false},
		{"no active", &KeyRing{Keys: []*Key{k1}}, false},
		{"active not listed", &KeyRing{Active: k2, Keys: []*Key{k1}}, false},
		{"nil key", &KeyRing{Active: k1, Keys: []*Key{k1, nil}}, false},
	}
	for _, tt := range tests {
		if err := tt.ring.Validate(); (err == nil) != tt.ok {
			t.Errorf("%s: Validate() = %v, want ok=%v", tt.name, err, tt.ok)
		}
	}
	if err := WriteKeyFile(filepath.Join(t.TempDir(), "x.key"), &KeyRing{}); err == nil {
		t.Error("WriteKeyFile wrote an invalid ring")
	}
}

func TestEphemeralKeyRing(t *testing.T) {
	a, err := EphemeralKeyRing()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := EphemeralKeyRing()
	if a.Validate() != nil || a.Active.ID() != EphemeralKeyID || a.Active.secret == b.Active.secret {
		t.Errorf("ephemeral rings: %v %v", a, b)
	}
}
