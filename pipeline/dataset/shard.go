package dataset

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"time"

	"github.com/klauspost/compress/zstd"
	"github.com/segmentio/kafka-go"
)

// shardName is the file name of the shard of topic's partition that starts
// at first: the same records give the same name.
func shardName(topic string, partition int, first int64) string {
	return fmt.Sprintf("%s-p%03d-o%020d.jsonl.zst", topic, partition, first)
}

// shardWriter writes one shard into a temporary file until it is finished.
type shardWriter struct {
	dir   string
	f     *os.File
	sum   hash.Hash
	count *countingWriter
	zw    *zstd.Encoder
	meta  Shard
	start time.Time // when the shard was opened, for the time rotation
	last  kafka.Message
	line  []byte
	stats *tokenStats
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// openShard starts the shard of m's partition whose first record is m.
func openShard(dir string, m *kafka.Message, stats *tokenStats) (*shardWriter, error) {
	name := shardName(m.Topic, m.Partition, m.Offset)
	f, err := os.CreateTemp(dir, ".tmp-"+name+"-*")
	if err != nil {
		return nil, fmt.Errorf("dataset: %w", err)
	}
	s := &shardWriter{dir: dir, f: f, sum: sha256.New(), start: time.Now(), stats: stats}
	s.count = &countingWriter{w: io.MultiWriter(f, s.sum)}
	if s.zw, err = zstd.NewWriter(s.count, zstd.WithEncoderLevel(zstd.SpeedDefault)); err != nil {
		s.abort()
		return nil, fmt.Errorf("dataset: %w", err)
	}
	s.meta = Shard{Name: name, Topic: m.Topic, Partition: m.Partition, FirstOffset: m.Offset,
		Findings: map[string]int64{}, Languages: map[string]int64{}}
	return s, nil
}

// textLine is how a text record is written.
type textLine struct {
	Text      string    `json:"text"`
	Lang      string    `json:"lang,omitempty"`
	Topic     string    `json:"topic"`
	Partition int       `json:"partition"`
	Offset    int64     `json:"offset"`
	Timestamp time.Time `json:"timestamp"`
}

// add writes one record.
func (s *shardWriter) add(m *kafka.Message) error {
	lang := ""
	for _, h := range m.Headers {
		if h.Key == "lang" && len(h.Value) > 0 && len(h.Value) < 8 {
			lang = string(h.Value)
		}
	}
	s.line = s.line[:0]
	if v := bytes.TrimSpace(m.Value); len(v) > 0 && v[0] == '{' && json.Valid(v) {
		s.line = append(s.line, v...)
	} else {
		// Tokens stay as they are: no HTML escaping of < and >.
		buf := bytes.NewBuffer(s.line)
		enc := json.NewEncoder(buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(textLine{Text: string(m.Value), Lang: lang, Topic: m.Topic, Partition: m.Partition, Offset: m.Offset, Timestamp: m.Time}); err != nil {
			return fmt.Errorf("dataset: %w", err)
		}
		s.line = bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	}
	s.line = append(s.line, '\n')
	if _, err := s.zw.Write(s.line); err != nil {
		return fmt.Errorf("dataset: write %s: %w", s.meta.Name, err)
	}
	s.stats.count(&s.meta, s.line)
	if lang != "" {
		s.meta.Languages[lang]++
	}
	s.meta.Records++
	s.meta.UncompressedBytes += int64(len(s.line))
	s.meta.LastOffset = m.Offset
	if s.meta.TimeFrom.IsZero() || m.Time.Before(s.meta.TimeFrom) {
		s.meta.TimeFrom = m.Time
	}
	if m.Time.After(s.meta.TimeTo) {
		s.meta.TimeTo = m.Time
	}
	s.last = *m
	return nil
}

// finish completes the shard: flushes, syncs and closes the temporary file,
// then renames it to its name. beforeRename, if set, runs in between (tests
// inject crashes there).
func (s *shardWriter) finish(beforeRename func(string) error) (Shard, error) {
	var before func() error
	if beforeRename != nil {
		before = func() error { return beforeRename(s.meta.Name) }
	}
	if err := installTemp(s.f, s.zw.Close(), filepath.Join(s.dir, s.meta.Name), before); err != nil {
		return Shard{}, err
	}
	s.meta.Bytes = s.count.n
	s.meta.SHA256 = hex.EncodeToString(s.sum.Sum(nil))
	s.meta.Written = time.Now().UTC()
	return s.meta, nil
}

// abort drops the unfinished shard.
func (s *shardWriter) abort() {
	if s.zw != nil {
		_ = s.zw.Close()
	}
	_ = s.f.Close()
	_ = os.Remove(s.f.Name())
}

// tokenStats counts the tokens of lines by kind and key.
type tokenStats struct {
	re        *regexp.Regexp
	kind, key int
}

func newTokenStats(re *regexp.Regexp) *tokenStats {
	return &tokenStats{re: re, kind: re.SubexpIndex("kind"), key: re.SubexpIndex("key")}
}

// count adds the tokens of line to the shard's findings and key IDs.
func (t *tokenStats) count(s *Shard, line []byte) {
	if bytes.IndexByte(line, ':') < 0 {
		return
	}
	for _, m := range t.re.FindAllSubmatchIndex(line, -1) {
		if t.kind >= 0 && m[2*t.kind] >= 0 {
			s.Findings[string(line[m[2*t.kind]:m[2*t.kind+1]])]++
		}
		if t.key >= 0 && m[2*t.key] >= 0 {
			id := line[m[2*t.key]:m[2*t.key+1]]
			if !slices.Contains(s.KeyIDs, string(id)) {
				s.KeyIDs = append(s.KeyIDs, string(id))
				slices.Sort(s.KeyIDs)
			}
		}
	}
}

// readLines calls f with each line of the shard at path, without its
// newline, numbered from 1.
func readLines(path string, f func(n int64, line []byte) error) error {
	file, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("dataset: %w", err)
	}
	defer file.Close()
	zr, err := zstd.NewReader(file)
	if err != nil {
		return fmt.Errorf("dataset: %s: %w", path, err)
	}
	defer zr.Close()
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 64<<20)
	var n int64
	for sc.Scan() {
		n++
		if err := f(n, sc.Bytes()); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("dataset: read %s: %w", path, err)
	}
	return nil
}
