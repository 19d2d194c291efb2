package handles

import (
	"bytes"
	"unicode/utf8"
)

// A label is a platform's name that a handle may follow: "IG: sarah.c".
type label struct {
	word string // in lower case
	// needID: the name is also a common word ("line", "snap"), so an ID
	// word or an '@' must follow it: "LINE ID: yuki0203".
	needID bool
	// digits: handles on the platform may be numbers (QQ).
	digits bool
	// cased: the name is in a script with word spaces, so it is a whole
	// word; names in Chinese, Japanese and Korean are not.
	cased bool
}

// asciiLabels are the platforms' names in Latin letters, by their lower case.
var asciiLabels = func() map[string]label {
	m := make(map[string]label)
	for _, w := range []string{
		"instagram", "insta", "ig", "ins", "twitter", "tiktok", "snapchat", "telegram",
		"discord", "wechat", "weixin", "wx", "kakao", "kakaotalk", "facebook", "fb",
		"youtube", "twitch", "reddit", "github", "skype", "vk", "weibo", "douyin",
		"xiaohongshu", "pinterest", "bluesky",
	} {
		m[w] = label{word: w, cased: true}
	}
	for _, w := range []string{"line", "snap", "tg", "x", "kik", "viber", "threads"} {
		m[w] = label{word: w, needID: true, cased: true}
	}
	m["qq"] = label{word: "qq", digits: true, cased: true}
	return m
}()

// asciiLabel returns the label that word, a run of ASCII letters, is.
func asciiLabel(word []byte) (label, bool) {
	if len(word) > len("xiaohongshu") {
		return label{}, false
	}
	var b [len("xiaohongshu")]byte
	for i, c := range word {
		b[i] = c | 0x20
	}
	l, ok := asciiLabels[string(b[:len(word)])]
	return l, ok
}

// otherLabels are the platforms' names in other scripts, by their first
// character in lower case, the longer first.
var otherLabels = func() map[rune][]label {
	m := make(map[rune][]label)
	add := func(cased bool, words ...string) {
		for _, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			m[r] = append(m[r], label{word: w, cased: cased})
		}
	}
	add(false, "微信", "微博", "抖音", "小红书", "快手", "推特", "脸书", "インスタグラム", "インスタ",
		"ツイッター", "ライン", "ティックトック", "인스타그램", "인스타", "카카오톡", "카톡", "트위터", "틱톡", "텔레그램")
	add(true, "инстаграме", "инстаграм", "инсте", "инсту", "инста", "телеграме", "телеграмм",
		"телеграм", "телеге", "телега", "тиктоке", "тикток", "вконтакте", "вк", "тг")
	for r, ls := range m {
		// the longer first: "инстаграме" before "инстаграм"
		for i := 1; i < len(ls); i++ {
			for j := i; j > 0 && len(ls[j].word) > len(ls[j-1].word); j-- {
				ls[j], ls[j-1] = ls[j-1], ls[j]
			}
		}
		m[r] = ls
	}
	return m
}()

// otherLabel returns the label in another script than Latin that starts at
// text[i], whose first character is r, and its end.
func otherLabel(text []byte, i int, r rune) (int, label, bool) {
	ls := otherLabels[lowerCyrillic(r)]
	for _, l := range ls {
		w := i + len(l.word)
		if w > len(text) || !bytes.EqualFold(text[i:w], []byte(l.word)) {
			continue
		}
		if l.cased && (i > 0 && wordBefore(text, i) || wordAt(text, w)) {
			continue
		}
		return w, l, true
	}
	return 0, label{}, false
}

// lowerCyrillic lower-cases the capitals of the Cyrillic alphabet, which
// the labels in it start with; other characters are returned as they are.
func lowerCyrillic(r rune) rune {
	if 'А' <= r && r <= 'Я' {
		return r + 'а' - 'А'
	}
	return r
}

// labeled reads the handle after a platform's name that ends at text[i]:
// perhaps an ID word ("ID", "handle", "号", "아이디"), perhaps a separator
// (':', '：', '=', "is", "是", "は", "는"), perhaps an '@', then the handle.
// After a separator word or none ("my tiktok is lucia_88", "on IG
// sarah.c"), only what looks like a handle counts, not a word ("my
// instagram is private").
func labeled(text []byte, i int, l label) (start, end int, ok bool) {
	j := skipSpaces(text, i)
	id := false
	if hasAt(text, j, "の") { // "インスタのアカウントは"
		if _, ok := idWord(text, j+len("の")); ok {
			j += len("の")
		}
	}
	if k, ok := idWord(text, j); ok {
		j, id = skipSpaces(text, k), true
	}
	mark := false
	if k, m, ok := separator(text, j); ok {
		j, mark = skipSpaces(text, k), m
	}
	j = skipQuote(text, j)
	start = j
	at := false
	switch {
	case hasAt(text, j, "@"):
		j, at = j+1, true
	case hasAt(text, j, fullwidthAt):
		j, at = j+len(fullwidthAt), true
	}
	if l.needID && !id && !at || start == i && l.cased {
		return 0, 0, false // "line 2", "ig_sarah"
	}
	end, ok = handleEnd(text, j, true)
	if !ok {
		return 0, 0, false
	}
	h := text[j:end]
	switch {
	case l.digits && allDigits(h) && len(h) >= 5 && len(h) <= 11:
	case !plausible(h) || stopValues.has(h):
		return 0, 0, false
	case !id && !mark && !at && (len(h) < 4 || !handleLike(h)):
		return 0, 0, false
	}
	if end < len(text) && (text[end] == '/' || text[end] == ':') {
		return 0, 0, false // an address: "IG: instagram.com/sarah.c"
	}
	if !at {
		start = j
	}
	return start, end, true
}

// idWord returns the end of the word for an account's name or number that
// starts at text[i]: "LINE ID", "QQ号", "카톡 아이디", "телеграм ник".
func idWord(text []byte, i int) (int, bool) {
	if i < len(text) && text[i] < utf8.RuneSelf {
		w := i
		for w < len(text) && isLetter(text[w]) {
			w++
		}
		if w > i && idWords.has(text[i:w]) && !(w < len(text) && isDigit(text[w])) {
			return w, true
		}
		return 0, false
	}
	for _, s := range otherIDWords {
		if w := i + len(s); w <= len(text) && bytes.EqualFold(text[i:w], []byte(s)) {
			return w, true
		}
	}
	return 0, false
}

// separator returns the end of the separator that starts at text[i], and
// whether it is a mark (':', "是"), which says a handle follows, rather than
// a word ("is"), which may be followed by any word.
func separator(text []byte, i int) (end int, mark, ok bool) {
	for _, s := range separatorMarks {
		if hasAt(text, i, s) {
			return i + len(s), true, true
		}
	}
	for _, s := range separatorWords {
		if n := i + len(s); n <= len(text) && bytes.EqualFold(text[i:n], []byte(s)) && !wordAt(text, n) {
			return n, false, true
		}
	}
	return 0, false, false
}

// skipQuote returns i past a quotation mark that opens a value there: '"',
// JSON's '\"', '\”, '“', '「'.
func skipQuote(text []byte, i int) int {
	for _, q := range []string{`\"`, `"`, `'`, "“", "「", "『"} {
		if hasAt(text, i, q) {
			return i + len(q)
		}
	}
	return i
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if !isDigit(c) {
			return false
		}
	}
	return true
}

// separatorMarks say that a handle follows.
var separatorMarks = []string{":", "：", "=", "是", "为", "為", "は", "는", "은", "—", "–"}

// separatorWords may be followed by a handle or by any word: "my tiktok is
// lucia_88", "my tiktok is private".
var separatorWords = []string{"is", "es", "é", "est", "ist", "-", "это"}

// idWords name an account in Latin letters.
var idWords = newWordSet("id", "handle", "username", "user", "name", "account", "acct", "nick",
	"nickname", "usuario", "cuenta", "conta", "usuário", "compte", "pseudo", "konto",
	"nutzername", "benutzername")

// otherIDWords name an account in other scripts.
var otherIDWords = []string{"号码", "號碼", "账号", "帐号", "帳號", "号", "號", "ＩＤ", "アカウント", "아이디", "계정",
	"ник", "логин", "аккаунт"}

// mentionWords follow an '@' that mentions no one: the broadcasts of chat
// apps, the places of "me @home", and the tags of code comments pasted in.
var mentionWords = newWordSet("everyone", "here", "channel", "all", "home", "work", "school", "media",
	"import", "param", "return", "returns", "type", "types", "override", "deprecated", "see", "since",
	"throws", "example")

// stopValues are words that may follow a platform's name and are no
// handle: "Instagram: private", "my IG name is too long".
var stopValues = newWordSet("the", "a", "an", "my", "me", "your", "our", "his", "her", "their", "and",
	"or", "to", "of", "for", "with", "in", "on", "at", "is", "not", "no", "private", "public", "down",
	"too", "same", "below", "above", "link", "profile", "page", "story", "stories", "post", "posts",
	"reel", "reels", "filter", "style", "photo", "photos", "video", "videos", "feed", "bio", "account",
	"handle", "please", "aesthetic", "format", "size", "ratio", "square", "portrait",
	"landscape", "vertical", "horizontal", "el", "la", "le", "der", "die", "das", "mi", "mon", "ma", "mein", "meu", "minha")

// A wordSet holds words in lower case and is asked in any case.
type wordSet map[string]struct{}

func newWordSet(words ...string) wordSet {
	s := make(wordSet, len(words))
	for _, w := range words {
		s[w] = struct{}{}
	}
	return s
}

// maxSetWord bounds the words a wordSet is asked about.
const maxSetWord = 16

// has reports whether s holds w, compared in ASCII lower case.
func (s wordSet) has(w []byte) bool {
	if len(w) > maxSetWord {
		return false
	}
	var b [maxSetWord]byte
	for i, c := range w {
		if 'A' <= c && c <= 'Z' {
			c |= 0x20
		}
		b[i] = c
	}
	_, ok := s[string(b[:len(w)])]
	return ok
}
