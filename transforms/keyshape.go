package transforms

import "bytes"

// keyShape is what the letters of a JSON key say, read once per key (the
// hint cache keeps it): bits shapeUpper and shapeCoordinate.
type keyShape uint8

const (
	// shapeUpper: the key has an ASCII upper-case letter, so that it is
	// also looked up lowered (see paths.step).
	shapeUpper keyShape = 1 << iota
	// shapeCoordinate: the key's last word, after others, is a
	// coordinate's ("location_lat", "gpsLongitude", "user-lng"), and it
	// takes the rule of coordinateKey if no pattern matches it (see
	// Profile.coordinate).
	shapeCoordinate
	// shapeText: the key's last word, after others, names what users
	// write ("album_title", "photoCaption", "user_comment"), and its value
	// is free text if no pattern matches the key and the profile reads
	// free text (see endsInTextWord).
	shapeText
)

// shapeOf returns the shape of key.
func shapeOf(key []byte) keyShape {
	var s keyShape
	if hasUpper(key) {
		s |= shapeUpper
	}
	if endsInCoordinate(key) {
		s |= shapeCoordinate
	}
	if endsInTextWord(key) {
		s |= shapeText
	}
	return s
}

// endsInTextWord reports whether the last word of key, after another word
// and a '_', '-', '.' or ' ', or in camel case, is one of textWords, in any
// case: a caption, title, comment, description, prompt, message, text,
// query, bio, feedback, review, note or subject that users type, under a
// key that says whose ("album_title", "photoCaption", "app_review"). Keys
// that are the word alone are a profile's text fields as configured
// (languages.text_fields).
func endsInTextWord(key []byte) bool {
	n := len(key)
	k := n
	for k > 0 && isLowerASCII(key[k-1]) {
		k--
	}
	switch {
	case k < n && k > 0 && isUpperASCII(key[k-1]):
		k-- // "Caption" of "photoCaption"
	case k == n:
		for k > 0 && isUpperASCII(key[k-1]) {
			k-- // "TITLE" of "ALBUM_TITLE"
		}
	}
	if k == 0 || k == n {
		return false
	}
	switch before := key[k-1]; {
	case before == '_' || before == '-' || before == '.' || before == ' ':
		if k < 2 {
			return false
		}
	case !isUpperASCII(key[k]) || !isLowerASCII(before) && !('0' <= before && before <= '9'):
		return false
	}
	return equalFoldAny(key[k:], textWords...)
}

// textWords are the last words of the keys endsInTextWord takes.
var textWords = []string{"caption", "title", "comment", "comments", "description", "prompt", "message", "text",
	"query", "bio", "feedback", "review", "note", "notes", "subject"}

func isLowerASCII(c byte) bool { return 'a' <= c && c <= 'z' }
func isUpperASCII(c byte) bool { return 'A' <= c && c <= 'Z' }

// coordinateWords are the words that name a coordinate at a key's end,
// as coordinateWordEnds picks them by their last three bytes.
var coordinateWords = []string{"lat", "lng", "lon", "latitude", "longitude"}

// endsInCoordinate reports whether the last word of key is one of
// coordinateWords, in any case, after another word and a '_', '-', '.' or
// ' ', or in camel case ("locationLat"; not "flat", "salon").
func endsInCoordinate(key []byte) bool {
	return len(key) >= 4 && coordinateEnds[key[len(key)-1]] && coordinateWordEnds(key) // most keys fail at a glance
}

// coordinateWordEnds is endsInCoordinate past its glance at the last byte:
// the last three bytes, lowered, tell the word of coordinateWords to
// compare.
func coordinateWordEnds(key []byte) bool {
	n := len(key)
	var w string
	switch uint32(key[n-3]|0x20)<<16 | uint32(key[n-2]|0x20)<<8 | uint32(key[n-1]|0x20) {
	case 'l'<<16 | 'a'<<8 | 't':
		w = "lat"
	case 'l'<<16 | 'n'<<8 | 'g':
		w = "lng"
	case 'l'<<16 | 'o'<<8 | 'n':
		w = "lon"
	case 'u'<<16 | 'd'<<8 | 'e':
		w = "latitude"
		if n > len(w) && key[n-len(w)]|0x20 != 'l' {
			w = "longitude"
		}
	default:
		return false
	}
	k := n - len(w)
	if k <= 0 || !bytes.EqualFold(key[k:], []byte(w)) {
		return false
	}
	switch before, first := key[k-1], key[k]; {
	case before == '_' || before == '-' || before == '.' || before == ' ':
		return k > 1
	case 'A' <= first && first <= 'Z':
		return 'a' <= before && before <= 'z' || '0' <= before && before <= '9'
	}
	return false
}

// coordinateEnds marks the last bytes of coordinateWords, in either case.
var coordinateEnds = func() (t [256]bool) {
	for _, w := range coordinateWords {
		c := w[len(w)-1]
		t[c], t[c-'a'+'A'] = true, true
	}
	return t
}()

// placeKey reports whether key, in any case, names a place no finer than
// a city (city, country, country_code, region, state, province,
// continent, timezone): in a location object that a coordinates' rule
// generalizes (Segment's context.location: {"city", "country",
// "latitude", "longitude"}), such a member is scanned as any value is,
// where the object's rule would tokenize a string it cannot round.
func placeKey(key []byte) bool {
	return equalFoldAny(key, "city", "country", "country_code", "countrycode", "region", "region_code", "regioncode",
		"state", "province", "continent", "timezone", "time_zone")
}
