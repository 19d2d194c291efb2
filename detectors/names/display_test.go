package names

import (
	"bytes"
	"strings"
	"testing"
)

func TestDisplayNameBefore(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{`from="Jane Doe" <jane.doe@example.com>`, "Jane Doe"},
		{`{"to":"\"Jane Doe\" <jane.doe@example.com>"}`, "Jane Doe"},
		{"welcome email sent to Maria Garcia <maria@gmail.com>", "Maria Garcia"},
		{"From: Li Wei <li.wei@163.com>", "Li Wei"},
		{"From: 李伟 <li.wei@163.com>", "李伟"},
		{"To: Maria da Silva <m@x.com>", "Maria da Silva"},
		{"To: Dr. Aisha Rahman-Khan <a@x.com>", "Dr. Aisha Rahman-Khan"},
		{"Reply-To: <jane@example.com>", ""},
		{"sent to <jane@example.com>", ""},
		{"sent to the user <jane@example.com>", ""},
		{"to=<jane@example.com>", ""},
		{`"" <jane@example.com>`, ""},
		{`"a@b" <jane@example.com>`, ""},
		// In single quotes, as Outlook writes them; had left the first word.
		{"WARN user 'Jane Doe' <jane@example.com>", "Jane Doe"},
		{"To: 'Doe, Jane' <jane@example.com>", "Doe, Jane"},
		{"To: 'Sean O'Brien' <sean@example.com>", "Sean O'Brien"},
		{"To: '' <jane@example.com>", ""},
	} {
		checkNameBefore(t, "DisplayNameBefore", DisplayNameBefore, '<', tt.text, tt.want)
	}
}

func TestParenthesizedNameBefore(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"customer Jane Doe (jane@x.com) not found", "Jane Doe"},
		{"Reviewed-by: Li Wei (li.wei@163.com)", "Li Wei"},
		{"Maria da Silva (m@x.com)", "Maria da Silva"},
		{"Jane (jane@x.com)", "Jane"},
		{"Contact Support (help@x.com)", ""},
		{"Sales Team (sales@x.com)", ""},
		{"user Bob(bob@x.com)", ""},
		{"(jane@x.com)", ""},
	} {
		checkNameBefore(t, "ParenthesizedNameBefore", ParenthesizedNameBefore, '(', tt.text, tt.want)
	}
}

// checkNameBefore checks that find, given the last open byte of text,
// reads want before it ("": none).
func checkNameBefore(t *testing.T, name string, find func([]byte, int) (int, int, bool), open byte, text, want string) {
	t.Helper()
	start, end, ok := find([]byte(text), strings.LastIndexByte(text, open))
	got := ""
	if ok {
		got = text[start:end]
	}
	if got != want {
		t.Errorf("%s(%q) = %q, want %q", name, text, got, want)
	}
}

func FuzzDisplayNameBefore(f *testing.F) {
	for _, s := range []string{"Jane Doe (j@x.com)", `"Jane Doe" <j@x.com>`, `\"Jane\" <j@x.com>`, "Maria Garcia <m@x.com>", "李伟 <l@x.com>", "<a@b.c>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		lt := bytes.LastIndexByte(text, '<')
		if lt < 0 {
			return
		}
		start, end, ok := DisplayNameBefore(text, lt)
		if ok && (start < 0 || start >= end || end > lt || end-start > maxDisplayName || bytes.ContainsAny(text[start:end], "<>@")) {
			t.Fatalf("DisplayNameBefore(%q) = %d, %d", text, start, end)
		}
		lp := bytes.LastIndexByte(text, '(')
		if lp < 0 {
			return
		}
		start, end, ok = ParenthesizedNameBefore(text, lp)
		if ok && (start < 0 || start >= end || end >= lp || end-start > maxDisplayName || bytes.ContainsAny(text[start:end], "<>@()")) {
			t.Fatalf("ParenthesizedNameBefore(%q) = %d, %d", text, start, end)
		}
	})
}
