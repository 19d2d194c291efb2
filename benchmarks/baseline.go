package benchmarks

import "regexp"

// RegexpBaseline redacts the same built-in kinds with Go's regexp package, one
// pattern per kind applied in turn, the way log pipelines' redaction filters
// are usually written. It is the yardstick for the detectors' speed, not a
// detector: it validates nothing (no Luhn, no phone metadata).
type RegexpBaseline struct {
	patterns []*regexp.Regexp
	labels   [][]byte
}

// NewRegexpBaseline compiles the baseline's patterns.
func NewRegexpBaseline() *RegexpBaseline {
	kinds := []struct{ label, pattern string }{
		{"[SECRET]", `eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*|//[^/\s:@]*:[^/\s@]+@`},
		{"[EMAIL]", `[A-Za-z0-9._%+-]+(?:@|%40|\\u0040)[A-Za-z0-9.-]+\.[A-Za-z]{2,}`},
		{"[IBAN]", `\b[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?\b`},
		{"[CNID]", `\b\d{17}[\dXx]\b`},
		{"[ADID]", `\b[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\b`},
		{"[MAC]", `\b[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}\b|\b[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\b`},
		{"[IPV6]", `\b(?:[0-9A-Fa-f]{1,4}:){2,7}[0-9A-Fa-f]{1,4}\b|::(?:[0-9A-Fa-f]{1,4}:){0,6}[0-9A-Fa-f]{1,4}\b`},
		{"[IPV4]", `\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b`},
		{"[IMEI]", `\b\d{2}[- ]?\d{6}[- ]?\d{6}[- ]?\d\b`},
		{"[CARD]", `\b(?:\d[ -]?){12,18}\d\b`},
		{"[PHONE]", `(?:\+|\b)\d{1,3}?[ .-]?\(?\d{2,4}\)?[ .-]?\d{3,4}[ .-]?\d{4}\b`},
	}
	b := &RegexpBaseline{}
	for _, k := range kinds {
		b.patterns = append(b.patterns, regexp.MustCompile(k.pattern))
		b.labels = append(b.labels, []byte(k.label))
	}
	return b
}

// Redact appends line with every match replaced by its kind's label.
func (b *RegexpBaseline) Redact(dst, line []byte) []byte {
	for i, re := range b.patterns {
		line = re.ReplaceAllLiteral(line, b.labels[i])
	}
	return append(dst, line...)
}
