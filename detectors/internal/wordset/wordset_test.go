package wordset

import "testing"

func TestSet(t *testing.T) {
	s := New("straße", "l'", "ул", "sixteen-bytes-ab", "eleven-byte")
	s.Add(true, "av")
	for _, tt := range []struct {
		word     string
		ok, flag bool
	}{
		{"STRASSE", false, false}, {"Straße", true, false}, {"STRAẞE", false, false}, {"L’", true, false},
		{"УЛ", true, false}, {"Av", true, true}, {"ave", false, false}, {"", false, false},
		// Invalid UTF-8 grows threefold in lower case: no panic, no word.
		{"Т\xa2\x81\xa5\xa5\xa5\xa5\xa5\xa5\xa5\xa500\xe90", false, false}, {"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", false, false},
	} {
		if flag, ok := s.Get([]byte(tt.word)); ok != tt.ok || flag != tt.flag {
			t.Errorf("Get(%q) = %v, %v, want %v, %v", tt.word, flag, ok, tt.flag, tt.ok)
		}
	}
	word := []byte("Avenue")
	if n := testing.AllocsPerRun(100, func() { s.Has(word) }); n != 0 {
		t.Errorf("%v allocations", n)
	}
}

func TestHasCaseless(t *testing.T) {
	s := New("राहुल", "سارة", "민준")
	for word, want := range map[string]bool{"राहुल": true, "سارة": true, "민준": true, "राहु": false, "": false} {
		if got := s.HasCaseless([]byte(word)); got != want {
			t.Errorf("HasCaseless(%q) = %v", word, got)
		}
	}
	word := []byte("سارة")
	if n := testing.AllocsPerRun(100, func() { s.HasCaseless(word) }); n != 0 {
		t.Errorf("%v allocations", n)
	}
}
