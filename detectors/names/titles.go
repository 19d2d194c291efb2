package names

import (
	"github.com/pixelprivacy/veil/detectors/internal/textscan"
	"github.com/pixelprivacy/veil/detectors/internal/wordset"
)

// notTitled are the capitalized words after a title that make a product's,
// a character's or a place's name, not a person's: "Dr. Pepper", "Mr.
// Bean", "Doctor Who", "Frau Holle"; and the nouns German capitalizes
// after "Frau" or "Herr" meaning a woman or a man ("eine Frau Mitte 30").
var notTitled = wordset.New("pepper", "bean", "potato", "clean", "freeze", "martens", "who", "strange", "universe",
	"world", "right", "robot", "holle", "mitte", "anfang", "ende", "doktor", "pfarrer", "ober", "nobody", "somebody", "someone", "x")

// germanDeterminers come before "Frau" and "Herr" where they mean a woman
// and a man, or a wife, not a title: "die Frau am Strand", "meine Frau".
var germanDeterminers = wordset.New("der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einen", "einem",
	"eines", "jede", "jeder", "jeden", "diese", "dieser", "diesen", "keine", "mein", "meine", "meiner", "meinen",
	"meinem", "dein", "deine", "sein", "seine", "ihr", "ihre", "unser", "unsere")

// titled reads the name after the title of t that starts at text[i] and
// ends at text[after] ("Mr. Smith", "Dr. Priya Patel", "Frau Schmidt",
// "Sra. García"): one to three capitalized words, as cased reads them,
// the first not a word of a product's or a character's name. A title
// inside a proper noun is none ("Ocean Dr. Miami", an address), nor, in a
// language that capitalizes nouns, one after an article or a possessive.
func titled(text []byte, i, after int, t *trigger) (start, end int, ok bool) {
	if written := text[i:after]; textscan.Capitals(written) || t.lang.capitalTitles && !startsUpper(written) || inProperNoun(text, i) {
		return 0, 0, false // "MS Windows", "4826 ms: Mark-sweep"
	}
	if a, b := wordBefore(text, i, " "); t.lang.capitalNouns && germanDeterminers.Has(text[a:b]) {
		return 0, 0, false
	}
	if byteAt(text, after) == '.' {
		after++ // "Mr. Smith"
	}
	start, end, ok = cased(text, after, &trigger{mode: kinWord, lang: t.lang})
	if !ok || notTitled.Has(text[start:nameWordEnd(text, start)]) {
		return 0, 0, false
	}
	return start, end, true
}

// titledArabicName reads the name after an Arabic title ("السيد محمد"), as
// arabicName does, unless its first word starts with the article: a title
// of a rank or an office follows ("السيد الرئيس", Mr. President).
func titledArabicName(text []byte, i int) (start, end int, ok bool) {
	if textscan.HasAt(text, skipSpaces(text, i), "ال") {
		return 0, 0, false
	}
	return arabicName(text, i)
}

// hindiNotNames are the words after a Hindi title that are no name: the
// honorifics and postpositions that follow a title alone ("डॉ. साहब",
// "श्रीमती जी को").
var hindiNotNames = wordset.New("जी", "साहब", "साहिबा", "को", "से", "के", "की", "का", "ने", "में", "पर", "और", "भी", "है", "हैं")

// kunyaName reads the kunya that starts at text[i], "أبو" (father of) or
// "أم" (mother of) and its child's given name, which must be on the list
// of Arabic given names, after them at text[after]: "أبو محمد", "أم أحمد";
// not "أبو ظبي" (Abu Dhabi) or "صورة أم فيديو" (a picture or a video).
func kunyaName(text []byte, i, after int) (start, end int, ok bool) {
	n := skipSpaces(text, after)
	w := arabicWordEnd(text, n)
	if n == after || w == n || !arabicGiven.Has(text[n:w]) {
		return 0, 0, false
	}
	return i, w, true
}

// titledHindiName reads the name after a Hindi title that starts at
// text[i]: one or two Devanagari words, up to one that is no name.
func titledHindiName(text []byte, i int) (start, end int, ok bool) {
	start = skipSpaces(text, i)
	end = start
	for range 2 {
		n := skipSpaces(text, end)
		w := devanagariWordEnd(text, n)
		if w == n || hindiNotNames.Has(text[n:w]) || end > start && n == end {
			break
		}
		end = w
	}
	return start, end, end > start
}
