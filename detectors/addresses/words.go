package addresses

// A wordSet holds words in lower case, each with a flag, and is asked in
// any case.
type wordSet map[string]bool

func newWordSet(flag bool, words ...string) wordSet {
	s := make(wordSet, len(words))
	return s.add(flag, words...)
}

func (s wordSet) add(flag bool, words ...string) wordSet {
	for _, w := range words {
		s[w] = flag
	}
	return s
}

// get reports whether s holds w, and w's flag.
func (s wordSet) get(w []byte) (flag, ok bool) {
	var b [maxSetWord]byte
	l := lowerWord(&b, w)
	if l == nil {
		return false, false
	}
	flag, ok = s[string(l)]
	return flag, ok
}

// has reports whether s holds w.
func (s wordSet) has(w []byte) bool {
	_, ok := s.get(w)
	return ok
}

// englishStreets are the words that end an English street's name; those
// that are common words too ("Way", "Drive") are flagged: they need a cue
// before the number (see cueBefore).
var englishStreets = newWordSet(false, "street", "st", "avenue", "ave", "road", "rd", "boulevard",
	"blvd", "lane", "ln", "parkway", "pkwy", "highway", "hwy", "crescent", "cres", "terrace", "mews").
	add(true, "way", "drive", "dr", "court", "ct", "place", "pl", "close", "square", "sq", "circle",
		"trail", "row", "grove", "gardens", "walk", "hill")

// addressCues are the words before a house number that say an address
// follows.
var addressCues = newWordSet(false, "at", "on", "to", "from", "in", "is", "address", "addr", "live",
	"lives", "living", "located", "located", "moved", "deliver", "send", "ship", "visit", "venue")

// functionWords are no part of an English street's name: capitalized,
// they say the text is in title case ("Draw 2 Kids On The Road").
var functionWords = newWordSet(false, "the", "a", "an", "on", "in", "at", "of", "and", "or", "to",
	"for", "with", "by", "from", "my", "your", "our", "his", "her", "their", "its", "this", "that")

// units are the words of an apartment, suite or flat after a street.
var units = newWordSet(false, "apt", "apartment", "suite", "ste", "unit", "flat", "floor", "fl", "room", "rm")

// frenchStreets are the words that start a French street's name after its
// number.
var frenchStreets = newWordSet(false, "rue", "avenue", "av", "boulevard", "bd", "bld", "place", "allée",
	"allee", "chemin", "impasse", "quai", "route", "cours", "passage", "voie", "sentier", "square")

// frenchRepeats follow a French house number: "5 bis".
var frenchRepeats = newWordSet(false, "bis", "ter", "quater")

// frenchArticles may stand between the capitalized words of a French
// street's name.
var frenchArticles = newWordSet(false, "de", "du", "des", "la", "le", "les", "l'", "d'", "et", "sur", "aux", "au", "en")

// streetsFirst are the words that start a Spanish, Portuguese or Russian
// street's name, before the name and the number; abbreviations are
// flagged: they count only with their full stop ("Av.", "ул."), and "c"
// only with its slash ("C/ Mayor"; "C. Darwin" is a person, and so "R."
// is not here).
var streetsFirst = newWordSet(false, "calle", "avenida", "plaza", "paseo", "camino", "carrera", "ronda",
	"travesía", "glorieta", "carretera", "rua", "travessa", "praça", "alameda", "estrada", "rodovia",
	"largo", "улица", "проспект", "переулок", "бульвар", "шоссе", "набережная", "площадь", "проезд").
	add(true, "c", "avda", "av", "pza", "pº", "trav", "ул", "пр", "просп", "пер", "наб", "пл", "ш")

// streetArticles may stand between the capitalized words of a Spanish,
// Portuguese or Russian street's name.
var streetArticles = newWordSet(false, "de", "del", "la", "las", "los", "el", "do", "da", "dos", "das", "e", "y", "i")

// numberMarks may stand before a house number after a street's name.
var numberMarks = newWordSet(false, "nº", "n", "no", "núm", "num", "número", "numero", "nr", "д", "дом")

// germanSuffixes end the German words for a street glued to its name
// ("Hauptstraße", "Lindenweg"), in lower case.
var germanSuffixes = []string{"straße", "strasse", "str", "weg", "platz", "allee", "gasse", "ring",
	"damm", "ufer", "chaussee", "pfad", "markt", "steig"}

// germanStreets are the German words for a street after an adjective
// ("Berliner Straße", "Alte Allee").
var germanStreets = newWordSet(false, "straße", "strasse", "str", "weg", "platz", "allee", "gasse", "ring", "damm", "ufer", "chaussee")
