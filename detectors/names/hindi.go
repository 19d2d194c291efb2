package names

import (
	"strings"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors/internal/textscan"
	"github.com/pixelprivacy/veil/detectors/internal/wordset"
)

// hindiAfterName are the postpositions and words that follow a name in
// Hindi prompts: "राहुल के लिए" (for Rahul), "प्रिया को", "अमित और",
// "शर्मा जी" (Mr. Sharma).
var hindiAfterName = []string{"के", "को", "का", "की", "ने", "से", "और", "जी"}

// hindiGiven are common Hindi given names in Devanagari, less those that
// are words too ("विजय", victory; "पूजा", worship; "दीपक", a lamp).
var hindiGiven = wordset.New(strings.Fields(`
	राहुल अमित रोहित सुमित अंकित अभिषेक आदित्य आकाश अर्जुन आरव विवान अयान कबीर रोहन साहिल सचिन संजय सुनील अनिल
	राकेश मुकेश सुरेश रमेश महेश दिनेश नरेश राजेश विनोद मनोज प्रदीप संदीप कुलदीप अजय अक्षय निखिल नितिन प्रवीण
	पंकज ऋषभ ईशान वरुण करण सौरभ कुणाल मोहित हरीश जितेंद्र धर्मेंद्र सुरेंद्र राजेंद्र देवेंद्र मनीष प्रशांत शिवम
	आयुष रितिक हिमांशु अनुराधा विक्रम सिद्धार्थ अनिरुद्ध रजत अमन अंकुर वैभव
	प्रिया अंजलि नेहा स्नेहा श्रेया दिव्या काव्या अनन्या आराध्या सान्वी इशिता रिया सिमरन सुनीता अनीता रीता मीना
	शालिनी मोनिका राधिका तन्वी मनीषा अदिति श्वेता तान्या पल्लवी निधि रुचि सोनिया सपना प्रियंका दीपिका कृतिका
	आयशा ज़ोया सना फ़ातिमा इमरान आमिर सलमान आरिफ़ फ़ैज़ान इरफ़ान जावेद अहमद`)...)

// hindiSurnames are common Indian family names in Devanagari, which follow
// a given name ("राहुल शर्मा को") or stand alone before "जी".
var hindiSurnames = wordset.New(strings.Fields(`
	शर्मा वर्मा गुप्ता सिंह कुमार कुमारी पटेल यादव जैन अग्रवाल मिश्रा पांडे पाण्डेय तिवारी चौधरी राव रेड्डी खान शाह
	मेहता जोशी बंसल कपूर मल्होत्रा खन्ना चौहान ठाकुर सक्सेना श्रीवास्तव दुबे त्रिपाठी नायर अय्यर बनर्जी चटर्जी
	मुखर्जी घोष बोस भट्ट देसाई कुलकर्णी पाटिल शेख अंसारी कुरैशी`)...)

// hindiNameBefore reads the Hindi name before the word at text[i], one of
// hindiAfterName, after a space: a given name of hindiGiven, maybe with a
// family name of hindiSurnames after it ("अमित कुमार ने"), or a family
// name alone before "जी".
func hindiNameBefore(text []byte, i int) (start, end int, ok bool) {
	end = i
	for end > 0 && text[end-1] == ' ' {
		end--
	}
	start = devanagariWordStart(text, end)
	if end == i || start == end {
		return 0, 0, false
	}
	word := text[start:end]
	if hindiGiven.HasCaseless(word) {
		return start, end, true
	}
	if !hindiSurnames.HasCaseless(word) {
		return 0, 0, false
	}
	if g := start - 1; g > 0 && text[g] == ' ' {
		if s := devanagariWordStart(text, g); s < g && hindiGiven.HasCaseless(text[s:g]) {
			return s, end, true
		}
	}
	return start, end, textscan.HasAt(text, i, "जी")
}

// devanagariWordStart returns the start of the Devanagari word that ends at
// text[i].
func devanagariWordStart(text []byte, i int) int {
	for i > 0 {
		r, size := utf8.DecodeLastRune(text[:i])
		if r < 0x0900 || r > 0x0963 {
			break
		}
		i -= size
	}
	return i
}
