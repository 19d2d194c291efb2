package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/pixelprivacy/veil/config"
)

var configCommand = &command{
	name:    "config",
	summary: "print an example veil.yaml, or check one",
	usage:   "config example | config check [-c veil.yaml] [--key-file F]",
	help: `
config example prints a veil.yaml holding every setting with its default
value and what it does; start a configuration from it.

config check loads a configuration, validates it, and builds the detectors
and transforms from it as 'veil redact' and 'veil run' do at start-up, so that
every problem shows at once, each with its YAML path. It also loads the key
file the configuration names, if any.`,
	examples: `  veil config example > veil.yaml
  veil config check -c veil.yaml`,
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		var f configFlags
		fs.StringVar(&f.config, "c", "", "configuration `file` to check (defaults without it)")
		fs.StringVar(&f.config, "config", "", "configuration `file`, same as -c")
		fs.StringVar(&f.keyFile, "key-file", "", "token key `file` (default $VEIL_KEY_FILE, then key_file)")
		return f.run
	},
}

type configFlags struct{ config, keyFile string }

func (f *configFlags) run(_ context.Context, e *env, args []string) error {
	if len(args) != 1 {
		return usagef("want one of: example, check")
	}
	switch args[0] {
	case "example":
		_, err := io.WriteString(e.stdout, config.Example())
		return err
	case "check":
		cfg, err := loadConfig(f.config)
		if err != nil {
			return err
		}
		ring, err := loadKeyRing(e, f.keyFile, cfg, f.config)
		if err != nil {
			return err
		}
		if _, err := cfg.Build(ring); err != nil {
			return err
		}
		name := f.config
		if name == "" {
			name = "defaults"
		}
		fmt.Fprintf(e.stdout, "%s: ok\n", name)
		return nil
	}
	return usagef("unknown subcommand %q: want example or check", args[0])
}
