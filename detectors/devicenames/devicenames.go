// Package devicenames finds the owners' names that devices' names carry,
// as phones and computers name themselves after their owner and logs,
// telemetry and prompts then write them: "Anna's iPhone", "Li Wei’s
// MacBook Pro", "Johns-iPhone" (the host name iOS makes of it), "Galaxy
// S23 de Maria", "iPad von Jonas", "李伟的iPhone", "田中のiPad",
// "민준의 iPhone". Apple stopped giving apps the device's name in iOS 16
// for this reason; DHCP, mDNS, Bluetooth and older apps' logs still hold
// them. It runs on free text after the single pass of package detectors
// and does not allocate; its findings are of kind detectors.Name and span
// the name only ("Anna's iPhone" keeps "'s iPhone").
package devicenames

import (
	"bytes"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/detectors/internal/textscan"
	"github.com/pixelprivacy/veil/detectors/internal/wordset"
	"github.com/pixelprivacy/veil/detectors/names"
)

// devices are the words of devices' names, lower case, matched in any case
// as whole words: a device's own name never holds its owner's. Those before
// hostDevices are Apple's, whose host names iOS and macOS make of their
// owners' ("Johns-iPhone"); the others are words too ("sub-pixel",
// "smart-phone"), taken only after a possessive or before "de".
var devices = []string{"iphone", "ipad", "ipod", "imac", "macbook", "mbp", "airpods",
	"galaxy", "pixel", "mac", "apple watch", "android", "phone", "laptop", "tablet"}

// hostDevices is the index in devices of the first that names no host.
const hostDevices = 7

// notNames are the words that stand before a device's word where a name
// would and are none: "My iPhone", "Work-MacBook", "Mom's iPad".
var notNames = wordset.New("my", "your", "his", "her", "our", "their", "the", "a", "an", "this", "that", "new", "old",
	"work", "home", "office", "test", "dev", "user", "admin", "guest", "family", "kids", "kid", "mom", "dad", "mum",
	"mother", "father", "android", "unknown", "default", "iphone", "ipad", "mac", "local",
	"someone", "everyone", "nobody", "its", "it",
	// Makers, whose phones are theirs too: "Xiaomi's phone", "Galaxy de Samsung".
	"apple", "google", "samsung", "xiaomi", "huawei", "honor", "oppo", "vivo", "realme", "redmi", "oneplus", "nokia",
	"motorola", "sony", "asus", "acer", "dell", "lenovo", "microsoft", "amazon", "meta", "nothing", "fairphone")

// ofWords join a device's word to its owner's name after it: Spanish,
// French, Portuguese, Italian and German ("iPhone de Maria", "iPad von Jonas").
var ofWords = []string{" de ", " di ", " do ", " da ", " von "}

// modelWords name a model after a device's word, as digits do: "8 Pro".
var modelWords = wordset.New("pro", "max", "plus", "ultra", "air", "mini", "lite", "fe", "se")

// cjkOf join an owner's name before them to a device's word after: Chinese
// 的, Japanese の, Korean 의 (with a space or none).
var cjkOf = [][]byte{[]byte("的"), []byte("の"), []byte("의")}

// notCJKNames are the words before 的, の or 의 that are no one's name: "我的iPhone".
var notCJKNames = wordset.New("我", "你", "他", "她", "我们", "你们", "他们", "她们", "自己", "公司", "家里", "老婆", "老公",
	"妈妈", "爸爸", "私", "僕", "俺", "自分", "会社", "母", "父", "나", "내", "저", "제", "우리", "회사", "엄마", "아빠")

// maxCJKName bounds the name before 的, の or 의, in characters.
const maxCJKName = 4

// AppendSpans appends to dst the owners' names in devices' names in text,
// as spans of kind detectors.Name, in order and not overlapping one
// another; it keeps no reference to text. It reads prompts: each form is
// looked for where it can start, found by a search for an apostrophe, a
// dash, 的, の, 의 or a device's capital (see AppendHostSpans for logs).
func AppendSpans(dst []detectors.Span, text []byte) []detectors.Span {
	n := len(dst)
	dst = possessives(dst, text, apostrophe)
	dst = possessives(dst, text, typographicApostrophe)
	dst = hostNames(dst, text, dash)
	for _, of := range cjkOf {
		dst = cjkOwners(dst, text, of)
	}
	for _, c := range []byte("PMG") {
		dst = capitalDevices(dst, text, c, true)
	}
	return sortSpans(dst, n)
}

// sortSpans sorts the spans dst[n:] by their start and drops those that
// overlap one before.
func sortSpans(dst []detectors.Span, n int) []detectors.Span {
	found := dst[n:]
	if len(found) < 2 {
		return dst
	}
	slices.SortFunc(found, func(a, b detectors.Span) int { return a.Start - b.Start })
	k := 1
	for _, sp := range found[1:] {
		if sp.Start >= found[k-1].End {
			found[k] = sp
			k++
		}
	}
	return dst[:n+k]
}

// AppendHostSpans is AppendSpans of the forms log lines write, the owner's
// name before an English possessive ("Anna's MacBook Pro", as mDNS and
// Bluetooth log a device) or in a host name that iOS makes of one
// ("Johns-iPhone", "Johns-MacBook-Pro", as DHCP logs it): found by
// searching for an apostrophe and for "s-", where AppendSpans reads every
// dash and every device's capital (+9% instructions on log lines under the
// log policy, against +2.3%).
func AppendHostSpans(dst []detectors.Span, text []byte) []detectors.Span {
	n := len(dst)
	dst = possessives(dst, text, apostrophe)
	dst = possessives(dst, text, typographicApostrophe)
	dst = hostNames(dst, text, possessiveDash)
	return sortSpans(dst, n)
}

// The bytes the finders search for.
var (
	apostrophe            = []byte("'")
	typographicApostrophe = []byte("’")
	dash                  = []byte("-")
	possessiveDash        = []byte("s-") // "Johns-iPhone", of "John's iPhone"
)

// possessives appends the names before an English possessive, apos and
// "s", and a device's word: "Anna's iPhone", "Li Wei’s AirPods".
func possessives(dst []detectors.Span, text []byte, apos []byte) []detectors.Span {
	for i := 0; ; {
		j := bytes.Index(text[i:], apos)
		if j < 0 {
			return dst
		}
		a := i + j
		i = a + len(apos)
		if len(text)-i < 2 || text[i]|0x20 != 's' || text[i+1] != ' ' || deviceAt(text, i+2) < 0 {
			continue
		}
		if start, end, ok := capitalizedWords(text, a, 0); ok {
			dst = append(dst, detectors.Span{Start: start, End: end, Kind: detectors.Name})
		}
	}
}

// hostNames appends the names of host names before a dash and the word of
// a device that names itself after its owner: "Johns-iPhone"; at each
// match of sep, which ends with the dash.
func hostNames(dst []detectors.Span, text []byte, sep []byte) []detectors.Span {
	for i := 0; ; {
		j := bytes.Index(text[i:], sep)
		if j < 0 {
			return dst
		}
		h := i + j + len(sep) - 1
		i = h + 1
		if d := deviceAt(text, i); d < 0 || d >= hostDevices {
			continue
		}
		if start, end, ok := hostName(text, h, 0); ok {
			dst = append(dst, detectors.Span{Start: start, End: end, Kind: detectors.Name})
		}
	}
}

// cjkOwners appends the names before of (的, の or 의) and a device's word,
// maybe after a space: "李伟的iPhone", "민준의 iPhone".
func cjkOwners(dst []detectors.Span, text []byte, of []byte) []detectors.Span {
	for i := 0; ; {
		j := bytes.Index(text[i:], of)
		if j < 0 {
			return dst
		}
		o := i + j
		i = o + len(of)
		d := i
		if d < len(text) && text[d] == ' ' {
			d++
		}
		if deviceAt(text, d) < 0 {
			continue
		}
		if start, end, ok := cjkName(text, o, 0); ok {
			dst = append(dst, detectors.Span{Start: start, End: end, Kind: detectors.Name})
		}
	}
}

// capitalDevices appends the owners' names of the devices whose word
// starts with the capital c, or with "i" and c ("iPhone", "MacBook",
// "Galaxy"): after it if after ("iPhone de Maria", "Galaxy S23 de Maria"),
// else before it in a host name ("Johns-iPhone").
func capitalDevices(dst []detectors.Span, text []byte, c byte, after bool) []detectors.Span {
	for i := 0; ; {
		j := bytes.IndexByte(text[i:], c)
		if j < 0 {
			return dst
		}
		k := i + j
		i = k + 1
		if k > 0 && text[k-1] == 'i' {
			k-- // iPhone, iPad, iPod, iMac
		}
		d := deviceAt(text, k)
		if d < 0 {
			continue
		}
		start, end, ok := 0, 0, false
		switch {
		case after:
			start, end, ok = ownerAfter(text, k+len(devices[d]))
		case d < hostDevices && k > 0 && text[k-1] == '-':
			start, end, ok = hostName(text, k-1, 0)
		}
		if ok {
			dst = append(dst, detectors.Span{Start: start, End: end, Kind: detectors.Name})
			i = max(i, end)
		}
	}
}

// devicesBy lists, for each byte, the indexes in devices of the words that
// start with it in either case.
var devicesBy = func() (t [256][]int) {
	for k, d := range devices {
		t[d[0]] = append(t[d[0]], k)
		t[d[0]-'a'+'A'] = append(t[d[0]-'a'+'A'], k)
	}
	return t
}()

// deviceWords are devices as bytes, for detectors.HasLowerPrefix.
var deviceWords = func() (t [][]byte) {
	for _, d := range devices {
		t = append(t, []byte(d))
	}
	return t
}()

// deviceAt returns the index in devices of the device's word that starts
// text[i] as a whole word, or -1.
func deviceAt(text []byte, i int) int {
	if i >= len(text) || i > 0 && isLetter(text[i-1]) {
		return -1
	}
	for _, k := range devicesBy[text[i]] {
		d := deviceWords[k]
		if detectors.HasLowerPrefix(text[i:], d) && (i+len(d) == len(text) || !isLetter(text[i+len(d)])) {
			return k
		}
	}
	return -1
}

// capitalizedWords returns the one or two capitalized words that end at
// text[e], not before text[from]: "Anna", "Li Wei".
func capitalizedWords(text []byte, e, from int) (start, end int, ok bool) {
	s, ok := nameWord(text, e, from)
	if !ok {
		return 0, 0, false
	}
	if s-1 > from && text[s-1] == ' ' {
		if s2, ok := nameWord(text, s-1, from); ok {
			return s2, e, true
		}
	}
	return s, e, true
}

// nameWord returns where the capitalized word that ends at text[e] starts,
// if it may be a name: not one of notNames, nor right after a token, which
// says nothing of the word it replaced.
func nameWord(text []byte, e, from int) (start int, ok bool) {
	s := wordStart(text, e, from)
	if s == e || !capitalized(text[s:e]) || notNames.Has(text[s:e]) || s > 0 && textscan.TokenBefore(text, s) {
		return 0, false
	}
	return s, true
}

// hostName returns the owner's name of a host name that ends at text[e],
// its '-' before the device's word: "Johns" of "Johns-iPhone", "li-weis"
// of "li-weis-macbook-pro"; one or two words of letters joined by '-'.
func hostName(text []byte, e, from int) (start, end int, ok bool) {
	start = e
	for words := 0; words < 2; words++ {
		s := start
		for s > from && isLetter(text[s-1]) {
			s--
		}
		if start-s < 2 || notNames.Has(text[s:start]) {
			break
		}
		start = s
		if s-2 < from || text[s-1] != '-' || !isLetter(text[s-2]) {
			break
		}
		start = s - 1
	}
	if start < e && text[start] == '-' {
		start++
	}
	if start == e || start > from && (isAlnum(text[start-1]) || text[start-1] == '.' || text[start-1] == '_' || text[start-1] == '-') {
		return 0, 0, false // inside a longer name: "ip-10-0-0-1-iphone", "app.pixel-android"
	}
	return start, e, true
}

// cjkName returns the name before 的, の or 의 at text[e]: a run of one to
// maxCJKName letters of a script without spaces that starts the text or
// follows a space or a mark ("李伟的iPhone", "，田中のiPad"); in a longer run,
// which does not show where a name starts, a common Chinese surname and
// given name ("这张图做成李伟的iPhone壁纸", see names.ChineseNameBefore).
func cjkName(text []byte, e, from int) (start, end int, ok bool) {
	start = e
	for n := 0; start > from; n++ {
		r, w := utf8.DecodeLastRune(text[from:start])
		if !cjkLetter(r) {
			break
		}
		if n == maxCJKName {
			if s, ok := names.ChineseNameBefore(text, e); ok && s >= from {
				return s, e, true
			}
			return 0, 0, false
		}
		start -= w
	}
	if start == e || start > 0 && textscan.WordBefore(text, start) || notCJKNames.HasCaseless(text[start:e]) {
		return 0, 0, false
	}
	return start, e, true
}

// cjkLetter reports whether r is a Han character, kana or a Hangul syllable.
func cjkLetter(r rune) bool {
	return textscan.IsCJK(r) || 0x3040 <= r && r <= 0x30FF || 0xAC00 <= r && r <= 0xD7A3
}

// ownerAfter returns the owner's name after a device's word that ends at
// text[i], maybe after a model ("Galaxy S23 de Maria"): a Romance or German
// "of" and one or two capitalized words.
func ownerAfter(text []byte, i int) (start, end int, ok bool) {
	for words := 0; words < 2 && i < len(text) && text[i] == ' '; words++ {
		k := i + 1
		for k < len(text) && isAlnum(text[k]) {
			k++
		}
		if k-i-1 == 0 || k-i-1 > 6 || !bytes.ContainsAny(text[i+1:k], "0123456789") && !modelWords.Has(text[i+1:k]) {
			break
		}
		i = k // a model: "S23", "8 Pro", "15 Pro Max"
	}
	for _, of := range ofWords {
		if !textscan.HasAt(text, i, of) {
			continue
		}
		s := i + len(of)
		e := s
		for words := 0; words < 2; words++ {
			w := e
			for w < len(text) && isNameByte(text, w) {
				_, size := utf8.DecodeRune(text[w:])
				w += size
			}
			if w == e || !capitalized(text[e:w]) || notNames.Has(text[e:w]) {
				break
			}
			e = w
			if e+1 >= len(text) || text[e] != ' ' || !('A' <= text[e+1] && text[e+1] <= 'Z') {
				break
			}
			e++
		}
		if e > s && text[e-1] == ' ' {
			e--
		}
		return s, e, e > s
	}
	return 0, 0, false
}

// wordStart returns where the word of letters that ends at text[e] starts,
// not before text[from].
func wordStart(text []byte, e, from int) int {
	s := e
	for s > from {
		r, w := utf8.DecodeLastRune(text[from:s])
		if !unicode.IsLetter(r) && r != '-' {
			break
		}
		s -= w
	}
	return s
}

// capitalized reports whether word starts with an upper-case letter and
// goes on in lower case.
func capitalized(word []byte) bool {
	r, w := utf8.DecodeRune(word)
	if !unicode.IsUpper(r) || len(word) < 2 {
		return false
	}
	for _, r := range string(word[w:]) {
		if unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// isNameByte reports whether text[i] starts a letter or is a '-'.
func isNameByte(text []byte, i int) bool {
	if c := text[i]; c < utf8.RuneSelf {
		return isLetter(c) || c == '-'
	}
	r, _ := utf8.DecodeRune(text[i:])
	return unicode.IsLetter(r)
}

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isAlnum(c byte) bool  { return isLetter(c) || isDigit(c) }
