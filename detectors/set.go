package detectors

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"

	"github.com/pixelprivacy/veil/detectors/phonetab"
)

// DefaultPhoneRegions are the regions whose national phone formats are
// recognized when Options.PhoneRegions is empty (ISO 3166-1 alpha-2).
var DefaultPhoneRegions = []string{"CN", "US", "GB", "DE", "FR", "JP", "IN", "BR", "RU", "KR", "ES", "SA", "AE", "EG"}

// DefaultAdIDKeys are the key names and context words that mark a UUID as an
// advertising or vendor identifier when Options.AdIDKeys is empty; after
// them 16 hex digits are one too, as Android's ANDROID_ID (the IDFV's
// counterpart) is written. A device's or an installation's ID is such an
// identifier too, whatever the app calls it; under these keys an iOS UDID
// is one as well.
var DefaultAdIDKeys = []string{"idfa", "idfv", "ifa", "gaid", "aaid", "oaid", "vaid", "adid", "advertising_id", "ad_id", "android_id",
	"device_id", "udid", "install_id", "installation_id", "vendor_id", // the last the IDFV in Firebase's export
	"advertising_identifier", "identifier_for_vendor", "app_set_id", "app_instance_id", // Apple's, Android's App Set and Firebase's API names
	"gsf_id", "ssaid", "openudid", "utdid", "widevine_id", "drm_id", // Google Services', Android's, OpenUDID's, Alibaba's and MediaDrm's
	"crashreporter_key", "crash_reporter_key", // the device's key in an iOS crash report (its header, its .ips JSON's crashReporterKey), 40 hex digits
	"androidid", "deviceid", "advertisingid", "installid", "installationid", "gsfid", // as some SDKs write them
	"advertisingidentifier", "identifierforvendor", // as iOS apps log them ("identifierForVendor: …")
	"广告标识符", "广告id", "広告id", "広告識別子", "광고id", "광고 id", "광고 식별자"} // the settings' names in Chinese, Japanese, Korean

// bareNationalRegions are regions with a trunk prefix where numbers are
// nevertheless commonly written without it: North American numbers never
// carry their "1", Chinese and Indian mobile numbers and Brazilian and
// Russian numbers usually go without "0" or "8". Only a Chinese mobile
// number (11 digits) goes bare: a landline is written with its "0"
// (021-12345678), so a bare "2125550132" is New York's, not Shanghai's; so
// too in India, only a mobile (6-9…).
var bareNationalRegions = map[string]bool{"US": true, "CA": true, "CN": true, "IN": true, "BR": true, "RU": true}

// Options configure a Set. The zero value enables every built-in kind with the
// default phone regions and advertising-ID keys.
type Options struct {
	// Kinds lists the enabled built-in kinds; empty means all of Builtin.
	Kinds []Kind
	// PhoneRegions lists the regions whose national formats are accepted.
	PhoneRegions []string
	// AdIDKeys lists key names and context words for advertising IDs.
	AdIDKeys []string
}

// Hint is what a JSON key name says about the value under it. It is two
// bytes: the walk copies one per member, and the scanner holds one.
type Hint struct {
	// Kind is the kind the key names (an "imei" key names IMEI), or None.
	// IPv4 stands for "an IP address", v4 or v6.
	Kind Kind
	// Traits are what else the key says of its value.
	Traits Trait
}

// Has reports whether h has the traits t.
func (h Hint) Has(t Trait) bool { return h.Traits&t == t }

// Trait is a bit of what a key says of its value other than its kind.
type Trait uint8

const (
	// VersionKey marks version and build keys, whose dotted numbers are
	// not IPs.
	VersionKey Trait = 1 << iota
	// ReferenceKey marks keys of order, invoice, ticket and product
	// numbers, whose zero-padded digits ("0123456789") are not national
	// phone numbers with a trunk prefix.
	ReferenceKey
	// ContactKey marks keys that name whom a record is from, for or
	// about, where a phone number may stand for the person ("login",
	// "username", "contact", "recipient"): a number valid in one of the
	// set's regions there is a phone number, as one is after "contact" in
	// text. Other values are read as anywhere.
	ContactKey
)

// Set finds all enabled built-in kinds in one pass. It is immutable after New
// and safe for concurrent use.
type Set struct {
	enabled    [MaxKinds]bool
	phones     *phonetab.Table
	regionMask uint64 // all configured phone regions
	cnMask     uint64 // the CN region, for bare 11-digit mobile numbers
	inMask     uint64 // the IN region, whose numbers go bare only if mobile
	nanpaMask  uint64 // the North American regions (US, CA)
	// scriptRegions[s]: the region script s points to (see ScriptRegion).
	scriptRegions [nScripts]uint64
	// bareLen[n]: the regions where a national number of n digits may be
	// written without a trunk prefix (all their numbers are written so,
	// or n is long enough to hold the area code).
	bareLen [maxDigits + 1]uint64
	// prefixed[d]: the regions where a number starting with digit d may
	// carry a prefix to strip (trunk, international, calling code).
	prefixed  [10]uint64
	adidWords *ContextWords
	adidKeys  [256][]string // in snake_case, by their first byte
}

// New builds a Set. It fails on an unknown phone region or kind.
func New(o Options) (*Set, error) {
	s := &Set{}
	kinds := o.Kinds
	if len(kinds) == 0 {
		kinds = Builtin
	}
	for _, k := range kinds {
		if !k.Scanned() {
			return nil, fmt.Errorf("detectors: %v is not a kind the scanner finds", k)
		}
		s.enabled[k] = true
	}
	regions := o.PhoneRegions
	if len(regions) == 0 {
		regions = DefaultPhoneRegions
	}
	t, err := phonetab.New(regions)
	if err != nil {
		return nil, fmt.Errorf("detectors: %w", err)
	}
	s.phones = t
	s.regionMask = 1<<len(t.Regions()) - 1
	if i, ok := t.RegionIndex("CN"); ok {
		s.cnMask = 1 << i
	}
	if i, ok := t.RegionIndex("IN"); ok {
		s.inMask = 1 << i
	}
	for _, r := range []string{"US", "CA"} {
		if i, ok := t.RegionIndex(r); ok {
			s.nanpaMask |= 1 << i
		}
	}
	for script, r := range scriptCountries {
		if i, ok := t.RegionIndex(r); ok {
			s.scriptRegions[script] = 1 << i
		}
	}
	for i, r := range t.Regions() {
		if bareNationalRegions[r] || phonenumbers.GetNddPrefixForRegion(r, true) == "" {
			bareMin, bareMax := 9, maxDigits
			switch {
			case r == "BR" || s.nanpaMask&(1<<i) != 0:
				bareMin = 10 // the area code is part of every number written
			case r == "CN":
				bareMin, bareMax = 11, 11
			}
			for n := bareMin; n <= bareMax; n++ {
				s.bareLen[n] |= 1 << i
			}
		}
		first := t.PrefixDigits(i)
		for d := range s.prefixed {
			if first>>d&1 != 0 {
				s.prefixed[d] |= 1 << i
			}
		}
	}
	keys := o.AdIDKeys
	if len(keys) == 0 {
		keys = DefaultAdIDKeys
	}
	words := make([]string, 0, len(keys))
	for _, k := range keys {
		k = strings.TrimSpace(k)
		if k == "" {
			return nil, fmt.Errorf("detectors: empty advertising-ID key")
		}
		// Keys are matched as KeyHint reads keys, context words as written
		// and by their words, whose spaces match '_' and '-' too
		// ("advertising_id", "Advertising ID", "X-Device-Id").
		snake := string(snakeCase(make([]byte, 0, 2*len(k)), []byte(k)))
		s.adidKeys[snake[0]] = append(s.adidKeys[snake[0]], snake)
		words = append(words, strings.ReplaceAll(strings.ToLower(k), "_", " "))
		if spaced := strings.ReplaceAll(snake, "_", " "); spaced != words[len(words)-1] {
			words = append(words, spaced)
		}
	}
	s.adidWords = NewContextWords(words...)
	return s, nil
}

// Enabled reports whether kind k is detected.
func (s *Set) Enabled(k Kind) bool { return s.enabled[k] }

// Phones returns the phone validation tables the set uses.
func (s *Set) Phones() *phonetab.Table { return s.phones }

// AppendSpans appends the findings in the text b to dst, sorted and without
// overlaps; it keeps no reference to b and does not allocate when dst has room.
func (s *Set) AppendSpans(dst []Span, b []byte) []Span {
	return s.scan(dst, b, Hint{}, s.regionMask)
}

// AppendSpansRegions is AppendSpans with national phone formats limited to the
// regions whose bits are set in mask (bit i is Phones().Regions()[i]).
func (s *Set) AppendSpansRegions(dst []Span, b []byte, mask uint64) []Span {
	return s.scan(dst, b, Hint{}, mask&s.regionMask)
}

// AppendValueSpans appends the findings in one JSON value under a key with
// hint h: a string's raw bytes between the quotes (still escaped) or a
// number's bytes. A key that names a kind applies it to the whole value, so
// the value of "imei" is an IMEI even without a valid checksum.
func (s *Set) AppendValueSpans(dst []Span, b []byte, h Hint) []Span {
	return s.AppendValueSpansRegions(dst, b, h, s.regionMask)
}

// AppendValueSpansRegions is AppendValueSpans with national phone formats
// limited to the regions whose bits are set in mask (see RegionMask).
func (s *Set) AppendValueSpansRegions(dst []Span, b []byte, h Hint, mask uint64) []Span {
	if h.Kind != None && s.enabled[h.Kind] {
		if start, end, ok := s.wholeValue(b, h.Kind); ok {
			k := h.Kind
			if k == IPv4 && ipv6Span(b[start:end]) {
				k = IPv6
			}
			return append(dst, Span{Start: start, End: end, Kind: k})
		}
	}
	return s.scan(dst, b, h, mask&s.regionMask)
}

// RegionMask returns the mask of the given phone regions (ISO 3166-1
// alpha-2) for AppendSpansRegions, leaving out those the set was not built
// with; with none of them, it is the mask of every region of the set.
func (s *Set) RegionMask(regions ...string) uint64 {
	var m uint64
	for _, r := range regions {
		if i, ok := s.phones.RegionIndex(r); ok {
			m |= 1 << i
		}
	}
	if m == 0 {
		return s.regionMask
	}
	return m
}

// ScriptRegion returns the mask of the phone region that the script of
// text points to, for AppendCanonicalPreferring when no locale names one:
// Hangul is Korea's, kana Japan's, Devanagari India's, Cyrillic Russia's
// and Han with no kana China's, where "010 7009 0427" is a Korean mobile
// number in Korean and a Beijing one in Chinese. In Latin script, German
// letters (ä ö ü ß) point to Germany and French ones (é è ê à ç ...) to
// France, when no letter of the other, nor of Spanish or Portuguese that
// French lacks (á í ó ú ñ ã õ), is there. Other text points to none: 0.
func (s *Set) ScriptRegion(text []byte) uint64 {
	han := false
	var latin uint8 // the latin* marks seen
	for i := 0; i < len(text); i++ {
		// Read by the first two bytes of each character, past ASCII, the
		// most of most records, eight bytes at a time.
		for len(text)-i >= 8 && le64(text[i:])&0x8080808080808080 == 0 {
			i += 8
		}
		if i+1 >= len(text) {
			break
		}
		c := text[i]
		if c < utf8.RuneSelf {
			continue
		}
		switch c1 := text[i+1]; {
		case c >= 0xD0 && c <= 0xD3: // U+0400-U+04FF
			return s.scriptRegions[scriptCyrillic]
		case c == 0xE0 && (c1 == 0xA4 || c1 == 0xA5): // U+0900-U+097F
			return s.scriptRegions[scriptDevanagari]
		case c == 0xE3 && c1 >= 0x81 && c1 <= 0x83: // U+3040-U+30FF
			return s.scriptRegions[scriptKana]
		case c == 0xEA && c1 >= 0xB0, c == 0xEB, c == 0xEC, c == 0xED && c1 <= 0x9E: // U+AC00-U+D7A3
			return s.scriptRegions[scriptHangul]
		case c == 0xE4 && c1 >= 0xB8, c >= 0xE5 && c <= 0xE9: // U+4E00-U+9FFF
			han = true
		case c == 0xC3: // U+00C0-U+00FF
			latin |= latinLetters[c1]
		case c == 0xC5 && c1 == 0x93: // œ
			latin |= latinFrench
		}
	}
	switch {
	case han:
		return s.scriptRegions[scriptHan]
	case latin == latinGerman:
		return s.scriptRegions[scriptGerman]
	case latin == latinFrench:
		return s.scriptRegions[scriptFrench]
	}
	return 0
}

// Marks of Latin text: letters of German, of French, and those of Spanish
// and Portuguese that French lacks, by the second byte of their UTF-8 form
// (C3 xx).
const (
	latinGerman = 1 << iota
	latinFrench
	latinIberian
)

var latinLetters = func() (t [256]uint8) {
	for _, r := range "äöüß" {
		t[byte(r&0x3F|0x80)] = latinGerman
	}
	for _, r := range "éèêëàâçîïôùû" {
		t[byte(r&0x3F|0x80)] = latinFrench
	}
	for _, r := range "áíóúñãõ" {
		t[byte(r&0x3F|0x80)] = latinIberian
	}
	return t
}()

// The scripts ScriptRegion tells, and the regions they point to.
const (
	scriptHangul = iota
	scriptKana
	scriptDevanagari
	scriptCyrillic
	scriptHan
	scriptGerman
	scriptFrench
	nScripts
)

var scriptCountries = [nScripts]string{scriptHangul: "KR", scriptKana: "JP", scriptDevanagari: "IN", scriptCyrillic: "RU", scriptHan: "CN", scriptGerman: "DE", scriptFrench: "FR"}

// LocaleRegion returns the mask of the phone region a locale or a country
// code names, for AppendCanonicalPreferring: "ja_JP", "ko-KR",
// "zh-Hans-CN", "en_US.UTF-8", "BR", "jp"; 0 if it names none of the set's
// regions ("en", "zh-Hans").
func (s *Set) LocaleRegion(locale []byte) uint64 {
	if i := bytes.IndexAny(locale, ".@"); i >= 0 {
		locale = locale[:i] // a POSIX locale's encoding or modifier
	}
	// The region is a two-letter subtag after the language, or the whole
	// value.
	region := locale
	if i := bytes.IndexAny(locale, "_-"); i >= 0 {
		region = nil
		for rest := locale[i+1:]; len(rest) > 0; {
			part := rest
			if j := bytes.IndexAny(rest, "_-"); j >= 0 {
				part, rest = rest[:j], rest[j+1:]
			} else {
				rest = nil
			}
			if len(part) == 2 {
				region = part
				break
			}
		}
	}
	if len(region) != 2 || !isLetter(region[0]) || !isLetter(region[1]) {
		return 0
	}
	code := [2]byte{upper(region[0]), upper(region[1])}
	if i, ok := s.phones.RegionIndex(string(code[:])); ok {
		return 1 << i & s.regionMask
	}
	return 0
}

func (s *Set) scan(dst []Span, b []byte, h Hint, mask uint64) []Span {
	i := firstAnchor(b)
	if i == len(b) {
		return dst // most JSON values and many words hold no anchor byte
	}
	first := len(dst)
	sc := scanner{set: s, b: b, dst: dst, hint: h, mask: mask}
	sc.run(i)
	// Handlers emit in order; resolving keeps the one rule in one place.
	out := ResolveOverlaps(sc.dst[first:])
	return sc.dst[:first+len(out)]
}
