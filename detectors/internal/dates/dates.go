// Package dates reads the calendar dates that people write in text, in the
// formats of the app's languages: "2015-03-14", "14.03.2015", "03/14/2015",
// "March 14, 2015", "14 de marzo de 2015", "14. März 2015", "14 марта
// 2015", "2015年3月14日", "2015년 3월 14일". It does not allocate.
package dates

import (
	"time"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors/internal/wordset"
)

// A Date is a day of the calendar.
type Date struct{ Year, Month, Day int }

// AppendISO appends d as YYYY-MM-DD.
func (d Date) AppendISO(dst []byte) []byte {
	dst = appendPadded(dst, d.Year, 4)
	dst = appendPadded(append(dst, '-'), d.Month, 2)
	return appendPadded(append(dst, '-'), d.Day, 2)
}

func appendPadded(dst []byte, v, width int) []byte {
	var b [4]byte
	for i := width - 1; i >= 0; i-- {
		b[i] = byte('0' + v%10)
		v /= 10
	}
	return append(dst, b[:width]...)
}

// Years bounds the years read: a date of birth's.
const (
	MinYear = 1900
	MaxYear = 2099
)

// Parse reads the date at the start of b and returns it with the number of
// bytes it takes. A numeric date with '/' whose first two numbers could be
// either is read month first ("03/04/2015" is March 4), as in the United
// States; with '.' or '-', day first ("03.04.2015" is April 3).
func Parse(b []byte) (Date, int, bool) {
	if len(b) == 0 {
		return Date{}, 0, false
	}
	if isDigit(b[0]) {
		if d, n, ok := numeric(b); ok {
			return d, n, true
		}
		if d, n, ok := cjk(b); ok {
			return d, n, true
		}
		return dayFirst(b)
	}
	return monthFirst(b)
}

// numeric reads "2015-03-14", "2015/3/14", "14.03.2015", "03/14/2015".
func numeric(b []byte) (Date, int, bool) {
	a, i := number(b, 0, 4)
	if i == 0 || i == len(b) || !(b[i] == '-' || b[i] == '/' || b[i] == '.') {
		return Date{}, 0, false
	}
	sep := b[i]
	m, j := number(b, i+1, 2)
	if j == i+1 || j == len(b) || b[j] != sep {
		return Date{}, 0, false
	}
	c, k := number(b, j+1, 4)
	if k == j+1 || k < len(b) && isDigit(b[k]) {
		return Date{}, 0, false
	}
	var d Date
	switch {
	case i == 4 && k-j-1 <= 2: // Y-M-D
		d = Date{a, m, c}
	case i <= 2 && k-j-1 == 4 && sep == '/' && m <= 12 && a > 12: // D/M/Y
		d = Date{c, m, a}
	case i <= 2 && k-j-1 == 4 && sep == '/': // M/D/Y
		d = Date{c, a, m}
	case i <= 2 && k-j-1 == 4: // D.M.Y, D-M-Y
		d = Date{c, m, a}
	default:
		return Date{}, 0, false
	}
	return d, k, d.valid()
}

// cjk reads "2015年3月14日" and "2015년 3월 14일".
func cjk(b []byte) (Date, int, bool) {
	y, i := number(b, 0, 4)
	if i != 4 {
		return Date{}, 0, false
	}
	var units [3]string
	switch {
	case hasAt(b, i, "年"):
		units = [3]string{"年", "月", "日"}
	case hasAt(b, i, "년"):
		units = [3]string{"년", "월", "일"}
	default:
		return Date{}, 0, false
	}
	v := [3]int{y}
	for u := range 3 {
		if u > 0 {
			i = skipSpaces(b, i)
			n, j := number(b, i, 2)
			if j == i {
				return Date{}, 0, false
			}
			v[u], i = n, j
			i = skipSpaces(b, i)
		}
		if !hasAt(b, i, units[u]) {
			return Date{}, 0, false
		}
		i += len(units[u])
	}
	d := Date{v[0], v[1], v[2]}
	return d, i, d.valid()
}

// dayFirst reads "14 March 2015", "14th of March, 2015", "14 de marzo de
// 2015", "14. März 2015", "1er mars 2015", "14 марта 2015".
func dayFirst(b []byte) (Date, int, bool) {
	day, i := number(b, 0, 2)
	if i == 0 {
		return Date{}, 0, false
	}
	i = skipOrdinal(b, i)
	i = skipFillers(b, i)
	m, j := month(b, i)
	if j == i {
		return Date{}, 0, false
	}
	y, k := year(b, skipFillers(b, j))
	if k == 0 {
		return Date{}, 0, false
	}
	d := Date{y, m, day}
	return d, k, d.valid()
}

// monthFirst reads "March 14, 2015", "Mar 14th 2015".
func monthFirst(b []byte) (Date, int, bool) {
	m, i := month(b, 0)
	if i == 0 {
		return Date{}, 0, false
	}
	i = skipSpaces(b, afterDot(b, i))
	day, j := number(b, i, 2)
	if j == i {
		return Date{}, 0, false
	}
	y, k := year(b, skipFillers(b, skipOrdinal(b, j)))
	if k == 0 {
		return Date{}, 0, false
	}
	d := Date{y, m, day}
	return d, k, d.valid()
}

// year reads a year of four digits at b[i] and returns it with its end, or
// 0, 0.
func year(b []byte, i int) (int, int) {
	y, j := number(b, i, 4)
	if j-i != 4 || j < len(b) && isDigit(b[j]) {
		return 0, 0
	}
	return y, j
}

// month reads a month's name at b[i] and returns its number and end, or
// i.
func month(b []byte, i int) (int, int) {
	j := i
	for j < len(b) {
		r, size := utf8.DecodeRune(b[j:])
		if !isLetterRune(r) {
			break
		}
		j += size
	}
	if j == i || !anyMonth.Has(b[i:j]) {
		return 0, i
	}
	for m, s := range months {
		if s.Has(b[i:j]) {
			return m + 1, j
		}
	}
	return 0, i
}

// months are the months' names, and the abbreviations of the English ones,
// in English, Spanish, Portuguese, French, German and Russian (in the
// genitive, as a date writes them).
var months = [12]wordset.Set{
	wordset.New("january", "jan", "enero", "janeiro", "janvier", "januar", "jänner", "января"),
	wordset.New("february", "feb", "febrero", "fevereiro", "février", "fevrier", "februar", "февраля"),
	wordset.New("march", "mar", "marzo", "março", "mars", "märz", "marz", "марта"),
	wordset.New("april", "apr", "abril", "avril", "апреля"),
	wordset.New("may", "mayo", "maio", "mai", "мая"),
	wordset.New("june", "jun", "junio", "junho", "juin", "juni", "июня"),
	wordset.New("july", "jul", "julio", "julho", "juillet", "juli", "июля"),
	wordset.New("august", "aug", "agosto", "août", "aout", "августа"),
	wordset.New("september", "sep", "sept", "septiembre", "setiembre", "setembro", "septembre", "сентября"),
	wordset.New("october", "oct", "octubre", "outubro", "octobre", "oktober", "октября"),
	wordset.New("november", "nov", "noviembre", "novembro", "novembre", "ноября"),
	wordset.New("december", "dec", "diciembre", "dezembro", "décembre", "decembre", "dezember", "декабря"),
}

// anyMonth holds the names of all months: most words are none at one
// lookup.
var anyMonth = func() wordset.Set {
	s := wordset.New()
	for _, m := range months {
		m.Each(func(w string, _ bool) { s.Add(false, w) })
	}
	return s
}()

// skipOrdinal returns i past an ordinal's ending after a day: "14th",
// "1st", "1er", "14.", "1º".
func skipOrdinal(b []byte, i int) int {
	for _, s := range []string{"st", "nd", "rd", "th", "er", "º", "."} {
		if hasAt(b, i, s) && !(len(s) == 2 && i+2 < len(b) && isLetterRune(rune(b[i+2]))) {
			return i + len(s)
		}
	}
	return i
}

// skipFillers returns i past the spaces, commas and words between a date's
// parts: "14 de marzo de 2015", "14th of March, 2015".
func skipFillers(b []byte, i int) int {
	for range 3 {
		j := skipSpaces(b, i)
		if j < len(b) && b[j] == ',' {
			j = skipSpaces(b, j+1)
		}
		for _, w := range []string{"de ", "of ", "del "} {
			if hasAt(b, j, w) {
				j = skipSpaces(b, j+len(w))
			}
		}
		if j == i {
			break
		}
		i = j
	}
	return i
}

func (d Date) valid() bool {
	if d.Year < MinYear || d.Year > MaxYear || d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return false
	}
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC).Day() == d.Day
}

// number reads up to max digits at b[i] and returns their value and end.
func number(b []byte, i, max int) (int, int) {
	v, j := 0, i
	for j < len(b) && j-i < max && isDigit(b[j]) {
		v = v*10 + int(b[j]-'0')
		j++
	}
	return v, j
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isLetterRune(r rune) bool {
	return 'a' <= r|0x20 && r|0x20 <= 'z' || r >= 0xC0 && r != utf8.RuneError && r < 0x3000
}

func hasAt(b []byte, i int, s string) bool {
	return len(b)-i >= len(s) && string(b[i:i+len(s)]) == s
}

func afterDot(b []byte, i int) int {
	if i < len(b) && b[i] == '.' {
		return i + 1
	}
	return i
}

func skipSpaces(b []byte, i int) int {
	for i < len(b) && b[i] == ' ' {
		i++
	}
	return i
}
