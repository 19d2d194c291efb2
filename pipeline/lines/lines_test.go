package lines

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/iotest"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/transforms"
)

// newEngine returns an engine with the default options, built once: it is
// immutable and shared.
func newEngine(t testing.TB) *transforms.Engine {
	t.Helper()
	e, err := sharedEngine()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

var sharedEngine = sync.OnceValues(func() (*transforms.Engine, error) {
	set, err := detectors.New(detectors.Options{})
	if err != nil {
		return nil, err
	}
	ring, err := transforms.EphemeralKeyRing()
	if err != nil {
		return nil, err
	}
	return transforms.NewEngine(set, ring, transforms.Options{})
})

// sample returns n lines, JSON and text, many with personal data.
func sample(n int) []byte {
	var b bytes.Buffer
	for i := range n {
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, `{"event":"open","n":%d,"email":"user%d@example.com","ip":"203.0.113.%d"}`+"\n", i, i, i%250)
		case 1:
			fmt.Fprintf(&b, "%d login from 198.51.100.%d by li.lei%d@example.org\n", i, i%250, i)
		case 2:
			fmt.Fprintf(&b, `{"prompt":"call me at +86 138 0013 %04d please","i":%d}`+"\n", i%10000, i)
		default:
			fmt.Fprintf(&b, "line %d has nothing to hide\n", i)
		}
	}
	return b.Bytes()
}

// reference redacts in one goroutine, line by line, without Process.
func reference(t *testing.T, e *transforms.Engine, in []byte, f transforms.Format) []byte {
	t.Helper()
	w := e.NewWorker()
	var out []byte
	for line := range bytes.Lines(in) {
		var err error
		out, err = w.Redact(out, line, f)
		if err != nil {
			t.Fatalf("reference: %v", err)
		}
		if bytes.HasSuffix(line, []byte("\n")) {
			out = append(out, '\n')
		}
	}
	return out
}

func TestProcessKeepsOrder(t *testing.T) {
	e := newEngine(t)
	in := sample(2000)
	want := reference(t, e, in, transforms.FormatAuto)
	for _, workers := range []int{1, 3, 8} {
		t.Run(fmt.Sprint(workers, " workers"), func(t *testing.T) {
			var out bytes.Buffer
			st, err := Process(context.Background(), e, bytes.NewReader(in), &out, Options{Workers: workers, ChunkBytes: 512})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out.Bytes(), want) {
				t.Fatalf("output differs from the line-by-line reference")
			}
			if st.Lines != 2000 || st.Bytes != int64(len(in)) || st.OutBytes != int64(len(want)) {
				t.Errorf("stats = %d lines, %d bytes in, %d out; want 2000, %d, %d", st.Lines, st.Bytes, st.OutBytes, len(in), len(want))
			}
			if st.Findings[detectors.Email] != 1000 {
				t.Errorf("EMAIL findings = %d, want 1000", st.Findings[detectors.Email])
			}
			if st.Findings[detectors.IPv4] != 1000 {
				t.Errorf("IPV4 findings = %d, want 1000", st.Findings[detectors.IPv4])
			}
			if st.ErrorCount() != 0 {
				t.Errorf("errors = %v", st.Errors)
			}
		})
	}
}

func TestProcessLines(t *testing.T) {
	e := newEngine(t)
	tests := []struct {
		name   string
		format transforms.Format
		in     string
		want   string
		errors map[transforms.Reason]int64
	}{
		{"empty input", transforms.FormatAuto, "", "", nil},
		{"no final newline", transforms.FormatAuto, "a\nb", "a\nb", nil},
		{"empty lines", transforms.FormatAuto, "\n\n\n", "\n\n\n", nil},
		{"crlf kept", transforms.FormatAuto, "a\r\nb\r\n", "a\r\nb\r\n", nil},
		{"invalid UTF-8 text", transforms.FormatAuto, "ok\nbad \xff byte\nok\n", "ok\n[veil_error:invalid_utf8]\nok\n",
			map[transforms.Reason]int64{transforms.ReasonInvalidUTF8: 1}},
		{"invalid UTF-8 JSON", transforms.FormatAuto, "{\"a\":\"\xff\"}\n", `{"veil_error":"invalid_utf8"}` + "\n",
			map[transforms.Reason]int64{transforms.ReasonInvalidUTF8: 1}},
		{"malformed JSON", transforms.FormatAuto, "{\"email\":\"li@example.com\"\n  {\"a\":1,}\r\n", `{"veil_error":"malformed_json"}` + "\n" + `{"veil_error":"malformed_json"}` + "\r\n",
			map[transforms.Reason]int64{transforms.ReasonMalformedJSON: 2}},
		{"text under json format", transforms.FormatJSON, "li@example.com\n", `{"veil_error":"malformed_json"}` + "\n",
			map[transforms.Reason]int64{transforms.ReasonMalformedJSON: 1}},
		{"json under text format", transforms.FormatText, "{\"a\":\"\xff\"}\n", "[veil_error:invalid_utf8]\n",
			map[transforms.Reason]int64{transforms.ReasonInvalidUTF8: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			st, err := Process(context.Background(), e, strings.NewReader(tt.in), &out, Options{Format: tt.format, Workers: 2})
			if err != nil {
				t.Fatal(err)
			}
			if out.String() != tt.want {
				t.Errorf("output %q, want %q", out.String(), tt.want)
			}
			if fmt.Sprint(st.Errors) != fmt.Sprint(tt.errors) {
				t.Errorf("errors %v, want %v", st.Errors, tt.errors)
			}
			if st.Lines != int64(strings.Count(tt.in, "\n")+btoi(tt.in != "" && !strings.HasSuffix(tt.in, "\n"))) {
				t.Errorf("lines = %d", st.Lines)
			}
		})
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// hugeLine returns a reader of one line of n bytes that starts with
// prefix, then a newline, without holding the line in memory.
func hugeLine(prefix string, n int) io.Reader {
	return io.MultiReader(
		strings.NewReader(prefix),
		io.LimitReader(xs{}, int64(n-len(prefix))),
		strings.NewReader("\n"),
	)
}

// xs reads as an endless run of 'x'.
type xs struct{}

var xBlock = bytes.Repeat([]byte{'x'}, 32<<10)

func (xs) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		n += copy(p[n:], xBlock)
	}
	return n, nil
}

func TestHugeLine(t *testing.T) {
	e := newEngine(t)
	const huge = 64 << 20
	in := io.MultiReader(
		strings.NewReader("first li@example.com\n"),
		hugeLine(`  {"a":"`, huge),
		hugeLine("text", huge),
		strings.NewReader("{\"n\":1}\nexactly 1000: "+strings.Repeat("y", 1000-len("exactly 1000: "))+"\r\nlast"),
	)
	var out bytes.Buffer
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	st, err := Process(context.Background(), e, in, &out, Options{Workers: 2, MaxLineBytes: 1000})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(out.String(), "\n")
	want := []string{"", `{"veil_error":"too_large"}`, "[veil_error:too_large]", `{"n":1}`, "exactly 1000: " + strings.Repeat("y", 986) + "\r", "last"}
	if len(lines) != len(want) {
		t.Fatalf("%d output lines, want %d", len(lines), len(want))
	}
	for i := 1; i < len(want); i++ {
		if lines[i] != want[i] {
			t.Errorf("line %d = %.60q, want %.60q", i+1, lines[i], want[i])
		}
	}
	if strings.Contains(lines[0], "li@example.com") {
		t.Errorf("line 1 not redacted: %q", lines[0])
	}
	if st.Errors[transforms.ReasonTooLarge] != 2 || st.Lines != 6 {
		t.Errorf("stats: %d lines, errors %v", st.Lines, st.Errors)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 16<<20 {
		t.Errorf("allocated %d MiB for two %d MiB lines: they were buffered", grew>>20, huge>>20)
	}
}

func TestFailPolicy(t *testing.T) {
	e := newEngine(t)
	in := sample(3000)
	bad := []byte("{\"email\":\"secret.person@example.com\",\n")
	var input []byte
	input = append(input, in...)
	input = append(input, bad...)
	input = append(input, in...)
	input = append(input, "\xff\n"...)
	var out bytes.Buffer
	_, err := Process(context.Background(), e, bytes.NewReader(input), &out, Options{Workers: 4, ChunkBytes: 2 << 10, OnError: Fail})
	var le *LineError
	if !errors.As(err, &le) {
		t.Fatalf("error = %v, want a *LineError", err)
	}
	if le.Line != 3001 || le.Err.Reason != transforms.ReasonMalformedJSON {
		t.Errorf("error at line %d, reason %v; want 3001, malformed_json", le.Line, le.Err.Reason)
	}
	if strings.Contains(err.Error(), "secret.person") {
		t.Errorf("error shows the line: %v", err)
	}
	if !strings.HasPrefix(err.Error(), "line 3001: ") {
		t.Errorf("error = %q", err)
	}
	if want := reference(t, e, in, transforms.FormatAuto); !bytes.Equal(out.Bytes(), want) {
		t.Errorf("output holds %d bytes, want the %d of the lines before the error", out.Len(), len(want))
	}
}

type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.n += len(p); w.n > 10000 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestReadAndWriteErrors(t *testing.T) {
	e := newEngine(t)
	in := sample(2000)

	r := io.MultiReader(bytes.NewReader(in[:20000]), iotest.ErrReader(errors.New("bad sector")))
	_, err := Process(context.Background(), e, r, io.Discard, Options{Workers: 2, ChunkBytes: 4096})
	if err == nil || err.Error() != "lines: read: bad sector" {
		t.Errorf("read error: %v", err)
	}

	_, err = Process(context.Background(), e, bytes.NewReader(in), &failingWriter{}, Options{Workers: 2, ChunkBytes: 4096})
	if err == nil || err.Error() != "lines: write: disk full" {
		t.Errorf("write error: %v", err)
	}
}

// blockingReader returns data once, then blocks until closed.
type blockingReader struct {
	data   []byte
	closed chan struct{}
}

func (r *blockingReader) Read(p []byte) (int, error) {
	if len(r.data) > 0 {
		n := copy(p, r.data)
		r.data = r.data[n:]
		return n, nil
	}
	<-r.closed
	return 0, io.ErrClosedPipe
}

func TestCancel(t *testing.T) {
	e := newEngine(t)
	r := &blockingReader{data: sample(100), closed: make(chan struct{})}
	defer close(r.closed)
	ctx, cancel := context.WithCancel(context.Background())
	var out bytes.Buffer
	progress := func(read, total int64) {
		if read > 0 {
			cancel() // the first chunk is through: stop while the reader blocks
		}
	}
	_, err := Process(ctx, e, r, &out, Options{Workers: 2, ChunkBytes: 1 << 10, Progress: progress})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error = %v, want context.Canceled", err)
	}
}

func TestProgress(t *testing.T) {
	e := newEngine(t)
	in := sample(4000)
	var calls []int64
	_, err := Process(context.Background(), e, bytes.NewReader(in), io.Discard, Options{
		ChunkBytes: 8 << 10,
		Progress: func(read, total int64) {
			if total != -1 {
				t.Errorf("total = %d, want -1 for a plain reader", total)
			}
			calls = append(calls, read)
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) < 2 || calls[len(calls)-1] != int64(len(in)) {
		t.Fatalf("progress calls %v, want several ending at %d", calls, len(in))
	}
	for i := 1; i < len(calls); i++ {
		if calls[i] < calls[i-1] {
			t.Fatalf("progress went back: %v", calls)
		}
	}
}

func TestParseOnError(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want OnError
		err  bool
	}{{"marker", Marker, false}, {"fail", Fail, false}, {"skip", Marker, true}, {"", Marker, true}} {
		got, err := ParseOnError(tt.in)
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("ParseOnError(%q) = %v, %v", tt.in, got, err)
		}
	}
}

// writeFile writes data to dir/name, compressed by its extension.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	var buf bytes.Buffer
	switch CompressionOf(name) {
	case Gzip:
		zw := gzip.NewWriter(&buf)
		zw.Write(data)
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
	case Zstd:
		zw, err := zstd.NewWriter(&buf)
		if err != nil {
			t.Fatal(err)
		}
		zw.Write(data)
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
	default:
		buf.Write(data)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// readFile reads and decompresses a file through OpenInput.
func readFile(t *testing.T, path string) []byte {
	t.Helper()
	in, err := OpenInput(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	data, err := io.ReadAll(in)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestFiles(t *testing.T) {
	e := newEngine(t)
	data := sample(3000)
	want := reference(t, e, data, transforms.FormatAuto)
	for _, tt := range []struct{ in, out string }{
		{"in.jsonl", "out.jsonl"},
		{"in.jsonl.gz", "out.jsonl.zst"},
		{"in.jsonl.zst", "out.jsonl.gz"},
		{"in.log.GZ", "out.log"},
	} {
		t.Run(tt.in+" to "+tt.out, func(t *testing.T) {
			dir := t.TempDir()
			inPath := writeFile(t, dir, tt.in, data)
			outPath := filepath.Join(dir, tt.out)
			in, err := OpenInput(inPath, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer in.Close()
			out, err := CreateOutput(outPath, nil)
			if err != nil {
				t.Fatal(err)
			}
			var last, size int64
			_, err = Process(context.Background(), e, in, out, Options{Workers: 3, ChunkBytes: 16 << 10, Progress: func(read, total int64) {
				last, size = read, total
			}})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(outPath); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("output exists before Commit: %v", err)
			}
			if err := out.Commit(); err != nil {
				t.Fatal(err)
			}
			fi, err := os.Stat(inPath)
			if err != nil {
				t.Fatal(err)
			}
			if size != fi.Size() || last != fi.Size() {
				t.Errorf("progress ended at %d of %d, want %d of %d", last, size, fi.Size(), fi.Size())
			}
			if got := readFile(t, outPath); !bytes.Equal(got, want) {
				t.Errorf("output differs from the reference (%d bytes, want %d)", len(got), len(want))
			}
			if CompressionOf(tt.out) != None {
				raw, _ := os.ReadFile(outPath)
				if bytes.Equal(raw, want) {
					t.Error("output is not compressed")
				}
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 2 {
				t.Errorf("directory holds %d entries, want input and output only", len(entries))
			}
		})
	}
}

func TestOutputAbortKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "out.jsonl", []byte("old\n"))
	out, err := CreateOutput(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := out.Write([]byte("new, partial")); err != nil {
		t.Fatal(err)
	}
	out.Abort()
	if got := readFile(t, path); string(got) != "old\n" {
		t.Errorf("file = %q after Abort", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary file left behind: %d entries", len(entries))
	}
	if err := out.Commit(); err == nil {
		t.Error("Commit after Abort succeeded")
	}
}

func TestStdio(t *testing.T) {
	e := newEngine(t)
	data := sample(50)
	in, err := OpenInput("-", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var stdout bytes.Buffer
	out, err := CreateOutput("", &stdout)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Process(context.Background(), e, in, out, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := out.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := in.Close(); err != nil {
		t.Fatal(err)
	}
	if want := reference(t, e, data, transforms.FormatAuto); !bytes.Equal(stdout.Bytes(), want) {
		t.Errorf("stdout differs from the reference")
	}
	if read, total := in.Progress(); read != int64(len(data)) || total != -1 {
		t.Errorf("Progress() = %d, %d", read, total)
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := OpenInput(filepath.Join(dir, "missing.jsonl"), nil); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("OpenInput(missing) = %v", err)
	}
	notGzip := writeFile(t, dir, "fake.gz", nil)
	if err := os.WriteFile(notGzip, []byte("plain text\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenInput(notGzip, nil); err == nil {
		t.Error("OpenInput(a .gz that is not gzip) succeeded")
	}
	if _, err := CreateOutput(filepath.Join(dir, "no", "such", "dir.jsonl"), nil); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("CreateOutput(missing dir) = %v", err)
	}
}

func BenchmarkProcess(b *testing.B) {
	e := newEngine(b)
	in := sample(20000)
	for _, workers := range []int{1, runtime.GOMAXPROCS(0)} {
		b.Run(fmt.Sprint("workers=", workers), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				if _, err := Process(context.Background(), e, bytes.NewReader(in), io.Discard, Options{Workers: workers}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// FuzzProcess checks, for any input, that there is one output line per
// input line and that the output does not depend on the number of workers
// or the chunk size.
func FuzzProcess(f *testing.F) {
	f.Add([]byte("a\nb"), uint8(0))
	f.Add([]byte("{\"email\":\"li@example.com\"}\r\n\xff\n\n{\"a\":"), uint8(1))
	f.Add(sample(20), uint8(2))
	f.Add([]byte(strings.Repeat("x", 300)+"\n"+strings.Repeat("{", 200)+"\n"), uint8(0))
	f.Fuzz(func(t *testing.T, in []byte, format uint8) {
		e := newEngine(t)
		o := Options{Format: transforms.Format(format % 3), MaxLineBytes: 256}
		var one, many bytes.Buffer
		o.Workers, o.ChunkBytes = 1, 1<<20
		st, err := Process(context.Background(), e, bytes.NewReader(in), &one, o)
		if err != nil {
			t.Fatal(err)
		}
		o.Workers, o.ChunkBytes = 3, 7
		if _, err := Process(context.Background(), e, iotest.OneByteReader(bytes.NewReader(in)), &many, o); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(one.Bytes(), many.Bytes()) {
			t.Fatalf("1 worker:\n%q\n3 workers, tiny chunks:\n%q", one.Bytes(), many.Bytes())
		}
		want := bytes.Count(in, []byte("\n"))
		if len(in) > 0 && in[len(in)-1] != '\n' {
			want++
		}
		got := bytes.Count(one.Bytes(), []byte("\n"))
		if one.Len() > 0 && one.Bytes()[one.Len()-1] != '\n' {
			got++
		}
		if int64(want) != st.Lines || got != want {
			t.Fatalf("%d input lines, %d counted, %d output lines", want, st.Lines, got)
		}
	})
}
