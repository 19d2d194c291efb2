package names

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// maxDisplayName bounds the display names read before an address.
const maxDisplayName = 64

// DisplayNameBefore reads the display name that an e-mail address in angle
// brackets, whose '<' is at text[lt], has before it, as mail headers and
// the logs of mail senders write one (RFC 5322's name-addr): a quoted
// string (`"Jane Doe" <jane@…>`, also JSON-escaped) or one to four words
// that start with a capital or are in a script without case, a space
// between each (`Maria Garcia <maria@…>`, `李伟 <li.wei@…>`). It returns
// the name's span, quotes left out.
func DisplayNameBefore(text []byte, lt int) (start, end int, ok bool) {
	end = lt
	if end > 0 && text[end-1] == ' ' {
		end--
	}
	if end > 0 && text[end-1] == '"' {
		return quotedBefore(text, end-1)
	}
	if end > 0 && text[end-1] == '\'' {
		if start, end, ok := singleQuotedBefore(text, end-1); ok {
			return start, end, true
		}
	}
	return unquotedBefore(text, end)
}

// ParenthesizedNameBefore reads the name that an e-mail address in
// parentheses, whose '(' is at text[lp], has before it, as logs and old
// mail headers write one ("Jane Doe (jane@…)"): one to four words as
// DisplayNameBefore reads them without quotes, a space before the '(', the
// first word a given name of the list or an East Asian family name before
// such a given name ("Li Wei (li.wei@…)"), so that "Contact Support
// (help@…)" is none.
func ParenthesizedNameBefore(text []byte, lp int) (start, end int, ok bool) {
	if lp < 2 || text[lp-1] != ' ' {
		return 0, 0, false
	}
	if start, end, ok = unquotedBefore(text, lp-1); !ok {
		return 0, 0, false
	}
	first := bytes.IndexByte(text[start:end], ' ')
	if first < 0 {
		return start, end, givenNames.Has(text[start:end])
	}
	word, next := text[start:start+first], text[start+first+1:end]
	if sp := bytes.IndexByte(next, ' '); sp >= 0 {
		next = next[:sp]
	}
	return start, end, givenNames.Has(word) || eastAsianFamily.Has(word) && eastAsianGiven.Has(next)
}

// unquotedBefore reads the one to four words of a display name, each one
// that starts with a capital or is in a script without case, a space
// between each, that end at text[end].
func unquotedBefore(text []byte, end int) (start, _ int, ok bool) {
	start = end
	for e, words := end, 0; words < 4; words++ {
		s := displayWordStart(text, e)
		switch {
		case s == e:
		case nameWord(text[s:e]):
			start = s
		case particles.Has(text[s:e]):
			// "Maria da Silva": taken if a capitalized word comes before it
		default:
			s = e
		}
		if s == e || s == 0 || text[s-1] != ' ' {
			break
		}
		e = s - 1
	}
	return start, end, start < end && end-start <= maxDisplayName
}

// quotedBefore reads the quoted display name whose closing quote is at
// text[q] (`\"` in JSON's text too).
func quotedBefore(text []byte, q int) (start, end int, ok bool) {
	end = q
	escaped := end > 0 && text[end-1] == '\\'
	if escaped {
		end--
	}
	open := bytes.LastIndexByte(text[max(end-maxDisplayName-1, 0):end], '"')
	if open < 0 {
		return 0, 0, false
	}
	start = max(end-maxDisplayName-1, 0) + open + 1
	if escaped != (start >= 2 && text[start-2] == '\\') {
		return 0, 0, false
	}
	name := text[start:end]
	if len(bytes.TrimSpace(name)) == 0 || bytes.ContainsAny(name, "<>@\\") {
		return 0, 0, false
	}
	return start, end, true
}

// singleQuotedBefore reads the display name in single quotes, as Outlook
// writes one (`'Jane Doe' <jane@…>`), whose closing quote is at text[q]:
// the opening quote starts the text or follows a space, a ':' or a '=', so
// that an apostrophe inside the name ("'Sean O'Brien'") is passed.
func singleQuotedBefore(text []byte, q int) (start, end int, ok bool) {
	for i := q - 1; i >= 0 && q-i <= maxDisplayName+1; i-- {
		if text[i] != '\'' || i > 0 && !opensQuote(text[i-1]) {
			continue
		}
		name := text[i+1 : q]
		if len(bytes.TrimSpace(name)) == 0 || bytes.ContainsAny(name, "<>@\\\"") {
			return 0, 0, false
		}
		return i + 1, q, true
	}
	return 0, 0, false
}

// opensQuote reports whether a single quote after c may open a display
// name.
func opensQuote(c byte) bool { return c == ' ' || c == ':' || c == '=' || c == ',' }

// nameWord reports whether word may be a word of a display name: it
// starts with a capital, or is in a script without case (Han, Hangul,
// kana, Arabic, Devanagari).
func nameWord(word []byte) bool {
	r, _ := utf8.DecodeRune(word)
	return unicode.IsUpper(r) || unicode.IsLetter(r) && !unicode.IsLower(r)
}

// displayWordStart returns the start of the word of a display name that
// ends at text[e]: letters and marks, full stops, hyphens and apostrophes
// ("Dr.", "O'Brien").
func displayWordStart(text []byte, e int) int {
	s := e
	for s > 0 {
		r, size := utf8.DecodeLastRune(text[:s])
		if !unicode.IsLetter(r) && !unicode.IsMark(r) && r != '.' && r != '-' && r != '\'' {
			break
		}
		s -= size
	}
	return s
}
