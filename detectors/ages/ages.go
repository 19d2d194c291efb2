// Package ages reads the age that the writer of a free text says they are,
// in the first person and the present: "I'm 12 years old", "tengo 12
// años", "j'ai 12 ans", "ich bin 12 Jahre alt", "мне 12 лет", "我今年12岁",
// "私は12歳です", "저는 12살이에요", "मैं 12 साल का हूँ", "عمري 12 سنة".
// A prompt whose writer says so is a child's where the app is for people
// of 13 and over, whatever its fields say.
//
// What is said of another person ("my son is 12"), of another time ("when
// I was 12", "我12岁的时候") or as make-believe ("make me look like I'm 12
// years old", "as if I'm 12") is no statement of the writer's age. It does
// not allocate.
package ages

import (
	"bytes"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors/internal/textscan"
)

// Stated returns the youngest age that the writer of text states as
// theirs, and whether they state one. A school's grade or level stands for
// the youngest age in it: "I'm in 5th grade" for 10, "我是小学生" for 6.
func Stated(text []byte) (age int, ok bool) {
	age, ok = statedSchool(text)
	var quotes quoteState
	for i := 0; i < len(text); {
		if c := text[i]; !numeralStart[c] {
			i += runeSize(c) // most characters start no number
			continue
		}
		v, end, isNumber := numberAt(text, i)
		if !isNumber {
			i = end
			continue
		}
		if !mayState(text, i, end) {
			i = end
			continue // most numbers have no unit after them, or no subject before
		}
		for s := range statements {
			st := &statements[s]
			if a := v + st.offset; (!ok || a < age) && v <= st.most() && st.states(text, i, end, &quotes) {
				age, ok = a, true
			}
		}
		i = end
	}
	return age, ok
}

// A statement is how one language says the writer's age: a subject ("I'm",
// "tengo", "我"), maybe words between it and the number ("only", "今年"),
// the number, then its unit ("years old", "岁"), maybe past a space or a
// hyphen, then maybe what must follow ("का हूँ", I am).
type statement struct {
	subjects []string // in lower case
	fillers  []string // between the subject and the number, at most two
	units    []string // in lower case
	// bare: the number may come without a unit where it ends a clause
	// ("I'm 12, make me…", "my age is 10."); statements without units
	// are bare.
	bare     bool
	after    []string // one of them follows the unit, if any are given (or, if bare, the text ends)
	notAfter []string // what after the unit makes it no statement of the writer's age now
	spaced   bool     // a script with spaces between words, whose words are whole
	// wholeSubjects: the subjects are whole words, though the unit may
	// be glued to what follows ("나 열살이야").
	wholeSubjects bool
	// offset is added to the number to give the age: a school's grade's
	// youngest ("5th grade" is 10, offset 5), or the age before one the
	// writer is about to reach ("I turn 12" is 11, offset -1).
	offset int
	// atStart: the statement has no subject and starts the text, a line
	// or a sentence, as Korean leaves the writer unsaid ("열두 살이에요").
	atStart bool
	// ends marks the last bytes of the subjects and fillers: most numbers
	// have no word of the statement right before them.
	ends [256]bool
}

// most returns the largest number st reads: a grade's, or an age's.
func (st *statement) most() int {
	if st.offset > 0 {
		return 12
	}
	return maxAge
}

// unitStarts marks the first bytes of the statements' units in either
// case; wordEnds the last bytes of their subjects and fillers, and
// bareEnds those of the statements that may go without a unit. Each
// statement's ends holds its own.
var unitStarts, wordEnds, bareEnds [256]bool

func init() {
	for i := range statements {
		st := &statements[i]
		for _, u := range st.units {
			unitStarts[u[0]] = true
			unitStarts[bytes.ToUpper([]byte(u))[0]] = true
		}
		for _, ws := range [][]string{st.subjects, st.fillers} {
			for _, w := range ws {
				last := w[len(w)-1]
				st.ends[last], wordEnds[last] = true, true
				bareEnds[last] = bareEnds[last] || st.bare
			}
		}
	}
}

// mayState reports at a glance whether the number at text[start:end] may
// be an age stated: a word of a subject or a filler may end before it, or
// it starts a sentence, and a unit may start after it, past a space or a
// hyphen; or a word of a statement that may go without a unit ends before
// it ("my age is 12").
func mayState(text []byte, start, end int) bool {
	b := skipSpacesBack(text, start)
	if !sentenceStart(text, b) && !wordEnds[text[b-1]] {
		return false
	}
	if end < len(text) && (unitStarts[text[end]] || end+1 < len(text) && (text[end] == ' ' || text[end] == '-') && unitStarts[text[end+1]]) {
		return true
	}
	return b > 0 && bareEnds[text[b-1]] && !textscan.WordAt(text, end)
}

// sentenceStart reports whether a sentence may start at text[b]: the text
// or a line starts there, or a full stop, '!' or '?' ends the one before
// (also "。", "！", "？").
func sentenceStart(text []byte, b int) bool {
	if b == 0 {
		return true
	}
	switch text[b-1] {
	case '\n', '.', '!', '?':
		return true
	}
	if b >= 3 {
		switch string(text[b-3 : b]) {
		case "。", "！", "？":
			return true
		}
	}
	return false
}

// clauseWords are the words after which a number with no unit ends its
// clause: "I'm 12 and I love cats", "I'm 12 lol".
var clauseWords = []string{" and", " now", " today", " so", " but", " y", " e", " et", " und", " и", " lol", " lmao", " haha", " pls", " plz"}

// endsClause reports whether the number that ends at text[end] ends its
// clause: the text ends, or a mark or one of clauseWords follows ("I'm 12,
// make me…", "my age is 10."; not "I'm 12.5 miles", "I'm 12% done", "I'm
// 12 minutes away").
func endsClause(text []byte, end int) bool {
	if end == len(text) {
		return true
	}
	switch text[end] {
	case '!', '?', ';', ')':
		return true
	case '.', ',':
		return end+1 == len(text) || !textscan.WordAt(text, end+1) // not a decimal's: "ich bin 1,80 m groß"
	}
	for _, w := range clauseWords {
		if hasFold(text, end, w) && !textscan.WordAt(text, end+len(w)) {
			return true
		}
	}
	return false
}

// states reports whether the number at text[start:end] is the writer's age
// as st says it.
func (st *statement) states(text []byte, start, end int, quotes *quoteState) bool {
	if b := skipSpacesBack(text, start); st.atStart && !sentenceStart(text, b) || !st.atStart && (b == 0 || !st.ends[text[b-1]]) {
		return false
	}
	i := end
	if u, ok := st.unit(text, end); ok {
		i = u
	} else if len(st.units) > 0 && !st.bare || !endsClause(text, end) {
		return false // "my age is 12.5 cm", "I'm 12 minutes away"
	}
	for _, s := range st.notAfter {
		if hasFold(text, i, s) {
			return false
		}
	}
	if len(st.after) > 0 && !hasAny(text, i, st.after) && !(st.bare && i == len(text)) {
		return false
	}
	return st.atStart || st.subjectBefore(text, start, quotes)
}

// unit returns the end of the unit after the number that ends at
// text[end], past one space or hyphen.
func (st *statement) unit(text []byte, end int) (int, bool) {
	for _, gap := range [...]int{0, 1} {
		i := end + gap
		if gap == 1 && (i > len(text) || text[end] != ' ' && text[end] != '-') {
			continue
		}
		for _, u := range st.units {
			if hasFold(text, i, u) && (!st.spaced || !textscan.WordAt(text, i+len(u))) {
				return i + len(u), true
			}
		}
	}
	return 0, false
}

// subjectBefore reports whether a subject of st, and maybe fillers, come
// right before text[i], spaces between them, and no word of notBefore
// right before the subject.
func (st *statement) subjectBefore(text []byte, i int, quotes *quoteState) bool {
	j := skipSpacesBack(text, i)
	for range 2 {
		f, ok := st.endingAt(text, j, st.fillers)
		if !ok {
			break
		}
		j = skipSpacesBack(text, f)
	}
	s, ok := st.endingAt(text, j, st.subjects)
	if !ok || quotes.inside(text, s) {
		return false // "a cake that says 'I'm 12!'": words to draw, not the writer's
	}
	if !st.spaced {
		return true
	}
	return noneBefore(text, s) && !captionBefore(text, s)
}

// A quoteState reads a text's quotation marks from its start, once: the
// places asked about come in order, so each read goes on from the last.
type quoteState struct {
	pos  int  // the bytes before pos are read
	open bool // a quotation opened before pos is not closed
}

// inside reports whether text[s] is inside quotation marks that open
// before it and are not closed: '"' and JSON's '\"', “…”, «…», „…“,
// 「…」, 『…』, ‘…’, and '…' where the quote starts a word (the
// apostrophe of "I'm" does not).
func (q *quoteState) inside(text []byte, s int) bool {
	if s < q.pos {
		*q = quoteState{} // a place before the last: read again from the start
	}
	open := q.open
	for i := q.pos; i < s; i++ {
		c := text[i]
		switch {
		case c == '"':
			open = !open
		case c == '\'':
			switch {
			case !open && (i == 0 || opensQuote(text[i-1])) && i+1 < len(text) && text[i+1] != ' ':
				open = true
			case open && i > 0 && text[i-1] != ' ' && (i+1 == len(text) || !isWordByte(text[i+1])):
				open = false
			}
		case c == 0xE2 || c == 0xC2 || c == 0xE3:
			switch q, size := utf8.DecodeRune(text[i:]); q {
			case '“', '«', '„', '‘':
				open = !(open && q == '“') // „…“ closes with “
			case '”', '»':
				open = false
			case '’':
				if open && (i+size == len(text) || !isWordByte(text[i+size])) {
					open = false
				}
			case '「', '『':
				open = true
			case '」', '』':
				open = false
			}
		}
	}
	q.pos, q.open = s, open
	return open
}

// opensQuote reports whether a quotation mark after c opens a quote.
func opensQuote(c byte) bool {
	return c == ' ' || c == '(' || c == '[' || c == ':' || c == '\t' || c == '\n'
}

// isWordByte reports whether c is an ASCII letter or digit, or a byte of a
// character beyond ASCII.
func isWordByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'z' || c >= utf8.RuneSelf
}

// captionWords, right before a statement, say that it is text to put on
// an image: "caption: I turned 12 today!".
var captionWords = []string{"caption:", "caption", "says:", "says", "saying", "reads:", "reads", "text:", "slogan:"}

// captionBefore reports whether one of captionWords ends right before
// text[s], past spaces.
func captionBefore(text []byte, s int) bool {
	e := skipSpacesBack(text, s)
	for _, w := range captionWords {
		if e >= len(w) && hasFold(text, e-len(w), w) && (e == len(w) || !isWordByte(text[e-len(w)-1])) {
			return true
		}
	}
	return false
}

// noneBefore reports whether no word of notBefore comes right before
// text[s], a subject's start: "like I'm 12" is make-believe.
func noneBefore(text []byte, s int) bool {
	e := skipSpacesBack(text, s)
	b := e
	for b > 0 && textscan.WordBefore(text, b) {
		_, size := utf8.DecodeLastRune(text[:b])
		b -= size
	}
	return b == e || !notBefore.Has(text[b:e])
}

// endingAt returns the start of the word of words that ends at text[j]: a
// whole word in a spaced script.
func (st *statement) endingAt(text []byte, j int, words []string) (int, bool) {
	for _, w := range words {
		s := j - len(w)
		if s < 0 || !hasFold(text, s, w) {
			continue
		}
		if (st.spaced || st.wholeSubjects) && s > 0 && textscan.WordBefore(text, s) {
			continue
		}
		return s, true
	}
	return 0, false
}

func skipSpacesBack(text []byte, i int) int {
	for i > 0 && (text[i-1] == ' ' || text[i-1] == '\t') {
		i--
	}
	return i
}

// hasFold reports whether s, in lower case, starts at text[i], in any case
// of its ASCII letters and of the first letter beyond ASCII ("Años", "Мне").
func hasFold(text []byte, i int, s string) bool {
	if len(text)-i < len(s) || text[i] != s[0] && (s[0] >= utf8.RuneSelf || text[i]|0x20 != s[0]) {
		return false
	}
	t := text[i : i+len(s)]
	if string(t) == s {
		return true
	}
	if s[0] >= 0xE3 {
		return false // kana, Han, Hangul: no case
	}
	for k := 0; k < len(s); k++ {
		if c := t[k]; c != s[k] && (c >= utf8.RuneSelf || c|0x20 != s[k]) {
			if c < utf8.RuneSelf && s[k] < utf8.RuneSelf {
				return false // ASCII bytes that differ in more than case
			}
			return bytes.EqualFold(t, []byte(s)) // "Años", "Мне"
		}
	}
	return true
}

func hasAny(text []byte, i int, ss []string) bool {
	for _, s := range ss {
		if textscan.HasAt(text, i, s) {
			return true
		}
	}
	return false
}
