// Package names finds people's names in free text where a phrase introduces
// them, as users of a photo app write them into prompts: "my name is Li
// Wei", "make a card for my daughter Emma", "me llamo Lucía", "我叫李伟",
// "私の名前は田中です", "제 이름은 김민준입니다", "меня зовут Иван",
// "मेरा नाम राहुल है", "اسمي محمد", in the eleven languages of the app.
//
// It is not a named-entity recognizer: a name that nothing introduces
// ("Emma loves cats") is not found. What it finds it finds with few
// mistakes, since the phrase says a name follows. It runs on the free text
// of prompts, after the single pass of package detectors, and does not
// allocate.
package names

import (
	"unicode"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors"
)

// AppendSpans appends to dst the names that a phrase introduces in text, as
// spans of kind detectors.Name, in order and not overlapping one another;
// it keeps no reference to text.
func AppendSpans(dst []detectors.Span, text []byte) []detectors.Span {
	end := 0 // the end of the last name found: phrases inside it are none
	for i := 0; i < len(text); {
		c := text[i]
		if asciiWord[c] {
			// The phrases that start with an ASCII letter start a word:
			// they are tried at its first letter if the word is as long
			// as the first word of one, and the rest is skipped.
			j := i + 1
			for j < len(text) && asciiWord[text[j]] {
				j++
			}
			if n := j - i; n < 32 && firstLens[c]>>n&1 != 0 && i >= end && (i == 0 || !wordRuneBefore(text, i)) {
				dst, end = try(dst, text, i, end, rune(c|0x20), n)
			}
			i = j
			continue
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		if r < caseless {
			r = unicode.ToLower(r)
		}
		if firstRunes.has(r) && i >= end {
			wordLen := 0 // not at a word's start: only phrases that need none
			if i == 0 || !wordRuneBefore(text, i) {
				wordLen = -1 // any
			}
			dst, end = try(dst, text, i, end, r, wordLen)
		}
		i += size
	}
	return dst
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
	}
	return t
}()

// try appends the name that a trigger starting at text[i], whose first
// character is first in lower case, introduces, if one does, and returns
// the end of the last name found. wordLen is the
// length of the run of ASCII letters and digits at i, which starts a word,
// -1 at the start of another word, 0 elsewhere: bounded triggers are tried
// only at the start of a word, and one whose phrase starts with ASCII
// letters only where they run as long.
func try(dst []detectors.Span, text []byte, i, end int, first rune, wordLen int) ([]detectors.Span, int) {
	for _, t := range byFirst[text[i]] {
		if t.first != first || t.bounded && wordLen == 0 || wordLen > 0 && t.asciiLen != wordLen {
			continue
		}
		if start, stop, ok := t.find(text, i); ok && start >= end {
			return append(dst, detectors.Span{Start: start, End: stop, Kind: detectors.Name}), stop
		}
	}
	return dst, end
}

// find reports the name that t, if it starts at text[i] (at the start of a
// word if t is bounded), introduces.
func (t *trigger) find(text []byte, i int) (start, end int, ok bool) {
	after, ok := matchFold(text, i, t.phrase)
	if !ok || t.bounded && wordRuneAt(text, after) {
		return 0, 0, false
	}
	switch t.mode {
	case intro, kinWord:
		return cased(text, after, t)
	case possessive:
		return kin(text, after, t.lang)
	case han:
		return hanName(text, after)
	case kanaAfter:
		return japaneseAfter(text, after)
	case kanaBefore:
		return japaneseBefore(text, i)
	case hangul:
		return koreanName(text, after)
	case devanagari:
		return hindiName(text, after)
	case arabic:
		return arabicName(text, after)
	}
	return 0, 0, false
}

// kin reads what follows a possessive ("my", "mi", "meine", "моя"): an
// adjective or two ("little", "best"), a word for a relative or friend of
// the possessive's language, then the name as cased reads it.
func kin(text []byte, i int, l *language) (start, end int, ok bool) {
	i = skipSpaces(text, i)
	for range 2 {
		w := wordEnd(text, i)
		if w == i || !l.adjectives.has(text[i:w]) {
			break
		}
		i = skipSpaces(text, w)
	}
	w := wordEnd(text, i)
	if w == i || !l.kin.has(text[i:w]) || !l.capitalNouns && startsUpper(text[i:w]) {
		return 0, 0, false
	}
	return cased(text, w, &trigger{mode: kinWord, lang: l})
}

// cased reads the name after a phrase of a cased script (Latin, Cyrillic,
// Greek): after a comma or a connector ("named", "llamada", "namens"), one
// to three words that start with a capital letter, with a particle between
// them ("Maria da Silva"). After a self-introduction the first word may be
// in lower case, as prompts are often typed ("my name is emma"), unless it
// is a word that no name is ("my name is not important").
func cased(text []byte, i int, t *trigger) (start, end int, ok bool) {
	i = skipSpaces(text, i)
	if i < len(text) && (text[i] == ',' || text[i] == ':') {
		i = skipSpaces(text, i+1)
	}
	for range 3 { // "named", "que se llama", "по имени"
		w := wordEnd(text, i)
		if w == i || !t.lang.connectors.has(text[i:w]) {
			break
		}
		i = skipSpaces(text, w)
	}
	i = skipOpeningQuote(text, i)
	start, end = i, i
	lowerFirst := false
read:
	for words := 0; words < 3; words++ {
		w := nameWordEnd(text, i)
		if w == i || stopWords.has(text[i:w]) {
			break // "my name is not important", "meine Tochter Geburtstag"
		}
		switch {
		case startsUpper(text[i:w]):
		case words == 0 && t.mode == intro:
			lowerFirst = true
		case words == 1 && lowerFirst:
		default:
			break read
		}
		end = w
		// A particle joins two capitalized words: "Maria da Silva".
		n := skipSpaces(text, w)
		if p := wordEnd(text, n); p > n && particles.has(text[n:p]) {
			if q := skipSpaces(text, p); q > p && startsUpper(text[q:nameWordEnd(text, q)]) {
				n = q
			}
		}
		if n == w {
			break
		}
		i = n
	}
	if end == start {
		return 0, 0, false
	}
	return start, end, true
}

// skipOpeningQuote returns the index after an opening quote at text[i],
// JSON-escaped or not, or i if there is none: my name is "Emma".
func skipOpeningQuote(text []byte, i int) int {
	for _, q := range [...]string{`\"`, `"`, "'", "“", "«", "„", "「"} {
		if hasAt(text, i, q) {
			return i + len(q)
		}
	}
	return i
}

// nameWordEnd returns the end of the name word at text[i]: at least two
// letters (and marks), joined by an apostrophe or a hyphen to more
// ("O'Brien", "Jean-Luc"); a possessive "'s" is not part of it. It returns
// i if there is none.
func nameWordEnd(text []byte, i int) int {
	j, letters := i, 0
	for j < len(text) {
		r, size := utf8.DecodeRune(text[j:])
		switch {
		case unicode.IsLetter(r) && !wordless(r), unicode.Is(unicode.Mn, r) && letters > 0:
			letters++
			j += size
			continue
		case (r == '\'' || r == '’' || r == '-') && letters > 0:
			next := j + size
			nr, nsize := utf8.DecodeRune(text[next:])
			if !unicode.IsLetter(nr) || r != '-' && (nr == 's' && !letterAt(text, next+nsize)) {
				break // "Emma's"
			}
			j = next
			continue
		}
		break
	}
	if letters < 2 {
		return i
	}
	return j
}

// wordless reports whether r is of a script written without spaces between
// words, whose names the cased reading cannot tell.
func wordless(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r))
}

func letterAt(text []byte, i int) bool {
	r, _ := utf8.DecodeRune(text[i:])
	return i < len(text) && unicode.IsLetter(r)
}

func startsUpper(word []byte) bool {
	r, _ := utf8.DecodeRune(word)
	return len(word) > 0 && (unicode.IsUpper(r) || unicode.IsTitle(r))
}

// wordEnd returns the end of the run of letters and marks at text[i], or i.
func wordEnd(text []byte, i int) int {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if !asciiWord[c] && c != '-' && c != '\'' || '0' <= c && c <= '9' {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsMark(r) && r != '-' && r != '\'' && r != '’' {
			break
		}
		i += size
	}
	return i
}

// skipSpaces returns the index of the first byte at or after i that is no
// space: ASCII spaces, tabs, the no-break and the ideographic space.
func skipSpaces(text []byte, i int) int {
	for i < len(text) {
		switch {
		case text[i] == ' ' || text[i] == '\t':
			i++
		case hasAt(text, i, "\u00a0"), hasAt(text, i, "\u3000"):
			_, size := utf8.DecodeRune(text[i:])
			i += size
		default:
			return i
		}
	}
	return i
}

// caseless is the first character beyond the scripts with case whose
// phrases are matched in any case (Latin, Greek, Cyrillic).
const caseless = 0x0530

// byteAt returns text[i], or 0 past its end.
func byteAt(text []byte, i int) byte {
	if i < len(text) {
		return text[i]
	}
	return 0
}

func hasAt(text []byte, i int, s string) bool {
	return len(text)-i >= len(s) && string(text[i:i+len(s)]) == s
}

// wordRuneAt reports whether text[i] starts a letter, a mark or a digit.
func wordRuneAt(text []byte, i int) bool {
	if i >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRune(text[i:])
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// wordRuneBefore reports whether the character before text[i] is a letter,
// a mark or a digit.
func wordRuneBefore(text []byte, i int) bool {
	if c := text[i-1]; c < utf8.RuneSelf {
		return asciiWord[c]
	}
	r, _ := utf8.DecodeLastRune(text[:i])
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// matchFold reports whether text at i starts with phrase, which is in lower
// case, comparing letters by their lower case; a space in phrase matches
// one or more spaces, an apostrophe either apostrophe. It returns the end
// of the match.
func matchFold(text []byte, i int, phrase string) (int, bool) {
	for p := 0; p < len(phrase); {
		if c, pc := byteAt(text, i), phrase[p]; c < utf8.RuneSelf && pc < utf8.RuneSelf && pc != ' ' && pc != '\'' {
			if c|0x20 != pc || c < 'A' {
				return 0, false
			}
			i++
			p++
			continue
		}
		pr, psize := utf8.DecodeRuneInString(phrase[p:])
		p += psize
		if pr == ' ' {
			j := skipSpaces(text, i)
			if j == i {
				return 0, false
			}
			i = j
			continue
		}
		if i >= len(text) {
			return 0, false
		}
		r, size := utf8.DecodeRune(text[i:])
		i += size
		if r == pr || r < caseless && unicode.ToLower(r) == pr || pr == '\'' && r == '’' {
			continue
		}
		return 0, false
	}
	return i, true
}
