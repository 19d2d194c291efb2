package detectors

import "testing"

// TestHex8 checks the word-at-a-time hex test against isHex for every byte
// value at every position.
func TestHex8(t *testing.T) {
	for c := range 256 {
		for pos := range 8 {
			b := []byte("0aF9fA1c")
			b[pos] = byte(c)
			if got, want := hex8(le64(b)), isHex(byte(c)); got != want {
				t.Fatalf("hex8(%q) = %v, want %v", b, got, want)
			}
		}
	}
}

// TestFirstAnchor checks the unrolled anchor search against the anchor
// table for every byte value at every offset of every prefix of a 40-byte
// run, so the first 4 bytes, the 16-byte steps and the tail are all covered:
// it stops at an anchor byte, passes none that is not idle, and may pass
// idle ones.
func TestFirstAnchor(t *testing.T) {
	const text = "the quick brown fox jumps over the lazy,"
	for c := range 256 {
		for pos := range len(text) {
			for n := pos + 1; n <= len(text); n++ {
				b := []byte(text)[:n]
				b[pos] = byte(c)
				checkFirstAnchor(t, b)
			}
		}
	}
	// Every '.' and '-' between every two bytes, at both places of a
	// looked-up pair and at the edges of the 16-byte steps, some before
	// "eyJ" (a JWT's payload) or after a key prefix's letters ("sk-").
	for _, sep := range []byte{'.', '-'} {
		for _, pos := range []int{4, 5, 19, 20} {
			for prev := range 256 {
				for next := range 256 {
					b := []byte("zz the quick brown fox jumps over the lazy fox sk")
					b[pos-2], b[pos-1], b[pos], b[pos+1] = 's', byte(prev), sep, byte(next)
					if next == 'e' {
						copy(b[pos+2:], "yJ")
					}
					checkFirstAnchor(t, b)
				}
			}
		}
	}
	// Idle anchors are passed in prose.
	for _, tc := range []struct {
		text string
		want int
	}{
		{"paint it watercolor-style, soft light. 4k", 39},
		{"光と淡い色、空を，青く。 4k", 37},
		{"e.g. a hex word before: ab-12", 1},
		{"a JWT's payload may follow .eyJh", 27},
	} {
		if got := firstAnchor([]byte(tc.text)); got != tc.want {
			t.Errorf("firstAnchor(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}

// checkFirstAnchor checks that firstAnchor(b) stops at an anchor byte or
// at the end, and passes no anchor that is not idle.
func checkFirstAnchor(t *testing.T, b []byte) {
	t.Helper()
	got := firstAnchor(b)
	if got < len(b) && anchor[b[got]] == 0 {
		t.Fatalf("firstAnchor(%q) = %d, not an anchor", b, got)
	}
	for i, d := range b[:got] {
		if anchor[d] != 0 && !idle(b, i) {
			t.Fatalf("firstAnchor(%q) = %d, past the anchor at %d", b, got, i)
		}
	}
}

// FuzzIdle checks that firstAnchor passes only idle anchors, and idle's
// promise: the handler of an anchor byte it calls idle finds nothing, even
// with every byte before it open to its look-backs, and neither do the
// anchors it passes, so that skipping it changes no result.
func FuzzIdle(f *testing.F) {
	for _, s := range []string{
		"Make it 4k, keep the faces natural-looking; e.g. over-sharpen: no.",
		"把这张照片做成吉卜力风格，天空要更蓝一些，人物保持自然。",
		"この写真を水彩画風にして、柔らかい光と淡い色にしてください。",
		"ارسم صورة ١٢٣ بألوان هادئة، من فضلك.", "एक तस्वीर बनाओ, ९८७६५४३२१०, धन्यवाद।",
		"ab.cd.ef aa-bb-cc sk-proj-x ghp_x tok.eyJhbGciOi.eyJzdWIi.sig",
		"li.wei＠163.com ＋８６ １３８ ００１３ ８０００", "fe80::1 aa:bb:cc:dd:ee:ff",
		"router aabb.ccdd.eeff, mac aa-bb-cc-dd-ee-ff", "idfa: deadbeef-1234-4abc-8def-0123456789ab.",
		"Don't over-sharpen: e.g. a square. face-to-face, Note: x_pass_word: v, password : w, token:x, ab:cd, fe::1",
		"--- a -----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----",
		"<mac>FECECEBADDEB</mac> MAC地址：EADEDBEFCCDA mac=abcdefabcdef MAC: ABCDEFABCDEE <b>facade</b>",
	} {
		f.Add([]byte(s))
	}
	set, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		checkFirstAnchor(t, b)
		for i := range b {
			if anchor[b[i]] == 0 || !idle(b, i) {
				continue
			}
			next, found := handle(set, b, i)
			if found != nil {
				t.Fatalf("idle(%q, %d), but its handler finds %v", b, i, found)
			}
			// The scan goes on at b[i+1], not at next: the anchors the
			// handler passes must find nothing either, nor pass next.
			for j := i + 1; j < next && j < len(b); j++ {
				if anchor[b[j]] == 0 {
					continue
				}
				if end, found := handle(set, b, j); found != nil || end > next {
					t.Fatalf("idle(%q, %d), but the anchor at %d its handler passes finds %v up to %d, past %d", b, i, j, found, end, next)
				}
			}
		}
	})
}

// handle runs the handler of the anchor at b[i] with every byte before it
// open to its look-backs and returns where scanning resumes and what it
// finds.
func handle(set *Set, b []byte, i int) (next int, found []Span) {
	sc := scanner{set: set, b: b, mask: set.regionMask}
	return sc.at(i), sc.dst
}

// TestASCIIForm checks the fold of typed forms against their code points
// for every 3-byte character.
func TestASCIIForm(t *testing.T) {
	for r := rune(0x800); r <= 0xFFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue // surrogates have no UTF-8 form
		}
		var want byte
		switch {
		case r >= '！' && r <= '～':
			want = byte(r - '！' + '!')
		case r == '。' || r == '｡':
			want = '.'
		case r == '﹫':
			want = '@'
		}
		if got := ASCIIForm([]byte(string(r)), 0); got != want {
			t.Fatalf("ASCIIForm(%U) = %q, want %q", r, got, want)
		}
	}
}

// TestSkipLetters checks where a run of Arabic or Devanagari text ends.
func TestSkipLetters(t *testing.T) {
	for _, tc := range []struct {
		text, rest string // the run ends where rest starts
	}{
		{"بألوان هادئة، من فضلك", ""},
		{"رقمي ٠٥٠١٢٣٤٥٦٧", "٠٥٠١٢٣٤٥٦٧"},
		{"رقمي ۰۵۰۱۲۳۴۵۶۷", "۰۵۰۱۲۳۴۵۶۷"},
		{"एक तस्वीर बनाओ, ९८७६५४३२१०", "९८७६५४३२१०"},
		{"नंबर 98765", "98765"},
		{"صورة ab12", "ab12"},
		{"صورة، 把这张", "把这张"},
		{"صورة ＋８６", "＋８６"},
		{"صورة li@x", "li@x"},
		{"صورة (ok)", "ok)"},
		{"صورة   ;", ""},
		{"صورة, and then some", ", and then some"}, // ASCII text, for firstAnchor
	} {
		b := []byte(tc.text)
		if got, want := skipLetters(b, 0), len(b)-len(tc.rest); got != want {
			t.Errorf("skipLetters(%q) stops before %q, want before %q", tc.text, b[got:], tc.rest)
		}
	}
}

// TestIdleFullWidth holds the table behind idleFullWidth to the functions
// the handler of a full-width character calls, for every character EF c1 c2
// and its truncations; '：' is left to idle, which reads the MAC after it.
func TestIdleFullWidth(t *testing.T) {
	for c1 := range 256 {
		for c2 := range 256 {
			full := []byte{0xEF, byte(c1), byte(c2)}
			for n := 1; n <= 3; n++ {
				b := full[:n]
				_, w := digitAt(b, 0)
				want := w == 0 && wideASCII(b, 0) != '+' && !wideAtSign(b, 0) && !fullWidthColonAt(b, 0)
				if got := idleFullWidth(b, 0); got != want {
					t.Fatalf("idleFullWidth(% x) = %v, want %v", b, got, want)
				}
			}
		}
	}
}
