package gen

import (
	"strconv"

	"github.com/pixelprivacy/veil/detectors"
)

// likeCoordinates is the kind that two blend weights imitate.
const likeCoordinates = detectors.Coordinates

// appendCoordinates appends a random place's latitude and longitude as map
// apps write them: decimal degrees with a comma ("31.230416, 121.473701"),
// half as often with degree signs and hemispheres ("37.7749° N, 122.4194°
// W"), or a quarter as often in degrees, minutes and seconds
// ("31°13'49.5\"N 121°28'25.3\"E", JSON-escaped).
func (r *rng) appendCoordinates(dst []byte) []byte {
	lat := float64(r.between(1, 70)) + float64(r.intn(1000000))/1e6
	lon := float64(r.between(1, 179)) + float64(r.intn(1000000))/1e6
	south, west := r.chance(30), r.chance(40)
	switch r.intn(4) {
	case 0, 1:
		if south {
			dst = append(dst, '-')
		}
		dst = strconv.AppendFloat(dst, lat, 'f', 6, 64)
		dst = append(dst, ", "[:1+r.intn(2)]...)
		if west {
			dst = append(dst, '-')
		}
		return strconv.AppendFloat(dst, lon, 'f', 6, 64)
	case 2:
		dst = append(strconv.AppendFloat(dst, lat, 'f', 4, 64), "° "...)
		dst = append(dst, hemisphere(south, "N", "S")...)
		dst = append(strconv.AppendFloat(append(dst, ", "...), lon, 'f', 4, 64), "° "...)
		return append(dst, hemisphere(west, "E", "W")...)
	}
	dst = appendDMS(dst, lat)
	dst = append(append(dst, hemisphere(south, "N", "S")...), ' ')
	return append(appendDMS(dst, lon), hemisphere(west, "E", "W")...)
}

// appendDMS appends v in degrees, minutes and seconds with one decimal,
// the seconds' sign JSON-escaped: 31°13'49.5\".
func appendDMS(dst []byte, v float64) []byte {
	tenths := int(v*36000 + 0.5)
	dst = append(strconv.AppendInt(dst, int64(tenths/36000), 10), "°"...)
	dst = append(strconv.AppendInt(dst, int64(tenths/600%60), 10), '\'')
	dst = append(strconv.AppendInt(dst, int64(tenths/10%60), 10), '.')
	return append(strconv.AppendInt(dst, int64(tenths%10), 10), `\"`...)
}

func hemisphere(other bool, first, second string) string {
	if other {
		return second
	}
	return first
}

// appendWeights appends two blend weights that add up to one, with two
// decimals or three ("0.35, 0.65"): no place.
func (r *rng) appendWeights(dst []byte) []byte {
	digits := 2 + r.intn(2)
	w := float64(r.between(5, 95)) / 100
	dst = append(strconv.AppendFloat(dst, w, 'f', digits, 64), ", "...)
	return strconv.AppendFloat(dst, 1-w, 'f', digits, 64)
}
