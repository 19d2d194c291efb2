package names

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors/internal/textscan"
	"github.com/pixelprivacy/veil/detectors/internal/wordset"
)

// hanStops are characters that end a Chinese name: pronouns, particles and
// the verbs and numerals that follow "我叫" when it means "I call" or "I
// order" (帮我叫一辆车) rather than "I am called".
const hanStops = "的是想要我你他她它们在和跟与给请帮今明昨画做用把了吗呢吧啊哦也都就还很一二三四五六七八九十几个来去到醒车外"

// hanDays are the stops of hanStops that start a word for a day or a year
// (明天, 今年, 昨晚) and, inside a name, are a given name's (小明, 李明).
const hanDays = "今明昨"

// hanName reads a Chinese name after a phrase: two to four Han characters,
// up to a character that no name goes on with, or one of hanDays that
// starts the name or a word for a day ("我叫李伟明天来" is Li Wei's,
// "我儿子叫小明" Xiaoming's).
func hanName(text []byte, i int) (start, end int, ok bool) {
	i = skipSpaces(text, i)
	start, end = i, i
	n := 0
	for end < len(text) && n < 4 {
		r, size := utf8.DecodeRune(text[end:])
		if !unicode.Is(unicode.Han, r) {
			break
		}
		if strings.ContainsRune(hanStops, r) && (n == 0 || !strings.ContainsRune(hanDays, r) || dayWordAt(text, end+size)) {
			break
		}
		end += size
		n++
	}
	return start, end, n >= 2
}

// dayWordAt reports whether text[i] goes on from one of hanDays with a
// word for a day or a year: 天, 早, 晚, 年, 日, 儿.
func dayWordAt(text []byte, i int) bool {
	r, _ := utf8.DecodeRune(text[i:])
	return strings.ContainsRune("天早晚年日儿", r)
}

// chineseSurnames are the first characters of the hundred commonest
// Chinese surnames (and of 欧阳, 司马, 诸葛, 上官), about nine people in ten.
const chineseSurnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"

// chineseCompoundSurnames are surnames of two characters, whose names may
// have four.
var chineseCompoundSurnames = []string{"欧阳", "司马", "诸葛", "上官", "东方", "慕容", "司徒", "令狐", "皇甫", "尉迟", "公孙", "夏侯", "长孙", "宇文"}

// notChineseNames are words that start as a surname does and follow 我是
// when no name does: "I am an expert", "... right away".
var notChineseNames = []string{"高手", "马上", "白痴", "新手", "王者", "金主", "万一", "龙粉", "上班", "上海", "方便", "江湖", "石头", "黄金", "白领", "高中", "朱古力", "周末"}

// surnamedHanName reads a Chinese name after "我是", which also says "I am
// a student": two or three Han characters, the first a common surname (or
// four, the first two a compound surname: 欧阳娜娜), up to a character that
// no name goes on with.
func surnamedHanName(text []byte, i int) (start, end int, ok bool) {
	i = skipSpaces(text, i)
	longest := 3
	for _, s := range chineseCompoundSurnames {
		if textscan.HasAt(text, i, s) {
			longest = 4
		}
	}
	r, _ := utf8.DecodeRune(text[i:])
	if i >= len(text) || longest == 3 && !strings.ContainsRune(chineseSurnames, r) {
		return 0, 0, false
	}
	start, end, ok = hanName(text, i)
	if !ok || utf8.RuneCount(text[start:end]) > longest {
		return 0, 0, false
	}
	for _, w := range notChineseNames {
		if strings.HasPrefix(string(text[start:]), w) {
			return 0, 0, false
		}
	}
	return start, end, true
}

// japaneseSurnames are the hundred commonest Japanese surnames, about one
// person in three; after "私は" ("I am", also "I am a student") a name must
// start with one of them.
var japaneseSurnames = strings.Fields(`佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 林 斎藤 清水
	山崎 森 池田 橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本 斉藤 福田 太田 西村 藤井 金子 岡本
	藤原 中野 三浦 原田 中川 松田 竹内 小野 田村 中山 和田 石田 森田 上田 原 内田 柴田 酒井 宮崎 横山 高木 安藤 宮本 大野 小島 谷口 今井
	工藤 高田 増田 丸山 杉山 村田 大塚 新井 小山 平野 藤本 河野 上野 野口 武田 松井 千葉 岩崎 菅原 木下 久保 佐野 野村 松尾 市川 菊地 杉本 古川 大西 島田`)

// surnamedJapaneseName reads a Japanese name after "私は": one of
// japaneseSurnames, maybe a given name after it, then です or と申します, as
// japaneseAfter reads a name.
func surnamedJapaneseName(text []byte, i int) (start, end int, ok bool) {
	i = skipSpaces(text, i)
	for _, s := range japaneseSurnames {
		if textscan.HasAt(text, i, s) {
			start, end, ok = japaneseAfter(text, i)
			if ok && (textscan.HasAt(text, end, "です") || textscan.HasAt(text, end, "と申します") || textscan.HasAt(text, end, "といいます")) {
				return start, end, true
			}
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// kanaName reports whether r may be part of a Japanese name: Han, kana, the
// iteration mark 々 and the long vowel mark ー.
func kanaName(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || r == '々' || r == 'ー'
}

// japaneseAfter reads a Japanese name after a phrase ("私の名前は"): one to
// eight characters up to です, と or anything not of a name, which must
// follow: a longer run is a sentence, not a name.
func japaneseAfter(text []byte, i int) (start, end int, ok bool) {
	i = skipSpaces(text, i)
	start, end = i, i
	for n := 0; ; n++ {
		if end == len(text) || textscan.HasAt(text, end, "です") || textscan.HasAt(text, end, "でした") || textscan.HasAt(text, end, "と") {
			return start, end, n > 0
		}
		r, size := utf8.DecodeRune(text[end:])
		if !kanaName(r) {
			return start, end, n > 0
		}
		if n == 8 {
			return 0, 0, false
		}
		end += size
	}
}

// japaneseStops end a Japanese name read backwards from "と申します": the
// topic and subject particles before it (私は田中と申します).
const japaneseStops = "はがもを"

// japaneseBefore reads a Japanese name that ends at i, before "と申します":
// one to eight characters back to a particle or anything not of a name.
func japaneseBefore(text []byte, i int) (start, end int, ok bool) {
	start, end = i, i
	for n := 0; start > 0; n++ {
		r, size := utf8.DecodeLastRune(text[:start])
		if !kanaName(r) || strings.ContainsRune(japaneseStops, r) {
			break
		}
		if n == 8 {
			return 0, 0, false
		}
		start -= size
	}
	return start, end, start < end
}

// koreanEndings are the copulas and particles written after a name
// ("김민준입니다"), longest first.
var koreanEndings = []string{"이라고", "입니다", "이에요", "이고요", "이예요", "예요", "이고", "이야", "이며", "라고", "이요", "야", "요"}

// koreanName reads a Korean name after a phrase ("제 이름은"): a run of
// Hangul syllables, less the copula or particle after the name, of two to
// four syllables.
func koreanName(text []byte, i int) (start, end int, ok bool) {
	i = skipSpaces(text, i)
	start, end = i, i
	for end < len(text) {
		r, size := utf8.DecodeRune(text[end:])
		if r < 0xAC00 || r > 0xD7A3 {
			break
		}
		end += size
	}
	for _, e := range koreanEndings {
		if end-start > len(e) && string(text[end-len(e):end]) == e {
			end -= len(e)
			break
		}
	}
	n := utf8.RuneCount(text[start:end])
	return start, end, n >= 2 && n <= 4
}

// koreanSurnames are the commonest Korean surnames, nine people in ten
// and more.
const koreanSurnames = "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용"

// koreanCopulas must follow a name read after "저는" ("I am"), which
// also starts "저는 학생입니다" (I am a student).
var koreanCopulas = []string{"입니다", "이에요", "예요", "이고요", "이고", "이야", "이라고"}

// surnamedKoreanName reads a Korean name after "저는" or "나는": three
// syllables, the first a common surname, then a copula.
func surnamedKoreanName(text []byte, i int) (start, end int, ok bool) {
	i = skipSpaces(text, i)
	r, _ := utf8.DecodeRune(text[i:])
	if i >= len(text) || !strings.ContainsRune(koreanSurnames, r) {
		return 0, 0, false
	}
	end = i
	for range 3 {
		r, size := utf8.DecodeRune(text[end:])
		if r < 0xAC00 || r > 0xD7A3 {
			return 0, 0, false
		}
		end += size
	}
	if string(text[i:end]) == "한국인" { // "I am Korean"
		return 0, 0, false
	}
	for _, c := range koreanCopulas {
		if textscan.HasAt(text, end, c) {
			return i, end, true
		}
	}
	return 0, 0, false
}

// hindiCopulas end the name after "नाम" (मेरा नाम राहुल है).
var hindiCopulas = wordset.New("है", "हैं", "था", "थी")

// hindiName reads a Hindi name after "नाम": one to three Devanagari words
// followed by a copula, or the word after a copula that comes first (मेरा
// नाम है राहुल).
func hindiName(text []byte, i int) (start, end int, ok bool) {
	i = skipSpaces(text, i)
	if w := devanagariWordEnd(text, i); w > i && hindiCopulas.Has(text[i:w]) {
		i = skipSpaces(text, w)
		w := devanagariWordEnd(text, i)
		return i, w, w > i
	}
	start, end = i, i
	for range 3 {
		w := devanagariWordEnd(text, i)
		if w == i {
			return 0, 0, false
		}
		end = w
		i = skipSpaces(text, w)
		if c := devanagariWordEnd(text, i); c > i && hindiCopulas.Has(text[i:c]) {
			return start, end, true
		}
	}
	return 0, 0, false
}

func devanagariWordEnd(text []byte, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRune(text[i:])
		if r < 0x0900 || r > 0x0963 { // letters and signs, not the danda or digits
			break
		}
		i += size
	}
	return i
}

// arabicCopulas may stand between "اسمي" and the name: اسمي هو محمد.
var arabicCopulas = wordset.New("هو", "هي")

// arabicName reads an Arabic name after a phrase: the next word, of two
// letters or more.
func arabicName(text []byte, i int) (start, end int, ok bool) {
	i = skipSpaces(text, i)
	w := arabicWordEnd(text, i)
	if w > i && arabicCopulas.Has(text[i:w]) {
		i = skipSpaces(text, w)
		w = arabicWordEnd(text, i)
	}
	if utf8.RuneCount(text[i:w]) < 2 {
		return 0, 0, false
	}
	for range 2 { // the father's and the grandfather's names: "أحمد علي حسن"
		n := skipSpaces(text, w)
		e := arabicWordEnd(text, n)
		if n == w || e == n || !arabicGiven.HasCaseless(text[n:e]) {
			break
		}
		w = e
	}
	return i, w, true
}

// arabicText is the list of Arabic given names, see its header.
//
//go:embed arabic.txt
var arabicText string

// arabicGiven holds the given names of arabic.txt, which go on a name
// after its first word.
var arabicGiven = wordset.New(listed(arabicText)...)

func arabicWordEnd(text []byte, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRune(text[i:])
		if r < 0x0600 || r > 0x06FF || !unicode.IsLetter(r) && !unicode.IsMark(r) {
			break
		}
		i += size
	}
	return i
}
