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
// and a man, or a wife, not a title ("die Frau am Strand", "meine Frau"),
// unless a common family name follows (see germanSurnames).
var germanDeterminers = wordset.New("der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einen", "einem",
	"eines", "jede", "jeder", "jeden", "diese", "dieser", "diesen", "keine", "mein", "meine", "meiner", "meinen",
	"meinem", "dein", "deine", "sein", "seine", "ihr", "ihre", "unser", "unsere")

// titled reads the name after the title of t that starts at text[i] and
// ends at text[after] ("Mr. Smith", "Dr. Priya Patel", "Frau Schmidt",
// "Sra. García"): one to three capitalized words, as cased reads them,
// the first not a word of a product's or a character's name. A title
// inside a proper noun is none ("Ocean Dr. Miami", an address), nor, in a
// language that capitalizes nouns, one after an article or a possessive
// but before a common family name ("die Frau Müller").
func titled(text []byte, i, after int, t *trigger) (start, end int, ok bool) {
	if written := text[i:after]; textscan.Capitals(written) || t.lang.capitalTitles && !startsUpper(written) || inProperNoun(text, i) {
		return 0, 0, false // "MS Windows", "4826 ms: Mark-sweep"
	}
	if after-i == 1 && (!startsUpper(text[i:after]) || byteAt(text, after) != '.' || byteAt(text, after+1) != ' ' || i > 0 && text[i-1] == '.') {
		return 0, 0, false // a capital, a full stop and a space: "M. Martin", not "5 m Martin", "9 A.M. Breakfast", "M.Foo"
	}
	a, b := wordBefore(text, i, " ")
	determined := t.lang.capitalNouns && germanDeterminers.Has(text[a:b])
	if byteAt(text, after) == '.' {
		after++ // "Mr. Smith"
	}
	start, end, ok = cased(text, after, &trigger{mode: kinWord, lang: t.lang})
	if first := text[start:nameWordEnd(text, start)]; !ok || notTitled.Has(first) || determined && !germanSurnames.Has(first) {
		return 0, 0, false
	}
	return start, end, true
}

// germanSurnames are the commonest German family names, which "die Frau"
// and "der Herr" come before as spoken German names people ("die Frau
// Müller"), where another capitalized word is a noun ("eine Frau Mitte
// 30").
var germanSurnames = wordset.New("müller", "schmidt", "schneider", "fischer", "weber", "meyer", "wagner", "becker",
	"schulz", "hoffmann", "schäfer", "koch", "bauer", "richter", "klein", "wolf", "schröder", "neumann", "schwarz",
	"zimmermann", "braun", "krüger", "hofmann", "hartmann", "lange", "schmitt", "werner", "schmitz", "krause", "meier",
	"lehmann", "schmid", "schulze", "maier", "köhler", "herrmann", "könig", "walter", "mayer", "huber", "kaiser",
	"fuchs", "peters", "lang", "scholz", "möller", "weiß", "jung", "hahn", "schubert", "vogel", "friedrich", "keller",
	"günther", "frank", "berger", "winkler", "roth", "beck", "lorenz", "baumann", "franke", "albrecht", "schuster",
	"simon", "ludwig", "böhm", "winter", "kraus", "martin", "schumacher", "krämer", "vogt", "stein", "jäger", "otto",
	"sommer", "groß", "seidel", "heinrich", "brandt", "haas", "schreiber", "graf", "schulte", "dietrich", "ziegler",
	"kuhn", "kühn", "pohl", "engel", "horn", "busch", "bergmann", "thomas", "voigt", "sauer", "arnold", "wolff", "pfeiffer")

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
	if n == after || w == n || !arabicGiven.HasCaseless(text[n:w]) {
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
