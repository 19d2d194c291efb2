// Package birthdates finds dates of birth in free text, where a phrase
// says that a date is one: "born on March 14, 2015", "DOB: 14/03/2015",
// "nací el 14 de marzo de 2015", "geboren am 14. März 2015", "родилась 14
// марта 2015", "我的生日是2015年3月14日", "2015年3月14日生まれ", "생년월일:
// 2015년 3월 14일". A date of birth is a quasi-identifier that, with a
// postcode or a name, narrows a person down to a few, and it says when a
// user is a child; a policy that coarsens birth dates in fields must not let
// one through in a prompt.
//
// Only full dates count: a year alone ("born in 2015") or a day without a
// year ("my birthday is March 14") says much less. It runs on free text
// after the single pass of package detectors and does not allocate; its
// findings are of kind detectors.Birthdate, whose canonical form is the
// date as YYYY-MM-DD, so that one date written in different ways has one
// token.
package birthdates

import (
	"bytes"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/detectors/internal/dates"
	"github.com/pixelprivacy/veil/detectors/internal/phrases"
	"github.com/pixelprivacy/veil/detectors/internal/textscan"
	"github.com/pixelprivacy/veil/detectors/internal/wordset"
)

// AppendSpans appends to dst the dates of birth in text, as spans of kind
// detectors.Birthdate, in order and not overlapping one another; it keeps no
// reference to text.
func AppendSpans(dst []detectors.Span, text []byte) []detectors.Span {
	end := 0
	german := bytes.Contains(text, []byte(germanPostfix))
	for i := 0; i < len(text); i++ {
		c := text[i]
		if !starts[c] || i < end {
			continue
		}
		if isDigit(c) && (i == 0 || !isDigit(text[i-1])) {
			// A date that a word after it calls a birth date: in the
			// languages that write the year first ("2015年3月14日生まれ"),
			// and in German ("am 14.03.2015 geboren").
			if !german && !textscan.HasAt(text, i+4, "年") && !textscan.HasAt(text, i+4, "년") {
				continue
			}
			if _, n, ok := dates.Parse(text[i:]); ok && postfixAt(text, i+n) {
				dst = append(dst, detectors.Span{Start: i, End: i + n, Kind: detectors.Birthdate})
				end = i + n
			}
			continue
		}
		if !triggers.May(text, i) {
			continue
		}
		if w, ok := triggers.At(text, i); ok {
			if _, start, stop, ok := dateAfter(text, w); ok {
				dst = append(dst, detectors.Span{Start: start, End: stop, Kind: detectors.Birthdate})
				end = stop
			}
		}
	}
	return dst
}

// dateAfter reads the date after a phrase that ends at text[i], past the
// words and marks between them: "born on", "DOB:", "生日是", "geboren am".
// Where there is none, start is where one would be.
func dateAfter(text []byte, i int) (d dates.Date, start, end int, ok bool) {
	i = between.Skip(text, i, 4)
	d, n, ok := dates.Parse(text[i:])
	return d, i, i + n, ok
}

// germanPostfix follows a date of birth in German: "am 14.03.2015 geboren".
const germanPostfix = "geboren"

// postfixAt reports whether a word that makes the date before it a birth
// date starts at text[i].
func postfixAt(text []byte, i int) bool {
	for _, p := range []string{"生まれ", "生", "出生", "생", "에 태어"} {
		if textscan.HasAt(text, i, p) {
			return true
		}
	}
	return textscan.HasAt(text, textscan.SkipBlanks(text, i), germanPostfix)
}

// triggers are the phrases that say a date of birth follows, by language.
var triggers = phrases.New(
	"date of birth", "birth date", "birthdate", "birthday", "born", "dob", "d.o.b.", "d.o.b",
	"fecha de nacimiento", "nací", "naci", "nació", "nacido", "nacida", "cumpleaños",
	"data de nascimento", "nasci", "nasceu", "nascido", "nascida", "aniversário",
	"date de naissance", "né", "née", "anniversaire",
	"geburtsdatum", "geboren", "geb.", "geburtstag",
	"дата рождения", "день рождения", "родился", "родилась",
	"出生日期", "出生于", "出生在", "出生", "生日",
	"生年月日", "誕生日", "生まれは",
	"생년월일", "생일", "출생일",
	"जन्म तिथि", "जन्मतिथि", "जन्मदिन",
	"تاريخ الميلاد", "ولدت في", "ولد في", "عيد ميلادي",
)

// starts marks the bytes that may start a phrase, and the digits.
var starts = func() (t [256]bool) {
	for c := range t {
		t[c] = isDigit(byte(c)) || triggers.Starts(byte(c))
	}
	return t
}()

// between holds what may stand between a phrase and its date: "born on",
// "DOB:", "geboren am", "né le", "nací el", "DOB is", "生日是", "mi
// cumpleaños es el", "mein Geburtstag ist am".
var between = phrases.Between{
	Marks: []string{":", "：", ",", "-", "—", "是", "为", "于", "は", "은", "는"},
	Words: wordset.New("is", "was", "on", "in", "the", "am", "le", "el", "en", "em", "no", "dia", "в",
		"es", "fue", "era", "é", "foi", "est", "était", "ist", "war", "der"),
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
