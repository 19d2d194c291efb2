package birthdates

import (
	"bytes"

	"github.com/pixelprivacy/veil/detectors/internal/dates"
	"github.com/pixelprivacy/veil/detectors/internal/phrases"
	"github.com/pixelprivacy/veil/detectors/internal/textscan"
)

// A Day is a date of birth as its writer gives it. A year given alone is
// read as its last day, the youngest its person may be.
type Day struct{ Year, Month, Day int }

// AppendOwn appends to dst the dates of birth that the writer of text
// gives as their own, in the first person: "I was born on May 5, 2014",
// "my date of birth is 05/05/2014", "nací el 5 de mayo de 2014", "je suis
// née le 5 mai 2014", "ich bin am 5. Mai 2014 geboren", "я родилась 5 мая
// 2014", "我出生于2014年5月5日", "私は2014年5月5日生まれです", and a
// year given alone after such a phrase ("I was born in 2014", "nací en
// 2014"): a year says as much of a child's age. It tells a minor's prompt
// as the age its writer states does (package ages).
//
// A birthday's phrase ("my birthday is", "mi cumpleaños es") counts only
// with a full date, whose year may be the party's and not the birth's:
// its caller tells them apart by the age the date gives. It does not
// allocate.
func AppendOwn(dst []Day, text []byte) []Day {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if !ownStarts[c] {
			continue // most bytes start no phrase, and are no digit
		}
		if isDigit(c) {
			// "私は2014年5月5日生まれ", "ich bin am 5. Mai 2014 geboren"
			if (i == 0 || !isDigit(text[i-1])) && ownBefore(text, i) {
				if d, n, ok := dates.Parse(text[i:]); ok && postfixAt(text, i+n) {
					dst = append(dst, Day(d))
					i += n - 1
				}
			}
			continue
		}
		if c < 0x80 && i > 0 && isLetterByte(text[i-1]) {
			continue // a phrase in Latin letters starts a word
		}
		if !ownAny.May(text, i) {
			continue
		}
		w, ok := ownPhrases.At(text, i)
		birthday := false
		if !ok {
			if w, ok = birthdayPhrases.At(text, i); !ok {
				continue
			}
			birthday = true
		}
		if d, j, e, ok := dateAfter(text, w); ok {
			dst = append(dst, Day(d))
			i = e - 1
		} else if y, ok := yearAt(text, j); ok && !birthday {
			dst = append(dst, Day{y, 12, 31})
			i = j + 3
		}
	}
	return dst
}

// ownPhrases say, in the first person, that a date of birth follows.
var ownPhrases = phrases.New(
	"i was born", "my date of birth", "my birth date", "my birthdate", "my dob", "my d.o.b.",
	"nací", "naci", "mi fecha de nacimiento",
	"nasci", "minha data de nascimento",
	"je suis né", "je suis née", "ma date de naissance",
	"mein geburtsdatum",
	"я родился", "я родилась", "моя дата рождения",
	"我出生于", "我出生在", "我出生", "我的出生日期",
	"私の生年月日",
	"내 생년월일", "제 생년월일",
	"मेरी जन्मतिथि", "मेरी जन्म तिथि",
	"ولدت في", "تاريخ ميلادي",
)

// birthdayPhrases say, in the first person, that a birthday follows,
// whose year alone is no year of birth ("my birthday is in May 2027").
var birthdayPhrases = phrases.New(
	"my birthday", "mi cumpleaños", "meu aniversário", "mon anniversaire", "mein geburtstag",
	"мой день рождения", "我的生日", "私の誕生日", "내 생일", "제 생일", "मेरा जन्मदिन", "عيد ميلادي",
)

// ownAny is ownPhrases and birthdayPhrases, looked up at a glance in one
// table.
var ownAny = phrases.Union(ownPhrases, birthdayPhrases)

// ownStarts marks the digits and the bytes a phrase of ownAny may start
// with.
var ownStarts = func() (t [256]bool) {
	for c := range t {
		t[c] = isDigit(byte(c)) || ownAny.Starts(byte(c))
	}
	return t
}()

// ownMarkers, right before a date that a word after it calls a birth date,
// make it the writer's own: "私は2014年5月5日生まれ", "ich bin am 5. Mai
// 2014 geboren", "저는 2014년 5월 5일생".
var ownMarkers = []string{"私は", "僕は", "わたしは", "ich bin am", "ich wurde am", "저는", "나는", "我是", "我"}

// ownBefore reports whether one of ownMarkers ends right before text[i],
// past spaces.
func ownBefore(text []byte, i int) bool {
	for i > 0 && text[i-1] == ' ' {
		i--
	}
	if i == 0 || !markerEnds[text[i-1]] {
		return false // most numbers follow none
	}
	for _, m := range ownMarkers {
		if i >= len(m) && bytes.EqualFold(text[i-len(m):i], []byte(m)) &&
			(i == len(m) || !isLetterByte(text[i-len(m)-1])) {
			return true
		}
	}
	return false
}

// markerEnds marks the last bytes of ownMarkers, in either case.
var markerEnds = func() (t [256]bool) {
	for _, m := range ownMarkers {
		c := m[len(m)-1]
		t[c] = true
		if 'a' <= c && c <= 'z' {
			t[c-'a'+'A'] = true
		}
	}
	return t
}()

// yearAt reads a year of birth alone at text[i]: four digits from
// dates.MinYear to dates.MaxYear, no digit after them, maybe "年" or "년".
func yearAt(text []byte, i int) (int, bool) {
	if len(text)-i < 4 || i+4 < len(text) && isDigit(text[i+4]) {
		return 0, false
	}
	y := 0
	for _, c := range text[i : i+4] {
		if !isDigit(c) {
			return 0, false
		}
		y = y*10 + int(c-'0')
	}
	if textscan.WordAt(text, i+4) && !textscan.HasAt(text, i+4, "年") && !textscan.HasAt(text, i+4, "년") {
		return 0, false // "2014px", not a year
	}
	return y, dates.MinYear <= y && y <= dates.MaxYear
}

func isLetterByte(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }
