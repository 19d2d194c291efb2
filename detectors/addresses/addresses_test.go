package addresses

import (
	"bytes"
	"testing"
	"unicode"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/detectors/internal/spantest"
)

func TestAppendSpans(t *testing.T) {
	spantest.Run(t, AppendSpans, detectors.Address, []spantest.Case{
		// English.
		{"en street", "We live at 42 Oak Avenue, Springfield, IL 62704", []string{"42 Oak Avenue, Springfield, IL 62704"}},
		{"en abbreviation", "party at 7 Elm St. tonight", []string{"7 Elm St."}},
		{"en letter", "221B Baker Street, London", []string{"221B Baker Street"}},
		{"en two words", "1600 Pennsylvania Avenue NW", []string{"1600 Pennsylvania Avenue NW"}},
		{"en a quarter after the street", "1600 Pennsylvania Ave NW, Washington, DC 20500 and 12 Main St E. or 10 Downing Street SW1A 2AA", []string{"1600 Pennsylvania Ave NW, Washington, DC 20500", "12 Main St E.", "10 Downing Street SW1A 2AA"}},
		// A post office box, as an address is: its town and postcode with it.
		{"po boxes", "mail it to PO Box 1234, Springfield; P.O. Box 55, London NW1 6XE; Postfach 10 12 34, 10115 Berlin; Apartado de correos 123; Caixa Postal 45", []string{"PO Box 1234", "P.O. Box 55, London NW1 6XE", "Postfach 10 12 34, 10115 Berlin", "Apartado de correos 123", "Caixa Postal 45"}},
		{"no po box", "a po box for kids, PO Box, PO Boxes 12, po box 12abc", nil},
		{"en town and postcode", "at 221B Baker Street, London NW1 6XE, or 10 Downing Street SW1A 2AA", []string{"221B Baker Street, London NW1 6XE", "10 Downing Street SW1A 2AA"}},
		{"en US state and ZIP", "1600 Pennsylvania Ave NW, Washington, DC 20500 and 12 Elm Street, Springfield, IL 62704-1234.", []string{"1600 Pennsylvania Ave NW, Washington, DC 20500", "12 Elm Street, Springfield, IL 62704-1234"}},
		{"en town without a postcode", "42 Oak Avenue, London is nice; 7 Elm St. Boston MA", []string{"42 Oak Avenue", "7 Elm St."}},
		{"en two spaces", "at 42 Oak  Avenue", []string{"42 Oak  Avenue"}},
		{"en an abbreviation", "Flat 12, MG Road, Bengaluru", []string{"12, MG Road"}},
		{"en a line break", "at 42 Oak\nAvenue", nil},
		{"en ordinal", "meet at 350 5th Avenue", []string{"350 5th Avenue"}},
		{"en unit", "ship to 12 Main Street, Apt 4B please", []string{"12 Main Street, Apt 4B"}},
		{"en suite", "10 Downing Street Suite 200", []string{"10 Downing Street Suite 200"}},
		{"en hash", "5 Elm Road #12", []string{"5 Elm Road #12"}},
		{"en way with a cue", "she lives at 42 Wallaby Way, Sydney", []string{"42 Wallaby Way"}},
		{"en way without a cue", "a 2 Minute Drive from the beach", nil},
		{"en lower case", "3 dogs on the road", nil},
		{"en no number", "a photo of Abbey Road", nil},
		{"en too many words", "Draw 2 Cats Playing On The Road", nil},
		{"en street alone", "top 10 Street photos", nil},
		{"en decimal", "1.5 Main Street", nil},
		{"en year", "the 2024 Grand Avenue parade", []string{"2024 Grand Avenue"}},
		// French.
		{"fr", "Envoie-le au 12 rue de la Paix, 75002 Paris", []string{"12 rue de la Paix, 75002 Paris"}},
		{"fr flat, a number after", "12 rue de la Paix, appartement 4, 3 enfants", []string{"12 rue de la Paix, appartement 4"}},
		{"fr bis", "5 bis, avenue Foch", []string{"5 bis, avenue Foch"}},
		{"fr elided", "3 place de l'Église", []string{"3 place de l'Église"}},
		{"fr no name", "3 rue pour", nil},
		{"capitals", "9641\tSQUARE WITH DIAGONAL CROSSHATCH FILL; 64262 LATIN SMALL LIGATURE ST", nil},
		{"an initial", "R. Haskell, 2010; C. Darwin, 1859", nil},
		// Spanish and Portuguese.
		{"es", "Vivo en la Calle Mayor, 5, Madrid", []string{"Calle Mayor, 5"}},
		{"es article", "calle de Alcalá 42", []string{"calle de Alcalá 42"}},
		{"es floor and postcode", "Invitación: Calle de Alcalá 42, 3º B, 28014 Madrid", []string{"Calle de Alcalá 42, 3º B, 28014 Madrid"}},
		{"es floor and door joined", "contacto: c/ Mayor 12, 3ºB, Madrid", []string{"c/ Mayor 12, 3ºB"}},
		{"es no postcode", "Calle Mayor, 5, 10 personas; Calle Mayor, 6, 12345678", []string{"Calle Mayor, 5", "Calle Mayor, 6"}},
		{"br flat, town, state and CEP", "Rua das Flores, 123, apto 45, São Paulo - SP, 01234-567", []string{"Rua das Flores, 123, apto 45, São Paulo - SP, 01234-567"}},
		{"es abbreviation", "Av. de la Constitución, nº 3", []string{"Av. de la Constitución, nº 3"}},
		{"es C/", "C/ Gran Vía 28", []string{"C/ Gran Vía 28"}},
		{"es abbreviation without its stop", "av Mayor 5", nil},
		{"es no number", "la Calle Mayor es bonita", nil},
		{"pt", "Moro na Rua Augusta, 123, Lisboa", []string{"Rua Augusta, 123"}},
		{"pt article", "Avenida da Liberdade 245", []string{"Avenida da Liberdade 245"}},
		// German.
		{"de compound", "Ich wohne in der Hauptstraße 5, 10115 Berlin.", []string{"Hauptstraße 5, 10115 Berlin"}},
		{"de Austrian postcode", "Lindenweg 7, 1010 Wien; Lindenweg 8, 2024 war", []string{"Lindenweg 7, 1010 Wien", "Lindenweg 8"}},
		{"de abbreviation", "Berliner Str. 12a", []string{"Berliner Str. 12a"}},
		{"de two words", "Alte Allee 3", []string{"Alte Allee 3"}},
		{"de compound weg", "Lindenweg 7", []string{"Lindenweg 7"}},
		{"de no number", "die Hauptstraße ist voll", nil},
		{"de rank", "auf Platz 1", nil},
		// Russian.
		{"ru", "Я живу на ул. Тверская, д. 7", []string{"ул. Тверская, д. 7"}},
		{"ru full", "улица Ленина 5", []string{"улица Ленина 5"}},
		{"ru flat and postcode", "ул. Ленина, д. 15, кв. 42, Москва, 101000; ул. Ленина, д. 16, кв. 43, Москва", []string{"ул. Ленина, д. 15, кв. 42, Москва, 101000", "ул. Ленина, д. 16, кв. 43"}},
		{"ru after a preposition", "живу на улице Ленина 10, а офис на проспекте Мира, д. 5", []string{"улице Ленина 10", "проспекте Мира, д. 5"}},
		{"ru capitalized", "Улица Ленина 5", []string{"Улица Ленина 5"}},
		{"ru capital", "Проспект Мира, 12", []string{"Проспект Мира, 12"}},
		// Chinese.
		{"zh", "地址：北京市朝阳区建国路88号，谢谢", []string{"建国路88号"}},
		{"zh room", "上海市南京东路100号3栋201室", []string{"南京东路100号3栋201室"}},
		{"zh full-width", "长安街８８号", []string{"长安街８８号"}},
		{"zh no street", "第3号作品", nil},
		{"zh street alone", "路88号", nil},
		// Japanese.
		{"ja", "住所は東京都港区六本木1-2-3です。", []string{"六本木1-2-3"}},
		{"ja full-width", "銀座４－５－６", []string{"銀座４－５－６"}},
		{"ja chome", "本町2丁目3番4号", []string{"本町2丁目3番4号"}},
		{"ja chapter", "第1-2話", nil},
		{"zh phone", "电话186-1314-8933", nil},
		{"ja phone", "電話03-1234-5678", nil},
		{"zh landline", "电话０２１－７１０８９７２４", nil},
		{"ja one number", "写真3枚", nil},
		// Arabic.
		{"ar", "اصنع دعوة في شارع الملك فهد 123، الرياض", []string{"شارع الملك فهد 123"}},
		{"ar number word", "شارع التحرير، رقم ١٥", []string{"شارع التحرير، رقم ١٥"}},
		{"ar no number", "صورة شارع التحرير في الليل", nil},
		{"ar no name", "شارع 5", nil},
		// Hindi.
		{"hi house", "मेरा पता मकान नंबर 12, गांधी मार्ग, नई दिल्ली है", []string{"मकान नंबर 12, गांधी मार्ग"}},
		{"hi flat", "फ्लैट 302, लाजपत नगर में पार्टी है", []string{"फ्लैट 302, लाजपत नगर"}},
		{"hi house alone", "मकान नं. 7 पर आओ", []string{"मकान नं. 7"}},
		{"hi number first", "पार्टी 45 एमजी रोड पर है, पता: १२, शिवाजी मार्ग", []string{"45 एमजी रोड", "१२, शिवाजी मार्ग"}},
		{"hi home at five", "घर 5 बजे पहुंचूंगा, 12 बजे पार्टी है", nil},
		{"hi ordinal", "मेरे 12वीं कक्षा के दोस्त", nil},
		{"hi plural", "मकानों 12 में", nil},
		{"hi street word alone", "12 नगर", nil},
		// Korean.
		{"ko", "주소는 서울시 강남구 테헤란로 123입니다", []string{"테헤란로 123"}},
		{"ko particle", "흑백으로 3장 만들어 주세요", nil},
		{"ko without district", "사진 테헤란로 123", nil},
	})
}

func TestAppendSpansAllocs(t *testing.T) {
	spantest.NoAllocs(t, AppendSpans, "42 Oak Avenue, Apt 4B; Calle Mayor, 5; Hauptstraße 5; ул. Тверская, д. 7; 建国路88号; 六本木1-2-3; 강남구 테헤란로 123; मकान नंबर 12, गांधी मार्ग", 8)
}

func FuzzAppendSpans(f *testing.F) {
	for _, s := range []string{"42 Oak Avenue, Apt 4B", "12 rue de la Paix", "Calle Mayor, 5", "Hauptstraße 5",
		"ул. Тверская, д. 7", "建国路88号3栋", "六本木1-2-3", "강남구 테헤란로 123", "本町2丁目3番4号",
		"मकान नंबर 12, गांधी मार्ग", "१२, शिवाजी मार्ग"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		for _, s := range spantest.Valid(t, AppendSpans, detectors.Address, text) {
			if a := text[s.Start:s.End]; !bytes.ContainsFunc(a, unicode.IsDigit) {
				t.Fatalf("%q has no number, in %q", a, text)
			}
		}
	})
}
