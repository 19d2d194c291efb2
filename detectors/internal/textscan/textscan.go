// Package textscan holds the small reads of text that the free-text finders
// of package detectors (names, handles, addresses, birthdates) share.
package textscan

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// HasAt reports whether s starts at text[i].
func HasAt(text []byte, i int, s string) bool {
	return len(text)-i >= len(s) && string(text[i:i+len(s)]) == s
}

// Capitals reports whether word has two letters or more, all capitals:
// "MS", "HAUPTSTRASSE".
func Capitals(word []byte) bool {
	n := 0
	for _, r := range string(word) {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

// WordAt reports whether text[i] starts a letter, a mark or a digit.
func WordAt(text []byte, i int) bool {
	if i >= len(text) {
		return false
	}
	if c := text[i]; c < utf8.RuneSelf {
		return isAlnum(c)
	}
	r, _ := utf8.DecodeRune(text[i:])
	return wordRune(r)
}

// WordBefore reports whether the character before text[i], i > 0, is a
// letter, a mark or a digit.
func WordBefore(text []byte, i int) bool {
	if c := text[i-1]; c < utf8.RuneSelf {
		return isAlnum(c)
	}
	r, _ := utf8.DecodeLastRune(text[:i])
	return wordRune(r)
}

// wordRune reports whether r is a letter, a mark or a digit: told without
// a table in the ranges of the app's scripts that hold nothing else
// (Cyrillic, Arabic and Devanagari letters, marks and digits, kana, Hangul
// syllables, the unified CJK ideographs), which the free-text finders ask
// about most.
func wordRune(r rune) bool {
	switch {
	case 0x0400 <= r && r <= 0x0481, 0x048A <= r && r <= 0x052F, // Cyrillic, less its thousands sign
		0x0620 <= r && r <= 0x0669,                             // Arabic letters, marks and digits
		0x0900 <= r && r <= 0x0963, 0x0966 <= r && r <= 0x096F, // Devanagari, less its dandas
		0x3041 <= r && r <= 0x3096, 0x3099 <= r && r <= 0x309A, 0x309D <= r && r <= 0x309F, // hiragana
		0x30A1 <= r && r <= 0x30FA, 0x30FC <= r && r <= 0x30FF, // katakana, less its middle dot
		0xAC00 <= r && r <= 0xD7A3, 0x4E00 <= r && r <= 0x9FFF:
		return true
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// IsCJK reports whether r is Han, kana or Hangul: a character of a script
// without spaces between words. Every character below U+1100 is none, told
// without a table.
func IsCJK(r rune) bool {
	return r >= 0x1100 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// SkipBlanks returns i past the spaces and tabs at text[i].
func SkipBlanks(text []byte, i int) int {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return i
}

func isAlnum(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'z'
}

// TokenBefore reports whether a token ends right before text[i], i > 0: a
// '>' after a '<', a ':' and no space ("<EMAIL:k1:…>"). What a finder reads
// of the word before must not change when a token replaces it, or
// redacting twice would find more than redacting once.
func TokenBefore(text []byte, i int) bool {
	if text[i-1] != '>' {
		return false
	}
	from := max(0, i-maxToken)
	open := bytes.LastIndexByte(text[from:i-1], '<')
	if open < 0 {
		return false
	}
	inside := text[from+open+1 : i-1]
	return bytes.IndexByte(inside, ':') >= 0 && bytes.IndexByte(inside, ' ') < 0
}

// maxToken bounds the tokens TokenBefore reads back, in bytes.
const maxToken = 96

// ContainsAnyFold reports whether one of words, in lower case, occurs in
// text in any case of its letters: "Wallet" holds "wallet".
func ContainsAnyFold(text []byte, words []string) bool {
	return containsAnyFold(text, words, false)
}

// ContainsAnyWordFold is ContainsAnyFold of whole words: no ASCII letter
// right before or after the word ("my XRP wallet", not the letters of a
// token, "<NAME:k1:zzwwtxrppk…>").
func ContainsAnyWordFold(text []byte, words []string) bool {
	return containsAnyFold(text, words, true)
}

func containsAnyFold(text []byte, words []string, whole bool) bool {
	for _, w := range words {
		for k := 0; k+len(w) <= len(text); k++ {
			if (text[k] == w[0] || text[k]|0x20 == w[0]) && bytes.EqualFold(text[k:k+len(w)], []byte(w)) &&
				(!whole || (k == 0 || !isASCIILetter(text[k-1])) && (k+len(w) == len(text) || !isASCIILetter(text[k+len(w)]))) {
				return true
			}
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }
