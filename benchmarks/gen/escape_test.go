package gen

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestEscapeNonASCII(t *testing.T) {
	in := []byte(`{"text":"手机 １３８ واتساب 😀 \"ok\"","n":1}`)
	out := EscapeNonASCII(in)
	for _, c := range out {
		if c >= 0x80 {
			t.Fatalf("non-ASCII byte left in %s", out)
		}
	}
	var a, b any
	if err := json.Unmarshal(in, &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(out, &b); err != nil {
		t.Fatalf("%s: %v", out, err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("value changed: %v -> %v", a, b)
	}
	if want := `{"text":"\u624b\u673a`; string(out[:len(want)]) != want {
		t.Fatalf("got %s", out)
	}
}
