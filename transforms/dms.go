package transforms

import (
	"math"
	"strconv"
)

// dms is a coordinate written in degrees, minutes and seconds, as EXIF
// stores a photo's GPSLatitude and GPSLongitude and as EXIF readers write
// them in JSON: three numbers ([31, 13, 49.5]: exifr, exif-js) or three
// rationals ([[31,1],[13,1],[4950,100]]: piexif). Each of its numbers
// rounded alone would keep the seconds, a few metres; a dms is rounded as
// one coordinate.
type dms struct {
	deg      float64 // the coordinate in degrees, signed
	rational bool    // written as rationals
}

// readDMS reads the JSON array at src[i] as a coordinate in degrees,
// minutes and seconds, and returns the index after it: whole degrees of at
// most 180, then minutes and seconds each in [0, 60). An array of other
// numbers (a GeoJSON position, [121.4737, 31.2304, 4.0], whose first is not
// whole) is not one.
func readDMS(src []byte, i int) (c dms, end int, ok bool) {
	var part [3]float64
	i = skipWS(src, i+1)
	for k := range part {
		if k > 0 {
			if i = skipWS(src, i); i >= len(src) || src[i] != ',' {
				return c, i, false
			}
			i = skipWS(src, i+1)
		}
		rational := i < len(src) && src[i] == '['
		if k == 0 {
			c.rational = rational
		} else if rational != c.rational {
			return c, i, false
		}
		if rational {
			part[k], i, ok = readRational(src, i)
		} else {
			part[k], i, ok = readFloat(src, i)
		}
		if !ok {
			return c, i, false
		}
	}
	if i = skipWS(src, i); i >= len(src) || src[i] != ']' {
		return c, i, false
	}
	d, m, s := part[0], part[1], part[2]
	if d != math.Trunc(d) || math.Abs(d) > 180 || m < 0 || m >= 60 || s < 0 || s >= 60 {
		return c, i, false
	}
	c.deg = math.Abs(d) + m/60 + s/3600
	if math.Signbit(d) {
		c.deg = -c.deg
	}
	return c, i + 1, true
}

// readRational reads the JSON array [numerator, denominator] at src[i] as
// its quotient, and returns the index after it.
func readRational(src []byte, i int) (float64, int, bool) {
	num, i, ok := readFloat(src, skipWS(src, i+1))
	if i = skipWS(src, i); !ok || i >= len(src) || src[i] != ',' {
		return 0, i, false
	}
	den, i, ok := readFloat(src, skipWS(src, i+1))
	if i = skipWS(src, i); !ok || den <= 0 || i >= len(src) || src[i] != ']' {
		return 0, i, false
	}
	return num / den, i + 1, true
}

// readFloat reads the JSON number at src[i] and returns the index after it.
func readFloat(src []byte, i int) (float64, int, bool) {
	end, ok := scanNumber(src, i)
	if !ok {
		return 0, end, false
	}
	f, ok := parseFloat(src[i:end])
	return f, end, ok
}

// appendRounded appends the coordinate rounded to decimals decimal degrees,
// in degrees, minutes and seconds written as it was read: 121° 28′ 25.32″
// to 2 decimals is 121.47°, [121,28,12]. The seconds keep the decimals that
// the rounding leaves them (decimals-2).
func (c dms) appendRounded(dst []byte, decimals int) []byte {
	v := roundTo(math.Abs(c.deg), decimals)
	deg := math.Floor(v)
	rem := (v - deg) * 60
	mins := math.Floor(rem + 1e-9)
	secDecimals := max(decimals-2, 0)
	secScale := math.Pow10(secDecimals)
	secs := roundTo((rem-mins)*60, secDecimals)
	if secs < 0 {
		secs = 0
	}
	if secs >= 60 {
		secs, mins = secs-60, mins+1
	}
	if mins >= 60 {
		mins, deg = mins-60, deg+1
	}
	if c.deg < 0 {
		deg = -deg
	}
	dst = append(dst, '[')
	if !c.rational {
		dst = strconv.AppendFloat(dst, deg, 'f', -1, 64)
		dst = append(dst, ',')
		dst = strconv.AppendFloat(dst, mins, 'f', -1, 64)
		dst = append(dst, ',')
		dst = strconv.AppendFloat(dst, secs, 'f', -1, 64)
		return append(dst, ']')
	}
	dst = append(strconv.AppendFloat(append(dst, '['), deg, 'f', -1, 64), ",1],["...)
	dst = append(strconv.AppendFloat(dst, mins, 'f', -1, 64), ",1],["...)
	dst = strconv.AppendFloat(dst, math.Round(secs*secScale), 'f', -1, 64)
	dst = append(strconv.AppendInt(append(dst, ','), int64(secScale), 10), "]]"...)
	return dst
}
