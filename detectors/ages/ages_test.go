package ages

import (
	"bytes"
	"testing"
)

func TestStated(t *testing.T) {
	for _, tt := range []struct {
		text string
		age  int // 0: none stated
	}{
		{"I'm 12 years old, make me a superhero", 12},
		{"im 9 yo pls make me a dragon", 9},
		{"I am only 11 and I want a unicorn", 11},
		{"I'm 12, make me a cat", 12},
		{"i just turned 12!", 12},
		{"I turned 11 today", 11},
		{"soy una niña de 10 años", 10},
		{"tengo doce años; j'ai douze ans; ich bin zwölf Jahre alt; tenho onze anos", 11},
		{"Hallo, ich bin 11 und mag Pferde", 11},
		{"It's my 12th birthday today, make a party poster", 12},
		{"a cake for my 40th bday; 我的10岁生日; 私の9歳の誕生日", 9},
		{"tengo 9, hazme una sirena", 9},
		{"im 12 lol make me a cat", 12},
		{"저는 열두 살이에요", 12},
		// Korean's subject without its particle, a whole word ("유나" is a name).
		{"나 열살이야 고양이 그려줘", 10},
		{"저 12살이에요", 12},
		{"제가 11살이에요", 11},
		{"유나 10살이야, 고양이 그려줘", 0},
		// "We're both": one age, the writer's too; not "we are" with ages
		// that may be others' ("we are 8 and 40").
		{"me and my bff, we're both 11 lol; we are both 10 years old", 10},
		{"we are 8 and 40, make a family portrait; my sisters are both 11", 0},
		// Russian's number words before a unit.
		{"мне десять лет нарисуй кота", 10},
		{"Мне уже Двенадцать лет", 12},
		{"моему сыну десять лет; мне тридцать лет; Десять лет назад", 0},
		{"Make a birthday cake that says 'I'm 12!', a banner \"I am 10 years old\", a t-shirt “Im 12 and awesome”, caption: I turned 12 today!, 蛋糕上写「我今年12岁」", 0},
		{"Make a cake that says 'Happy birthday', I'm 12 years old", 12},
		{"I don't know, I'm 12", 12},
		{"I'm 11 years into my career, I'm 12 years sober, I am 12 years in the business", 0},
		{"tengo 12 años de experiencia, tenho 12 anos de experiência, j'ai 12 ans d'expérience, ich bin 12 Jahre verheiratet, ich bin 12 Jahre älter, tengo 12 años trabajando aquí", 0},
		{"tengo 12 años de edad", 12},
		{"a shirt that reads \"I'm in middle school\" and 'I'm in 5th grade'", 0},
		{"ich bin in der 5. Klasse und mag Pferde", 10},
		{"Ich gehe in die 6 Klasse", 11},
		{"estoy en quinto de primaria", 10},
		{"estoy en 6º de primaria", 11},
		{"estou no 5º ano", 10},
		{"eu estou no sexto ano", 11},
		{"я в 5 классе", 10},
		{"я учусь в 6-м классе", 11},
		{"je suis en CM2", 10},
		{"Je suis en 6ème", 11},
		{"je suis au collège", 11},
		{"estoy en primaria", 6},
		{"أنا في الصف الخامس وأحب القطط", 10},
		{"मैं पाँचवीं कक्षा में पढ़ती हूँ", 10},
		{"मैं 6वीं कक्षा में हूँ", 11},
		{"ابني في الصف الخامس, मेरा बेटा पाँचवीं कक्षा में है", 0},
		{"als ich in der 5. Klasse war, estoy en el 5º piso, estou no 2º andar, я в 5 классах, mein Sohn ist in der 5. Klasse", 0},
		{"मेरी उम्र बारह साल है", 12},
		{"मैं ग्यारह साल की हूँ", 11},
		{"عمري اثنا عشر عاما", 12},
		{"أنا عمري تسع سنوات وأحب القطط", 9},
		{"عمري ست سنوات", 6},
		{"عمري ستة عشر عاما", 16},
		{"मेरे बेटे की उम्र बारह साल है, ابني عمره اثنا عشر عاما", 0},
		{"열두 살이에요. 공주 그림 그려 주세요", 12},
		{"아홉살이야", 9},
		{"12살이에요", 12},
		{"12歳です。猫の絵を描いて", 12},
		{"猫が好き！10さいだよ", 10},
		{"12歳の娘の絵を描いて。10歳の息子も", 0},
		{"x.\n1살이에요. 안녕!", 1},
		{"우리 딸은, 열두 살이에요", 0},
		{"12살이 된 딸을 위한 카드, 열두 살 때 사진, 우리 딸은 열두 살이에요, 세 살 버릇, 한 살 많은", 0},
		{"im 11 and i want a dragon", 11},
		{"I'm 12 lol", 12},
		{"im 10!", 10},
		{"my mom said i can use this app, im 10", 10},
		{"Ich heiße Mia und bin 9", 9},
		{"im 12 Stock, im 3 und 4 Stock, im 12, 13. Jahrhundert", 0},
		{"Мне 10, нарисуй меня", 10},
		{"my son's 10th birthday, my daughter 10th birthday", 0},
		{"tengo 2 perros, ich bin 3 Stunden gefahren, j'ai 12 chats, ich bin 1,80 m groß, I'm 5.5 ft", 0},
		{"Tengo dieciséis años", 16},
		{"我是一名12岁的小学生", 12},
		{"I'm in 5th grade, make me a wizard", 10},
		{"im a 6th grader lol", 11},
		{"I'm in the 3rd grade", 8},
		{"I am in grade 4.", 9},
		{"I'm in Year 7 and I love cats", 11},
		{"I'm in elementary school", 6},
		{"i'm in middle school", 11},
		{"我是小学生，帮我画一只猫", 6},
		{"我上小学五年级", 10},
		{"私は小学5年生です", 10},
		{"저는 초등학교 5학년이에요", 10},
		{"저는 초등학생이에요", 6},
		{"I’m a 12-year-old girl, draw me as a princess", 12},
		{"i'm twelve years old", 12},
		{"My age is 10. Make me look older", 10},
		{"my age: 10, make me a cat", 10},
		// An age the writer is about to reach: a year younger now.
		{"I turn 12 next week, make a party poster", 11},
		{"I'm turning 13!", 12},
		{"i'll be 12 in May", 11},
		{"I'll be 5 minutes late, I'll be 10 years older, I'll be 12 hours away, when I'll be 12", 0},
		{"I'll be 30 next year", 29},
		// As online posts give it.
		{"12 y/o here, make a poster", 12},
		{"hi! 11 year old here", 11},
		{"me (11f) and my cat", 11},
		{"I (12 M) want a dragon", 12},
		{"Generation Z (12m) users, a 12 yo here in the picture is my son", 0},
		{"Tengo 12 años y quiero ser astronauta", 12},
		{"tenho 10 anos", 10},
		{"J'ai 11 ans, fais-moi un dessin", 11},
		{"je n'ai que 9 ans", 9},
		{"Ich bin 12 Jahre alt", 12},
		{"Мне 11 лет, нарисуй меня", 11},
		{"我今年12岁，帮我画一个公主", 12},
		{"我才十二岁", 12},
		{"私は12歳です", 12},
		{"저는 12살이에요", 12},
		{"मैं 12 साल का हूँ", 12},
		{"मेरी उम्र 11 साल है", 11},
		{"عمري 12 سنة", 12},
		{"عمري ١٢ سنة", 12},
		{"I'm 12 years old, no, I'm 10 years old", 10},
		{"I'm 35 years old, make me look younger", 35},
		// None stated: another person, another time, make-believe, other numbers.
		{"make me look like I'm 12 years old", 0},
		{"as if I'm 12 years old", 0},
		{"pretend I'm 8 years old", 0},
		{"my son is 12 years old", 0},
		{"when I was 12 years old", 0},
		{"I'm 12 years younger here", 0},
		{"I'm 5 feet tall", 0},
		{"I'm 12 minutes away, I'm 12% done, im 12. Jahrhundert, im 3. Stock", 0},
		{"I'm 1 of 3 sisters", 0},
		{"draw a 5th grade classroom; my son is in 5th grade; as if I'm in elementary school", 0},
		{"I'm in 12th grade", 17},
		{"I'm a 5th generation farmer; I'm in middle schoolbus", 0},
		{"我小学五年级的时候", 0},
		{"I'm 12.5 years into my career", 0},
		{"parece que tengo 12 años", 0},
		{"als ob ich 12 Jahre alt wäre", 0},
		{"我12岁的女儿", 0},
		{"我12岁的时候", 0},
		{"私は12歳の娘がいます", 0},
		{"저는 12살 딸이 있어요", 0},
		{"저는 12살 때 사진", 0},
		{"मैं 12 साल का था", 0},
		{"I'm 2026 years old", 0},
		{"tengo 1200 años", 0},
		{"im 12 yogurts", 0},
		{"a hat with 12 years on it", 0},
		{"", 0},
	} {
		age, ok := Stated([]byte(tt.text))
		if ok != (tt.age > 0) || age != tt.age {
			t.Errorf("Stated(%q) = %d, %v; want %d", tt.text, age, ok, tt.age)
		}
	}
}

func TestStatedAllocs(t *testing.T) {
	text := []byte("I'm 12 years old; 我今年十二岁; Мне 11 лет; twelve apples; عمري ١٢ سنة; tengo dieciséis años; I'm in 5th grade; 我是小学生; I'm 12, ok")
	if n := testing.AllocsPerRun(100, func() { Stated(text) }); n != 0 {
		t.Fatalf("%v allocations", n)
	}
}

func FuzzStated(f *testing.F) {
	for _, s := range []string{"I'm 12 years old", "我今年十二岁", "저는 12살이에요", "عمري ١٢ سنة", "make me look like I'm 12 years old"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		age, ok := Stated(text)
		if ok && (age < 0 || age > maxAge) {
			t.Fatalf("Stated(%q) = %d", text, age)
		}
		if ok {
			// The statement stays one after any text before it, on a line of its own.
			if again, ok2 := Stated(append([]byte("x.\n"), text...)); !ok2 || again != age {
				t.Fatalf("Stated(%q) = %d, but after a line %d, %v", text, age, again, ok2)
			}
		}
	})
}

func BenchmarkStated(b *testing.B) {
	prompts := [][]byte{
		[]byte("Turn this selfie into a Studio Ghibli style portrait and email it to chris1971@gmail.com when it's done."),
		[]byte("Quero o vídeo em 3840x2160 e cortado até 02:06:49. Me liga no (51) 4103-2644 se precisar."),
		[]byte("把这张照片变成宫崎骏风格，背景换成海边，2025年夏天拍的"),
		[]byte("Make me a superhero with a red cape, 4K, 16:9, the one from my son's drawing"),
	}
	n := 0
	for _, p := range prompts {
		n += len(p)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range prompts {
			Stated(p)
		}
	}
}

// BenchmarkStatedQuotes reads a long text of quoted statements, each of
// which asks whether it is inside quotation marks: read from the text's
// start every time, 64 s for 800 KB (the ninth session's first version);
// read on from the last place, linear.
func BenchmarkStatedQuotes(b *testing.B) {
	text := bytes.Repeat([]byte(`"I'm 12!" `), 20000)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Stated(text)
	}
}
