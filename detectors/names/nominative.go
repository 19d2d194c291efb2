package names

import (
	"bytes"

	"github.com/pixelprivacy/veil/detectors/internal/wordset"
)

// AppendNominative appends name, the canonical form of a NAME (lower case,
// its words joined by one space; see detectors.Set.AppendCanonical), with a
// Russian name written in another case than the nominative put in the
// nominative, so that every case of a name has its token: "ивана петрова"
// (of Ivan Petrov) is "иван петров", "с анной петровой" "анна петрова",
// "маши" "маша". The given name's case is read by its ending against the
// list (as the finder reads it, see russianCase), and the family name and
// patronymic after it are put back by the endings of their kind for the
// given name's gender: -ов, -ев, -ин, -ын, -ский, -ович and theirs. Other
// names are appended as they are.
func AppendNominative(dst, name []byte) []byte {
	first, rest, _ := bytes.Cut(name, []byte(" "))
	nominative, feminine, ok := russianNominative(first)
	if !ok {
		return append(dst, name...)
	}
	dst = append(append(dst, first[:len(first)-len(nominative.ending)]...), nominative.suffix...)
	endings := masculineEndings
	if feminine {
		endings = feminineEndings
	}
	for len(rest) > 0 {
		var word []byte
		word, rest, _ = bytes.Cut(rest, []byte(" "))
		dst = append(dst, ' ')
		dst = appendRestored(dst, word, endings)
	}
	return dst
}

// caseEnding is a given name's ending in another case and the ending its
// nominative has instead.
type caseEnding struct{ ending, suffix string }

// russianNominative reports how word, a Russian given name of the list in
// another case than the nominative, ends in that case and in the
// nominative, and whether that is a woman's name (-а, -я).
func russianNominative(word []byte) (e caseEnding, feminine, ok bool) {
	if len(word) < 6 || word[0] != 0xD0 && word[0] != 0xD1 || givenNames.Has(word) {
		return caseEnding{}, false, false
	}
	var buf [wordset.MaxWord]byte
	for _, r := range russianEndings {
		stem, ok := bytes.CutSuffix(word, []byte(r.ending))
		if !ok || len(stem) < 4 {
			continue
		}
		for _, n := range r.nominatives {
			if len(stem)+len(n) <= len(buf) && givenNames.Has(append(append(buf[:0], stem...), n...)) {
				return caseEnding{r.ending, n}, n == "а" || n == "я", true
			}
		}
	}
	return caseEnding{}, false, false
}

// The endings of Russian family names and patronymics in the other cases,
// with their nominatives, by gender, longest first.
var (
	masculineEndings = []caseEnding{
		{"овичем", "ович"}, {"евичем", "евич"}, {"овича", "ович"}, {"евича", "евич"}, {"овичу", "ович"}, {"евичу", "евич"},
		{"овиче", "ович"}, {"евиче", "евич"}, {"ского", "ский"}, {"скому", "ский"}, {"ским", "ский"}, {"ском", "ский"},
		{"овым", "ов"}, {"евым", "ев"}, {"иным", "ин"}, {"ыным", "ын"},
		{"ова", "ов"}, {"ову", "ов"}, {"ове", "ов"}, {"ева", "ев"}, {"еву", "ев"}, {"еве", "ев"},
		{"ина", "ин"}, {"ину", "ин"}, {"ине", "ин"}, {"ына", "ын"}, {"ыну", "ын"}, {"ыне", "ын"},
	}
	feminineEndings = []caseEnding{
		{"овной", "овна"}, {"евной", "евна"}, {"овны", "овна"}, {"евны", "евна"}, {"овне", "овна"}, {"евне", "евна"},
		{"овну", "овна"}, {"евну", "евна"}, {"ской", "ская"}, {"скую", "ская"},
		{"овой", "ова"}, {"евой", "ева"}, {"иной", "ина"}, {"ыной", "ына"},
		{"ову", "ова"}, {"еву", "ева"}, {"ину", "ина"}, {"ыну", "ына"},
	}
)

// appendRestored appends word with the first of endings it ends with
// replaced by its nominative.
func appendRestored(dst, word []byte, endings []caseEnding) []byte {
	for _, e := range endings {
		if stem, ok := bytes.CutSuffix(word, []byte(e.ending)); ok && len(stem) >= 2 {
			return append(append(dst, stem...), e.suffix...)
		}
	}
	return append(dst, word...)
}
