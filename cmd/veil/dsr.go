package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/netip"
	"slices"
	"strings"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/pipeline/dataset"
	"github.com/pixelprivacy/veil/transforms"
)

// tokenKinds are the kinds `veil token` and `veil dsr` take, as written.
var tokenKinds = []string{"email", "phone", "imei", "imsi", "iccid", "mac", "adid", "ip", "ipv4", "ipv6", "cnid", "card", "iban", "cpf", "ssn", "rrn", "aadhaar", "dni", "mynumber", "snils", "nir", "steuerid", "saudiid", "nino", "wallet", "user", "field", "name", "handle", "address", "birthdate", "document", "coordinates"}

var tokenCommand = &command{
	name:    "token",
	summary: "print the tokens of a person's identifier, to find them in sanitized data",
	usage:   "token --kind email|phone|imei|imsi|iccid|mac|adid|ip|cnid|card|iban|cpf|ssn|rrn|aadhaar|dni|mynumber|snils|nir|steuerid|saudiid|nino|wallet|user|field|name|handle|address|birthdate|document|coordinates VALUE [--key-file F] [-c veil.yaml]",
	help: `
Token prints the token the pipeline writes for VALUE, under every key of the
key file (the active one first), normalized as the pipeline normalizes it:
e-mail addresses lower-cased and decoded, phone numbers in E.164 (a national
number is read in the regions of detectors.phone_regions, in their order:
give +CC... to be sure), MACs and UUIDs in lower case, IPs in their canonical
form, IMEIs as their first 14 digits (an MEID, in hex or decimal, as its hex),
a person's name as found in prompts in lower case, its words joined by one space,
a handle in lower case without its '@' (@Sarah_C is sarah_c), an address
as a name is, a date of birth as YYYY-MM-DD (March 14, 2015 is 2015-03-14),
an identity document's number compact and in upper case, and a field a
policy rule tokenizes (kind field: a username, a device's serial number, a
hashed e-mail address) as it is written.
A data engineer or the privacy team can then find a person's records in
training topics and datasets.`,
	examples: `  veil token --kind email Alice@Example.com --key-file veil.key
  veil token --kind phone '+86 138 0013 8000'
  veil token --kind user u_8f2k19
  veil token --kind name 'Li Wei'
  veil token --kind handle @sarah_c_1984
  veil token --kind field R58M12345AB`,
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		var f tokenFlags
		f.define(fs)
		return f.run
	},
}

// tokenFlags are the flags of commands that compute a person's tokens.
type tokenFlags struct{ kind, keyFile, config string }

func (f *tokenFlags) define(fs *flag.FlagSet) {
	fs.StringVar(&f.kind, "kind", "", "`kind` of the identifier: "+strings.Join(tokenKinds, ", "))
	fs.StringVar(&f.keyFile, "key-file", "", "the pipeline's key `file` (default $VEIL_KEY_FILE, then key_file)")
	fs.StringVar(&f.config, "c", "", "configuration `file` (veil.yaml): key file, template, phone regions")
	fs.StringVar(&f.config, "config", "", "configuration `file`, same as -c")
}

func (f *tokenFlags) run(_ context.Context, e *env, args []string) error {
	if len(args) != 1 {
		return usagef("want one VALUE after the flags")
	}
	tokens, err := f.tokens(e, args[0])
	if err != nil {
		return err
	}
	for _, t := range tokens {
		fmt.Fprintln(e.stdout, t)
	}
	return nil
}

// tokens returns the tokens of value under every key, the active key's
// first.
func (f *tokenFlags) tokens(e *env, value string) ([]string, error) {
	k, err := parseTokenKind(f.kind, value)
	if err != nil {
		return nil, err
	}
	cfg, err := loadConfig(f.config)
	if err != nil {
		return nil, err
	}
	path := keyFilePath(e, f.keyFile, cfg, f.config)
	if path == "" {
		return nil, errors.New("no key file: tokens are keyed, give the pipeline's (--key-file, VEIL_KEY_FILE or key_file)")
	}
	ring, err := transforms.LoadKeyFile(path)
	if err != nil {
		return nil, err
	}
	keys := append([]*transforms.Key{ring.Active}, slices.DeleteFunc(slices.Clone(ring.Keys), func(k *transforms.Key) bool { return k == ring.Active })...)
	var out []string
	for _, key := range keys {
		engine, err := cfg.Build(&transforms.KeyRing{Active: key, Keys: ring.Keys})
		if err != nil {
			return nil, err
		}
		out = append(out, string(engine.NewWorker().AppendToken(nil, k, []byte(value))))
	}
	return out, nil
}

// parseTokenKind returns the kind named, telling IPv4 from IPv6 by value.
func parseTokenKind(name, value string) (detectors.Kind, error) {
	if !slices.Contains(tokenKinds, name) {
		return 0, usagef("--kind %q: want one of %s", name, strings.Join(tokenKinds, ", "))
	}
	if name == "user" {
		return detectors.User, nil
	}
	if name == "ip" {
		if a, err := netip.ParseAddr(value); err == nil && a.Is6() && !a.Is4In6() {
			return detectors.IPv6, nil
		}
		return detectors.IPv4, nil
	}
	k, _ := detectors.ParseKind(name)
	return k, nil
}

var dsrCommand = &command{
	name:    "dsr",
	summary: "find or erase a person's records in exported datasets",
	usage:   "dsr find|erase --dir DIR --kind KIND --value VALUE [--dry-run] [--key-file F] [-c veil.yaml]",
	help: `
Dsr answers data-subject requests on the datasets 'veil export' wrote. It
computes the person's tokens as 'veil token' does, under every key of the key
file, and looks for them in every shard under DIR (an export directory, or one
topic's directory).

dsr find prints shard:line for each record that holds one, nothing else.

dsr erase rewrites each shard that holds one without those records, atomically
(a temporary file, fsync, rename), updates the manifest (records, bytes,
sha256, findings, erased), and prints how many records it removed from which
shards. With --dry-run it only reports what it would remove.

Training topics keep what they hold until their retention; erase applies to
the datasets.`,
	examples: `  veil dsr find --dir /data/veil --kind email --value alice@example.com --key-file veil.key
  veil dsr erase --dir /data/veil --kind user --value u_8f2k19 --dry-run
  veil dsr erase --dir /data/veil --kind user --value u_8f2k19`,
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		var f dsrFlags
		f.define(fs)
		fs.StringVar(&f.dir, "dir", "", "dataset `directory` (required)")
		fs.StringVar(&f.value, "value", "", "the person's identifier (required)")
		fs.BoolVar(&f.dryRun, "dry-run", false, "erase: report only, change nothing")
		return f.run
	},
}

type dsrFlags struct {
	tokenFlags
	dir, value string
	dryRun     bool
}

func (f *dsrFlags) run(_ context.Context, e *env, args []string) error {
	if len(args) != 1 || args[0] != "find" && args[0] != "erase" {
		return usagef("want find or erase")
	}
	if f.dir == "" || f.value == "" {
		return usagef("--dir and --value are required")
	}
	strs, err := f.tokens(e, f.value)
	if err != nil {
		return err
	}
	tokens := make([][]byte, len(strs))
	for i, t := range strs {
		tokens[i] = []byte(t)
	}
	if args[0] == "find" {
		matches, err := dataset.Find(f.dir, tokens)
		if err != nil {
			return err
		}
		for _, m := range matches {
			fmt.Fprintf(e.stdout, "%s:%d\n", m.Shard, m.Line)
		}
		fmt.Fprintf(e.stderr, "veil dsr find: %d records\n", len(matches))
		return nil
	}
	cfg, err := loadConfig(f.config)
	if err != nil {
		return err
	}
	removed, err := dataset.Erase(f.dir, tokens, cfg.Transforms.Template, f.dryRun)
	if err != nil {
		return err
	}
	verb, total := "removed", int64(0)
	if f.dryRun {
		verb = "would remove"
	}
	for _, r := range removed {
		fmt.Fprintf(e.stdout, "%s %d records from %s\n", verb, r.Records, r.Shard)
		total += r.Records
	}
	fmt.Fprintf(e.stdout, "veil dsr erase: %s %d records from %d shards\n", verb, total, len(removed))
	return nil
}
