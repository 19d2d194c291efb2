package transforms

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/pixelprivacy/veil/detectors"
)

// TestCleanCache redacts a value found clean under one key, then under keys
// and phone regions where it is a finding: the cache must not answer for
// them.
func TestCleanCache(t *testing.T) {
	w := newTestWorker(t, Options{})
	redact := func(rec string) string {
		t.Helper()
		out, err := w.Redact(nil, []byte(rec), FormatAuto)
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	for _, tt := range []struct{ clean, personal string }{
		{`{"version":"10.1.2.3"}`, `{"note":"10.1.2.3"}`},       // a build number, then an address
		{`{"x":"aabbccddeeff"}`, `{"mac":"aabbccddeeff"}`},      // bare hex, then a MAC
		{`{"order_id":"0123456789"}`, `{"phone":"0123456789"}`}, // a reference, then a phone number
		{`{"x":"short"}`, `{"email":"short@163.com"}`},          // a value, then one longer
	} {
		for range 3 { // a miss, then hits
			if got := redact(tt.clean); got != tt.clean {
				t.Fatalf("%s became %s", tt.clean, got)
			}
		}
		if got := redact(tt.personal); got == tt.personal {
			t.Errorf("%s unchanged after %s was found clean", tt.personal, tt.clean)
		}
	}

	// The regions scanned are part of the entry: a German landline is no
	// number in the US.
	b := []byte("030 12345678")
	us, de := testSet.RegionMask("US"), testSet.RegionMask("DE")
	for range 2 {
		if spans, _ := w.findSpans(nil, b, detectors.Hint{}, us); len(spans) != 0 {
			t.Fatalf("%s in the US: %v", b, spans)
		}
	}
	if spans, _ := w.findSpans(nil, b, detectors.Hint{}, de); len(spans) != 1 || spans[0].Kind != detectors.Phone {
		t.Errorf("%s in Germany after the US: %v", b, spans)
	}
}

// TestCleanSlot checks that an entry holds exactly the value it was set
// with: every value of every cached length differs from one changed in any
// single byte, and from its own prefixes.
func TestCleanSlot(t *testing.T) {
	w := newTestWorker(t, Options{})
	for n := 1; n <= maxCleanLen; n++ {
		*w.clean = cleanCache{}
		v := bytes.Repeat([]byte{'a'}, n)
		for i := range v {
			v[i] = byte('a' + i%26)
		}
		e, known := w.cleanSlot(v, detectors.Hint{}, 0)
		if known {
			t.Fatalf("%q known before it was set", v)
		}
		e.set(v, detectors.Hint{}, 0)
		if _, known := w.cleanSlot(v, detectors.Hint{}, 0); !known {
			t.Fatalf("%q not known after it was set", v)
		}
		for _, h := range []detectors.Hint{{Kind: detectors.MAC}, {Traits: detectors.VersionKey}, {Traits: detectors.ReferenceKey}} {
			if _, known := w.cleanSlot(v, h, 0); known {
				t.Errorf("%q known under hint %+v", v, h)
			}
		}
		if _, known := w.cleanSlot(v, detectors.Hint{}, 1); known {
			t.Errorf("%q known for other regions", v)
		}
		for i := range v {
			c := v[i]
			v[i] = '1'
			if _, known := w.cleanSlot(v, detectors.Hint{}, 0); known {
				t.Errorf("%q known after %q was set", v, fmt.Sprintf("%s%c%s", v[:i], c, v[i+1:]))
			}
			v[i] = c
		}
		if _, known := w.cleanSlot(v[:n-1], detectors.Hint{}, 0); known && n > 1 {
			t.Errorf("%q known after %q was set", v[:n-1], v)
		}
	}
	if e, _ := w.cleanSlot(make([]byte, maxCleanLen+1), detectors.Hint{}, 0); e != nil {
		t.Errorf("a value of %d bytes has an entry", maxCleanLen+1)
	}
}
