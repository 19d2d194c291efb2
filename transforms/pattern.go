package transforms

import (
	"regexp"
	"strconv"
	"strings"
)

// TokenRegexp returns a regular expression that matches the tokens the
// template makes (DefaultTemplate if empty), with the named groups "kind"
// and "key", for tools that look for tokens in output: dataset manifests,
// data-subject requests. It is not for the redaction path.
func TokenRegexp(template string) (*regexp.Regexp, error) {
	if template == "" {
		template = DefaultTemplate
	}
	parts, err := compileTemplate(template)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	for _, p := range parts {
		switch p.ph {
		case phNone:
			b.WriteString(regexp.QuoteMeta(p.lit))
		case phKind:
			b.WriteString(`(?P<kind>[A-Z][A-Z0-9_]*)`)
		case phKey:
			b.WriteString(`(?P<key>[a-z][a-z0-9]{0,15})`)
		case phMAC:
			b.WriteString(`[` + macAlphabet + `]{` + strconv.Itoa(2*macLen) + `}`)
		}
	}
	return regexp.Compile(b.String())
}
