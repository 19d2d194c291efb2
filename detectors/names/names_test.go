package names

import (
	"bytes"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/detectors/internal/spantest"
)

func TestAppendSpans(t *testing.T) {
	spantest.Run(t, AppendSpans, detectors.Name, []spantest.Case{
		// Self-introductions in cased scripts.
		{"en intro", "Hi, my name is Emily Jones and I want a Ghibli portrait", []string{"Emily Jones"}},
		{"en intro lower case", "my name is emma, make me a princess", []string{"emma"}},
		{"en intro lower case two words", "my name is li wei", []string{"li wei"}},
		{"en relative, lower case", "make a card for my daughter emma; put my bf jake in the pic; me and my bestie sophia", []string{"emma", "jake", "sophia"}},
		{"en relative, lower case words", "my son will love it, my daughter frank and honest, my friend rose to the occasion", nil},
		{"en third person", "an anime version of my wife, her name is Siobhan O'Sullivan", []string{"Siobhan O'Sullivan"}},
		{"third person, other languages", "se llama Lucía; elle s'appelle Chloé Martin; sie heißt Lena; её зовут Анастасия", []string{"Lucía", "Chloé Martin", "Lena", "Анастасия"}},
		{"en intro capital", "MY NAME IS Chris. Make it pop", []string{"Chris"}},
		{"en intro apostrophe", "My name's Olivia O'Brien-Clarke!", []string{"Olivia O'Brien-Clarke"}},
		{"en intro quoted", `my name is "Sarah"`, []string{"Sarah"}},
		{"en intro JSON-quoted", `my name is \"Sarah\"`, []string{"Sarah"}},
		{"en intro particle", "My name is Maria da Silva, from Lisbon", []string{"Maria da Silva"}},
		{"en call me", "Call me Ishmael.", []string{"Ishmael"}},
		{"es intro", "Hola, me llamo Lucía Fernández y quiero un retrato", []string{"Lucía Fernández"}},
		{"es intro nombre", "Mi nombre es Carlos López.", []string{"Carlos López"}},
		{"pt intro", "Olá, meu nome é João Silva", []string{"João Silva"}},
		{"pt me chamo", "Eu me chamo Ana, faça um avatar", []string{"Ana"}},
		{"pt eu sou a", "Eu sou a Beatriz", []string{"Beatriz"}},
		{"pt eu sou a, no name", "eu sou a melhor mãe do mundo", nil},
		{"de ich bin die", "ich bin die Beste", nil},
		{"de welcome", "Ich heiße Sie herzlich willkommen", nil},
		{"fr intro", "Bonjour, je m'appelle Chloé Martin", []string{"Chloé Martin"}},
		{"fr intro typographic apostrophe", "je m’appelle Chloé", []string{"Chloé"}},
		{"de intro", "Hallo, ich heiße Lukas Müller und möchte ein Bild", []string{"Lukas Müller"}},
		{"de intro name", "Mein Name ist Anna.", []string{"Anna"}},
		{"ru intro", "Привет, меня зовут Иван Петров", []string{"Иван Петров"}},
		{"ru intro lower case", "меня зовут анна", []string{"анна"}},
		// Greetings and signatures.
		{"en greeting", "Hi, I'm Olivia! Can you fix the lighting?", []string{"Olivia"}},
		{"en greeting this is", "hello this is David Wilson, I need a logo", []string{"David Wilson"}},
		{"es greeting", "Hola, soy Lucía y quiero un dibujo", []string{"Lucía"}},
		{"fr greeting", "Salut, je suis Hugo", []string{"Hugo"}},
		{"es soy", "Soy Lucía y quiero un retrato", []string{"Lucía"}},
		{"es soy, no name", "soy de Madrid y soy ingeniera", nil},
		{"fr je suis, no name", "je suis française, je suis À la plage", nil},
		{"pt sou", "Sou a Mariana", []string{"Mariana"}},
		{"ru greeting", "Привет, я Маша", []string{"Маша"}},
		{"en signature", "Please make it brighter. Thanks, Emma", []string{"Emma"}},
		{"en signature line", `Make it pop!\n\nBest regards,\nJohn Smith :)`, []string{"John Smith"}},
		{"de signature", "Bitte heller machen. Viele Grüße\nLukas", []string{"Lukas"}},
		{"pt signature", "Obrigada, Ana!", []string{"Ana"}},
		{"signature not at the end", "Thanks, Bolt. Also make it blue", nil},
		{"signature no break", "it looks the best Paris", nil},
		{"signature title case", "Thanks, Best Wishes", nil},
		{"en greeting lower", "hi i'm looking for a filter", nil},
		{"zh wo shi", "我是李伟，帮我修图", []string{"李伟"}},
		{"zh wo shi stop", "我是王芳想要证件照", []string{"王芳"}},
		{"zh wo shi student", "我是学生，帮我修图", nil},
		{"zh wo shi expert", "我是高手，不用教", nil},
		{"zh wo shi long", "我是金牌会员", nil},
		{"zh wo shi compound surname", "你好，我是欧阳娜娜，请把背景换成白色", []string{"欧阳娜娜"}},
		{"ko jeoneun", "저는 김민준입니다. 사진 보정해 주세요", []string{"김민준"}},
		{"ko jeoneun student", "저는 학생입니다", nil},
		{"ko jeoneun korean", "저는 한국인입니다", nil},
		{"ko jeoneun no copula", "저는 이사를 가요", nil},
		// Relatives and friends.
		{"en kin", "Make a birthday card for my daughter Emma with unicorns", []string{"Emma"}},
		{"en kin adjective", "put my little sister Mia next to my best friend Zoe Adams", []string{"Mia", "Zoe Adams"}},
		{"en kin comma", "my husband, David, wants a poster", []string{"David"}},
		{"en kin named", "a drawing of my son named Lucas", []string{"Lucas"}},
		{"en kin possessive s", "my daughter Emma's party", []string{"Emma"}},
		{"es kin", "Haz un collage para mi hija Sofía", []string{"Sofía"}},
		{"es kin que se llama", "mi abuela que se llama Carmen Ruiz", []string{"Carmen Ruiz"}},
		{"pt kin", "uma foto da minha filha Beatriz", []string{"Beatriz"}},
		{"fr kin", "un portrait de ma fille Léa", []string{"Léa"}},
		{"de kin", "ein Bild von meiner Tochter Emma", []string{"Emma"}},
		{"de kin namens", "mein Sohn namens Felix", []string{"Felix"}},
		{"ru kin", "открытка для моей дочери Маши", []string{"Маши"}},
		// Scripts without capitals.
		{"zh intro", "我叫李伟，帮我做一张头像", []string{"李伟"}},
		{"zh intro stop", "我叫王芳想要一张证件照", []string{"王芳"}},
		{"zh name", "我的名字是欧阳娜娜", []string{"欧阳娜娜"}},
		{"zh kin", "我女儿叫小美，给她画一张", []string{"小美"}},
		{"zh kin, a day's character in the name", "我儿子叫小明，我叫李伟明天来接他，她叫王小明今年八岁", []string{"小明", "李伟", "王小明"}},
		{"zh kin, a day's character after the phrase", "帮我叫明天的车，我叫王今天很开心", nil},
		{"ja after", "私の名前は田中花子です。", []string{"田中花子"}},
		{"ja after to", "私の名前は佐藤といいます", []string{"佐藤"}},
		{"ja before", "はじめまして、鈴木一郎と申します", []string{"鈴木一郎"}},
		{"ja kin, no honorific", "娘のさくらの誕生日カードを作って。息子の翔太と妻の恵も", []string{"さくら", "翔太", "恵"}},
		{"ja kin, a word", "妻の恵みに感謝、娘のさくら色のドレス、娘の写真", nil},
		{"ja before particle", "私は田中と申します", []string{"田中"}},
		{"ja watashi wa", "はじめまして。私は佐藤美咲です。写真を明るくしてください", []string{"佐藤美咲"}},
		{"ja watashi wa student", "私は学生です", nil},
		{"ja watashi wa no copula", "私は田中さんの写真が好き", []string{"田中"}},
		{"ko", "제 이름은 김민준입니다", []string{"김민준"}},
		{"ko space", "내 이름은 이서연 이에요", []string{"이서연"}},
		{"ko kin", "딸 이름은 박지우예요", []string{"박지우"}},
		{"hi", "नमस्ते, मेरा नाम राहुल शर्मा है", []string{"राहुल शर्मा"}},
		{"hi copula first", "मेरा नाम है प्रिया", []string{"प्रिया"}},
		{"ar", "مرحبا، اسمي محمد وأريد صورة", []string{"محمد"}},
		{"ar copula", "اسمي هو فاطمة", []string{"فاطمة"}},
		{"ar father's name", "مرحبا، اسمي أحمد علي حسن وأريد صورة", []string{"أحمد علي حسن"}},
		{"ar then no name", "اسمي محمد وأريد صورة", []string{"محمد"}},
		{"hi before postpositions", "राहुल के लिए कार्ड, अमित कुमार ने भेजा, प्रिया और राहुल की शादी", []string{"राहुल", "अमित कुमार", "प्रिया", "राहुल"}},
		{"hi family name before ji", "शर्मा जी को धन्यवाद", []string{"शर्मा"}},
		{"hi words, a family name alone", "विजय के बाद पूजा के लिए फूल, शर्मा के घर", nil},
		{"a name after a token", "thanks to <HANDLE:k1:hqxjxvytnpqpvkmnsvhythmx> Emma Watson", nil},
		{"a name glued to digits", "call me AA0100000000, my name is Emma2024", nil},
		{"ar joined for", "اصنع بطاقة عيد ميلاد لسارة مع بالونات", []string{"سارة"}},
		{"ar with, father's name", "صورة لي مع أحمد علي في الحديقة", []string{"أحمد علي"}},
		{"ar kin after for and and", "اصنع بطاقة لابنتي مريم، ولزوجي أحمد", []string{"مريم", "أحمد"}},
		{"ar kin, vocative, and", "ابنتي مريم تحب القطط، يا فاطمة، ولد وخالد", []string{"مريم", "فاطمة", "خالد"}},
		{"ar words that are names", "عيد ميلاد سعيد يا جميل، لحسن الحظ، لعلي أجد، لدينا، رمضان مبارك، ابنتي الصغيرة، لمفتاح", nil},
		{"ar inside a word", "ألسارة، والد، لكن", nil},
		// Honorifics and titles after a name.
		{"ja san", "田中さんの似顔絵を描いて", []string{"田中"}},
		{"ja sama full name", "同僚の鈴木一郎様へのお礼のカード", []string{"鈴木一郎"}},
		{"ja chan hiragana given name", "伊藤さくらちゃんの誕生日カード", []string{"伊藤さくら"}},
		{"ja sensei", "小林先生、ありがとうございました", []string{"小林"}},
		{"ja kun after particle", "友達の佐々木くんと私", []string{"佐々木"}},
		{"ja mother, everyone", "お母さんと皆さんの集合写真、神様の絵、お客様へ", nil},
		{"ja many, grandmother", "たくさんの花と田中のおばあちゃん", nil},
		{"ja baby", "赤ちゃんの写真を明るくして", nil},
		{"ja kin", "娘のさくらちゃんの誕生日カード、息子の翔太くんも", []string{"さくら", "翔太"}},
		{"ja kin polite prefix", "娘のお友達さん", nil},
		{"ja no surname", "山川さんの写真", nil},
		{"ja given name alone", "陽菜ちゃんの誕生日カード、翔太くんと", []string{"陽菜", "翔太"}},
		{"ja given name in kana after a particle", "これはさくらちゃんの写真、はるとくんも", []string{"さくら", "はると"}},
		{"ja given name inside a word", "拡大翔くん、ねこちゃんとわんちゃん、みなさん", nil},
		{"zh xiansheng", "这是王先生的照片", []string{"王"}},
		{"zh full name", "帮我给李伟老师做一张感谢卡", []string{"李伟"}},
		{"zh full name at start", "王芳女士的证件照，背景换成蓝色", []string{"王芳"}},
		{"zh compound surname", "给欧阳娜娜老师的贺卡", []string{"欧阳娜娜"}},
		{"zh after measure word", "这位张先生想要头像", []string{"张"}},
		{"zh thanks", "感谢王老师的照顾", []string{"王"}},
		{"zh subjects", "我的历史老师和数学老师，英语老师", nil},
		{"zh subject with a surname's character", "金融老师、高级经理和高中同学", nil},
		{"zh husband", "我先生和这位女士", nil},
		{"zh old lady", "老太太和大小姐", nil},
		{"zh occupation", "牙科医生和项目经理", nil},
		// Chinese names after a verb, with no phrase or title.
		{"zh bare after gei", "给王芳画一张生日贺卡", []string{"王芳"}},
		{"zh bare after ba, de", "把李伟的照片变成油画", []string{"李伟"}},
		{"zh bare given pair", "帮张小明生成一张头像", []string{"张小明"}},
		{"zh bare after he", "我和陈静在海边的合照", []string{"陈静"}},
		{"zh bare list", "给王芳、李娜和张伟做一张合影", []string{"王芳", "李娜", "张伟"}},
		{"zh bare before latin", "把我和王磊P到一起", []string{"王磊"}},
		{"zh bare compound surname", "为欧阳娜娜设计一张海报", []string{"欧阳娜娜"}},
		{"zh bare at end", "生日快乐，祝刘洋", []string{"刘洋"}},
		{"zh bare at start", "王芳的生日贺卡，要粉色", []string{"王芳"}},
		{"zh bare after punctuation", "谢谢！张小明想要一张头像", []string{"张小明"}},
		{"zh bare transliterations", "史迪奇的海报，和卢森堡的风景，莫斯科的雪", nil},
		{"zh bare words", "给白雪公主画裙子，和高山流水一样，把白天变成黑夜，给熊猫戴上帽子，和金鱼一起，把高清照片变成漫画", nil},
		{"zh bare words with given characters", "和白云一起飘，把金光闪闪的效果加上，把高雅的气质画出来，和汪洋大海，帮万佳超市，把陶艺作品拍好看", nil},
		{"zh after a relative", "给我和我老婆王芳做一张婚纱照，把我儿子张小明的照片变成动漫风格，我闺蜜欧阳娜娜和我", []string{"王芳", "张小明", "欧阳娜娜"}},
		{"zh after a relative, words", "我儿子张开双臂，我女儿高兴地笑，我老公王者荣耀的皮肤，我朋友明天来", nil},
		{"zh nickname after a relative", "帮我女儿小美画一张，我儿子小明的照片，我老公阿强P进来", []string{"小美", "小明", "阿强"}},
		{"zh nickname after a relative, words", "我女儿小时候的照片，我女儿小心地抱着猫，我女儿小一了，我儿子小学毕业，宝宝小手，我女儿小红帽造型，孩子小可爱", nil},
		{"zh bare no given name", "给马画一个马鞍，把宋体换成黑体，给石榴上色", nil},
		{"ko ssi", "김민준 씨에게 보낼 감사 카드", []string{"김민준"}},
		{"ko nim attached", "이서연님, 생일 축하합니다", []string{"이서연"}},
		{"ko ssi attached particle", "박지훈씨는 사진을 좋아해요", []string{"박지훈"}},
		{"ko weather, handwriting", "오늘날씨가 좋아요, 손글씨 느낌으로", nil},
		{"ko titles", "이사장님과 변호사님, 선생님", nil},
		{"ko seed", "수박 씨앗, 김민준 씨름", nil},
		{"ko two syllables", "준호 씨, 아저씨", nil},
		{"ko given name alone", "민준 씨에게, 서연님께", []string{"민준", "서연"}},
		{"ko vocative", "민준아, 생일 축하해! 유나야 사랑해, 박서연아 고마워", []string{"민준", "유나", "박서연"}},
		{"ko i before a particle", "민준이 생일 카드, 서연이랑 같이, 하은이에게", []string{"민준", "서연", "하은"}},
		{"ko i as no name's", "이 사진, 민준이다, 유나이, 민준이네", nil},
		{"ko vocative wrong form, words", "민준야, 좋아 아이야, 지원아, 민준아저씨", nil},
		{"ko after a relative", "우리 딸 김서연 사진을, 제 친구 민준이랑, 남편 박지훈과, 아들 도윤", []string{"김서연", "민준", "박지훈", "도윤"}},
		{"ko after a relative, a name of the last years", "제 딸 김지우(8살) 사진, 아들 시우랑", []string{"김지우", "시우"}},
		{"ko a verb as a name is written", "배경 지우고 사진 지우기, 딸 지우개", nil},
		{"ko after a relative, words", "우리 딸 고양이 사진, 아들 강아지, 친구 지원을, 엄마 이야기, 딸 서연희, 딸아이 민준", nil},
		{"ko title", "김민준 선생님께 드릴 카드, 박 과장님 사진", []string{"김민준", "박"}},
		{"ko title after this, a word", "이 선생님은 좋아요, 우리 선생님, 오늘 선생님, 유치원 선생님", nil},
		// Titles before a name.
		{"en mr", "Make a thank-you card for Mr. Smith", []string{"Smith"}},
		{"en dr possessive", "a poster for Dr. Patel's clinic", []string{"Patel"}},
		{"en ms full name", "Ms. Emily Jones, retired", []string{"Emily Jones"}},
		{"en title case", "Thank You Mr. Smith", []string{"Smith"}},
		{"en saint's name", "Thank you, Mrs. St. Clair. Make it blue", []string{"St. Clair"}},
		{"de titles", "für Herrn Müller und Frau Schmidt", []string{"Müller", "Schmidt"}},
		{"fr title", "pour Monsieur Dupont et madame Martin", []string{"Dupont", "Martin"}},
		// French's "M.": a capital, a full stop and a space; not an
		// abbreviation's last letter, nor a module's name.
		{"fr title M.", "Mme Dubois et M. Martin; Steven M. Schweda", []string{"Dubois", "Martin", "Schweda"}},
		{"not a title M.", "at 9 A.M. Breakfast, 10 P.M. Sharp, <class 'M.Foo'>, 5 m Cape", nil},
		{"es title", "para la Sra. García", []string{"García"}},
		{"ru title", "для господина Иванова", []string{"Иванова"}},
		{"ar title", "بطاقة للسيد أحمد", []string{"أحمد"}},
		{"ar title father's name", "السيدة فاطمة علي", []string{"فاطمة علي"}},
		{"en products and characters", "a can of Dr. Pepper with Mr. Bean, Doctor Who and Professor Somebody", nil},
		{"en an address's drive", "Meet me at 12 Ocean Dr. Miami", nil},
		{"en units and capitals", "4826 ms: Mark-sweep; MS Windows, MR. SMITH", nil},
		{"en lower case", "mr Smith", nil},
		{"de a woman", "eine Frau Mitte 30 am Strand, meine Frau Anna", []string{"Anna"}},
		{"de spoken title", "ein Bild für die Frau Müller und den Herrn Becker", []string{"Müller", "Becker"}},
		{"ar office", "السيد الرئيس", nil},
		{"ar kunya", "صورة لأبو محمد، وبطاقة لـ أم أحمد", []string{"أم أحمد"}},
		{"ar kunya, no name", "رحلة إلى أبو ظبي، صورة أم فيديو", nil},
		{"hi titles", "श्रीमती शर्मा के लिए कार्ड, डॉ. राहुल शर्मा को धन्यवाद", []string{"शर्मा", "राहुल शर्मा"}},
		{"hi title alone, a god's name", "डॉ. साहब को दिखाओ, जय श्री राम", nil},
		// What no name follows.
		{"en not a name", "my name is not important, just make it blue", nil},
		{"en call me back", "call me back tomorrow", nil},
		{"en call me lower", "call me tomorrow at noon", nil},
		{"en kin lower", "make my daughter look like a princess", nil},
		{"en kin pronoun", "my son and I at the beach", nil},
		{"en my word", "remove my sonata from the video", nil},
		{"en possessive no kin", "my Photos are blurry", nil},
		{"en inside word", "enemy name is Bolt", nil},
		{"en name only", "name is Bolt", nil},
		{"de noun", "meiner Tochter Geburtstag ist morgen", nil},
		{"de sentence start", "Meine Tochter Emma mag Katzen", []string{"Emma"}},
		{"title case", "A Portrait Of My Wife Wearing A Red Hat", nil},
		{"upper case", "MY DAUGHTER EMMA", nil},
		{"holiday", "a card for my mom Christmas themed", nil},
		{"en name not given", "my name is spelled wrong in the credits", nil},
		{"a question", "il s'appelle comment ? his name is what again?", nil},
		{"hi no name", "फ़ोटो का नाम बदलना है", nil},
		{"zh order a car", "帮我叫一辆车", nil},
		{"zh call you", "我叫你", nil},
		{"zh one character", "他叫我", nil},
		{"ja long", "私の名前はとても長くて覚えにくいのでニックネームで呼んで", nil},
		{"ko file", "파일 이름은 사진입니다", nil},
		{"hi no copula", "इसका नाम बदलो", nil},
		{"ar one letter", "اسمي م", nil},
		{"token", "my name is <NAME:k1:ghjkmnpqrstvwxyzghjkmnpq>", nil},
		{"label", "my daughter [NAME] loves cats", nil},
		{"empty", "", nil},
	})
}

func TestAppendSpansGivenNames(t *testing.T) {
	spantest.Run(t, AppendSpans, detectors.Name, []spantest.Case{
		{"Santa", "Dear Santa, I want a puppy; a card for Santa Claus; a letter to Santa from my son Leo", []string{"Leo"}},
		{"Vietnamese", "Photo for my resume: Nguyen Van An, software engineer; a card for Trần Thị Mai and Le Minh Tuan", []string{"Nguyen Van An", "Trần Thị Mai", "Le Minh Tuan"}},
		{"Vietnamese words", "Le Van, Do Van Gogh style, Ho Chi Minh City, a Mai Thai, Le Minh", []string{}},
		{"nickname in quotes", `In loving memory of Robert 'Bob' Anderson, and of Margaret \"Peggy\" Smith`, []string{"Robert 'Bob' Anderson", `Margaret \"Peggy\" Smith`}},
		{"nickname in quotes, no family name", "for Robert 'Bob' and Anna", []string{"Robert", "Anna"}},
		{"family name with an apostrophe", "a headshot for Michael O'Brien, CFO; Put Sean O’Connor in a cape", []string{"Michael O'Brien", "Sean O’Connor"}},
		// Full names: a given name of the list, then family names.
		{"full name", "Put Michael Johnson in a superhero costume", []string{"Michael Johnson"}},
		{"full name sentence start", "Priya Patel wants a Ghibli portrait", []string{"Priya Patel"}},
		{"full name particle", "Gabriel García Márquez reading, Maria da Silva smiling", []string{"Gabriel García Márquez", "Maria da Silva"}},
		{"full name possessive", "Sarah Connor's party at the beach", []string{"Sarah Connor"}},
		{"full name accented", "a photo of José Álvarez and Émile Durand", []string{"José Álvarez", "Émile Durand"}},
		{"full name Cyrillic", "Нарисуй портрет: Иван Петров в костюме", []string{"Иван Петров"}},
		{"title case", "A Portrait Of Emma Watson In A Red Dress, Sarah In Blue", []string{"Emma Watson", "Sarah"}},
		{"hyphenated given names", "Happy anniversary Jean-Pierre Dupont, and a card for Anne-Marie", []string{"Jean-Pierre Dupont", "Anne-Marie"}},
		{"hyphenated, first part unlisted", "Draw Toto-Pierre Dupont in a cape", []string{"Toto-Pierre Dupont"}},
		{"full name in brackets", "This is me (David Lee) with my dog", []string{"David Lee"}},
		// East Asian names in Latin letters, in either order.
		{"east asian family first", "me and Wang Fang at the beach; Draw Park Ji-min, then Kim Minjun", []string{"Wang Fang", "Park Ji-min", "Kim Minjun"}},
		{"east asian given first", "Yuki Tanaka and Ji-min Park in hanbok, for Wei and me", []string{"Yuki Tanaka", "Ji-min Park", "Wei"}},
		{"east asian family name alone", "Oh Emma, look at Park Avenue and the Lee family", []string{"Emma"}},
		// A given name alone, after a word of its sentence.
		{"given after lower case", "Make a wedding invite for Anna and Lukas, June 2027", []string{"Anna", "Lukas"}},
		{"given after birthday", "Happy birthday Emma! Make a card with balloons", []string{"Emma"}},
		{"given after greeting", "Dear Olivia, love you", []string{"Olivia"}},
		{"given after comma", "Love you, Olivia", []string{"Olivia"}},
		{"given after a name and an ampersand", "a wedding invite for Priya & Rahul, RSVP", []string{"Priya", "Rahul"}},
		// After French's elided "d'" or "l'", in lower case: not a family
		// name's "D'".
		{"after an elision", "la fête d'Anna, pour l’Emma, Ariel D'Alessandro, l'Amour", []string{"Anna", "Emma"}},
		// A word with an apostrophe inside goes on past it: no name starts
		// there, as none would once one after it had been replaced.
		{"inside a word with an apostrophe", "A Ali'Ali Aa x, rock'n'Roll", nil},
		// A name that starts the text is one when another joins it.
		{"paired at the start", "Jake and Emma wedding invitation. Jake & Emma. Lena und Tim", []string{"Jake", "Emma", "Jake", "Emma", "Lena", "Tim"}},
		{"paired with words", "May and June calendar; Rose and Lily bouquet; Jake and the dog", nil},
		{"given after a pronoun and an ampersand", "caption: 'Me & Jake at Disneyland 2024'", []string{"Jake"}},
		{"a word name after a greeting", "Happy 8th birthday Lily! Dear Hope, put 'Love, Grandma Rose' at the bottom", []string{"Lily", "Hope", "Rose"}},
		{"a word name elsewhere", "a rose for Lily, with hope and Grace Kelly style, Happy Birthday Sunshine", nil},
		{"a relative's title", "a card for Aunt Sarah and Uncle Bob", []string{"Sarah", "Bob"}},
		{"a style's name", "in the style of Vincent van Gogh, a Makoto Shinkai style sunset, inspired by Alphonse Mucha, Wes Anderson-style", nil},
		{"artists' names", "highly detailed, by Greg Rutkowski and Alphonse Mucha, trending on artstation; a poster like Edward Hopper", nil},
		{"a person's name near a style", "Emma Watson in a Pixar style, my daughter Emma in the style of a comic", []string{"Emma Watson", "Emma"}},
		{"fictional characters", "turn my selfie into Tony Stark, Sophie Hatter walking in the rain, my son dressed as Harry Potter", nil},
		{"a first name a character shares", "my son Harry and my daughter Sophie Hatter-Jones", []string{"Harry", "Sophie Hatter-Jones"}},
		{"a card's labels", "To: Sophie, From: Liam", []string{"Sophie", "Liam"}},
		{"other labels", "Subject: Sophie loves cats. Note: Liam", nil},
		{"a brand's ampersand", "a bag from Marks & Spencer, a card for Anna & co", []string{"Anna"}},
		{"a city and its state", "at my house in Washington, DC 20500, or Charlotte, NC", nil},
		{"given German", "Mach ein Foto mit Anna im Garten", []string{"Anna"}},
		{"given Cyrillic", "и Мария тоже", []string{"Мария"}},
		{"Russian cases", "Нарисуй портрет Ивана Петрова, подарок для Маши, фото с Машей и Сергеем, открытка Марии",
			[]string{"Ивана Петрова", "Маши", "Машей", "Сергеем", "Марии"}},
		{"Russian words", "Нарисуй кота. Сделай аватар, желаю мира и покоя", nil},
		{"given after a verb", "Zeichne Felix als Astronautin. Draw Olivia on a horse", []string{"Felix", "Olivia"}},
		{"given title case greeting", "Happy Birthday Emma!", []string{"Emma"}},
		{"full name title case", "Emma Watson And Friends", []string{"Emma Watson"}},
		// What stays.
		{"given sentence start", "Emma loves cats", nil},
		{"given lower case after a word a name follows", "make a card for emma, me and lukas. и маша тоже", []string{"emma", "lukas", "маша"}},
		{"given lower case elsewhere", "emma loves cats, look at emma", nil},
		{"given lower case that is a word too", "and frank said, per mia madre, with ray tracing", nil},
		{"given upper case", "A CARD FOR EMMA WATSON", nil},
		{"place", "a selfie with Victoria Falls behind", nil},
		{"street", "a selfie with Emma Street behind", nil},
		{"place after a given name alone", "the view from Lincoln Memorial", nil},
		{"common word", "Rose Gold iPhone case, Amber Alert, Summer Sale", nil},
		{"brand", "a Mercedes Benz in the rain", nil},
		{"hyphenated brand", "a Mercedes-Benz and a Harley-Davidson in the rain", nil},
		{"a token's end is no sentence's", "watermark <HANDLE:k1:ghxjskmgkhkrmtgsmmgkrryt> B AbA and x B AbA", nil},
		{"inside a proper noun", "at São Paulo Fashion Week, visit Costa Rica with Emma", []string{"Emma"}},
		{"character", "Mario Kart style, Elsa Frozen dress", nil},
		{"month", "on Jan 27, meet in June", nil},
		{"adjective", "a Christian wedding with German beer", nil},
		{"not on the list", "Draw Zorblax Quux riding a horse", nil},
		{"joined", "write to Michael.Johnson@example.com", nil},
		{"token", "for <NAME:k1:ghjkmnpqrstvwxyzghjkmnpq> and Emma", []string{"Emma"}},
	})
}

func TestAppendSpansKeepsDst(t *testing.T) {
	dst := []detectors.Span{{Start: 0, End: 1, Kind: detectors.Email}}
	got := AppendSpans(dst, []byte("my name is Emma"))
	want := []detectors.Span{{Start: 0, End: 1, Kind: detectors.Email}, {Start: 11, End: 15, Kind: detectors.Name}}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestAppendSpansAllocs(t *testing.T) {
	spantest.NoAllocs(t, AppendSpans, "My name is Emily Jones, 我叫李伟, меня зовут Иван, 제 이름은 김민준입니다, for my daughter Emma, for Anna and Michael Johnson. Thanks, Zoe", 8)
	spantest.NoAllocs(t, AppendSpans, "Happy anniversary Jean-Pierre Dupont & Toto-Pierre, Me & Jake, To: Sophie, Happy birthday Lily! 娘のさくらの, لابنتي مريم", 6)
}

func FuzzAppendSpans(f *testing.F) {
	for _, s := range []string{
		"my name is Emily Jones", "我叫李伟", "a card for Anna and Lukas", "Dear Olivia", "Gabriel García Márquez", "Иван Петров", "私の名前は田中です", "田中と申します", "제 이름은 김민준입니다",
		"मेरा नाम राहुल है", "اسمي محمد", "डॉ. राहुल शर्मा को", "my daughter, named Emma", "me llamo \xff", "my name is \"",
		"ивана петрова", "田中さん", "伊藤さくらちゃん", "给李伟老师", "给王芳、李娜和张伟画", "为欧阳娜", "和王小", "陽菜ちゃん", "민준아", "لسارة", "ابنتي مريم", "राहुल के लिए", "शर्मा जी", "김민준 씨", "이서연님은", "Mr. Smith", "Frau Schmidt", "للسيد أحمد",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		spantest.Valid(t, AppendSpans, detectors.Name, text)
		// Any bytes put in the nominative keep what is not a Russian
		// name's case ending, and a second time change nothing.
		once := AppendNominative(nil, text)
		if again := AppendNominative(nil, once); !bytes.Equal(again, once) && utf8.Valid(text) {
			t.Errorf("AppendNominative(%q) = %q, then %q", text, once, again)
		}
	})
}

func TestAppendNominative(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"ивана петрова", "иван петров"},   // genitive, accusative
		{"ивану петрову", "иван петров"},   // dative
		{"иваном петровым", "иван петров"}, // instrumental
		{"иване петрове", "иван петров"},   // prepositional
		{"анной петровой", "анна петрова"},
		{"анну петрову", "анна петрова"},
		{"марии ивановой", "мария иванова"},
		{"сергея ивановича петрова", "сергей иванович петров"},
		{"ольги сергеевны смирновой", "ольга сергеевна смирнова"},
		{"дмитрия достоевского", "дмитрий достоевский"},
		{"машей", "маша"},
		{"анна петрова", "анна петрова"}, // the nominative
		{"иван петров", "иван петров"},
		{"яна", "яна"}, // a name of the list, not Ян's genitive
		{"петрова анна", "петрова анна"},
		{"emily jones", "emily jones"},
	} {
		if got := string(AppendNominative(nil, []byte(tt.in))); got != tt.want {
			t.Errorf("AppendNominative(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
