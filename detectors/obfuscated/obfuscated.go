// Package obfuscated finds e-mail addresses written around the '@' to keep
// them from harvesters, as people type them into prompts and messages:
// "li.wei (at) 163 (dot) com", "li.wei[at]163.com", "li.wei AT 163 DOT
// com", "li.wei at 163 dot com". The single pass of package detectors
// anchors on '@' and leaves these alone; this runs on free text after it,
// and does not allocate. Its findings are of kind detectors.Email, and
// detectors' canonical form of one is the address it spells
// ("li.wei@163.com"), so both get one token.
package obfuscated

import (
	"bytes"
	"slices"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/detectors/internal/textscan"
)

// Separator words, in brackets of any kind or between spaces.
const (
	atWord  = "at"
	dotWord = "dot"
)

// commonTLDs are the top-level domains an address spelled with a plain
// " at ", or with a spaced '@', must end with: "meet me at home dot com" is rarer than "li.wei
// at 163 dot com", but "at" and "dot" are words, and a bracket or capitals
// say more.
var commonTLDs = []string{"com", "net", "org", "cn", "de", "jp", "uk", "co", "io", "ru", "br", "fr", "es", "in", "kr", "edu", "gov", "info", "me", "it", "nl", "au", "ca", "mx", "ar", "tr", "sa", "ae", "eg", "pt"}

// AppendSpans appends to dst the obfuscated e-mail addresses in text, in
// order and not overlapping; it keeps no reference to text.
func AppendSpans(dst []detectors.Span, text []byte) []detectors.Span {
	end := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c|0x20 != 'a' && c != '@' || i < end {
			continue
		}
		var at span
		var plain, ok bool
		if c == '@' {
			at, ok = spacedAt(text, i)
		} else {
			at, plain, ok = separatorAt(text, i, atWord)
		}
		if !ok {
			continue
		}
		start := localStart(text, at.start)
		if start == at.start || start < end {
			continue // no local part, or one inside the last address ("0 AT 0.AA AT 0.AA")
		}
		stop, tld := domainEnd(text, at.end)
		if stop == at.end {
			continue
		}
		commonTLD := slices.ContainsFunc(commonTLDs, func(t string) bool { return bytes.EqualFold(text[tld:stop], []byte(t)) })
		if plain && (!strictLocal(text[start:at.start]) && !mailWordBefore(text, start) || !commonTLD) || c == '@' && !commonTLD {
			continue
		}
		dst = append(dst, detectors.Span{Start: start, End: stop, Kind: detectors.Email})
		end = stop
		i = stop - 1
	}
	return dst
}

// span is a separator's place: text[start:end], its spaces and brackets
// included.
type span struct{ start, end int }

// separatorAt reports whether the separator word w is at text[i], in
// brackets ("(at)", "[at]", "{at}", "<at>", maybe with spaces around them)
// or between spaces ("at" or "AT"); plain says it is the lower-case word
// between spaces, the weakest sign.
func separatorAt(text []byte, i int, w string) (s span, plain, ok bool) {
	if len(text)-i < len(w) || !bytes.EqualFold(text[i:i+len(w)], []byte(w)) {
		return span{}, false, false
	}
	if i > 0 && i+len(w) < len(text) && closing(text[i-1]) == text[i+len(w)] {
		s = span{i - 1, i + len(w) + 1}
		for s.start > 0 && text[s.start-1] == ' ' {
			s.start--
		}
		for s.end < len(text) && text[s.end] == ' ' {
			s.end++
		}
		return s, false, true
	}
	if i > 0 && text[i-1] == ' ' && i+len(w) < len(text) && text[i+len(w)] == ' ' {
		upper := text[i] == w[0]-'a'+'A' && text[i+len(w)-1] == w[len(w)-1]-'a'+'A'
		lower := text[i] == w[0] && text[i+len(w)-1] == w[len(w)-1]
		if upper || lower {
			return span{i - 1, i + len(w) + 1}, lower, true
		}
	}
	return span{}, false, false
}

// spacedAt reports whether the '@' at text[i] has spaces around it, as
// an address is written to keep it from harvesters ("bob @ gmail.com"),
// or after it, as a typo leaves one ("bob@ gmail.com"), and returns its
// span, the spaces included. A space before it alone is a handle's
// ("thanks @vercel.com").
func spacedAt(text []byte, i int) (span, bool) {
	s := span{i, i + 1}
	for s.start > 0 && text[s.start-1] == ' ' {
		s.start--
	}
	for s.end < len(text) && text[s.end] == ' ' {
		s.end++
	}
	return s, s.end > i+1
}

// closing returns the bracket that closes c, or 0.
func closing(c byte) byte {
	switch c {
	case '(':
		return ')'
	case '[':
		return ']'
	case '{':
		return '}'
	case '<':
		return '>'
	}
	return 0
}

// localStart returns the start of the local part that ends at text[end]:
// letters, digits and ._%+-, and dots spelled out in brackets
// ("jane[dot]doe") or between spaces ("jane dot doe"), not starting with
// a '.', after a space, a quote or an opening bracket, or end if there is
// none. After a token's '>' or a
// label's ']' it is none, so that redacting twice finds nothing new: a
// finding's token may stand where the local part's head was.
func localStart(text []byte, end int) int {
	i := end
	for {
		for i > 0 && localByte(text[i-1]) {
			i--
		}
		d := bracketedDotBefore(text, i)
		if d < 0 {
			d = spacedDotBefore(text, i)
		}
		if d < 0 || d == 0 || !localByte(text[d-1]) {
			break
		}
		i = d
	}
	if i > 0 && !startsLocal(text[i-1]) {
		return end
	}
	for i < end && text[i] == '.' {
		i++
	}
	return i
}

// bracketedDotBefore returns where a dot spelled out in brackets ("[dot]",
// "(dot)", "{dot}", "<dot>") ends at text[i] starts, or -1.
func bracketedDotBefore(text []byte, i int) int {
	const n = len(dotWord) + 2
	if i < n || closing(text[i-n]) == 0 || closing(text[i-n]) != text[i-1] || !bytes.EqualFold(text[i-n+1:i-1], []byte(dotWord)) {
		return -1
	}
	return i - n
}

// spacedDotBefore returns where a dot spelled out between spaces (" dot ",
// " DOT ") that ends at text[i] starts, or -1: "jane dot doe at gmail dot
// com".
func spacedDotBefore(text []byte, i int) int {
	const n = len(dotWord) + 2
	if i < n || text[i-n] != ' ' || text[i-1] != ' ' {
		return -1
	}
	if s, _, ok := separatorAt(text, i-n+1, dotWord); !ok || s.start != i-n || s.end != i {
		return -1
	}
	return i - n
}

// startsLocal reports whether a local part may follow c.
func startsLocal(c byte) bool {
	switch c {
	case ' ', '\t', '"', '\'', '(', '[', '{', '<', ':', ';', ',', '=', '\n':
		return true
	}
	return c >= 0x80 // a word of another script: "邮箱li.wei (at) …"
}

func localByte(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

// strictLocal reports whether a local part before a plain " at " looks
// like an address's rather than a word's: it holds a dot, a digit, an
// underscore or a plus.
func strictLocal(l []byte) bool {
	for _, c := range l {
		if c == '.' || c == '_' || c == '+' || '0' <= c && c <= '9' {
			return true
		}
	}
	return false
}

// mailWords are the words for e-mail that, a few words before a plain "
// at ", say an address follows, whatever its local part: "email me: bob
// at example dot com".
var mailWords = []string{"mail", "correo", "courriel", "邮箱", "メール", "이메일", "почт"}

// mailWordBefore reports whether a word of mailWords ends in the 24 bytes
// before text[start], after the last '>' or ']' among them: a token's or a
// label's kind ("<EMAIL:k1:…>", "[EMAIL]") is no mail word, so that
// redacting twice finds nothing new.
func mailWordBefore(text []byte, start int) bool {
	w := text[max(start-24, 0):start]
	if i := bytes.LastIndexAny(w, ">]"); i >= 0 {
		w = w[i+1:]
	}
	return textscan.ContainsAnyFold(w, mailWords)
}

// domainEnd reads the domain from text[i]: labels of letters, digits and
// '-', joined by '.' or a spelled-out dot (see dotSeparator), up to the
// last of two labels or more that may be a top-level domain (see tldOK):
// "example (dot) com [dot]0" ends at "com". It returns the domain's end,
// or i if there is none, and where its last label starts.
func domainEnd(text []byte, i int) (end, last int) {
	end = i
	for next, labels := i, 0; ; {
		j := next
		for j < len(text) && labelByte(text[j]) {
			j++
		}
		if j == next {
			return end, last // a separator with no label after it is not the domain's
		}
		if labels++; labels >= 2 && tldOK(text[next:j]) {
			end, last = j, next
		}
		if j+1 < len(text) && text[j] == '.' && labelByte(text[j+1]) {
			next = j + 1
			continue
		}
		e, ok := dotSeparator(text, j)
		if !ok {
			return end, last
		}
		next = e
	}
}

// dotSeparator reports whether a spelled-out dot starts at text[i], right
// after a label ("(dot)", " [dot] ", " dot ", " DOT ", " . "), and returns
// its end.
func dotSeparator(text []byte, i int) (int, bool) {
	k := i
	for k < len(text) && text[k] == ' ' {
		k++
	}
	if k < len(text) && closing(text[k]) != 0 {
		s, _, ok := separatorAt(text, k+1, dotWord)
		return s.end, ok
	}
	if k > i && k+1 < len(text) && text[k] == '.' && text[k+1] == ' ' {
		return textscan.SkipBlanks(text, k+1), true // "gmail . com"
	}
	if k > i {
		s, _, ok := separatorAt(text, k, dotWord)
		return s.end, ok
	}
	return 0, false
}

func labelByte(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' || c == '-'
}

// tldOK reports whether a domain's last label may be a top-level domain:
// 2 to 24 letters.
func tldOK(l []byte) bool {
	if len(l) < 2 || len(l) > 24 {
		return false
	}
	for _, c := range l {
		if 'a' > c|0x20 || c|0x20 > 'z' {
			return false
		}
	}
	return true
}
