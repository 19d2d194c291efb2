// Package wordset holds sets of words that the free-text finders of
// package detectors (names, handles, addresses) match in any case, without
// allocating.
package wordset

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxWord bounds the words a Set holds, in bytes.
const MaxWord = 32

// A Set is a set of words matched in any case, each with a flag that its
// user gives a meaning ("an abbreviation", "a common word too"). The
// typographic apostrophe matches the ASCII one.
type Set struct {
	words map[string]bool
	lens  uint64 // bit n: a word of n bytes, in lower case, is in the set
}

// New returns a set of words, their flags false.
func New(words ...string) Set {
	s := Set{words: make(map[string]bool, len(words))}
	s.Add(false, words...)
	return s
}

// Add adds words with the flag given.
func (s *Set) Add(flag bool, words ...string) {
	for _, w := range words {
		w = strings.ToLower(w)
		s.words[w] = flag
		s.lens |= 1 << min(len(w), 63)
	}
}

// With returns s with words added with the flag given.
func (s Set) With(flag bool, words ...string) Set {
	s.Add(flag, words...)
	return s
}

// Has reports whether word, in lower case, is in s.
func (s Set) Has(word []byte) bool {
	_, ok := s.Get(word)
	return ok
}

// HasCaseless reports whether word, as it is, is in s: for the words of a
// script without case (Devanagari, Arabic, Hangul, kana, Han), which need
// not be lowered to be looked up.
func (s Set) HasCaseless(word []byte) bool {
	if len(word) > MaxWord || s.lens>>len(word)&1 == 0 {
		return false
	}
	_, ok := s.words[string(word)]
	return ok
}

// Get reports whether word, in lower case, is in s, and its flag.
func (s Set) Get(word []byte) (flag, ok bool) {
	if len(word) > MaxWord || s.lens>>len(word)&1 == 0 {
		return false, false // lower case is as long but for a few letters (İ, ẞ), none in a set
	}
	var buf [MaxWord + utf8.UTFMax]byte
	n := 0
	for i := 0; i < len(word); {
		if n > MaxWord {
			return false, false // invalid UTF-8 grows in lower case: each byte is U+FFFD's three
		}
		if c := word[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[n] = c
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRune(word[i:])
		i += size
		if r == '’' {
			r = '\''
		}
		n += utf8.EncodeRune(buf[n:], unicode.ToLower(r))
	}
	flag, ok = s.words[string(buf[:n])]
	return flag, ok
}

// Each calls f with every word of s, in lower case, and its flag.
func (s Set) Each(f func(word string, flag bool)) {
	for w, flag := range s.words {
		f(w, flag)
	}
}
