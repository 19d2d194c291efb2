// Package lines de-identifies files and streams line by line: JSON Lines or
// text, plain or compressed, with several workers and the output in input
// order. It is the batch path behind `veil redact`.
//
// Process reads the input in chunks of many lines, hands the chunks to
// workers through bounded channels, and writes the results in sequence: a
// fixed number of chunks exists at any time, so memory stays bounded
// whatever the input's size, and a line longer than the limit is skipped as
// it streams past rather than buffered. Every input line gives exactly one
// output line: its de-identified form, or a marker when it cannot be
// de-identified. The raw line is never written in its place.
package lines

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"sync"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/transforms"
)

// Defaults for Options.
const (
	DefaultMaxLineBytes = 1 << 20
	DefaultChunkBytes   = 256 << 10
)

// readBufferSize is the size of the bufio.Reader lines are read through.
// Longer lines are read in fragments of this size.
const readBufferSize = 64 << 10

// maxChunkLines bounds the lines in one chunk, so that a run of empty lines
// does not make a chunk's line table grow without limit.
const maxChunkLines = 1 << 14

// OnError is the policy for a line that cannot be de-identified.
type OnError uint8

const (
	// Marker writes a marker naming the reason in the line's place and
	// counts it: {"veil_error":"malformed_json"} for a line that looks like
	// JSON, [veil_error:invalid_utf8] for text.
	Marker OnError = iota
	// Fail stops at the line with a *LineError naming its number and reason;
	// the output then holds every line before it.
	Fail
)

// ParseOnError parses "marker" or "fail".
func ParseOnError(s string) (OnError, error) {
	switch s {
	case "marker":
		return Marker, nil
	case "fail":
		return Fail, nil
	}
	return Marker, fmt.Errorf("lines: unknown error policy %q (want marker, fail)", s)
}

// Options configure Process. The zero value reads auto-detected JSON or
// text with GOMAXPROCS workers and writes markers for bad lines.
type Options struct {
	// Format is how each line is read: FormatAuto (a JSON object is walked
	// by field, anything else is text), FormatJSON or FormatText.
	Format transforms.Format
	// Workers is the number of goroutines de-identifying; 0 means GOMAXPROCS.
	Workers int
	// OnError is the policy for lines that cannot be de-identified.
	OnError OnError
	// MaxLineBytes is the longest line processed, without its line ending;
	// 0 means DefaultMaxLineBytes. A longer line is never held in memory
	// whole: it is skipped and handled as a too_large error. Set it to the
	// engine's MaxRecordBytes.
	MaxLineBytes int
	// ChunkBytes is about how much input a worker takes at a time; 0 means
	// DefaultChunkBytes.
	ChunkBytes int
	// Profile is the policy of the kind of event the lines are: field rules
	// and language detection; nil means none.
	Profile *transforms.Profile
	// Gate, if set, decides from what redacting a line found whether it is
	// kept: a line it drops gives a marker naming the reason,
	// {"veil_dropped":"minor"} or [veil_dropped:minor], and is counted.
	Gate func(transforms.Facts) string
	// Progress, if set, is called on Process's goroutine after each chunk is
	// written, with how much of the input has been read and its total size.
	// When the reader has a Progress() (read, total int64) method, as *Input
	// does, these are its numbers (the compressed file's, for a compressed
	// input); otherwise read counts input bytes and total is -1.
	Progress func(read, total int64)
}

// Stats count what Process did.
type Stats struct {
	// Lines and Bytes count the input written out, line endings included.
	Lines int64
	Bytes int64
	// OutBytes counts the output written.
	OutBytes int64
	// Findings counts findings by kind.
	Findings [detectors.MaxKinds]uint64
	// Errors counts the lines replaced by a marker, by reason.
	Errors map[transforms.Reason]int64
	// Dropped counts the lines the gate dropped, by reason.
	Dropped map[string]int64
}

// ErrorCount returns the number of lines replaced by a marker.
func (s *Stats) ErrorCount() int64 {
	var n int64
	for _, v := range s.Errors {
		n += v
	}
	return n
}

// LineError is the error Process returns under the Fail policy: the line's
// number (from 1) and why it could not be de-identified, never its content.
type LineError struct {
	Line int64
	Err  *transforms.RecordError
}

// Error returns "line 17: " and the record error.
func (e *LineError) Error() string {
	return "line " + strconv.FormatInt(e.Line, 10) + ": " + e.Err.Error()
}

// Unwrap returns the record error.
func (e *LineError) Unwrap() error { return e.Err }

// line flags.
const (
	tooLarge = 1 << iota // skipped: longer than MaxLineBytes
	jsonish              // a too-large line whose first non-space byte is '{'
	newline              // ended with "\n"
	crlf                 // ended with "\r\n"
)

type lineInfo struct {
	end   int // end of the line's content in chunk.data
	flags uint8
}

// chunk is a run of consecutive lines and, once a worker is done, their
// output. A fixed number of chunks circulate: reader, workers, writer, back.
type chunk struct {
	seq     uint64
	first   int64 // number of the first line, from 1
	inBytes int64
	data    []byte
	lines   []lineInfo
	out     []byte
	err     error // the first bad line under Fail, or an unexpected error
}

type processor struct {
	engine   *transforms.Engine
	o        Options
	free     chan *chunk
	work     chan *chunk
	done     chan *chunk
	poolSize int
}

// Process de-identifies the lines of r into w with e, in order, and returns
// what it counted. It stops at the first read or write error, when ctx is
// done, or under the Fail policy at the first bad line; lines before the
// stopping point have been written. If it stops early while the reader is
// blocked in Read, that Read is left to return by itself (closing r makes it
// return); Process does not wait for it.
func Process(ctx context.Context, e *transforms.Engine, r io.Reader, w io.Writer, o Options) (Stats, error) {
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.MaxLineBytes <= 0 {
		o.MaxLineBytes = DefaultMaxLineBytes
	}
	if o.ChunkBytes <= 0 {
		o.ChunkBytes = DefaultChunkBytes
	}
	p := &processor{engine: e, o: o, poolSize: 2*o.Workers + 2}
	p.free = make(chan *chunk, p.poolSize)
	p.work = make(chan *chunk, p.poolSize)
	p.done = make(chan *chunk, p.poolSize)
	for range p.poolSize {
		p.free <- new(chunk)
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	readErr := make(chan error, 1)
	go func() { readErr <- p.read(ctx, r) }()

	var wg sync.WaitGroup
	results := make([]workerResult, o.Workers)
	for i := range results {
		wg.Go(func() { results[i] = p.runWorker(ctx) })
	}
	go func() {
		wg.Wait()
		close(p.done)
	}()

	st, err := p.write(ctx, r, w)
	if err != nil {
		cancel()
	}
	wg.Wait()
	for i := range results {
		res := &results[i]
		for k, n := range res.findings {
			st.Findings[k] += n
		}
		for reason, n := range res.errors {
			if st.Errors == nil {
				st.Errors = make(map[transforms.Reason]int64)
			}
			st.Errors[reason] += n
		}
		for reason, n := range res.dropped {
			if st.Dropped == nil {
				st.Dropped = make(map[string]int64)
			}
			st.Dropped[reason] += n
		}
	}
	if err != nil {
		return st, err
	}
	if err := ctx.Err(); err != nil {
		return st, err
	}
	// The workers are done and ctx is not: the reader closed p.work and
	// is about to report.
	if err := <-readErr; err != nil {
		return st, fmt.Errorf("lines: read: %w", err)
	}
	return st, nil
}

// read fills chunks with lines and sends them to the workers in sequence,
// until EOF, a read error, or ctx is done.
func (p *processor) read(ctx context.Context, r io.Reader) error {
	defer close(p.work)
	br := bufio.NewReaderSize(r, readBufferSize)
	var seq uint64
	next := int64(1)
	for {
		var c *chunk
		select {
		case c = <-p.free:
		case <-ctx.Done():
			return nil
		}
		c.seq, c.first, c.inBytes, c.err = seq, next, 0, nil
		if c.data == nil {
			// Room for a full chunk and the line that overflows it, and
			// for output somewhat longer than the input.
			c.data = make([]byte, 0, p.o.ChunkBytes+readBufferSize)
			c.out = make([]byte, 0, p.o.ChunkBytes+p.o.ChunkBytes/2)
		}
		c.data, c.lines, c.out = c.data[:0], c.lines[:0], c.out[:0]
		var err error
		for len(c.data) < p.o.ChunkBytes && len(c.lines) < maxChunkLines {
			if err = p.readLine(br, c); err != nil {
				break
			}
		}
		if len(c.lines) > 0 {
			next += int64(len(c.lines))
			seq++
			select {
			case p.work <- c:
			case <-ctx.Done():
				return nil
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// readLine appends one line to c. Its content goes to c.data unless it is
// longer than MaxLineBytes, in which case the rest of it is read and
// dropped as it streams by. It returns io.EOF when there is no line left.
func (p *processor) readLine(br *bufio.Reader, c *chunk) error {
	start := len(c.data)
	limit := p.o.MaxLineBytes + 2 // content and "\r\n"
	n := 0
	var flags uint8
	var beforeLast, last byte // the line's last two bytes read
	for {
		frag, err := br.ReadSlice('\n')
		n += len(frag)
		switch len(frag) {
		case 0:
		case 1:
			beforeLast, last = last, frag[0]
		default:
			beforeLast, last = frag[len(frag)-2], frag[len(frag)-1]
		}
		if flags&tooLarge == 0 {
			if n > limit {
				flags = p.skip(c, start, frag)
			} else {
				c.data = append(c.data, frag...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && (!errors.Is(err, io.EOF) || n == 0) {
			return err
		}
		break
	}
	if last == '\n' {
		flags |= newline
		if beforeLast == '\r' {
			flags |= crlf
		}
	}
	if flags&tooLarge == 0 {
		content := c.data[start:]
		content = content[:len(content)-lineEndingLen(flags)]
		if len(content) > p.o.MaxLineBytes {
			flags = p.skip(c, start, nil) | flags&(newline|crlf)
		} else {
			c.data = c.data[:start+len(content)]
		}
	}
	c.lines = append(c.lines, lineInfo{end: len(c.data), flags: flags})
	c.inBytes += int64(n)
	return nil
}

// skip drops the part of a too-large line held in c.data, noting whether it
// looks like JSON from its first non-space byte (in c.data, else in frag).
func (p *processor) skip(c *chunk, start int, frag []byte) uint8 {
	flags := uint8(tooLarge)
	b, ok := firstNonSpace(c.data[start:])
	if !ok {
		b, _ = firstNonSpace(frag)
	}
	if b == '{' {
		flags |= jsonish
	}
	c.data = c.data[:start]
	return flags
}

func lineEndingLen(flags uint8) int {
	switch {
	case flags&crlf != 0:
		return 2
	case flags&newline != 0:
		return 1
	}
	return 0
}

func firstNonSpace(b []byte) (byte, bool) {
	for _, c := range b {
		switch c {
		case ' ', '\t', '\r', '\n':
		default:
			return c, true
		}
	}
	return 0, false
}

type workerResult struct {
	findings [detectors.MaxKinds]uint64
	errors   map[transforms.Reason]int64
	dropped  map[string]int64
}

// runWorker de-identifies chunks until the reader is done or ctx is.
func (p *processor) runWorker(ctx context.Context) (res workerResult) {
	w := p.engine.NewWorker()
	defer func() { res.findings = *w.Findings() }()
	for {
		select {
		case c, ok := <-p.work:
			if !ok {
				return res
			}
			p.redact(w, c, &res)
			p.done <- c // never blocks: it holds every chunk
		case <-ctx.Done():
			return res
		}
	}
}

// tooLargeError stands for a line that was skipped for its length.
func (p *processor) tooLargeError() *transforms.RecordError {
	return &transforms.RecordError{Reason: transforms.ReasonTooLarge, Offset: p.o.MaxLineBytes}
}

// redact de-identifies the lines of c into c.out.
func (p *processor) redact(w *transforms.Worker, c *chunk, res *workerResult) {
	start := 0
	for i, ln := range c.lines {
		rec := c.data[start:ln.end]
		start = ln.end
		mark := len(c.out)
		dropped, bad := p.redactLine(w, c, rec, ln.flags)
		if dropped != "" {
			if res.dropped == nil {
				res.dropped = make(map[string]int64)
			}
			res.dropped[dropped]++
			c.out = p.appendMarker(c.out[:mark], "veil_dropped", dropped, looksJSON(rec, ln.flags))
		}
		if bad != nil {
			var re *transforms.RecordError
			if !errors.As(bad, &re) {
				c.err = fmt.Errorf("lines: line %d: %w", c.first+int64(i), bad)
				return
			}
			if p.o.OnError == Fail {
				c.err = &LineError{Line: c.first + int64(i), Err: re}
				return
			}
			if res.errors == nil {
				res.errors = make(map[transforms.Reason]int64)
			}
			res.errors[re.Reason]++
			c.out = p.appendMarker(c.out, "veil_error", re.Reason.String(), looksJSON(rec, ln.flags))
		}
		switch {
		case ln.flags&crlf != 0:
			c.out = append(c.out, '\r', '\n')
		case ln.flags&newline != 0:
			c.out = append(c.out, '\n')
		}
	}
}

// redactLine appends the de-identified line to c.out, or returns why it
// cannot (a *transforms.RecordError, unless something unexpected failed), or
// why the gate drops it.
func (p *processor) redactLine(w *transforms.Worker, c *chunk, rec []byte, flags uint8) (dropped string, err error) {
	switch {
	case flags&tooLarge != 0:
		return "", p.tooLargeError()
	case len(rec) == 0:
		return "", nil
	}
	out, facts, err := w.RedactRecord(c.out, rec, p.o.Format, p.o.Profile)
	if err != nil {
		return "", err
	}
	c.out = out
	if p.o.Gate != nil {
		return p.o.Gate(facts), nil
	}
	return "", nil
}

func looksJSON(rec []byte, flags uint8) bool {
	if flags&tooLarge != 0 {
		return flags&jsonish != 0
	}
	b, _ := firstNonSpace(rec)
	return b == '{'
}

// appendMarker appends the marker that replaces a line: {"what":"reason"}
// for JSON, [what:reason] for text.
func (p *processor) appendMarker(dst []byte, what, reason string, isJSON bool) []byte {
	if p.o.Format == transforms.FormatJSON || p.o.Format == transforms.FormatAuto && isJSON {
		dst = append(dst, `{"`...)
		dst = append(dst, what...)
		dst = append(dst, `":"`...)
		dst = append(dst, reason...)
		return append(dst, `"}`...)
	}
	dst = append(dst, '[')
	dst = append(dst, what...)
	dst = append(dst, ':')
	dst = append(dst, reason...)
	return append(dst, ']')
}

// progressReporter is implemented by readers that know how far through
// their source they are, such as *Input.
type progressReporter interface {
	Progress() (read, total int64)
}

// write writes the chunks' output in sequence and returns them to the pool,
// until the workers are done or a chunk carries an error.
func (p *processor) write(ctx context.Context, r io.Reader, w io.Writer) (Stats, error) {
	var st Stats
	pr, _ := r.(progressReporter)
	pending := make([]*chunk, p.poolSize)
	var next uint64
	for c := range p.done {
		pending[c.seq%uint64(p.poolSize)] = c
		for {
			slot := &pending[next%uint64(p.poolSize)]
			c := *slot
			if c == nil || c.seq != next {
				break
			}
			*slot = nil
			next++
			n, err := w.Write(c.out)
			st.OutBytes += int64(n)
			if err != nil {
				return st, fmt.Errorf("lines: write: %w", err)
			}
			if c.err != nil {
				return st, c.err
			}
			st.Lines += int64(len(c.lines))
			st.Bytes += c.inBytes
			p.free <- c // never blocks: it has room for every chunk
			if p.o.Progress != nil {
				if pr != nil {
					p.o.Progress(pr.Progress())
				} else {
					p.o.Progress(st.Bytes, -1)
				}
			}
		}
	}
	return st, ctx.Err()
}
