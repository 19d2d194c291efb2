// Package lang tells the language of free text, such as the prompts users
// type, among a configured set of languages. A text's script settles most
// of them at once (Han without kana is Chinese, kana Japanese, Hangul
// Korean; Cyrillic, Arabic and Devanagari texts are Russian, Arabic and
// Hindi when no other language of that script is configured); only the
// languages a script leaves open, the Latin-script ones above all, go to
// github.com/pemistahl/lingua-go, built with their models only.
package lang

import (
	"fmt"
	"hash/maphash"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go"
)

// DefaultLanguages are the languages detected when none are configured.
var DefaultLanguages = []string{"en", "zh", "ja", "ko", "es", "de", "fr", "pt", "ru", "ar", "hi"}

// DefaultRegions map each default language to the phone regions whose
// national formats its texts use.
var DefaultRegions = map[string][]string{
	"zh": {"CN"}, "ja": {"JP"}, "ko": {"KR"}, "de": {"DE"}, "fr": {"FR"}, "pt": {"BR"},
	"ru": {"RU"}, "hi": {"IN"}, "en": {"US", "GB"}, "es": {"ES"}, "ar": {"SA", "AE", "EG"},
}

// Options tune a Detector.
type Options struct {
	// LowAccuracy makes lingua use its trigram models only: a fraction of
	// the memory and a little faster, less accurate on short texts.
	LowAccuracy bool
	// CacheSize is how many recent texts remember their language; 0 means
	// 4096, negative none.
	CacheSize int
}

// script is a writing system that points at languages.
type script uint8

const (
	scriptNone script = iota
	scriptLatin
	scriptHan
	scriptKana
	scriptHangul
	scriptCyrillic
	scriptArabic
	scriptDevanagari
	scripts
)

// Detector tells the language of texts. It is safe for concurrent use.
type Detector struct {
	// byScript[s] decides among the configured languages of script s: a
	// single language, or lingua among several.
	byScript [scripts]choice
	cache    *cache
	// latin holds the configured languages of the Latin script, which a
	// short text's function words may settle (see shortLanguage).
	latin map[string]bool
}

// choice is how the languages of one script are told apart.
type choice struct {
	only  string                  // the one configured language of the script
	among lingua.LanguageDetector // or lingua, among several
}

// Known reports whether code is the ISO 639-1 code of a language New can
// tell, without building anything.
func Known(code string) bool {
	l := lingua.GetLanguageFromIsoCode639_1(lingua.GetIsoCode639_1FromValue(strings.ToUpper(code)))
	return l != lingua.Unknown && scriptOf(l) != scriptNone
}

// New returns a Detector among the languages with the given ISO 639-1 codes
// (DefaultLanguages if none). An unknown code is an error naming it.
func New(codes []string, o Options) (*Detector, error) {
	if len(codes) == 0 {
		codes = DefaultLanguages
	}
	var groups [scripts][]lingua.Language
	for _, c := range codes {
		l := lingua.GetLanguageFromIsoCode639_1(lingua.GetIsoCode639_1FromValue(strings.ToUpper(c)))
		if l == lingua.Unknown {
			return nil, fmt.Errorf("lang: unknown language %q (want an ISO 639-1 code such as en, zh, pt)", c)
		}
		s := scriptOf(l)
		if s == scriptNone {
			return nil, fmt.Errorf("lang: language %q: its script is not supported", c)
		}
		if !slices.Contains(groups[s], l) {
			groups[s] = append(groups[s], l)
		}
	}
	d := &Detector{latin: map[string]bool{}}
	for _, l := range groups[scriptLatin] {
		d.latin[code(l)] = true
	}
	for s, ls := range groups {
		switch len(ls) {
		case 0:
		case 1:
			d.byScript[s].only = code(ls[0])
		default:
			b := lingua.NewLanguageDetectorBuilder().FromLanguages(ls...)
			if o.LowAccuracy {
				b = b.WithLowAccuracyMode()
			}
			d.byScript[s].among = b.Build()
		}
	}
	// Han without kana is Chinese where Chinese is configured; Japanese
	// texts always carry kana. Without Chinese, Han goes to Japanese.
	if d.byScript[scriptHan] == (choice{}) {
		d.byScript[scriptHan] = d.byScript[scriptKana]
	}
	switch size := o.CacheSize; {
	case size == 0:
		d.cache = newCache(4096)
	case size > 0:
		d.cache = newCache(size)
	}
	return d, nil
}

func code(l lingua.Language) string { return strings.ToLower(l.IsoCode639_1().String()) }

// scriptOf returns the script that points at l.
func scriptOf(l lingua.Language) script {
	switch l {
	case lingua.Chinese:
		return scriptHan
	case lingua.Japanese:
		return scriptKana
	case lingua.Korean:
		return scriptHangul
	}
	for _, g := range []struct {
		s     script
		langs []lingua.Language
	}{
		{scriptLatin, lingua.AllLanguagesWithLatinScript()},
		{scriptCyrillic, lingua.AllLanguagesWithCyrillicScript()},
		{scriptArabic, lingua.AllLanguagesWithArabicScript()},
		{scriptDevanagari, lingua.AllLanguagesWithDevanagariScript()},
	} {
		if slices.Contains(g.langs, l) {
			return g.s
		}
	}
	return scriptNone
}

// Detect returns the ISO 639-1 code of text's language, or "" when it has
// no letters of a configured language's script or lingua cannot tell.
// Words holding '@', '/', '=', ':', '<', '[' or a digit (e-mail addresses,
// URLs, numbers, identifiers, key=value pairs, veil's tokens and labels)
// and words longer than 32 bytes say nothing of the language and are left
// out: an address at a Cyrillic domain does not make a French text
// Russian, and the tokens that replace what veil finds do not change the
// language it reads when it redacts the text again.
func (d *Detector) Detect(text []byte) string {
	var buf [512]byte
	text = words(buf[:0], text)
	s := dominantScript(text)
	c := &d.byScript[s]
	switch {
	case s == scriptNone:
		return ""
	case c.among == nil:
		return c.only
	}
	if d.cache != nil {
		if l, ok := d.cache.get(text); ok {
			return l
		}
	}
	lang := ""
	if l, ok := shortLanguage(text, d.latin); ok && s == scriptLatin {
		lang = l
	} else if l, ok := c.among.DetectLanguageOf(string(text)); ok {
		lang = code(l)
	}
	if d.cache != nil {
		d.cache.put(text, lang)
	}
	return lang
}

// words appends to dst the words of text, separated by single spaces,
// without those that notWord marks or that are longer than maxWord; past cap(dst) the rest
// of the text is left out. Han, kana and Hangul characters are words of
// their own: those scripts do not put spaces between words, so an address
// written between two of them is a word too; but right before an '@' they
// are an address's local part, and after it the labels of its domain
// (홍길동@제주.kr, also with the full-width '＠'), left out with it.
func words(dst, text []byte) []byte {
	start, skip, address := 0, false, false
	local := -1 // len(dst) before the run of such characters just before, or -1
	flush := func(end int) {
		if w := text[start:end]; !skip && len(w) > 0 && len(w) <= maxWord && len(dst)+len(w)+1 <= cap(dst) {
			if len(dst) > 0 {
				dst = append(dst, ' ')
			}
			dst = append(dst, w...)
		}
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c == '@' && local >= 0 {
				dst = dst[:local]
			}
			local = -1
			if isSpace(c) {
				flush(i)
				start, skip, address = i+1, false, false
			} else {
				skip = skip || notWord[c]
				address = address || c == '@'
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(text[i:])
		if r == fullwidthAt { // as '@' is: 홍길동＠제주.kr
			if local >= 0 {
				dst = dst[:local]
			}
			local, skip, address = -1, true, true
			i += n
			continue
		}
		if s := scriptOfRune(r); !address && (s == scriptHan || s == scriptKana || s == scriptHangul) {
			flush(i)
			start, skip = i, false
			if local < 0 {
				local = len(dst)
			}
			flush(i + n)
			start = i + n
		} else {
			local = -1
		}
		i += n
	}
	flush(len(text))
	return dst
}

// fullwidthAt is the '@' of CJK input methods, which e-mail addresses are
// typed with too.
const fullwidthAt = '＠'

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// maxWord bounds the words read, in bytes: longer ones are keys, tokens
// of the web and base64 ("eyJhbGciOiJIUzI1NiJ9…"), not language.
const maxWord = 32

// notWord marks the ASCII characters of words that say nothing of a
// language: '@' (e-mail addresses), '/' (URLs, paths), '=' (key=value
// pairs), ':' and '<' (veil's tokens, "<EMAIL:k1:…>"; URLs), '[' (labels,
// "[PHONE]") and digits (numbers, identifiers).
var notWord = func() (t [utf8.RuneSelf]bool) {
	for _, c := range "@/=:<[0123456789" {
		t[c] = true
	}
	return t
}()

// dominantScript returns the script of text's letters: a script other than
// Latin wins with a few letters, since such texts often quote Latin-script
// e-mail addresses and names; kana make Han Japanese.
func dominantScript(text []byte) script {
	var n [scripts]int
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if 'a' <= c|0x20 && c|0x20 <= 'z' {
				n[scriptLatin]++
			}
			i++
			continue
		}
		r, w := utf8.DecodeRune(text[i:])
		n[scriptOfRune(r)]++
		i += w
	}
	n[scriptNone] = 0 // digits and punctuation of no script outvote no letters: "号０２１ ２６６３，邮箱"
	switch {
	case n[scriptKana] > 0:
		return scriptKana
	case n[scriptHangul] > 0:
		return scriptHangul
	}
	best := scriptNone
	for s := scriptHan; s < scripts; s++ {
		if n[s] > n[best] {
			best = s
		}
	}
	if best != scriptNone && (n[best] >= 2 || n[scriptLatin] == 0) {
		return best
	}
	if n[scriptLatin] > 0 {
		return scriptLatin
	}
	return best
}

// scriptOfRune returns the script of a non-ASCII rune, by Unicode block.
func scriptOfRune(r rune) script {
	switch {
	case r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7:
		return scriptLatin
	case r >= 0x400 && r <= 0x52F:
		return scriptCyrillic
	case r >= 0x600 && r <= 0x6FF, r >= 0x750 && r <= 0x77F, r >= 0xFB50 && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFF:
		return scriptArabic
	case r >= 0x900 && r <= 0x97F:
		return scriptDevanagari
	case r >= 0x3040 && r <= 0x30FF, r >= 0x31F0 && r <= 0x31FF, r >= 0xFF66 && r <= 0xFF9F:
		return scriptKana
	case r >= 0x1100 && r <= 0x11FF, r >= 0x3130 && r <= 0x318F, r >= 0xAC00 && r <= 0xD7AF:
		return scriptHangul
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3400 && r <= 0x4DBF, r >= 0xF900 && r <= 0xFAFF, r >= 0x20000 && r <= 0x2FA1F:
		return scriptHan
	}
	return scriptNone
}

// cache remembers the language of recent texts that lingua decided,
// direct-mapped by a seeded hash, comparing whole texts.
type cache struct {
	mu      sync.Mutex
	seed    maphash.Seed
	entries []cacheEntry
}

type cacheEntry struct {
	text string
	lang string
}

func newCache(n int) *cache {
	return &cache{seed: maphash.MakeSeed(), entries: make([]cacheEntry, n)}
}

func (c *cache) slot(text []byte) *cacheEntry {
	return &c.entries[maphash.Bytes(c.seed, text)%uint64(len(c.entries))]
}

func (c *cache) get(text []byte) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.slot(text)
	return e.lang, e.text != "" && e.text == string(text)
}

func (c *cache) put(text []byte, lang string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	*c.slot(text) = cacheEntry{text: string(text), lang: lang}
}
