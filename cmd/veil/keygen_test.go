package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pixelprivacy/veil/transforms"
)

// secrets returns the base64 secrets stored in a key file.
func secrets(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var kf struct {
		Keys []struct{ Secret string }
	}
	if err := json.Unmarshal(data, &kf); err != nil {
		t.Fatal(err)
	}
	var s []string
	for _, k := range kf.Keys {
		s = append(s, k.Secret)
	}
	return s
}

func TestKeygen(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "veil.key")
	steps := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
		ids    []string // the keys in the file afterwards, the active one last
	}{
		{"create", nil, 0, "key k1 is active in " + path + "\n", "", []string{"k1"}},
		{"rotate", nil, 0, "key k2 is active in " + path + "; 1 older kept\n", "", []string{"k1", "k2"}},
		{"rotate with an id", []string{"--id", "k7"}, 0, "key k7 is active in " + path + "; 2 older kept\n", "", []string{"k1", "k2", "k7"}},
		{"next after the largest", nil, 0, "key k8 is active in " + path + "; 3 older kept\n", "", []string{"k1", "k2", "k7", "k8"}},
		{"id taken", []string{"--id", "k2"}, 1, "", `already holds a key "k2"`, []string{"k1", "k2", "k7", "k8"}},
		{"bad id", []string{"--id", "K-9"}, 2, "", `invalid key id "K-9"`, []string{"k1", "k2", "k7", "k8"}},
		{"argument", []string{"extra"}, 2, "", `unexpected argument "extra"`, []string{"k1", "k2", "k7", "k8"}},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			r := veil(t, "", nil, append([]string{"keygen", "--out", path}, s.args...)...)
			if r.code != s.code || r.stdout != s.stdout || !strings.Contains(r.stderr, s.stderr) || s.stderr == "" && r.stderr != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want %d, %q, %q", r.code, r.stdout, r.stderr, s.code, s.stdout, s.stderr)
			}
			ring, err := transforms.LoadKeyFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, k := range ring.Keys {
				ids = append(ids, k.ID())
			}
			if strings.Join(ids, ",") != strings.Join(s.ids, ",") || ring.Active.ID() != s.ids[len(s.ids)-1] {
				t.Errorf("keys %v active %s, want %v", ids, ring.Active.ID(), s.ids)
			}
			for _, secret := range secrets(t, path) {
				if strings.Contains(r.stdout+r.stderr, secret) {
					t.Error("keygen printed a secret")
				}
			}
			fi, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if fi.Mode().Perm() != 0o600 {
				t.Errorf("mode %v, want 0600", fi.Mode().Perm())
			}
		})
	}
}

func TestKeygenKeepsOlderTokens(t *testing.T) {
	dir := t.TempDir()
	path := keyFile(t, dir)
	before := veil(t, "li.lei@example.com\n", nil, "redact", "--key-file", path).stdout
	if r := veil(t, "", nil, "keygen", "--out", path); r.code != 0 {
		t.Fatal(r.stderr)
	}
	after := veil(t, "li.lei@example.com\n", nil, "redact", "--key-file", path).stdout
	if !strings.HasPrefix(before, "<EMAIL:k1:") || !strings.HasPrefix(after, "<EMAIL:k2:") {
		t.Errorf("tokens %q then %q, want k1 then k2", before, after)
	}
	// k1 is still in the file: a ring with k1 active reproduces the old token.
	ring, err := transforms.LoadKeyFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ring.Active = ring.Key("k1")
	old := filepath.Join(dir, "old.key")
	if err := transforms.WriteKeyFile(old, ring); err != nil {
		t.Fatal(err)
	}
	if again := veil(t, "li.lei@example.com\n", nil, "redact", "--key-file", old).stdout; again != before {
		t.Errorf("k1 token after rotation %q, want %q", again, before)
	}
}

func TestKeygenBadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "veil.key")
	if err := os.WriteFile(path, []byte(`{"active":"k1","keys":[{"id":"k1","secret":"not base64!"}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	r := veil(t, "", nil, "keygen", "--out", path)
	if r.code != 1 || !strings.Contains(r.stderr, path) || strings.Contains(r.stderr, "not base64!") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}
