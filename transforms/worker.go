package transforms

import (
	"encoding/binary"
	"hash/maphash"
	"math/bits"
	"sync/atomic"
	"time"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/detectors/birthdates"
)

// Worker redacts records for one goroutine. It owns the keyed hasher, a
// small cache of recent tokens and every scratch buffer, so that redaction
// allocates nothing once the buffers have grown to the size of the records.
// A Worker must not be used by two goroutines at once.
type Worker struct {
	e     *Engine
	mac   *keyedHash
	spans []detectors.Span
	check []detectors.Span // re-detection of masked output
	canon []byte
	// cased is a NAME's canonical form before its nominative is restored
	// (see names.AppendNominative).
	cased []byte
	msg   []byte // the HMAC's message
	plain []byte // a JSON string value with its escapes decoded
	text  []byte // a JSON string value with its escapes of non-ASCII text decoded
	// keyText is a JSON key so decoded.
	keyText []byte
	name    []byte           // a header's name in snake case
	number  []byte           // a JSON number under a key naming a kind, in integer form
	births  []birthdates.Day // the dates of birth a writer gives as their own
	// keyPII says the JSON record in progress has a key with personal
	// data; keyBuf holds it, its values redacted, for redactKeys.
	keyPII bool
	keyBuf []byte
	// visible is the record without the invisible characters that could
	// hide an identifier (see appendVisible).
	visible []byte
	stack   []frame
	// src is the JSON record being walked, whose keys parentKey reads.
	src []byte
	// pair is what the key of the key-value pair being walked says.
	pair  pairKeyed
	cache *tokenCache
	hints *hintCache
	clean *cleanCache

	// The record in progress: its profile, the facts found so far and the
	// rank of the user field they came from, the profile's path states and
	// the patterns matched at the member at hand.
	prof    *Profile
	started time.Time // when the record started, for custom detectors' time limits
	regions uint64    // phone regions of the text being replaced; 0: all
	// rec is the record in progress, whose locale field (if it is JSON) or
	// else script, read once (localeRead), names the phone region preferred
	// for its numbers.
	rec        []byte
	json       bool // rec is a JSON record, not text
	locale     uint64
	localeRead bool
	facts      Facts
	userRank   int
	states     []pathState
	matched    []int
	// fields are a text record's fields, and ruled those a rule applies to.
	fields []textField
	ruled  []ruledField
	// freeText are the values of a text record's text fields, and free
	// the findings in one of them (see appendFreeTextFields).
	freeText []detectors.Span
	free     []detectors.Span
	// opaque is the rule that stands in for a generalize rule where its
	// digits could join others (see ruledField.digitsAfter).
	opaque FieldRule

	findings [detectors.MaxKinds]uint64
	pending  [detectors.MaxKinds]uint64 // findings of the record in progress
	touched  uint64                     // bit k: pending[k] != 0
}

// NewWorker returns a Worker for one goroutine.
func (e *Engine) NewWorker() *Worker {
	return &Worker{
		e:     e,
		mac:   newKeyedHash(e.key.secret[:]),
		cache: new(tokenCache),
		hints: new(hintCache),
		clean: new(cleanCache),
	}
}

// Findings returns the number of findings per kind in the records this
// worker has redacted successfully, rejected records not included. The
// worker adds to the counters atomically once per record, so another
// goroutine (a metrics scrape) may read them with atomic.LoadUint64.
func (w *Worker) Findings() *[detectors.MaxKinds]uint64 { return &w.findings }

// count records one finding of kind k in the record in progress.
func (w *Worker) count(k detectors.Kind) {
	w.pending[k]++
	w.touched |= 1 << k
}

// settle adds the pending findings to the totals if keep, and clears them.
func (w *Worker) settle(keep bool) {
	for t := w.touched; t != 0; t &= t - 1 {
		k := bits.TrailingZeros64(t)
		if keep {
			atomic.AddUint64(&w.findings[k], w.pending[k])
		}
		w.pending[k] = 0
	}
	w.touched = 0
}

// AppendToken appends the token of value, a finding of kind k, to dst; it is
// the token Redact writes for that finding in text. value is canonicalized
// by the detector set first, so "LI.Lei@163.com" and "li.lei@163.com" share
// a token.
func (w *Worker) AppendToken(dst []byte, k detectors.Kind, value []byte) []byte {
	if int(k) >= detectors.MaxKinds {
		k = detectors.None
	}
	return w.appendToken(dst, k, formText, value, false)
}

// UserMAC returns the MAC of the token of the user ID id, as a record's
// Facts.User holds it for the same ID: the key of consent tables.
func (w *Worker) UserMAC(id []byte) UserMAC {
	return *w.macOf(detectors.User, formText, id)
}

// The forms of a value that appendToken takes.
const (
	formCanonical uint8 = iota // canonical, from canonicalValue
	formText                   // a finding's bytes in text
	formJSON                   // a finding's raw bytes in a JSON string or number
)

// appendToken appends the token of v, a value of kind k in the given form,
// JSON-escaped if json.
func (w *Worker) appendToken(dst []byte, k detectors.Kind, form uint8, v []byte, json bool) []byte {
	mac := w.macOf(k, form, v)
	pieces := w.e.token[k][b2i(json)]
	dst = append(dst, pieces[0]...)
	for _, p := range pieces[1:] {
		n := len(dst)
		dst = append(dst, make([]byte, 2*macLen)...)
		out := (*[2 * macLen]byte)(dst[n:])
		for i, c := range mac {
			binary.LittleEndian.PutUint16(out[2*i:], macPairs[c])
		}
		dst = append(dst, p...)
	}
	return dst
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// macOf returns the first macLen bytes of
// HMAC-SHA256(key, kind name || 0x00 || canonical value) for v, a value of
// kind k in the given form. The cache is keyed by the value as given, so a
// hit skips canonicalization as well as the HMAC: the canonical form is a
// function of the raw bytes, and the form is part of the key.
func (w *Worker) macOf(k detectors.Kind, form uint8, v []byte) *[macLen]byte {
	prefer := w.preferredRegion(k, v)
	h := maphash.Bytes(w.e.seed, v) ^ (uint64(k)<<8|uint64(form))*0x9e3779b97f4a7c15 ^ w.regions ^ prefer*0xbf58476d1ce4e5b9
	i1, i2 := cacheSlots(h, tokenCacheSize)
	e1, e2 := &w.cache[i1], &w.cache[i2]
	if e1.holds(h, k, form, w.regions, prefer, v) {
		return &e1.mac
	}
	if e2.holds(h, k, form, w.regions, prefer, v) {
		return &e2.mac
	}
	// The message, kind name || 0x00 || canonical value, is written at
	// once: each Write costs more than the copy.
	w.msg = append(w.msg[:0], w.e.macPrefix[k]...)
	if form == formCanonical {
		w.msg = append(w.msg, v...)
	} else {
		w.msg = w.appendCanonical(w.msg, v, k, form == formJSON)
	}
	sum := w.mac.Sum(w.msg)
	ent := pickSlot(e1, e2, e1.n == 0, e2.n == 0, h)
	if len(v) > len(ent.value) {
		// Too long to cache: use the spare entry, which is never looked up.
		ent = &w.cache[tokenCacheSize]
		ent.n = 0
	} else {
		ent.hash, ent.kind, ent.form, ent.regions, ent.prefer, ent.n = h, k, form, w.regions, prefer, uint8(len(v))
		copy(ent.value[:], v)
	}
	copy(ent.mac[:], sum[:])
	return &ent.mac
}

// preferredRegion returns the phone region that the locale field of the
// JSON record in progress names (see Options.LocaleFields), or else the
// record's script (see detectors.Set.ScriptRegion), for v, a finding of
// kind k, if it is a phone number in national format; else 0. The record
// is searched once, at its first such number: a number with its country
// code ("+8613800138000") has no need of it.
func (w *Worker) preferredRegion(k detectors.Kind, v []byte) uint64 {
	if k != detectors.Phone || w.rec == nil || len(v) > 1 && v[0] == '+' && '0' <= v[1] && v[1] <= '9' {
		return 0
	}
	if !w.localeRead {
		w.locale, w.localeRead = 0, true
		if w.json {
			w.locale = w.e.localeRegion(w.rec) // a field of a JSON record
		}
		if w.locale == 0 {
			w.locale = w.e.set.ScriptRegion(w.rec)
		}
	}
	return w.locale
}

// tokenCacheSize is the number of entries of a worker's token cache.
const tokenCacheSize = 256

// cacheSlots returns the two slots of a cache of n entries where a value
// with hash h may be: two choices keep a few colliding values, like the
// keys of one schema, from evicting each other on every record.
func cacheSlots(h, n uint64) (uint64, uint64) { return h % n, (h >> 32) % n }

// pickSlot returns the slot to fill: an empty one if there is one, else one
// chosen by a bit of the hash.
func pickSlot[E any](e1, e2 *E, empty1, empty2 bool, h uint64) *E {
	switch {
	case empty1:
		return e1
	case empty2 || h>>31&1 != 0:
		return e2
	}
	return e1
}

// tokenCache remembers the MACs of recently seen values: event streams repeat
// the same device IDs and addresses, and a lookup costs far less than
// canonicalization and an HMAC. It is direct-mapped by a seeded hash, and an
// entry is used only if its kind, form and bytes are equal to the ones asked
// for, so it is never wrong. The last entry is scratch space for values too
// long to cache.
type tokenCache [tokenCacheSize + 1]tokenEntry

type tokenEntry struct {
	hash    uint64
	regions uint64 // the phone regions the value was read with
	prefer  uint64 // and the one preferred (see preferredRegion)
	kind    detectors.Kind
	form    uint8
	n       uint8 // len(value); 0 for an empty entry
	mac     [macLen]byte
	value   [49]byte
}

// holds reports whether e is the entry for v, of kind k in the given form,
// whose hash is h.
func (e *tokenEntry) holds(h uint64, k detectors.Kind, form uint8, regions, prefer uint64, v []byte) bool {
	return e.n != 0 && e.hash == h && e.kind == k && e.form == form && e.regions == regions && e.prefer == prefer &&
		int(e.n) == len(v) && string(e.value[:e.n]) == string(v)
}

// hintCacheSize is the number of entries of a worker's key-hint cache, a
// power of two; hintProbes is how many entries a key may be in.
const (
	hintCacheSize = 512
	hintProbes    = 8
)

// hintCache remembers what the detector set said about the JSON keys seen:
// records of one stream share a schema, so the same keys come again in
// every record. It is an open-addressing table, seeded-hashed and probed
// linearly, that is never evicted from: a schema's keys stay in it, and a
// key whose neighbourhood is full is classified afresh each time. Entries
// compare the whole key, so it is never wrong.
type hintCache [hintCacheSize]hintEntry

type hintEntry struct {
	x, y  uint64 // keyWords of the key
	n     uint8  // len(key); 0 for an empty entry
	hint  detectors.Hint
	role  keyRole
	shape keyShape
	key   [29]byte
}

// keyRole is the part a member's key gives it in a key-value pair
// ({"key":"phone","value":…}; see detectors.PairKeyMember).
type keyRole uint8

const (
	roleNone  keyRole = iota
	rolePair          // the member's string is the pair's key
	roleValue         // the member is the pair's value
)

// keyHint returns set.KeyHint(key), the key's role in a key-value pair and
// its shape (see shapeOf), from the cache if it holds them, and
// sets w.keyPII if the key holds personal data. Such keys are not cached:
// they are rare, and as many as the people in a stream.
func (w *Worker) keyHint(key []byte) (detectors.Hint, keyRole, keyShape) {
	if len(key) == 0 || len(key) > len(w.hints[0].key) {
		hint, role, _ := w.classifyKey(key)
		return hint, role, shapeOf(key)
	}
	x, y := keyWords(key)
	h := hashWords(x, y, len(key), w.e.keySeed)
	for i := range uint64(hintProbes) {
		e := &w.hints[(h+i)&(hintCacheSize-1)]
		if e.n == 0 {
			hint, role, personal := w.classifyKey(key)
			shape := shapeOf(key)
			if !personal {
				e.hint, e.role, e.shape = hint, role, shape
				e.x, e.y, e.n = x, y, uint8(len(key))
				copy(e.key[:], key)
			}
			return hint, role, shape
		}
		if sameWords(e.key[:], e.n, e.x, e.y, key, x, y) {
			return e.hint, e.role, e.shape
		}
	}
	hint, role, _ := w.classifyKey(key)
	return hint, role, shapeOf(key)
}

// classifyKey returns set.KeyHint(key), the key's role in a key-value
// pair, and whether the key holds a finding of the built-in detectors,
// which it also notes in w.keyPII. A key that holds a token or label was
// personal data, redacted: it names nothing, so that redacting again
// changes nothing ({"<IPV4:k1:…>":5} is not an address under an IP key).
func (w *Worker) classifyKey(key []byte) (hint detectors.Hint, role keyRole, personal bool) {
	w.check = w.e.set.AppendSpans(w.check[:0], key)
	personal = len(w.check) > 0
	w.keyPII = w.keyPII || personal
	if w.e.holdsReplacement(key) {
		return detectors.Hint{}, roleNone, personal
	}
	switch {
	case detectors.PairKeyMember(key):
		role = rolePair
	case detectors.ValueMember(key):
		role = roleValue
	}
	return w.e.set.KeyHint(key), role, personal
}

// keyWords reads a short JSON key in at most two overlapping 8-byte loads
// (4-byte loads, or three bytes, for shorter keys). Keys of the same length
// up to 16 bytes are equal exactly when their words are.
func keyWords(b []byte) (x, y uint64) {
	switch n := len(b); {
	case n >= 8:
		return binary.LittleEndian.Uint64(b), binary.LittleEndian.Uint64(b[n-8:])
	case n >= 4:
		return uint64(binary.LittleEndian.Uint32(b)), uint64(binary.LittleEndian.Uint32(b[n-4:]))
	case n > 0:
		return uint64(b[0]) | uint64(b[n/2])<<8 | uint64(b[n-1])<<16, 0
	}
	return 0, 0
}

// sameWords reports whether stored[:n], a cached value whose keyWords are
// sx and sy, is b, whose keyWords are x and y: up to 16 bytes the two
// words are the value; longer values are compared in full.
func sameWords(stored []byte, n uint8, sx, sy uint64, b []byte, x, y uint64) bool {
	return sx == x && sy == y && int(n) == len(b) && (len(b) <= 16 || string(stored[:n]) == string(b))
}

// hashWords is a fast seeded hash of a key's words and length; maphash
// costs more than the lookup it serves. A poor spread would only cost cache
// misses: entries are compared in full.
func hashWords(x, y uint64, n int, seed uint64) uint64 {
	const m = 0x9e3779b97f4a7c15
	h := (seed ^ uint64(n) ^ x) * m
	h = (h ^ h>>29 ^ y) * m
	return h ^ h>>32
}
