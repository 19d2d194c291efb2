package addresses

import (
	"bytes"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/detectors/internal/textscan"
	"github.com/pixelprivacy/veil/detectors/internal/wordset"
)

// numberFirst reads an address that starts with its house number at
// text[i]: English ("42 Oak Avenue", "221B Baker Street, Flat 2", "350 5th
// Avenue") and French ("12 rue de la Paix", "5 bis, avenue Foch").
func numberFirst(text []byte, i int) (start, end int, ok bool) {
	n, ok := houseNumber(text, i)
	if !ok {
		return 0, 0, false
	}
	j := n
	if k := textscan.SkipBlanks(text, j); k > j && frenchRepeats.Has(text[k:wordEnd(text, k)]) {
		j = wordEnd(text, k) // "5 bis"
	}
	if j < len(text) && text[j] == ',' {
		j++
	}
	k := textscan.SkipBlanks(text, j)
	if k == j {
		return 0, 0, false
	}
	if w := wordEnd(text, k); frenchStreets.Has(text[k:w]) {
		if e, ok := streetName(text, textscan.SkipBlanks(text, afterDot(text, w)), frenchArticles); ok {
			return i, localityAfter(text, e), true
		}
		return 0, 0, false
	}
	for words := 0; words <= 3; words++ {
		w := wordEnd(text, k)
		if w == k {
			w = ordinalEnd(text, k)
		}
		if w == k {
			return 0, 0, false
		}
		word := text[k:w]
		if words > 0 {
			if amb, isStreet := englishStreets.Get(word); isStreet && (!amb || cueBefore(text, i)) {
				e := w
				if e < len(text) && text[e] == '.' && len(word) <= 4 {
					e++ // "St."
				}
				return i, placeAfter(text, unit(text, directionAfter(text, e))), true
			}
		}
		if !startsUpper(word) && !isDigit(word[0]) || functionWords.Has(word) || textscan.Capitals(word) && len(word) > 3 {
			return 0, 0, false // "3 dogs on the road", "2 Kids On The Road", "9641 LATIN SMALL LIGATURE ST"; not "12, MG Road"
		}
		m := textscan.SkipBlanks(text, w)
		if m == w {
			return 0, 0, false
		}
		k = m
	}
	return 0, 0, false
}

// ordinalEnd returns the end of an ordinal at text[i] ("5th", "42nd"), or i.
func ordinalEnd(text []byte, i int) int {
	j := i
	for j < len(text) && isDigit(text[j]) && j-i < 3 {
		j++
	}
	if j == i || j+2 > len(text) {
		return i
	}
	switch string([]byte{text[j] | 0x20, text[j+1] | 0x20}) {
	case "st", "nd", "rd", "th":
		if j+2 == len(text) || !isAlnum(text[j+2]) {
			return j + 2
		}
	}
	return i
}

// cueBefore reports whether the word before the house number at text[i]
// says an address follows ("at", "on", "live", "address:"): the street
// words that are common words too ("Way", "Drive", "Place") need one, so
// that "a 2 Minute Drive" is none.
func cueBefore(text []byte, i int) bool {
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == ':' || text[j-1] == '\t') {
		j--
	}
	k := j
	for k > 0 && isLetter(text[k-1]) {
		k--
	}
	return k < j && addressCues.Has(text[k:j])
}

// placeAfter returns the end of the town and the postcode after an English
// street address that ends at text[e], if a postcode ends them: ", London
// NW1 6XE", " SW1A 1AA", " NW, Washington, DC 20500", ", Springfield, IL
// 62704-1234" (a British postcode names a dozen homes, a ZIP+4 code a
// block); or e. Up to two words of the town, each maybe after a comma.
func placeAfter(text []byte, e int) int {
	k := e
	for range 3 {
		if k < len(text) && text[k] == ',' {
			k++
		}
		m := textscan.SkipBlanks(text, k)
		if m == k {
			return e
		}
		k = m
		if end, ok := postcodeAt(text, k); ok {
			return end
		}
		w := wordEnd(text, k)
		if w == k || !startsUpper(text[k:w]) || functionWords.Has(text[k:w]) {
			return e
		}
		k = w
	}
	return e
}

// postcodeAt returns the end of the postcode at text[i]: a British one
// ("NW1 6XE", "SW1A 1AA", "M1 1AE"), or a US state's code and a ZIP code
// ("DC 20500", "IL 62704-1234").
func postcodeAt(text []byte, i int) (int, bool) {
	upper := func(j int) bool { return j < len(text) && 'A' <= text[j] && text[j] <= 'Z' }
	digit := func(j int) bool { return j < len(text) && isDigit(text[j]) }
	if i+2 < len(text) && text[i+2] == ' ' && detectors.IsUSState(text[i:i+2]) {
		j := i + 3
		n := 0
		for digit(j) {
			j, n = j+1, n+1
		}
		if n == 5 && j+5 <= len(text) && text[j] == '-' && digit(j+1) && digit(j+2) && digit(j+3) && digit(j+4) {
			j += 5
		}
		if n == 5 && (j == len(text) || !isAlnum(text[j])) {
			return j, true
		}
	}
	// British: the outward code, one or two letters, a digit, maybe a
	// letter or digit; a space; the inward code, a digit and two letters.
	j := i
	for n := 0; n < 2 && upper(j); n++ {
		j++
	}
	if j == i || !digit(j) {
		return 0, false
	}
	j++
	if upper(j) || digit(j) {
		j++
	}
	if j >= len(text) || text[j] != ' ' || !digit(j+1) || !upper(j+2) || !upper(j+3) || j+4 < len(text) && isAlnum(text[j+4]) {
		return 0, false
	}
	return j + 4, true
}

// localityAfter returns the end of the flats and the postcode, with its
// town, after an address of the languages that write the number after the
// street's name, or a French one, that ends at text[e] (", apto 45", ",
// кв. 42", ", 3º B"; ", 10115 Berlin", ", 75002 Paris", ", São Paulo -
// SP, 01234-567"), or of its flats if no postcode follows (a town alone
// names a place many live in), or e.
func localityAfter(text []byte, e int) int {
	for range 2 {
		f := flatAfter(text, e)
		if f == e {
			break
		}
		e = f
	}
	k := e
	for range 4 {
		if k < len(text) && text[k] == ',' {
			k++
		}
		m := textscan.SkipBlanks(text, k)
		if m+1 < len(text) && text[m] == '-' && text[m+1] == ' ' {
			m = textscan.SkipBlanks(text, m+1) // "São Paulo - SP"
		}
		if m == k {
			return e
		}
		k = m
		if p, ok := numericPostcodeAt(text, k); ok {
			return townAfter(text, p)
		}
		w := wordEnd(text, k)
		if w == k || !startsUpper(text[k:w]) || functionWords.Has(text[k:w]) {
			return e
		}
		k = w
	}
	return e
}

// flatAfter returns the end of a flat after a comma at text[i] (", apto
// 45", ", кв. 42", ", 3º B", ", 3ºB", ", 2ª"), or i.
func flatAfter(text []byte, i int) int {
	if i >= len(text) || text[i] != ',' {
		return i
	}
	j := textscan.SkipBlanks(text, i+1)
	if d := digitsAt(text, j); d > j && d-j <= 2 {
		for _, o := range [...]string{"º", "ª", "°"} {
			if textscan.HasAt(text, d, o) {
				d += len(o)
				if d+2 <= len(text) && text[d] == ' ' && 'A' <= text[d+1] && text[d+1] <= 'Z' && (d+2 == len(text) || !isAlnum(text[d+2])) {
					d += 2 // "3º B"
				} else if d < len(text) && 'A' <= text[d] && text[d] <= 'Z' && (d+1 == len(text) || !isAlnum(text[d+1])) {
					d++ // "3ºB"
				}
				return d
			}
		}
		return i
	}
	if n, ok := unitAt(text, j, flats); ok {
		return n // "apto 45", "bloco B"
	}
	return i
}

// digitsAt returns the end of the run of ASCII digits at text[i].
func digitsAt(text []byte, i int) int {
	for i < len(text) && isDigit(text[i]) {
		i++
	}
	return i
}

// numericPostcodeAt returns the end of a postcode of digits at text[i]:
// five (Germany, France, Spain, Italy, Saudi Arabia) or six (Russia,
// India), five and three after a dash (Brazil), or four before a town
// (Austria, Switzerland: "1010 Wien").
func numericPostcodeAt(text []byte, i int) (int, bool) {
	d := digitsAt(text, i)
	switch n := d - i; {
	case n == 5 && d+4 <= len(text) && text[d] == '-' && digitsAt(text, d+1) == d+4:
		d += 4
	case n == 5, n == 6:
	case n == 4 && townAfter(text, d) > d:
	default:
		return 0, false
	}
	if d < len(text) && (isAlnum(text[d]) || text[d] == '.' || text[d] == '-') {
		return 0, false
	}
	return d, true
}

// townAfter returns the end of the town after a postcode that ends at
// text[i], a space between: one or two capitalized words ("Berlin",
// "Le Mans"), or i.
func townAfter(text []byte, i int) int {
	end := i
	for range 2 {
		k := textscan.SkipBlanks(text, end)
		w := wordEnd(text, k)
		if k == end || w == k || !startsUpper(text[k:w]) || functionWords.Has(text[k:w]) {
			break
		}
		end = w
	}
	return end
}

// unit returns the end of an apartment, suite or flat after an English
// street at text[i] (", Apt 4B", " Suite 200", " #12"), or i.
func unit(text []byte, i int) int {
	j := i
	if j < len(text) && text[j] == ',' {
		j++
	}
	j = textscan.SkipBlanks(text, j)
	if j < len(text) && text[j] == '#' {
		if n, ok := houseNumber(text, j+1); ok {
			return n
		}
		return i
	}
	if n, ok := unitAt(text, j, units); ok {
		return n // "Apt 4B", "Apt B"
	}
	return i
}

// unitAt returns the end of a flat, a floor or a building at text[j]: a
// word of words, then past a full stop, blanks and a '#', a house number
// or one letter ("Apt. #4B", "bloco B").
func unitAt(text []byte, j int, words wordset.Set) (int, bool) {
	w := wordEnd(text, j)
	if w == j || !words.Has(text[j:w]) {
		return 0, false
	}
	k := textscan.SkipBlanks(text, afterDot(text, w))
	if k < len(text) && text[k] == '#' {
		k++
	}
	if n, ok := houseNumber(text, k); ok {
		return n, true
	}
	if k < len(text) && isLetter(text[k]) && (k+1 == len(text) || !isAlnum(text[k+1])) {
		return k + 1, true
	}
	return 0, false
}

// afterDot returns i past a full stop there: an abbreviation's ("Av.").
func afterDot(text []byte, i int) int {
	if i < len(text) && text[i] == '.' {
		return i + 1
	}
	return i
}

// streetName reads a street's name at text[i]: one to six words that start
// with a capital, or articles between them ("de la Paix", "Mayor", "da
// Liberdade"); it ends with the last capitalized one.
func streetName(text []byte, i int, articles wordset.Set) (int, bool) {
	end := 0
	for range 6 {
		w := wordEnd(text, i)
		if w == i {
			w = ordinalEnd(text, i)
		}
		if w == i {
			break
		}
		word := text[i:w]
		if elided(word) {
			word = word[2:] // "l'Église", "d'Orsay"
		}
		switch {
		case textscan.Capitals(word):
			return 0, false // text in capitals says nothing of names: "SQUARE WITH FILL"
		case len(word) > 0 && startsUpper(word), isDigit(word[0]):
			end = w
		case !articles.Has(text[i:w]):
			return end, end > 0
		}
		k := textscan.SkipBlanks(text, w)
		if k == w {
			break
		}
		i = k
	}
	return end, end > 0
}

// elided reports whether word starts with an elided article: "l'", "d'".
func elided(word []byte) bool {
	return len(word) > 2 && (word[0]|0x20 == 'l' || word[0]|0x20 == 'd') && word[1] == '\''
}

// streetFirst reads an address that starts with the street at text[i],
// whose first word ends at w: Spanish, Portuguese and Russian write the
// street's word, its name, then the number ("Calle Mayor, 5", "Rua
// Augusta, 123", "ул. Тверская, д. 7"); German glues the word to the name
// ("Hauptstraße 5", "Berliner Str. 12a").
func streetFirst(text []byte, i, w int) (start, end int, ok bool) {
	word := text[i:w]
	if abbrev, isStreet := streetsFirst.Get(word); isStreet {
		k := w
		switch {
		case k < len(text) && text[k] == '/' && len(word) == 1, k < len(text) && text[k] == '.' && len(word) > 1:
			k++
		case abbrev:
			return 0, 0, false // "C/ Mayor", "Av. Paulista"; not "av Mayor", "C. Darwin"
		}
		e, ok := streetName(text, textscan.SkipBlanks(text, k), streetArticles)
		if !ok {
			return 0, 0, false
		}
		if n, ok := numberAfter(text, e); ok {
			return i, localityAfter(text, n), true
		}
		return 0, 0, false
	}
	if !startsUpper(text[i:w]) {
		return 0, 0, false
	}
	k := w
	if !germanCompound(word) {
		n := textscan.SkipBlanks(text, w)
		nw := wordEnd(text, n)
		if n == w || nw == n || !startsUpper(text[n:nw]) || !germanStreets.Has(text[n:nw]) {
			return 0, 0, false
		}
		k = nw // "Berliner Straße"
	}
	n := textscan.SkipBlanks(text, afterDot(text, k))
	if n == afterDot(text, k) {
		return 0, 0, false
	}
	if e, ok := houseNumber(text, n); ok {
		return i, localityAfter(text, e), true
	}
	return 0, 0, false
}

// streetLeads marks the first bytes of the characters that may start a
// street's word: ASCII letters, the accented capitals of German compounds
// ("Überseering"), Cyrillic.
var streetLeads = func() (t [256]bool) {
	for c := range 256 {
		t[c] = isLetter(byte(c)) || 0xC3 <= c && c <= 0xC5 || c == 0xD0 || c == 0xD1
	}
	return t
}()

// streetFirstLengths has, per first and second letter of the words of
// streetsFirst in Latin letters (26 for a second byte that is none), a bit
// for each of their lengths.
var streetFirstLengths = func() (t [26][27]uint32) {
	streetsFirst.Each(func(w string, _ bool) {
		if isLetter(w[0]) && len(w) < 32 {
			t[w[0]-'a'][secondIndex([]byte(w[1:]))] |= 1 << len(w)
		}
	})
	return t
}()

// secondIndex returns the index in streetFirstLengths of a word's second
// byte, the first of rest.
func secondIndex(rest []byte) byte {
	if len(rest) == 0 || !isLetter(rest[0]) {
		return 26
	}
	return rest[0] | 0x20 - 'a'
}

// A cyrillicHead is the first two letters of words of streetsFirst in
// Cyrillic, in lower case or with a capital, and a bit for each of their
// lengths.
type cyrillicHead struct {
	head    [4]byte
	lengths uint32
}

var cyrillicHeads = func() (t []cyrillicHead) {
	streetsFirst.Each(func(w string, _ bool) {
		if w[0] < utf8.RuneSelf || len(w) < 4 {
			return
		}
		r, size := utf8.DecodeRuneInString(w)
		for _, v := range []string{w, string(unicode.ToUpper(r)) + w[size:]} {
			h := [4]byte([]byte(v[:4]))
			i := slices.IndexFunc(t, func(c cyrillicHead) bool { return c.head == h })
			if i < 0 {
				t, i = append(t, cyrillicHead{head: h}), len(t)
			}
			t[i].lengths |= 1 << len(v)
		}
	})
	return t
}()

// germanLasts marks the last bytes of germanSuffixes.
var germanLasts = func() (t [256]bool) {
	for _, s := range germanSuffixes {
		c := s[len(s)-1]
		t[c], t[c&^0x20] = true, true // 'e' and 'E', and 'ß''s last byte
	}
	return t
}()

// mayStartStreet tells at a glance whether the word text[i:w] may start an
// address for streetFirst: it may be one of streetsFirst, or a German
// street's capitalized name.
func mayStartStreet(text []byte, i, w int) bool {
	c, n := text[i], w-i
	switch {
	case n >= 32:
		return false
	case isLetter(c):
		if streetFirstLengths[c|0x20-'a'][secondIndex(text[i+1:w])]&(1<<n) != 0 {
			return true
		}
		if c > 'Z' || n < 3 {
			return false
		}
	case c == 0xD0 || c == 0xD1:
		if n >= 4 {
			for _, h := range cyrillicHeads {
				if h.head == [4]byte(text[i:i+4]) && h.lengths&(1<<n) != 0 {
					return true
				}
			}
		}
		if !startsUpper(text[i:w]) {
			return false
		}
	case !startsUpper(text[i:w]):
		return false
	}
	if n >= 6 && germanLasts[text[w-1]] && germanCompound(text[i:w]) {
		return true // "Lindenweg"
	}
	k := textscan.SkipBlanks(text, w)
	return k > w && k+2 < len(text) && germanInitials[text[k]] // "Alte Allee"
}

// germanInitials marks the capitals that start germanStreets.
var germanInitials = func() (t [256]bool) {
	germanStreets.Each(func(w string, _ bool) { t[w[0]-'a'+'A'] = true })
	return t
}()

// numberAfter returns the end of the house number after a street's name
// that ends at text[i]: after a comma, a space and perhaps a mark ("nº",
// "д."): "Mayor, 5", "Augusta, nº 123", "Тверская, д. 7".
func numberAfter(text []byte, i int) (int, bool) {
	if i < len(text) && text[i] == ',' {
		i++
	}
	j := textscan.SkipBlanks(text, i)
	if j == i {
		return 0, false
	}
	if w := wordEnd(text, j); w > j {
		if !numberMarks.Has(text[j:w]) {
			return 0, false
		}
		j = afterDot(text, w)
		for _, s := range []string{"º", "°"} { // "n.º", "n°"
			if textscan.HasAt(text, j, s) {
				j += len(s)
			}
		}
		j = textscan.SkipBlanks(text, j)
	} else if j < len(text) && text[j] == '#' {
		j = textscan.SkipBlanks(text, j+1)
	}
	return houseNumber(text, j)
}

// germanCompound reports whether word is a street's name glued to its word
// ("Hauptstraße", "LINDENWEG").
func germanCompound(word []byte) bool {
	for _, s := range germanSuffixes {
		if len(word) > len(s)+2 && bytes.EqualFold(word[len(word)-len(s):], []byte(s)) {
			return true
		}
	}
	return false
}

// directionAfter returns the end of the quarter of a city that follows a
// street's type at text[e] (" NW", " SE.", as Washington's addresses end:
// "1600 Pennsylvania Ave NW"), or e.
func directionAfter(text []byte, e int) int {
	k := textscan.SkipBlanks(text, e)
	if k == e {
		return e
	}
	w := wordEnd(text, k)
	if !directions.Has(text[k:w]) || w < len(text) && isAlnum(text[w]) || textscan.HasAt(text, w, ".") && w+1 < len(text) && isLetter(text[w+1]) {
		return e // "SW1A 2AA" is a postcode
	}
	return afterDot(text, w)
}

// directions are the quarters a US street address may end with, in
// capitals as they are written.
var directions = wordset.New("NW", "NE", "SW", "SE", "N", "S", "E", "W")

// poBoxWords start a post office box's address, in lower case: "PO Box
// 1234", "Postfach 10 12 34", "Apartado de correos 123", "Caixa Postal 45".
var poBoxWords = []string{"po box", "p.o. box", "p. o. box", "post office box", "postfach", "apartado de correos",
	"apartado postal", "caixa postal"}

// poBoxLeads marks the letters poBoxWords start with, in either case.
var poBoxLeads = func() (t [256]bool) {
	for _, w := range poBoxWords {
		t[w[0]], t[w[0]-'a'+'A'] = true, true
	}
	return t
}()

// poBox reads the post office box at text[i]: its words, maybe "No." or
// '#', its number (digits, maybe in groups: "10 12 34"), and the town and
// postcode after it as after a street's address.
func poBox(text []byte, i int) (start, end int, ok bool) {
	for _, w := range poBoxWords {
		n := i + len(w)
		if n > len(text) || !bytes.EqualFold(text[i:n], []byte(w)) || n < len(text) && isLetter(text[n]) {
			continue
		}
		k := textscan.SkipBlanks(text, n)
		if k < len(text) && text[k] == '#' {
			k = textscan.SkipBlanks(text, k+1)
		} else if m := wordEnd(text, k); m > k && (bytes.EqualFold(text[k:m], []byte("no")) || bytes.EqualFold(text[k:m], []byte("nr"))) {
			k = textscan.SkipBlanks(text, afterDot(text, m))
		}
		e := digitsAt(text, k)
		if e == k {
			return 0, 0, false
		}
		for e+1 < len(text) && text[e] == ' ' && digitsAt(text, e+1) == e+3 && (e+3 == len(text) || !isAlnum(text[e+3])) {
			e += 3 // "Postfach 10 12 34"
		}
		if e < len(text) && isAlnum(text[e]) {
			return 0, 0, false
		}
		if p := placeAfter(text, e); p > e {
			return i, p, true
		}
		return i, localityAfter(text, e), true
	}
	return 0, 0, false
}
