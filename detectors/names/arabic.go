package names

import (
	"strings"

	"github.com/pixelprivacy/veil/detectors/internal/textscan"
	"github.com/pixelprivacy/veil/detectors/internal/wordset"
)

// arabicBeforeName are the words after which prompts name a person with no
// phrase: relatives and friends with "my" ("ابنتي سارة", my daughter
// Sara), also after "for" or "and" joined to them ("لابنتي مريم",
// "ولزوجي أحمد"),
// "with", "to", "dear" and the vocative "يا".
var arabicBeforeName = func() []string {
	kin := []string{"ابنتي", "ابني", "بنتي", "زوجتي", "زوجي", "أختي", "اختي", "أخي", "اخي", "صديقتي", "صديقي",
		"جدتي", "جدي", "حفيدتي", "حفيدي", "طفلتي", "طفلي"}
	words := append([]string{"مع", "إلى", "الى", "عزيزتي", "عزيزي", "يا"}, kin...)
	for _, prefix := range []string{"ل", "و", "ول"} { // for, and, and for
		for _, k := range kin {
			words = append(words, prefix+k)
		}
	}
	return words
}()

// arabicPrefixes are the prepositions and the conjunction written joined to
// the name they come before: "لسارة" (for Sara), "وأحمد" (and Ahmed).
var arabicPrefixes = []string{"ل", "و"}

// arabicWordNames are the given names of arabic.txt that are words too,
// which a name after arabicBeforeName or arabicPrefixes is not: adjectives
// ("جميل", beautiful; "سعيد", happy), nouns ("نور", light; "سيف", a sword),
// months and days ("رمضان", "جمعة"), and those that make a word after ل:
// "لعلي" (perhaps I), "لدينا" (we have).
var arabicWordNames = wordset.New(strings.Fields(`جميل سعيد حسن أمير أمين أمان جمال نور بدر ربيع رعد سيف صقر فهد ليث ريم
	بلبل مبارك مبروك جمعة رمضان رجب شعبان عطية سلامة هدى منى فرج نصر ضياء حكيم عزيز حبيب كامل كرم كمال شريف صادق
	طيب فاضل عادل مجد إسلام جهاد رضا سماح بسيم بلسم جوهر ثابت حافظ حليم رفيق سالم سليم صابر طاهر عارف غانم فريد
	ممتاز منير نبيل نجيب نعيم وسيم وديع هاني أليف بليغ جليل حميد رشيد مختار منصور مسعود مؤمن مجاهد ناجح شاكر فائز
	علي على عرفات بركات رزق فضل فتاح غفار معين مصلح مخلص مرشد نافع ناصح رائد راغب رابح ظافر عفيف لبيب لطفي ذاكر
	حسني خيري رحمة غيث سراج شهاب صخر وصفي نسيم جسور دينا مفتاح`)...)

// listedArabicName reads the Arabic name after one of arabicBeforeName, at
// text[after] past spaces, or joined to one of arabicPrefixes if joined: a
// given name of arabic.txt that is no word (arabicWordNames), and the
// father's and grandfather's names of the list after it ("مع أحمد علي";
// not "على", on).
func listedArabicName(text []byte, after int, joined bool) (start, end int, ok bool) {
	start = after
	if !joined {
		if start = skipSpaces(text, after); start == after {
			return 0, 0, false
		}
	}
	end = arabicWordEnd(text, start)
	if end == start || !arabicGiven.HasCaseless(text[start:end]) || arabicWordNames.HasCaseless(text[start:end]) {
		return 0, 0, false
	}
	for range 2 { // "لأحمد علي"
		n := skipSpaces(text, end)
		e := arabicWordEnd(text, n)
		if n == end || e == n || !arabicGiven.HasCaseless(text[n:e]) || textscan.HasAt(text, n, "على") && e-n == len("على") {
			break
		}
		end = e
	}
	return start, end, true
}
