package gen

import "github.com/pixelprivacy/veil/detectors"

// likeName is the kind that place names imitate: capitalized words that no
// phrase introduces as a person's.
const likeName = detectors.Name

// likeHandle is the kind that an '@' mentioning no one imitates.
const likeHandle = detectors.Handle

// likeAddress is the kind that a street's name without a number imitates.
const likeAddress = detectors.Address

// likeBirthdate is the kind that a party's day imitates.
const likeBirthdate = detectors.Birthdate

// likeDocument is the kind that a passport photo's size imitates, after
// the word "passport".
const likeDocument = detectors.Document

// photoSizes are passport photos' sizes.
var photoSizes = []string{"35x45mm", "2x2 inches", "51x51mm", "33x48mm"}

// artists are painters' and directors' names that prompts name a style
// by ("in the style of Claude Monet", "Hayao Miyazaki style"): decoys of a
// person's name, kept as the prompt's meaning.
var artists = []string{"Vincent van Gogh", "Claude Monet", "Hayao Miyazaki", "Frida Kahlo", "Wes Anderson", "Katsushika Hokusai"}

// numberLists are numbers a space apart, a chart's values: some of them
// are grouped as phone, card and Aadhaar numbers are printed, and pass
// their checks.
var numberLists = []string{"541 550 559 568 577 587 596 605 615 625", "3189 3214 3239 3264 3289 3315",
	"4584 4615 4646 4677 4708 4740 4771 4803", "65099 65244 65389 65535"}

// zipCodes are US states' postal codes and ZIP+4 codes, which read as
// national phone numbers.
var zipCodes = []string{"MA 02111-1307", "NY 10118-0110", "CA 94103-1234"}

// noMentions are the '@'s of prompts that mention no one: scales, rates,
// times, broadcasts, places.
var noMentions = []string{"icon@2x.png", "@3x", "@60fps", "@1080p", "@5pm", "@everyone", "@home"}

// appendHandle appends a handle made of a person's names: "sarah_miller",
// "li.wei88", "olga_92"; with at, after an '@'.
func (r *rng) appendHandle(dst []byte, names []person, at bool) []byte {
	if at {
		dst = append(dst, '@')
	}
	start := len(dst)
	p := pick(r, names)
	dst = append(dst, p.first...)
	switch r.intn(3) {
	case 0:
		dst = append(append(dst, '_'), p.last...)
	case 1:
		dst = append(append(dst, '.'), p.last...)
	}
	if r.chance(60) || len(dst)-start < minHandle {
		dst = appendPad(dst, r.intn(100), 2) // "li88": a handle as short as "li" is taken
	}
	return dst
}

// minHandle is the length below which a handle made of a name gets digits:
// platforms' IDs are longer (WeChat's six characters or more), and a value
// of two letters would also be found in the record's random IDs, where the
// accuracy measure would count it as unredacted.
const minHandle = 4

// introductions are, per language, the prompts in which people introduce
// themselves or a relative by name ({name}, or {given}, a given name
// alone before an honorific; kind NAME), name a place
// ({place}, or {lookalike}, a place named after a person or a word with
// an honorific: decoys),
// spell out their e-mail address ({spelled}, kind
// EMAIL), give their handle ({handle}, or {mention} with its '@'; kind
// HANDLE; {at}, an '@' that mentions no one, a decoy) or an address
// ({address}, kind ADDRESS; {street}, a street without a number, a
// decoy), their date of birth ({dob}, kind BIRTHDATE; {when}, a party's
// day, a decoy) or their passport's number ({passport}, kind DOCUMENT;
// {photosize}, a passport photo's size, a decoy) or their wallet's
// address ({wallet}, kind WALLET; {txhash}, a transaction's hash, a
// decoy) or their home's coordinates ({coords}, kind COORDINATES;
// {weights}, two blend weights, a decoy) or their national number
// ({mynumber}, {snils}, {nir}, {steuerid}, {saudiid}, {nino}), added to the language's
// templates with Options.Personal.
var introductions = map[string]struct {
	people, places []string
	// given are given names found alone before an honorific or a
	// postposition ({given}, kind NAME: "陽菜ちゃん", "राहुल के लिए").
	given []string
	// addresses are street addresses ({address}, kind ADDRESS), streets
	// streets' names without a number ({street}, a decoy).
	addresses, streets []string
	// dobs are dates of birth ({dob}, kind BIRTHDATE).
	dobs []string
	// lookalikes hold what a name does but are none ({lookalike}, a
	// decoy of a person's name): places named after a person ("Stanley
	// Park", "Parque María Luisa"), and words an honorific or a title
	// follows ("お母さん", mother; "历史老师", a history teacher).
	lookalikes []string
	templates  []template
}{
	"en": {
		dobs: []string{"March 14, 2015", "2012-07-04", "14th of May, 1990"},
		addresses: []string{"42 Oak Avenue", "221B Baker Street", "7 Elm St.", "12 Main Street, Apt 4B", "350 5th Avenue",
			"10 Downing Street, London SW1A 2AA", "12 Elm Street, Springfield, IL 62704"},
		streets:    []string{"Abbey Road", "Sunset Boulevard", "Fifth Avenue"},
		lookalikes: []string{"Stanley Park", "Charles Bridge", "Emma Street", "Dr. Pepper"},
		people: []string{"Emily Jones", "Olivia", "Michael Brown", "Sarah", "David Wilson", "Chris Evans", "Jessica", "Emma Taylor",
			"Wang Fang", "Park Ji-min", "Yuki Tanaka", "Nguyen Van An", "Michael O'Brien"},
		given:  []string{"Lily", "Rose", "Hope", "Jack", "Max"}, // given names that are words too, after a greeting
		places: []string{"Paris", "Kyoto", "Lisbon", "New York"},
		templates: parseTemplates(
			"Hi, my name is {name}. Turn this selfie into a comic book cover, please.",
			"Make a birthday card for my daughter {name} with unicorns and balloons.",
			"Put my best friend {name} and me on a {place} postcard, vintage style.",
			"Hi, I'm {name}! Can you make this photo of {place} look like an oil painting?",
			"Please sharpen the faces and warm up the colors. Thanks, {name}",
			"Send the final image to {spelled} when it's ready.",
			"Make a party invitation: Saturday at {address}, bring snacks!",
			"Make a birthday banner for me, I was born on {dob}.",
			"Make a passport photo with a white background, my passport number is {passport}.",
			"Passport photo {photosize}, light grey background, no glasses.",
			"Make a birthday card for my party on {when}, with balloons.",
			"Paint the four of us crossing {street} like the album cover.",
			"Add a small watermark with {mention} in the bottom corner.",
			"Make a banner for my IG: {handle}, and export it {at} too.",
			"Draw a cartoon of {name} surfing a giant wave.",
			"Paint us in front of {lookalike} at sunset, with {name} waving.",
			"A Portrait Of {name} In A Red Dress, Oil On Canvas",
			"Make a retirement card for Dr. {name}, with a stethoscope.",
			"Blur my National Insurance number {nino} on this payslip before I post it.",
			"Mint this as an NFT and send it to my wallet {wallet}.",
			"The last mint failed (tx {txhash}), send it to {wallet} instead.",
			"Make a poster of our house at {coords} with fireworks over it.",
			"Blend the two styles {weights}, soft light.",
			"Make this photo the lock screen of {name}'s iPhone.",
			"Happy birthday {given}! Make a card with balloons and glitter.",
			"Make a princess portrait of my wife, her name is {name}.",
			"Pay me on venmo {mention} for the prints.",
			"Make a school ID card for me, my student id is {passport}.",
			"Chart these sizes as bars: {numbers}.",
			"Paint our dog in the style of {artist}, thick brush strokes.",
			"A rainy street at dusk, {artist} style, soft light.",
			"Ship the canvas to our office, {zip}.",
		),
	},
	"zh": {
		dobs:       []string{"2015年3月14日", "2012年7月4日"},
		addresses:  []string{"建国路88号", "南京东路100号", "长安街1号", "中山路25号3栋201室"},
		people:     []string{"李伟", "王芳", "张伟", "刘洋", "陈静", "赵磊", "欧阳娜娜", "周杰"},
		lookalikes: []string{"历史老师", "数学老师", "金融老师", "保洁阿姨", "项目经理", "张开双臂", "高兴地笑"},
		templates: parseTemplates(
			"我叫{name}，帮我把这张照片做成证件照",
			"给我女儿做一张生日贺卡，她叫{name}，喜欢小兔子",
			"你好，我是{name}，请把背景换成白色",
			"做好以后发到{spelled}，谢谢",
			"帮我做一张搬家通知，新地址：北京市朝阳区{address}",
			"我的生日是{dob}，帮我做一张生日海报",
			"帮我做护照照片，护照号码是{passport}",
			"水印加上我的微信号：{handle}",
			"我的小红书号是 {handle}，帮我做一张封面",
			"把这张图做成NFT，发到我的钱包 {wallet}",
			"我家在{coords}附近，帮我做一张海报",
			"帮我给{name}老师做一张感谢卡，背景用粉色",
			"{name}女士的证件照，背景换成蓝色",
			"给我的{lookalike}做一张教师节贺卡",
			"给{name}画一张生日贺卡，要有气球和蛋糕",
			"把我和{name}的合照变成油画风格",
			"{name}的证件照，背景换成白色，谢谢！",
			"给白雪公主画一条裙子，和金鱼一起，把白天变成黑夜",
			"这张图做成{name}的iPhone壁纸",
			"把我儿子{name}的照片变成动漫风格",
			"给我和我老婆{name}做一张婚纱照风格的图片",
			"把我女儿{lookalike}的照片变成动漫风格",
		),
	},
	"es": {
		dobs:       []string{"14 de marzo de 2015", "4 de julio de 2012"},
		addresses:  []string{"Calle Mayor, 5", "Calle de Alcalá 42", "Av. de la Constitución, 3", "Calle de Alcalá 42, 3º B, 28014 Madrid"},
		streets:    []string{"Gran Vía", "Calle Mayor"},
		lookalikes: []string{"Parque María Luisa", "Hospital Carlos Haya"},
		people:     []string{"Lucía Fernández", "María García", "José", "Carlos López", "Sofía", "Pablo Sánchez"},
		places:     []string{"Sevilla", "Granada", "Valencia"},
		templates: parseTemplates(
			"Hola, me llamo {name}. Quiero un retrato estilo acuarela.",
			"Haz una tarjeta de cumpleaños para mi hija {name}, con flores.",
			"Mi hija se llama {name}, hazle una tarjeta con estrellas.",
			"Pon a mi abuela {name} en una postal de {place}.",
			"Mándalo a {spelled} cuando esté listo.",
			"Haz una invitación de boda: el sábado en la {address}, Madrid.",
			"Nací el {dob}, haz un póster de cumpleaños.",
			"Foto para el pasaporte, número de pasaporte: {passport}.",
			"Mi abuela nació el {dob}, haz un retrato antiguo.",
			"Haz una tarjeta de cumpleaños para la fiesta del {when}.",
			"Un atardecer en la {street} de Madrid, estilo acuarela.",
			"Pon mi Instagram {mention} como marca de agua.",
			"Dibuja a {name} montando un unicornio.",
			"Una tarjeta de agradecimiento para la Sra. {name}, con flores.",
			"Un paseo por el {lookalike} en primavera, con {name} delante.",
			"Convierte esta foto en un NFT y mándalo a mi wallet {wallet}.",
			"Un cartel de mi casa en {coords}, estilo acuarela.",
			"Pon esta foto de fondo en el iPhone de {name}.",
		),
	},
	"de": {
		dobs:       []string{"14.03.2015", "4. Juli 2012"},
		addresses:  []string{"Hauptstraße 5", "Berliner Str. 12a", "Lindenweg 7"},
		streets:    []string{"Hauptstraße", "Unter den Linden"},
		lookalikes: []string{"Kloster Maria Laach", "Bahnhof Friedrichstraße"},
		people:     []string{"Lukas Müller", "Anna Schmidt", "Felix", "Lena Weber", "Jonas Fischer", "Mia"},
		places:     []string{"Berlin", "Hamburg", "München"},
		templates: parseTemplates(
			"Hallo, ich heiße {name} und möchte ein Porträt im Comic-Stil.",
			"Mach eine Geburtstagskarte für meine Tochter {name}, mit Einhörnern.",
			"Setz meinen Bruder {name} auf eine Postkarte aus {place}.",
			"Bitte mach die Farben wärmer.\nViele Grüße\n{name}",
			"Schick das Bild an {spelled}, danke.",
			"Mach eine Einladung zur Party in der {address}, 10115 Berlin.",
			"Geburtsdatum: {dob}, mach mir eine Geburtstagskarte.",
			"Ein Passfoto bitte, Reisepass Nr. {passport}.",
			"Meine Tochter ist am {dob} geboren, mach ein Foto von ihr als Prinzessin.",
			"Ein Foto der {street} im Winter, wie ein Gemälde.",
			"Füge mein Instagram {mention} als Wasserzeichen hinzu, {at} bitte.",
			"Zeichne {name} als Astronautin auf dem Mond.",
			"Eine Dankeskarte für Frau {name}, bitte mit Blumen.",
			"Mach ein Bewerbungsfoto für mich, meine Steuer-ID ist {steuerid}.",
			"Ein Aquarell vom {lookalike} im Herbst, mit {name} davor.",
		),
	},
	"fr": {
		dobs:       []string{"14 mars 2015", "1er juillet 2012"},
		addresses:  []string{"12 rue de la Paix", "5 avenue Foch", "3 place de l'Église", "12 rue de la Paix, 75002 Paris"},
		lookalikes: []string{"Place Charles de Gaulle", "Lycée Victor Hugo"},
		people:     []string{"Chloé Martin", "Léa", "Hugo Bernard", "Camille Dubois", "Louis", "Manon Petit", "Jean-Pierre Dupont"},
		places:     []string{"Marseille", "Bretagne", "Lyon"},
		templates: parseTemplates(
			"Bonjour, je m'appelle {name}, fais-moi un portrait à l'aquarelle.",
			"Une carte d'anniversaire pour ma fille {name}, avec des licornes.",
			"Mets mon ami {name} sur une carte postale de {place}.",
			"Une carte de déménagement : notre nouvelle adresse est {address}, Paris.",
			"Je suis née le {dob}, fais-moi une affiche d'anniversaire.",
			"Ajoute mon compte Instagram : {handle} en filigrane.",
			"Dessine {name} en super-héros au-dessus de Paris.",
			"Une carte de remerciement pour Madame {name}.",
			"Floute mon numéro de sécurité sociale {nir} sur la photo de ma carte Vitale.",
			"Une photo devant la {lookalike} avec {name}, style rétro.",
		),
	},
	"ja": {
		dobs:       []string{"2015年3月14日", "2012年7月4日"},
		addresses:  []string{"六本木1-2-3", "銀座4-5-6", "本町2丁目3番4号"},
		people:     []string{"田中花子", "佐藤", "鈴木一郎", "高橋美咲", "山本", "伊藤さくら"},
		given:      []string{"陽菜", "さくら", "翔太", "結衣", "はると"},
		lookalikes: []string{"お母さん", "皆さん", "お客様", "赤ちゃん", "神様", "ねこちゃん", "みなさん"},
		places:     []string{"京都", "富士山", "沖縄"},
		templates: parseTemplates(
			"私の名前は{name}です。この写真を水彩画風にしてください。",
			"はじめまして、{name}と申します。証明写真を作ってください。",
			"娘の名前は{name}です。誕生日カードを{place}の風景で作って。",
			"こんにちは、私は{name}です。背景をぼかしてください。",
			"引っ越しのお知らせを作って。新住所は東京都港区{address}です。",
			"{dob}生まれの娘の写真を可愛くしてください。",
			"パスポート番号は{passport}です。証明写真を作ってください。",
			"インスタのアカウントは{handle}です。透かしを入れてください。",
			"このイラストをNFTにして、ウォレット {wallet} に送ってください。",
			"自宅の場所は{coords}です、この地図をイラストにして",
			"{name}さんの似顔絵を描いてください。",
			"マイナンバーカードの写真を明るくして、個人番号 {mynumber} は消してください。",
			"同僚の{name}様へのお礼のカードを作って。",
			"{lookalike}の写真を明るくしてください。",
			"{given}ちゃんの誕生日カードを作って、風船も入れて。",
			"娘の{given}の誕生日カードを作って、星も入れて。",
			"これは{given}くんの写真です、背景を明るくしてください。",
		),
	},
	"pt": {
		dobs:       []string{"14/03/2015", "4 de julho de 2012"},
		addresses:  []string{"Rua Augusta, 123", "Avenida da Liberdade 245", "Rua das Flores, 45", "Rua das Flores, 123, apto 45, São Paulo - SP, 01234-567"},
		streets:    []string{"Rua Augusta", "Avenida Paulista"},
		lookalikes: []string{"São Paulo Fashion Week", "Parque Eduardo VII"},
		people:     []string{"João Silva", "Ana Souza", "Beatriz", "Pedro Santos", "Mariana", "Lucas Oliveira"},
		places:     []string{"Lisboa", "Recife", "Porto Alegre"},
		templates: parseTemplates(
			"Olá, meu nome é {name}, quero um avatar estilo anime.",
			"Faça um cartão para minha filha {name}, com balões.",
			"Coloque meu irmão {name} numa foto de {place}.",
			"Faça um convite de aniversário na {address}, Lisboa.",
			"Nasci em {dob}, faça um cartaz de aniversário.",
			"Uma foto noturna da {street} em estilo neon.",
			"Coloca meu insta {mention} na foto, por favor.",
			"Desenhe {name} como astronauta na lua.",
			"Um cartão de agradecimento para o Sr. {name}.",
			"Um cartaz do {lookalike} com {name} na frente.",
			"Um cartaz da nossa casa em {coords}, com fogos de artifício.",
		),
	},
	"ru": {
		dobs:       []string{"14 марта 2015", "4 июля 2012"},
		addresses:  []string{"ул. Тверская, д. 7", "улица Ленина 5", "Проспект Мира, 12", "ул. Ленина, д. 15, кв. 42"},
		lookalikes: []string{"Красная площадь"},
		people:     []string{"Иван Петров", "Анна Смирнова", "Маша", "Дмитрий", "Ольга Иванова", "Сергей"},
		places:     []string{"Москвы", "Байкала", "Петербурга"},
		templates: parseTemplates(
			"Привет, меня зовут {name}, сделай мне аватар в стиле аниме.",
			"Сделай открытку для моей дочери {name}, с воздушными шарами.",
			"Нарисуй моего брата {name} на фоне {place}.",
			"Сделай приглашение: ждём вас по адресу {address}, Москва.",
			"Я родилась {dob}, сделай открытку.",
			"Добавь мой телеграм {mention} на картинку.",
			"Нарисуй, как {name} катается на коньках.",
			"Нарисуй портрет: господин {name} в шляпе.",
			"Сделай фото на документы, мой СНИЛС {snils}.",
			"Открытка: {lookalike} зимой, и {name} машет рукой.",
			"Сделай NFT из этой картинки и отправь на кошелёк {wallet}.",
		),
	},
	"ko": {
		dobs:       []string{"2015년 3월 14일", "2012년 7월 4일"},
		addresses:  []string{"테헤란로 123", "세종대로 110", "해운대로 264"},
		people:     []string{"김민준", "이서연", "박지훈", "최유진", "정하은", "강도윤"},
		given:      []string{"민준", "서연", "하은", "지훈", "도윤"}, // each ends in a consonant: "민준아"
		lookalikes: []string{"손글씨", "선생님", "아저씨", "이사장님", "유치원 선생님", "이 선생님", "좋아", "지원 씨앗", "고양이", "강아지"},
		places:     []string{"부산", "제주도", "서울"},
		templates: parseTemplates(
			"제 이름은 {name}입니다. 이 사진을 애니메이션 스타일로 바꿔 주세요.",
			"딸 이름은 {name}예요. 생일 카드를 만들어 주세요.",
			"내 이름은 {name}이고 {place}에 살아요. 바다 사진을 보정해 주세요.",
			"안녕하세요, 저는 {name}입니다. 증명사진을 만들어 주세요.",
			"이사 안내 카드를 만들어 주세요. 새 주소는 서울시 강남구 {address}입니다.",
			"생년월일은 {dob}입니다. 생일 카드를 만들어 주세요.",
			"여권번호 {passport}, 여권 사진을 만들어 주세요.",
			"카톡 아이디는 {handle}입니다. 사진에 넣어 주세요.",
			"{name} 씨에게 보낼 감사 카드를 만들어 주세요.",
			"{name}님, 생일 축하 배너를 만들어 주세요.",
			"{name} 선생님께 드릴 감사 카드를 만들어 주세요.",
			"{lookalike} 느낌으로 카드를 꾸며 주세요.",
			"{given} 씨에게 줄 생일 카드를 만들어 주세요.",
			"{given}아, 생일 축하해! 케이크 사진을 예쁘게 꾸며 줘.",
			"{given}이랑 찍은 사진을 수채화로 바꿔 주세요.",
			"우리 딸 {name} 사진을 만화처럼 바꿔 주세요.",
			"제 친구 {given}이랑 찍은 사진을 예쁘게 꾸며 주세요.",
			"우리 딸 {lookalike} 사진을 만화처럼 바꿔 주세요.",
		),
	},
	"ar": {
		addresses: []string{"شارع الملك فهد 123", "شارع التحرير، رقم 15"},
		dobs:      []string{"2015-03-14", "2012-07-04"},
		people:    []string{"محمد", "فاطمة", "أحمد علي", "ليلى", "يوسف", "مريم", "سارة خالد"},
		templates: parseTemplates(
			"مرحبا، اسمي {name}، أريد صورة بأسلوب الأنمي.",
			"ابنتي اسمها {name} وأريد بطاقة عيد ميلاد لها.",
			"أضف حسابي على انستغرام {mention} إلى الصورة.",
			"تاريخ الميلاد: {dob}، اصنع لي بطاقة عيد ميلاد.",
			"اصنع دعوة حفل في {address}، الرياض.",
			"اصنع بطاقة شكر للسيد {name}.",
			"صورة لبطاقة الهوية، رقم الهوية {saudiid}، اجعل الخلفية بيضاء.",
			"اصنع بطاقة عيد ميلاد ل{name} مع بالونات.",
			"صورة لي مع {name} في الحديقة، بأسلوب زيتي.",
			"عيد ميلاد سعيد يا جميل، لدينا حفلة الليلة.",
		),
	},
	"hi": {
		dobs:      []string{"14/03/2015", "04/07/2012"},
		addresses: []string{"मकान नंबर 12, गांधी मार्ग", "फ्लैट 302, लाजपत नगर", "45 एमजी रोड", "१२, शिवाजी मार्ग"},
		streets:   []string{"गांधी मार्ग", "लाजपत नगर"},
		people:    []string{"राहुल शर्मा", "प्रिया", "अमित कुमार", "अंजलि", "विकास", "नेहा गुप्ता"},
		given:     []string{"राहुल", "प्रिया", "अंजलि", "अमित कुमार", "नेहा गुप्ता"}, // of the lists a name before a postposition must be on
		templates: parseTemplates(
			"पार्टी का निमंत्रण बनाओ: {address}, शाम 7 बजे, सब आना।",
			"{street} की रात की फोटो को ऑयल पेंटिंग बना दो।",
			"नमस्ते, मेरा नाम {name} है। मेरी फोटो को कार्टून जैसा बना दो।",
			"{given} के लिए जन्मदिन का कार्ड बनाओ, गुब्बारों के साथ।",
			"मेरी और {given} की फोटो को पुराने फिल्म पोस्टर जैसा बना दो।",
			"पूजा के लिए फूलों वाला कार्ड बनाओ, विजय के बाद की खुशी।",
			"मेरी बेटी का नाम {name} है, उसके लिए जन्मदिन कार्ड बनाओ।",
			"डॉ. {name} के लिए धन्यवाद कार्ड बनाओ, फूलों के साथ।",
			"मेरा इंस्टाग्राम {mention} फोटो पर लिख दो।",
			"मेरी जन्मतिथि {dob} है, जन्मदिन का कार्ड बनाओ।",
		),
	},
}

// template picks the template of a prompt in language l: with
// Options.Personal, the language's introductions are among them.
func (g *Generator) template(l *language) template {
	n := len(l.templates)
	if g.personal {
		n += len(introductions[l.code].templates)
	}
	i := g.r.intn(n)
	if i < len(l.templates) {
		return l.templates[i]
	}
	return introductions[l.code].templates[i-len(l.templates)]
}
