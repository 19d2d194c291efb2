package textscan

import (
	"testing"
	"unicode"
)

func TestWords(t *testing.T) {
	text := []byte("a é,1 语\u0301 -")
	for i, want := range map[int][2]bool{ // WordAt, WordBefore
		0: {true, false}, 1: {false, true}, 2: {true, false}, 4: {false, true}, 5: {true, false},
		6: {false, true}, 7: {true, false}, 10: {true, true}, 12: {false, true},
	} {
		before := i > 0 && WordBefore(text, i)
		if got := [2]bool{WordAt(text, i), before}; got != want {
			t.Errorf("at %d (%q): WordAt, WordBefore = %v, want %v", i, text[i:], got, want)
		}
	}
	for r, want := range map[rune]bool{'a': false, 'я': false, 'ह': false, '语': true, 'の': true, 'カ': true, '한': true, '々': true, '。': false} {
		if IsCJK(r) != want {
			t.Errorf("IsCJK(%q) = %v", r, !want)
		}
	}
	if !HasAt(text, 7, "语") || HasAt(text, 12, "- ") || SkipBlanks([]byte(" \t x"), 0) != 3 {
		t.Error("HasAt or SkipBlanks")
	}
}

// wordRune's ranges hold only letters, marks and digits.
func TestWordRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := wordRune(r), unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r); got != want {
			t.Fatalf("wordRune(%U) = %v, want %v", r, got, want)
		}
	}
}

func TestTokenBefore(t *testing.T) {
	for text, want := range map[string]bool{
		"for <HANDLE:k1:hqxjxvytnpqpvkmnsvhythmx> ": true, "<b>": false, "a > b": false, "<EMAIL:k1:ab>": true,
	} {
		i := len(text)
		if text[i-1] == ' ' {
			i--
		}
		if got := TokenBefore([]byte(text), i); got != want {
			t.Errorf("TokenBefore(%q) = %v", text, got)
		}
	}
}

func TestContainsAnyWordFold(t *testing.T) {
	words := []string{"xrp", "wallet"}
	for _, tt := range []struct {
		text string
		want bool
	}{{"my XRP:", true}, {"Wallet", true}, {"<NAME:k1:zzwwtxrppk>", false}, {"mywallet", false}, {"xrp2", true}, {"", false}} {
		if got := ContainsAnyWordFold([]byte(tt.text), words); got != tt.want {
			t.Errorf("ContainsAnyWordFold(%q) = %v, want %v", tt.text, got, tt.want)
		}
		if got := ContainsAnyFold([]byte(tt.text), words); got != (tt.want || tt.text == "<NAME:k1:zzwwtxrppk>" || tt.text == "mywallet") {
			t.Errorf("ContainsAnyFold(%q) = %v", tt.text, got)
		}
	}
}
