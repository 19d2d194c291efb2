// Command veil de-identifies event streams before they feed model training:
// it finds personal data (e-mail addresses, phone numbers, device and
// advertising IDs, IP addresses, ...) in JSON events, log lines and free
// text, and replaces it with keyed tokens, masks, labels or coarser values.
//
//	veil redact < events.jsonl > clean.jsonl
//	veil keygen --out veil.key
//	veil help redact
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"golang.org/x/term"

	"github.com/pixelprivacy/veil/config"
	"github.com/pixelprivacy/veil/transforms"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	e := &env{
		stdin:      os.Stdin,
		stdout:     os.Stdout,
		stderr:     os.Stderr,
		getenv:     os.Getenv,
		isTerminal: isTerminal,
	}
	code := run(ctx, os.Args[1:], e)
	stop()
	os.Exit(code)
}

// env is what a command may touch outside its flags: tests give their own.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// isTerminal reports whether w is a terminal, for progress output.
	isTerminal func(w io.Writer) bool
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// command is one subcommand of veil.
type command struct {
	name    string
	summary string // one line for `veil help`
	// usage is the synopsis line after "Usage: "; help describes the command,
	// and examples show it in use. `veil <name> --help` prints them around
	// the flags.
	usage, help, examples string
	// setup defines the command's flags on fs and returns what runs it, with
	// the arguments left after the flags.
	setup func(fs *flag.FlagSet) func(ctx context.Context, e *env, args []string) error
}

// commands lists veil's subcommands in the order `veil help` shows them.
// Adding a command is adding its line here.
var commands = []*command{
	redactCommand,
	keygenCommand,
	configCommand,
	runCommand,
	exportCommand,
	tokenCommand,
	dsrCommand,
	benchCommand,
	brokerCommand,
	demoCommand,
}

// usageError is an error in how a command was invoked: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// run runs veil with args (without the program name) and returns the exit
// status: 0 for success, 1 for a failure, 2 for a usage error.
func run(ctx context.Context, args []string, e *env) int {
	if len(args) == 0 {
		printUsage(e.stderr)
		return 2
	}
	switch name := args[0]; name {
	case "help", "-h", "-help", "--help":
		if name != "help" || len(args) == 1 {
			printUsage(e.stdout)
			return 0
		}
		if c := lookup(args[1]); c != nil {
			printHelp(e.stdout, c, flagSet(c))
			return 0
		}
		fmt.Fprintf(e.stderr, "veil help: unknown command %q\n\n", args[1])
		printUsage(e.stderr)
		return 2
	}
	c := lookup(args[0])
	if c == nil {
		fmt.Fprintf(e.stderr, "veil: unknown command %q\n\n", args[0])
		printUsage(e.stderr)
		return 2
	}
	fs := flag.NewFlagSet("veil "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors and help are printed below
	exec := c.setup(fs)
	rest, err := parseFlags(fs, args[1:])
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printHelp(e.stdout, c, fs)
			return 0
		}
		fmt.Fprintf(e.stderr, "veil %s: %v\nRun 'veil %s --help' for usage.\n", c.name, err, c.name)
		return 2
	}
	err = exec(ctx, e, rest)
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(e.stderr, "veil %s: %v\nRun 'veil %s --help' for usage.\n", c.name, err, c.name)
		return 2
	}
	fmt.Fprintf(e.stderr, "veil %s: %v\n", c.name, err)
	return 1
}

// parseFlags parses args with fs, flags and arguments in any order ("config
// check -c veil.yaml"), and returns the arguments; after "--" everything is
// an argument.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		left := fs.Args()
		if len(left) == 0 {
			return rest, nil
		}
		if i := len(args) - len(left); i > 0 && args[i-1] == "--" {
			return append(rest, left...), nil
		}
		rest, args = append(rest, left[0]), left[1:]
	}
}

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// flagSet returns c's flags, for its help.
func flagSet(c *command) *flag.FlagSet {
	fs := flag.NewFlagSet("veil "+c.name, flag.ContinueOnError)
	c.setup(fs)
	return fs
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, "veil de-identifies event streams (JSON events, logs, prompts) before they feed model training.\n\n")
	fmt.Fprint(w, "Usage: veil <command> [flags]\n\nCommands:\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nRun 'veil help <command>' or 'veil <command> --help' for its flags and examples.\n")
}

func printHelp(w io.Writer, c *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: veil %s\n\n%s\n", c.usage, strings.TrimSpace(c.help))
	hasFlags := false
	fs.VisitAll(func(*flag.Flag) { hasFlags = true })
	if hasFlags {
		fmt.Fprint(w, "\nFlags:\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	if c.examples != "" {
		fmt.Fprintf(w, "\nExamples:\n%s\n", strings.TrimRight(c.examples, "\n"))
	}
}

// keyFilePath returns the key file to use: --key-file, else $VEIL_KEY_FILE,
// else key_file of the configuration (relative to it); "" if none.
func keyFilePath(e *env, flagPath string, c *config.Config, configPath string) string {
	path := flagPath
	if path == "" {
		path = e.getenv("VEIL_KEY_FILE")
	}
	if path == "" && c.KeyFile != "" {
		path = c.KeyFile
		if !filepath.IsAbs(path) && configPath != "" {
			path = filepath.Join(filepath.Dir(configPath), path)
		}
	}
	return path
}

// loadConfig reads the configuration file at path, or returns the defaults
// when path is empty.
func loadConfig(path string) (*config.Config, error) {
	if path == "" {
		return config.Default(), nil
	}
	return config.Load(path)
}

// loadKafkaConfig loads the configuration at path (or the embedded default)
// and lets a non-empty --brokers list, comma-separated, replace its brokers.
func loadKafkaConfig(path, brokers string) (*config.Config, error) {
	cfg, err := loadConfig(path)
	if err != nil {
		return nil, err
	}
	if brokers != "" {
		cfg.Kafka.Brokers = strings.Split(brokers, ",")
	}
	return cfg, nil
}

// loadKeyRing finds the token key file: the flag's path, else $VEIL_KEY_FILE,
// else the configuration's key_file (relative to the configuration file's
// directory). Without any, it makes an ephemeral key and warns on stderr, in
// one line, that tokens will differ from run to run.
func loadKeyRing(e *env, flagPath string, c *config.Config, configPath string) (*transforms.KeyRing, error) {
	path := keyFilePath(e, flagPath, c, configPath)
	if path == "" {
		fmt.Fprintln(e.stderr, "veil: warning: no key file (--key-file, VEIL_KEY_FILE or key_file); using an ephemeral key: tokens are not stable across runs")
		return transforms.EphemeralKeyRing()
	}
	return transforms.LoadKeyFile(path)
}
