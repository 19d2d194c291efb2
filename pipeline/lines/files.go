package lines

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// Compression is a file's compression, chosen by its name's extension.
type Compression uint8

// The compressions.
const (
	None Compression = iota
	Gzip             // .gz
	Zstd             // .zst
)

// CompressionOf returns the compression a file name's extension names:
// ".gz" gzip, ".zst" zstd, anything else none.
func CompressionOf(path string) Compression {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".gz":
		return Gzip
	case ".zst":
		return Zstd
	}
	return None
}

// isStdio reports whether path means standard input or output.
func isStdio(path string) bool { return path == "" || path == "-" }

// Input is an opened input: a file, decompressed by its extension, or
// standard input.
type Input struct {
	r      io.Reader // what Read reads: the file or its decompressor
	file   *os.File  // nil for standard input
	gz     *gzip.Reader
	zd     *zstd.Decoder
	size   int64
	counts countingReader
}

// countingReader counts the bytes read from the source, before
// decompression, for Progress.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// OpenInput opens path for reading, or returns stdin when path is "" or
// "-". A ".gz" or ".zst" file is decompressed as it is read.
func OpenInput(path string, stdin io.Reader) (*Input, error) {
	in := &Input{size: -1}
	if isStdio(path) {
		in.counts.r = stdin
		in.r = &in.counts
		return in, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("lines: %w", err)
	}
	in.file = f
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		in.size = fi.Size()
	}
	in.counts.r = f
	in.r = &in.counts
	switch CompressionOf(path) {
	case Gzip:
		in.gz, err = gzip.NewReader(bufio.NewReaderSize(&in.counts, readBufferSize))
		in.r = in.gz
	case Zstd:
		in.zd, err = zstd.NewReader(&in.counts)
		in.r = in.zd
	}
	if err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("lines: %s: %w", path, err)
	}
	return in, nil
}

// Read reads decompressed bytes.
func (in *Input) Read(p []byte) (int, error) { return in.r.Read(p) }

// Progress returns how many bytes of the file have been read and its size;
// the size is -1 when unknown (standard input, a pipe). It may be called
// while another goroutine reads.
func (in *Input) Progress() (read, total int64) { return in.counts.n.Load(), in.size }

// Close releases the decompressor and closes the file; standard input is
// left open.
func (in *Input) Close() error {
	if in.zd != nil {
		in.zd.Close()
	}
	var err error
	if in.gz != nil {
		err = in.gz.Close()
	}
	if in.file != nil {
		err = errors.Join(err, in.file.Close())
	}
	return err
}

// Output is an output being written: standard output, or a file written
// under a temporary name in the same directory, compressed by its
// extension, and renamed into place by Commit, so that the file at path is
// never a partial result.
type Output struct {
	path string
	file *os.File // the temporary file; nil for standard output
	bw   *bufio.Writer
	enc  io.WriteCloser // the compressor, or nil
	w    io.Writer      // what Write writes to
	done bool
}

// writeBufferSize is the size of the buffer in front of the file.
const writeBufferSize = 256 << 10

// CreateOutput starts writing path, or stdout when path is "" or "-".
// Call Commit when the output is complete, or Abort to discard it.
func CreateOutput(path string, stdout io.Writer) (*Output, error) {
	out := &Output{path: path}
	if isStdio(path) {
		out.bw = bufio.NewWriterSize(stdout, writeBufferSize)
		out.w = out.bw
		return out, nil
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return nil, fmt.Errorf("lines: %w", err)
	}
	out.file = f
	out.bw = bufio.NewWriterSize(f, writeBufferSize)
	out.w = out.bw
	switch CompressionOf(path) {
	case Gzip:
		out.enc = gzip.NewWriter(out.bw)
	case Zstd:
		out.enc, err = zstd.NewWriter(out.bw)
	}
	if err != nil {
		out.Abort()
		return nil, fmt.Errorf("lines: %s: %w", path, err)
	}
	if out.enc != nil {
		out.w = out.enc
	}
	return out, nil
}

// Write writes p, compressed if the output is.
func (o *Output) Write(p []byte) (int, error) { return o.w.Write(p) }

// Commit completes the output: it flushes the compressor and the buffer,
// and for a file syncs it, makes it readable (mode 0644) and renames it to
// its path. On error the temporary file is removed.
func (o *Output) Commit() (err error) {
	if o.done {
		return errors.New("lines: output already committed or aborted")
	}
	o.done = true
	if o.file == nil {
		if err := o.bw.Flush(); err != nil {
			return fmt.Errorf("lines: write: %w", err)
		}
		return nil
	}
	defer func() {
		if err != nil {
			_ = o.file.Close()
			_ = os.Remove(o.file.Name())
			err = fmt.Errorf("lines: %s: %w", o.path, err)
		}
	}()
	if o.enc != nil {
		if err := o.enc.Close(); err != nil {
			return err
		}
	}
	if err := o.bw.Flush(); err != nil {
		return err
	}
	if err := o.file.Chmod(0o644); err != nil {
		return err
	}
	if err := o.file.Sync(); err != nil {
		return err
	}
	if err := o.file.Close(); err != nil {
		return err
	}
	return os.Rename(o.file.Name(), o.path)
}

// Abort discards a file output: the temporary file is removed and the file
// at path, if any, is left as it was. Standard output cannot be taken back:
// Abort flushes what was written, which is de-identified lines before the
// point where processing stopped. Abort after Commit does nothing.
func (o *Output) Abort() {
	if o.done {
		return
	}
	o.done = true
	if o.file == nil {
		_ = o.bw.Flush()
		return
	}
	_ = o.file.Close()
	_ = os.Remove(o.file.Name())
}
