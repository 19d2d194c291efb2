package addresses

import (
	"github.com/pixelprivacy/veil/detectors/internal/textscan"
	"github.com/pixelprivacy/veil/detectors/internal/wordset"
)

// englishStreets are the words that end an English street's name; those
// that are common words too ("Way", "Drive") are flagged: they need a cue
// before the number (see cueBefore).
var englishStreets = wordset.New("street", "st", "avenue", "ave", "road", "rd", "boulevard",
	"blvd", "lane", "ln", "parkway", "pkwy", "highway", "hwy", "crescent", "cres", "terrace", "mews").
	With(true, "way", "drive", "dr", "court", "ct", "place", "pl", "close", "square", "sq", "circle",
		"trail", "row", "grove", "gardens", "walk", "hill")

// addressCues are the words before a house number that say an address
// follows.
var addressCues = wordset.New("at", "on", "to", "from", "in", "is", "address", "addr", "live",
	"lives", "living", "located", "located", "moved", "deliver", "send", "ship", "visit", "venue")

// functionWords are no part of an English street's name: capitalized,
// they say the text is in title case ("Draw 2 Kids On The Road").
var functionWords = wordset.New("the", "a", "an", "on", "in", "at", "of", "and", "or", "to",
	"for", "with", "by", "from", "my", "your", "our", "his", "her", "their", "its", "this", "that")

// units are the words of an apartment, suite or flat after a street.
var units = wordset.New("apt", "apartment", "suite", "ste", "unit", "flat", "floor", "fl", "room", "rm")

// flats are the words of a flat, a floor or a building after a street of
// the languages that write the number after its name, or a French one
// ("apto 45", "кв. 42", "Whg. 5", "bât. B").
var flats = wordset.New("apto", "ap", "apt", "apartamento", "appartement", "app", "piso", "puerta", "bloco", "bloque",
	"escalera", "esc", "кв", "квартира", "корп", "корпус", "стр", "строение", "wohnung", "whg", "étage", "bât", "bâtiment")

// frenchStreets are the words that start a French street's name after its
// number.
var frenchStreets = wordset.New("rue", "avenue", "av", "boulevard", "bd", "bld", "place", "allée",
	"allee", "chemin", "impasse", "quai", "route", "cours", "passage", "voie", "sentier", "square")

// frenchRepeats follow a French house number: "5 bis".
var frenchRepeats = wordset.New("bis", "ter", "quater")

// frenchArticles may stand between the capitalized words of a French
// street's name.
var frenchArticles = wordset.New("de", "du", "des", "la", "le", "les", "l'", "d'", "et", "sur", "aux", "au", "en")

// streetsFirst are the words that start a Spanish, Portuguese or Russian
// street's name, before the name and the number (Russian's also in the
// cases a preposition puts them in); abbreviations are
// flagged: they count only with their full stop ("Av.", "ул."), and "c"
// only with its slash ("C/ Mayor"; "C. Darwin" is a person, and so "R."
// is not here).
var streetsFirst = wordset.New("calle", "avenida", "plaza", "paseo", "camino", "carrera", "ronda",
	"travesía", "glorieta", "carretera", "rua", "travessa", "praça", "alameda", "estrada", "rodovia",
	"largo", "улица", "проспект", "переулок", "бульвар", "шоссе", "набережная", "площадь", "проезд",
	// Russian's inflections after a preposition: "на улице Ленина 10", "по проспекту Мира 5".
	"улице", "улицу", "улицы", "проспекте", "проспекту", "проспекта", "переулке", "переулку", "переулка",
	"бульваре", "бульвару", "бульвара", "набережной", "площади", "проезде", "проезду", "проезда").
	With(true, "c", "avda", "av", "pza", "pº", "trav", "ул", "пр", "просп", "пер", "наб", "пл", "ш")

// streetArticles may stand between the capitalized words of a Spanish,
// Portuguese or Russian street's name.
var streetArticles = wordset.New("de", "del", "la", "las", "los", "el", "do", "da", "dos", "das", "e", "y", "i")

// numberMarks may stand before a house number after a street's name.
var numberMarks = wordset.New("nº", "n", "no", "núm", "num", "número", "numero", "nr", "д", "дом")

// germanSuffixes end the German words for a street glued to its name
// ("Hauptstraße", "Lindenweg"), in lower case.
var germanSuffixes = []string{"straße", "strasse", "str", "weg", "platz", "allee", "gasse", "ring",
	"damm", "ufer", "chaussee", "pfad", "markt", "steig"}

// germanStreets are the German words for a street after an adjective
// ("Berliner Straße", "Alte Allee").
var germanStreets = wordset.New("straße", "strasse", "str", "weg", "platz", "allee", "gasse", "ring", "damm", "ufer", "chaussee")

// hasAnyAt reports whether one of words starts at text[i], and where it
// ends.
func hasAnyAt(text []byte, i int, words []string) (end int, ok bool) {
	for _, w := range words {
		if textscan.HasAt(text, i, w) {
			return i + len(w), true
		}
	}
	return 0, false
}
