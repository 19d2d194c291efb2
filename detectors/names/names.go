// Package names finds people's names in free text where a phrase introduces
// them, as users of a photo app write them into prompts: "my name is Li
// Wei", "make a card for my daughter Emma", "me llamo Lucía", "我叫李伟",
// "私の名前は田中です", "제 이름은 김민준입니다", "меня зовут Иван",
// "मेरा नाम राहुल है", "اسمي محمد", in the eleven languages of the app; and,
// in Latin and Cyrillic letters, where a given name of its list starts
// them: "Put Michael Johnson in a cape", "a card for Anna and Lukas"; after
// a title: "Mr. Smith", "Frau Schmidt", "للسيد أحمد"; and in Chinese,
// Japanese and Korean, where a title or an honorific follows a name that
// starts with a common surname: "给李伟老师", "田中さん", "김민준 씨"; and in
// Chinese after a verb, where a common surname and given name characters
// of a list make the name: "给王芳画一张", "我和陈静的合照", and after a
// relative's word, "我老婆王芳", as in Korean, "우리 딸 김서연"; and, where a
// given name of a list stands alone, before a Japanese or Korean honorific
// or vocative ("陽菜ちゃん", "민준아"), after an Arabic relative's word,
// "with" or "for" ("ابنتي مريم", "لسارة") and before a Hindi postposition
// ("राहुल के लिए").
//
// It is not a named-entity recognizer: a name that nothing introduces and
// that starts with no given name of the list, or one at a sentence's start
// alone ("Emma loves cats"), is not found. What it finds it finds with few
// mistakes. It runs on the free text of prompts, after the single pass of
// package detectors, and does not allocate.
package names

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/detectors/internal/textscan"
	"github.com/pixelprivacy/veil/detectors/internal/wordset"
)

// AppendSpans appends to dst the names that a phrase introduces in text, as
// spans of kind detectors.Name, in order and not overlapping one another;
// it keeps no reference to text. A name that names a style ("in the style
// of Vincent van Gogh", "Makoto Shinkai style") is an artist's, kept as the
// prompt's meaning, and left out.
func AppendSpans(dst []detectors.Span, text []byte) []detectors.Span {
	return dropStyles(appendNames(dst, text), len(dst), text)
}

// appendNames appends the names in text, style references among them.
func appendNames(dst []detectors.Span, text []byte) []detectors.Span {
	end := 0 // the end of the last name found: phrases inside it are none
	if start, stop, ok := bareHanName(text, 0); ok {
		dst, end = append(dst, detectors.Span{Start: start, End: stop, Kind: detectors.Name}), stop // "王芳的生日贺卡"
	}
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
			if l := c | 0x20; l >= 'a' && j-i < maxWord && i >= end && !afterInnerApostrophe(text, i) {
				if ts := byWord[l-'a'][j-i]; len(ts) > 0 && (i == 0 || !textscan.WordBefore(text, i)) {
					dst, end = try(ts, dst, text, i, end, wordStart)
				}
				if c <= 'Z' && i >= end && (i == 0 || !textscan.WordBefore(text, i)) {
					dst, end = tryGivenName(dst, text, i, end)
				}
			}
			i = j
			continue
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if i < end || !firstBytes.has(text, i) {
			// Most characters start no phrase and no name: their bytes
			// are passed.
			i++
			for i < len(text) && text[i]&0xC0 == 0x80 {
				i++
			}
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		if firstRunes.has(r) {
			if ts := byRune[r]; len(ts) > 0 {
				dst, end = try(ts, dst, text, i, end, startUnknown)
			}
		}
		if i >= end && givenFirst.has(text, i) && (i == 0 || !textscan.WordBefore(text, i)) {
			dst, end = tryGivenName(dst, text, i, end)
		}
		i += size
	}
	return dst
}

// afterInnerApostrophe reports whether text[i] follows an apostrophe
// inside a word, two letters or more before it ("Ali'Ali", "rock'n"): the
// word goes on, and starts no name there, as it would not once a name
// after the apostrophe had been replaced. An elision's one letter ("d'Anna",
// "l'Emma") is no such word.
func afterInnerApostrophe(text []byte, i int) bool {
	a, ok := apostropheBefore(text, i)
	return ok && a >= 2 && isASCIILetter(text[a-1]) && isASCIILetter(text[a-2])
}

// apostropheBefore returns where the apostrophe, ASCII's or U+2019's,
// that ends right before text[i] starts, if one does.
func apostropheBefore(text []byte, i int) (int, bool) {
	switch {
	case i >= 1 && text[i-1] == '\'':
		return i - 1, true
	case i >= 3 && text[i-3] == 0xE2 && text[i-2] == 0x80 && text[i-1] == 0x99:
		return i - 3, true
	}
	return 0, false
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// styleBefore are the phrases after which a name is a style's: "in the
// style of Vincent van Gogh", "inspired by Hokusai", "im Stil von".
var styleBefore = []string{"style of", "manner of", "inspired by", "manière de", "stil von", "estilo de", "в стиле"}

// styleAfter are the words after which a name is a style's: "Makoto
// Shinkai style", "Wes Anderson-style", "Ghibli-esque".
var styleAfter = []string{" style", "-style", "'s style", "’s style", "-esque", "esque", " aesthetic"}

// artists are painters, illustrators, photographers and directors whose
// names prompts write as styles, with or without a phrase that says so
// ("by Greg Rutkowski and Alphonse Mucha"): public figures whose names are
// the prompt's meaning, not a person's data.
var artists = wordset.New("greg rutkowski", "alphonse mucha", "ilya kuvshinov", "makoto shinkai", "hayao miyazaki",
	"thomas kinkade", "james gurney", "craig mullins", "simon stålenhag", "zdzisław beksiński", "wes anderson",
	"tim burton", "vincent van gogh", "claude monet", "pablo picasso", "salvador dalí", "salvador dali",
	"johannes vermeer", "leonardo da vinci", "frida kahlo", "andy warhol", "katsushika hokusai", "gustav klimt",
	"edward hopper", "norman rockwell", "beatrix potter", "quentin blake", "yoshitaka amano", "akira toriyama",
	"junji ito", "kentaro miura", "yoji shinkawa", "ross tran", "peter mohrbacher", "mark ryden", "jean giraud",
	"syd mead", "ansel adams", "annie leibovitz", "steve mccurry", "edvard munch", "rené magritte",
	"georgia o'keeffe", "roy lichtenstein", "keith haring", "jean-michel basquiat", "henri matisse", "paul cézanne",
	"pierre-auguste renoir", "edgar degas", "wassily kandinsky", "piet mondrian", "yayoi kusama", "takashi murakami",
	"hieronymus bosch", "john singer sargent", "william-adolphe bouguereau", "ivan aivazovsky", "albert bierstadt",
	"thomas cole", "caspar david friedrich", "gustave doré", "arthur rackham", "john william waterhouse",
	"dante gabriel rossetti", "stanley kubrick", "christopher nolan", "studio ghibli", "hergé", "osamu tezuka")

// characters are fictional people whom prompts put in pictures by their
// full names ("turn my selfie into Tony Stark", "Sophie Hatter walking in
// the rain"): the prompt's meaning, no one's data. Only full names: a
// first name alone ("my son Mario") may be anyone's.
var characters = wordset.New("tony stark", "peter parker", "bruce wayne", "clark kent", "diana prince", "steve rogers",
	"natasha romanoff", "wanda maximoff", "barry allen", "harry potter", "hermione granger", "ron weasley",
	"albus dumbledore", "luke skywalker", "darth vader", "han solo", "leia organa", "sherlock holmes", "john wick",
	"james bond", "indiana jones", "jack sparrow", "lara croft", "sophie hatter", "santa claus", "wednesday addams",
	"walter white", "jon snow", "arya stark", "daenerys targaryen", "frodo baggins", "bilbo baggins", "naruto uzumaki",
	"sasuke uchiha", "monkey d. luffy", "mona lisa", "willy wonka", "peter pan", "mary poppins", "tinker bell",
	"mickey mouse", "minnie mouse", "donald duck", "bugs bunny", "hello kitty", "sailor moon", "ash ketchum",
	"katniss everdeen", "ellen ripley", "forrest gump", "rocky balboa", "marty mcfly", "jack skellington",
	"edward scissorhands", "buzz lightyear", "lightning mcqueen", "snow white", "alice liddell", "anne shirley")

// dropStyles removes from dst[first:] the names that name a style or a
// fictional character (see AppendSpans).
func dropStyles(dst []detectors.Span, first int, text []byte) []detectors.Span {
	kept := first
	for _, s := range dst[first:] {
		if !styleName(text, s.Start, s.End) {
			dst[kept] = s
			kept++
		}
	}
	return dst[:kept]
}

// styleName reports whether the name text[start:end] names a style: an
// artist's, or one a style's phrase is next to; or a fictional character.
func styleName(text []byte, start, end int) bool {
	if artists.Has(text[start:end]) || characters.Has(text[start:end]) {
		return true
	}
	for _, w := range styleAfter {
		if n := end + len(w); n <= len(text) && bytes.EqualFold(text[end:n], []byte(w)) && !textscan.WordAt(text, n) {
			return true
		}
		if w[0] == '-' && end-start > len(w) && bytes.EqualFold(text[end-len(w):end], []byte(w)) {
			return true // joined to the name as a word of it: "Wes Anderson-style"
		}
	}
	b := start
	for b > 0 && text[b-1] == ' ' {
		b--
	}
	for _, w := range styleBefore {
		if a := b - len(w); a >= 0 && bytes.EqualFold(text[a:b], []byte(w)) && (a == 0 || !textscan.WordBefore(text, a)) {
			return true
		}
	}
	return false
}

// tryGivenName appends the name at text[i], if there is one (see
// givenName), and returns the end of the last name found. A name after a
// hyphen starts with the word joined to it: "Toto-Pierre Dupont", whole.
func tryGivenName(dst []detectors.Span, text []byte, i, end int) ([]detectors.Span, int) {
	if e, ok := givenName(text, i, end); ok {
		start := i
		if a, b := wordBefore(text, i, "-"); b == i-1 && a < b && a >= end {
			start = a
		}
		return append(dst, detectors.Span{Start: start, End: e, Kind: detectors.Name}), e
	}
	return dst, end
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
	}
	return t
}()

// Whether text[i] starts a word, as try is told: known, or to be read if a
// trigger needs it (most triggers of scripts without spaces do not).
const (
	startUnknown = iota
	wordStart
	inWord
)

// try appends the name that one of the triggers ts, starting at text[i],
// introduces, if one does, and returns the end of the last name found.
// Bounded triggers are tried only at the start of a word.
func try(ts []*trigger, dst []detectors.Span, text []byte, i, end, start int) ([]detectors.Span, int) {
	for _, t := range ts {
		if t.bounded && start == startUnknown {
			start = inWord
			if i == 0 || !textscan.WordBefore(text, i) {
				start = wordStart
			}
		}
		if t.bounded && start == inWord {
			break // the bounded triggers come last (see init)
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
	after := i + len(t.phrase)
	if t.exact {
		ok = textscan.HasAt(text, i, t.phrase)
	} else {
		after, ok = matchFold(text, i, t.phrase)
	}
	if !ok || t.bounded && !t.joined && textscan.WordAt(text, after) {
		return 0, 0, false
	}
	switch t.mode {
	case intro, kinWord:
		return cased(text, after, t)
	case title:
		return titled(text, i, after, t)
	case possessive:
		return kin(text, after, t.lang)
	case signOff:
		return signature(text, after, t)
	case han:
		return hanName(text, after)
	case hanSurname:
		return surnamedHanName(text, after)
	case kanaAfter:
		return japaneseAfter(text, after)
	case kanaBefore:
		return japaneseBefore(text, i)
	case kanaSurname:
		return surnamedJapaneseName(text, after)
	case hangul:
		return koreanName(text, after)
	case hangulSurname:
		return surnamedKoreanName(text, after)
	case devanagari:
		return hindiName(text, after)
	case arabic:
		return arabicName(text, after)
	case arabicTitle:
		return titledArabicName(text, after)
	case kunya:
		return kunyaName(text, i, after)
	case devanagariTitle:
		return titledHindiName(text, after)
	case cue:
		return lowerGivenName(text, after)
	case kanaHonorific:
		return honoredJapaneseName(text, i)
	case hanTitle:
		return titledHanName(text, i)
	case hangulHonorific:
		return honoredKoreanName(text, i, after)
	case hanBare:
		return bareHanName(text, after)
	case hanKinName:
		return kinHanName(text, after)
	case hangulVocative:
		return vocativeKoreanName(text, i, after)
	case hangulKin:
		return kinKoreanName(text, after)
	case arabicListed:
		return listedArabicName(text, after, false)
	case arabicJoined:
		return listedArabicName(text, after, true)
	case devanagariBefore:
		return hindiNameBefore(text, i)
	case kanaKin:
		return kinGivenName(text, after)
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
		if w == i || !l.adjectives.Has(text[i:w]) {
			break
		}
		i = skipSpaces(text, w)
	}
	w := wordEnd(text, i)
	if w == i || !l.kin.Has(text[i:w]) || !l.capitalNouns && startsUpper(text[i:w]) {
		return 0, 0, false
	}
	if start, end, ok := cased(text, w, &trigger{mode: kinWord, lang: l}); ok {
		return start, end, true
	}
	return lowerGivenName(text, w) // "my daughter emma", as prompts are often typed
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
		if w == i || !t.lang.connectors.Has(text[i:w]) {
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
		if w == i || stopWords.Has(text[i:w]) || joined(text, w) {
			break // "my name is not important", "meine Tochter Geburtstag", "my name is li.wei"
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
		// A particle joins two capitalized words: "Maria da Silva", and
		// so does "St." a saint's name: "Mrs. St. Clair".
		if (string(text[i:w]) == "St" || string(text[i:w]) == "Ste") && byteAt(text, w) == '.' && byteAt(text, w+1) == ' ' {
			w++
		}
		n := skipSpaces(text, w)
		if p := wordEnd(text, n); p > n && particles.Has(text[n:p]) {
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

// signature reads the name signed after a closing word ("Thanks, Emma",
// "Grüße\nLukas Müller"): after a comma, a full stop, an exclamation
// mark or a line break, one to three capitalized words with nothing but
// punctuation, spaces and symbols after them to the end of the text.
func signature(text []byte, i int, t *trigger) (start, end int, ok bool) {
	i = skipSpaces(text, i)
	j := skipBreaks(text, i)
	if j == i && i < len(text) && (text[i] == ',' || text[i] == '.' || text[i] == '!') {
		j = i + 1
	}
	if j == i {
		return 0, 0, false // "the best Paris": no signature
	}
	start, end, ok = cased(text, skipBreaks(text, j), &trigger{mode: kinWord, lang: t.lang})
	if !ok || wordAfter(text, end) {
		return 0, 0, false
	}
	return start, end, true
}

// skipBreaks returns the index after the spaces and line breaks at
// text[i], raw or JSON-escaped ("\n").
func skipBreaks(text []byte, i int) int {
	for {
		switch j := skipSpaces(text, i); {
		case j < len(text) && (text[j] == '\n' || text[j] == '\r'):
			i = j + 1
		case textscan.HasAt(text, j, `\n`), textscan.HasAt(text, j, `\r`):
			i = j + 2
		default:
			return j
		}
	}
}

// wordAfter reports whether a letter or a digit comes at or after text[i].
func wordAfter(text []byte, i int) bool {
	for i < len(text) {
		if c := text[i]; c == '\\' && i+1 < len(text) {
			i += 2 // an escape: "\n", "\""
			continue
		}
		if textscan.WordAt(text, i) {
			return true
		}
		_, size := utf8.DecodeRune(text[i:])
		i += size
	}
	return false
}

// joined reports whether the word that ends at text[w] goes on as an
// identifier's or an address's ("li.wei", "li_wei", "li@", "AA0100"): a
// handle or a code, not a name.
func joined(text []byte, w int) bool {
	if w < len(text) && '0' <= text[w] && text[w] <= '9' {
		return true // "AA0100000000": an identifier, whose digits alone would read as a number
	}
	if w+1 >= len(text) || text[w] != '.' && text[w] != '_' && text[w] != '@' {
		return w < len(text) && text[w] == '@'
	}
	c := text[w+1]
	return 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
}

// skipOpeningQuote returns the index after an opening quote at text[i],
// JSON-escaped or not, or i if there is none: my name is "Emma".
func skipOpeningQuote(text []byte, i int) int {
	for _, q := range [...]string{`\"`, `"`, "'", "“", "«", "„", "「"} {
		if textscan.HasAt(text, i, q) {
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
		case textscan.HasAt(text, i, "\u00a0"), textscan.HasAt(text, i, "\u3000"):
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

// matchFold reports whether text at i starts with phrase, which is in lower
// case, comparing letters by their lower case; a space in phrase matches
// one or more spaces, an apostrophe either apostrophe. It returns the end
// of the match.
func matchFold(text []byte, i int, phrase string) (int, bool) {
	for p := 0; p < len(phrase); {
		if pc := phrase[p]; 'a' <= pc && pc <= 'z' {
			if byteAt(text, i)|0x20 != pc { // only pc and its upper case are pc with 0x20 set
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
