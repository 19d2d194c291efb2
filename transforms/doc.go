// Package transforms turns detector findings into replacements (tokenize,
// mask, label, generalize, drop) and rewrites whole records: JSON objects
// value by value with a single-pass, allocation-free walker, and text lines
// as a whole. It also owns the tokenization keys.
//
// An Engine is built once from a detectors.Set, a KeyRing and Options and is
// shared; each goroutine redacts through its own Worker:
//
//	e, err := transforms.NewEngine(set, ring, transforms.Options{})
//	w := e.NewWorker()
//	out, err = w.Redact(out[:0], record, transforms.FormatAuto)
//
// Tokens look like "<EMAIL:k1:ghjkmnpqrstvwxyzghjkmnpq>": the kind, the key
// ID and 24 letters of HMAC-SHA256(key, kind || 0x00 || canonical value),
// 4 bits a letter from "ghjkmnpqrstvwxyz". They hold no digits and no hex
// letters, so the detectors never find anything in them and redacting twice
// gives the same result as redacting once.
package transforms
