package handles

import (
	"bytes"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors/internal/phrases"
	"github.com/pixelprivacy/veil/detectors/internal/textscan"
	"github.com/pixelprivacy/veil/detectors/internal/wordset"
)

// A label is a platform's name that a handle may follow: "IG: sarah.c".
type label struct {
	// needID: the name is also a common word ("line", "snap"), so an ID
	// word or an '@' must follow it: "LINE ID: yuki0203".
	needID bool
	// orLike: with needID, a separator and what looks like a handle will
	// do too ("snap is lilyrose22"), as they will not after "line" (a
	// line's number, "line: 42_b") or "x" (a variable's name).
	orLike bool
	// digits: handles on the platform may be numbers (QQ).
	digits bool
	// cased: the name is in a script with word spaces, so it is a whole
	// word; names in Chinese, Japanese and Korean are not.
	cased bool
	// cashtag: a '$' may start the handle as an '@' does (Cash App's
	// "$cashtag").
	cashtag bool
	// tagged: '#' and four digits may end the handle (Discord's
	// "lily#4821").
	tagged bool
}

// asciiLabels are the platforms' names in Latin letters, by their lower case.
var asciiLabels = func() map[string]label {
	m := make(map[string]label)
	for _, w := range []string{
		"instagram", "insta", "ig", "ins", "twitter", "tiktok", "snapchat", "telegram",
		"discord", "wechat", "weixin", "wx", "kakao", "kakaotalk", "facebook", "fb",
		"youtube", "twitch", "reddit", "github", "skype", "vk", "weibo", "douyin",
		"xiaohongshu", "pinterest", "bluesky", "venmo", "paypal", "patreon", "linktree", "onlyfans",
	} {
		m[w] = label{cased: true}
	}
	for _, w := range []string{"line", "snap", "tg", "x", "kik", "viber", "threads"} {
		m[w] = label{needID: true, cased: true, orLike: w == "snap" || w == "kik" || w == "viber"}
	}
	m["qq"] = label{digits: true, cased: true}
	m["cashapp"] = label{cashtag: true, cased: true}
	m["discord"] = label{tagged: true, cased: true}
	return m
}()

// asciiLabelLengths has, per first letter of a platform's name in Latin
// letters, a bit for each length of one: most words are none at a glance.
var asciiLabelLengths = func() (t [26]uint16) {
	for w := range asciiLabels {
		t[w[0]-'a'] |= 1 << len(w)
	}
	return t
}()

// asciiLabel returns the label that word, a run of ASCII letters, is.
func asciiLabel(word []byte) (label, bool) {
	if len(word) > len("xiaohongshu") || asciiLabelLengths[word[0]|0x20-'a']&(1<<len(word)) == 0 {
		return label{}, false
	}
	var b [len("xiaohongshu")]byte
	for i, c := range word {
		b[i] = c | 0x20
	}
	l, ok := asciiLabels[string(b[:len(word)])]
	return l, ok
}

// otherLabels are the platforms' names in other scripts than Latin.
var otherLabels = phrases.New(
	"微信", "微博", "抖音", "小红书", "快手", "推特", "脸书", "インスタグラム", "インスタ",
	"ツイッター", "ライン", "ティックトック", "カカオトーク", "인스타그램", "인스타", "카카오톡", "카톡", "트위터", "틱톡", "텔레그램",
	"инстаграме", "инстаграм", "инсте", "инсту", "инста", "телеграме", "телеграмм",
	"телеграм", "телеге", "телега", "тиктоке", "тикток", "вконтакте", "вк", "тг",
)

// otherLabel returns the label in another script than Latin that starts at
// text[i], and its end. A Russian one is a whole word.
func otherLabel(text []byte, i int) (int, label, bool) {
	w, ok := otherLabels.At(text, i)
	if !ok {
		return 0, label{}, false
	}
	return w, label{cased: text[i] == 0xD0 || text[i] == 0xD1}, true
}

// labeled reads the handle after a platform's name that ends at text[i]:
// perhaps an ID word ("ID", "handle", "号", "아이디"), perhaps a separator
// (':', '：', '=', "is", "是", "は", "는"), perhaps an '@', then the handle.
// After a separator word or none ("my tiktok is lucia_88", "on IG
// sarah.c"), only what looks like a handle counts, not a word ("my
// instagram is private").
func labeled(text []byte, i int, l label) (start, end int, ok bool) {
	j := textscan.SkipBlanks(text, i)
	id := false
	if textscan.HasAt(text, j, "の") { // "インスタのアカウントは"
		if _, ok := idWord(text, j+len("の")); ok {
			j += len("の")
		}
	}
	if k, ok := idWord(text, j); ok {
		j, id = textscan.SkipBlanks(text, k), true
	}
	mark := false
	if k, m, ok := separator(text, j); ok {
		if text[j] == '=' && text[j-1] != ' ' && k < len(text) && text[k] == ' ' {
			return 0, 0, false // "name= A0": a field whose value is gone, as veil drops one, and a word after it
		}
		j, mark = textscan.SkipBlanks(text, k), m
	}
	j = skipQuote(text, j)
	start = j
	at := false
	switch {
	case textscan.HasAt(text, j, "@"):
		j, at = j+1, true
	case textscan.HasAt(text, j, fullwidthAt):
		j, at = j+len(fullwidthAt), true
	case l.cashtag && textscan.HasAt(text, j, "$"):
		j, at = j+1, true
	}
	if start == i && l.cased {
		return 0, 0, false // "ig_sarah"
	}
	end, ok = handleEnd(text, j, true)
	if !ok {
		return 0, 0, false
	}
	h := text[j:end]
	tagged := false
	if t := end + len("#0000"); l.tagged && t <= len(text) && text[end] == '#' && allDigits(text[end+1:t]) && (t == len(text) || !isLetter(text[t]) && !isDigit(text[t])) {
		end, tagged = t, true // Discord's tag: "lily#4821"
	}
	if l.needID && !id && !at && (!l.orLike || start == textscan.SkipBlanks(text, i) || !handleLike(h)) {
		return 0, 0, false // "line 2", "snap a photo", "x: my_var"; not "snap is lilyrose22"
	}
	switch {
	case l.digits && allDigits(h) && len(h) >= 5 && len(h) <= 11:
	case !plausible(h) || stopValues.Has(h):
		return 0, 0, false
	case !id && !mark && !at && !tagged && (len(h) < 4 || !handleLike(h)):
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
		if w > i && idWords.Has(text[i:w]) && !(w < len(text) && isDigit(text[w])) {
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
		if textscan.HasAt(text, i, s) {
			return i + len(s), true, true
		}
	}
	for _, s := range separatorWords {
		if n := i + len(s); n <= len(text) && bytes.EqualFold(text[i:n], []byte(s)) && !textscan.WordAt(text, n) {
			return n, false, true
		}
	}
	return 0, false, false
}

// skipQuote returns i past a quotation mark that opens a value there: '"',
// JSON's '\"', '\”, '“', '「'.
func skipQuote(text []byte, i int) int {
	for _, q := range []string{`\"`, `"`, `'`, "“", "「", "『"} {
		if textscan.HasAt(text, i, q) {
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
var idWords = wordset.New("id", "handle", "username", "user", "name", "account", "acct", "nick",
	"nickname", "usuario", "cuenta", "conta", "usuário", "compte", "pseudo", "konto",
	"nutzername", "benutzername")

// otherIDWords name an account in other scripts.
var otherIDWords = []string{"号码", "號碼", "账号", "帐号", "帳號", "号", "號", "ＩＤ", "アカウント", "아이디", "계정",
	"ник", "логин", "аккаунт"}

// mentionWords follow an '@' that mentions no one: the broadcasts of chat
// apps, the places of "me @home", and the tags of code comments pasted in.
var mentionWords = wordset.New("everyone", "here", "channel", "all", "home", "work", "school", "media",
	"import", "param", "return", "returns", "type", "types", "override", "deprecated", "see", "since",
	"throws", "example")

// stopValues are words that may follow a platform's name and are no
// handle: "Instagram: private", "my IG name is too long".
var stopValues = wordset.New("the", "a", "an", "my", "me", "your", "our", "his", "her", "their", "and",
	"or", "to", "of", "for", "with", "in", "on", "at", "is", "not", "no", "private", "public", "down",
	"too", "same", "below", "above", "link", "profile", "page", "story", "stories", "post", "posts",
	"reel", "reels", "filter", "style", "photo", "photos", "video", "videos", "feed", "bio", "account",
	"handle", "please", "aesthetic", "format", "size", "ratio", "square", "portrait",
	"landscape", "vertical", "horizontal", "el", "la", "le", "der", "die", "das", "mi", "mon", "ma", "mein", "meu", "minha")
