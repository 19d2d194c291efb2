// Package handles finds the social-media and messenger handles that people
// type into prompts: a mention ("watermark it with @sarah_c_1984"), a
// profile's address ("instagram.com/sarah.c", "tiktok.com/@lucia_88"), and
// a handle a platform's name labels ("IG: sarah.c", "my tiktok is
// lucia_88", "微信号是 wangfang_88", "LINE ID: yuki0203", "카톡 아이디
// minjun99", "телеграм: @ivan_p"). A handle names one account, so it
// identifies a person as an e-mail address does.
//
// It runs on free text after the single pass of package detectors and does
// not allocate. Its findings are of kind detectors.Handle, whose canonical
// form is the handle in lower case without its '@', so that "@Sarah.C" and
// "instagram.com/sarah.c" get one token.
package handles

import (
	"bytes"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/detectors/internal/textscan"
)

// maxHandle is the longest handle read: Instagram's limit is 30
// characters, TikTok's 24, X's 15, Telegram's 32.
const maxHandle = 32

// fullwidthAt is '＠', the '@' of Chinese and Japanese input methods.
const fullwidthAt = "\uFF20"

// AppendSpans appends to dst the handles in text, as spans of kind
// detectors.Handle, in order and not overlapping one another; it keeps no
// reference to text.
func AppendSpans(dst []detectors.Span, text []byte) []detectors.Span {
	end := 0 // the end of the last handle found
	add := func(start, stop int) {
		dst = append(dst, detectors.Span{Start: start, End: stop, Kind: detectors.Handle})
		end = stop
	}
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '@':
			if start, stop, ok := mention(text, i, 1); ok && start >= end {
				add(start, stop)
				i = stop
				continue
			}
		case c == '/':
			if start, stop, ok := profile(text, i); ok && start >= end {
				add(start, stop)
				i = stop
				continue
			}
		case isLetter(c):
			w := i + 1
			for w < len(text) && isLetter(text[w]) {
				w++
			}
			// An ASCII word between other scripts' letters is one: "我的ins是…";
			// one glued to a name or a number ("worker_threads", "ig2") is not.
			if i >= end && (i == 0 || !handleChar(text[i-1]) && text[i-1] != '-') && (w == len(text) || !isDigit(text[w])) {
				if l, ok := asciiLabel(text[i:w]); ok {
					if i > 0 && text[i-1] >= utf8.RuneSelf {
						l.orLike = true // among other scripts' words the name is the platform's: "私のLINEはyuki.t"
					}
					if start, stop, ok := labeled(text, w, l); ok {
						add(start, stop)
						i = stop
						continue
					}
				}
			}
			i = w
			continue
		case c == fullwidthAt[0] && textscan.HasAt(text, i, fullwidthAt):
			if start, stop, ok := mention(text, i, len(fullwidthAt)); ok && start >= end {
				add(start, stop)
				i = stop
				continue
			}
		case c >= utf8.RuneSelf && i >= end && otherLabels.May(text, i):
			// Continuation bytes start no label: the loop goes on byte by byte.
			if w, l, ok := otherLabel(text, i); ok {
				if start, stop, ok := labeled(text, w, l); ok {
					add(start, stop)
					i = stop
					continue
				}
			}
		}
		i++
	}
	return dst
}

// mention reads the handle that an '@' of n bytes at text[i] starts, the
// '@' included: not after a character of an e-mail address's local part
// ("li@x"), and not a scale, a time or a rate ("icon@2x", "@5pm",
// "@60fps"), a broadcast ("@everyone") or a package's scope ("@types/node").
func mention(text []byte, i, n int) (start, end int, ok bool) {
	if i > 0 && (localPart[text[i-1]] || textscan.TokenBefore(text, i)) {
		return 0, 0, false
	}
	end, ok = handleEnd(text, i+n, false)
	if !ok || !plausible(text[i+n:end]) || mentionWords.Has(text[i+n:end]) || end < len(text) && text[end] == '/' ||
		hostPort(text, end) {
		return 0, 0, false // "@2x", "@everyone", a package's scope ("@babel/core"), "@db1:5432", "@0a00:1::"
	}
	return i, end, true
}

// hostPort reports whether a ':' and a digit, another ':' or a token
// follow text[end]: the '@' word is a host's, with its port or an IPv6
// address's groups after it (tokenized already: "@x0:<IPV6:k1:…>"), not a
// person's ("cc @bob: look" is one).
func hostPort(text []byte, end int) bool {
	return end+1 < len(text) && text[end] == ':' && (text[end+1] == ':' || text[end+1] == '<' || isDigit(text[end+1]))
}

// localPart marks the ASCII characters of an e-mail address's local part
// and of words: an '@' after one is no mention.
var localPart = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = isLetter(byte(c)) || isDigit(byte(c))
	}
	for _, c := range []byte("._+-%'&=~!#$*?^{|}`\\@") { // and "@@iterator"
		t[c] = true
	}
	return t
}()

// handleEnd returns the end of the handle that starts at text[i]: letters,
// digits, '_' and '.', and '-' in a profile's address (withDash), at most
// maxHandle of them, not counting the full stops or dashes that end it. It
// is not ok if there is none, if it runs on past maxHandle or into an '@'
// or a '-', or if its first character is a full stop.
func handleEnd(text []byte, i int, withDash bool) (int, bool) {
	j := i
	for j < len(text) && j-i <= maxHandle && (handleChar(text[j]) || withDash && text[j] == '-') {
		j++
	}
	if j-i > maxHandle || j < len(text) && (text[j] == '@' || text[j] == '-') {
		return 0, false
	}
	for j > i && (text[j-1] == '.' || text[j-1] == '-') {
		j-- // the sentence's full stop: "follow @sarah."
	}
	if j == i || text[i] == '.' {
		return 0, false
	}
	return j, true
}

// plausible reports whether h, a handle without its '@', can be one: two
// characters or more, a letter among them, and not a number with a unit
// ("2x", "5pm", "1080p", "60fps").
func plausible(h []byte) bool {
	if len(h) < 2 || bytes.Contains(h, []byte("..")) {
		return false
	}
	d := 0
	for d < len(h) && isDigit(h[d]) {
		d++
	}
	letters := 0
	for _, c := range h[d:] {
		if isLetter(c) {
			letters++
		}
	}
	if letters == 0 {
		return false
	}
	return d == 0 || letters != len(h)-d || letters > 3
}

// handleLike reports whether h looks like a handle rather than a word: it
// has a digit, an '_' or a '.' inside it ("sarah_c", "lucia88", "li.wei").
func handleLike(h []byte) bool {
	for _, c := range h {
		if isDigit(c) || c == '_' || c == '.' {
			return true
		}
	}
	return false
}

func handleChar(c byte) bool { return isLetter(c) || isDigit(c) || c == '_' || c == '.' }

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
