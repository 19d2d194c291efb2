package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

const events = `{"user":"li.lei@example.com","ip":"203.0.113.9","n":1}
login ok for bob@example.org from 198.51.100.20
{"msg":"nothing here"}
`

var token = regexp.MustCompile(`<[A-Z0-9_]+:[a-z][a-z0-9]*:[g-z]{24}>`)

// keyFile makes a key file with veil keygen and returns its path.
func keyFile(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "veil.key")
	if r := veil(t, "", nil, "keygen", "--out", path); r.code != 0 {
		t.Fatalf("keygen: %s", r.stderr)
	}
	return path
}

func TestRedactStdinStdout(t *testing.T) {
	r := veil(t, events, nil, "redact")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	got := strings.Split(r.stdout, "\n")
	if len(got) != 4 || got[2] != `{"msg":"nothing here"}` {
		t.Fatalf("stdout:\n%s", r.stdout)
	}
	if n := len(token.FindAllString(r.stdout, -1)); n != 4 {
		t.Errorf("%d tokens, want 4:\n%s", n, r.stdout)
	}
	for _, pii := range []string{"li.lei", "203.0.113.9", "bob@", "198.51.100.20"} {
		if strings.Contains(r.stdout, pii) {
			t.Errorf("stdout holds %q", pii)
		}
	}
	wantStderr := []string{
		"veil: warning: no key file (--key-file, VEIL_KEY_FILE or key_file); using an ephemeral key: tokens are not stable across runs\n",
		"veil redact: 3 lines, 0.0 MB in ",
		"\n  findings: EMAIL 2, IPV4 2\n  errors: none\n",
	}
	for _, w := range wantStderr {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("stderr:\n%s\nwant it to hold %q", r.stderr, w)
		}
	}
}

func TestRedactKeySources(t *testing.T) {
	dir := t.TempDir()
	flagKey := keyFile(t, dir)
	envDir := filepath.Join(dir, "env")
	cfgDir := filepath.Join(dir, "cfg")
	for _, d := range []string{envDir, cfgDir} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	envKey := keyFile(t, envDir)
	cfgKey := keyFile(t, cfgDir)
	cfgPath := filepath.Join(cfgDir, "veil.yaml")
	// key_file is relative to the configuration file's directory.
	if err := os.WriteFile(cfgPath, []byte("key_file: veil.key\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The token of one value under each key, as redact prints it alone.
	tokenWith := func(args ...string) string {
		return veil(t, "li.lei@example.com\n", nil, append([]string{"redact"}, args...)...).stdout
	}
	byFlag, byEnv, byConfig := tokenWith("--key-file", flagKey), tokenWith("--key-file", envKey), tokenWith("--key-file", cfgKey)
	if byFlag == byEnv || byEnv == byConfig {
		t.Fatal("different keys gave the same token")
	}
	vars := map[string]string{"VEIL_KEY_FILE": envKey}
	tests := []struct {
		name string
		vars map[string]string
		args []string
		want string
	}{
		{"flag over env and config", vars, []string{"--key-file", flagKey, "-c", cfgPath}, byFlag},
		{"env over config", vars, []string{"-c", cfgPath}, byEnv},
		{"config", nil, []string{"--config", cfgPath}, byConfig},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := veil(t, "li.lei@example.com\n", tt.vars, append([]string{"redact"}, tt.args...)...)
			if r.code != 0 || r.stdout != tt.want {
				t.Errorf("exit %d, stdout %q, want %q; stderr:\n%s", r.code, r.stdout, tt.want, r.stderr)
			}
			if strings.Contains(r.stderr, "ephemeral") {
				t.Errorf("warned of an ephemeral key with a key file")
			}
		})
	}
	t.Run("stable with a key, not without", func(t *testing.T) {
		if again := tokenWith("--key-file", flagKey); again != byFlag {
			t.Errorf("same key, different tokens: %q, %q", byFlag, again)
		}
		if first, second := tokenWith(), tokenWith(); first == second {
			t.Errorf("two ephemeral keys gave the same token")
		}
	})
	t.Run("missing key file", func(t *testing.T) {
		r := veil(t, "x\n", map[string]string{"VEIL_KEY_FILE": filepath.Join(dir, "nope.key")}, "redact")
		if r.code != 1 || !strings.Contains(r.stderr, "nope.key") || r.stdout != "" {
			t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
		}
	})
}

func TestRedactFiles(t *testing.T) {
	dir := t.TempDir()
	key := keyFile(t, dir)
	plain := veil(t, events, nil, "redact", "--key-file", key).stdout

	in := filepath.Join(dir, "events.jsonl.gz")
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	io.WriteString(zw, events)
	zw.Close()
	if err := os.WriteFile(in, gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "clean.jsonl.zst")
	r := veil(t, "", nil, "redact", "--in", in, "--out", out, "--key-file", key, "--workers", "3")
	if r.code != 0 || r.stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr:\n%s", r.code, r.stdout, r.stderr)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := zstd.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	got, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != plain {
		t.Errorf("file output:\n%s\nwant, as from stdin:\n%s", got, plain)
	}
}

func TestRedactOnError(t *testing.T) {
	dir := t.TempDir()
	const input = "ok li@example.com\n{\"secret\":\"do-not-print\",\n\xff\n"
	t.Run("marker", func(t *testing.T) {
		r := veil(t, input, nil, "redact")
		want := `{"veil_error":"malformed_json"}` + "\n[veil_error:invalid_utf8]\n"
		if r.code != 0 || !strings.HasSuffix(r.stdout, want) {
			t.Errorf("exit %d, stdout %q", r.code, r.stdout)
		}
		if !strings.Contains(r.stderr, "  errors: invalid_utf8 1, malformed_json 1\n") {
			t.Errorf("stderr:\n%s", r.stderr)
		}
	})
	t.Run("fail", func(t *testing.T) {
		out := filepath.Join(dir, "out.jsonl")
		r := veil(t, input, nil, "redact", "--on-error", "fail", "--out", out)
		if r.code != 1 || !strings.Contains(r.stderr, "veil redact: line 2: transforms: malformed_json at byte ") {
			t.Errorf("exit %d, stderr:\n%s", r.code, r.stderr)
		}
		if strings.Contains(r.stderr, "do-not-print") {
			t.Errorf("stderr shows the line: %s", r.stderr)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("output file left after a failure: %v", err)
		}
	})
	t.Run("fail from config", func(t *testing.T) {
		cfg := filepath.Join(dir, "veil.yaml")
		if err := os.WriteFile(cfg, []byte("records: {on_error: fail}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if r := veil(t, input, nil, "redact", "-c", cfg); r.code != 1 {
			t.Errorf("exit %d, want 1", r.code)
		}
		if r := veil(t, input, nil, "redact", "-c", cfg, "--on-error", "marker"); r.code != 0 {
			t.Errorf("--on-error marker over the config: exit %d, want 0", r.code)
		}
	})
}

func TestRedactBadConfig(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "veil.yaml")
	if err := os.WriteFile(cfg, []byte("transforms:\n  kinds:\n    phone: maks\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := veil(t, "x\n", nil, "redact", "-c", cfg)
	want := `transforms.kinds.phone: unknown action "maks" (want tokenize, mask, label, generalize, drop)`
	if r.code != 1 || !strings.Contains(r.stderr, want) || r.stdout != "" {
		t.Errorf("exit %d, stdout %q, stderr:\n%s", r.code, r.stdout, r.stderr)
	}
}

func TestProgressBar(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "events.jsonl")
	if err := os.WriteFile(in, []byte(strings.Repeat(events, 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name     string
		terminal bool
		args     []string
		bar      bool
	}{
		{"terminal and file", true, []string{"--in", in}, true},
		{"no terminal", false, []string{"--in", in}, false},
		{"stdin has no size", true, nil, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			e := &env{
				stdin: strings.NewReader(events), stdout: &stdout, stderr: &stderr,
				getenv:     func(string) string { return "" },
				isTerminal: func(io.Writer) bool { return tt.terminal },
			}
			if code := run(context.Background(), append([]string{"redact"}, tt.args...), e); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			drew := strings.Contains(stderr.String(), "100%")
			if drew != tt.bar {
				t.Errorf("bar drawn: %v, want %v; stderr %q", drew, tt.bar, stderr.String())
			}
			if tt.bar && !strings.Contains(stderr.String(), "\r\033[K") {
				t.Errorf("bar not cleared: %q", stderr.String())
			}
		})
	}
}

func TestConfigCommand(t *testing.T) {
	r := veil(t, "", nil, "config", "example")
	if r.code != 0 || !strings.Contains(r.stdout, "max_in_flight_bytes: 64MiB") {
		t.Errorf("config example: exit %d, stdout:\n%s", r.code, r.stdout)
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "veil.yaml")
	if err := os.WriteFile(good, []byte(r.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := veil(t, "", nil, "config", "check", "-c", good); r.code != 0 || r.stdout != good+": ok\n" {
		t.Errorf("config check: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("detectors: {phone_regions: [US, XX]}\nkafka: {inputs: [{topic: a, kind: log}]}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = veil(t, "", nil, "config", "check", "-c", bad)
	for _, want := range []string{`detectors.phone_regions[1]: unknown region "XX"`, "kafka.inputs[0].output: must not be empty"} {
		if r.code != 1 || !strings.Contains(r.stderr, want) {
			t.Errorf("config check bad: exit %d, stderr:\n%s\nwant %q", r.code, r.stderr, want)
		}
	}
}

// TestRedactKind applies the usage and prompt policies to lines.
func TestRedactKind(t *testing.T) {
	usage := `{"user":{"uid":"u_1","name":"Li Wei","age":30},"location":{"lat":31.230416},"device":{"model":"X1"}}
{"user":{"uid":"kid","age":9}}
{"user":{"uid":"u_2"},"consent":{"training":false}}
plain text line
`
	dir := t.TempDir()
	cfg := filepath.Join(dir, "veil.yaml")
	if err := os.WriteFile(cfg, []byte("fields:\n  usage:\n    device.model: drop\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := veil(t, usage, nil, "redact", "--kind", "usage", "-c", cfg)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	got := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if len(got) != 4 || !token.MatchString(got[0]) || strings.Contains(got[0], "u_1") || strings.Contains(got[0], "Li Wei") ||
		!strings.Contains(got[0], `"lat":31.23}`) || strings.Contains(got[0], "device\":{\"model") ||
		got[1] != `{"veil_dropped":"minor"}` || got[2] != `{"veil_dropped":"consent_refused"}` || got[3] != "plain text line" {
		t.Fatalf("stdout:\n%s", r.stdout)
	}
	if !strings.Contains(r.stderr, "dropped by policy: consent_refused 1, minor 1") {
		t.Errorf("stderr:\n%s", r.stderr)
	}

	prompts := `{"text":"Ruf mich an: 030 1234567, danke schön"}
{"text":"Call me at 030 1234567 please, thank you"}
{"text":"Oder unter +49 30 1234567 erreichbar, danke"}
`
	r = veil(t, prompts, nil, "redact", "--kind", "prompt")
	got = strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	// A German national number in a German text; in an English one, no
	// American or British number, the same digits are the German number
	// that the phone word before them names (the language of a short text
	// may be read wrong).
	if r.code != 0 || len(got) != 3 || !strings.HasSuffix(got[0], `,"lang":"de"}`) || strings.Contains(got[0], "1234567") ||
		!strings.HasSuffix(got[1], `,"lang":"en"}`) || strings.Contains(got[1], "1234567") {
		t.Fatalf("exit %d, stdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	// The national forms and the international form are one number, with
	// one token.
	if toks := token.FindAllString(got[0]+got[1]+got[2], -1); len(toks) != 3 || toks[0] != toks[1] || toks[0] != toks[2] {
		t.Fatalf("tokens %q of one number differ:\n%s", toks, r.stdout)
	}

	if r := veil(t, "x\n", nil, "redact", "--kind", "audio"); r.code != 2 || !strings.Contains(r.stderr, `--kind "audio": want usage, log, prompt`) {
		t.Fatalf("bad kind: exit %d, %s", r.code, r.stderr)
	}
}

// TestRedactCustomDetectors: a custom kind is tokenized under its name, a
// catastrophic pattern fails its line closed with a marker, and a pattern
// that does not compile is a config error naming the detector and byte.
func TestRedactCustomDetectors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, yaml string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(yaml), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.yaml", `detectors:
  custom:
    - name: EMPLOYEE_ID
      pattern: '(?<=\bemp[-#: ]?)\d{6}\b'
      context: [employee, staff]
    - name: REDOS
      pattern: '(a+)+$'
      timeout: 20ms
      transform: label
`)
	in := "staff record emp#123456\n" + strings.Repeat("a", 40) + "!\n{\"note\":\"" + strings.Repeat("a", 40) + "!\"}\naaa\n"
	r := veil(t, in, nil, "redact", "-c", good)
	got := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if r.code != 0 || len(got) != 4 || !strings.HasPrefix(got[0], "staff record emp#<EMPLOYEE_ID:") || strings.Contains(got[0], "123456") ||
		got[1] != "[veil_error:detector_timeout]" || got[2] != `{"veil_error":"detector_timeout"}` || got[3] != "[REDOS]" {
		t.Fatalf("exit %d, stdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stderr, "errors: detector_timeout 2") || !strings.Contains(r.stderr, "EMPLOYEE_ID 1") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
	bad := write("bad.yaml", "detectors:\n  custom:\n    - {name: EMP, pattern: 'emp(\\d{6}'}\n")
	r = veil(t, "x\n", nil, "redact", "-c", bad)
	if r.code != 1 || !strings.Contains(r.stderr, "detectors.custom[0].pattern:") || !strings.Contains(r.stderr, "at byte 9") {
		t.Fatalf("bad pattern: exit %d, %s", r.code, r.stderr)
	}
}
