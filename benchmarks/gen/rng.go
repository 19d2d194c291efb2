package gen

import "math/rand/v2"

// rng is the Generator's source of randomness. It draws only on PCG's Uint64,
// whose output the math/rand/v2 specification fixes, so a seed gives the same
// events on every platform and Go version.
type rng struct {
	pcg rand.PCG
	// e164 holds the last phone number appended, in E.164 ("+8613800138000").
	e164 []byte
}

// seed starts the sequence of seed s.
func (r *rng) seed(s int64) { r.pcg.Seed(uint64(s), 0x7665696c2d67656e) } // "veil-gen"

// intn returns a number in [0, n), for 0 < n < 1<<32.
func (r *rng) intn(n int) int { return int((r.pcg.Uint64() >> 32) * uint64(n) >> 32) }

// between returns a number in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// chance reports true pct times in a hundred.
func (r *rng) chance(pct int) bool { return r.intn(100) < pct }

// pick returns a random element of list.
func pick[T any](r *rng, list []T) T { return list[r.intn(len(list))] }
