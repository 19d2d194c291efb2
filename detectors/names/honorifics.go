package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors/internal/textscan"
	"github.com/pixelprivacy/veil/detectors/internal/wordset"
)

// runBack returns the start of the run of characters for which is holds
// that ends at text[i], and their number, counting at most max+1 of them.
func runBack(text []byte, i, max int, is func(rune) bool) (start, n int) {
	start = i
	for start > 0 && n <= max {
		r, size := utf8.DecodeLastRune(text[:start])
		if !is(r) {
			break
		}
		start -= size
		n++
	}
	return start, n
}

func isHan(r rune) bool { return r == '々' || unicode.Is(unicode.Han, r) }

func isHiragana(r rune) bool { return unicode.Is(unicode.Hiragana, r) }

func isHangulSyllable(r rune) bool { return r >= 0xAC00 && r <= 0xD7A3 }

// japaneseParticles may follow a surname where no given name does: the
// "の" of "田中のおばあちゃん" (Tanaka's grandmother).
const japaneseParticles = "のはがをにともでへや"

// honoredJapaneseName reads the name before the honorific at text[i]
// ("さん", "様", "先生"): a given name after a relative's word and の (see
// kinNamedBefore); a run of Han characters that starts with one of
// japaneseSurnames, with at most three after it (田中さん, 鈴木一郎様); or
// such a surname alone and a given name of two to four hiragana
// (伊藤さくらちゃん); or a given name of japaneseGivenNames alone (陽菜ちゃん,
// さくらちゃん). Nothing else of a name comes before: "お母さん" (mother),
// "皆さん" (everyone), "神様" (God) have no surname.
func honoredJapaneseName(text []byte, i int) (start, end int, ok bool) {
	if s, ok := kinNamedBefore(text, i); ok {
		return s, i, true
	}
	if s, n := runBack(text, i, 6, isHan); n > 0 {
		if l := japaneseSurnameAt(text, s); l > 0 && n <= 6 && n-l <= 3 || japaneseGivenNames.HasCaseless(text[s:i]) {
			return s, i, true
		}
		return 0, 0, false
	}
	g, n := runBack(text, i, 4, isHiragana)
	if first, _ := utf8.DecodeRune(text[g:]); n >= 2 && n <= 4 && !strings.ContainsRune(japaneseParticles, first) {
		s, m := runBack(text, g, 3, isHan)
		if l := japaneseSurnameAt(text, s); l > 0 && l == m {
			return s, i, true
		}
	}
	if s, ok := givenKanaName(text, i); ok {
		return s, i, true
	}
	return 0, 0, false
}

// japaneseGivenNames are common Japanese given names, in kanji and in
// hiragana, found alone before an honorific: "陽菜ちゃん", "翔太くん",
// "さくらちゃん" (and not "ねこちゃん", kitty, nor "みなさん", everyone,
// which are none of them).
var japaneseGivenNames = wordset.New(japaneseGivenList...)

var japaneseGivenList = strings.Fields(`
	蓮 陽翔 湊 蒼 樹 大翔 悠真 結翔 律 朝陽 陽向 悠人 颯真 大和 碧 陸 翔 翔太 拓海 健太 大輝 翼 翔平 拓也 直樹 誠
	大介 隼人 海斗 悠斗 蒼空 陽太 颯太 一郎 太郎 次郎 健一 雄大 和也 達也 優斗 奏太 瑛太 湊斗 陽斗 翔真 悠希 蒼真
	陽葵 凛 結菜 葵 結愛 芽依 紬 澪 結月 美咲 陽菜 結衣 優奈 美羽 莉子 心春 美桜 彩 七海 菜々子 真央 愛子 恵 由美
	裕子 明美 真由美 直子 智子 久美子 麻衣 彩花 美優 優花 遥 楓 琴音 心愛 美月 花子 桜 杏奈 莉央 美緒 千尋 沙織 香織
	さくら ゆい ひな ひなた あおい ゆうと はると そうた ゆうき ゆな めい りこ みお ほのか かな はるか あかり ことは
	ゆず りん れん そら まお みゆ ゆずき こはる いちか しほ なな ちひろ かえで みさき ゆうな ひなの つむぎ はな けんた
	しょうた たくみ だいき はやと ゆうた こうた りく かいと`)

// givenKanaName reports the start of a given name of japaneseGivenNames in
// hiragana that ends at text[i]: a whole run of hiragana ("さくらちゃん"),
// or its end after a particle ("これはさくらちゃん").
func givenKanaName(text []byte, i int) (start int, ok bool) {
	g, n := runBack(text, i, maxKanaName, isHiragana)
	if n <= maxKanaName && japaneseGivenNames.HasCaseless(text[g:i]) {
		return g, true
	}
	for j := g; j < i; {
		r, size := utf8.DecodeRune(text[j:])
		j += size
		if strings.ContainsRune(japaneseParticles, r) && j < i && japaneseGivenNames.HasCaseless(text[j:i]) {
			return j, true
		}
	}
	return 0, false
}

// maxKanaName is the length of the longest given name of
// japaneseGivenNames, in characters.
var maxKanaName = func() (n int) {
	for _, name := range japaneseGivenList {
		n = max(n, utf8.RuneCountInString(name))
	}
	return n
}()

// japaneseKin are the relatives and friends whose names follow them and
// の: "娘のさくらちゃん" (my daughter Sakura), "息子の翔太くん".
var japaneseKin = []string{"娘", "息子", "友達", "友人", "妹", "弟", "姉", "兄", "孫", "姪", "甥", "妻", "夫", "彼女", "彼氏", "同僚", "先輩", "後輩", "親友"}

// japaneseKinOf are japaneseKin with の: a given name may follow them
// with no honorific ("娘のさくらの誕生日カード", my daughter Sakura's
// birthday card).
var japaneseKinOf = func() []string {
	words := make([]string, len(japaneseKin))
	for i, k := range japaneseKin {
		words[i] = k + "の"
	}
	return words
}()

// kinGivenName reads the given name of japaneseGivenNames at text[i],
// after a relative's word and の, the longest that a particle, a mark, an
// honorific or the end follows: "娘のさくらの", "息子の翔太と" (not
// "妻の恵み", a blessing).
func kinGivenName(text []byte, i int) (start, end int, ok bool) {
	for _, name := range japaneseGivenList {
		e := i + len(name)
		if e > end && textscan.HasAt(text, i, name) && nameEndsAtKana(text, e) {
			end = e
		}
	}
	return i, end, end > i
}

// nameEndsAtKana reports whether a Japanese given name may end at text[i]:
// the text ends, or a particle, an honorific or a character of no
// Japanese word follows.
func nameEndsAtKana(text []byte, i int) bool {
	r, _ := utf8.DecodeRune(text[i:])
	switch {
	case i >= len(text), strings.ContainsRune(japaneseParticles, r):
		return true
	case isHan(r), unicode.Is(unicode.Katakana, r):
		return false
	case isHiragana(r):
		for _, h := range japaneseHonorifics {
			if textscan.HasAt(text, i, h) {
				return true
			}
		}
		return false
	}
	return true
}

// kinNamedBefore reports the start of the given name that ends at text[i],
// before an honorific, after a relative's word and の: one to five
// characters of a name (see kanaName) that do not start with the polite
// prefixes お and ご ("娘のお友達さん", my daughter's friend).
func kinNamedBefore(text []byte, i int) (start int, ok bool) {
	start = i
	for n := 0; start > 0; n++ {
		r, size := utf8.DecodeLastRune(text[:start])
		if r == 'の' || !kanaName(r) {
			break
		}
		if n == 5 {
			return 0, false
		}
		start -= size
	}
	before := start - len("の")
	if first, _ := utf8.DecodeRune(text[start:]); start == i || first == 'お' || first == 'ご' || before < 0 || !textscan.HasAt(text, before, "の") {
		return 0, false
	}
	for _, k := range japaneseKin {
		if before >= len(k) && string(text[before-len(k):before]) == k {
			return start, true
		}
	}
	return 0, false
}

// japaneseSurnameAt returns the number of characters of the longest of
// japaneseSurnames at text[i], or 0.
func japaneseSurnameAt(text []byte, i int) int {
	n := 0
	for _, s := range japaneseSurnames {
		if textscan.HasAt(text, i, s) {
			n = max(n, utf8.RuneCountInString(s))
		}
	}
	return n
}

// hanBefore are the characters a Chinese name written before a title may
// follow besides those that end one (hanStops): verbs of giving, thanking
// and meeting, and the measure word of people (这位王先生).
const hanBefore = "为替祝谢诉问找见让对被带陪叫送位向"

// notTitledNames are words that start as a surname does and come before a
// title: subjects and ranks ("金融老师", a finance teacher; "高级经理", a
// senior manager).
var notTitledNames = []string{"金融", "武术", "马术", "高数", "方言", "田径", "韩语", "唐诗", "宋词", "高级", "高三", "高二", "高一", "史学", "龙舟", "毛笔", "石油", "江南"}

// titledHanName reads the Chinese name before the title at text[i]
// ("先生", "老师"): one to three Han characters, the first a common
// surname (or four, the first two a compound surname), after the start of
// the text, a character not Han, or one a name follows (给, 和, 的, 位).
// The longest is taken: "给李伟老师" is Li Wei's, "历史老师" (a history
// teacher) nobody's, as 史 follows 历.
func titledHanName(text []byte, i int) (start, end int, ok bool) {
	s, n := runBack(text, i, 4, isHan)
	for k := min(n, 4); k >= 1; k-- {
		start = i
		for range k {
			_, size := utf8.DecodeLastRune(text[:start])
			start -= size
		}
		if hanNameAt(text, start, k) && hanBoundaryBefore(text, start, s) {
			return start, i, true
		}
	}
	return 0, 0, false
}

// hanNameAt reports whether the k characters at text[start] may be a
// name: one to three, the first a common surname, or two to four, the
// first two a compound surname; and none of the words that start so.
func hanNameAt(text []byte, start, k int) bool {
	for _, w := range notChineseNames {
		if textscan.HasAt(text, start, w) {
			return false
		}
	}
	for _, w := range notTitledNames {
		if textscan.HasAt(text, start, w) {
			return false
		}
	}
	for _, c := range chineseCompoundSurnames {
		if textscan.HasAt(text, start, c) {
			return k >= 2
		}
	}
	r, _ := utf8.DecodeRune(text[start:])
	return k <= 3 && strings.ContainsRune(chineseSurnames, r)
}

// hanBoundaryBefore reports whether a Chinese name may start at text[i],
// where s starts the run of Han characters it is in.
func hanBoundaryBefore(text []byte, i, s int) bool {
	if i == s {
		return true
	}
	r, _ := utf8.DecodeLastRune(text[:i])
	return strings.ContainsRune(hanStops, r) || strings.ContainsRune(hanBefore, r)
}

// koreanTitles are the titles written before 님 that follow a name and a
// space: 김민준 선생님 (teacher), 박 과장님 (section chief).
var koreanTitles = wordset.New("선생", "교수", "사장", "대표", "과장", "부장", "대리", "팀장", "원장", "박사", "작가", "기자")

// titledKoreanName reads the name before the Korean title at text[i] and a
// space: three syllables that start with a common surname ("김민준
// 선생님"), or the surname alone ("박 과장님"), but not 이, which also says
// "this" ("이 선생님", this teacher).
func titledKoreanName(text []byte, i int) (start, end int, ok bool) {
	if i == 0 || text[i-1] != ' ' {
		return 0, 0, false
	}
	end = i - 1
	start, n := runBack(text, end, 3, isHangulSyllable)
	first, _ := utf8.DecodeRune(text[start:])
	if n != 1 && n != 3 || !strings.ContainsRune(koreanSurnames, first) || n == 1 && first == '이' || koreanPlaces.Has(text[start:end]) {
		return 0, 0, false
	}
	return start, end, true
}

// koreanPlaces are words of three syllables that start as a surname does
// and name where a teacher or a director works: 유치원 선생님, a
// kindergarten teacher.
var koreanPlaces = wordset.New("유치원", "도서관", "기숙사", "한의원", "어린이", "연구소", "연구실", "사무실", "원장실", "학원가", "문화원", "공부방")

// koreanParticles may follow an honorific: 씨는, 님께, 씨에게.
const koreanParticles = "는가의와께에를도랑한이은을들"

// honoredKoreanName reads the name before the honorific ("씨", "님") that
// starts at text[i] and ends at text[after], with a space between them or
// not: a word of three syllables, the first a common surname ("김민준 씨",
// "이서연님"), or a given name of koreanGivenNames alone ("민준 씨"); and
// a particle or no syllable after the honorific. Written
// together, a syllable that makes a word of the honorific's is none
// ("손글씨", handwriting; "이사장님", the chairman). A 님 that ends a title
// ("선생님") is read as titledKoreanName reads the title.
func honoredKoreanName(text []byte, i, after int) (start, end int, ok bool) {
	if s, n := runBack(text, i, 2, isHangulSyllable); n == 2 && textscan.HasAt(text, i, "님") && koreanTitles.Has(text[s:i]) {
		return titledKoreanName(text, s)
	}
	end = i
	spaced := end > 0 && text[end-1] == ' '
	if spaced {
		end--
	}
	start, n := runBack(text, end, 3, isHangulSyllable)
	first, _ := utf8.DecodeRune(text[start:])
	if !(n == 3 && strings.ContainsRune(koreanSurnames, first) || n == 2 && koreanGivenNames.HasCaseless(text[start:end])) {
		return 0, 0, false
	}
	if next, _ := utf8.DecodeRune(text[after:]); after < len(text) && isHangulSyllable(next) && !strings.ContainsRune(koreanParticles, next) {
		return 0, 0, false // 씨앗 (a seed), 씨름 (wrestling)
	}
	last, _ := utf8.DecodeLastRune(text[:end])
	wordEnds := "사장관" // 변호사님, 이사장님, 소방관님
	if textscan.HasAt(text, i, "씨") {
		wordEnds = "날글솜말맵" // 오늘날씨, 손글씨
	}
	if !spaced && strings.ContainsRune(wordEnds, last) {
		return 0, 0, false
	}
	return start, end, true
}

// koreanNameParticles are the particles a name and 이 come before: 민준이가,
// 민준이는, 민준이랑, 민준이의, 민준이를, 민준이도, 민준이한테, 민준이에게,
// 민준이와, 민준이하고.
const koreanNameParticles = "가는랑의를도한에와하"

// koreanGivenNames are common Korean given names of two syllables, found
// alone before an honorific or in the vocative: "민준 씨", "서연아",
// "지우야". Given names that are words too are not among them (지원,
// support; 시원, cool; 나은, better; 한결, always).
var koreanGivenNames = wordset.New(strings.Fields(`
	민준 서준 도윤 예준 하준 주원 지호 지후 준서 준우 현우 도현 지훈 건우 우진 선우 서진 민재 현준 연우 유준
	정우 승우 승현 시윤 준혁 은우 지환 승민 유찬 윤우 민성 준영 시후 진우 재윤 시현 동현 태윤 민우 재원 이준
	민혁 윤호 은찬 태민 성민 영훈 상우 재민 동훈 성훈 정훈 지성 시우 수호 은호 도하 이안
	서연 서윤 서현 민서 하은 하윤 윤서 지유 지민 채원 지윤 은서 수아 다은 예은 지아 수빈 소율 예린 예원
	시은 하린 유나 채은 가은 윤아 예서 수민 유진 소윤 서아 민지 지현 수연 혜원 은지 지영 미영 수진 현정 은정
	지혜 유리 소연 혜진 보람 하연 다인 채윤 서영 지은 지우 지안 아린 시아 아윤 하율 유주 서하`)...)

// koreanKin are the words for relatives and friends a name may follow, a
// space between: "우리 딸 김서연", "제 친구 민준이랑".
var koreanKin = []string{"딸", "아들", "아내", "남편", "와이프", "엄마", "아빠", "어머니", "아버지", "친구", "여자친구", "남자친구",
	"여친", "남친", "동생", "남동생", "여동생", "언니", "오빠", "누나", "형", "할머니", "할아버지", "손녀", "손자", "조카", "아기", "막내"}

// kinKoreanName reads the name after a relative's word and a space: a
// given name of koreanGivenNames, alone or after a common surname
// ("김서연", "서연"), then no syllable, one of koreanParticles or 이 and
// one ("서연이랑"). Only listed given names are read: many words of three
// syllables start as a surname does (고양이, a cat; 강아지, a puppy).
func kinKoreanName(text []byte, i int) (start, end int, ok bool) {
	if i >= len(text) || text[i] != ' ' {
		return 0, 0, false
	}
	const syllable = len("가") // bytes of a Hangul syllable in UTF-8
	start = i + 1
	given := start
	if first, _ := utf8.DecodeRune(text[start:]); strings.ContainsRune(koreanSurnames, first) &&
		start+3*syllable <= len(text) && koreanGivenNames.Has(text[start+syllable:start+3*syllable]) {
		given = start + syllable
	}
	end = given + 2*syllable
	if end > len(text) || !koreanGivenNames.Has(text[given:end]) {
		return 0, 0, false
	}
	next, size := utf8.DecodeRune(text[end:])
	if next == '이' {
		next, _ = utf8.DecodeRune(text[end+size:])
	}
	if end < len(text) && isHangulSyllable(next) && !strings.ContainsRune(koreanParticles+"과", next) {
		return 0, 0, false
	}
	return start, end, true
}

// vocativeKoreanName reads the given name before the suffix at text[i]
// that speaks to or of a friend by name: the vocative, which ends a word
// ("민준아", "하은아"; 아 after a final consonant, 야 after none), or 이
// after a final consonant, alone or before a particle ("민준이 생일",
// "서연이랑"). The name is one of koreanGivenNames, alone in its word or
// after a common surname ("김민준아").
func vocativeKoreanName(text []byte, i, after int) (start, end int, ok bool) {
	suffix, _ := utf8.DecodeRune(text[i:])
	if next, _ := utf8.DecodeRune(text[after:]); after < len(text) && (isHangulSyllable(next) || unicode.IsLetter(next)) &&
		!(suffix == '이' && strings.ContainsRune(koreanNameParticles, next)) {
		return 0, 0, false
	}
	start, n := runBack(text, i, 3, isHangulSyllable)
	first, size := utf8.DecodeRune(text[start:])
	given := start
	if n == 3 && strings.ContainsRune(koreanSurnames, first) {
		given += size // 김민준아
	}
	if n > 3 || !koreanGivenNames.HasCaseless(text[given:i]) || start > 0 && textscan.WordBefore(text, start) {
		return 0, 0, false
	}
	last, _ := utf8.DecodeLastRune(text[:i])
	if final := (last-0xAC00)%28 != 0; final != (suffix != '야') {
		return 0, 0, false // 아 and 이 follow a final consonant, 야 a vowel
	}
	return start, i, true
}
