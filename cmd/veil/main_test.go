package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pixelprivacy/veil/config"
	"github.com/pixelprivacy/veil/transforms"
)

// binary is the veil binary built once by TestMain for the smoke test.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "veil-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "veil")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building veil:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// defaultWorker returns a worker of the default configuration with the key
// file at path: it tokenizes as `veil run` with that key does.
func defaultWorker(t *testing.T, path string) *transforms.Worker {
	t.Helper()
	ring, err := transforms.LoadKeyFile(path)
	if err != nil {
		t.Fatal(err)
	}
	engine, err := config.Default().Build(ring)
	if err != nil {
		t.Fatal(err)
	}
	return engine.NewWorker()
}

// result is what one in-process run of veil did.
type result struct {
	code           int
	stdout, stderr string
}

// veil runs veil in process with args, stdin and environment variables.
func veil(t *testing.T, stdin string, vars map[string]string, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	e := &env{
		stdin:      strings.NewReader(stdin),
		stdout:     &stdout,
		stderr:     &stderr,
		getenv:     func(k string) string { return vars[k] },
		isTerminal: func(io.Writer) bool { return false },
	}
	code := run(context.Background(), args, e)
	return result{code, stdout.String(), stderr.String()}
}

func TestDispatch(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // a substring of stdout, or "" for empty stdout
		stderr string // a substring of stderr, or "" for empty stderr
	}{
		{name: "no command", args: nil, code: 2, stderr: "Usage: veil <command>"},
		{name: "help", args: []string{"help"}, code: 0, stdout: "  redact   de-identify"},
		{name: "--help", args: []string{"--help"}, code: 0, stdout: "Commands:"},
		{name: "-h", args: []string{"-h"}, code: 0, stdout: "Commands:"},
		{name: "help redact", args: []string{"help", "redact"}, code: 0, stdout: "-on-error"},
		{name: "help unknown", args: []string{"help", "frobnicate"}, code: 2, stderr: `veil help: unknown command "frobnicate"`},
		{name: "unknown command", args: []string{"frobnicate"}, code: 2, stderr: "veil: unknown command \"frobnicate\"\n\nveil de-identifies"},
		{name: "redact --help", args: []string{"redact", "--help"}, code: 0, stdout: "Examples:\n  veil redact < events.jsonl > clean.jsonl"},
		{name: "redact -h", args: []string{"redact", "-h"}, code: 0, stdout: "Usage: veil redact [--in FILE]"},
		{name: "keygen --help", args: []string{"keygen", "--help"}, code: 0, stdout: "rotation"},
		{name: "config --help", args: []string{"config", "--help"}, code: 0, stdout: "veil config example > veil.yaml"},
		{name: "unknown flag", args: []string{"redact", "--bogus"}, code: 2, stderr: "veil redact: flag provided but not defined: -bogus\nRun 'veil redact --help' for usage."},
		{name: "bad flag value", args: []string{"redact", "--workers", "many"}, code: 2, stderr: `invalid value "many" for flag -workers`},
		{name: "extra argument", args: []string{"redact", "file.jsonl"}, code: 2, stderr: `veil redact: unexpected argument "file.jsonl"`},
		{name: "extra argument after flags", args: []string{"redact", "--workers", "2", "file.jsonl"}, code: 2, stderr: `veil redact: unexpected argument "file.jsonl"`},
		{name: "flag after --", args: []string{"redact", "--", "--workers"}, code: 2, stderr: `veil redact: unexpected argument "--workers"`},
		{name: "bad format", args: []string{"redact", "--format", "xml"}, code: 2, stderr: `veil redact: --format "xml": want auto, json or text`},
		{name: "negative workers", args: []string{"redact", "--workers", "-1"}, code: 2, stderr: "--workers -1: must not be negative"},
		{name: "bad on-error", args: []string{"redact", "--on-error", "skip"}, code: 2, stderr: `--on-error "skip": want marker or fail`},
		{name: "config without subcommand", args: []string{"config"}, code: 2, stderr: "want one of: example, check"},
		{name: "config bad subcommand", args: []string{"config", "show"}, code: 2, stderr: `unknown subcommand "show"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := veil(t, "", nil, tt.args...)
			if r.code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", r.code, tt.code, r.stderr)
			}
			check := func(name, got, want string) {
				if want == "" && got != "" || !strings.Contains(got, want) {
					t.Errorf("%s:\n%s\nwant it to hold %q", name, got, want)
				}
			}
			check("stdout", r.stdout, tt.stdout)
			check("stderr", r.stderr, tt.stderr)
		})
	}
}

// TestHelpCoversEveryCommand checks every command has a summary, usage,
// help and examples, and documents every flag.
func TestHelpCoversEveryCommand(t *testing.T) {
	for _, c := range commands {
		t.Run(c.name, func(t *testing.T) {
			if c.summary == "" || c.usage == "" || c.help == "" || c.examples == "" {
				t.Error("summary, usage, help or examples missing")
			}
			if !strings.HasPrefix(c.usage, c.name) {
				t.Errorf("usage %q does not start with the command name", c.usage)
			}
			r := veil(t, "", nil, c.name, "--help")
			flagSet(c).VisitAll(func(f *flag.Flag) {
				if !strings.Contains(r.stdout, "-"+f.Name) || f.Usage == "" {
					t.Errorf("flag -%s is not documented", f.Name)
				}
			})
		})
	}
}

func TestSmokeBinary(t *testing.T) {
	cmd := exec.Command(binary, "redact")
	cmd.Stdin = strings.NewReader("{\"email\":\"li.lei@example.com\",\"n\":1}\nping 203.0.113.9 ok\n")
	cmd.Env = append(os.Environ(), "VEIL_KEY_FILE=")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("veil redact: %v\n%s", err, stderr.String())
	}
	out := strings.Split(stdout.String(), "\n")
	if len(out) != 3 || out[2] != "" ||
		!strings.HasPrefix(out[0], `{"email":"<EMAIL:eph:`) || !strings.HasSuffix(out[0], `>","n":1}`) ||
		!strings.HasPrefix(out[1], "ping <IPV4:eph:") || !strings.HasSuffix(out[1], "> ok") {
		t.Errorf("stdout:\n%s", stdout.String())
	}
	if !strings.Contains(stderr.String(), "ephemeral key") || !strings.Contains(stderr.String(), "veil redact: 2 lines") {
		t.Errorf("stderr:\n%s", stderr.String())
	}

	bad := exec.Command(binary, "frobnicate")
	if err := bad.Run(); bad.ProcessState.ExitCode() != 2 {
		t.Errorf("veil frobnicate: %v, want exit status 2", err)
	}
}
