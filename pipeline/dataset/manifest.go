// Package dataset writes the de-identified training topics as dataset
// shards for the ML team, and edits them for data-subject requests.
//
// A shard is JSON Lines compressed with zstd (github.com/klauspost/compress):
// one record per line, a JSON record as it is, a text record as
// {"text": ..., "topic": ..., "partition": ..., "offset": ..., "timestamp": ...}.
// Shards are named by topic, partition and first offset, and written
// atomically: a temporary file, fsync, rename, then the manifest, and only
// then the offsets are committed. A crash therefore loses nothing and
// re-exports at most the unfinished shard, under the same name.
package dataset

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// ManifestName is the manifest file in each topic's directory.
const ManifestName = "manifest.json"

// Manifest lists the shards of one directory.
type Manifest struct {
	// Topic is the topic the shards come from.
	Topic  string  `json:"topic"`
	Shards []Shard `json:"shards"`
}

// Shard describes one shard file.
type Shard struct {
	Name        string `json:"name"` // file name in the directory
	Topic       string `json:"topic"`
	Partition   int    `json:"partition"`
	FirstOffset int64  `json:"first_offset"`
	LastOffset  int64  `json:"last_offset"`
	Records     int64  `json:"records"`
	// Bytes is the file's size; UncompressedBytes its JSON Lines'.
	Bytes             int64  `json:"bytes"`
	UncompressedBytes int64  `json:"uncompressed_bytes"`
	SHA256            string `json:"sha256"`
	// TimeFrom and TimeTo bound the records' timestamps.
	TimeFrom time.Time `json:"time_from"`
	TimeTo   time.Time `json:"time_to"`
	// KeyIDs are the IDs of the keys whose tokens the shard holds.
	KeyIDs []string `json:"key_ids"`
	// Findings counts the tokens by kind, Languages the records by the
	// language of their free text.
	Findings  map[string]int64 `json:"findings"`
	Languages map[string]int64 `json:"languages,omitempty"`
	// Erased counts records removed by data-subject requests.
	Erased  int64     `json:"erased,omitempty"`
	Written time.Time `json:"written"`
}

// ReadManifest reads the manifest of dir; a directory without one has an
// empty manifest.
func ReadManifest(dir string) (*Manifest, error) {
	b, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if errors.Is(err, os.ErrNotExist) {
		return &Manifest{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("dataset: %w", err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("dataset: %s: %w", filepath.Join(dir, ManifestName), err)
	}
	return &m, nil
}

// put adds or replaces the shard of the same name, keeping the shards in
// order of partition and first offset.
func (m *Manifest) put(s Shard) {
	i := slices.IndexFunc(m.Shards, func(x Shard) bool { return x.Name == s.Name })
	if i >= 0 {
		m.Shards[i] = s
		return
	}
	m.Shards = append(m.Shards, s)
	slices.SortFunc(m.Shards, func(a, b Shard) int {
		if a.Partition != b.Partition {
			return a.Partition - b.Partition
		}
		return int(a.FirstOffset - b.FirstOffset)
	})
}

// write writes the manifest to dir atomically.
func (m *Manifest) write(dir string) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("dataset: manifest: %w", err)
	}
	return writeFileAtomic(filepath.Join(dir, ManifestName), append(b, '\n'))
}

// writeFileAtomic writes data to a temporary file next to path, syncs it,
// renames it over path and syncs the directory.
func writeFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-"+filepath.Base(path)+"-*")
	if err != nil {
		return fmt.Errorf("dataset: %w", err)
	}
	_, err = f.Write(data)
	return installTemp(f, err, path, nil)
}

// installTemp finishes a temporary file written with the result err: it
// syncs and closes it, runs before (if set), renames it to path and syncs
// the directory; on any failure it removes the temporary file.
func installTemp(f *os.File, err error, path string, before func() error) error {
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && before != nil {
		err = before()
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err == nil {
		err = syncDir(filepath.Dir(path))
	}
	if err != nil {
		_ = os.Remove(f.Name())
		return fmt.Errorf("dataset: write %s: %w", path, err)
	}
	return nil
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("dataset: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("dataset: sync %s: %w", dir, err)
	}
	return nil
}
