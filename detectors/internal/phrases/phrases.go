// Package phrases finds, in any case and without allocating, the phrases
// that introduce a finding of the free-text finders of package detectors
// ("born on", "passport number"), and passes the marks and words between a
// phrase and what it introduces.
package phrases

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors/internal/textscan"
	"github.com/pixelprivacy/veil/detectors/internal/wordset"
)

// A Table is a set of phrases, looked up at a glance by their first two
// bytes.
type Table struct {
	byFirst [256][]phrase // by first byte, the longer first
	seconds [256]uint64   // per first byte, a bit for each second byte's low six bits
}

type phrase struct {
	text string // in lower case, or with a capital
	// spaced: the phrase is in a script with spaces between words, and
	// must be a whole word or words.
	spaced bool
	// caseless: no letter of the phrase beyond ASCII has another case
	// ("我叫", "मेरा नाम", "mac地址"), so that it is compared byte by byte,
	// its ASCII letters in either case, without folding runes.
	caseless bool
}

// equalFold reports whether s, as long as p's text, is p's text in any case.
func (p *phrase) equalFold(s []byte) bool {
	if !p.caseless {
		return bytes.EqualFold(s, []byte(p.text))
	}
	for j, a := range s {
		if b := p.text[j]; a != b && (a|0x20 != b|0x20 || a|0x20 < 'a' || a|0x20 > 'z') {
			return false
		}
	}
	return true
}

// caseless reports whether no rune of s beyond ASCII has another case.
func caseless(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf && unicode.SimpleFold(r) != r {
			return false
		}
	}
	return true
}

// New returns the table of phrases, given in lower case; each is found in
// any case, and one in a script with spaces between words only as whole
// words.
func New(texts ...string) *Table {
	t := new(Table)
	for _, s := range texts {
		r, size := utf8.DecodeRuneInString(s)
		t.add(phrase{text: s, spaced: !textscan.IsCJK(r)})
		if u := string(unicode.ToUpper(r)) + s[size:]; u != s {
			t.add(phrase{text: u, spaced: true})
		}
	}
	t.longestFirst()
	return t
}

// Union returns the table of the phrases of ts: one look at a text's bytes
// tells whether a phrase of any of them may start there.
func Union(ts ...*Table) *Table {
	u := new(Table)
	for _, t := range ts {
		for _, ps := range t.byFirst {
			for _, p := range ps {
				u.add(p)
			}
		}
	}
	u.longestFirst()
	return u
}

// longestFirst orders the phrases of each first byte, the longer first.
func (t *Table) longestFirst() {
	for _, ps := range t.byFirst {
		for i := 1; i < len(ps); i++ {
			for j := i; j > 0 && len(ps[j].text) > len(ps[j-1].text); j-- {
				ps[j], ps[j-1] = ps[j-1], ps[j]
			}
		}
	}
}

func (t *Table) add(p phrase) {
	p.caseless = caseless(p.text)
	c, b := p.text[0], p.text[1]
	t.byFirst[c] = append(t.byFirst[c], p)
	t.seconds[c] |= 1 << (b & 63)
	if isAlnum(b) {
		t.seconds[c] |= 1<<((b|0x20)&63) | 1<<((b&^0x20)&63) // either case
	}
}

// Starts reports whether a phrase of t starts with the byte c.
func (t *Table) Starts(c byte) bool { return len(t.byFirst[c]) > 0 }

// May reports at a glance, from its first two bytes, whether a phrase of t
// may start at text[i]: most characters start none. Callers ask it before
// At, which it leaves the rest to.
func (t *Table) May(text []byte, i int) bool {
	return i+2 < len(text) && t.seconds[text[i]]&(1<<(text[i+1]&63)) != 0
}

// Next returns the first index from i on where May holds, or len(text).
func (t *Table) Next(text []byte, i int) int {
	for ; i+2 < len(text); i++ {
		if t.seconds[text[i]]&(1<<(text[i+1]&63)) != 0 {
			return i
		}
	}
	return len(text)
}

// At returns the end of the longest phrase of t that starts at text[i].
func (t *Table) At(text []byte, i int) (int, bool) {
	c := text[i]
	if !t.May(text, i) || c < utf8.RuneSelf && i > 0 && isAlnum(text[i-1]) {
		return 0, false // phrases in Latin letters start words
	}
	for _, p := range t.byFirst[c] {
		w := i + len(p.text)
		if w > len(text) || !sameByte(text[i+1], p.text[1]) || !sameByte(text[i+2], p.text[2]) ||
			!p.equalFold(text[i:w]) ||
			p.spaced && (i > 0 && textscan.WordBefore(text, i) || textscan.WordAt(text, w)) {
			continue
		}
		return w, true
	}
	return 0, false
}

// Between holds what may stand between a phrase and what it introduces:
// marks (':', "是") and words ("is", "number"), each word perhaps with a
// full stop ("No.").
type Between struct {
	Marks []string
	Words wordset.Set
}

// Skip returns i past at most n marks and words of b, and the spaces
// around them.
func (b *Between) Skip(text []byte, i, n int) int {
	for range n {
		j := textscan.SkipBlanks(text, i)
		for _, m := range b.Marks {
			if textscan.HasAt(text, j, m) {
				j += len(m)
				break
			}
		}
		j = textscan.SkipBlanks(text, j)
		if w := wordEnd(text, j); w > j && b.Words.Has(text[j:w]) {
			j = w
			if j < len(text) && text[j] == '.' {
				j++
			}
		}
		if j == i {
			break
		}
		i = j
	}
	return i
}

// wordEnd returns the end of the run of letters at text[i] in a script with
// spaces between words, or i.
func wordEnd(text []byte, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRune(text[i:])
		if !unicode.IsLetter(r) || textscan.IsCJK(r) {
			break
		}
		i += size
	}
	return i
}

// sameByte reports whether c, a text's byte, may be b, a phrase's: a glance
// before comparing the phrase whole.
func sameByte(c, b byte) bool {
	return c == b || b < utf8.RuneSelf && c|0x20 == b|0x20
}

func isAlnum(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'z' }
