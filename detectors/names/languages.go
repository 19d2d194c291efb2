package names

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors/internal/wordset"
)

// mode is how a trigger's name is read.
type mode uint8

const (
	intro            mode = iota // a self-introduction in a cased script: "my name is", "me llamo"
	kinWord                      // a relative or friend, named after: "my daughter Emma" (see kin)
	possessive                   // "my", "mi", "meine": a relative's word may follow (see kin)
	signOff                      // a closing word, then a signature ends the text: "Thanks, Emma"
	han                          // Chinese: Han characters follow ("我叫李伟")
	hanSurname                   // Chinese: a name that starts with a common surname follows ("我是李伟")
	kanaAfter                    // Japanese: the name follows, up to です or と ("私の名前は田中です")
	kanaBefore                   // Japanese: the name comes before ("田中と申します")
	kanaSurname                  // Japanese: a name that starts with a common surname follows, then です ("私は田中です")
	hangul                       // Korean: the name follows, then 입니다, 이에요, ... ("제 이름은 김민준입니다")
	hangulSurname                // Korean: a name of three syllables, the first a common surname, then 입니다, ... ("저는 김민준입니다")
	devanagari                   // Hindi: the name follows, then है ("मेरा नाम राहुल है")
	cue                          // a word a given name in lower case may follow: "for emma" (see lowerGivenName)
	arabic                       // Arabic: one word follows ("اسمي محمد")
	kanaHonorific                // Japanese: a name that starts with a common surname comes before ("田中さん")
	hanTitle                     // Chinese: a name that starts with a common surname comes before ("王先生", "李伟老师")
	hangulHonorific              // Korean: a name of three syllables, the first a common surname, comes before ("김민준 씨")
	title                        // a title in a cased script: "Mr.", "Frau", "Sra.", "господин" (see titled)
	arabicTitle                  // Arabic: a title, then a word without the article ("السيد محمد")
	devanagariTitle              // Hindi: a title, then one or two words ("श्रीमती शर्मा", "डॉ. राहुल शर्मा")
	kunya                        // Arabic: "father of" or "mother of" and a given name of the list ("أبو محمد")
	hangulVocative               // Korean: a given name of the list comes before the vocative ("민준아", "지우야")
	arabicListed                 // Arabic: a given name of the list, not a word, follows a relative's word, "with", "يا" ("ابنتي سارة")
	arabicJoined                 // Arabic: such a name follows a preposition or "and" joined to it ("لسارة")
	devanagariBefore             // Hindi: a given name of the list comes before a postposition ("राहुल के लिए")
	kanaKin                      // Japanese: a relative's word and の, then a given name of the list ("娘のさくらの")
	hanBare                      // Chinese: a name that starts with a common surname follows a verb ("给王芳画")
	hanKinName                   // Chinese: such a name, or a nickname, follows a relative's word ("我女儿小美")
	hangulKin                    // Korean: a relative's word, then a given name of the list, maybe after a surname ("우리 딸 김서연")
)

// trigger is a phrase after (or before) which a name is written.
type trigger struct {
	phrase  string // in lower case
	mode    mode
	bounded bool // the phrase starts and ends at word boundaries
	// joined says a bounded phrase is a prefix that starts a word the
	// name ends ("ل" of "لسارة"): no boundary after it.
	joined bool
	lang   *language
	// asciiLen is the number of ASCII letters the phrase starts with:
	// "my name is" 2, "i'm called" 1.
	asciiLen int
	// exact says the phrase is matched byte for byte: it has no case and
	// no space ("我叫", "私の名前は").
	exact bool
}

// language holds the words a cased language introduces names with.
type language struct {
	intros      []string    // self-introductions: "my name is"
	greetings   []string    // phrases a capitalized name follows: "hi, i'm", "call me"
	signOffs    []string    // the closing words before a signature: "thanks", "regards"
	possessives []string    // "my", "our"
	adjectives  wordset.Set // between a possessive and a relative: "little", "best"
	kin         wordset.Set // relatives and friends: "daughter", "friend"
	connectors  wordset.Set // between a relative and the name: "named", "called"
	cues        []string    // words a given name in lower case may follow: "for", "and" (see lowerGivenName)
	titles      []string    // titles a capitalized name follows, a full stop maybe between: "mr", "frau", "sra"
	// capitalTitles says the language writes its titles with a capital
	// letter: "ms" is milliseconds, "Ms" a title.
	capitalTitles bool
	// capitalNouns says the language writes nouns with a capital letter
	// (German): elsewhere a capitalized relative ("Portrait Of My Wife
	// Wearing A Hat") says the text is in title case, where a capital
	// letter says nothing of names.
	capitalNouns bool
}

var casedLanguages = []*language{
	{ // en
		intros: []string{"my name is", "my name's", "i am called", "i'm called", "her name is", "his name is", "her name's",
			"his name's", "she is called", "he is called", "she's called", "he's called"},
		greetings: []string{"call me", "hi i'm", "hi, i'm", "hello i'm", "hello, i'm", "hey i'm", "hey, i'm", "hi i am",
			"hi, i am", "hello i am", "hello, i am", "hi this is", "hi, this is", "hello this is", "hello, this is"},
		signOffs: []string{"thanks", "thank you", "regards", "best regards", "kind regards", "cheers", "best", "love",
			"sincerely", "xoxo"},
		possessives:   []string{"my", "our"},
		titles:        []string{"mr", "mrs", "ms", "mx", "dr", "prof", "professor"}, // and "Dr." for every language
		capitalTitles: true,
		cues:          []string{"for", "with", "and", "to", "birthday", "dear", "named", "called", "love", "miss", "hi", "hello", "hey", "congrats", "congratulations"},
		adjectives:    wordset.New("little", "big", "older", "younger", "elder", "best", "baby", "dear", "late", "new", "old", "twin"),
		kin: wordset.New("daughter", "son", "wife", "husband", "mom", "mum", "mommy", "mother", "dad", "daddy", "father",
			"sister", "brother", "friend", "boyfriend", "girlfriend", "grandma", "grandmother", "granny", "grandpa",
			"grandfather", "baby", "kid", "child", "partner", "fiance", "fiancé", "fiancee", "fiancée", "aunt", "uncle",
			"cousin", "niece", "nephew", "granddaughter", "grandson", "bestie", "boss", "colleague", "girl", "boy",
			"bf", "gf", "bff", "hubby", "wifey", "bae"),
		connectors: wordset.New("named", "called"),
	},
	{ // es
		intros:      []string{"me llamo", "mi nombre es", "yo me llamo", "se llama", "su nombre es"},
		greetings:   []string{"soy", "yo soy"}, // nationalities and trades are written in lower case
		signOffs:    []string{"gracias", "saludos", "un saludo", "un abrazo", "besos"},
		possessives: []string{"mi", "nuestra", "nuestro"},
		titles:      []string{"señor", "señora", "señorita", "sr", "sra", "srta", "doña", "dra"},
		cues:        []string{"para", "con", "y", "querida", "querido", "hola", "llamada", "llamado", "cumpleaños"},
		adjectives:  wordset.New("querida", "querido", "pequeña", "pequeño", "mejor"),
		kin: wordset.New("hija", "hijo", "esposa", "esposo", "mujer", "marido", "mamá", "madre", "papá", "padre",
			"hermana", "hermano", "amiga", "amigo", "novia", "novio", "abuela", "abuelo", "bebé", "prima", "primo",
			"tía", "tío", "sobrina", "sobrino", "nieta", "nieto", "pareja"),
		connectors: wordset.New("llamada", "llamado", "que", "se", "llama"),
	},
	{ // pt
		intros:      []string{"meu nome é", "me chamo", "eu me chamo", "se chama", "o nome dela é", "o nome dele é"},
		greetings:   []string{"sou", "sou o", "sou a", "eu sou", "eu sou o", "eu sou a"},
		signOffs:    []string{"obrigado", "obrigada", "abraços", "beijos", "att"},
		possessives: []string{"minha", "meu", "nossa", "nosso"},
		titles:      []string{"senhor", "senhora", "dona"}, // and Spanish's "Sr.", "Sra.", "Dra."
		cues:        []string{"para", "com", "e", "querida", "querido", "olá", "oi", "chamada", "chamado", "aniversário", "parabéns"},
		adjectives:  wordset.New("querida", "querido", "pequena", "pequeno", "melhor"),
		kin: wordset.New("filha", "filho", "esposa", "marido", "mulher", "mãe", "pai", "irmã", "irmão", "amiga", "amigo",
			"namorada", "namorado", "avó", "avô", "bebê", "prima", "primo", "tia", "tio", "neta", "neto", "sobrinha", "sobrinho"),
		connectors: wordset.New("chamada", "chamado", "que", "se", "chama"),
	},
	{ // fr
		intros: []string{"je m'appelle", "mon nom est", "mon prénom est", "elle s'appelle", "il s'appelle", "son nom est",
			"son prénom est"},
		greetings:   []string{"je suis", "moi c'est", "c'est moi,"},
		signOffs:    []string{"merci", "cordialement", "bisous", "bises"},
		possessives: []string{"ma", "mon", "notre"},
		titles:      []string{"monsieur", "madame", "mademoiselle", "mme", "mlle", "docteur", "m"}, // "M. Martin"
		cues:        []string{"pour", "avec", "et", "chère", "cher", "salut", "bonjour", "anniversaire", "appelée", "appelé"},
		adjectives:  wordset.New("petite", "petit", "chère", "cher", "meilleure", "meilleur", "grande", "grand"),
		kin: wordset.New("fille", "fils", "femme", "mari", "mère", "maman", "père", "papa", "sœur", "soeur", "frère",
			"ami", "amie", "copine", "copain", "grand-mère", "grand-père", "bébé", "cousine", "cousin", "tante",
			"oncle", "nièce", "neveu", "petite-fille", "petit-fils", "compagne", "compagnon"),
		connectors: wordset.New("nommée", "nommé", "appelée", "appelé", "qui", "s'appelle"),
	},
	{ // de
		intros: []string{"ich heiße", "ich heisse", "mein name ist", "mein vorname ist", "sie heißt", "er heißt", "ihr name ist",
			"sein name ist"},
		signOffs:      []string{"danke", "grüße", "viele grüße", "liebe grüße", "lg", "vg", "gruß", "mfg"},
		possessives:   []string{"mein", "meine", "meinen", "meinem", "meiner", "unser", "unsere", "unseren", "unserem", "unserer"},
		titles:        []string{"herr", "herrn", "frau"},
		capitalTitles: true,
		cues:          []string{"für", "mit", "und", "liebe", "lieber", "hallo", "geburtstag", "namens"},
		adjectives:    wordset.New("kleine", "kleinen", "kleiner", "liebe", "lieben", "lieber", "beste", "besten", "bester", "große", "großen"),
		kin: wordset.New("tochter", "sohn", "frau", "mann", "mutter", "mama", "vater", "papa", "schwester", "bruder",
			"freund", "freundin", "oma", "opa", "großmutter", "großvater", "baby", "cousine", "cousin", "tante",
			"onkel", "nichte", "neffe", "enkelin", "enkel", "partner", "partnerin", "verlobte", "verlobter",
			"sohnes", "bruders"),
		connectors:   wordset.New("namens", "die", "der", "heißt", "mit", "namen"),
		capitalNouns: true,
	},
	{ // ru
		intros:      []string{"меня зовут", "моё имя", "мое имя", "её зовут", "ее зовут", "его зовут"},
		greetings:   []string{"привет, я", "привет я", "здравствуйте, я"},
		signOffs:    []string{"спасибо", "с уважением"},
		possessives: []string{"мой", "моя", "моё", "мое", "мою", "моей", "моего", "моему", "наш", "наша", "нашу", "нашей", "нашего"},
		titles:      []string{"господин", "госпожа", "господина", "госпожи", "господину", "госпоже"},
		cues:        []string{"для", "с", "и", "привет", "дорогая", "дорогой", "рождения"},
		adjectives:  wordset.New("младшая", "младший", "старшая", "старший", "лучшая", "лучший", "маленькая", "маленький", "любимая", "любимый"),
		kin: wordset.New("дочь", "дочка", "дочери", "дочку", "сын", "сына", "сыну", "жена", "жену", "жены", "муж", "мужа",
			"мама", "маму", "мамы", "мать", "папа", "папу", "отец", "сестра", "сестру", "сестры", "брат", "брата",
			"друг", "друга", "подруга", "подругу", "бабушка", "бабушку", "дедушка", "дедушку", "внучка", "внук"),
		connectors: wordset.New("по", "имени", "зовут"),
	},
}

// The phrases of the languages written without capital letters.
var (
	chinesePhrases = []string{"我叫", "我名叫", "我的名字是", "我的名字叫", "名字叫", "名叫", "女儿叫", "儿子叫", "老婆叫", "老公叫",
		"妻子叫", "丈夫叫", "妈妈叫", "爸爸叫", "朋友叫", "宝宝叫", "孩子叫", "闺女叫", "闺蜜叫", "姐姐叫", "妹妹叫",
		"哥哥叫", "弟弟叫", "奶奶叫", "爷爷叫", "他叫", "她叫"}
	japaneseBeforeName = []string{"私の名前は", "わたしの名前は", "僕の名前は", "俺の名前は", "娘の名前は", "息子の名前は",
		"妻の名前は", "夫の名前は", "母の名前は", "父の名前は", "友達の名前は", "彼女の名前は", "彼の名前は"}
	japaneseAfterName = []string{"と申します", "といいます", "と言います"}
	koreanPhrases     = []string{"제 이름은", "내 이름은", "저의 이름은", "나의 이름은", "딸 이름은", "아들 이름은", "딸의 이름은",
		"아들의 이름은", "친구 이름은", "엄마 이름은", "아빠 이름은", "아내 이름은", "남편 이름은"}
	hindiPhrases = []string{"मेरा नाम", "मेरी बेटी का नाम", "मेरे बेटे का नाम", "मेरी पत्नी का नाम", "मेरे पति का नाम",
		"मेरी माँ का नाम", "मेरे पिता का नाम", "मेरे दोस्त का नाम", "मेरी दोस्त का नाम", "उसका नाम", "उसके नाम", "उनका नाम"}
	arabicPhrases = []string{"اسمي", "اسمه", "اسمها", "يدعى", "تدعى", "يُدعى", "تُدعى"}
	// Hindi titles that only a name follows: Mrs., Ms., Dr. ("श्री", Mr.,
	// also starts a god's name: "जय श्री राम").
	hindiTitles = []string{"श्रीमती", "सुश्री", "डॉ."}
	// Arabic titles, also after the preposition "ل" (for), which drops
	// the article's alif: "للسيد".
	arabicTitles = []string{"السيد", "السيدة", "الأستاذ", "الأستاذة", "الدكتور", "الدكتورة", "للسيد", "للسيدة", "للأستاذ",
		"للأستاذة", "للدكتور", "للدكتورة"}
	// The honorifics and titles written after a name, without a space
	// (Korean also with one): "田中さん", "王老师", "김민준님".
	japaneseHonorifics = []string{"さん", "さま", "様", "くん", "君", "ちゃん", "先生", "氏"}
	chineseTitles      = []string{"先生", "女士", "小姐", "太太", "老师", "同学", "医生", "教授", "经理", "律师", "阿姨", "叔叔", "老板"}
	koreanHonorifics   = []string{"씨", "님"}
)

// stopWords are words that no name is, in any case: the function words
// of the cased languages, which follow "my name is" when no name does, and
// the nouns German capitalizes after a relative ("meiner Tochter
// Geburtstag").
var stopWords = wordset.New(
	"not", "a", "an", "the", "also", "still", "so", "very", "just", "on", "in", "at", "and", "but", "or", "that",
	"this", "what", "unknown", "secret", "private", "is", "was", "too", "kind", "of", "from", "here", "there",
	"please", "thanks", "thank", "hidden", "long", "hard", "weird", "same", "different", "actually", "really",
	"for", "with", "back", "now", "up", "it", "me", "you", "my", "your", "our", "her", "his", "their", "i", "im",
	"i'm", "and", "to", "if", "when", "because", "as", "by", "into", "like", "who", "will", "would", "can", "could",
	"no", "es", "un", "una", "el", "la", "los", "las", "y", "o", "de", "del", "que", "con", "por", "para", "muy",
	"también", "aquí", "não", "é", "um", "uma", "os", "as", "e", "ou", "do", "da", "com", "muito", "pas", "ne",
	"une", "le", "les", "et", "du", "des", "avec", "pour", "très", "aussi", "nicht", "ein", "eine", "der", "die",
	"das", "und", "oder", "von", "mit", "für", "sehr", "auch", "ist", "не", "и", "или", "в", "на", "с", "для",
	"очень", "тоже", "это",
	"how", "comment", "quoi", "cómo", "como", "wie", "как", // "il s'appelle comment ?": what is his name?
	"written", "shown", "displayed", "missing", "wrong", "spelled", "misspelled", "cut", "printed", "correct",
	"right", "incorrect", "visible", "above", "below", "like", "on", "off", "spelt", "long", "short",
	"christmas", "xmas", "easter", "halloween", "thanksgiving", "valentine", "valentine's", "birthday", "wedding",
	"weihnachten", "ostern", "navidad", "pascua", "noël", "natal", "páscoa",
	"wishes", "regards", "again", "much", "lot", "everyone", "all", "guys", "team", "advance", "anyway",
	"sie", "dich", "euch", "willkommen", // "ich heiße Sie willkommen": I welcome you
	"geburtstag", "hochzeit", "foto", "fotos", "bild", "bilder", "zimmer", "party", "katze", "hund", "auto", "haus",
	"garten", "urlaub", "lieblingsfarbe", "porträt", "portrait", "gesicht", "stil",
)

// particles join the capitalized words of one name: "Maria da Silva",
// "Ludwig van Beethoven".
var particles = wordset.New("da", "de", "del", "della", "der", "di", "do", "dos", "das", "du", "van", "von", "le", "bin", "ibn", "al", "el")

// byWord lists the triggers whose phrase starts with n ASCII letters, the
// first c in lower case, at byWord[c-'a'][n]; byRune lists the others by
// the first character of their phrase, in either case, and firstBytes and
// firstRunes hold those characters (firstBytes also the capitals that
// start a given name, see givenFirst).
var (
	byWord     [26][maxWord][]*trigger
	byRune     = map[rune][]*trigger{}
	firstBytes byteFilter
	firstRunes runeFilter
)

// byteFilter is a set of characters beyond ASCII, told from their first two
// bytes without decoding them: it may report some others too.
type byteFilter [256]uint64

func (f *byteFilter) add(r rune) {
	var b [utf8.UTFMax]byte
	utf8.EncodeRune(b[:], r)
	f[b[0]] |= 1 << (b[1] & 63)
}

// has reports whether the character at text[i] may be in f.
func (f *byteFilter) has(text []byte, i int) bool {
	return i+1 < len(text) && f[text[i]]>>(text[i+1]&63)&1 != 0
}

// runeFilter is a set of characters that may report some others too.
type runeFilter [4096 / 64]uint64

func (f *runeFilter) add(r rune)      { f[r&4095>>6] |= 1 << (r & 63) }
func (f *runeFilter) has(r rune) bool { return f[r&4095>>6]>>(r&63)&1 != 0 }

func init() {
	add := func(t *trigger) {
		first, _ := utf8.DecodeRuneInString(t.phrase)
		t.exact = first >= caseless && !strings.ContainsRune(t.phrase, ' ')
		for t.asciiLen < len(t.phrase) && 'a' <= t.phrase[t.asciiLen] && t.phrase[t.asciiLen] <= 'z' {
			t.asciiLen++
		}
		if t.asciiLen > 0 {
			byWord[t.phrase[0]-'a'][t.asciiLen] = append(byWord[t.phrase[0]-'a'][t.asciiLen], t)
			return
		}
		for _, r := range []rune{first, unicode.ToUpper(first)} {
			if r == first && len(byRune[r]) > 0 && byRune[r][len(byRune[r])-1] == t {
				continue // a character without case, added already
			}
			byRune[r] = append(byRune[r], t)
			firstRunes.add(r)
			firstBytes.add(r)
		}
	}
	for _, l := range casedLanguages {
		for _, p := range l.intros {
			add(&trigger{phrase: p, mode: intro, bounded: true, lang: l})
		}
		for _, p := range l.greetings {
			add(&trigger{phrase: p, mode: kinWord, bounded: true, lang: l})
		}
		for _, p := range l.signOffs {
			add(&trigger{phrase: p, mode: signOff, bounded: true, lang: l})
		}
		for _, p := range l.possessives {
			add(&trigger{phrase: p, mode: possessive, bounded: true, lang: l})
		}
		for _, p := range l.cues {
			add(&trigger{phrase: p, mode: cue, bounded: true, lang: l})
		}
		for _, p := range l.titles {
			add(&trigger{phrase: p, mode: title, bounded: true, lang: l})
		}
	}
	for _, g := range []struct {
		phrases []string
		mode    mode
		bounded bool
	}{
		{chinesePhrases, han, false},
		{[]string{"我是"}, hanSurname, false},
		{[]string{"저는", "나는"}, hangulSurname, true},
		{japaneseBeforeName, kanaAfter, false},
		{japaneseAfterName, kanaBefore, false},
		{[]string{"私は", "わたしは", "僕は", "ぼくは"}, kanaSurname, false},
		{koreanPhrases, hangul, true},
		{hindiPhrases, devanagari, true},
		{arabicPhrases, arabic, true},
		{arabicTitles, arabicTitle, true},
		{[]string{"أبو", "ابو", "أم", "ام"}, kunya, true},
		{hindiTitles, devanagariTitle, true},
		{japaneseHonorifics, kanaHonorific, false},
		{chineseTitles, hanTitle, false},
		{koreanHonorifics, hangulHonorific, false},
		{hanVerbs, hanBare, false},
		{hanKin, hanKinName, false},
		{koreanKin, hangulKin, true},
		{[]string{"아", "야", "이"}, hangulVocative, false},
		{arabicBeforeName, arabicListed, true},
		{arabicPrefixes, arabicJoined, true},
		{hindiAfterName, devanagariBefore, true},
		{japaneseKinOf, kanaKin, false},
	} {
		for _, p := range g.phrases {
			add(&trigger{phrase: p, mode: g.mode, bounded: g.bounded, joined: g.mode == arabicJoined, lang: &language{}})
		}
	}
	// The triggers that need no word's start come first, so that try
	// stops at the first that does inside a word.
	for r, ts := range byRune {
		slices.SortStableFunc(ts, func(a, b *trigger) int {
			switch {
			case a.bounded == b.bounded:
				return 0
			case b.bounded:
				return -1
			}
			return 1
		})
		byRune[r] = ts
	}
}

// maxWord bounds the first words of phrases that byWord indexes, in bytes.
const maxWord = wordset.MaxWord
