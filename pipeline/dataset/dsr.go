package dataset

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"

	"github.com/klauspost/compress/zstd"

	"github.com/pixelprivacy/veil/transforms"
)

// Match is a record of a shard that holds a person's token.
type Match struct {
	Shard string // the shard's path
	Line  int64  // the record's line, from 1
}

// Removed is what Erase took, or would take, from one shard.
type Removed struct {
	Shard   string
	Records int64
}

// manifestDirs returns dir itself if it has a manifest, else its topic
// directories that have one.
func manifestDirs(dir string) ([]string, error) {
	if _, err := os.Stat(filepath.Join(dir, ManifestName)); err == nil {
		return []string{dir}, nil
	}
	dirs, err := topicDirs(dir)
	if err != nil {
		return nil, err
	}
	if len(dirs) == 0 {
		return nil, fmt.Errorf("dataset: %s: no %s here or in its directories", dir, ManifestName)
	}
	return dirs, nil
}

// holds reports whether line holds one of tokens.
func holds(line []byte, tokens [][]byte) bool {
	for _, t := range tokens {
		if bytes.Contains(line, t) {
			return true
		}
	}
	return false
}

// Find returns the records of the shards under dir (a topic directory, or
// the export directory above them) that hold one of tokens.
func Find(dir string, tokens [][]byte) ([]Match, error) {
	dirs, err := manifestDirs(dir)
	if err != nil {
		return nil, err
	}
	var out []Match
	for _, d := range dirs {
		m, err := ReadManifest(d)
		if err != nil {
			return nil, err
		}
		for _, s := range m.Shards {
			path := filepath.Join(d, s.Name)
			err := readLines(path, func(n int64, line []byte) error {
				if holds(line, tokens) {
					out = append(out, Match{Shard: path, Line: n})
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// Erase rewrites every shard under dir that holds one of tokens without the
// records that do, each atomically (a temporary file, fsync, rename), and
// updates the manifests. With dryRun it changes nothing and reports what it
// would remove. template is the token template, to count what remains.
func Erase(dir string, tokens [][]byte, template string, dryRun bool) ([]Removed, error) {
	re, err := transforms.TokenRegexp(template)
	if err != nil {
		return nil, fmt.Errorf("dataset: %w", err)
	}
	dirs, err := manifestDirs(dir)
	if err != nil {
		return nil, err
	}
	var out []Removed
	for _, d := range dirs {
		m, err := ReadManifest(d)
		if err != nil {
			return nil, err
		}
		changed := false
		for i := range m.Shards {
			s := &m.Shards[i]
			path := filepath.Join(d, s.Name)
			n, err := countHolding(path, tokens)
			if err != nil {
				return nil, err
			}
			if n == 0 {
				continue
			}
			out = append(out, Removed{Shard: path, Records: n})
			if dryRun {
				continue
			}
			if err := rewrite(path, s, tokens, newTokenStats(re)); err != nil {
				return nil, err
			}
			changed = true
		}
		if changed {
			if err := m.write(d); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

func countHolding(path string, tokens [][]byte) (int64, error) {
	var n int64
	err := readLines(path, func(_ int64, line []byte) error {
		if holds(line, tokens) {
			n++
		}
		return nil
	})
	return n, err
}

var langMember = regexp.MustCompile(`"lang":"([a-z]{2,3})"`)

// rewrite writes the shard at path again without the lines holding tokens,
// and updates s to describe the new file.
func rewrite(path string, s *Shard, tokens [][]byte, stats *tokenStats) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, ".tmp-"+filepath.Base(path)+"-*")
	if err != nil {
		return fmt.Errorf("dataset: %w", err)
	}
	sum := sha256.New()
	count := &countingWriter{w: io.MultiWriter(f, sum)}
	zw, err := zstd.NewWriter(count)
	if err != nil {
		f.Close()
		os.Remove(f.Name())
		return fmt.Errorf("dataset: %w", err)
	}
	next := *s
	next.Records, next.UncompressedBytes, next.Findings, next.KeyIDs = 0, 0, map[string]int64{}, nil
	next.Languages = maps.Clone(s.Languages)
	var removed int64
	err = readLines(path, func(_ int64, line []byte) error {
		if holds(line, tokens) {
			removed++
			if m := langMember.FindSubmatch(line); m != nil && next.Languages[string(m[1])] > 0 {
				next.Languages[string(m[1])]--
			}
			return nil
		}
		line = append(line, '\n')
		if _, err := zw.Write(line); err != nil {
			return err
		}
		next.Records++
		next.UncompressedBytes += int64(len(line))
		stats.count(&next, line)
		return nil
	})
	if cerr := zw.Close(); err == nil {
		err = cerr
	}
	if err := installTemp(f, err, path, nil); err != nil {
		return err
	}
	next.Bytes, next.SHA256, next.Erased = count.n, hex.EncodeToString(sum.Sum(nil)), s.Erased+removed
	*s = next
	return nil
}
