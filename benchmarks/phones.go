package benchmarks

import (
	"bytes"

	"github.com/pixelprivacy/veil/benchmarks/gen"
	"github.com/pixelprivacy/veil/detectors"
)

// PhoneTokens counts the planted phone numbers that a redaction gave the
// token of the E.164 number the generator drew them as: what records are
// joined by, whatever way each wrote the number.
type PhoneTokens struct {
	Planted, Joined int
	// ByGroup holds the counts by kind of event and language ("usage",
	// "prompt ja"): planted, joined.
	ByGroup map[string][2]int
	// Misses are the first few numbers without their token: value (E.164, group).
	Misses []string
}

// Rate is the share of the planted phone numbers that got their token.
func (p *PhoneTokens) Rate() float64 { return ratio(p.Joined, p.Planted) }

// MeasurePhoneTokens redacts events with redact and counts PhoneTokens;
// token appends the token of a phone number in E.164 as the redacting
// engine makes it.
func MeasurePhoneTokens(events []gen.Event, redact func(dst, line []byte) []byte, token func(dst, e164 []byte) []byte) *PhoneTokens {
	p := &PhoneTokens{ByGroup: map[string][2]int{}}
	var out, tok []byte
	for _, ev := range events {
		out = redact(out[:0], ev.Line)
		for _, pl := range ev.PII {
			if pl.Kind != detectors.Phone {
				continue
			}
			group := ev.Kind
			if ev.Lang != "" {
				group += " " + ev.Lang
			}
			c := p.ByGroup[group]
			c[0]++
			p.Planted++
			tok = token(tok[:0], []byte(pl.E164))
			if bytes.Contains(out, tok) {
				c[1]++
				p.Joined++
			} else if len(p.Misses) < 10 {
				p.Misses = append(p.Misses, pl.Value+" ("+pl.E164+", "+group+")")
			}
			p.ByGroup[group] = c
		}
	}
	return p
}
