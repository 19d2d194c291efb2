package gen

import (
	"slices"
	"strings"
)

// person is a romanized name that e-mail local parts are made of.
type person struct{ first, last string }

// Tags people add to addresses with a plus sign.
var emailTags = []string{"photos", "pixel", "promo", "app", "2026", "shop"}

// Internationalized domains (IDN), used where the text around allows them,
// each with a local part in its own script (RFC 6531) for half of the
// addresses at it.
var idnDomains = []struct{ domain, local string }{
	{"bücher.de", "müller"}, {"müller-foto.de", "jürgen.weiß"}, {"café-crème.fr", "françoise"},
	{"españa-fotos.es", "josé.peña"}, {"почта.рф", "иван"}, {"ação.com.br", "joão"},
	{"例え.jp", "たろう"}, {"제주.kr", "홍길동"}, {"中国移动.中国", "用户"},
}

// E-mail encodings: how the '@' (and a plus tag's '+') appear in the record.
const (
	emailRaw  = iota // li.wei@163.com
	emailJSON        // li.wei\u0040163.com, inside a JSON string
	emailURL         // li.wei%40163.com, in a URL query
	emailWide        // li.wei＠163.com or li.wei@163。com: a CJK input method's at sign or full stop
)

// jsonEmailEncoding returns how an address inside a JSON string is written:
// now and then with its '@' escaped, as some JSON encoders do.
func (r *rng) jsonEmailEncoding() int {
	if r.chance(8) {
		return emailJSON
	}
	return emailRaw
}

// appendEmail appends an address of one of names at one of domains; idn
// allows an internationalized domain now and then.
func (r *rng) appendEmail(dst []byte, names []person, domains []string, enc int, idn bool) []byte {
	p := pick(r, names)
	start := len(dst)
	shape := r.intn(8)
	switch shape {
	case 0, 1:
		dst = append(append(append(dst, p.first...), '.'), p.last...)
	case 2:
		dst = appendPad(append(append(dst, p.first...), p.last...), r.intn(100), 2)
	case 3:
		dst = append(append(append(dst, p.first...), '_'), p.last...)
	case 4:
		dst = append(append(append(dst, p.first[0]), '.'), p.last...)
	case 5:
		dst = append(append(append(dst, p.first...), '.'), p.last...)
		if enc == emailURL {
			dst = append(dst, "%2B"...)
		} else {
			dst = append(dst, '+')
		}
		dst = append(dst, pick(r, emailTags)...)
	case 6:
		dst = appendPad(append(dst, p.first...), r.between(1970, 2010), 4)
	default:
		dst = append(append(append(dst, p.last...), '.'), p.first...)
	}
	local := len(dst)
	switch enc {
	case emailJSON:
		dst = append(dst, `\u0040`...)
	case emailURL:
		dst = append(dst, "%40"...)
	case emailWide:
		if shape%2 == 0 {
			dst = append(dst, "＠"...)
		} else {
			dst = append(dst, '@')
		}
	default:
		dst = append(dst, '@')
	}
	domain := len(dst)
	if idn && r.chance(8) {
		a := pick(r, idnDomains)
		if shape%2 == 0 { // müller@bücher.de; the others: lucas.martin@bücher.de
			at := string(dst[local:domain])
			dst = append(append(dst[:start], a.local...), at...)
		}
		return append(dst, a.domain...)
	}
	if enc == emailWide && shape%2 == 1 {
		dst = appendIdeographicStops(dst, pick(r, domains)) // li.wei@163。com
	} else {
		dst = append(dst, pick(r, domains)...)
	}
	switch r.intn(25) {
	case 0: // LI.WEI@163.COM
		upperASCII(dst[start:local])
		upperASCII(dst[domain:])
	case 1: // Li.Wei@163.com
		for i := start; i < local; i++ {
			if i == start || dst[i-1] == '.' || dst[i-1] == '_' {
				upperASCII(dst[i : i+1])
			}
		}
	case 2: // li.wei\u200b@163.com, as a web page hides an address from scrapers
		dst = slices.Insert(dst, local, invisibles[shape%len(invisibles)]...)
	}
	return dst
}

// invisibles are the characters that web pages and chats put inside
// addresses and numbers, unseen, to keep them from scrapers and from
// being linked: zero-width space, soft hyphen, word joiner and zero-width
// no-break space.
var invisibles = [][]byte{[]byte("\u200b"), []byte("\u00ad"), []byte("\u2060"), []byte("\ufeff")}

// appendIdeographicStops appends domain with each '.' typed as '。', as a
// CJK input method in its own punctuation mode types it.
func appendIdeographicStops(dst []byte, domain string) []byte {
	for i := range len(domain) {
		if domain[i] == '.' {
			dst = append(dst, "。"...)
		} else {
			dst = append(dst, domain[i])
		}
	}
	return dst
}

// upperASCII upper-cases the ASCII letters of b in place.
func upperASCII(b []byte) {
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
}

// spellings are the ways an address is spelled out around its '@' and
// dots to keep it from harvesters: the separators for '@' and '.'.
var spellings = [][2]string{{" (at) ", " (dot) "}, {"[at]", "."}, {" AT ", " DOT "}, {" at ", " dot "}}

// appendSpelledEmail appends an address of one of names at one of domains
// spelled out as one of spellings: "li.wei (at) 163 (dot) com".
func (r *rng) appendSpelledEmail(dst []byte, names []person, domains []string) []byte {
	p := pick(r, names)
	if r.chance(50) {
		dst = append(append(append(dst, p.first...), '.'), p.last...)
	} else {
		dst = appendPad(append(dst, p.first...), r.intn(100), 2)
	}
	s := pick(r, spellings)
	dst = append(dst, s[0]...)
	for i, label := range strings.Split(pick(r, domains), ".") {
		if i > 0 {
			dst = append(dst, s[1]...)
		}
		dst = append(dst, label...)
	}
	return dst
}
