package lang

import (
	"bytes"
)

// maxShortWords bounds the texts that function words decide: lingua's
// low-accuracy models, trigrams alone, misread about one short English
// prompt in ten ("Add my Instagram and my WhatsApp to the flyer" as
// German, "turn this into anime" as Portuguese), where a few words every
// sentence of a language has say more.
const maxShortWords = 12

// functionWords are words of one Latin-script language each, among the
// default set, that short prompts are made of: articles, pronouns,
// prepositions and the commands prompts start with. Words two of them
// share ("la", "de", "un", "me", "no", "es", "on", "in") are left out.
var functionWords = map[string][]string{
	"en": {"the", "my", "it", "to", "and", "of", "this", "with", "make", "add", "put", "turn", "into", "for",
		"please", "is", "look", "like", "remove", "change", "your", "our", "us", "give", "take", "from", "at", "him",
		"when", "very", "also", "hello", "thanks", "thank", "you", "not", "what", "that", "these", "can", "want"},
	"de": {"der", "die", "das", "und", "ich", "mein", "meine", "meinen", "mit", "ein", "eine", "einen", "ist",
		"nicht", "bitte", "mach", "mache", "auf", "zu", "von", "den", "dem", "im", "mir", "mich", "wenn", "sehr",
		"auch", "hallo", "danke", "diese", "dieser", "dieses", "wir", "uns", "kannst", "möchte"},
	"fr": {"le", "les", "et", "une", "mon", "ma", "mes", "du", "des", "avec", "pour", "est", "sur", "dans",
		"fais", "moi", "je", "il", "elle", "au", "aux", "quand", "très", "aussi", "bonjour", "merci", "pas", "ce",
		"cette", "ça", "nous", "veux", "peux"},
	"es": {"el", "los", "las", "y", "una", "mi", "mis", "del", "con", "haz", "pon", "hazme", "quiero", "yo", "al", "por",
		"cuando", "esté", "esta", "este", "esto", "muy", "pero", "también", "hola", "gracias", "puedes", "mándalo"},
	"pt": {"o", "os", "um", "uma", "meu", "minha", "meus", "do", "da", "dos", "das", "com", "é", "em", "faz",
		"faça", "coloque", "eu", "na", "ao", "quando", "muito", "também", "olá", "obrigado", "obrigada", "não",
		"isso", "essa", "esse", "você", "quero"},
}

// functionWordLang maps each function word, in lower case, to its
// language.
var functionWordLang = func() map[string]string {
	m := map[string]string{}
	for code, ws := range functionWords {
		for _, w := range ws {
			m[w] = code
		}
	}
	return m
}()

// shortLanguage returns the language of words (as words returns them) if
// they are few and their function words point at one of codes: two or
// more of its own, at least twice those of any other.
func shortLanguage(text []byte, codes map[string]bool) (string, bool) {
	if bytes.Count(text, []byte(" ")) >= maxShortWords {
		return "", false
	}
	var counts [8]struct {
		code string
		n    int
	}
	kinds := 0
	for w := range bytes.FieldsSeq(text) {
		var b [8]byte
		if len(w) > len(b) {
			continue
		}
		for i, c := range w {
			if 'A' <= c && c <= 'Z' {
				c |= 0x20
			}
			b[i] = c
		}
		code, ok := functionWordLang[string(b[:len(w)])]
		if !ok || !codes[code] {
			continue
		}
		k := 0
		for k < kinds && counts[k].code != code {
			k++
		}
		if k == kinds {
			if kinds == len(counts) {
				continue
			}
			counts[k].code, kinds = code, kinds+1
		}
		counts[k].n++
	}
	best, second := 0, 0
	for k := 1; k < kinds; k++ {
		if counts[k].n > counts[best].n {
			best = k
		}
	}
	for k := range kinds {
		if k != best {
			second = max(second, counts[k].n)
		}
	}
	if kinds == 0 || counts[best].n < 2 || counts[best].n < 2*second {
		return "", false
	}
	return counts[best].code, true
}
