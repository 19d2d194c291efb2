// Package policy is veil's training-data gate: a record reaches a training
// topic only if its user has not withdrawn training consent, its own
// consent field does not refuse it, and its user is not a minor. Per-user
// consent comes from a compacted Kafka topic, kept in memory keyed by the
// MAC of the user ID's token, never the raw ID.
package policy

import (
	"sync"
	"sync/atomic"

	"github.com/pixelprivacy/veil/transforms"
)

// Reasons a record is dropped, fit for metric labels.
const (
	ReasonMinor            = "minor"             // a minor flag, or an age under the minimum
	ReasonConsentRefused   = "consent_refused"   // the record's own consent field is false, or its opt-out true
	ReasonConsentWithdrawn = "consent_withdrawn" // the consent topic says the user withdrew
	ReasonConsentMissing   = "consent_missing"   // no consent at all, and the policy requires it
)

// Reasons lists every reason Decide gives.
var Reasons = []string{ReasonMinor, ReasonConsentRefused, ReasonConsentWithdrawn, ReasonConsentMissing}

// Table is the training consent of users, keyed by the MAC of their user
// ID's token (see transforms.Worker.UserMAC). It is safe for concurrent use.
type Table struct {
	mu sync.RWMutex
	m  map[transforms.UserMAC]entry
	n  atomic.Int64
}

type entry struct {
	training bool
	ts       int64 // Unix milliseconds
}

// NewTable returns an empty table.
func NewTable() *Table { return &Table{m: make(map[transforms.UserMAC]entry)} }

// Set records a user's consent at time ts (Unix milliseconds), unless the
// table holds a newer one: the newest ts wins, whatever the order of arrival.
func (t *Table) Set(user transforms.UserMAC, training bool, ts int64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if old, ok := t.m[user]; ok && old.ts > ts {
		return
	}
	if _, ok := t.m[user]; !ok {
		t.n.Add(1)
	}
	t.m[user] = entry{training: training, ts: ts}
}

// Delete forgets a user (a tombstone in the compacted topic).
func (t *Table) Delete(user transforms.UserMAC) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, ok := t.m[user]; ok {
		delete(t.m, user)
		t.n.Add(-1)
	}
}

// Lookup returns a user's consent, and whether the table knows the user.
func (t *Table) Lookup(user transforms.UserMAC) (training, ok bool) {
	t.mu.RLock()
	e, ok := t.m[user]
	t.mu.RUnlock()
	return e.training, ok
}

// Len returns the number of users in the table.
func (t *Table) Len() int { return int(t.n.Load()) }

// Gate decides, from what redacting a record found, whether it may reach
// training.
type Gate struct {
	// Table is the per-user consent; nil means none.
	Table *Table
	// Require drops records that carry no consent information at all.
	Require bool
}

// Decide returns "" if a record with facts f may be written to its training
// topic, or the reason it is dropped.
func (g *Gate) Decide(f transforms.Facts) string {
	switch {
	case f.Minor:
		return ReasonMinor
	case f.Consent == transforms.ConsentRefused:
		return ReasonConsentRefused
	}
	known := false
	if f.HasUser && g.Table != nil {
		var training bool
		if training, known = g.Table.Lookup(f.User); known && !training {
			return ReasonConsentWithdrawn
		}
	}
	if g.Require && f.Consent == transforms.ConsentUnknown && !known {
		return ReasonConsentMissing
	}
	return ""
}
