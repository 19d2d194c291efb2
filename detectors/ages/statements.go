package ages

import (
	"slices"

	"github.com/pixelprivacy/veil/detectors/internal/wordset"
)

// statements are the ways the app's languages state the writer's age.
var statements = []statement{
	{ // en; "im" only with a unit: German's "im 12. Jahrhundert" is "in the"; "we're both": one age, the writer's too
		subjects: []string{"i'm", "i’m", "i am", "im", "we're both", "we’re both", "we are both"},
		fillers:  []string{"only", "just", "a", "now", "currently"},
		units:    enUnits,
		notAfter: enNotAfter,
		spaced:   true,
	},
	{ // en, with no unit where the number ends a clause: "I'm 12, make me a cat"
		subjects: []string{"i'm", "i’m", "i am", "i just turned", "i turned", "i've just turned", "i have just turned", "i’ve just turned",
			"we're both", "we’re both", "we are both"},
		fillers:  []string{"only", "just", "now"},
		units:    enUnits,
		bare:     true,
		notAfter: enNotAfter,
		spaced:   true,
	},
	{ // en, typed without its apostrophe and with no unit: "im 12 lol", "im 12 and i want a cat"; only before an English word or a mark (German's "im" is "in the")
		subjects: []string{"im"},
		fillers:  []string{"only", "just", "now"},
		bare:     true,
		after:    []string{" and", " lol", " lmao", " haha", " pls", " plz", " so", " but", "!", "?"},
		spaced:   true,
	},
	{ // en: a grade, "I'm in 5th grade", "I'm a 6th grader"; in the US the youngest in grade n are n+5
		subjects: []string{"i'm in", "i’m in", "i am in", "im in", "i'm a", "i’m a", "i am a", "im a"},
		fillers:  []string{"the"},
		units:    []string{"th grader", "st grader", "nd grader", "rd grader", "th grade", "st grade", "nd grade", "rd grade"},
		offset:   5,
		spaced:   true,
	},
	{ // de: "ich bin in der 5. Klasse"; es: "estoy en 5º de primaria", "estoy en quinto de primaria"; pt: "estou no 5º ano"; ru: "я в 5 классе"; the youngest in grade n are n+5
		subjects: []string{"ich bin in der", "ich gehe in die", "estoy en", "voy a", "estou no", "eu estou no", "tô no",
			"я в", "я учусь в", "я сейчас в", "я уже в"},
		fillers: []string{"jetzt", "schon", "ya", "já"},
		units: []string{". klasse", "klasse", "º de primaria", "° de primaria", "de primaria", "º ano", "° ano", "ano",
			"классе", "-м классе", "-ом классе"},
		offset: 5,
		spaced: true,
	},
	{ // en: an age the writer is about to reach, a year younger now: "I turn 12 next week", "I'm turning 13!", "I'll be 12 in May"
		subjects: []string{"i turn", "i'm turning", "i’m turning", "i am turning", "im turning", "i'll be", "i’ll be", "i will be",
			"i'm about to turn", "i’m about to turn", "i am about to turn"},
		units: slices.Concat(enUnits, []string{"next week", "next month", "next year", "this year", "this month", "tomorrow",
			"soon", "on my birthday", "in january", "in february", "in march", "in april", "in may", "in june", "in july",
			"in august", "in september", "in october", "in november", "in december"}),
		bare:     true,
		notAfter: enNotAfter,
		offset:   -1,
		spaced:   true,
	},
	{ // en, the writer's age and "here", as online posts give it: "12 y/o here", "11 year old here!"
		atStart: true,
		units:   enUnits,
		after:   []string{" here"},
		spaced:  true,
	},
	{ // en, an online post's age and sex after "I" or "me": "me (11f) and my cat", "I (12 M) want…"
		subjects: []string{"i (", "me (", "i(", "me("},
		units:    []string{"f)", "m)", "f,", "m,", "f/", "m/"},
		spaced:   true,
	},
	{subjects: []string{"i'm in grade", "i’m in grade", "i am in grade", "im in grade"}, offset: 5, bare: true, spaced: true},
	{subjects: []string{"i'm in year", "i’m in year", "i am in year", "im in year"}, offset: 4, bare: true, spaced: true}, // in Britain, n+4
	{ // en: the writer's own birthday, "It's my 12th birthday", "for my 10th bday"
		subjects: []string{"my"},
		units:    []string{"th birthday", "st birthday", "nd birthday", "rd birthday", "th bday", "st bday", "nd bday", "rd bday"},
		spaced:   true,
	},
	{subjects: []string{"我的"}, units: []string{"岁生日", "周岁生日"}},          // zh: "我的12岁生日"
	{subjects: []string{"私の", "僕の"}, units: []string{"歳の誕生日", "才の誕生日"}}, // ja: "私の12歳の誕生日"
	{subjects: []string{"my age is", "my age:", "mi edad es", "minha idade é", "mon âge est", "mein alter ist", "мой возраст"}, bare: true, spaced: true},
	{ // es
		subjects: []string{"tengo", "soy una niña de", "soy un niño de", "soy una chica de", "soy un chico de"},
		fillers:  []string{"solo", "sólo", "apenas", "ya"},
		units:    []string{"años", "anos", "año"},
		notAfter: []string{" de experiencia", " de casad", " de servicio", " de carrera", " de antigüedad", " más", " menos",
			" trabajando", " viviendo", " estudiando", " en "},
		bare:   true,
		spaced: true,
	},
	{ // pt
		subjects: []string{"tenho", "sou uma menina de", "sou um menino de"},
		fillers:  []string{"só", "apenas", "já"},
		units:    []string{"anos", "ano"},
		notAfter: []string{" de experiência", " de casad", " de carreira", " de profissão", " de serviço", " a mais", " a menos",
			" mais", " menos", " trabalhando", " morando", " em "},
		bare:   true,
		spaced: true,
	},
	{ // fr
		subjects: []string{"j'ai", "j’ai", "je n'ai que", "je n’ai que", "je suis une fille de", "je suis un garçon de"},
		fillers:  []string{"seulement", "juste"},
		units:    []string{"ans", "an"},
		notAfter: []string{" d'expérience", " d’expérience", " de mariage", " de carrière", " de plus", " de moins", " dans "},
		bare:     true,
		spaced:   true,
	},
	{ // de
		subjects: []string{"ich bin", "und bin"}, // "Ich heiße Mia und bin 9"
		fillers:  []string{"erst", "schon", "gerade", "jetzt"},
		units:    []string{"jahre", "jahr"},
		notAfter: []string{" verheiratet", " älter", " jünger", " dabei", " im ", " in der ", " bei ", " zusammen", " selbstständig"},
		bare:     true,
		spaced:   true,
	},
	{ // ru
		subjects: []string{"мне"},
		fillers:  []string{"уже", "только", "всего", "лишь"},
		units:    []string{"лет", "год", "года"},
		bare:     true,
		spaced:   true,
	},
	{ // zh: "我12岁的女儿" is my 12-year-old daughter
		subjects: []string{"我"},
		fillers:  []string{"今年", "现在", "已经", "只有", "才", "是", "刚", "刚刚", "都"},
		units:    []string{"周岁", "岁", "歲"},
		notAfter: []string{"的", "时", "那", "以前", "之前"},
	},
	{ // zh: a primary school's grade, "我上小学五年级"
		subjects: []string{"我上小学", "我读小学", "我在读小学", "我是小学", "我小学", "我现在小学", "我今年小学"},
		units:    []string{"年级"},
		offset:   5,
		notAfter: []string{"的时候", "时", "那"},
	},
	{ // ja: "私は小学5年生です"
		subjects: []string{"私は小学", "僕は小学", "わたしは小学", "ぼくは小学", "私は小学校", "僕は小学校"},
		units:    []string{"年生"},
		offset:   5,
		notAfter: []string{"の時", "のとき", "の頃", "のころ"},
	},
	{ // ko: "저는 초등학교 5학년이에요"
		subjects: []string{"저는 초등학교", "나는 초등학교", "저는 초등", "나는 초등"},
		units:    []string{"학년"},
		offset:   5,
		notAfter: []string{" ", "때", "의"},
	},
	{ // zh: "我是一名12岁的小学生", I am a 12-year-old pupil
		subjects: []string{"我是一名", "我是一个", "我是个"},
		units:    []string{"周岁", "岁", "歲"},
		notAfter: []string{"时", "那", "以前", "之前"},
	},
	{ // ja: "私は12歳の娘がいます" is a 12-year-old daughter
		subjects: []string{"私は", "わたしは", "僕は", "ぼくは", "俺は", "あたしは", "うちは"},
		fillers:  []string{"今", "もう", "まだ"},
		units:    []string{"歳", "才", "さい"},
		notAfter: []string{"の", "に見え", "っぽ", "みたい", "くらい", "ぐらい"},
	},
	{ // ko: "저는 12살 딸이 있어요" is a 12-year-old daughter, "12살 때" when 12
		subjects:      []string{"저는", "나는", "제가", "내가", "전", "난", "저", "나", "제 나이는", "내 나이는"},
		wholeSubjects: true, // "나", not the end of a name: "유나 10살이야" is Yuna's age
		fillers:       []string{"올해", "이제", "지금"},
		units:         []string{"살", "세"},
		notAfter:      []string{" ", "때", "의", "처럼", "같"},
	},
	{ // ja, the writer unsaid at a sentence's start, then a copula: "12歳です", "10さいだよ"; not "12歳の娘"
		atStart: true,
		units:   []string{"歳", "才", "さい"},
		after:   []string{"です", "だよ", "だ", "になりました", "になった"},
	},
	{ // ko, the writer unsaid at the text's start, then a copula: "열두 살이에요", "12살이야"; not "12살이 된 딸"
		atStart: true,
		units:   []string{"살", "세"},
		after:   []string{"이에요", "이예요", "이야", "입니다", "이고", "이라", "이거든", "임"},
	},
	{ // hi
		subjects: []string{"मैं"},
		fillers:  []string{"अभी"},
		units:    []string{"साल", "वर्ष"},
		after:    []string{" का हूँ", " की हूँ", " का हूं", " की हूं"},
	},
	{subjects: []string{"मेरी उम्र", "मेरी आयु"}, units: []string{"साल", "वर्ष"}, after: []string{" है"}}, // hi: my age is
	{ // ar: my age is
		subjects: []string{"عمري", "انا عمري", "أنا عمري"},
		units:    []string{"سنة", "سنوات", "سنين", "عامًا", "عاما", "عام"},
	},
}

// enNotAfter, after an English age's unit, make it a time but not an age:
// "I'm 12 years younger", "I'm 11 years into my career", "12 years of
// experience", "I'm 10 years sober".
var enNotAfter = []string{" ago", " younger", " older", " into", " of ", " since", " married", " sober", " clean",
	" together", " experience", " in the ", " at the ", " with the "}

// enUnits are the units of an English age.
var enUnits = []string{"years old", "year old", "years", "year", "yrs old", "yrs", "yr", "y/o", "y.o.", "y.o", "yo"}

// notBefore are the words right before a subject that make what follows
// make-believe or a condition ("look like I'm 12", "as if I'm 12",
// "pretend I'm 12", "parece que tengo 12 años", "als ob ich 12 Jahre…").
var notBefore = wordset.New("like", "if", "pretend", "imagine", "though", "as", "when", "whether", "que", "si",
	"como", "se", "comme", "qu", "als", "ob", "wie", "dass", "будто", "как", "словно", "что", "когда")
