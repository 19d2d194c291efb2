package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/pixelprivacy/veil/transforms"
)

var keygenCommand = &command{
	name:    "keygen",
	summary: "create a token key file, or rotate its key",
	usage:   "keygen [--out veil.key] [--id k2]",
	help: `
Keygen makes a random 32-byte token key. If --out does not exist, it creates
it, readable only by its owner (mode 0600), holding the new key. If it exists,
it adds the new key and makes it the active one, keeping the older keys: that
is key rotation. New tokens name the active key's ID ("<EMAIL:k2:...>"), so
tokens made before and after a rotation never collide.

--id defaults to the next free k<n>: k1, then k2, ... The file is replaced
atomically. Keygen prints the key's ID and the file's path, never the key.`,
	examples: `  veil keygen                         # creates veil.key with key k1
  veil keygen --out /etc/veil/veil.key
  veil keygen --out veil.key --id k7  # adds k7 to veil.key and makes it active`,
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		var f keygenFlags
		fs.StringVar(&f.out, "out", "veil.key", "key `file` to create or add a key to")
		fs.StringVar(&f.id, "id", "", "new key's `ID`: a lower-case letter, then up to 15 lower-case letters or digits (default the next k<n>)")
		return f.run
	},
}

type keygenFlags struct{ out, id string }

func (f *keygenFlags) run(_ context.Context, e *env, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	ring, err := transforms.LoadKeyFile(f.out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		ring = &transforms.KeyRing{}
	case err != nil:
		return err
	}
	id := f.id
	if id == "" {
		id = nextKeyID(ring)
	}
	if ring.Key(id) != nil {
		return fmt.Errorf("%s already holds a key %q; choose another --id", f.out, id)
	}
	k, err := transforms.GenerateKey(id)
	if err != nil {
		return usagef("--id: %v", err)
	}
	ring.Keys = append(ring.Keys, k)
	ring.Active = k
	if err := transforms.WriteKeyFile(f.out, ring); err != nil {
		return err
	}
	older := ""
	if n := len(ring.Keys) - 1; n > 0 {
		older = fmt.Sprintf("; %d older kept", n)
	}
	fmt.Fprintf(e.stdout, "key %s is active in %s%s\n", id, f.out, older)
	return nil
}

// nextKeyID returns k<n+1> for the largest n among keys named k<n>.
func nextKeyID(r *transforms.KeyRing) string {
	n := 0
	for _, k := range r.Keys {
		if digits, ok := strings.CutPrefix(k.ID(), "k"); ok {
			if i, err := strconv.Atoi(digits); err == nil && i > n {
				n = i
			}
		}
	}
	return "k" + strconv.Itoa(n+1)
}
