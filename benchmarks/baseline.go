package benchmarks

import (
	"bytes"
	"regexp"
)

// RegexpBaseline redacts the same built-in kinds with Go's regexp package
// (all of detectors.Builtin), a pattern per kind applied in turn, the way
// log pipelines' redaction filters are usually written. The forms of a kind
// are alternatives in one pattern, or patterns of their own where that runs
// faster (SECRET's three, IPV6's two), so that the baseline is as quick as
// such a filter can be made. It is the yardstick for the detectors' speed, not a
// detector: it validates nothing (no Luhn, no phone metadata).
type RegexpBaseline struct {
	patterns []*regexp.Regexp
	labels   [][]byte
}

// NewRegexpBaseline compiles the baseline's patterns.
func NewRegexpBaseline() *RegexpBaseline {
	kinds := []struct{ label, pattern string }{
		// SECRET: a JSON Web Token or a URL's user name and password; a
		// credential after its label; an API key by its prefix (AWS's and
		// Google's by prefix and length).
		{"[SECRET]", `eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*|//[^/\s:@]*:[^/\s@]+@`},
		{"[SECRET]", `(?i:password|passwd|pwd|passcode|passphrase|secret|api_?key|secret_?key|private_?key|token|authorization|auth|cookie|credentials?|signature)` +
			`\s*[=:]\s*(?i:(?:bearer|basic)\s+)?[^\s&"',;]+`},
		{"[SECRET]", `\b(?:sk-[A-Za-z0-9_-]{20,}|xox[bpars]-[A-Za-z0-9-]{10,}|glpat-[A-Za-z0-9_-]{20,}|gh[pousr]_[A-Za-z0-9_]{30,}|github_pat_[A-Za-z0-9_]{30,}|[sr]k_live_[A-Za-z0-9]{16,}|hf_[A-Za-z0-9]{30,}|A[KS]IA[A-Z0-9]{16}|AIza[A-Za-z0-9_-]{35})`},
		{"[EMAIL]", `[A-Za-z0-9._%+-]+(?:@|%40|\\u0040|&#(?:64|[xX]40);)[A-Za-z0-9.-]+\.[A-Za-z]{2,}`},
		{"[WALLET]", `\b(?:[13LMDT][1-9A-HJ-NP-Za-km-z]{25,34}|bc1[02-9ac-hj-np-z]{39,59}|0x[0-9A-Fa-f]{40})\b`},
		{"[IBAN]", `\b[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?\b`},
		{"[CNID]", `\b\d{17}[\dXx]\b`},
		{"[ADID]", `\b[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\b`},
		{"[MAC]", `\b[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}\b|\b[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\b`},
		{"[IPV6]", `\b(?:[0-9A-Fa-f]{1,4}:){2,7}[0-9A-Fa-f]{1,4}\b`},
		{"[IPV6]", `::(?:[0-9A-Fa-f]{1,4}:){0,6}[0-9A-Fa-f]{1,4}\b`},
		{"[IPV4]", `\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b`},
		{"[ICCID]", `\b89\d{17,18}\b`},
		{"[CPF]", `\b\d{3}\.\d{3}\.\d{3}-\d{2}\b`},
		{"[RRN]", `\b\d{6}-[1-8]\d{6}\b`},
		{"[SSN]", `\b\d{3}-\d{2}-\d{4}\b`},
		{"[DNI]", `\b[XYZ]?\d{7,8}[A-Z]\b`},
		{"[NINO]", `\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b`},
		{"[SNILS]", `\b\d{3}-\d{3}-\d{3}[ -]\d{2}\b`},
		{"[NIR]", `\b[1278] ?\d{2} ?\d{2} ?\d{2} ?\d{3} ?\d{3} ?\d{2}\b`},
		// My Number, Steuer-ID and the Saudi ID are taken only after
		// their words, each word a pattern of its own: one with a literal
		// prefix runs at hundreds of MB/s, an alternation of them at 20.
		{"[MYNUMBER]", `個人番号\D{0,4}\d{4}[ -]?\d{4}[ -]?\d{4}\b`},
		{"[MYNUMBER]", `マイナンバー\D{0,4}\d{4}[ -]?\d{4}[ -]?\d{4}\b`},
		{"[STEUERID]", `Steuer-?I[Dd]\D{0,4}\d{2} ?\d{3} ?\d{3} ?\d{3}\b`},
		{"[SAUDIID]", `هوية\D{0,4}\b[12]\d{9}\b`},
		// An IMSI has an IMEI's shape: the detectors take it by its word or key.
		{"[IMSI]", `(?i:imsi)["':= ]{1,4}\d{15}\b`},
		{"[IMEI]", `\b\d{2}[- ]?\d{6}[- ]?\d{6}[- ]?\d\b`},
		{"[CARD]", `\b(?:\d[ -]?){12,18}\d\b`},
		{"[AADHAAR]", `\b[2-9]\d{3}[ -]\d{4}[ -]\d{4}\b`},
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

// PerKind returns the baseline split into one baseline per pattern, each
// with its kind's label as Name, to show where its time goes.
func (b *RegexpBaseline) PerKind() []*RegexpBaseline {
	out := make([]*RegexpBaseline, len(b.patterns))
	for i := range b.patterns {
		out[i] = &RegexpBaseline{patterns: b.patterns[i : i+1], labels: b.labels[i : i+1]}
	}
	return out
}

// Name returns the labels of the baseline's patterns, in order.
func (b *RegexpBaseline) Name() string {
	return string(bytes.Join(b.labels, nil))
}
