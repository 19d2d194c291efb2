package handles

import (
	"bytes"
	"testing"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/detectors/internal/spantest"
)

func TestAppendSpans(t *testing.T) {
	spantest.Run(t, AppendSpans, detectors.Handle, []spantest.Case{
		// Mentions.
		{"mention", "add a watermark with @sarah_c_1984 in the corner", []string{"@sarah_c_1984"}},
		{"mention with dots", "tag @li.wei.photo please", []string{"@li.wei.photo"}},
		{"mention at the end of a sentence", "Follow @lucia88.", []string{"@lucia88"}},
		{"mention before a colon", "cc @bob_88: look at this", []string{"@bob_88"}},
		{"glued to a token", "mail <EMAIL:k1:swhnhjhsympqvvjxnpktzmqj>@A0 now", nil},
		{"after an HTML tag", "<b>@sarah_c</b>", []string{"@sarah_c"}},
		{"a host and its port", "connect to @db1:5432, @0A000:1::, @X0:<IPV6:k1:ngxtgtjnynxjphqhkqhynzrt>", nil},
		{"mention at the start", "@Yuki_0203 make me a sticker", []string{"@Yuki_0203"}},
		{"mention after Chinese", "关注我@wangfang_88谢谢", []string{"@wangfang_88"}},
		{"mention, full-width @", "インスタは＠yuki_0203です", []string{"＠yuki_0203"}},
		{"mention, digits first", "credit @2pac_fan99", []string{"@2pac_fan99"}},
		{"mention in JSON quotes", `text \"@sarah_c\" on it`, []string{"@sarah_c"}},
		{"e-mail address", "mail li.wei@163.com", nil},
		{"scale suffix", "export icon@2x and @3x", nil},
		{"time", "meet @5pm at the park", nil},
		{"frame rate", "render @60fps @1080p", nil},
		{"broadcast", "@everyone look at this, me @home", nil},
		{"a lone @", "me @ the beach", nil},
		{"one letter", "@a", nil},
		{"too long", "@" + "abcdefghij" + "abcdefghij" + "abcdefghij" + "abc", nil},
		{"followed by a dash", "@font-face rules", nil},
		{"two @s", "@@iterator", nil},
		// Profiles' addresses.
		{"instagram profile", "my page is https://www.instagram.com/sarah.c/ thanks", []string{"sarah.c"}},
		{"tiktok profile", "tiktok.com/@lucia_88?lang=es", []string{"@lucia_88"}},
		{"linkedin profile", "see linkedin.com/in/li-wei-123 for my photo", []string{"li-wei-123"}},
		{"facebook profile by number", "facebook.com/profile.php?id=100012345678901&ref=x and m.facebook.com/profile.php?id=4", []string{"100012345678901"}},
		{"telegram link", "t.me/ivan_p", []string{"ivan_p"}},
		{"twitter status", "https://twitter.com/sarah_c/status/123456", []string{"sarah_c"}},
		{"instagram post", "https://instagram.com/p/Cx1ab2/ style", nil},
		{"youtube watch", "youtube.com/watch?v=dQw4w9WgXcQ", nil},
		{"youtube handle", "youtube.com/@MrBeast6000", []string{"@MrBeast6000"}},
		{"a cashtag on another host", "x.com/$ab, tiktok.com/$A0", nil},
		{"payment profiles", "venmo.com/u/mike-smith-22, paypal.me/MikeSmith22, cash.app/$mikesmith and linktr.ee/sarah.c", []string{"mike-smith-22", "MikeSmith22", "$mikesmith", "sarah.c"}},
		{"another host", "box.com/sarah_c", nil},
		{"an e-mail domain", "sarah@x.com/abc", nil},
		// Labels.
		{"IG colon", "IG: sarah.c", []string{"sarah.c"}},
		{"equals signs", "IG = sarah_c, tiktok=lucia_88", []string{"sarah_c", "lucia_88"}},
		{"not after a field emptied", "X name= A0b_c", nil},
		{"instagram colon word", "Instagram: sarahconnor", []string{"sarahconnor"}},
		{"my tiktok is", "my tiktok is lucia_88 btw", []string{"lucia_88"}},
		{"my instagram is a word", "my instagram is private", nil},
		{"my instagram is a plain name", "my instagram is sarah", nil},
		{"handle word", "my IG handle is sarah", []string{"sarah"}},
		{"no separator, handle-like", "find me on insta sarah.c.photo", []string{"sarah.c.photo"}},
		{"no separator, a word", "post it on instagram tonight", nil},
		{"no separator, a version", "instagram v2 filter", nil},
		{"label then mention", "IG @sarah_c", []string{"@sarah_c"}},
		{"payment apps", "pay me on venmo @mike-smith-22 or cashapp $mikesmith, Venmo: mike_s22", []string{"@mike-smith-22", "$mikesmith", "mike_s22"}},
		{"payment app words", "venmo me $20, paypal is fine, cashapp $5, a paypal button", nil},
		{"line needs an ID word", "line 2: make it blue", nil},
		{"line id", "LINE ID: yuki0203", []string{"yuki0203"}},
		// Among other scripts' words a separator will do, as after "snap".
		{"line among japanese", "私のLINEはyuki.t、我的LINE是lily_88", []string{"yuki.t", "lily_88"}},
		{"line among japanese, a word", "私のLINEは使ってない", nil},
		{"snap word", "snap a photo of me", nil},
		{"snap, a separator and a handle", "My IG is @lily_rose and snap is lilyrose22, kik: lily.r", []string{"@lily_rose", "lilyrose22", "lily.r"}},
		{"x and a separator", "x: my_var, line: 42_b, snap is great", nil},
		{"wechat", "WeChat ID: wangfang-88", []string{"wangfang-88"}},
		{"QQ number", "QQ号 12345678", []string{"12345678"}},
		{"QQ number colon", "qq: 987654321", []string{"987654321"}},
		{"digits elsewhere", "instagram: 12345678", nil},
		{"Chinese wechat", "我的微信号是 wangfang_88，加我", []string{"wangfang_88"}},
		{"Chinese wechat glued", "微信wangfang_88", []string{"wangfang_88"}},
		{"Chinese wechat word", "微信支付 abc_12", nil},
		{"Chinese ins", "我的ins是sarah.c", []string{"sarah.c"}},
		{"Chinese xiaohongshu", "小红书号：lucy2024", []string{"lucy2024"}},
		{"Japanese", "インスタのアカウントは yuki_0203 です", []string{"yuki_0203"}},
		{"Japanese, no ID word", "インスタの写真 yuki_0203", nil},
		{"Japanese label", "インスタ: yuki_0203", []string{"yuki_0203"}},
		{"Korean", "카톡 아이디 minjun99", []string{"minjun99"}},
		{"Japanese Kakao", "カカオトークID: lily22", []string{"lily22"}},
		{"Discord tag", "My discord is lily#4821, discord: sam#0001!", []string{"lily#4821", "sam#0001"}},
		{"Discord word and a number", "my discord is down #4821 again, discord is lily #4821", nil},
		{"a tag on another platform", "QQ A0#0000, IG: lily#4821", []string{"lily"}},
		{"Russian", "мой телеграм: @ivan_p", []string{"@ivan_p"}},
		{"Russian capital", "Инстаграм — masha.k", []string{"masha.k"}},
		{"Russian word inside another", "телеграммы", nil},
		{"German", "Mein Instagram-Name ist lukas_m", nil},
		{"German space", "mein Instagram Name ist lukas_m", []string{"lukas_m"}},
		{"quoted value", `IG: "sarah.c"`, []string{"sarah.c"}},
		{"an address after a label", "IG: instagram.com/sarah.c", []string{"sarah.c"}},
		{"a label inside a word", "bigwig: abc_1", nil},
		{"a label after an underscore", "worker_threads = opts.worker_threads", nil},
		{"a code tag", "@param name the user's name", nil},
		{"a package scope", "npm i @babel/core", nil},
		{"a token", "IG: <HANDLE:k1:ghjkmnpqrstvwxyzghjkmnpq>", nil},
	})
}

func TestAppendSpansAllocs(t *testing.T) {
	spantest.NoAllocs(t, AppendSpans, "IG: sarah.c, tiktok.com/@lucia_88, 微信号是 wangfang_88 and @yuki_0203; мой телеграм: @ivan_p", 5)
	spantest.NoAllocs(t, AppendSpans, "venmo @mike-smith-22, cashapp $mikesmith, cash.app/$mikesmith", 3)
}

func FuzzAppendSpans(f *testing.F) {
	for _, s := range []string{"@sarah_c", "IG: sarah.c", "tiktok.com/@x_1", "微信号是 ab_12", "＠yuki", "QQ号 12345", "телеграм: @ivan"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		for _, s := range spantest.Valid(t, AppendSpans, detectors.Handle, text) {
			h := bytes.TrimPrefix(bytes.TrimPrefix(bytes.TrimPrefix(text[s.Start:s.End], []byte("@")), []byte(fullwidthAt)), []byte("$"))
			if n := len(h) - len("#0000"); n > 0 && h[n] == '#' && allDigits(h[n+1:]) {
				h = h[:n] // Discord's tag
			}
			if len(h) < 2 || len(h) > maxHandle || bytes.ContainsFunc(h, func(r rune) bool { return r >= 0x80 || !handleChar(byte(r)) && r != '-' }) {
				t.Fatalf("%q is no handle, in %q", text[s.Start:s.End], text)
			}
		}
	})
}
