package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors/internal/textscan"
)

// hanVerbs are the characters after which prompts name a person with no
// phrase or title: verbs of giving, making and inviting, the words that
// join people, and the punctuation that starts a clause (as the start of
// the text does): "给王芳画一张", "把李伟P进来", "我和陈静的合照",
// "祝刘洋生日快乐", "王芳、李娜", "谢谢！王芳".
var hanVerbs = []string{"给", "把", "和", "跟", "与", "同", "帮", "为", "替", "让", "请", "陪", "带", "祝", "像", "及", "、", "，", "。", "！", "？", "：", "；"}

// hanKin are the words for relatives and friends that, like hanVerbs, a
// name may follow with nothing between: "我老婆王芳", "我儿子张小明的照片".
var hanKin = []string{"儿子", "女儿", "闺女", "老婆", "老公", "妻子", "丈夫", "爱人", "妈妈", "爸爸", "母亲", "父亲", "朋友",
	"闺蜜", "同学", "同事", "姐姐", "妹妹", "哥哥", "弟弟", "奶奶", "爷爷", "外婆", "外公", "姥姥", "孙女", "孙子", "宝宝", "孩子"}

// hanGivenAlone are the characters that, after a common surname, make a
// name of two characters: given names that form few words with a surname
// ("张伟", "王芳", "陈静"; not 明, 峰, 云, which make "高明", "高峰",
// "白云").
const hanGivenAlone = "伟芳娜敏静磊娟艳杰涛勇霞婷燕斌浩鹏鑫洋玲萍倩琳颖慧莹琪悦萱涵轩睿瑞昊泽彤菲瑶璇蕾薇岚凯俊宇旭晨佳欣怡雯婕璐娇妍嫣楠莉蓉娅琦瑾婧毅坤晖健彬帆昕哲铭炜巍琛瑜熙皓宸翔珊琼"

// hanGivenPair are the characters of given names of two ("王小明",
// "李雪梅", "张子涵"): hanGivenAlone's and the commoner ones that alone
// would make words.
const hanGivenPair = hanGivenAlone + "华洁小一子天明红英秀玉丹雪云晶琴阳宁东文博诺然可心雨思梦林海金成立志新国庆建军丽波辉平强刚超亮峰飞龙凤兰梅春秋冬晓永长正光胜德福荣祥贵兵民忠嘉家振桂淑美爱少宏鸿安艺诗紫若梓沐依逸晗景乐伊婉佩素娥珍月星舒欢茜蕊芸菁莎蝶露靖元维昌良兴君达青松恩贤奇顺康希承敬洪智远惠吉信培耀泰诚锡卿彦昭麟兆震寿莲源坚炳衡锦冰雅谦恒钧勋霖冠芬仁义祖宗伦纯森"

// hanFollowers are the characters a name is followed by in prompts besides
// those that end one (hanStops): what is made of the person, and how.
const hanFollowers = "生拍穿戴换变站坐抱合照加设制写唱跳过送打扮笑拿骑吃玩看上身脸头像"

// notBareHanNames are words that start as a surname does and go on as a
// given name may: places, trades.
var notBareHanNames = []string{"陶艺", "金平", "汪洋"}

// bareHanName reads a Chinese name after one of hanVerbs, with no phrase
// or title: a common surname and a given name of one character of
// hanGivenAlone or two of hanGivenPair (two after a compound surname),
// then a character that ends a name (hanStops, hanFollowers), one not Han,
// or the end of the text. Two given characters are tried first:
// "给王小明画" is Wang Xiaoming's, "给张伟生日" Zhang Wei's.
func bareHanName(text []byte, i int) (start, end int, ok bool) {
	r, size := utf8.DecodeRune(text[i:])
	if !hanSurnameFirst.has(r) {
		return 0, 0, false // most characters after a verb start no surname
	}
	g := i
	compound := false
	for _, c := range chineseCompoundSurnames {
		if textscan.HasAt(text, i, c) {
			g, compound = i+len(c), true
			break
		}
	}
	if !compound {
		if size < 3 || r == '万' || !strings.ContainsRune(chineseSurnames, r) { // 万, ten thousand: "万美金"
			return 0, 0, false
		}
		g = i + size
	}
	r1, s1 := utf8.DecodeRune(text[g:])
	r2, s2 := utf8.DecodeRune(text[g+s1:])
	switch {
	case strings.ContainsRune(hanGivenPair, r1) && strings.ContainsRune(hanGivenPair, r2) && nameEndsAt(text, g+s1+s2):
		end = g + s1 + s2
	case !compound && strings.ContainsRune(hanGivenAlone, r1) && nameEndsAt(text, g+s1):
		end = g + s1
	default:
		return 0, 0, false
	}
	for _, w := range notChineseNames {
		if textscan.HasAt(text, i, w) {
			return 0, 0, false
		}
	}
	for _, w := range notBareHanNames {
		if textscan.HasAt(text, i, w) {
			return 0, 0, false
		}
	}
	return i, end, true
}

// kinHanName reads a Chinese name after one of hanKin: as bareHanName
// does, or a nickname, 小 or 阿 and a given name's character of
// hanGivenPair, then a character that ends a name ("我女儿小美的生日",
// "我老公阿强"; not "我女儿小时候", "我女儿小心地", nor a school's grade,
// "我女儿小一了").
func kinHanName(text []byte, i int) (start, end int, ok bool) {
	if start, end, ok = bareHanName(text, i); ok {
		return start, end, ok
	}
	if !textscan.HasAt(text, i, "小") && !textscan.HasAt(text, i, "阿") {
		return 0, 0, false
	}
	g := i + len("小")
	r, size := utf8.DecodeRune(text[g:])
	if r == '一' || !strings.ContainsRune(hanGivenPair, r) || !nameEndsAt(text, g+size) {
		return 0, 0, false
	}
	return i, g + size, true
}

// ChineseNameBefore returns where a Chinese name that ends at text[end]
// starts, when the characters before end are a common surname and a given
// name, as bareHanName reads one (four characters tried, then three, then two): the
// name inside a run of Han text that shows no other start, as in
// "这张图做成李伟的iPhone壁纸".
func ChineseNameBefore(text []byte, end int) (start int, ok bool) {
	for _, n := range [...]int{4, 3, 2} { // a compound surname first: "欧阳娜娜"
		s := end
		for k := 0; k < n && s > 0; k++ {
			_, w := utf8.DecodeLastRune(text[:s])
			s -= w
		}
		if _, e, ok := bareHanName(text[:end], s); ok && e == end {
			return s, true
		}
	}
	return 0, false
}

// hanSurnameFirst holds the first characters of the common surnames.
var hanSurnameFirst = func() (f runeFilter) {
	for _, r := range chineseSurnames {
		f.add(r)
	}
	for _, c := range chineseCompoundSurnames {
		r, _ := utf8.DecodeRuneInString(c)
		f.add(r)
	}
	return f
}()

// nameEndsAt reports whether a Chinese name may end at text[i].
func nameEndsAt(text []byte, i int) bool {
	if i >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRune(text[i:])
	return !unicode.Is(unicode.Han, r) || strings.ContainsRune(hanStops, r) || strings.ContainsRune(hanFollowers, r)
}
