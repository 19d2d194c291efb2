package documents

import (
	"testing"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/detectors/internal/spantest"
)

func TestAppendSpans(t *testing.T) {
	spantest.Run(t, AppendSpans, detectors.Document, []spantest.Case{
		{"en passport", "make a passport photo, my passport number is X12345678 thanks", []string{"X12345678"}},
		{"en passport no.", "Passport No. 123456789", []string{"123456789"}},
		{"en license", "driver's license: D1234567", []string{"D1234567"}},
		{"plates", "Put my license plate 7ABC123 on the car; 车牌号 京A12345 的车; Kennzeichen: B-AB 1234; number plate AB12 CDE; 번호판 12가3456", []string{"7ABC123", "京A12345", "B-AB 1234", "AB12 CDE"}},
		{"capitals not a number's", "passport: X1234567 please, passport ABC DEF, passport AB, passport number: MIT", []string{"X1234567"}},
		{"plates, no number", "a license plate frame, number plate 42, 车牌号", nil},
		{"bank account", "my bank account is 12345678 sort code 12-34-56; Kontonummer 0532013000", []string{"12345678", "12-34-56", "0532013000"}},
		{"en license, groups", "Driver's Licence - D123-4567-8901", []string{"D123-4567-8901"}},
		{"en ID card", "ID card #AB1234567.", []string{"AB1234567"}},
		{"India's PAN", "my PAN is ABCPE1234F, PAN: ABCPE1234G; मेरा पैन कार्ड ABCPE1234H है", []string{"ABCPE1234F", "ABCPE1234G", "ABCPE1234H"}},
		{"a pan", "the pan is hot, pan: 50%, pan number 4", nil},
		{"en DL", "DL# D1234567, DL: D7654321", []string{"D1234567", "D7654321"}},
		{"en DL in a word", "a DLC 1234567, VIDL 1234567 or DL 100 658", nil},
		{"en student ID", "my student id is 20231234, employee number E-20931", []string{"20231234", "E-20931"}},
		{"zh student ID", "学号：2023123456", []string{"2023123456"}},
		{"en a license's name", "license: MIT", nil},
		{"en a short number", "passport photo 2x2", nil},
		{"en passport photo", "make a passport photo with a white background", nil},
		{"en a word after", "passport number is X12345678 please", []string{"X12345678"}},
		{"es", "número de pasaporte: PAA123456", []string{"PAA123456"}},
		{"es license", "licencia de conducir nº 12345678", []string{"12345678"}},
		{"pt", "passaporte FN123456", []string{"FN123456"}},
		{"fr", "numéro de passeport : 12AB34567", []string{"12AB34567"}},
		{"de", "Reisepass Nr. C01X00T47", []string{"C01X00T47"}},
		{"de Ausweis", "Personalausweis: L01X00T47", []string{"L01X00T47"}},
		{"de compounds", "Reisepassnummer C01X00T47, Ausweisnummer: L01X00T47", []string{"C01X00T47", "L01X00T47"}},
		{"ru", "паспорт 4510 123456", []string{"4510 123456"}},
		{"ru number word", "номер паспорта", nil},
		{"zh", "我的护照号码是E12345678，帮我做证件照", []string{"E12345678"}},
		{"zh license", "驾驶证：123456789012", []string{"123456789012"}},
		{"ja", "パスポート番号はTK1234567です", []string{"TK1234567"}},
		{"ko", "여권번호 M12345678", []string{"M12345678"}},
		{"hi", "पासपोर्ट नंबर: K1234567", nil},
		{"hi colon", "पासपोर्ट: K1234567", []string{"K1234567"}},
		{"ar", "جواز السفر: A12345678", []string{"A12345678"}},
		{"inside a word", "mypassport X12345678", nil},
		{"a token", "passport: <DOCUMENT:k1:ghjkmnpqrstvwxyzghjkmnpq>", nil},
	})
}

func TestAppendSpansAllocs(t *testing.T) {
	spantest.NoAllocs(t, AppendSpans, "passport number is X12345678; 护照号码是E12345678; паспорт 4510 123456", 3)
}

func FuzzAppendSpans(f *testing.F) {
	for _, s := range []string{"passport number is X12345678", "护照号码是E12345678", "паспорт 4510 123456", "driver's license: D123-4567"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		for _, s := range spantest.Valid(t, AppendSpans, detectors.Document, text) {
			if n := s.End - s.Start; n < 6 || n > 22 {
				t.Fatalf("%q is no document's number, in %q", text[s.Start:s.End], text)
			}
		}
	})
}
