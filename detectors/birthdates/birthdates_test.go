package birthdates

import (
	"slices"
	"testing"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/detectors/internal/dates"
	"github.com/pixelprivacy/veil/detectors/internal/spantest"
)

func TestAppendSpans(t *testing.T) {
	spantest.Run(t, AppendSpans, detectors.Birthdate, []spantest.Case{
		{"en born on", "I was born on March 14, 2015, make me a princess", []string{"March 14, 2015"}},
		{"en DOB", "DOB: 14/03/2015", []string{"14/03/2015"}},
		{"en d.o.b, no last dot", "d.o.b 2015-03-14 and D.O.B. 14/03/2015", []string{"2015-03-14", "14/03/2015"}},
		{"en date of birth", "Date of birth is 2015-03-14.", []string{"2015-03-14"}},
		{"en birthday", "my birthday: 3/14/2015", []string{"3/14/2015"}},
		{"en born, capital", "Born 14th of March, 2015", []string{"14th of March, 2015"}},
		{"es", "Nací el 14 de marzo de 2015 en Sevilla", []string{"14 de marzo de 2015"}},
		{"pt", "nasci em 14/03/2015", []string{"14/03/2015"}},
		{"es third person", "Mi abuela nació el 12 de octubre de 1950", []string{"12 de octubre de 1950"}},
		{"pt third person", "minha avó nasceu em 12 de outubro de 1950", []string{"12 de outubro de 1950"}},
		{"fr", "Je suis née le 1er mars 2015", []string{"1er mars 2015"}},
		{"de", "geboren am 14. März 2015", []string{"14. März 2015"}},
		{"de Geburtsdatum", "Geburtsdatum: 14.03.2015", []string{"14.03.2015"}},
		{"de postfix", "Ich bin am 14. März 2015 geboren", []string{"14. März 2015"}},
		{"de postfix numeric", "Meine Tochter ist am 14.03.2015 geboren.", []string{"14.03.2015"}},
		{"de a date and geboren elsewhere", "Am 14.03.2015 war ich in Berlin, geboren bin ich in Wien", nil},
		{"ru", "Я родилась 14 марта 2015 года", []string{"14 марта 2015"}},
		{"zh", "我的生日是2015年3月14日，帮我做贺卡", []string{"2015年3月14日"}},
		{"zh 出生于", "出生于2015-03-14", []string{"2015-03-14"}},
		{"ja", "生年月日は2015年3月14日です", []string{"2015年3月14日"}},
		{"ja postfix", "2015年3月14日生まれの娘", []string{"2015年3月14日"}},
		{"ko", "생년월일: 2015년 3월 14일", []string{"2015년 3월 14일"}},
		{"ko postfix", "2015년 3월 14일생입니다", []string{"2015년 3월 14일"}},
		{"hi", "मेरी जन्मतिथि 14/03/2015 है", []string{"14/03/2015"}},
		{"ar", "تاريخ الميلاد: 2015-03-14", []string{"2015-03-14"}},
		// A copula between the phrase and the date, in the languages that
		// have one.
		{"es es el", "Mi cumpleaños es el 5 de mayo de 2014", []string{"5 de mayo de 2014"}},
		{"es es", "Mi fecha de nacimiento es 05/05/2014", []string{"05/05/2014"}},
		{"pt é", "Meu aniversário é 5 de maio de 2014", []string{"5 de maio de 2014"}},
		{"fr est le", "Ma date de naissance est le 05/05/2014", []string{"05/05/2014"}},
		{"de ist am", "Mein Geburtstag ist am 5. Mai 2014", []string{"5. Mai 2014"}},
		{"de ist der", "Mein Geburtsdatum ist der 05.05.2014", []string{"05.05.2014"}},
		{"a date without a phrase", "party on 2026-03-14 at noon", nil},
		{"a year alone", "born in 2015", nil},
		{"a day without a year", "my birthday is March 14", nil},
		{"a birthday card", "a birthday card for 2026-03-14", nil},
		{"inside a word", "newborn 2015-03-14", nil},
		{"an impossible date", "born on 2015-02-30", nil},
		{"a token", "born on <BIRTHDATE:k1:ghjkmnpqrstvwxyzghjkmnpq>", nil},
		{"a generalized date", "born on 2015", nil},
	})
}

func TestAppendOwn(t *testing.T) {
	tests := []struct {
		name, text string
		want       []Day
	}{
		{"en born on", "I was born on May 5, 2014, make me a cat", []Day{{2014, 5, 5}}},
		{"en date of birth", "my date of birth is 05/03/2014", []Day{{2014, 5, 3}}},
		{"en birthday", "My birthday is March 14, 2015", []Day{{2015, 3, 14}}},
		{"en a year alone", "I was born in 2015, draw me a dragon", []Day{{2015, 12, 31}}},
		{"es", "Mi cumpleaños es el 5 de mayo de 2014", []Day{{2014, 5, 5}}},
		{"es a year alone", "nací en 2015, dibuja un gato", []Day{{2015, 12, 31}}},
		{"pt", "nasci em 14/03/2015", []Day{{2015, 3, 14}}},
		{"fr", "Je suis née le 1er mars 2015", []Day{{2015, 3, 1}}},
		{"de postfix", "Ich bin am 14. März 2015 geboren", []Day{{2015, 3, 14}}},
		{"ru", "Я родилась 14 марта 2015 года", []Day{{2015, 3, 14}}},
		{"ru a year alone", "я родился в 2015 году", []Day{{2015, 12, 31}}},
		{"zh", "我的生日是2015年3月14日", []Day{{2015, 3, 14}}},
		{"zh a year alone", "我出生于2015年，帮我画画", []Day{{2015, 12, 31}}},
		{"ja postfix", "私は2015年3月14日生まれです", []Day{{2015, 3, 14}}},
		{"ko", "제 생일은 2015년 3월 14일이에요", []Day{{2015, 3, 14}}},
		{"ko postfix", "저는 2015년 3월 14일생입니다", []Day{{2015, 3, 14}}},
		{"hi", "मेरी जन्मतिथि 14/03/2015 है", []Day{{2015, 3, 14}}},
		{"ar", "ولدت في 2015", []Day{{2015, 12, 31}}},
		{"two", "I was born in 1990; my birthday is 1990-03-14", []Day{{1990, 12, 31}, {1990, 3, 14}}},
		// Another's date of birth, or one without the writer's phrase.
		{"en another's", "my daughter was born on May 5, 2014", nil},
		{"es another's", "Mi hija nació el 5 de mayo de 2014", nil},
		{"de another's postfix", "Meine Tochter ist am 14.03.2015 geboren", nil},
		{"ja another's postfix", "2015年3月14日生まれの娘", nil},
		{"no phrase", "DOB: 14/03/2015", nil},
		// A birthday's year alone is no year of birth.
		{"a birthday's year", "my birthday is in 2027, plan a party", nil},
		{"not a year", "I was born in 2015px", nil},
		{"a year out of range", "I was born in 1850", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := AppendOwn(nil, []byte(tt.text)); !slices.Equal(got, tt.want) {
				t.Errorf("AppendOwn(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestAppendOwnAllocs(t *testing.T) {
	text := []byte("I was born on May 5, 2014; nací en 2015; 私は2015年3月14日生まれです")
	dst := make([]Day, 0, 8)
	if n := testing.AllocsPerRun(100, func() { dst = AppendOwn(dst[:0], text) }); n != 0 || len(dst) != 3 {
		t.Errorf("%v allocations, %d dates", n, len(dst))
	}
}

func FuzzAppendOwn(f *testing.F) {
	for _, s := range []string{"I was born on May 5, 2014", "nací en 2015", "私は2015年3月14日生まれです", "ich bin am 5. Mai 2014 geboren", "我出生于2015年"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		for _, d := range AppendOwn(nil, text) {
			if d.Year < dates.MinYear || d.Year > dates.MaxYear || d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > 31 {
				t.Fatalf("%+v is no date, in %q", d, text)
			}
		}
	})
}

func TestAppendSpansAllocs(t *testing.T) {
	spantest.NoAllocs(t, AppendSpans, "born on March 14, 2015; DOB: 14/03/2015; 生日是2015年3月14日; 2015년 3월 14일생", 4)
}

func FuzzAppendSpans(f *testing.F) {
	for _, s := range []string{"born on March 14, 2015", "DOB: 14/03/2015", "生日是2015年3月14日", "2015年3月14日生まれ", "geboren am 14. März 2015"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		for _, s := range spantest.Valid(t, AppendSpans, detectors.Birthdate, text) {
			if _, n, ok := dates.Parse(text[s.Start:s.End]); !ok || n != s.End-s.Start {
				t.Fatalf("%q is no date, in %q", text[s.Start:s.End], text)
			}
		}
	})
}
