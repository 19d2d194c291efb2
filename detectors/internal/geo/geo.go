// Package geo reads a place's latitude and longitude as people write them
// into text: decimal degrees ("31.230416, 121.473701", "-33.8688,151.2093",
// "37.7749° N, 122.4194° W", "N 37.7749 W 122.4194") or degrees, minutes
// and seconds, as map apps and EXIF readers print them
// ("31°13'49.5"N 121°28'25.3"E"). It does not allocate.
package geo

import "github.com/pixelprivacy/veil/detectors/internal/textscan"

// A Point is a latitude and a longitude in decimal degrees.
type Point struct{ Lat, Lon float64 }

// minDecimals is how many decimals a coordinate in decimal degrees without
// a degree sign or a hemisphere needs to be taken for one: three, a
// hundred metres; fewer are prices, versions and scores ("1.5, 2.25").
const minDecimals = 3

// PairAt reads the latitude and longitude that start at text[i] and
// returns the point and the end of their text. The latitude comes first,
// then a comma, a semicolon or spaces, then the longitude; each is in
// range, and the hemispheres, if written, are the latitude's (N, S) and
// the longitude's (E, W). Unless both have a degree sign or a hemisphere,
// both need three decimals, a comma between them and one of at least 1.
func PairAt(text []byte, i int) (p Point, end int, ok bool) {
	lat, j, ok := coordinateAt(text, i)
	if !ok || lat.hemisphere != 0 && lat.hemisphere != 'N' && lat.hemisphere != 'S' {
		return p, 0, false
	}
	k, comma := separator(text, j)
	if k == j {
		return p, 0, false
	}
	lon, end, ok := coordinateAt(text, k)
	if !ok || lon.hemisphere != 0 && lon.hemisphere != 'E' && lon.hemisphere != 'W' {
		return p, 0, false
	}
	if !(lat.marked() && lon.marked()) && (!comma || lat.decimals < minDecimals || lon.decimals < minDecimals ||
		lat.value < 1 && lon.value < 1) {
		return p, 0, false // "1.5, 2.25", "12.345 67.890", "N62;9", "0.333, 0.667": weights, not the sea off Africa
	}
	p = Point{lat.degrees(), lon.degrees()}
	if p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180 {
		return p, 0, false
	}
	return p, end, true
}

// coordinate is one coordinate as written.
type coordinate struct {
	value      float64 // degrees, minutes and seconds summed, unsigned
	negative   bool
	hemisphere byte // 'N', 'S', 'E', 'W' or 0
	decimals   int  // of the last number
	degreeSign bool
}

// marked reports whether a degree sign or a hemisphere says c is one.
func (c coordinate) marked() bool { return c.degreeSign || c.hemisphere != 0 }

// degrees returns c signed: south and west are negative.
func (c coordinate) degrees() float64 {
	if c.negative || c.hemisphere == 'S' || c.hemisphere == 'W' {
		return -c.value
	}
	return c.value
}

// coordinateAt reads one coordinate at text[i]: a hemisphere or a sign
// maybe, a number of degrees, maybe a degree sign and minutes and seconds,
// maybe a hemisphere.
func coordinateAt(text []byte, i int) (c coordinate, end int, ok bool) {
	if i < len(text) && isHemisphere(text[i]) {
		c.hemisphere = text[i]
		i = skipSpaces(text, i+1)
	} else if i < len(text) && (text[i] == '-' || text[i] == '+') {
		c.negative = text[i] == '-'
		i++
	}
	deg, dec, j, ok := number(text, i, 3)
	if !ok {
		return c, 0, false
	}
	c.value, c.decimals = deg, dec
	if k, ok := degreeSign(text, j); ok {
		c.degreeSign, j = true, k
		if dec == 0 { // minutes and seconds follow whole degrees
			j = c.minutesSeconds(text, j)
		}
	}
	if c.hemisphere == 0 {
		k := skipSpaces(text, j)
		if k < len(text) && isHemisphere(text[k]) && !letterAt(text, k+1) && !c.negative {
			c.hemisphere, j = text[k], k+1
		}
	}
	if letterAt(text, j) || j < len(text) && isDigit(text[j]) {
		return c, 0, false
	}
	return c, j, true
}

// minutesSeconds adds to c the minutes and seconds at text[i], if any,
// and returns their end: "13'49.5\"", "13′49.5″".
func (c *coordinate) minutesSeconds(text []byte, i int) int {
	m, dec, j, ok := number(text, skipSpaces(text, i), 2)
	k, mark := minuteSign(text, j)
	if !ok || !mark || m >= 60 {
		return i
	}
	c.value += m / 60
	c.decimals, i = dec, k
	s, dec, j, ok := number(text, skipSpaces(text, i), 2)
	if k, mark := secondSign(text, j); ok && mark && s < 60 {
		c.value += s / 3600
		c.decimals, i = dec, k
	}
	return i
}

// number reads an unsigned decimal number of at most maxInt integer digits
// at text[i] and returns it, its decimals and its end. A number that goes
// on as a version's does ("1.2.3") is none.
func number(text []byte, i, maxInt int) (v float64, decimals, end int, ok bool) {
	j := i
	for j < len(text) && isDigit(text[j]) {
		v = v*10 + float64(text[j]-'0')
		j++
	}
	if j == i || j-i > maxInt {
		return 0, 0, 0, false
	}
	if j+1 < len(text) && text[j] == '.' && isDigit(text[j+1]) {
		scale := 1.0
		for j++; j < len(text) && isDigit(text[j]) && decimals < 12; j++ {
			scale /= 10
			v += float64(text[j]-'0') * scale
			decimals++
		}
		if j < len(text) && (isDigit(text[j]) || text[j] == '.' && j+1 < len(text) && isDigit(text[j+1])) {
			return 0, 0, 0, false
		}
	}
	return v, decimals, j, true
}

// separator returns the end of the separator between a latitude and a
// longitude at text[i] (a comma or a semicolon and spaces, or spaces), or
// i, and whether it holds a comma or a semicolon.
func separator(text []byte, i int) (end int, comma bool) {
	j := skipSpaces(text, i)
	if j < len(text) && (text[j] == ',' || text[j] == ';') {
		return skipSpaces(text, j+1), true
	}
	return j, false
}

// degreeSign returns the end of the degree sign at text[i] ("°", or "º" as
// Spanish keyboards type it), if there is one.
func degreeSign(text []byte, i int) (int, bool) {
	if i+1 < len(text) && text[i] == 0xC2 && (text[i+1] == 0xB0 || text[i+1] == 0xBA) {
		return i + 2, true
	}
	return i, false
}

// minuteSign returns the end of the minutes' sign at text[i]: ', ′ or ’.
func minuteSign(text []byte, i int) (int, bool) {
	switch {
	case i < len(text) && text[i] == '\'':
		return i + 1, true
	case textscan.HasAt(text, i, "′"), textscan.HasAt(text, i, "’"):
		return i + 3, true
	}
	return i, false
}

// secondSign returns the end of the seconds' sign at text[i]: ", ″, ” or
// two apostrophes; JSON's \" too.
func secondSign(text []byte, i int) (int, bool) {
	switch {
	case i < len(text) && text[i] == '"':
		return i + 1, true
	case textscan.HasAt(text, i, `\"`), textscan.HasAt(text, i, "''"):
		return i + 2, true
	case textscan.HasAt(text, i, "″"), textscan.HasAt(text, i, "”"):
		return i + 3, true
	}
	return i, false
}

func skipSpaces(text []byte, i int) int {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	return i
}

func isHemisphere(c byte) bool { return c == 'N' || c == 'S' || c == 'E' || c == 'W' }
func isDigit(c byte) bool      { return '0' <= c && c <= '9' }

// letterAt reports whether an ASCII letter is at text[i]: "121.47km" is
// no longitude, "121.47附近" is one.
func letterAt(text []byte, i int) bool {
	return i < len(text) && 'a' <= text[i]|0x20 && text[i]|0x20 <= 'z'
}
