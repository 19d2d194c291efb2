package devicenames

import (
	"slices"
	"testing"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/detectors/internal/spantest"
)

func TestAppendSpans(t *testing.T) {
	spantest.Run(t, AppendSpans, detectors.Name, []spantest.Case{
		{"possessive", "mDNS: registered \"Anna's MacBook Pro\"", []string{"Anna"}},
		{"typographic apostrophe, two words", "Connected to Li Wei’s AirPods", []string{"Li Wei"}},
		{"host name", "DHCPACK on 192.168.1.23 to a4:83:e7:05:6c:01 (Johns-iPhone) via eth0", []string{"Johns"}},
		{"host name in lower case, two words", "client li-weis-macbook-pro.local joined", []string{"li-weis"}},
		{"romance", "Galaxy S23 de Maria, iPhone de José García, iPad von Jonas, Pixel 8 Pro de Ana", []string{"Maria", "José García", "Jonas", "Ana"}},
		{"not a name: a model then no owner", "Galaxy S23 Ultra de 256 GB", nil},
		{"chinese", "设备：李伟的iPhone", []string{"李伟"}},
		{"japanese", "田中のiPad", []string{"田中"}},
		{"korean", "민준의 iPhone에 연결됨", []string{"민준"}},
		{"not a name: a pronoun", "My iPhone, my-iphone, 我的iPhone, 私のiPad, 내 iPhone", nil},
		{"not a name: a relation", "Mom's iPad and Dad's phone", nil},
		{"not a name: a maker", "Xiaomi's phone, Lenovo's laptop, Pixel de Google, Galaxy S24 de Samsung", nil},
		{"not a name: a word before a generic device", "smart-phone, the cell-phone, video-phone, sub-pixel, packed-pixel, my-galaxy", nil},
		{"not a name: lower case before a possessive", "the team's laptop", nil},
		{"not a name: inside a longer host name", "ip-10-0-0-1-iphone app.pixel-android", nil},
		{"not a name: a long cjk run", "我们公司的朋友的iPhone", nil},
		{"a chinese name at the end of a long run", "这张图做成李伟的iPhone壁纸，把欧阳娜娜的iPad也换了", []string{"李伟", "欧阳娜娜"}},
		{"not a name: no device", "Anna's cat, Johns-Hopkins", nil},
		{"not a name: a token before", "<NAME:k1:ghjkmnpqrstvwxyzghjkmnpq>'s iPhone", nil},
		{"generic device after a possessive", "Sarah's phone died", []string{"Sarah"}},
	})
}

// TestAppendHostSpans checks the forms log lines write: a possessive and
// the host name iOS makes of one; not a dash alone, nor "de".
func TestAppendHostSpans(t *testing.T) {
	spantest.Run(t, AppendHostSpans, detectors.Name, []spantest.Case{
		{"dhcp", "DHCPACK on 192.168.1.23 to a4:83:e7:05:6c:01 (Johns-iPhone) via eth0", []string{"Johns"}},
		{"mdns and bluetooth", "registered \"Anna’s MacBook Pro\"; connected to Li Wei's AirPods", []string{"Anna", "Li Wei"}},
		{"host name of two words", "Li-Weis-MacBook-Pro.local", []string{"Li-Weis"}},
		{"not these forms", "Anna-iPhone, iPhone de Maria, 李伟的iPhone, smarts-phone", nil},
	})
}

func TestNoAllocs(t *testing.T) {
	spantest.NoAllocs(t, AppendSpans, "Anna's iPhone, Johns-iPad, Galaxy S23 de Maria, 李伟的iPhone", 4)
	spantest.NoAllocs(t, AppendHostSpans, "Anna's iPhone, Johns-iPad", 2)
}

func FuzzAppendSpans(f *testing.F) {
	for _, s := range []string{"Anna's iPhone", "Johns-iPhone", "Galaxy S23 de Maria", "李伟的iPhone", "민준의 iPhone", "Li Wei’s AirPods", "'s iPhone", "-iphone", "的iPhone"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		all := spantest.Valid(t, AppendSpans, detectors.Name, []byte(text))
		// The forms of log lines are among all forms.
		for _, h := range spantest.Valid(t, AppendHostSpans, detectors.Name, []byte(text)) {
			if !slices.Contains(all, h) {
				t.Fatalf("AppendHostSpans found %v in %q, AppendSpans %v", h, text, all)
			}
		}
	})
}
