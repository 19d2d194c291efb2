package names_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pixelprivacy/veil/detectors"
	"github.com/pixelprivacy/veil/detectors/names"
)

// BenchmarkAppendSpans measures the finder on prompts with and without
// names: it runs on every prompt's free text under the prompt policy.
func BenchmarkAppendSpans(b *testing.B) {
	for _, bc := range []struct{ name, text string }{
		{"no names", strings.Repeat("Turn this photo into a watercolor painting of my family at the beach, soft colors. ", 4)},
		{"names", strings.Repeat("Hi, my name is Emily Jones; make a card for my daughter Emma. 我叫李伟，帮我做头像。", 4)},
		{"other scripts, no names", strings.Repeat("把这张照片变成水彩画，颜色柔和一点。この写真を水彩画風にしてください。"+
			"Сделай из этого фото акварель, мягкие цвета. 이 사진을 수채화로 바꿔 주세요. "+
			"اجعل هذه الصورة لوحة مائية. इस फोटो को वॉटरकलर पेंटिंग बना दो। ", 2)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			text := []byte(bc.text)
			dst := make([]detectors.Span, 0, 16)
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				dst = names.AppendSpans(dst[:0], text)
			}
		})
	}
}

func ExampleAppendSpans() {
	text := "Hi, my name is Emily Jones. Make a card for my daughter Emma! 我叫李伟。"
	for _, s := range names.AppendSpans(nil, []byte(text)) {
		fmt.Println(text[s.Start:s.End])
	}
	// Output:
	// Emily Jones
	// Emma
	// 李伟
}
