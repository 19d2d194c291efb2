// Package documents finds the numbers of identity documents in free text,
// where a document's name labels one: "my passport number is X12345678",
// "driver's license: D1234567", "número de pasaporte: PAA123456",
// "Reisepass Nr. C01X00T47", "паспорт 4510 123456", "护照号码是E12345678",
// "パスポート番号はTK1234567", "여권번호 M12345678". People type them into
// prompts for ID and passport photos; a document's number identifies its
// holder.
//
// A number is one to three groups of letters and digits, 6 to 20 in all,
// with a digit among them: "license: MIT" is none. It runs on free text
// after the single pass of package detectors and does not allocate; its
// findings are of kind detectors.Document, whose canonical form is the
// number's letters and digits in upper case.
package documents

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/detectors/internal/textscan"
	"github.com/pixelprivacy/veil/detectors/internal/wordset"
)

// AppendSpans appends to dst the documents' numbers in text, as spans of
// kind detectors.Document, in order and not overlapping one another; it
// keeps no reference to text.
func AppendSpans(dst []detectors.Span, text []byte) []detectors.Span {
	end := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if i < end || i+2 >= len(text) || seconds[c]&(1<<(text[i+1]&63)) == 0 ||
			c < utf8.RuneSelf && i > 0 && (c|0x20 >= 'a' && c|0x20 <= 'z') && textscan.WordBefore(text, i) {
			continue
		}
		for _, l := range byFirst[c] {
			w := i + len(l.phrase)
			if w > len(text) || !bytes.EqualFold(text[i:w], []byte(l.phrase)) ||
				l.spaced && (i > 0 && textscan.WordBefore(text, i) || textscan.WordAt(text, w)) {
				continue
			}
			if start, stop, ok := numberAfter(text, w); ok {
				dst = append(dst, detectors.Span{Start: start, End: stop, Kind: detectors.Document})
				end = stop
			}
			break
		}
	}
	return dst
}

// numberAfter reads the number after a document's name that ends at
// text[i], past the words and marks between them: "number", "No.", "is",
// ':', "号码", "是", "番号は", "번호".
func numberAfter(text []byte, i int) (start, end int, ok bool) {
	for range 5 {
		j := textscan.SkipBlanks(text, i)
		for _, m := range marks {
			if textscan.HasAt(text, j, m) {
				j += len(m)
				break
			}
		}
		j = textscan.SkipBlanks(text, j)
		if w := wordEnd(text, j); w > j && fillers.Has(text[j:w]) {
			j = w
			if j < len(text) && text[j] == '.' {
				j++ // "No."
			}
		}
		if j == i {
			break
		}
		i = j
	}
	return number(text, i)
}

// number reads a document's number at text[i]: one to three groups of ASCII
// letters and digits, each with a digit, joined by one space or dash
// ("X12345678", "4510 123456", "D123-4567"), 6 to 20 characters in all,
// not followed by another letter or digit.
func number(text []byte, i int) (start, end int, ok bool) {
	n, j := 0, i
	for groups := 0; groups < 3; groups++ {
		k, digit := group(text, j)
		if k == j || !digit {
			break
		}
		n += k - j
		end = k
		if k+1 < len(text) && (text[k] == ' ' || text[k] == '-') {
			if _, digit := group(text, k+1); digit {
				j = k + 1 // "4510 123456"; not "D1234567 please"
				continue
			}
		}
		break
	}
	if n < 6 || n > 20 || end < len(text) && isAlnum(text[end]) {
		return 0, 0, false
	}
	return i, end, true
}

// group returns the end of the ASCII letters and digits at text[i], and
// whether a digit is among them.
func group(text []byte, i int) (end int, digit bool) {
	for ; i < len(text) && isAlnum(text[i]); i++ {
		digit = digit || '0' <= text[i] && text[i] <= '9'
	}
	return i, digit
}

func isAlnum(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'z' }

// wordEnd returns the end of the run of letters at text[i], or i.
func wordEnd(text []byte, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRune(text[i:])
		if !unicode.IsLetter(r) || unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			break
		}
		i += size
	}
	return i
}

// A label is a document's name.
type label struct {
	phrase string // in lower case, or with a capital
	spaced bool   // in a script with spaces between words: a whole word
}

// names are the documents' names, by language.
var names = []string{
	"passport", "driver's license", "driver's licence", "drivers license", "driving licence",
	"driver license", "id card", "identity card", "national id", "id number",
	"pasaporte", "licencia de conducir", "carné de conducir", "carnet de conducir", "cédula",
	"passaporte", "carteira de motorista", "cnh", "carteira de identidade",
	"passeport", "permis de conduire", "carte d'identité",
	"reisepass", "führerschein", "personalausweis", "ausweis",
	"паспорт", "водительское удостоверение", "водительские права",
	"护照", "驾照", "驾驶证",
	"パスポート", "旅券", "運転免許証", "免許証",
	"여권", "운전면허", "운전면허증",
	"पासपोर्ट",
	"جواز السفر", "رخصة القيادة",
}

// byFirst lists the labels by their first byte, the longer first, and
// seconds has, per first byte, a bit for each second byte of a label (its
// low six bits, in both cases).
var byFirst, seconds = func() (t [256][]label, s [256]uint64) {
	for _, n := range names {
		r, size := utf8.DecodeRuneInString(n)
		cjk := unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
		t[n[0]] = append(t[n[0]], label{phrase: n, spaced: !cjk})
		if u := string(unicode.ToUpper(r)) + n[size:]; u != n {
			t[u[0]] = append(t[u[0]], label{phrase: u, spaced: true})
		}
	}
	for c, ls := range t {
		for i := 1; i < len(ls); i++ {
			for j := i; j > 0 && len(ls[j].phrase) > len(ls[j-1].phrase); j-- {
				ls[j], ls[j-1] = ls[j-1], ls[j]
			}
		}
		for _, l := range ls {
			b := l.phrase[1]
			s[c] |= 1 << (b & 63)
			if isAlnum(b) {
				s[c] |= 1<<((b|0x20)&63) | 1<<((b&^0x20)&63)
			}
		}
	}
	return t, s
}()

// marks may stand between a document's name and its number.
var marks = []string{":", "：", "#", "№", "=", "-", "是", "为", "は", "는", "은", "号码", "號碼", "号", "番号", "번호", "의"}

// fillers are the words that may stand between a document's name and its
// number: "passport number is", "licencia de conducir nº", "Reisepass Nr.".
var fillers = wordset.New("number", "num", "no", "nr", "nº", "is", "es", "est", "ist", "é", "número",
	"numero", "numéro", "nummer", "номер", "id")
