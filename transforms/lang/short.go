package lang

import (
	"bytes"
)

// maxShortWords bounds the texts that function words decide: lingua's
// low-accuracy models, trigrams alone, misread about one short English
// prompt in ten ("Add my Instagram and my WhatsApp to the flyer" as
// German, "turn this into anime" as Portuguese), where a few words every
// sentence of a language has say more.
const maxShortWords = 16

// The Latin-script languages of the default set that function words tell
// apart, as indexes of shortLangs.
const (
	langEn = iota
	langDe
	langFr
	langEs
	langPt
)

// shortLangs are their ISO 639-1 codes.
var shortLangs = [...]string{langEn: "en", langDe: "de", langFr: "fr", langEs: "es", langPt: "pt"}

// functionWords are words of one Latin-script language each, among the
// default set, that short prompts are made of: articles, pronouns,
// prepositions and the commands prompts start with ("draw", "dibuja"). Words two of them
// share ("la", "de", "un", "me", "no", "es", "on", "in", "das", "do") are
// left out.
var functionWords = [...][]string{
	langEn: {"the", "my", "it", "to", "and", "of", "this", "with", "make", "add", "put", "turn", "into", "for",
		"please", "is", "look", "like", "remove", "change", "your", "our", "us", "give", "take", "from", "at", "him",
		"when", "very", "also", "hello", "thanks", "thank", "you", "not", "what", "that", "these", "can", "want",
		"draw", "create", "paint", "show"},
	langDe: {"der", "die", "und", "ich", "mein", "meine", "meinen", "mit", "ein", "eine", "einen", "ist",
		"nicht", "bitte", "mach", "mache", "auf", "zu", "von", "den", "dem", "im", "mir", "mich", "wenn", "sehr",
		"auch", "hallo", "danke", "diese", "dieser", "dieses", "wir", "uns", "kannst", "möchte", "zeichne", "erstelle",
		"füge", "entferne", "verwandle"},
	langFr: {"le", "les", "et", "une", "mon", "ma", "mes", "du", "des", "avec", "pour", "est", "sur", "dans",
		"fais", "moi", "je", "il", "elle", "au", "aux", "quand", "très", "aussi", "bonjour", "merci", "pas", "ce",
		"cette", "ça", "nous", "veux", "peux", "dessine", "crée", "ajoute", "enlève"},
	langEs: {"el", "los", "las", "y", "una", "mi", "mis", "del", "con", "haz", "pon", "hazme", "quiero", "yo", "al", "por",
		"cuando", "esté", "esta", "este", "esto", "muy", "pero", "también", "hola", "gracias", "puedes", "mándalo",
		"dibuja", "dibújame", "crea", "genera", "añade", "quita", "convierte"},
	langPt: {"o", "os", "um", "uma", "meu", "minha", "meus", "da", "dos", "com", "é", "em", "faz",
		"faça", "coloque", "eu", "na", "ao", "quando", "muito", "também", "olá", "obrigado", "obrigada", "não",
		"isso", "essa", "esse", "você", "quero", "desenhe", "desenha", "crie", "cria", "pinte", "adicione", "remova"},
}

// functionWordLang maps each function word, in lower case, to its
// language's index in shortLangs.
var functionWordLang = func() map[string]int {
	m := map[string]int{}
	for l, ws := range functionWords {
		for _, w := range ws {
			m[w] = l
		}
	}
	return m
}()

// shortLanguage returns the language of words (as words returns them) if
// they are few and their function words point at one of codes: two or
// more of its own (one in a text of fewer than maxTinyWords words), at
// least twice those of any other.
func shortLanguage(text []byte, codes map[string]bool) (string, bool) {
	if bytes.Count(text, []byte(" ")) >= maxShortWords {
		return "", false
	}
	var counts [len(shortLangs)]int
	for w := range bytes.FieldsSeq(text) {
		w = bytes.TrimRight(w, ",.!?;:") // "danke."
		var b [12]byte
		if len(w) > len(b) {
			continue
		}
		for i, c := range w {
			if 'A' <= c && c <= 'Z' {
				c |= 0x20
			}
			b[i] = c
		}
		if l, ok := functionWordLang[string(b[:len(w)])]; ok && codes[shortLangs[l]] {
			counts[l]++
		}
	}
	best := 0
	for l, n := range counts {
		if n > counts[best] {
			best = l
		}
	}
	for l, n := range counts {
		if l != best && 2*n > counts[best] {
			return "", false
		}
	}
	if counts[best] < 2 && !(counts[best] == 1 && bytes.Count(text, []byte(" ")) < maxTinyWords) {
		return "", false
	}
	return shortLangs[best], true
}

// maxTinyWords bounds the texts that one function word decides, when no
// other language's is among them: "a card for Santa Claus", "Katze mit
// Hut", where lingua's trigrams have little to read.
const maxTinyWords = 6
