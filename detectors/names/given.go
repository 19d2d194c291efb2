package names

import (
	"bytes"
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/detectors/internal/textscan"
	"github.com/pixelprivacy/veil/detectors/internal/wordset"
)

// The lists of names, see their headers.
var (
	//go:embed given.txt
	givenText string
	//go:embed romanized.txt
	romanizedText string
	//go:embed family.txt
	familyText string
)

// givenNames holds the given names of given.txt, flagged if they are
// words in lower case too (marked '*' there); givenFirst the first
// bytes of their capitals beyond ASCII ("É", "И"), which firstBytes holds
// too, so that the scan passes other characters by their bytes; and
// givenPairs the first two letters of every name that may start one,
// given or East Asian family name, so that most capitals are passed
// without a lookup ("Turn", "Сделай").
var (
	givenNames = flaggedSet(listed(givenText))
	givenFirst byteFilter
	givenPairs pairFilter
)

// eastAsianGiven holds the given names of romanized.txt, flagged if they
// are English words too; those not flagged are in givenNames too.
// eastAsianFamily holds the family names of family.txt, which start a name
// before one of eastAsianGiven ("Wang Fang").
var (
	eastAsianGiven  = flaggedSet(listed(romanizedText))
	eastAsianFamily = wordset.New(listed(familyText)...)
)

// pairFilter is a set of pairs of characters that may report some others
// too: a capital and the letter after it.
type pairFilter [4096 / 64]uint64

func pairKey(a, b rune) uint32      { return uint32(a*131+b) & 4095 }
func (f *pairFilter) add(a, b rune) { k := pairKey(a, b); f[k>>6] |= 1 << (k & 63) }

// has reports whether the word at text[i] may start with a pair of f.
func (f *pairFilter) has(text []byte, i int) bool {
	a, size := utf8.DecodeRune(text[i:])
	b, _ := utf8.DecodeRune(text[i+size:])
	k := pairKey(a, b)
	return f[k>>6]>>(k&63)&1 != 0
}

// listed returns the words of a list, one a line, less comments.
func listed(text string) []string {
	var words []string
	for line := range strings.Lines(text) {
		if w := strings.TrimSpace(line); w != "" && w[0] != '#' {
			words = append(words, w)
		}
	}
	return words
}

// flaggedSet returns the set of words, flagged where they end with '*'.
func flaggedSet(words []string) wordset.Set {
	s := wordset.New()
	for _, w := range words {
		word, flagged := strings.CutSuffix(w, "*")
		s.Add(flagged, word)
	}
	return s
}

// lowerGivenName reports the end of the given name of the list, written in
// lower case, at text[i]: after a word that a name follows ("a card for
// emma", "me and lukas"; see language.cues), as prompts are often typed.
// A name that is a word in lower case too ("frank", "mia") is none, and a
// family name after it cannot be told from other words.
func lowerGivenName(text []byte, i int) (start, end int, ok bool) {
	i = skipSpaces(text, i)
	if i < len(text) && text[i] == ',' {
		i = skipSpaces(text, i+1)
	}
	w := nameWordEnd(text, i)
	if w == i || startsUpper(text[i:w]) || joined(text, w) {
		return 0, 0, false
	}
	if word, ok := givenNames.Get(text[i:w]); !ok || word {
		return 0, 0, false
	}
	return i, w, true
}

func init() {
	eastAsianGiven.Each(func(name string, word bool) {
		if !word {
			givenNames.Add(false, name)
		}
	})
	eastAsianFamily.Each(addStart)
	givenNames.Each(addStart)
}

// addStart adds to the filters the start of a name that may start a
// person's, written with a capital.
func addStart(name string, _ bool) {
	first, size := utf8.DecodeRuneInString(name)
	second, _ := utf8.DecodeRuneInString(name[size:])
	capital := unicode.ToUpper(first)
	givenPairs.add(capital, second)
	if first >= utf8.RuneSelf {
		givenFirst.add(capital)
		firstBytes.add(capital)
	}
}

// notSurnames are capitalized words that follow a given name without
// making it a person's: places ("Victoria Falls", "Jordan River"),
// holidays and dates, and the words of a style's or a product's name.
var notSurnames = wordset.New(
	"street", "st", "avenue", "ave", "road", "rd", "lane", "boulevard", "blvd", "drive", "park", "river", "lake",
	"falls", "bay", "beach", "island", "islands", "mountain", "mountains", "mount", "mt", "hill", "hills",
	"valley", "canyon", "city", "county", "state", "university", "college", "school", "academy", "hospital",
	"hall", "square", "bridge", "tower", "station", "airport", "hotel", "church", "cathedral", "chapel",
	"memorial", "museum", "center", "centre", "garden", "gardens", "springs", "heights", "harbor", "harbour",
	"stadium", "arena", "mall", "market", "tech", "institute", "foundation", "inc", "ltd", "llc", "co",
	"company", "group", "club", "band", "show", "style", "styles", "mode", "filter", "effect", "edition",
	"collection", "day", "night", "cup", "award", "awards", "festival", "theatre", "theater", "studio",
	"studios", "records", "pictures", "games", "kart", "bros", "brothers", "sisters", "jr", "sr", "ii", "iii",
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"ok", "okay", "yes", "hi", "hello", "hey", "bye", "mom", "mum", "dad", "grandma", "grandpa",
)

// givenName reports the end of the name at text[i], at the start of a
// word, that starts with a capitalized given name of the list, not inside
// a proper noun (see inProperNoun): a full name, the given name and one or
// two family names ("Michael Johnson", "Maria da Silva", "Gabriel García
// Márquez", also in title case: "A Portrait Of Emma Watson"), or the given
// name alone after a word of its sentence or a name and '&' (prev is the
// end of the last name found), and before no capitalized word and no US
// state's code ("a card for Anna and Lukas", "Draw Felix as an
// astronaut", "Dear Emma", "Priya & Rahul"; not "Emma loves cats", where a
// capital says nothing, "Emma Street" or "Washington, DC").
func givenName(text []byte, i, prev int) (end int, ok bool) {
	if !givenPairs.has(text, i) {
		return 0, false // most capitals start no name
	}
	w := nameWordEnd(text, i)
	if w == i || !titleWord(text[i:w]) || joined(text, w) {
		return 0, false
	}
	if !givenNames.Has(text[i:w]) && !russianCase(text[i:w]) && !givenParts(text[i:w]) &&
		!(wordNames.Has(text[i:w]) && afterGreeting(text, i)) {
		if end, ok := vietnameseName(text, i, w); ok {
			return end, true
		}
		return familyFirst(text, i, w)
	}
	end = familyNames(text, w, eastAsianGiven.Has(text[i:w]))
	if end == w && (!afterWord(text, i) && !afterElision(text, i) && !ampersandAfter(text, prev, i) && !afterCardLabel(text, i) && !pairedAfter(text, w) ||
		capitalAfter(text, w) || stateAfter(text, w)) ||
		inProperNoun(text, i) {
		return 0, false
	}
	return end, true
}

// givenParts reports whether word is given names of the list joined by
// hyphens, each capitalized: "Jean-Pierre", "Anne-Marie", "Hans-Peter";
// not "Mercedes-Benz".
func givenParts(word []byte) bool {
	n := 0
	for part := range bytes.SplitSeq(word, []byte("-")) {
		if !titleWord(part) || !givenNames.Has(part) {
			return false
		}
		n++
	}
	return n > 1
}

// russianEndings are the endings of Russian given names' other cases, each
// with the endings its nominative may have: "Ивана" is "Иван", "Марию"
// "Мария", "Машей" "Маша", "Сергеем" "Сергей".
var russianEndings = []struct {
	ending      string
	nominatives []string
}{
	{"ой", []string{"а", "я"}},
	{"ей", []string{"а", "я", "й"}},
	{"ом", []string{""}},
	{"ем", []string{"й", ""}},
	{"у", []string{"а", ""}},
	{"ю", []string{"я", "й"}},
	{"а", []string{""}},
	{"я", []string{"й"}},
	{"е", []string{"а", "я", ""}},
	{"и", []string{"а", "я"}},
}

// russianCase reports whether word is a Russian given name of the list in
// another case than the nominative: "Нарисуй Ивана", "для Маши", "с Машей".
func russianCase(word []byte) bool {
	_, _, ok := russianNominative(word)
	return ok
}

// familyFirst reports the end of the name at text[i], whose first word
// ends at text[w], that an East Asian family name starts and a given name
// of theirs follows, as they are written: "Wang Fang", "Park Ji-min",
// "Tanaka Yuki".
func familyFirst(text []byte, i, w int) (end int, ok bool) {
	n := skipSpaces(text, w)
	end = nameWordEnd(text, n)
	if n == w || n > w+3 || end == n || !eastAsianFamily.Has(text[i:w]) || !titleWord(text[n:end]) ||
		joined(text, end) || !eastAsianGiven.Has(text[n:end]) || inProperNoun(text, i) {
		return 0, false
	}
	return end, true
}

// familyNames returns the end of the one or two family names after a
// given name that ends at text[w], or w if none follows: capitalized
// words with a small letter after the capital, a particle maybe between
// ("da Silva"), that are no function word and no place's or product's
// word ("Victoria Falls", "Mario Kart"), unless the given name is East
// Asian and the word an East Asian family name ("Ji-min Park").
func familyNames(text []byte, w int, eastAsian bool) int {
	end := w
	if n := nicknameEnd(text, w); n > w {
		if e := familyNames(text, n, eastAsian); e > n {
			return e // "Robert 'Bob' Anderson"
		}
	}
	for range 2 {
		n := skipSpaces(text, end)
		if n == end || n > end+3 {
			break
		}
		if p := wordEnd(text, n); p > n && particles.Has(text[n:p]) {
			if q := skipSpaces(text, p); q > p {
				n = q
			}
		}
		s := nameWordEnd(text, n)
		if s == n || !titleWord(text[n:s]) || stopWords.Has(text[n:s]) || joined(text, s) ||
			notSurnames.Has(text[n:s]) && !(eastAsian && eastAsianFamily.Has(text[n:s])) {
			break
		}
		end = s
	}
	return end
}

// nicknameEnd returns the end of a nickname in quotes after a space at
// text[w] ("'Bob'", "\"Bob\"", "“Bob”"), a space after it, or w if there
// is none.
func nicknameEnd(text []byte, w int) int {
	n := skipSpaces(text, w)
	q := skipOpeningQuote(text, n)
	e := nameWordEnd(text, q)
	if n == w || q == n || e == q || !titleWord(text[q:e]) {
		return w
	}
	for _, c := range [...]string{`\"`, `"`, "'", "”", "’", "»", "“", "」"} {
		if textscan.HasAt(text, e, c) && e+len(c) < len(text) && text[e+len(c)] == ' ' {
			return e + len(c)
		}
	}
	return w
}

// greetings are capitalized words that a given name follows outside of a
// proper noun (see inProperNoun): "Oh Dear Emma", "Happy Birthday Emma".
var greetings = wordset.New("dear", "hi", "hello", "hey", "birthday", "christmas", "hola", "querida", "querido",
	"cumpleaños", "navidad", "olá", "oi", "aniversário", "natal", "bonjour", "salut", "cher", "chère", "anniversaire",
	"noël", "hallo", "liebe", "lieber", "geburtstag", "weihnachten", "привет", "дорогая", "дорогой", "рождения")

// kinTitles are the relatives' words written before a name as a title:
// "Grandma Rose", "Aunt Lily", "Uncle Bob".
var kinTitles = wordset.New("grandma", "grandpa", "granny", "nana", "nanna", "aunt", "auntie", "aunty", "uncle",
	"cousin", "tante", "onkel", "oma", "opa", "tía", "tío", "abuela", "abuelo", "tia", "tio", "avó", "avô",
	"tatie", "tonton", "mamie", "papi", "papy")

// wordNames are given names that are English words too, and so are not
// in the list of given names ("Rose", "Lily", "Hope"): they are a name
// only right after a greeting or a relative's title, where a capitalized
// word is one ("Happy birthday Lily!", "Dear Hope,", "Grandma Rose").
var wordNames = wordset.New("rose", "lily", "grace", "hope", "faith", "ivy", "violet", "daisy", "ruby", "jade",
	"pearl", "hazel", "holly", "iris", "jasmine", "olive", "poppy", "willow", "amber", "summer", "autumn", "dawn",
	"joy", "crystal", "heather", "melody", "destiny", "harmony", "charity", "patience", "serenity", "trinity",
	"ginger", "coral", "fern", "flora", "sky", "skye", "river", "rowan", "sage", "hunter", "chase", "drew", "grant",
	"jack", "bill", "bob", "pat", "ray", "max", "miles", "mark", "will", "dean", "glen", "jay", "lance", "reed",
	"rob", "sandy", "wade", "woody", "buddy", "angel", "penny", "candy", "misty", "bonnie", "cherry", "art",
	"bud", "chip", "dale", "earl", "gene", "guy", "herb", "ken", "mason", "nick", "norm", "pierce", "rich",
	"rusty", "sterling", "stone", "tucker", "brook", "cliff", "carol", "robin", "sally", "sue", "sunny", "star")

// afterGreeting reports whether a greeting or a relative's title comes
// right before text[i], past spaces and a comma.
func afterGreeting(text []byte, i int) bool {
	a, b := wordBefore(text, i, " ,")
	return a < b && (greetings.Has(text[a:b]) || kinTitles.Has(text[a:b]))
}

// inProperNoun reports whether a capitalized word that is no greeting and
// no function word, or a token, which may stand for one, comes right
// before text[i], itself after a word of the same sentence (text in title
// case is not: "A Portrait Of Emma Watson"):
// the given name is then a word of a place's or a thing's name ("in São
// Paulo Fashion Week", "visit Costa Rica"), where at a sentence's start it
// follows a verb ("Put Michael Johnson in a cape").
func inProperNoun(text []byte, i int) bool {
	j := i
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	if j > 0 && textscan.TokenBefore(text, j) {
		return true // a token may stand for a capitalized word: "@AA AbA"
	}
	a, b := wordBefore(text, i, " ")
	if a == b || !startsUpper(text[a:b]) || greetings.Has(text[a:b]) || kinTitles.Has(text[a:b]) || stopWords.Has(text[a:b]) {
		return false
	}
	return !sentenceStart(text, a)
}

// sentenceStart reports whether text[i] starts a sentence: only spaces
// come between it and the text's start or a sentence's end ('.', '!',
// '?', ':', a line break, an opening quote or bracket). Anything else
// before it, a word or a token ("<EMAIL:k1:…>"), does not, so that
// redacting twice reads it as once.
func sentenceStart(text []byte, i int) bool {
	for i > 0 && text[i-1] == ' ' {
		i--
	}
	if i == 0 {
		return true
	}
	switch text[i-1] {
	case '.', '!', '?', ':', ';', '\n', '\r', '"', '\'', '(', '[', '\t':
		return true
	}
	return i >= 2 && text[i-2] == '\\' && (text[i-1] == 'n' || text[i-1] == '"') // JSON's "\n", "\""
}

// wordBefore returns the bounds of the word of letters before text[i],
// past one or more of the bytes of seps, empty if there is none.
func wordBefore(text []byte, i int, seps string) (start, end int) {
	end = i
	for end > 0 && strings.IndexByte(seps, text[end-1]) >= 0 {
		end--
	}
	if end == i {
		return i, i
	}
	start = end
	for start > 0 {
		r, size := utf8.DecodeLastRune(text[:start])
		if !unicode.IsLetter(r) {
			break
		}
		start -= size
	}
	return start, end
}

// afterWord reports whether a word comes before text[i] in the same
// sentence, past spaces and a comma.
func afterWord(text []byte, i int) bool {
	a, b := wordBefore(text, i, " ,")
	return a < b
}

// afterElision reports whether French's "d'" or "l'", in lower case, comes
// right before text[i], after a space: "la fête d'Anna", "pour l'Emma de
// mon cœur".
func afterElision(text []byte, i int) bool {
	a, ok := apostropheBefore(text, i)
	return ok && a >= 1 && (text[a-1] == 'd' || text[a-1] == 'l') && (a == 1 || text[a-2] == ' ') // not "D'Alessandro", a family name
}

// ampersandAfter reports whether an '&' and spaces come before text[i],
// after the name that ends at text[prev] or after a pronoun: "Priya &
// Rahul", "Me & Jake" (not "Marks & Spencer").
func ampersandAfter(text []byte, prev, i int) bool {
	j := i
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	if j == 0 || text[j-1] != '&' {
		return false
	}
	if prev > 0 && prev < i && string(bytes.TrimSpace(text[prev:i])) == "&" {
		return true
	}
	a, b := wordBefore(text, j-1, " ")
	return pronouns.Has(text[a:b])
}

// conjunctions join two names: "Jake and Emma", "Jake & Emma", "Lena und
// Tim".
var conjunctions = []string{" and ", " & ", " und ", " y ", " et ", " e ", " и "}

// pairedAfter reports whether a conjunction and a given name of the list
// follow the word that ends at text[w]: a name that starts a sentence is
// one when another joins it ("Jake and Emma wedding invitation"), as one
// after a word is.
func pairedAfter(text []byte, w int) bool {
	for _, c := range conjunctions {
		if textscan.HasAt(text, w, c) {
			n := w + len(c)
			e := nameWordEnd(text, n)
			return e > n && titleWord(text[n:e]) && givenNames.Has(text[n:e])
		}
	}
	return false
}

// pronouns are the words an '&' joins a name to as "and" would: "Me & Jake".
var pronouns = wordset.New("me", "i", "you", "us", "him", "her", "them", "we")

// cardLabels are the words that, before a colon, say who a card or a gift
// is to or from: "To: Sophie, From: Liam".
var cardLabels = wordset.New("to", "from", "für", "von", "para", "de", "pour", "от", "для")

// afterCardLabel reports whether a card's label and a colon come before
// text[i]: "To: Sophie".
func afterCardLabel(text []byte, i int) bool {
	j := i
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	a, b := wordBefore(text, j, ":")
	return b == j-1 && a < b && cardLabels.Has(text[a:b])
}

// stateAfter reports whether a comma and a US state's code in capitals
// follow the word that ends at text[w], which makes a given name before
// them a city's: "Charlotte, NC", "Washington, DC".
func stateAfter(text []byte, w int) bool {
	n := w + len(", XX")
	return n <= len(text) && text[w] == ',' && text[w+1] == ' ' && detectors.IsUSState(text[w+2:n]) && !textscan.WordAt(text, n)
}

// capitalAfter reports whether a capitalized word that is no function
// word follows the word that ends at text[w]: "Emma Street", not "Emma In
// A Red Dress".
func capitalAfter(text []byte, w int) bool {
	n := skipSpaces(text, w)
	e := nameWordEnd(text, n)
	return n > w && startsUpper(text[n:e]) && !stopWords.Has(text[n:e])
}

// titleWord reports whether word is written with a capital, then a small
// letter ("Emma", "O'Brien", "Иван"; not "EMMA" or "eMMa").
func titleWord(word []byte) bool {
	r, size := utf8.DecodeRune(word)
	next, nsize := utf8.DecodeRune(word[size:])
	if next == '\'' || next == '’' { // "O'Brien", "D’Angelo"
		return unicode.IsUpper(r) && titleWord(word[size+nsize:])
	}
	return unicode.IsUpper(r) && unicode.IsLower(next)
}
