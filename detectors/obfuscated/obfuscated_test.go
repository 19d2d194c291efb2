package obfuscated

import (
	"testing"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/detectors/internal/spantest"
)

func TestAppendSpans(t *testing.T) {
	spantest.Run(t, AppendSpans, detectors.Email, []spantest.Case{
		{"brackets", "mail me: li.wei (at) 163 (dot) com, thanks", []string{"li.wei (at) 163 (dot) com"}},
		{"square brackets, a real dot", "li.wei[at]163.com", []string{"li.wei[at]163.com"}},
		{"braces and angles", "bob{at}mail<dot>example<dot>org!", []string{"bob{at}mail<dot>example<dot>org"}},
		{"capitals", "write to Li.Wei AT Gmail DOT com please", []string{"Li.Wei AT Gmail DOT com"}},
		{"plain words", "contact li.wei at 163 dot com or", []string{"li.wei at 163 dot com"}},
		{"plain words, digits", "lucia88 at hotmail dot es", []string{"lucia88 at hotmail dot es"}},
		{"subdomain", "x_y (at) mail.tsinghua.edu (dot) cn", []string{"x_y (at) mail.tsinghua.edu (dot) cn"}},
		{"plain words, a word's local part", "meet me at home dot com", nil},
		{"plain words after a mail word", "email me: bob at example dot com; mi correo es ana at gmail dot com", []string{"bob at example dot com", "ana at gmail dot com"}},
		{"plain words after a label or a token of an address", "write to [EMAIL] bob at example dot com; <EMAIL:k1:x> ana at gmail dot com", nil},
		{"plain words, an uncommon TLD", "ring li.wei at 163 dot zz", nil},
		{"no domain", "li.wei (at) home", nil},
		{"a number for a TLD", "user1 (at) 10.0.0 (dot) 1", nil},
		{"a sentence", "I'm at the beach. Look at this photo dot", nil},
		{"mixed case word", "li.wei At 163 dot com", nil},
		{"a token", "<EMAIL:k1:ghjkmnpqrstvwxyzghjkmnpq> (at) x", nil},
		{"a token's tail", "<NAME:k1:ghjkmnpqrstvwxyzghjkmnpq>.x (at) example (dot) com", nil},
		{"a separator after it", "qz.x (at) example (dot) com [dot]", []string{"qz.x (at) example (dot) com"}},
		{"a number after it", "qz.x (at) example (dot) com [dot]0", []string{"qz.x (at) example (dot) com"}},
		{"dots spelled in the local part", "jane[dot]doe[at]gmail[dot]com and m(dot)li (at) qq (dot) com", []string{"jane[dot]doe[at]gmail[dot]com", "m(dot)li (at) qq (dot) com"}},
		// A local part's dots spelled between spaces had left its head
		// ("jane dot <EMAIL…>").
		{"dots spelled between spaces in the local part", "My email is jane dot doe at gmail dot com; JANE DOT DOE AT GMAIL DOT COM",
			[]string{"jane dot doe at gmail dot com", "JANE DOT DOE AT GMAIL DOT COM"}},
		{"a spelled dot after a label", "[EMAIL] dot doe at gmail dot com", nil},
		{"a spelled dot before the local part", "[dot]doe[at]gmail[dot]com", nil},
		{"a spaced @", "email me at bob @ gmail.com, or li.wei @ 163 . com", []string{"bob @ gmail.com", "li.wei @ 163 . com"}},
		{"a spaced @, no domain", "meet @ home, 5 @ 10.5, me @ the . end, @ gmail.com", nil},
		// A space after the '@' alone, as a typo leaves one; one before it
		// alone is a handle's.
		{"a space after @", "my email is jane@ example.com, or jane.doe@  gmail.com", []string{"jane@ example.com", "jane.doe@  gmail.com"}},
		{"a space after @, no address", "thanks @vercel.com, at 10@ home.town, me@ home", nil},
		{"after another script", "邮箱li.wei (at) 163 (dot) com", []string{"li.wei (at) 163 (dot) com"}},
	})
}

func TestAppendSpansAllocs(t *testing.T) {
	spantest.NoAllocs(t, AppendSpans, "li.wei (at) 163 (dot) com and bob at mail dot example dot org, or x[at]y.io", 2)
}

func FuzzAppendSpans(f *testing.F) {
	for _, s := range []string{"li.wei (at) 163 (dot) com", "a[at]b.cc", "x AT y DOT z", "a at b dot com", "(at)(dot)", " at  dot "} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		spantest.Valid(t, AppendSpans, detectors.Email, text)
	})
}
