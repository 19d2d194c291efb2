// Package documents finds the numbers of identity documents in free text,
// where a document's name labels one: "my passport number is X12345678",
// "driver's license: D1234567", "número de pasaporte: PAA123456",
// "Reisepass Nr. C01X00T47", "паспорт 4510 123456", "护照号码是E12345678",
// "パスポート番号はTK1234567", "여권번호 M12345678", and the numbers of the
// ID cards schools and employers give ("DL# D1234567", "my student id is
// 20231234", "学号 2023123456"), and the numbers of a car's plate and a
// bank account ("license plate 7ABC123", "车牌号 京A12345", "sort code
// 12-34-56"). People type them into prompts for ID and passport photos,
// cars and flyers; such a number identifies its holder.
//
// A number is one to three groups of letters and digits, 6 to 20 in all,
// with a digit among them: "license: MIT" is none. It runs on free text
// after the single pass of package detectors and does not allocate; its
// findings are of kind detectors.Document, whose canonical form is the
// number's letters and digits in upper case.
package documents

import (
	"strings"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/detectors/internal/phrases"
	"github.com/pixelprivacy/veil/detectors/internal/wordset"
)

// AppendSpans appends to dst the documents' numbers in text, as spans of
// kind detectors.Document, in order and not overlapping one another; it
// keeps no reference to text.
func AppendSpans(dst []detectors.Span, text []byte) []detectors.Span {
	end := 0
	for i := labels.Next(text, 0); i < len(text); i = labels.Next(text, max(i+1, end)) {
		if w, ok := labels.At(text, i); ok {
			if start, stop, ok := number(text, between.Skip(text, w, 5)); ok {
				dst = append(dst, detectors.Span{Start: start, End: stop, Kind: detectors.Document})
				end = stop
			}
		}
	}
	return dst
}

// number reads a document's number at text[i]: one to three groups of ASCII
// letters and digits, each with a digit, joined by one space or dash
// ("X12345678", "4510 123456", "D123-4567"), maybe with groups of one to
// three capitals before or after them, as car plates have ("B-AB 1234",
// "AB12 CDE"), 6 to 20 characters in all, not followed by another letter
// or digit.
func number(text []byte, i int) (start, end int, ok bool) {
	n, j := 0, i
	if r, size := utf8.DecodeRune(text[i:]); size > 1 && strings.ContainsRune(provinces, r) {
		n, j = 1, i+size // a Chinese plate's province: "京A12345"
	}
	for range 2 {
		k, ok := capitals(text, j)
		if !ok || k+1 >= len(text) || text[k] != ' ' && text[k] != '-' {
			break
		}
		n, j = n+k-j, k+1
	}
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
			if c, ok := capitals(text, k+1); ok && (c == len(text) || !isAlnum(text[c])) {
				n, end = n+c-k-1, c // "AB12 CDE"
			}
		}
		break
	}
	if end <= i || n < 6 || n > 20 || end < len(text) && isAlnum(text[end]) {
		return 0, 0, false
	}
	return i, end, true
}

// capitals returns the end of the group of one to three capital letters at
// text[i], and whether one is there.
func capitals(text []byte, i int) (int, bool) {
	k := i
	for k < len(text) && 'A' <= text[k] && text[k] <= 'Z' {
		k++
	}
	return k, k > i && k-i <= 3 && (k == len(text) || !isAlnum(text[k]))
}

// provinces are the characters of the provinces that start a Chinese car's
// plate.
const provinces = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"

// group returns the end of the ASCII letters and digits at text[i], and
// whether a digit is among them.
func group(text []byte, i int) (end int, digit bool) {
	for ; i < len(text) && isAlnum(text[i]); i++ {
		digit = digit || '0' <= text[i] && text[i] <= '9'
	}
	return i, digit
}

func isAlnum(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'z' }

// labels are the documents' names, by language.
var labels = phrases.New(
	"passport", "driver's license", "driver's licence", "drivers license", "driving licence",
	"driver license", "dl#", "dl #", "dl:", "dl no", "dl number", "id card", "identity card", "national id", "id number", "voter id", "pan card",
	"pan number", "pan no", "pan:", "my pan is", "पैन कार्ड", "पैन नंबर", // India's tax number, whose "pan" alone is a word
	"student id", "student number", "student card", "matriculation number", "employee id", "employee number",
	"staff id", "badge number", "matrikelnummer", "学号", "学生证", "工号", "学籍番号", "社員番号", "학번", "사번",
	"pasaporte", "licencia de conducir", "carné de conducir", "carnet de conducir", "cédula",
	"passaporte", "carteira de motorista", "cnh", "carteira de identidade",
	"passeport", "permis de conduire", "carte d'identité",
	"reisepass", "führerschein", "personalausweis", "ausweis",
	"reisepassnummer", "passnummer", "ausweisnummer", "personalausweisnummer", "führerscheinnummer", // German writes the compounds
	"паспорт", "водительское удостоверение", "водительские права",
	"护照", "驾照", "驾驶证",
	"パスポート", "旅券", "運転免許証", "免許証",
	"여권", "운전면허", "운전면허증",
	"पासपोर्ट",
	"جواز السفر", "رخصة القيادة",
	// a car's plate, which its keeper's registration names
	"license plate", "licence plate", "number plate", "plate number", "car plate", "kennzeichen", "nummernschild",
	"plaque d'immatriculation", "госномер", "车牌", "ナンバープレート", "번호판", "차량번호",
	// a bank account
	"bank account", "account number", "acct no", "sort code", "routing number", "kontonummer", "número de cuenta",
	"numéro de compte", "conta corrente", "银行卡号", "银行账号", "口座番号", "계좌번호",
)

// between holds what may stand between a document's name and its number:
// "passport number is", "licencia de conducir nº", "Reisepass Nr.", "护照号码是",
// "パスポート番号は", "여권번호".
var between = phrases.Between{
	Marks: []string{":", "：", "#", "№", "=", "-", "是", "为", "は", "는", "은", "号码", "號碼", "号", "番号", "번호", "의"},
	Words: wordset.New("number", "num", "no", "nr", "nº", "is", "es", "est", "ist", "é", "número",
		"numero", "numéro", "nummer", "номер", "id"),
}
