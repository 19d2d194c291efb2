package birthdates

import (
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
