package lang

import (
	"encoding/json"
	"fmt"
	"runtime"
	"testing"

	"github.com/pixelprivacy/veil/benchmarks/gen"
)

var testDetector = func() *Detector {
	d, err := New(nil, Options{})
	if err != nil {
		panic(err)
	}
	return d
}()

// TestEachLanguage detects a sentence of every default language.
func TestEachLanguage(t *testing.T) {
	tests := []struct{ lang, text string }{
		{"en", "Turn this selfie into a watercolor portrait and send it to me when it is done."},
		{"zh", "把这张照片做成吉卜力风格，做好发到我邮箱 li.wei@163.com 谢谢"},
		{"ja", "この写真を水彩画風にして、終わったら tanaka@example.jp に送ってください。"},
		{"ko", "강아지 사진으로 달력을 만들고 싶어요. 메일은 kim@hanmail.net 입니다."},
		{"es", "Haz que esta foto parezca una acuarela y envíamela cuando esté lista, por favor."},
		{"de", "Mach aus diesem Foto ein Aquarell und schick es mir, wenn es fertig ist, bitte."},
		{"fr", "Transforme cette photo en aquarelle et envoie-la-moi quand elle est prête, merci."},
		{"pt", "Transforme esta foto em uma aquarela e me envie quando estiver pronta, obrigado."},
		{"ru", "Сделай из этой фотографии акварель и пришли мне, когда будет готово."},
		{"ar", "حوّل هذه الصورة إلى لوحة مائية وأرسلها لي عندما تصبح جاهزة من فضلك."},
		{"hi", "इस फोटो को वॉटरकलर पेंटिंग बना दो और तैयार होने पर मुझे भेज दो।"},
		// An address at a domain in another script says nothing.
		{"hi", "मेरी शादी की फोटो से पोस्टर बनाओ, व्हाट्सऐप 9936432873 या मेल anjali.gupta@제주.kr पर भेजो।"},
		{"fr", "Envoie le portrait à chloe@例え.jp, merci beaucoup pour tout"},
		{"zh", "联系我li.wei@163.com给我发原图，谢谢"},
		{"fr", "Restaurez cette vieille photo de famille, contact 07 87 83 06 79 ou 用户@中国移动.中国"},
		{"en", "My number is (303) 281-3476 and my email is 用户@中国移动.中国."},
		{"ru", "Приложение вылетает. Пишите на 홍길동@제주.kr или звоните 8 925 455-95-19."},
		{"zh", "把这张照片做成吉卜力风格，做好发到我邮箱 홍길동＠제주.kr 或打我电话 １８１－５６６８－１０７３"},
		// Full-width digits and punctuation are of no script: they outvote no letters.
		{"zh", "我的手机号０２１ ２６６３ ３１７３，邮箱WANGFANG54@126.COM，请把高清原图发给我"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			if got := testDetector.Detect([]byte(tt.text)); got != tt.lang {
				t.Fatalf("Detect(%q) = %q, want %q", tt.text, got, tt.lang)
			}
		})
	}
}

// TestWords checks what the detector reads of a text: no e-mail address,
// URL, number or key=value pair, so that a value a policy drops from one
// ("password=" left of "password=RAyCDf2q") leaves the language as it was.
func TestWords(t *testing.T) {
	for in, want := range map[string]string{
		"style applied login_failed=1 password=RAyCDf2q took=2714ms": "style applied",
		"style applied login_failed=1 password= took=2714ms":         "style applied",
		"mail li.wei@163.com or see https://x.org/a, 42 times":       "mail or see times",
		"我的手机号13800138000":                                           "我 的 手 机 号",
	} {
		if got := string(words(make([]byte, 0, 512), []byte(in))); got != want {
			t.Errorf("words(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNoLetters(t *testing.T) {
	for _, s := range []string{"", "12345 !!!", "🙂🙂"} {
		if got := testDetector.Detect([]byte(s)); got != "" {
			t.Errorf("Detect(%q) = %q, want none", s, got)
		}
	}
}

func TestRestrictedSet(t *testing.T) {
	d, err := New([]string{"ja", "en"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Without Chinese, Han is read as Japanese; Latin has one language.
	for text, want := range map[string]string{"请把照片发给我": "ja", "Bitte schick mir das Foto": "en", "Сделай акварель": ""} {
		if got := d.Detect([]byte(text)); got != want {
			t.Errorf("Detect(%q) = %q, want %q", text, got, want)
		}
	}
	if _, err := New([]string{"en", "xx"}, Options{}); err == nil {
		t.Error("New accepted an unknown language")
	}
}

// prompts returns the texts of n generated prompts with their languages.
func prompts(t testing.TB, n int) (texts [][]byte, langs []string) {
	t.Helper()
	g := gen.New(gen.Options{Seed: 3, Mix: [3]int{0, 0, 1}})
	for range n {
		ev := g.Next()
		var p struct{ Text string }
		if err := json.Unmarshal(ev.Line, &p); err != nil {
			t.Fatal(err)
		}
		texts = append(texts, []byte(p.Text))
		langs = append(langs, ev.Lang)
	}
	return texts, langs
}

// TestAccuracy holds detection on the generator's prompts to 97%, in each
// accuracy mode, and reports the share right by language.
func TestAccuracy(t *testing.T) {
	n := 2000
	if testing.Short() {
		n = 300
	}
	texts, langs := prompts(t, n)
	for _, low := range []bool{false, true} {
		t.Run(fmt.Sprintf("low=%v", low), func(t *testing.T) {
			d, err := New(nil, Options{LowAccuracy: low, CacheSize: -1})
			if err != nil {
				t.Fatal(err)
			}
			right, total := map[string]int{}, map[string]int{}
			ok := 0
			for i, text := range texts {
				total[langs[i]]++
				if got := d.Detect(text); got == langs[i] {
					right[langs[i]]++
					ok++
				} else if testing.Verbose() {
					t.Logf("%s taken for %q: %s", langs[i], got, text)
				}
			}
			for l, n := range total {
				t.Logf("%s %.1f%% of %d", l, 100*float64(right[l])/float64(n), n)
			}
			if acc := float64(ok) / float64(len(texts)); acc < 0.97 {
				t.Fatalf("accuracy %.2f%% < 97%%", 100*acc)
			}
		})
	}
}

// BenchmarkDetect measures detection per prompt of the generator, in each
// accuracy mode, without the cache (every prompt is new), and the memory the
// models take once loaded (lingua keeps models process-wide: run one mode
// at a time, -bench Detect/low, for its own figure).
func BenchmarkDetect(b *testing.B) {
	texts, _ := prompts(b, 4000)
	for _, c := range []struct {
		name string
		o    Options
	}{
		{"high", Options{CacheSize: -1}},
		{"low", Options{LowAccuracy: true, CacheSize: -1}},
	} {
		b.Run(c.name, func(b *testing.B) {
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			d, err := New(nil, c.o)
			if err != nil {
				b.Fatal(err)
			}
			for _, t := range texts { // load the models
				d.Detect(t)
			}
			runtime.GC()
			runtime.ReadMemStats(&after)
			b.ResetTimer()
			i := 0
			for b.Loop() {
				d.Detect(texts[i%len(texts)])
				i++
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "prompts/s")
			b.ReportMetric((float64(after.HeapAlloc)-float64(before.HeapAlloc))/(1<<20), "model-MiB")
		})
	}
}

// TestShortPrompts checks short prompts, which lingua's low-accuracy
// models often misread, by the function words they are made of.
func TestShortPrompts(t *testing.T) {
	d, err := New(nil, Options{LowAccuracy: true, CacheSize: -1})
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]string{
		"Add my Instagram and my WhatsApp to the flyer": "en", "turn this into anime": "en",
		"Mach ein Bild von mir und meiner Freundin": "de", "Fais un dessin de moi avec mon chat": "fr",
		"Haz una tarjeta para mi hija": "es", "Faz um cartão para a minha filha": "pt",
		// One function word in a tiny text, and a word's full stop.
		"a card for Santa Claus": "en", "portrait for mom": "en", "Katze mit Hut": "de",
		"Schick das Bild an lea51[at]t-online.de, danke.": "de",
	} {
		if got := d.Detect([]byte(text)); got != want {
			t.Errorf("Detect(%q) = %q, want %q", text, got, want)
		}
	}
	if got, ok := shortLanguage([]byte("the le der el o"), map[string]bool{"en": true, "fr": true, "de": true, "es": true, "pt": true}); ok {
		t.Errorf("one word of each language settled %q", got)
	}
}
