package transforms

import "github.com/pixelprivacy/veil/detectors"

// cleanCacheSize is the number of entries of a worker's clean-value cache,
// a power of two.
const cleanCacheSize = 1024

// cleanCache remembers short values (JSON strings, or short text records)
// in which the built-in detectors found nothing: records of one stream
// repeat the same event names, device models, OS and app versions, locales
// and carriers, and a lookup costs less than a scan. What the detectors
// find in a value is a function of its bytes, its key's hint and the phone
// regions scanned, and an entry is used only if all three are equal to the
// ones asked for, so it is never wrong. It is direct-mapped by a seeded
// hash. Workers with custom detectors do not use it: those may run out of
// time.
type cleanCache [cleanCacheSize]cleanEntry

type cleanEntry struct {
	x, y    uint64 // keyWords of the value
	regions uint64
	hint    detectors.Hint
	n       uint8 // len(value); 0 for an empty entry
	value   [maxCleanLen]byte
}

// maxCleanLen is the length of the longest value cached.
const maxCleanLen = 31

// cleanSlot returns the entry for the value b under a key with hint h,
// scanned for the phone regions in mask, and whether it holds b as clean.
// It returns nil for a value too long or too short to cache, and for one
// under a key that names a kind: such values are seldom clean.
func (w *Worker) cleanSlot(b []byte, h detectors.Hint, mask uint64) (*cleanEntry, bool) {
	if len(b) == 0 || len(b) > maxCleanLen || h.Kind != detectors.None {
		return nil, false
	}
	x, y := keyWords(b)
	e := &w.clean[hashWords(x, y, len(b), w.e.keySeed^mask)&(cleanCacheSize-1)]
	return e, sameWords(e.value[:], e.n, e.x, e.y, b, x, y) && e.hint == h && e.regions == mask
}

// set makes e hold b, under hint h and scanned for the regions in mask, as
// clean.
func (e *cleanEntry) set(b []byte, h detectors.Hint, mask uint64) {
	e.x, e.y = keyWords(b)
	e.n, e.hint, e.regions = uint8(len(b)), h, mask
	copy(e.value[:], b)
}
