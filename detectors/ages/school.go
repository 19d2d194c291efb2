package ages

import (
	"unicode/utf8"

	"github.com/pixelprivacy/veil/detectors/internal/phrases"
)

// schoolLevels are the first-person statements of a school level whose
// youngest pupils are under 13, with that age: primary school's 6, middle
// school's 11 (in the US).
var schoolLevels = []struct {
	phrases *phrases.Table
	age     int
}{
	{phrases.New("i'm in elementary school", "i am in elementary school", "im in elementary school", "i'm in primary school",
		"i am in primary school", "im in primary school", "i'm an elementary school student", "i'm in kindergarten",
		"我是小学生", "我还是小学生", "我是一名小学生", "我是一个小学生", "我在上小学", "我还在上小学",
		"私は小学生", "僕は小学生", "わたしは小学生", "ぼくは小学生",
		"저는 초등학생", "나는 초등학생", "전 초등학생", "난 초등학생"), 6},
	{phrases.New("i'm in middle school", "i am in middle school", "im in middle school", "i'm a middle schooler",
		"je suis au collège", "je suis en 6e", "je suis en 6ème", "je suis en sixième"), 11},
	// France's primary grades, and its collège's second, by their names.
	{phrases.New("je suis en cp", "je suis à l'école primaire", "je suis en primaire", "estoy en primaria",
		"voy a primaria", "ich bin in der grundschule", "ich gehe in die grundschule", "estou no ensino fundamental",
		"я учусь в начальной школе", "я в начальной школе"), 6},
	{phrases.New("je suis en ce1"), 7},
	{phrases.New("je suis en ce2"), 8},
	{phrases.New("je suis en cm1"), 9},
	{phrases.New("je suis en cm2"), 10},
	{phrases.New("je suis en 5e", "je suis en 5ème", "je suis en cinquième"), 12},
	// Arabic's and Hindi's grades by their ordinals: "أنا في الصف الخامس", "मैं पाँचवीं कक्षा में".
	{phrases.New("أنا في الصف الأول", "انا في الصف الأول", "मैं पहली कक्षा में"), 6},
	{phrases.New("أنا في الصف الثاني", "انا في الصف الثاني", "मैं दूसरी कक्षा में"), 7},
	{phrases.New("أنا في الصف الثالث", "انا في الصف الثالث", "मैं तीसरी कक्षा में"), 8},
	{phrases.New("أنا في الصف الرابع", "انا في الصف الرابع", "मैं चौथी कक्षा में"), 9},
	{phrases.New("أنا في الصف الخامس", "انا في الصف الخامس", "मैं पाँचवीं कक्षा में", "मैं पांचवीं कक्षा में", "मैं 5वीं कक्षा में"), 10},
	{phrases.New("أنا في الصف السادس", "انا في الصف السادس", "मैं छठी कक्षा में", "मैं 6वीं कक्षा में"), 11},
	{phrases.New("أنا في الصف السابع", "انا في الصف السابع", "मैं सातवीं कक्षा में", "मैं 7वीं कक्षा में"), 12},
}

// anySchoolLevel holds the phrases of every school level: most bytes start
// none, and one look tells.
var anySchoolLevel = func() *phrases.Table {
	var all []*phrases.Table
	for _, l := range schoolLevels {
		all = append(all, l.phrases)
	}
	return phrases.Union(all...)
}()

// statedSchool returns the youngest age of the school levels the writer of
// text states as theirs ("I'm in elementary school", "我是小学生").
func statedSchool(text []byte) (age int, ok bool) {
	var quotes quoteState
	for i := anySchoolLevel.Next(text, 0); i < len(text); i = anySchoolLevel.Next(text, i+1) { // most bytes start no phrase
		if _, found := anySchoolLevel.At(text, i); !found {
			continue
		}
		for _, l := range schoolLevels {
			if _, found := l.phrases.At(text, i); found && (text[i] >= utf8.RuneSelf || noneBefore(text, i)) && !quotes.inside(text, i) && (!ok || l.age < age) {
				age, ok = l.age, true
			}
		}
	}
	return age, ok
}
